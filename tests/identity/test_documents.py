"""Identity document numbers: known samples, single-character corruptions, and the properties
that the check-digit arithmetic guarantees (and only those).

The reference check computations here are written independently of the module, from the
defining property of each scheme rather than its weight tables, so a wrong weight in the module
cannot agree with them by construction.
"""

from __future__ import annotations

import string
from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from palm_customs.identity.documents import (
    DocumentNumberInvalid,
    mrz_check_digit,
    normalise_passport_number,
    parse_resident_id,
    parse_td3,
    parse_uscc,
)

TODAY = date(2025, 6, 1)

# --- independent references ----------------------------------------------------------------------


def _id_check(body: str) -> str:
    # ISO 7064 MOD 11-2: the full 18-character number, weighted 2**(17 - i) mod 11 with the
    # check as weight 1, sums to 1 mod 11. Solve for the check.
    partial = sum(int(c) * pow(2, 17 - i, 11) for i, c in enumerate(body))
    check = (1 - partial) % 11
    return "X" if check == 10 else str(check)


def _id_sum(number: str) -> int:
    return sum((10 if c == "X" else int(c)) * pow(2, 17 - i, 11) for i, c in enumerate(number))


USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def _uscc_check(body: str) -> str:
    # GB 32100: weights are 3**i mod 31 and the check makes the weighted sum 0 mod 31.
    partial = sum(USCC_CHARSET.index(c) * pow(3, i, 31) for i, c in enumerate(body))
    return USCC_CHARSET[-partial % 31]


def _uscc_sum(code: str) -> int:
    body = sum(USCC_CHARSET.index(c) * pow(3, i, 31) for i, c in enumerate(code[:17]))
    return body + USCC_CHARSET.index(code[17])


def _organisation_check(body: str) -> str:
    values = [string.digits.index(c) if c.isdigit() else ord(c) - ord("A") + 10 for c in body]
    check = 11 - sum(v * w for v, w in zip(values, (3, 7, 9, 10, 5, 8, 4, 2), strict=True)) % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def _mrz_value(c: str) -> int:
    return 0 if c == "<" else (string.digits + string.ascii_uppercase).index(c)


def _mrz_weight(i: int) -> int:
    return (7, 3, 1)[i % 3]


def _mrz_check(field: str) -> str:
    return str(sum(_mrz_value(c) * _mrz_weight(i) for i, c in enumerate(field)) % 10)


def _td3_line2(
    *,
    number: str = "L898902C3",
    nationality: str = "UTO",
    birth: str = "740812",
    sex: str = "F",
    expiry: str = "120415",
    personal: str = "ZE184226B<<<<<",
    personal_check: str | None = None,
) -> str:
    head = number + _mrz_check(number)
    dob = birth + _mrz_check(birth)
    tail = expiry + _mrz_check(expiry) + personal + (personal_check or _mrz_check(personal))
    return head + nationality + dob + sex + tail + _mrz_check(head + dob + tail)


def _raises(call: object) -> DocumentNumberInvalid:
    assert callable(call)
    with pytest.raises(DocumentNumberInvalid) as caught:
        call()
    return caught.value


# --- resident identity card ----------------------------------------------------------------------

# 1·7 + 1·9 + 0·10 + 1·5 + 0·8 + 5·4 + 1·2 + 9·1 + 4·6 + 9·3 + 1·7 + 2·9 + 3·10 + 1·5 + 0·8
# + 0·4 + 2·2 = 167; 167 mod 11 = 2; (12 - 2) mod 11 = 10, written X.
RESIDENT_ID = "11010519491231002X"


def test_the_published_sample_resident_id_is_a_woman_born_on_31_december_1949() -> None:
    # when
    parsed = parse_resident_id(RESIDENT_ID)

    # then
    assert parsed.number == RESIDENT_ID
    assert parsed.address_code == "110105"
    assert parsed.birth_date == date(1949, 12, 31)
    assert parsed.sequence == "002"
    assert parsed.sex == "F"
    assert _id_check(RESIDENT_ID[:17]) == "X"


def test_an_odd_sequence_number_is_a_man() -> None:
    body = "11010519491231001"
    assert parse_resident_id(body + _id_check(body)).sex == "M"


def test_a_lowercase_x_check_is_normalised_to_upper_case() -> None:
    assert parse_resident_id("11010519491231002x").number == RESIDENT_ID


