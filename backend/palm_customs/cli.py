"""The `palm-customs` command."""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from tortoise import Tortoise

from palm_customs import registry
from palm_customs.core import audit, clock
from palm_customs.core.db import settings_config
from palm_customs.settings import ConfigurationError, Settings, load_settings


async def _with_orm(settings: Settings, work: Callable[[], Awaitable[Any]]) -> Any:
    from redis.asyncio import Redis

    from palm_customs.core import broadcast, invalidation

    if settings.uses_sqlite:
        settings.var_dir.mkdir(parents=True, exist_ok=True)
    redis = Redis.from_url(settings.redis_url) if settings.redis_url else None
    broadcast.use(broadcast.for_redis(redis))
    await Tortoise.init(config=settings_config(settings))
    try:
        result = await work()
        # Servers' caches hear of what this command changed (slots, seats) once it committed.
        await invalidation.flush()
        return result
    finally:
        await Tortoise.close_connections()
        if redis is not None:
            await redis.aclose()


async def migrate(settings: Settings) -> None:
    """Apply every pending migration (the same files on SQLite and PostgreSQL), and create the
    documents' bucket when they are kept in S3-compatible storage and it does not exist yet."""
    from tortoise.migrations.api.migrate import migrate as run

    from palm_customs.core.audit_checkpoints import S3Checkpoints, build_copies
    from palm_customs.documents import storage

    if settings.uses_sqlite:
        settings.var_dir.mkdir(parents=True, exist_ok=True)
    try:
        await run(config=settings_config(settings))
    finally:
        await Tortoise.close_connections()
    store = storage.build_store(settings)
    if isinstance(store, storage.S3Store):
        await store.ensure_bucket()
    copies = build_copies(settings)
    if isinstance(copies, S3Checkpoints):
        await asyncio.to_thread(copies.ensure_bucket)


async def makemigrations(name: str | None) -> None:
    from tortoise.cli.cli import CLIContext
    from tortoise.cli.cli import makemigrations as make

    context = CLIContext(config="palm_customs.core.db.MIGRATIONS_CONFIG", config_file=None)
    await make(context, (), empty=False, name=name)


def _cmd_serve(settings: Settings, args: argparse.Namespace) -> int:
    import uvicorn

    if not args.no_migrate:
        asyncio.run(migrate(settings))
    workers = args.workers or settings.workers
    if workers > 1:
        # Several uvicorn workers count into one folder of metrics files, so that any of them
        # answers /metrics for all (a fresh folder per start, on this machine only).
        from palm_customs.core import metrics

        metrics.prepare_multiprocess_dir(
            settings.metrics_multiproc_dir or Path(tempfile.mkdtemp(prefix="palm-metrics-"))
        )
    uvicorn.run(
        "palm_customs.asgi:app",
        host=args.host or settings.host,
        port=args.port or settings.port,
        workers=workers,
        # Forwarded headers are the app's business, trusted only from TRUSTED_PROXIES (app.py):
        # a client must never choose its own address (per-address limits, the audit trail).
        proxy_headers=False,
        access_log=False,
        log_config=None,
        server_header=False,
        timeout_graceful_shutdown=10,
    )
    return 0


def _cmd_migrate(settings: Settings, args: argparse.Namespace) -> int:
    asyncio.run(migrate(settings))
    print("migrations applied")
    return 0


def _cmd_makemigrations(settings: Settings, args: argparse.Namespace) -> int:
    asyncio.run(makemigrations(args.name))
    return 0


def _cmd_seed_demo(settings: Settings, args: argparse.Namespace) -> int:
    from palm_customs.demo import seed_demo

    counts = asyncio.run(_with_orm(settings, seed_demo))
    for label, count in counts.items():
        print(f"{label}: {count}")
    return 0


def _cmd_worker(settings: Settings, args: argparse.Namespace) -> int:
    from palm_customs import worker

    worker.configure(settings)
    asyncio.run(_with_orm(settings, lambda: worker.run(settings, idle_seconds=args.idle)))
    return 0


def _cmd_officer_create(settings: Settings, args: argparse.Namespace) -> int:
    from tortoise.transactions import in_transaction

    from palm_customs.core.errors import ValidationFailed
    from palm_customs.identity import services
    from palm_customs.identity.errors import AccountProblem

    async def create() -> services.OfficerCreated:
        async with in_transaction() as connection:
            created = await services.create_officer(
                connection,
                badge_number=args.badge,
                full_name=args.name,
                unit=args.unit,
                roles=args.role,
                posts=args.post or [],
            )
            await audit.append(
                connection,
                audit.AuditRecord(
                    actor="cli",
                    operation="officerCreate",
                    target_ids=created.audit_targets,
                    outcome="OK",
                    request_id="cli",
                    ip="-",
                    user_agent="palm-customs officer create",
                ),
            )
            return created

    try:
        created = asyncio.run(_with_orm(settings, create))
    except ValidationFailed as error:
        for problem in error.problems:
            print(f"invalid {problem.field}: {problem.code.value}", file=sys.stderr)
        return 2
    except AccountProblem as error:
        print(f"refused: {error.code}", file=sys.stderr)
        return 2
    print(f"officer {created.officer.badge_number} created")
    print(f"enrolment code: {created.enrolment_code}")
    print(f"valid until: {created.officer.enrolment_expires_at:%Y-%m-%d %H:%M} UTC")
    return 0


