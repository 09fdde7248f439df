"""SQL statements sent by `myDeclarations(first: 50)` for a person with 5 and with 50
declarations (every other one with an inspection outcome), counted on the database clients'
logger (tests/statements.py) in one process on SQLite. The tests (tests/test_list_statements.py)
prove the same for every list query on both databases; this prints the issue's row.
Writes bench/results/statements.json.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from bench.bench_list_page import seed  # noqa: E402

NAME = "statements"
RESULTS = REPO_ROOT / "bench" / "results" / f"{NAME}.json"
QUERY = (
    "{ myDeclarations(first: 50) { nodes { id number status outcome { kind } "
    "articles { key } } pageInfo { hasNextPage } } }"
)
ORIGIN = "http://localhost:8000"


async def measure(directory: Path) -> dict[str, int]:
    import httpx

    from palm_customs.app import create_app
    from palm_customs.cli import migrate
    from palm_customs.identity.sessions import cookie_name
    from palm_customs.settings import load_settings
    from tests.statements import counted_statements

    settings = load_settings(
        {
            "PALM_ENV": "test",
            "VAR_DIR": str(directory),
            "DATABASE_URL": f"sqlite://{directory / 'statements.db'}",
            "PUBLIC_ORIGIN": ORIGIN,
            "EMBEDDED_WORKER": "0",
            "LOG_LEVEL": "WARNING",
        }
    )
    await migrate(settings)
    tokens = {rows: await seed(settings.database_url, rows) for rows in (5, 50)}
    counts = {}
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        for rows, token in tokens.items():
            async with httpx.AsyncClient(
                transport=transport,
                base_url=ORIGIN,
                headers={"origin": ORIGIN, "cookie": f"{cookie_name(False)}={token}"},
            ) as client:
                await client.post("/graphql", json={"query": QUERY})  # the session's first use
                with counted_statements() as statements:
                    body = (await client.post("/graphql", json={"query": QUERY})).json()
                if len(body["data"]["myDeclarations"]["nodes"]) != rows:
                    raise SystemExit(f"{NAME}: expected {rows} rows: {json.dumps(body)[:300]}")
                counts[str(rows)] = len(statements)
    return counts


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="palm-bench-") as scratch:
        counts = asyncio.run(measure(Path(scratch)))
    print(f"myDeclarations: {counts['5']} SQL statements for 5 rows, {counts['50']} for 50")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "name": NAME,
                "queries": {"myDeclarations": counts},
                "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            },
            indent=2,
        )
        + "\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
