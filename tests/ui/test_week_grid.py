"""Pilot tests of the week entry grid (``a`` on a hat, ``A``): typing, pasting, refusing, saving.

The demo's today is Tue 24 Nov 2026 (2026-W48): that week takes values on Mon and Tue only, so
the tests that type across a whole week go one week back first (``[``, 2026-W47: 16–22 Nov).
"""

from __future__ import annotations

from datetime import date

import pytest
from textual import events

from mkhats.domain.sources import MANUAL
from mkhats.services.importing import import_file
from mkhats.services.values import add_value
from mkhats.ui.screens.dialogs import AddValueDialog
from mkhats.ui.screens.form import ConfirmDialog
from mkhats.ui.screens.week_entry import WeekEntryScreen
from mkhats.ui.widgets.cell_grid import CellGrid
from mkhats.ui.widgets.kpi_table import KpiTable
from tests.ui.conftest import SIZE, TODAY
from tests.ui.test_pseudo_locale import body_text, footer_words

MON_47 = date(2026, 11, 16)
W47 = [date(2026, 11, 16 + i) for i in range(7)]
PERFORMANCE = ["performance.spend", "performance.leads", "performance.sales", "performance.revenue"]


def manual(ws, key: str, first: date = MON_47, last: date = TODAY) -> dict[date, float]:
    """The user's own values of ``key`` as stored (read afresh, as another process would)."""
    with ws.read() as repo:
        return {v.day: v.value for v in repo.values(first, last) if v.kpi == key and v.source == MANUAL}


async def open_grid(pilot, *keys: str) -> tuple[WeekEntryScreen, CellGrid]:
    """Press ``keys`` (a hat, weeks, ``a``…) and wait for the grid to be filled."""
    await pilot.press(*keys)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, WeekEntryScreen)
    grid = screen.grid
    for _ in range(3000):
        if grid.row_count:
            break
        await pilot.pause(0.02)
    return screen, grid


def hint(screen: WeekEntryScreen) -> str:
    return str(screen.query_one("#we-hint").render())


def status(screen: WeekEntryScreen) -> str:
    return str(screen.query_one("#we-status").render())


async def saved_and_closed(pilot, screen: WeekEntryScreen) -> None:
    await pilot.press("ctrl+s")
    for _ in range(3000):
        if pilot.app.screen is not screen:
            break
        await pilot.pause(0.02)
    assert pilot.app.screen is not screen, status(screen)


# -- opening -------------------------------------------------------------------------------------


