"""Forms of the settings screen: add a conflict rule, add or edit a KPI.

Each form saves through ``services.settings`` and closes only when the save went through; a
refusal shows inline and nothing is saved; ``escape`` cancels. Editing a KPI another window changed
meanwhile asks keep mine / take theirs / see both (SPEC §5).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static

from mkhats.domain.kpis import KpiChange
from mkhats.domain.models import AGGREGATES, UNITS, Kpi
from mkhats.domain.safe_text import terminal_line
from mkhats.errors import EditConflict, InputError
from mkhats.i18n import t
from mkhats.present.labels import action_text, condition_field, guard_field, hat_name, kpi_title, rule_templates
from mkhats.services import kpi_edit, kpi_settings
from mkhats.services import settings as service
from mkhats.services.kpi_settings import DIRECTIONS, KpiDraft
from mkhats.services.settings import SettingsState
from mkhats.ui.access import run_service
from mkhats.ui.plain import plain
from mkhats.ui.screens.form import FormDialog
from mkhats.ui.screens.settings.pane import every_options, level_options, selected

R = TypeVar("R")


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(value)


class SettingsDialog(FormDialog[Any]):
    """A settings form: the form base's keys (``escape``, ``ctrl+s``, ``enter`` saves), laid out as
    the settings screen's: a title, fields in a grid, one inline error, Save and Cancel."""

    CSS_PATH = Path(__file__).parent / "settings.tcss"
    TITLE_KEY = ""
    AUTO_FOCUS = ".form-grid > *"  # the first field, not the scrolling box around the grid

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(t(self.TITLE_KEY), style="bold"), classes="dialog-title")
            with VerticalScroll(classes="dialog-body"), Grid(classes="form-grid"):
                yield from self.fields()
            yield Static(classes="error")
            with Horizontal(classes="buttons"):
                yield Button(t("settings.save"), id="dialog-save", variant="primary")
                yield Button(t("settings.cancel"), id="dialog-cancel")

    def fields(self) -> ComposeResult:
        """Label and field pairs of the grid."""
        yield from ()

    def show_error(self, field: str, message: str) -> None:
        """Every message in the one line under the grid (these forms have no line per field)."""
        error = self.query_one(".error", Static)
        error.update(plain(message, lines=True))
        error.display = True

    def run(self, fn: Callable[..., R], *args: Any, **kwargs: Any) -> R | None:
        """Run a use case; a refusal shows inline, a storage error as a notification."""
        error = self.query_one(".error", Static)

        def refused(exc: InputError) -> None:
            error.update(plain(exc.render(), lines=True))
            error.display = True

        done = run_service(self, lambda ws: fn(ws, *args, **kwargs), refused=refused, conflicted=self.conflicted)
        if done is None:
            return None
        error.display = False
        return done.value

    def action_save(self) -> None:
        """Save and close (subclasses)."""

    def conflicted(self, conflict: EditConflict) -> None:
        """What the form edits changed elsewhere (forms that edit a stored record)."""
        self.app.notify(conflict.render(), severity="error", timeout=8)

    @on(Button.Pressed, "#dialog-cancel")
    def _cancel(self) -> None:
        self.action_cancel()

    @on(Button.Pressed, "#dialog-save")
    def _save(self) -> None:
        self.action_save()