def test_full_width_digits_and_surrounding_spaces_from_an_input_method_are_folded() -> None:
    assert parse_resident_id("　１１０１０５１９４９１２３１００２ｘ ").number == RESIDENT_ID


@pytest.mark.parametrize("position", range(18))
def test_every_single_character_change_of_the_sample_resident_id_is_refused(position: int) -> None:
    # given
    allowed = "0123456789X" if position == 17 else "0123456789"
    old = RESIDENT_ID[position]
    new = allowed[(allowed.index(old) + 1) % len(allowed)]
    changed = RESIDENT_ID[:position] + new + RESIDENT_ID[position + 1 :]

    # when
    error = _raises(lambda: parse_resident_id(changed))

    # then
    assert error.field == "resident_id"
    if not 6 <= position < 14:
        assert error.reason == "check_digit"


@pytest.mark.parametrize(
    "number", ["", "11010519491231002", "11010519491231002X1", "110105491231002"]
)
def test_a_resident_id_of_the_wrong_length_is_refused(number: str) -> None:
    error = _raises(lambda: parse_resident_id(number))
    assert (error.field, error.reason) == ("resident_id", "length")


@pytest.mark.parametrize(
    "number",
    # The last has an Arabic-Indic one (U+0661), which str.isdigit() would let through.
    ["1101051949123100XX", "11010519491231002A", "11010519491231002-", "1101051949\u0661231002X"],
)
def test_a_resident_id_with_a_letter_or_symbol_outside_the_check_is_refused(number: str) -> None:
    error = _raises(lambda: parse_resident_id(number))
    assert (error.field, error.reason) == ("resident_id", "charset")


@pytest.mark.parametrize(
    "birth", ["19990230", "19990431", "19001329", "19000229", "18991231", "20240102", "29990101"]
)
def test_an_impossible_early_or_future_birth_date_is_refused_even_with_a_right_check(
    birth: str,
) -> None:
    # given: 1900 was not a leap year; "today" is 2024-01-01
    body = "110105" + birth + "002"

    # when
    error = _raises(lambda: parse_resident_id(body + _id_check(body), today=date(2024, 1, 1)))

    # then
    assert (error.field, error.reason) == ("resident_id", "birth_date")


@pytest.mark.parametrize("birth", ["19000101", "20000229", "20240101"])
def test_birth_dates_on_the_boundaries_are_accepted(birth: str) -> None:
    body = "110105" + birth + "002"
    parsed = parse_resident_id(body + _id_check(body), today=date(2024, 1, 1))
    assert parsed.birth_date.strftime("%Y%m%d") == birth


def test_a_birth_date_centuries_ahead_is_refused_against_the_real_clock() -> None:
    body = "11010529990101002"
    assert _raises(lambda: parse_resident_id(body + _id_check(body))).reason == "birth_date"


_address = st.text(alphabet=string.digits, min_size=6, max_size=6)
_sequence = st.text(alphabet=string.digits, min_size=3, max_size=3)
_birth = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)


@st.composite
def _resident_ids(draw: st.DrawFn) -> str:
    body = draw(_address) + draw(_birth).strftime("%Y%m%d") + draw(_sequence)
    return body + _id_check(body)


@given(address=_address, birth=_birth, sequence=_sequence)
def test_any_body_with_a_real_date_and_its_computed_check_parses(
    address: str, birth: date, sequence: str
) -> None:
    # given
    body = address + birth.strftime("%Y%m%d") + sequence
    number = body + _id_check(body)

    # when
    parsed = parse_resident_id(number, today=TODAY)

    # then
    assert parsed.number == number
    assert _id_sum(parsed.number) % 11 == 1
    assert (parsed.address_code, parsed.birth_date) == (address, birth)
    assert parsed.sex == ("M" if int(sequence) % 2 else "F")


@given(number=_resident_ids(), position=st.integers(0, 17), data=st.data())
def test_any_single_substitution_in_a_resident_id_is_refused(
    number: str, position: int, data: st.DataObject
) -> None:
    # MOD 11-2 has weights that are units mod 11 and digit differences below 11, so every single
    # substitution changes the sum mod 11.
    allowed = "0123456789X" if position == 17 else string.digits
    new = data.draw(st.sampled_from(allowed).filter(lambda c: c != number[position]))
    changed = number[:position] + new + number[position + 1 :]

    error = _raises(lambda: parse_resident_id(changed, today=TODAY))

    if not 6 <= position < 14:
        assert error.reason == "check_digit"


