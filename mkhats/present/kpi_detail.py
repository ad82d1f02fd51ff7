"""What the KPI detail screen shows, computed from a snapshot: chart data, value rows, the rule form.

The screen draws these view models as they are; every number comes from the same domain functions
as the main screen and the review (weekly and daily values, stop-rule streaks, status). The notes
the snapshot does not carry are read by ``services.values.value_notes`` and passed in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from mkhats.domain.formula import formula_refs
from mkhats.domain.kpis import KpiChange, daily_values, period_value, weekly_values
from mkhats.domain.models import Kpi, KpiValue
from mkhats.domain.numbers import plain_number
from mkhats.domain.review import stop_alerts
from mkhats.domain.running import Verdict, counted_days, judge, week_progress
from mkhats.domain.snapshot import Snapshot
from mkhats.domain.sources import MANUAL
from mkhats.domain.stoprules import Alert, is_decided
from mkhats.domain.weeks import add_days, last_weeks, shift_week, week_days, week_start
from mkhats.errors import MkhatsError
from mkhats.i18n import t
from mkhats.present.alerts import alert_sentence
from mkhats.present.dates import list_day, weekday_day
from mkhats.present.kpi_chart import ChartData, chart_data
from mkhats.present.labels import (
    action_text,
    condition_field,
    condition_text,
    format_span,
    format_value,
    format_with_unit,
    guard_field,
    hat_name,
    kpi_title,
    rule_templates,
    run_text,
    signed_deviation,
    unit_suffix,
)

CHART_WEEKS = 13
"""The chart and the value list cover the 13 weeks ending with the selected week."""


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
    sources: str = ""
    """Where the day's value came from, when an import fed it (``yandex-direct 1,750 + manual 100``);
    empty for the user's own values alone."""


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
    templates: dict[str, str] = field(default_factory=dict)
    """Placeholders of the rule form's unset fields (``> ? for 3 days``): shown, not typed over."""


def _plain(value: float | None) -> str:
    """A number as typed back into a form: no grouping, no trailing ``.0``, parseable in any language."""
    if value is None:
        return ""
    return plain_number(value)


def value_fields(value: KpiValue | None) -> dict[str, str]:
    """A day's value and note as the edit form shows them (no value: both empty)."""
    if value is None:
        return {"value": "", "note": ""}
    return {"value": _plain(value.value), "note": value.note}


