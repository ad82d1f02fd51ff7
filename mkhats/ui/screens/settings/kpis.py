"""Settings section: the KPIs of each hat (targets, formulas, stop rules)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, DataTable, Select, Static

from mkhats.domain.models import Kpi
from mkhats.domain.safe_text import terminal_line
from mkhats.i18n import t
from mkhats.present.labels import (
    action_text,
    condition_text,
    format_value,
    hat_name,
    kpi_title,
    unit_suffix,
)
from mkhats.services import kpi_settings
from mkhats.services.settings import SettingsState
from mkhats.ui.plain import plain
from mkhats.ui.screens.settings.dialogs import KpiDialog
from mkhats.ui.screens.settings.pane import SettingsPane, selected, set_select


class KpisPane(SettingsPane):
    """A hat's KPIs: add one, edit its title, formula, direction, target and stop rule, retire it."""

    _want: str | None = None
    """A KPI to highlight at the next fill (the one just saved)."""

    def compose(self) -> ComposeResult:
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
        self.app.push_screen(KpiDialog(self.hat, None), self._saved)

    @on(Button.Pressed, "#kpis-edit")
    @on(DataTable.RowSelected, "#kpis-table")
    def _edit(self) -> None:
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
            self.save(kpi_settings.retire_kpi, kpi.key, not kpi.retired)
