"""ISO weeks, months and quarters (SPEC §1 Week): keys at year boundaries, arithmetic, parsing."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkhats.domain.weeks import (
    add_days,
    add_months,
    last_weeks,
    month_key,
    months_between,
    parse_day,
    parse_week,
    period_key,
    quarter_key,
    shift_week,
    week_days,
    week_key,
    week_start,
    weeks_in_year,
)
from mkhats.errors import InputError


@pytest.mark.parametrize(
    ("day", "key"),
    [
        (date(2026, 11, 23), "2026-W48"),  # Monday
        (date(2026, 11, 29), "2026-W48"),  # Sunday
        (date(2020, 12, 31), "2020-W53"),
        (date(2021, 1, 3), "2020-W53"),  # Sunday of 2020-W53, calendar year 2021
        (date(2021, 1, 4), "2021-W01"),
        (date(2026, 12, 28), "2026-W53"),
        (date(2026, 12, 31), "2026-W53"),
        (date(2027, 1, 1), "2026-W53"),  # strftime("%Y-W%V") would say 2027-W53
        (date(2027, 1, 3), "2026-W53"),
        (date(2027, 1, 4), "2027-W01"),
        (date(2024, 12, 30), "2025-W01"),  # calendar year 2024, ISO year 2025
        (date(2025, 1, 1), "2025-W01"),
        (date(2026, 1, 1), "2026-W01"),  # a Thursday: W01 starts 29 Dec 2025
        (date(2025, 12, 29), "2026-W01"),
        (date(2025, 12, 28), "2025-W52"),
    ],
)
def test_week_key_at_year_boundaries(day: date, key: str) -> None:
    assert week_key(day) == key


def test_week_key_is_not_strftime() -> None:
    assert date(2027, 1, 1).strftime("%Y-W%V") == "2027-W53"  # the trap SPEC §1 warns about
    assert week_key(date(2027, 1, 1)) == "2026-W53"


@pytest.mark.parametrize(
    ("year", "weeks"),
    [(2020, 53), (2021, 52), (2024, 52), (2025, 52), (2026, 53), (2027, 52), (2015, 53), (2032, 53)],
)
def test_weeks_in_year(year: int, weeks: int) -> None:
    assert weeks_in_year(year) == weeks


@pytest.mark.parametrize(
    ("key", "monday"),
    [
        ("2026-W48", date(2026, 11, 23)),
        ("2026-W01", date(2025, 12, 29)),
        ("2026-W53", date(2026, 12, 28)),
        ("2027-W01", date(2027, 1, 4)),
        ("2020-W53", date(2020, 12, 28)),
        ("2025-W01", date(2024, 12, 30)),
    ],
)
def test_week_start(key: str, monday: date) -> None:
    assert week_start(key) == monday
    assert week_start(key).weekday() == 0


@pytest.mark.parametrize(
    ("key", "error"),
    [
        ("2027-W53", "error.week_missing"),
        ("2025-W53", "error.week_missing"),
        ("2026-W54", "error.week_missing"),
        ("2026-W00", "error.week_missing"),
        ("2026-W1", "error.week_format"),
        ("2026W48", "error.week_format"),
        ("2026-w48", "error.week_format"),
        ("26-W48", "error.week_format"),
        ("2026-W48 ", "error.week_format"),
        ("2026-48", "error.week_format"),
        ("", "error.week_format"),
        ("week", "error.week_format"),
    ],
)
def test_week_start_refuses_bad_keys(key: str, error: str) -> None:
    with pytest.raises(InputError) as caught:
        week_start(key)
    assert caught.value.key == error
    assert caught.value.params == {"value": key}


def test_week_start_refuses_none() -> None:
    with pytest.raises(InputError):
        week_start(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["2027-W53", "2026-W1", ""])
def test_week_days_and_shift_refuse_bad_keys(bad: str) -> None:
    with pytest.raises(InputError):
        week_days(bad)
    with pytest.raises(InputError):
        shift_week(bad, 1)


def test_week_days_of_w53_cross_the_year() -> None:
    days = week_days("2026-W53")
    assert days == [date(2026, 12, 28) + timedelta(days=i) for i in range(7)]
    assert days[-1] == date(2027, 1, 3)
    assert date(2026, 12, 31) in days and date(2027, 1, 1) in days
    assert all(type(d) is date for d in days)  # plain dates, not pendulum subclasses


def test_week_days_of_first_week_start_in_previous_year() -> None:
    assert week_days("2025-W01")[0] == date(2024, 12, 30)
    assert week_days("2025-W01")[-1] == date(2025, 1, 5)


@pytest.mark.parametrize(
    ("key", "n", "expected"),
    [
        ("2026-W48", 0, "2026-W48"),
        ("2026-W48", 1, "2026-W49"),
        ("2026-W52", 1, "2026-W53"),
        ("2026-W52", 2, "2027-W01"),
        ("2026-W53", 1, "2027-W01"),
        ("2027-W01", -1, "2026-W53"),
        ("2027-W01", -2, "2026-W52"),
        ("2025-W52", 1, "2026-W01"),
        ("2026-W01", -1, "2025-W52"),
        ("2021-W01", -1, "2020-W53"),
        ("2026-W48", 52, "2027-W47"),  # 2026 has 53 weeks
        ("2026-W48", -104, "2024-W48"),
    ],
)
def test_shift_week(key: str, n: int, expected: str) -> None:
    assert shift_week(key, n) == expected


@pytest.mark.parametrize(
    ("key", "count", "expected"),
    [
        ("2026-W48", 1, ["2026-W48"]),
        ("2026-W48", 3, ["2026-W46", "2026-W47", "2026-W48"]),
        ("2027-W02", 4, ["2026-W52", "2026-W53", "2027-W01", "2027-W02"]),
        ("2026-W48", 0, []),
    ],
)
def test_last_weeks(key: str, count: int, expected: list[str]) -> None:
    assert last_weeks(key, count) == expected


def test_last_weeks_has_no_gaps_over_13_weeks_across_w53() -> None:
    keys = last_weeks("2027-W05", 13)
    assert len(keys) == 13 and len(set(keys)) == 13
    assert keys[-1] == "2027-W05"
    assert "2026-W53" in keys
    starts = [week_start(k) for k in keys]
    assert all(b - a == timedelta(days=7) for a, b in itertools.pairwise(starts))


@pytest.mark.parametrize(
    ("day", "month", "quarter"),
    [
        (date(2026, 1, 1), "2026-01", "2026-Q1"),
        (date(2026, 3, 31), "2026-03", "2026-Q1"),
        (date(2026, 4, 1), "2026-04", "2026-Q2"),
        (date(2026, 6, 30), "2026-06", "2026-Q2"),
        (date(2026, 7, 1), "2026-07", "2026-Q3"),
        (date(2026, 9, 30), "2026-09", "2026-Q3"),
        (date(2026, 10, 1), "2026-10", "2026-Q4"),
        (date(2026, 11, 23), "2026-11", "2026-Q4"),
        (date(2026, 12, 31), "2026-12", "2026-Q4"),
    ],
)
def test_month_and_quarter_keys(day: date, month: str, quarter: str) -> None:
    assert month_key(day) == month
    assert quarter_key(day) == quarter


@pytest.mark.parametrize(
    ("cadence", "day", "key"),
    [
        ("weekly", date(2026, 11, 23), "2026-W48"),
        ("monthly", date(2026, 11, 23), "2026-11"),
        ("quarterly", date(2026, 11, 23), "2026-Q4"),
        ("weekly", date(2027, 1, 1), "2026-W53"),
        ("monthly", date(2027, 1, 1), "2027-01"),
        ("quarterly", date(2027, 1, 1), "2027-Q1"),
    ],
)
def test_period_key_per_cadence(cadence: str, day: date, key: str) -> None:
    assert period_key(cadence, day) == key


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        (date(2026, 11, 5), date(2026, 11, 30), ["2026-11"]),
        (date(2026, 11, 30), date(2027, 2, 1), ["2026-11", "2026-12", "2027-01", "2027-02"]),
        (date(2026, 12, 31), date(2027, 1, 1), ["2026-12", "2027-01"]),
        (date(2026, 12, 1), date(2026, 11, 30), []),
    ],
)
def test_months_between(first: date, last: date, expected: list[str]) -> None:
    assert months_between(first, last) == expected


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2026, 3, 5), 3, date(2026, 6, 5)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2026, 1, 15), -1, date(2025, 12, 15)),
    ],
)
def test_add_months_clamps_to_month_end(day: date, months: int, expected: date) -> None:
    result = add_months(day, months)
    assert result == expected
    assert type(result) is date


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)), st.integers(-400, 400))
def test_date_arithmetic_agrees_with_pendulum(day: date, n: int) -> None:
    # The arithmetic is the standard library's (pendulum cost every command its import); pendulum,
    # which SPEC §1 names for week arithmetic, is the reference it must agree with.
    import pendulum

    start = pendulum.Date(day.year, day.month, day.day)
    assert add_months(day, n) == date(*start.add(months=n).timetuple()[:3])
    assert add_days(day, n) == date(*start.add(days=n).timetuple()[:3])
    key = week_key(day)
    monday = pendulum.Date(*week_start(key).timetuple()[:3])
    assert shift_week(key, n) == week_key(date(*monday.add(weeks=n).timetuple()[:3]))
    assert week_days(key) == [date(*monday.add(days=i).timetuple()[:3]) for i in range(7)]


def test_commands_do_not_import_pendulum() -> None:
    import subprocess
    import sys

    code = "import sys, mkhats.cli, mkhats.commands, mkhats.domain.snapshot; print('pendulum' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


@pytest.mark.parametrize(
    ("day", "n", "expected"),
    [
        (date(2026, 12, 31), 1, date(2027, 1, 1)),
        (date(2024, 2, 28), 1, date(2024, 2, 29)),
        (date(2026, 3, 1), -1, date(2026, 2, 28)),
        (date(2026, 11, 23), 0, date(2026, 11, 23)),
    ],
)
def test_add_days(day: date, n: int, expected: date) -> None:
    assert add_days(day, n) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-23", date(2026, 11, 23)),
        ("  2026-11-23\n", date(2026, 11, 23)),
        ("23.11.2026", date(2026, 11, 23)),
        ("1.2.2026", date(2026, 2, 1)),
        ("01.02.2026", date(2026, 2, 1)),
        ("29.02.2024", date(2024, 2, 29)),
        ("2024-02-29", date(2024, 2, 29)),
    ],
)
def test_parse_day_accepts(text: str, expected: date) -> None:
    assert parse_day(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "31.02.2026",
        "29.02.2026",
        "2026-02-31",
        "2026-13-01",
        "32.01.2026",
        "2026-1-5",
        "11/23/2026",
        "23.11.26",
        "2026-11-23T10:00",
        "20261123",
        "yesterday",
        "",
        "   ",
    ],
)
def test_parse_day_refuses(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_day(text)
    assert caught.value.key == "error.date_format"


def test_parse_day_refuses_none() -> None:
    with pytest.raises(InputError):
        parse_day(None)  # type: ignore[arg-type]


DAYS = st.dates(min_value=date(1900, 1, 8), max_value=date(2200, 12, 24))


@settings(max_examples=200, deadline=None)
@given(DAYS)
def test_every_day_is_in_the_days_of_its_week(day: date) -> None:
    key = week_key(day)
    days = week_days(key)
    assert day in days
    assert week_start(key) == days[0] == day - timedelta(days=day.weekday())
    assert all(week_key(d) == key for d in days)


@settings(max_examples=200, deadline=None)
@given(DAYS, st.integers(min_value=-300, max_value=300))
def test_shift_week_round_trips(day: date, n: int) -> None:
    key = week_key(day)
    shifted = shift_week(key, n)
    assert shift_week(shifted, -n) == key
    assert week_start(shifted) - week_start(key) == timedelta(weeks=n)


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=date(1970, 1, 1), max_value=date(2100, 12, 31)))
def test_parse_day_reads_both_forms_of_any_date(day: date) -> None:
    assert parse_day(day.isoformat()) == day
    assert parse_day(f"{day.day:02d}.{day.month:02d}.{day.year}") == day


@settings(max_examples=100, deadline=None)
@given(st.dates().filter(lambda d: not date(1970, 1, 1) <= d <= date(2100, 12, 31)))
def test_parse_day_refuses_dates_outside_1970_2100(day: date) -> None:
    # SPEC §5: far from the ends of ``date``, so no arithmetic around a typed date overflows.
    for text in (day.isoformat(), f"{day.day:02d}.{day.month:02d}.{day.year:04d}"):
        with pytest.raises(InputError) as raised:
            parse_day(text)
        assert raised.value.key == "error.date_range"


@pytest.mark.parametrize("text", ["1969-W52", "2101-W01", "9999-W52", "0001-W01", "0000-W01"])
def test_parse_week_refuses_years_outside_1970_2100(text: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_week(text)
    assert raised.value.key == "error.week_range"


@pytest.mark.parametrize("text", ["2026-W\uff101", "\uff12\uff10\uff12\uff16-W01", "2026-W\u0664\u0668"])
def test_digits_of_other_scripts_are_not_a_week(text: str) -> None:
    # int() reads full-width and Arabic-Indic digits; the key would be stored and printed as typed.
    for parse in (parse_week, week_start):
        with pytest.raises(InputError) as raised:
            parse(text)
        assert raised.value.key == "error.week_format"
    for bad_day in ("\uff12\uff10\uff12\uff16-01-05", "05.01.\uff12\uff10\uff12\uff16"):
        with pytest.raises(InputError):
            parse_day(bad_day)


def test_week_start_of_year_zero_is_a_refusal_not_a_crash() -> None:
    with pytest.raises(InputError) as raised:
        week_start("0000-W01")
    assert raised.value.key == "error.week_missing"


def test_parse_week_reads_the_edges() -> None:
    assert parse_week(" 1970-w01 ") == "1970-W01"
    assert parse_week("2100-W52") == "2100-W52"


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_month_and_weekday_names_are_pendulums(lang: str) -> None:
    # The catalogue holds CLDR's abbreviations so that printing a date needs no pendulum import.
    import pendulum

    from mkhats.present.labels import format_day, weekday_name

    for day in [date(2026, month, 3) for month in range(1, 13)] + [date(2026, 11, 23 + i) for i in range(7)]:
        p = pendulum.date(day.year, day.month, day.day)
        assert format_day(day, lang) == p.format("D MMM YYYY", locale=lang)
        assert format_day(day, lang, year=False) == p.format("D MMM", locale=lang)
        assert weekday_name(day, lang) == p.format("ddd", locale=lang)


def test_a_stored_week_key_in_other_digits_is_invalid() -> None:
    # A hand-edited or restored file: pydantic's \d took "2026-W０1" as a week key.
    from pydantic import TypeAdapter, ValidationError

    from mkhats.domain.models import MonthKey, WeekKey

    assert TypeAdapter(WeekKey).validate_python("2026-W01") == "2026-W01"
    for adapter, text in ((TypeAdapter(WeekKey), "2026-W\uff101"), (TypeAdapter(MonthKey), "\uff12026-01")):
        with pytest.raises(ValidationError):
            adapter.validate_python(text)
