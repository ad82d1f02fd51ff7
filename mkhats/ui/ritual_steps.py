"""What each step of the ritual opens (issue 16): the step screens, the import, the grid, the deck.

The four step screens (last week, decisions, conflicts, the logs) are standalone screens that
dismiss True when the user ends the step. The numbers step opens the import screen while files
wait in the inbox, then the week grid of each hat lacking last week's numbers; the deck and the
report steps write their files here and end at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from mkhats.domain.ritual import last_week
from mkhats.domain.safe_text import terminal_line
from mkhats.i18n import t
from mkhats.services.ritual import ritual_state
from mkhats.ui.access import run_service

if TYPE_CHECKING:
    from mkhats.ui.screens.ritual import RitualScreen

Then = Callable[[bool], None]


class StepRunner:
    """Opens a step of ``stepper``'s ritual and calls back with whether the user ended it."""

    def __init__(self, stepper: RitualScreen) -> None:
        self.stepper = stepper

    def run(self, step: str, then: Then) -> None:
        """Open ``step``; ``then(True)`` once it is ended, ``then(False)`` when the user left it."""
        getattr(self, f"_{step}")(then)

    @property
    def _week(self) -> str:
        return self.stepper.week

    def _push(self, screen: Any, then: Then) -> None:
        self.stepper.app.push_screen(screen, lambda result: then(bool(result)))

    # -- Monday ----------------------------------------------------------------------------------

    def _numbers(self, then: Then) -> None:
        """Files waiting first (the import screen), then each hat's grid of last week, one by one."""
        done = run_service(self.stepper, lambda ws: ritual_state(ws, self._week, "monday"))
        if done is None:
            then(False)
            return
        left = next(s for s in done.value.steps if s.step == "numbers").left
        if not left:
            self.stepper.say(t("ritual.numbers_none", week=last_week(self._week)))
            then(True)
            return
        if any(x.what == "inbox" for x in left):
            from mkhats.ui.screens.import_screen import ImportScreen

            self._push(ImportScreen(), lambda imported: self._numbers(then) if imported else then(False))
            return
        hats = [x.params["hat"] for x in left if x.what == "numbers"]
        self._grids(hats, then)

    def _grids(self, hats: list[str], then: Then) -> None:
        from mkhats.ui.screens.week_entry import WeekEntryScreen

        if not hats:
            then(True)
            return
        screen = WeekEntryScreen(hats[0], last_week(self._week))
        self.stepper.app.push_screen(screen, lambda saved: self._grids(hats[1:], then) if saved else then(False))

    def _last_week(self, then: Then) -> None:
        from mkhats.ui.screens.ritual_last_week import LastWeekScreen

        self._push(LastWeekScreen(last_week(self._week), self.stepper.progress_line()), then)

    def _decisions(self, then: Then) -> None:
        from mkhats.ui.screens.ritual_decisions import DecisionsScreen

        self._push(DecisionsScreen(self._week, self.stepper.progress_line()), then)

    def _conflicts(self, then: Then) -> None:
        from mkhats.ui.screens.ritual_conflicts import ConflictsScreen

        self._push(ConflictsScreen(self._week, self.stepper.progress_line()), then)

    def _plan(self, then: Then) -> None:
        from mkhats.ui.screens.ritual_logs import LogsScreen

        self._push(LogsScreen(self._week, "plan", self.stepper.progress_line()), then)

    def _deck(self, then: Then) -> None:
        """Write last week's deck (``decks/``), say where, and offer to open it (``o``)."""
        from mkhats.services.deck import write_deck

        week = last_week(self._week)
        done = run_service(self.stepper, lambda ws: write_deck(ws, week))
        if done is None:
            then(False)
            return
        self._written("deck", done.value, t("ritual.deck_written", week=week, file=str(done.value)))
        then(True)

    # -- Friday ----------------------------------------------------------------------------------

    def _facts(self, then: Then) -> None:
        from mkhats.ui.screens.ritual_logs import LogsScreen

        self._push(LogsScreen(self._week, "facts", self.stepper.progress_line()), then)

    def _report(self, then: Then) -> None:
        """Write the week's report (``reports/``) and deck (``decks/``); offer to open the deck."""
        from mkhats.services.app_files import write_report
        from mkhats.services.deck import write_deck

        week = self._week
        report = run_service(self.stepper, lambda ws: write_report(ws, week))
        if report is None:
            then(False)
            return
        self.stepper.record(written="report")
        note = t("ritual.report_written", week=week, file=str(report.value))
        self.stepper.app.notify(terminal_line(note), markup=False, timeout=12)
        deck = run_service(self.stepper, lambda ws: write_deck(ws, week))
        if deck is None:
            then(False)
            return
        self._written("deck", deck.value, t("ritual.deck_written", week=week, file=str(deck.value)))
        then(True)

    def _written(self, what: str, path: Any, sentence: str) -> None:
        """The deck is written: recorded, announced, and ``o`` opens it."""
        self.stepper.record(written=what)
        self.stepper.opened = path
        self.stepper.refresh_bindings()
        app = self.stepper.app
        app.notify(terminal_line(sentence) + " · " + t("ritual.open_hint"), markup=False, timeout=12)
