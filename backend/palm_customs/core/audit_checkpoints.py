"""Copies of the signed tree heads kept where a database administrator cannot reach them.

A checkpoint store holds heads by size, never overwritten: the checkpoint directory (the
embedded default, `checkpoints/` of the log directory, written by HeadStore.extend), and in
production an S3-compatible bucket with object lock, each head written with a retention
(COMPLIANCE or GOVERNANCE mode, AUDIT_S3_LOCK_MODE) so that nobody can delete or replace it
before it expires. `audit verify` reads the heads of every configured store: a head the bucket
holds but the directory lost still anchors the log.
"""

from __future__ import annotations

import json
import logging
from datetime import timedelta
from typing import TYPE_CHECKING, Protocol

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from palm_customs.core import clock
from palm_customs.core.audit_heads import HeadError, HeadStore, TreeHead

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

    from palm_customs.settings import Settings

logger = logging.getLogger(__name__)
_DIGITS = 20


def head_text(head: TreeHead) -> str:
    return json.dumps(head.to_json(), sort_keys=True, indent=1) + "\n"


class CheckpointStore(Protocol):
    name: str

    def put(self, head: TreeHead) -> None: ...

    def heads(self) -> list[TreeHead | HeadError]: ...


class DirectoryCheckpoints:
    """`checkpoints/` of the log directory (HeadStore writes it as it signs)."""

    name = "checkpoint directory"

    def __init__(self, store: HeadStore) -> None:
        self.store = store

    def put(self, head: TreeHead) -> None:
        """Already written by HeadStore.extend, under its lock."""

    def heads(self) -> list[TreeHead | HeadError]:
        return self.store.heads()


class S3Checkpoints:
    """`<prefix><size>.json` objects in a bucket with object lock enabled."""

    name = "S3 copy"

    def __init__(
        self,
        client: S3Client,
        *,
        bucket: str,
        mode: str,
        retention_days: int,
        prefix: str = "audit/checkpoints/",
    ) -> None:
        self.client = client
        self.bucket = bucket
        self.mode = mode
        self.retention = timedelta(days=retention_days)
        self.prefix = prefix
        self._copied: set[int] | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> S3Checkpoints:
        assert settings.audit_s3_bucket is not None
        secret = settings.s3_secret_access_key
        client: S3Client = boto3.client(
            "s3",
            endpoint_url=settings.s3_endpoint_url,
            region_name=settings.s3_region,
            aws_access_key_id=settings.s3_access_key_id,
            aws_secret_access_key=secret.reveal() if secret else None,
            config=Config(
                retries={"max_attempts": 3, "mode": "standard"},
                connect_timeout=5,
                read_timeout=30,
                s3={"addressing_style": "path"},
            ),
        )
        return cls(
            client,
            bucket=settings.audit_s3_bucket,
            mode=settings.audit_s3_lock_mode,
            retention_days=settings.audit_s3_retention_days,
        )

    def ensure_bucket(self) -> bool:
        """Create the bucket with object lock if it does not exist (`palm-customs migrate`);
        object lock can only be enabled when a bucket is created. True if it was created."""
        try:
            self.client.head_bucket(Bucket=self.bucket)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") not in ("NoSuchBucket", "404"):
                raise
            self.client.create_bucket(Bucket=self.bucket, ObjectLockEnabledForBucket=True)
            return True
        return False

    def key(self, size: int) -> str:
        return f"{self.prefix}{size:0{_DIGITS}d}.json"

    def put(self, head: TreeHead) -> None:
        self.client.put_object(
            Bucket=self.bucket,
            Key=self.key(head.size),
            Body=head_text(head).encode(),
            ContentType="application/json",
            ObjectLockMode=self.mode,  # type: ignore[arg-type]
            ObjectLockRetainUntilDate=clock.now() + self.retention,
            ChecksumAlgorithm="SHA256",
        )
        if self._copied is not None:
            self._copied.add(head.size)

    def sizes(self) -> set[int]:
        found: set[int] = set()
        paginator = self.client.get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=self.bucket, Prefix=self.prefix):
            for item in page.get("Contents", []):
                stem = item.get("Key", "")[len(self.prefix) :].removesuffix(".json")
                if stem.isdigit():
                    found.add(int(stem))
        return found

    def heads(self) -> list[TreeHead | HeadError]:
        found: list[TreeHead | HeadError] = []
        for size in sorted(self.sizes()):
            key = self.key(size)
            try:
                body = self.client.get_object(Bucket=self.bucket, Key=key)["Body"].read()
                found.append(TreeHead.from_json(json.loads(body)))
            except (HeadError, ValueError) as error:
                found.append(HeadError(f"{self.name} {key}: {error}"))
        return found

    def catch_up(self, heads: list[TreeHead | HeadError]) -> int:
        """Copy every head not in the bucket yet (after a failed put, or a first start)."""
        if self._copied is None:
            self._copied = self.sizes()
        copied = 0
        for head in heads:
            if isinstance(head, TreeHead) and head.size not in self._copied:
                self.put(head)
                copied += 1
        return copied


def build_copies(settings: Settings) -> CheckpointStore | None:
    """The store outside the checkpoint directory, when one is configured."""
    if settings.audit_s3_bucket:
        return S3Checkpoints.from_settings(settings)
    return None


def copy_heads(store: HeadStore, copies: CheckpointStore | None) -> None:
    """After signing: the new heads into the other store (an outage only delays the copy)."""
    if not isinstance(copies, S3Checkpoints):
        return
    try:
        copies.catch_up(store.heads())
    except (BotoCoreError, ClientError):
        logger.warning("audit: could not copy tree heads to %s; retrying", copies.name)


def merged_heads(
    store: HeadStore, copies: CheckpointStore | None
) -> tuple[list[TreeHead | HeadError], list[str]]:
    """The directory's heads with those only the other store holds, and what differs."""
    local = store.heads()
    if copies is None:
        return local, []
    problems: list[str] = []
    by_size = {h.size: h for h in local if isinstance(h, TreeHead)}
    merged = list(local)
    for head in copies.heads():
        if isinstance(head, HeadError):
            merged.append(head)
            continue
        mine = by_size.get(head.size)
        if mine is None:
            problems.append(
                f"tree head of size {head.size} is in the {copies.name} but missing from the "
                f"checkpoint directory"
            )
            merged.append(head)
        elif (mine.root, mine.signature, mine.time) != (head.root, head.signature, head.time):
            problems.append(
                f"tree head of size {head.size} differs between the {copies.name} and the "
                f"checkpoint directory"
            )
            merged.append(head)
    merged.sort(key=lambda h: h.size if isinstance(h, TreeHead) else -1)
    return merged, problems
