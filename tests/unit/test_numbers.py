"""Numbers as the user's language writes them (SPEC §4): ``3,000`` is 3000 in English and 3 in Russian;
``1234.5``, ``1 234,5`` and ``1234,5`` read the same in both; a malformed grouping is refused with why."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkhats.domain.numbers import decide_mark, decimal_mark, parse_number, read_number, written_mark
from mkhats.errors import InputError
from mkhats.i18n import t
from mkhats.present.labels import format_exact

NBSP, NNBSP, THIN = "\u00a0", "\u202f", "\u2009"

# text, English reading, Russian reading
READINGS = [
    # The one text the languages read differently: a single comma before exactly three digits.
    ("3,000", 3000.0, 3.0),
    ("12,345", 12345.0, 12.345),
    ("-999,999", -999999.0, -999.999),
    # The same in both: a decimal point, a comma that cannot be a group, space and apostrophe groups.
    ("1234.5", 1234.5, 1234.5),
    ("1234,5", 1234.5, 1234.5),
    ("1,5", 1.5, 1.5),
    ("1,2345", 1.2345, 1.2345),
    ("1234,567", 1234.567, 1234.567),  # four digits before the comma: not a group
    ("0,500", 0.5, 0.5),  # a grouped number does not start with 0
    ("3 000", 3000.0, 3000.0),
    ("1 234,5", 1234.5, 1234.5),
    (f"1{NBSP}234,5", 1234.5, 1234.5),  # Excel in a Russian locale
    (f"1{NNBSP}234,5", 1234.5, 1234.5),  # narrow no-break space
    (f"1{THIN}234,5", 1234.5, 1234.5),
    ("1 234 567,89", 1234567.89, 1234567.89),
    ("1 234.5", 1234.5, 1234.5),
    ("1'234.5", 1234.5, 1234.5),  # Swiss grouping
    # Commas or points that can only be groups.
    ("1,234.5", 1234.5, 1234.5),
    ("1,234,567", 1234567.0, 1234567.0),
    ("1,234,567.89", 1234567.89, 1234567.89),
    ("1.234,5", 1234.5, 1234.5),
    ("1.234.567,89", 1234567.89, 1234567.89),
    # Signs, bare marks, exponents, whitespace.
    ("-3", -3.0, -3.0),
    ("\u22123", -3.0, -3.0),  # the minus sign mkhats itself prints
    ("\u22121 234,5", -1234.5, -1234.5),
    ("- 5", -5.0, -5.0),
    ("+5", 5.0, 5.0),
    ("0", 0.0, 0.0),
    ("-0", 0.0, 0.0),
    (".5", 0.5, 0.5),
    (",5", 0.5, 0.5),
    ("5.", 5.0, 5.0),
    ("5,", 5.0, 5.0),
    ("  42  ", 42.0, 42.0),
    ("\t42\n", 42.0, 42.0),
    ("1e3", 1000.0, 1000.0),
    ("1E-2", 0.01, 0.01),
    ("1,5e3", 1500.0, 1500.0),
    ("1.7976931348623157e308", 1.7976931348623157e308, 1.7976931348623157e308),
]


@pytest.mark.parametrize(("text", "english", "russian"), READINGS)
def test_reads_as_each_language_writes(text: str, english: float, russian: float) -> None:
    assert parse_number(text, lang="en") == pytest.approx(english, rel=1e-15)
    assert parse_number(text, lang="ru") == pytest.approx(russian, rel=1e-15)


# text, why (the catalogue key): refused the same in both languages
REFUSALS = [
    ("1,2,3", "error.number.groups"),
    ("1,234,5", "error.number.groups"),
    ("12,34.5", "error.number.groups"),
    ("1 23", "error.number.groups"),
    ("1 2345", "error.number.groups"),
    ("1234 567", "error.number.groups"),
    ("1,,234", "error.number.groups"),
    ("1.2,3", "error.number.groups"),
    ("1'23", "error.number.groups"),
    ("1 234,567.5", "error.number.mixed"),
    ("1'234 567", "error.number.mixed"),
    ("1.2.3", "error.number.marks"),
    ("1.234.567", "error.number.marks"),  # a point is a decimal mark unless a comma follows
    ("1.2.3,4,5", "error.number.marks"),
    ("1,5.3,4", "error.number.marks"),
    ("1.234 5", "error.number.marks"),
    ("", "error.number"),
    ("   ", "error.number"),
    ("abc", "error.number"),
    ("12abc", "error.number"),
    ("1e999", "error.number"),  # parses to infinity: refused
    ("-1e999", "error.number"),
    ("nan", "error.number"),
    ("NaN", "error.number"),
    ("inf", "error.number"),
    ("-inf", "error.number"),
    ("Infinity", "error.number"),
    ("12.5%", "error.number"),
    ("$100", "error.number"),
    ("100 ₽", "error.number"),
    ("0x10", "error.number"),
    ("1_000", "error.number"),
    ("--3", "error.number"),
    ("3-", "error.number"),
    ("-", "error.number"),
    (".", "error.number"),
    (",", "error.number"),
    ("1e", "error.number"),
    ("e5", "error.number"),
    ("'1", "error.number"),
    ("1'", "error.number"),
    ("١٢", "error.number"),  # Arabic-Indic digits
]


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize(("text", "key"), REFUSALS)
def test_refuses_with_the_reason(text: str, key: str, lang: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_number(text, "Value", lang=lang)
    assert caught.value.key == key
    assert caught.value.params == {"field": "Value", "value": text.strip()}
    assert caught.value.exit_code == 2


@pytest.mark.parametrize(
    ("lang", "text", "sentence"),
    [
        ("en", "1,2,3", "Value: in “1,2,3” every group of thousands must have three digits."),
        ("en", "1 234,567.5", "Value: “1 234,567.5” mixes two kinds of thousands separators."),
        ("en", "1.2.3", "Value: “1.2.3” has more than one decimal mark, or a separator after it."),
        ("en", "abc", "Value: “abc” is not a number (write 1234.5 or 1,234.5)."),
        ("ru", "1 23", "Value: в «1 23» в каждой группе разрядов должно быть три цифры."),
        ("ru", "abc", "Value: «abc» — не число (пишите 1234,5 или 1 234,5)."),
    ],
)
def test_the_reason_is_one_sentence_in_the_language(lang: str, text: str, sentence: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_number(text, "Value", lang=lang)
    assert t(caught.value.key, lang=lang, **caught.value.params) == sentence


def test_refuses_none() -> None:
    with pytest.raises(InputError):
        parse_number(None, lang="en")  # type: ignore[arg-type]


def test_the_decimal_mark_of_each_language() -> None:
    assert (decimal_mark("en"), decimal_mark("ru"), decimal_mark("xx")) == (".", ",", ".")
    assert read_number("3,000", "value", ".") == 3000.0
    assert read_number("3,000", "value", ",") == 3.0


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("1234.5", "."),
        ("1,234.5", "."),
        ("1,234,567", "."),
        ("1234,5", ","),
        ("1 234,5", ","),
        ("1.234,5", ","),
        ("1,5", ","),
        ("3,000", None),  # either
        ("1500", None),
        ("1 500", None),
        ("1,2,3", None),  # malformed: its row says so
        ("abc", None),
    ],
)
def test_written_mark(text: str, mark: str | None) -> None:
    assert written_mark(text) == mark


@pytest.mark.parametrize(
    ("cells", "lang", "mark", "against"),
    [
        ({2: "3,000", 3: "1500"}, "en", ".", {}),  # nothing decides: the language's convention
        ({2: "3,000", 3: "1500"}, "ru", ",", {}),
        ({2: "3,000", 3: "1234,5"}, "en", ",", {}),  # a decimal comma decides, even in English
        ({2: "3,000", 3: "12.5"}, "ru", ".", {}),  # a decimal point decides, even in Russian
        ({2: "1,234.5", 3: "3,000"}, "ru", ".", {}),
        ({2: "1234.5", 3: "2.5", 4: "1234,5"}, "ru", ".", {4: (2, 3)}),  # the fewer rows are wrong
        ({2: "1234.5", 3: "1234,5"}, "en", ".", {3: (2,)}),  # a tie: the language's mark wins
        ({2: "1234.5", 3: "1234,5"}, "ru", ",", {2: (3,)}),
    ],
)
def test_a_file_decides_its_decimal_mark_once(cells, lang, mark, against) -> None:
    decision = decide_mark(cells, lang)
    assert (decision.mark, decision.against) == (mark, against)


@settings(max_examples=300, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False), st.sampled_from(["en", "ru"]))
def test_round_trips_repr_of_any_finite_float(x: float, lang: str) -> None:
    assert parse_number(repr(x), lang=lang) == x


@settings(max_examples=300, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False), st.sampled_from(["en", "ru"]))
def test_reads_back_what_it_prints(x: float, lang: str) -> None:
    """The English UI prints what it parses: an echoed number reads back to itself."""
    assert parse_number(format_exact(x, lang), lang=lang) == x


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=-(10**12), max_value=10**12), st.sampled_from(["en", "ru"]))
def test_reads_grouped_integers(n: int, lang: str) -> None:
    assert parse_number(f"{n:,}".replace(",", NBSP), lang=lang) == n
    assert parse_number(f"{n:,}".replace(",", " "), lang=lang) == n
    half = -0.5 if n < 0 else 0.5
    assert parse_number(f"{n:,}.5", lang=lang) == n + half  # "1,234.5": commas group, the point is decimal
    if abs(n) >= 1000:
        assert parse_number(f"{n:,}", lang="en") == n  # "3,000" in English


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.sampled_from(["en", "ru"]))
def test_arbitrary_text_gives_a_finite_number_or_input_error(text: str, lang: str) -> None:
    try:
        value = parse_number(text, lang=lang)
    except InputError:
        return
    assert isinstance(value, float)
    assert math.isfinite(value)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789,. -+eE'\u00a0\u202f\u2212", max_size=25))
def test_languages_differ_only_on_a_lone_comma_group(text: str) -> None:
    """Either both languages refuse, or both read the same number, unless the text is ``N,NNN``."""
    readings = []
    for lang in ("en", "ru"):
        try:
            readings.append(parse_number(text, lang=lang))
        except InputError as error:
            readings.append(error.key)
    if readings[0] != readings[1]:
        assert text.count(",") == 1 and "." not in text
        assert written_mark(text) is None
