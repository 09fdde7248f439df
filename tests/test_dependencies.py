"""Every fresh install is the same program: packages come from uv.lock, every package the code
imports is declared, and the images the production shape runs are pinned to exact versions."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def _name(requirement: str) -> str:
    match = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement)
    assert match, requirement
    return re.sub(r"[-_.]+", "-", match.group(0)).lower()


def _imported_modules(*folders: str) -> set[str]:
    found: set[str] = set()
    for folder in folders:
        for path in (REPO / folder).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    found.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    found.add(node.module.split(".")[0])
    local = {"palm_customs", "tests", "e2e", "bench"}
    # stub-only packages (imported under TYPE_CHECKING) are dev tools, declared as such
    typing_only = {"mypy_boto3_s3"}
    return {
        m
        for m in found
        if m not in sys.stdlib_module_names and m not in local and m not in typing_only
    }


def _undeclared(modules: set[str], declared: set[str]) -> list[str]:
    owners = packages_distributions()
    missing = []
    for module in sorted(modules):
        distributions = {_name(d) for d in owners.get(module, [])}
        if not distributions & declared:
            missing.append(f"{module} (from {sorted(distributions) or 'nowhere'})")
    return missing


def test_the_server_declares_every_package_it_imports() -> None:
    runtime = {_name(r) for r in PYPROJECT["project"]["dependencies"]}
    assert _undeclared(_imported_modules("backend"), runtime) == []


def test_the_tests_and_tools_declare_every_package_they_import() -> None:
    declared = {_name(r) for r in PYPROJECT["project"]["dependencies"]}
    declared |= {_name(r) for r in PYPROJECT["dependency-groups"]["dev"]}
    # type stubs are declared under their own names; the modules they type are runtime ones
    modules = _imported_modules("tests", "e2e", "bench")
    assert _undeclared(modules, declared) == []


def test_dev_tools_have_upper_bounds() -> None:
    unbounded = [
        r
        for r in PYPROJECT["dependency-groups"]["dev"]
        if "<" not in r and not _name(r).startswith(("types-", "boto3-stubs"))
    ]
    assert unbounded == []


def test_the_lock_covers_every_declared_package() -> None:
    lock = tomllib.loads((REPO / "uv.lock").read_text(encoding="utf-8"))
    locked = {_name(p["name"]) for p in lock["package"]}
    declared = {_name(r) for r in PYPROJECT["project"]["dependencies"]}
    declared |= {_name(r) for r in PYPROJECT["dependency-groups"]["dev"]}
    assert declared - locked == set()
    # every package of the lock from an index carries hashes
    unhashed = [
        p["name"]
        for p in lock["package"]
        if "registry" in p.get("source", {})
        and not all("hash" in w for w in [*p.get("wheels", []), p.get("sdist", {"hash": 1})])
    ]
    assert unhashed == []


def test_make_and_the_image_install_from_the_lock_frozen() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    dockerfile = (REPO / "deploy" / "Dockerfile").read_text(encoding="utf-8")
    assert "sync --frozen" in makefile
    assert "lock --check" in makefile
    assert "pip install -e" not in makefile
    assert "uv sync --frozen --no-dev" in dockerfile
    assert "pip install ." not in dockerfile
    assert "--require-hashes" in (REPO / "Makefile").read_text() + dockerfile


# A version (1.2, 1.2.3-bookworm) or, for MinIO, which numbers releases by their moment
# (RELEASE.2025-04-22T22-12-26Z): one exact release either way.
_EXACT = re.compile(
    r"^[a-z0-9./_-]+:(\d+\.\d+(\.\d+)?[a-z0-9.-]*|RELEASE\.\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ)"
    r"(@sha256:[0-9a-f]{64})?$"
)


def test_base_images_are_pinned_to_exact_versions() -> None:
    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))
    images = [s["image"] for s in compose["services"].values() if "image" in s and "build" not in s]
    dockerfile = (REPO / "deploy" / "Dockerfile").read_text(encoding="utf-8")
    images += re.findall(r"^FROM\s+(\S+)", dockerfile, flags=re.MULTILINE)
    assert images
    loose = [image for image in images if not _EXACT.match(image)]
    assert loose == []


def test_node_versions_agree() -> None:
    package = (REPO / "pwa" / "package.json").read_text(encoding="utf-8")
    dockerfile = (REPO / "deploy" / "Dockerfile").read_text(encoding="utf-8")
    engines = re.search(r'"node":\s*"([^"]+)"', package)
    image = re.search(r"FROM node:(\d+)\.(\d+)\.(\d+)", dockerfile)
    assert engines
    assert image
    low = re.match(r">=(\d+)\.(\d+)", engines.group(1))
    assert low
    assert (int(image.group(1)), int(image.group(2))) >= (int(low.group(1)), int(low.group(2)))
    # npm refuses (not only warns about) a package whose engines the Node in use does not meet
    assert "engine-strict=true" in (REPO / "pwa" / ".npmrc").read_text(encoding="utf-8")
