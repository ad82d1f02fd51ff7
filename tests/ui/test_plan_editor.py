"""Pilot tests of the media plan editor (``p`` on the CMO tab) and of a KPI's goal form (``g`` in
its detail), SPEC §10.

The demo's today is Tue 24 Nov 2026 (2026-W48, 2026-Q4); its plan is Performance's only.
"""

from __future__ import annotations

from textual.widgets import Checkbox, Input, Static

from mkhats.services.money import goal_quarters, plan_quarters
from mkhats.ui.screens.form import ConfirmDialog
from mkhats.ui.screens.goal_dialog import GoalDialog
from mkhats.ui.screens.kpi_detail import KpiDetailScreen
from mkhats.ui.screens.plan_editor import PlanEditorScreen
from mkhats.ui.widgets.cell_grid import CellGrid
from mkhats.ui.widgets.kpi_table import KpiTable
from tests.ui.conftest import SIZE
from tests.ui.test_cmo_desk import channel_map, cmo_tab, line


def stored(ws) -> dict[tuple[str, str], tuple[float, float | None, float]]:
    """The plans as stored (read afresh, as another process would)."""
    listing = plan_quarters(ws)
    return {
        (r.plan.hat, r.plan.month): (r.plan.budget, r.plan.leads, r.plan.tolerance)
        for _, rows in listing.quarters
        for r in rows
    }


async def open_editor(pilot) -> tuple[PlanEditorScreen, CellGrid]:
    await cmo_tab(pilot.app, pilot)
    await pilot.press("p")
    for _ in range(3000):
        screen = pilot.app.screen
        if isinstance(screen, PlanEditorScreen) and screen.grid.row_count:
            return screen, screen.grid
        await pilot.pause(0.02)
    raise AssertionError("the plan editor did not open")


def text(screen: PlanEditorScreen, which: str) -> str:
    return str(screen.query_one(f"#pe-{which}").render())


async def test_p_opens_the_quarter_types_a_month_and_the_map_shows_it(ws, make_app):
    before = stored(ws)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")  # p does nothing off the CMO tab
        await pilot.press("p")
        assert not isinstance(app.screen, PlanEditorScreen)
        screen, grid = await open_editor(pilot)
        assert screen.quarter == "2026-Q4"
        assert [str(c.label).strip() for c in grid.columns.values()] == [
            "October 2026",
            "November 2026",
            "December 2026",
        ]
        labels = [str(grid.rows[k].label) for k in grid.rows]
        assert labels[:3] == ["Content · Budget $", "Content · Leads plan", "Content · Tolerance %"]
        assert grid.cell(("performance|budget", "2026-11")).text == "4,300"  # pre-filled, as English writes it
        assert grid.cell(("content|tolerance", "2026-11")).placeholder == "10"
        grid.go_to(("content|budget", "2026-11"))
        await pilot.press(*"1,200", "enter", *"40", "enter")
        assert text(screen, "hint").endswith("Planned CPL $30.00.")  # on November's tolerance now
        assert "2 changes not saved" in text(screen, "status")
        await pilot.press("ctrl+s")
        for _ in range(3000):
            if app.screen is not screen:
                break
            await pilot.pause(0.02)
        assert app.screen is not screen, text(screen, "status")
        after = stored(ws)
        assert after[("content", "2026-11")] == (1200.0, 40.0, 10.0)
        assert {k: v for k, v in after.items() if k != ("content", "2026-11")} == before
        for _ in range(200):
            cmap = channel_map(app)
            budget = cmap.view.header.index("Budget")
            if line(app, "content")[budget] != "—":
                break
            await pilot.pause(0.02)
        # The week 23–29 Nov takes 7 of November's 30 days: $1,200 × 7/30 = $280.
        assert line(app, "content")[budget] == "$280"


