import type { Table } from './catalogue';
import type { MessageKey } from './en';

const zhHans: Table<MessageKey> = {
  'app.name': '掌上海关',
  'app.skipLink': '跳到主要内容',
  'app.titleSuffix': '掌上海关',

  'nav.label': '主导航',
  'nav.home': '首页',
  'nav.declare': '申报',
  'nav.services': '办事',
  'nav.appointments': '预约',
  'nav.me': '我的',
  'header.inbox': '消息',
  'header.unread': '{count} 条未读',

  'lang.label': '语言',
  'lang.zh-Hans': '简体中文',
  'lang.zh-Hant': '繁體中文',
  'lang.en': 'English',

  'home.title': '海关服务，掌上办理',
  'home.intro':
    '掌上海关把海关的服务带到您的手机和平板上：入境前申报随身携带的物品，到现场办理前在网上预审需要携带的材料，并预约服务窗口的办理时间。',
  'home.journeys': '您可以办理',
  'home.declare.title': '物品申报',
  'home.declare.audience': '适用于旅客',
  'home.declare.body': '申报随身携带的物品，入境前查看税款估算，在海关通道出示二维码。',
  'home.declare.cta': '前往物品申报',
  'home.services.title': '办事服务与预审',
  'home.services.audience': '适用于个人和企业',
  'home.services.body': '查找办事事项并提交申请，材料在网上预审，一次性告知全部需要补正的内容。',
  'home.services.cta': '前往办事服务与预审',
  'home.appointments.title': '预约办理',
  'home.appointments.audience': '适用于到海关现场办事的人员',
  'home.appointments.body': '预约服务窗口的办理时间，到达后扫描二维码签到。',
  'home.appointments.cta': '前往预约办理',
  'home.officer.title': '关员工作台',
  'home.officer.audience': '适用于海关关员',
  'home.officer.body': '在平板上处理审核队列、扫码签到和记录查验结果。',
  'home.officer.cta': '前往关员工作台',

  'services.title': '办事服务与预审',
  'appointments.title': '预约办理',
  'officer.title': '关员工作台',
  'inbox.title': '消息',
  'building.body': '掌上海关的这一部分正在建设中。请查看首页了解本应用将提供的服务。',
  'building.homeLink': '返回首页',

  'notFound.title': '找不到该页面',
  'notFound.body': '如果您是手动输入的网址，请检查是否正确。如果您是通过链接进入的，请返回首页。',

  'loadError.title': '此页面无法加载',
  'loadError.body': '请检查网络连接，然后重试。',
  'loadError.retry': '重试',

  'footer.label': '关于掌上海关',
  'footer.serverVersion': '服务器版本 {version}',

  'update.available': '掌上海关有新版本。',
  'update.reload': '重新加载以更新',
  'update.dirty': '有新版本可用。请先完成或离开正在填写的表单，然后重新加载。',
  'update.dismiss': '暂不更新',

  'errorSummary.title': '存在问题',

  'loading': '正在加载…',
  'action.cancel': '取消',
  'notice.error': '存在问题',
  'notice.done': '已完成',
  'error.network': '您似乎已离线。请检查网络连接，然后重试。',
  'error.server': '我们这边出了问题。请过几分钟再试。',
  'error.retryAfter': '请在 {seconds} 秒后重试。',

  'header.signIn': '登录',
  'header.signedInAs': '已登录：',

  'document.RESIDENT_ID': '居民身份证',
  'document.PASSPORT': '护照',
  'document.TRAVEL_PERMIT': '通行证',

  'officer.badge': '警号',
  'officer.unit': '单位',
  'officer.signedInAs': '已作为关员 {badge} 登录',
  'officer.signedOut': '请使用您的关员通行密钥登录。首次在本设备上使用？请用管理员提供的代码进行设置。',
  'officer.enrol.title': '为关员设置本设备',
  'officer.enrol.intro': '输入您的警号和管理员提供的一次性代码。本设备随后会为您创建通行密钥。',
  'officer.enrol.link': '设置本设备',
  'officer.enrol.code': '一次性注册码',
  'officer.enrol.codeHint': '三组各 6 个字符，例如 ABC123-DEF456-GHJ789。',
  'officer.enrol.badgeRequired': '请输入警号',
  'officer.enrol.codeRequired': '请输入注册码',
  'officer.enrol.submit': '创建我的通行密钥',
  'officer.enrol.unsupported': '此浏览器无法创建通行密钥。关员必须使用通行密钥：请使用执勤平板或最新版浏览器。',

  'officer.verify.link': '核验申报',
  'officer.reviews.link': '待审队列',
  'officer.appointments.link': '今日预约（签到和叫号）',
  'officer.notices.link': '发布政策公告',
  'officer.materials.link': '材料类型',
  'officer.items.link': '办事事项',
};

export default zhHans;
