"""The ritual's decisions step: every open stop alert and every channel off its budget's pace of the
week's review, decided in place.

Each row shows the warning, the three decisions (stop alert: stopped, rewritten, kept; budget:
cut, keep, rebalance) and a reason; ``enter`` in the reason records the row (``decisions.decide`` or
``decisions.decide_budget``) and it then shows what was decided. Nothing left: "All decided", and
``enter`` ends the step. ``ctrl+s`` records every row with a decision picked, then ends the step.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, RadioButton, RadioSet, Static

from mkhats.errors import MkhatsError
from mkhats.i18n import t
from mkhats.present.ritual_steps import DecisionRow, choice_label, decision_rows, decisions_heading
from mkhats.present.views import week_title
from mkhats.ui.access import workspace
from mkhats.ui.plain import plain
from mkhats.ui.screens.ritual_step import StepScreen


class DecisionRowView(Vertical):
    """One warning and its decision: buttons and a reason while open, the decision once taken."""

    def __init__(self, row: DecisionRow) -> None:
        super().__init__(classes="step-block decision-row", id=f"row-{row.id}")
        self.row = row

    def compose(self) -> ComposeResult:
        row = self.row
        style = "bold red" if row.kind == "stop" else "dark_orange"
        yield Static(plain(row.sentence, "" if row.decided else style, lines=True), classes="decision-text")
        if row.decided:
            yield Static(plain(row.decided, "green"), classes="decision-done")
            return
        with Horizontal(classes="decision-controls"):
            buttons = [RadioButton(choice_label(row.kind, c), id=f"c-{c}") for c in row.choices]
            yield RadioSet(*buttons, classes="decision-choice")
            yield Input(placeholder=t("ritual.decisions.reason_hint"), max_length=500, classes="decision-reason")
        yield Static("", classes="error -empty")

    @property
    def choice(self) -> str | None:
        """The decision picked, None while none is."""
        sets = list(self.query(RadioSet).results())
        if not sets or sets[0].pressed_index < 0:
            return None
        return self.row.choices[sets[0].pressed_index]

    @property
    def reason(self) -> str:
        """The reason typed."""
        inputs = list(self.query(Input).results())
        return inputs[0].value if inputs else ""

    @property
    def pending(self) -> bool:
        """A decision picked or a reason typed, not recorded yet."""
        return not self.row.decided and (self.choice is not None or bool(self.reason.strip()))

    def refuse(self, text: str) -> None:
        """Show why the row was not recorded, under it ("": nothing to show)."""
        line = self.query_one(".error", Static)
        line.update(plain(text))
        line.set_class(not text, "-empty")


class DecisionsScreen(StepScreen):
    """The stop alerts and budget warnings of ``week``, decided in place."""

    DEFAULT_CSS = """
    DecisionsScreen #decisions-left { text-style: bold; padding: 0 1; }
    DecisionsScreen .decision-controls { height: auto; }
    DecisionsScreen #decision-rows { margin: 0; }
    DecisionsScreen .decision-choice { layout: horizontal; width: auto; height: auto; border: none; padding: 0;
        margin: 1 1 0 0; }
    DecisionsScreen .decision-choice:focus-within { border: none; }
    DecisionsScreen .decision-choice RadioButton { width: auto; margin: 0 1 0 0; }
    DecisionsScreen .decision-reason { width: 1fr; min-width: 20; }
    DecisionsScreen .error { color: $error; height: auto; }
    DecisionsScreen .error.-empty { display: none; }
    DecisionsScreen .decision-done { padding: 0 0 0 2; }
    """

    def __init__(self, week: str, progress: str | None = None) -> None:
        super().__init__(week, progress)
        self.rows: list[DecisionRow] = []
        self._seen: set[str] = set()
        """Ids of the rows shown since the step opened: decided here, they stay on screen."""
        self._recorded: set[str] = set()
        """Ids of the rows recorded here (a row still showing its buttons after a refused save)."""

    def title_text(self) -> str:
        return t("ritual.decisions.title", week=week_title(self.week))

    def hint_text(self) -> str:
        return t("ritual.decisions.hint")

    def compose_body(self) -> ComposeResult:
        yield Static("", id="decisions-left")
        yield Vertical(id="decision-rows", classes="step-block")

    async def on_mount(self) -> None:
        await self.show_rows()

    async def show_rows(self) -> None:
        """Read the week's review afresh and lay out its rows; the cursor goes to the first open one."""
        self.rows = decision_rows(self.read(), keep=self._seen)
        self._seen |= {r.id for r in self.rows}
        box = self.query_one("#decision-rows", Vertical)
        await box.remove_children()
        await box.mount_all([DecisionRowView(r) for r in self.rows])
        left = self.query_one("#decisions-left", Static)
        left.update(decisions_heading(self.rows) if self.rows else t("ritual.decisions.none"))
        left.set_class(not any(not r.decided for r in self.rows), "-done")
        first = next((v for v in self.views() if not v.row.decided), None)
        if first is not None:
            first.query_one(RadioSet).focus()
        else:
            self.set_focus(None)

    def views(self) -> list[DecisionRowView]:
        """The rows on screen."""
        return list(self.query(DecisionRowView).results())

    def waiting(self) -> list[DecisionRowView]:
        """The rows with a decision picked or a reason typed, not recorded yet."""
        return [v for v in self.views() if v.pending and v.row.id not in self._recorded]

    def pending(self) -> int:
        return len(self.waiting())

    def record(self, view: DecisionRowView) -> bool:
        """Record one row's decision; False, with the reason under the row, when refused."""
        from mkhats.services.decisions import decide, decide_budget, decision_fields

        choice = view.choice
        if choice is None:
            view.refuse(t("ritual.decisions.choose"))
            return False
        row = view.row
        try:
            if row.kind == "stop" and row.alert is not None:
                # Read open: decided otherwise meanwhile (another window) is refused, alike is kept once.
                decide(workspace(self), row.alert, choice, view.reason, base=decision_fields(None))
            else:
                decide_budget(workspace(self), row.hat, row.month, choice, view.reason)
        except MkhatsError as refused:
            view.refuse(refused.render())
            return False
        self._recorded.add(row.id)
        view.refuse("")
        return True

    @on(RadioSet.Changed, ".decision-choice")
    def _picked(self, event: RadioSet.Changed) -> None:
        """A decision picked: on to its reason, where ``enter`` records the row (as the hint says)."""
        event.stop()
        view = next((a for a in event.radio_set.ancestors if isinstance(a, DecisionRowView)), None)
        if view is not None:
            view.query_one(".decision-reason", Input).focus()

    @on(Input.Submitted, ".decision-reason")
    async def _reason_entered(self, event: Input.Submitted) -> None:
        event.stop()
        view = next((a for a in event.input.ancestors if isinstance(a, DecisionRowView)), None)
        if view is not None and self.record(view):
            self.saved()
            await self.show_rows()

    def save(self) -> bool:
        results = [self.record(view) for view in self.waiting()]
        if any(results):
            self.saved()
        return all(results)
