"""Identity's business rules: accounts, passkeys, passwords, sessions, enterprises, officers.

No GraphQL here: every function takes plain values, raises typed domain errors and returns a
result naming what it touched (for the audit event). One module a concept; callers use the
names re-exported here (`from palm_customs.identity import services; services.finish_sign_in`).
"""

from __future__ import annotations

from palm_customs.identity.services.deletion import delete_account
from palm_customs.identity.services.enterprises import (
    accept_invitation,
    invite_member,
    register_enterprise,
    remove_member,
)
from palm_customs.identity.services.officers import (
    ENROLMENT_CODE_TTL,
    OFFICER_ROLES,
    OfficerCreated,
    begin_officer_enrolment,
    create_officer,
    finish_officer_enrolment,
)
from palm_customs.identity.services.passkey_accounts import (
    begin_account_creation,
    finish_account_creation,
)
from palm_customs.identity.services.passkey_credentials import (
    MAX_PASSKEYS,
    begin_add_passkey,
    finish_add_passkey,
    rename_passkey,
    revoke_passkey,
)
from palm_customs.identity.services.password_totp import (
    PasswordAccount,
    confirm_totp,
    create_account_with_password,
    pending_totp_uri,
    sign_in_with_password,
    validate_password,
)
from palm_customs.identity.services.people import (
    CleanPerson,
    PersonData,
    check_sign_up_limit,
    count_sign_up,
    validate_person,
)
from palm_customs.identity.services.results import Ceremony, Done, SignedIn
from palm_customs.identity.services.sign_in import (
    begin_sign_in,
    check_rate_limit,
    count_failure,
    finish_sign_in,
)
from palm_customs.identity.services.sign_out import end_every_session, end_session
from palm_customs.identity.services.step_up import (
    begin_step_up,
    finish_step_up,
    step_up_with_password,
)

__all__ = [
    "ENROLMENT_CODE_TTL",
    "MAX_PASSKEYS",
    "OFFICER_ROLES",
    "Ceremony",
    "CleanPerson",
    "Done",
    "OfficerCreated",
    "PasswordAccount",
    "PersonData",
    "SignedIn",
    "accept_invitation",
    "begin_account_creation",
    "begin_add_passkey",
    "begin_officer_enrolment",
    "begin_sign_in",
    "begin_step_up",
    "check_rate_limit",
    "check_sign_up_limit",
    "confirm_totp",
    "count_failure",
    "count_sign_up",
    "create_account_with_password",
    "create_officer",
    "delete_account",
    "end_every_session",
    "end_session",
    "finish_account_creation",
    "finish_add_passkey",
    "finish_officer_enrolment",
    "finish_sign_in",
    "finish_step_up",
    "invite_member",
    "pending_totp_uri",
    "register_enterprise",
    "remove_member",
    "rename_passkey",
    "revoke_passkey",
    "sign_in_with_password",
    "step_up_with_password",
    "validate_password",
    "validate_person",
]