def _cmd_slots_generate(settings: Settings, args: argparse.Namespace) -> int:
    from palm_customs.appointments.services import Generated, ensure_schedule, generate_slots

    async def work() -> tuple[Generated, bool]:
        return await generate_slots(days=args.days), await ensure_schedule()

    generated, scheduled = asyncio.run(_with_orm(settings, work))
    print(f"slots created: {generated.created}, resized: {generated.resized}")
    for site_code, item_code in generated.refused:
        print(
            f"refused: {item_code} at {site_code}: its slot length differs from another item "
            "served at one of its windows (a window's items share one grid); no slots cut",
            file=sys.stderr,
        )
    print("daily generation job queued" if scheduled else "daily generation job already queued")
    return 1 if generated.refused else 0


def _cmd_export_schema(settings: Settings, args: argparse.Namespace) -> int:
    from palm_customs.schema import export_sdl

    sys.stdout.write(export_sdl() + "\n")
    return 0


def _cmd_audit_verify(settings: Settings, args: argparse.Namespace) -> int:
    report = asyncio.run(_with_orm(settings, audit.verify))
    if report.breaks:
        print(
            f"audit log BROKEN: {len(report.breaks)} problem(s); "
            f"{report.verified} events match the signed tree head of size {report.head_size}",
            file=sys.stderr,
        )
        for problem in report.breaks[: args.limit]:
            print(f"  {problem.describe()}", file=sys.stderr)
        if len(report.breaks) > args.limit:
            print(f"  … and {len(report.breaks) - args.limit} more", file=sys.stderr)
        return 1
    print(
        f"audit log intact: {report.verified} events verified against {report.heads} signed "
        f"tree head(s) (latest size {report.head_size}); {report.pending} not yet signed"
    )
    return 0


def _cmd_audit_seal(settings: Settings, args: argparse.Namespace) -> int:
    try:
        result = asyncio.run(_with_orm(settings, audit.seal))
    except audit.LogDamaged as error:
        print(f"audit log not sealed: {error}; run `palm-customs audit verify`", file=sys.stderr)
        return 1
    size = result.head.size if result.head is not None else 0
    print(f"sealed {result.numbered} events; signed tree head size {size}")
    if result.rejected:
        print(f"rejected {result.rejected} events with an invalid MAC", file=sys.stderr)
        return 1
    return 0


def _cmd_audit_prove(settings: Settings, args: argparse.Namespace) -> int:
    import json

    async def work() -> dict[str, object]:
        if args.consistency is not None:
            return await audit.consistency(args.consistency, args.to)
        if args.event is None:
            raise audit.ProofUnavailable("name an event id, or --consistency SIZE")
        return await audit.inclusion(args.event)

    try:
        document = asyncio.run(_with_orm(settings, work))
    except audit.ProofUnavailable as error:
        print(f"no proof: {error}", file=sys.stderr)
        return 1
    print(json.dumps(document, indent=1, ensure_ascii=False))
    return 0


def _cmd_audit_check_proof(settings: Settings, args: argparse.Namespace) -> int:
    """Needs no database: the proof file and the public key(s) are enough."""
    import json

    from palm_customs.core import merkle
    from palm_customs.core.audit_heads import HeadError, Trust

    try:
        keys = (
            Trust.from_pem(Path(args.public_key).read_text()) if args.public_key else audit.trust()
        )
        source = sys.stdin.read() if args.proof == "-" else Path(args.proof).read_text()
        document = json.loads(source)
        if not isinstance(document, dict):
            raise merkle.ProofError("a proof is a JSON object")
        what = audit.check_proof(document, keys)
    except (OSError, ValueError, HeadError, merkle.ProofError) as error:
        print(f"proof does NOT verify: {error}", file=sys.stderr)
        return 1
    print(f"proof verifies: {what}")
    return 0


def _cmd_audit_public_key(settings: Settings, args: argparse.Namespace) -> int:
    from palm_customs.core.audit_heads import public_pem

    sys.stdout.write(public_pem(audit.signer().public))
    return 0


def _cmd_payments_standin(settings: Settings, args: argparse.Namespace) -> int:
    import uvicorn

    from palm_customs.payments.standin import StandIn

    if settings.is_production or settings.wechatpay is None or not settings.wechatpay.stand_in:
        print("the payment stand-in runs only in development or tests, with generated keys")
        return 1
    uvicorn.run(StandIn.from_settings(settings).app(), host="127.0.0.1", port=args.port)
    return 0


