"""The weekly log editor (modal): plan, fact, conclusion, action of one hat and week.

A field saves when the user leaves it and on ``ctrl+s``; its border says whether it is saved.
``escape`` saves what is still unsaved and closes: nothing typed is lost. A field another window
changed shows its new text unless it is being typed in; a save that would overwrite such a change
asks (keep mine, take theirs, see both) instead of saving (SPEC §5).
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from mkhats.domain.models import WeeklyLog
from mkhats.errors import EditConflict, MkhatsError
from mkhats.i18n import t
from mkhats.present.labels import hat_name
from mkhats.services import plans
from mkhats.ui.access import mkhats_app
from mkhats.ui.access import snapshot as current_snapshot
from mkhats.ui.keys import KeyLabels, key_binding
from mkhats.ui.plain import literal
from mkhats.ui.screens.same_edit import ask
from mkhats.ui.widgets.footer import KeyFooter
from mkhats.ui.widgets.weekly_log import LogField, WeeklyLogEditor


class LogDialog(KeyLabels, ModalScreen[WeeklyLog | None]):
    """Edit one hat's log for one week."""

    BINDINGS = [key_binding("escape", "close", "ui.key.back", id="log.close")]
    DEFAULT_CSS = """
    LogDialog { align: center middle; }
    LogDialog > Vertical { width: 110; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $surface; padding: 0 1; }
    LogDialog .error { color: $error; height: auto; }
    LogDialog WeeklyLogEditor { height: auto; layout: grid; grid-size: 2; grid-rows: 8; }
    LogDialog LogField { height: 8; border: tall $panel; }
    LogDialog LogField:focus { border: tall $accent; }
    LogDialog LogField.-dirty { border-subtitle-color: $warning; }
    """

    def __init__(self, hat: str, week: str, log: WeeklyLog | None, field: str = "plan") -> None:
        super().__init__()
        self.hat, self.week, self.saved_log, self.field = hat, week, log, field
        self._seen: object = None
        self._asking = False
        """A conflict question is open: saves wait for its answer (leaving a field asks nothing)."""

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = literal(
                t("ui.log_title", hat=hat_name(current_snapshot(self).hats[self.hat]), week=self.week)
            )
            yield WeeklyLogEditor(id=f"log-{self.hat}")
            yield Static("", classes="error")
        yield KeyFooter()

    def on_mount(self) -> None:
        editor = self.query_one(WeeklyLogEditor)
        editor.show(self.saved_log, force=True)
        self._seen = mkhats_app(self).snapshot
        self.query_one(f"#log-{self.field}", LogField).focus()
        # The app re-reads its snapshot on a change from another process: fields not typed in follow.
        self.watch(self.app, "version", self._follow, init=False)

    def _follow(self) -> None:
        snapshot = mkhats_app(self).snapshot
        if snapshot is self._seen or snapshot is None or snapshot.week != self.week:
            return
        self._seen = snapshot
        self.query_one(WeeklyLogEditor).show(snapshot.logs.get((self.hat, self.week)))

    @on(WeeklyLogEditor.SaveRequested)
    def _save(self, event: WeeklyLogEditor.SaveRequested) -> None:
        event.stop()
        self.save(event.fields)

    def save(self, fields: dict[str, str], closing: bool = False) -> bool:
        """Save ``fields``; a refusal shows under the fields and keeps the text on screen.

        A field changed elsewhere since it was read asks the user first (nothing saved yet);
        ``closing``: the dialog closes once the answer is saved.
        """
        if self._asking:
            return False
        editor = self.query_one(WeeklyLogEditor)
        error = self.query_one(".error", Static)
        try:
            log = plans.save_log(mkhats_app(self).ws, self.hat, self.week, base=editor.base(), **fields)
        except EditConflict as conflict:
            self._ask(conflict, closing)
            return False
        except MkhatsError as refused:
            self.app.notify(refused.render(), severity="error", timeout=8)
            error.update(t("ui.log_not_saved"))
            return False
        error.update("")
        self.saved_log = log
        editor.mark_saved(log, fields)
        mkhats_app(self).reload()  # the title's warning count follows at once
        return True

    def _ask(self, conflict: EditConflict, closing: bool) -> None:
        """Keep mine (save over theirs), take theirs (shown, nothing saved) or see both."""
        editor = self.query_one(WeeklyLogEditor)
        self._asking = True

        def keep_mine() -> None:
            self._asking = False
            editor.rebase(conflict.theirs, conflict.fields, take=False)
            if self.save(editor.unsaved(), closing) and closing:
                self.dismiss(self.saved_log)

        def take_theirs() -> None:
            self._asking = False
            editor.rebase(conflict.theirs, conflict.fields, take=True)
            self.app.notify(t("edit.took_theirs"), timeout=4)

        def later() -> None:
            self._asking = False

        ask(self, conflict, keep_mine, take_theirs, later)

    def action_close(self) -> None:
        """Save what is unsaved, then close (stay open if the save failed or asks first)."""
        fields = self.query_one(WeeklyLogEditor).unsaved()
        if fields and not self.save(fields, closing=True):
            return
        self.dismiss(self.saved_log)

    def before_quit(self, quit_now: Callable[[], None]) -> None:
        """The app quits (``ctrl+q``): as ``escape``, what is typed is saved first; a save refused
        (or asking about another window's change) keeps the dialog open and the app running."""
        fields = self.query_one(WeeklyLogEditor).unsaved()
        if fields and not self.save(fields, closing=False):
            return
        quit_now()
