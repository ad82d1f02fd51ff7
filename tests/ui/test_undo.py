"""Pilot tests of ``ctrl+z`` (SPEC §3): the app's last change undone in the store and on screen, named
in the notice and in the palette; nothing to undo, and a write by the CLI since, in one sentence."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

from textual.command import CommandList

from mkhats.domain.sources import MANUAL
from mkhats.i18n import set_language
from mkhats.ui.screens.dialogs import AddValueDialog
from mkhats.ui.widgets.checklist import Checklist
from mkhats.ui.widgets.kpi_table import KpiTable
from tests.ui.conftest import SIZE, TODAY
from tests.ui.test_forms import notices, type_into
from tests.ui.test_week_grid import open_grid, saved_and_closed


def manual(ws, key: str, day: date = TODAY) -> float | None:
    """The user's own value of ``key`` on ``day`` as stored (read afresh)."""
    with ws.read() as repo:
        found = [v.value for v in repo.values(day, day) if v.kpi == key and v.source == MANUAL]
    return found[0] if found else None


def week_cell(app, hat: str, key: str) -> str:
    return str(app.query_one(f"#kpis-{hat}", KpiTable).get_row(key)[2])


async def shown_again(pilot, check) -> None:
    """Wait until the app has re-read the data and ``check()`` holds (on a busy machine too)."""
    for _ in range(3000):
        await pilot.pause()
        if check():
            return
        await pilot.pause(0.02)
    assert check()


