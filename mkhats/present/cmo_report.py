"""The CMO desk's parts of the weekly report: money KPIs against last week and the 4-week average,
the month's strategy session, hours per hat and the hypotheses.

``report`` calls these from its CMO summary; each returns Markdown lines ending with a blank line.
User text is quoted through ``markdown_inline`` (``_q``), as in the rest of the report (SPEC §5).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from mkhats.domain.formula import formula_refs
from mkhats.domain.kpis import Daily, period_values
from mkhats.domain.models import Kpi
from mkhats.domain.running import week_progress
from mkhats.domain.safe_text import markdown_inline as _q
from mkhats.domain.snapshot import Snapshot
from mkhats.domain.strategy import session_of, work_month
from mkhats.domain.weeks import shift_week, week_days
from mkhats.domain.workload import hat_hours
from mkhats.errors import InputError
from mkhats.i18n import t
from mkhats.present.cmo_text import (
    format_month,
    hypothesis_kpi,
    hypothesis_verdict_text,
    signed_percent,
    verdict_text,
    windows_text,
)
from mkhats.present.labels import format_day, format_number, format_with_unit, hat_name, kpi_title

SUMMARY_KPIS = ("cmo.revenue", "cmo.marketing_spend", "cmo.romi", "cmo.cac", "cmo.ltv_cac")
AVERAGE_WEEKS = 4

Table = Callable[[list[str], list[list[str]]], list[str]]


def change(reference: float | None, value: float | None) -> float | None:
    """(value − reference) / |reference| × 100; None when either is missing or the reference is 0."""
    if reference is None or value is None or reference == 0:
        return None
    return (value - reference) / abs(reference) * 100


def _with_operands(kpis: Mapping[str, Kpi], keys: tuple[str, ...]) -> dict[str, Kpi]:
    """``keys`` and every KPI their formulas need, directly or not."""
    found: dict[str, Kpi] = {}
    todo = list(keys)
    while todo:
        key = todo.pop()
        kpi = kpis.get(key)
        if kpi is None or key in found:
            continue
        found[key] = kpi
        if kpi.formula:
            try:
                todo += formula_refs(kpi.formula, kpi.hat)
            except InputError:
                pass  # a broken formula has no value anyway
    return found


def average_before(snapshot: Snapshot, keys: tuple[str, ...], weeks: int = AVERAGE_WEEKS) -> dict[str, float | None]:
    """Each KPI's mean weekly value over the ``weeks`` weeks before ``snapshot.week``.

    Weeks without a value are left out; no value in any of them gives None.
    """
    found: dict[str, list[float]] = {key: [] for key in keys}
    kpis = _with_operands(snapshot.kpis, keys)  # the other KPIs would cost a report ≈ 0.2 ms for nothing
    for n in range(1, weeks + 1):
        values = period_values(kpis, snapshot.daily, week_days(shift_week(snapshot.week, -n)))
        for key in keys:
            value = values.get(key)
            if value is not None:
                found[key].append(value)
    return {key: (sum(v) / len(v) if v else None) for key, v in found.items()}


def summary_rows(
    snapshot: Snapshot,
    week_values: Mapping[str, float | None],
    prev_values: Mapping[str, float | None],
    status_text: Callable[[Kpi, float | None], str],
    compared: Mapping[str, float | None] | None = None,
    quote: Callable[[str], str] = _q,
) -> list[list[str]]:
    """Revenue, spend, ROMI, CAC and LTV:CAC: this week, last week, the 4-week average, changes.

    ``compared`` is what the changes are taken from when it differs from the week's value: a
    running week's projection for a summed KPI, never its value so far against full weeks.
    ``quote`` is applied to the KPI titles (Markdown escaping; the deck escapes as HTML later).
    """
    compared = week_values if compared is None else compared
    currency = snapshot.settings.currency
    averages = average_before(snapshot, SUMMARY_KPIS)
    rows = []
    for key in SUMMARY_KPIS:
        kpi = snapshot.kpis.get(key)
        if kpi is None or kpi.retired:
            continue
        now, prev, avg = week_values.get(key), prev_values.get(key), averages.get(key)
        judged = compared.get(key)
        rows.append(
            [
                quote(kpi_title(kpi)),
                format_with_unit(kpi, now, currency),
                format_with_unit(kpi, prev, currency),
                signed_percent(change(prev, judged)),
                format_with_unit(kpi, avg, currency),
                signed_percent(change(avg, judged)),
                status_text(kpi, now),
            ]
        )
    return rows


def summary_header(week: str | None = None) -> list[str]:
    """The header of the summary's KPI table (``week`` titles the week column)."""
    return [
        t("col.kpi"),
        week or t("col.week"),
        t("col.prev"),
        t("cmo.col.vs_prev"),
        t("cmo.col.avg4"),
        t("cmo.col.vs_avg"),
        t("col.status"),
    ]


