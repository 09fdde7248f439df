// transparency: 繁體中文 (keys identical to transparencyMessages.en.ts).
import type { Table } from '../../i18n/catalogue';
import type { TransparencyKey } from './transparencyMessages.en';

const zhHant: Table<TransparencyKey> = {
  'dataAccess.title': '誰查看了我的資料',
  'dataAccess.link': '誰查看了我的資料',
  'dataAccess.intro': '海關工作人員每次開啟或更改您的申報、申請或資料，都會記入一份經簽署、防竄改的日誌。以下即為該紀錄，最新的在前。',
  'dataAccess.empty': '尚無工作人員開啟或更改您的紀錄。',
  'dataAccess.kind.DECLARATION': '申報單 {label}',
  'dataAccess.kind.APPLICATION': '{label} 事項申請',
  'dataAccess.kind.DOCUMENT': '資料（{label}）',
  'dataAccess.outcome.READ': '已查看',
  'dataAccess.outcome.OK': '已更改',
  'dataAccess.outcome.other': '被拒絕的操作',
  'dataAccess.by': '操作單位：{unit}',
  'dataAccess.unit.unknown': '海關某單位',
  'dataAccess.at': '時間：{at}',
  'dataAccess.pending': '正在寫入簽署日誌，證明稍後即可取得。',
  'dataAccess.proof': '取得證明',
  'dataAccess.proof.hint': '任何人都可以用日誌公鑰（/audit/keys）核驗此證明，無需信任本應用程式或其資料庫。',
  'dataAccess.proof.none': '此筆紀錄暫時沒有可用的證明，請稍後再試。',
  'dataAccess.proof.heading': '此筆紀錄的證明',
};

export default zhHant;
