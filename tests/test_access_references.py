"""Every operation that takes a reference is tried with someone else's object (issue #11).

The walk: each query and mutation argument (and input field, two levels deep) whose name says
it names another object (`id`, `…Id`, `…Ids`, `number`, `…Number`, `code`, `…Code`) is a
reference. Each must be classified here, or the first test fails:

- `CROSS_USER`: person B (level 3) sends it with person A's object (made below) and must be
  refused (null, an error result naming no other field, or a GraphQL error that is neither
  INTERNAL nor an access error that never reached the object), no row of any table changed;
  queries are also sent by A, who must get an answer (so the refusal is about whose it is);
  the few in `IGNORED_WHEN_NOT_YOURS` may do B's own work as long as A's rows stay as they were;
- `CROSS_SCOPE`: an officer holding every officer role, at a site, port and department other
  than the object's, sends it with an object at site/port/department Y: refused alike, nothing
  changed, every refusal audited; then the same officer posted at Y gets past the scope check;
- `PUBLIC`: reference data anyone may name (ports, service items, sites, material types, draws);
- `NOT_REFERENCES`: codes a person types that name nothing (one-time codes, new numbers);
- `ELSEWHERE`: driven by a dedicated test, named as `path::test`, which must exist.

A reference of an officer's operation (reviewers, window clerks, inspectors, supervisors) must
be in `CROSS_SCOPE` (or `NOT_REFERENCES`/`PUBLIC`/`ELSEWHERE`), never in `CROSS_USER`.
"""

from __future__ import annotations

import copy
import re
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
from graphql import (
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLScalarType,
    get_named_type,
)
from starlette.applications import Starlette
from tortoise import Tortoise

from palm_customs.alerts.models import Alert, AlertRule
from palm_customs.alerts.services import ensure_rules
from palm_customs.applications.models import Review
from palm_customs.catalogue.services import seed_catalogue
from palm_customs.core import audit, clock
from palm_customs.core.models import AuditAccess, AuditEvent
from palm_customs.core.permissions import Role
from palm_customs.identity.models import Account, EnterpriseMembership, Officer, Passkey, Session
from palm_customs.notifications.models import Notification
from palm_customs.schema import build_schema
from tests.applications.test_application_documents import MATERIALS
from tests.applications.test_prereview import FORM
from tests.applications.test_prereview import _submit as submit_application
from tests.appointments.flows import (
    ITEM,
    WAITLIST_JOIN,
    book,
    call,
    client_for,
    create_site,
    create_slot,
)
from tests.conftest import graphql
from tests.declarations.flows import article, inspector, submit, traveller, trip
from tests.documents import files
from tests.documents.flows import account_of, create_material, upload, uploaded
from tests.graphql_values import arguments, document, put, selection
from tests.identity.flows import STEP_UP_START, step_up
from tests.identity.test_enterprises import REGISTER, USCC
from tests.test_access import _root_fields

_REFERENCE = re.compile(r"(^id$|Id$|Ids$|^number$|Number$|^code$|Code$)")
OFFICER_ROLES = frozenset(
    {Role.REVIEWER, Role.SENIOR_REVIEWER, Role.WINDOW_CLERK, Role.INSPECTOR, Role.SUPERVISOR}
)

