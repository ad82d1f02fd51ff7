"""The question asked when a save finds its record changed elsewhere (SPEC §5, two writers).

``SameEditDialog`` says what changed and offers keep mine (save over theirs), take theirs (load
the stored text into the form, nothing saved) and see both (``BothVersionsDialog``: the two
versions side by side, field by field, then back to the choice). ``ask`` wires the answer to a
form's two callbacks; ``escape`` decides later: the form keeps what was typed, nothing saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Label, Static

from mkhats.errors import EditConflict
from mkhats.i18n import t
from mkhats.ui.keys import KeyLabels, key_binding
from mkhats.ui.screens.form import FORMS_CSS
from mkhats.ui.widgets.footer import KeyFooter

_CSS = """
SameEditDialog, BothVersionsDialog { align: center middle; }
BothVersionsDialog .form { width: 100; }
BothVersionsDialog #both-scroll { height: auto; max-height: 18; }
BothVersionsDialog #both-grid { grid-size: 3; grid-columns: 12 1fr 1fr; grid-gutter: 0 1; height: auto; }
BothVersionsDialog #both-grid > * { height: auto; }
BothVersionsDialog #both-grid .head { text-style: bold; color: $text-muted; }
BothVersionsDialog #both-grid .clash { color: $warning; }
"""


class SameEditDialog(KeyLabels, ModalScreen["str | None"]):
    """Keep mine, take theirs or see both; returns ``"mine"``, ``"theirs"`` or None (later)."""

    CSS_PATH = FORMS_CSS
    DEFAULT_CSS = _CSS
    BINDINGS = [
        key_binding("escape", "answer(None)", "edit.key.later", id="edit.later"),
        key_binding("m", "answer('mine')", "edit.key.mine", id="edit.mine"),
        key_binding("t", "answer('theirs')", "edit.key.theirs", id="edit.theirs"),
        key_binding("b", "both", "edit.key.both", id="edit.both"),
    ]
    AUTO_FOCUS = "#edit-both"

    def __init__(self, conflict: EditConflict) -> None:
        super().__init__()
        self.conflict = conflict

    def compose(self) -> ComposeResult:
        with Vertical(classes="form confirm") as box:
            box.border_title = t("edit.title")
            yield Static(Text(self.conflict.render()), id="edit-sentence", classes="intro")
            yield Static(t("edit.question"), classes="intro")
            with Horizontal(classes="buttons"):
                yield Button(t("edit.mine"), variant="warning", id="edit-mine")
                yield Button(t("edit.theirs"), id="edit-theirs")
                yield Button(t("edit.both"), variant="primary", id="edit-both")
        yield KeyFooter()

    def action_answer(self, answer: str | None) -> None:
        """Close with the choice (None: decide later, the form stays as typed)."""
        self.dismiss(answer)

    def action_both(self) -> None:
        """Show both versions; closing them comes back here."""
        self.app.push_screen(BothVersionsDialog(self.conflict))

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        choice = (event.button.id or "").removeprefix("edit-")
        if choice == "both":
            self.action_both()
        else:
            self.dismiss(choice)


class BothVersionsDialog(KeyLabels, ModalScreen[None]):
    """Mine beside theirs, field by field; the fields changed on both sides are marked."""

    CSS_PATH = FORMS_CSS
    DEFAULT_CSS = _CSS
    BINDINGS = [key_binding("escape,b", "back", "edit.key.back", id="edit.back")]
    AUTO_FOCUS = "#both-back"

    def __init__(self, conflict: EditConflict) -> None:
        super().__init__()
        self.conflict = conflict

    def rows(self) -> list[tuple[str, str, str, bool]]:
        """``(label, mine, theirs, clash)`` for every field where the two versions differ."""
        c = self.conflict
        names = [f for f in c.mine if c.mine[f] != c.theirs.get(f, "") or f in c.fields]
        return [(c.labels.get(f, f), c.mine[f], c.theirs.get(f, ""), f in c.fields) for f in names]

    def compose(self) -> ComposeResult:
        empty = t("edit.both.empty")
        with Vertical(classes="form") as box:
            box.border_title = t("edit.both.title")
            yield Static(Text(self.conflict.render()), classes="intro")
            with VerticalScroll(id="both-scroll"), Grid(id="both-grid"):
                for head in ("edit.both.field", "edit.both.mine", "edit.both.theirs"):
                    yield Label(t(head), classes="head")
                for label, mine, theirs, clash in self.rows():
                    marked = "clash" if clash else ""
                    yield Static(Text(label), classes=f"field-name {marked}")
                    yield Static(Text(mine or empty), classes="mine")
                    yield Static(Text(theirs or empty), classes="theirs")
            with Horizontal(classes="buttons"):
                yield Button(t("edit.back"), variant="primary", id="both-back")
        yield KeyFooter()

    def action_back(self) -> None:
        """Back to the choice."""
        self.dismiss(None)

    @on(Button.Pressed, "#both-back")
    def _back(self) -> None:
        self.dismiss(None)


def ask(
    screen: Screen[Any],
    conflict: EditConflict,
    keep_mine: Callable[[], None],
    take_theirs: Callable[[], None],
    later: Callable[[], None] | None = None,
) -> None:
    """Ask what to do about ``conflict`` over ``screen``, then call the callback of the choice."""

    def chosen(answer: str | None) -> None:
        if answer == "mine":
            keep_mine()
        elif answer == "theirs":
            take_theirs()
        elif later is not None:
            later()

    screen.app.push_screen(SameEditDialog(conflict), chosen)
