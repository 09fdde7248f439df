"""The only module that reads the environment.

Everything the server can be configured with is a field of `Settings`; the rest of the code
receives a `Settings` instance and never calls `os.environ`.

Long on purpose: one field per setting with what it means beside it, and one parser that reads
them all, so that an operator reads every setting in one place (README "Settings" lists them).
"""

from __future__ import annotations

import base64
import ipaddress
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import urlsplit

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

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
    # Online payment (WeChat Pay API v3): _wechatpay_settings below.
    "WECHATPAY_MCHID",
    "WECHATPAY_APPID",
    "WECHATPAY_PRIVATE_KEY",
    "WECHATPAY_CERT_SERIAL_NO",
    "WECHATPAY_APIV3_KEY",
    "WECHATPAY_PUBLIC_KEY",
    "WECHATPAY_PUBLIC_KEY_ID",
    "WECHATPAY_GATEWAY",
    "WECHATPAY_NOTIFY_URL",
    "WECHATPAY_TIMEOUT_SECONDS",
    "AVAILABILITY_CACHE_SECONDS",
    "WORKER_CONCURRENCY",
    "WORKER_HEALTH_PORT",
    "METRICS_TOKEN",
    "PROMETHEUS_MULTIPROC_DIR",
    "JOB_RETENTION_DAYS",
    "AUDIT_MAC_KEY",
    "AUDIT_SIGNING_KEY_FILE",
    "AUDIT_RETIRED_KEYS_FILE",
    "AUDIT_CHECKPOINT_DIR",
    "AUDIT_SEAL_SECONDS",
    "AUDIT_RETIRED_MAC_KEYS",
    "IDENTITY_HASH_KEY",
    "IDENTITY_HASH_RETIRED_KEYS",
    "IDENTITY_RETENTION_DAYS",
    "IDENTITY_VERIFICATION_URL",
    "IDENTITY_VERIFICATION_KEY",
    "IDENTITY_VERIFICATION_NAME",
    "IDENTITY_VERIFICATION_TIMEOUT_SECONDS",
    "SIGN_UP_NETWORK_LIMIT",
    "SIGN_UP_DEVICE_LIMIT",
    "DUTY_ESTIMATE_LIMIT",
    "AUDIT_S3_BUCKET",
    "AUDIT_S3_LOCK_MODE",
    "AUDIT_S3_RETENTION_DAYS",
    "TRUSTED_PROXIES",
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
class WeChatPaySettings:
    """WeChat Pay API v3 merchant settings (payments/wechat.py). In development and tests,
    unless WECHATPAY_MCHID is set, keys are generated in var/secrets for the local stand-in
    (`palm-customs payments-standin`), which reads the same files."""

    merchant_id: str
    app_id: str
    # Merchant API private key (RSA PEM) and its certificate's serial number.
    private_key: Secret
    cert_serial_no: str
    # APIv3 key: 32 characters, decrypts notification resources (AES-256-GCM).
    apiv3_key: Secret
    # WeChat Pay public key (PEM) and its id: verify responses and notifications.
    public_key: str
    public_key_id: str
    gateway: str
    notify_url: str
    timeout_seconds: float
    stand_in: bool


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
    # Online payment (WeChat Pay API v3); None: payment is not offered.
    wechatpay: WeChatPaySettings | None = None
    # Keys every audit event's MAC (never stored in the database); unset: derived from
    # SECRET_KEY for that purpose alone.
    audit_mac_key: Secret | None = None
    # The Ed25519 private key (PKCS#8 PEM) that signs the audit log's tree heads; only the
    # sealer (worker, embedded drainer, CLI) reads it. Outside production it is created on
    # first use. None: var/secrets/audit_ed25519.pem.
    audit_signing_key_file: Path | None = None
    # PEM public keys of retired tree-head signing keys, still trusted for older heads.
    audit_retired_keys_file: Path | None = None
    # Where signed tree heads and sealed leaf hashes are written (append-only), outside the
    # database. None: var/audit-log.
    audit_checkpoint_dir: Path | None = None
    # How often the sealer adds new events to the tree and signs a head.
    audit_seal_seconds: float = 2.0
    # Former AUDIT_MAC_KEY values (comma-separated), still used to verify the events they keyed.
    audit_retired_mac_keys: tuple[Secret, ...] = ()
    # A copy of every signed tree head in this S3-compatible bucket (S3_ENDPOINT_URL and the S3
    # credentials), each object written with object-lock retention; None: the directory only.
    audit_s3_bucket: str | None = None
    # Object-lock mode of those copies: COMPLIANCE (nobody can shorten it) or GOVERNANCE.
    audit_s3_lock_mode: str = "COMPLIANCE"
    audit_s3_retention_days: int = 3650

    @property
    def audit_key_path(self) -> Path:
        return self.audit_signing_key_file or self.var_dir / "secrets" / "audit_ed25519.pem"

    @property
    def audit_log_dir(self) -> Path:
        return self.audit_checkpoint_dir or self.var_dir / "audit-log"

    # Peers whose X-Forwarded-For / -Proto the server believes (the reverse proxy's addresses or
    # networks); a request from anyone else is taken at its socket address, whatever it claims.
    trusted_proxies: tuple[str, ...] = ()
    # The HMAC key of what is kept of a deleted person's identity document (a keyed hash);
    # unset: derived from SECRET_KEY. Never stored in the database.
    identity_hash_key: Secret | None = None
    # Former IDENTITY_HASH_KEY values: what was kept under them is still recognised (nothing new
    # is hashed with them), so a key can be rotated without forgetting who deleted what.
    identity_hash_retired_keys: tuple[Secret, ...] = ()
    # How long that keyed hash stops the same document coming back with a clean slate.
    identity_retention_days: int = 180
    # Accounts one network (an IPv4 /24, an IPv6 /64) may create in an hour; then it waits.
    sign_up_network_limit: int = 20
    # dutyEstimate calls a minute per account (signed in) or per network (anyone else).
    duty_estimate_limit: int = 60
    # Accounts one device (the id the PWA keeps, sent as X-Palm-Device) may create in an hour.
    sign_up_device_limit: int = 3
    # An external real-name verification service (identity/verification_provider.py); unset:
    # none, and only an officer who saw the document at a window verifies a person.
    identity_verification_url: str | None = None
    identity_verification_key: Secret | None = None
    identity_verification_name: str = "real-name service"
    identity_verification_timeout_seconds: float = 5.0
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


