"""What each screen shows, computed once from a snapshot: rows of text and flags, no widgets.

The app's widgets render these view models as they are, so every figure on screen comes from the
same domain functions as the CLI's report and check.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mkhats.domain.checklist import ChecklistRow, checklist_rows, progress
from mkhats.domain.kpis import period_value
from mkhats.domain.models import WeeklyLog
from mkhats.domain.review import ReviewItem, stop_alerts, week_judgements
from mkhats.domain.running import spark_value
from mkhats.domain.snapshot import Snapshot
from mkhats.domain.stoprules import Alert, is_decided
from mkhats.domain.weeks import last_weeks, shift_week, week_days
from mkhats.i18n import t
from mkhats.present.labels import (
    format_span,
    format_value,
    hat_mission,
    hat_name,
    item_text,
    kpi_title,
    person_name,
    run_text,
    unit_suffix,
    verdict_text,
)

_BARS = "▁▂▃▄▅▆▇█"
SPARK_WEEKS = 13


def sparkline(values: list[float | None]) -> str:
    """Thirteen weekly values as block characters; a week without a value is a space."""
    present = [v for v in values if v is not None]
    if not present:
        return " " * len(values)
    low, high = min(present), max(present)
    span = (high - low) or 1.0
    return "".join(" " if v is None else _BARS[round((v - low) / span * (len(_BARS) - 1))] for v in values)


@dataclass(frozen=True)
class KpiRow:
    """One line of a hat's KPI table."""

    key: str
    title: str
    target: str
    week: str
    prev: str
    spark: str
    partial: bool
    """The week is still running: its value is so far and the sparkline's last cell is a projection."""
    status: str | None
    """``on``, ``off`` or None: the colour."""
    status_text: str
    alert: bool
    formula: bool


@dataclass(frozen=True)
class ChecklistLine:
    """One checklist line: the row, its label and the cadence heading it falls under."""

    row: ChecklistRow
    label: str


@dataclass
class HatView:
    """Everything one hat tab shows for the selected week."""

    key: str
    name: str
    wearer: str
    mission: str
    checklist: list[ChecklistLine] = field(default_factory=list)
    done: int = 0
    total: int = 0
    kpis: list[KpiRow] = field(default_factory=list)
    week_label: str = ""
    """The title of the week column: ``Week``, or ``Week 3/7 d`` while the week runs."""
    log: WeeklyLog | None = None
    alerts: list[Alert] = field(default_factory=list)


def open_alerts_of(snapshot: Snapshot) -> list[Alert]:
    """The undecided stop-rule alerts of the snapshot's window."""
    return [a for a in stop_alerts(snapshot) if not is_decided(a, snapshot.decisions)]


def hat_view(snapshot: Snapshot, hat_key: str, alerts: list[Alert] | None = None) -> HatView:
    """The view of one hat for ``snapshot.week``."""
    hat = snapshot.hats[hat_key]
    alerts = open_alerts_of(snapshot) if alerts is None else alerts
    alerted = {a.kpi for a in alerts}
    weeks = last_weeks(snapshot.week, SPARK_WEEKS)
    kpis = snapshot.hat_kpis(hat_key)
    days = {w: week_days(w) for w in weeks}
    verdicts = week_judgements(snapshot, hat_key)
    # Only this hat's KPIs (and what their formulas need): the other hats are not on screen.
    series = {k.key: {w: period_value(k.key, snapshot.kpis, snapshot.daily, days[w]) for w in weeks[:-1]} for k in kpis}
    currency = snapshot.settings.currency
    prev = shift_week(snapshot.week, -1)
    rows = []
    week_label = t("col.week")
    for kpi in kpis:
        values = series.get(kpi.key, {})
        verdict = verdicts[kpi.key]
        if verdict.partial:
            week_label = t("run.week_col", run=run_text(verdict))
        suffix = unit_suffix(kpi, currency)
        alert = kpi.key in alerted
        rows.append(
            KpiRow(
                key=kpi.key,
                title=f"{kpi_title(kpi)} {suffix}".strip(),
                target=format_value(kpi, kpi.target),
                week=format_value(kpi, verdict.value),
                prev=format_value(kpi, values.get(prev)),
                spark=sparkline([*(values.get(w) for w in weeks[:-1]), spark_value(kpi, verdict)]),
                partial=verdict.partial,
                status=verdict.status,
                status_text=verdict_text(kpi, verdict, alert, so_far=False),  # the column says 3/7 d
                alert=alert,
                formula=kpi.formula is not None,
            )
        )
    lines = [
        ChecklistLine(r, item_text(r.item))
        for r in checklist_rows(snapshot.checklist, snapshot.ticks, hat_key, snapshot.week)
    ]
    done, total = progress([line.row for line in lines])
    return HatView(
        key=hat_key,
        name=hat_name(hat),
        wearer=person_name(hat.wearer),
        mission=hat_mission(hat),
        checklist=lines,
        done=done,
        total=total,
        kpis=rows,
        week_label=week_label,
        log=snapshot.logs.get((hat_key, snapshot.week)),
        alerts=[a for a in alerts if a.kpi.startswith(hat_key + ".")],
    )


def week_title(week: str) -> str:
    """``2026-W48 · 23–29 Nov 2026``."""
    days = week_days(week)
    return f"{week} · {format_span(days[0], days[-1])}"


def warnings_text(items: list[ReviewItem]) -> str:
    """``⚠ 6 warnings`` (or the catalogue's "no warnings")."""
    if not items:
        return t("ui.no_warnings")
    return "⚠ " + t("ui.warnings", n=len(items), count=len(items))
