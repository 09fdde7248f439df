"""What is kept of a deleted person's document survives a rotation of IDENTITY_HASH_KEY when the
former key is listed in IDENTITY_HASH_RETIRED_KEYS, and only then."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from tortoise.transactions import in_transaction

from palm_customs.core import clock
from palm_customs.identity.models import DocumentType, RetainedIdentity
from palm_customs.identity.services import people
from palm_customs.settings import ConfigurationError, load_settings
from tests.conftest import make_settings

OLD_KEY = "o" * 40
NEW_KEY = "n" * 40
PASSPORT = people.CleanPerson(
    full_name="Maria Rossi",
    date_of_birth=date(1984, 5, 2),
    nationality="ITA",
    is_resident=False,
    document_type=DocumentType.PASSPORT,
    document_number="YA1234567",
    document_country="ITA",
    document_expiry=None,
    email=None,
    mobile=None,
)
KEY = people.document_key(PASSPORT.document_type, PASSPORT.document_number, "ITA")


async def _deleted_under(key: str, var_dir: Path, database_url: str) -> str:
    """A deleted account's document, kept as it is kept on deletion, under `key`."""
    settings = make_settings(database_url, var_dir, IDENTITY_HASH_KEY=key)
    human = uuid.uuid4().hex
    await RetainedIdentity.create(
        document_hash=people.document_hash(settings, KEY),
        human_key=human,
        account_id=uuid.uuid4(),
        deleted_at=clock.now(),
        retain_until=clock.now() + timedelta(days=settings.identity_retention_days),
    )
    return human


async def _human(database_url: str, var_dir: Path, **env: str) -> str:
    settings = make_settings(database_url, var_dir, **env)
    async with in_transaction() as connection:
        return await people._human_key(connection, settings, PASSPORT, KEY)


async def test_a_rotated_key_still_knows_the_document_when_the_old_one_is_retired(
    db: None, migrated: str, var_dir: Path
) -> None:
    # given a deleted account's passport, kept under the old key
    human = await _deleted_under(OLD_KEY, var_dir, migrated)
    # when the key is rotated and the old one listed as retired, the same passport registering
    # again is the same human (their history goes on)
    rotated = {"IDENTITY_HASH_KEY": NEW_KEY, "IDENTITY_HASH_RETIRED_KEYS": f"x{'y' * 39},{OLD_KEY}"}
    assert await _human(migrated, var_dir, **rotated) == human
    # and under the old key alone too, as before
    assert await _human(migrated, var_dir, IDENTITY_HASH_KEY=OLD_KEY) == human
    # but a rotation that drops the old key forgets it: a new human
    assert await _human(migrated, var_dir, IDENTITY_HASH_KEY=NEW_KEY) != human


async def test_the_latest_deletion_wins_across_a_rotation(
    db: None, migrated: str, var_dir: Path
) -> None:
    # given the passport deleted under the old key, then again (re-registered) under the new
    await _deleted_under(OLD_KEY, var_dir, migrated)
    later = await _deleted_under(NEW_KEY, var_dir, migrated)
    # then it is the later human
    rotated = {"IDENTITY_HASH_KEY": NEW_KEY, "IDENTITY_HASH_RETIRED_KEYS": OLD_KEY}
    assert await _human(migrated, var_dir, **rotated) == later


def test_retired_keys_are_read_from_the_environment(tmp_path: Path) -> None:
    settings = load_settings(
        {
            "PALM_ENV": "test",
            "VAR_DIR": str(tmp_path),
            "IDENTITY_HASH_RETIRED_KEYS": f" {OLD_KEY} ,, {NEW_KEY}",
        }
    )
    assert [k.reveal() for k in settings.identity_hash_retired_keys] == [OLD_KEY, NEW_KEY]
    assert OLD_KEY not in repr(settings)  # secrets stay out of logs
    with pytest.raises(ConfigurationError):
        load_settings({"PALM_ENV": "test", "VAR_DIR": str(tmp_path), "IDENTITY_HASH_KEY": "short"})