@given(number=_resident_ids(), position=st.integers(0, 16))
def test_any_swap_of_two_different_adjacent_characters_in_a_resident_id_is_refused(
    number: str, position: int
) -> None:
    # Adjacent weights differ by a factor of 2, so (a - b)(w_i - w_i+1) is never 0 mod 11.
    a, b = number[position], number[position + 1]
    assume(a != b)
    swapped = number[:position] + b + a + number[position + 2 :]

    _raises(lambda: parse_resident_id(swapped, today=TODAY))


# --- unified social credit code ------------------------------------------------------------------

# Values 9,1,3,5,0,1,0,0,M=21,0,0,0,1,0,0,Y=30,4 times 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,
# 30,28 give 9+3+27+135+0+26+0+0+420+0+0+0+8+0+0+900+112 = 1640; 1640 mod 31 = 28; 31 - 28 = 3.
# Its organisation code M000100Y4: M=22·3 + 1·5 + Y=34·2 = 139; 139 mod 11 = 7; 11 - 7 = 4.
USCC = "91350100M000100Y43"
# Further real codes; each passes both independent checks, which a typo would hardly do.
REAL_USCCS = [USCC, "92141127MA0KD1Y64A", "12440600MB2C07549J", "91440300708461136T"]


@pytest.mark.parametrize("code", REAL_USCCS)
def test_real_social_credit_codes_parse_into_their_parts(code: str) -> None:
    # when
    parsed = parse_uscc(code)

    # then
    assert parsed.code == code
    assert parsed.registration_authority + parsed.entity_type == code[:2]
    assert parsed.division_code == code[2:8]
    assert parsed.organisation_code == code[8:17]
    assert _uscc_sum(code) % 31 == 0
    assert _organisation_check(code[8:16]) == code[16]


def test_a_lowercase_social_credit_code_is_normalised_to_upper_case() -> None:
    assert parse_uscc(" 91350100m000100y43 ").code == USCC


def test_an_example_code_circulating_with_a_wrong_check_character_is_refused() -> None:
    # 911100001000013428: the MOD 31 sum of the first 17 is 298 ≡ 19, so the check is C, not 8.
    assert _uscc_check("91110000100001342") == "C"
    error = _raises(lambda: parse_uscc("911100001000013428"))
    assert (error.field, error.reason) == ("uscc", "check_digit")


@pytest.mark.parametrize("position", range(18))
def test_every_single_character_change_of_a_real_social_credit_code_is_refused(
    position: int,
) -> None:
    # given
    allowed = string.digits if 2 <= position < 8 else USCC_CHARSET
    new = allowed[(allowed.index(USCC[position]) + 1) % len(allowed)]
    changed = USCC[:position] + new + USCC[position + 1 :]

    # when
    error = _raises(lambda: parse_uscc(changed))

    # then: the MOD 31 check comes first, so it is what catches a substitution
    assert (error.field, error.reason) == ("uscc", "check_digit")


@pytest.mark.parametrize("letter", ["I", "O", "Z", "S", "V", "i", "o"])
def test_the_letters_never_used_in_social_credit_codes_are_refused(letter: str) -> None:
    error = _raises(lambda: parse_uscc(USCC[:8] + letter + USCC[9:]))
    assert (error.field, error.reason) == ("uscc", "charset")


@pytest.mark.parametrize("code", ["", USCC[:17], USCC + "0", "91350100M000100Y4-", "9135010０"])
def test_a_social_credit_code_of_the_wrong_length_or_characters_is_refused(code: str) -> None:
    error = _raises(lambda: parse_uscc(code))
    assert error.reason == ("charset" if "-" in code else "length")


def test_a_letter_in_the_division_code_is_refused_even_with_a_right_check() -> None:
    body = "91A50100M000100Y4"
    error = _raises(lambda: parse_uscc(body + _uscc_check(body)))
    assert (error.field, error.reason) == ("uscc", "division_code")


def test_a_wrong_organisation_code_check_is_refused_even_when_the_mod_31_check_is_right() -> None:
    # given
    body = "91350100M000100Y5"
    code = body + _uscc_check(body)

    # when
    error = _raises(lambda: parse_uscc(code))

    # then
    assert (error.field, error.reason) == ("uscc", "organisation_code")


