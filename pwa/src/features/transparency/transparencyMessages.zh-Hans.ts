// transparency: 简体中文 (keys identical to transparencyMessages.en.ts).
import type { Table } from '../../i18n/catalogue';
import type { TransparencyKey } from './transparencyMessages.en';

const zhHans: Table<TransparencyKey> = {
  'dataAccess.title': '谁查看了我的数据',
  'dataAccess.link': '谁查看了我的数据',
  'dataAccess.intro': '海关工作人员每次打开或更改您的申报、申请或材料，都会记入一份经签名、防篡改的日志。以下即为该记录，最新的在前。',
  'dataAccess.empty': '尚无工作人员打开或更改您的记录。',
  'dataAccess.kind.DECLARATION': '申报单 {label}',
  'dataAccess.kind.APPLICATION': '{label} 事项申请',
  'dataAccess.kind.DOCUMENT': '材料（{label}）',
  'dataAccess.outcome.READ': '已查看',
  'dataAccess.outcome.OK': '已更改',
  'dataAccess.outcome.other': '被拒绝的操作',
  'dataAccess.by': '操作单位：{unit}',
  'dataAccess.unit.unknown': '海关某单位',
  'dataAccess.at': '时间：{at}',
  'dataAccess.pending': '正在写入签名日志，证明稍后即可获取。',
  'dataAccess.proof': '获取证明',
  'dataAccess.proof.hint': '任何人都可以用日志公钥（/audit/keys）核验此证明，无需信任本应用或其数据库。',
  'dataAccess.proof.none': '此条记录暂时没有可用的证明，请稍后再试。',
  'dataAccess.proof.heading': '此条记录的证明',
};

export default zhHans;
