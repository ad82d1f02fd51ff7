"""What the CMO tab shows besides its KPIs: the channel map of the week or the month, as text.

The same domain function as the report's channel map; a channel without a KPI shows ``—``. With a
media plan covering the period, the map shows plan beside fact: budget, pace and planned CPL next
to spend and CPL (without one, the map is as it always was).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mkhats.domain.channels import ChannelRow, channel_map
from mkhats.domain.snapshot import Snapshot
from mkhats.domain.sources import MANUAL
from mkhats.domain.strategy import month_days, view_days, view_month
from mkhats.domain.weeks import week_days
from mkhats.i18n import t
from mkhats.present.cmo_text import format_month, verdict_text
from mkhats.present.labels import format_amount, format_span, format_unit, hat_name, person_name


@dataclass(frozen=True)
class ChannelLine:
    """One channel of the map, its cells as text."""

    hat: str
    cells: list[str]
    verdict: str | None
    source: str | None = None
    """Set on a channel's breakdown line (one source's leads and spend)."""

    @property
    def key(self) -> str:
        """Unique among the map's lines: the hat, or the hat and the source."""
        return self.hat if self.source is None else f"{self.hat}/{self.source}"


@dataclass(frozen=True)
class ChannelView:
    """The channel map of a period: a title saying which, the header and a line per channel."""

    view: str
    title: str
    header: list[str]
    lines: list[ChannelLine] = field(default_factory=list)
    optional: tuple[int, ...] = ()
    """Columns a narrow screen may leave out, least needed last: the shares, beside a plan (its
    budget, pace and planned CPL would not fit at 120 columns otherwise; the report keeps them)."""


def channel_header(plan: bool = False) -> list[str]:
    """The map's column titles; ``plan``: with the plan's beside the fact's (see :func:`with_plan`)."""
    header = [
        t("col.channel"),
        t("col.wearer"),
        t("col.leads"),
        t("col.spend"),
        t("col.revenue"),
        "CPL",
        "ROMI",
        t("col.lead_share"),
        t("col.revenue_share"),
        t("col.verdict"),
    ]
    return with_plan(header, (t("col.budget"), t("col.pace"), t("col.planned_cpl"))) if plan else header


def with_plan(cells: list[str], plan: tuple[str, str, str]) -> list[str]:
    """The map's ten cells with the plan's three beside the fact's: budget before spend, pace after
    it, planned CPL before CPL."""
    budget, pace, cpl = plan
    return [*cells[:3], budget, cells[3], pace, cells[4], cpl, *cells[5:]]


def planned(rows: list[ChannelRow]) -> bool:
    """Whether a plan covers the map's period for any channel (the plan columns are then shown)."""
    return any(row.plan is not None for row in rows)


def channel_view(snapshot: Snapshot, view: str = "week") -> ChannelView:
    """The channel map of the selected week (``week``), of the month of monthly work (``month``: the
    last finished one until the week's month ends) or of the running month so far (``running``).

    The verdicts shown are those of the month of monthly work, in every view.
    """
    from mkhats.present.money_text import plan_cells

    month = view_month(snapshot, "month")
    days = view_days(snapshot, view)
    period = week_days(snapshot.week) if view == "week" else month_days(view_month(snapshot, view))
    currency = snapshot.settings.currency
    lines = []
    rows = channel_map(snapshot, days, month, period)
    plan = planned(rows)
    for row in rows:
        name = hat_name(snapshot.hats[row.hat])
        if row.source is not None:
            name = "  ↳ " + (t("detail.source.manual") if row.source == MANUAL else row.source)
        cells = [
            name,
            person_name(row.wearer),
            format_amount("count", row.leads),
            format_unit("money", row.spend, currency),
            format_unit("money", row.revenue, currency),
            format_unit("money", row.cpl, currency),
            format_unit("percent", row.romi, currency),
            format_unit("percent", row.lead_share, currency),
            format_unit("percent", row.revenue_share, currency),
            verdict_text(row.verdict),
        ]
        if plan:
            cells = with_plan(cells, plan_cells(row.plan, currency))
        lines.append(ChannelLine(row.hat, cells, row.verdict, row.source))
    span = format_span(days[0], days[-1]) if days else "—"
    if view == "week":
        title = t("cmo.map.week", week=snapshot.week)
    elif view == "running":
        title = t("cmo.map.month_so_far", month=format_month(view_month(snapshot, view)), span=span)
    else:
        title = t("cmo.map.month", month=format_month(month), span=span)
    header = channel_header(plan)
    optional = (header.index(t("col.lead_share")), header.index(t("col.revenue_share"))) if plan else ()
    return ChannelView(view, title, header, lines, optional)


def hours_lines(snapshot: Snapshot) -> list[tuple[str, str, str]]:
    """The review's HOURS group: each worn hat's hours in the judged week, as (hat, sentence, style).

    Hats never worn that week and without a budget are left out; a hat outside its budget or the
    CMO band is coloured like a warning.
    """
    from mkhats.domain.review import target_week
    from mkhats.domain.workload import hat_hours
    from mkhats.present.labels import format_number

    week = target_week(snapshot)
    lines = []
    for row in hat_hours(snapshot, week):
        if row.hours == 0 and row.budget is None and row.band is None:
            continue
        text = t("cmo.hours.line", hat=hat_name(snapshot.hats[row.hat]), week=week, hours=format_number(row.hours, 1))
        if row.budget is not None:
            text += " " + t("cmo.hours.budget", budget=format_number(row.budget, 1))
        if row.band is not None:
            text += " " + t("cmo.hours.band", low=format_number(row.band[0]), high=format_number(row.band[1]))
        lines.append((row.hat, text, "dark_orange" if row.outside else ""))
    return lines