@st.composite
def _usccs(draw: st.DrawFn) -> str:
    head = draw(st.text(alphabet=USCC_CHARSET, min_size=2, max_size=2))
    division = draw(st.text(alphabet=string.digits, min_size=6, max_size=6))
    organisation = draw(st.text(alphabet=USCC_CHARSET, min_size=8, max_size=8))
    body = head + division + organisation + _organisation_check(organisation)
    return body + _uscc_check(body)


@given(code=_usccs())
def test_any_code_built_with_both_computed_checks_parses(code: str) -> None:
    assert parse_uscc(code).code == code
    assert _uscc_sum(code) % 31 == 0


@given(code=_usccs(), position=st.integers(0, 17), data=st.data())
def test_any_single_substitution_in_a_social_credit_code_is_refused(
    code: str, position: int, data: st.DataObject
) -> None:
    # 31 is prime and the weights 3**i are units mod 31; differences between values are below 31.
    new = data.draw(st.sampled_from(USCC_CHARSET).filter(lambda c: c != code[position]))
    _raises(lambda: parse_uscc(code[:position] + new + code[position + 1 :]))


@given(code=_usccs(), position=st.integers(0, 16))
def test_any_swap_of_two_different_adjacent_characters_in_a_social_credit_code_is_refused(
    code: str, position: int
) -> None:
    # Adjacent weights 3**i and 3**(i+1) differ by 2·3**i, and 28 vs the check's 1 by 27: all
    # units mod 31.
    a, b = code[position], code[position + 1]
    assume(a != b)
    _raises(lambda: parse_uscc(code[:position] + b + a + code[position + 2 :]))


# --- passport MRZ --------------------------------------------------------------------------------

LINE1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
LINE2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10"


def test_the_icao_specimen_passport_parses() -> None:
    # when
    passport = parse_td3(LINE1, LINE2, today=TODAY)

    # then
    assert passport.document_code == "P"
    assert passport.issuing_state == "UTO"
    assert passport.surname == "ERIKSSON"
    assert passport.given_names == "ANNA MARIA"
    assert passport.document_number == "L898902C3"
    assert passport.nationality == "UTO"
    assert passport.birth_date == date(1974, 8, 12)
    assert passport.sex == "F"
    assert passport.expiry_date == date(2012, 4, 15)
    assert passport.personal_number == "ZE184226B"
    assert _td3_line2() == LINE2


@pytest.mark.parametrize(
    ("field", "check"),
    [
        # L=21·7 + 8·3 + 9·1 + 8·7 + 9·3 + 0·1 + 2·7 + C=12·3 + 3·1 = 316
        ("L898902C3", "6"),
        ("740812", "2"),  # 49 + 12 + 0 + 56 + 3 + 2 = 122
        ("120415", "9"),
        ("ZE184226B<<<<<", "1"),
        ("L898902C3674081221204159ZE184226B<<<<<1", "0"),
        ("520727", "3"),  # ICAO 9303 Part 3 worked example
        ("AB2134<<<", "5"),  # ICAO 9303 Part 3 worked example
        ("", "0"),
    ],
)
def test_mrz_check_digits_match_the_icao_examples(field: str, check: str) -> None:
    assert mrz_check_digit(field) == check


@pytest.mark.parametrize("field", ["l898902c3", "L898902-C3", "L898902 C3"])
def test_an_mrz_field_outside_the_mrz_character_set_has_no_check_digit(field: str) -> None:
    error = _raises(lambda: mrz_check_digit(field))
    assert (error.field, error.reason) == ("format", "charset")


def _line2_field(position: int) -> str:
    if position < 10:
        return "document_number"
    if 13 <= position < 20:
        return "birth_date"
    if 21 <= position < 28:
        return "expiry_date"
    if 28 <= position < 43:
        return "personal_number"
    return "composite"


def _neighbour(c: str) -> str:
    # A value that differs by exactly 1 is always detected by the 7-3-1 weights mod 10.
    if c == "<":
        return "1"
    if c.isdigit():
        return str((int(c) + 1) % 10)
    return "Y" if c == "Z" else chr(ord(c) + 1)


CHECKED = [*range(10), *range(13, 20), *range(21, 44)]


@pytest.mark.parametrize("position", CHECKED)
def test_every_single_change_to_a_checked_mrz_character_names_its_field(position: int) -> None:
    # given
    changed = LINE2[:position] + _neighbour(LINE2[position]) + LINE2[position + 1 :]

    # when
    error = _raises(lambda: parse_td3(LINE1, changed, today=TODAY))

    # then
    assert error.field == _line2_field(position)


