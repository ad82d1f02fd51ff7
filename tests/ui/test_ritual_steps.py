"""Pilot tests of the ritual's step screens, each pushed on its own over the demo data (today:
Tue 24 Nov 2026, 2026-W48): what each shows, what it stores, and what it dismisses with (True: the
step is done; False: the user left it)."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from mkhats.services.review import week_review
from mkhats.ui.screens.form import ConfirmDialog
from mkhats.ui.screens.ritual_logs import LogsScreen
from mkhats.ui.screens.ritual_step import StepText
from tests.ui.conftest import SIZE


async def until(pilot: Any, condition: Any) -> None:
    """Wait (on the condition, not the clock) until ``condition()`` holds."""
    for _ in range(3000):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("the condition never held")


async def push(pilot: Any, screen: Screen[bool]) -> list[bool | None]:
    """Push ``screen`` over the main screen; the list receives what it dismisses with."""
    results: list[bool | None] = []
    await pilot.pause()
    pilot.app.push_screen(screen, results.append)
    await until(pilot, lambda: pilot.app.screen is screen)
    await pilot.pause()
    return results


def logs(ws: Any, week: str) -> dict[str, Any]:
    """The logs of ``week`` as stored, read afresh."""
    with ws.read() as repo:
        return {hat: log for (hat, _), log in repo.logs([week]).items()}


def field(screen: Screen[bool], hat: str, name: str) -> StepText:
    return screen.query_one(f"#{hat}-{name}", StepText)


def body(screen: Screen[bool]) -> str:
    """Every Static's text on the screen (tables drawn as text), scrolled out of view or not."""
    import io

    from rich.console import Console
    from textual.widgets import Static

    console = Console(width=200, file=io.StringIO(), record=True)
    for static in screen.query(Static).results():
        console.print(static.content)
    return console.export_text()


# -- the week's logs ---------------------------------------------------------------------------


async def test_the_plan_step_shows_last_weeks_action_and_saves_every_hat_at_once(ws, make_app):
    before = logs(ws, "2026-W48")
    assert "crm" not in before or not before["crm"].plan
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = LogsScreen("2026-W48", "plan", progress="Monday ritual · 5/6 · Plan")
        done = await push(pilot, screen)
        text = body(screen)
        assert "Monday ritual · 5/6 · Plan" in text
        last = logs(ws, "2026-W47")
        assert f"Last week's action: {last['performance'].action}" in text
        assert set(h.hat for h in screen.fields()) == {"content", "performance", "crm", "pm", "cmo"}
        assert app.focused is field(screen, "crm", "plan")  # the first plan still empty
        field(screen, "crm", "plan").focus()
        await pilot.press(*"Two sends")
        field(screen, "pm", "plan").focus()
        await pilot.press(*" + review")  # the cursor waits after the text: typing adds to it
        assert screen.pending() == 2
        await pilot.press("ctrl+s")
        await until(pilot, lambda: done)
    assert done == [True]
    after = logs(ws, "2026-W48")
    assert after["crm"].plan == "Two sends"
    assert after["pm"].plan == before["pm"].plan + " + review"
    assert after["content"] == before["content"]  # untouched hats are not written


async def test_leaving_with_typed_text_asks_first_and_saves_nothing(ws, make_app):
    before = logs(ws, "2026-W48")
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = LogsScreen("2026-W48", "plan")
        done = await push(pilot, screen)
        field(screen, "crm", "plan").focus()
        await pilot.press(*"Draft")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("escape")  # keep editing
        await until(pilot, lambda: app.screen is screen)
        assert not done and field(screen, "crm", "plan").text == "Draft"
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await until(pilot, lambda: done)
    assert done == [False]
    assert logs(ws, "2026-W48") == before


async def test_nothing_typed_escape_leaves_and_ctrl_s_ends(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        done = await push(pilot, LogsScreen("2026-W48", "facts"))
        await pilot.press("escape")
        await until(pilot, lambda: done)
        again = await push(pilot, LogsScreen("2026-W48", "facts"))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: again)
    assert done == [False] and again == [True]


