"""The weekly ritual (SPEC §3, issue 16): its steps, what each still leaves to do, and its record.

Monday looks back on last week and plans this one; Friday writes this week's facts and its report.
What a step leaves is read from the data (files waiting, warnings of the review, plans missing),
not only from the steps visited: a plan typed in the log editor outside the ritual counts, and a
step whose work is done elsewhere needs no visit. Pure: the services gather the data.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import field
from datetime import date
from typing import Any, Literal

from pydantic import Field

from mkhats.domain.light_dataclass import light_dataclass
from mkhats.domain.models import Instant, Model, WeekKey, WeeklyLog
from mkhats.domain.weeks import shift_week, week_days

Kind = Literal["monday", "friday"]
MONDAY = ("numbers", "last_week", "decisions", "conflicts", "plan", "deck")
FRIDAY = ("facts", "report")
STEPS: dict[str, tuple[str, ...]] = {"monday": MONDAY, "friday": FRIDAY}
CATEGORY = {
    "numbers": "NUMBERS",
    "last_week": "RITUAL",
    "decisions": "DECISION",
    "conflicts": "CONFLICT",
    "plan": "RITUAL",
    "deck": "DECK",
    "facts": "RITUAL",
    "report": "REPORT",
}
"""The word that starts a step's line in ``mkhats ritual status`` (as categories start ``check``'s)."""
Step = Literal["numbers", "last_week", "decisions", "conflicts", "plan", "deck", "facts", "report"]
MAX_SECONDS = 100 * 3600
"""A ritual's time is kept below this: an upper bound a record can hold, far above any real ritual."""


class Ritual(Model):
    """One run of a week's ritual: where it stands and how long it has taken so far.

    ``seconds`` counts only the time the ritual was open in the app, so a ritual left half done on
    Monday and finished on Tuesday takes the minutes spent on it, not a day.
    """

    week: WeekKey
    kind: Kind
    step: Step
    """The step to resume at."""
    ended: tuple[Step, ...] = ()
    """Steps the user ended (Done), in the order ended."""
    written: tuple[Literal["deck", "report"], ...] = ()
    """Files this run wrote (the deck, the report)."""
    logs_digest: str | None = None
    """The week's logs as they stood when the report was written (``logs_digest``): logs changed
    since make the report, and the deck written with it, out of date."""
    started: Instant
    seconds: int = Field(default=0, ge=0, le=MAX_SECONDS)
    completed: Instant | None = None


@light_dataclass(frozen=True)
class Left:
    """One thing a step still leaves: a catalogue key (``ritual.left.<what>``) and its parameters."""

    what: str
    params: dict[str, Any] = field(default_factory=dict)


@light_dataclass(frozen=True)
class StepState:
    """A step of a ritual and what it still leaves (nothing: the step is done)."""

    step: str
    left: tuple[Left, ...]
    ended: bool = False

    @property
    def category(self) -> str:
        """The word of ``ritual status``'s line."""
        return CATEGORY[self.step]

    @property
    def done(self) -> bool:
        """Nothing is left."""
        return not self.left


@light_dataclass(frozen=True)
class Facts:
    """What the steps are judged on, gathered by the service for one week.

    Attributes:
        inbox: Files waiting in ``inbox/``.
        missing_numbers: ``{hat: [kpi…]}``: measured KPIs without a value in last week.
        review: ``(category, key, hat, week)`` of each warning of the week's review.
        plans_missing: Hats whose plan of the week is empty.
        facts_missing: Hats whose fact, conclusion or action of the week is empty.
        logs_digest: The week's logs now (Friday: a report written before them is out of date).
        looks_back: Last week lies (at least partly) within the file's life; False on the first
            week of a new file, whose Monday has no last week to read, number or put in a deck.
    """

    week: str
    inbox: int = 0
    missing_numbers: dict[str, list[str]] = field(default_factory=dict)
    review: tuple[tuple[str, str, str | None, str | None], ...] = ()
    plans_missing: tuple[str, ...] = ()
    facts_missing: tuple[str, ...] = ()
    looks_back: bool = True
    logs_digest: str = ""


def last_week(week: str) -> str:
    """The week Monday's ritual looks back on (and whose deck it writes)."""
    return shift_week(week, -1)


def steps_of(kind: str) -> tuple[str, ...]:
    """The steps of a ritual, in order."""
    return STEPS[kind]


