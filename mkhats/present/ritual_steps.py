"""The words of the ritual's step screens (SPEC §3, the weekly ritual): a week's log and numbers per
hat, the decisions waiting (stop alerts, channels off their budget's pace), the conflicts waiting
for a check. Pure: a snapshot in, strings out; the screens lay them out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from mkhats.domain.models import WeeklyLog
from mkhats.domain.review import ReviewItem, budget_items, review, stop_alerts
from mkhats.domain.snapshot import Snapshot
from mkhats.domain.stoprules import Alert, is_decided
from mkhats.i18n import t
from mkhats.present.cmo_text import format_month
from mkhats.present.labels import format_day, hat_name, kpi_title, pair_name, person_name
from mkhats.present.review_text import describe
from mkhats.present.views import KpiRow, hat_view

DASH = "—"


@dataclass(frozen=True)
class HatWeek:
    """One hat's week as the log steps show it: its log, its KPIs judged, its open checklist items."""

    key: str
    name: str
    log: WeeklyLog | None
    kpis: list[KpiRow] = field(default_factory=list)
    open_items: list[str] = field(default_factory=list)
    week_label: str = ""

    @property
    def facts_missing(self) -> bool:
        """Fact, conclusion or action not written (the RITUAL warning's rule)."""
        log = self.log
        return log is None or not (log.fact.strip() and log.conclusion.strip() and log.action.strip())


def hat_weeks(snapshot: Snapshot) -> list[HatWeek]:
    """Every enabled hat's week (``snapshot.week``), in tab order."""
    found = []
    for hat in snapshot.enabled_hats:
        view = hat_view(snapshot, hat.key)
        items = [line.label for line in view.checklist if not line.row.done]
        found.append(
            HatWeek(hat.key, view.name, snapshot.logs.get((hat.key, snapshot.week)), view.kpis, items, view.week_label)
        )
    return found


def log_text(log: WeeklyLog | None, name: str) -> str:
    """A log field's text, or a dash when it is empty."""
    text = getattr(log, name).strip() if log is not None else ""
    return text or DASH


def kpi_cells(row: KpiRow) -> tuple[str, str, str, str]:
    """A KPI's title, target, value and status (mark and signed deviation) as the step tables show them."""
    return row.title, row.target, row.week, row.status_text


# -- decisions ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DecisionRow:
    """A stop alert or a channel off its budget's pace, with its decision once there is one."""

    id: str
    kind: str
    """``stop`` or ``budget``."""
    sentence: str
    choices: tuple[str, ...]
    decided: str = ""
    """``Decided: stopped — reason``; "" while undecided."""
    alert: Alert | None = None
    hat: str = ""
    month: str = ""


STOP_CHOICES = ("stopped", "rewritten", "kept")
BUDGET_CHOICES = ("cut", "keep", "rebalance")


def _decided(decision: str, reason: str, day: date) -> str:
    return t("ritual.decided", decision=decision, reason=f" — {reason}" if reason else "", day=format_day(day))


def decision_rows(snapshot: Snapshot, keep: set[str] | None = None) -> list[DecisionRow]:
    """The open stop alerts and the channels off pace of the week's review; with ``keep``, also the
    rows of those ids now decided (the screen keeps showing what it decided)."""
    keep = keep or set()
    rows: list[DecisionRow] = []
    open_ids = {_alert_id(i.alert) for i in review(snapshot) if i.category == "STOP" and i.alert is not None}
    for alert in stop_alerts(snapshot):
        row_id = _alert_id(alert)
        if row_id not in open_ids and row_id not in keep:
            continue
        item = ReviewItem("STOP", "high", "review.stop", {"alert": alert, "kpi": snapshot.kpis[alert.kpi]})
        decided = ""
        if row_id not in open_ids:
            found = [d for d in snapshot.decisions if is_decided(alert, [d])]
            if found:
                d = found[-1]
                decided = _decided(t(f"decision.{d.decision}"), d.reason, d.day)
        hat = alert.kpi.split(".")[0]
        rows.append(DecisionRow(row_id, "stop", describe(item, snapshot), STOP_CHOICES, decided, alert, hat))
    for item in budget_items(snapshot):
        row_id = f"budget-{item.hat}-{item.params['month']}"
        decision = item.params["decision"]
        if decision is not None and row_id not in keep:
            continue
        decided = "" if decision is None else _decided(t(f"budget.{decision.decision}"), decision.reason, decision.day)
        sentence = describe(item, snapshot)
        rows.append(
            DecisionRow(row_id, "budget", sentence, BUDGET_CHOICES, decided, None, item.hat or "", item.params["month"])
        )
    return rows


def _alert_id(alert: Alert | None) -> str:
    if alert is None:
        return ""
    return f"stop-{alert.kpi.replace('.', '-')}-{alert.first.isoformat()}"


def choice_label(kind: str, choice: str) -> str:
    """A decision as its button says it."""
    return t(f"ritual.choice.{kind}.{choice}")


def decisions_heading(rows: list[DecisionRow]) -> str:
    """``3 to decide`` or ``All decided``."""
    left = sum(1 for r in rows if not r.decided)
    return t("ritual.decisions.left", n=left, count=left) if left else t("ritual.decisions.all")


def budget_title(hat: str, month: str, snapshot: Snapshot) -> str:
    """``Performance · November 2026``."""
    return f"{hat_name(snapshot.hats.get(hat, hat))} · {format_month(month)}"


# -- conflicts ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ConflictRow:
    """An active conflict without a valid check: what it is and who may check it."""

    id: str
    pair: tuple[str, str]
    sentence: str
    checkers: list[tuple[str, str]]
    """``(label, person)`` for each person who wears neither hat."""
    who: str
    """``Who may check it: Anna (owner)``, or that nobody yet can."""


def conflict_rows(snapshot: Snapshot) -> list[ConflictRow]:
    """The conflicts of the week's review (active, no valid check), each with its possible checkers."""
    rows = []
    for item in review(snapshot):
        if item.category != "CONFLICT" or item.pair is None:
            continue
        pair = item.pair
        wearers = {(snapshot.hats[h].wearer or "").casefold() for h in pair if h in snapshot.hats}
        eligible = [p for p in snapshot.persons.values() if p.name.casefold() not in wearers]
        checkers = [(f"{person_name(p.name)} · {t(f'kind.{p.kind}')}", p.name) for p in eligible]
        names = ", ".join(label for label, _ in checkers)
        who = t("ritual.conflicts.who", names=names) if checkers else t("ritual.conflicts.nobody")
        rows.append(ConflictRow(f"pair-{pair[0]}-{pair[1]}", pair, describe(item, snapshot), checkers, who))
    return rows


def checked_text(pair: tuple[str, str], by: str, day: date, until: date | None, snapshot: Snapshot) -> str:
    """``✓ Checked by Anna on 24 Nov 2026, valid until 30 Nov 2026`` (or that it found problems)."""
    name = pair_name(pair, snapshot.hats)
    if until is None:
        return t("ritual.conflicts.problems", pair=name, by=person_name(by), day=format_day(day))
    return t("ritual.conflicts.checked", pair=name, by=person_name(by), day=format_day(day), until=format_day(until))


def kpi_name(snapshot: Snapshot, key: str) -> str:
    """A KPI's title, or its key when it is gone."""
    kpi = snapshot.kpis.get(key)
    return kpi_title(kpi) if kpi is not None else key
