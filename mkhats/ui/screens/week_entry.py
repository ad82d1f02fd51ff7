"""Week entry (``a`` on a hat, ``A``; SPEC §3): the hat's measured KPIs × the days of the week.

The grid (``widgets/cell_grid.py``) is filled from ``services.week_entry.read_week`` and edits the
user's own values; each typed cell is checked as it is left (``cell_value``: the number as the UI
language writes it, and what the KPI takes), and ``ctrl+s`` hands every changed cell to
``set_week``, which writes them in one transaction or none. Days after today are shown, locked.
The line under the grid speaks of the cell under the cursor: its error, why it is locked, or what
imports brought that day (the grid shows the user's own value; an import's total is the
placeholder of an empty cell).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from mkhats.errors import EditConflict, InputError, MkhatsError
from mkhats.i18n import t
from mkhats.present.labels import format_value
from mkhats.present.week_entry import (
    cell_hint,
    cell_text,
    column_label,
    pasted_text,
    row_label,
    saved_text,
    sheet_title,
)
from mkhats.services.week_entry import (
    Cell,
    CellErrors,
    WeekSaved,
    WeekSheet,
    cell_field,
    cell_value,
    read_week,
    set_week,
)
from mkhats.ui.access import mkhats_app, workspace
from mkhats.ui.keys import key_binding
from mkhats.ui.plain import plain
from mkhats.ui.screens.grid_screen import GridScreen
from mkhats.ui.widgets.cell_grid import CellGrid, GridCell, GridLine, Key
from mkhats.ui.widgets.footer import KeyFooter
from mkhats.ui.widgets.title_bar import ScreenHeader

_CSS = """
WeekEntryScreen #we-body { padding: 0 1; }
WeekEntryScreen #we-title { height: auto; text-style: bold; }
WeekEntryScreen #we-grid { width: auto; max-width: 100%; height: auto; max-height: 100%; margin: 1 0 0 0; }
WeekEntryScreen #we-hint { height: auto; min-height: 1; margin: 1 0 0 0; }
WeekEntryScreen #we-hint.-error { color: $text-error; }
WeekEntryScreen #we-status { height: auto; color: $text-warning; }
WeekEntryScreen #we-keys { height: auto; color: $text-muted; }
"""


class WeekEntryScreen(GridScreen):
    """One hat's numbers for one week, typed like a spreadsheet; returns whether anything was saved."""

    PREFIX = "we"

    DEFAULT_CSS = _CSS
    AUTO_FOCUS = "#we-grid"
    BINDINGS = [
        key_binding("ctrl+s", "save", "week_entry.key.save", id="week_entry.save"),
        key_binding("escape", "back", "week_entry.key.back", id="week_entry.back"),
        # ``q`` quits from here too, but asks first when typed numbers would be lost.
        key_binding("q", "quit", "ui.key.quit", id="week_entry.quit"),
    ]

    def __init__(self, hat: str, week: str, kpi: str | None = None) -> None:
        """``kpi``: the row the cursor starts on (the first when it is not in the grid)."""
        super().__init__(id="week-entry")
        self.hat = hat
        self.week = week
        self.start_kpi = kpi
        self.sheet: WeekSheet | None = None
        self.base: dict[Cell, float | None] = {}
        """The user's values as the grid read them (or took them in from elsewhere)."""

    def compose(self) -> ComposeResult:
        yield ScreenHeader()
        with Vertical(id="we-body"):
            yield Static(id="we-title")
            yield CellGrid(self._validate, id="we-grid")
            yield Static(id="we-hint")
            yield Static(id="we-status")
            yield Static(t("week_entry.keys"), id="we-keys")
        yield KeyFooter()

    def on_mount(self) -> None:
        try:
            sheet = read_week(workspace(self), self.hat, self.week)
        except MkhatsError as error:
            self.app.notify(error.render(), severity="error", timeout=8)
            self.dismiss(False)
            return
        self.sheet = sheet
        self.base = {(k.key, d): sheet.manual.get((k.key, d)) for k in sheet.kpis for d in sheet.days}
        snapshot = mkhats_app(self).snapshot
        hat = snapshot.hats.get(self.hat, self.hat) if snapshot else self.hat
        self.query_one("#we-title", Static).update(plain(sheet_title(hat, self.week)))  # a typed hat name
        grid = self.grid
        if not sheet.kpis:
            grid.display = False
            self._hint(t("week_entry.no_kpis"))
            return
        grid.fill(self._rows(sheet), self._columns(sheet), self._cells(sheet))
        rows = [k.key for k in sheet.kpis]
        row = rows.index(self.start_kpi) if self.start_kpi in rows else 0
        # Today's column in this week; Monday in a past (or future) one, to type it left to right.
        column = sheet.days.index(sheet.today) if sheet.today in sheet.days else 0
        grid.move_cursor(row=row, column=column, animate=False)
        self._show_cursor()

    # -- filling -----------------------------------------------------------------------------------

    def _rows(self, sheet: WeekSheet) -> list[GridLine]:
        return [GridLine(k.key, plain(row_label(k, sheet.currency))) for k in sheet.kpis]  # typed titles

    def _columns(self, sheet: WeekSheet) -> list[GridLine]:
        def label(day: date) -> Text:
            style = "bold underline" if day == sheet.today else "" if sheet.editable(day) else "dim"
            return Text(column_label(day), style=style, justify="right")

        return [GridLine(day.isoformat(), label(day)) for day in sheet.days]

    def _cells(self, sheet: WeekSheet) -> dict[Key, GridCell]:
        cells: dict[Key, GridCell] = {}
        for kpi in sheet.kpis:
            for day in sheet.days:
                text = cell_text(sheet.manual.get((kpi.key, day)))
                imported = sheet.imported.get((kpi.key, day))
                # An empty cell shows what imports brought, dimmed: typing adds to it (or replaces it).
                placeholder = format_value(kpi, sum(imported.values())) if imported else ""
                cells[(kpi.key, day.isoformat())] = GridCell(text, text, sheet.editable(day), placeholder)
        return cells

    def _validate(self, row: str, column: str, text: str) -> str | None:
        """Why ``text`` cannot be the KPI's value (the service's own check), or None."""
        if self.sheet is None:
            return None
        kpi = next(k for k in self.sheet.kpis if k.key == row)
        try:
            cell_value(kpi, text)
        except InputError as error:
            return error.render()
        return None

    # -- the lines under the grid ------------------------------------------------------------------

    def _show_cursor(self) -> None:
        """The hint of the cell under the cursor and the count of pending changes."""
        sheet, key = self.sheet, self.grid.cursor_key
        if sheet is None or key is None:
            return
        cell = self.grid.cell(key)
        if cell.error is not None:
            self._hint("✗ " + cell.error, error=True)
        else:
            kpi = next(k for k in sheet.kpis if k.key == key[0])
            day = date.fromisoformat(key[1])
            self._hint(cell_hint(kpi, day, sheet.today, sheet.imported.get((kpi.key, day))))
        self._status()

    @on(CellGrid.Refused)
    def _refused(self, event: CellGrid.Refused) -> None:
        self._show_cursor()
        self.app.bell()

    @on(CellGrid.Pasted)
    def _pasted(self, event: CellGrid.Pasted) -> None:
        self._show_cursor()
        self._status(pasted_text(event.filled, event.skipped))

    def on_paste(self, event: events.Paste) -> None:
        """A paste that reached the screen rather than the grid (nothing else here takes text)."""
        event.stop()
        self.grid.paste(event.text)

    # -- saving and leaving ------------------------------------------------------------------------

    def _changes(self) -> dict[Cell, str | None]:
        return {(row, date.fromisoformat(column)): text or None for (row, column), text in self.grid.changes().items()}

    def action_save(self) -> None:
        """Save every changed cell in one transaction, or none while a cell is invalid."""
        grid = self.grid
        grid.commit_edit()
        errors = grid.errors()
        if errors:
            first = next(iter(errors))
            grid.go_to(first)
            self._show_cursor()
            self._status(t("week_entry.fix_first", n=len(errors), count=len(errors)))
            return
        changes = self._changes()
        try:
            result = set_week(workspace(self), self.hat, changes, {c: self.base.get(c) for c in changes})
        except CellErrors as refused:
            for (kpi, day), error in refused.errors.items():
                grid.set_error((kpi, day.isoformat()), error.render())
            grid.go_to(next((kpi, day.isoformat()) for kpi, day in refused.errors))
            self._show_cursor()
            self._status(refused.render())
            return
        except EditConflict as conflict:
            self._ask(conflict)
            return
        except MkhatsError as error:  # storage: the grid keeps what was typed, to retry
            self._status(error.render())
            self.app.notify(error.render(), severity="error", timeout=8)
            return
        self._tell(result)
        self.dismiss(bool(result.written or result.removed))

    def _tell(self, result: WeekSaved) -> None:
        """What was saved, and each stop alert it fired (as the add form says them)."""
        from mkhats.ui.screens.dialogs import alert_line, current_snapshot

        snapshot = mkhats_app(self).snapshot
        hat = snapshot.hats.get(self.hat, self.hat) if snapshot else self.hat
        self.app.notify(saved_text(hat, self.week, len(result.written), len(result.removed)))
        if result.alerts:
            mkhats_app(self).reload()  # the alerts name KPIs and hats as they are now
            snapshot = current_snapshot(self)
            for alert in result.alerts:
                self.app.notify(alert_line(alert, snapshot), severity="warning", timeout=10)

    def _ask(self, conflict: EditConflict) -> None:
        """Keep mine (save over theirs) or take theirs into the grid (nothing saved)."""
        from mkhats.ui.screens.same_edit import ask

        cells = {cell_field(c): c for c in self.base}

        def theirs_value(field: str) -> float | None:
            text = conflict.theirs.get(field, "")
            return float(text) if text else None  # ``plain_number``'s text: Python's own

        def keep_mine() -> None:
            for field in conflict.fields:
                self.base[cells[field]] = theirs_value(field)
            self.action_save()

        def take_theirs() -> None:
            for field in conflict.fields:
                cell = cells[field]
                self.base[cell] = value = theirs_value(field)
                self.grid.reset((cell[0], cell[1].isoformat()), cell_text(value))
            self._status(t("edit.took_theirs"))

        ask(self, conflict, keep_mine, take_theirs)

    def _leave(self, then: str) -> None:
        """Leave (``back``: to the main screen), asking first when typed numbers
        would be lost."""

        def go(sure: bool | None) -> None:
            if not sure:
                return
            self.dismiss(False)

        self._leave_asking("week_entry.discard", go)

    def action_back(self) -> None:
        """Back to the hat tabs (asks when changes are not saved)."""
        self._leave("back")

    def action_quit(self) -> None:
        """Quit the app (asks when changes are not saved)."""
        self.before_quit(mkhats_app(self).quit_now)

    def before_quit(self, quit_now: Callable[[], None]) -> None:
        """The app quits (``q``, ``ctrl+q``): typed numbers are lost only once the user agrees."""
        self._leave_asking("week_entry.discard", lambda sure: quit_now() if sure else None)
