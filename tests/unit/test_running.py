"""The one rule for a running period (SPEC §1): pace for summed KPIs, partial for the rest, signed
deviations drawn from the digits shown."""

from __future__ import annotations

import math
from datetime import date

import pytest

from mkhats.domain.models import Kpi
from mkhats.domain.running import as_shown, judge, period_verdicts, progress, week_progress, week_verdicts
from mkhats.domain.weeks import add_days, week_days

LEADS = Kpi(key="performance.leads", unit="count", direction="up", aggregate="sum", target=70)
SPEND = Kpi(key="performance.spend", unit="money", direction="down", aggregate="sum", target=7000)
CPL = Kpi(key="performance.cpl", unit="money", direction="down", formula="spend / leads", target=100)
ROAS = Kpi(key="performance.roas", unit="percent", direction="up", formula="revenue / spend * 100", target=300)
CYCLE = Kpi(key="pm.cycle_days", unit="days", direction="down", aggregate="mean", target=5)

W48 = "2026-W48"  # Monday 23 Nov – Sunday 29 Nov 2026


@pytest.mark.parametrize("weekday", range(7))
def test_pace_at_every_weekday(weekday: int) -> None:
    today = add_days(date(2026, 11, 23), weekday)
    run = week_progress(W48, today)
    elapsed = weekday + 1
    assert (run.elapsed, run.days, run.running) == (elapsed, 7, True)
    # Exactly on pace: 10 leads a day so far.
    on = judge(LEADS, 10.0 * elapsed, run)
    assert (on.basis, on.status, on.projection, on.deviation) == ("pace", "on", 70, 0)
    # One lead short of pace: off, as the pace rule says (so far < target × elapsed / days), and
    # the projection is rounded down (more is better) so its digits show it below 70.
    off = judge(LEADS, 10.0 * elapsed - 1, run)
    projection = math.floor((10 * elapsed - 1) * 7 / elapsed)
    assert (off.status, off.projection) == ("off", projection)
    assert off.deviation == pytest.approx((projection - 70) / 70 * 100)


def test_projections_round_towards_off_track() -> None:
    # 3 leads in 6 of 7 days against 4: 3.5 projected; the pace rule says behind (3 < 3.43).
    run = week_progress(W48, date(2026, 11, 28))
    four = Kpi(key="performance.leads", unit="count", direction="up", aggregate="sum", target=4)
    assert (judge(four, 3.0, run).status, judge(four, 3.0, run).projection) == ("off", 3)
    # Less is better: a spend projected at 7000.4 reads 7,001 and misses a ceiling of 7,000.
    spend = judge(SPEND, 7000.4 * 6 / 7, run)
    assert (spend.status, spend.projection) == ("off", 7001)
    # A round figure stays round despite float noise.
    assert judge(LEADS, 60.0, run).projection == 70


@pytest.mark.parametrize(
    ("today", "elapsed", "running"),
    [
        (date(2026, 11, 22), 0, False),  # the Sunday before: not started
        (date(2026, 11, 23), 1, True),
        (date(2026, 11, 29), 7, True),  # Sunday: the week runs until the day ends
        (date(2026, 11, 30), 7, False),  # the Monday after: finished
    ],
)
def test_week_edges(today: date, elapsed: int, running: bool) -> None:
    run = week_progress(W48, today)
    assert (run.elapsed, run.running) == (elapsed, running)


def test_a_week_not_started_is_shown_but_not_judged() -> None:
    verdict = judge(LEADS, 5.0, week_progress(W48, date(2026, 11, 20)))
    assert (verdict.basis, verdict.partial, verdict.value, verdict.status, verdict.projection) == (
        "ahead",
        False,
        5.0,
        None,
        None,
    )


def test_finished_week_judged_on_its_value() -> None:
    verdict = judge(LEADS, 35.0, week_progress(W48, date(2026, 12, 2)))
    assert (verdict.basis, verdict.partial, verdict.status, verdict.projection) == ("final", False, "off", None)
    assert verdict.deviation == pytest.approx(-50)


def test_w53_runs_into_the_next_year() -> None:
    # 2026-W53: Monday 28 Dec 2026 – Sunday 3 Jan 2027; on 1 Jan 2027, 5 of 7 days have run.
    run = week_progress("2026-W53", date(2027, 1, 1))
    assert (run.elapsed, run.days, run.running) == (5, 7, True)
    assert judge(LEADS, 50.0, run).projection == 70


