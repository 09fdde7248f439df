from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "palm_customs", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_migrate_then_seed_demo_twice_changes_nothing_the_second_time(tmp_path: Path) -> None:
    # given
    env = {"PALM_ENV": "test", "VAR_DIR": str(tmp_path)}
    # when
    migrated = _run("migrate", env=env)
    first = _run("seed-demo", env=env)
    second = _run("seed-demo", env=env)
    verified = _run("audit", "verify", env=env)
    # then
    assert migrated.returncode == 0, migrated.stderr
    assert "ports created: 14" in first.stdout
    assert "ports created: 0" in second.stdout
    assert verified.returncode == 0
    assert (tmp_path / "palm.db").exists()


def test_export_schema_prints_the_committed_schema(tmp_path: Path) -> None:
    result = _run("export-schema", env={"VAR_DIR": str(tmp_path)})
    assert result.returncode == 0
    assert result.stdout == (REPO / "schema.graphql").read_text()


def test_production_without_configuration_exits_2_naming_what_is_missing(tmp_path: Path) -> None:
    # given an environment with none of the production settings
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY"}}
    env |= {"PALM_ENV": "production", "VAR_DIR": str(tmp_path)}
    # when
    result = subprocess.run(
        [sys.executable, "-m", "palm_customs", "migrate"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    # then
    assert result.returncode == 2
    assert "SECRET_KEY" in result.stderr
    assert "DATABASE_URL" in result.stderr
