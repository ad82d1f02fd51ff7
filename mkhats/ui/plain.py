"""User text as the app shows it: literal and without control characters (SPEC §5).

Textual reads a ``str`` given to a widget (``Static``, ``Label``, a tab, a table cell, a select
option, a notification) as content markup: a person named ``[@click=app.quit]`` would be a button.
A Rich ``Text`` or a Textual ``Content`` is shown as it is, so any text holding something the user
typed reaches a widget through ``plain`` or ``literal``, which also drop what a terminal would obey
(escape sequences, control characters, bidi overrides).
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.content import Content
from textual.notifications import SeverityLevel

from mkhats.domain.safe_text import terminal_line, terminal_text


def plain(text: str, style: str = "", *, lines: bool = False, **kwargs: Any) -> Text:
    """``text`` as a Rich ``Text`` (never markup), on one line unless ``lines``."""
    return Text(terminal_text(text) if lines else terminal_line(text), style=style, **kwargs)


def literal(text: str) -> Content:
    """``text`` as Textual ``Content`` on one line (never markup): for tab titles and the like."""
    return Content(terminal_line(text))


class LiteralText:
    """App mixin: the app's own sinks made literal, every toast and the header line."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A toast, shown literally: messages quote names and notes the user typed."""
        super().notify(  # type: ignore[misc]
            terminal_text(message), title=terminal_line(title), severity=severity, timeout=timeout, markup=False
        )

    def format_title(self, title: str, sub_title: str) -> Content:
        """The header line without control characters: the sub-title names the hat being worn."""
        content: Content = super().format_title(terminal_line(title), terminal_line(sub_title))  # type: ignore[misc]
        return content
