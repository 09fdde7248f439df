"""PDF actions are allow-listed (issue #11): only a jump within the document passes; /URI,
/GoToR and any type nobody listed are refused, wherever the action sits."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from palm_customs.documents.errors import DocumentErrorCode, DocumentProblem
from palm_customs.documents.safety import make_safe


def _pdf(place: str, action: DictionaryObject | ArrayObject) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    if place == "open":
        writer._root_object[NameObject("/OpenAction")] = action
    elif place == "page_aa":
        writer.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): action})
    elif place == "link":
        link = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Link"),
                NameObject("/Rect"): ArrayObject([NumberObject(0)] * 4),
                NameObject("/A"): action,
            }
        )
        writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(link)])
    elif place == "structure":
        writer._root_object[NameObject("/StructTreeRoot")] = action
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _action(kind: str, **entries: str) -> DictionaryObject:
    action = DictionaryObject({NameObject("/S"): NameObject(kind)})
    for key, value in entries.items():
        action[NameObject(f"/{key}")] = TextStringObject(value)
    return action


@pytest.mark.parametrize("place", ["open", "page_aa", "link"])
@pytest.mark.parametrize(
    "action",
    [
        _action("/URI", URI="https://evil.example/x"),
        _action("/GoToR", F="other.pdf"),
        _action("/Hide", T="field"),
        _action("/SomethingInvented"),
    ],
    ids=["uri", "gotor", "hide", "invented"],
)
def test_any_action_but_a_jump_within_the_document_is_refused(
    place: str, action: DictionaryObject
) -> None:
    with pytest.raises(DocumentProblem) as refused:
        make_safe(_pdf(place, action))
    assert refused.value.error_code is DocumentErrorCode.PDF_ACTIVE_CONTENT


def test_a_jump_within_the_document_and_a_plain_destination_are_kept() -> None:
    jump = _action("/GoTo")
    jump[NameObject("/D")] = ArrayObject([NumberObject(0), NameObject("/Fit")])
    for data in (_pdf("link", jump), _pdf("open", ArrayObject([NumberObject(0)]))):
        assert make_safe(data).pages == 1


def test_a_structure_element_named_like_an_action_type_is_not_an_action() -> None:
    element = DictionaryObject(
        {NameObject("/Type"): NameObject("/StructTreeRoot"), NameObject("/S"): NameObject("/P")}
    )
    assert make_safe(_pdf("structure", element)).pages == 1
