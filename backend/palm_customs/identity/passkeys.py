"""WebAuthn ceremonies with py_webauthn, and the checks it leaves to us.

Challenges are 32 random bytes, stored server-side, single-use, valid five minutes, bound to a
purpose (and to an account or session where one is known). Registration and sign-in require
user verification. Origin and RP ID come from settings. We also refuse `crossOrigin: true`,
a credential used for an account it does not belong to, and a sign count that went backwards
(a possible cloned authenticator), while accepting the 0/0 counts of synced passkeys.
"""

from __future__ import annotations

import json
import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import (
    bytes_to_base64url,
    parse_attestation_object,
    parse_authentication_credential_json,
    parse_authenticator_data,
    parse_client_data_json,
    parse_registration_credential_json,
)
from webauthn.helpers.cose import COSECRV, COSEKTY, COSEAlgorithmIdentifier
from webauthn.helpers.decode_credential_public_key import (
    DecodedEC2PublicKey,
    DecodedOKPPublicKey,
    DecodedRSAPublicKey,
    decode_credential_public_key,
)
from webauthn.helpers.exceptions import (
    InvalidAuthenticationResponse,
    InvalidCBORData,
    InvalidJSONStructure,
    InvalidRegistrationResponse,
    WebAuthnException,
)
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    AuthenticatorTransport,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from palm_customs.core import clock
from palm_customs.identity.errors import WebAuthnErrorCode, WebAuthnFailed
from palm_customs.identity.models import Account, Challenge, ChallengePurpose, Passkey
from palm_customs.settings import Settings

CHALLENGE_TTL = timedelta(minutes=5)
RP_NAME = "Palm Customs 掌上海关"
MAX_CREDENTIAL_JSON = 20_000


async def issue_challenge(
    connection: BaseDBAsyncClient,
    *,
    purpose: ChallengePurpose,
    account: Account | None = None,
    session_id: uuid.UUID | None = None,
    pending: dict[str, Any] | None = None,
) -> Challenge:
    return await Challenge.create(
        using_db=connection,
        id=uuid.uuid4(),
        challenge=bytes_to_base64url(secrets.token_bytes(32)),
        purpose=purpose,
        account=account,
        session_id=session_id,
        pending=pending or {},
        expires_at=clock.now() + CHALLENGE_TTL,
    )


async def consume_challenge(
    connection: BaseDBAsyncClient | None,
    *,
    challenge_id: str,
    purpose: ChallengePurpose,
    session_id: uuid.UUID | None = None,
) -> Challenge:
    """Mark the challenge used; only the first caller within its lifetime succeeds. With
    `session_id`, only a challenge started in that session is found (someone else's attempt
    neither uses it nor learns it exists)."""
    try:
        key = uuid.UUID(challenge_id)
    except ValueError:
        raise WebAuthnFailed(WebAuthnErrorCode.CHALLENGE_INVALID) from None
    now = clock.now()
    # A conditional UPDATE, so two concurrent uses of one challenge cannot both win. It runs
    # outside the ceremony's transaction on purpose: a failed attempt still burns it.
    bound = {} if session_id is None else {"session_id": session_id}
    claimed = await Challenge.filter(
        id=key, purpose=purpose, used_at=None, expires_at__gt=now, **bound
    ).update(used_at=now)
    if claimed != 1:
        raise WebAuthnFailed(WebAuthnErrorCode.CHALLENGE_INVALID)
    return await Challenge.get(id=key, using_db=connection)


def registration_options(
    settings: Settings,
    *,
    challenge: Challenge,
    user_handle: str,
    user_name: str,
    display_name: str,
    exclude: list[Passkey],
) -> str:
    options = generate_registration_options(
        rp_id=settings.rp_id,
        rp_name=RP_NAME,
        user_id=user_handle.encode(),
        user_name=user_name,
        user_display_name=display_name,
        challenge=challenge.challenge.encode(),
        timeout=int(CHALLENGE_TTL.total_seconds() * 1000),
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.REQUIRED,
            user_verification=UserVerificationRequirement.REQUIRED,
        ),
        exclude_credentials=[_descriptor(p) for p in exclude],
    )
    return options_to_json(options)


