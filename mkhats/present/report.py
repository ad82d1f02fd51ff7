"""The weekly report in Markdown: a section per hat, then the CMO summary (SPEC §4 ``report``).

Every text the user typed (names, titles, log fields, notes, reasons…) is quoted through
``markdown_inline`` (``_q``): it reads as typed, never as a heading, a row or HTML (SPEC §5).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from mkhats.domain.channels import channel_map
from mkhats.domain.checklist import checklist_rows, progress
from mkhats.domain.conflicts import conflict_states
from mkhats.domain.kpis import period_values
from mkhats.domain.models import Hat, Kpi
from mkhats.domain.review import as_of, stop_alerts
from mkhats.domain.running import Verdict, period_verdicts, week_progress
from mkhats.domain.safe_text import markdown_inline as _q
from mkhats.domain.snapshot import Snapshot
from mkhats.domain.sources import MANUAL
from mkhats.domain.stoprules import Alert, is_decided
from mkhats.domain.strategy import work_month
from mkhats.domain.weeks import shift_week, week_days
from mkhats.i18n import t
from mkhats.present.alerts import alert_sentence
from mkhats.present.cmo import channel_header, planned, with_plan
from mkhats.present.cmo_report import desk_lines, summary_header, summary_rows
from mkhats.present.cmo_text import format_month
from mkhats.present.labels import (
    conflict_check,
    format_amount,
    format_day,
    format_span,
    format_unit,
    format_value,
    hat_mission,
    hat_name,
    kpi_title,
    pair_name,
    person_name,
    run_text,
    unit_suffix,
    verdict_text,
)

_DASH = "—"
Quote = Callable[[str], str]
"""How a text the user typed is quoted where it is shown."""


def _cell(text: str) -> str:
    # A pipe ``_q`` escaped already stays as it is: a second backslash would end the cell.
    return re.sub(r"(?<!\\)\|", r"\\|", text.replace("\n", " ")).strip() or _DASH


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines + [""]


def verdict_cell(kpi: Kpi, verdict: Verdict | None) -> str:
    """``✓ on track +4 %``, ``✗ off track −12 % → 3,960``, ``→ 7,000`` (on pace, no target), or ``—``.

    The status cell of the report's KPI tables, and of the deck's.
    """
    if verdict is None:
        return _DASH
    text = verdict_text(kpi, verdict)
    if verdict.status is None:
        return text or _DASH
    mark = "✓ " + t("status.on") if verdict.status == "on" else "✗ " + t("status.off")
    return f"{mark} {text[1:].strip()}".strip()  # the table's cell, its mark spelled out


@dataclass(frozen=True)
class WeekFacts:
    """What the report (and the deck) judge a week on: each KPI's verdict, last week's values and
    the stop-rule alerts still waiting for a decision."""

    verdicts: dict[str, Verdict]
    prev_values: Mapping[str, float | None]
    alerts: list[Alert]


def week_facts(snapshot: Snapshot) -> WeekFacts:
    """The verdicts (a running week judged on pace), last week's values and the open alerts."""
    run = week_progress(snapshot.week, snapshot.today)
    verdicts = period_verdicts(snapshot.kpis, snapshot.daily, week_days(snapshot.week), run)
    prev_values = period_values(snapshot.kpis, snapshot.daily, week_days(shift_week(snapshot.week, -1)))
    alerts = [a for a in stop_alerts(snapshot) if not is_decided(a, snapshot.decisions)]
    return WeekFacts(verdicts, prev_values, alerts)


def kpi_rows(snapshot: Snapshot, hat: str, facts: WeekFacts, quote: Quote = _q) -> list[list[str]]:
    """A hat's KPI table: title with unit, target, the week, last week, status (``verdict_cell``).

    ``quote`` is applied to the titles the user typed (Markdown escaping here, none for the deck,
    which escapes every cell as HTML).
    """
    currency = snapshot.settings.currency
    rows = []
    for kpi in snapshot.hat_kpis(hat):
        suffix = unit_suffix(kpi, currency)
        title = f"{quote(kpi_title(kpi))}, {suffix}" if suffix else quote(kpi_title(kpi))
        verdict = facts.verdicts[kpi.key]
        rows.append(
            [
                title,
                format_value(kpi, kpi.target),
                format_value(kpi, verdict.value),
                format_value(kpi, facts.prev_values.get(kpi.key)),
                verdict_cell(kpi, verdict),
            ]
        )
    return rows


