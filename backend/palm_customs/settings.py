"""The only module that reads the environment.

Everything the server can be configured with is a field of `Settings`; the rest of the code
receives a `Settings` instance and never calls `os.environ`.
"""

from __future__ import annotations

import base64
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import urlsplit

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

PROJECT_ROOT = Path(__file__).resolve().parents[2]

# Names of the variables that production refuses to start without (docker-compose.yml is
# checked against this tuple by a test).
REQUIRED_IN_PRODUCTION = (
    "DATABASE_URL",
    "PUBLIC_ORIGIN",
    "SECRET_KEY",
    "VAPID_PRIVATE_KEY",
    "VAPID_PUBLIC_KEY",
    "VAPID_SUBJECT",
)
# Every variable the server reads, for documentation and the compose wiring test.
KNOWN_VARIABLES = (
    "PALM_ENV",
    *REQUIRED_IN_PRODUCTION,
    "REDIS_URL",
    "PORT",
    "HOST",
    "WEB_CONCURRENCY",
    "VAR_DIR",
    "PWA_DIST",
    "LOG_LEVEL",
    "EMBEDDED_WORKER",
    "DECLARATION_LEAD_HOURS",
    "STORAGE_BACKEND",
    "S3_ENDPOINT_URL",
    "S3_BUCKET",
    "S3_ACCESS_KEY_ID",
    "S3_SECRET_ACCESS_KEY",
    "S3_REGION",
    "PALM_CLOCK",
    "AVAILABILITY_CACHE_SECONDS",
    "WORKER_CONCURRENCY",
    "WORKER_HEALTH_PORT",
    "METRICS_TOKEN",
    "PROMETHEUS_MULTIPROC_DIR",
    "JOB_RETENTION_DAYS",
    "DATABASE_POOL_SIZE",
)


class Environment(StrEnum):
    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


class StorageBackend(StrEnum):
    FILESYSTEM = "filesystem"
    S3 = "s3"


class ConfigurationError(Exception):
    """The environment does not describe a server that may start."""


class Secret:
    """A string that does not show itself in reprs, logs or tracebacks."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')"

    __str__ = __repr__


@dataclass(frozen=True, slots=True)
class Settings:
    env: Environment
    database_url: str
    redis_url: str | None
    public_origin: str
    secret_key: Secret
    vapid_private_key: Secret
    vapid_public_key: str
    vapid_subject: str
    host: str
    port: int
    workers: int
    var_dir: Path
    pwa_dist: Path
    log_level: str
    embedded_worker: bool
    # A declaration may be submitted from this many hours before the scheduled crossing.
    declaration_lead_hours: int = 72
    # Where document files live: files under var_dir, or an S3-compatible bucket.
    storage_backend: StorageBackend = StorageBackend.FILESYSTEM
    s3_endpoint_url: str | None = None
    s3_bucket: str | None = None
    s3_access_key_id: str | None = None
    s3_secret_access_key: Secret | None = None
    s3_region: str = "us-east-1"
    # PALM_CLOCK (tests only): `offset:<seconds>` or `frozen:<instant>`; see core/clock.py.
    clock_spec: str | None = None
    # How long a process may serve a public availability answer if it misses the message
    # that another process changed the seats (core/invalidation).
    availability_cache_seconds: float = 2.0
    # Jobs a worker runs at once (they mostly wait on the network).
    worker_concurrency: int = 8
    # Where `palm-customs worker` answers /healthz (its heartbeat) and /metrics; None: nowhere.
    worker_health_port: int | None = None
    # /metrics answers only requests bearing this token; unset: /metrics does not exist.
    metrics_token: Secret | None = None
    # Where several uvicorn workers of one `serve` share their metrics (serve sets it).
    metrics_multiproc_dir: Path | None = None
    # Finished jobs (done, discarded) are deleted this many days after they finished.
    job_retention_days: int = 14
    # PostgreSQL connections each process may open (Tortoise's own default is 5).
    database_pool_size: int = 20

    @property
    def rp_id(self) -> str:
        """WebAuthn relying-party id: the origin's host name."""
        return urlsplit(self.public_origin).hostname or "localhost"

    @property
    def origin_is_https(self) -> bool:
        return self.public_origin.startswith("https://")

    @property
    def is_production(self) -> bool:
        return self.env is Environment.PRODUCTION

    @property
    def is_test(self) -> bool:
        return self.env is Environment.TEST

    @property
    def is_development(self) -> bool:
        return self.env is Environment.DEVELOPMENT

    @property
    def uses_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


