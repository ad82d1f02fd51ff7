"""Pilot tests of the weekly ritual (issue 16) on the demo data of a Monday: the stepper, its
record, resuming, and (with the step screens) both rituals walked end to end."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from textual.widgets import OptionList

from mkhats.services.review import week_review
from mkhats.services.ritual import ritual_state
from mkhats.services.workspace import Workspace
from mkhats.ui.screens.ritual import RitualScreen
from tests.ui.conftest import SIZE, copy_demo

MONDAY = date(2026, 11, 23)
CLOCK = [datetime(2026, 11, 23, 9, 0)]
"""The app's clock in these tests: a test moves it to say the user took time."""


@pytest.fixture
def mws(tmp_path: Path, monday_folder: Path) -> Workspace:
    """A workspace on its own copy of the Monday demo."""
    CLOCK[0] = datetime(2026, 11, 23, 9, 0)
    return Workspace(copy_demo(monday_folder, tmp_path), MONDAY)


def monday_app(ws: Workspace):
    from mkhats.ui.app import MkhatsApp

    return MkhatsApp(ws, now=lambda: CLOCK[0])


async def until(pilot, condition, what: str = "") -> None:
    """Wait (on the condition, never on the clock alone) until ``condition()`` holds."""
    for _ in range(1500):  # a busy machine only waits longer
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"never happened: {what}")


def state(ws: Workspace, kind: str = "monday"):
    return ritual_state(Workspace(ws.path, ws.today), "2026-W48", kind)


def left_of(ws: Workspace, step: str, kind: str = "monday"):
    return next(s for s in state(ws, kind).steps if s.step == step).left


async def test_monday_offers_the_ritual_and_m_opens_the_stepper_at_the_first_step_left(mws):
    app = monday_app(mws)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await until(pilot, lambda: any("press M to start it" in n.message for n in app._notifications), "offer")
        await pilot.press("M")
        await until(pilot, lambda: isinstance(app.screen, RitualScreen), "stepper")
        stepper = app.screen
        assert stepper.week == "2026-W48" and stepper.kind == "monday"
        # Nothing to bring in on the demo: the stepper stands at "Last week".
        assert stepper.step == "last_week"
        listing = stepper.query_one("#ritual-steps", OptionList)
        assert listing.option_count == 6 and listing.highlighted == 1
        record = state(mws).record
        assert record is not None and record.step == "last_week" and record.seconds == 0


async def test_skip_back_close_and_resume_keep_the_step_and_the_time(mws):
    app = monday_app(mws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("M")
        await until(pilot, lambda: isinstance(app.screen, RitualScreen), "stepper")
        CLOCK[0] = datetime(2026, 11, 23, 9, 3)
        await pilot.press("n", "n")
        assert app.screen.step == "conflicts"
        await pilot.press("b")
        assert app.screen.step == "decisions"
        CLOCK[0] = datetime(2026, 11, 23, 9, 5)
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, RitualScreen), "closed")
    record = state(mws).record
    assert record is not None and (record.step, record.seconds, record.ended) == ("decisions", 300, ())
    # The next start resumes where it was left, and says so on a Monday.
    app = monday_app(mws)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await until(pilot, lambda: any("stopped at Decisions" in n.message for n in app._notifications), "resume")
        await pilot.press("M")
        await until(pilot, lambda: isinstance(app.screen, RitualScreen), "stepper")
        assert app.screen.step == "decisions"
        CLOCK[0] = datetime(2026, 11, 23, 15, 0)  # left open for hours: one stretch counts 30 minutes at most
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, RitualScreen), "closed")
    assert state(mws).record.seconds == 300 + 30 * 60  # type: ignore[union-attr]