def session_lines(snapshot: Snapshot) -> list[str]:
    """The strategy session of the month of monthly work (the last finished one while the week's runs)."""
    month = work_month(snapshot.week, snapshot.today)
    lines = [f"### {t('cmo.report.session', month=format_month(month))}", ""]
    session = session_of(snapshot.sessions, month)
    if session is None:
        return lines + ["- " + t("cmo.report.no_session", month=format_month(month)), ""]
    lines.append(t("cmo.report.session_held", day=format_day(session.day)))
    lines.append("")
    for hat in snapshot.enabled_hats:
        if hat.channel:
            lines.append(f"- {_q(hat_name(hat))}: {verdict_text(session.verdicts.get(hat.key))}")
    if session.notes.strip():
        lines.append(f"- {t('cmo.notes')}: {_q(' '.join(session.notes.split()))}")
    return lines + [""]


def hours_lines(snapshot: Snapshot, table: Table) -> list[str]:
    """Hours per hat in the report's week, with each hat's budget and what is outside it."""
    rows = []
    # While the week runs, only "too many" can be told: the hours still to come may fill the band.
    running = week_progress(snapshot.week, snapshot.today).running
    for row in hat_hours(snapshot, snapshot.week):
        note = ""
        low = row.band is not None and row.hours < row.band[0] and not running
        if row.band is not None and (low or row.hours > row.band[1]):
            note = t("cmo.hours.outside_band", low=format_number(row.band[0]), high=format_number(row.band[1]))
        elif row.budget is not None and row.hours > row.budget:
            note = t("cmo.hours.over_budget")
        budget = "—" if row.budget is None else format_number(row.budget, 1)
        rows.append([_q(hat_name(snapshot.hats[row.hat])), format_number(row.hours, 1), budget, note])
    header = [t("cmo.col.hat"), t("cmo.col.hours"), t("cmo.col.budget"), t("cmo.col.note")]
    return [f"### {t('cmo.report.hours')}", ""] + table(header, rows)


def with_history(snapshot: Snapshot) -> Daily:
    """The window's daily values plus the older ones loaded for the hypotheses' baselines."""
    if not snapshot.history:
        return snapshot.daily
    merged = {key: dict(series) for key, series in snapshot.history.items()}
    for key, series in snapshot.daily.items():
        merged.setdefault(key, {}).update(series)
    return merged


def hypothesis_lines(snapshot: Snapshot, table: Table) -> list[str]:
    """Hypotheses tested in the weeks shown or awaiting a verdict: windows, KPI before/after, uplift."""
    from mkhats.domain.hypotheses import measure

    hats = {h.key for h in snapshot.enabled_hats}
    shown = [
        h
        for h in snapshot.hypotheses
        if h.hat in hats
        and h.test_first <= snapshot.last_day
        and (h.verdict is None or h.test_last >= snapshot.first_day)
    ]
    lines = [f"### {t('cmo.report.hypotheses')}", ""]
    if not shown:
        return lines + ["- " + t("cmo.report.no_hypotheses"), ""]
    daily, currency = with_history(snapshot), snapshot.settings.currency
    today: date = min(snapshot.today, snapshot.last_day)
    rows = []
    for h in shown:
        kpi = snapshot.kpis.get(h.kpi)
        result = measure(h, snapshot.kpis, daily, snapshot.today)
        base, test = windows_text(h)
        verdict = hypothesis_verdict_text(h.verdict)
        if h.verdict is None and h.test_last >= today:
            verdict = t("cmo.hyp.running")
        fmt: Callable[[float | None], str] = (
            (lambda v: format_with_unit(kpi, v, currency)) if kpi else (lambda v: "—")  # noqa: B023 - called in this turn
        )
        rows.append(
            [
                _q(hat_name(snapshot.hats[h.hat])),
                _q(h.statement),
                _q(hypothesis_kpi(h, snapshot)),
                base,
                test,
                fmt(result.baseline),
                fmt(result.test),
                signed_percent(result.uplift),
                verdict,
            ]
        )
    header = [
        t("cmo.col.hat"),
        t("cmo.col.hypothesis"),
        t("col.kpi"),
        t("cmo.col.baseline"),
        t("cmo.col.test"),
        t("cmo.col.before"),
        t("cmo.col.after"),
        t("cmo.col.uplift"),
        t("col.verdict"),
    ]
    return lines + table(header, rows)


def desk_lines(snapshot: Snapshot, table: Table) -> list[str]:
    """The month's session, hours per hat and hypotheses, after the summary's other parts."""
    return session_lines(snapshot) + hours_lines(snapshot, table) + hypothesis_lines(snapshot, table)
