"""The weekly log of a hat: plan (Monday), fact, conclusion and action (Friday).

Each field saves when the user leaves it or presses ``ctrl+s``; its border says whether what is
shown is saved. A refresh from disk never overwrites a field with unsaved typing, and such a field
keeps the text it was read with as its base: the save then notices if another writer changed it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.events import DescendantBlur
from textual.message import Message
from textual.widgets import TextArea

from mkhats.domain.models import WeeklyLog
from mkhats.domain.safe_text import terminal_text
from mkhats.i18n import t
from mkhats.services.plans import LOG_FIELDS
from mkhats.ui.keys import KeyLabels, key_binding


class LogField(TextArea):
    """One field of the log."""

    def __init__(self, field: str) -> None:
        super().__init__(id=f"log-{field}", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
        self.field = field
        self.stored = ""
        """The stored text this field was read (or last saved) with: the base of its next save."""
        self.border_title = t(f"ui.log.{field}")

    @property
    def dirty(self) -> bool:
        """Whether the text differs from what is stored."""
        return self.text != self.stored

    def show_state(self) -> None:
        """Write "saved" or "unsaved" under the field."""
        self.border_subtitle = t("ui.unsaved") if self.dirty else (t("ui.saved") if self.stored else "")
        self.set_class(self.dirty, "-dirty")


class WeeklyLogEditor(KeyLabels, Horizontal):
    """The four fields side by side (two by two on a narrow terminal)."""

    BINDINGS = [key_binding("ctrl+s", "save", "ui.key.save", id="log.save")]

    class SaveRequested(Message):
        """Fields with unsaved text, to be saved for this hat and week."""

        def __init__(self, editor: WeeklyLogEditor, fields: dict[str, str]) -> None:
            super().__init__()
            self.editor = editor
            self.fields = fields

        @property
        def control(self) -> WeeklyLogEditor:
            """The editor whose fields these are."""
            return self.editor

    def compose(self) -> ComposeResult:
        for field in LOG_FIELDS:
            yield LogField(field)

    def show(self, log: WeeklyLog | None, force: bool = False) -> None:
        """Show a stored log; fields with unsaved typing keep it, and their base, unless ``force``."""
        for area in self.query(LogField):
            # Shown (and compared) without control characters: untouched, a field is not saved again.
            stored = terminal_text(getattr(log, area.field)) if log else ""
            if force or not area.dirty:
                area.load_text(stored)
                area.stored = stored
            area.show_state()

    def unsaved(self) -> dict[str, str]:
        """The fields whose text is not saved yet."""
        return {a.field: a.text for a in self.query(LogField) if a.dirty}

    def base(self) -> dict[str, str]:
        """Each field's text as it was read: what a save expects to find stored."""
        return {a.field: a.stored for a in self.query(LogField)}

    def mark_saved(self, log: WeeklyLog, fields: Iterable[str]) -> None:
        """``fields`` were saved as ``log``; other fields without typing show its text (merged)."""
        saved = set(fields)
        for area in self.query(LogField):
            text = terminal_text(getattr(log, area.field))
            if area.field in saved:
                area.stored = text
            elif not area.dirty:
                area.load_text(text)
                area.stored = text
            area.show_state()

    def rebase(self, theirs: dict[str, str], fields: Collection[str], take: bool) -> None:
        """After a conflict: ``fields`` now expect ``theirs``; ``take`` also shows theirs (mine is dropped)."""
        for area in self.query(LogField):
            if area.field in fields:
                area.stored = theirs.get(area.field, "")
                if take:
                    area.load_text(area.stored)
                area.show_state()

    def action_save(self) -> None:
        """Save every field with unsaved text."""
        fields = self.unsaved()
        if fields:
            self.post_message(self.SaveRequested(self, fields))

    @on(TextArea.Changed)
    def _changed(self, event: TextArea.Changed) -> None:
        if isinstance(event.text_area, LogField):
            event.text_area.show_state()

    @on(DescendantBlur)
    def _left_field(self, event: DescendantBlur) -> None:
        if isinstance(event.widget, LogField) and event.widget.dirty:
            self.post_message(self.SaveRequested(self, {event.widget.field: event.widget.text}))
