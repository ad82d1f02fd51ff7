"""Pilot tests of issue 14 item 6: tab keys from any focus, one click ticks, focus in a form's first
field (the values' side: ``test_discoverability_values``)."""

from __future__ import annotations

import pytest
from textual.widget import Widget

from mkhats.ui.screens.checklist_editor import ChecklistEditor
from mkhats.ui.screens.dialogs import AddValueDialog
from mkhats.ui.screens.log_dialog import LogDialog
from mkhats.ui.screens.review import ReviewScreen
from mkhats.ui.screens.settings import SettingsScreen
from mkhats.ui.screens.week_entry import WeekEntryScreen
from mkhats.ui.widgets.checklist import Checklist
from mkhats.ui.widgets.kpi_table import KpiTable
from mkhats.ui.widgets.log_view import LogView
from tests.ui.conftest import SIZE

# -- 1. keys from any focus on the tab ----------------------------------------------------------


def _focus_target(app, where: str) -> Widget | None:
    """The widget of the Performance tab to focus (None: nothing focused)."""
    if where == "checklist":
        return app.query_one("#checklist-performance", Checklist)
    if where == "kpis":
        return app.query_one("#kpis-performance", KpiTable)
    if where == "log":
        return app.query_one("#log-performance", LogView)
    if where == "tabs":
        return app.query_one("#hats Tabs")
    return None


FOCUS = ["checklist", "kpis", "log", "tabs", "none"]
OPENS = {
    "e": ChecklistEditor,
    "l": LogDialog,
    "a": WeekEntryScreen,
    "plus": AddValueDialog,
    "r": ReviewScreen,
    "s": SettingsScreen,
}


@pytest.mark.parametrize("where", FOCUS)
@pytest.mark.parametrize("key", list(OPENS))
async def test_tab_keys_work_from_any_focus(ws, make_app, where, key):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        target = _focus_target(app, where)
        app.screen.set_focus(target)
        await pilot.pause()
        assert app.focused is target
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, OPENS[key])
        if key == "e":
            assert app.screen.hat == "performance"


