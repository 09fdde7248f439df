"""`/__test__/clock`: how an end-to-end test moves a running server's clock.

Mounted only when PALM_ENV=test (app.py), so production has no such route. GET answers the
clock's reading; PUT `{"at": "<ISO instant>", "frozen": false}` sets it, `{"advanceSeconds": n}`
jumps it. Moving the clock changes its generation, so caches of time-dependent answers
(core/invalidation) serve nothing computed before the jump.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from starlette.requests import Request
from starlette.responses import JSONResponse

from palm_customs.core import clock

CLOCK_PATH = "/__test__/clock"


def _reading() -> dict[str, str]:
    return {"now": clock.now().isoformat(), "mode": clock.describe()}


async def clock_endpoint(request: Request) -> JSONResponse:
    if request.method == "PUT":
        try:
            body = json.loads(await request.body())
            if "advanceSeconds" in body:
                clock.advance(timedelta(seconds=float(body["advanceSeconds"])))
            else:
                at = datetime.fromisoformat(str(body["at"]))
                if at.tzinfo is None:
                    raise ValueError("the instant needs its UTC offset")
                if body.get("frozen"):
                    clock.configure(clock.spec_for(at, frozen=True))
                else:
                    clock.set_running_at(at)
        except (ValueError, KeyError, TypeError) as error:
            return JSONResponse({"error": str(error)}, status_code=400)
    return JSONResponse(_reading())