# reference → which of person A's objects B names (see `_objects_of_a`)
CROSS_USER = {
    "Query.declaration.id": "declaration.id",
    "Query.declarationPayment.declarationId": "declaration.id",
    "Query.dutyEstimate.articles.photoDocumentId": "document.id",
    "Mutation.declarationAmend.declarationId": "declaration.id",
    "Mutation.declarationDraftSave.draftId": "draft.id",
    "Mutation.declarationDraftDelete.draftId": "draft.id",
    "Mutation.declarationSubmit.draftId": "draft.id",
    "Mutation.declarationSubmit.input.articles.photoDocumentId": "document.id",
    "Mutation.declarationAmend.input.articles.photoDocumentId": "document.id",
    "Mutation.documentUpdate.id": "document.id",
    "Mutation.documentDelete.id": "document.id",
    "Mutation.applicationSubmit.materials.documentId": "document.id",
    "Mutation.applicationResubmit.materials.documentId": "document.id",
    "Mutation.passkeyRename.passkeyId": "passkey.id",
    "Mutation.passkeyRevoke.passkeyId": "passkey.id",
    "Mutation.sessionEnd.sessionId": "session.id",
    # a ceremony A started in their session (B's attempt must not even use it up)
    "Mutation.stepUpFinish.challengeId": "challenge.step_up",
    "Mutation.passkeyAddFinish.challengeId": "challenge.add_passkey",
    "Mutation.paymentStart.declarationId": "declaration.id",
    # applications (A's is in review)
    "Query.application.id": "application.id",
    "Mutation.applicationResubmit.applicationId": "application.id",
    "Mutation.applicationWithdraw.applicationId": "application.id",
    "Mutation.applicationRate.applicationId": "application.id",
    "Mutation.applicationFeePaymentStart.applicationId": "application.id",
    "Query.applicationFeePayment.applicationId": "application.id",
    # bookings and waiting lists (A's booking is today, at site TEST-A)
    "Query.booking.id": "booking.id",
    "Mutation.bookingCreate.applicationId": "application.id",
    "Mutation.bookingReschedule.bookingId": "booking.id",
    "Mutation.bookingCancel.bookingId": "booking.id",
    "Mutation.bookingRelease.bookingId": "booking.id",
    "Mutation.bookingLateReport.bookingId": "booking.id",
    "Mutation.bookingOfferConfirm.bookingId": "booking.id",
    "Mutation.waitlistJoin.input.bookingId": "booking.id",
    "Mutation.waitlistJoin.input.applicationId": "application.id",
    "Mutation.waitlistLeave.entryId": "waitlist.id",
    # ratings name the rated booking or declaration
    "Query.myRating.subjectId": "booking.id",
    "Mutation.ratingSave.input.subjectId": "booking.id",
    # inbox, data-access proofs
    "Mutation.notificationMarkRead.notificationId": "notification.id",
    "Query.myDataAccessProof.eventId": "access.event",
    # enterprises (A registered one and is its administrator)
    "Query.enterpriseMembers.enterpriseId": "enterprise.id",
    "Query.myDocuments.enterpriseId": "enterprise.id",
    "Mutation.applicationSubmit.enterpriseId": "enterprise.id",
    "Mutation.applicationDraftSave.enterpriseId": "enterprise.id",
    "Mutation.enterpriseMemberInvite.enterpriseId": "enterprise.id",
    "Mutation.enterpriseInvitationAccept.membershipId": "membership.id",
    "Mutation.enterpriseMemberRemove.membershipId": "membership.id",
}
# The caller's own work is done and the other person's object left alone (not an error): the
# draft deleted on submission is the caller's only; an estimate does not look at photos.
IGNORED_WHEN_NOT_YOURS = {
    "Mutation.declarationSubmit.draftId",
    "Query.dutyEstimate.articles.photoDocumentId",
}
# reference → the object at site TEST-A / port PVG / the application's department an officer serving
# elsewhere names (see `_objects_at_y`)
CROSS_SCOPE = {
    "Query.siteDay.siteId": "site.id",
    "Mutation.queueCallNext.siteId": "site.id",
    "Mutation.siteClosureAdd.input.siteId": "site.id",
    "Mutation.drawCreate.input.siteId": "site.id",
    "Mutation.bookingCheckIn.number": "booking.number",
    "Mutation.bookingOutcomeRecord.bookingId": "booking.id",
    "Mutation.identityVerifyAtWindow.bookingId": "booking.id",
    "Query.declarationByNumber.number": "declaration.number",
    "Query.declarationPaymentByNumber.number": "declaration.number",
    "Mutation.inspectionOutcomeRecord.input.number": "declaration.number",
    "Mutation.reviewClaim.reviewId": "review.id",
    "Mutation.reviewRelease.reviewId": "review.id",
    "Mutation.reviewDraftSave.reviewId": "review.id",
    "Mutation.reviewCorrectionsSend.reviewId": "review.id",
    "Mutation.reviewDecide.reviewId": "review.id",
    "Query.applicationFeePaymentForReview.applicationId": "application.id",
    "Mutation.auditAlertAcknowledge.id": "alert.id",
}
# Other arguments a call needs to reach the reference (else it is refused for them): name within
# the arguments → object kind or value. The same for both walks.
VALID = {
    "Mutation.bookingReschedule.bookingId": {"slotId": "slot.later"},
    "Mutation.waitlistJoin.input.bookingId": {
        "input.itemCode": "item",
        "input.siteId": "site.id",
        "input.earlierThan": "far",
    },
    "Mutation.waitlistJoin.input.applicationId": {
        "input.itemCode": "item",
        "input.siteId": "site.id",
        "input.earlierThan": "far",
    },
    "Mutation.siteClosureAdd.input.siteId": {"input": "closure"},
    "Mutation.inspectionOutcomeRecord.input.number": {"input": "outcome"},
    "Mutation.drawCreate.input.siteId": {"input": "draw"},
    "Mutation.applicationSubmit.enterpriseId": {
        "itemCode": "item.online",
        "formData": "form",
        "materials": "none",
    },
    "Mutation.applicationSubmit.materials.documentId": {
        "itemCode": "item.materials",
        "formData": "form",
        "materials": "material",
    },
    "Mutation.applicationResubmit.applicationId": {"formData": "form", "materials": "none"},
    "Mutation.reviewDraftSave.reviewId": {"draftJson": "json"},
    "Mutation.declarationDraftSave.draftId": {"dataJson": "json"},
    "Mutation.applicationDraftSave.enterpriseId": {"dataJson": "json", "itemCode": "item.online"},
    "Mutation.declarationSubmit.draftId": {"input": "trip"},
    "Mutation.declarationSubmit.input.articles.photoDocumentId": {"input": "trip"},
    "Mutation.declarationAmend.declarationId": {"input": "trip"},
    "Mutation.declarationAmend.input.articles.photoDocumentId": {"input": "trip"},
    "Query.dutyEstimate.articles.photoDocumentId": {
        "travellers": "travellers",
        "articles": "articles",
        "portCode": "port",
    },
    "Mutation.ratingSave.input.subjectId": {"input": "rating"},
    "Mutation.bookingCreate.applicationId": {"itemCode": "item", "slotId": "slot.later"},
    "Mutation.bookingLateReport.bookingId": {"minutes": "minutes"},
    "Mutation.reviewCorrectionsSend.reviewId": {"corrections": "corrections"},
    "Mutation.applicationResubmit.materials.documentId": {
        "formData": "form",
        "materials": "material",
    },
}
PUBLIC = {
    "Query.port.code",
    "Query.serviceItem.code",
    "Query.dutyEstimate.portCode",
    "Query.dutyEstimate.articles.categoryCode",
    "Query.myDocuments.materialCode",
    "Query.appointmentSites.itemCode",
    "Query.appointmentAvailability.itemCode",
    "Query.appointmentAvailability.siteCode",
    "Query.appointmentDraws.itemCode",
    "Query.appointmentDraws.siteId",
    # limits are the same for every officer (the catalogue is public); the role is checked
    "Query.fairnessRule.itemCode",
    "Query.ratingSummary.siteCode",
    "Query.ratingSummary.itemCode",
    "Mutation.declarationSubmit.input.portCode",
    "Mutation.declarationSubmit.input.articles.categoryCode",
    "Mutation.declarationAmend.input.portCode",
    "Mutation.declarationAmend.input.articles.categoryCode",
    "Mutation.applicationSubmit.itemCode",
    "Mutation.applicationDraftSave.itemCode",
    "Mutation.applicationDraftDelete.itemCode",
    "Mutation.bookingCreate.itemCode",
    "Mutation.bookingCreate.slotId",
    "Mutation.bookingReschedule.slotId",
    "Mutation.waitlistJoin.input.itemCode",
    "Mutation.waitlistJoin.input.siteId",
    "Mutation.serviceItemUpdate.code",
    "Mutation.materialTypeSave.code",
    "Mutation.fairnessRuleSet.input.itemCode",
    "Mutation.drawCreate.input.itemCode",
    # a draw is open to anyone (appointmentDraws lists them); the entry made is the caller's
    "Mutation.drawEnter.drawId",
}
NOT_REFERENCES = {
    "Mutation.accountCreateStart.input.documentNumber": "the new account's own document",
    "Mutation.accountCreateWithPassword.input.documentNumber": "the new account's own document",
    "Mutation.totpConfirm.code": "a one-time code",
    "Mutation.signInWithPassword.totpCode": "a one-time code",
    "Mutation.signInWithPassword.recoveryCode": "a one-time code",
    "Mutation.stepUpWithPassword.totpCode": "a one-time code",
    "Mutation.officerCreate.badgeNumber": "the new officer's badge",
    "Mutation.officerEnrolStart.code": "a one-time enrolment code",
    "Mutation.declarationSubmit.input.travelNumber": "a flight or train number, free text",
    "Mutation.declarationAmend.input.travelNumber": "a flight or train number, free text",
    "Mutation.declarationSubmit.input.companions.documentNumber": "a companion's document",
    "Mutation.declarationAmend.input.companions.documentNumber": "a companion's document",
    "Mutation.enterpriseMemberInvite.documentNumber": "the invited person's document",
    "Mutation.inspectionOutcomeRecord.input.receiptNumber": "a receipt number, free text",
    "Mutation.queueCallNext.windowNumber": "a window's number within the site (siteId is driven)",
    "Mutation.identityVerifyAtWindow.documentNumber": "compared with the booked person's document",
}
# A challenge is a nonce the finishing credential signs: bound to its purpose, used once.
_CHALLENGE = "tests/identity/test_passkeys.py::test_a_replayed_challenge_is_refused"
_ADMIN = (
    "tests/payments/test_application_fees.py::"
    "test_an_administrator_requeries_an_unknown_payment_and_retries_a_refund"
)
# A tracking code is a bearer secret (random, unguessable), stored only hashed.
_TRACKING = (
    "tests/support/test_feedback_flow.py::"
    "test_an_anonymous_report_is_followed_only_with_its_tracking_code"
)
# Each needs a set-up of its own (a ceremony, a sealed audit log, a payment provider, alerts
# raised by a rule), and its test names who is refused.
ELSEWHERE = {
    "Mutation.accountCreateFinish.challengeId": _CHALLENGE,
    "Mutation.signInFinish.challengeId": _CHALLENGE,
    "Mutation.officerEnrolFinish.challengeId": _CHALLENGE,
    "Mutation.officerEnrolStart.badgeNumber": (
        "tests/identity/test_officers.py::test_a_wrong_or_expired_code_is_refused"
    ),
    "Query.feedbackStatus.trackingCode": _TRACKING,
    "Mutation.feedbackConsent.input.trackingCode": (
        "tests/support/test_feedback_flow.py::"
        "test_only_supervisors_answer_and_a_person_cannot_consent_for_someone_else"
    ),
    "Mutation.paymentRequery.intentId": _ADMIN,
    "Mutation.paymentRefundRetry.refundId": _ADMIN,
    "Mutation.auditAlertRuleUpdate.input.code": (
        "tests/alerts/test_alerts_api.py::test_only_a_stepped_up_administrator_changes_a_rule"
    ),
}


