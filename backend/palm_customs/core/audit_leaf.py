"""One audit event as it is stored, hashed and keyed, and the keys of the log.

An event's leaf (RFC 6962 leaf input) is canonical JSON of exactly what the row holds, limits
applied first. Each event carries an HMAC under a key kept outside the database, and the id of
that key (`mac_kid`, not hashed: a wrong id only makes the MAC fail). MAC keys rotate like the
signing key: AUDIT_MAC_KEY signs new events and the keys in AUDIT_RETIRED_MAC_KEYS still verify
the events made under them; an event from before key ids (empty `mac_kid`) is checked with each
configured key in turn.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from palm_customs.core import merkle
from palm_customs.core.audit_checkpoints import CheckpointStore, build_copies
from palm_customs.core.audit_heads import HeadStore, Signer, Trust, public_pem
from palm_customs.core.models import AuditEvent
from palm_customs.settings import Settings

LEAF_VERSION = 1
# What a client can make large is cut to these lengths before it is hashed.
LIMITS = {
    "actor": 80,
    "operation": 80,
    "outcome": 60,
    "request_id": 64,
    "ip": 64,
    "user_agent": 300,
}
MAX_TARGETS = 50
MAX_TARGET_LENGTH = 120


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """What a caller knows about an event; nothing secret, never document contents."""

    actor: str
    operation: str
    target_ids: tuple[str, ...]
    outcome: str
    request_id: str
    ip: str
    user_agent: str
    # An officer acted: index the targets for the people whose records they are (not hashed).
    index_access: bool = False


def _clip(value: str, limit: int) -> str:
    # PostgreSQL text cannot hold NUL: replace it before hashing, like any limit.
    return value.replace("\x00", "\ufffd")[:limit]


@dataclass(frozen=True, slots=True)
class Leaf:
    """An event exactly as stored and hashed."""

    occurred_at: datetime
    actor: str
    operation: str
    target_ids: tuple[str, ...]
    outcome: str
    request_id: str
    ip: str
    user_agent: str
    indexed: bool = False
    # Which MAC key keys this event (not part of the leaf data; see the module's text).
    mac_kid: str = ""

    @classmethod
    def from_record(cls, record: AuditRecord, occurred_at: datetime) -> Leaf:
        return cls(
            occurred_at=occurred_at.astimezone(UTC),
            actor=_clip(record.actor, LIMITS["actor"]),
            operation=_clip(record.operation, LIMITS["operation"]),
            target_ids=tuple(_clip(t, MAX_TARGET_LENGTH) for t in record.target_ids[:MAX_TARGETS]),
            outcome=_clip(record.outcome, LIMITS["outcome"]),
            request_id=_clip(record.request_id, LIMITS["request_id"]),
            ip=_clip(record.ip, LIMITS["ip"]),
            user_agent=_clip(record.user_agent, LIMITS["user_agent"]),
            indexed=record.index_access and bool(record.target_ids),
            mac_kid=_configured().mac_kid,
        )

    @classmethod
    def from_event(cls, event: AuditEvent) -> Leaf:
        targets = event.target_ids if isinstance(event.target_ids, list) else []
        leaf = cls(
            occurred_at=event.occurred_at,
            actor=event.actor,
            operation=event.operation,
            target_ids=tuple(str(t) for t in targets),
            outcome=event.outcome,
            request_id=event.request_id,
            ip=event.ip,
            user_agent=event.user_agent,
            indexed=bool(event.indexed),
            mac_kid=event.mac_kid or _configured().mac_kid,
        )
        if event.mac_kid:
            return leaf
        # From before key ids: the key whose MAC it carries (the current one if none does).
        for kid in _configured().mac_keys:
            candidate = replace(leaf, mac_kid=kid)
            if mac_ok(event, candidate):
                return candidate
        return leaf

    def to_json(self) -> dict[str, object]:
        extra: dict[str, object] = {"indexed": True} if self.indexed else {}
        return extra | {
            "v": LEAF_VERSION,
            "at": self.occurred_at.astimezone(UTC).isoformat(timespec="microseconds"),
            "actor": self.actor,
            "operation": self.operation,
            "targets": list(self.target_ids),
            "outcome": self.outcome,
            # Where the request came from is committed to, not shown: a proof handed to a
            # person must not reveal an officer's address or browser (keyed, so that it
            # cannot be guessed from the few addresses there are).
            "private": hmac.new(
                _mac_key(self.mac_kid),
                json.dumps(
                    ["private", self.request_id, self.ip, self.user_agent], ensure_ascii=False
                ).encode(),
                hashlib.sha256,
            ).hexdigest(),
        }

    def data(self) -> bytes:
        """The leaf input of RFC 6962: canonical JSON (sorted keys, no spaces, UTF-8)."""
        return json.dumps(
            self.to_json(), sort_keys=True, separators=(",", ":"), ensure_ascii=False
        ).encode()

    def hash(self) -> bytes:
        return merkle.leaf_hash(self.data())


def mac_key_id(key: bytes) -> str:
    return hashlib.sha256(b"palm-customs audit-mac-kid v1" + key).hexdigest()[:16]


@dataclass
class _Config:
    # Every MAC key by id, the current one first.
    mac_keys: dict[str, bytes]
    mac_kid: str
    store: HeadStore
    key_path: Path
    retired_keys: Path | None
    origin: str
    create_key: bool
    # Where heads are copied besides the directory (S3 with object lock), if anywhere.
    copies: CheckpointStore | None = None
    signer: Signer | None = None


_config: _Config | None = None


def configure(settings: Settings) -> None:
    """Install this process's MAC keys and log location (every process that appends or seals)."""
    global _config
    if settings.audit_mac_key is not None:
        current = settings.audit_mac_key.reveal().encode()
    else:
        current = hmac.new(
            settings.secret_key.reveal().encode(), b"palm-customs audit-mac v1", hashlib.sha256
        ).digest()
    keys = {mac_key_id(current): current}
    for retired in settings.audit_retired_mac_keys:
        keys.setdefault(mac_key_id(retired.reveal().encode()), retired.reveal().encode())
    _config = _Config(
        mac_keys=keys,
        mac_kid=mac_key_id(current),
        store=HeadStore(settings.audit_log_dir),
        key_path=settings.audit_key_path,
        retired_keys=settings.audit_retired_keys_file,
        origin=f"{settings.public_origin}/audit",
        create_key=not settings.is_production,
        copies=build_copies(settings),
    )


