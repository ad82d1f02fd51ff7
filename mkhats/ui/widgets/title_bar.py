"""The app's Header, with a title that repaints in place.

Textual's header title asks for a new layout on every change; ours has a fixed size, so the week
or the warning count changing repaints one line instead of the whole screen (SPEC §6).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.css.query import NoMatches
from textual.dom import NoScreen
from textual.events import Mount, Resize
from textual.visual import VisualType
from textual.widgets import Header
from textual.widgets._header import HeaderClockSpace, HeaderIcon, HeaderTitle


class _Title(HeaderTitle):
    """The title line: one row, full width, whatever it says."""

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        super().update(content, layout=False)


class ScreenHeader(Header):
    """Textual's ``Header`` whose title watchers stay quiet when the title changes as it is taken down.

    Textual 8.2's own ``set_title`` catches ``NoScreen`` only: a title set as the app closes (or a
    screen is popped) after the header's children are gone raised ``NoMatches`` (a flake at exit).
    Every screen's header is this one. Textual calls ``_on_mount`` of each class along the MRO, so
    ``Header``'s own is prevented: it would register the watchers that raise.

    Narrow, the empty space Textual keeps on the right for a clock (10 columns) goes to the title:
    at 80 columns a Russian week, its warnings and the ritual's time need them.
    """

    DEFAULT_CSS = """
    ScreenHeader.-narrow HeaderClockSpace { display: none; }
    """
    NARROW = 110
    """Below this width the clock's space is given to the title."""

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < self.NARROW, "-narrow")

    def _on_mount(self, event: Mount) -> None:
        event.prevent_default()

        async def set_title() -> None:
            try:
                self.query_one(HeaderTitle).update(self.format_title())
            except (NoScreen, NoMatches):
                pass

        self.watch(self.app, "title", set_title)
        self.watch(self.app, "sub_title", set_title)
        self.watch(self.screen, "title", set_title)
        self.watch(self.screen, "sub_title", set_title)


class TitleBar(ScreenHeader):
    """Header (icon, title, sub-title) whose title updates without a layout pass."""

    def compose(self) -> ComposeResult:
        yield HeaderIcon().data_bind(Header.icon)
        yield _Title()
        yield HeaderClockSpace()
