// alerts: 简体中文 (keys identical to alertsMessages.en.ts).
import type { Table } from '../../i18n/catalogue';
import type { AlertsKey } from './alertsMessages.en';

const zhHans: Table<AlertsKey> = {
  'alerts.title': '异常预警',
  'alerts.link': '异常预警',
  'alerts.intro': '以下规则从经签署的审计日志中发现的异常，涉及本单位人员及非海关人员账户。请逐条核查，并填写备注后确认。',
  'alerts.open': '待处理预警',
  'alerts.all': '全部预警',
  'alerts.refresh': '刷新',
  'alerts.empty': '没有需要核查的预警。',
  'alerts.who': '对象：{who}',
  'alerts.unit': '单位：{unit}',
  'alerts.events': { count: 'count', other: '{count} 条记录，{first} 至 {last}' },
  'alerts.raised': '预警时间：{at}',
  'alerts.acknowledged': '确认时间：{at}',
  'alerts.note': '备注',
  'alerts.note.hint': '核查结果（可不填，最多 200 字）。',
  'alerts.acknowledge': '确认',
  'alerts.done': '已确认。',
  'alerts.rules': '预警规则',
  'alerts.rule.count': { count: 'minutes', other: '{minutes} 分钟内至少 {threshold} 次' },
  'alerts.rule.hours': '工作日 {start}–{end} 以外',
  'alerts.rule.on': '启用',
  'alerts.rule.off': '停用',
};

export default zhHans;
