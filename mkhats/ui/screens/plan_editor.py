"""The media plan editor (``p`` on the CMO tab; SPEC §10): channel hats × the quarter's months.

Each channel hat has three rows (budget, planned leads, tolerance %), each month of the quarter of
the shown week a column; ``[`` and ``]`` go to the previous and next quarter. The grid
(``widgets/cell_grid.py``) is filled from ``services.money.plan_sheet``; a typed cell is checked as
it is left (``plan_cell``: the number as the UI language writes it, and what a plan takes), and
``ctrl+s`` hands every changed month to ``set_plans``, which stores them in one transaction or none.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from mkhats.domain.weeks import add_months, quarter_key, week_quarter
from mkhats.errors import InputError, MkhatsError
from mkhats.i18n import t
from mkhats.present.plan_editor import cell_hint, column_label, editor_title, keys_text, row_label, saved_text
from mkhats.present.week_entry import cell_text
from mkhats.services.money import PLAN_FIELDS, PlanErrors, PlanSheet, plan_cell, plan_sheet, set_plans
from mkhats.ui.access import mkhats_app, workspace
from mkhats.ui.keys import key_binding
from mkhats.ui.plain import plain
from mkhats.ui.screens.grid_screen import GridScreen
from mkhats.ui.widgets.cell_grid import CellGrid, GridCell, GridLine, Key
from mkhats.ui.widgets.footer import KeyFooter
from mkhats.ui.widgets.title_bar import ScreenHeader

_CSS = """
PlanEditorScreen #pe-body { padding: 0 1; }
PlanEditorScreen #pe-title { height: auto; text-style: bold; }
PlanEditorScreen #pe-grid { width: auto; max-width: 100%; height: auto; max-height: 100%; margin: 1 0 0 0; }
PlanEditorScreen #pe-hint { height: auto; min-height: 1; margin: 1 0 0 0; }
PlanEditorScreen #pe-hint.-error { color: $text-error; }
PlanEditorScreen #pe-status { height: auto; color: $text-warning; }
PlanEditorScreen #pe-keys { height: auto; color: $text-muted; }
"""


def _row_key(hat: str, field: str) -> str:
    return f"{hat}|{field}"


def _split(row: str) -> tuple[str, str]:
    hat, _, field = row.partition("|")
    return hat, field


def shift_quarter(quarter: str, quarters: int) -> str:
    """The quarter ``quarters`` after (before, if negative) ``quarter``."""
    first = date(int(quarter[:4]), (int(quarter[-1]) - 1) * 3 + 1, 1)
    return quarter_key(add_months(first, 3 * quarters))


class PlanEditorScreen(GridScreen):
    """The media plan of a quarter, typed like a spreadsheet; returns whether anything was saved."""

    PREFIX = "pe"

    DEFAULT_CSS = _CSS
    AUTO_FOCUS = "#pe-grid"
    BINDINGS = [
        key_binding("ctrl+s", "save", "plan_editor.key.save", id="plan_editor.save"),
        key_binding("escape", "back", "plan_editor.key.back", id="plan_editor.back"),
        # ``q`` quits from here too, but asks first when typed figures would be lost.
        key_binding("q", "quit", "ui.key.quit", id="plan_editor.quit"),
        key_binding("left_square_bracket", "quarter(-1)", "plan_editor.key.prev", id="plan_editor.prev",
                    key_display="[", show=False),
        key_binding("right_square_bracket", "quarter(1)", "plan_editor.key.next", id="plan_editor.next",
                    key_display="]", show=False),
    ]  # fmt: skip

    def __init__(self, quarter: str | None = None) -> None:
        """``quarter``: ``YYYY-Qn``; the quarter of the app's selected week by default."""
        super().__init__(id="plan-editor")
        self.quarter = quarter
        self.sheet: PlanSheet | None = None
        self.saved = False

    def compose(self) -> ComposeResult:
        yield ScreenHeader()
        with Vertical(id="pe-body"):
            yield Static(id="pe-title")
            yield CellGrid(self._validate, id="pe-grid")
            yield Static(id="pe-hint")
            yield Static(id="pe-status")
            yield Static(id="pe-keys")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._load(self.quarter or week_quarter(mkhats_app(self).week))

    # -- filling -----------------------------------------------------------------------------------

    def _load(self, quarter: str) -> None:
        try:
            sheet = plan_sheet(workspace(self), quarter)
        except MkhatsError as error:
            self.app.notify(error.render(), severity="error", timeout=8)
            self.dismiss(self.saved)
            return
        self.sheet, self.quarter, self._notice = sheet, sheet.quarter, ""
        self.query_one("#pe-title", Static).update(plain(editor_title(sheet.quarter, sheet.months)))
        self.query_one("#pe-keys", Static).update(keys_text(sheet.default_tolerance))
        grid = self.grid
        if not sheet.hats:
            grid.display = False
            self._hint(t("plan_editor.no_channels"))
            return
        rows = [
            GridLine(_row_key(h.key, f), plain(row_label(h, f, sheet.currency)))
            for h in sheet.hats
            for f in PLAN_FIELDS
        ]
        columns = [GridLine(m, column_label(m)) for m in sheet.months]
        grid.fill(rows, columns, self._cells(sheet))
        grid.move_cursor(row=0, column=0, animate=False)
        self._show_cursor()

    def _cells(self, sheet: PlanSheet) -> dict[Key, GridCell]:
        cells: dict[Key, GridCell] = {}
        default = cell_text(sheet.default_tolerance)
        for hat in sheet.hats:
            for month in sheet.months:
                plan = sheet.plans.get((hat.key, month))
                for field in PLAN_FIELDS:
                    text = cell_text(getattr(plan, field)) if plan is not None else ""
                    # An empty tolerance is the default: shown dimmed, as the plan will take it.
                    placeholder = default if field == "tolerance" else ""
                    cells[(_row_key(hat.key, field), month)] = GridCell(text, text, placeholder=placeholder)
        return cells

    def _validate(self, row: str, column: str, text: str) -> str | None:
        """Why ``text`` cannot be that figure (the service's own check), or None."""
        try:
            plan_cell(_split(row)[1], text)
        except InputError as error:
            return error.render()
        return None

    # -- the lines under the grid ------------------------------------------------------------------

    def _figure(self, hat: str, field: str, month: str) -> float | None:
        try:
            return plan_cell(field, self.grid.cell((_row_key(hat, field), month)).text)
        except InputError:
            return None

    def _show_cursor(self) -> None:
        """The hint of the cell under the cursor and the count of pending changes."""
        sheet, key = self.sheet, self.grid.cursor_key
        if sheet is None or key is None:
            return
        cell = self.grid.cell(key)
        if cell.error is not None:
            self._hint("✗ " + cell.error, error=True)
        else:
            hat_key, field = _split(key[0])
            hat = next(h for h in sheet.hats if h.key == hat_key)
            budget, leads = self._figure(hat_key, "budget", key[1]), self._figure(hat_key, "leads", key[1])
            self._hint(cell_hint(hat, field, key[1], budget, leads, sheet.currency))
        self._status()

    @on(CellGrid.Pasted)
    def _pasted(self) -> None:
        self._show_cursor()

    # -- saving and leaving ------------------------------------------------------------------------

    def _changes(self) -> dict[tuple[str, str], dict[str, str | None]]:
        """Every month with a changed figure, with all its figures as they now stand."""
        months = {(_split(row)[0], month) for row, month in self.grid.changes()}
        return {
            (hat, month): {f: self.grid.cell((_row_key(hat, f), month)).text.strip() or None for f in PLAN_FIELDS}
            for hat, month in sorted(months)
        }

    def action_save(self) -> None:
        """Save every changed month in one transaction, or none while a figure is invalid."""
        grid, sheet = self.grid, self.sheet
        if sheet is None:
            return
        grid.commit_edit()
        errors = grid.errors()
        if errors:
            grid.go_to(next(iter(errors)))
            self._show_cursor()
            self._status(t("week_entry.fix_first", n=len(errors), count=len(errors)))
            return
        try:
            done = set_plans(workspace(self), self._changes())
        except PlanErrors as refused:
            for hat, month, field in refused.errors:
                grid.set_error((_row_key(hat, field), month), refused.errors[(hat, month, field)].render())
            hat, month, field = next(iter(refused.errors))
            grid.go_to((_row_key(hat, field), month))
            self._show_cursor()
            self._status(refused.render())
            return
        except MkhatsError as error:  # storage: the grid keeps what was typed, to retry
            self._status(error.render())
            self.app.notify(error.render(), severity="error", timeout=8)
            return
        self.app.notify(saved_text(sheet.quarter, len(done)))
        self.dismiss(bool(done))

    def _leave(self, then: str, quarter: str | None = None) -> None:
        """Leave (``back``) or go to another quarter, asking first when typed figures would
        be lost."""

        def go(sure: bool | None) -> None:
            if not sure:
                return
            if then == "quarter" and quarter is not None:
                self._load(quarter)
                return
            self.dismiss(self.saved)

        self._leave_asking("plan_editor.discard", go)

    def action_back(self) -> None:
        """Back to the CMO tab (asks when changes are not saved)."""
        self._leave("back")

    def action_quit(self) -> None:
        """Quit the app (asks when changes are not saved)."""
        self.before_quit(mkhats_app(self).quit_now)

    def before_quit(self, quit_now: Callable[[], None]) -> None:
        """The app quits (``q``, ``ctrl+q``): typed figures are lost only once the user agrees."""
        self._leave_asking("plan_editor.discard", lambda sure: quit_now() if sure else None)

    def action_quarter(self, offset: int) -> None:
        """The previous or next quarter (asks when changes are not saved)."""
        if self.quarter is not None:
            self._leave("quarter", shift_quarter(self.quarter, offset))