async def test_the_facts_step_shows_the_weeks_numbers_beside_the_fields(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = LogsScreen("2026-W47", "facts")
        done = await push(pilot, screen)
        text = body(screen)
        assert "CPA $" in text and "✗ +" in text  # CPA off its target in W47, its deviation signed
        assert {f.field for f in screen.fields()} == {"fact", "conclusion", "action"}
        area = field(screen, "crm", "conclusion")
        area.focus()
        await pilot.press(*" Win-back worked.")  # after the text there: the cursor waits at its end
        await pilot.press("ctrl+s")
        await until(pilot, lambda: done)
    assert done == [True]
    assert (
        logs(ws, "2026-W47")["crm"].conclusion == "Inactive buyers still respond to a personal offer. Win-back worked."
    )


async def test_a_field_changed_elsewhere_refuses_the_lot(ws, make_app):
    from mkhats.services.plans import save_log

    before = logs(ws, "2026-W48")
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = LogsScreen("2026-W48", "plan")
        done = await push(pilot, screen)
        field(screen, "content", "plan").focus()
        await pilot.press(*"A")
        field(screen, "crm", "plan").focus()
        await pilot.press(*"B")
        save_log(ws, "crm", "2026-W48", plan="Theirs")  # another window
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not done
        assert "Nothing is saved" in body(screen)
    after = logs(ws, "2026-W48")
    assert after["crm"].plan == "Theirs" and after["content"] == before["content"]


# -- decisions ---------------------------------------------------------------------------------


def decisions(ws: Any) -> tuple[list[Any], list[Any]]:
    """The stop-alert decisions and the budget decisions as stored."""
    with ws.read() as repo:
        return repo.decisions(), repo.money().budget_decisions()


def categories(ws: Any, week: str = "2026-W48") -> list[str]:
    return [i.category for i in week_review(ws, week).items]


async def test_decisions_are_taken_in_place_and_the_step_ends_when_all_are(ws, make_app):
    from textual.widgets import Input, RadioSet

    from mkhats.ui.screens.ritual_decisions import DecisionRowView, DecisionsScreen

    assert "STOP" in categories(ws) and "BUDGET" in categories(ws)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = DecisionsScreen("2026-W48", progress="3/6")
        done = await push(pilot, screen)
        assert [v.row.kind for v in screen.views()] == ["stop", "budget"]
        assert "2 to decide" in body(screen)
        stop, budget = screen.views()
        assert isinstance(app.focused, RadioSet) and app.focused in stop.query(RadioSet)
        await pilot.press("enter", *"paused the campaign", "enter")  # Stopped; the reason takes the typing
        await until(pilot, lambda: screen.views() and screen.views()[0].row.decided)
        assert "✓ Decided: stopped — paused the campaign" in body(screen)
        budget = screen.views()[1]
        assert app.focused in budget.query(RadioSet)
        await pilot.press("right", "enter", "enter")  # Keep, without a reason: refused
        await pilot.pause()
        assert "needs a reason" in body(screen) and not screen.views()[1].row.decided
        budget.query_one(Input).focus()
        await pilot.press(*"launch week", "enter")
        await until(pilot, lambda: screen.views()[1].row.decided)
        assert "All decided" in body(screen)
        assert not done
        await pilot.press("enter")
        await until(pilot, lambda: done)
    assert done == [True]
    stops, budgets = decisions(ws)
    assert (stops[-1].kpi, stops[-1].decision, stops[-1].reason) == (
        "performance.cpa",
        "stopped",
        "paused the campaign",
    )
    assert [(b.hat, b.month, b.decision, b.reason) for b in budgets] == [
        ("performance", "2026-11", "keep", "launch week")
    ]
    assert "STOP" not in categories(ws) and "BUDGET" not in categories(ws)
    assert all(isinstance(v, DecisionRowView) for v in screen.views())


async def test_ctrl_s_records_what_is_picked_and_escape_asks_before_losing_it(ws, make_app):
    from mkhats.ui.screens.ritual_decisions import DecisionsScreen

    before = decisions(ws)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = DecisionsScreen("2026-W48")
        left = await push(pilot, screen)
        await pilot.press("right", "enter")  # Rewritten, not recorded yet
        assert screen.pending() == 1
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await until(pilot, lambda: left)
        assert decisions(ws) == before and "STOP" in categories(ws)
        screen = DecisionsScreen("2026-W48")
        done = await push(pilot, screen)
        await pilot.press("right", "enter")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: done)
    assert left == [False] and done == [True]
    stops, budgets = decisions(ws)
    assert stops[-1].decision == "rewritten" and not budgets
    assert "STOP" not in categories(ws) and "BUDGET" in categories(ws)  # the step ends; the budget is left


# -- conflicts ---------------------------------------------------------------------------------


def checks(ws: Any) -> list[Any]:
    with ws.read() as repo:
        return repo.checks()


async def test_conflicts_are_checked_in_place_by_someone_wearing_neither_hat(ws, make_app):
    from textual.widgets import Input, Select

    from mkhats.ui.screens.ritual_conflicts import ConflictsScreen

    before = checks(ws)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = ConflictsScreen("2026-W48", progress="4/6")
        done = await push(pilot, screen)
        rows = screen.views()
        assert [v.row.pair for v in rows] == [("performance", "cmo"), ("content", "performance"), ("pm", "cmo")]
        assert "Who may check it: Anna (accountant) · external" in body(screen)
        first, second, _ = rows
        first.query_one(Select).value = "Anna (accountant)"
        first.query_one(".conflict-note", Input).focus()
        await pilot.press(*"spend matches the ad account", "enter")
        await until(pilot, lambda: first.recorded)
        assert "✓ Performance × CMO: checked by Anna (accountant) on 24 Nov 2026, valid until 30 Nov 2026" in body(
            screen
        )
        second.query_one(".conflict-new", Input).focus()
        await pilot.press(*"Me", "enter")  # wears both hats: refused, nothing stored
        await pilot.pause()
        assert not second.recorded and "Me" in str(second.query_one(".error").content)
        second.query_one(".conflict-new", Input).value = ""
        await pilot.press(*"Oleg", "enter")
        await until(pilot, lambda: second.recorded)
        # Oleg, new, may check the row still open: offered there at once.
        third = screen.views()[2]
        await until(pilot, lambda: "Oleg" in [name for _, name in third.row.checkers])
        assert "Oleg" in str(third.query_one(".conflict-who").content)
        assert screen.pending() == 0
        await pilot.press("ctrl+s")
        await until(pilot, lambda: done)
    assert done == [True]
    new = checks(ws)[len(before) :]
    assert [(c.hats, c.by, c.day.isoformat(), c.note, c.outcome) for c in new] == [
        (("performance", "cmo"), "Anna (accountant)", "2026-11-24", "spend matches the ad account", "ok"),
        (("content", "performance"), "Oleg", "2026-11-24", "", "ok"),
    ]
    assert [i.pair for i in week_review(ws, "2026-W48").items if i.category == "CONFLICT"] == [("pm", "cmo")]


