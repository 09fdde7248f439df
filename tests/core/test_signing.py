from __future__ import annotations

import json
import os
import subprocess
import sys
import tracemalloc
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import cbor2
import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from tortoise.exceptions import IntegrityError

from palm_customs.core import signing
from palm_customs.core.crypto import decrypt
from palm_customs.core.models import SigningKey
from palm_customs.core.signing import (
    CredentialExpired,
    CredentialInvalid,
    CredentialMalformed,
    CredentialTampered,
    CredentialUnknownKey,
    IssuedCredential,
)
from palm_customs.settings import Secret, Settings
from tests.core.make_signing_vectors import (
    VECTORS,
    cose_of,
    dcc_like,
    flip_bit,
    payload_span,
    text_of,
    with_protected_header,
)
from tests.liveserver import clock_env

ISSUED_AT = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
EXPIRES_AT = ISSUED_AT + timedelta(days=1)
NOW = ISSUED_AT + timedelta(hours=1)
CLAIMS: dict[str, Any] = {
    "declarationId": "D-2026-000042",
    "traveller": "李四",
    "articles": [{"code": "CASH", "amount": 25000}],
    "dutyEstimate": 12.5,
    "redChannel": False,
    "note": None,
}


async def _issue(settings: Settings, **overrides: Any) -> IssuedCredential:
    arguments: dict[str, Any] = {
        "credential_type": "declaration",
        "claims": CLAIMS,
        "issued_at": ISSUED_AT,
        "expires_at": EXPIRES_AT,
    } | overrides
    return await signing.issue(settings=settings, **arguments)


async def _outcome(text: str, now: datetime = NOW) -> type[CredentialInvalid] | None:
    try:
        await signing.verify(text, now=now)
    except CredentialInvalid as error:
        return type(error)
    return None


async def test_a_credential_round_trips_with_its_type_claims_kid_and_dates(
    db: None, settings: Settings
) -> None:
    # given
    issued = await _issue(settings)
    # when
    verified = await signing.verify(issued.text, now=NOW)
    # then
    assert issued.text.startswith("PC1:")
    assert verified.credential_type == "declaration"
    assert verified.claims == CLAIMS
    assert verified.kid == issued.kid
    assert verified.issued_at == ISSUED_AT
    assert verified.expires_at == EXPIRES_AT


async def test_the_text_is_qr_alphanumeric_only(db: None, settings: Settings) -> None:
    issued = await _issue(settings)
    assert set(issued.text) <= set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")


async def test_the_first_issue_creates_exactly_one_active_key(db: None, settings: Settings) -> None:
    # when
    first = await _issue(settings)
    second = await _issue(settings)
    # then
    keys = await SigningKey.all()
    assert [(key.kid, key.status) for key in keys] == [(first.kid, "active")]
    assert second.kid == first.kid


async def test_the_database_refuses_a_second_active_key(db: None, settings: Settings) -> None:
    # given
    active = await signing.active_key(settings=settings)
    # when / then
    with pytest.raises(IntegrityError):
        await SigningKey.create(
            kid="second",
            private_key_encrypted=active.private_key_encrypted,
            public_jwk=active.public_jwk,
            status="active",
            active_slot=True,
            activated_at=NOW,
        )


async def test_the_cose_structure_is_a_tagged_sign1_with_es256_and_the_kid_protected(
    db: None, settings: Settings
) -> None:
    # given
    issued = await _issue(settings)
    # when
    cose = cbor2.loads(cose_of(issued.text))
    protected = cbor2.loads(cose.value[0])
    payload = cbor2.loads(cose.value[2])
    # then
    assert cose.tag == 18
    assert protected == {1: -7, 4: signing._b64url_decode(issued.kid)}
    assert len(cose.value[3]) == 64
    assert payload[1] == "palm-customs"
    assert payload[6] == int(ISSUED_AT.timestamp())
    assert payload[4] == int(EXPIRES_AT.timestamp())
    assert payload[-65537] == "declaration"


async def test_every_bit_flipped_in_the_signature_is_tampered(db: None, settings: Settings) -> None:
    # given
    cose = cose_of((await _issue(settings)).text)
    signature_start = len(cose) - 64
    # when
    outcomes = {
        await _outcome(text_of(flip_bit(cose, bit)))
        for bit in range(signature_start * 8, len(cose) * 8)
    }
    # then
    assert outcomes == {CredentialTampered}


async def test_every_bit_flipped_in_the_payload_is_tampered(db: None, settings: Settings) -> None:
    # given
    cose = cose_of((await _issue(settings)).text)
    start, end = payload_span(cose)
    # when
    outcomes = {await _outcome(text_of(flip_bit(cose, bit))) for bit in range(start * 8, end * 8)}
    # then
    assert outcomes == {CredentialTampered}


