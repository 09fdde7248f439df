from __future__ import annotations

from palm_customs.core.i18n import Catalogue

MESSAGES: Catalogue = {
    "declaration.not_found": (
        "未找到该申报。",
        "找不到該申報。",
        "We could not find that declaration.",
    ),
    "declaration.no_profile": (
        "请先在“我的”中完善个人资料（证件信息），再进行申报。",
        "請先在「我的」中完善個人資料（證件資料），再進行申報。",
        "Complete your profile (identity document) under Me before declaring.",
    ),
    "declaration.outside_window": (
        "申报只能在预定出入境时间前 {hours} 小时至之后 24 小时内提交，请检查日期和时间。",
        "申報只能在預定出入境時間前 {hours} 小時至之後 24 小時內提交，請檢查日期和時間。",
        "You can submit from {hours} hours before your scheduled crossing until 24 hours "
        "after it. Check the date and time.",
    ),
    "declaration.already_used": (
        "海关已处理此申报，无法再修改。",
        "海關已處理此申報，無法再修改。",
        "Customs has already processed this declaration, so it cannot be changed.",
    ),
    "declaration.too_many_allowance_choices": (
        "不同的物品太多，无法精确计算哪些物品免税。请把相同的物品合并为一行并填写数量，"
        "或向海关申报全部物品。",
        "不同的物品太多，無法精確計算哪些物品免稅。請把相同的物品合併為一行並填寫數量，"
        "或向海關申報全部物品。",
        "There are too many different articles to work out exactly which ones the allowance "
        "covers. Put identical articles on one line with a quantity, or declare them all to "
        "customs.",
    ),
    "declaration.too_many_estimates": (
        "估算请求过于频繁，请 {seconds} 秒后再试。在此期间，手机上的离线估算仍可使用。",
        "估算請求過於頻繁，請 {seconds} 秒後再試。在此期間，手機上的離線估算仍可使用。",
        "Too many estimates in a short time: try again in {seconds} seconds. Until then the "
        "estimate on your phone still works.",
    ),
    "declaration.superseded": (
        "此申报已有更新的版本，请使用最新版本。",
        "此申報已有更新的版本，請使用最新版本。",
        "A newer version of this declaration exists. Use the latest one.",
    ),
    "declaration.draft_conflict": (
        "此草稿已在另一台设备上修改。请选择保留哪一个版本。",
        "此草稿已在另一部裝置上修改。請選擇保留哪一個版本。",
        "This draft was changed on another device. Choose which version to keep.",
    ),
    "declaration.draft_too_large": (
        "草稿内容过多，请删减后再保存。",
        "草稿內容過多，請刪減後再儲存。",
        "The draft is too large. Remove something and save again.",
    ),
    "declaration.credential_malformed": (
        "这不是掌上海关的申报二维码。",
        "這不是掌上海關的申報二維碼。",
        "This is not a Palm Customs declaration code.",
    ),
    "declaration.credential_tampered": (
        "二维码已被篡改，签名无效。",
        "二維碼已被竄改，簽名無效。",
        "This code has been altered: its signature is not valid.",
    ),
    "declaration.credential_unknown_key": (
        "二维码的签名密钥未知。",
        "二維碼的簽名金鑰未知。",
        "This code was signed with an unknown key.",
    ),
    "declaration.credential_expired": (
        "此申报已过有效期。",
        "此申報已過有效期。",
        "This declaration has expired.",
    ),
    "declaration.outcome_conflict": (
        "此申报已由其他关员记录了处理结果。",
        "此申報已由其他關員記錄了處理結果。",
        "Another officer has already recorded an outcome for this declaration.",
    ),
    "declaration.photo_not_found": (
        "找不到这张物品照片：它不在您的文件中或已被删除。请重新添加照片，或删除后再提交。",
        "找不到這張物品照片：它不在您的文件中或已被刪除。請重新加入照片，或移除後再提交。",
        "We could not find this article's photo: it is not among your documents or it was "
        "deleted. Add the photo again, or remove it, then submit.",
    ),
    "declaration.photo_wrong_type": (
        "物品照片必须是收据或物品本身的图片或 PDF，不能使用证件等其他文件。请换一张照片。",
        "物品照片必須是收據或物品本身的圖片或 PDF，不能使用證件等其他文件。請換一張照片。",
        "An article's photo must be a picture or PDF of the receipt or the article, not an "
        "identity document or another file. Choose another photo.",
    ),
    "field.photo_document_id": ("物品照片", "物品照片", "the photo"),
    "field.port_code": ("口岸", "口岸", "the port"),
    "field.travel_number": (
        "航班/车次/船名/车牌",
        "航班/車次/船名/車牌",
        "the flight, train, vessel or plate number",
    ),
    "field.scheduled_at": ("预定时间", "預定時間", "the scheduled time"),
    "field.companions": ("同行人", "同行人", "companions"),
    "field.articles": ("物品", "物品", "articles"),
    "field.category_code": ("物品类别", "物品類別", "the category"),
    "field.description": ("物品描述", "物品描述", "a description"),
    "field.quantity": ("数量", "數量", "the quantity"),
    "field.unit_value": ("单价", "單價", "the value of one item"),
    "field.currency": ("币种", "幣種", "the currency"),
    "field.traveller": ("物品所属人", "物品所屬人", "whose article it is"),
    "field.amount": ("金额", "金額", "the amount"),
    "field.consent_statement": (
        "同意声明",
        "同意聲明",
        "the consent statement",
    ),
    "field.restricted_yes": ("禁限物品清单", "禁限物品清單", "the restricted goods answers"),
    "field.reason": ("原因", "原因", "the reason"),
    "field.receipt_number": ("收据编号", "收據編號", "the receipt number"),
    "field.duty_assessed": ("核定税额", "核定稅額", "the assessed duty"),
    "field.idempotency_key": ("请求编号", "請求編號", "the request key"),
}
