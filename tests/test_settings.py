from __future__ import annotations

from pathlib import Path

import pytest

from palm_customs.settings import (
    KNOWN_VARIABLES,
    REQUIRED_IN_PRODUCTION,
    ConfigurationError,
    Environment,
    Secret,
    load_settings,
)

PRODUCTION = {
    "PALM_ENV": "production",
    "DATABASE_URL": "postgres://palm@db:5432/palm",
    "PUBLIC_ORIGIN": "https://palm.example",
    "SECRET_KEY": "k" * 48,
    "VAPID_PRIVATE_KEY": "-----BEGIN PRIVATE KEY-----\\nabc\\n-----END PRIVATE KEY-----",
    "VAPID_PUBLIC_KEY": "BPublicKey",
    "VAPID_SUBJECT": "mailto:ops@palm.example",
}


@pytest.mark.parametrize("missing", REQUIRED_IN_PRODUCTION)
def test_production_refuses_to_start_naming_what_is_missing(tmp_path: Path, missing: str) -> None:
    # given
    environ = {k: v for k, v in PRODUCTION.items() if k != missing} | {"VAR_DIR": str(tmp_path)}
    # when / then
    with pytest.raises(ConfigurationError, match=missing):
        load_settings(environ)
    assert not (tmp_path / "secrets").exists()


def test_production_accepts_a_complete_environment(tmp_path: Path) -> None:
    settings = load_settings(PRODUCTION | {"VAR_DIR": str(tmp_path)})
    assert settings.env is Environment.PRODUCTION
    assert settings.rp_id == "palm.example"
    assert settings.vapid_private_key.reveal().count("\n") == 2


def test_production_requires_https(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="https"):
        load_settings(
            PRODUCTION | {"PUBLIC_ORIGIN": "http://palm.example", "VAR_DIR": str(tmp_path)}
        )


def test_development_generates_secrets_once_and_reuses_them(tmp_path: Path) -> None:
    # when
    first = load_settings({"VAR_DIR": str(tmp_path)})
    second = load_settings({"VAR_DIR": str(tmp_path)})
    # then
    assert first.secret_key.reveal() == second.secret_key.reveal()
    assert len(first.secret_key.reveal()) >= 32
    assert first.vapid_public_key == second.vapid_public_key
    assert (tmp_path / "secrets" / "secret_key").stat().st_mode & 0o077 == 0
    assert first.database_url == f"sqlite://{tmp_path / 'palm.db'}"
    assert first.rp_id == "localhost"


def test_secrets_do_not_show_in_reprs(tmp_path: Path) -> None:
    settings = load_settings({"VAR_DIR": str(tmp_path), "SECRET_KEY": "z" * 40})
    assert "zzzz" not in repr(settings)
    assert repr(Secret("hunter2hunter2")) == "Secret('**********')"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"PALM_ENV": "staging"}, "PALM_ENV"),
        ({"PORT": "eighty"}, "PORT"),
        ({"PORT": "70000"}, "PORT"),
        ({"PUBLIC_ORIGIN": "localhost:8000"}, "PUBLIC_ORIGIN"),
        ({"PUBLIC_ORIGIN": "http://localhost:8000/app"}, "PUBLIC_ORIGIN"),
        ({"SECRET_KEY": "short"}, "SECRET_KEY"),
        ({"WEB_CONCURRENCY": "4"}, "SQLite"),
    ],
)
def test_bad_settings_are_refused_with_a_clear_message(
    tmp_path: Path, overrides: dict[str, str], message: str
) -> None:
    with pytest.raises(ConfigurationError, match=message):
        load_settings({"VAR_DIR": str(tmp_path)} | overrides)


def test_the_local_origin_follows_the_port(tmp_path: Path) -> None:
    settings = load_settings({"VAR_DIR": str(tmp_path), "PORT": "8123"})
    assert settings.public_origin == "http://localhost:8123"
    assert settings.rp_id == "localhost"


@pytest.mark.parametrize("value", ["0", "501", "many"])
def test_a_database_pool_size_out_of_range_is_refused(tmp_path: Path, value: str) -> None:
    with pytest.raises(ConfigurationError, match="DATABASE_POOL_SIZE"):
        load_settings({"VAR_DIR": str(tmp_path), "DATABASE_POOL_SIZE": value})


async def test_the_postgresql_pool_is_sized_by_database_pool_size(
    request: pytest.FixtureRequest, migrated: str, var_dir: Path
) -> None:
    # given
    from starlette.applications import Starlette
    from tortoise import connections

    from palm_customs.app import create_app
    from tests.conftest import make_settings

    settings = make_settings(migrated, var_dir, DATABASE_POOL_SIZE="7")
    application: Starlette = create_app(settings)
    # when
    async with application.router.lifespan_context(application):
        client = connections.get("default")
        await client.execute_query("SELECT 1")
        # then
        if request.config.getoption("--db") == "postgres":
            assert client._pool.get_max_size() == 7  # type: ignore[attr-defined]
        else:
            assert settings.database_pool_size == 7  # SQLite: one connection, no pool


class _Watched(dict[str, str]):
    """An environment that remembers every name the settings looked up."""

    def __init__(self, values: dict[str, str]) -> None:
        super().__init__(values)
        self.read: set[str] = set()

    def get(self, key: str, default: object = None) -> object:  # type: ignore[override]
        self.read.add(key)
        return super().get(key, default)

    def __getitem__(self, key: str) -> str:
        self.read.add(key)
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        self.read.add(str(key))
        return super().__contains__(key)


def test_every_variable_the_settings_read_is_listed(tmp_path: Path) -> None:
    # KNOWN_VARIABLES documents the server's variables, and the compose test refuses a variable
    # missing from it: one read but not listed (IDENTITY_HASH_KEY was) could not be deployed.
    environ = _Watched(PRODUCTION | {"VAR_DIR": str(tmp_path)})
    load_settings(environ)
    assert environ.read, "the settings read nothing through the mapping"
    assert sorted(environ.read - set(KNOWN_VARIABLES)) == []