def _references(type_: GraphQLInputType, path: tuple[str, ...], depth: int = 0) -> Iterator[str]:
    named = get_named_type(type_)
    if isinstance(named, GraphQLInputObjectType) and depth < 2:
        for name, f in named.fields.items():
            yield from _references(f.type, (*path, name), depth + 1)
    elif isinstance(named, GraphQLScalarType) and _REFERENCE.search(path[-1]):
        yield ".".join(path)


def _all_references() -> dict[str, tuple[str, str, str]]:
    """'Root.field.arg[.input field…]' → (root, field, path within the arguments)."""
    core = build_schema()._schema
    found = {}
    for root in ("Query", "Mutation"):
        for name, field in core.get_type(root).fields.items():  # type: ignore[union-attr]
            for arg_name, arg in field.args.items():
                for path in _references(arg.type, (arg_name,)):
                    found[f"{root}.{name}.{path}"] = (root, name, path)
    return found


def _officer_facing() -> set[str]:
    """References of operations only officers (other than administrators) may call."""
    roles = {f"{root}.{name}": req.roles for root, name, req in _root_fields()}
    return {
        reference
        for reference in _all_references()
        if roles[".".join(reference.split(".")[:2])] & OFFICER_ROLES
    }


def test_every_reference_an_operation_takes_is_exercised_or_listed_with_a_reason() -> None:
    found = set(_all_references())
    tables = [set(CROSS_USER), set(CROSS_SCOPE), PUBLIC, set(NOT_REFERENCES), set(ELSEWHERE)]
    listed = set().union(*tables)
    assert sorted(found - listed) == [], (
        "a new reference: drive it in CROSS_USER (a person's object) or CROSS_SCOPE (an "
        "officer's operation), or list it with a reason"
    )
    assert sorted(listed - found) == [], "listed but no longer in the schema"
    assert sum(len(t) for t in tables) == len(listed), "a reference is listed twice"
    assert set(VALID) <= set(CROSS_USER) | set(CROSS_SCOPE)