def authentication_options(
    settings: Settings, *, challenge: Challenge, allow: list[Passkey]
) -> str:
    options = generate_authentication_options(
        rp_id=settings.rp_id,
        challenge=challenge.challenge.encode(),
        timeout=int(CHALLENGE_TTL.total_seconds() * 1000),
        allow_credentials=[_descriptor(p) for p in allow],
        user_verification=UserVerificationRequirement.REQUIRED,
    )
    return options_to_json(options)


def _descriptor(passkey: Passkey) -> PublicKeyCredentialDescriptor:
    from webauthn.helpers import base64url_to_bytes

    transports = []
    for name in passkey.transports:
        try:
            transports.append(AuthenticatorTransport(name))
        except ValueError:
            continue
    return PublicKeyCredentialDescriptor(
        id=base64url_to_bytes(passkey.credential_id), transports=transports or None
    )


def _check_client_data(raw: bytes) -> None:
    client_data = parse_client_data_json(raw)
    if client_data.cross_origin:
        raise WebAuthnFailed(WebAuthnErrorCode.CROSS_ORIGIN)


# Which algorithms each key type can carry (and, for curves, on which curve).
_EC2_ALGORITHMS = {
    COSEAlgorithmIdentifier.ECDSA_SHA_256: COSECRV.P256,
    COSEAlgorithmIdentifier.ECDSA_SHA_512: COSECRV.P521,
}
_RSA_ALGORITHMS = frozenset(
    {
        COSEAlgorithmIdentifier.RSASSA_PSS_SHA_256,
        COSEAlgorithmIdentifier.RSASSA_PKCS1_v1_5_SHA_256,
    }
)


def key_matches_algorithm(public_key: bytes) -> bool:
    """Whether the COSE key's type (and curve) is one its declared algorithm signs with."""
    decoded = decode_credential_public_key(public_key)
    if isinstance(decoded, DecodedEC2PublicKey):
        return decoded.kty == COSEKTY.EC2 and _EC2_ALGORITHMS.get(decoded.alg) == decoded.crv
    if isinstance(decoded, DecodedRSAPublicKey):
        return decoded.kty == COSEKTY.RSA and decoded.alg in _RSA_ALGORITHMS
    if isinstance(decoded, DecodedOKPPublicKey):
        return (
            decoded.kty == COSEKTY.OKP
            and decoded.alg == COSEAlgorithmIdentifier.EDDSA
            and decoded.crv == COSECRV.ED25519
        )
    return False


@dataclass(frozen=True, slots=True)
class NewCredential:
    credential_id: str
    public_key: bytes
    sign_count: int
    transports: list[str]
    device_type: str
    backed_up: bool


def verify_new_credential(
    settings: Settings, *, credential_json: str, challenge: Challenge
) -> NewCredential:
    if len(credential_json) > MAX_CREDENTIAL_JSON:
        raise WebAuthnFailed(WebAuthnErrorCode.VERIFICATION_FAILED)
    try:
        credential = parse_registration_credential_json(credential_json)
        _check_client_data(credential.response.client_data_json)
        attestation = parse_attestation_object(credential.response.attestation_object)
        if not attestation.auth_data.flags.uv:
            raise WebAuthnFailed(WebAuthnErrorCode.USER_NOT_VERIFIED)
        verified = verify_registration_response(
            credential=credential,
            expected_challenge=challenge.challenge.encode(),
            expected_origin=settings.public_origin,
            expected_rp_id=settings.rp_id,
            require_user_verification=True,
        )
        key_fits = key_matches_algorithm(verified.credential_public_key)
    except (
        InvalidRegistrationResponse,
        InvalidJSONStructure,
        InvalidCBORData,
        WebAuthnException,
        ValueError,
        KeyError,
        TypeError,
    ):
        raise WebAuthnFailed(WebAuthnErrorCode.VERIFICATION_FAILED) from None
    if not key_fits:
        # e.g. a P-256 key labelled RS256: accepted, it could never sign in.
        raise WebAuthnFailed(WebAuthnErrorCode.VERIFICATION_FAILED)
    transports = [t.value for t in credential.response.transports or []]
    return NewCredential(
        credential_id=bytes_to_base64url(verified.credential_id),
        public_key=verified.credential_public_key,
        sign_count=verified.sign_count,
        transports=transports,
        device_type=str(
            getattr(verified.credential_device_type, "value", verified.credential_device_type)
        ),
        backed_up=verified.credential_backed_up,
    )


