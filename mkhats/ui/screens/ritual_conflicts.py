"""The ritual's conflicts step: each active conflict without a valid check, with who may check it
(a person wearing neither hat), recorded in place.

A row shows the conflict as the review says it, who may check it, and the check's fields: a person
picked or a new name typed, a note, whether it found problems. ``enter`` in the name or the note
records it (``checks.verify``, dated today); the row then says who checked it and until when it
holds. ``ctrl+s`` records every row filled in and ends the step; ``enter`` with nothing typed ends it.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Checkbox, Input, Select, Static

from mkhats.errors import MkhatsError
from mkhats.i18n import t
from mkhats.present.ritual_steps import ConflictRow, checked_text, conflict_rows
from mkhats.present.views import week_title
from mkhats.ui.access import workspace
from mkhats.ui.plain import plain
from mkhats.ui.screens.ritual_step import StepScreen

LEVEL_STYLE = {"high": "bold red", "medium": "dark_orange", "low": ""}


class ConflictRowView(Vertical):
    """One conflict and the check that clears it."""

    def __init__(self, row: ConflictRow, level: str) -> None:
        super().__init__(classes="step-block conflict-row", id=f"row-{row.id}")
        self.row = row
        self.level = level
        self.recorded = ""
        """What the recorded check says ("" until one is recorded here)."""

    def compose(self) -> ComposeResult:
        row = self.row
        yield Static(plain(row.sentence, LEVEL_STYLE.get(self.level, ""), lines=True), classes="conflict-text")
        yield Static(plain(row.who, "dim", lines=True), classes="conflict-who")
        with Horizontal(classes="conflict-controls"):
            if row.checkers:
                options = [(plain(label), name) for label, name in row.checkers]
                yield Select(options, prompt=t("ritual.conflicts.by_prompt"), classes="conflict-by")
            yield Input(placeholder=t("ritual.conflicts.new"), max_length=60, classes="conflict-new")
        with Horizontal(classes="conflict-controls"):
            yield Input(placeholder=t("ritual.conflicts.note"), max_length=500, classes="conflict-note")
            yield Checkbox(t("ritual.conflicts.problems_box"), classes="conflict-problems")
        yield Static("", classes="error -empty")
        yield Static("", classes="conflict-done -empty")

    @property
    def who(self) -> str:
        """The new name typed, else the person picked ("" for neither)."""
        new = self.query_one(".conflict-new", Input).value.strip()
        if new:
            return new
        picker = next(iter(self.query(".conflict-by").results(Select)), None)
        chosen = picker.selection if picker is not None else None
        return chosen or ""

    @property
    def pending(self) -> bool:
        """Something typed or picked and not recorded yet."""
        if self.recorded:
            return False
        note = self.query_one(".conflict-note", Input).value.strip()
        return bool(self.who or note or self.query_one(".conflict-problems", Checkbox).value)

    def refuse(self, text: str) -> None:
        """Show why the check was not recorded ("": nothing to show)."""
        line = self.query_one(".error", Static)
        line.update(plain(text))
        line.set_class(not text, "-empty")

    def show_recorded(self, text: str, ok: bool) -> None:
        """The check is stored: say so in place of its fields."""
        self.recorded = text
        self.refuse("")
        # Struck through, not only dimmed: "no valid external check" right above "✓ checked by"
        # read as a contradiction.
        self.query_one(".conflict-text", Static).update(plain(self.row.sentence, "dim strike", lines=True))
        self.query_one(".conflict-who").display = False
        for controls in self.query(".conflict-controls").results():
            controls.display = False
        done = self.query_one(".conflict-done", Static)
        done.update(plain(text, "green" if ok else "bold red"))
        done.set_class(False, "-empty")


class ConflictsScreen(StepScreen):
    """The conflicts of ``week``'s review waiting for a check, recorded in place."""

    DEFAULT_CSS = """
    ConflictsScreen #conflicts-left { text-style: bold; padding: 0 1; }
    ConflictsScreen .conflict-controls { height: auto; }
    ConflictsScreen .conflict-by { width: 1fr; }
    ConflictsScreen .conflict-new { width: 1fr; }
    ConflictsScreen .conflict-note { width: 1fr; }
    ConflictsScreen .conflict-problems { width: auto; }
    ConflictsScreen .error { color: $error; height: auto; }
    ConflictsScreen .-empty { display: none; }
    ConflictsScreen .conflict-done { padding: 0 0 0 2; }
    """

    def __init__(self, week: str, progress: str | None = None) -> None:
        super().__init__(week, progress)
        self.rows: list[ConflictRow] = []

    def title_text(self) -> str:
        return t("ritual.conflicts.title", week=week_title(self.week))

    def hint_text(self) -> str:
        return t("ritual.conflicts.hint")

    def compose_body(self) -> ComposeResult:
        snapshot = self.read()
        self.rows = conflict_rows(snapshot)
        levels = {rule.hats: rule.level for rule in snapshot.conflicts}
        yield Static(t("ritual.conflicts.none"), id="conflicts-left", classes="-empty" if self.rows else "")
        for row in self.rows:
            yield ConflictRowView(row, levels.get(row.pair, "medium"))

    def on_mount(self) -> None:
        first = next(iter(self.views()), None)
        if first is not None:
            first.query(".conflict-by, .conflict-new").first().focus()

    def views(self) -> list[ConflictRowView]:
        """The rows on screen."""
        return list(self.query(ConflictRowView).results())

    def pending(self) -> int:
        return sum(1 for v in self.views() if v.pending)

    def record(self, view: ConflictRowView) -> bool:
        """Record the row's check, dated today; False, with the reason under the row, when refused."""
        from mkhats.services.checks import verify

        who = view.who
        if not who:
            view.refuse(t("ritual.conflicts.need_who"))
            return False
        note = view.query_one(".conflict-note", Input).value
        problems = view.query_one(".conflict-problems", Checkbox).value
        ws = workspace(self)
        try:
            found = verify(ws, *view.row.pair, who, ws.today, note, problems)
        except MkhatsError as refused:
            view.refuse(refused.render())
            return False
        check = found.check
        text = checked_text(view.row.pair, check.by, check.day, found.valid_until, self.read())
        view.show_recorded(text, found.valid_until is not None)
        return True

    @on(Select.Changed, ".conflict-by")
    def _picked(self, event: Select.Changed) -> None:
        """A person picked: on to the note, where ``enter`` records the check (as the hint says)."""
        event.stop()
        view = next((a for a in event.select.ancestors if isinstance(a, ConflictRowView)), None)
        if view is not None and event.value is not Select.BLANK:
            view.query_one(".conflict-note", Input).focus()

    @on(Input.Submitted, ".conflict-new, .conflict-note")
    def _entered(self, event: Input.Submitted) -> None:
        event.stop()
        view = next((a for a in event.input.ancestors if isinstance(a, ConflictRowView)), None)
        if view is None or not self.record(view):
            return
        self.saved()
        self._offer_new_checkers()
        following = [v for v in self.views() if not v.recorded]
        if following:
            following[0].query(".conflict-by, .conflict-new").first().focus()
        else:
            self.set_focus(None)

    def _offer_new_checkers(self) -> None:
        """A checker typed as a new name on one row is offered on the rows still open (if they
        may check them), not only once the step is opened again."""
        fresh = {row.pair: row for row in conflict_rows(self.read())}
        for view in self.views():
            row = fresh.get(view.row.pair)
            if view.recorded or row is None or not row.checkers:
                continue
            options = [(plain(label), name) for label, name in row.checkers]
            picker = next(iter(view.query(".conflict-by").results(Select)), None)
            if picker is None:
                picker = Select(options, prompt=t("ritual.conflicts.by_prompt"), classes="conflict-by")
                view.query_one(".conflict-controls").mount(picker, before=0)
            elif row.checkers != view.row.checkers:
                chosen = picker.selection
                with picker.prevent(Select.Changed):
                    picker.set_options(options)
                    if chosen is not None and chosen in [name for _, name in row.checkers]:
                        picker.value = chosen  # one no longer allowed (another window) is dropped
            view.row = row
            view.query_one(".conflict-who", Static).update(plain(row.who, "dim", lines=True))

    def save(self) -> bool:
        results = [self.record(v) for v in self.views() if v.pending]
        if any(results):
            self.saved()
        return all(results)
