"""``ctrl+q`` (Textual's quit, a priority key that works inside a text field) over a screen holding
typing: a ritual step and the week grid ask before the typing is lost, the log dialog saves it as
``escape`` does. Before, ``ctrl+q`` went straight to the app's quit and the typing was gone."""

from __future__ import annotations

from typing import Any

from mkhats.ui.screens.form import ConfirmDialog
from mkhats.ui.screens.log_dialog import LogDialog
from mkhats.ui.screens.ritual_logs import LogsScreen
from tests.ui.conftest import SIZE
from tests.ui.test_ritual_steps import field, logs, push, until
from tests.ui.test_week_grid import manual, open_grid


def running(app: Any) -> bool:
    """The app has not been told to exit."""
    return app.return_code is None and app.is_running


async def test_ctrl_q_in_a_ritual_step_asks_then_quits_only_when_told(ws, make_app):
    before = logs(ws, "2026-W48")
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen = LogsScreen("2026-W48", "plan")
        await push(pilot, screen)
        field(screen, "crm", "plan").focus()
        await pilot.press(*"Two sends", "ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("n")  # keep typing
        await until(pilot, lambda: app.screen is screen)
        assert running(app) and field(screen, "crm", "plan").text == "Two sends"
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await until(pilot, lambda: app.return_code == 0)
    assert logs(ws, "2026-W48") == before  # lost only once the user agreed


async def test_ctrl_q_in_the_week_grid_asks_first(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        screen, grid = await open_grid(pilot, "2", "a")
        before = manual(ws, "performance.spend")
        await pilot.press(*"77", "enter", "ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen)
        assert running(app) and grid.changes()
        await pilot.press("ctrl+q", "y")
        await until(pilot, lambda: app.return_code == 0)
    assert manual(ws, "performance.spend") == before


async def test_ctrl_q_in_the_log_dialog_saves_what_was_typed_and_quits(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "l")  # CRM has no plan this week in the demo
        await until(pilot, lambda: isinstance(app.screen, LogDialog))
        await pilot.press(*"Two sends", "ctrl+q")
        await until(pilot, lambda: app.return_code == 0)
    assert logs(ws, "2026-W48")["crm"].plan == "Two sends"


async def test_ctrl_q_with_nothing_typed_quits_at_once(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await open_grid(pilot, "2", "a")
        await pilot.press("ctrl+q")
        await until(pilot, lambda: app.return_code == 0)


async def test_ctrl_q_over_help_above_typed_numbers_says_to_close_it_first(ws, make_app):
    # The guard of the grid underneath would be passed by: help (or a question) on top says so.
    app = make_app(ws)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen, grid = await open_grid(pilot, "2", "a")
        await pilot.press(*"77", "enter", "question_mark")
        await until(pilot, lambda: app.screen is not screen)
        await pilot.press("ctrl+q")
        await until(pilot, lambda: any("Close this first" in n.message for n in app._notifications))
        assert running(app) and grid.changes()
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen)
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("q")  # the app's q over the grid's own question: no second question, no quit
        await pilot.pause()
        assert running(app) and isinstance(app.screen, ConfirmDialog)
