"""Weekly hours per hat from the wear spans (SPEC §1 Wearing a hat)."""

from __future__ import annotations

from datetime import datetime

import pytest

from mkhats.domain.hours import CMO_BAND, week_hours
from mkhats.domain.models import WearSpan

WEEK = "2026-W48"  # Monday 23 Nov 00:00 to Monday 30 Nov 00:00


def span(hat: str, start: datetime, end: datetime | None) -> WearSpan:
    return WearSpan(hat=hat, person="Me", start=start, end=end)


def at(day: int, hour: float = 0, month: int = 11) -> datetime:
    whole = int(hour)
    return datetime(2026, month, day, whole, round((hour - whole) * 60))


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([], {}),
        ([span("cmo", at(24, 9), at(24, 11))], {"cmo": 2.0}),
        ([span("cmo", at(24, 9), at(24, 9.5))], {"cmo": 0.5}),
        # several spans of one hat add up; several hats are kept apart
        (
            [
                span("cmo", at(24, 9), at(24, 11)),
                span("crm", at(24, 11), at(24, 12.5)),
                span("cmo", at(27, 14), at(27, 17)),
            ],
            {"cmo": 5.0, "crm": 1.5},
        ),
        # crossing the start of the week: only the part from Monday 00:00
        ([span("pm", at(22, 22), at(23, 2))], {"pm": 2.0}),
        # crossing the end of the week: only the part before the next Monday 00:00
        ([span("pm", at(29, 23), at(30, 3))], {"pm": 1.0}),
        # wholly before or after the week: nothing
        ([span("pm", at(20, 9), at(22, 23))], {}),
        ([span("pm", at(30, 0), at(30, 5))], {}),
        # ending exactly at the week's start / starting exactly at its end: nothing
        ([span("pm", at(22, 20), at(23, 0))], {}),
        # spanning the whole week and more: exactly 168 h
        ([span("content", at(20), at(2, 0, month=12))], {"content": 168.0}),
        # an open span without ``now`` counts nothing
        ([span("cmo", at(24, 9), None)], {}),
        # a zero-length span counts nothing
        ([span("cmo", at(24, 9), at(24, 9))], {}),
    ],
)
def test_week_hours(spans: list[WearSpan], expected: dict[str, float]) -> None:
    result = week_hours(spans, WEEK)
    assert result == pytest.approx(expected)
    assert set(result) == set(expected)


@pytest.mark.parametrize(
    ("start", "now", "expected"),
    [
        (at(24, 9), at(24, 12), {"cmo": 3.0}),  # open span counts up to now
        (at(22, 20), at(23, 1), {"cmo": 1.0}),  # open since last week: cut at Monday
        (at(29, 20), at(1, 10, month=12), {"cmo": 4.0}),  # now is past the week: cut at its end
        (at(30, 9), at(30, 12), {}),  # started after the week
        (at(24, 9), at(24, 8), {}),  # now before the start: nothing, never negative
    ],
)
def test_open_span_counts_up_to_now(start: datetime, now: datetime, expected: dict[str, float]) -> None:
    result = week_hours([span("cmo", start, None)], WEEK, now=now)
    assert result == pytest.approx(expected)
    assert set(result) == set(expected)


def test_now_does_not_change_closed_spans() -> None:
    spans = [span("crm", at(24, 9), at(24, 10)), span("cmo", at(25, 9), None)]
    assert week_hours(spans, WEEK, now=at(25, 10)) == pytest.approx({"crm": 1.0, "cmo": 1.0})
    assert week_hours(spans, WEEK) == pytest.approx({"crm": 1.0})


def test_w53_week_crosses_the_year() -> None:
    spans = [
        span("cmo", datetime(2026, 12, 31, 22), datetime(2027, 1, 1, 2)),
        span("cmo", datetime(2027, 1, 3, 23), datetime(2027, 1, 4, 1)),
    ]
    assert week_hours(spans, "2026-W53") == pytest.approx({"cmo": 5.0})
    assert week_hours(spans, "2027-W01") == pytest.approx({"cmo": 1.0})


def test_cmo_band() -> None:
    assert CMO_BAND == (4.0, 10.0)