async def test_the_deck_step_writes_last_weeks_deck(mws):
    app = monday_app(mws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("M")
        await until(pilot, lambda: isinstance(app.screen, RitualScreen), "stepper")
        stepper = app.screen
        assert "o" not in stepper.active_bindings  # nothing written yet: nothing to open
        stepper.query_one("#ritual-steps", OptionList).highlighted = 5
        await pilot.press("enter")
        deck = mws.path.parent / "decks" / "deck-2026-W47.html"
        await until(pilot, deck.exists, "deck written")
        await until(pilot, lambda: stepper.note.startswith("Not done yet"), "what is left")
        # The deck written: o opens it, named in the footer; pressing it says what it opens.
        await until(pilot, lambda: "o" in stepper.active_bindings, "o offered")
        assert stepper.active_bindings["o"].binding.description == "Open the deck"
        opened: list[str] = []
        app.open_url = lambda url, new_tab=True: opened.append(url)  # no browser in a test
        await pilot.press("o")
        assert opened == [deck.resolve().as_uri()]
    assert left_of(mws, "deck") == ()
    record = state(mws).record
    assert record is not None and "deck" in record.ended and record.written == ("deck",)
    assert record.completed is None


async def test_the_cmo_tab_shows_the_trend_and_the_header_the_time(mws):
    from textual.widgets import Static

    from mkhats.services.ritual import advance, start_ritual

    for week, minutes in (("2026-W46", 20), ("2026-W48", 14)):
        start_ritual(mws, week, "monday", CLOCK[0], "numbers")
        advance(mws, week, "monday", seconds=minutes * 60, completed=CLOCK[0])
    app = monday_app(mws)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: "Monday ritual done in 0:14" in app.sub_title, "header")
        await pilot.press("5")
        line = app.main.query_one("#ritual-trend-cmo", Static)
        await until(pilot, lambda: "13 weeks" in str(line.render()), "trend")
        assert str(line.render()) == "Monday ritual, 13 weeks: ··········█·▅  last 0:14"
        await pilot.press("left_square_bracket")
        await until(pilot, lambda: "done in" not in app.sub_title, "another week")


def friday_ws(ws: Workspace, day: int = 27) -> Workspace:
    """The same data on another day of the week (Friday 27 Nov by default)."""
    return Workspace(ws.path, date(2026, 11, day))


async def walk_friday(app, pilot, ws: Workspace) -> RitualScreen:
    """F, then each hat's fact, conclusion and action typed, ctrl+s: the report and deck follow."""
    from mkhats.ui.screens.ritual_logs import LogsScreen

    await pilot.press("F")
    await until(pilot, lambda: isinstance(app.screen, RitualScreen), "stepper")
    stepper = app.screen
    assert stepper.step == "facts"
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, LogsScreen), "facts step")
    logs = app.screen
    assert logs.progress == "Friday ritual · 1/2 · Facts of the week"
    for area in logs.fields():
        area.focus()
        await pilot.press(*f"{area.field[0]} {area.hat}")
    CLOCK[0] = CLOCK[0].replace(minute=CLOCK[0].minute + 9)
    await pilot.press("ctrl+s")
    await until(pilot, lambda: app.screen is stepper and stepper.note.startswith("Done in"), "completed")
    return stepper


async def test_the_friday_ritual_walked_end_to_end(mws):
    from mkhats.services.plans import save_log

    save_log(mws, "crm", "2026-W48", plan="Two sends")  # Monday's plan, so Saturday's review is about Friday
    ws = friday_ws(mws)
    CLOCK[0] = datetime(2026, 11, 27, 16, 0)
    app = monday_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        stepper = await walk_friday(app, pilot, ws)
        assert stepper.note == "Done in 0:09: nothing left in the Friday ritual of 2026-W48."
        await pilot.press("escape")
        await until(pilot, lambda: "Friday ritual done in 0:09" in app.sub_title, "header")
    # What is stored: every hat's facts, the report and the deck, the run complete.
    with ws.read() as repo:
        logs = {hat: log for (hat, _), log in repo.logs(["2026-W48"]).items()}
    assert {hat: (log.fact, log.conclusion, log.action) for hat, log in logs.items()} == {
        hat: (f"f {hat}", f"c {hat}", f"a {hat}") for hat in ("content", "performance", "crm", "pm", "cmo")
    }
    assert (ws.path.parent / "reports" / "report-2026-W48.md").exists()
    assert (ws.path.parent / "decks" / "deck-2026-W48.html").exists()
    done = state(ws, "friday")
    assert not done.left and done.record is not None and done.record.completed is not None
    assert done.record.seconds == 9 * 60 and done.record.ended == ("facts", "report")
    # Saturday's review of the week has no RITUAL warning left.
    review = week_review(friday_ws(mws, 28), "2026-W48")
    assert [i for i in review.items if i.category == "RITUAL"] == []


