"""Pilot tests of the settings screen: people and hats, enabled hats, KPI formulas, language."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Select, Static, Switch, TabbedContent

from mkhats.domain.conflicts import active_conflicts
from mkhats.i18n import current_language
from mkhats.ui.screens.settings import SettingsScreen
from mkhats.ui.screens.settings.dialogs import KpiDialog
from tests.ui.conftest import SIZE

SMALL = (80, 24)


async def open_settings(app, pilot, tab: str | None = None) -> SettingsScreen:
    await pilot.press("s")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, SettingsScreen)
    if tab is not None:
        screen.query_one(TabbedContent).active = f"settings-{tab}"
        await pilot.pause()
    return screen


def pair_active(ws, a: str, b: str) -> bool:
    with ws.read() as repo:
        return any(set(r.hats) == {a, b} for r in active_conflicts(repo.conflicts(), repo.hats()))


async def test_add_person_and_give_them_a_hat_ends_the_conflict(empty_ws, make_app):
    app = make_app(empty_ws)
    assert pair_active(empty_ws, "performance", "cmo")
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_settings(app, pilot, "people")
        await pilot.click("#people-name")
        await pilot.press(*"Olga", "enter")
        await pilot.pause()
        with empty_ws.read() as repo:
            assert repo.persons()["Olga"].kind == "staff"
        table = screen.query_one("#people-table", DataTable)
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == "Olga"

        screen.query_one(TabbedContent).active = "settings-hats"
        await pilot.pause()
        screen.query_one("#hat-wearer-cmo", Select).value = "Olga"
        await pilot.pause()
        assert not pair_active(empty_ws, "performance", "cmo")
        conflicts = screen.query_one("#conflicts-table", DataTable)
        row = conflicts.get_row("performance|cmo")
        assert str(row[3]) == "—"

        # Olga wears a hat now: removing her is refused inline and nothing changes.
        screen.query_one(TabbedContent).active = "settings-people"
        await pilot.pause()
        table.move_cursor(row=table.get_row_index("Olga"))
        await pilot.click("#people-remove")
        await pilot.pause()
        error = screen.query_one("#people-pane .error", Static)
        assert error.display and "Olga" in str(error.render())
        with empty_ws.read() as repo:
            assert "Olga" in repo.persons()


async def test_enable_analytics_stores_it(empty_ws, make_app):
    app = make_app(empty_ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(app, pilot, "hats")
        switch = screen.query_one("#hat-enabled-analytics", Switch)
        switch.focus()
        await pilot.press("enter")
        await pilot.pause()
        with empty_ws.read() as repo:
            assert repo.hats()["analytics"].enabled


async def test_last_enabled_hat_cannot_be_disabled(empty_ws, make_app):
    from mkhats.services.settings import set_hat_enabled

    for key in ("content", "performance", "crm", "pm"):
        set_hat_enabled(empty_ws, key, False)
    app = make_app(empty_ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(app, pilot, "hats")
        switch = screen.query_one("#hat-enabled-cmo", Switch)
        switch.value = False
        await pilot.pause()
        assert switch.value is True
        assert screen.query_one("#hats-pane .error", Static).display
        with empty_ws.read() as repo:
            assert repo.hats()["cmo"].enabled


async def test_enabled_hat_gets_a_tab_after_returning(empty_ws, make_app):
    app = make_app(empty_ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(app, pilot, "hats")
        screen.query_one("#hat-enabled-analytics", Switch).value = True
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert "tab-analytics" in [p.id for p in app.query("TabPane")]


async def test_formula_kpi_with_a_cycle_is_refused_inline(empty_ws, make_app):
    app = make_app(empty_ws)
    with empty_ws.read() as repo:
        before = repo.kpis()
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_settings(app, pilot, "kpis")
        screen.query_one("#kpis-hat", Select).value = "pm"
        await pilot.pause()
        await pilot.click("#kpis-add")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, KpiDialog)
        dialog.query_one("#kpi-name", Input).value = "loop"
        dialog.query_one("#kpi-formula", Input).value = "loop * 2"
        dialog.query_one("#kpi-formula", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        error = dialog.query_one(".error", Static)
        assert error.display and "depends on itself" in str(error.render())
        with empty_ws.read() as repo:
            assert repo.kpis() == before

        dialog.query_one("#kpi-formula", Input).value = "tasks_on_time - tasks_planned"
        await pilot.click("#dialog-save")
        await pilot.pause()
        assert app.screen is screen
        with empty_ws.read() as repo:
            assert repo.kpis()["pm.loop"].formula == "tasks_on_time - tasks_planned"
        assert "pm.loop" in [k.value for k in screen.query_one("#kpis-table", DataTable).rows]


async def test_a_negative_money_target_is_refused_inline(empty_ws, make_app):
    app = make_app(empty_ws)
    with empty_ws.read() as repo:
        before = repo.kpis()
    async with app.run_test(size=SIZE) as pilot:
        screen, dialog = await open_kpi_dialog(app, pilot, "performance.spend")
        assert isinstance(dialog, KpiDialog) and dialog.kpi.key == "performance.spend"
        dialog.query_one("#kpi-target", Input).value = "-5"
        await pilot.click("#dialog-save")
        await pilot.pause()
        assert app.screen is dialog
        error = dialog.query_one(".error", Static)
        assert error.display and "cannot be negative" in str(error.render())
        with empty_ws.read() as repo:
            assert repo.kpis() == before

        dialog.query_one("#kpi-target", Input).value = "5000"
        await pilot.press("ctrl+s")  # a second click within 0.2 s is ignored by Textual's button
        await pilot.pause()
        assert app.screen is screen
        with empty_ws.read() as repo:
            assert repo.kpis()["performance.spend"].target == 5000


async def open_kpi_dialog(app, pilot, key: str) -> tuple[SettingsScreen, object]:
    """Settings → KPIs → the hat of ``key`` → Edit on its row: the screen and the form opened."""
    screen = await open_settings(app, pilot, "kpis")
    screen.query_one("#kpis-hat", Select).value = key.split(".")[0]
    await pilot.pause()
    table = screen.query_one("#kpis-table", DataTable)
    table.move_cursor(row=table.get_row_index(key))
    await pilot.click("#kpis-edit")
    await pilot.pause()
    return screen, app.screen


async def test_switching_to_russian_stores_it_and_relabels_the_screen(empty_ws, make_app):
    app = make_app(empty_ws)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_settings(app, pilot, "language")
        assert screen.query_one(TabbedContent).get_tab("settings-people").label.plain == "People"
        screen.query_one("#pref-lang", Select).value = "ru"
        await pilot.pause()
        await pilot.pause()
        with empty_ws.read() as repo:
            assert repo.settings().lang == "ru"
        assert current_language() == "ru"
        assert app.screen is screen
        tabs = screen.query_one(TabbedContent)
        assert tabs.get_tab("settings-people").label.plain == "Люди"
        assert tabs.active == "settings-language"
        assert screen.title == "Настройки"
        assert screen.active_bindings["escape"].binding.description == "Назад"


async def test_currency_sign_is_stored(empty_ws, make_app):
    app = make_app(empty_ws)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_settings(app, pilot, "language")
        await pilot.click("#pref-currency")
        screen.query_one("#pref-currency", Input).value = ""
        await pilot.press(*"EUR", "enter")
        await pilot.pause()
        with empty_ws.read() as repo:
            assert repo.settings().currency == "EUR"
        assert "EUR" in str(screen.query_one("#pref-example", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)


async def test_checklist_button_opens_the_editor_and_hours_are_saved(empty_ws, make_app):
    from mkhats.ui.screens.checklist_editor import ChecklistEditor

    app = make_app(empty_ws)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_settings(app, pilot, "hats")
        await pilot.click("#hat-hours-cmo")
        await pilot.press(*"6,5", "enter")
        await pilot.pause()
        with empty_ws.read() as repo:
            assert repo.hats()["cmo"].hours_budget == 6.5
        screen.query_one(TabbedContent).active = "settings-checklists"
        await pilot.pause()
        screen.query_one("#checklist-crm").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChecklistEditor)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_a_poll_while_the_tabs_are_rebuilt_fills_nothing_half_gone(empty_ws, make_app):
    """The 1 s poll may land between the old panes losing their children and the new ones being
    mounted (CI saw NoMatches once): each step of the rebuild gets a reload with new data."""
    import asyncio

    app = make_app(empty_ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        rebuild = asyncio.ensure_future(app.main.relabel())
        for _ in range(400):  # a poll at each step until the rebuild is over
            app._loaded = -1  # as if another process had written
            app._poll()
            await asyncio.sleep(0.001)
            if rebuild.done():
                break
        await rebuild
        await pilot.pause()
        app._loaded = -1
        app._poll()
        await pilot.pause()
        assert app.query_one("#pane-content").ready


async def test_a_kpi_changed_elsewhere_asks_and_take_theirs_shows_it_in_the_form(empty_ws, make_app):
    """The KPI form asks the form base's question, and says inline what "take theirs" did."""
    from mkhats.domain.kpis import KpiChange
    from mkhats.services.kpi_rules import set_kpi_rule
    from mkhats.services.workspace import Workspace
    from mkhats.ui.screens.same_edit import SameEditDialog

    app = make_app(empty_ws)
    async with app.run_test(size=SIZE) as pilot:
        _screen, dialog = await open_kpi_dialog(app, pilot, "performance.spend")
        assert isinstance(dialog, KpiDialog)
        dialog.query_one("#kpi-target", Input).value = "5000"
        set_kpi_rule(Workspace(empty_ws.path, empty_ws.today), "performance.spend", KpiChange(target="7000"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SameEditDialog)
        before = empty_ws.path.read_bytes()
        await pilot.press("t")
        await pilot.pause()
        assert app.screen is dialog and dialog.query_one("#kpi-target", Input).value == "7000"
        error = dialog.query_one(".error", Static)
        assert error.display and "shows theirs" in str(error.render())
        assert empty_ws.path.read_bytes() == before
        with empty_ws.read() as repo:
            assert repo.kpis()["performance.spend"].target == 7000


async def test_an_unset_threshold_is_a_placeholder_and_typing_makes_the_rule(empty_ws, make_app):
    """The shipped CPA rule ``> ? for 3 days [spend >= ?]``: its fields start empty with the
    template shown, so typed text is the rule itself; saved untouched, nothing changes."""
    app = make_app(empty_ws)
    with empty_ws.read() as repo:
        before = repo.kpis()["performance.cpa"]
    async with app.run_test(size=SIZE) as pilot:
        screen, dialog = await open_kpi_dialog(app, pilot, "performance.cpa")
        assert isinstance(dialog, KpiDialog)
        stop, guard = dialog.query_one("#kpi-stop", Input), dialog.query_one("#kpi-guard", Input)
        assert (stop.value, stop.placeholder) == ("", "> ? for 3 days")
        assert (guard.value, guard.placeholder) == ("", "spend >= ?")
        await pilot.press("ctrl+s")  # untouched: the rule stays as shipped
        await pilot.pause()
        assert app.screen is screen
        with empty_ws.read() as repo:
            assert repo.kpis()["performance.cpa"] == before
        await pilot.click("#kpis-edit")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, KpiDialog)
        dialog.query_one("#kpi-stop", Input).focus()
        await pilot.press(*"> 200 for 3 days")
        await pilot.press("ctrl+s")
        await pilot.pause()
        with empty_ws.read() as repo:
            rule = repo.kpis()["performance.cpa"].stop
        assert rule is not None and (rule.op, rule.threshold, rule.days) == (">", 200, 3)