async def test_a_value_added_with_plus_is_undone_in_the_file_and_the_table(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        before_cell, before_value = week_cell(app, "performance", "performance.spend"), manual(ws, "performance.spend")
        await pilot.press("plus")
        assert isinstance(app.screen, AddValueDialog)
        await type_into(pilot, "#value", "1200")
        await pilot.press("ctrl+s")
        await shown_again(pilot, lambda: week_cell(app, "performance", "performance.spend") != before_cell)
        assert manual(ws, "performance.spend") == 1200
        await pilot.press("ctrl+z")
        await shown_again(pilot, lambda: week_cell(app, "performance", "performance.spend") == before_cell)
        assert manual(ws, "performance.spend") == before_value
        assert "Undone: Spend on 24 Nov: 1,200." in notices(app)


async def test_a_week_grid_save_is_undone_whole(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        before = manual(ws, "performance.spend"), manual(ws, "performance.leads")
        screen, grid = await open_grid(pilot, "2", "a")
        grid.go_to(("performance.spend", "2026-11-24"))
        await pilot.press(*"250", "enter", *"7", "enter")  # Spend, then Leads below it
        await saved_and_closed(pilot, screen)
        assert (manual(ws, "performance.spend"), manual(ws, "performance.leads")) == (250, 7)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert (manual(ws, "performance.spend"), manual(ws, "performance.leads")) == before
        assert "Undone: 2 KPI values." in notices(app)


async def test_a_tick_is_undone_and_the_box_follows(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one("#checklist-content", Checklist)
        table.focus()
        await pilot.pause()
        first = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        title = str(table.border_title)

        def ticked() -> bool:
            with ws.read() as repo:
                return (first, "2026-W48") in repo.ticks()

        before = ticked()
        await pilot.press("space")
        await shown_again(pilot, lambda: str(table.border_title) != title)
        assert ticked() is not before
        await pilot.press("ctrl+z")
        await shown_again(pilot, lambda: str(table.border_title) == title)
        assert ticked() is before
        word = "unticked" if before else "ticked"
        assert any(n.startswith(f"Undone: checklist item {word}: ") for n in notices(app)), notices(app)


async def test_nothing_to_undo_says_so_and_the_palette_too(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        assert app.main.undo_command_name() == "Undo (nothing to undo)"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert notices(app, "error") == [
            "Nothing to undo: this run has changed nothing yet (or every change is undone)."
        ]
        await pilot.press("2", "w")  # wearing a hat is a change too
        await pilot.pause()
        assert app.main.undo_command_name() == "Undo: change to the hat worn"


async def test_the_palette_names_the_change_and_undoes_it(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "plus")
        await type_into(pilot, "#value", "1200")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.press(*"Undo")
        hits = app.screen.query_one(CommandList)

        def first_hit() -> str:
            return str(hits.get_option_at_index(0).prompt) if hits.option_count else ""

        await shown_again(pilot, lambda: first_hit() == "Undo: Spend on 24 Nov: 1,200\nctrl+z")  # with its key
        await pilot.press("enter")
        await shown_again(pilot, lambda: "Undone: Spend on 24 Nov: 1,200." in notices(app))
        assert manual(ws, "performance.spend") != 1200


async def test_a_write_from_the_cli_since_refuses_the_undo_in_one_sentence(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "plus")
        await type_into(pilot, "#value", "1200")
        await pilot.press("ctrl+s")
        await pilot.pause()
        env = {k: v for k, v in os.environ.items() if not k.startswith("MKHATS_")}
        cli = [sys.executable, "-m", "mkhats", "--db", str(ws.path), "--today", TODAY.isoformat(), "--lang", "en"]
        done = subprocess.run([*cli, "add", "performance.leads", "9"], env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert notices(app, "error") == [
            "Not undone: the data was changed since (in another window or from the command line); nothing was touched."
        ]
        assert (manual(ws, "performance.spend"), manual(ws, "performance.leads")) == (1200, 9)


async def test_russian_says_what_was_undone_in_russian(ws, make_app):
    set_language("ru")  # the fixture puts English back
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert notices(app, "error")[0].startswith("Отменять нечего")
        await pilot.press("2", "plus")
        await type_into(pilot, "#value", "1200")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.main.undo_command_name().startswith("Отменить: ")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert any(n.startswith("Отменено: ") and n.endswith("за 24 нояб.: 1\u00a0200.") for n in notices(app)), (
            notices(app)
        )


async def test_a_log_saved_is_undone_and_the_pane_follows(ws, make_app):
    from mkhats.ui.screens.log_dialog import LogDialog
    from mkhats.ui.widgets.log_view import LogView

    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "l")  # CRM has no plan this week in the demo
        assert isinstance(app.screen, LogDialog)
        await pilot.press(*"Two sends", "ctrl+s", "escape")
        view = app.query_one("#log-crm", LogView)

        def plan_shown() -> bool:
            return "Two sends" in str(view.render().columns[0]._cells[0])

        await shown_again(pilot, plan_shown)
        await pilot.press("ctrl+z")
        await shown_again(pilot, lambda: not plan_shown())
        with ws.read() as repo:
            assert ("crm", "2026-W48") not in repo.logs(["2026-W48"])
        assert "Undone: weekly log of CRM." in notices(app)


async def test_an_import_is_undone_whole(ws, make_app, tmp_path):
    from textual.widgets import Input

    from mkhats.ui.screens.import_screen import ImportScreen
    from mkhats.ui.screens.main import MainScreen
    from tests.ui.test_import_screen import MON, source_values, week_spend
    from tests.unit.test_imports_ads import DIRECT_API

    export = tmp_path / "direct api.tsv"
    export.write_text(DIRECT_API.replace("2026-11-02", MON.isoformat()).replace("2026-11-03", TODAY.isoformat()))
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await shown_again(pilot, lambda: bool(app.main.query("#kpis-performance")))
        before = week_spend(app)
        await pilot.press("i")
        screen = app.screen
        assert isinstance(screen, ImportScreen)
        screen.query_one("#import-path", Input).insert_text_at_cursor(str(export))
        await pilot.press("enter")
        await shown_again(pilot, lambda: screen.plan is not None)
        await pilot.press("ctrl+s")
        await shown_again(pilot, lambda: isinstance(app.screen, MainScreen) and week_spend(app) != before)
        assert source_values(ws, "yandex-direct")
        await pilot.press("ctrl+z")
        await shown_again(pilot, lambda: week_spend(app) == before)
        assert source_values(ws, "yandex-direct") == {}
        assert any(n.startswith("Undone: ") and n.endswith(" KPI values.") for n in notices(app)), notices(app)


async def test_a_kpi_target_set_in_its_detail_is_undone_from_the_main_screen(ws, make_app):
    from textual.widgets import Input

    from mkhats.ui.screens.main import MainScreen
    from tests.ui.test_kpi_detail import open_detail

    with ws.read() as repo:
        before = repo.kpis()["performance.cpl"]
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_detail(app, pilot, "performance.cpl")
        screen.query_one("#rule-target", Input).value = "24"
        screen.query_one("#rule-target", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        with ws.read() as repo:
            assert repo.kpis()["performance.cpl"].target == 24
        await pilot.press("ctrl+z")  # the detail's own screen: ctrl+z is the main screen's key
        await pilot.pause()
        with ws.read() as repo:
            assert repo.kpis()["performance.cpl"].target == 24
        await pilot.press("escape")
        await shown_again(pilot, lambda: isinstance(app.screen, MainScreen))
        await pilot.press("ctrl+z")
        await pilot.pause()
        with ws.read() as repo:
            assert repo.kpis()["performance.cpl"] == before
        assert any(n.startswith("Undone: settings of ") for n in notices(app)), notices(app)


async def test_a_language_chosen_in_settings_is_undone_and_the_tabs_speak_the_old_one(ws, make_app):
    from textual.widgets import Select, TabbedContent

    from mkhats.i18n import current_language
    from tests.ui.test_settings import open_settings

    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(app, pilot, "language")
        screen.query_one("#pref-lang", Select).value = "ru"
        await shown_again(pilot, lambda: current_language() == "ru")
        await pilot.press("escape")  # back to the tabs, rebuilt in Russian
        tabs = app.main.query_one("#hats", TabbedContent)
        await shown_again(
            pilot, lambda: app.screen is app.main and tabs.get_tab("tab-content").label.plain.endswith("Контент")
        )
        await pilot.press("ctrl+z")
        # The demo stores no language: undone, the app speaks the one it opened in.
        await shown_again(pilot, lambda: current_language() == "en")
        tabs = app.main.query_one("#hats", TabbedContent)
        await shown_again(pilot, lambda: tabs.get_tab("tab-content").label.plain.endswith("Content"))
        assert app.main.active_bindings["q"].binding.description == "Quit"
    with ws.read() as repo:
        assert repo.settings().lang is None