async def test_a_opens_the_grid_on_the_highlighted_kpi_and_today(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        table = app.query_one("#kpis-performance", KpiTable)
        table.focus()
        await pilot.press("down", "down")  # Spend, Leads, CPL: a formula, not in the grid…
        await pilot.press("down")  # …Sales
        screen, grid = await open_grid(pilot, "a")
        assert screen.hat == "performance" and screen.week == "2026-W48"
        assert [str(grid.rows[k].label) for k in grid.rows] == ["Spend $", "Leads", "Sales", "Revenue $"]
        assert [c.label.plain.strip() for c in grid.columns.values()] == [
            "Mon 23",
            "Tue 24",
            "Wed 25",
            "Thu 26",
            "Fri 27",
            "Sat 28",
            "Sun 29",
        ]
        assert grid.cursor_key == ("performance.sales", "2026-11-24")
        stored = manual(ws, "performance.spend", date(2026, 11, 23))
        assert grid.cell(("performance.spend", "2026-11-23")).text == f"{stored[date(2026, 11, 23)]:,}".rstrip("0")
        assert "Sales · Tue 24 Nov 2026" in hint(screen)
        assert "Save all" in footer_words(app)


async def test_shift_a_opens_the_grid_and_plus_the_one_value_form(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen, grid = await open_grid(pilot, "3", "A")
        assert screen.hat == "crm" and grid.cursor_key == ("crm.sends", "2026-11-24")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main
        await pilot.press("plus")
        assert isinstance(app.screen, AddValueDialog)


async def test_days_after_today_are_shown_but_take_no_typing(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen, grid = await open_grid(pilot, "2", "a")
        await pilot.press("right")  # Wed 25: tomorrow
        assert grid.cursor_key == ("performance.spend", "2026-11-25")
        await pilot.press(*"50")
        assert not grid.editing and grid.changes() == {}
        assert hint(screen) == "Spend · Wed 25 Nov 2026: after today: a day's numbers are entered on that day or later."


# -- typing --------------------------------------------------------------------------------------


async def test_typing_enter_and_tab_move_like_a_spreadsheet_and_save_in_one_go(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen, grid = await open_grid(pilot, "2", "left_square_bracket", "a")
        assert grid.cursor_key == ("performance.spend", "2026-11-16")  # a past week opens on its Monday
        await pilot.press(*"1234.5", "enter")  # Spend Mon, then down
        assert grid.cursor_key == ("performance.leads", "2026-11-16")
        await pilot.press(*"12", "tab")  # Leads Mon, then right
        assert grid.cursor_key == ("performance.leads", "2026-11-17")
        await pilot.press(*"13", "escape")  # the cell is put back; the grid stays
        assert app.screen is screen and not grid.editing
        await pilot.press(*"14", "right", *"15", "shift+tab")  # Tue, then Wed, and back to Tue
        assert grid.cursor_key == ("performance.leads", "2026-11-17")
        assert grid.changes() == {
            ("performance.spend", "2026-11-16"): "1234.5",
            ("performance.leads", "2026-11-16"): "12",
            ("performance.leads", "2026-11-17"): "14",
            ("performance.leads", "2026-11-18"): "15",
        }
        assert "4 changes not saved" in status(screen)
        before = ws.fresh_version()
        await saved_and_closed(pilot, screen)
        saved = ws.fresh_version()
        assert manual(ws, "performance.spend")[MON_47] == 1234.5
        leads = manual(ws, "performance.leads")
        assert (leads[W47[0]], leads[W47[1]], leads[W47[2]]) == (12, 14, 15)
        add_value(ws, "performance.sales", 1, MON_47)  # one value: one transaction
        assert saved - before == ws.fresh_version() - saved  # four values, as many transactions
        assert any(n.message == "Performance · 2026-W47: 4 values saved." for n in app._notifications)


async def test_the_main_screen_shows_the_new_week_number(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen, grid = await open_grid(pilot, "2", "a")
        grid.go_to(("performance.spend", "2026-11-23"))
        await pilot.press(*"1000", "enter")
        grid.go_to(("performance.spend", "2026-11-24"))
        await pilot.press(*"2000", "enter")
        await saved_and_closed(pilot, screen)
        await pilot.pause()
        week = app.query_one("#kpis-performance", KpiTable).get_row("performance.spend")[2]
        assert str(week).startswith("3,000"), week


async def test_an_invalid_cell_blocks_the_save_with_its_reason_and_nothing_is_stored(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen, grid = await open_grid(pilot, "2", "left_square_bracket", "a")
        before = {key: manual(ws, key) for key in PERFORMANCE}
        grid.go_to(("performance.spend", "2026-11-16"))
        await pilot.press(*"500", "enter")  # valid
        await pilot.press(*"1,2,3", "enter")  # Leads Mon: a malformed grouping
        await pilot.press(*"-4", "enter")  # Sales Mon: a count below zero
        assert grid.errors().keys() == {("performance.leads", "2026-11-16"), ("performance.sales", "2026-11-16")}
        assert "2 cells to fix" in status(screen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert grid.cursor_key == ("performance.leads", "2026-11-16")  # the first one to fix
        assert hint(screen) == "✗ Leads: in “1,2,3” every group of thousands must have three digits."
        assert "Nothing saved: fix the 2 cells marked in red first" in status(screen)
        await pilot.press("down")
        assert hint(screen) == "✗ The value of Sales cannot be negative (got -4)."
        assert {key: manual(ws, key) for key in PERFORMANCE} == before
        await pilot.press(*"4", "up", "backspace")  # fixed, and the other emptied
        assert grid.errors() == {}
        await saved_and_closed(pilot, screen)
        assert manual(ws, "performance.spend")[MON_47] == 500
        assert manual(ws, "performance.sales")[MON_47] == 4


async def test_clearing_a_cell_deletes_the_users_value_only(ws, make_app):
    meta = ws.path.parent / "meta.csv"
    meta.write_text(
        "Campaign name,Reporting starts,Reporting ends,Result indicator,Results,Amount spent (USD)\n"
        "Leads,2026-11-24,2026-11-24,lead,2,63.50\n",
        encoding="utf-8",
    )
    import_file(ws, meta)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen, grid = await open_grid(pilot, "2", "a")
        assert grid.cursor_key == ("performance.spend", "2026-11-24")
        assert "imported meta-ads 63.50; what you type here is added to it." in hint(screen)
        await pilot.press("delete")
        assert grid.changes() == {("performance.spend", "2026-11-24"): ""}
        await saved_and_closed(pilot, screen)
        assert TODAY not in manual(ws, "performance.spend")
        with ws.read() as repo:
            left = [(v.source, v.value) for v in repo.values(TODAY, TODAY) if v.kpi == "performance.spend"]
        assert left == [("meta-ads", 63.5)]
        assert any("1 value deleted" in n.message for n in app._notifications)


# -- pasting -------------------------------------------------------------------------------------


async def test_paste_of_a_row_fills_the_week(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen, grid = await open_grid(pilot, "2", "left_square_bracket", "a")
        grid.go_to(("performance.spend", "2026-11-16"))
        screen.post_message(events.Paste("1,000.5\t2000\t3 000\t4000\t5000\t6000\t7000\r\n"))
        await pilot.pause()
        assert len(grid.changes()) == 7 and grid.errors() == {}
        assert "Pasted 7 cells." in status(screen)
        await saved_and_closed(pilot, screen)
        assert [manual(ws, "performance.spend")[d] for d in W47] == [1000.5, 2000, 3000, 4000, 5000, 6000, 7000]


async def test_paste_of_a_column_fills_the_kpis_and_marks_a_bad_number(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen, grid = await open_grid(pilot, "2", "left_square_bracket", "a")
        grid.go_to(("performance.spend", "2026-11-20"))
        before = {key: manual(ws, key) for key in PERFORMANCE}
        await grid.run_action("paste_copied")  # nothing copied in the app: nothing happens
        grid.paste("250\n7\nabc\n900\n5\n")  # a column of five: one past the last KPI
        await pilot.pause()
        assert grid.errors().keys() == {("performance.sales", "2026-11-20")}
        assert "Pasted 4 cells. 1 value fell outside" in status(screen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen and {key: manual(ws, key) for key in PERFORMANCE} == before
        grid.go_to(("performance.sales", "2026-11-20"))
        await pilot.press("3", "enter")
        await saved_and_closed(pilot, screen)
        friday = W47[4]
        assert [manual(ws, key)[friday] for key in PERFORMANCE] == [250, 7, 3, 900]


async def test_a_paste_past_today_leaves_the_locked_days_out(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen, grid = await open_grid(pilot, "2", "a")
        grid.go_to(("performance.leads", "2026-11-23"))
        grid.paste("1\t2\t3\t4")
        await pilot.pause()
        assert grid.changes() == {("performance.leads", "2026-11-23"): "1", ("performance.leads", "2026-11-24"): "2"}
        assert "2 values fell outside" in status(screen)


# -- leaving -------------------------------------------------------------------------------------


async def test_escape_with_unsaved_changes_asks_first(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen, grid = await open_grid(pilot, "2", "a")
        before = manual(ws, "performance.spend")
        await pilot.press(*"77", "enter", "escape")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep editing
        assert app.screen is screen and grid.changes()
        await pilot.press("escape", "y")
        await pilot.pause()
        assert app.screen is app.main
        assert manual(ws, "performance.spend") == before


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_cursor_cell_is_on_screen_at_every_size(ws, make_app, size):
    app = make_app(ws)
    async with app.run_test(size=size) as pilot:
        _, grid = await open_grid(pilot, "3", "left_square_bracket", "a")  # CRM: five KPIs
        grid.go_to(("crm.ltv", "2026-11-22"))  # the last row, Sunday
        await pilot.press(*"987654321.25", "enter")
        await pilot.pause()
        text = body_text(app)
        assert "987654321.25" in text and "Sun 22" in text and "LTV" in text, text
        assert "Save all" in footer_words(app)


async def test_q_asks_too_before_typed_numbers_are_lost(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen, _ = await open_grid(pilot, "2", "a")
        await pilot.press(*"77", "enter", "q")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        assert app.screen is screen


async def test_the_palette_offers_the_grid_and_the_one_value_form(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "ctrl+p")
        await pilot.press(*"week's numbers")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WeekEntryScreen) and app.screen.hat == "performance"
        await pilot.press("escape", "ctrl+p", *"Add a KPI value")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AddValueDialog)


async def test_a_fired_stop_rule_is_announced_as_the_add_form_does(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen, _ = await open_grid(pilot, "2", "a")  # on Spend, today
        await pilot.press(*"5000", "enter")
        await saved_and_closed(pilot, screen)
        warnings = [n.message for n in app._notifications if n.severity == "warning"]
        assert any(w.startswith("STOP Performance CPA > 160 for 3 days") for w in warnings), warnings
        assert any("Stop the campaign" in w for w in warnings)


async def test_a_cell_changed_elsewhere_asks_keep_mine_or_take_theirs(ws, make_app):
    from mkhats.services.workspace import Workspace
    from mkhats.ui.screens.same_edit import SameEditDialog

    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen, grid = await open_grid(pilot, "2", "a")  # on Spend, today
        add_value(Workspace(ws.path, ws.today), "performance.spend", 300, TODAY)  # another window
        await pilot.press(*"250", "enter", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SameEditDialog)
        await pilot.press("t")  # take theirs: the grid shows it, nothing saved
        await pilot.pause()
        assert app.screen is screen
        assert grid.cell(("performance.spend", "2026-11-24")).text == "300" and grid.changes() == {}
        assert manual(ws, "performance.spend")[TODAY] == 300
        add_value(Workspace(ws.path, ws.today), "performance.spend", 400, TODAY)  # and again
        grid.go_to(("performance.spend", "2026-11-24"))
        await pilot.press(*"250", "enter", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SameEditDialog)
        await pilot.press("m")  # keep mine: saved over theirs
        for _ in range(3000):
            if app.screen is app.main:
                break
            await pilot.pause(0.02)
        assert manual(ws, "performance.spend")[TODAY] == 250
