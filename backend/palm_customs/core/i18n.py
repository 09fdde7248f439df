"""Server-side text in the three languages of the product.

The PWA has its own catalogues for the screens; the server only words the messages it sends
back (errors, notifications), always alongside a stable `code` the client may translate itself.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import Enum


class Language(Enum):
    """A language the product speaks (published as a GraphQL enum by core/types.py)."""

    ZH_HANS = "zh-Hans"
    ZH_HANT = "zh-Hant"
    EN = "en"


_HANT_REGIONS = ("tw", "hk", "mo")


def negotiate_language(accept_language: str | None) -> Language:
    """Pick zh-Hans, zh-Hant or en from an Accept-Language header (first acceptable wins)."""
    if not accept_language:
        return Language.ZH_HANS
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(accept_language.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        ranked.append((-quality, index, tag.strip().lower()))
    for _, _, tag in sorted(ranked):
        if tag.startswith("zh"):
            if "hant" in tag or any(tag.endswith("-" + r) for r in _HANT_REGIONS):
                return Language.ZH_HANT
            return Language.ZH_HANS
        if tag.startswith("en"):
            return Language.EN
    return Language.EN


# key -> (zh-Hans, zh-Hant, en). Placeholders use str.format names.
Catalogue = dict[str, tuple[str, str, str]]

# The shared texts; each domain keeps its own in `<domain>/messages.py`, and
# `palm_customs/registry.py` lists them all.
MESSAGES: Catalogue = {
    "error.internal": (
        "服务暂时出现问题，请稍后再试。如需帮助，请提供编号 {request_id}。",
        "服務暫時出現問題，請稍後再試。如需協助，請提供編號 {request_id}。",
        "Something went wrong on our side. Please try again later. "
        "If you need help, quote reference {request_id}.",
    ),
    "error.bad_variables": (
        "请求中的数据格式不正确，未作任何更改。",
        "請求中的資料格式不正確，未作任何變更。",
        "The data sent with the request is not in the expected form. Nothing was changed.",
    ),
    "error.input_control": (
        "输入中含有无法接受的控制字符，未作任何更改。请删除后重试。",
        "輸入中含有無法接受的控制字元，未作任何變更。請刪除後重試。",
        "The text contains a control character we cannot accept. Nothing was changed. "
        "Remove it and try again.",
    ),
    "error.operation_name_required": (
        "请求中包含多个操作，请指明要执行的操作（operationName）。",
        "請求中包含多個操作，請指明要執行的操作（operationName）。",
        "The request holds several operations: name the one to run (operationName).",
    ),
    "error.input_too_long": (
        "输入过长（最多 {limit} 个字符），未作任何更改。",
        "輸入過長（最多 {limit} 個字元），未作任何變更。",
        "The text is too long ({limit} characters at most). Nothing was changed.",
    ),
    "error.unauthenticated": (
        "请先登录。",
        "請先登入。",
        "Please sign in first.",
    ),
    "error.step_up_required": (
        "此操作需要再次验证身份。",
        "此操作需要再次驗證身分。",
        "Please confirm it is you to continue.",
    ),
    "error.forbidden": (
        "您没有权限执行此操作。",
        "您沒有權限執行此操作。",
        "You do not have permission to do this.",
    ),
    "validation.summary": (
        "请更正以下问题后再提交。",
        "請更正以下問題後再提交。",
        "Please correct the problems below and submit again.",
    ),
    "validation.required": ("请填写{label}。", "請填寫{label}。", "Enter {label}."),
    "validation.too_long": (
        "{label}不能超过 {limit} 个字符。",
        "{label}不能超過 {limit} 個字元。",
        "{label} must be {limit} characters or fewer.",
    ),
    "validation.too_short": (
        "{label}至少需要 {limit} 个字符。",
        "{label}至少需要 {limit} 個字元。",
        "{label} must be at least {limit} characters.",
    ),
    "validation.out_of_range": (
        "{label}必须在 {low} 到 {high} 之间。",
        "{label}必須在 {low} 到 {high} 之間。",
        "{label} must be between {low} and {high}.",
    ),
    "validation.invalid_format": (
        "{label}的格式不正确。",
        "{label}的格式不正確。",
        "{label} is not in the right format.",
    ),
    "validation.check_digit": (
        "{label}的校验位不正确，请核对后重新输入。",
        "{label}的校驗位不正確，請核對後重新輸入。",
        "{label} is not valid: check each character and try again.",
    ),
    "validation.common_password": (
        "这个密码太常见，很容易被猜到，请换一个。",
        "這個密碼太常見，很容易被猜到，請換一個。",
        "This password is too common and easy to guess. Choose another.",
    ),
    "validation.in_the_past": (
        "{label}必须是未来的日期。",
        "{label}必須是未來的日期。",
        "{label} must be in the future.",
    ),
    "validation.in_the_future": (
        "{label}不能是未来的日期。",
        "{label}不能是未來的日期。",
        "{label} cannot be in the future.",
    ),
    "field.this": ("此项", "此項", "this"),
    "field.message": ("反馈内容", "意見內容", "your feedback"),
    "field.page": ("页面", "頁面", "the page"),
    "field.first": ("每页数量", "每頁數量", "the page size"),
    "field.after": ("翻页位置", "翻頁位置", "the page cursor"),
    "field.interval_seconds": ("时间间隔", "時間間隔", "the interval"),
}


_COLUMN = {Language.ZH_HANS: 0, Language.ZH_HANT: 1, Language.EN: 2}

_catalogue: Catalogue | None = None


def merge(strict: list[Mapping[str, tuple[str, str, str]]], shared: list[Catalogue]) -> Catalogue:
    """One catalogue from several: a key of `strict` may be defined once only; a key of
    `shared` (field labels, common words) keeps its first definition."""
    merged: Catalogue = {}
    for part in strict:
        clash = merged.keys() & part.keys()
        if clash:
            raise ValueError(f"message keys defined twice: {sorted(clash)}")
        merged.update(part)
    for part in shared:
        for key, text in part.items():
            merged.setdefault(key, text)
    return merged


def use_catalogue(catalogue: Catalogue) -> None:
    """Install the whole catalogue (`palm_customs.registry.install` does, at every start)."""
    global _catalogue
    _catalogue = catalogue


def catalogue() -> Mapping[str, tuple[str, str, str]]:
    """Every message of the product, whatever this process imported so far.

    Loaded from the explicit list in `palm_customs/registry.py` on first use, so a process
    that never imports the GraphQL schema (a worker, a CLI command) words every message too.
    """
    if _catalogue is None:
        from palm_customs import registry  # the composition root, imported only here

        use_catalogue(registry.messages())
    assert _catalogue is not None
    return _catalogue


def translate(key: str, language: Language, **params: object) -> str:
    """The message `key` in `language`, with `{name}` placeholders filled from params."""
    text = catalogue()[key][_COLUMN[language]]
    return text.format(**params) if params else text


def label(field: str, language: Language) -> str:
    """The human name of a field path's last named part (`input.articles.3.unitValue`)."""
    parts = [p for p in field.split(".") if p and not p.isdigit()]
    leaf = parts[-1] if parts else field
    snake = re.sub(r"(?<!^)(?=[A-Z])", "_", leaf).lower()
    key = f"field.{snake}"
    return translate(key if key in catalogue() else "field.this", language)
