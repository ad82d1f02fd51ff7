"""The owner's quarterly goal of a KPI (``g`` in its detail; SPEC §10): quarter, goal, the weekly
target it gives, and whether that becomes the KPI's target.

As the goal is typed, ``services.money.preview_goal`` says the weekly target that follows (spread
over the quarter's weeks for a summed KPI, the goal itself for a rate); saving calls ``set_goal``,
with ``accept`` when "also make it the weekly target" is ticked (the command line's ``--accept``).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Static

from mkhats.domain.weeks import parse_quarter, week_quarter
from mkhats.errors import InputError
from mkhats.i18n import t
from mkhats.present.labels import format_exact, format_with_unit
from mkhats.present.money_text import goal_set_lines, kpi_label, spread_line
from mkhats.services.money import GoalSet, goal_quarters, preview_goal, set_goal
from mkhats.ui.access import mkhats_app, workspace
from mkhats.ui.plain import plain
from mkhats.ui.screens.form import FieldError, FormDialog, field_row


class GoalDialog(FormDialog[GoalSet]):
    """Set the goal of one KPI for a quarter; returns what ``set_goal`` stored."""

    ERROR_FIELDS = {
        "error.quarter_format": "quarter",
        "error.period_range": "quarter",
        "goal.negative": "value",
        "goal.too_large": "value",
        "kpi.target_negative": "value",
        "kpi.too_large": "value",
        "kpi.target_not_finite": "value",
    }

    def __init__(self, kpi: str, quarter: str | None = None) -> None:
        """``quarter``: ``YYYY-Qn``; the quarter of the app's selected week by default."""
        super().__init__()
        self.kpi = kpi
        self.quarter = quarter

    def form_title(self) -> str:
        snapshot = mkhats_app(self).snapshot
        kpi = snapshot.kpis.get(self.kpi) if snapshot else None
        return t("goal_form.title", kpi=kpi_label(kpi, snapshot.hats) if kpi and snapshot else self.kpi)

    def compose_intro(self) -> ComposeResult:
        snapshot = mkhats_app(self).snapshot
        kpi = snapshot.kpis.get(self.kpi) if snapshot else None
        if kpi is not None and snapshot is not None:
            target = format_with_unit(kpi, kpi.target, snapshot.settings.currency)
            yield Static(plain(t("goal_form.target_now", target=target)), classes="intro")

    def compose_fields(self) -> ComposeResult:
        quarter = self.quarter or week_quarter(mkhats_app(self).week)
        known = goal_quarters(workspace(self), quarter).quarters
        goal = next((r.goal for _, rows in known for r in rows if r.goal.kpi == self.kpi), None)
        yield field_row(
            "quarter",
            t("goal_form.quarter"),
            Input(quarter, placeholder=t("goal_form.quarter_hint"), id="quarter", classes="short"),
        )
        value = format_exact(goal.value) if goal is not None else ""
        yield field_row("value", t("goal_form.value"), Input(value, placeholder=t("goal_form.value_hint"), id="value"))
        yield Static(id="goal-weekly", classes="intro")
        yield Checkbox(t("goal_form.accept"), id="accept")

    def on_mount(self) -> None:
        self.query_one("#value", Input).focus()
        self._preview()

    @on(Input.Changed)
    def _typed(self) -> None:
        self._preview()

    def _preview(self) -> None:
        """The weekly target the goal as typed gives, or why it gives none yet."""
        quarter, value = self._texts()
        line = self.query_one("#goal-weekly", Static)
        if not value:
            line.update(t("goal_form.type"))
            return
        try:
            found = preview_goal(workspace(self), self.kpi, quarter, value)
        except InputError as error:
            line.update(plain("✗ " + error.render(), lines=True))  # quotes what was typed
            return
        line.update(plain(spread_line(found.kpi, found.spread, found.currency)))

    def _texts(self) -> tuple[str, str]:
        return self.query_one("#quarter", Input).value.strip(), self.query_one("#value", Input).value.strip()

    def submit(self) -> GoalSet:
        quarter, value = self._texts()
        try:
            parse_quarter(quarter)
        except InputError as error:
            raise FieldError("quarter", error) from None
        if not value:
            raise FieldError("value", InputError("goal_form.value_needed"))
        try:
            done = set_goal(workspace(self), self.kpi, quarter, value, self.query_one("#accept", Checkbox).value)
        except InputError as error:
            if error.key.startswith("error.") and "field" in error.params:  # the number is malformed
                raise FieldError("value", error) from None
            raise
        lines = goal_set_lines(done.goal, done.kpi, done.spread, done.previous, done.accepted, done.hats, done.currency)
        self.app.notify("\n".join(lines), markup=False, timeout=10)
        return done
