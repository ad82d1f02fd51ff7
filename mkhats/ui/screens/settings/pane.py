"""The settings sections' base and shared pieces: ``SettingsPane`` and the ``Select`` helpers.

A section shows a ``SettingsState`` (attributes down) and saves through ``services.settings``;
a refusal shows inline under the section, a storage error as a notification, and a save posts
``SettingsPane.Saved`` so the screen re-reads the state and every section shows it (messages up).
A save of a value the section showed passes it as ``base``: changed elsewhere since, the user is
asked keep mine / take theirs / see both (SPEC §5).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from rich.text import Text
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Select, Static

from mkhats.domain.models import CADENCES, PERSON_KINDS
from mkhats.errors import EditConflict, InputError
from mkhats.i18n import t
from mkhats.services.settings import LEVELS, SettingsState
from mkhats.ui.access import run_service
from mkhats.ui.plain import plain

R = TypeVar("R")


def kind_options() -> list[tuple[str, str]]:
    """Person kinds for a ``Select``."""
    return [(t(f"settings.kind.{kind}"), kind) for kind in PERSON_KINDS]


def hours_text(hours: float | None) -> str:
    """An hour budget as typed back: ``6``, ``7.5``, or empty."""
    if hours is None:
        return ""
    return str(int(hours)) if float(hours).is_integer() else str(hours)


def set_select(select: Select[Any], options: Sequence[tuple[str | Text, Any]], value: Any) -> None:
    """Give a ``Select`` its options and value without posting ``Changed`` (it is not the user)."""
    with select.prevent(Select.Changed):
        if getattr(select, "_shown_options", None) != options:
            select.set_options(options)
            select._shown_options = options  # type: ignore[attr-defined]
        select.value = value if value is not None else Select.NULL


def selected(select: Select[Any]) -> Any:
    """A ``Select``'s value, None when blank."""
    return None if select.is_blank() else select.value


class SettingsPane(VerticalScroll, can_focus=False):
    """A section of the settings; ``show`` fills it, ``save`` runs a use case."""

    class Saved(Message):
        """Something was saved: every section should show the new state."""

    def __init__(self, state: SettingsState, **kwargs: Any) -> None:
        super().__init__(classes="settings-pane", **kwargs)
        self.state = state

    def on_mount(self) -> None:
        self.setup()
        self.show(self.state)

    def setup(self) -> None:
        """Prepare the widgets once they are mounted (columns of tables…)."""

    def show(self, state: SettingsState) -> None:
        """Show ``state``."""
        self.state = state

    _asking = False

    def save(self, fn: Callable[..., R], *args: Any, **kwargs: Any) -> R | None:
        """Run a use case on the app's workspace; a refusal shows inline, nothing is saved."""
        if self._asking:
            return None
        answered: list[object] = []  # a refusal shown, or a question asked: the section keeps it

        def refused(error: InputError) -> None:
            answered.append(error)
            self.show_error(error.render())

        def conflicted(conflict: EditConflict) -> None:
            answered.append(conflict)
            self._ask(conflict, fn, args, kwargs)

        done = run_service(self, lambda ws: fn(ws, *args, **kwargs), refused=refused, conflicted=conflicted)
        if done is None:
            if not answered:
                self.show_error("")  # a storage error: a notification says it
            return None
        self.show_error("")
        self.post_message(self.Saved())
        return done.value

    def _ask(
        self, conflict: EditConflict, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> None:
        """Keep mine (save again over theirs) or take theirs (the section shows what is stored)."""
        from mkhats.ui.screens.same_edit import ask

        theirs = {f: conflict.theirs.get(f, "") for f in conflict.fields}
        self._asking = True  # leaving the field while the question is open saves nothing

        def keep_mine() -> None:
            self._asking = False
            self.save(fn, *args, **{**kwargs, "base": {**(kwargs.get("base") or {}), **theirs}})

        def take_theirs() -> None:
            later()
            self.took_theirs(theirs)

        def later() -> None:
            self._asking = False
            self.post_message(self.Saved())  # nothing saved: every section re-reads what is stored

        ask(self.screen, conflict, keep_mine, take_theirs, later)

    def took_theirs(self, theirs: dict[str, str]) -> None:
        """Show the stored text in an input being typed in (sections with inputs)."""

    def current(self) -> str | None:
        """The key of the highlighted row of this section's table (None when it is empty)."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def show_error(self, text: str) -> None:
        """Show (or clear) the inline message of this section."""
        error = self.query_one(".error", Static)
        error.update(plain(text, lines=True))
        error.display = bool(text)
        if text:
            error.scroll_visible()


def level_options() -> list[tuple[str, str]]:
    """Conflict levels for a ``Select``."""
    return [(t(f"level.{level}"), level) for level in LEVELS]


def every_options() -> list[tuple[str, str]]:
    """Check frequencies for a ``Select``."""
    return [(t(f"cadence.{cadence}"), cadence) for cadence in CADENCES]