def test_nationality_and_sex_are_not_covered_by_any_check_digit() -> None:
    # given: ICAO leaves positions 11-13 and 21 of line 2 unchecked
    changed = LINE2[:10] + "UTP" + LINE2[13:20] + "M" + LINE2[21:]

    # when
    passport = parse_td3(LINE1, changed, today=TODAY)

    # then
    assert (passport.nationality, passport.sex) == ("UTP", "M")


def test_a_consistent_field_change_is_still_caught_by_the_composite() -> None:
    # given: document number and its own check rewritten together
    line2 = "L898902C4" + _mrz_check("L898902C4") + LINE2[10:]
    assert _mrz_check(line2[0:10] + line2[13:20] + line2[21:43]) != line2[43]

    # when
    error = _raises(lambda: parse_td3(LINE1, line2, today=TODAY))

    # then
    assert (error.field, error.reason) == ("composite", "check_digit")


@pytest.mark.parametrize("filler_check", ["<", "0"])
def test_an_absent_personal_number_may_carry_a_filler_or_zero_check(filler_check: str) -> None:
    line2 = _td3_line2(personal="<" * 14, personal_check=filler_check)
    assert parse_td3(LINE1, line2, today=TODAY).personal_number is None


@pytest.mark.parametrize(("personal", "personal_check"), [("ZE184226B<<<<<", "<"), ("<" * 14, "7")])
def test_a_filler_check_goes_only_with_an_absent_personal_number(
    personal: str, personal_check: str
) -> None:
    line2 = _td3_line2(personal=personal, personal_check=personal_check)
    assert _raises(lambda: parse_td3(LINE1, line2, today=TODAY)).field == "personal_number"


@pytest.mark.parametrize(
    ("birth", "expected"),
    [
        ("250601", date(2025, 6, 1)),
        ("250602", date(1925, 6, 2)),
        ("000229", date(2000, 2, 29)),
        ("991231", date(1999, 12, 31)),
    ],
)
def test_two_digit_birth_years_fall_in_the_hundred_years_up_to_today(
    birth: str, expected: date
) -> None:
    passport = parse_td3(LINE1, _td3_line2(birth=birth), today=TODAY)
    assert passport.birth_date == expected


def test_two_digit_expiry_years_are_in_this_century() -> None:
    passport = parse_td3(LINE1, _td3_line2(expiry="991231"), today=TODAY)
    assert passport.expiry_date == date(2099, 12, 31)


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"birth": "740230"}, "birth_date"), ({"expiry": "120431"}, "expiry_date")],
)
def test_an_impossible_date_is_refused_even_with_right_check_digits(
    changes: dict[str, str], field: str
) -> None:
    error = _raises(lambda: parse_td3(LINE1, _td3_line2(**changes), today=TODAY))
    assert (error.field, error.reason) == (field, "date")


@pytest.mark.parametrize(
    ("line1", "line2", "reason"),
    [
        (LINE1[:-1], LINE2, "length"),
        (LINE1, LINE2 + "<", "length"),
        (LINE1.lower(), LINE2, "charset"),
        (LINE1[:20] + "1" + LINE1[21:], LINE2, "charset"),
        (LINE1, LINE2[:37] + "-" + LINE2[38:], "charset"),
        ("V" + LINE1[1:], LINE2, "document_type"),
        (LINE1, _td3_line2(sex="Q"), "sex"),
    ],
)
def test_malformed_mrz_lines_are_refused_as_format_errors(
    line1: str, line2: str, reason: str
) -> None:
    error = _raises(lambda: parse_td3(line1, line2, today=TODAY))
    assert (error.field, error.reason) == ("format", reason)


def test_names_and_states_have_their_fillers_turned_into_spaces_or_stripped() -> None:
    # given
    line1 = "PDD<<VAN<DER<BERG<<JAN".ljust(44, "<")

    # when
    passport = parse_td3(line1, _td3_line2(number="C01X0006<", sex="<"), today=TODAY)

    # then
    assert (passport.document_code, passport.issuing_state) == ("PD", "D")
    assert (passport.surname, passport.given_names) == ("VAN DER BERG", "JAN")
    assert (passport.document_number, passport.sex) == ("C01X0006", None)


def test_a_name_without_a_separator_is_all_surname() -> None:
    passport = parse_td3("P<UTOERIKSSON".ljust(44, "<"), LINE2, today=TODAY)
    assert (passport.surname, passport.given_names) == ("ERIKSSON", "")


