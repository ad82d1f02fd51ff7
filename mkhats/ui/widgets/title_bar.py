"""The app's Header, with a title that repaints in place.

Textual's header title asks for a new layout on every change; ours has a fixed size, so the week
or the warning count changing repaints one line instead of the whole screen (SPEC §6).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.visual import VisualType
from textual.widgets import Header
from textual.widgets._header import HeaderClockSpace, HeaderIcon, HeaderTitle


class _Title(HeaderTitle):
    """The title line: one row, full width, whatever it says."""

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        super().update(content, layout=False)


class TitleBar(Header):
    """Header (icon, title, sub-title) whose title updates without a layout pass."""

    def compose(self) -> ComposeResult:
        yield HeaderIcon().data_bind(Header.icon)
        yield _Title()
        yield HeaderClockSpace()
