"""The weekly ritual's rules and record (issue 16): what each step leaves, read from the data."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from mkhats.domain.invalid import InvalidRecord
from mkhats.domain.ritual import Facts, Ritual, missing_numbers, resume_step, step_states, trend
from mkhats.i18n import set_language
from mkhats.present.ritual_text import header_text, status_lines, trend_text
from mkhats.services.demo import fill_demo
from mkhats.services.plans import save_log
from mkhats.services.ritual import advance, completed_rituals, ritual_state, ritual_trend, start_ritual
from mkhats.services.workspace import Workspace

MONDAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    set_language("en")
    workspace = Workspace(tmp_path / "mkhats.json", MONDAY)
    fill_demo(workspace, 12, force=False)
    return workspace


def _left(state, step):
    return next(s for s in state.steps if s.step == step).left


def test_monday_steps_read_what_is_left_from_the_data(ws: Workspace) -> None:
    state = ritual_state(ws, "2026-W48")
    assert [s.step for s in state.steps] == ["numbers", "last_week", "decisions", "conflicts", "plan", "deck"]
    assert state.record is None and state.left
    assert _left(state, "numbers") == ()
    assert [x.what for x in _left(state, "last_week")] == ["not_visited"]
    assert {x.what for x in _left(state, "decisions")} == {"stops", "budgets"}
    assert [x.params["n"] for x in _left(state, "conflicts")] == [3]
    assert [x.params["hat"] for x in _left(state, "plan")] == ["crm"]
    assert [x.what for x in _left(state, "deck")] == ["deck"]
    # A plan typed outside the ritual counts: the step leaves nothing.
    save_log(ws, "crm", "2026-W48", plan="Win back the dormant leads")
    assert _left(ritual_state(ws, "2026-W48"), "plan") == ()


def test_a_file_in_the_inbox_and_a_week_without_numbers_are_left_to_bring_in(ws: Workspace) -> None:
    (ws.path.parent / "inbox").mkdir()
    (ws.path.parent / "inbox" / "ads.csv").write_text("date,kpi,value\n2026-11-16,performance.spend,1\n")
    left = _left(ritual_state(ws, "2026-W48"), "numbers")
    assert [x.what for x in left] == ["inbox"]
    # The week after has no numbers yet: every measured KPI of every hat lacks them.
    later = Workspace(ws.path, date(2026, 12, 7))
    missing = {x.params["hat"] for x in _left(ritual_state(later, "2026-W50"), "numbers") if x.what == "numbers"}
    assert missing == {"content", "performance", "crm", "pm", "cmo"}


def test_missing_numbers_counts_only_days_up_to_today() -> None:
    daily = {"a.x": {date(2026, 11, 16): 1.0}}
    hats = [("a", ["a.x", "a.y"])]
    assert missing_numbers(hats, daily, "2026-W47", date(2026, 11, 23)) == {"a": ["a.y"]}
    assert missing_numbers(hats, {}, "2026-W49", date(2026, 11, 23)) == {}


def test_the_record_keeps_steps_time_and_completion(ws: Workspace) -> None:
    record = start_ritual(ws, "2026-W48", "monday", NOW, "last_week")
    assert record.step == "last_week" and record.seconds == 0
    assert start_ritual(ws, "2026-W48", "monday", NOW, "numbers") == record  # resumed, not restarted
    advance(ws, "2026-W48", "monday", at="decisions", ended="last_week", seconds=95)
    advance(ws, "2026-W48", "monday", ended="last_week", written="deck", seconds=-5)
    state = ritual_state(ws, "2026-W48")
    assert state.record is not None
    assert state.record.ended == ("last_week",) and state.record.written == ("deck",)
    assert state.record.seconds == 95 and state.record.step == "decisions"
    assert _left(state, "last_week") == () and _left(state, "deck") == ()
    assert resume_step("monday", state.steps, state.record) == 2
    assert completed_rituals(ws, "2026-W48") == []
    advance(ws, "2026-W48", "monday", seconds=745, completed=NOW)
    done = completed_rituals(ws, "2026-W48")
    assert [r.seconds for r in done] == [840]
    assert header_text(done) == "Monday ritual done in 0:14"
    assert ritual_trend(ws, "2026-W48")[-1] == ("2026-W48", 14)
    assert ritual_trend(ws, "2026-W48")[-2] == ("2026-W47", None)


def test_a_record_refuses_a_step_it_does_not_know(ws: Workspace) -> None:
    with pytest.raises(InvalidRecord):
        Ritual(week="2026-W48", kind="monday", step="lunch", started=NOW)
    start_ritual(ws, "2026-W48", "monday", NOW, "numbers")
    with pytest.raises(InvalidRecord):
        advance(ws, "2026-W48", "monday", at="lunch")
    assert ritual_state(ws, "2026-W48").record.step == "numbers"  # type: ignore[union-attr]


def test_friday_needs_every_hats_facts_and_both_files(ws: Workspace) -> None:
    state = ritual_state(ws, "2026-W48", "friday")
    assert [s.step for s in state.steps] == ["facts", "report"]
    assert len(_left(state, "facts")) == 5
    for hat in ("content", "performance", "crm", "pm", "cmo"):
        save_log(ws, hat, "2026-W48", fact="f", conclusion="c", action="a")
    start_ritual(ws, "2026-W48", "friday", NOW, "facts")
    advance(ws, "2026-W48", "friday", written="report")
    state = ritual_state(ws, "2026-W48", "friday")
    assert _left(state, "facts") == () and [x.what for x in _left(state, "report")] == ["report"]
    advance(ws, "2026-W48", "friday", written="deck")
    assert not ritual_state(ws, "2026-W48", "friday").left


def test_a_report_written_before_facts_typed_since_is_due_again(ws: Workspace) -> None:
    # The report and deck were written with one hat's facts; the rest typed later (in the ritual or
    # the log dialog) left "Report and deck: done" on files that did not hold them.
    save_log(ws, "content", "2026-W48", fact="f", conclusion="c", action="a")
    start_ritual(ws, "2026-W48", "friday", NOW, "facts")
    advance(ws, "2026-W48", "friday", written="report")
    advance(ws, "2026-W48", "friday", written="deck")
    assert _left(ritual_state(ws, "2026-W48", "friday"), "report") == ()
    save_log(ws, "performance", "2026-W48", fact="CPA high")
    stale = _left(ritual_state(ws, "2026-W48", "friday"), "report")
    assert [(x.what, x.params) for x in stale] == [("report_stale", {"week": "2026-W48"})]
    set_language("ru")
    try:
        state = ritual_state(ws, "2026-W48", "friday")
        lines = status_lines(state.steps, state.hats)
    finally:
        set_language("en")
    assert "отчёт за 2026-W48 записан до фактов, внесённых позже" in lines[-1]
    advance(ws, "2026-W48", "friday", written="report")  # written again: up to date
    assert _left(ritual_state(ws, "2026-W48", "friday"), "report") == ()


def test_status_lines_start_with_the_category_in_both_languages(ws: Workspace) -> None:
    state = ritual_state(ws, "2026-W48")
    lines = status_lines(state.steps, state.hats)
    assert lines[0] == "NUMBERS  1/6 Bring the numbers in: done"
    assert lines[4] == "RITUAL   5/6 This week's plan: CRM: plan of 2026-W48 missing"
    set_language("ru")
    try:
        assert (
            status_lines(state.steps, state.hats)[3] == "CONFLICT 4/6 Конфликты: 3 конфликта без действующей проверки"
        )
    finally:
        set_language("en")


def test_trend_marks_weeks_without_a_completed_ritual() -> None:
    records = [
        Ritual(week="2026-W47", kind="monday", step="deck", started=NOW, seconds=600, completed=NOW),
        Ritual(week="2026-W48", kind="monday", step="deck", started=NOW, seconds=1200),
    ]
    minutes = trend(records, ["2026-W46", "2026-W47", "2026-W48"])
    assert minutes == [None, 10, None]
    assert trend_text([None, 10, 20]) == "·▄█"


def test_steps_without_a_record_and_facts_of_last_week() -> None:
    facts = Facts(week="2026-W48", review=(("RITUAL", "review.ritual_facts", "crm", "2026-W47"),))
    states = step_states("monday", facts, None)
    assert [x.what for x in states[1].left] == ["facts", "not_visited"]
    assert resume_step("monday", states, None) == 1


def test_the_rituals_bookkeeping_is_no_change_of_its_own_to_undo(ws: Workspace) -> None:
    from mkhats.services.undo import keep_history, last_change, undo_last

    start_ritual(ws, "2026-W48", "monday", NOW, "plan")  # nothing of the user's before: not kept
    keep_history(ws)
    assert last_change(ws) is None
    advance(ws, "2026-W48", "monday", seconds=30)
    assert last_change(ws) is None
    save_log(ws, "crm", "2026-W48", plan="Two sends")
    advance(ws, "2026-W48", "monday", ended="plan", at="deck", seconds=60)
    what = last_change(ws)
    assert what is not None and what.render() == "weekly log of CRM"
    undo_last(ws)  # the plan goes, and where the run stood after it goes with it
    state = ritual_state(ws, "2026-W48")
    assert [x.params["hat"] for x in _left(state, "plan")] == ["crm"]
    assert state.record is not None and (state.record.step, state.record.ended, state.record.seconds) == (
        "plan",
        (),
        30,
    )
    assert last_change(ws) is None
