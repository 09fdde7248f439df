"""Knowledge search over a large index: recall@3 of the realistic query set and latency.

On a throw-away database (SQLite by default; `--postgres` for a throw-away PostgreSQL
database on 127.0.0.1) with the demo catalogue, duty rules and articles, 10,000 more articles
are added that use the same customs words in the three languages (distractors: each names a
topic the real answers also name). Then every query of tests/knowledge/queries.py is asked
through the search service, three rounds; prints recall@3 (share of queries whose expected
answer is in the first three), the median and 95th-percentile latency, and the same recall on
the demo data alone for comparison. Timing never fails the run.
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

ARTICLES = 10_000
ROUNDS = 3

TOPICS = (
    ("行李", "行李", "baggage"),
    ("邮递物品", "郵遞物品", "postal items"),
    ("税款", "稅款", "duty"),
    ("宠物", "寵物", "pets"),
    ("化妆品", "化妝品", "cosmetics"),
    ("香烟", "香煙", "cigarettes"),
    ("葡萄酒", "葡萄酒", "wine"),
    ("现金", "現金", "cash"),
    ("水果", "水果", "fruit"),
    ("药品", "藥品", "medicine"),
    ("文物", "文物", "cultural relics"),
    ("报关单", "報關單", "customs declaration form"),
    ("加工贸易", "加工貿易", "processing trade"),
    ("保税区", "保稅區", "bonded zone"),
    ("原产地", "原產地", "origin"),
    ("手表", "手錶", "watches"),
    ("电脑", "電腦", "computers"),
    ("预约", "預約", "appointments"),
    ("检疫", "檢疫", "quarantine"),
    ("快件", "快件", "express parcels"),
)
ASPECTS = (
    ("常见问题", "常見問題", "common questions about"),
    ("办理流程", "辦理流程", "how to handle"),
    ("注意事项", "注意事項", "things to know about"),
    ("典型案例", "典型案例", "a case study of"),
    ("政策解读", "政策解讀", "the policy on"),
    ("统计数据", "統計數據", "statistics on"),
)
PORTS = (
    ("上海", "上海", "Shanghai"),
    ("广州", "廣州", "Guangzhou"),
    ("深圳", "深圳", "Shenzhen"),
    ("北京", "北京", "Beijing"),
    ("厦门", "廈門", "Xiamen"),
)


def distractor(n: int, rng: random.Random) -> object:
    from palm_customs.knowledge.index import Document
    from palm_customs.knowledge.models import SearchKind

    topic, other = rng.sample(TOPICS, 2)
    aspect, port = rng.choice(ASPECTS), rng.choice(PORTS)
    titles = {
        "zh-Hans": f"{port[0]}海关{topic[0]}{aspect[0]}（第{n}期）",
        "zh-Hant": f"{port[1]}海關{topic[1]}{aspect[1]}（第{n}期）",
        "en": f"{port[2]} customs: {aspect[2]} {topic[2]} (no. {n})",
    }
    bodies = {
        "zh-Hans": f"本期介绍{port[0]}口岸{topic[0]}和{other[0]}的{aspect[0]}，供旅客和企业参考。",
        "zh-Hant": f"本期介紹{port[1]}口岸{topic[1]}和{other[1]}的{aspect[1]}，供旅客和企業參考。",
        "en": f"This issue covers {aspect[2]} {topic[2]} and {other[2]} at {port[2]}.",
    }
    return Document(
        kind=SearchKind.ARTICLE,
        key=f"bench-{n}",
        titles=titles,
        summaries=bodies,
        body=tuple(bodies.values()),
    )


async def measure(queries: tuple[tuple[str, str], ...]) -> tuple[float, list[float]]:
    from palm_customs.core.i18n import Language
    from palm_customs.knowledge.search import search

    found = 0
    latencies: list[float] = []
    for round_ in range(ROUNDS):
        for text, expected in queries:
            started = time.perf_counter()
            results = await search(text, language=Language.EN, limit=3)
            latencies.append(time.perf_counter() - started)
            if round_ == 0:
                got = [f"{h.kind.value}:{h.key}" for h in results.hits]
                found += expected in got
                if expected not in got and os.environ.get("BENCH_SHOW_MISSES"):
                    print(f"  miss: {text!r} wanted {expected}, got {got}")
    return found / len(queries), latencies


async def main(postgres: bool) -> int:
    os.environ.update(
        {
            "PALM_ENV": "test",
            "VAR_DIR": tempfile.mkdtemp(prefix="palm-bench-search-"),
            "EMBEDDED_WORKER": "0",
        }
    )
    pg_name = f"palm_bench_search_{uuid.uuid4().hex[:8]}"
    if postgres:
        import asyncpg

        admin = await asyncpg.connect("postgres://postgres@127.0.0.1:5432/postgres")
        await admin.execute(f'CREATE DATABASE "{pg_name}"')
        await admin.close()
        os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{pg_name}"
    try:
        return await run()
    finally:
        if postgres:
            admin = await asyncpg.connect("postgres://postgres@127.0.0.1:5432/postgres")
            await admin.execute(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')
            await admin.close()


async def run() -> int:
    from tortoise import Tortoise

    from palm_customs.cli import migrate
    from palm_customs.core.db import tortoise_config
    from palm_customs.demo import seed_demo
    from palm_customs.knowledge import index
    from palm_customs.knowledge.models import SearchDoc
    from palm_customs.settings import load_settings
    from tests.knowledge.queries import QUERIES

    settings = load_settings()
    await migrate(settings)
    await Tortoise.init(config=tortoise_config(settings.database_url))
    try:
        await seed_demo()
        small_recall, small_latencies = await measure(QUERIES)
        rng = random.Random(17)
        started = time.perf_counter()
        await index.put_many([distractor(n, rng) for n in range(ARTICLES)])  # type: ignore[misc]
        loaded = time.perf_counter() - started
        documents = await SearchDoc.all().count()
        recall, latencies = await measure(QUERIES)
        dialect = settings.database_url.split(":", 1)[0]
        print(
            f"database: {dialect}; documents indexed: {documents}"
            f" ({ARTICLES} added in {loaded:.1f} s)"
        )
        print(f"queries: {len(QUERIES)} x {ROUNDS} rounds")
        print(
            f"demo data only   recall@3 {small_recall:.3f}  median"
            f" {statistics.median(small_latencies) * 1000:.1f} ms"
        )
        p95 = statistics.quantiles(latencies, n=20)[-1]
        print(
            f"+{ARTICLES} articles  recall@3 {recall:.3f}  median"
            f" {statistics.median(latencies) * 1000:.1f} ms  p95 {p95 * 1000:.1f} ms"
        )
        print(
            "latency ratio large/small index:"
            f" {statistics.median(latencies) / statistics.median(small_latencies):.2f}x"
        )
    finally:
        await Tortoise.close_connections()
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main("--postgres" in sys.argv[1:])))
