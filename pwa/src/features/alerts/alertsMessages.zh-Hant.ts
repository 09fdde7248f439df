// alerts: 繁體中文 (keys identical to alertsMessages.en.ts).
import type { Table } from '../../i18n/catalogue';
import type { AlertsKey } from './alertsMessages.en';

const zhHant: Table<AlertsKey> = {
  'alerts.title': '異常預警',
  'alerts.link': '異常預警',
  'alerts.intro': '以下規則從經簽署的審計日誌中發現的異常，涉及本單位人員及非海關人員賬戶。請逐條核查，並填寫備註後確認。',
  'alerts.open': '待處理預警',
  'alerts.all': '全部預警',
  'alerts.refresh': '重新整理',
  'alerts.empty': '沒有需要核查的預警。',
  'alerts.who': '對象：{who}',
  'alerts.unit': '單位：{unit}',
  'alerts.events': { count: 'count', other: '{count} 條記錄，{first} 至 {last}' },
  'alerts.raised': '預警時間：{at}',
  'alerts.acknowledged': '確認時間：{at}',
  'alerts.note': '備註',
  'alerts.note.hint': '核查結果（可不填，最多 200 字）。',
  'alerts.acknowledge': '確認',
  'alerts.done': '已確認。',
  'alerts.rules': '預警規則',
  'alerts.rule.count': { count: 'minutes', other: '{minutes} 分鐘內至少 {threshold} 次' },
  'alerts.rule.hours': '工作日 {start}–{end} 以外',
  'alerts.rule.on': '啟用',
  'alerts.rule.off': '停用',
  'alerts.rule.change': '修改',
  'alerts.rule.change.named': '修改規則「{title}」',
  'alerts.rule.enabled': '啟用此規則',
  'alerts.rule.threshold': '達到多少次即預警',
  'alerts.rule.threshold.hint': '1 至 10,000 之間的整數。',
  'alerts.rule.minutes': '時間範圍（分鐘）',
  'alerts.rule.minutes.hint': '整數分鐘，最多 10,080（一週）。',
  'alerts.rule.start': '上班時間',
  'alerts.rule.end': '下班時間',
  'alerts.rule.whole': '請輸入整數，例如 20。',
  'alerts.rule.time': '請輸入時間，例如 08:30。',
  'alerts.rule.save': '儲存規則',
  'alerts.rule.cancel': '取消',
  'alerts.rule.saved': '規則已儲存，下次檢查日誌時生效。',
};

export default zhHant;
