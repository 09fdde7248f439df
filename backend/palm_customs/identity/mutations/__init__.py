from __future__ import annotations

import strawberry

from palm_customs.identity.mutations.account_create_finish import account_create_finish
from palm_customs.identity.mutations.account_create_start import account_create_start
from palm_customs.identity.mutations.account_create_with_password import (
    account_create_with_password,
)
from palm_customs.identity.mutations.account_delete import account_delete
from palm_customs.identity.mutations.enterprise_invitation_accept import (
    enterprise_invitation_accept,
)
from palm_customs.identity.mutations.enterprise_member_invite import enterprise_member_invite
from palm_customs.identity.mutations.enterprise_member_remove import enterprise_member_remove
from palm_customs.identity.mutations.enterprise_register import enterprise_register
from palm_customs.identity.mutations.identity_verify_online import identity_verify_online
from palm_customs.identity.mutations.officer_create import officer_create
from palm_customs.identity.mutations.officer_enrol_finish import officer_enrol_finish
from palm_customs.identity.mutations.officer_enrol_start import officer_enrol_start
from palm_customs.identity.mutations.passkey_add_finish import passkey_add_finish
from palm_customs.identity.mutations.passkey_add_start import passkey_add_start
from palm_customs.identity.mutations.passkey_rename import passkey_rename
from palm_customs.identity.mutations.passkey_revoke import passkey_revoke
from palm_customs.identity.mutations.session_end import session_end
from palm_customs.identity.mutations.sign_in_finish import sign_in_finish
from palm_customs.identity.mutations.sign_in_start import sign_in_start
from palm_customs.identity.mutations.sign_in_with_password import sign_in_with_password
from palm_customs.identity.mutations.sign_out import sign_out
from palm_customs.identity.mutations.sign_out_everywhere import sign_out_everywhere
from palm_customs.identity.mutations.step_up_finish import step_up_finish
from palm_customs.identity.mutations.step_up_start import step_up_start
from palm_customs.identity.mutations.step_up_with_password import step_up_with_password
from palm_customs.identity.mutations.totp_confirm import totp_confirm


@strawberry.type
class IdentityMutation:
    account_create_start = account_create_start
    account_create_finish = account_create_finish
    account_create_with_password = account_create_with_password
    account_delete = account_delete
    totp_confirm = totp_confirm
    sign_in_start = sign_in_start
    sign_in_finish = sign_in_finish
    sign_in_with_password = sign_in_with_password
    sign_out = sign_out
    sign_out_everywhere = sign_out_everywhere
    session_end = session_end
    step_up_start = step_up_start
    step_up_finish = step_up_finish
    step_up_with_password = step_up_with_password
    passkey_add_start = passkey_add_start
    passkey_add_finish = passkey_add_finish
    passkey_rename = passkey_rename
    passkey_revoke = passkey_revoke
    enterprise_register = enterprise_register
    enterprise_member_invite = enterprise_member_invite
    enterprise_invitation_accept = enterprise_invitation_accept
    enterprise_member_remove = enterprise_member_remove
    officer_create = officer_create
    officer_enrol_start = officer_enrol_start
    officer_enrol_finish = officer_enrol_finish
    identity_verify_online = identity_verify_online