class ConflictDialog(SettingsDialog):
    """A new conflict rule: two hats, a level, a check frequency, the reason and the check."""

    TITLE_KEY = "settings.conflicts.new"

    def __init__(self, state: SettingsState) -> None:
        super().__init__()
        self.state = state

    def fields(self) -> ComposeResult:
        hats = [(plain(hat_name(h)), h.key) for h in self.state.hats.values()]
        yield Label(t("settings.conflicts.first"))
        yield Select(hats, prompt=t("settings.choose"), id="conflict-a")
        yield Label(t("settings.conflicts.second"))
        yield Select(hats, prompt=t("settings.choose"), id="conflict-b")
        yield Label(t("settings.col.level"))
        yield Select(level_options(), allow_blank=False, value="medium", id="conflict-new-level")
        yield Label(t("settings.col.every"))
        yield Select(every_options(), allow_blank=False, value="weekly", id="conflict-new-every")
        yield Label(t("settings.conflicts.reason"))
        yield Input(placeholder=t("settings.conflicts.reason_hint"), id="conflict-reason", max_length=500)
        yield Label(t("settings.conflicts.check"))
        yield Input(placeholder=t("settings.conflicts.check_hint"), id="conflict-check", max_length=500)

    def action_save(self) -> None:
        """Add the rule and close, or say what is wrong."""
        rule = self.run(
            service.add_conflict,
            selected(self.query_one("#conflict-a", Select)) or "",
            selected(self.query_one("#conflict-b", Select)) or "",
            self.query_one("#conflict-new-level", Select).value,
            self.query_one("#conflict-new-every", Select).value,
            self.query_one("#conflict-reason", Input).value,
            self.query_one("#conflict-check", Input).value,
        )
        if rule is not None:
            self.dismiss(True)