STANDIN_GATEWAY = "http://127.0.0.1:8790"
STANDIN_MERCHANT_ID = "1900000109"
STANDIN_APP_ID = "wxpalmcustoms0001"
STANDIN_PUBLIC_KEY_ID = "PUB_KEY_ID_0119000001092026"
_WECHATPAY_REQUIRED = (
    "WECHATPAY_APPID",
    "WECHATPAY_PRIVATE_KEY",
    "WECHATPAY_CERT_SERIAL_NO",
    "WECHATPAY_APIV3_KEY",
    "WECHATPAY_PUBLIC_KEY",
    "WECHATPAY_PUBLIC_KEY_ID",
)


def _generated_rsa_key(var_dir: Path, name: str) -> str:
    """An RSA-2048 private key (PEM) kept in var/secrets, for the payment stand-in."""
    path = var_dir / "secrets" / name
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return path.read_text()
        with os.fdopen(fd, "wb") as handle:
            handle.write(pem)
    return path.read_text()


def public_pem(private_pem: str) -> str:
    key = serialization.load_pem_private_key(private_pem.encode(), password=None)
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


def standin_platform_key(var_dir: Path) -> str:
    """The stand-in's private key (it plays WeChat Pay's platform key pair)."""
    return _generated_rsa_key(var_dir, "standin_platform_private.pem")


