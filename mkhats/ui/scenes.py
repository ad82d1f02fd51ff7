"""Scripted scenes of the app on demo data, shared by the screenshot script and snapshot tests.

Each scene is a list of keys pressed on the demo data of 2026-11-24 at 120×40; ``settle`` then
stops every cursor blinking so the picture is the same each run.
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, TextArea

TODAY = "2026-11-24"
SIZE = (120, 40)

SCENES: dict[str, list[str]] = {
    "main": ["2"],
    "main_narrow": ["2"],
    "kpi_detail": ["2", "tab", "down", "down", "down", "down", "enter"],
    "review": ["r"],
    "settings": ["s"],
    "add_value_error": ["a", *"12x", "enter"],
    "help": ["question_mark"],
    "cmo": ["5"],
    "log": ["3", "l", *"Two sends: product update and win-back", "tab"],
}


async def settle(pilot: Pilot[Any]) -> None:
    """Let the screen finish (hat panes filled), with every cursor steady."""
    from mkhats.ui.widgets.hat_pane import HatPane

    await pilot.pause()
    for _ in range(20):  # a pane built on first visit is filled after the next refresh
        if all(pane.week is not None for pane in pilot.app.query(HatPane).results()):
            break
        await pilot.pause(0.05)
    # The app prepares the weeks around the one shown 0.1 s after a reload; let that run, and the
    # layout it may delay (a table's size is measured when the app goes idle), before the picture.
    await pilot.pause(0.25)
    await pilot.pause()
    for screen in pilot.app.screen_stack:
        for widget in screen.query(Input).results():
            widget.cursor_blink = False
        for area in screen.query(TextArea).results():
            area.cursor_blink = False
    await pilot.pause()


async def play(pilot: Pilot[Any], scene: str) -> None:
    """Press a scene's keys, then settle."""
    await pilot.pause()
    for key in SCENES[scene]:
        await pilot.press(key)
        await pilot.pause()
    await settle(pilot)
