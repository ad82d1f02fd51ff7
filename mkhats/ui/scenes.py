"""Scripted scenes of the app on demo data, shared by the screenshot script and snapshot tests.

Each scene is a list of keys pressed on the demo data of 2026-11-24 at 120×40; ``settle`` then
stops every cursor blinking so the picture is the same each run.
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, TextArea

TODAY = "2026-11-24"
SIZE = (120, 40)

SCENES: dict[str, list[str]] = {
    "main": ["2"],
    "main_narrow": ["2"],
    "kpi_detail": ["2", "tab", "down", "down", "down", "down", "enter"],
    "review": ["r"],
    "settings": ["s"],
    "add_value_error": ["plus", *"12x", "enter"],
    "help": ["question_mark"],
    "cmo": ["5"],
    "log": ["3", "l", *"Two sends: product update and win-back", "tab"],
    # The week entry grid: a changed cell, a cell to fix (its reason under the grid), days to come locked.
    "week_entry": ["2", "a", *"250", "enter", *"12x", "enter", "up"],
    "overview": ["0"],
}


async def settle(pilot: Pilot[Any]) -> None:
    """Let the screen finish (hat panes filled, layout done), with every cursor steady.

    Every wait ends on a condition, never on the clock alone: a busy machine only loops longer
    (a 1 s cap here once let a snapshot catch the CMO pane before its checklist was laid out).
    """
    from mkhats.ui.widgets.hat_pane import HatPane

    await pilot.pause()
    for _ in range(400):  # a pane built on first visit is filled after the next refresh
        if all(pane.week is not None for pane in pilot.app.query(HatPane).results()):
            break
        await pilot.pause(0.05)
    # A log field saves when it is left (``tab``), by a message of its own: on a busy machine the
    # check below could run before that save and find nothing new to show (the log scene once kept
    # the old plan on its pane). Wait until no field left behind is unsaved.
    from mkhats.ui.widgets.weekly_log import LogField

    for _ in range(400):
        fields = [f for screen in pilot.app.screen_stack for f in screen.query(LogField).results()]
        if not any(f.dirty and not f.has_focus for f in fields):
            break
        await pilot.pause(0.05)
    # What a form saved is shown once the app has re-read it (its 1 s poll, called here at once).
    app: Any = pilot.app
    for _ in range(400):
        app._poll()
        await pilot.pause()
        if app._loaded == app.ws.fresh_version():
            break
        await pilot.pause(0.05)
    # The app prepares the weeks around the one shown 0.1 s after a reload: let that run too.
    await pilot.pause(0.25)
    for screen in pilot.app.screen_stack:
        for widget in screen.query(Input).results():
            widget.cursor_blink = False
        for area in screen.query(TextArea).results():
            area.cursor_blink = False
    # A table measures its rows when the app goes idle, and the row holding it is laid out after:
    # wait until no table has a measure pending (the CMO checklist was once caught before it).
    for _ in range(400):
        await pilot.pause()
        tables = [table for screen in pilot.app.screen_stack for table in screen.query(DataTable).results()]
        if not any(table._require_update_dimensions for table in tables):  # Textual pinned to 8.2
            break
        await pilot.pause(0.05)
    # ...and laid out: a table holding rows is as tall as its header and a row. Under load the log
    # scene caught the CRM pane under the dialog with its KPI table measured but still 0 rows tall.
    for _ in range(400):
        await pilot.pause()
        tables = [table for screen in pilot.app.screen_stack for table in screen.query(DataTable).results()]
        shown = [t for t in tables if t.row_count and all(n.display for n in t.ancestors_with_self if n is not t.app)]
        if all(t.size.height >= 1 + t.show_header for t in shown):
            break
        await pilot.pause(0.05)
    await pilot.pause()


async def play(pilot: Pilot[Any], scene: str) -> None:
    """Press a scene's keys, then settle."""
    await pilot.pause()
    for key in SCENES[scene]:
        await pilot.press(key)
        await pilot.pause()
    await settle(pilot)
