"""Signed tree heads of the audit log and where they are kept: outside the database.

A head says "the log's first `size` events hash to `root`" at `time`, signed with Ed25519 by a
key that is not in the database. The sealer writes, append-only, into a checkpoint directory:

    checkpoints/<size, 20 digits>.json   every head ever signed (never overwritten)
    leaves/<start>-<end>.txt             the leaf hashes (hex, one a line) sealed by that head
    latest.json                          a copy of the newest head (what /audit/checkpoint serves)
    keys/<kid>.pem                       the public key of each signing key used (a convenience:
                                         verification trusts only the configured keys)

The leaf files let `audit verify` name the exact event that differs from what was sealed, not
only that some root differs; they are checked against the signed roots, so altering them is
itself detected.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519

from palm_customs.core import merkle

_DIGITS = 20


class HeadError(Exception):
    """A head or key that cannot be used (unsigned, unknown key, malformed)."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def key_id(public: ed25519.Ed25519PublicKey) -> str:
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def public_pem(public: ed25519.Ed25519PublicKey) -> str:
    return public.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode()


@dataclass(frozen=True, slots=True)
class TreeHead:
    origin: str
    size: int
    root: bytes
    time: str
    kid: str
    signature: bytes
    # The compact range at `size` (not signed: it must reproduce `root`), so that the sealer
    # extends the tree without reading every earlier leaf.
    compact: tuple[bytes, ...] = field(default=())

    @staticmethod
    def body(*, origin: str, size: int, root: bytes, time: str) -> bytes:
        """The signed text, in the manner of a C2SP checkpoint note."""
        return f"{origin}\n{size}\n{_b64(root)}\n{time}\n".encode()

    def signed_body(self) -> bytes:
        return self.body(origin=self.origin, size=self.size, root=self.root, time=self.time)

    def to_json(self) -> dict[str, object]:
        return {
            "origin": self.origin,
            "size": self.size,
            "root": self.root.hex(),
            "time": self.time,
            "kid": self.kid,
            "signature": _b64(self.signature),
            "compact": [h.hex() for h in self.compact],
        }

    @classmethod
    def from_json(cls, data: object) -> TreeHead:
        try:
            assert isinstance(data, dict)
            size = data["size"]
            if not isinstance(size, int) or isinstance(size, bool) or size < 0:
                raise HeadError("tree head size is not a whole number")
            return cls(
                origin=str(data["origin"]),
                size=size,
                root=bytes.fromhex(data["root"]),
                time=str(data["time"]),
                kid=str(data["kid"]),
                signature=base64.b64decode(data["signature"], validate=True),
                compact=tuple(bytes.fromhex(h) for h in data.get("compact", [])),
            )
        except (AssertionError, KeyError, TypeError, ValueError) as error:
            raise HeadError(f"malformed tree head: {error}") from None


class Signer:
    """The Ed25519 key that signs tree heads, read from a file outside the database."""

    def __init__(self, private: ed25519.Ed25519PrivateKey) -> None:
        self._private = private
        self.public = private.public_key()
        self.kid = key_id(self.public)

    @classmethod
    def from_file(cls, path: Path, *, create: bool) -> Signer:
        if not path.exists():
            if not create:
                raise HeadError(f"no audit signing key at {path}")
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            pem = ed25519.Ed25519PrivateKey.generate().private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
            with contextlib.suppress(FileExistsError):
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as handle:
                    handle.write(pem)
        loaded = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(loaded, ed25519.Ed25519PrivateKey):
            raise HeadError(f"{path} is not an Ed25519 private key")
        return cls(loaded)

    def sign(self, *, origin: str, size: int, root: bytes, time: str) -> bytes:
        return self._private.sign(TreeHead.body(origin=origin, size=size, root=root, time=time))


class Trust:
    """The public keys whose heads are believed: the current key and retired ones."""

    def __init__(self, keys: list[ed25519.Ed25519PublicKey]) -> None:
        self.keys = {key_id(k): k for k in keys}

    @classmethod
    def from_pem(cls, text: str) -> Trust:
        keys: list[ed25519.Ed25519PublicKey] = []
        for block in text.split("-----END PUBLIC KEY-----"):
            if "-----BEGIN PUBLIC KEY-----" not in block:
                continue
            loaded = serialization.load_pem_public_key(
                (block.strip() + "\n-----END PUBLIC KEY-----\n").encode()
            )
            if not isinstance(loaded, ed25519.Ed25519PublicKey):
                raise HeadError("a trusted key is not an Ed25519 public key")
            keys.append(loaded)
        return cls(keys)

    def check(self, head: TreeHead) -> None:
        key = self.keys.get(head.kid)
        if key is None:
            raise HeadError(f"signed by an unknown key {head.kid}")
        try:
            key.verify(head.signature, head.signed_body())
        except InvalidSignature:
            raise HeadError("signature does not verify") from None