def stored_checks(ws: Workspace) -> list:
    with Workspace(ws.path, ws.today).read() as repo:
        return repo.checks()


def plans_of(ws: Workspace, week: str) -> dict[str, str]:
    with Workspace(ws.path, ws.today).read() as repo:
        return {hat: log.plan for (hat, _), log in repo.logs([week]).items()}


async def walk_monday(app, pilot, ws: Workspace) -> RitualScreen:
    """M, then every step as a user would on the demo's Monday (an export waiting in the inbox)."""
    from textual.widgets import Input, Select

    from mkhats.ui.screens.import_screen import ImportScreen
    from mkhats.ui.screens.ritual_conflicts import ConflictsScreen
    from mkhats.ui.screens.ritual_decisions import DecisionsScreen
    from mkhats.ui.screens.ritual_last_week import LastWeekScreen
    from mkhats.ui.screens.ritual_logs import LogsScreen

    await pilot.press("M")
    await until(pilot, lambda: isinstance(app.screen, RitualScreen), "stepper")
    stepper = app.screen
    assert stepper.step == "numbers"
    # 1. Numbers: the inbox's export previewed and imported; the flow goes on by itself.
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, ImportScreen), "import")
    importer = app.screen
    await pilot.press("enter")
    await until(pilot, lambda: importer.plan is not None, "preview")
    CLOCK[0] = CLOCK[0].replace(minute=CLOCK[0].minute + 2)
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, LastWeekScreen), "last week")
    assert left_of(ws, "numbers") == ()
    # 2. Last week: read, and ended.
    assert app.screen.progress == "Monday ritual · 2/6 · Last week"
    assert app.screen.week == "2026-W47"
    CLOCK[0] = CLOCK[0].replace(minute=CLOCK[0].minute + 3)
    await pilot.press("ctrl+s")
    await until(pilot, lambda: isinstance(app.screen, DecisionsScreen), "decisions")
    assert left_of(ws, "last_week") == ()
    # 3. Decisions: the stop alert stopped, the budget kept, each with a reason.
    decisions = app.screen
    await until(pilot, lambda: len(decisions.views()) == 2, "decision rows")
    await pilot.press("enter", *"paused", "enter")
    await until(pilot, lambda: decisions.views() and decisions.views()[0].row.decided, "stop decided")
    await until(pilot, lambda: app.focused in decisions.views()[1].query("RadioSet"), "budget row")
    await pilot.press("right", "enter", *"launch", "enter")
    await until(pilot, lambda: decisions.views()[1].row.decided, "budget decided")
    CLOCK[0] = CLOCK[0].replace(minute=CLOCK[0].minute + 3)
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, ConflictsScreen), "conflicts")
    assert left_of(ws, "decisions") == ()
    # 4. Conflicts: each checked by someone wearing neither hat.
    conflicts = app.screen
    await until(pilot, lambda: len(conflicts.views()) == 3, "conflict rows")
    for view in conflicts.views():
        view.query_one(Select).value = "Anna (accountant)"
        view.query_one(".conflict-note", Input).focus()
        await pilot.press("enter")
        await until(pilot, lambda view=view: view.recorded, "check recorded")
    CLOCK[0] = CLOCK[0].replace(minute=CLOCK[0].minute + 2)
    await pilot.press("ctrl+s")
    await until(pilot, lambda: isinstance(app.screen, LogsScreen), "plan")
    assert left_of(ws, "conflicts") == ()
    # 5. This week's plan: CRM's typed; saving ends the step, and the deck is written.
    plan = app.screen
    next(f for f in plan.fields() if f.hat == "crm").focus()
    await pilot.press(*"Two sends")
    CLOCK[0] = CLOCK[0].replace(minute=CLOCK[0].minute + 4)
    await pilot.press("ctrl+s")
    await until(pilot, lambda: app.screen is stepper and stepper.note.startswith("Done in"), "completed")
    return stepper


def meta_export_of_last_week() -> str:
    from tests.ui.test_import_screen import META_THIS_WEEK

    return META_THIS_WEEK.replace("2026-11-23", "2026-11-16").replace("2026-11-24", "2026-11-17")


