"""RFC 6962 / 9162 Merkle trees against transparency-dev/merkle's published vectors."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from palm_customs.core import merkle

VECTORS: dict[str, Any] = json.loads((Path(__file__).parent / "merkle_vectors.json").read_text())
LEAVES = [merkle.leaf_hash(bytes.fromhex(x)) for x in VECTORS["leaf_inputs"]]


def _b(value: str | None) -> bytes:
    return base64.b64decode(value) if value else b""


def _proof(probe: dict[str, Any]) -> list[bytes]:
    return [_b(p) for p in probe.get("proof") or []]


@pytest.mark.parametrize("size", range(len(VECTORS["roots"])))
def test_root_of_each_prefix_matches_the_reference(size: int) -> None:
    assert merkle.root(LEAVES[:size]).hex() == VECTORS["roots"][size]


@pytest.mark.parametrize("probe", VECTORS["inclusion"], ids=lambda p: p["file"])
def test_inclusion_probes_verify_exactly_when_the_reference_says(probe: dict[str, Any]) -> None:
    # when
    try:
        merkle.verify_inclusion(
            index=probe["leafIdx"],
            size=probe["treeSize"],
            leaf=_b(probe["leafHash"]),
            proof=_proof(probe),
            root_hash=_b(probe["root"]),
        )
        failed = False
    except merkle.ProofError:
        failed = True
    # then
    assert failed is probe["wantErr"], probe["desc"]


@pytest.mark.parametrize("probe", VECTORS["consistency"], ids=lambda p: p["file"])
def test_consistency_probes_verify_exactly_when_the_reference_says(probe: dict[str, Any]) -> None:
    try:
        merkle.verify_consistency(
            size1=probe["size1"],
            size2=probe["size2"],
            proof=_proof(probe),
            root1=_b(probe["root1"]),
            root2=_b(probe["root2"]),
        )
        failed = False
    except merkle.ProofError:
        failed = True
    assert failed is probe["wantErr"], probe["desc"]


def test_generated_proofs_match_the_reference_happy_paths() -> None:
    for probe in VECTORS["inclusion"]:
        if probe["wantErr"] or probe["treeSize"] > len(LEAVES) or probe["desc"] != "happy path":
            continue
        leaves = LEAVES[: probe["treeSize"]]
        if merkle.root(leaves) != _b(probe["root"]):
            continue
        assert merkle.inclusion_proof(probe["leafIdx"], leaves) == _proof(probe)
    for probe in VECTORS["consistency"]:
        if probe["wantErr"] or probe["size2"] > len(LEAVES) or probe["desc"] != "happy path":
            continue
        assert merkle.consistency_proof(probe["size1"], LEAVES[: probe["size2"]]) == _proof(probe)


@pytest.mark.parametrize("size", range(1, 40))
def test_every_generated_proof_verifies_and_a_flipped_leaf_does_not(size: int) -> None:
    leaves = [merkle.leaf_hash(str(i).encode()) for i in range(size)]
    top = merkle.root(leaves)
    for index in range(size):
        proof = merkle.inclusion_proof(index, leaves)
        merkle.verify_inclusion(
            index=index, size=size, leaf=leaves[index], proof=proof, root_hash=top
        )
        with pytest.raises(merkle.ProofError):
            merkle.verify_inclusion(
                index=index, size=size, leaf=merkle.leaf_hash(b"x"), proof=proof, root_hash=top
            )
    for size1 in range(1, size + 1):
        proof = merkle.consistency_proof(size1, leaves)
        merkle.verify_consistency(
            size1=size1, size2=size, proof=proof, root1=merkle.root(leaves[:size1]), root2=top
        )
