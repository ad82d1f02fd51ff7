"""Quarterly goals (SPEC §10): a quarter's weeks, the weekly targets a goal gives over 12-, 13- and
14-week quarters, the out-of-reach rule at its edges, and the review's GOAL line."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from mkhats.domain.defaults import default_kpis
from mkhats.domain.goals import MIN_WEEKS, REACH, Goal, first_day_needed, progress, spread, weekly_target
from mkhats.domain.review import review
from mkhats.domain.weeks import (
    parse_month,
    parse_quarter,
    quarter_weeks,
    week_days,
    week_key,
    week_quarter,
    weeks_in_year,
)
from mkhats.errors import InputError
from mkhats.i18n import set_language
from mkhats.present.review_text import check_line
from tests.unit.cmo_snapshot import make

KPIS = {k.key: k for k in default_kpis()}
REVENUE, SPEND, ROMI = KPIS["cmo.revenue"], KPIS["cmo.marketing_spend"], KPIS["cmo.romi"]
CUSTOMERS = KPIS["cmo.new_customers"]
NB = "\u00a0"


# --- a quarter's weeks --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("quarter", "first", "last", "count"),
    [
        ("2026-Q4", "2026-W40", "2026-W53", 14),  # Thursday 1 October to Thursday 31 December
        ("2026-Q1", "2026-W01", "2026-W13", 13),
        ("2026-Q3", "2026-W27", "2026-W39", 13),
        ("2027-Q1", "2027-W01", "2027-W12", 12),  # 90 days from a Friday: 12 Thursdays
        ("2020-Q3", "2020-W27", "2020-W39", 13),  # 92 days from a Wednesday: 13 Thursdays
        ("2021-Q3", "2021-W26", "2021-W39", 14),  # 92 days from a Thursday: 14
    ],
)
def test_a_quarter_has_the_weeks_of_its_thursdays(quarter: str, first: str, last: str, count: int) -> None:
    weeks = quarter_weeks(quarter)
    assert (weeks[0], weeks[-1], len(weeks)) == (first, last, count)


def test_a_week_across_two_quarters_counts_in_the_one_holding_its_thursday() -> None:
    # 2026-W40 runs 28 Sep – 4 Oct: three days in Q3, four (its Thursday among them) in Q4.
    assert week_quarter("2026-W40") == "2026-Q4" and "2026-W40" not in quarter_weeks("2026-Q3")
    # 2027-W53 does not exist; 2026-W53 (28 Dec 2026 – 3 Jan 2027) is Q4 2026's.
    assert week_quarter("2026-W53") == "2026-Q4" and quarter_weeks("2027-Q1")[0] == "2027-W01"


def test_every_week_of_every_year_belongs_to_exactly_one_quarter() -> None:
    for year in range(1970, 2101):
        weeks = [w for q in range(1, 5) for w in quarter_weeks(f"{year}-Q{q}")]
        assert weeks == [f"{year}-W{n:02d}" for n in range(1, weeks_in_year(year) + 1)], year


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "26-12", "2026-1", "December"])
def test_a_malformed_month_is_refused(text: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_month(text)
    assert raised.value.key == "error.month_format"


def test_periods_outside_the_years_kept_are_refused_and_quarters_read_in_any_case() -> None:
    assert parse_quarter(" 2026-q4 ") == "2026-Q4" and parse_month("2026-12") == "2026-12"
    for parse, text in ((parse_month, "1969-12"), (parse_quarter, "2101-Q1")):
        with pytest.raises(InputError) as raised:
            parse(text)
        assert raised.value.key == "error.period_range"
    with pytest.raises(InputError):
        parse_quarter("2026-Q5")


# --- the weekly targets a goal gives ------------------------------------------------------------


def test_a_13_week_quarter_spreads_evenly() -> None:
    found = spread(REVENUE, 130_000, "2026-Q1")
    assert (len(found.weeks), found.weekly, found.summed) == (13, 10_000, True)


def test_a_14_week_quarter_rounds_towards_the_goal() -> None:
    found = spread(REVENUE, 100_000, "2026-Q4")
    assert len(found.weeks) == 14 and found.weekly == 7143  # 7,142.86 shown as 7,143: up, more is better
    assert found.weekly * 14 >= 100_000
    cap = spread(SPEND, 100_000, "2026-Q4")
    assert cap.weekly == 7142 and cap.weekly * 14 <= 100_000  # a ceiling rounds down


def test_a_12_week_quarter_and_a_count_kept_to_its_shown_digits() -> None:
    found = spread(CUSTOMERS, 100, "2027-Q1")
    assert len(found.weeks) == 12 and found.weekly == 8.4  # 8.33… up to the tenth the tables show
    assert weekly_target(CUSTOMERS, 91, 13) == 7  # exactly 7: no rounding step past it


def test_a_rate_keeps_the_goal_as_each_weeks_target() -> None:
    found = spread(ROMI, 150, "2026-Q4")
    assert (found.weekly, found.summed) == (150, False)


# --- where a goal stands ------------------------------------------------------------------------

Q4 = quarter_weeks("2026-Q4")


def weekly(kpi: str, amounts: dict[str, float]) -> dict:
    """``amounts`` per week, all on the week's Monday."""
    return {kpi: {week_days(w)[0]: v for w, v in amounts.items()}}


