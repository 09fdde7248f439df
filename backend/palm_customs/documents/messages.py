from __future__ import annotations

from palm_customs.core.i18n import Catalogue

MESSAGES: Catalogue = {
    "document.not_found": (
        "未找到该文件。",
        "找不到該檔案。",
        "We could not find that document.",
    ),
    "document.material_unknown": (
        "没有这种材料类型，请从列表中选择。",
        "沒有這種材料類型，請從列表中選擇。",
        "There is no such kind of material. Choose one from the list.",
    ),
    "document.not_a_member": (
        "你不是该企业的有效成员，不能为其上传文件。",
        "你不是該企業的有效成員，不能為其上傳檔案。",
        "You are not an active member of that enterprise, so you cannot upload for it.",
    ),
    "document.unrecognised_format": (
        "无法识别此文件。请上传 JPEG、PNG、HEIC 图片或 PDF 文件。",
        "無法識別此檔案。請上傳 JPEG、PNG、HEIC 圖片或 PDF 檔案。",
        "We could not recognise this file. Upload a JPEG, PNG or HEIC picture or a PDF.",
    ),
    "document.format_not_accepted": (
        "此文件是 {found} 格式，这种材料只接受：{accepted}。",
        "此檔案是 {found} 格式，這種材料只接受：{accepted}。",
        "This file is a {found}. This material accepts only: {accepted}.",
    ),
    "document.too_large": (
        "文件不能超过 {limit_mb} MB，请压缩或分页后再上传。",
        "檔案不能超過 {limit_mb} MB，請壓縮或分頁後再上傳。",
        "The file must be {limit_mb} MB or smaller. Compress it or split it, then upload.",
    ),
    "document.unreadable": (
        "文件已损坏或无法读取，请重新扫描或拍照后上传。",
        "檔案已損壞或無法讀取，請重新掃描或拍照後上傳。",
        "The file is damaged or cannot be read. Scan or photograph it again and upload.",
    ),
    "document.image_too_large": (
        "图片像素过多，请降低分辨率后再上传。",
        "圖片像素過多，請降低解析度後再上傳。",
        "The picture has too many pixels. Lower its resolution and upload again.",
    ),
    "document.pdf_active_content": (
        "PDF 含有脚本或自动执行的操作，不能接受。请“打印为 PDF”后重新上传。",
        "PDF 含有指令碼或自動執行的操作，不能接受。請「列印為 PDF」後重新上傳。",
        "The PDF contains scripts or automatic actions, which we cannot accept. "
        "Print it to a new PDF and upload that.",
    ),
    "document.pdf_encrypted": (
        "PDF 已加密或设有密码，请去除密码后再上传。",
        "PDF 已加密或設有密碼，請移除密碼後再上傳。",
        "The PDF is encrypted or password-protected. Remove the password and upload again.",
    ),
    "document.expired": (
        "该证件已过有效期，请上传有效的证件。",
        "該證件已過有效期，請上傳有效的證件。",
        "This document has expired. Upload one that is still valid.",
    ),
    "document.not_yet_valid": (
        "有效期截止日期不能早于签发日期。",
        "有效期截止日期不能早於簽發日期。",
        "The expiry date cannot be before the issue date.",
    ),
    "document.wrong_material": (
        "此文件不是所需的材料类型。",
        "此檔案不是所需的材料類型。",
        "This document is not the kind of material required.",
    ),
    "document.in_use": (
        "此文件正被申请使用，不能删除。",
        "此檔案正被申請使用，不能刪除。",
        "An application uses this document, so it cannot be deleted.",
    ),
    "field.issue_date": ("签发日期", "簽發日期", "the issue date"),
    "field.expiry_date": ("有效期截止日期", "有效期截止日期", "the expiry date"),
    "field.label": ("备注名称", "備註名稱", "the label"),
    "field.material_code": ("材料类型", "材料類型", "the kind of material"),
    "field.enterprise_id": ("企业", "企業", "the enterprise"),
    "field.file": ("文件", "檔案", "a file"),
}
