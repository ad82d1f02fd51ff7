"""What the ritual's step screens share: a progress line, a title and a hint, a scrolling body,
a message line, and the way a step ends.

A step is a full screen (``Screen[bool]``): ``ctrl+s`` saves what was typed and dismisses True (the
step is done), ``enter`` outside a field does the same when nothing is pending, ``escape`` dismisses
False (the user leaves the step), asking first when typed text would be lost, as the grid screens
do. A step never opens the next one: the ritual's stepper does.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static, TextArea

from mkhats.domain.snapshot import Snapshot
from mkhats.errors import MkhatsError
from mkhats.i18n import t
from mkhats.ui.access import mkhats_app, workspace
from mkhats.ui.keys import KeyLabels, key_binding
from mkhats.ui.plain import literal, plain
from mkhats.ui.screens.form import FORMS_CSS
from mkhats.ui.widgets.footer import KeyFooter
from mkhats.ui.widgets.title_bar import ScreenHeader


class StepText(TextArea):
    """A text field of a step (a log field of one hat): it knows the text it was read with."""

    def __init__(self, hat: str, field: str, stored: str, title: str) -> None:
        super().__init__(stored, id=f"{hat}-{field}", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
        self.hat, self.field, self.stored = hat, field, stored
        self.border_title = title

    def on_mount(self) -> None:
        # The cursor after the text, not before it: typing in a field that holds last week's words
        # adds to them ("…; test subjects. Weekly review") instead of gluing itself to their start.
        self.move_cursor(self.document.end)

    @property
    def dirty(self) -> bool:
        """Whether the text differs from what was stored when the step read it."""
        return self.text != self.stored

    def on_text_area_changed(self) -> None:
        self.border_subtitle = t("ui.unsaved") if self.dirty else ""
        self.set_class(self.dirty, "-dirty")


class StepScreen(KeyLabels, Screen[bool]):
    """The frame of a step; subclasses compose the body and say what is pending and how to save it."""

    CSS_PATH = FORMS_CSS
    DEFAULT_CSS = """
    StepScreen #step-progress { color: $accent; text-style: bold; padding: 0 1; }
    StepScreen #step-title { text-style: bold; padding: 0 1; }
    StepScreen #step-hint { color: $text-muted; padding: 0 1; }
    StepScreen #step-body { height: 1fr; padding: 0 1; }
    StepScreen #step-message { padding: 0 1; height: auto; }
    StepScreen #step-message.-error { color: $error; }
    StepScreen .step-block { height: auto; margin: 1 0 0 0; }
    StepScreen .step-heading { text-style: bold; color: $accent; }
    StepScreen .step-block:focus-within > .step-heading { background: $accent 25%; }
    StepScreen StepText { height: 4; border: tall $panel; }
    StepScreen StepText:focus { border: tall $accent; }
    StepScreen StepText.-dirty { border-subtitle-color: $warning; }
    """
    BINDINGS = [
        key_binding("escape", "leave", "ritual.key.leave", id="ritual_step.leave"),
        key_binding("ctrl+s", "done", "ritual.key.done", id="ritual_step.done"),
        key_binding("enter", "enter", "ritual.key.done", show=False, id="ritual_step.enter"),
    ]

    def __init__(self, week: str, progress: str | None = None) -> None:
        super().__init__()
        self.week = week
        self.progress = progress

    # -- what a step says ----------------------------------------------------------------------

    def title_text(self) -> str:
        """The step's title (it names the week)."""
        return ""

    def hint_text(self) -> str:
        """One line under the title: what to do here."""
        return ""

    def compose_body(self) -> ComposeResult:
        """The step's content, inside the scrolling body."""
        yield from ()

    def pending(self) -> int:
        """How many typed things are not saved (0: leaving loses nothing): by default, log fields."""
        return sum(1 for f in self.fields() if f.dirty)

    def save(self) -> bool:
        """Save what is pending; False (with the reason shown) when nothing could be saved.

        By default: every hat's changed log fields, in one transaction (``plans.save_logs``); a
        field another window changed meanwhile refuses the lot, and the typing stays on screen.
        """
        from mkhats.services.plans import save_logs

        changes: dict[str, dict[str, str]] = {}
        bases: dict[str, dict[str, str]] = {}
        for area in self.fields():
            bases.setdefault(area.hat, {})[area.field] = area.stored
            if area.dirty:
                changes.setdefault(area.hat, {})[area.field] = area.text
        if not changes:
            return True
        try:
            save_logs(workspace(self), self.week, changes, {hat: bases[hat] for hat in changes})
        except MkhatsError as refused:
            self.say(t("ritual.not_saved", reason=refused.render()), error=True)
            return False
        for area in self.fields():
            area.stored = area.text
        self.saved()
        self.app.notify(t("ritual.saved_logs", n=len(changes), count=len(changes)))
        return True

    def fields(self) -> list[StepText]:
        """Every log field on the screen."""
        return list(self.query(StepText).results())

    # -- the frame -----------------------------------------------------------------------------

    def read(self) -> Snapshot:
        """The step's week as the data stands."""
        return workspace(self).snapshot(self.week)

    def compose(self) -> ComposeResult:
        yield ScreenHeader()
        if self.progress:
            yield Static(literal(self.progress), id="step-progress")
        yield Static(plain(self.title_text()), id="step-title")
        yield Static(plain(self.hint_text()), id="step-hint")
        with VerticalScroll(id="step-body"):
            yield from self.compose_body()
        yield Static("", id="step-message")
        yield KeyFooter()

    NARROW = 100
    """Below this width, what stands side by side (a log beside its numbers) stacks: no number is cut."""

    def on_resize(self) -> None:
        self.set_class(self.size.width < self.NARROW, "-narrow")

    def say(self, text: str, error: bool = False) -> None:
        """Show ``text`` on the message line (in red for a refusal)."""
        line = self.query_one("#step-message", Static)
        line.update(plain(text))
        line.set_class(error, "-error")

    def saved(self) -> None:
        """Something was written: the app re-reads its data (the header's count follows)."""
        mkhats_app(self).reload()

    def action_done(self) -> None:
        """Save what was typed, then end the step."""
        if self.save():
            self.dismiss(True)

    def action_enter(self) -> None:
        """End the step when nothing typed waits (``enter`` in a field types or records instead)."""
        if not self.pending():
            self.dismiss(True)

    def action_leave(self) -> None:
        """Leave the step (False); typed text not saved is lost only once the user agrees."""
        self._asking_first(lambda: self.dismiss(False))

    def before_quit(self, quit_now: Callable[[], None]) -> None:
        """The app quits (``ctrl+q``): typed text not saved is lost only once the user agrees."""
        self._asking_first(quit_now)

    def _asking_first(self, then: Callable[[], object]) -> None:
        """``then()`` at once, or once the user agrees to lose what was typed and not saved."""
        pending = self.pending()
        if not pending:
            then()
            return
        from mkhats.ui.screens.form import ConfirmDialog

        def answer(yes: bool | None) -> None:
            if yes:
                then()

        question = t("ritual.leave", n=pending, count=pending)
        self.app.push_screen(ConfirmDialog(question, t("ritual.leave_yes"), t("ritual.keep")), answer)
