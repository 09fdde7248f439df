"""Amounts of yuan worded for each language as the PWA words them (Intl.NumberFormat with
style currency, CNY): 简体中文 "¥1,870.00", 繁體中文 and English "CN¥1,870.00". Used for text the
server writes once for a person (notifications in the inbox), so the inbox and the page agree."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from palm_customs.core.i18n import Language

_SYMBOL = {Language.ZH_HANS: "¥", Language.ZH_HANT: "CN¥", Language.EN: "CN¥"}


def cny(amount: Decimal, language: Language) -> str:
    cents = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "-" if cents < 0 else ""
    return f"{sign}{_SYMBOL[language]}{abs(cents):,.2f}"


def cny_in_every_language(amount: Decimal | None) -> dict[str, str]:
    """A notification parameter worded for its recipient (notifications.services.notify)."""
    return {
        language.value: "" if amount is None else cny(amount, language) for language in Language
    }