def _configured() -> _Config:
    if _config is None:
        raise RuntimeError("palm_customs.core.audit.configure(settings) was not called")
    return _config


def _mac_key(kid: str) -> bytes:
    config = _configured()
    # An unknown id (altered, or a key no longer configured) keys nothing that verifies.
    return config.mac_keys.get(kid or config.mac_kid, b"")


def mac(leaf: Leaf) -> str:
    key = _mac_key(leaf.mac_kid)
    if not key:
        return ""
    return hmac.new(key, leaf.data(), hashlib.sha256).hexdigest()


def mac_ok(event: AuditEvent, leaf: Leaf) -> bool:
    expected = mac(leaf)
    return bool(expected) and hmac.compare_digest(event.mac or "", expected)


def signer() -> Signer:
    config = _configured()
    if config.signer is None:
        config.signer = Signer.from_file(config.key_path, create=config.create_key)
    return config.signer


def trust() -> Trust:
    """The current signing key's public key and every retired one configured."""
    config = _configured()
    text = public_pem(signer().public)
    if config.retired_keys is not None and config.retired_keys.exists():
        text += config.retired_keys.read_text()
    return Trust.from_pem(text)


def head_store() -> HeadStore:
    return _configured().store


def checkpoint_copies() -> CheckpointStore | None:
    return _configured().copies
