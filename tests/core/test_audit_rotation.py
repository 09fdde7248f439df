"""Rotating the audit log's keys: the MAC key (AUDIT_MAC_KEY, with AUDIT_RETIRED_MAC_KEYS) and
the head-signing key (with AUDIT_RETIRED_KEYS_FILE) change, and `audit verify` passes across the
rotation with the old keys kept for verification only."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest

from palm_customs.core import audit
from palm_customs.core.audit_leaf import mac_key_id
from palm_customs.core.models import AuditEvent
from palm_customs.settings import Settings
from tests.conftest import make_settings
from tests.core.test_audit import _env, _sealed_log

OLD_MAC = "old-mac-key-0123456789-0123456789-abcdef"
NEW_MAC = "new-mac-key-0123456789-0123456789-abcdef"


@pytest.fixture
def settings(migrated: str, var_dir: Path, tmp_path: Path) -> Settings:
    return make_settings(migrated, var_dir, AUDIT_CHECKPOINT_DIR=str(tmp_path / "audit-log"))


def _keys(settings: Settings, tmp_path: Path, **env: str) -> Settings:
    return make_settings(
        settings.database_url,
        settings.var_dir,
        AUDIT_CHECKPOINT_DIR=str(settings.audit_log_dir),
        **env,
    )


async def test_verify_passes_across_a_rotation_of_both_keys(
    db: None, settings: Settings, tmp_path: Path
) -> None:
    # given three events keyed and sealed under the first keys
    before = _keys(
        settings, tmp_path, AUDIT_MAC_KEY=OLD_MAC, AUDIT_SIGNING_KEY_FILE=str(tmp_path / "a.pem")
    )
    audit.configure(before)
    await _sealed_log(3)
    retired_heads = tmp_path / "retired.pem"
    retired_heads.write_text(audit.public_pem(audit.signer().public))
    # and one from before events named their key (its key is found by trying each)
    first = await AuditEvent.filter(seq=1).first()
    assert first is not None
    assert first.mac_kid == mac_key_id(OLD_MAC.encode())
    await AuditEvent.filter(seq=1).update(mac_kid="")
    # when both keys are rotated, the old ones kept for verification, and two more are sealed
    rotated_env = {
        "AUDIT_MAC_KEY": NEW_MAC,
        "AUDIT_RETIRED_MAC_KEYS": OLD_MAC,
        "AUDIT_SIGNING_KEY_FILE": str(tmp_path / "b.pem"),
        "AUDIT_RETIRED_KEYS_FILE": str(retired_heads),
    }
    after = _keys(settings, tmp_path, **rotated_env)
    audit.configure(after)
    await _sealed_log(2)
    # then every event verifies, in this process and through the command
    report = await audit.verify()
    assert report.breaks == []
    assert report.verified == 5
    assert report.heads == 2
    kids = await AuditEvent.all().order_by("seq").values_list("mac_kid", flat=True)
    assert kids[3:] == [mac_key_id(NEW_MAC.encode())] * 2
    command = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "palm_customs", "audit", "verify"],
        env=_env(after) | rotated_env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert command.returncode == 0, command.stdout + command.stderr

    # when the retired MAC key is forgotten, the events it keyed no longer verify
    audit.configure(_keys(settings, tmp_path, **(rotated_env | {"AUDIT_RETIRED_MAC_KEYS": ""})))
    forgotten = await audit.verify()
    assert {b.seq for b in forgotten.breaks if "MAC is invalid" in b.reason} == {1, 2, 3}


async def test_an_event_relabelled_with_another_key_id_is_named(
    db: None, settings: Settings, tmp_path: Path
) -> None:
    env = {"AUDIT_MAC_KEY": NEW_MAC, "AUDIT_RETIRED_MAC_KEYS": OLD_MAC}
    audit.configure(_keys(settings, tmp_path, AUDIT_MAC_KEY=OLD_MAC))
    await _sealed_log(2)
    audit.configure(_keys(settings, tmp_path, **env))
    # when someone with database access claims the first event was keyed by the new key
    await AuditEvent.filter(seq=1).update(mac_kid=mac_key_id(NEW_MAC.encode()))
    report = await audit.verify()
    assert any(b.seq == 1 and b.reason.startswith("its MAC is invalid") for b in report.breaks)


def test_retired_mac_keys_must_be_long(migrated: str, var_dir: Path) -> None:
    from palm_customs.settings import ConfigurationError

    with pytest.raises(ConfigurationError, match="AUDIT_RETIRED_MAC_KEYS"):
        make_settings(migrated, var_dir, AUDIT_RETIRED_MAC_KEYS=f"{OLD_MAC},short")
