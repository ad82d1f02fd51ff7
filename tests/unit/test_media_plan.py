"""The media plan and its pacing (SPEC §10): exact tolerance edges, month starts and ends, the days
that count, weeks across two months, the review's BUDGET line and the channel map beside the plan."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from mkhats.domain.channels import channel_map
from mkhats.domain.media_plan import BudgetPlan, judge_pace, month_paces, plan_pace, plans_by_key
from mkhats.domain.review import review
from mkhats.domain.strategy import month_days
from mkhats.domain.weeks import week_days
from mkhats.errors import InputError
from mkhats.i18n import set_language
from mkhats.present.cmo import channel_view
from mkhats.present.review_text import check_line
from tests.unit.cmo_snapshot import make

NB = "\u00a0"


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def spend_on(first: date, last: date, per_day: float) -> dict:
    return {"performance.spend": {d: per_day for d in days(first, last)}}


def pace_of(plans: list[BudgetPlan], daily: dict, day: date, today: date | None = None, hat: str = "performance"):
    snapshot = make(today or day, daily=daily)
    found = month_paces(plans_by_key(plans), [hat], day, snapshot.kpis, snapshot.daily, today or day)
    return found[0] if found else None


# --- the tolerance, either way, exactly --------------------------------------------------------


@pytest.mark.parametrize(
    ("spend", "expected", "tolerance", "state"),
    [
        (110, 100, 10, "on"),  # exactly at the edge: on pace
        (110.01, 100, 10, "over"),
        (90, 100, 10, "on"),
        (89.99, 100, 10, "under"),
        (100, 100, 0, "on"),  # no tolerance: only the pace itself
        (100.01, 100, 0, "over"),
        (112.5, 100, 12.5, "on"),
        (112.51, 100, 12.5, "over"),
        (0.3, 0.3, 0, "on"),
        (121, 110, 10, "on"),  # 110 × 1.1 is 121.00000000000001 in floats: 121 as typed
        (0, 100, 100, "on"),  # nothing spent is within 100 %
    ],
)
def test_tolerance_edges_are_exact(spend: float, expected: float, tolerance: float, state: str) -> None:
    assert judge_pace(spend, expected, tolerance)[0] == state


def test_the_deviation_is_signed_as_arithmetic_reads_it() -> None:
    assert judge_pace(132, 110, 10) == ("over", pytest.approx(20.0))
    assert judge_pace(50, 100, 10) == ("under", pytest.approx(-50.0))


def test_a_budget_of_nothing_is_over_at_the_first_cent() -> None:
    assert judge_pace(0, 0, 10) == ("on", None)
    assert judge_pace(0.01, 0, 10) == ("over", None)


def test_an_edge_on_a_real_month_is_exact() -> None:
    # 3,100 over 31 days is 100 a day; by the 10th, 1,000 is the pace, 1,100 its edge.
    plan = [BudgetPlan(hat="performance", month="2026-12", budget=3100)]
    edge = {"performance.spend": {date(2026, 12, 1): 1100}}
    assert pace_of(plan, edge, date(2026, 12, 10), date(2026, 12, 11)).state == "on"
    past = {"performance.spend": {date(2026, 12, 1): 1100.01}}
    assert pace_of(plan, past, date(2026, 12, 10), date(2026, 12, 11)).state == "over"


# --- month starts and ends ----------------------------------------------------------------------


def test_the_first_of_the_month_with_no_spend_yet_is_not_judged() -> None:
    plan = [BudgetPlan(hat="performance", month="2026-12", budget=3100)]
    pace = pace_of(plan, spend_on(date(2026, 11, 1), date(2026, 11, 30), 100), date(2026, 12, 1))
    assert (pace.elapsed, pace.days, pace.last, pace.state, pace.expected) == (0, 31, None, None, 0)
    assert pace.spend == 0 and pace.budget == 3100


def test_the_first_of_the_month_counts_once_its_spend_is_in() -> None:
    plan = [BudgetPlan(hat="performance", month="2026-12", budget=3100)]
    pace = pace_of(plan, {"performance.spend": {date(2026, 12, 1): 100}}, date(2026, 12, 1))
    assert (pace.elapsed, pace.last, pace.expected, pace.state, pace.deviation) == (1, date(2026, 12, 1), 100, "on", 0)


def test_yesterday_counts_even_without_a_value() -> None:
    # 2 December: the 1st is over, nothing was spent on it: all the pace is missing.
    plan = [BudgetPlan(hat="performance", month="2026-12", budget=3100)]
    pace = pace_of(plan, {}, date(2026, 12, 2))
    assert (pace.elapsed, pace.spend, pace.state, pace.deviation) == (1, 0, "under", -100)


@pytest.mark.parametrize(("month", "last", "length"), [("2026-12", 31, 31), ("2027-02", 28, 28), ("2028-02", 29, 29)])
def test_the_last_day_of_the_month_expects_the_whole_budget(month: str, last: int, length: int) -> None:
    first = date(int(month[:4]), int(month[5:]), 1)
    end = first.replace(day=last)
    plan = [BudgetPlan(hat="performance", month=month, budget=1000)]
    pace = pace_of(plan, spend_on(first, end, 1000 / length), end, end + timedelta(days=1))
    assert (pace.elapsed, pace.days, pace.expected, pace.state) == (length, length, 1000, "on")
    assert pace.spend == pytest.approx(1000)


def test_the_next_month_judges_its_own_plan_only() -> None:
    # November overspent; on 2 December, the review paces December, which has no plan: nothing.
    plan = [BudgetPlan(hat="performance", month="2026-11", budget=100)]
    daily = spend_on(date(2026, 11, 1), date(2026, 12, 1), 1000)
    assert pace_of(plan, daily, date(2026, 12, 2)) is None
    assert pace_of(plan, daily, date(2026, 11, 30), date(2026, 12, 2)).state == "over"


# --- what a plan covers -------------------------------------------------------------------------


def test_a_week_across_two_months_gets_each_months_share() -> None:
    # 2026-W49: 30 Nov (November's 3,000 / 30) and 1–6 Dec (December's 3,100 / 31).
    plans = plans_by_key(
        [
            BudgetPlan(hat="performance", month="2026-11", budget=3000, leads=30),
            BudgetPlan(hat="performance", month="2026-12", budget=3100, leads=62),
        ]
    )
    week = week_days("2026-W49")
    snapshot = make(date(2026, 12, 3), daily=spend_on(week[0], week[2], 100))
    pace = plan_pace(plans, "performance", week, week, snapshot.kpis, snapshot.daily, snapshot.today)
    assert pace.budget == pytest.approx(700) and pace.leads == pytest.approx(1 + 12)
    assert pace.planned_cpl == pytest.approx(700 / 13)
    # 30 Nov to 2 Dec are over, the 3rd has no spend yet: 300 spent against 300 expected.
    assert (pace.elapsed, pace.days, pace.expected, pace.spend, pace.state) == (3, 7, 300, 300, "on")


def test_only_planned_days_count_and_leads_only_when_every_month_names_them() -> None:
    plans = plans_by_key([BudgetPlan(hat="performance", month="2026-12", budget=3100)])
    week = week_days("2026-W49")
    snapshot = make(date(2026, 12, 7), daily=spend_on(week[0], week[-1], 100))
    pace = plan_pace(plans, "performance", week, week, snapshot.kpis, snapshot.daily, snapshot.today)
    # 30 November has no plan: its spend is not held against December's budget.
    assert (pace.days, pace.elapsed, pace.spend, pace.expected, pace.leads, pace.planned_cpl) == (
        6,
        6,
        600,
        600,
        None,
        None,
    )


def test_a_hat_without_a_spend_kpi_is_planned_but_not_paced() -> None:
    plan = [BudgetPlan(hat="content", month="2026-11", budget=500, leads=100)]
    pace = pace_of(plan, {"content.leads": {date(2026, 11, 2): 5}}, date(2026, 11, 25), hat="content")
    assert (pace.budget, pace.spend, pace.state, pace.planned_cpl) == (500, None, None, 5)


def test_the_model_keeps_its_limits() -> None:
    with pytest.raises(InputError):
        BudgetPlan(hat="performance", month="2026-13", budget=1)
    with pytest.raises(InputError):
        BudgetPlan(hat="performance", month="2026-12", budget=-1)
    with pytest.raises(InputError):
        BudgetPlan(hat="performance", month="2026-12", budget=1, tolerance=101)
    assert BudgetPlan(hat="performance", month="2026-12", budget=1).tolerance == 10


# --- the review's BUDGET line -------------------------------------------------------------------

DEC_17, DEC_18 = date(2026, 12, 17), date(2026, 12, 18)
SPEC_EXAMPLE = {"performance.spend": {d: 182_000 / 17 for d in days(date(2026, 12, 1), DEC_17)}}


def test_the_specs_example_in_both_languages() -> None:
    snapshot = make(DEC_18, "2026-W51", daily=SPEC_EXAMPLE)
    snapshot.plans = [BudgetPlan(hat="performance", month="2026-12", budget=300_000)]
    snapshot.settings = snapshot.settings.model_copy(update={"currency": "₽"})
    [item] = [i for i in review(snapshot) if i.category == "BUDGET"]
    assert (item.severity, item.key, item.hat) == ("high", "review.budget_over", "performance")
    # On the 18th with nothing in for it yet, the pace runs to the 17th.
    set_language("en")
    line = check_line(item, snapshot)
    assert line.startswith(
        f"BUDGET Performance has spent 182,000{NB}₽ of 300,000{NB}₽ by 17 Dec 2026: 11{NB}% over pace"
    )
    assert "slow the spend or revise the plan for December 2026" in line
    set_language("ru")
    try:
        line = check_line(item, snapshot)
    finally:
        set_language("en")
    assert line.startswith(
        f"BUDGET Перформанс: потрачено 182{NB}000{NB}₽ из 300{NB}000{NB}₽ к 17 дек. 2026 — на 11{NB}%"
    )


def test_under_pace_is_a_medium_warning_and_on_pace_none() -> None:
    plan = [BudgetPlan(hat="performance", month="2026-12", budget=600_000)]
    snapshot = make(DEC_18, "2026-W51", daily=SPEC_EXAMPLE, plans=plan)
    [item] = [i for i in review(snapshot) if i.category == "BUDGET"]
    assert (item.severity, item.key) == ("medium", "review.budget_under")
    on = make(
        DEC_18, "2026-W51", daily=SPEC_EXAMPLE, plans=[BudgetPlan(hat="performance", month="2026-12", budget=320_000)]
    )
    assert [i for i in review(on) if i.category == "BUDGET"] == []


def test_a_disabled_channel_is_not_paced() -> None:
    plan = [BudgetPlan(hat="performance", month="2026-12", budget=1)]
    snapshot = make(DEC_18, "2026-W51", daily=SPEC_EXAMPLE, plans=plan, hats={"performance": {"enabled": False}})
    assert [i for i in review(snapshot) if i.category == "BUDGET"] == []


def test_a_past_week_is_paced_to_its_sunday() -> None:
    plan = [BudgetPlan(hat="performance", month="2026-12", budget=310)]
    daily = {"performance.spend": {d: 10 for d in days(date(2026, 12, 1), date(2026, 12, 6))}}
    daily["performance.spend"][date(2026, 12, 20)] = 5000  # after the week: not its business
    snapshot = make(date(2026, 12, 24), "2026-W49", daily=daily, plans=plan)
    assert [i for i in review(snapshot) if i.category == "BUDGET"] == []


# --- the channel map beside the plan ------------------------------------------------------------


def test_no_plan_leaves_the_map_as_it_was() -> None:
    view = channel_view(make(daily=spend_on(date(2026, 11, 23), date(2026, 11, 24), 100)))
    assert len(view.header) == 10 and all(len(line.cells) == 10 for line in view.lines)


def test_the_map_shows_plan_beside_fact_for_the_week_and_the_month() -> None:
    set_language("en")
    daily = spend_on(date(2026, 11, 1), date(2026, 11, 24), 100)
    daily["performance.leads"] = {date(2026, 11, 2): 40}
    plan = [BudgetPlan(hat="performance", month="2026-11", budget=3000, leads=100)]
    snapshot = make(date(2026, 11, 25), daily=daily, plans=plan)
    week = channel_view(snapshot, "week")
    assert week.header[:9] == ["Channel", "Worn by", "Leads", "Budget", "Spend", "Pace", "Revenue", "Plan CPL", "CPL"]
    perf = next(line for line in week.lines if line.hat == "performance")
    # The week's 7 days of a 3,000 month: 700; Monday and Tuesday spent 200 against 200.
    assert perf.cells[3:9] == ["$700", "$200", f"✓ +0{NB}%", "—", "$30.00", "—"]
    running = channel_view(snapshot, "running")
    perf = next(line for line in running.lines if line.hat == "performance")
    # The month's whole budget beside its spend so far (24 days of 100 against 24 × 100).
    assert perf.cells[3:9] == ["$3,000", "$2,400", f"✓ +0{NB}%", "—", "$30.00", "$60.00"]
    content = next(line for line in running.lines if line.hat == "content")
    assert content.cells[3] == "—" and content.cells[5] == "—" and content.cells[7] == "—"


def test_the_report_and_the_app_read_one_channel_map() -> None:
    plan = [BudgetPlan(hat="performance", month="2026-11", budget=3000)]
    snapshot = make(date(2026, 11, 25), daily=spend_on(date(2026, 11, 23), date(2026, 11, 24), 300), plans=plan)
    [perf] = [r for r in channel_map(snapshot, week_days("2026-W48"), "2026-10") if r.hat == "performance"]
    assert perf.plan is not None and (perf.plan.state, perf.plan.deviation) == ("over", pytest.approx(200))
    month = month_days("2026-11")
    [whole] = [r for r in channel_map(snapshot, month, "2026-10", month) if r.hat == "performance"]
    assert whole.plan is not None and whole.plan.budget == 3000 and whole.plan.elapsed == 24
