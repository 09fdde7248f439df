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
  'alerts.rule.change': '修改',
  'alerts.rule.change.named': '修改规则“{title}”',
  'alerts.rule.enabled': '启用此规则',
  'alerts.rule.threshold': '达到多少次即预警',
  'alerts.rule.threshold.hint': '1 至 10,000 之间的整数。',
  'alerts.rule.minutes': '时间范围（分钟）',
  'alerts.rule.minutes.hint': '整数分钟，最多 10,080（一周）。',
  'alerts.rule.start': '上班时间',
  'alerts.rule.end': '下班时间',
  'alerts.rule.whole': '请输入整数，例如 20。',
  'alerts.rule.time': '请输入时间，例如 08:30。',
  'alerts.rule.save': '保存规则',
  'alerts.rule.cancel': '取消',
  'alerts.rule.saved': '规则已保存，下次检查日志时生效。',
};

export default zhHans;
