"""The app with one extra, hand-written route: the same port lookup GraphQL does, as plain JSON.

`GET /bench/port/{code}` loads the same `Port` row the `port(code:)` resolver loads and answers
with the same JSON document `{ port(code:) { code kind name {…} city {…} } }` produces, encoded
the way strawberry encodes it, so the two endpoints do the same work minus GraphQL.
"""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from palm_customs.app import create_app
from palm_customs.catalogue.models import Port, PortKindValue


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


app = create_app(extra_routes=[Route("/bench/port/{code}", raw_port, methods=["GET"])])
