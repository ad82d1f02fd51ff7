"""What the KPI detail screen shows, computed from a snapshot: chart data, value rows, the rule form.

The screen draws these view models as they are; every number comes from the same domain functions
as the main screen and the review (weekly and daily values, stop-rule streaks, status). The one
read here, ``value_notes``, fetches the notes the snapshot does not carry.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from mkhats.domain.formula import formula_refs
from mkhats.domain.kpis import daily_values, deviation, status, weekly_values
from mkhats.domain.labels import (
    action_text,
    condition_text,
    format_day,
    format_number,
    format_span,
    format_value,
    format_with_unit,
    hat_name,
    kpi_title,
    unit_suffix,
    weekday_name,
)
from mkhats.domain.models import Kpi
from mkhats.domain.review import stop_alerts
from mkhats.domain.snapshot import Snapshot
from mkhats.domain.stoprules import Alert, format_guard, is_decided
from mkhats.domain.weeks import add_days, last_weeks, shift_week, week_start
from mkhats.errors import MkhatsError
from mkhats.i18n import t
from mkhats.services import Workspace
from mkhats.services.setup import KpiChange

CHART_WEEKS = 13
"""The chart and the value list cover the 13 weeks ending with the selected week."""
DAILY_WEEKS = 4
"""Daily points are drawn for the last 4 weeks only: 91 points would blur into the weekly line."""


@dataclass(frozen=True)
class Line:
    """One series of the chart: x are day offsets from the window's first day."""

    label: str
    x: list[float]
    y: list[float]
    right: bool = False
    """Drawn against the right-hand (daily) axis."""


@dataclass(frozen=True)
class Axis:
    """Tick positions and their labels for one y axis."""

    ticks: list[float]
    labels: list[str]
    title: str


@dataclass
class ChartData:
    """Everything the chart draws; ``empty`` means there is nothing to draw."""

    weekly: list[Line] = field(default_factory=list)
    """The weekly line, split where a week has no value."""
    daily: Line | None = None
    target: Line | None = None
    threshold: Line | None = None
    x_ticks: list[float] = field(default_factory=list)
    x_labels: list[str] = field(default_factory=list)
    x_title: str = ""
    x_max: float = 0
    left: Axis | None = None
    right: Axis | None = None
    """Only when daily values live on another scale than weekly ones (a summed KPI)."""
    empty: bool = True


@dataclass(frozen=True)
class ValueRow:
    """One day of the value list, newest first."""

    day: date
    date_text: str
    value: float
    value_text: str
    typed: str
    """The value as typed back into a form (no grouping: it parses in any language)."""
    note: str
    in_alert: bool
    """The day belongs to a streak that fired the stop rule."""


@dataclass(frozen=True)
class RuleForm:
    """The texts of the target and stop-rule form (as typed, or as prefilled)."""

    target: str = ""
    condition: str = ""
    guard: str = ""
    action: str = ""


@dataclass
class KpiDetail:
    """Everything the KPI detail screen shows for the selected week."""

    key: str
    title: str
    hat: str
    summary: list[tuple[str, str, str]]
    """``(label, value, style)`` facts for the heading line."""
    formula: str | None
    """The formula line (``spend / sales`` and what it is computed from), or None when measured."""
    editable: bool
    chart: ChartData
    values: list[ValueRow]
    form: RuleForm
    rule: str
    alerts: list[str]
    window: str


def value_notes(ws: Workspace, key: str, first: date, last: date) -> dict[date, str]:
    """The notes of a KPI's values from ``first`` to ``last`` (days without a note are left out)."""
    with ws.read() as repo:
        return {v.day: v.note for v in repo.values(first, last) if v.kpi == key and v.note}