@pytest.mark.parametrize(
    ("first", "last", "today", "elapsed", "days"),
    [
        (date(2026, 2, 1), date(2026, 2, 28), date(2026, 2, 1), 1, 28),  # month start
        (date(2026, 2, 1), date(2026, 2, 28), date(2026, 2, 28), 28, 28),  # month end, still running
        (date(2028, 2, 1), date(2028, 2, 29), date(2028, 2, 15), 15, 29),  # leap February
        (date(2026, 12, 1), date(2026, 12, 31), date(2026, 12, 2), 2, 31),
        (date(2026, 10, 1), date(2026, 12, 31), date(2026, 11, 15), 46, 92),  # a quarter
    ],
)
def test_months_and_quarters(first: date, last: date, today: date, elapsed: int, days: int) -> None:
    run = progress(first, last, today)
    assert (run.elapsed, run.days, run.running) == (elapsed, days, True)
    month_target = Kpi(key="performance.leads", unit="count", aggregate="sum", target=days * 10)
    assert judge(month_target, 10.0 * elapsed, run).status == "on"
    assert judge(month_target, 10.0 * elapsed - 10, run).status == "off"


def test_ratios_and_means_stand_as_they_are_marked_partial() -> None:
    run = week_progress(W48, date(2026, 11, 25))
    cpl = judge(CPL, 182.0, run)
    assert (cpl.basis, cpl.partial, cpl.projection, cpl.status) == ("partial", True, None, "off")
    assert cpl.deviation == pytest.approx(82)
    cycle = judge(CYCLE, 4.0, run)
    assert (cycle.basis, cycle.status) == ("partial", "on")


def test_deviation_is_signed_as_arithmetic_reads_it() -> None:
    done = week_progress(W48, date(2026, 12, 1))
    roas = judge(ROAS, 105.0, done)  # higher is better, below target: negative and bad
    assert (roas.status, round(roas.deviation)) == ("off", -65)
    cpl = judge(CPL, 182.0, done)  # lower is better, above target: positive and bad
    assert (cpl.status, round(cpl.deviation)) == ("off", 82)
    good = judge(CPL, 80.0, done)  # lower is better, below target: negative and good
    assert (good.status, round(good.deviation)) == ("on", -20)


def test_the_digits_shown_decide_the_verdict() -> None:
    done = week_progress(W48, date(2026, 12, 1))
    revenue = Kpi(key="cmo.revenue", unit="money", direction="up", aggregate="sum", target=1000)
    # 999.6 is printed "1,000": beside a target of "1,000" it is on track, never ✗.
    assert as_shown("money", 999.6) == 1000
    assert judge(revenue, 999.6, done).status == "on"
    assert judge(revenue, 999.4, done).status == "off"
    # Small money keeps cents: 9.994 prints 9.99 and misses a target of 10.
    small = Kpi(key="cmo.revenue", unit="money", direction="up", aggregate="sum", target=10)
    assert judge(small, 9.994, done).status == "off" and judge(small, 9.996, done).status == "on"


def test_period_verdicts_on_daily_values() -> None:
    days = week_days(W48)
    kpis = {k.key: k for k in (LEADS, SPEND, CPL)}
    daily = {
        "performance.leads": {days[0]: 30.0, days[1]: 20.0},
        "performance.spend": {days[0]: 3000.0, days[1]: 2000.0},
    }
    verdicts = week_verdicts(kpis, daily, W48, days[1])  # Tuesday: 2 of 7 days
    assert verdicts["performance.leads"].projection == 175 and verdicts["performance.leads"].status == "on"
    assert verdicts["performance.spend"].projection == 17500 and verdicts["performance.spend"].status == "off"
    assert verdicts["performance.cpl"].value == 100 and verdicts["performance.cpl"].status == "on"
    only = period_verdicts(kpis, daily, days, week_progress(W48, days[1]), ["performance.cpl"])
    assert list(only) == ["performance.cpl"]


def test_values_for_days_still_to_come_do_not_count_while_the_period_runs() -> None:
    days = week_days(W48)
    kpis = {LEADS.key: LEADS}
    daily = {"performance.leads": {days[0]: 10.0, days[5]: 40.0}}  # Saturday's typed in advance
    monday = week_verdicts(kpis, daily, W48, days[0])["performance.leads"]
    assert (monday.value, monday.projection) == (10.0, 70)
    after = week_verdicts(kpis, daily, W48, date(2026, 11, 30))["performance.leads"]
    assert after.value == 50.0  # once the week is over, every day counts
