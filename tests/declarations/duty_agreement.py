"""Random declarations (seeded) and the server's estimate of each: pwa DeclarationDuty.test.ts
checks that the offline port gives byte-identical answers, tie-breaks of the allowance choice
included. Not hand-computed (duty_vectors.json is); regenerate with
`.venv/bin/python -m tests.declarations.duty_agreement` after a deliberate rules change.
"""

from __future__ import annotations

import json
import random
from decimal import Decimal
from pathlib import Path
from typing import Any

from palm_customs.declarations.duty import Article, Money, Traveller, estimate_duty
from palm_customs.declarations.rules import Residency, seed_rates, seed_rule_set

PATH = Path(__file__).parent / "duty_agreement.json"
SEED = 20261206
COUNT = 60


def cases() -> list[dict[str, Any]]:
    rules, rates = seed_rule_set(), seed_rates()
    pick = random.Random(SEED)
    currencies = sorted(rates.rates)
    out = []
    for n in range(COUNT):
        travellers = [
            {
                "key": key,
                "residency": pick.choice(["resident", "non_resident"]),
                "age": pick.randint(10, 70),
                "cash": [],
                "from_hk_macau": pick.random() < 0.3,
                "frequent_crosser": pick.random() < 0.1,
            }
            for key in ["a", "b"][: pick.randint(1, 2)]
        ]
        articles = []
        for i in range(pick.randint(1, 9)):
            owner = pick.choice(travellers)
            category = pick.choice(rules.categories)
            articles.append(
                {
                    "key": f"x{i}",
                    "traveller_key": owner["key"],
                    "category": category.code,
                    "quantity": pick.choice([1, 1, 1, 2, 3, 5]),
                    "unit_value": f"{pick.randint(0, 700_000) / 100:.2f}",
                    "currency": pick.choice(["CNY", "CNY", *currencies]),
                    "unit_measure": pick.randint(1, 800) if category.needs_measure else None,
                    "indivisible": pick.random() < 0.2,
                    "taken_out_again": owner["residency"] == "non_resident" and pick.random() < 0.1,
                    "duty_free_shop": pick.random() < 0.25,
                }
            )
        given = {"travellers": travellers, "articles": articles, "checklist_yes": []}
        out.append({"name": f"random_{n}", "input": given, "expected": estimate(given)})
    return out


def estimate(given: dict[str, Any]) -> dict[str, Any]:
    result = estimate_duty(
        travellers=[
            Traveller(
                key=t["key"],
                residency=Residency(t["residency"]),
                age=t["age"],
                cash=tuple(Money(Decimal(c["amount"]), c["currency"]) for c in t["cash"]),
                from_hk_macau=t["from_hk_macau"],
                frequent_crosser=t["frequent_crosser"],
            )
            for t in given["travellers"]
        ],
        articles=[
            Article(
                key=a["key"],
                traveller_key=a["traveller_key"],
                category=a["category"],
                quantity=a["quantity"],
                unit_value=Decimal(a["unit_value"]),
                currency=a["currency"],
                unit_measure=a["unit_measure"],
                indivisible=a["indivisible"],
                taken_out_again=a["taken_out_again"],
                duty_free_shop=a["duty_free_shop"],
            )
            for a in given["articles"]
        ],
        checklist_yes=given["checklist_yes"],
        rules=seed_rule_set(),
        rates=seed_rates(),
    )
    data = result.to_dict()
    for line in data["lines"]:
        del line["legal_basis"]  # checked by the hand-computed vectors; long and repeated here
    return data


def dump(found: list[dict[str, Any]]) -> str:
    """One case per line: small diffs when the rules change."""
    body = ",\n".join(json.dumps(case, ensure_ascii=False) for case in found)
    return '{"cases": [\n' + body + "\n]}\n"


if __name__ == "__main__":
    PATH.write_text(dump(cases()), encoding="utf-8")
