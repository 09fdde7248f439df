"""RFC 6962 / RFC 9162 Merkle trees: hashes, compact ranges, and inclusion and consistency
proofs (generation and verification). Pure functions over 32-byte SHA-256 hashes; tested
against transparency-dev/merkle's vectors (tests/core/merkle_vectors.json)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

HASH_SIZE = 32
EMPTY_ROOT = hashlib.sha256(b"").digest()


class ProofError(ValueError):
    """A proof does not prove what it claims."""


def leaf_hash(data: bytes) -> bytes:
    """MTH of a one-leaf tree: SHA-256(0x00 || data)."""
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def _split(n: int) -> int:
    """The largest power of two smaller than n (n > 1)."""
    return 1 << ((n - 1).bit_length() - 1)


class CompactRange:
    """The roots of the perfect subtrees covering leaves [0, size), largest first: enough to
    append leaves and compute the root without the leaves themselves (Trillian's compact
    range, anchored at 0)."""

    def __init__(self, size: int = 0, hashes: Sequence[bytes] = ()) -> None:
        if len(hashes) != bin(size).count("1"):
            raise ProofError("a compact range of this size has another number of hashes")
        self.size = size
        self._hashes = list(hashes)

    @property
    def hashes(self) -> list[bytes]:
        return list(self._hashes)

    def append(self, leaf: bytes) -> None:
        hashes = self._hashes
        hashes.append(leaf)
        size = self.size
        # Each trailing 1 bit of the old size is a perfect subtree the new one completes.
        while size & 1:
            right = hashes.pop()
            left = hashes.pop()
            hashes.append(node_hash(left, right))
            size >>= 1
        self.size += 1

    def root(self) -> bytes:
        if not self._hashes:
            return EMPTY_ROOT
        acc = self._hashes[-1]
        for left in reversed(self._hashes[:-1]):
            acc = node_hash(left, acc)
        return acc


def root(leaves: Sequence[bytes]) -> bytes:
    """MTH(D[n]) of the given leaf hashes."""
    compact = CompactRange()
    for leaf in leaves:
        compact.append(leaf)
    return compact.root()


class Tree:
    """Every level of a tree over the given leaf hashes, so that any subtree hash, and so any
    proof, costs O(log² n) instead of rehashing the leaves."""

    def __init__(self, leaves: Sequence[bytes]) -> None:
        self.size = len(leaves)
        self._levels: list[list[bytes]] = [list(leaves)]
        level = self._levels[0]
        while len(level) > 1:
            level = [node_hash(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
            self._levels.append(level)

    def range_hash(self, lo: int, hi: int) -> bytes:
        """MTH of leaves [lo, hi), where lo is a multiple of the subtree's power-of-two."""
        n = hi - lo
        if n == 0:
            return EMPTY_ROOT
        if n & (n - 1) == 0:
            height = n.bit_length() - 1
            return self._levels[height][lo >> height]
        k = _split(n)
        return node_hash(self.range_hash(lo, lo + k), self.range_hash(lo + k, hi))

    def root(self, size: int | None = None) -> bytes:
        return self.range_hash(0, self.size if size is None else size)

    def _path(self, index: int, lo: int, hi: int) -> list[bytes]:
        if hi - lo == 1:
            return []
        k = _split(hi - lo)
        if index < lo + k:
            return [*self._path(index, lo, lo + k), self.range_hash(lo + k, hi)]
        return [*self._path(index, lo + k, hi), self.range_hash(lo, lo + k)]

    def inclusion_proof(self, index: int, size: int | None = None) -> list[bytes]:
        """PATH(m, D[n]) of RFC 6962 section 2.1.1."""
        size = self.size if size is None else size
        if not 0 <= index < size <= self.size:
            raise ProofError("leaf index outside the tree")
        return self._path(index, 0, size)

    def _subproof(self, m: int, lo: int, hi: int, complete: bool) -> list[bytes]:
        if lo + m == hi:
            return [] if complete else [self.range_hash(lo, hi)]
        k = _split(hi - lo)
        if m <= k:
            return [*self._subproof(m, lo, lo + k, complete), self.range_hash(lo + k, hi)]
        return [*self._subproof(m - k, lo + k, hi, False), self.range_hash(lo, lo + k)]

    def consistency_proof(self, size1: int, size2: int | None = None) -> list[bytes]:
        """PROOF(m, D[n]) of RFC 6962 section 2.1.2: the tree of the first `size1` leaves is
        a prefix of the tree of the first `size2`."""
        size2 = self.size if size2 is None else size2
        if not 0 < size1 <= size2 <= self.size:
            raise ProofError("consistency is proved from a non-empty prefix")
        return self._subproof(size1, 0, size2, True)


def inclusion_proof(index: int, leaves: Sequence[bytes]) -> list[bytes]:
    return Tree(leaves).inclusion_proof(index)


def consistency_proof(size1: int, leaves: Sequence[bytes]) -> list[bytes]:
    return Tree(leaves).consistency_proof(size1)


def verify_inclusion(
    *, index: int, size: int, leaf: bytes, proof: Sequence[bytes], root_hash: bytes
) -> None:
    """RFC 9162 section 2.1.3.2; raises ProofError unless the proof holds."""
    if index >= size or index < 0:
        raise ProofError("leaf index outside the tree")
    if len(leaf) != HASH_SIZE:
        raise ProofError("leaf hash of the wrong size")
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if len(p) != HASH_SIZE:
            raise ProofError("proof hash of the wrong size")
        if sn == 0:
            raise ProofError("proof too long")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise ProofError("proof too short")
    if r != root_hash:
        raise ProofError("computed root differs")


def verify_consistency(
    *, size1: int, size2: int, proof: Sequence[bytes], root1: bytes, root2: bytes
) -> None:
    """RFC 9162 section 2.1.4.2; raises ProofError unless the proof holds."""
    if size1 < 0 or size2 < size1:
        raise ProofError("the second tree is smaller than the first")
    if size1 == 0:
        raise ProofError("consistency with the empty tree proves nothing")
    if size1 == size2:
        if proof:
            raise ProofError("equal trees need an empty proof")
        if root1 != root2:
            raise ProofError("equal trees with different roots")
        return
    if not proof:
        raise ProofError("empty proof")
    if any(len(p) != HASH_SIZE for p in proof):
        raise ProofError("proof hash of the wrong size")
    path = list(proof)
    if size1 & (size1 - 1) == 0:
        path.insert(0, root1)
    fn, sn = size1 - 1, size2 - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            raise ProofError("proof too long")
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise ProofError("proof too short")
    if fr != root1 or sr != root2:
        raise ProofError("computed roots differ")