_mrz_fields = st.text(alphabet=string.digits + string.ascii_uppercase + "<", min_size=1)


@given(field=_mrz_fields, data=st.data())
def test_an_mrz_substitution_changes_the_check_exactly_when_its_value_change_is_not_0_mod_10(
    field: str, data: st.DataObject
) -> None:
    # The weights 7, 3, 1 are units mod 10, so the check changes iff the value change is
    # non-zero mod 10: '0'↔'A'↔'K'↔'U' and '<'↔'0' go unseen; digit-for-digit never does.
    position = data.draw(st.integers(0, len(field) - 1))
    new = data.draw(_mrz_fields.map(lambda s: s[0]).filter(lambda c: c != field[position]))
    changed = field[:position] + new + field[position + 1 :]

    detected = mrz_check_digit(changed) != mrz_check_digit(field)

    assert detected == ((_mrz_value(new) - _mrz_value(field[position])) % 10 != 0)


@given(field=st.text(alphabet=string.digits, min_size=1), data=st.data())
def test_any_digit_for_digit_substitution_changes_the_mrz_check(
    field: str, data: st.DataObject
) -> None:
    position = data.draw(st.integers(0, len(field) - 1))
    new = data.draw(st.sampled_from(string.digits).filter(lambda c: c != field[position]))
    assert mrz_check_digit(field[:position] + new + field[position + 1 :]) != mrz_check_digit(field)


@given(field=_mrz_fields.filter(lambda s: len(s) >= 2), data=st.data())
def test_an_mrz_adjacent_swap_changes_the_check_exactly_when_the_arithmetic_says(
    field: str, data: st.DataObject
) -> None:
    # Swapping a and b at i, i+1 shifts the sum by (a - b)(w_i+1 - w_i); the weight gaps are
    # 4, 2 and 6, so swaps of values congruent mod 5 go unseen. Only that is asserted.
    i = data.draw(st.integers(0, len(field) - 2))
    a, b = field[i], field[i + 1]
    swapped = field[:i] + b + a + field[i + 2 :]
    shift = (_mrz_value(a) - _mrz_value(b)) * (_mrz_weight(i + 1) - _mrz_weight(i))

    detected = mrz_check_digit(swapped) != mrz_check_digit(field)

    assert detected == (shift % 10 != 0)


_mrz_dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))


@given(
    number=st.text(alphabet=string.digits + string.ascii_uppercase, min_size=1, max_size=9),
    birth=st.dates(min_value=date(TODAY.year - 99, 1, 1), max_value=TODAY),
    expiry=_mrz_dates,
    sex=st.sampled_from("FMX"),
    personal=st.text(alphabet=string.digits + string.ascii_uppercase, max_size=14),
)
def test_any_line2_built_with_computed_checks_parses_back_to_its_fields(
    number: str, birth: date, expiry: date, sex: str, personal: str
) -> None:
    # given
    line2 = _td3_line2(
        number=number.ljust(9, "<"),
        birth=birth.strftime("%y%m%d"),
        sex=sex,
        expiry=expiry.strftime("%y%m%d"),
        personal=personal.ljust(14, "<"),
    )

    # when
    passport = parse_td3(LINE1, line2, today=TODAY)

    # then
    assert (passport.document_number, passport.birth_date) == (number, birth)
    assert (passport.expiry_date, passport.sex) == (expiry, sex)
    assert passport.personal_number == (personal or None)


# --- passport number without an MRZ --------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [
        ("e12345678", "E12345678"),
        (" EA1234567 ", "EA1234567"),
        ("ＥＡ１２３４５６７", "EA1234567"),
        ("12345", "12345"),
        ("A" * 17, "A" * 17),
    ],
)
def test_a_hand_typed_passport_number_is_normalised(typed: str, normalised: str) -> None:
    assert normalise_passport_number(typed) == normalised


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("1234", "length"),
        ("A" * 18, "length"),
        ("   ", "length"),
        ("E1234-567", "charset"),
        ("E1234 567", "charset"),
        ("E1234ß67", "charset"),
        ("E1234é67", "charset"),
    ],
)
def test_a_passport_number_of_the_wrong_length_or_characters_is_refused(
    typed: str, reason: str
) -> None:
    error = _raises(lambda: normalise_passport_number(typed))
    assert (error.field, error.reason) == ("passport_number", reason)