def _cmd_keys_rotate(settings: Settings, args: argparse.Namespace) -> int:
    from palm_customs.core.signing import rotate

    async def work() -> str:
        return (await rotate(settings=settings)).kid

    print(asyncio.run(_with_orm(settings, work)))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="palm-customs", description="Palm Customs server")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="migrate, then serve the app and API")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--workers", type=int)
    serve.add_argument("--no-migrate", action="store_true", help="skip applying migrations")
    serve.set_defaults(handler=_cmd_serve)

    commands.add_parser("migrate", help="apply pending migrations").set_defaults(
        handler=_cmd_migrate
    )
    make = commands.add_parser("makemigrations", help="write a migration for model changes")
    make.add_argument("--name")
    make.set_defaults(handler=_cmd_makemigrations)
    worker = commands.add_parser("worker", help="run background jobs from the outbox")
    worker.add_argument("--idle", type=float, default=1.0, help="seconds to wait when idle")
    worker.set_defaults(handler=_cmd_worker)
    commands.add_parser("seed-demo", help="load demo data (idempotent)").set_defaults(
        handler=_cmd_seed_demo
    )
    commands.add_parser("export-schema", help="print the GraphQL SDL").set_defaults(
        handler=_cmd_export_schema
    )
    slots = commands.add_parser("slots", help="appointment slots")
    slots_commands = slots.add_subparsers(dest="slots_command", required=True)
    slots_generate = slots_commands.add_parser(
        "generate", help="create the missing slots for the rolling horizon (idempotent)"
    )
    slots_generate.add_argument("--days", type=int, default=30)
    slots_generate.set_defaults(handler=_cmd_slots_generate)
    officer = commands.add_parser("officer", help="officer accounts")
    officer_commands = officer.add_subparsers(dest="officer_command", required=True)
    officer_create = officer_commands.add_parser(
        "create", help="enrol an officer; prints a one-time code for their first passkey"
    )
    officer_create.add_argument("--badge", required=True)
    officer_create.add_argument("--name", required=True)
    officer_create.add_argument("--unit", required=True)
    officer_create.add_argument(
        "--post",
        action="append",
        help="another port or site code where the officer serves (repeat for several)",
    )
    officer_create.add_argument(
        "--role",
        action="append",
        required=True,
        help="reviewer, senior_reviewer, window_clerk, inspector, supervisor, administrator",
    )
    officer_create.set_defaults(handler=_cmd_officer_create)

    audit_parser = commands.add_parser("audit", help="the audit log (a transparency log)")
    audit_commands = audit_parser.add_subparsers(dest="audit_command", required=True)
    verify = audit_commands.add_parser(
        "verify", help="check every event against the signed tree heads; exit 1 on any break"
    )
    verify.add_argument("--limit", type=int, default=200, help="problems printed at most")
    verify.set_defaults(handler=_cmd_audit_verify)
    audit_commands.add_parser(
        "seal", help="number unsealed events and sign a tree head now"
    ).set_defaults(handler=_cmd_audit_seal)
    prove = audit_commands.add_parser(
        "prove", help="print an inclusion proof of an event, or a consistency proof (JSON)"
    )
    prove.add_argument("event", type=int, nargs="?", help="the event's id")
    prove.add_argument("--consistency", type=int, metavar="SIZE", help="from the head of SIZE")
    prove.add_argument("--to", type=int, metavar="SIZE", help="to the head of SIZE (latest)")
    prove.set_defaults(handler=_cmd_audit_prove)
    check = audit_commands.add_parser(
        "check-proof", help="check a proof with the public key only (no database)"
    )
    check.add_argument("proof", help="the proof file, or - for standard input")
    check.add_argument("--public-key", help="PEM file of trusted key(s); default: this log's")
    check.set_defaults(handler=_cmd_audit_check_proof)
    audit_commands.add_parser(
        "public-key", help="print the public key that signs tree heads (PEM)"
    ).set_defaults(handler=_cmd_audit_public_key)

    standin = commands.add_parser(
        "payments-standin",
        help="a local stand-in for WeChat Pay API v3 (development and tests only)",
    )
    standin.add_argument("--port", type=int, default=8790)
    standin.set_defaults(handler=_cmd_payments_standin)
    keys = commands.add_parser("keys", help="QR credential signing keys")
    keys_commands = keys.add_subparsers(dest="keys_command", required=True)
    keys_commands.add_parser(
        "rotate", help="retire the active signing key, make a new one; prints its kid"
    ).set_defaults(handler=_cmd_keys_rotate)
    return parser


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings()
    except ConfigurationError as error:
        print(f"palm-customs: configuration error: {error}", file=sys.stderr)
        raise SystemExit(2) from None
    clock.configure(settings.clock_spec)
    audit.configure(settings)
    # Every command words messages and may queue or run jobs: install them all explicitly.
    registry.install()
    handler: Callable[[Settings, argparse.Namespace], int] = args.handler
    raise SystemExit(handler(settings, args))
