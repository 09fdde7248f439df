"""Hooks: how a domain lets the domains above it act on its changes without knowing them.

A lower domain declares a `Hook` next to the change (identity: an account is deleted); the
domains above list their listeners as plain data, and `palm_customs.registry` installs them at
the start of every process. A hook used before that (a test calling a service directly) asks
the registry for its listeners on first use, so nothing can forget them. Listeners run in the
order installed, in the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Generic, TypeVar

Listener = TypeVar("Listener", bound=Callable[..., Awaitable[Any]])


class Hook(Generic[Listener]):
    """The listeners of one kind of change, installed by the composition root."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._listeners: tuple[Listener, ...] | None = None

    def use(self, listeners: Sequence[Listener]) -> None:
        """Install what runs on this change (`palm_customs.registry.install_hooks` does)."""
        self._listeners = tuple(listeners)

    def listeners(self) -> tuple[Listener, ...]:
        if self._listeners is None:
            from palm_customs import registry  # the composition root, imported only here

            registry.install_hooks()
        if self._listeners is None:
            raise LookupError(f"no listeners installed for the hook {self.name!r}")
        return self._listeners

    def __repr__(self) -> str:
        return f"Hook({self.name!r})"
