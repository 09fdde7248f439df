"""What every process of the product registers, listed once and installed explicitly.

The server, `palm-customs worker` and every CLI command word messages and may run jobs, but
only the server imports the GraphQL schema. Nothing a process needs may therefore be
registered as a side effect of importing some module: each domain keeps its texts
(`<domain>/messages.py: MESSAGES`) and its job handlers (`JOB_HANDLERS`) as plain data, and
this module lists them. `install()` runs at the start of every process (create_app, the CLI);
`core.i18n` and `core.jobs` also load from here on first use, so nothing can forget it.
tests/test_registry.py runs the worker's own imports in a process of their own and checks
that every message and every job kind is there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from palm_customs.core import i18n, jobs

if TYPE_CHECKING:
    from palm_customs.identity.services.sign_out import SessionsEnded


def messages() -> i18n.Catalogue:
    """The whole catalogue: the shared texts and every domain's."""
    from palm_customs.alerts import messages as alerts
    from palm_customs.applications import messages as applications
    from palm_customs.appointments import messages as appointments
    from palm_customs.catalogue import messages as catalogue
    from palm_customs.declarations import messages as declarations
    from palm_customs.documents import messages as documents
    from palm_customs.identity import messages as identity
    from palm_customs.notifications import messages as notifications
    from palm_customs.payments import messages as payments
    from palm_customs.ratings import messages as ratings
    from palm_customs.support import messages as support

    return i18n.merge(
        [
            i18n.MESSAGES,
            identity.MESSAGES,
            catalogue.MESSAGES,
            declarations.MESSAGES,
            notifications.MESSAGES,
            applications.MESSAGES,
            documents.MESSAGES,
            appointments.MESSAGES,
            payments.MESSAGES,
            support.MESSAGES,
            ratings.MESSAGES,
            alerts.MESSAGES,
        ],
        # Field labels another domain may also define (the first definition is kept).
        [appointments.LABELS],
    )


def job_handlers() -> dict[str, jobs.HandlerEntry]:
    """Every kind of background job and the function that runs it."""
    from palm_customs.appointments import services as appointments
    from palm_customs.notifications import push
    from palm_customs.notifications import services as notifications
    from palm_customs.payments import services as payments
    from palm_customs.support import services as support

    handlers: dict[str, jobs.HandlerEntry] = {}
    for table in (
        appointments.JOB_HANDLERS,
        notifications.JOB_HANDLERS,
        push.JOB_HANDLERS,
        payments.JOB_HANDLERS,
        support.JOB_HANDLERS,
    ):
        clash = handlers.keys() & table.keys()
        if clash:
            raise ValueError(f"job kinds handled twice: {sorted(clash)}")
        handlers.update(table)
    return handlers


def session_end_listeners() -> tuple[SessionsEnded, ...]:
    """What other domains do when identity ends sessions (identity knows no domain above it)."""
    from palm_customs.notifications import services as notifications

    return notifications.SESSION_END_LISTENERS


def install_hooks() -> None:
    """Install what the domains above do when a lower domain changes something (a lower
    domain knows no domain above it; core.hooks.Hook also asks here on first use)."""
    from palm_customs.applications.hooks import APPLICATION_CLOSED
    from palm_customs.appointments.services import changes as appointments
    from palm_customs.catalogue.hooks import SERVICE_ITEM_CHANGED
    from palm_customs.identity.hooks import ACCOUNT_DELETED, SIGN_IN_FACTOR_CHANGED
    from palm_customs.identity.services.sign_out import SESSIONS_ENDED
    from palm_customs.knowledge import index as search_index
    from palm_customs.notifications import security_notices
    from palm_customs.notifications.hooks import NOTICE_PUBLISHED
    from palm_customs.payments import application_fees

    SESSIONS_ENDED.use(session_end_listeners())
    # The search index is a read model over the catalogue and the notices: each edit
    # refreshes its entry in the same transaction.
    SERVICE_ITEM_CHANGED.use([search_index.index_service_item])
    NOTICE_PUBLISHED.use([search_index.index_notice])
    # Deleting an account ends its bookings, offers and holds (issue #20).
    ACCOUNT_DELETED.use([appointments.end_for_deleted_account])
    # The owner is told in the inbox and by push when a sign-in factor changes (issue #11).
    SIGN_IN_FACTOR_CHANGED.use([security_notices.tell_owner])
    # A fee paid for an application then withdrawn or rejected goes back in full (issue #16).
    APPLICATION_CLOSED.use([application_fees.refund_if_closed])


def install() -> None:
    """Install the catalogue, the job handlers and the hooks' listeners in this process
    (at start: a clash or a missing module fails the start, not the first message)."""
    i18n.use_catalogue(messages())
    jobs.use_handlers(job_handlers())
    install_hooks()