async def test_the_monday_ritual_walked_end_to_end(mws, tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / "Downloads").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))  # the user's downloads: empty, whatever the machine holds
    inbox = mws.path.parent / "inbox"
    inbox.mkdir()
    (inbox / "meta-ads.csv").write_text(meta_export_of_last_week(), encoding="utf-8")
    assert [x.what for x in left_of(mws, "numbers")] == ["inbox"]
    checks_before = len(stored_checks(mws))
    app = monday_app(mws)
    async with app.run_test(size=SIZE) as pilot:
        stepper = await walk_monday(app, pilot, mws)
        assert stepper.note == "Done in 0:14: nothing left in the Monday ritual of 2026-W48."
        await pilot.press("escape")
        await until(pilot, lambda: "Monday ritual done in 0:14" in app.sub_title, "header")
    assert not (inbox / "meta-ads.csv").exists()
    assert len(stored_checks(mws)) == checks_before + 3
    assert plans_of(mws, "2026-W48")["crm"] == "Two sends"
    assert (mws.path.parent / "decks" / "deck-2026-W47.html").exists()
    done = state(mws)
    assert not done.left and done.record is not None and done.record.completed is not None
    assert done.record.ended == ("numbers", "last_week", "decisions", "conflicts", "plan", "deck")
    assert done.record.seconds == 14 * 60
    # Tuesday's review of the week: no RITUAL warning, no stop alert or budget warning, no conflict.
    review = week_review(Workspace(mws.path, date(2026, 11, 24)), "2026-W48")
    assert {i.category for i in review.items} & {"RITUAL", "STOP", "BUDGET", "CONFLICT"} == set()


async def test_an_interrupted_ritual_resumes_where_it_stopped_with_what_was_entered(mws):
    from mkhats.ui.screens.ritual_decisions import DecisionsScreen

    app = monday_app(mws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("M")
        await until(pilot, lambda: isinstance(app.screen, RitualScreen), "stepper")
        stepper = app.screen
        stepper.query_one("#ritual-steps", OptionList).highlighted = 2
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, DecisionsScreen), "decisions")
        decisions = app.screen
        await until(pilot, lambda: len(decisions.views()) == 2, "decision rows")
        await pilot.press("enter", *"paused", "enter")
        await until(pilot, lambda: decisions.views()[0].row.decided, "stop decided")
        CLOCK[0] = datetime(2026, 11, 23, 9, 4)
        await pilot.press("q")  # quit mid-step: what was decided is kept
        await until(pilot, lambda: app.return_code is not None or not app.is_running, "quit")
    left = left_of(mws, "decisions")
    assert [x.what for x in left] == ["budgets"]  # the stop alert's decision was kept
    assert state(mws).record.seconds == 4 * 60  # type: ignore[union-attr]  # kept on quitting
    app = monday_app(mws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("M")
        await until(pilot, lambda: isinstance(app.screen, RitualScreen), "stepper")
        assert app.screen.step == "decisions"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, DecisionsScreen), "decisions again")
        decisions = app.screen
        await until(pilot, lambda: decisions.views(), "decision rows")
        assert [v.row.kind for v in decisions.views() if not v.row.decided] == ["budget"]


