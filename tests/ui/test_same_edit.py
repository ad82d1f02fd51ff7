"""Pilot tests of two writers of one field (SPEC §5): a form whose record another window changed
asks keep mine / take theirs / see both instead of saving over it. The other window is a second
``Workspace`` on the same file (another process's write)."""

from __future__ import annotations

from textual.widgets import Input, Static

from mkhats.services.plans import save_log
from mkhats.services.workspace import Workspace
from mkhats.ui.screens.log_dialog import LogDialog
from mkhats.ui.screens.same_edit import BothVersionsDialog, SameEditDialog
from mkhats.ui.widgets.weekly_log import LogField
from tests.ui.conftest import SIZE
from tests.ui.test_kpi_detail import open_detail

WEEK = "2026-W48"
SMALL = (80, 24)


def stored_plan(ws: Workspace, hat: str = "crm") -> str:
    with ws.read() as repo:
        log = repo.logs([WEEK]).get((hat, WEEK))
    return log.plan if log else ""


async def typed_plan_then_theirs(app, pilot, ws: Workspace) -> LogField:
    """Open CRM's log (no plan in the demo), type in Plan, then another window saves its plan."""
    await pilot.press("3", "l")
    assert isinstance(app.screen, LogDialog)
    area = app.screen.query_one("#log-plan", LogField)
    await pilot.press(*"Mine")
    save_log(Workspace(ws.path, ws.today), "crm", WEEK, plan="Theirs")
    return area


async def test_saving_a_plan_changed_elsewhere_asks_and_keep_mine_stores_mine(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        area = await typed_plan_then_theirs(app, pilot, ws)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SameEditDialog)
        sentence = str(app.screen.query_one("#edit-sentence", Static).render())
        assert "Plan (Mon) changed elsewhere" in sentence
        assert stored_plan(ws) == "Theirs"  # nothing saved while the question is open
        await pilot.click("#edit-mine")
        await pilot.pause()
        assert isinstance(app.screen, LogDialog)
        assert stored_plan(ws) == "Mine"
        assert area.text == "Mine" and not area.dirty


async def test_take_theirs_shows_theirs_and_saves_nothing(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        area = await typed_plan_then_theirs(app, pilot, ws)
        await pilot.press("ctrl+s")
        await pilot.pause()
        before = ws.path.read_bytes()
        await pilot.click("#edit-theirs")
        await pilot.pause()
        assert isinstance(app.screen, LogDialog)
        assert area.text == "Theirs" and not area.dirty
        assert ws.path.read_bytes() == before
        await pilot.press("escape")  # nothing left to save: the editor closes
        await pilot.pause()
        assert not isinstance(app.screen, LogDialog)
        assert stored_plan(ws) == "Theirs"


async def test_see_both_shows_both_then_returns_to_the_choice_at_80x24(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SMALL) as pilot:
        await typed_plan_then_theirs(app, pilot, ws)
        await pilot.press("escape")  # closing saves what is unsaved: the question comes first
        await pilot.pause()
        assert isinstance(app.screen, SameEditDialog)
        for button in ("#edit-mine", "#edit-theirs", "#edit-both"):
            region = app.screen.query_one(button).region
            assert region.right <= 80 and region.bottom <= 24, button
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BothVersionsDialog)
        cells = [str(s.render()) for s in app.screen.query("#both-grid Static") if not s.has_class("head")]
        assert cells == ["Plan (Mon)", "Mine", "Theirs"]  # field by field: only Plan differs
        assert app.screen.query_one("#both-back").region.bottom <= 24
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SameEditDialog)
        await pilot.press("m")  # keep mine: saved, and the editor closes as escape asked
        await pilot.pause()
        assert not isinstance(app.screen, (LogDialog, SameEditDialog))
        assert stored_plan(ws) == "Mine"


async def test_a_field_changed_elsewhere_but_not_here_is_merged_without_a_question(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "l")
        await pilot.press(*"Mine")
        save_log(Workspace(ws.path, ws.today), "crm", WEEK, fact="Their fact")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LogDialog)
        with ws.read() as repo:
            log = repo.logs([WEEK])[("crm", WEEK)]
        assert (log.plan, log.fact) == ("Mine", "Their fact")
        assert app.screen.query_one("#log-fact", LogField).text == "Their fact"  # shown, merged


async def test_deciding_later_keeps_the_typing_and_saves_nothing(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        area = await typed_plan_then_theirs(app, pilot, ws)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LogDialog)
        assert area.text == "Mine" and area.dirty
        assert stored_plan(ws) == "Theirs"


# -- the KPI detail's target and stop rule --------------------------------------------------------


async def typed_target_then_theirs(app, pilot, ws: Workspace) -> Input:
    """Type a CPA target in the KPI detail, then another window stores its own target."""
    from mkhats.domain.kpis import KpiChange
    from mkhats.services.kpi_rules import set_kpi

    screen = await open_detail(app, pilot, "performance.cpa")
    field = screen.query_one("#rule-target", Input)
    field.value = ""
    field.focus()
    await pilot.press(*"3800")
    set_kpi(Workspace(ws.path, ws.today), "performance.cpa", KpiChange(target="4500"))
    return field


