"""The help screen (``?``): every key of the app, from the live bindings."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from mkhats.domain.safe_text import terminal_line
from mkhats.i18n import t
from mkhats.ui.access import workspace
from mkhats.ui.keys import KeyLabels, key_binding


class HelpScreen(KeyLabels, ModalScreen[None]):
    """The keys, what they do, and where the data lives."""

    BINDINGS = [key_binding("escape,q,question_mark", "dismiss", "ui.key.back", id="help.back")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 80; max-width: 100%; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            db = terminal_line(str(workspace(self).path))  # a folder's name may hold anything
            yield Markdown(t("ui.help", db=db) + "\n" + t("cmo.help") + "\n" + t("ritual.help"))
