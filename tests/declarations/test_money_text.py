"""Amounts in a notification are worded as the PWA words them on the page (Intl.NumberFormat,
style currency, CNY, in zh-Hans, zh-Hant and en): the inbox said "¥1870.00" while the page said
"CN¥1,870.00" (issue #15)."""

from __future__ import annotations

from decimal import Decimal

from palm_customs.core.i18n import Language, translate
from palm_customs.declarations.money_text import cny, cny_in_every_language


def test_yuan_are_worded_as_intl_words_them_in_each_language() -> None:
    # node -e "new Intl.NumberFormat('zh-Hans', {style: 'currency', currency: 'CNY'}).format(1870)"
    assert cny(Decimal("1870"), Language.ZH_HANS) == "¥1,870.00"
    assert cny(Decimal("1870.005"), Language.ZH_HANT) == "CN¥1,870.01"
    assert cny(Decimal("1234567.5"), Language.EN) == "CN¥1,234,567.50"
    assert cny(Decimal("-0.5"), Language.EN) == "-CN¥0.50"
    assert cny_in_every_language(None) == {"zh-Hans": "", "zh-Hant": "", "en": ""}


def test_the_duty_in_a_notification_is_in_the_readers_locale() -> None:
    words = cny_in_every_language(Decimal("1870.00"))
    body = {
        language: translate(
            "notify.declaration_received.body", language, version=2, duty=words[language.value]
        )
        for language in Language
    }
    assert body[Language.ZH_HANS].endswith("预计税款 ¥1,870.00。")
    assert body[Language.EN].endswith("Estimated duty CN¥1,870.00.")
    assessed = translate(
        "notify.declaration_outcome.body.duty_assessed", Language.ZH_HANT, duty=words["zh-Hant"]
    )
    assert assessed.startswith("核定稅款 CN¥1,870.00，")
