"""Hypotheses (SPEC §1): a statement tested on one KPI, a baseline window against a test window.

mkhats computes the uplift of the KPI between the windows; the user records a verdict. Each
window's KPI value is its period value over the window's days (aggregates and formulas respected,
as everywhere), so a CPL uplift compares Σspend/Σleads of the two windows.
"""

# No ``from __future__ import annotations``: pydantic reads the annotations (as in ``models``).
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Literal

from mkhats.domain.kpis import Daily, period_value
from mkhats.domain.light_dataclass import light_dataclass
from mkhats.domain.models import Day, HatKey, ItemId, Kpi, KpiKey, Model, ShortText

HypothesisVerdict = Literal["confirmed", "rejected", "inconclusive"]
HYPOTHESIS_VERDICTS: tuple[str, ...] = ("confirmed", "rejected", "inconclusive")


class Hypothesis(Model):
    """A statement about a KPI: what it was over the baseline window, what it became over the test."""

    id: ItemId
    hat: HatKey
    statement: ShortText
    kpi: KpiKey
    baseline_first: Day
    baseline_last: Day
    test_first: Day
    test_last: Day
    verdict: HypothesisVerdict | None = None
    """None while the test runs or until the user judges it."""
    created: Day


def window_days(first: date, last: date) -> list[date]:
    """Every day from ``first`` to ``last`` inclusive (none when ``last`` is before ``first``)."""
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


@light_dataclass(frozen=True)
class Uplift:
    """The KPI over both windows and the change between them."""

    baseline: float | None
    test: float | None
    uplift: float | None
    """(test − baseline) / baseline × 100; None when either is missing or the baseline is 0."""


def uplift_percent(baseline: float | None, test: float | None) -> float | None:
    """(test − baseline) / |baseline| × 100, or None when either is None or the baseline is 0."""
    if baseline is None or test is None or baseline == 0:
        return None
    return (test - baseline) / abs(baseline) * 100


def measure(hypothesis: Hypothesis, kpis: Mapping[str, Kpi], daily: Daily, today: date | None = None) -> Uplift:
    """The KPI's value over the baseline and the test window, and the uplift between them.

    A test still running counts its days up to ``today``. A summed KPI (leads, traffic) is compared
    per day — 58 leads in 3 days of a running test against 211 in 14 is a rise, not a −72 % fall;
    a ratio or a mean compares as it stands.

    Args:
        hypothesis: The hypothesis.
        kpis: Every KPI by key (a formula needs its operands).
        daily: Daily values covering the windows (days outside them are ignored).
        today: The day judged (None: every day of both windows counts).
    """
    from mkhats.domain.running import summed

    base_days = window_days(hypothesis.baseline_first, hypothesis.baseline_last)
    test_days = [d for d in window_days(hypothesis.test_first, hypothesis.test_last) if today is None or d <= today]
    base = period_value(hypothesis.kpi, kpis, daily, base_days)
    test = period_value(hypothesis.kpi, kpis, daily, test_days) if test_days else None
    kpi = kpis.get(hypothesis.kpi)
    if kpi is not None and summed(kpi) and base is not None and test is not None:
        return Uplift(base, test, uplift_percent(base / len(base_days), test / len(test_days)))
    return Uplift(base, test, uplift_percent(base, test))


def is_open(hypothesis: Hypothesis, day: date) -> bool:
    """Whether the test window has ended before ``day`` and no verdict is recorded yet."""
    return hypothesis.verdict is None and hypothesis.test_last < day


def open_hypotheses(hypotheses: Iterable[Hypothesis], day: date, hats: Iterable[str] | None = None) -> list[Hypothesis]:
    """The hypotheses awaiting a verdict on ``day`` (optionally only of ``hats``), oldest test first."""
    wanted = set(hats) if hats is not None else None
    found = [h for h in hypotheses if is_open(h, day) and (wanted is None or h.hat in wanted)]
    return sorted(found, key=lambda h: (h.test_last, h.id))


def earliest_day(hypotheses: Iterable[Hypothesis], since: date) -> date | None:
    """The first baseline day of the hypotheses still of interest on a view starting ``since``.

    Those are the ones awaiting a verdict and those whose test reaches into the view; the caller
    loads values from that day so their uplift can be computed.
    """
    days = [h.baseline_first for h in hypotheses if h.verdict is None or h.test_last >= since]
    return min(days, default=None)


def next_id(hypotheses: Iterable[Hypothesis]) -> str:
    """``h1``, ``h2``…: one more than the highest number in use."""
    numbers = [int(h.id[1:]) for h in hypotheses if h.id[:1] == "h" and h.id[1:].isdigit()]
    return f"h{max(numbers, default=0) + 1}"
