"""Pilot tests of issue 14 item 6: keys from any focus, one click ticks, focus in a form's first field,
formula KPIs' week value in words, KPI titles in messages, a future date confirmed, counts whole."""

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


# -- 6. a value dated ahead of today -------------------------------------------------------------


async def _type(pilot, selector: str, text: str) -> None:
    field = pilot.app.screen.query_one(selector)
    field.value = ""
    field.focus()
    await pilot.press(*text)
    await pilot.pause()


def _traffic(ws) -> dict:
    with ws.read() as repo:
        return {v.day: v.value for v in repo.all_values() if v.kpi == "content.traffic"}


async def test_a_date_ahead_is_asked_about_then_saved_and_listed_in_the_detail(ws, make_app):
    from datetime import date

    from mkhats.ui.screens.form import ConfirmDialog
    from mkhats.ui.screens.kpi_detail import KpiDetailScreen
    from mkhats.ui.widgets.value_table import ValueTable

    ahead = date(2026, 12, 12)  # 18 days after today
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus")
        dialog = app.screen
        assert isinstance(dialog, AddValueDialog)
        await _type(pilot, "#date", "2026-12-12")
        await _type(pilot, "#value", "321")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert app.screen.question == "12 Dec 2026 is 18 days ahead of today; save the value anyway?"
        await pilot.click("#confirm-no")  # change the date: back in the form, nothing saved
        await pilot.pause()
        assert app.screen is dialog and app.focused.id == "date"
        assert ahead not in _traffic(ws)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.click("#confirm-yes")
        await pilot.pause()
        assert not isinstance(app.screen, AddValueDialog)
        assert _traffic(ws)[ahead] == 321
        # The detail of this week lists it, first and marked: not hidden in a week to come.
        app.push_screen(KpiDetailScreen("content.traffic"))
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, KpiDetailScreen)
        first = detail.view.values[0]
        assert (first.day, first.value) == (ahead, 321)
        assert first.date_text.endswith("ahead")
        table = detail.query_one(ValueTable)
        assert table.row_count == len(detail.view.values)


async def test_today_and_days_before_are_saved_without_a_question(ws, make_app):
    from datetime import date

    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus")
        await _type(pilot, "#date", "2026-11-24")
        await _type(pilot, "#value", "55")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, AddValueDialog)
        assert _traffic(ws)[date(2026, 11, 24)] == 55


async def test_the_question_in_russian(ws, make_app):
    from mkhats.i18n import set_language
    from mkhats.ui.screens.form import ConfirmDialog

    set_language("ru")
    try:
        app = make_app(ws)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("plus")
            await _type(pilot, "#date", "2026-11-26")
            await _type(pilot, "#value", "5")
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmDialog)
            assert "наступит только через 2 дня. Всё равно сохранить значение?" in app.screen.question
    finally:
        set_language("en")


# -- 4. a formula KPI's week value in words ------------------------------------------------------


def _week_value(dialog) -> str:
    from textual.widgets import Label, Select

    if dialog.query_one("#kpi-aggregate", Select).display:
        return "choose: " + str(dialog.query_one("#kpi-aggregate", Select).selection)
    return str(dialog.query_one("#kpi-week-words", Label).render())


async def test_the_kpi_editor_says_what_a_formula_kpis_week_value_is(ws, make_app):
    from mkhats.ui.screens.settings.dialogs import KpiDialog

    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        dialog = KpiDialog("performance", app.snapshot.kpis["performance.cpa"])
        await app.push_screen(dialog)
        await pilot.pause()
        assert _week_value(dialog) == "the week's Spend ÷ the week's Sales"
        await _type(pilot, "#kpi-formula", "(revenue - spend) / leads")
        assert _week_value(dialog) == "(the week's Revenue − the week's Spend) ÷ the week's Leads"
        await _type(pilot, "#kpi-formula", "")
        assert _week_value(dialog) == "choose: sum"  # measured: the days' aggregate is chosen
        await app.pop_screen()
        measured = KpiDialog("performance", app.snapshot.kpis["performance.spend"])
        await app.push_screen(measured)
        await pilot.pause()
        assert _week_value(measured) == "choose: sum"


