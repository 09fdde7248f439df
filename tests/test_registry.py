"""Every process has every message and every job handler, whatever it imports.

`palm-customs worker` never imports the GraphQL schema. When the domains' texts were registered
as a side effect of importing the schema, the worker's catalogue held 21 keys of 233 and every
job that words a notification failed there (issue #19). These tests run the worker's own
imports in a process of their own and compare with what the source tree defines, found
independently of palm_customs/registry.py.
"""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from palm_customs.core import i18n, jobs

BACKEND = Path(__file__).resolve().parents[1] / "backend" / "palm_customs"

# What `palm-customs worker` imports before it runs its first job (cli.py, worker.py).
WORKER_IMPORTS = """
import json, string, sys
from palm_customs import cli  # the command line, as `palm-customs worker` starts
from palm_customs import worker  # the worker's own module
from palm_customs.core import i18n, jobs

class Blank(dict):
    def __missing__(self, key):
        return "x"

keys, kinds = json.loads(sys.stdin.read())
schema_imported = "palm_customs.schema" in sys.modules
catalogue = i18n.catalogue()
unworded = []
for key in keys:
    for language in i18n.Language:
        try:
            text = catalogue[key][["zh-Hans", "zh-Hant", "en"].index(language.value)]
            string.Formatter().vformat(text, (), Blank())
        except (KeyError, IndexError, ValueError):
            unworded.append(f"{key} ({language.value})")
unhandled = [kind for kind in kinds if kind not in jobs.handlers()]
print(json.dumps({"schema": schema_imported, "unworded": unworded, "unhandled": unhandled,
                  "size": len(catalogue)}))
"""


def catalogue_in_the_source_tree() -> dict[str, tuple[str, str, str]]:
    """Every `<domain>/messages.py` found on disk, plus the shared texts of core/i18n.py."""
    found: dict[str, tuple[str, str, str]] = dict(i18n.MESSAGES)
    for path in sorted(BACKEND.glob("**/messages.py")):
        module = importlib.import_module(
            "palm_customs." + ".".join(path.relative_to(BACKEND).with_suffix("").parts)
        )
        for name in ("MESSAGES", "LABELS"):
            found.update(getattr(module, name, {}))
    return found


def job_kinds_in_the_source_tree() -> set[str]:
    """Every job kind the code can queue: the `*_JOB = "..."` constants and literal kinds."""
    kinds: set[str] = set()
    for path in BACKEND.glob("**/*.py"):
        text = path.read_text(encoding="utf-8")
        kinds.update(re.findall(r'^[A-Z_]+_JOB = "([^"]+)"', text, re.MULTILINE))
        kinds.update(re.findall(r'kind="([a-z_]+\.[a-z_.]+)"', text))
    return kinds


def test_the_worker_imports_word_every_message_and_handle_every_job_kind() -> None:
    # given what the source tree defines
    keys = sorted(catalogue_in_the_source_tree())
    kinds = sorted(job_kinds_in_the_source_tree())
    assert len(keys) > 200
    assert {"push.deliver", "appointments.reminder"} <= set(kinds)
    # when the worker's imports run in a process of their own
    completed = subprocess.run(
        [sys.executable, "-c", WORKER_IMPORTS],
        input=json.dumps([keys, kinds]),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    # then, without the GraphQL schema, every message is worded in three languages and every
    # job kind has its handler
    assert completed.returncode == 0, completed.stderr
    result = json.loads(completed.stdout)
    assert result["schema"] is False
    assert result["unworded"] == []
    assert result["unhandled"] == []
    assert result["size"] == len(keys)


def test_every_registered_handler_is_a_coroutine_function() -> None:
    import inspect

    # given / when
    table = jobs.handlers()
    # then
    assert table
    for kind, handler in table.items():
        assert inspect.iscoroutinefunction(handler.run), kind


def test_a_key_defined_twice_stops_the_start() -> None:
    # given two domains defining one key
    one = {"same.key": ("一", "一", "one")}
    other = {"same.key": ("二", "二", "two")}
    # when / then
    with pytest.raises(ValueError, match=r"same\.key"):
        i18n.merge([one, other], [])