class HeadStore:
    """The append-only checkpoint directory (a local, or mounted shared, folder)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """One writer at a time across this machine's processes."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / ".lock", "a+") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def latest(self) -> TreeHead | None:
        path = self.root / "latest.json"
        if not path.exists():
            return None
        return TreeHead.from_json(json.loads(path.read_text()))

    def heads(self) -> list[TreeHead | HeadError]:
        """Every head written, by size; one that cannot be read is returned as its error."""
        folder = self.root / "checkpoints"
        if not folder.is_dir():
            return []
        found: list[TreeHead | HeadError] = []
        for path in sorted(folder.glob("*.json")):
            try:
                found.append(TreeHead.from_json(json.loads(path.read_text())))
            except (HeadError, ValueError) as error:
                found.append(HeadError(f"{path.name}: {error}"))
        return found

    def leaves(self) -> tuple[list[bytes], list[str]]:
        """Every sealed leaf hash in order, and what is wrong with the leaf files, if anything."""
        folder = self.root / "leaves"
        if not folder.is_dir():
            return [], []
        leaves: list[bytes] = []
        problems: list[str] = []
        for path in sorted(folder.glob("*.txt")):
            try:
                start, end = (int(part) for part in path.stem.split("-"))
                hashes = [bytes.fromhex(line) for line in path.read_text().split()]
            except ValueError:
                problems.append(f"leaf file {path.name} is malformed")
                continue
            if start != len(leaves) or end - start != len(hashes):
                problems.append(f"leaf file {path.name} does not continue the previous one")
                continue
            leaves.extend(hashes)
        return leaves, problems

    def extend(
        self, *, start: int, leaves: list[bytes], signer: Signer, origin: str, time: str
    ) -> TreeHead | None:
        """Append `leaves` after the first `start` and sign the new head; None when the latest
        head is no longer at `start` (another sealer moved it: read again)."""
        with self.locked():
            latest = self._recover(self.latest())
            if (latest.size if latest else 0) != start:
                return None
            compact = (
                merkle.CompactRange(latest.size, latest.compact)
                if latest
                else merkle.CompactRange()
            )
            if latest is not None and compact.root() != latest.root:
                raise HeadError("the latest head's compact range does not match its root")
            for leaf in leaves:
                compact.append(leaf)
            size, root = compact.size, compact.root()
            head = TreeHead(
                origin=origin,
                size=size,
                root=root,
                time=time,
                kid=signer.kid,
                signature=signer.sign(origin=origin, size=size, root=root, time=time),
                compact=tuple(compact.hashes),
            )
            name = f"{start:0{_DIGITS}d}-{size:0{_DIGITS}d}.txt"
            self._create(Path("leaves") / name, "".join(h.hex() + "\n" for h in leaves))
            self._create(Path("keys") / f"{signer.kid}.pem", public_pem(signer.public), once=True)
            text = json.dumps(head.to_json(), sort_keys=True, indent=1) + "\n"
            self._create(Path("checkpoints") / f"{size:0{_DIGITS}d}.json", text)
            temporary = self.root / f".latest.{os.getpid()}.tmp"
            temporary.write_text(text)
            os.replace(temporary, self.root / "latest.json")
            return head

    def _recover(self, latest: TreeHead | None) -> TreeHead | None:
        """Finish what a sealer that died while writing left: a leaf file whose head was
        written is adopted (latest.json catches up); one whose head was not is dropped (no
        head covers it, so nobody relied on it)."""
        folder = self.root / "leaves"
        while True:
            size = latest.size if latest else 0
            following = sorted(folder.glob(f"{size:0{_DIGITS}d}-*.txt")) if folder.is_dir() else []
            if not following:
                return latest
            path = following[0]
            end = int(path.stem.split("-")[1])
            head_path = self.root / "checkpoints" / f"{end:0{_DIGITS}d}.json"
            if not head_path.exists():
                path.unlink()
                continue
            text = head_path.read_text()
            latest = TreeHead.from_json(json.loads(text))
            temporary = self.root / f".latest.{os.getpid()}.tmp"
            temporary.write_text(text)
            os.replace(temporary, self.root / "latest.json")

    def _create(self, relative: Path, text: str, *, once: bool = False) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            if once:
                return
            raise HeadError(f"{relative} exists already: the log directory was altered") from None
        with os.fdopen(fd, "w") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
