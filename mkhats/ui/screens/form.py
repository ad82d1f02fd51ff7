"""The base of every modal form: labelled fields, an inline error under each, Save and Cancel.

A form's ``submit`` parses its fields and calls one service. An ``InputError`` it raises is shown
under the field it concerns (``FieldError`` names the field; otherwise ``ERROR_FIELDS`` maps the
error's catalogue key to a field) and the form stays open with nothing saved. ``escape`` cancels;
``enter`` in the last input, ``ctrl+s`` or the Save button saves. A form that edits a stored record
keeps its fields as read in ``base``; a save that finds them changed elsewhere (``EditConflict``)
asks keep mine / take theirs / see both (SPEC §5).
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, Generic, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static, TextArea

from mkhats.errors import EditConflict, InputError, MkhatsError
from mkhats.i18n import t
from mkhats.ui.keys import KeyLabels, key_binding
from mkhats.ui.plain import literal, plain

R = TypeVar("R")

FORMS_CSS = Path(__file__).parent.parent / "forms.tcss"


class FieldError(Exception):
    """An ``InputError`` about one field of the form."""

    def __init__(self, field: str, error: InputError) -> None:
        super().__init__(field)
        self.field = field
        self.error = error


def field_row(name: str, label: str | Text, *widgets: Widget) -> Vertical:
    """A label beside its widgets, and the (hidden) error line under them (a ``Text`` label: literal)."""
    return Vertical(
        Horizontal(Label(label, classes="label"), *widgets, classes="row"),
        Static(id=f"err-{name}", classes="error"),
        classes="field",
        id=f"field-{name}",
    )


class FormDialog(KeyLabels, ModalScreen[R], Generic[R]):
    """A modal form; subclasses compose their fields and implement ``submit``."""

    CSS_PATH = FORMS_CSS
    BINDINGS = [
        key_binding("escape", "cancel", "forms.cancel", id="form.cancel"),
        key_binding("ctrl+s", "save", "forms.save", id="form.save"),
    ]
    ERROR_FIELDS: ClassVar[dict[str, str]] = {}
    """Catalogue key of a service's ``InputError`` → the field it is shown under."""
    AUTO_FOCUS = ".field .row > *"
    """The first field has the focus when the form opens, not the scrolling box around the fields
    (Textual's default, the first focusable widget); a form's ``on_mount`` may focus another."""

    def __init__(self) -> None:
        super().__init__()
        self._errors: dict[str, str] = {}
        self.base: dict[str, str] | None = None
        """The edited record's fields as the form read them (None: a new record, nothing to check)."""

    def form_title(self) -> str:
        """The title on the form's border."""
        return ""

    def compose_intro(self) -> ComposeResult:
        """Lines above the fields (what is being recorded)."""
        yield from ()

    def compose_fields(self) -> ComposeResult:
        """The fields, each made with ``field_row``."""
        yield from ()

    def submit(self) -> R:
        """Parse the fields and call the service; the result is what the dialog returns."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form") as box:
            box.border_title = literal(self.form_title())  # titles name hats and KPIs: the user's words
            yield from self.compose_intro()
            yield from self.compose_fields()
            yield Static(id="err-form", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(t("forms.save"), variant="primary", id="save")
                yield Button(t("forms.cancel"), id="cancel")

    # -- errors ----------------------------------------------------------------------------------

    def show_error(self, field: str, message: str) -> None:
        """Show ``message`` under ``field`` (or under the form) and focus that field."""
        matches = self.query(f"#err-{field}")
        target = matches.first(Static) if matches else self.query_one("#err-form", Static)
        target.update(plain(message, lines=True))  # messages quote what was typed
        target.add_class("-shown")
        self._errors[(target.id or "").removeprefix("err-")] = message
        for widget in self.query(f"#field-{field} .row > *"):
            if widget.focusable:
                widget.focus()
                break
        target.scroll_visible()

    def clear_errors(self) -> None:
        """Hide every error line."""
        for error in self.query(".error").results(Static):
            error.update("")
            error.remove_class("-shown")
        self._errors = {}

    @property
    def errors(self) -> dict[str, str]:
        """The errors shown, by field (``form`` for the line under the fields)."""
        return dict(self._errors)

    # -- actions ---------------------------------------------------------------------------------

    def action_save(self) -> None:
        """Validate and save; on an error, show it and stay open."""
        self.clear_errors()
        try:
            result = self.submit()
        except FieldError as error:
            self.show_error(error.field, error.error.render())
            return
        except EditConflict as conflict:
            self._ask(conflict)
            return
        except InputError as error:
            # A record refused by its model names its field: shown under it when the form has one.
            field = getattr(error, "field", "form").rsplit(".", 1)[-1]
            self.show_error(self.ERROR_FIELDS.get(error.key, field), error.render())
            return
        except MkhatsError as error:  # storage: keep the form so the user can retry
            self.show_error("form", error.render())
            self.app.notify(error.render(), severity="error", timeout=8)
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)

    # -- two writers of one record ---------------------------------------------------------------

    def _ask(self, conflict: EditConflict) -> None:
        """Keep mine (save over theirs), take theirs (shown, nothing saved) or see both."""
        from mkhats.ui.screens.same_edit import ask

        theirs = {f: conflict.theirs.get(f, "") for f in conflict.fields}

        def keep_mine() -> None:
            self.base = {**(self.base or {}), **theirs}
            self.action_save()

        def take_theirs() -> None:
            self.base = {**(self.base or {}), **theirs}
            self.load_fields(theirs)
            self.show_error("form", t("edit.took_theirs"))

        ask(self, conflict, keep_mine, take_theirs)

    def load_fields(self, fields: dict[str, str]) -> None:
        """Show ``fields`` (the stored text, on "take theirs") in the inputs named after them.

        Forms whose fields are not plain inputs (a ``Select``…) override this.
        """
        for name, text in fields.items():
            for widget in self.query(f"#{name}"):
                if isinstance(widget, Input):
                    widget.value = text
                elif isinstance(widget, TextArea):
                    widget.load_text(text)

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        """``enter`` saves from any field, as in any form (optional fields may stay empty)."""
        event.stop()
        self.action_save()


class ConfirmDialog(KeyLabels, ModalScreen[bool]):
    """A yes/no question; ``y`` or the yes button confirms, ``n``, ``escape`` or the no button declines.

    Titled (the forms' deletions): in a box titled "Are you sure?", the yes button first. Untitled
    (a KPI value's deletion, over the KPI's detail): the question alone, the no button first.
    """

    CSS_PATH = FORMS_CSS
    BINDINGS = [
        key_binding("escape,n", "answer(False)", "forms.cancel", id="confirm.no"),
        key_binding("y", "answer(True)", "forms.confirm.delete", id="confirm.yes"),
    ]

    def __init__(self, question: str, yes: str, no: str | None = None, *, titled: bool = True) -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no if no is not None else t("forms.cancel")
        self.titled = titled

    def compose(self) -> ComposeResult:
        yes = Button(self.yes, variant="error", id="confirm-yes")
        no = Button(self.no, id="confirm-no")
        if self.titled:
            with Vertical(classes="form confirm") as box:
                box.border_title = t("forms.confirm.title")
                yield Static(plain(self.question, lines=True), classes="intro")
                with Horizontal(classes="buttons"):
                    yield yes
                    yield no
        else:
            with Vertical(classes="confirm-plain"):
                yield Static(plain(self.question, lines=True), classes="question")
                with Horizontal(classes="buttons"):
                    yield no
                    yield yes

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")