async def test_no_bit_flipped_anywhere_in_the_cose_bytes_is_accepted(
    db: None, settings: Settings
) -> None:
    # given
    cose = cose_of((await _issue(settings)).text)
    # when
    outcomes = {await _outcome(text_of(flip_bit(cose, bit))) for bit in range(len(cose) * 8)}
    # then the header and framing bits break the structure or name another key
    assert outcomes == {CredentialTampered, CredentialMalformed, CredentialUnknownKey}


async def test_no_character_changed_in_the_text_is_accepted(db: None, settings: Settings) -> None:
    # given
    text = (await _issue(settings)).text
    # when each Base45 character is replaced by its neighbour in the alphabet
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
    outcomes = set()
    for index in range(len(signing.PREFIX), len(text)):
        neighbour = alphabet[(alphabet.index(text[index]) + 1) % 45]
        outcomes.add(await _outcome(text[:index] + neighbour + text[index + 1 :]))
    # then
    assert None not in outcomes
    assert CredentialMalformed in outcomes


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(dcc_like(), id="EU DCC-like HC1"),
        pytest.param(
            "PC1:" + signing.b45encode(bytes(range(7, 250, 3))), id="random bytes in base45"
        ),
        pytest.param("PC1:hello world", id="not base45"),
        pytest.param("PC1:GGW", id="base45 group above 65535"),
        pytest.param("PC1:ABCD", id="base45 with a dangling character"),
        pytest.param("https://example.com/declarations/42", id="a web address"),
        pytest.param("", id="empty"),
        pytest.param(text_of(cbor2.dumps(["not", "cose"])), id="cbor that is not cose"),
        pytest.param(
            text_of(cbor2.dumps(cbor2.CBORTag(98, [b"", {}, b"", b"\0" * 64]))),
            id="cose_sign (98) rather than cose_sign1",
        ),
        pytest.param(text_of(cbor2.dumps(1) + b"\0"), id="bytes after the cbor item"),
        pytest.param(
            "PC1:" + signing.b45encode(zlib.compress(cbor2.dumps([1]))[:-2]), id="truncated zlib"
        ),
    ],
)
async def test_a_qr_code_from_another_system_is_malformed(
    db: None, settings: Settings, text: str
) -> None:
    with pytest.raises(CredentialMalformed):
        await signing.verify(text, now=NOW)


async def test_a_header_naming_another_algorithm_is_malformed(db: None, settings: Settings) -> None:
    # given our own credential, its protected header changed to ES384
    issued = await _issue(settings)
    kid = signing._b64url_decode(issued.kid)
    text = text_of(with_protected_header(cose_of(issued.text), {1: -35, 4: kid}))
    # when / then
    with pytest.raises(CredentialMalformed, match="ES256"):
        await signing.verify(text, now=NOW)


async def test_a_header_without_a_kid_is_malformed(db: None, settings: Settings) -> None:
    issued = await _issue(settings)
    text = text_of(with_protected_header(cose_of(issued.text), {1: -7}))
    with pytest.raises(CredentialMalformed, match="kid"):
        await signing.verify(text, now=NOW)


async def test_a_zlib_bomb_is_refused_at_the_inflation_cap(db: None, settings: Settings) -> None:
    # given a megabyte of zeros, well under 4 KB once compressed and encoded
    text = "PC1:" + signing.b45encode(zlib.compress(b"\0" * 1_000_000, 9))
    assert len(text) < signing.MAX_TEXT_CHARS
    # when / then
    with pytest.raises(CredentialMalformed, match="inflates beyond 16384 bytes"):
        await signing.verify(text, now=NOW)


def test_the_largest_zlib_bomb_that_fits_is_never_inflated_in_full() -> None:
    # given the most zeros whose compressed form still fits the text limit (~2.8 MB)
    size = 2_700_000
    text = "PC1:" + signing.b45encode(zlib.compress(b"\0" * size, 9))
    assert len(text) <= signing.MAX_TEXT_CHARS
    # when
    tracemalloc.start()
    try:
        with pytest.raises(CredentialMalformed):
            signing.verify_with_key_set(text, key_set={"keys": []}, now=NOW)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # then
    assert peak < 256 * 1024