def _generated_secret(var_dir: Path, name: str) -> str:
    """Read a development secret from var/, creating it on first use."""
    path = var_dir / "secrets" / name
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    value = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(value)
    return value


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _generated_vapid_keys(var_dir: Path) -> tuple[str, str]:
    """A P-256 key pair for VAPID, kept in var/secrets (private: PEM; public: raw b64url)."""
    private_path = var_dir / "secrets" / "vapid_private.pem"
    if not private_path.exists():
        private_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        key = ec.generate_private_key(ec.SECP256R1())
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(pem)
    pem_text = private_path.read_text()
    loaded = serialization.load_pem_private_key(pem_text.encode(), password=None)
    assert isinstance(loaded, ec.EllipticCurvePrivateKey)
    public = loaded.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return pem_text, _b64url(public)


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Build settings from the environment (or the mapping given, for tests)."""
    source = os.environ if environ is None else environ
    try:
        env = Environment(source.get("PALM_ENV", "development"))
    except ValueError:
        raise ConfigurationError("PALM_ENV must be one of: development, test, production") from None

    if env is Environment.PRODUCTION:
        missing = [name for name in REQUIRED_IN_PRODUCTION if not source.get(name)]
        if missing:
            raise ConfigurationError("Production refuses to start without: " + ", ".join(missing))

    var_dir = Path(source.get("VAR_DIR", str(PROJECT_ROOT / "var"))).resolve()
    database_url = source.get("DATABASE_URL") or f"sqlite://{var_dir / 'palm.db'}"
    # Locally the origin follows PORT, so `PORT=8123 make run` still has working passkeys.
    default_origin = f"http://localhost:{source.get('PORT', '8000')}"
    public_origin = source.get("PUBLIC_ORIGIN", default_origin).rstrip("/")
    parts = urlsplit(public_origin)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path:
        raise ConfigurationError(
            "PUBLIC_ORIGIN must be a scheme and host, such as https://palm.customs.example"
        )
    if env is Environment.PRODUCTION and parts.scheme != "https":
        raise ConfigurationError("PUBLIC_ORIGIN must use https in production")

    if source.get("SECRET_KEY"):
        secret_key = source["SECRET_KEY"]
    else:
        secret_key = _generated_secret(var_dir, "secret_key")
    if len(secret_key) < 32:
        raise ConfigurationError("SECRET_KEY must be at least 32 characters")

    if source.get("VAPID_PRIVATE_KEY") and source.get("VAPID_PUBLIC_KEY"):
        vapid_private = source["VAPID_PRIVATE_KEY"].replace("\\n", "\n")
        vapid_public = source["VAPID_PUBLIC_KEY"]
    else:
        vapid_private, vapid_public = _generated_vapid_keys(var_dir)

    try:
        port = int(source.get("PORT", "8000"))
        workers = int(source.get("WEB_CONCURRENCY", "1"))
        lead_hours = int(source.get("DECLARATION_LEAD_HOURS", "72"))
    except ValueError:
        raise ConfigurationError(
            "PORT, WEB_CONCURRENCY and DECLARATION_LEAD_HOURS must be whole numbers"
        ) from None
    if not 1 <= lead_hours <= 24 * 30:
        raise ConfigurationError("DECLARATION_LEAD_HOURS must be between 1 and 720")
    if not 0 < port < 65536 or workers < 1:
        raise ConfigurationError("PORT must be 1-65535 and WEB_CONCURRENCY at least 1")
    if workers > 1 and database_url.startswith("sqlite"):
        raise ConfigurationError(
            "SQLite is served from one process: set WEB_CONCURRENCY=1 or use PostgreSQL"
        )

    try:
        storage_backend = StorageBackend(source.get("STORAGE_BACKEND") or "filesystem")
    except ValueError:
        raise ConfigurationError("STORAGE_BACKEND must be one of: filesystem, s3") from None
    s3_bucket = source.get("S3_BUCKET") or None
    s3_endpoint_url = (source.get("S3_ENDPOINT_URL") or "").rstrip("/") or None
    if storage_backend is StorageBackend.S3 and not s3_bucket:
        raise ConfigurationError("STORAGE_BACKEND=s3 needs S3_BUCKET")
    if s3_endpoint_url and urlsplit(s3_endpoint_url).scheme not in ("http", "https"):
        raise ConfigurationError("S3_ENDPOINT_URL must be an http(s) URL")
    s3_secret = source.get("S3_SECRET_ACCESS_KEY") or None

    try:
        availability_cache_seconds = float(source.get("AVAILABILITY_CACHE_SECONDS", "2"))
    except ValueError:
        raise ConfigurationError("AVAILABILITY_CACHE_SECONDS must be a number") from None
    if not 0 <= availability_cache_seconds <= 300:
        raise ConfigurationError("AVAILABILITY_CACHE_SECONDS must be between 0 and 300")

    try:
        worker_concurrency = int(source.get("WORKER_CONCURRENCY", "8"))
        worker_health_port = (
            int(source["WORKER_HEALTH_PORT"]) if source.get("WORKER_HEALTH_PORT") else None
        )
    except ValueError:
        raise ConfigurationError(
            "WORKER_CONCURRENCY and WORKER_HEALTH_PORT must be whole numbers"
        ) from None
    if not 1 <= worker_concurrency <= 256:
        raise ConfigurationError("WORKER_CONCURRENCY must be between 1 and 256")
    if worker_health_port is not None and not 0 < worker_health_port < 65536:
        raise ConfigurationError("WORKER_HEALTH_PORT must be 1-65535")

    metrics_token = source.get("METRICS_TOKEN") or None
    if metrics_token is not None and len(metrics_token) < 16:
        raise ConfigurationError("METRICS_TOKEN must be at least 16 characters")
    try:
        job_retention_days = int(source.get("JOB_RETENTION_DAYS", "14"))
    except ValueError:
        raise ConfigurationError("JOB_RETENTION_DAYS must be a whole number") from None
    if not 1 <= job_retention_days <= 3650:
        raise ConfigurationError("JOB_RETENTION_DAYS must be between 1 and 3650")
    try:
        database_pool_size = int(source.get("DATABASE_POOL_SIZE", "20"))
    except ValueError:
        raise ConfigurationError("DATABASE_POOL_SIZE must be a whole number") from None
    if not 1 <= database_pool_size <= 500:
        raise ConfigurationError("DATABASE_POOL_SIZE must be between 1 and 500")

    clock_spec = source.get("PALM_CLOCK") or None
    if clock_spec is not None:
        if env is not Environment.TEST:
            raise ConfigurationError("PALM_CLOCK is accepted only when PALM_ENV=test")
        from palm_customs.core import clock

        try:
            clock.configure(clock_spec)
        except clock.ClockSpecInvalid as error:
            raise ConfigurationError(
                f"PALM_CLOCK must be offset:<seconds> or frozen:<ISO instant>: {error}"
            ) from None
        finally:
            clock.reset()

    return Settings(
        env=env,
        database_url=database_url,
        redis_url=source.get("REDIS_URL") or None,
        public_origin=public_origin,
        secret_key=Secret(secret_key),
        vapid_private_key=Secret(vapid_private),
        vapid_public_key=vapid_public,
        vapid_subject=source.get("VAPID_SUBJECT", "mailto:palm-customs@localhost"),
        host=source.get("HOST", "127.0.0.1" if env is not Environment.PRODUCTION else "0.0.0.0"),  # noqa: S104
        port=port,
        workers=workers,
        var_dir=var_dir,
        pwa_dist=Path(source.get("PWA_DIST", str(PROJECT_ROOT / "pwa" / "dist"))).resolve(),
        log_level=source.get("LOG_LEVEL", "INFO").upper(),
        declaration_lead_hours=lead_hours,
        embedded_worker=source.get(
            "EMBEDDED_WORKER", "1" if database_url.startswith("sqlite") else "0"
        )
        == "1",
        storage_backend=storage_backend,
        s3_endpoint_url=s3_endpoint_url,
        s3_bucket=s3_bucket,
        s3_access_key_id=source.get("S3_ACCESS_KEY_ID") or None,
        s3_secret_access_key=Secret(s3_secret) if s3_secret else None,
        s3_region=source.get("S3_REGION") or "us-east-1",
        clock_spec=clock_spec,
        availability_cache_seconds=availability_cache_seconds,
        worker_concurrency=worker_concurrency,
        worker_health_port=worker_health_port,
        metrics_token=Secret(metrics_token) if metrics_token else None,
        metrics_multiproc_dir=Path(source["PROMETHEUS_MULTIPROC_DIR"])
        if source.get("PROMETHEUS_MULTIPROC_DIR")
        else None,
        job_retention_days=job_retention_days,
        database_pool_size=database_pool_size,
    )
