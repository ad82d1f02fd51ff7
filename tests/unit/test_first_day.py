"""Rituals and cadences count from the day the data file was made (SPEC §1 Running period, §3 First
run), and a conflict checked with problems stays a warning in the review and the report (§1)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from mkhats.domain.models import ExternalCheck, RolesReview, Settings, StrategySession
from mkhats.domain.review import review
from mkhats.domain.strategy import missed_session
from mkhats.present.report import weekly_report
from mkhats.present.review_text import check_line
from mkhats.services.demo import fill_demo
from mkhats.services.workspace import Workspace
from tests.unit.test_review import DEFAULT_HAT_KEYS, MON, SAT, TUE, WED, WEEK, make

LAST_WEEK = "2026-W47"
OCT_12 = date(2026, 10, 12)


def made(created: date | None, today: date = WED, **fields):
    """A default install judged on ``today`` whose file was made on ``created``."""
    snapshot = make(today, **fields)
    snapshot.settings = Settings(currency="$", created=created)
    return snapshot


def rituals(snapshot) -> set[tuple[str, str]]:
    """(part, week) of the RITUAL warnings, all hats together."""
    found = {(i.key.rsplit("_", 1)[1], i.week) for i in review(snapshot) if i.category == "RITUAL"}
    hats = {i.hat for i in review(snapshot) if i.category == "RITUAL"}
    assert not found or hats == set(DEFAULT_HAT_KEYS)
    return found


def keys(snapshot, category: str) -> list[str]:
    return [i.key for i in review(snapshot) if i.category == category]


# ---------------------------------------------------------------- rituals


@pytest.mark.parametrize(
    ("created", "today", "expected"),
    [
        # No date stored (a file made by an older mkhats): judged as before.
        (None, WED, {("plan", WEEK), ("facts", LAST_WEEK)}),
        # Made long before: everything due is due.
        (date(2026, 1, 5), SAT, {("plan", WEEK), ("facts", WEEK), ("facts", LAST_WEEK)}),
        # Made on Monday: that Monday's plan is the user's to write (due by its end), last week's
        # facts are not.
        (MON, TUE, {("plan", WEEK)}),
        # Made on Wednesday: Monday's plan and last Friday's facts fell before the file existed…
        (WED, WED, set()),
        # … but this Friday's facts are due once Friday is over.
        (WED, SAT, {("facts", WEEK)}),
        # Made on last Friday: last week's facts fell on the file's first day, so they count.
        (date(2026, 11, 20), TUE, {("plan", WEEK), ("facts", LAST_WEEK)}),
        # Made on last Saturday: only this week's plan.
        (date(2026, 11, 21), TUE, {("plan", WEEK)}),
    ],
)
def test_ritual_deadlines_before_the_file_existed_are_not_due(created, today, expected) -> None:
    assert rituals(made(created, today)) == expected


# ---------------------------------------------------------------- strategy session


def test_no_strategy_session_for_a_month_that_ended_before_the_file() -> None:
    october = {"cmo.revenue": {OCT_12: 1000.0}}
    assert missed_session(made(None, daily=october)) == "2026-10"
    assert missed_session(made(date(2026, 9, 1), daily=october)) == "2026-10"
    assert missed_session(made(date(2026, 10, 31), daily=october)) == "2026-10"  # made on its last day
    assert missed_session(made(date(2026, 11, 1), daily=october)) is None
    assert "review.strategy_due" not in keys(made(date(2026, 11, 2), daily=october), "CADENCE")


def test_a_session_is_due_for_the_first_month_the_file_lived_through() -> None:
    november = {"cmo.revenue": {date(2026, 11, 20): 1000.0}}
    snapshot = made(date(2026, 11, 18), today=date(2026, 12, 2), daily=november)
    snapshot.week = "2026-W49"
    assert missed_session(snapshot) == "2026-11"


# ---------------------------------------------------------------- quarterly roles review


@pytest.mark.parametrize(
    ("age", "due"),
    [(0, False), (30, False), (92, False), (93, True), (400, True)],
)
def test_roles_review_none_yet_is_due_92_days_after_the_file_was_made(age: int, due: bool) -> None:
    snapshot = made(WED - timedelta(days=age))
    assert ("review.roles_none" in keys(snapshot, "CADENCE")) is due


def test_roles_review_without_a_stored_date_is_due_at_once() -> None:
    assert "review.roles_none" in keys(made(None), "CADENCE")


def test_an_old_review_is_judged_by_its_age_whatever_the_files_day() -> None:
    snapshot = made(WED, reviews=[RolesReview(day=WED - timedelta(days=93))])
    assert keys(snapshot, "CADENCE") == ["review.roles_due"]


# ---------------------------------------------------------------- the data file keeps its day


def test_a_new_file_stores_the_day_it_was_made_and_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "mkhats.json"
    with Workspace(path, date(2026, 12, 2)).write():
        pass
    later = Workspace(path, date(2027, 3, 1))
    with later.write() as repo:
        repo.set_settings(repo.settings().model_copy(update={"lang": "ru"}))
    assert later.snapshot().settings.created == date(2026, 12, 2)


def test_a_fresh_file_opens_without_warnings_about_weeks_before_it(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "mkhats.json", date(2026, 12, 2))  # a Wednesday
    categories = {i.category for i in review(ws.snapshot())}
    assert categories == {"CONFLICT", "SETUP"}  # "Me" wears every hat; three stop rules to finish


def test_the_demo_dates_its_file_from_its_first_day(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "mkhats.json", TUE)
    fill_demo(ws, 12, force=False)
    snapshot = ws.snapshot()
    assert snapshot.settings.created == date(2026, 9, 7)  # the Monday 12 weeks back, W37
    # The demo's warnings stay: CRM's plan missing this week.
    assert ("plan", WEEK) in {(i.key.rsplit("_", 1)[1], i.week) for i in review(snapshot) if i.category == "RITUAL"}


# ---------------------------------------------------------------- a check with problems


def test_a_check_with_problems_is_named_in_the_review_and_the_report() -> None:
    found = ExternalCheck(
        hats=("performance", "cmo"), by="Anna", day=MON, note="spend does not match", outcome="problems"
    )
    snapshot = made(None, checks=[found], sessions=[StrategySession(month="2026-10", day=MON)])
    [item] = [i for i in review(snapshot) if i.pair == ("performance", "cmo")]
    assert check_line(item, snapshot).endswith(
        "Checked by Anna on 23 Nov 2026: problems found — “spend does not match”; "
        "it stays a warning until a check comes back ok."
    )
    assert (
        "- Performance × CMO: both hats are worn by Me; checked by Anna on 23 Nov 2026: problems found — "
        "“spend does not match”."
    ) in weekly_report(snapshot)
    cleared = made(None, checks=[found, ExternalCheck(hats=("cmo", "performance"), by="Anna", day=TUE)])
    assert not [i for i in review(cleared) if i.pair == ("performance", "cmo")]
    assert "- Performance × CMO: checked by Anna on 24 Nov 2026, valid until 30 Nov 2026." in weekly_report(cleared)


def test_a_check_with_problems_and_no_note() -> None:
    found = ExternalCheck(hats=("performance", "cmo"), by="Anna", day=MON, outcome="problems")
    snapshot = made(None, checks=[found])
    [item] = [i for i in review(snapshot) if i.pair == ("performance", "cmo")]
    assert check_line(item, snapshot).endswith(
        "Checked by Anna on 23 Nov 2026: problems found; it stays a warning until a check comes back ok."
    )