def _wechatpay_settings(
    source: Mapping[str, str], env: Environment, var_dir: Path, public_origin: str
) -> WeChatPaySettings | None:
    try:
        timeout = float(source.get("WECHATPAY_TIMEOUT_SECONDS", "10"))
    except ValueError:
        raise ConfigurationError("WECHATPAY_TIMEOUT_SECONDS must be a number") from None
    if not 0.1 <= timeout <= 60:
        raise ConfigurationError("WECHATPAY_TIMEOUT_SECONDS must be between 0.1 and 60")
    notify_url = source.get("WECHATPAY_NOTIFY_URL") or f"{public_origin}/payments/wechat/notify"
    if source.get("WECHATPAY_MCHID"):
        missing = [name for name in _WECHATPAY_REQUIRED if not source.get(name)]
        if missing:
            raise ConfigurationError(
                f"WECHATPAY_MCHID is set, so these are required too: {', '.join(missing)}"
            )
        apiv3_key = source["WECHATPAY_APIV3_KEY"]
        if len(apiv3_key.encode()) != 32:
            raise ConfigurationError("WECHATPAY_APIV3_KEY must be 32 bytes")
        return WeChatPaySettings(
            merchant_id=source["WECHATPAY_MCHID"],
            app_id=source["WECHATPAY_APPID"],
            private_key=Secret(source["WECHATPAY_PRIVATE_KEY"].replace("\\n", "\n")),
            cert_serial_no=source["WECHATPAY_CERT_SERIAL_NO"],
            apiv3_key=Secret(apiv3_key),
            public_key=source["WECHATPAY_PUBLIC_KEY"].replace("\\n", "\n"),
            public_key_id=source["WECHATPAY_PUBLIC_KEY_ID"],
            gateway=source.get("WECHATPAY_GATEWAY", "https://api.mch.weixin.qq.com"),
            notify_url=notify_url,
            timeout_seconds=timeout,
            stand_in=False,
        )
    if env is Environment.PRODUCTION:
        return None
    return WeChatPaySettings(
        merchant_id=STANDIN_MERCHANT_ID,
        app_id=STANDIN_APP_ID,
        private_key=Secret(_generated_rsa_key(var_dir, "standin_merchant_private.pem")),
        cert_serial_no="5157F09EFDC096DE15EBE81A47057A7232F1B8E1",
        apiv3_key=Secret(_generated_secret(var_dir, "standin_apiv3_key")[:32]),
        public_key=public_pem(standin_platform_key(var_dir)),
        public_key_id=STANDIN_PUBLIC_KEY_ID,
        gateway=source.get("WECHATPAY_GATEWAY", STANDIN_GATEWAY),
        notify_url=notify_url,
        timeout_seconds=timeout,
        stand_in=True,
    )