def test_every_reference_an_officer_operation_takes_is_driven_cross_scope() -> None:
    officer = _officer_facing()
    assert sorted(officer & set(CROSS_USER)) == [], (
        "an officer's operation: a person is refused it by role, which proves nothing about "
        "scope; drive it in CROSS_SCOPE"
    )
    undriven = officer - set(CROSS_SCOPE) - set(NOT_REFERENCES) - PUBLIC - set(ELSEWHERE)
    assert sorted(undriven) == [], (
        "a new reference of an officer's operation: add it to CROSS_SCOPE with an object at "
        "another site, port or department (`_objects_at_y`)"
    )


def test_every_dedicated_test_named_for_a_reference_exists() -> None:
    root = Path(__file__).parent.parent
    for reference, where in ELSEWHERE.items():
        path, _, name = where.partition("::")
        source = root / path
        assert source.is_file(), f"{reference}: no {path}"
        assert re.search(rf"def {name}\(", source.read_text()), f"{reference}: no {where}"


# ------------------------------------------------------------------------------ the calls


async def _send(
    client: httpx.AsyncClient, reference: str, objects: dict[str, Any], kind: str
) -> tuple[str, str, dict[str, Any]]:
    """Call the reference's operation naming `objects[kind]`: (root, field name, body)."""
    root, name, path = _all_references()[reference]
    field = build_schema()._schema.get_type(root).fields[name]  # type: ignore[union-attr]
    variables = arguments(field)
    if "idempotencyKey" in field.args:
        variables["idempotencyKey"] = uuid.uuid4().hex
    for other, value in VALID.get(reference, {}).items():
        parts, given = other.split("."), copy.deepcopy(objects[value])
        if isinstance(given, list) and len(parts) == 1:
            variables[other] = given
        else:
            put(variables, parts, given, field.args[parts[0]].type)
    parts = path.split(".")
    put(variables, parts, objects[kind], field.args[parts[0]].type)
    query = document(root, name, field, selection(field.type), variables)
    return root, name, await graphql(client, query, variables)


