"""Use cases of hypotheses: create one, record its verdict, list a hat's with their uplift."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mkhats.domain.hypotheses import (
    HYPOTHESIS_VERDICTS,
    Hypothesis,
    Uplift,
    is_open,
    measure,
    next_id,
)
from mkhats.domain.invalid import InvalidRecord
from mkhats.domain.models import Kpi, revised
from mkhats.errors import InputError
from mkhats.i18n import t
from mkhats.present.cmo_text import hypothesis_verdict_text, short_span, signed_percent
from mkhats.present.labels import format_with_unit, hat_name, kpi_title
from mkhats.services.workspace import Workspace

MAX_WINDOW_DAYS = 366
"""A window longer than a year is a typo."""


@dataclass(frozen=True)
class HypothesisDraft:
    """What the form holds: the statement, the KPI and the two windows."""

    statement: str
    kpi: str
    baseline_first: date
    baseline_last: date
    test_first: date
    test_last: date


def add_hypothesis(ws: Workspace, hat: str, draft: HypothesisDraft) -> Hypothesis:
    """Record a new hypothesis of ``hat``.

    Raises:
        InputError: ``hypothesis.statement_empty``, ``hypothesis.statement_long``,
            ``hypothesis.kpi_unknown``, ``hypothesis.baseline_order``, ``hypothesis.test_order``,
            ``hypothesis.overlap``, ``hypothesis.window_long`` or ``hat.unknown``.
    """
    statement = " ".join((draft.statement or "").split())
    if not statement:
        raise InputError("hypothesis.statement_empty")
    if len(statement) > 500:
        raise InputError("hypothesis.statement_long", limit=500)
    if draft.baseline_last < draft.baseline_first:
        raise InputError("hypothesis.baseline_order")
    if draft.test_last < draft.test_first:
        raise InputError("hypothesis.test_order")
    if draft.test_first <= draft.baseline_last:
        raise InputError("hypothesis.overlap")
    for first, last in ((draft.baseline_first, draft.baseline_last), (draft.test_first, draft.test_last)):
        if (last - first).days >= MAX_WINDOW_DAYS:
            raise InputError("hypothesis.window_long", days=MAX_WINDOW_DAYS)
    with ws.write() as repo:
        hats = repo.hats()
        if hat not in hats:
            raise InputError("hat.unknown", hat=hat, hats=", ".join(hats))
        kpi = repo.kpis().get(draft.kpi or "")
        if kpi is None or kpi.retired:
            raise InputError("hypothesis.kpi_unknown", kpi=draft.kpi or "")
        existing = repo.hypotheses()
        try:
            record = Hypothesis(
                id=next_id(existing),
                hat=hat,
                statement=statement,
                kpi=kpi.key,
                baseline_first=draft.baseline_first,
                baseline_last=draft.baseline_last,
                test_first=draft.test_first,
                test_last=draft.test_last,
                created=ws.today,
            )
        except InvalidRecord as error:
            if error.field != "statement":
                raise
            raise InputError("hypothesis.statement_long", limit=500) from None
        repo.upsert_hypothesis(record)
        return record


def set_verdict(ws: Workspace, hypothesis_id: str, verdict: str | None) -> Hypothesis:
    """Record (or clear, with None) the verdict of a hypothesis.

    Raises:
        InputError: ``hypothesis.unknown`` or ``hypothesis.verdict_unknown``.
    """
    if verdict is not None and verdict not in HYPOTHESIS_VERDICTS:
        raise InputError("hypothesis.verdict_unknown", verdict=verdict, verdicts=", ".join(HYPOTHESIS_VERDICTS))
    with ws.write() as repo:
        found = next((h for h in repo.hypotheses() if h.id == hypothesis_id), None)
        if found is None:
            raise InputError("hypothesis.unknown", id=hypothesis_id)
        updated = revised(found, verdict=verdict)
        repo.upsert_hypothesis(updated)
        return updated


@dataclass(frozen=True)
class HypothesisRow:
    """One line of a hat's hypotheses, as text, with the record and its numbers."""

    hypothesis: Hypothesis
    result: Uplift
    kpi: str
    baseline: str
    test: str
    before: str
    after: str
    uplift: str
    verdict: str
    open: bool
    """The test is over and no verdict is recorded: the review asks for one."""
    uplift_good: bool | None = None
    """Whether the uplift moved the KPI its good way (up for ``up``, down for ``down``); None: no uplift."""


def uplift_good(kpi: Kpi | None, uplift: float | None) -> bool | None:
    """Whether an uplift is good for the KPI: a rise of an ``up`` KPI, a fall of a ``down`` one."""
    if kpi is None or uplift is None or uplift == 0:
        return None
    return (uplift > 0) == (kpi.direction == "up")


def hypothesis_rows(ws: Workspace, hat: str) -> list[HypothesisRow]:
    """The hat's hypotheses, newest first, each measured on exactly the values of its windows."""
    with ws.read() as repo:
        found = [h for h in repo.hypotheses() if h.hat == hat]
        kpis, hats, settings = repo.kpis(), repo.hats(), repo.settings()
        daily = {}
        if found:
            first = min(h.baseline_first for h in found)
            last = max(h.test_last for h in found)
            daily = repo.daily(first, min(last, ws.today))
    rows = []
    for h in sorted(found, key=lambda h: (h.created, h.id), reverse=True):
        result = measure(h, kpis, daily, ws.today)
        kpi = kpis.get(h.kpi)
        owner = hats.get(kpi.hat) if kpi else None

        def fmt(value: float | None, kpi: Kpi | None = kpi) -> str:
            return format_with_unit(kpi, value, settings.currency) if kpi else "—"

        base, test = short_span(h.baseline_first, h.baseline_last), short_span(h.test_first, h.test_last)
        verdict = hypothesis_verdict_text(h.verdict)
        if h.verdict is None and h.test_last >= ws.today:
            verdict = t("cmo.hyp.running")
        title = h.kpi
        if kpi is not None:  # the hat's own KPI by its title; another hat's with the hat's name
            title = kpi_title(kpi) if kpi.hat == hat else f"{hat_name(owner or kpi.hat)} {kpi_title(kpi)}"
        rows.append(
            HypothesisRow(
                h,
                result,
                title,
                base,
                test,
                fmt(result.baseline),
                fmt(result.test),
                signed_percent(result.uplift),
                verdict,
                is_open(h, ws.today),
                uplift_good(kpi, result.uplift),
            )
        )
    return rows
