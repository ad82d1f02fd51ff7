"""The Textual app: one tab per enabled hat for the selected week, and the keys of SPEC §3.

The app holds the workspace, the selected week and the current snapshot; widgets render view
models from ``present.views`` and post messages; the app calls services and reloads. A timer
notices changes made by other processes (the CLI, a second window) within a second or two.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.reactive import Reactive
from textual.timer import Timer
from textual.widgets import Footer, TabbedContent, TabPane

from mkhats.domain.models import utc_instant
from mkhats.domain.snapshot import Snapshot
from mkhats.domain.stoprules import Alert
from mkhats.errors import MkhatsError
from mkhats.i18n import t
from mkhats.present.labels import hat_name
from mkhats.present.views import warnings_text, week_title
from mkhats.services import plans
from mkhats.services.review import ReviewItem
from mkhats.services.workspace import Workspace
from mkhats.ui.actions import MainActions
from mkhats.ui.desk import DESK_ACTIONS, DESK_BINDINGS, DESK_LABELS, DeskActions
from mkhats.ui.heap import HeapTuning
from mkhats.ui.keys import KEY_LABELS, MAIN_ONLY, relabel_bindings, relabel_tree
from mkhats.ui.palette import LocalizedPalette, MkhatsCommands
from mkhats.ui.plain import LiteralText, literal
from mkhats.ui.week_views import WeekViews
from mkhats.ui.widgets.checklist import Checklist
from mkhats.ui.widgets.hat_pane import HatPane
from mkhats.ui.widgets.kpi_table import KpiTable
from mkhats.ui.widgets.log_view import LogView
from mkhats.ui.widgets.title_bar import TitleBar

PREFETCH_DELAY = 0.1
"""Seconds after a week is shown before its neighbours are computed."""


class MkhatsApp(LiteralText, MainActions, DeskActions, HeapTuning, LocalizedPalette, App[int]):
    """mkhats: every hat with its checklist, money KPIs and weekly log."""

    CSS_PATH = Path(__file__).parent / "mkhats.tcss"
    TITLE = "mkhats"
    COMMANDS = App.COMMANDS | {MkhatsCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [
        *(Binding(str(n), f"hat({n - 1})", t("ui.key.hat"), show=False, id=f"hat.{n}") for n in range(1, 9)),
        Binding("left_square_bracket", "week(-1)", t("ui.key.prev_week"), key_display="[", id="week.prev"),
        Binding("right_square_bracket", "week(1)", t("ui.key.next_week"), key_display="]", id="week.next"),
        Binding("t", "this_week", t("ui.key.this_week"), id="week.this"),
        Binding("space", "tick", t("ui.key.tick"), show=False, id="checklist.tick"),
        Binding("enter", "open_kpi", t("ui.key.open_kpi"), show=False, id="kpi.open"),
        Binding("a", "add_value", t("ui.key.add_value"), id="value.add"),
        Binding("l", "edit_log", t("ui.key.edit_log"), id="log.open"),
        Binding("w", "wear", t("ui.key.wear"), id="hat.wear"),
        Binding("r", "review", t("ui.key.review"), id="review"),
        Binding("s", "settings", t("ui.key.settings"), id="settings"),
        *DESK_BINDINGS,
        Binding("question_mark", "help", t("ui.key.help"), key_display="?", id="help"),
        Binding("q", "quit", t("ui.key.quit"), id="quit"),
        # Ours rather than Textual's, whose description ("palette") is an English literal.
        Binding("ctrl+p", "command_palette", t("ui.key.palette"), show=False, priority=True, id="palette"),
    ]

    # Textual's title reactives repaint the whole screen on every change; the headers watch them and
    # repaint their own line, so a week switch repaints what changed only (SPEC §6).
    title: Reactive[str] = Reactive("", compute=False, repaint=False)
    sub_title: Reactive[str] = Reactive("", compute=False, repaint=False)

    def __init__(
        self, ws: Workspace, now: Callable[[], datetime] = lambda: datetime.now(UTC), own_process: bool = False
    ) -> None:
        """``now``: the clock (naive is local); ``own_process``: the app is the whole process, so it
        may tune the collector (``ui.heap``)."""
        super().__init__()
        self.ws = ws
        self.now = now
        self.own_process = own_process
        self.week = ws.this_week()
        self.snapshot: Snapshot | None = None
        self.warnings: list[ReviewItem] = []
        self._shown: dict[str, tuple[str, int]] = {}
        # Held rather than queried: a query walks every widget (~0.2 ms, twice per switch).
        self._tabs: TabbedContent | None = None
        self._panes: dict[str, HatPane] = {}
        self._weeks = WeekViews(ws)
        self._prefetch_timer: Timer | None = None
        self._alerts: list[Alert] = []
        self._loaded = -1
        self._last_error: str | None = None
        self._rebuilding = False

    # -- composition and data --------------------------------------------------------------------

    def prepare(self) -> None:
        """Compute the first week's view before running (``compose`` finds it); raises ``MkhatsError``."""
        self._weeks.get(self.week, self.ws.version)

    def compose(self) -> ComposeResult:
        self._loaded = self.ws.version
        self.snapshot = self._weeks.get(self.week, self._loaded).snapshot
        yield TitleBar()
        self._tabs = TabbedContent(id="hats")
        with self._tabs:
            for index, hat in enumerate(self.snapshot.enabled_hats):
                with TabPane(literal(hat_name(hat)), id=f"tab-{hat.key}"):
                    # Only the first tab is built now; the others on first visit (start-up budget).
                    if index == 0:
                        yield HatPane(hat.key)
        yield Footer()

    def push_screen(self, screen, *args, **kwargs):
        """Push a screen, its keys described in today's language (they were rendered at import)."""
        result = super().push_screen(screen, *args, **kwargs)
        self.call_after_refresh(lambda: relabel_tree(self.screen))
        return result

    def on_mount(self) -> None:
        # Key descriptions were rendered when the classes were defined: render them in today's language.
        relabel_bindings(self, {**KEY_LABELS, **DESK_LABELS})
        self.reload()
        self.set_interval(1.0, self._poll)
        self.set_interval(20.0, self._update_title)
        self.call_after_refresh(self.freeze_start)

    @property
    def hat(self) -> str:
        """The key of the hat whose tab is shown; "" while the tabs are rebuilt or closed (timers)."""
        tabs = self._tabs
        return (tabs.active or "").removeprefix("tab-") if tabs is not None and tabs.is_attached else ""

    def reload(self) -> None:
        """Bring the week's snapshot and warnings up to date and refresh what is visible.

        Views are kept per (week, data version), and the weeks around the one shown are computed
        while the user reads it: ``[`` and ``]`` then cost a repaint only (SPEC §6).
        """
        try:
            version = self.ws.fresh_version()
            view = self._weeks.get(self.week, version)
        except MkhatsError as error:
            # The file went bad or unreadable under us (another process): say so once, keep showing
            # the last good data, and never write (SPEC §5).
            message = error.render()
            if message != self._last_error:
                self._last_error = message
                self.notify(message, severity="error", timeout=15)
            return
        self._last_error = None
        self.snapshot, self.warnings, self._alerts = view.snapshot, view.warnings, view.alerts
        self._loaded = version
        self._update_title()
        self._show_pane(self.hat)
        if self._prefetch_timer is not None:
            self._prefetch_timer.stop()
        # Not right after the paint: a key pressed meanwhile would wait for it. Keys held down
        # (auto-repeat) keep putting it off, and each switch then computes its own week.
        self._prefetch_timer = self.set_timer(PREFETCH_DELAY, self._prefetch)

    def _prefetch(self) -> None:
        self._prefetch_timer = None
        hat = self.hat
        if not hat:
            return  # the app is closing
        try:
            # Data changed on disk: the poll reloads (and reports a bad file); nothing to prepare.
            if self.ws.fresh_version() == self._loaded:
                self._weeks.prefetch(self.week, self._loaded, hat)
        except MkhatsError:
            pass

    def _show_pane(self, hat: str) -> None:
        """Render one tab (others render when activated: a week switch touches one tab)."""
        if self._rebuilding or self.snapshot is None or hat not in self.snapshot.hats:
            return
        shown = (self.week, self._loaded)
        if self._shown.get(hat) == shown:
            return
        pane = self._panes.get(hat)
        if pane is None or not pane.is_attached:
            pane = next(self.query(f"#pane-{hat}").results(HatPane), None)
            if pane is None:
                self.query_one(f"#tab-{hat}", TabPane).mount(HatPane(hat))
                return  # HatPane.on_mount asks again once it is there
            self._panes[hat] = pane
        if not pane.ready:
            return  # still being built: it asks again once its children are there
        pane.show(self._weeks.hat(self.week, self._loaded, hat), self.week)
        if hat == "cmo":
            self.show_desk(pane)
        self._shown[hat] = shown

    def _update_title(self) -> None:
        self.title = f"mkhats · {week_title(self.week)}"
        parts = []
        wearing = self.snapshot.wearing if self.snapshot else None
        if wearing is not None:
            minutes = max(0, int((utc_instant(self.now()) - wearing.start).total_seconds() // 60))
            parts.append(t("ui.wearing", hat=hat_name(wearing.hat), time=f"{minutes // 60}:{minutes % 60:02d}"))
        parts.append(warnings_text(self.warnings))
        self.sub_title = "   ".join(parts)

    def _poll(self) -> None:
        try:
            changed = self.ws.fresh_version() != self._loaded
        except MkhatsError:
            return
        if changed:
            self.reload()

    # -- messages from the widgets ---------------------------------------------------------------

    def pane_mounted(self, hat: str) -> None:
        """A hat's pane was just built: fill it."""
        self._show_pane(hat)
        self.refreeze_soon()  # the pane's objects live on

    @on(TabbedContent.TabActivated)
    def _tab(self, event: TabbedContent.TabActivated) -> None:
        # The focus stays where it is: moving it restyles the whole pane and doubles the cost of a
        # tab switch (SPEC §6). space and enter act on the shown tab from anywhere.
        self._show_pane(self.hat)

    @on(Checklist.ItemToggled)
    def _toggle(self, event: Checklist.ItemToggled) -> None:
        row = event.line.row
        self.call(plans.tick, row.item.id, row.period, not row.done)
        self.reload()

    @on(Checklist.EditRequested)
    def _edit_checklist(self) -> None:
        from mkhats.ui.screens.checklist_editor import ChecklistEditor

        self.push_screen(ChecklistEditor(self.hat), lambda _: self.reload())

    @on(LogView.EditRequested)
    def _edit_log(self, event: LogView.EditRequested) -> None:
        self.open_log(event.hat, self.week, event.field or "plan")

    @on(KpiTable.KpiChosen)
    def _kpi(self, event: KpiTable.KpiChosen) -> None:
        from mkhats.ui.screens.kpi_detail import KpiDetailScreen

        self.push_screen(KpiDetailScreen(event.key), lambda _: self.reload())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The hat keys act on the hat tabs only: not while another screen is on top."""
        if action in DESK_ACTIONS and (len(self.screen_stack) > 1 or not self.desk_allows(action)):
            return False
        return not (action in MAIN_ONLY and len(self.screen_stack) > 1)
