import type { Messages } from './types';

export const zhHans: Messages = {
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

  'lang.label': '语言',
  'lang.zh-Hans': '简体中文',
  'lang.zh-Hant': '繁體中文',
  'lang.en': 'English',

  'home.title': '海关服务，掌上办理',
  'home.intro':
    '掌上海关把海关的服务带到您的手机和平板上：入境前申报随身携带的物品，到现场办理前在网上预审需要携带的材料，并预约服务窗口的办理时间。',
  'home.journeys': '您可以办理',
  'home.startsAt': '入口：{path}',
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

  'declare.title': '物品申报',
  'services.title': '办事服务与预审',
  'appointments.title': '预约办理',
  'officer.title': '关员工作台',
  'me.title': '我的',
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
};