async def test_e_in_the_checklist_still_names_itself_in_the_footer(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        app.query_one("#checklist-content", Checklist).focus()
        await pilot.pause()
        shown = {k for k, b in app.screen.active_bindings.items() if b.binding.show}
        assert "e" in shown
        app.screen.set_focus(app.query_one("#kpis-content", KpiTable))
        await pilot.pause()
        shown = {k for k, b in app.screen.active_bindings.items() if b.binding.show}
        assert "e" not in shown  # the footer is full at 80 columns: the help and the palette name it


# -- 2. one click ticks --------------------------------------------------------------------------


def _ticked(ws, item: str, week: str = "2026-W48") -> bool:
    with ws.read() as repo:
        return (item, week) in repo.ticks()


async def _click_row(pilot, table: Checklist, row: int) -> None:
    # The table's rows start under its top border, after its left border and padding.
    await pilot.click(table, offset=(4, 1 + row))
    await pilot.pause()


async def test_one_click_ticks_an_item_and_another_unticks_it(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one("#checklist-content", Checklist)
        await pilot.pause()
        second = table.coordinate_to_cell_key((1, 0)).row_key.value
        assert table.cursor_row == 0
        before = _ticked(ws, second)
        await _click_row(pilot, table, 1)  # not the highlighted row
        assert table.cursor_row == 1
        assert _ticked(ws, second) is not before
        await _click_row(pilot, table, 1)  # now highlighted: one more click unticks
        assert _ticked(ws, second) is before


async def test_keys_still_move_without_ticking_and_space_ticks(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one("#checklist-content", Checklist)
        table.focus()
        await pilot.pause()
        with ws.read() as repo:
            ticks = set(repo.ticks())
        await pilot.press("down")
        await pilot.pause()
        with ws.read() as repo:
            assert set(repo.ticks()) == ticks
        second = table.coordinate_to_cell_key((1, 0)).row_key.value
        await pilot.press("space")
        await pilot.pause()
        assert _ticked(ws, second) is ((second, "2026-W48") not in ticks)


# -- 3. focus in the first field of every form ----------------------------------------------------


def _dialogs(app, ws) -> dict[str, tuple[object, str]]:
    """Every form the main screen leads to → (the form, the id of the field focused on opening).

    The first field, or the first one left to fill when those above it hold their default (today,
    this quarter, this month, the highlighted KPI): the value form opened on a KPI waits for the value.
    """
    from mkhats.domain.review import review
    from mkhats.services.settings import load
    from mkhats.ui.screens.checklist_editor import ItemDialog
    from mkhats.ui.screens.dialogs import CheckDialog, DecisionDialog, RolesReviewDialog
    from mkhats.ui.screens.goal_dialog import GoalDialog
    from mkhats.ui.screens.hypotheses import HypothesisDialog
    from mkhats.ui.screens.restore import RestoreDialog
    from mkhats.ui.screens.roles import RolesKpiDialog
    from mkhats.ui.screens.settings.dialogs import ConflictDialog, KpiDialog
    from mkhats.ui.screens.strategy import StrategyDialog
    from mkhats.ui.screens.value_edit import EditValueDialog

    snapshot = app.snapshot
    alert = next(i.alert for i in review(snapshot) if i.category == "STOP")
    return {
        "value": (AddValueDialog(None), "kpi"),
        "value on a KPI": (AddValueDialog("content.traffic"), "value"),
        "edit value": (EditValueDialog("content.traffic", "Traffic", ws.today, "24 Nov", "100", ""), "edit-value"),
        "log": (LogDialog("content", app.week, None, "plan"), "log-plan"),
        "checklist": (ChecklistEditor("content"), "items"),
        "checklist item": (ItemDialog("content"), "text"),
        "check": (CheckDialog(("performance", "cmo")), "by"),
        "decision": (DecisionDialog(alert), "decision"),
        "roles review": (RolesReviewDialog(), "notes"),
        "roles and KPIs": (RolesKpiDialog(), "notes"),
        "strategy": (StrategyDialog(), "v-content"),
        "goal": (GoalDialog("cmo.revenue"), "value"),
        "hypothesis": (HypothesisDialog("content"), "statement"),
        "restore": (RestoreDialog(), "file"),
        "new KPI": (KpiDialog("content", None), "kpi-name"),
        "edit KPI": (KpiDialog("performance", snapshot.kpis["performance.cpa"]), "kpi-title"),
        "new conflict rule": (ConflictDialog(load(ws)), "conflict-a"),
    }


DIALOGS = [
    "value", "value on a KPI", "edit value", "log", "checklist", "checklist item", "check", "decision",
    "roles review", "roles and KPIs", "strategy", "goal", "hypothesis", "restore", "new KPI", "edit KPI",
    "new conflict rule",
]  # fmt: skip


async def test_every_form_opens_with_the_focus_in_its_first_field(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        dialogs = _dialogs(app, ws)
        assert sorted(dialogs) == sorted(DIALOGS)
        for name, (dialog, field) in dialogs.items():
            await app.push_screen(dialog)
            await pilot.pause()
            focused = app.focused
            assert focused is not None and focused.screen is dialog, name
            assert focused.id == field, f"{name}: {focused!r}"
            # Never the scrolling box around the fields: a key typed goes into a field.
            assert focused.id is not None, name
            app.pop_screen()
            await pilot.pause()


async def test_new_kpi_from_the_settings_takes_typing_at_once(ws, make_app):
    from mkhats.ui.screens.settings.dialogs import KpiDialog

    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one("#kpis-add").press()
        await pilot.pause()
        assert isinstance(app.screen, KpiDialog)
        await pilot.press(*"webinars")
        assert app.screen.query_one("#kpi-name").value == "webinars"
