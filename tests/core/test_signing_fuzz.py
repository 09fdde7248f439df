"""Property-based fuzzing of the credential parser (core/signing.py) with hypothesis: whatever
text a scanner hands the server (random text, random bytes dressed as a credential, random
CBOR, a real credential mutated), verification answers a `CredentialInvalid` (the API's typed
"not a valid credential") or, for an unchanged credential, the credential itself: never
another exception. Inputs are bounded by the parser's own limits, so a run cannot hang."""

from __future__ import annotations

import zlib
from datetime import UTC, datetime, timedelta
from typing import Any

import cbor2
from cryptography.hazmat.primitives.asymmetric import ec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from palm_customs.core import signing
from palm_customs.core.signing import CredentialInvalid

NOW = datetime(2026, 6, 10, 2, 0, tzinfo=UTC)
KEY = ec.generate_private_key(ec.SECP256R1())
KID = signing.new_kid()
KEY_SET = {"keys": [signing.public_jwk(KEY.public_key(), kid=KID)]}
VALID = signing.encode_credential(
    private_key=KEY,
    kid=KID,
    credential_type="declaration",
    claims={"n": "D260610EHSAT6", "items": [1, 2, {"x": "y"}]},
    issued_at=NOW - timedelta(hours=1),
    expires_at=NOW + timedelta(days=3),
)
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def outcome(text: str) -> str:
    """What verification answers: what the credential says, or the name of the typed refusal.
    Anything else (an IndexError, a RecursionError, a MemoryError …) fails the test."""
    try:
        verified = signing.verify_with_key_set(text, key_set=KEY_SET, now=NOW)
    except CredentialInvalid as refusal:
        return type(refusal).__name__
    return repr((verified.kid, verified.credential_type, verified.claims))


ORIGINAL = outcome(VALID)
REFUSALS = {
    "CredentialMalformed",
    "CredentialTampered",
    "CredentialUnknownKey",
    "CredentialExpired",
}


def dressed(payload: bytes) -> str:
    """Bytes dressed as a credential: prefix, zlib, Base45, as a real one is."""
    return signing.PREFIX + signing.b45encode(zlib.compress(payload))


cbor_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True)
    | st.binary(max_size=80)
    | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=6)
        | st.dictionaries(st.integers(-8, 8) | st.text(max_size=4), children, max_size=6)
        | st.builds(cbor2.CBORTag, st.sampled_from([18, 1, 24, 258, 55799]), children)
    ),
    max_leaves=30,
)


@FUZZ
@given(st.text(max_size=600))
def test_any_text_is_refused_as_an_invalid_credential(text: str) -> None:
    assert outcome(text) in REFUSALS
    assert outcome(signing.PREFIX + text) in REFUSALS


@FUZZ
@given(st.binary(max_size=2000))
def test_any_bytes_dressed_as_a_credential_are_refused(payload: bytes) -> None:
    assert outcome(dressed(payload)) in REFUSALS


@FUZZ
@given(cbor_values)
def test_any_cbor_dressed_as_a_credential_is_refused(value: Any) -> None:
    assert outcome(dressed(cbor2.dumps(value))) in REFUSALS


@FUZZ
@given(
    protected=cbor_values,
    unprotected=cbor_values,
    payload=cbor_values,
    signature=st.binary(min_size=60, max_size=68),
)
def test_any_cose_sign1_shape_with_our_kid_is_refused(
    protected: Any, unprotected: Any, payload: Any, signature: bytes
) -> None:
    header = cbor2.dumps({1: -7, 4: signing._b64url_decode(KID)})
    for candidate in (
        [header, unprotected, cbor2.dumps(payload), signature],
        [cbor2.dumps(protected), {}, cbor2.dumps(payload), signature],
        cbor2.CBORTag(18, [header, {}, cbor2.dumps(payload), signature[:64].ljust(64, b"\0")]),
    ):
        assert outcome(dressed(cbor2.dumps(candidate))) in REFUSALS


@FUZZ
@given(st.data())
def test_a_real_credential_changed_anywhere_is_refused_or_unchanged(data: st.DataObject) -> None:
    # given the bytes inside a real credential
    inner = bytearray(zlib.decompress(signing.b45decode(VALID[len(signing.PREFIX) :])))
    # when some of them are overwritten, removed or added
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(inner) - 1))
        match data.draw(st.sampled_from(["set", "delete", "insert"])):
            case "set":
                inner[at] = data.draw(st.integers(0, 255))
            case "delete":
                del inner[at]
            case _:
                inner.insert(at, data.draw(st.integers(0, 255)))
    # then it is refused, or it still says exactly what was signed (an edit that wrote what was
    # there, or one the signature does not cover, such as dropping the optional COSE_Sign1 tag)
    result = outcome(dressed(bytes(inner)))
    assert result in REFUSALS | {ORIGINAL}


@FUZZ
@given(st.data())
def test_a_real_credentials_text_changed_anywhere_is_refused_or_unchanged(
    data: st.DataObject,
) -> None:
    # given the text of a real credential, with characters replaced, removed or added
    text = list(VALID)
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(text) - 1))
        character = data.draw(st.sampled_from("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:a\0"))
        if data.draw(st.booleans()):
            text[at] = character
        else:
            text.insert(at, character)
    changed = "".join(text)
    # then it is refused, or it still says exactly what was signed
    assert outcome(changed) in REFUSALS | {ORIGINAL}


def test_the_unchanged_credential_verifies() -> None:
    # the properties above would hold for a parser that refuses everything: this one does not
    assert ORIGINAL not in REFUSALS
    assert "D260610EHSAT6" in ORIGINAL