def _plain(value: float | None) -> str:
    """A number as typed back into a form: no grouping, no trailing ``.0``, parseable in any language."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(value)


def rule_form(kpi: Kpi) -> RuleForm:
    """The form prefilled from the KPI, in forms ``set_kpi`` reads back (``> 1500 3 дня подряд``)."""
    rule = kpi.stop
    return RuleForm(
        target=_plain(kpi.target),
        condition=condition_text(rule) if rule else "",
        guard=format_guard(rule.guard) if rule and rule.guard else "",
        action=action_text(rule) if rule else "",
    )


def rule_change(before: RuleForm, typed: RuleForm) -> KpiChange | None:
    """What to ask ``set_kpi`` for: only the fields the user changed (None: nothing changed).

    A shipped action is prefilled in the user's language; sending it back unchanged would store
    that text instead of its catalogue key, so unchanged fields are left out. Clearing the
    condition removes the rule with its guard and action, so those are not sent either.
    """

    def changed(name: str) -> str | None:
        value = getattr(typed, name).strip()
        return value if value != getattr(before, name).strip() else None

    change = {name: changed(name) for name in ("target", "condition", "guard", "action")}
    if change["condition"] is not None and change["condition"].lower() in ("", "none", "-", "нет"):
        change["guard"] = change["action"] = None
    if all(v is None for v in change.values()):
        return None
    return KpiChange(target=change["target"], stop=change["condition"], guard=change["guard"], action=change["action"])


_UI_KEYS = {
    "kpi.guard_without_rule": "detail.error.guard_without_rule",
    "kpi.action_without_rule": "detail.error.action_without_rule",
}
_FIELDS = {
    "--target": "detail.form.target",
    "--stop": "detail.form.condition",
    "--guard": "detail.form.guard",
    "value": "detail.col.value",
    "threshold": "detail.form.condition",
}


def error_text(error: MkhatsError) -> str:
    """An error in the words of the screen (the CLI's messages name its options, e.g. ``--stop``)."""
    if error.key in _UI_KEYS:
        return t(_UI_KEYS[error.key], **error.params)
    if error.key.startswith("error.number") and error.params.get("field") in _FIELDS:
        return t(error.key, **{**error.params, "field": t(_FIELDS[error.params["field"]])})
    return error.render()


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """About ``count`` round tick values covering ``low``..``high`` (steps of 1, 2, 2.5 or 5 × 10ⁿ)."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return []
    if high < low:
        low, high = high, low
    if high == low:
        pad = abs(high) * 0.1 or 1.0
        low, high = low - pad, high + pad
    raw = (high - low) / max(1, count - 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw * 0.999)
    first = math.floor(low / step) * step
    ticks, value = [], first
    while value <= high + step * 0.999 and len(ticks) < count + 3:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _axis(values: list[float], title: str) -> Axis | None:
    if not values:
        return None
    ticks = nice_ticks(min(values), max(values))
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    # As many decimals as the step needs: 0, 50, 100 rather than 0.00, 50.00, 100.00.
    decimals = max(0, -math.floor(math.log10(step) + 1e-9)) if step < 1 else 0
    if decimals == 0 and any(not float(v).is_integer() for v in ticks):
        decimals = 1
    return Axis(ticks, [format_number(v, decimals) for v in ticks], title)


def _segments(x: list[float], y: list[float | None], label: str) -> list[Line]:
    """The weekly line split where a week has no value (plotext cannot draw gaps)."""
    lines, xs, ys = [], [], []
    for xv, yv in [*zip(x, y), (None, None)]:
        if yv is None:
            if xs:
                lines.append(Line(label if not lines else "", xs, ys))
            xs, ys = [], []
        else:
            xs.append(xv)
            ys.append(yv)
    return lines


def _chart(kpi: Kpi, weeks: list[str], weekly: dict[str, float | None], daily: dict[date, float]) -> ChartData:
    first = week_start(weeks[0])
    shared = kpi.formula is not None or kpi.aggregate != "sum"
    x_week = [(week_start(w) - first).days + 3 for w in weeks]  # Thursday: the middle of the week
    y_week = [weekly.get(w) for w in weeks]
    daily_first = week_start(weeks[-DAILY_WEEKS])
    recent = sorted((d, v) for d, v in daily.items() if d >= daily_first)
    chart = ChartData(
        weekly=_segments(x_week, y_week, t("detail.chart.weekly")),
        x_ticks=[float((week_start(w) - first).days) for w in weeks],
        x_labels=[w.split("-")[1] for w in weeks],
        x_title=format_span(first, add_days(week_start(weeks[-1]), 6)),
        x_max=float(len(weeks) * 7 - 1),
    )
    if recent:
        chart.daily = Line(
            t("detail.chart.daily"),
            [float((d - first).days) for d, _ in recent],
            [v for _, v in recent],
            right=not shared,
        )
    chart.empty = not chart.weekly and chart.daily is None
    if chart.empty:
        return chart
    span = [0.0, chart.x_max]
    rule = kpi.stop
    left_values = [v for v in y_week if v is not None]
    right_values = [v for _, v in recent]
    if kpi.target is not None:
        label = t("detail.chart.target", value=format_value(kpi, kpi.target))
        chart.target = Line(label, span, [kpi.target] * 2)
        left_values.append(kpi.target)
    if rule is not None and rule.threshold is not None:
        label = t("detail.chart.threshold", value=format_value(kpi, rule.threshold))
        chart.threshold = Line(label, span, [rule.threshold] * 2, right=not shared)
        right_values.append(rule.threshold)
    if shared:
        chart.left = _axis(left_values + right_values, "")
    else:
        chart.left = _axis(left_values, t("detail.chart.per_week"))
        chart.right = _axis(right_values, t("detail.chart.per_day"))
    return chart


def _date_text(day: date) -> str:
    return f"{day.isoformat()} {weekday_name(day)}"


def _summary(snapshot: Snapshot, kpi: Kpi, weekly: dict[str, float | None]) -> list[tuple[str, str, str]]:
    currency = snapshot.settings.currency
    value = weekly.get(snapshot.week)
    prev = weekly.get(shift_week(snapshot.week, -1))
    state = status(kpi, value)
    facts = [(t("detail.summary.week", week=snapshot.week), format_with_unit(kpi, value, currency), "bold")]
    facts.append((t("detail.summary.prev"), format_with_unit(kpi, prev, currency), ""))
    facts.append((t("detail.summary.target"), format_with_unit(kpi, kpi.target, currency), ""))
    if state is not None:
        gap = deviation(kpi, value)
        text = t(f"detail.status.{state}")
        if state == "off" and gap is not None:
            text += f" {'+' if gap >= 0 else '−'}{format_number(abs(gap), 0)} %"
        facts.append((t("detail.summary.status"), text, "green" if state == "on" else "red"))
    facts.append((t("detail.summary.direction"), t(f"direction.{kpi.direction}"), "dim"))
    return facts


def _formula_text(snapshot: Snapshot, kpi: Kpi) -> str | None:
    if kpi.formula is None:
        return None
    try:
        refs = formula_refs(kpi.formula, kpi.hat)
    except MkhatsError:
        refs = frozenset()
    text = kpi.formula

    def position(ref: str) -> int:
        return text.find(ref) if ref in text else text.find(ref.split(".")[1])

    # In the order they appear in the formula: "spend / sales" reads "Spend, Sales".
    ordered = sorted(refs, key=lambda r: (position(r), r))
    names = ", ".join(kpi_title(snapshot.kpis[r]) if r in snapshot.kpis else r for r in ordered)
    return t("detail.values.formula", formula=kpi.formula, operands=names or "—")


def _rule_text(snapshot: Snapshot, kpi: Kpi) -> str:
    rule = kpi.stop
    if rule is None:
        return t("detail.rule.none")
    text = t("detail.rule.text", condition=condition_text(rule), action=action_text(rule) or "—")
    if rule.guard is not None:
        guard = rule.guard
        kpis = snapshot.kpis
        guard_kpi = kpis.get(f"{kpi.hat}.{guard.kpi}")
        name = kpi_title(guard_kpi) if guard_kpi else guard.kpi
        threshold = "?" if guard.threshold is None else format_value(guard_kpi or kpi, guard.threshold)
        text += " " + t("detail.rule.guard", kpi=name, op=guard.op, threshold=threshold)
    if rule.threshold is None:
        text += "\n" + t("detail.rule.unset")
    return text


def _alert_text(snapshot: Snapshot, kpi: Kpi, alert: Alert) -> str:
    currency = snapshot.settings.currency
    values = ", ".join(format_with_unit(kpi, v, currency) for _, v in alert.values)
    action = action_text(alert.rule) or "—"
    return t("detail.alert", span=format_span(alert.first, alert.last), values=values, action=action)


def detail_view(snapshot: Snapshot, key: str, notes: dict[date, str] | None = None) -> KpiDetail:
    """The detail of KPI ``key`` for ``snapshot.week`` over the 13 weeks ending with it.

    Args:
        snapshot: A snapshot of the selected week (its window must cover the 13 weeks).
        key: The KPI's full key.
        notes: The notes of its values by day (``value_notes``), if any.
    """
    kpi = snapshot.kpis[key]
    notes = notes or {}
    weeks = last_weeks(snapshot.week, CHART_WEEKS)
    first, last = week_start(weeks[0]), add_days(week_start(weeks[-1]), 6)
    days = [add_days(first, i) for i in range((last - first).days + 1)]
    weekly = weekly_values(snapshot.kpis, snapshot.daily, weeks)[key]
    daily = daily_values(key, snapshot.kpis, snapshot.daily, days)
    alerts = [a for a in stop_alerts(snapshot) if a.kpi == key]
    alerted = {d for a in alerts for d, _ in a.values}
    rows = [
        ValueRow(
            day, _date_text(day), value, format_value(kpi, value), _plain(value), notes.get(day, ""), day in alerted
        )
        for day, value in sorted(daily.items(), reverse=True)
    ]
    suffix = unit_suffix(kpi, snapshot.settings.currency)
    return KpiDetail(
        key=key,
        title=f"{kpi_title(kpi)} {suffix}".strip(),
        hat=hat_name(snapshot.hats.get(kpi.hat, kpi.hat)),
        summary=_summary(snapshot, kpi, weekly),
        formula=_formula_text(snapshot, kpi),
        editable=kpi.formula is None,
        chart=_chart(kpi, weeks, weekly, daily),
        values=rows,
        form=rule_form(kpi),
        rule=_rule_text(snapshot, kpi),
        alerts=[_alert_text(snapshot, kpi, a) for a in alerts if not is_decided(a, snapshot.decisions)],
        window=t("detail.window", first=weeks[0], last=weeks[-1], span=format_span(first, last)),
    )


def fired_text(snapshot: Snapshot, alert: Alert) -> str:
    """The notice shown when a value just entered fires a stop rule (of this KPI or another)."""
    kpi = snapshot.kpis.get(alert.kpi)
    title = kpi_title(kpi) if kpi else alert.kpi
    return t("detail.fired", kpi=title, span=format_span(alert.first, alert.last), action=action_text(alert.rule))


def day_label(day: date) -> str:
    """A day as the edit dialog names it: ``Tue 24 Nov 2026``."""
    return f"{_date_text(day).split(' ', 1)[1]} {format_day(day)}"
