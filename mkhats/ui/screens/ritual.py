"""The weekly ritual's stepper (``M`` Monday, ``F`` Friday; issue 16): one step after another.

The stepper lists the ritual's steps with what each still leaves (read from the data, so work
done elsewhere counts) and opens them one by one: a step's screen (``ui.ritual_steps``) dismisses
True when the user ends it, and the stepper goes straight on to the next step with something left;
False (``escape``) brings the list back. ``n`` skips a step, ``b`` goes back one, ``escape``
closes the stepper: the run's record keeps the step it stands at, so the next ``M`` resumes there.
Time is kept while the stepper is open (each stretch capped, see ``IDLE_CAP``); when the last step
ends with nothing left the run is complete and the header says how long it took.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from mkhats.domain.models import utc_instant
from mkhats.domain.ritual import next_open, resume_step, steps_of
from mkhats.domain.safe_text import terminal_line
from mkhats.i18n import t
from mkhats.present.ritual_text import minutes_text, progress, state_text, step_name
from mkhats.services.ritual import RitualState, advance, ritual_state, start_ritual
from mkhats.ui.access import mkhats_app, run_service
from mkhats.ui.keys import KeyLabels, key_binding
from mkhats.ui.ritual_steps import StepRunner
from mkhats.ui.screens.form import FORMS_CSS
from mkhats.ui.widgets.footer import KeyFooter
from mkhats.ui.widgets.title_bar import ScreenHeader

IDLE_CAP = 30 * 60
"""Seconds one stretch between two moves may count at most: a stepper left open over lunch (or
overnight) adds half an hour, not the afternoon."""


class RitualScreen(KeyLabels, Screen[None]):
    """The steps of the selected week's ritual of ``kind``, opened one after another."""

    CSS_PATH = FORMS_CSS
    DEFAULT_CSS = """
    RitualScreen #ritual-head { padding: 0 1; }
    RitualScreen #ritual-steps { height: auto; max-height: 1fr; margin: 1 1 0 1; }
    RitualScreen #ritual-note { padding: 1 1 0 1; }
    RitualScreen #ritual-hint { padding: 0 1; color: $text-muted; }
    """
    BINDINGS = [
        key_binding("enter", "open", "ritual.key.open", id="ritual.open"),
        key_binding("n", "skip", "ritual.key.skip", id="ritual.skip"),
        key_binding("b", "back_step", "ritual.key.back", id="ritual.back"),
        key_binding("o", "open_file", "ritual.open_deck", id="ritual.open_file"),
        key_binding("escape", "close", "ritual.key.close", id="ritual.close"),
    ]

    def __init__(self, kind: str = "monday") -> None:
        super().__init__(id=f"ritual-{kind}")
        self.kind = kind
        self.week = ""
        self.state: RitualState | None = None
        self.index = 0
        """The step the run stands at."""
        self.note = ""
        """The last sentence shown under the list (for tests)."""
        self.opened: Path | None = None
        """The file the last deck or report step wrote (``o`` opens it)."""
        self._since = 0.0
        self._runner = StepRunner(self)

    def compose(self) -> ComposeResult:
        yield ScreenHeader()
        yield Static(id="ritual-head")
        yield OptionList(id="ritual-steps")
        yield Static(id="ritual-note")
        yield Static(t("ritual.hint"), id="ritual-hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        app = mkhats_app(self)
        app.clear_notifications()  # the offer to start it (and the inbox's notice: a step of its own)
        self.week = app.week
        self._since = self._clock()
        state = self._read()
        if state is None:
            self.dismiss(None)
            return
        self.index = resume_step(self.kind, state.steps, state.record)
        if state.record is None:
            step = steps_of(self.kind)[self.index]
            run_service(self, lambda ws: start_ritual(ws, self.week, self.kind, app.now(), step))
            self._read()
        self._show()
        self.query_one("#ritual-steps", OptionList).focus()
        self.watch(app, "version", self._follow, init=False)

    def _follow(self) -> None:
        """The data changed (another window, the command line): the list says what is left now."""
        if self.is_current and self._read() is not None:
            self._show()

    # -- the run ---------------------------------------------------------------------------------

    def _clock(self) -> float:
        return utc_instant(mkhats_app(self).now()).timestamp()

    def _spent(self) -> int:
        """Seconds since the last move (capped), and the clock restarted."""
        now = self._clock()
        spent = int(min(IDLE_CAP, max(0.0, now - self._since)))
        self._since = now
        return spent

    def _read(self) -> RitualState | None:
        done = run_service(self, lambda ws: ritual_state(ws, self.week, self.kind))
        if done is not None:
            self.state = done.value
        return None if done is None else done.value

    def record(
        self,
        *,
        at: str | None = None,
        ended: str | None = None,
        written: str | None = None,
        completed: datetime | None = None,
    ) -> None:
        """Keep a move in the run's record (``services.ritual.advance``), with the time spent since
        the last one."""
        spent = self._spent()
        run_service(
            self,
            lambda ws: advance(
                ws, self.week, self.kind, at=at, ended=ended, written=written, seconds=spent, completed=completed
            ),
        )

    @property
    def step(self) -> str:
        """The name of the step the run stands at."""
        return steps_of(self.kind)[self.index]

    def progress_line(self, index: int | None = None) -> str:
        """``Monday ritual · 3/6 · Decisions``: the top line of a step's screen."""
        at = self.index if index is None else index
        steps = steps_of(self.kind)
        return progress(self.kind, at, len(steps), steps[at])

    def _show(self) -> None:
        state = self.state
        if state is None:
            return
        seconds = state.record.seconds if state.record is not None else 0
        head = Text(t("cli.ritual.title", ritual=t(f"ritual.kind.{self.kind}"), week=self.week), style="bold")
        head.append("   " + t("ritual.time", time=minutes_text(seconds)), style="dim")
        self.query_one("#ritual-head", Static).update(head)
        listing = self.query_one("#ritual-steps", OptionList)
        listing.clear_options()
        total = len(state.steps)
        hats = state.hats
        for i, s in enumerate(state.steps):
            mark = t("ritual.mark.here") if i == self.index else t("ritual.mark.done" if s.done else "ritual.mark.left")
            line = Text(f"{mark} {i + 1}/{total} ", style="bold" if i == self.index else "")
            line.append(step_name(s.step), style="bold")
            # what a step leaves quotes hat names: shown literally, on one line
            line.append(" — " + terminal_line(state_text(s, hats)), style="green" if s.done else "dark_orange")
            listing.add_option(Option(line, id=f"step-{s.step}"))
        listing.highlighted = self.index
        self.query_one("#ritual-note", Static).update(Text(self.note))

    def say(self, text: str) -> None:
        """Show one sentence under the list."""
        self.note = terminal_line(text)
        self.query_one("#ritual-note", Static).update(Text(self.note))

    # -- moves -----------------------------------------------------------------------------------

    def action_open(self) -> None:
        """Open the highlighted step."""
        listing = self.query_one("#ritual-steps", OptionList)
        if listing.highlighted is not None:
            self.go(listing.highlighted)

    @on(OptionList.OptionSelected, "#ritual-steps")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.go(event.option_index)

    def go(self, index: int) -> None:
        """Stand at step ``index`` and open it."""
        self.index = index
        self.record(at=self.step)
        self._read()
        self._show()
        self._runner.run(self.step, self._ended)

    def _ended(self, ended: bool) -> None:
        """A step's screen closed: ended (go on to the next step left), or left (back to the list)."""
        if not ended:
            self.record(at=self.step)
            self._after()
            return
        self.record(ended=self.step)
        state = self._read()
        if state is None:
            return
        following = next_open(state.steps, self.index)
        if following is not None:
            self.go(following)
            return
        self._finish()

    def _finish(self) -> None:
        """The last step ended: complete when nothing is left, else say what is and stand there."""
        state = self._read()
        if state is None:
            return
        left = next((i for i, s in enumerate(state.steps) if not s.done), None)
        if left is None:
            self.record(completed=mkhats_app(self).now())
            state = self._read()
            seconds = state.record.seconds if state is not None and state.record is not None else 0
            self.say(
                t("ritual.completed", time=minutes_text(seconds), ritual=t(f"ritual.kind.{self.kind}"), week=self.week)
            )
        else:
            self.index = left
            self.record(at=self.step)
            s = state.steps[left]
            self.say(t("ritual.still_left", step=step_name(s.step), left=state_text(s, state.hats)))
        self._after()

    def _after(self) -> None:
        self._read()
        self._show()
        mkhats_app(self).reload()  # the header and the tabs show what the steps saved

    def action_skip(self) -> None:
        """Stand at the next step without ending this one."""
        if self.index + 1 < len(steps_of(self.kind)):
            self.index += 1
            self.record(at=self.step)
            self._read()
            self._show()

    def action_back_step(self) -> None:
        """Stand at the step before."""
        if self.index > 0:
            self.index -= 1
            self.record(at=self.step)
            self._read()
            self._show()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``o`` is offered (and in the footer) once a step has written the deck."""
        return self.opened is not None if action == "open_file" else True

    def action_open_file(self) -> None:
        """Open the deck a step wrote, in the system's viewer; say so, with where it lies, since a
        terminal without a browser shows nothing else."""
        if self.opened is not None:
            self.app.notify(t("ritual.opening", file=str(self.opened)), markup=False, timeout=8)
            self.app.open_url(self.opened.resolve().as_uri())

    def keep_time(self) -> None:
        """The app quits: keep the time spent since the last move (and the step it stands at)."""
        self.record(at=self.step)

    def action_close(self) -> None:
        """Close the stepper; the run keeps its step and time, and resumes there next time."""
        self.record(at=self.step)
        mkhats_app(self).reload()
        self.dismiss(None)