_NOT_REACHED = {"UNAUTHENTICATED", "STEP_UP_REQUIRED", "FORBIDDEN", "BAD_USER_INPUT", "INTERNAL"}


def _accepted(root: str, name: str, path: str, body: dict[str, Any]) -> str | None:
    """Why the answer is not an honest refusal of the object (None: it is one)."""
    codes = [(e.get("extensions") or {}).get("code") for e in body.get("errors") or []]
    if codes:
        wrong = {str(c) for c in codes if c is None or c in _NOT_REACHED}
        return f"refused before the object: {sorted(wrong)}" if wrong else None
    answer = (body.get("data") or {}).get(name)
    if answer is None or answer in ([], False):
        return None
    if not isinstance(answer, dict):
        return "answered"
    typename = str(answer.get("__typename", ""))
    if "nodes" in answer:
        return f"listed {len(answer['nodes'])}" if answer["nodes"] else None
    if not typename.endswith("Error"):
        return f"answered with {typename}"
    if typename == "ValidationError":
        fields = [str(e.get("field") or "") for e in answer.get("errors") or []]
        last = path.split(".")[-1].lower()
        if not any(f.lower().split(".")[-1] == last or f.lower() == path.lower() for f in fields):
            return f"refused for other fields first: {fields}"
    elif (
        _pick(answer, "field") and str(_pick(answer, "field")).split(".")[-1] != path.split(".")[-1]
    ):
        return f"refused for another field first: {_pick(answer, 'field')}"
    return None


def _pick(answer: dict[str, Any] | None, name: str) -> Any:
    """The aliased `code` or `field` of an error result (see `selection` in tests/graphql_values.py)."""
    if not answer:
        return None
    return next((v for k, v in answer.items() if k.startswith(f"{name}_") and v), None)


# Rows a refused call may write: its audit trail and rate-limit counts (and the caller's own
# session, see `_all_rows`).
_MAY_CHANGE = {"audit_event", "audit_access", "rate_limit_bucket"}