async def test_an_invalid_figure_blocks_the_save_with_its_reason(ws, make_app):
    before = stored(ws)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen, grid = await open_editor(pilot)
        grid.go_to(("content|budget", "2026-12"))
        await pilot.press("minus", "5", "enter")
        grid.go_to(("content|tolerance", "2026-12"))
        await pilot.press(*"150", "enter")
        assert grid.cell(("content|budget", "2026-12")).error == "Budget cannot be negative (got -5)."
        assert grid.cell(("content|tolerance", "2026-12")).error == "Tolerance % must be from 0 to 100 % (got 150)."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert grid.cursor_key == ("content|budget", "2026-12")
        assert "cannot be negative" in text(screen, "hint")
        assert "Nothing saved" in text(screen, "status")
        assert stored(ws) == before
        # Leads without a budget: the service refuses the month, the budget cell says why.
        grid.go_to(("content|budget", "2026-12"))
        await pilot.press("delete")
        grid.go_to(("content|tolerance", "2026-12"))
        await pilot.press("delete")
        grid.go_to(("content|leads", "2026-12"))
        await pilot.press("3", "enter", "ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert grid.cell(("content|budget", "2026-12")).error == "A month's plan needs a budget (0 plans no spend)."
        assert stored(ws) == before


async def test_escape_with_changes_asks(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen, grid = await open_editor(pilot)
        await pilot.press("5", "enter", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen and grid.changes()
        await pilot.press("q")  # quitting asks too
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, (PlanEditorScreen, ConfirmDialog))


async def test_brackets_go_to_the_next_quarter(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen, grid = await open_editor(pilot)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.quarter == "2027-Q1"
        assert list(grid.columns) and [str(k.value) for k in grid.columns] == ["2027-01", "2027-02", "2027-03"]


async def test_the_palette_opens_the_plan_from_any_tab(ws, make_app):
    from mkhats.ui.palette import table_commands

    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        commands = {name: run for name, run, _ in table_commands(app.main)}
        commands["Media plan of the quarter: budget, leads, tolerance"]()
        for _ in range(3000):
            if isinstance(app.screen, PlanEditorScreen):
                break
            await pilot.pause(0.02)
        assert isinstance(app.screen, PlanEditorScreen) and app.hat == "cmo"


# -- goals ---------------------------------------------------------------------------------------


async def test_g_in_a_kpi_detail_sets_its_goal_and_makes_it_the_target(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        app.query_one("#kpis-performance", KpiTable).focus()
        await pilot.press("down", "enter")  # Spend, Leads
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, KpiDetailScreen) and detail.key == "performance.leads"
        await pilot.press("g")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, GoalDialog)
        assert form.query_one("#quarter", Input).value == "2026-Q4"  # the shown week's
        await pilot.press(*"700")
        await pilot.pause()
        weekly = str(form.query_one("#goal-weekly", Static).render())
        # 2026-Q4 holds 14 ISO weeks (W40–W53): 700 / 14 = 50 a week.
        assert weekly == "Spread over the quarter's 14 weeks (a week counts in the quarter of its Thursday): 50 a week."
        form.query_one("#accept", Checkbox).value = True
        await pilot.press("ctrl+s")
        for _ in range(3000):
            if app.screen is detail:
                break
            await pilot.pause(0.02)
        assert app.screen is detail, form.errors
        goals = {
            (r.goal.kpi, r.goal.quarter): (r.goal.value, r.kpi.target)
            for _, rows in goal_quarters(ws).quarters
            for r in rows
        }
        assert goals[("performance.leads", "2026-Q4")] == (700.0, 50.0)
        assert detail.query_one("#rule-target", Input).value == "50"  # the detail's form shows the new target


async def test_a_bad_goal_stays_in_the_form_and_stores_nothing(ws, make_app):
    before = goal_quarters(ws)
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(KpiDetailScreen("performance.leads"))
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, GoalDialog)
        await pilot.press("minus", "5")
        await pilot.pause()
        assert str(form.query_one("#goal-weekly", Static).render()).startswith("✗ ")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "cannot be negative" in form.errors["value"]
        assert goal_quarters(ws) == before
