"""The app's file commands (palette only), a base of the main screen: export the values as CSV,
write the weekly report, back up the data, restore it from a backup; and the overview (``0``).

Each file lands in a folder beside the data (``services.app_files``) and a notice names it. After a
restore the tabs are rebuilt: the restored data may enable other hats.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.screen import Screen

from mkhats.domain.safe_text import terminal_line
from mkhats.i18n import t
from mkhats.services.workspace import Workspace
from mkhats.ui.access import main_screen, mkhats_app, run_service


class FileActions(Screen[None]):
    """``action_*`` of the palette's file commands and of the overview."""

    def _write(self, use_case: Callable[[Workspace], Path], key: str, **words: str) -> None:
        app = mkhats_app(self)
        done = run_service(self, use_case)
        if done is not None:
            path = terminal_line(str(done.value))  # a folder's name may hold anything
            app.notify(t(key, file=path, **words), timeout=12)

    def action_export_values(self) -> None:
        """Export every value as CSV to ``exports/``."""
        from mkhats.services.app_files import write_values_csv

        self._write(write_values_csv, "files.csv_written")

    def action_write_report(self) -> None:
        """Write the weekly report of the week shown to ``reports/``."""
        from mkhats.services.app_files import write_report

        week = mkhats_app(self).week
        self._write(lambda ws: write_report(ws, week), "files.report_written", week=week)

    def action_back_up(self) -> None:
        """Write a full backup to ``backups/``."""
        from mkhats.services.app_files import write_backup

        self._write(write_backup, "files.backup_written")

    def action_restore(self) -> None:
        """Restore the data from a backup (the newest is offered)."""
        from mkhats.ui.screens.restore import RestoreDialog

        self.app.push_screen(RestoreDialog(), self._restored)

    def _restored(self, done: Any) -> None:
        if done is None:
            return
        path, kept = done
        app = mkhats_app(self)
        app.notify(t("restore_ui.done", file=str(path), kept=str(kept or "—")), timeout=12)
        self.call_after_refresh(main_screen(self).relabel)  # the restored data may enable other hats

    def action_overview(self) -> None:
        """Every hat on one screen."""
        from mkhats.ui.screens.overview import OverviewScreen

        self.app.push_screen(OverviewScreen())