def checklist_line(snapshot: Snapshot, hat: str) -> str:
    """``Checklist: 3/8 done.`` for the hat's items of the week."""
    done, total = progress(checklist_rows(snapshot.checklist, snapshot.ticks, hat, snapshot.week))
    return t("report.checklist", done=done, total=total)


def _hat_section(snapshot: Snapshot, hat: Hat, facts: WeekFacts) -> list[str]:
    currency = snapshot.settings.currency
    lines = [
        f"## {_q(hat_name(hat))}",
        "",
        t("report.worn_by", person=_q(person_name(hat.wearer)), mission=_q(hat_mission(hat))),
        "",
    ]
    log = snapshot.logs.get((hat.key, snapshot.week))
    for field in ("plan", "fact", "conclusion", "action"):
        text = getattr(log, field) if log else ""
        lines.append(f"- **{t('log.' + field)}:** {_cell(_q(text))}")
    lines.append("")
    rows = kpi_rows(snapshot, hat.key, facts)
    header = [t("col.kpi"), t("col.target"), week_column(facts.verdicts), t("col.prev"), t("col.status")]
    lines += _table(header, rows)
    lines += [checklist_line(snapshot, hat.key), ""]
    hat_alerts = [a for a in facts.alerts if a.kpi.startswith(hat.key + ".")]
    if hat_alerts:
        lines.append(f"**{t('report.open_alerts')}**")
        lines.append("")
        for alert in hat_alerts:
            lines.append("- " + alert_sentence("report.alert", alert, snapshot.kpis, currency, quote=_q))
        lines.append("")
    return lines


def week_column(verdicts: dict[str, Verdict]) -> str:
    """``Week``, or ``Week 3/7 d`` while the week runs."""
    running = next((v for v in verdicts.values() if v.partial), None)
    return t("run.week_col", run=run_text(running)) if running else t("col.week")


def conflict_lines(snapshot: Snapshot, quote: Quote = _q) -> list[tuple[str, str]]:
    """Each active conflict as (``problems`` | ``checked`` | ``open``, its sentence)."""
    lines = []
    for state in conflict_states(snapshot.conflicts, snapshot.hats, snapshot.checks, as_of(snapshot)):
        pair = quote(pair_name(state.rule.hats, snapshot.hats))
        if state.problems is not None:
            found = state.problems
            key = "report.conflict_problems_note" if found.note else "report.conflict_problems"
            params = {"person": quote(person_name(state.wearer)), "by": quote(person_name(found.by))}
            text = t(key, pair=pair, day=format_day(found.day), note=quote(found.note), **params)
            lines.append(("problems", text))
        elif state.ok and state.check is not None and state.valid_until is not None:
            by, day, until = (
                quote(person_name(state.check.by)),
                format_day(state.check.day),
                format_day(state.valid_until),
            )
            lines.append(("checked", t("report.conflict_checked", pair=pair, by=by, day=day, until=until)))
        else:
            person, check = quote(person_name(state.wearer)), quote(conflict_check(state.rule))
            lines.append(("open", t("report.conflict_open", pair=pair, person=person, check=check)))
    return lines


def decision_lines(snapshot: Snapshot, alerts: list[Alert], quote: Quote = _q) -> list[tuple[str, str]]:
    """The week's decisions on stop-rule alerts and on channels off their budget's pace (``decided``),
    then the alerts still open (``open``)."""
    days = set(week_days(snapshot.week))
    lines = []
    for d in snapshot.decisions:
        if d.day not in days:
            continue
        kpi = snapshot.kpis.get(d.kpi)
        title = quote(kpi_title(kpi)) if kpi else d.kpi
        reason = f" — {quote(d.reason)}" if d.reason else ""
        lines.append(("decided", f"{title} ({format_span(d.first, d.last)}): {t('decision.' + d.decision)}{reason}"))
    for b in snapshot.budget_decisions:  # a channel off its budget's pace, decided in the week
        if b.day not in days:
            continue
        reason = f" — {quote(b.reason)}" if b.reason else ""
        name = quote(hat_name(snapshot.hats.get(b.hat, b.hat)))
        lines.append(("decided", f"{name} · {format_month(b.month)}: {t('budget.' + b.decision)}{reason}"))
    currency = snapshot.settings.currency
    for alert in alerts:
        sentence = alert_sentence("report.alert_open", alert, snapshot.kpis, currency, snapshot.hats, quote)
        lines.append(("open", sentence))
    return lines


