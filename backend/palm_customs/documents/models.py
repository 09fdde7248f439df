from __future__ import annotations

import uuid

from tortoise import fields
from tortoise.models import Model

# The formats material types accept are the catalogue's words; the vault sniffs uploads into
# them (re-exported here for the vault's modules and migration 0009).
from palm_customs.catalogue.models import FileFormat as FileFormat
from palm_customs.identity.models import Account, Enterprise


class Document(Model):
    """A person's or enterprise's document in the vault, uploaded once and reused.

    The file is stored once per content (the blob key is the SHA-256 of the stored, sanitised
    bytes) and `source_sha256` is the hash of what was uploaded, so the same upload by the same
    owner finds the existing document. `owner_key` names the owner (account or enterprise) in
    one column that the unique constraints can use.
    """

    id = fields.UUIDField(primary_key=True)
    owner_key = fields.CharField(max_length=60)
    account: fields.ForeignKeyNullableRelation[Account] = fields.ForeignKeyField(
        "palm.Account", related_name="documents", null=True, on_delete=fields.CASCADE
    )
    account_id: uuid.UUID | None
    enterprise: fields.ForeignKeyNullableRelation[Enterprise] = fields.ForeignKeyField(
        "palm.Enterprise", related_name="documents", null=True, on_delete=fields.CASCADE
    )
    enterprise_id: uuid.UUID | None
    uploaded_by: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "palm.Account", related_name="documents_uploaded", on_delete=fields.CASCADE
    )
    uploaded_by_id: uuid.UUID
    idempotency_key = fields.CharField(max_length=64)
    material_code = fields.CharField(max_length=40)
    label = fields.CharField(max_length=120, default="")
    file_format = fields.CharEnumField(FileFormat, max_length=8)
    media_type = fields.CharField(max_length=40)
    size_bytes = fields.IntField()
    pages = fields.IntField()
    sha256 = fields.CharField(max_length=64, db_index=True)
    source_sha256 = fields.CharField(max_length=64)
    issue_date = fields.DateField(null=True)
    expiry_date = fields.DateField(null=True)
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    class Meta:
        table = "document"
        unique_together = (
            ("uploaded_by", "idempotency_key"),
            ("owner_key", "material_code", "source_sha256"),
        )
        indexes = (("owner_key", "created_at"),)
