"""The footer of every screen: Textual's, compact on a narrow terminal, help and quit first.

At 80 columns the regular footer cut the main screen's keys at ``s Sett`` and hid ``?`` (help)
and ``q`` (quit), the two a newcomer needs to find the rest (SPEC §3: 80×24 keeps them). Narrow,
the keys are compact and those two come first; wide, the footer is Textual's own.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # Textual pinned to 8.2 (pyproject): its key widget

NARROW = 110
"""Below this width the keys are compact, help and quit first."""

FIRST = ("help", "quit")
"""The actions a narrow footer shows before the screen's own."""


class KeyFooter(Footer):
    """Textual's ``Footer``; below ``NARROW`` columns compact, with help and quit first."""

    # Compact, Textual gives every key a margin on its right, the palette's too: docked right, that
    # margin left the terminal's last column to the keys scrolled under it ("^p palettes").
    DEFAULT_CSS = """
    KeyFooter.-compact FooterKey.-command-palette { margin-right: 0; padding-right: 1; }
    """

    def compose(self) -> ComposeResult:
        widgets = list(super().compose())  # our bindings use no groups: every key is top-level
        if not self.compact:
            yield from widgets
            return
        first = [w for w in widgets if isinstance(w, FooterKey) and w.action in FIRST]
        yield from first + [w for w in widgets if w not in first]

    def on_resize(self, event: events.Resize) -> None:
        narrow = event.size.width < NARROW
        if narrow != self.compact:
            self.compact = narrow
            self.refresh(recompose=True)