def _summary(snapshot: Snapshot, facts: WeekFacts) -> list[str]:
    currency = snapshot.settings.currency
    verdicts = facts.verdicts
    lines = [f"## {t('report.cmo_summary')}", ""]
    week_values = {key: v.value for key, v in verdicts.items()}

    def status_cell(kpi: Kpi, _value: float | None) -> str:
        return verdict_cell(kpi, verdicts.get(kpi.key))

    judged = {key: v.judged for key, v in verdicts.items()}  # a running week's pace, not its days so far
    rows = summary_rows(snapshot, week_values, facts.prev_values, status_cell, judged)
    lines += _table(summary_header(week_column(verdicts)), rows)
    lines += [f"### {t('report.channel_map')}", ""]
    month = work_month(snapshot.week, snapshot.today)
    channel_rows = []
    channels = channel_map(snapshot, week_days(snapshot.week), month)
    plan = planned(channels)  # a media plan covering the week: its budget, pace and CPL beside the fact
    for row in channels:
        name = hat_name(snapshot.hats[row.hat])
        if row.source is not None:  # a channel's part from one source (Direct, VK…)
            name = "↳ " + (t("detail.source.manual") if row.source == MANUAL else row.source)
        cells = [
            _q(name),
            _q(person_name(row.wearer)),
            format_amount("count", row.leads),
            format_unit("money", row.spend, currency),
            format_unit("money", row.revenue, currency),
            format_unit("money", row.cpl, currency),
            format_unit("percent", row.romi, currency),
            format_unit("percent", row.lead_share, currency),
            format_unit("percent", row.revenue_share, currency),
            t(f"verdict.{row.verdict}") if row.verdict else _DASH,
        ]
        if plan:
            from mkhats.present.money_text import plan_cells

            cells = with_plan(cells, plan_cells(row.plan, currency))
        channel_rows.append(cells)
    lines += _table(channel_header(plan), channel_rows)
    lines += [f"### {t('report.conflicts')}", ""]
    conflicts = conflict_lines(snapshot)
    lines += ["- " + text for _, text in conflicts] or ["- " + t("report.no_conflicts")]
    lines.append("")
    lines += [f"### {t('report.decisions')}", ""]
    decisions = decision_lines(snapshot, facts.alerts)
    lines += ["- " + text for _, text in decisions] or ["- " + t("report.no_decisions")]
    lines.append("")
    return lines + desk_lines(snapshot, _table)


def _quoted_currency(snapshot: Snapshot) -> Snapshot:
    """``snapshot`` with its currency sign (typed by the user) escaped once, for every amount."""
    currency = snapshot.settings.currency
    if not currency or _q(currency) == currency:
        return snapshot
    quoted = copy.copy(snapshot)
    quoted.settings = snapshot.settings.model_copy(update={"currency": _q(currency)})
    return quoted


def weekly_report(snapshot: Snapshot) -> str:
    """The Markdown report of ``snapshot.week``."""
    snapshot = _quoted_currency(snapshot)
    facts = week_facts(snapshot)
    days = week_days(snapshot.week)
    lines = [
        f"# {t('report.title', week=snapshot.week)}",
        "",
        f"{format_span(days[0], days[-1])} · {t('report.generated', day=format_day(snapshot.today))}",
        "",
    ]
    for hat in snapshot.enabled_hats:
        lines += _hat_section(snapshot, hat, facts)
    lines += _summary(snapshot, facts)
    return "\n".join(lines).rstrip() + "\n"
