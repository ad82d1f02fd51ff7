"""Numbers as people type them and spreadsheets save them (SPEC §4: ``1234.5``, ``1 234,5``, ``1234,5``)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkhats.domain.numbers import parse_number
from mkhats.errors import InputError

NBSP, NNBSP, THIN = "\u00a0", "\u202f", "\u2009"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1234.5", 1234.5),
        ("1234,5", 1234.5),
        ("1 234,5", 1234.5),
        (f"1{NBSP}234,5", 1234.5),  # Excel in a Russian locale
        (f"1{NNBSP}234,5", 1234.5),  # narrow no-break space
        (f"1{THIN}234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("1.234,5", 1234.5),
        ("1'234.5", 1234.5),  # Swiss grouping
        ("1,234,567", 1234567.0),  # a repeated comma groups thousands
        ("1,234,567.89", 1234567.89),
        ("1.234.567,89", 1234567.89),
        ("1 234 567,89", 1234567.89),
        ("1,234", 1.234),  # a lone comma is a decimal comma (documented)
        ("-3", -3.0),
        ("\u22123", -3.0),  # the minus sign mkhats itself prints
        ("+5", 5.0),
        ("0", 0.0),
        (".5", 0.5),
        ("5.", 5.0),
        ("  42  ", 42.0),
        ("\t42\n", 42.0),
        ("1e3", 1000.0),
        ("1E-2", 0.01),
        ("-1 234,5", -1234.5),
        ("1.7976931348623157e308", 1.7976931348623157e308),
    ],
)
def test_accepts(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value, rel=1e-15)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "12abc",
        "1e999",  # parses to infinity: refused
        "-1e999",
        "nan",
        "NaN",
        "inf",
        "-inf",
        "Infinity",
        "12.5%",
        "$100",
        "100 ₽",
        "0x10",
        "1_000",
        "1.2.3,4,5",
        "--3",
        "3-",
        "-",
        ".",
        ",",
        "1e",
        "e5",
    ],
)
def test_refuses(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_number(text)
    assert caught.value.key == "error.number"
    assert caught.value.params == {"field": "value", "value": text.strip()}


def test_refuses_none() -> None:
    with pytest.raises(InputError):
        parse_number(None)  # type: ignore[arg-type]


def test_error_names_the_field() -> None:
    with pytest.raises(InputError) as caught:
        parse_number(" x ", field="threshold")
    assert caught.value.params == {"field": "threshold", "value": "x"}
    assert caught.value.exit_code == 2


@settings(max_examples=300, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_round_trips_repr_of_any_finite_float(x: float) -> None:
    assert parse_number(repr(x)) == x


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_reads_grouped_integers(n: int) -> None:
    assert parse_number(f"{n:,}".replace(",", NBSP)) == n
    assert parse_number(f"{n:,}".replace(",", " ")) == n
    half = -0.5 if n < 0 else 0.5
    assert parse_number(f"{n:,}.5") == n + half  # "1,234.5": commas group, the dot is decimal


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_arbitrary_text_gives_a_finite_number_or_input_error(text: str) -> None:
    try:
        value = parse_number(text)
    except InputError:
        return
    assert isinstance(value, float)
    assert math.isfinite(value)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789,. -+eE'\u00a0\u202f\u2212", max_size=25))
def test_number_like_text_gives_a_finite_number_or_input_error(text: str) -> None:
    try:
        value = parse_number(text)
    except InputError:
        return
    assert math.isfinite(value)