async def _all_rows(caller: uuid.UUID) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table but the audit trail, rate limits and the caller's sessions."""
    rows = {}
    for app_models in Tortoise.apps.values():
        for model in app_models.values():
            table = model._meta.db_table
            if table in _MAY_CHANGE:
                continue
            query = model.all()
            if model is Session:
                query = query.exclude(account_id=caller)
            rows[table] = await query.order_by(model._meta.pk_attr).values()
    return rows


async def _rows_of(account_id: uuid.UUID) -> dict[str, list[dict[str, Any]]]:
    """Every row that belongs to the account (by its account, applicant or recipient)."""
    rows = {}
    for app_models in Tortoise.apps.values():
        for model in app_models.values():
            owner = next(
                (
                    f
                    for f in ("account_id", "applicant_id", "recipient_id")
                    if f in model._meta.fields_map
                ),
                None,
            )
            if owner and model._meta.db_table not in _MAY_CHANGE:
                rows[model._meta.db_table] = (
                    await model.filter(**{owner: account_id}).order_by(model._meta.pk_attr).values()
                )
    return rows


def _changed(before: dict[str, list[Any]], after: dict[str, list[Any]]) -> list[str]:
    return sorted(t for t in before if before[t] != after.get(t))


# ---------------------------------------------------------------------------- cross-user


