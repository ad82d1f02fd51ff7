"""Pilot tests: the checklist editor changes today's period on; going back a week shows the items
that week had (SPEC §1 "Checklist item")."""

from __future__ import annotations

from textual.widgets import Input, Static

from mkhats.ui.screens.checklist_editor import ChecklistEditor, ItemDialog
from mkhats.ui.screens.form import ConfirmDialog
from mkhats.ui.widgets.checklist import Checklist
from tests.ui.conftest import SIZE

OLD_FIRST = "Brief with segment and call to action"
OLD_SECOND = "One hypothesis per piece"


def labels(checklist: Checklist) -> list[str]:
    """The text column of every row, headings included."""
    return [str(checklist.get_row_at(row)[1]) for row in range(checklist.row_count)]


async def edit_with_e(app, pilot) -> ChecklistEditor:
    """On the Content tab: ``e`` on the checklist, rename the first item, delete the second, add one."""
    await pilot.press("1")
    app.query_one("#checklist-content", Checklist).focus()
    await pilot.press("e")
    editor = app.screen
    assert isinstance(editor, ChecklistEditor)
    await pilot.press("enter")
    assert isinstance(app.screen, ItemDialog)
    field = app.screen.query_one("#text", Input)
    field.value = ""
    await pilot.press(*"Brief v2", "enter")
    await pilot.pause()
    await pilot.press("down", "d")
    assert isinstance(app.screen, ConfirmDialog)
    await pilot.press("y")
    await pilot.pause()
    await pilot.press("a", *"Check the Telegram stats", "enter")
    await pilot.pause()
    assert app.screen is editor
    return editor


async def test_editor_changes_this_week_and_last_week_keeps_its_items(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        checklist = app.query_one("#checklist-content", Checklist)
        await pilot.press("left_square_bracket")
        await pilot.pause()
        last_week_before = (labels(checklist), str(checklist.border_title))
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.week == "2026-W48"
        editor = await edit_with_e(app, pilot)
        hint = str(editor.query_one("#items-hint", Static).content)
        assert "2026-W48" in hint and "2026-11" in hint and "2026-Q4" in hint
        await pilot.press("escape")
        await pilot.pause()
        now = labels(checklist)
        assert now[0] == "Brief v2" and OLD_SECOND not in now and "Check the Telegram stats" in now
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert app.week == "2026-W47"
        then = labels(checklist)
        assert then[:2] == [OLD_FIRST, OLD_SECOND] and "Check the Telegram stats" not in then
        assert (then, str(checklist.border_title)) == last_week_before


async def test_edits_made_while_looking_at_a_past_week_apply_from_today(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        checklist = app.query_one("#checklist-content", Checklist)
        await pilot.press("left_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert app.week == "2026-W46"
        editor = await edit_with_e(app, pilot)
        hint = str(editor.query_one("#items-hint", Static).content)
        assert hint.startswith("You are looking at 2026-W46") and "2026-W48" in hint
        await pilot.press("escape")
        await pilot.pause()
        assert labels(checklist)[:2] == [OLD_FIRST, OLD_SECOND]  # W46 is unchanged
        await pilot.press("t")
        await pilot.pause()
        assert labels(checklist)[0] == "Brief v2"
