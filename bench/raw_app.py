"""The app with extra, hand-written routes doing what GraphQL does, as plain JSON.

`GET /bench/my-declarations`: the first page of the signed-in person's declarations with
their outcomes, as `myDeclarations(first: 20)` answers it (bench/bench_list_page.py).

`GET /bench/port/{code}` loads the same `Port` row the `port(code:)` resolver loads and answers
with the same JSON document `{ port(code:) { code kind name {…} city {…} } }` produces, encoded
the way strawberry encodes it, so the two endpoints do the same work minus GraphQL.
"""

from __future__ import annotations

import json
from datetime import datetime

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from palm_customs.app import create_app
from palm_customs.catalogue.models import Port, PortKindValue
from palm_customs.core import clock
from palm_customs.core.pagination import encode_cursor
from palm_customs.declarations.models import (
    Declaration,
    DeclarationStatus,
    InspectionOutcome,
    OutcomeKind,
)
from palm_customs.identity import sessions


async def raw_port(request: Request) -> Response:
    code = str(request.path_params["code"])
    row = await Port.get_or_none(code=code.strip().upper()[:12])
    port = (
        None
        if row is None
        else {
            "code": row.code,
            "kind": PortKindValue(row.kind).name,
            "name": {"zhHans": row.name_zh_hans, "zhHant": row.name_zh_hant, "en": row.name_en},
            "city": {"zhHans": row.city_zh_hans, "zhHant": row.city_zh_hant, "en": row.city_en},
        }
    )
    body = json.dumps({"data": {"port": port}}, separators=(",", ":"))
    return Response(body, media_type="application/json")


def _iso(moment: datetime) -> str:
    return moment.isoformat()


async def raw_declarations(request: Request) -> Response:
    """`myDeclarations(first: 20)` (bench/bench_list_page.py's PAGE_QUERY) by hand: the same
    session check, the same two queries (the page, then its outcomes in one IN query)."""
    session = await sessions.resolve(request.cookies.get(sessions.cookie_name(False)))
    if session is None:
        return Response(status_code=401)
    principal = sessions.principal_for(session, clock.now())
    limit = 20
    rows = (
        await Declaration.filter(account_id=principal.account_id)
        .order_by("-submitted_at")
        .limit(limit + 1)
    )
    page = rows[:limit]
    outcomes = {
        o.declaration_id: o
        for o in await InspectionOutcome.filter(declaration_id__in=[r.id for r in page])
    }
    nodes = []
    for row in page:
        outcome = outcomes.get(row.id)
        nodes.append(
            {
                "id": str(row.id),
                "number": row.number,
                "version": row.version,
                "status": DeclarationStatus(row.status).name,
                "portCode": row.port_code,
                "travelNumber": row.travel_number,
                "scheduledAt": _iso(row.scheduled_at),
                "validUntil": _iso(row.valid_until),
                "submittedAt": _iso(row.submitted_at),
                "estimate": {
                    "dutyCny": row.estimate["duty_cny"],
                    "channel": row.estimate["channel"],
                },
                "outcome": None
                if outcome is None
                else {
                    "kind": OutcomeKind(outcome.kind).name,
                    "dutyAssessed": str(outcome.duty_assessed) if outcome.duty_assessed else None,
                },
            }
        )
    end = encode_cursor(page[-1].submitted_at.isoformat()) if page else None
    body = json.dumps(
        {
            "data": {
                "myDeclarations": {
                    "nodes": nodes,
                    "pageInfo": {"hasNextPage": len(rows) > limit, "endCursor": end},
                }
            }
        },
        separators=(",", ":"),
    )
    return Response(body, media_type="application/json")


app = create_app(
    extra_routes=[
        Route("/bench/port/{code}", raw_port, methods=["GET"]),
        Route("/bench/my-declarations", raw_declarations, methods=["GET"]),
    ]
)
