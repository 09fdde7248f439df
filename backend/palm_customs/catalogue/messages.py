from __future__ import annotations

from palm_customs.core.i18n import Catalogue

MESSAGES: Catalogue = {
    "field.zh_hans": ("简体中文名称", "簡體中文名稱", "the name in Simplified Chinese"),
    "field.zh_hant": ("繁体中文名称", "繁體中文名稱", "the name in Traditional Chinese"),
    "field.en": ("英文名称", "英文名稱", "the name in English"),
    "field.accepted_formats": ("可接受的格式", "可接受的格式", "the accepted formats"),
    "field.max_bytes": (
        "文件大小上限（字节）",
        "檔案大小上限（位元組）",
        "the size limit in bytes",
    ),
    "field.amount_fen": ("在线缴纳的费用（分）", "在線繳納的費用（分）", "the fee in fen"),
}