def stored_target(ws: Workspace) -> float | None:
    with ws.read() as repo:
        return repo.kpis()["performance.cpa"].target


async def test_a_target_changed_elsewhere_asks_and_keep_mine_stores_mine(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await typed_target_then_theirs(app, pilot, ws)
        detail = app.screen
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SameEditDialog)
        assert "Weekly target changed elsewhere" in str(app.screen.query_one("#edit-sentence", Static).render())
        assert stored_target(ws) == 4500
        await pilot.press("m")
        await pilot.pause()
        assert app.screen is detail
        assert stored_target(ws) == 3800
        assert detail.query_one("#rule-target", Input).value == "3800"


async def test_take_theirs_loads_their_target_and_saves_nothing(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        field = await typed_target_then_theirs(app, pilot, ws)
        await pilot.press("enter")
        await pilot.pause()
        before = ws.path.read_bytes()
        await pilot.press("t")
        await pilot.pause()
        assert field.value == "4500"
        assert ws.path.read_bytes() == before
        await pilot.press("enter")  # saving again: nothing was changed against theirs
        await pilot.pause()
        assert not isinstance(app.screen, SameEditDialog)
        assert stored_target(ws) == 4500


async def test_see_both_shows_both_targets_at_80x24(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SMALL) as pilot:
        await typed_target_then_theirs(app, pilot, ws)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.click("#edit-both")
        await pilot.pause()
        assert isinstance(app.screen, BothVersionsDialog)
        cells = [str(s.render()) for s in app.screen.query("#both-grid Static") if not s.has_class("head")]
        assert cells == ["Weekly target", "3800", "4500"]
        await pilot.click("#both-back")
        await pilot.pause()
        assert isinstance(app.screen, SameEditDialog)
        assert stored_target(ws) == 4500


# -- a checklist item (a form built on FormDialog) and a day's value -------------------------------


async def test_an_item_renamed_elsewhere_asks_and_take_theirs_fills_the_form(ws, make_app):
    from textual.widgets import Select

    from mkhats.services.plans import edit_item
    from mkhats.ui.screens.checklist_editor import ItemDialog
    from tests.ui.test_forms import _items, _open_editor

    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        editor = await _open_editor(app, pilot)
        item = editor.current()
        await pilot.press("enter")
        dialog = app.screen
        assert isinstance(dialog, ItemDialog)
        dialog.query_one("#text", Input).value = "Mine"
        edit_item(Workspace(ws.path, ws.today), item.id, "Theirs")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SameEditDialog)
        await pilot.press("t")
        await pilot.pause()
        assert app.screen is dialog
        assert dialog.query_one("#text", Input).value == "Theirs"
        assert dialog.query_one("#cadence", Select).value == "weekly"
        dialog.query_one("#text", Input).value = "Theirs, and mine"
        await pilot.press("ctrl+s")  # typed over theirs, knowingly: saved without a question
        await pilot.pause()
        assert app.screen is editor
        assert [i.text for i in _items(ws, "content") if i.id == item.id] == ["Theirs, and mine"]


async def test_a_value_changed_elsewhere_asks_and_keep_mine_stores_mine(ws, make_app):
    from mkhats.services.values import add_value
    from mkhats.ui.screens.value_edit import EditValueDialog
    from tests.ui.test_kpi_detail import stored

    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_detail(app, pilot, "performance.spend")
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EditValueDialog)
        dialog.query_one("#edit-value", Input).value = "777"
        add_value(Workspace(ws.path, ws.today), "performance.spend", 999, ws.today)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SameEditDialog)
        assert stored(ws, "performance.spend", ws.today) == 999
        await pilot.press("m")
        await pilot.pause()
        assert app.screen is screen
        assert stored(ws, "performance.spend", ws.today) == 777


# -- the settings screen -----------------------------------------------------------------------------


async def test_an_hour_budget_changed_elsewhere_asks_and_take_theirs_shows_it(empty_ws, make_app):
    from mkhats.services.settings import set_hours_budget
    from tests.ui.test_settings import open_settings

    app = make_app(empty_ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(app, pilot, "hats")
        field = screen.query_one("#hat-hours-cmo", Input)
        field.focus()
        await pilot.press(*"8")
        set_hours_budget(Workspace(empty_ws.path, empty_ws.today), "cmo", "6")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SameEditDialog)
        assert "Hours/week changed elsewhere" in str(app.screen.query_one("#edit-sentence", Static).render())
        await pilot.press("t")
        await pilot.pause()
        assert app.screen is screen
        assert field.value == "6"
        with empty_ws.read() as repo:
            assert repo.hats()["cmo"].hours_budget == 6