def _left(step: str, facts: Facts, record: Ritual | None) -> list[Left]:
    ended = set(record.ended) if record is not None else set()
    written = set(record.written) if record is not None else set()
    previous = last_week(facts.week)
    found: list[Left] = []
    if not facts.looks_back and step in ("last_week", "deck"):
        return found
    if step == "numbers":
        if facts.inbox:
            found.append(Left("inbox", {"n": facts.inbox, "count": facts.inbox}))
        for hat, kpis in facts.missing_numbers.items():
            found.append(Left("numbers", {"hat": hat, "week": previous, "n": len(kpis), "count": len(kpis)}))
    elif step == "last_week":
        for category, key, who, of in facts.review:
            if category == "RITUAL" and key == "review.ritual_facts" and of == previous:
                found.append(Left("facts", {"hat": who, "week": previous}))
        if "last_week" not in ended:
            found.append(Left("not_visited", {"week": previous}))
    elif step == "decisions":
        stops = sum(1 for category, *_ in facts.review if category == "STOP")
        budgets = sum(1 for category, *_ in facts.review if category == "BUDGET")
        if stops:
            found.append(Left("stops", {"n": stops, "count": stops}))
        if budgets:
            found.append(Left("budgets", {"n": budgets, "count": budgets}))
    elif step == "conflicts":
        conflicts = sum(1 for category, *_ in facts.review if category == "CONFLICT")
        if conflicts:
            found.append(Left("conflicts", {"n": conflicts, "count": conflicts}))
    elif step == "plan":
        found += [Left("plan", {"hat": hat, "week": facts.week}) for hat in facts.plans_missing]
    elif step == "deck":
        if "deck" not in written:
            found.append(Left("deck", {"week": previous}))
    elif step == "facts":
        found += [Left("facts", {"hat": hat, "week": facts.week}) for hat in facts.facts_missing]
    elif step == "report":
        if not {"deck", "report"} <= written:
            found.append(Left("report", {"week": facts.week}))
        elif record is not None and record.logs_digest not in (None, facts.logs_digest):
            found.append(Left("report_stale", {"week": facts.week}))
    return found


def step_states(kind: str, facts: Facts, record: Ritual | None) -> list[StepState]:
    """Each step of ``kind``'s ritual over ``facts.week``, with what it leaves."""
    ended = set(record.ended) if record is not None else set()
    return [StepState(step, tuple(_left(step, facts, record)), step in ended) for step in steps_of(kind)]


def resume_step(kind: str, states: Sequence[StepState], record: Ritual | None) -> int:
    """The index of the step to open: the one the record stands at, else the first with work left."""
    steps = steps_of(kind)
    if record is not None and record.completed is None and record.step in steps:
        return steps.index(record.step)
    return next((i for i, state in enumerate(states) if not state.done), 0)


def next_open(states: Sequence[StepState], after: int) -> int | None:
    """The first step after index ``after`` with something left, or None."""
    return next((i for i in range(after + 1, len(states)) if not states[i].done), None)


def missing_numbers(
    hats: Iterable[tuple[str, Iterable[str]]], daily: dict[str, dict[date, float]], week: str, today: date
) -> dict[str, list[str]]:
    """``{hat: [kpi…]}``: the measured KPIs (given per hat) without a value on any day of ``week``
    up to ``today`` (a week not begun yet misses nothing)."""
    days = [day for day in week_days(week) if day <= today]
    if not days:
        return {}
    found: dict[str, list[str]] = {}
    for hat, kpis in hats:
        lacking = [k for k in kpis if not any(day in daily.get(k, {}) for day in days)]
        if lacking:
            found[hat] = lacking
    return found


def logs_digest(logs: Iterable[WeeklyLog], hats: Iterable[str]) -> str:
    """A fingerprint of the week's logs of ``hats`` (the enabled ones: the report's sections), each
    hat's plan, fact, conclusion and action; a hat enabled or disabled since changes it too."""
    shown = sorted(hats)
    text = [
        shown,
        sorted((log.hat, log.plan, log.fact, log.conclusion, log.action) for log in logs if log.hat in shown),
    ]
    return hashlib.sha256(repr(text).encode()).hexdigest()[:16]


def trend(records: Iterable[Ritual], weeks: Sequence[str], kind: str = "monday") -> list[int | None]:
    """Minutes a ritual of ``kind`` took in each of ``weeks`` (None: not completed that week)."""
    done = {r.week: r.seconds for r in records if r.kind == kind and r.completed is not None}
    return [-(-done[w] // 60) if w in done else None for w in weeks]  # a minute begun counts
