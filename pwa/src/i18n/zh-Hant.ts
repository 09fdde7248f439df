import type { Table } from './catalogue';
import type { MessageKey } from './en';

const zhHant: Table<MessageKey> = {
  'app.name': '掌上海關',
  'app.skipLink': '跳到主要內容',
  'app.titleSuffix': '掌上海關',

  'nav.label': '主導覽',
  'nav.home': '首頁',
  'nav.declare': '申報',
  'nav.services': '辦事',
  'nav.appointments': '預約',
  'nav.me': '我的',
  'header.inbox': '訊息',
  'header.unread': '{count} 則未讀',

  'lang.label': '語言',
  'lang.zh-Hans': '简体中文',
  'lang.zh-Hant': '繁體中文',
  'lang.en': 'English',

  'home.title': '海關服務，掌上辦理',
  'home.intro':
    '掌上海關把海關的服務帶到您的手機和平板上：入境前申報隨身攜帶的物品，到現場辦理前在網上預審需要攜帶的文件，並預約服務窗口的辦理時間。',
  'home.journeys': '您可以辦理',
  'home.declare.title': '物品申報',
  'home.declare.audience': '適用於旅客',
  'home.declare.body': '申報隨身攜帶的物品，入境前查看稅款估算，在海關通道出示二維碼。',
  'home.declare.cta': '前往物品申報',
  'home.services.title': '辦事服務與預審',
  'home.services.audience': '適用於個人和企業',
  'home.services.body': '查找辦事事項並提交申請，文件在網上預審，一次性告知全部需要補正的內容。',
  'home.services.cta': '前往辦事服務與預審',
  'home.appointments.title': '預約辦理',
  'home.appointments.audience': '適用於到海關現場辦事的人士',
  'home.appointments.body': '預約服務窗口的辦理時間，到達後掃描二維碼簽到。',
  'home.appointments.cta': '前往預約辦理',
  'home.officer.title': '關員工作台',
  'home.officer.audience': '適用於海關關員',
  'home.officer.body': '在平板上處理審核隊列、掃碼簽到和記錄查驗結果。',
  'home.officer.cta': '前往關員工作台',

  'services.title': '辦事服務與預審',
  'appointments.title': '預約辦理',
  'officer.title': '關員工作台',
  'inbox.title': '訊息',
  'building.body': '掌上海關的這一部分正在建設中。請查看首頁了解本應用將提供的服務。',
  'building.homeLink': '返回首頁',

  'notFound.title': '找不到該頁面',
  'notFound.body': '如果您是手動輸入的網址，請檢查是否正確。如果您是透過連結進入的，請返回首頁。',

  'loadError.title': '此頁面無法載入',
  'loadError.body': '請檢查網絡連線，然後重試。',
  'loadError.retry': '重試',

  'footer.label': '關於掌上海關',
  'footer.serverVersion': '伺服器版本 {version}',

  'update.available': '掌上海關有新版本。',
  'update.reload': '重新載入以更新',
  'update.dirty': '有新版本可用。請先完成或離開正在填寫的表格，然後重新載入。',
  'update.dismiss': '暫不更新',

  'errorSummary.title': '存在問題',

  'loading': '正在載入…',
  'action.cancel': '取消',
  'notice.error': '存在問題',
  'notice.done': '已完成',
  'error.network': '您似乎已離線。請檢查網路連線，然後重試。',
  'error.server': '我們這邊出了問題。請過幾分鐘再試。',
  'error.retryAfter': '請在 {seconds} 秒後重試。',

  'header.signIn': '登入',
  'header.signedInAs': '已登入：',

  'document.RESIDENT_ID': '居民身份證',
  'document.PASSPORT': '護照',
  'document.TRAVEL_PERMIT': '通行證',

  'officer.badge': '警號',
  'officer.unit': '單位',
  'officer.signedInAs': '已作為關員 {badge} 登入',
  'officer.signedOut': '請使用您的關員通行金鑰登入。首次在本裝置上使用？請用管理員提供的程式碼進行設定。',
  'officer.enrol.title': '為關員設定本裝置',
  'officer.enrol.intro': '輸入您的警號和管理員提供的一次性程式碼。本裝置隨後會為您建立通行金鑰。',
  'officer.enrol.link': '設定本裝置',
  'officer.enrol.code': '一次性註冊碼',
  'officer.enrol.codeHint': '三組各 6 個字元，例如 ABC123-DEF456-GHJ789。',
  'officer.enrol.badgeRequired': '請輸入警號',
  'officer.enrol.codeRequired': '請輸入註冊碼',
  'officer.enrol.submit': '建立我的通行金鑰',
  'officer.enrol.unsupported': '此瀏覽器無法建立通行金鑰。關員必須使用通行金鑰：請使用執勤平板或最新版瀏覽器。',

  'officer.verify.link': '核驗申報',
  'officer.reviews.link': '待審隊列',
  'officer.appointments.link': '今日預約（簽到和叫號）',
  'officer.notices.link': '發佈政策公告',
  'officer.materials.link': '材料類型',
  'officer.items.link': '辦事事項',
};

export default zhHant;