async def test_a_hat_without_last_weeks_numbers_gets_its_week_grid(mws):
    from mkhats.services.kpi_settings import KpiDraft, add_kpi
    from mkhats.ui.screens.ritual_last_week import LastWeekScreen
    from mkhats.ui.screens.week_entry import WeekEntryScreen

    add_kpi(mws, "crm", "Webinar signups", KpiDraft())
    left = left_of(mws, "numbers")
    assert [(x.what, x.params["hat"], x.params["week"], x.params["n"]) for x in left] == [
        ("numbers", "crm", "2026-W47", 1)
    ]
    app = monday_app(mws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("M")
        await until(pilot, lambda: isinstance(app.screen, RitualScreen), "stepper")
        assert app.screen.step == "numbers"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, WeekEntryScreen), "the grid")
        grid = app.screen
        assert (grid.hat, grid.week) == ("crm", "2026-W47")
        await until(pilot, lambda: grid.sheet is not None, "the grid read")
        grid.grid.go_to(("crm.webinar_signups", "2026-11-18"))
        await pilot.press(*"42", "enter", "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, LastWeekScreen), "on to last week")
    assert left_of(mws, "numbers") == ()
    assert state(mws).record.ended == ("numbers",)  # type: ignore[union-attr]


async def test_last_weeks_missing_facts_are_typed_in_the_ritual_and_its_warning_goes(mws):
    from mkhats.services.plans import save_log
    from mkhats.ui.screens.ritual_decisions import DecisionsScreen
    from mkhats.ui.screens.ritual_last_week import LastWeekScreen

    save_log(mws, "crm", "2026-W47", fact="", action="")
    assert [x.what for x in left_of(mws, "last_week")] == ["facts", "not_visited"]
    app = monday_app(mws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("M")
        await until(pilot, lambda: isinstance(app.screen, RitualScreen), "stepper")
        listing = app.screen.query_one("#ritual-steps", OptionList)
        assert "CRM: fact, conclusion or action of 2026-W47 not written" in str(listing.get_option_at_index(1).prompt)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, LastWeekScreen), "last week")
        screen = app.screen
        await until(pilot, lambda: screen.fields(), "the fields")
        await pilot.press(*"6 repeat sales")
        next(f for f in screen.fields() if f.field == "action").focus()
        await pilot.press(*"Monthly win-back", "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, DecisionsScreen), "on to decisions")
    assert left_of(mws, "last_week") == ()
    review = week_review(Workspace(mws.path, MONDAY), "2026-W48")
    assert [i for i in review.items if i.category == "RITUAL"] == []


async def test_a_narrow_header_keeps_the_warnings_and_says_the_ritual_short(mws):
    from mkhats.services.ritual import advance, start_ritual

    start_ritual(mws, "2026-W48", "monday", CLOCK[0], "numbers")
    advance(mws, "2026-W48", "monday", seconds=14 * 60 - 20, completed=CLOCK[0])  # a minute begun counts
    app = monday_app(mws)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.sub_title.endswith("Mon ✓ 0:14"), "the short words")
        assert app.sub_title.startswith("⚠ 16 warnings")
        await pilot.resize_terminal(120, 40)
        await until(pilot, lambda: app.sub_title.endswith("Monday ritual done in 0:14"), "the long words")


async def test_the_list_follows_a_change_made_elsewhere(mws):
    from mkhats.services.plans import save_log

    app = monday_app(mws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("M")
        await until(pilot, lambda: isinstance(app.screen, RitualScreen), "stepper")
        stepper = app.screen
        listing = stepper.query_one("#ritual-steps", OptionList)
        assert "CRM: plan of 2026-W48 missing" in str(listing.get_option_at_index(4).prompt)
        save_log(Workspace(mws.path, MONDAY), "crm", "2026-W48", plan="Typed in another window")
        await until(pilot, lambda: "— done" in str(listing.get_option_at_index(4).prompt), "the plan step done")


async def test_the_palette_opens_the_friday_ritual(mws):
    app = monday_app(mws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"friday ritual")
        results = app.screen.query_one("#--results").query_one(OptionList)
        await until(
            pilot,
            lambda: results.option_count and "Friday ritual" in str(results.get_option_at_index(0).prompt),
            "the entry",
        )
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, RitualScreen), "stepper")
        assert app.screen.kind == "friday" and app.screen.step == "facts"


async def test_over_the_stepper_the_palette_offers_no_second_ritual(mws):
    # The main screen's commands act on the screen below: a Monday ritual picked over the stepper
    # once pushed a second stepper with the same ids (DuplicateIds, a crash).
    app = monday_app(mws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("M")
        await until(pilot, lambda: isinstance(app.screen, RitualScreen), "stepper")
        stepper = app.screen
        await pilot.press("ctrl+p", *"ritual")
        results = app.screen.query_one("#--results").query_one(OptionList)
        await pilot.pause(0.5)  # the palette searches in the background; nothing is to appear
        prompts = [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]
        assert not any("ritual" in p.lower() for p in prompts), prompts
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is stepper, "back on the stepper")
        await pilot.press("ctrl+p", *"theme")
        themes = app.screen.query_one("#--results").query_one(OptionList)
        await until(pilot, lambda: themes.option_count > 0, "the app's own theme command")
