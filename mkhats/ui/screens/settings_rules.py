"""Sections of the settings screen: conflict rules and KPIs (targets, formulas, stop rules)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.containers import Horizontal
from textual.widgets import Button, DataTable, Select, Static

from mkhats.domain.models import CADENCES, ConflictRule, Kpi
from mkhats.domain.safe_text import terminal_line
from mkhats.i18n import t
from mkhats.present.labels import (
    action_text,
    condition_text,
    conflict_check,
    conflict_reason,
    format_value,
    hat_name,
    kpi_title,
    pair_name,
    person_name,
    unit_suffix,
)
from mkhats.services import settings as service
from mkhats.services.settings import LEVELS, SettingsState
from mkhats.ui.plain import plain
from mkhats.ui.screens.settings_panes import SettingsPane, selected, set_select

_LEVEL_STYLE = {"high": "bold red", "medium": "yellow", "low": "dim"}


def level_options() -> list[tuple[str, str]]:
    """Conflict levels for a ``Select``."""
    return [(t(f"level.{level}"), level) for level in LEVELS]


def every_options() -> list[tuple[str, str]]:
    """Check frequencies for a ``Select``."""
    return [(t(f"cadence.{cadence}"), cadence) for cadence in CADENCES]


def _rule_key(rule: ConflictRule) -> str:
    return "|".join(rule.hats)


class ConflictsPane(SettingsPane):
    """The conflict rules: see each one, change its level and frequency, add one, remove one."""

    def compose(self):
        yield DataTable(id="conflicts-table", cursor_type="row", classes="settings-table")
        yield Static(id="conflict-detail", classes="detail")
        with Horizontal(classes="form-row"):
            yield Select(level_options(), allow_blank=False, id="conflict-level", classes="level")
            yield Select(every_options(), allow_blank=False, id="conflict-every", classes="every")
            yield Button(t("settings.remove"), id="conflict-remove", variant="error")
            yield Button(t("settings.conflicts.add"), id="conflict-add", variant="primary")
        yield Static(classes="error")

    def setup(self) -> None:
        table = self.query_one(DataTable)
        table.add_column(t("settings.col.hats"), key="hats")
        table.add_column(t("settings.col.level"), key="level")
        table.add_column(t("settings.col.every"), key="every")
        table.add_column(t("settings.col.now"), key="now")
        table.add_column(t("settings.col.reason"), key="reason")

    def show(self, state: SettingsState) -> None:
        super().show(state)
        table = self.query_one(DataTable)
        current = self.current()
        active = {_rule_key(r) for r in state.active()}
        table.clear()
        for rule in state.conflicts:
            key = _rule_key(rule)
            wearer = state.hats[rule.hats[0]].wearer if rule.hats[0] in state.hats else None
            now: Text | str = "—"
            if key in active:
                now = plain(t("settings.conflicts.active", person=person_name(wearer)), "yellow")
            reason = terminal_line(conflict_reason(rule))
            # Names and reasons are the user's: never read as markup (a str cell would be).
            table.add_row(
                plain(pair_name(rule.hats, state.hats)),
                Text(t(f"level.{rule.level}"), style=_LEVEL_STYLE[rule.level]),
                t(f"cadence.{rule.every}"),
                now,
                Text(reason if len(reason) <= 40 else reason[:39] + "…"),
                key=key,
            )
        if current is not None and any(_rule_key(r) == current for r in state.conflicts):
            table.move_cursor(row=table.get_row_index(current))
        self._show_selected()

    def rule(self) -> ConflictRule | None:
        """The highlighted rule."""
        key = self.current()
        return next((r for r in self.state.conflicts if _rule_key(r) == key), None)

    def _show_selected(self) -> None:
        rule = self.rule()
        detail = self.query_one("#conflict-detail", Static)
        if rule is None:
            detail.update(t("settings.conflicts.none"))
            return
        detail.update(
            Text.assemble(
                (t("settings.conflicts.reason") + ": ", "bold"),
                terminal_line(conflict_reason(rule)),
                "\n",
                (t("settings.conflicts.check") + ": ", "bold"),
                terminal_line(conflict_check(rule)),
            )
        )
        set_select(self.query_one("#conflict-level", Select), level_options(), rule.level)
        set_select(self.query_one("#conflict-every", Select), every_options(), rule.every)

    @on(DataTable.RowHighlighted, "#conflicts-table")
    def _highlighted(self) -> None:
        self._show_selected()

    @on(Select.Changed, "#conflict-level")
    def _level(self, event: Select.Changed) -> None:
        rule = self.rule()
        if rule is not None and selected(event.select) not in (None, rule.level):
            self.save(service.update_conflict, rule.hats, level=event.select.value)

    @on(Select.Changed, "#conflict-every")
    def _every(self, event: Select.Changed) -> None:
        rule = self.rule()
        if rule is not None and selected(event.select) not in (None, rule.every):
            self.save(service.update_conflict, rule.hats, every=event.select.value)

    @on(Button.Pressed, "#conflict-remove")
    def _remove(self) -> None:
        rule = self.rule()
        if rule is not None:
            self.save(service.remove_conflict, rule.hats)

    @on(Button.Pressed, "#conflict-add")
    def _add(self) -> None:
        from mkhats.ui.screens.settings_dialogs import ConflictDialog

        self.app.push_screen(ConflictDialog(self.state), self._added)

    def _added(self, saved: bool | None) -> None:
        if saved:
            self.show_error("")
            self.post_message(self.Saved())


class KpisPane(SettingsPane):
    """A hat's KPIs: add one, edit its title, formula, direction, target and stop rule, retire it."""

    _want: str | None = None
    """A KPI to highlight at the next fill (the one just saved)."""

    def compose(self):
        with Horizontal(classes="form-row"):
            hats = [(plain(hat_name(h)), h.key) for h in self.state.hats.values()]
            first = next((h.key for h in self.state.hats.values() if h.enabled), hats[0][1])
            yield Select(hats, allow_blank=False, value=first, id="kpis-hat", classes="hat-select")
            yield Button(t("settings.kpis.add"), id="kpis-add", variant="primary")
            yield Button(t("settings.kpis.edit"), id="kpis-edit")
            yield Button(t("settings.kpis.retire"), id="kpis-retire", variant="warning")
        yield DataTable(id="kpis-table", cursor_type="row", classes="settings-table")
        yield Static(classes="error")

    def setup(self) -> None:
        table = self.query_one(DataTable)
        table.add_column(t("col.kpi"), key="kpi")
        table.add_column(t("settings.col.kind"), key="kind")
        table.add_column(t("settings.col.direction"), key="direction")
        table.add_column(t("col.target"), key="target")
        table.add_column(t("settings.col.stop"), key="stop")

    @property
    def hat(self) -> str:
        """The hat whose KPIs are shown."""
        value = selected(self.query_one("#kpis-hat", Select))
        return value or next(iter(self.state.hats))

    def show(self, state: SettingsState) -> None:
        super().show(state)
        hats = [(plain(hat_name(h)), h.key) for h in state.hats.values()]
        select = self.query_one("#kpis-hat", Select)
        set_select(select, hats, selected(select))
        self._fill()

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        current, self._want = self._want or self.current(), None
        table.clear()
        currency = self.state.settings.currency
        for kpi in self.state.hat_kpis(self.hat):
            suffix = unit_suffix(kpi, currency)
            title = terminal_line(kpi_title(kpi) + (f", {suffix}" if suffix else ""))
            if kpi.formula:
                kind = plain(f"= {kpi.formula}", "italic")
            else:
                kind = Text(t(f"settings.aggregate.{kpi.aggregate}"))
            stop = ""
            if kpi.stop is not None:
                stop = f"{condition_text(kpi.stop)} → {action_text(kpi.stop)}"
            style = "dim strike" if kpi.retired else ""
            table.add_row(
                Text(title + (f" ({t('settings.kpis.retired')})" if kpi.retired else ""), style=style),
                kind,
                "↑" if kpi.direction == "up" else "↓",
                Text(format_value(kpi, kpi.target), justify="right"),
                plain(stop),
                key=kpi.key,
            )
        if current is not None and current in self.state.kpis and self.state.kpis[current].hat == self.hat:
            table.move_cursor(row=table.get_row_index(current))
        self._show_selected()

    def kpi(self) -> Kpi | None:
        """The highlighted KPI."""
        return self.state.kpis.get(self.current() or "")

    def _show_selected(self) -> None:
        kpi = self.kpi()
        retire = self.query_one("#kpis-retire", Button)
        retire.label = t("settings.kpis.restore" if kpi is not None and kpi.retired else "settings.kpis.retire")
        retire.disabled = kpi is None
        self.query_one("#kpis-edit", Button).disabled = kpi is None

    @on(Select.Changed, "#kpis-hat")
    def _hat(self) -> None:
        self.show_error("")
        self._fill()

    @on(DataTable.RowHighlighted, "#kpis-table")
    def _highlighted(self) -> None:
        self._show_selected()

    @on(Button.Pressed, "#kpis-add")
    def _add(self) -> None:
        from mkhats.ui.screens.settings_dialogs import KpiDialog

        self.app.push_screen(KpiDialog(self.hat, None), self._saved)

    @on(Button.Pressed, "#kpis-edit")
    @on(DataTable.RowSelected, "#kpis-table")
    def _edit(self) -> None:
        from mkhats.ui.screens.settings_dialogs import KpiDialog

        kpi = self.kpi()
        if kpi is not None:
            self.app.push_screen(KpiDialog(self.hat, kpi), self._saved)

    def _saved(self, key: str | None) -> None:
        if key:
            self._want = key
            self.show_error("")
            self.post_message(self.Saved())

    @on(Button.Pressed, "#kpis-retire")
    def _retire(self) -> None:
        kpi = self.kpi()
        if kpi is not None:
            self.save(service.retire_kpi, kpi.key, not kpi.retired)
