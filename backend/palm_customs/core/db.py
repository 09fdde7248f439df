"""Tortoise configuration shared by the server, the CLI and the tests."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from palm_customs.core import clock
from palm_customs.settings import Settings

# Every process that uses the ORM stamps auto_now fields from the one clock.
clock.bind_orm()

APP_LABEL = "palm"
MODEL_MODULES = [
    "palm_customs.core.models",
    "palm_customs.core.jobs",
    "palm_customs.core.job_workers",
    "palm_customs.identity.models",
    "palm_customs.catalogue.models",
    "palm_customs.declarations.models",
    "palm_customs.notifications.models",
    "palm_customs.applications.models",
    "palm_customs.support.models",
    "palm_customs.documents.models",
    "palm_customs.appointments.models",
    "palm_customs.payments.models",
    "palm_customs.knowledge.models",
    "palm_customs.ratings.models",
    "palm_customs.alerts.models",
]


def tortoise_config(database_url: str) -> dict[str, Any]:
    """The Tortoise config dict for one database URL (SQLite in WAL mode or PostgreSQL)."""
    return {
        "connections": {"default": database_url},
        "apps": {
            APP_LABEL: {
                "models": MODEL_MODULES,
                "default_connection": "default",
                "migrations": "palm_customs.migrations",
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


def pooled_url(database_url: str, pool_size: int) -> str:
    """PostgreSQL URLs get the pool size (`maxsize`) unless they name one; SQLite has no pool."""
    parts = urlsplit(database_url)
    if not parts.scheme.startswith(("postgres", "asyncpg")):
        return database_url
    query = dict(parse_qsl(parts.query))
    query.setdefault("maxsize", str(pool_size))
    query.setdefault("minsize", str(min(int(query["maxsize"]), 2)))
    return urlunsplit(parts._replace(query=urlencode(query)))


def settings_config(settings: Settings) -> dict[str, Any]:
    return tortoise_config(pooled_url(settings.database_url, settings.database_pool_size))


# Model changes are detected against the migration files, not a live database.
MIGRATIONS_CONFIG = tortoise_config("sqlite://:memory:")