def _trusted_proxies(value: str) -> tuple[str, ...]:
    """TRUSTED_PROXIES: comma-separated addresses or networks (CIDR); empty trusts none."""
    found = []
    for part in (p.strip() for p in value.split(",")):
        if not part:
            continue
        if part == "*":
            raise ConfigurationError("TRUSTED_PROXIES must name the proxies, not '*'")
        try:
            found.append(str(ipaddress.ip_network(part, strict=False)))
        except ValueError:
            raise ConfigurationError(
                f"TRUSTED_PROXIES: {part!r} is not an IP address or network"
            ) from None
    return tuple(found)


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

    audit_mac_key = source.get("AUDIT_MAC_KEY") or None
    if audit_mac_key is not None and len(audit_mac_key) < 32:
        raise ConfigurationError("AUDIT_MAC_KEY must be at least 32 characters")
    try:
        audit_seal_seconds = float(source.get("AUDIT_SEAL_SECONDS", "2"))
    except ValueError:
        raise ConfigurationError("AUDIT_SEAL_SECONDS must be a number") from None
    if not 0.05 <= audit_seal_seconds <= 3600:
        raise ConfigurationError("AUDIT_SEAL_SECONDS must be between 0.05 and 3600")
    audit_retired_mac_keys = tuple(
        k.strip() for k in source.get("AUDIT_RETIRED_MAC_KEYS", "").split(",") if k.strip()
    )
    if any(len(k) < 32 for k in audit_retired_mac_keys):
        raise ConfigurationError("each of AUDIT_RETIRED_MAC_KEYS must be at least 32 characters")
    identity_hash_keys = [
        source.get("IDENTITY_HASH_KEY") or "",
        *source.get("IDENTITY_HASH_RETIRED_KEYS", "").split(","),
    ]
    if any(0 < len(k.strip()) < 32 for k in identity_hash_keys):
        raise ConfigurationError(
            "IDENTITY_HASH_KEY and each of IDENTITY_HASH_RETIRED_KEYS must be at least"
            " 32 characters"
        )
    audit_s3_lock_mode = (source.get("AUDIT_S3_LOCK_MODE") or "COMPLIANCE").upper()
    if audit_s3_lock_mode not in ("COMPLIANCE", "GOVERNANCE"):
        raise ConfigurationError("AUDIT_S3_LOCK_MODE must be COMPLIANCE or GOVERNANCE")
    try:
        audit_s3_retention_days = int(source.get("AUDIT_S3_RETENTION_DAYS", "3650"))
    except ValueError:
        raise ConfigurationError("AUDIT_S3_RETENTION_DAYS must be a whole number") from None
    if not 1 <= audit_s3_retention_days <= 36500:
        raise ConfigurationError("AUDIT_S3_RETENTION_DAYS must be between 1 and 36500")
    trusted_proxies = _trusted_proxies(source.get("TRUSTED_PROXIES", ""))

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
        wechatpay=_wechatpay_settings(source, env, var_dir, public_origin),
        audit_mac_key=Secret(audit_mac_key) if audit_mac_key else None,
        audit_signing_key_file=Path(source["AUDIT_SIGNING_KEY_FILE"]).resolve()
        if source.get("AUDIT_SIGNING_KEY_FILE")
        else None,
        audit_retired_keys_file=Path(source["AUDIT_RETIRED_KEYS_FILE"]).resolve()
        if source.get("AUDIT_RETIRED_KEYS_FILE")
        else None,
        audit_checkpoint_dir=Path(source["AUDIT_CHECKPOINT_DIR"]).resolve()
        if source.get("AUDIT_CHECKPOINT_DIR")
        else None,
        audit_seal_seconds=audit_seal_seconds,
        audit_retired_mac_keys=tuple(Secret(k) for k in audit_retired_mac_keys),
        audit_s3_bucket=source.get("AUDIT_S3_BUCKET") or None,
        audit_s3_lock_mode=audit_s3_lock_mode,
        audit_s3_retention_days=audit_s3_retention_days,
        trusted_proxies=trusted_proxies,
        identity_hash_key=Secret(source["IDENTITY_HASH_KEY"])
        if source.get("IDENTITY_HASH_KEY")
        else None,
        identity_hash_retired_keys=tuple(
            Secret(k.strip())
            for k in source.get("IDENTITY_HASH_RETIRED_KEYS", "").split(",")
            if k.strip()
        ),
        identity_retention_days=int(source.get("IDENTITY_RETENTION_DAYS") or 180),
        sign_up_network_limit=int(source.get("SIGN_UP_NETWORK_LIMIT") or 20),
        duty_estimate_limit=int(source.get("DUTY_ESTIMATE_LIMIT") or 60),
        sign_up_device_limit=int(source.get("SIGN_UP_DEVICE_LIMIT") or 3),
        identity_verification_url=source.get("IDENTITY_VERIFICATION_URL") or None,
        identity_verification_key=Secret(source["IDENTITY_VERIFICATION_KEY"])
        if source.get("IDENTITY_VERIFICATION_KEY")
        else None,
        identity_verification_name=source.get("IDENTITY_VERIFICATION_NAME") or "real-name service",
        identity_verification_timeout_seconds=float(
            source.get("IDENTITY_VERIFICATION_TIMEOUT_SECONDS") or 5
        ),
        database_pool_size=database_pool_size,
    )
