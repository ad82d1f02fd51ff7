"""The restore form (palette "Restore from a backup…"): a backup's path, checked, confirmed, restored.

The path starts as the newest backup in ``backups/``. A backup mkhats would refuse is named under
the field before anything is asked; the confirmation says the data as it is now is kept in
``backups/`` (``services.backup.restore`` backs it up first), then the data is replaced.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import Input, Static

from mkhats.errors import InputError, MkhatsError
from mkhats.i18n import t
from mkhats.present.relative import file_age
from mkhats.services.app_files import newest_backup
from mkhats.services.backup import check_backup, restore
from mkhats.ui.access import mkhats_app, workspace
from mkhats.ui.screens.form import ConfirmDialog, FormDialog, field_row

Restored = tuple[Path, Path | None]
"""The backup restored, and where the data it replaced is kept (None: there was none)."""


class RestoreDialog(FormDialog[Restored | None]):
    """Restore the data from a backup file."""

    def form_title(self) -> str:
        return t("restore_ui.title")

    def compose_intro(self) -> ComposeResult:
        self._newest = newest_backup(workspace(self))
        intro = t("restore_ui.intro")
        if self._newest is not None:  # how old the backup offered is: the reason to pick another
            try:
                ago = file_age(self._newest.stat().st_mtime, mkhats_app(self).now())
            except OSError:  # gone meanwhile: the field's check names it
                pass
            else:
                intro = f"{intro} {t('restore_ui.newest', ago=ago)}"
        yield Static(intro, classes="intro")

    def compose_fields(self) -> ComposeResult:
        newest = self._newest
        field = Input(str(newest or ""), placeholder=t("restore_ui.file_hint"), id="file")
        yield field_row("file", t("restore_ui.file"), field)

    def _path(self) -> Path:
        """The path typed, checked as a backup mkhats accepts (``InputError`` otherwise)."""
        text = self.query_one("#file", Input).value.strip()
        if not text:
            raise InputError("restore_ui.empty")
        path = Path(text).expanduser()
        check_backup(path)
        return path

    def action_save(self) -> None:
        """Check the backup, ask, then restore (a refusal is shown under the field)."""
        self.clear_errors()
        try:
            path = self._path()
        except MkhatsError as error:
            self.show_error("file", error.render())
            return
        question = t("restore_ui.confirm", file=str(path))
        self.app.push_screen(ConfirmDialog(question, t("restore_ui.yes")), lambda yes: self._restore(path, yes))

    def _restore(self, path: Path, yes: bool | None) -> None:
        if not yes:
            return
        try:
            kept = restore(workspace(self), path)
        except MkhatsError as error:  # refused, or the disk or the lock: the form stays to retry
            self.show_error("file", error.render())
            return
        self.dismiss((path, kept))

    def submit(self) -> Restored | None:  # the save is ``action_save``'s: it asks first
        return None