async def _objects_of_a(app: Starlette, owner: httpx.AsyncClient) -> dict[str, Any]:
    """Person A's objects of every kind a reference names (A is signed in on `owner`)."""
    await create_material(code="PHOTO")
    await seed_catalogue()
    a_auth = await traveller(owner, 1)
    a = await account_of(1)
    declaration = (await submit(owner, trip()))["declaration"]
    document = uploaded(
        await upload(owner, files.jpeg_with_gps(), material=MATERIALS[0], expiryDate="2030-01-01")
    )
    draft_id = str(uuid.uuid4())
    draft = await graphql(
        owner,
        "mutation($id: ID!, $d: String!) { declarationDraftSave(draftId: $id, baseVersion: 0, "
        "dataJson: $d) { __typename } }",
        {"id": draft_id, "d": "{}"},
    )
    assert draft["data"]["declarationDraftSave"]["__typename"] == "DeclarationDraftSaved", draft  # type: ignore[index]
    application_id = await submit_application(owner)
    site = await create_site(code="TEST-A")
    await create_site(code="TEST-X", latitude=30.1, longitude=120.1)
    slot = await create_slot(site, starts_in=timedelta(minutes=30), capacity=2)
    later = await create_slot(site, starts_in=timedelta(days=3), capacity=2)
    booking = (await book(owner, slot))["booking"]
    far = (clock.now() + timedelta(days=30)).isoformat()
    joined = await call(
        owner, WAITLIST_JOIN, input={"itemCode": ITEM, "siteId": str(site.id), "earlierThan": far}
    )
    assert joined["__typename"] == "WaitlistJoined", joined
    registered = await graphql(owner, REGISTER, {"name": "上海示例贸易有限公司", "uscc": USCC})
    assert registered["data"]["enterpriseRegister"]["__typename"] == "IdentityDone", registered  # type: ignore[index]
    membership = await EnterpriseMembership.get(account_id=a.id)
    uploaded(
        await upload(owner, files.jpeg_with_gps(), enterpriseId=str(membership.enterprise_id))  # type: ignore[attr-defined]
    )
    notification = await Notification.filter(recipient_id=a.id).first()
    assert notification is not None, "submitting an application tells the applicant"
    # an officer at the declaration's port opens it: an event about A's records, sealed
    async with client_for(app) as officer:
        await inspector(officer, "T5001")
        opened = await graphql(
            officer,
            "query($n: String!) { declarationByNumber(number: $n) { number } }",
            {"n": declaration["number"]},
        )
        assert opened["data"]["declarationByNumber"], opened  # type: ignore[index]
    await audit.seal()
    event = await AuditAccess.get(target=f"declaration:{declaration['id']}")
    # ceremonies A has started in their session and not finished
    stepped = await step_up(owner, a_auth)
    assert stepped["__typename"] == "StepUpSuccess", stepped
    step_up_started = await graphql(owner, STEP_UP_START)
    add_started = await graphql(
        owner, "mutation { passkeyAddStart { ... on PasskeyCeremony { challengeId } } }"
    )
    passkey = await Passkey.get(account_id=a.id)
    session = await Session.filter(account_id=a.id).first()
    assert session is not None
    review = await Review.get(application_id=application_id)
    # an alert about an officer of the department reviewing it, for that unit's supervisors
    await ensure_rules()
    now = clock.now()
    alert = await Alert.create(
        rule=await AlertRule.all().order_by("id").first(),
        actor=f"account:{uuid.uuid4()}",
        unit=review.department,
        event_count=1,
        first_seq=1,
        last_seq=1,
        first_at=now,
        last_at=now,
        raised_at=now,
    )
    soon = (clock.now() + timedelta(hours=1)).isoformat()
    past = (clock.now() - timedelta(minutes=5)).isoformat()
    return {
        "declaration.id": str(declaration["id"]),
        "declaration.number": str(declaration["number"]),
        "document.id": str(document["id"]),
        "draft.id": draft_id,
        "passkey.id": str(passkey.id),
        "session.id": str(session.id),
        "challenge.step_up": step_up_started["data"]["stepUpStart"]["challengeId"],  # type: ignore[index]
        "challenge.add_passkey": add_started["data"]["passkeyAddStart"]["challengeId"],  # type: ignore[index]
        "application.id": application_id,
        "review.id": str(review.id),
        "review.department": review.department,
        "alert.id": str(alert.id),
        "site.id": str(site.id),
        "slot.later": str(later.id),
        "booking.id": str(booking["id"]),
        "booking.number": str(booking["number"]),
        "waitlist.id": str(joined["entry"]["id"]),
        "notification.id": str(notification.id),
        "access.event": str(event.event_id),
        "enterprise.id": str(membership.enterprise_id),  # type: ignore[attr-defined]
        "membership.id": str(membership.id),
        "item": ITEM,
        "item.online": "CUSTOMS_ENQUIRY",
        "trip": trip(articles=[article()]),
        "travellers": [{"isResident": True, "dateOfBirth": "1980-01-02"}],
        "articles": [article()],
        "port": "PVG",
        "rating": {"kind": "APPOINTMENT", "stars": 5},
        "minutes": 10,
        "outcome": {"version": 1, "kind": "RELEASED", "observedAt": past},
        "draw": {
            "itemCode": ITEM,
            "slotsFrom": soon,
            "slotsTo": (clock.now() + timedelta(days=7)).isoformat(),
            "closesAt": (clock.now() + timedelta(days=1)).isoformat(),
        },
        "closure": {
            "startsAt": soon,
            "endsAt": (clock.now() + timedelta(hours=3)).isoformat(),
            "reason": "Power cut",
            "reasonZhHans": "停电",
            "reasonZhHant": "停電",
        },
        "form": FORM,
        "none": [],
        "json": "{}",
        "corrections": [
            {"target": "field:GOODS_DESCRIPTION", "problem": "Unclear", "action": "Describe it"}
        ],
        "item.materials": "PETS_ENTRY",
        "material": {"material": MATERIALS[0], "documentId": "(the reference)"},
        "far": far,
    }


async def test_person_b_naming_person_a_objects_is_refused_and_changes_nothing(
    app: Starlette, client: httpx.AsyncClient
) -> None:
    # given person A's objects, and person B at level 3
    objects = await _objects_of_a(app, client)
    other = client_for(app)
    b_auth = await traveller(other, 2)
    await step_up(other, b_auth)
    b = await Account.get(sign_in_name="person2@example.cn")
    before = await _all_rows(b.id)
    accepted = []
    try:
        for reference, kind in sorted(CROSS_USER.items()):
            if reference in IGNORED_WHEN_NOT_YOURS:
                continue
            # when
            root, name, body = await _send(other, reference, objects, kind)
            # then
            why = _accepted(root, name, _all_references()[reference][2], body)
            if why:
                accepted.append(f"{reference}: {why}: {body}")
    finally:
        await other.aclose()
    assert accepted == [], "\n".join(accepted)
    assert _changed(before, await _all_rows(b.id)) == []
    # and a reference ignored when it is not the caller's leaves A's rows as they were
    a = await account_of(1)
    mine = await _rows_of(a.id)
    async with client_for(app) as again:
        await traveller(again, 3)
        for reference in sorted(IGNORED_WHEN_NOT_YOURS):
            await _send(again, reference, objects, CROSS_USER[reference])
    assert _changed(mine, await _rows_of(a.id)) == []
    # and A asking the same questions gets answers: the refusals were about whose it is
    unanswered = []
    for reference, kind in sorted(CROSS_USER.items()):
        if reference.startswith("Query.") and reference not in _OWNER_GETS_NOTHING:
            _, name, body = await _send(client, reference, objects, kind)
            answer = (body.get("data") or {}).get(name)
            if answer in (None, [], False) or (
                isinstance(answer, dict) and answer.get("nodes") == []
            ):
                unanswered.append(f"{reference}: {body}")
    assert unanswered == []