def test_the_edge_of_out_of_reach() -> None:
    # Three weeks of 100 over; eleven weeks left. Exactly twice the average a week left is reachable.
    three = weekly("cmo.revenue", {w: 100 for w in Q4[:3]})
    edge = Goal(kpi="cmo.revenue", quarter="2026-Q4", value=300 + 11 * REACH * 100)
    assert progress(edge, KPIS, three, Q4[2]).state == "behind"
    past = Goal(kpi="cmo.revenue", quarter="2026-Q4", value=300 + 11 * REACH * 100 + 1)
    found = progress(past, KPIS, three, Q4[2])
    assert (found.state, found.done, found.left, found.value, found.average) == ("out_of_reach", 3, 11, 300, 100)
    assert found.need == pytest.approx((past.value - 300) / 11) and found.need > REACH * found.average


def test_too_few_weeks_over_never_call_a_goal_lost() -> None:
    two = weekly("cmo.revenue", {w: 1 for w in Q4[: MIN_WEEKS - 1]})
    goal = Goal(kpi="cmo.revenue", quarter="2026-Q4", value=1e9)
    assert progress(goal, KPIS, two, Q4[MIN_WEEKS - 2]).state == "behind"
    three = weekly("cmo.revenue", {w: 1 for w in Q4[:MIN_WEEKS]})
    assert progress(goal, KPIS, three, Q4[MIN_WEEKS - 1]).state == "out_of_reach"


def test_on_course_met_and_missed() -> None:
    four = weekly("cmo.revenue", {w: 100 for w in Q4[:4]})
    assert progress(Goal(kpi="cmo.revenue", quarter="2026-Q4", value=1400), KPIS, four, Q4[3]).state == "on_course"
    assert progress(Goal(kpi="cmo.revenue", quarter="2026-Q4", value=400), KPIS, four, Q4[3]).state == "met"
    allweeks = weekly("cmo.revenue", {w: 100 for w in Q4})
    done = progress(Goal(kpi="cmo.revenue", quarter="2026-Q4", value=1401), KPIS, allweeks, Q4[-1])
    assert (done.state, done.left, done.need, done.value) == ("missed", 0, None, 1400)


def test_a_ceiling_is_out_of_reach_when_the_weeks_left_must_cost_under_half_the_average() -> None:
    spent = weekly("cmo.marketing_spend", {w: 100 for w in Q4[:4]})
    edge = Goal(kpi="cmo.marketing_spend", quarter="2026-Q4", value=400 + 10 * 100 / REACH)
    assert progress(edge, KPIS, spent, Q4[3]).state == "behind"
    tight = Goal(kpi="cmo.marketing_spend", quarter="2026-Q4", value=400 + 10 * 100 / REACH - 1)
    assert progress(tight, KPIS, spent, Q4[3]).state == "out_of_reach"
    blown = Goal(kpi="cmo.marketing_spend", quarter="2026-Q4", value=300)
    assert progress(blown, KPIS, spent, Q4[3]).need == pytest.approx(-10)


def test_a_rate_is_judged_as_it_stands_and_flagged_only_when_the_quarter_is_over() -> None:
    daily = {
        "cmo.revenue": {week_days(w)[0]: 100 for w in Q4},
        "cmo.marketing_spend": {week_days(w)[0]: 100 for w in Q4},
    }
    goal = Goal(kpi="cmo.romi", quarter="2026-Q4", value=50)  # ROMI is 0 %
    assert progress(goal, KPIS, daily, Q4[5]).state == "behind"
    assert progress(goal, KPIS, daily, Q4[-1]).state == "missed"


