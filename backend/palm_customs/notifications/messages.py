from __future__ import annotations

from palm_customs.core.i18n import Catalogue

MESSAGES: Catalogue = {
    "notify.declaration_received.title": (
        "申报已提交：{number}",
        "申報已提交：{number}",
        "Declaration submitted: {number}",
    ),
    "notify.declaration_received.body": (
        "第 {version} 版已生效。过关时请出示二维码。预计税款 {duty}。",
        "第 {version} 版已生效。過關時請出示二維碼。預計稅款 {duty}。",
        "Version {version} is ready. Show the QR code at the channel. Estimated duty {duty}.",
    ),
    "notify.declaration_outcome.title": (
        "海关已处理申报 {number}",
        "海關已處理申報 {number}",
        "Customs processed {number}",
    ),
    "notify.declaration_outcome.body.released": (
        "已放行，祝您旅途愉快。",
        "已放行，祝您旅途愉快。",
        "Released. Have a good journey.",
    ),
    "notify.declaration_outcome.body.inspected_no_discrepancy": (
        "查验完毕，未发现问题。",
        "查驗完畢，未發現問題。",
        "Inspected with no discrepancy.",
    ),
    "notify.declaration_outcome.body.duty_assessed": (
        "核定税款 {duty}，请按指引缴纳。",
        "核定稅款 {duty}，請按指引繳納。",
        "Duty assessed: {duty}. Follow the instructions to pay.",
    ),
    "notify.declaration_outcome.body.articles_retained": (
        "部分物品已被暂扣，收据编号 {receipt}。",
        "部分物品已被暫扣，收據編號 {receipt}。",
        "Some articles were retained. Receipt {receipt}.",
    ),
    "notify.policy_notice.default_link": ("", "", ""),
    "notifications.not_found": (
        "未找到该通知。",
        "找不到該通知。",
        "We could not find that notification.",
    ),
    "notifications.endpoint_not_allowed": (
        "此推送地址不受支持。",
        "此推送地址不受支援。",
        "This push service address is not supported.",
    ),
    "field.endpoint": ("推送地址", "推送地址", "the push address"),
    "field.p256dh": ("推送密钥", "推送金鑰", "the push key"),
    "field.auth": ("推送密钥", "推送金鑰", "the push secret"),
    "field.categories": ("通知类别", "通知類別", "the notification categories"),
    "field.timezone": ("时区", "時區", "the time zone"),
    "field.category": ("类别", "類別", "the category"),
    "field.title": ("标题", "標題", "the title"),
    "field.body": ("正文", "正文", "the text"),
    "field.link": ("链接", "連結", "the link"),
}
