"""The layering contracts of pyproject.toml ([tool.importlinter], run by `make lint`) hold for
the tree, and fail when a forbidden import is added: each case copies the package, adds one
import and runs lint-imports on the copy."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
PACKAGE = REPO_ROOT / "backend" / "palm_customs"
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(backend: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(REPO_ROOT / "pyproject.toml"), "--no-cache"],
        cwd=backend,
        env={**os.environ, "PYTHONPATH": str(backend)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_tree_keeps_every_contract(tmp_path: Path) -> None:
    # given the tree as it is
    shutil.copytree(PACKAGE, tmp_path / "palm_customs")
    # when
    result = lint_imports(tmp_path)
    # then
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout


@pytest.mark.parametrize(
    ("module", "added", "contract"),
    [
        (
            "identity/services/sign_out.py",
            "from palm_customs.notifications import services as _notifications",
            "Domains use only the domains below them",
        ),
        (
            "catalogue/services.py",
            "from palm_customs.documents import models as _documents",
            "Domains use only the domains below them",
        ),
        # The three former exceptions, now hooks installed by registry.py (core/hooks.py):
        # the direct import is forbidden again.
        (
            "identity/services/deletion.py",
            "from palm_customs.appointments.services import changes as _changes",
            "Domains use only the domains below them",
        ),
        (
            "identity/services/security_notices.py",
            "from palm_customs.notifications import services as _notifications",
            "Domains use only the domains below them",
        ),
        (
            "catalogue/services.py",
            "from palm_customs.knowledge import index as _search_index",
            "Domains use only the domains below them",
        ),
        (
            "core/clock.py",
            "from palm_customs.identity import models as _identity",
            "core knows no domain",
        ),
        (
            "appointments/services/booking.py",
            "import strawberry as _strawberry",
            "Business rules (services, models, errors) know no GraphQL",
        ),
    ],
)
def test_a_forbidden_import_breaks_its_contract(
    tmp_path: Path, module: str, added: str, contract: str
) -> None:
    # given a copy of the package with one forbidden import added
    copy = tmp_path / "palm_customs"
    shutil.copytree(PACKAGE, copy)
    target = copy / module
    target.write_text(target.read_text() + f"\n{added}  # noqa\n")
    # when
    result = lint_imports(tmp_path)
    # then
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{contract}" in result.stdout
    assert "BROKEN" in result.stdout.split("Broken contracts")[0].split(contract)[1].splitlines()[0]