class KpiDialog(SettingsDialog):
    """Add a KPI to a hat, or edit one: title, unit, direction, measured or formula, target, stop rule."""

    def __init__(self, hat: str, kpi: Kpi | None) -> None:
        super().__init__()
        self.hat = hat
        self.kpi = kpi
        self.TITLE_KEY = "settings.kpis.new" if kpi is None else "settings.kpis.editing"
        self.base = kpi_edit.kpi_fields(kpi) if kpi is not None else {}
        """The KPI's fields as the form read them: what a save expects to find stored."""

    def fields(self) -> ComposeResult:
        kpi = self.kpi
        yield Label(t("settings.kpi.name"))
        if kpi is None:
            yield Input(placeholder=t("settings.kpi.name_hint"), id="kpi-name", max_length=40)
        else:
            yield Label(Text(kpi.key, style="bold"), id="kpi-key")
        yield Label(t("settings.kpi.title"))
        yield Input(
            # Typed texts are prefilled as they can be shown (control characters dropped): saved so.
            value=terminal_line(kpi.title or "") if kpi else "",
            placeholder=terminal_line(kpi_title(kpi)) if kpi else t("settings.kpi.title_hint"),
            id="kpi-title",
            max_length=500,
        )
        yield Label(t("settings.kpi.unit"))
        units = [(t(f"settings.unit.{u}"), u) for u in UNITS]
        yield Select(units, allow_blank=False, value=kpi.unit if kpi else "count", id="kpi-unit")
        yield Label(t("settings.kpi.direction"))
        directions = [(t(f"direction.{d}"), d) for d in DIRECTIONS]
        yield Select(directions, allow_blank=False, value=kpi.direction if kpi else "up", id="kpi-direction")
        yield Label(t("settings.kpi.aggregate"))
        aggregates = [(t(f"settings.aggregate.{a}"), a) for a in AGGREGATES]
        yield Select(aggregates, allow_blank=False, value=kpi.aggregate if kpi else "sum", id="kpi-aggregate")
        # A formula KPI's week value is its formula on the week's values: said in place of the days'
        # aggregate, which it does not use (shown while the formula field holds a formula).
        yield Label(id="kpi-week-words")
        yield Label(t("settings.kpi.formula"))
        yield Input(
            value=(kpi.formula or "") if kpi else "",
            placeholder=t("settings.kpi.formula_hint"),
            id="kpi-formula",
            max_length=300,
        )
        yield Label(t("settings.kpi.target"))
        yield Input(value=_number(kpi.target) if kpi else "", placeholder="—", id="kpi-target")
        if kpi is None:
            return
        rule = kpi.stop
        yield Label(t("settings.kpi.stop"))
        templates = rule_templates(rule)  # an unset threshold: the template shows, nothing to type over
        yield Input(
            value=condition_field(rule),
            placeholder=templates.get("condition", t("settings.kpi.stop_hint")),
            id="kpi-stop",
        )
        yield Label(t("settings.kpi.guard"))
        yield Input(
            value=guard_field(rule),
            placeholder=templates.get("guard", t("settings.kpi.guard_hint")),
            id="kpi-guard",
        )
        yield Label(t("settings.kpi.action"))
        yield Input(
            value=terminal_line(rule.action) if rule else "",
            placeholder=terminal_line(action_text(rule))
            if rule and action_text(rule)
            else t("settings.kpi.action_hint"),
            id="kpi-action",
            max_length=500,
        )

    def on_mount(self) -> None:
        self._week_words()

    @on(Input.Changed, "#kpi-formula")
    def _week_words(self) -> None:
        """The week value's words: the days' aggregate to choose, or what the formula computes."""
        from mkhats.present.labels import formula_words
        from mkhats.ui.access import snapshot

        formula = self._value("#kpi-formula").strip()
        words = self.query_one("#kpi-week-words", Label)
        self.query_one("#kpi-aggregate", Select).display = not formula
        words.display = bool(formula)
        if formula:
            try:
                text = formula_words(formula, self.hat, snapshot(self).kpis)
            except InputError:  # being typed: the save says what is wrong
                text = t("forms2.week_value.formula")
            words.update(plain(text))

    def _value(self, selector: str) -> str:
        return self.query_one(selector, Input).value

    def action_save(self) -> None:
        """Save the KPI and close, or say what is wrong (formula errors name the catalogue's reason)."""
        draft = KpiDraft(
            title=self._value("#kpi-title"),
            unit=str(self.query_one("#kpi-unit", Select).value),
            direction=str(self.query_one("#kpi-direction", Select).value),
            aggregate=str(self.query_one("#kpi-aggregate", Select).value),
            formula=self._value("#kpi-formula"),
        )
        target = self._value("#kpi-target")
        if self.kpi is None:
            kpi = self.run(kpi_settings.add_kpi, self.hat, self._value("#kpi-name"), draft, target)
        else:
            kpi = self.run(kpi_edit.edit_kpi_checked, self.kpi.key, draft, self._change(), self.base)
        if kpi is not None:
            self.dismiss(kpi.key)

    def _change(self) -> KpiChange:
        """The target and stop-rule fields typed over what the form read (the others: None)."""
        typed = {f: self._value(f"#kpi-{f}").strip() for f in ("target", "stop", "guard", "action")}
        base = self.base or {}
        touched = {f: text if text != base.get(f) else None for f, text in typed.items()}
        rule = bool(typed["stop"])  # no condition: no guard nor action to set (clearing drops them)
        return KpiChange(
            target=None if touched["target"] is None else touched["target"] or "none",
            stop=None if touched["stop"] is None else touched["stop"] or "none",
            guard=None if touched["guard"] is None or not rule else touched["guard"] or "none",
            action=touched["action"] if rule else None,
        )

    def conflicted(self, conflict: EditConflict) -> None:
        """Keep mine, take theirs or see both: the form base's question (``FormDialog._ask``)."""
        self._ask(conflict)

    def load_fields(self, fields: dict[str, str]) -> None:
        """Theirs, shown in the fields: a choice by its label, a text as it is."""
        for name, text in fields.items():
            widget = self.query_one(f"#kpi-{name}")
            if isinstance(widget, Select):
                choices = {str(label): value for label, value in self._choices(name)}
                widget.value = choices.get(text, widget.value)
            elif isinstance(widget, Input):
                widget.value = text

    @staticmethod
    def _choices(name: str) -> list[tuple[str, str]]:
        if name == "unit":
            return [(t(f"settings.unit.{u}"), u) for u in UNITS]
        if name == "direction":
            return [(t(f"direction.{d}"), d) for d in DIRECTIONS]
        return [(t(f"settings.aggregate.{a}"), a) for a in AGGREGATES]
