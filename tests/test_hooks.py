"""Every hook a lower domain declares (core/hooks.py) has its listeners in every process, both
when the process installs the registry at start and when a hook is first used without it."""

from __future__ import annotations

import subprocess
import sys

from palm_customs import registry
from palm_customs.catalogue.hooks import SERVICE_ITEM_CHANGED
from palm_customs.identity.hooks import ACCOUNT_DELETED, SIGN_IN_FACTOR_CHANGED
from palm_customs.identity.services.sign_out import SESSIONS_ENDED
from palm_customs.notifications.hooks import NOTICE_PUBLISHED

HOOKS = (
    SERVICE_ITEM_CHANGED,
    NOTICE_PUBLISHED,
    ACCOUNT_DELETED,
    SIGN_IN_FACTOR_CHANGED,
    SESSIONS_ENDED,
)

FIRST_USE = """
from palm_customs.identity.hooks import ACCOUNT_DELETED
print(",".join(f"{listener.__module__}.{listener.__qualname__}"
               for listener in ACCOUNT_DELETED.listeners()))
"""


def test_every_hook_has_its_listeners_after_install() -> None:
    # when
    registry.install()
    # then
    installed = {hook.name: [f.__module__ for f in hook.listeners()] for hook in HOOKS}
    assert installed == {
        "catalogue.service_item_changed": ["palm_customs.knowledge.index"],
        "notifications.notice_published": ["palm_customs.knowledge.index"],
        "identity.account_deleted": ["palm_customs.appointments.services.changes"],
        "identity.sign_in_factor_changed": ["palm_customs.notifications.security_notices"],
        "identity.sessions_ended": ["palm_customs.notifications.services"],
    }


def test_a_hook_used_before_install_asks_the_registry() -> None:
    # given a process that never ran registry.install()
    # when
    result = subprocess.run(
        [sys.executable, "-c", FIRST_USE],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    # then
    assert result.stdout.strip() == (
        "palm_customs.appointments.services.changes.end_for_deleted_account"
    )