def test_no_values_and_weeks_before_the_quarter_are_not_judged() -> None:
    goal = Goal(kpi="cmo.revenue", quarter="2026-Q4", value=1000)
    assert progress(goal, KPIS, {}, Q4[5]).state is None
    assert progress(goal, KPIS, {}, "2026-W39").state == "not_started"


def test_the_days_a_review_needs_reach_back_to_the_quarters_first_monday() -> None:
    goals = [Goal(kpi="cmo.revenue", quarter="2026-Q4", value=1)]
    assert first_day_needed(goals, "2026-W53") == date(2026, 9, 28)
    # In 2027-W01 the review judges 2026-W53, the last week of Q4.
    assert first_day_needed(goals, "2027-W01") == date(2026, 9, 28)
    assert first_day_needed(goals, "2027-W02") is None


# --- the review's GOAL line ---------------------------------------------------------------------


def test_out_of_reach_in_the_review_in_both_languages() -> None:
    # Judged on Wednesday of 2026-W48: the weeks over are W40–W47, eight of fourteen.
    daily = weekly("cmo.revenue", {w: 1000 for w in Q4[:8]})
    snapshot = make(date(2026, 11, 25), daily=daily, goals=[Goal(kpi="cmo.revenue", quarter="2026-Q4", value=50_000)])
    [item] = [i for i in review(snapshot) if i.category == "GOAL"]
    assert (item.severity, item.kpi, item.week) == ("medium", "cmo.revenue", "2026-W47")
    set_language("en")
    assert check_line(item, snapshot) == (
        "GOAL CMO Revenue goal for 2026-Q4 is out of reach: $8,000 after 8 of 14 weeks; the 6 weeks left "
        "would need $7,000 a week, more than twice the average week so far ($1,000). Revise the goal or the plan."
    )
    set_language("ru")
    try:
        line = check_line(item, snapshot)
    finally:
        set_language("en")
    assert line.startswith(
        f"GOAL Цель CMO Выручка на 2026-Q4 недостижима: 8{NB}000{NB}₽ за 8 из 14 недель; на оставшиеся 6 недель"
    )


def test_a_missed_goal_is_flagged_the_week_after_its_quarter() -> None:
    daily = weekly("cmo.revenue", {w: 1000 for w in Q4})
    goals = [Goal(kpi="cmo.revenue", quarter="2026-Q4", value=15_000)]
    # Monday 4 January 2027 (2027-W01): last week, 2026-W53, closed the quarter; its first weeks
    # lie before the 13-week window, so they come from the history the workspace loads.
    monday = date(2027, 1, 4)
    snapshot = make(monday, week_key(monday), daily=daily, goals=goals)
    inside = {k: {d: v for d, v in s.items() if d >= snapshot.first_day} for k, s in daily.items()}
    before = {k: {d: v for d, v in s.items() if d < snapshot.first_day} for k, s in daily.items()}
    assert before["cmo.revenue"]  # the test means it: a week lies outside the window
    snapshot = make(monday, week_key(monday), daily=inside, goals=goals, history=before)
    [item] = [i for i in review(snapshot) if i.category == "GOAL"]
    assert item.key == "review.goal_missed"
    set_language("en")
    assert check_line(item, snapshot) == (
        "GOAL CMO Revenue goal for 2026-Q4 was missed: $14,000 against a goal of $15,000 (higher is better)."
    )
    later = make(monday + timedelta(days=7), "2027-W02", daily=inside, goals=goals, history=before)
    assert [i for i in review(later) if i.category == "GOAL"] == []


def test_a_goal_of_a_retired_kpi_or_a_disabled_hat_is_not_judged() -> None:
    daily = weekly("cmo.revenue", {w: 1 for w in Q4[:8]})
    goals = [Goal(kpi="cmo.revenue", quarter="2026-Q4", value=1e9)]
    retired = make(date(2026, 11, 25), daily=daily, goals=goals, kpis={"cmo.revenue": {"retired": True}})
    assert [i for i in review(retired) if i.category == "GOAL"] == []
    off = make(date(2026, 11, 25), daily=daily, goals=goals, hats={"cmo": {"enabled": False}})
    assert [i for i in review(off) if i.category == "GOAL"] == []