# A's own call answers nothing too: a rating A has not given, a photo A's estimate ignores.
_OWNER_GETS_NOTHING = {"Query.myRating.subjectId", "Query.dutyEstimate.articles.photoDocumentId"}


# ---------------------------------------------------------------------------- cross-scope


async def _officer_elsewhere(app: Starlette) -> httpx.AsyncClient:
    """An officer with every officer role, of the "audit" department, serving site TEST-X and
    port SHA only, stepped up to level 3."""
    client = client_for(app)
    auth = await inspector(client, "X0001", roles=tuple(sorted(r.value for r in OFFICER_ROLES)))
    await Officer.filter(badge_number="X0001").update(unit="audit", posts=["TEST-X", "SHA"])
    stepped = await step_up(client, auth)
    assert stepped["__typename"] == "StepUpSuccess", stepped
    return client


_SCOPE_CODES = {"OTHER_SITE", "OTHER_PORT", "NOT_YOUR_DEPARTMENT", "NOT_FOUND"}


async def test_an_officer_naming_an_object_where_they_do_not_serve_is_refused_and_audited(
    app: Starlette, client: httpx.AsyncClient
) -> None:
    # given A's booking at site TEST-A, declaration at port PVG and application in review by
    # the "service_centre" department; an officer of the "audit" department at site TEST-X and port SHA
    objects = await _objects_of_a(app, client)
    officer = await _officer_elsewhere(app)
    officer_row = await Officer.get(badge_number="X0001")
    before = await _all_rows(officer_row.account_id)
    last = await AuditEvent.all().order_by("-id").first()
    audited_before = last.id if last else 0
    accepted = []
    try:
        for reference, kind in sorted(CROSS_SCOPE.items()):
            # when
            root, name, body = await _send(officer, reference, objects, kind)
            # then
            why = _accepted(root, name, _all_references()[reference][2], body)
            answer = (body.get("data") or {}).get(name)
            code = _pick(answer, "code")
            if why is None and code is not None and code not in _SCOPE_CODES:
                why = f"refused, but not for where it is: {code}"
            if why:
                accepted.append(f"{reference}: {why}: {body}")
        assert accepted == [], "\n".join(accepted)
        assert _changed(before, await _all_rows(officer_row.account_id)) == []
        # and every refusal is in the audit log, naming the operation
        refusals = await AuditEvent.filter(
            actor=f"account:{officer_row.account_id}", id__gt=audited_before
        ).values_list("operation", "outcome")
        operations = {op for op, outcome in refusals if outcome != "OK" and outcome != "READ"}
        names = {_all_references()[r][1] for r in CROSS_SCOPE}
        everything = await AuditEvent.filter(id__gt=audited_before).values_list(
            "actor", "operation", "outcome"
        )
        assert sorted(names - operations) == [], f"not audited; audited: {everything}"

        # when the same officer is posted at TEST-A and PVG, in the "tariff" department
        await Officer.filter(badge_number="X0001").update(
            unit=objects["review.department"], posts=["TEST-A", "PVG"]
        )
        stopped = []
        for reference, kind in sorted(CROSS_SCOPE.items()):
            root, name, body = await _send(officer, reference, objects, kind)
            answer = (body.get("data") or {}).get(name)
            code = _pick(answer, "code")
            # then no call is stopped by where the object is, nor told it is not found (queries
            # answer): the refusals above were about where the officer serves
            if (root == "Query" and answer is None) or code in _SCOPE_CODES:
                stopped.append(f"{reference}: {body}")
        assert stopped == []
    finally:
        await officer.aclose()
