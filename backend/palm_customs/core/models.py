from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class AuditEvent(Model):
    """One event of the audit log (core/audit.py): a mutation, refused or not, or a read of
    someone's record. Rows are inserted with no lock and `seq` NULL, and the sealer numbers
    them and adds them to the Merkle tree whose signed heads live outside the database. The
    columns hold exactly what is hashed."""

    id = fields.BigIntField(primary_key=True)
    # Position in the log (1-based), assigned by the sealer; NULL until sealed.
    seq = fields.BigIntField(unique=True, null=True)
    occurred_at = fields.DatetimeField()
    actor = fields.CharField(max_length=80)
    operation = fields.CharField(max_length=80)
    target_ids = fields.JSONField[list[str]]()
    outcome = fields.CharField(max_length=60)
    request_id = fields.CharField(max_length=64)
    ip = fields.CharField(max_length=64)
    user_agent = fields.CharField(max_length=300)
    # HMAC-SHA256 of the leaf data under a key kept outside the database.
    mac = fields.CharField(max_length=64)
    # Which key made `mac` (core/audit_leaf.py; not hashed); "" before keys had ids.
    mac_kid = fields.CharField(max_length=16, default="", db_default="")
    # An officer acted: its targets are in audit_access (hashed, so the index can be checked).
    indexed = fields.BooleanField(default=False, db_default=False)

    class Meta:
        table = "audit_event"


class AuditAccess(Model):
    """Which records an officer's audited event touched: an index for "who looked at my data".
    Not hashed (the event is), and `audit verify` checks it against the events."""

    id = fields.BigIntField(primary_key=True)
    event_id = fields.BigIntField(db_index=True)
    target = fields.CharField(max_length=130, db_index=True)
    occurred_at = fields.DatetimeField()

    class Meta:
        table = "audit_access"


class RateLimitBucket(Model):
    """Failure counters for sign-in rate limits when Redis is not configured."""

    key = fields.CharField(max_length=120, primary_key=True)
    window_start = fields.DatetimeField()
    failures = fields.IntField(default=0)
    locked_until = fields.DatetimeField(null=True)

    class Meta:
        table = "rate_limit_bucket"


class SigningKey(Model):
    """An ES256 key pair that signs QR credentials (core/signing.py), one key signing at a time."""

    id = fields.IntField(primary_key=True)
    kid = fields.CharField(max_length=16, unique=True)
    # PKCS#8 PEM, encrypted with SECRET_KEY (core.crypto, purpose "signing-key").
    private_key_encrypted = fields.TextField()
    public_jwk = fields.JSONField[dict[str, str]]()
    status = fields.CharField(max_length=10)
    # True on the active key and NULL on retired ones: NULLs are distinct, so the unique index
    # lets at most one key be active even when replicas race to create the first one.
    active_slot = fields.BooleanField(null=True, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    activated_at = fields.DatetimeField()
    retired_at = fields.DatetimeField(null=True)

    class Meta:
        table = "signing_key"
