"""Importing this registers every background job handler (server and workers import it)."""

from __future__ import annotations

from palm_customs.appointments import services as _appointments  # noqa: F401
from palm_customs.notifications import push as _push  # noqa: F401
from palm_customs.notifications import services as _notifications  # noqa: F401
