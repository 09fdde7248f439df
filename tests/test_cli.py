from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.liveserver import clock_env

REPO = Path(__file__).resolve().parents[1]


def _run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "palm_customs", *args],
        env={
            **os.environ,
            # a test process's child reads the test's clock
            **({"PALM_CLOCK": clock_env()} if env.get("PALM_ENV") == "test" else {}),
            **env,
        },
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


def test_slots_generate_names_the_templates_it_refuses_and_exits_1(tmp_path: Path) -> None:
    import json
    import sqlite3

    # given the demo data, where each window's items share one slot length
    env = {"PALM_ENV": "test", "VAR_DIR": str(tmp_path)}
    assert _run("migrate", env=env).returncode == 0
    assert _run("seed-demo", env=env).returncode == 0
    generated = _run("slots", "generate", "--days", "3", env=env)
    assert generated.returncode == 0, generated.stderr
    assert "slots created:" in generated.stdout
    # when one item at a window that also serves another is cut into 30-minute slots
    with sqlite3.connect(tmp_path / "palm.db") as db:
        site_id, codes = next(
            (site, json.loads(items))
            for site, items in db.execute("SELECT site_id, item_codes FROM appointment_window")
            if len(json.loads(items)) > 1
        )
        site_code = db.execute("SELECT code FROM appointment_site WHERE id = ?", (site_id,))
        site_code = site_code.fetchone()[0]
        db.execute(
            "UPDATE appointment_slot_template SET slot_minutes = 30 "
            "WHERE site_id = ? AND item_code = ?",
            (site_id, codes[0]),
        )
    refused = _run("slots", "generate", "--days", "3", env=env)
    # then the command says which template it refused, and fails
    assert refused.returncode == 1
    assert f"refused: {codes[0]} at {site_code}" in refused.stderr
