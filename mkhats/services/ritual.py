"""Use cases of the weekly ritual (issue 16): what each step leaves, and the run's record.

``ritual_state`` reads what the steps are judged on (Monday: the week's review, the inbox, last
week's numbers, this week's plans; Friday: this week's logs only) and says what is left.
``advance`` keeps where a run stands, what it ended and wrote, and the time it took, in one
transaction; the app's stepper calls it on every move, so a run quit anywhere resumes there.
"""

from __future__ import annotations

from datetime import datetime

from mkhats.domain.light_dataclass import light_dataclass
from mkhats.domain.models import Hat, utc_instant
from mkhats.domain.ritual import (
    MAX_SECONDS,
    Facts,
    Ritual,
    StepState,
    last_week,
    logs_digest,
    missing_numbers,
    step_states,
)
from mkhats.domain.weeks import last_weeks, week_days, week_start
from mkhats.errors import InputError
from mkhats.services.workspace import Workspace
from mkhats.store.ritual_records import rituals

KINDS = ("monday", "friday")


@light_dataclass(frozen=True)
class RitualState:
    """A week's ritual of one kind: each step with what it leaves, and the run's record (if any)."""

    week: str
    kind: str
    steps: list[StepState]
    record: Ritual | None
    hats: dict[str, Hat]
    """Every hat, by key (the steps name them)."""

    @property
    def left(self) -> bool:
        """Something is still to do in some step."""
        return any(not s.done for s in self.steps)


def _kind(kind: str) -> str:
    if kind not in KINDS:
        raise InputError("ritual.unknown_kind", kind=kind)
    return kind


def ritual_state(ws: Workspace, week: str | None = None, kind: str = "monday") -> RitualState:
    """What ``week``'s (default: this week's) ritual of ``kind`` leaves, step by step."""
    week = week or ws.this_week()
    week_start(week)
    _kind(kind)
    if kind == "friday":
        facts, record, hats = _friday_facts(ws, week)
    else:
        facts, record, hats = _monday_facts(ws, week)
    return RitualState(week, kind, step_states(kind, facts, record), record, hats)


def _monday_facts(ws: Workspace, week: str) -> tuple[Facts, Ritual | None, dict[str, Hat]]:
    from mkhats.domain.review import review
    from mkhats.services.inbox import inbox_files

    snapshot = ws.snapshot(week)
    measured = [(h.key, [k.key for k in snapshot.hat_kpis(h.key) if k.formula is None]) for h in snapshot.enabled_hats]
    hats = [h.key for h in snapshot.enabled_hats]
    logs = snapshot.logs
    created = snapshot.settings.created
    looks_back = created is None or created <= week_days(last_week(week))[-1]
    facts = Facts(
        week=week,
        inbox=len(inbox_files(ws)),
        missing_numbers=missing_numbers(measured, snapshot.daily, last_week(week), ws.today) if looks_back else {},
        review=tuple((i.category, i.key, i.hat, i.week) for i in review(snapshot)),
        plans_missing=tuple(h for h in hats if not (logs.get((h, week)) and logs[(h, week)].plan.strip())),
        looks_back=looks_back,
    )
    with ws.read() as repo:
        record = rituals(repo).get(week, "monday")
    return facts, record, snapshot.hats


def _friday_facts(ws: Workspace, week: str) -> tuple[Facts, Ritual | None, dict[str, Hat]]:
    with ws.read() as repo:
        every = repo.hats()
        hats = sorted((h for h in every.values() if h.enabled), key=lambda h: h.position)
        logs = repo.logs([week])
        record = rituals(repo).get(week, "friday")
    missing = []
    for hat in hats:
        log = logs.get((hat.key, week))
        if log is None or not (log.fact.strip() and log.conclusion.strip() and log.action.strip()):
            missing.append(hat.key)
    digest = logs_digest(logs.values(), (h.key for h in hats))
    return Facts(week=week, facts_missing=tuple(missing), logs_digest=digest), record, every


def start_ritual(ws: Workspace, week: str, kind: str, now: datetime, step: str) -> Ritual:
    """The run of ``week``'s ritual of ``kind``: the one kept (resumed), or a new one at ``step``."""
    _kind(kind)
    with ws.write(aside=True) as repo:  # where the run stands: not a change to undo
        records = rituals(repo)
        found = records.get(week, kind)
        if found is not None:
            return found
        record = Ritual(week=week, kind=kind, step=step, started=utc_instant(now))
        records.upsert(record)
        return record


def advance(
    ws: Workspace,
    week: str,
    kind: str,
    *,
    at: str | None = None,
    ended: str | None = None,
    written: str | None = None,
    seconds: int = 0,
    completed: datetime | None = None,
) -> Ritual:
    """Record a move of the run: the step it now stands ``at``, a step ``ended``, a file ``written``,
    ``seconds`` more spent on it, and the instant it ``completed``; one transaction."""
    _kind(kind)
    with ws.write(aside=True) as repo:  # where the run stands: not a change to undo
        records = rituals(repo)
        record = records.get(week, kind)
        if record is None:
            raise InputError("ritual.not_started", week=week)
        changes: dict[str, object] = {}
        if record.completed is None:  # the time a completed run took stays what it took
            changes["seconds"] = min(MAX_SECONDS, record.seconds + max(0, seconds))
        if at is not None:
            changes["step"] = at
        if ended is not None and ended not in record.ended:
            changes["ended"] = (*record.ended, ended)
        if written is not None and written not in record.written:
            changes["written"] = (*record.written, written)
        if written == "report":  # the logs the report was written from: a change since dates it
            enabled = (h.key for h in repo.hats().values() if h.enabled)
            changes["logs_digest"] = logs_digest(repo.logs([week]).values(), enabled)
        if completed is not None:
            changes["completed"] = utc_instant(completed)
        record = Ritual(**{**record.model_dump(), **changes})
        records.upsert(record)
        return record


def ritual_trend(ws: Workspace, week: str, weeks: int = 13, kind: str = "monday") -> list[tuple[str, int | None]]:
    """Minutes each completed ritual of ``kind`` took in the ``weeks`` weeks ending with ``week``."""
    from mkhats.domain.ritual import trend

    shown = last_weeks(week, weeks)
    with ws.read() as repo:
        found = rituals(repo).all()
    return list(zip(shown, trend(found, shown, kind), strict=True))


def completed_rituals(ws: Workspace, week: str | None = None) -> list[Ritual]:
    """``week``'s (default: every week's) completed rituals, Monday first: what the header says."""
    with ws.read() as repo:
        found = [r for r in rituals(repo).all() if r.completed is not None and week in (None, r.week)]
    return sorted(found, key=lambda r: (r.week, KINDS.index(r.kind)))