def rule_form(kpi: Kpi) -> RuleForm:
    """The form prefilled from the KPI, in forms ``set_kpi`` reads back (``> 1500 3 дня подряд``)."""
    rule = kpi.stop
    return RuleForm(
        target=_plain(kpi.target),
        condition=condition_field(rule),
        guard=guard_field(rule),
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


def _date_text(day: date, this_year: int | None = None) -> str:
    """A row of the values list: ``Wed 2 Dec`` (``present.dates``' rule for lists of days)."""
    return list_day(day, this_year)


def _summary(
    snapshot: Snapshot, kpi: Kpi, weekly: dict[str, float | None], verdict: Verdict
) -> list[tuple[str, str, str]]:
    currency = snapshot.settings.currency
    prev = weekly.get(shift_week(snapshot.week, -1))
    week = t("detail.summary.week", week=snapshot.week)
    if verdict.partial:
        week = f"{week} ({run_text(verdict)})"
    value = format_with_unit(kpi, verdict.value, currency)
    if verdict.basis == "partial" and verdict.value is not None:
        value = f"{value} {t('run.so_far')}"
    facts = [(week, value, "bold")]
    if verdict.basis == "pace" and verdict.projection is not None:
        facts.append((t("detail.summary.projected"), format_with_unit(kpi, verdict.projection, currency), ""))
    facts.append((t("detail.summary.prev"), format_with_unit(kpi, prev, currency), ""))
    facts.append((t("detail.summary.target"), format_with_unit(kpi, kpi.target, currency), ""))
    if verdict.status is not None:
        text = t(f"detail.status.{verdict.status}")
        if verdict.deviation is not None:
            text += f" {signed_deviation(verdict.deviation)}"
        facts.append((t("detail.summary.status"), text, "green" if verdict.status == "on" else "red"))
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


def _sources_text(kpi: Kpi, by_source: dict[str, float] | None) -> str:
    """``yandex-direct 1,750 + vk-ads 80`` (a summed KPI) or ``manual 12 · ga4 14`` (one is taken)."""
    if not by_source:
        return ""
    joiner = " + " if kpi.aggregate == "sum" else " · "
    return joiner.join(
        f"{t('detail.source.manual') if name == MANUAL else name} {format_value(kpi, v)}"
        for name, v in by_source.items()
    )


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


def detail_view(
    snapshot: Snapshot,
    key: str,
    notes: dict[date, str] | None = None,
    sources: dict[date, dict[str, float]] | None = None,
    ahead: dict[date, float] | None = None,
) -> KpiDetail:
    """The detail of KPI ``key`` for ``snapshot.week`` over the 13 weeks ending with it.

    Args:
        snapshot: A snapshot of the selected week (its window must cover the 13 weeks).
        key: The KPI's full key.
        notes: The notes of its values by day (``services.values.value_notes``), if any.
        ahead: Its values dated after the window and after today (``services.values.values_after``):
            listed first, marked, so a value typed with a date ahead is never out of sight.
    """
    kpi = snapshot.kpis[key]
    notes = notes or {}
    weeks = last_weeks(snapshot.week, CHART_WEEKS)
    first, last = week_start(weeks[0]), add_days(week_start(weeks[-1]), 6)
    days = [add_days(first, i) for i in range((last - first).days + 1)]
    weekly = weekly_values(snapshot.kpis, snapshot.daily, weeks)[key]
    run = week_progress(snapshot.week, snapshot.today)
    so_far = period_value(key, snapshot.kpis, snapshot.daily, counted_days(week_days(snapshot.week), run))
    verdict = judge(kpi, so_far, run)
    daily = daily_values(key, snapshot.kpis, snapshot.daily, days)
    alerts = [a for a in stop_alerts(snapshot) if a.kpi == key]
    alerted = {d for a in alerts for d, _ in a.values}
    sources = sources or {}
    ahead = {day: value for day, value in (ahead or {}).items() if day > days[-1]}
    rows = [
        ValueRow(
            day,
            f"{_date_text(day, last.year)} · {t('forms2.ahead.mark')}" if day in ahead else _date_text(day, last.year),
            value,
            format_value(kpi, value),
            # The form edits the user's own value: an import's is replaced by the next import.
            _plain(sources[day].get(MANUAL)) if day in sources else _plain(value),
            notes.get(day, ""),
            day in alerted,
            _sources_text(kpi, sources.get(day)),
        )
        for day, value in sorted({**daily, **ahead}.items(), reverse=True)
    ]
    suffix = unit_suffix(kpi, snapshot.settings.currency)
    return KpiDetail(
        key=key,
        title=f"{kpi_title(kpi)} {suffix}".strip(),
        hat=hat_name(snapshot.hats.get(kpi.hat, kpi.hat)),
        summary=_summary(snapshot, kpi, weekly, verdict),
        formula=_formula_text(snapshot, kpi),
        editable=kpi.formula is None,
        chart=chart_data(kpi, weeks, weekly, daily, verdict),
        values=rows,
        form=rule_form(kpi),
        templates=rule_templates(kpi.stop),
        rule=_rule_text(snapshot, kpi),
        alerts=[
            alert_sentence("detail.alert", a, snapshot.kpis, snapshot.settings.currency)
            for a in alerts
            if not is_decided(a, snapshot.decisions)
        ],
        window=t("detail.window", first=weeks[0], last=weeks[-1], span=format_span(first, last)),
    )


def fired_text(snapshot: Snapshot, alert: Alert) -> str:
    """The notice shown when a value just entered fires a stop rule (of this KPI or another)."""
    return alert_sentence("detail.fired", alert, snapshot.kpis, snapshot.settings.currency, snapshot.hats)


def day_label(day: date) -> str:
    """A day as the edit dialog names it: ``Tue 24 Nov 2026``."""
    return weekday_day(day)
