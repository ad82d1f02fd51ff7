"""The main screen's actions (SPEC §3 keys): hats, weeks, values, wearing, the log, the review.

A base of ``MainScreen``: it holds the hat tabs and acts on the tab shown; the data (workspace,
week, snapshot) is the app's (``ui.access``). Its keys are the action table's (``ui.keys``).
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import TabbedContent

from mkhats.domain.snapshot import Snapshot
from mkhats.ui.access import mkhats_app, run_service
from mkhats.ui.widgets.checklist import Checklist
from mkhats.ui.widgets.kpi_table import KpiTable


class MainActions(Screen[None]):
    """``action_*`` of the hat tabs, and the tabs they act on."""

    def __init__(self) -> None:
        super().__init__()
        # Held rather than queried: a query walks every widget (~0.2 ms, twice per switch).
        self._tabs: TabbedContent | None = None

    @property
    def snapshot(self) -> Snapshot | None:
        """The app's snapshot of the selected week."""
        return mkhats_app(self).snapshot

    @property
    def hat(self) -> str:
        """The key of the hat whose tab is shown; "" while the tabs are rebuilt or closed (timers)."""
        tabs = self._tabs
        return (tabs.active or "").removeprefix("tab-") if tabs is not None and tabs.is_attached else ""

    def action_hat(self, index: int) -> None:
        """Show the hat at ``index`` in tab order."""
        hats = self.snapshot.enabled_hats if self.snapshot else []
        if 0 <= index < len(hats):
            # Let go of the focus first: a focused widget left in the old tab would pull the
            # TabbedContent back to it while the new tab is still being built.
            self.set_focus(None)
            self.query_one("#hats", TabbedContent).active = f"tab-{hats[index].key}"

    def action_week(self, offset: int) -> None:
        """Move the selected week."""
        mkhats_app(self).shift_week(offset)

    def action_this_week(self) -> None:
        """Back to the week of today."""
        mkhats_app(self).this_week()

    def _current_kpi(self) -> str | None:
        """The KPI highlighted in this tab's table (None while the tab is still being built)."""
        table = next(self.query(f"#kpis-{self.hat}").results(KpiTable), None)
        return table.current_key() if table is not None else None

    def action_edit_log(self) -> None:
        """Edit this tab's weekly log."""
        self.open_log(self.hat, mkhats_app(self).week)

    def action_tick(self) -> None:
        """Tick or untick the item highlighted in this tab's checklist."""
        checklist = next(self.query(f"#checklist-{self.hat}").results(Checklist), None)
        if checklist is not None:
            checklist.action_tick()

    def action_open_kpi(self) -> None:
        """Open the detail of the KPI highlighted in this tab's table."""
        key = self._current_kpi()
        if key:
            self.post_message(KpiTable.KpiChosen(key))

    def action_week_entry(self) -> None:
        """Enter this tab's numbers for the selected week in a grid (the cursor on the highlighted
        KPI, today's column)."""
        from mkhats.ui.screens.week_entry import WeekEntryScreen

        if self.hat:
            self.app.push_screen(WeekEntryScreen(self.hat, mkhats_app(self).week, self._current_kpi()), self.reload)

    def action_add_value(self) -> None:
        """Add a KPI value (the highlighted KPI is preselected)."""
        from mkhats.ui.screens.dialogs import AddValueDialog

        self.app.push_screen(AddValueDialog(self._current_kpi()), self.reload)

    def action_edit_items(self) -> None:
        """Edit this tab's checklist."""
        from mkhats.ui.screens.checklist_editor import ChecklistEditor

        if self.hat:
            self.app.push_screen(ChecklistEditor(self.hat), self.reload)

    def action_wear(self) -> None:
        """Start wearing this tab's hat, or stop if it is the one worn."""
        from mkhats.services.wear import wear

        app = mkhats_app(self)
        wearing = self.snapshot.wearing if self.snapshot else None
        target = None if wearing is not None and wearing.hat == self.hat else self.hat
        done = run_service(self, lambda ws: wear(ws, target, app.now()))
        if done is not None and done.value is not None:
            app.reload()

    def action_review(self) -> None:
        """Open the review."""
        from mkhats.ui.screens.review import ReviewScreen

        self.app.push_screen(ReviewScreen(), self.reload)

    def action_import_file(self) -> None:
        """Import an export: pick a file (the inbox's first), preview it, confirm."""
        from mkhats.ui.screens.import_screen import ImportScreen

        self.app.push_screen(ImportScreen(), self.reload)

    def offer_inbox(self) -> None:
        """Files wait in ``inbox/``: say how many and which key imports them (once, after the first
        paint; a missing or empty inbox costs one failed ``scandir`` and says nothing)."""
        from mkhats.i18n import t
        from mkhats.services.inbox import candidates
        from mkhats.ui.keys import ACTIONS

        app = mkhats_app(self)
        files = candidates(app.ws, [])  # the inbox's only, newest first
        if files:
            from mkhats.present.relative import file_age  # pendulum: only when files wait

            waiting = len(files)
            key = next(a.hint for a in ACTIONS if a.id == "import.open")
            newest = t("import_ui.inbox_newest", ago=file_age(files[0].modified, app.now()))
            self.app.notify(f"{t('import_ui.inbox', n=waiting, count=waiting, key=key)} {newest}", timeout=12)

    def reload(self, _result: object = None) -> None:
        """Re-read the data (a screen on top closed: it may have saved)."""
        mkhats_app(self).reload()

    def open_log(self, hat: str, week: str, field: str = "plan") -> None:
        """Open the log editor of ``hat`` for ``week``, in ``field``."""
        from mkhats.ui.screens.log_dialog import LogDialog

        app = mkhats_app(self)
        if app.snapshot is None:
            return
        app.week = week
        snapshot = app.snapshot
        if snapshot is None:
            return
        log = snapshot.logs.get((hat, week))
        self.app.push_screen(LogDialog(hat, week, log, field), self.reload)