async def test_the_week_value_words_in_russian(ws, make_app):
    from mkhats.i18n import set_language
    from mkhats.ui.screens.settings.dialogs import KpiDialog

    set_language("ru")
    try:
        app = make_app(ws)
        async with app.run_test(size=SIZE) as pilot:
            dialog = KpiDialog("cmo", app.snapshot.kpis["cmo.romi"])
            await app.push_screen(dialog)
            await pilot.pause()
            assert _week_value(dialog) == (
                "(Выручка за неделю − Расходы на маркетинг за неделю) ÷ Расходы на маркетинг за неделю × 100"
            )
    finally:
        set_language("en")


# -- 5 and 7. KPI titles in messages; counts whole -----------------------------------------------


async def _value_error(pilot, kpi: str, text: str) -> str:
    app = pilot.app
    app.push_screen(AddValueDialog(kpi))
    await pilot.pause()
    await _type(pilot, "#value", text)
    await pilot.press("enter")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, AddValueDialog)  # refused: the form stays
    return dialog.errors["value"]


async def test_the_value_form_refuses_a_fraction_of_a_count_naming_the_kpi_by_its_title(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        with ws.read() as repo:
            before = [v for v in repo.all_values() if v.kpi == "content.published"]
        said = await _value_error(pilot, "content.published", "1.5")
        assert said == "Published counts whole things: 1.5 is not a whole number."
        await pilot.press("escape")
        said = await _value_error(pilot, "performance.spend", "-5")
        assert said == "The value of Spend cannot be negative (got -5)."
        with ws.read() as repo:
            assert [v for v in repo.all_values() if v.kpi == "content.published"] == before


async def test_the_grid_refuses_a_fraction_of_a_count_naming_the_kpi_by_its_title(ws, make_app):
    from tests.ui.test_week_grid import hint, open_grid

    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen, grid = await open_grid(pilot, "1", "a")
        grid.go_to(("content.published", "2026-11-23"))
        await pilot.press(*"1.5", "enter")
        assert grid.errors().keys() == {("content.published", "2026-11-23")}
        grid.go_to(("content.published", "2026-11-23"))
        await pilot.pause()
        assert hint(screen) == "✗ Published counts whole things: 1.5 is not a whole number."


async def test_messages_name_kpis_in_the_users_language(ws, make_app):
    from mkhats.i18n import set_language

    set_language("ru")
    try:
        app = make_app(ws)
        async with app.run_test(size=SIZE) as pilot:
            said = await _value_error(pilot, "content.published", "1,5")
            assert said.startswith("Публикации ") and "content.published" not in said
    finally:
        set_language("en")


async def test_a_title_the_user_typed_names_the_kpi(ws, make_app):
    from mkhats.services.kpi_settings import KpiDraft, edit_kpi

    edit_kpi(ws, "content.published", KpiDraft(title="Posts out"))  # a count, summed, as shipped
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        said = await _value_error(pilot, "content.published", "2.5")
        assert said == "Posts out counts whole things: 2.5 is not a whole number."


async def test_the_kpi_settings_name_the_kpi_by_its_title(ws, make_app):
    from textual.widgets import Static

    from mkhats.ui.screens.settings.dialogs import KpiDialog

    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        dialog = KpiDialog("performance", app.snapshot.kpis["performance.spend"])
        await app.push_screen(dialog)
        await pilot.pause()
        await _type(pilot, "#kpi-target", "-5")
        await pilot.press("ctrl+s")
        await pilot.pause()
        said = str(dialog.query_one(".error", Static).render())
        assert said.startswith("The target of Spend cannot be negative"), said