async def test_leaving_conflicts_with_a_name_typed_asks_and_stores_nothing(ws, make_app):
    from textual.widgets import Input

    from mkhats.ui.screens.ritual_conflicts import ConflictsScreen

    before = checks(ws)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = ConflictsScreen("2026-W48")
        done = await push(pilot, screen)
        screen.views()[2].query_one(".conflict-new", Input).focus()
        await pilot.press(*"Olga")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await until(pilot, lambda: done)
    assert done == [False] and checks(ws) == before


# -- last week ---------------------------------------------------------------------------------


def ritual_facts(ws: Any) -> list[tuple[str | None, str | None]]:
    """The RITUAL "facts missing" warnings of this week's review: (hat, week)."""
    items = week_review(ws, "2026-W48").items
    return [(i.hat, i.week) for i in items if i.key == "review.ritual_facts"]


async def test_last_week_shows_each_hat_and_its_missing_facts_are_typed_there(ws, make_app):
    from mkhats.services.plans import save_log
    from mkhats.ui.screens.ritual_last_week import LastWeekScreen

    save_log(ws, "crm", "2026-W47", fact="", action="")  # the crm facts of last week: missing
    assert ritual_facts(ws) == [("crm", "2026-W47")]
    kept = logs(ws, "2026-W47")["crm"]
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = LastWeekScreen("2026-W47", progress="2/6")
        done = await push(pilot, screen)
        text = body(screen)
        performance = logs(ws, "2026-W47")["performance"]
        assert performance.plan[:20] in text and performance.fact[:20] in text  # plan beside fact
        assert "CPA $" in text and "✗ +22\u00a0% STOP" in text  # against target, deviation signed
        assert "Open items:" in text and "☐ Check the stop rules" in text
        assert "The facts of this week are missing" in text
        assert {(f.hat, f.field) for f in screen.fields()} == {
            ("crm", "fact"),
            ("crm", "conclusion"),
            ("crm", "action"),
        }
        assert field(screen, "crm", "conclusion").text == kept.conclusion  # what is there stays
        assert app.focused is field(screen, "crm", "fact")
        await pilot.press(*"6 repeat sales")
        field(screen, "crm", "action").focus()
        await pilot.press(*"Make the win-back monthly")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: done)
    assert done == [True]
    log = logs(ws, "2026-W47")["crm"]
    assert (log.fact, log.conclusion, log.action) == ("6 repeat sales", kept.conclusion, "Make the win-back monthly")
    assert ritual_facts(ws) == []


async def test_last_week_with_nothing_missing_ends_on_enter_and_leaves_on_escape(ws, make_app):
    from mkhats.ui.screens.ritual_last_week import LastWeekScreen

    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = LastWeekScreen("2026-W47")
        done = await push(pilot, screen)
        assert screen.fields() == []
        await pilot.press("enter")
        await until(pilot, lambda: done)
        left = await push(pilot, LastWeekScreen("2026-W47"))
        await pilot.press("escape")
        await until(pilot, lambda: left)
    assert done == [True] and left == [False]


async def test_an_alert_decided_otherwise_meanwhile_is_not_decided_again(ws, make_app):
    from textual.widgets import Static

    from mkhats.services.decisions import decide
    from mkhats.ui.screens.ritual_decisions import DecisionsScreen

    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = DecisionsScreen("2026-W48")
        await push(pilot, screen)
        stop = screen.views()[0]
        assert stop.row.alert is not None
        decide(ws, stop.row.alert, "kept", "another window")
        await pilot.press("enter", "enter")  # Stopped, over a decision it did not see
        await pilot.pause()
        assert not stop.row.decided and "changed elsewhere" in str(stop.query_one(".error", Static).content)
    assert [d.decision for d in decisions(ws)[0] if d.kpi == "performance.cpa"][-1:] == ["kept"]


async def test_enter_in_a_log_field_types_a_new_line_and_does_not_end_the_step(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = LogsScreen("2026-W48", "plan")
        done = await push(pilot, screen)
        field(screen, "crm", "plan").focus()
        await pilot.press(*"one", "enter", *"two")
        await pilot.pause()
        assert not done and field(screen, "crm", "plan").text == "one\ntwo"