async def test_an_oversize_input_is_refused_before_decoding(
    db: None, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given
    def must_not_decode(text: str) -> bytes:
        raise AssertionError("decoded an oversize input")

    monkeypatch.setattr(signing, "b45decode", must_not_decode)
    # when / then
    with pytest.raises(CredentialMalformed, match="longer than 4096"):
        await signing.verify("PC1:" + "0" * 4095, now=NOW)


async def test_a_credential_signed_by_a_key_we_never_had_is_unknown_key(
    db: None, settings: Settings
) -> None:
    # given
    await _issue(settings)
    text = signing.encode_credential(
        private_key=ec.generate_private_key(ec.SECP256R1()),
        kid="c3RyYW5nZXI",
        credential_type="declaration",
        claims=CLAIMS,
        issued_at=ISSUED_AT,
        expires_at=EXPIRES_AT,
    )
    # when
    with pytest.raises(CredentialUnknownKey) as raised:
        await signing.verify(text, now=NOW)
    # then
    assert raised.value.kid == "c3RyYW5nZXI"


async def test_a_credential_past_its_expiry_is_expired_and_still_shows_its_claims(
    db: None, settings: Settings
) -> None:
    # given
    issued = await _issue(settings)
    # when
    with pytest.raises(CredentialExpired) as raised:
        await signing.verify(issued.text, now=EXPIRES_AT)
    # then
    assert raised.value.credential.claims == CLAIMS
    assert raised.value.credential.kid == issued.kid


async def test_a_credential_is_valid_until_the_second_before_its_expiry(
    db: None, settings: Settings
) -> None:
    issued = await _issue(settings)
    verified = await signing.verify(issued.text, now=EXPIRES_AT - timedelta(seconds=1))
    assert verified.claims == CLAIMS


async def test_rotation_signs_with_a_new_key_and_old_credentials_still_verify(
    db: None, settings: Settings
) -> None:
    # given
    old = await _issue(settings)
    # when
    rotated = await signing.rotate(settings=settings)
    new = await _issue(settings)
    # then
    assert new.kid == rotated.kid != old.kid
    assert (await signing.verify(old.text, now=NOW)).kid == old.kid
    assert (await signing.verify(new.text, now=NOW)).kid == new.kid
    statuses = {key.kid: key.status for key in await SigningKey.all()}
    assert statuses == {old.kid: "retired", new.kid: "active"}


async def test_the_key_set_lists_the_active_and_the_retired_key_with_its_not_after(
    db: None, settings: Settings
) -> None:
    # given
    old = await signing.active_key(settings=settings)
    retired_at = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    new = await signing.rotate(settings=settings, now=retired_at)
    # when
    key_set = await signing.published_keys(now=retired_at)
    # then
    listed = {jwk["kid"]: (jwk["status"], jwk.get("notAfter")) for jwk in key_set["keys"]}
    assert listed == {new.kid: ("active", None), old.kid: ("retired", "2026-03-31T09:30:00Z")}


async def test_a_retired_key_stops_verifying_and_is_unpublished_after_its_retention(
    db: None, settings: Settings
) -> None:
    # given a credential signed just before the key was retired
    old = await _issue(settings)
    retired_at = ISSUED_AT + timedelta(minutes=5)
    await signing.rotate(settings=settings, now=retired_at)
    end = retired_at + signing.KEY_RETENTION
    # when
    just_before = await _outcome(old.text, now=end - timedelta(seconds=1))
    after = await _outcome(old.text, now=end)
    published = await signing.published_keys(now=end)
    # then
    assert just_before is CredentialExpired
    assert after is CredentialUnknownKey
    assert old.kid not in {jwk["kid"] for jwk in published["keys"]}


async def test_a_credential_may_not_outlive_the_retention_of_its_key(
    db: None, settings: Settings
) -> None:
    with pytest.raises(ValueError, match="within 30 days"):
        await _issue(settings, expires_at=ISSUED_AT + signing.KEY_RETENTION + timedelta(seconds=1))


async def test_a_credential_must_expire_after_it_is_issued(db: None, settings: Settings) -> None:
    with pytest.raises(ValueError, match="expires after it is issued"):
        await _issue(settings, expires_at=ISSUED_AT)


@pytest.mark.parametrize(
    "claims",
    [
        pytest.param({"when": ISSUED_AT}, id="datetime"),
        pytest.param({"big": 2**53}, id="integer beyond 2^53"),
        pytest.param({"nested": {1: "x"}}, id="non-text key"),
    ],
)
async def test_claims_the_pwa_cannot_read_are_refused(
    db: None, settings: Settings, claims: dict[str, Any]
) -> None:
    with pytest.raises(TypeError):
        await _issue(settings, claims=claims)


async def test_claims_too_large_for_a_qr_code_are_refused(db: None, settings: Settings) -> None:
    noise = signing._b64url(os.urandom(3000))
    with pytest.raises(ValueError, match="exceed 4096 characters"):
        await _issue(settings, claims={"noise": noise})


async def test_the_private_key_is_stored_encrypted_with_the_secret_key(
    db: None, settings: Settings
) -> None:
    # given
    issued = await _issue(settings)
    row = await SigningKey.get(kid=issued.kid)
    # when
    pem = decrypt(settings.secret_key, purpose="signing-key", token=row.private_key_encrypted)
    private_key = serialization.load_pem_private_key(pem.encode(), password=None)
    # then
    assert "PRIVATE KEY" not in row.private_key_encrypted
    assert isinstance(private_key, ec.EllipticCurvePrivateKey)
    assert signing.public_jwk(private_key.public_key(), kid=row.kid) == row.public_jwk
    with pytest.raises(ValueError, match="cannot decrypt"):
        decrypt(Secret("x" * 40), purpose="signing-key", token=row.private_key_encrypted)


async def test_keys_json_serves_cacheable_jwks_that_verify_a_credential(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    # given
    issued = await _issue(settings)
    # when
    response = await client.get("/.well-known/palm-customs/keys.json")
    # then
    assert response.status_code == 200
    assert response.headers["cache-control"] == "public, max-age=3600"
    assert response.headers["content-type"] == "application/json"
    [jwk] = response.json()["keys"]
    assert jwk["kid"] == issued.kid
    assert {k: jwk[k] for k in ("kty", "crv", "alg", "use", "status")} == {
        "kty": "EC",
        "crv": "P-256",
        "alg": "ES256",
        "use": "sig",
        "status": "active",
    }
    verified = signing.verify_with_key_set(issued.text, key_set=response.json(), now=NOW)
    assert verified.claims == CLAIMS


async def test_keys_json_never_reveals_a_private_key(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    # given
    await _issue(settings)
    await signing.rotate(settings=settings)
    row = await SigningKey.get(status="retired")
    pem = decrypt(settings.secret_key, purpose="signing-key", token=row.private_key_encrypted)
    private_key = serialization.load_pem_private_key(pem.encode(), password=None)
    assert isinstance(private_key, ec.EllipticCurvePrivateKey)
    scalar = signing._b64url(private_key.private_numbers().private_value.to_bytes(32, "big"))
    # when
    response = await client.get("/.well-known/palm-customs/keys.json")
    # then
    assert len(response.json()["keys"]) == 2
    assert all("d" not in jwk for jwk in response.json()["keys"])
    assert scalar not in response.text
    assert row.private_key_encrypted not in response.text


def _vectors() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(VECTORS.read_text())
    return document


_OUTCOMES: dict[type[CredentialInvalid], str] = {
    CredentialMalformed: "malformed",
    CredentialTampered: "tampered",
    CredentialUnknownKey: "unknown_key",
    CredentialExpired: "expired",
}


@pytest.mark.parametrize("vector", _vectors()["vectors"], ids=lambda vector: vector["name"])
def test_the_python_verifier_agrees_with_each_committed_vector(vector: dict[str, Any]) -> None:
    # given
    key_set = _vectors()["keySet"]
    now = datetime.fromisoformat(vector["now"])
    expected = vector["expected"]
    # when
    try:
        verified = signing.verify_with_key_set(vector["text"], key_set=key_set, now=now)
        status = "valid"
    except CredentialInvalid as error:
        verified = error.credential if isinstance(error, CredentialExpired) else None
        status = _OUTCOMES[type(error)]
    # then
    assert status == expected["status"]
    if verified is not None:
        assert verified.claims == expected["claims"]
        assert verified.kid == expected["kid"]
        assert verified.issued_at == datetime.fromisoformat(expected["issuedAt"])
        assert verified.expires_at == datetime.fromisoformat(expected["expiresAt"])


def test_the_vectors_cover_every_outcome() -> None:
    statuses = {vector["expected"]["status"] for vector in _vectors()["vectors"]}
    assert statuses == {"valid", "tampered", "malformed", "unknown_key", "expired"}


def test_keys_rotate_prints_a_new_kid_each_time(tmp_path: Path) -> None:
    # given a migrated database
    env = {**os.environ, "PALM_ENV": "test", "PALM_CLOCK": clock_env(), "VAR_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "palm_customs", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    assert run("migrate").returncode == 0
    # when
    first, second = run("keys", "rotate"), run("keys", "rotate")
    # then
    assert first.returncode == 0, first.stderr
    kids = [first.stdout.strip(), second.stdout.strip()]
    assert len(kids[0]) == 11
    assert kids[0] != kids[1]
