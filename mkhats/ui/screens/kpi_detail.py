"""The KPI detail (``enter`` on a KPI): a 13-week chart, the daily values, the target and stop rule.

What is shown comes from ``present.kpi_detail.detail_view`` on the app's snapshot; the screen
follows the app (``[`` ``]`` move the week here too, a change made elsewhere shows up) and calls
the services to edit or delete a value and to save the rule. textual-plotext is imported only when
this screen is built, so the main screen does not pay for it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, replace
from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Static

from mkhats.domain.safe_text import terminal_line
from mkhats.domain.stoprules import Alert
from mkhats.errors import EditConflict, InputError, MkhatsError
from mkhats.i18n import t
from mkhats.present.kpi_detail import (
    KpiDetail,
    RuleForm,
    ValueRow,
    day_label,
    detail_view,
    error_text,
    fired_text,
    rule_change,
)
from mkhats.present.labels import format_exact
from mkhats.services.values import value_notes, value_sources, values_after
from mkhats.ui.access import mkhats_app, workspace
from mkhats.ui.keys import KeyLabels, key_binding
from mkhats.ui.plain import plain
from mkhats.ui.screens.same_edit import ask
from mkhats.ui.widgets.detail_chart import chart_widget as _chart_widget
from mkhats.ui.widgets.detail_chart import draw as _draw
from mkhats.ui.widgets.detail_chart import legend as _legend
from mkhats.ui.widgets.footer import KeyFooter
from mkhats.ui.widgets.title_bar import ScreenHeader
from mkhats.ui.widgets.value_table import ValueTable

_FIELDS = ("target", "condition", "guard", "action")


class KpiDetailScreen(KeyLabels, Screen[None]):
    """One KPI over the 13 weeks ending with the selected week."""

    CSS_PATH = "kpi_detail.tcss"
    AUTO_FOCUS = ""
    BINDINGS = [
        key_binding("escape", "back", "detail.key.back", id="detail.back"),
        key_binding("ctrl+s", "save_rule", "detail.key.save_rule", id="detail.rule.save"),
        key_binding("f", "focus_form", "detail.key.form", id="detail.rule.focus"),
        key_binding(
            "left_square_bracket", "week(-1)", "ui.key.prev_week", key_display="[", show=False, id="detail.prev"
        ),
        key_binding(
            "right_square_bracket", "week(1)", "ui.key.next_week", key_display="]", show=False, id="detail.next"
        ),
        key_binding("t", "this_week", "ui.key.this_week", show=False, id="detail.this"),
        key_binding("a", "add_value", "ui.key.add_value", id="detail.add"),
        key_binding("g", "goal", "detail.key.goal", id="detail.goal"),
    ]

    def __init__(self, key: str) -> None:
        super().__init__(id="kpi-detail")
        self.key = key
        self.view: KpiDetail | None = None
        self._seen: object = None
        self._reloading = False
        self._form = RuleForm()

    # -- composition -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield ScreenHeader()
        with VerticalScroll(id="detail-body"):
            yield Static(id="detail-heading")
            yield Static(id="detail-alerts")
            with Vertical(id="detail-chart-box"):
                yield _chart_widget()
                yield Static(t("detail.chart.empty"), id="detail-chart-empty")
            with Horizontal(id="detail-bottom"):
                with Vertical(id="detail-values-box") as values:
                    values.border_title = t("detail.values")
                    yield Static(id="detail-formula")
                    yield ValueTable(id="values")
                    yield Static(t("detail.values.empty"), id="detail-values-empty")
                with Vertical(id="detail-rule-box") as rule:
                    rule.border_title = t("detail.form")
                    yield Static(id="detail-rule")
                    with Grid(id="rule-grid"):
                        for name in _FIELDS:
                            yield Label(t(f"detail.form.{name}"), classes="rule-label")
                            yield Input(placeholder=t(f"detail.form.{name}_hint"), id=f"rule-{name}", compact=True)
                    yield Static(id="rule-error", classes="error")
                    with Horizontal(id="rule-buttons"):
                        yield Button(t("detail.form.save"), id="rule-save", variant="primary", compact=True)
                        yield Static(id="rule-status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._show_error("")
        self._refresh(force_form=True)
        # Focus the values without scrolling to them: on a small terminal the heading stays in view.
        self.query_one(ValueTable).focus(scroll_visible=False)
        # The app re-reads its snapshot on a change (another process, a save): follow it.
        self.watch(self.app, "version", self._follow, init=False)

    # -- data ------------------------------------------------------------------------------------

    def _follow(self) -> None:
        """The app's data changed: show it (once this screen is in front again if covered)."""
        if mkhats_app(self).snapshot is not self._seen and self.is_current and not self._reloading:
            self._refresh()

    def on_screen_resume(self) -> None:
        self._follow()

    def _reload_app(self, force_form: bool = False) -> None:
        """Re-read the app's snapshot (the main screen refreshes too), then this screen."""
        self._reloading = True  # shown once, below, with ``force_form`` (reload raises nothing)
        mkhats_app(self).reload()
        self._reloading = False
        self._refresh(force_form)

    def _refresh(self, force_form: bool = False) -> None:
        """Recompute the view from the app's snapshot and show it."""
        snapshot = mkhats_app(self).snapshot
        self._seen = snapshot
        if snapshot is None:
            return
        if self.key not in snapshot.kpis:
            # By the title it was shown with (the key only if it never was).
            self.app.notify(t("detail.gone", kpi=self.view.title if self.view else self.key), severity="warning")
            self.dismiss(None)
            return
        notes: dict[date, str] = {}
        sources: dict[date, dict[str, float]] = {}
        ahead: dict[date, float] = {}
        if snapshot.kpis[self.key].formula is None:
            ws = workspace(self)
            # Values dated ahead of today and of the window are listed too (typed with a date ahead).
            last = max(snapshot.last_day, ws.today)
            try:
                ahead = values_after(ws, self.key, last)
                end = max(ahead, default=snapshot.last_day)
                notes = value_notes(ws, self.key, snapshot.first_day, end)
                sources = value_sources(ws, self.key, snapshot.first_day, end)
            except MkhatsError as error:
                self.app.notify(error.render(), severity="error", timeout=8)
        self.view = view = detail_view(snapshot, self.key, notes, sources, ahead)
        self.refresh_bindings()  # ``a`` is offered for a measured KPI only
        self.sub_title = view.title
        self._show_heading(view)
        self._show_chart(view)
        self._show_values(view)
        self._show_form(view, force_form)

    def _show_heading(self, view: KpiDetail) -> None:
        # The title, the hat's name, amounts in the user's currency, the rule's action: typed by the
        # user, so shown literally (``plain``, ``terminal_line``).
        text = plain(t("detail.heading", title=view.title, hat=view.hat), "bold")
        for label, value, style in view.summary:
            text.append("  ·  ", style="dim")
            if label:
                text.append(f"{label} ", style="dim")
            text.append(terminal_line(value), style=style)
        self.query_one("#detail-heading", Static).update(text)
        alerts = self.query_one("#detail-alerts", Static)
        alerts.update(Text("\n".join(terminal_line(a) for a in view.alerts), style="bold red"))
        alerts.display = bool(view.alerts)

    def _show_chart(self, view: KpiDetail) -> None:
        box = self.query_one("#detail-chart-box")
        box.border_title = t("detail.chart.title", window=view.window)
        plot = self.query_one("#detail-chart")
        plot.display = not view.chart.empty
        self.query_one("#detail-chart-empty").display = view.chart.empty
        box.border_subtitle = _legend(view.chart) if not view.chart.empty else ""
        if not view.chart.empty:
            _draw(plot, view.chart)

    def _show_values(self, view: KpiDetail) -> None:
        formula = self.query_one("#detail-formula", Static)
        formula.display = view.formula is not None
        if view.formula is not None:
            formula.update(plain(view.formula, "italic"))
        self.query_one(ValueTable).show(view.values, view.editable)
        self.query_one("#detail-values-empty").display = not view.values

    def _show_form(self, view: KpiDetail, force: bool) -> None:
        """Prefill the form; a field the user is typing in keeps its text unless ``force``.

        ``_form`` holds, per field, the stored text the field was read with (without control
        characters, as it is shown): a field being typed in keeps the one it was typed over, so a
        save notices a change made elsewhere since, and a form saved untouched changes nothing.
        """
        self.query_one("#detail-rule", Static).update(plain(view.rule, lines=True))
        for name in ("condition", "guard"):  # an unset threshold: its template, not text to type over
            self.query_one(f"#rule-{name}", Input).placeholder = view.templates.get(name, t(f"detail.form.{name}_hint"))
        form = RuleForm(**{name: terminal_line(getattr(view.form, name)) for name in _FIELDS})
        base = {}
        for name in _FIELDS:
            field = self.query_one(f"#rule-{name}", Input)
            if force or field.value == getattr(self._form, name):
                field.value = base[name] = getattr(form, name)
            else:
                base[name] = getattr(self._form, name)
        self._form = RuleForm(**base)

    # -- messages and actions --------------------------------------------------------------------

    @on(ValueTable.EditRequested)
    def _edit(self, event: ValueTable.EditRequested) -> None:
        from mkhats.ui.screens.value_edit import EditValueDialog

        row = self._row(event.day)
        if self.view is None or row is None:
            return
        dialog = EditValueDialog(self.key, self.view.title, row.day, day_label(row.day), row.typed, row.note)
        self.app.push_screen(dialog, self._edited(row.day))

    def _edited(self, day: date) -> Callable[[list[Alert] | None], None]:
        """What to do when the edit dialog closes: refresh, confirm, report any rule it fired."""

        def done(alerts: list[Alert] | None) -> None:
            if alerts is None:
                return
            self._reload_app()
            row = self._row(day)
            if self.view is not None and row is not None:
                # Every decimal, in the language's format: how the typed text was read (SPEC §4).
                value = format_exact(row.value)
                self.app.notify(t("detail.saved", kpi=self.view.title, day=row.date_text, value=value))
            self._tell_fired(alerts)

        return done

    def _tell_fired(self, alerts: list[Alert]) -> None:
        """Each stop rule a saved value fired, as a warning."""
        snapshot = mkhats_app(self).snapshot
        for alert in alerts:
            if snapshot is not None:
                self.app.notify(fired_text(snapshot, alert), severity="warning", timeout=10)

    @on(ValueTable.DeleteRequested)
    def _delete(self, event: ValueTable.DeleteRequested) -> None:
        from mkhats.ui.screens.form import ConfirmDialog

        row = self._row(event.day)
        if self.view is None or row is None:
            return
        title = self.view.title
        if row.sources and not row.typed:  # an import's value alone: the next import restates it
            self.app.notify(t("detail.delete.imported", kpi=title, day=row.date_text), severity="warning")
            return
        if row.sources:
            question = t("detail.delete.own", kpi=title, day=day_label(row.day), value=row.typed)
        else:
            question = t("detail.delete.question", kpi=title, day=day_label(row.day), value=row.value_text)

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            from mkhats.services.values import delete_value

            try:
                delete_value(workspace(self), self.key, row.day)
            except MkhatsError as error:
                self.app.notify(error.render(), severity="error", timeout=8)
                return
            self._reload_app()
            self.app.notify(t("detail.deleted", kpi=title, day=row.date_text))

        self.app.push_screen(
            ConfirmDialog(question, t("detail.delete.yes"), t("detail.delete.no"), titled=False), answered
        )

    def _row(self, day: date) -> ValueRow | None:
        if self.view is None:
            return None
        return next((r for r in self.view.values if r.day == day), None)

    @on(Input.Submitted)
    @on(Button.Pressed, "#rule-save")
    def action_save_rule(self) -> None:
        """Save the target and stop rule; an invalid field keeps the form as typed, nothing saved."""
        from mkhats.services.kpi_rules import set_kpi

        typed = RuleForm(**{name: self.query_one(f"#rule-{name}", Input).value for name in _FIELDS})
        change = rule_change(self._form, typed)
        status = self.query_one("#rule-status", Static)
        if change is None:
            self._show_error("")
            status.update(t("detail.form.unchanged"))
            return
        try:
            set_kpi(workspace(self), self.key, change, base=asdict(self._form))
        except EditConflict as conflict:
            self._ask(conflict)
            return
        except InputError as error:
            self._show_error(error_text(error))
            status.update("")
            return
        except MkhatsError as error:
            self._show_error(error.render())
            self.app.notify(error.render(), severity="error", timeout=8)
            return
        self._show_error("")
        self._reload_app(force_form=True)
        status.update(Text(t("detail.form.saved"), style="green"))

    def _ask(self, conflict: EditConflict) -> None:
        """The rule changed elsewhere since the form read it: keep mine, take theirs or see both."""

        def rebase(take: bool) -> None:
            theirs = {f: conflict.theirs[f] for f in conflict.fields if f in _FIELDS}
            self._form = replace(self._form, **theirs)
            if take:
                for name, text in theirs.items():
                    self.query_one(f"#rule-{name}", Input).value = text

        def keep_mine() -> None:
            rebase(take=False)
            self.action_save_rule()

        def take_theirs() -> None:
            rebase(take=True)
            self.query_one("#rule-status", Static).update(t("edit.took_theirs"))

        self._show_error("")
        ask(self, conflict, keep_mine, take_theirs)

    def _show_error(self, text: str) -> None:
        error = self.query_one("#rule-error", Static)
        error.update(plain(text, lines=True))  # it may quote what was typed
        error.display = bool(text)

    @on(Input.Changed)
    def _typing(self, event: Input.Changed) -> None:
        name = (event.input.id or "").removeprefix("rule-")
        if name in _FIELDS and event.value != getattr(self._form, name):
            self.query_one("#rule-status", Static).update("")  # a "Saved." no longer true

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``a`` adds a value of a measured KPI only: a formula's values are computed."""
        if action == "add_value":
            return self.view is None or self.view.editable
        return True

    def action_add_value(self) -> None:
        """A value of this KPI for a day (the add form, this KPI chosen)."""
        from mkhats.ui.screens.dialogs import AddValueDialog

        def done(alerts: list[Alert] | None) -> None:
            if alerts is not None:
                self._reload_app()
                self._tell_fired(alerts)

        self.app.push_screen(AddValueDialog(self.key), done)

    def action_goal(self) -> None:
        """The owner's quarterly goal of this KPI, and the weekly target it gives (the goal form)."""
        from mkhats.ui.screens.goal_dialog import GoalDialog

        def done(result: object) -> None:
            if result is not None:
                self._reload_app(force_form=True)  # its target may be the goal's now

        self.app.push_screen(GoalDialog(self.key), done)

    def action_focus_form(self) -> None:
        """Jump to the target and stop-rule form."""
        self.query_one("#rule-target", Input).focus()

    def action_back(self) -> None:
        """Back to the main screen."""
        self.dismiss(None)

    def action_week(self, offset: int) -> None:
        """Move the selected week (the app's), and this screen with it."""
        mkhats_app(self).shift_week(offset)
        self._follow()

    def action_this_week(self) -> None:
        """Back to the week of today."""
        mkhats_app(self).this_week()
        self._follow()
