"""Tree heads copied to S3-compatible storage with object lock (production), against moto's real
S3 server: each head is written with a retention in the configured mode, `audit verify` reads
the copies, and a head the bucket holds anchors the log when the checkpoint directory loses it."""

from __future__ import annotations

import shutil
import uuid
from datetime import timedelta
from pathlib import Path

import boto3
import pytest

from palm_customs.core import audit, clock
from palm_customs.core.audit_checkpoints import S3Checkpoints
from palm_customs.core.models import AuditEvent
from palm_customs.settings import Settings
from tests.conftest import make_settings
from tests.core.test_audit import _sealed_log
from tests.documents.conftest import S3_CREDENTIALS, s3_endpoint

__all__ = ["s3_endpoint"]  # the session's moto server (a fixture)


def _client(endpoint: str):  # type: ignore[no-untyped-def]
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=S3_CREDENTIALS["S3_ACCESS_KEY_ID"],
        aws_secret_access_key=S3_CREDENTIALS["S3_SECRET_ACCESS_KEY"],
    )


@pytest.fixture
def bucket(s3_endpoint: str) -> str:
    name = f"palm-audit-{uuid.uuid4().hex[:12]}"
    _client(s3_endpoint).create_bucket(Bucket=name, ObjectLockEnabledForBucket=True)
    return name


@pytest.fixture
def settings(
    migrated: str, var_dir: Path, tmp_path: Path, s3_endpoint: str, bucket: str
) -> Settings:
    return make_settings(
        migrated,
        var_dir,
        AUDIT_CHECKPOINT_DIR=str(tmp_path / "audit-log"),
        S3_ENDPOINT_URL=s3_endpoint,
        AUDIT_S3_BUCKET=bucket,
        AUDIT_S3_LOCK_MODE="GOVERNANCE",
        AUDIT_S3_RETENTION_DAYS="30",
        **S3_CREDENTIALS,
    )


async def test_each_head_is_written_to_the_bucket_with_retention_and_verify_reads_it(
    db: None, settings: Settings, s3_endpoint: str, bucket: str
) -> None:
    # when two heads are signed
    await _sealed_log(3)
    await _sealed_log(2)
    # then the bucket holds both, each under object-lock retention from the project's clock
    client = _client(s3_endpoint)
    keys = [o["Key"] for o in client.list_objects_v2(Bucket=bucket, Prefix="audit/")["Contents"]]
    assert keys == [
        "audit/checkpoints/00000000000000000003.json",
        "audit/checkpoints/00000000000000000005.json",
    ]
    for key in keys:
        # (moto answers GetObjectRetention with a 500; HEAD carries the same two headers)
        head = client.head_object(Bucket=bucket, Key=key)
        assert head["ObjectLockMode"] == "GOVERNANCE"
        until = head["ObjectLockRetainUntilDate"]
        assert abs(until - (clock.now() + timedelta(days=30))) < timedelta(minutes=5)
    # and verify reads the copies: an untouched log passes
    report = await audit.verify()
    assert report.breaks == []
    assert report.heads == 2


async def test_a_head_only_the_bucket_holds_still_anchors_the_log(
    db: None, settings: Settings
) -> None:
    # given a sealed log whose heads are in the directory and the bucket
    await _sealed_log(4)
    # when someone with the server's disk and database removes the directory's heads and the
    # last two events
    shutil.rmtree(settings.audit_log_dir / "checkpoints")
    (settings.audit_log_dir / "latest.json").unlink()
    await AuditEvent.filter(seq__gt=2).delete()
    report = await audit.verify()
    # then the bucket's head names both
    reasons = [b.reason for b in report.breaks]
    assert any("in the S3 copy but missing from the checkpoint directory" in r for r in reasons)
    assert any("truncated" in r for r in reasons), reasons


def test_the_lock_mode_is_a_setting(migrated: str, var_dir: Path) -> None:
    from palm_customs.settings import ConfigurationError

    with pytest.raises(ConfigurationError, match="AUDIT_S3_LOCK_MODE"):
        make_settings(migrated, var_dir, AUDIT_S3_LOCK_MODE="FOREVER")
    default = make_settings(migrated, var_dir, AUDIT_S3_BUCKET="b")
    assert default.audit_s3_lock_mode == "COMPLIANCE"
    assert isinstance(S3Checkpoints.from_settings(default), S3Checkpoints)
