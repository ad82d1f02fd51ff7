"""The Textual app: the workspace, the selected week and its snapshot, under the main screen.

The app holds the data; screens show it. ``week`` and ``version`` are reactives: a screen that
shows the data watches ``version`` (bumped each time the snapshot is replaced) instead of polling.
One timer, here, notices changes made by other processes (the CLI, a second window) within a
second or two. The hat tabs and their keys are the ``MainScreen`` (``ui/screens/main.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from textual import events
from textual.app import App, ComposeResult
from textual.reactive import Reactive
from textual.timer import Timer

from mkhats.domain.models import utc_instant
from mkhats.domain.snapshot import Snapshot
from mkhats.domain.stoprules import Alert
from mkhats.domain.weeks import shift_week
from mkhats.errors import MkhatsError
from mkhats.i18n import current_language, t
from mkhats.present.labels import hat_name
from mkhats.present.views import HatView, warnings_text, week_title
from mkhats.services.first_run import setup_due, start_file
from mkhats.services.review import ReviewItem
from mkhats.services.undo import keep_history
from mkhats.services.workspace import Workspace
from mkhats.ui.access import run_service
from mkhats.ui.heap import HeapTuning
from mkhats.ui.keys import KeyLabels, bindings
from mkhats.ui.palette import LocalizedPalette, MkhatsCommands
from mkhats.ui.plain import LiteralText
from mkhats.ui.screens.main import MainScreen
from mkhats.ui.week_views import WeekViews
from mkhats.ui.widgets.footer import NARROW

if TYPE_CHECKING:
    from mkhats.domain.ritual import Ritual  # read after the first paint: start-up does not load it

PREFETCH_DELAY = 0.1
"""Seconds after a week is shown before its neighbours are computed."""

R = TypeVar("R")


class MkhatsApp(KeyLabels, LiteralText, HeapTuning, LocalizedPalette, App[int]):
    """mkhats: every hat with its checklist, money KPIs and weekly log."""

    CSS_PATH = Path(__file__).parent / "mkhats.tcss"
    TITLE = "mkhats"
    COMMANDS = App.COMMANDS | {MkhatsCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = bindings("app")

    # Textual's title reactives repaint the whole screen on every change; the headers watch them and
    # repaint their own line, so a week switch repaints what changed only (SPEC §6).
    title: Reactive[str] = Reactive("", compute=False, repaint=False)
    sub_title: Reactive[str] = Reactive("", compute=False, repaint=False)
    week: Reactive[str] = Reactive("", init=False, repaint=False)
    """The selected week (``2026-W48``); setting it shows that week."""
    version: Reactive[int] = Reactive(0, init=False, repaint=False)
    """Bumped each time ``snapshot`` is replaced (another week, or data written): screens watch it."""

    def __init__(
        self, ws: Workspace, now: Callable[[], datetime] = lambda: datetime.now(UTC), own_process: bool = False
    ) -> None:
        """``now``: the clock (naive is local); ``own_process``: the app is the whole process, so it
        may tune the collector (``ui.heap``)."""
        super().__init__()
        self.ws = ws
        keep_history(ws)  # ctrl+z undoes this run's changes (SPEC §3)
        self.now = now
        self.own_process = own_process
        self.opened_theme = self.theme
        """Textual's theme, worn until one is kept: ``ctrl+z`` of the first theme picked goes back to it."""
        self.opened_language = current_language()
        """The language the app opened in (``--lang``, the file's, the locale): ``ctrl+z`` of the
        first language chosen in Settings goes back to it."""
        self.set_reactive(MkhatsApp.week, ws.this_week())
        self.snapshot: Snapshot | None = None
        self.warnings: list[ReviewItem] = []
        self._alerts: list[Alert] = []
        self._weeks = WeekViews(ws)
        self._prefetch_timer: Timer | None = None
        self._loaded = -1
        """The data version the snapshot was read at."""
        self._last_error: str | None = None
        self.rituals_done: list[Ritual] = []
        """The selected week's completed rituals (``ui.ritual_note``), read after the first paint."""
        self._ritual_on = False
        self._width = NARROW
        """The terminal's width as last resized (the header's words for the rituals fit it)."""
        # A file the app itself makes is offered the first run's setup (``screens.first_run``).
        start_file(ws)

    def prepare(self) -> None:
        """Compute the first week's view before running (``compose`` finds it); raises ``MkhatsError``."""
        self._weeks.get(self.week, self.ws.version)

    def get_default_screen(self) -> MainScreen:
        """The hat tabs, on the first week's snapshot (read here: the tabs are made from it)."""
        self._loaded = self.ws.version
        self.snapshot = self._weeks.get(self.week, self._loaded).snapshot
        return MainScreen()

    def compose(self) -> ComposeResult:
        # Into the default screen, the main one: mounted before the app is ready, as one frame.
        return self.main.tabs()

    @property
    def main(self) -> MainScreen:
        """The screen of the hat tabs, at the bottom of the stack."""
        return cast(MainScreen, self.screen_stack[0])

    @property
    def hat(self) -> str:
        """The key of the hat whose tab is shown; "" while the tabs are rebuilt or closed (timers)."""
        return self.main.hat if self.screen_stack else ""

    def on_mount(self) -> None:
        theme = self.snapshot.settings.theme if self.snapshot else None
        if theme in self.available_themes:  # kept by the theme picker (``ui.palette.KeptThemes``)
            self.theme = theme
        self.reload()
        self.main.show_data()  # the first week, into the tabs composed with the app
        self.set_interval(1.0, self._poll)
        self.set_interval(20.0, self._update_title)
        self.call_after_refresh(self.freeze_start)
        self.call_after_refresh(self.main.offer_inbox)  # after the first paint: start-up pays nothing
        if self.snapshot is not None and setup_due(self.snapshot.settings):
            from mkhats.ui.screens.first_run import offer_setup

            self.call_after_refresh(offer_setup, self)
            self.call_after_refresh(self._ritual_start, False)  # the setup first: no ritual offered
        else:
            self.call_after_refresh(self._ritual_start)

    # -- the data --------------------------------------------------------------------------------

    def reload(self) -> None:
        """Bring the week's snapshot and warnings up to date; watchers of ``version`` show them.

        Views are kept per (week, data version), and the weeks around the one shown are computed
        while the user reads it: ``[`` and ``]`` then cost a repaint only (SPEC §6).
        """
        try:
            loaded = self.ws.fresh_version()
            view = self._weeks.get(self.week, loaded)
        except MkhatsError as error:
            # The file went bad or unreadable under us (another process): say so once, keep showing
            # the last good data, and never write (SPEC §5).
            message = error.render()
            if message != self._last_error:
                self._last_error = message
                self.notify(message, severity="error", timeout=15)
            return
        self._last_error = None
        changed = view.snapshot is not self.snapshot or loaded != self._loaded
        if changed and self._ritual_on:
            from mkhats.ui.ritual_note import done_rituals

            self.rituals_done = done_rituals(self)
        self.snapshot, self.warnings, self._alerts = view.snapshot, view.warnings, view.alerts
        self._loaded = loaded
        self._update_title()
        if changed:
            self.version += 1
        if self._prefetch_timer is not None:
            self._prefetch_timer.stop()
        # Not right after the paint: a key pressed meanwhile would wait for it. Keys held down
        # (auto-repeat) keep putting it off, and each switch then computes its own week.
        self._prefetch_timer = self.set_timer(PREFETCH_DELAY, self._prefetch)

    def watch_week(self) -> None:
        self.reload()

    def shift_week(self, offset: int) -> None:
        """Move the selected week by ``offset`` weeks."""
        self.week = shift_week(self.week, offset)

    def this_week(self) -> None:
        """Back to the week of today."""
        self.week = self.ws.this_week()

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

    def hat_view(self, hat: str) -> HatView:
        """The view model of ``hat``'s tab for the selected week, at the loaded data."""
        return self._weeks.hat(self.week, self._loaded, hat)

    def _update_title(self) -> None:
        # Narrow, the app's name gives way: the week and the warning count must not be cut.
        week = week_title(self.week)
        self.title = week if self._width < NARROW else f"mkhats · {week}"
        parts = []
        wearing = self.snapshot.wearing if self.snapshot else None
        if wearing is not None:
            minutes = max(0, int((utc_instant(self.now()) - wearing.start).total_seconds() // 60))
            parts.append(t("ui.wearing", hat=hat_name(wearing.hat), time=f"{minutes // 60}:{minutes % 60:02d}"))
        parts.append(warnings_text(self.warnings))
        if self.rituals_done:  # after the warnings: a narrow header cuts this, never their count
            from mkhats.present.ritual_text import header_text

            parts.append(header_text(self.rituals_done, short=self._width < NARROW))
        self.sub_title = "   ".join(parts)

    def on_resize(self, event: events.Resize) -> None:
        self._width = event.size.width
        self._update_title()  # the ritual's words are shorter on a narrow screen

    def _ritual_start(self, offered: bool = True) -> None:
        """The week's rituals into the header, and (``offered``) the Monday offer, after the first paint."""
        from mkhats.ui.ritual_note import done_rituals, offer

        self._ritual_on = True
        self.rituals_done = done_rituals(self)
        self._update_title()
        if offered:
            offer(self)

    def _poll(self) -> None:
        """The one poll: another process wrote, so re-read (and the screens watching follow)."""
        try:
            changed = self.ws.fresh_version() != self._loaded
        except MkhatsError:
            return
        if changed:
            self.reload()

    # -- the keys of every screen ----------------------------------------------------------------

    def action_help(self) -> None:
        """Show the keys."""
        from mkhats.ui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        """Quit (``q``, ``ctrl+q``, the palette): a screen holding typing that quitting would lose
        (a ritual step, a grid, the log dialog) first asks or saves, through its ``before_quit``."""
        guarded = next((s for s in reversed(self.screen_stack) if callable(getattr(s, "before_quit", None))), None)
        if guarded is None:
            self.quit_now()
        elif guarded is self.screen:
            guarded.before_quit(self.quit_now)  # type: ignore[attr-defined]
        else:
            # Help, the palette or a question stands over the typing: quitting from there would
            # pass its guard by. Closing what is on top first keeps each guard's one question.
            self.notify(t("ui.quit_close_first"), severity="warning", timeout=6)

    def quit_now(self) -> None:
        """Stop wearing the hat and quit (once, however often ``q`` is pressed meanwhile)."""
        self.run_worker(self._quit(), exclusive=True, group="quit")

    async def _quit(self) -> None:
        if self.snapshot is not None and self.snapshot.wearing is not None:
            from mkhats.services.wear import wear

            run_service(self, lambda ws: wear(ws, None, self.now()))
        for screen in self.screen_stack:  # a ritual open underneath keeps the time spent so far
            keep_time = getattr(screen, "keep_time", None)
            if callable(keep_time):
                keep_time()
        self.exit(0)
