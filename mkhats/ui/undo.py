"""``ctrl+z`` on the main screen: undo this run's last change (SPEC §3), and its palette entry.

The app's workspace remembers its own writes (``services.undo.keep_history``, set by the app), so
the forms, the grid, the checklist and the imports hand nothing over: whatever wrote last is what
is undone. The palette names it ("Undo: Spend on 2 Dec: 1,200"); the notice after says what was
undone, or the one sentence saying why not (nothing to undo; the data was changed since).
"""

from __future__ import annotations

from textual.screen import Screen

from mkhats.errors import MkhatsError
from mkhats.i18n import current_language, set_language, t
from mkhats.services import undo
from mkhats.ui.access import mkhats_app, run_service


class UndoAction(Screen[None]):
    """A base of the main screen: ``action_undo``."""

    async def action_undo(self) -> None:
        """Undo this run's last change; the tabs show the data as it was before it.

        A change of the language or of the hats worn (Settings) rebuilds the tabs, as leaving
        Settings does: undone, the language goes back to the one stored before, or to the one the
        app opened in when none was; a theme picked goes back likewise.
        """
        app = mkhats_app(self)
        app.reload()
        shape, theme = self._shape(), self._theme()
        stored = app.ws.stored_language()
        done = run_service(self, undo.undo_last)
        app.reload()  # whatever happened (a refusal too: someone else wrote), show the file as it is
        if done is None:
            return
        now_stored = app.ws.stored_language()
        if now_stored != stored:
            set_language(now_stored or app.opened_language)
        if self._theme() != theme:  # a theme picked in the palette: the screen wears the one before
            before = self._theme() or app.opened_theme
            if before in app.available_themes:
                app.theme = before
        if self._shape() != shape:
            await app.main.relabel()
        app.notify(t("undo.done", what=done.value.what), timeout=6)

    def _theme(self) -> str | None:
        """The theme the settings keep."""
        snapshot = mkhats_app(self).snapshot
        return snapshot.settings.theme if snapshot else None

    def _shape(self) -> tuple[str, tuple[str, ...]]:
        """What the tabs are built from: the language and the enabled hats."""
        snapshot = mkhats_app(self).snapshot
        return current_language(), tuple(h.key for h in snapshot.enabled_hats) if snapshot else ()

    def undo_command_name(self) -> str:
        """The palette entry: "Undo: <what>", or that there is nothing to undo."""
        try:
            what = undo.last_change(mkhats_app(self).ws)
        except MkhatsError:
            what = None  # the file cannot be read now: ``ctrl+z`` says why when chosen
        return t("undo.cmd_nothing") if what is None else t("undo.cmd", what=what)
