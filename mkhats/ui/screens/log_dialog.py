"""The weekly log editor (modal): plan, fact, conclusion, action of one hat and week.

A field saves when the user leaves it and on ``ctrl+s``; its border says whether it is saved.
``escape`` saves what is still unsaved and closes: nothing typed is lost.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from mkhats.domain.labels import hat_name
from mkhats.domain.models import WeeklyLog
from mkhats.i18n import t
from mkhats.services import plans
from mkhats.ui.plain import literal
from mkhats.ui.widgets.weekly_log import LogField, WeeklyLogEditor


class LogDialog(ModalScreen[WeeklyLog | None]):
    """Edit one hat's log for one week."""

    BINDINGS = [Binding("escape", "close", t("ui.key.back"), id="log.close")]
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

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = literal(t("ui.log_title", hat=hat_name(self.app.snapshot.hats[self.hat]), week=self.week))
            yield WeeklyLogEditor(id=f"log-{self.hat}")
            yield Static("", classes="error")
        yield Footer()

    def on_mount(self) -> None:
        editor = self.query_one(WeeklyLogEditor)
        editor.show(self.saved_log, force=True)
        self.query_one(f"#log-{self.field}", LogField).focus()

    @on(WeeklyLogEditor.SaveRequested)
    def _save(self, event: WeeklyLogEditor.SaveRequested) -> None:
        event.stop()
        self.save(event.fields)

    def save(self, fields: dict[str, str]) -> bool:
        """Save ``fields``; a refusal shows under the fields and keeps the text on screen."""
        log = self.app.call(plans.save_log, self.hat, self.week, **fields)  # type: ignore[attr-defined]
        error = self.query_one(".error", Static)
        if log is None:
            error.update(t("ui.log_not_saved"))
            return False
        error.update("")
        self.saved_log = log
        self.query_one(WeeklyLogEditor).mark_saved(log)
        self.app.reload()  # type: ignore[attr-defined]  # the title's warning count follows at once
        return True

    def action_close(self) -> None:
        """Save what is unsaved, then close (stay open if the save failed)."""
        fields = self.query_one(WeeklyLogEditor).unsaved()
        if fields and not self.save(fields):
            return
        self.dismiss(self.saved_log)
