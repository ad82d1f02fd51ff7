"""Small modals of the KPI detail: change one day's value and note, confirm a deletion.

The edit remembers the value and note it opened with: a save that finds them changed elsewhere
asks keep mine / take theirs / see both instead of saving over them (SPEC §5).
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from mkhats.domain.safe_text import terminal_line
from mkhats.domain.stoprules import Alert
from mkhats.errors import EditConflict, InputError, MkhatsError
from mkhats.i18n import t
from mkhats.present.kpi_detail import error_text
from mkhats.services.values import add_value
from mkhats.ui.access import workspace
from mkhats.ui.keys import KeyLabels, key_binding
from mkhats.ui.plain import literal, plain

_CSS = """
EditValueDialog { align: center middle; }
EditValueDialog > Vertical {
    width: 64; max-width: 100%; height: auto; max-height: 100%;
    border: round $accent; background: $surface; padding: 0 1;
}
EditValueDialog .row { height: auto; margin-top: 1; }
EditValueDialog .row Label { width: 12; padding-top: 1; }
EditValueDialog .row Input { width: 1fr; }
EditValueDialog .error { color: $error; height: auto; }
EditValueDialog .error:disabled, EditValueDialog .error.-empty { display: none; }
EditValueDialog .buttons { height: auto; align-horizontal: right; margin-top: 1; }
EditValueDialog .buttons Button { margin-left: 1; }
"""


class EditValueDialog(KeyLabels, ModalScreen[list[Alert] | None]):
    """Change the value and note of one day of a measured KPI; the day stays.

    Returns the stop-rule alerts the new value fired (possibly none), or None when cancelled.
    """

    DEFAULT_CSS = _CSS
    BINDINGS = [
        key_binding("escape", "cancel", "detail.edit.cancel", id="value.cancel"),
        key_binding("ctrl+s", "save", "detail.edit.save", id="value.save"),
    ]

    def __init__(self, key: str, title: str, day: date, day_text: str, value: str, note: str) -> None:
        super().__init__()
        self.key = key
        self.day = day
        self._title = t("detail.edit.title", kpi=title, day=day_text)
        self._value = value
        self._note = terminal_line(note)  # shown as it can be: saving stores it so
        self._base = {"value": value, "note": self._note}
        """The day's value and note as read (as shown): what the save expects to find stored."""

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = literal(self._title)  # the KPI's title is the user's
            with Horizontal(classes="row"):
                yield Label(t("detail.edit.value"))
                yield Input(self._value, id="edit-value")
            with Horizontal(classes="row"):
                yield Label(t("detail.edit.note"))
                yield Input(self._note, placeholder=t("detail.edit.note_hint"), id="edit-note", max_length=500)
            yield Static(id="edit-error", classes="error -empty")
            with Horizontal(classes="buttons"):
                yield Button(t("detail.edit.cancel"), id="edit-cancel")
                yield Button(t("detail.edit.save"), variant="primary", id="edit-save")

    def _show_error(self, text: str) -> None:
        error = self.query_one("#edit-error", Static)
        error.update(plain(text, lines=True))  # it may quote what was typed
        error.set_class(not text, "-empty")

    @on(Input.Submitted)
    @on(Button.Pressed, "#edit-save")
    def action_save(self) -> None:
        """Store the value and note; an invalid value stays on screen with its message."""
        value = self.query_one("#edit-value", Input).value
        note = self.query_one("#edit-note", Input).value.strip()
        try:
            alerts = add_value(workspace(self), self.key, value, self.day, note, base=self._base).alerts
        except EditConflict as conflict:
            self._ask(conflict)
            return
        except InputError as error:
            self._show_error(error_text(error))
            self.query_one("#edit-value", Input).focus()
            return
        except MkhatsError as error:
            # Disk full, lock held…: the edit stays on screen so it can be retried.
            self._show_error(error.render())
            self.app.notify(error.render(), severity="error", timeout=8)
            return
        self.dismiss(alerts)

    def _ask(self, conflict: EditConflict) -> None:
        """Keep mine (save over theirs), take theirs (shown, nothing saved) or see both."""
        from mkhats.ui.screens.same_edit import ask

        theirs = {f: conflict.theirs.get(f, "") for f in conflict.fields}

        def keep_mine() -> None:
            self._base.update(theirs)
            self.action_save()

        def take_theirs() -> None:
            self._base.update(theirs)
            for name, text in theirs.items():
                self.query_one(f"#edit-{name}", Input).value = text
            self.call_after_refresh(self._show_error, t("edit.took_theirs"))  # after the inputs' Changed

        ask(self, conflict, keep_mine, take_theirs)

    @on(Input.Changed)
    def _typing(self) -> None:
        self._show_error("")

    @on(Button.Pressed, "#edit-cancel")
    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