@dataclass(frozen=True, slots=True)
class Assertion:
    passkey: Passkey
    new_sign_count: int


async def verify_assertion(
    connection: BaseDBAsyncClient,
    settings: Settings,
    *,
    credential_json: str,
    challenge: Challenge,
    expected_account_id: uuid.UUID | None,
) -> Assertion:
    """Verify a sign-in or step-up assertion and record the new sign count and last use."""
    if len(credential_json) > MAX_CREDENTIAL_JSON:
        raise WebAuthnFailed(WebAuthnErrorCode.VERIFICATION_FAILED)
    try:
        credential = parse_authentication_credential_json(credential_json)
        raw_id = bytes_to_base64url(credential.raw_id)
        _check_client_data(credential.response.client_data_json)
        auth_data = parse_authenticator_data(credential.response.authenticator_data)
    except (
        InvalidJSONStructure,
        InvalidCBORData,
        WebAuthnException,
        ValueError,
        KeyError,
        TypeError,
        json.JSONDecodeError,
    ):
        raise WebAuthnFailed(WebAuthnErrorCode.VERIFICATION_FAILED) from None
    passkey = await Passkey.get_or_none(credential_id=raw_id, using_db=connection)
    if passkey is None:
        raise WebAuthnFailed(WebAuthnErrorCode.CREDENTIAL_UNKNOWN)
    # The signature first: until it is verified nothing about the passkey (whose it is, its
    # sign count, whether the person was verified) may be told apart in the answer.
    try:
        verified = verify_authentication_response(
            credential=credential,
            expected_challenge=challenge.challenge.encode(),
            expected_rp_id=settings.rp_id,
            expected_origin=settings.public_origin,
            credential_public_key=passkey.public_key,
            credential_current_sign_count=0,  # compared below, once the signature holds
            require_user_verification=False,  # checked below, with its own code
        )
    except (InvalidAuthenticationResponse, WebAuthnException, ValueError):
        raise WebAuthnFailed(WebAuthnErrorCode.VERIFICATION_FAILED) from None
    owner = str(passkey.account_id)
    if expected_account_id is not None and passkey.account_id != expected_account_id:
        raise WebAuthnFailed(WebAuthnErrorCode.CREDENTIAL_NOT_YOURS, account_id=owner)
    account = await Account.get(id=passkey.account_id, using_db=connection)
    if credential.response.user_handle is not None and (
        credential.response.user_handle != account.user_handle.encode()
    ):
        raise WebAuthnFailed(WebAuthnErrorCode.CREDENTIAL_NOT_YOURS, account_id=owner)
    if not auth_data.flags.uv:
        raise WebAuthnFailed(WebAuthnErrorCode.USER_NOT_VERIFIED, account_id=owner)
    if (auth_data.sign_count > 0 or passkey.sign_count > 0) and (
        auth_data.sign_count <= passkey.sign_count
    ):
        raise WebAuthnFailed(WebAuthnErrorCode.SIGN_COUNT_REGRESSION, account_id=owner)
    await (
        Passkey.filter(id=passkey.id)
        .using_db(connection)
        .update(sign_count=verified.new_sign_count, last_used_at=clock.now())
    )
    return Assertion(passkey=passkey, new_sign_count=verified.new_sign_count)
