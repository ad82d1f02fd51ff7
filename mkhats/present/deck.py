"""The owner's weekly deck (SPEC §10): one self-contained HTML file, a slide per enabled channel
hat, then the CMO summary slide.

It is made from the report's view models (``present.report``: the verdicts, the KPI table, the
conflicts and the decisions; ``present.cmo_report``: the money KPIs; ``present.cmo``: the channel
map) and the KPI detail's chart (``present.kpi_chart``, drawn by ``deck_svg``), so the deck, the
report and the app say the same numbers. Those give plain text; every text is escaped here, as it
enters the markup (``_e``): names, notes and titles are data, never HTML (SPEC §5). The file loads
nothing: no script, font, image or style from elsewhere, and its Content-Security-Policy forbids
any.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from html import escape

from mkhats.domain.kpis import daily_values, period_value
from mkhats.domain.models import Hat, Kpi
from mkhats.domain.safe_text import terminal_text
from mkhats.domain.snapshot import Snapshot
from mkhats.domain.weeks import add_days, last_weeks, week_days, week_start
from mkhats.i18n import current_language, t
from mkhats.present.alerts import alert_sentence
from mkhats.present.cmo import ChannelView, channel_view
from mkhats.present.cmo_report import summary_header, summary_rows
from mkhats.present.deck_css import CSS
from mkhats.present.deck_svg import chart_svg
from mkhats.present.kpi_chart import DAILY_WEEKS, ChartData, chart_data
from mkhats.present.labels import format_day, format_span, hat_mission, hat_name, kpi_title, person_name, unit_suffix
from mkhats.present.report import (
    WeekFacts,
    checklist_line,
    conflict_lines,
    decision_lines,
    kpi_rows,
    verdict_cell,
    week_column,
    week_facts,
)

CHART_WEEKS = 13
HAT_ALERTS = 3
"""Open alerts listed on a hat's slide; the report lists them all."""
SUMMARY_ITEMS = 6
"""Conflicts, and decisions with open alerts, listed on the CMO slide; the report lists them all."""
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
"""Nothing may load from anywhere, nor any script run: the deck is a document."""


def _as_is(text: str) -> str:
    return text


def _e(text: str) -> str:
    """Text as HTML: escaped, without what a terminal would obey or bidi overrides that reorder a line."""
    return escape(terminal_text(text), quote=True)


def weekly_deck(snapshot: Snapshot) -> str:
    """The deck of ``snapshot.week`` as one HTML document (the snapshot covers the 13 weeks before)."""
    facts = week_facts(snapshot)
    channels = [hat for hat in snapshot.enabled_hats if hat.channel]
    deck = _Deck(snapshot, facts, len(channels) + 1)
    slides = [deck.hat_slide(n, hat) for n, hat in enumerate(channels, 1)]
    slides.append(deck.cmo_slide(len(channels) + 1))
    title = t("deck.title", week=snapshot.week)
    return "".join(
        [
            f'<!DOCTYPE html>\n<html lang="{current_language()}">\n<head>\n<meta charset="utf-8">\n',
            f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            '<meta name="generator" content="mkhats">\n',
            f"<title>{_e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
            "\n".join(slides),
            "\n</body>\n</html>\n",
        ]
    )


class _Deck:
    """The slides of one week: what they share (the verdicts, the 13 weeks, the header and footer)."""

    def __init__(self, snapshot: Snapshot, facts: WeekFacts, total: int) -> None:
        self.snapshot, self.facts, self.total = snapshot, facts, total
        self.weeks = last_weeks(snapshot.week, CHART_WEEKS)
        self.week_days = {week: week_days(week) for week in self.weeks}
        first_daily = week_start(self.weeks[-DAILY_WEEKS])
        last = add_days(week_start(self.weeks[-1]), 6)
        self.daily_days = [add_days(first_daily, i) for i in range((last - first_daily).days + 1)]

    # -- the parts every slide has ----------------------------------------------------------------

    def _top(self, title: str, who: str = "") -> str:
        days = week_days(self.snapshot.week)
        span = format_span(days[0], days[-1])
        who_part = f'<p class="who">{_e(who)}</p>' if who else ""
        return (
            f'<header class="top"><div><h2>{_e(title)}</h2>{who_part}</div>'
            f'<p class="when"><b>{_e(self.snapshot.week)}</b>{_e(span)}</p></header>'
        )

    def _foot(self, n: int) -> str:
        made = t("deck.made", day=format_day(self.snapshot.today))
        title = t("deck.title", week=self.snapshot.week)
        page = t("deck.page", n=n, total=self.total)
        return f'<footer class="foot"><span>{_e(title)} · {_e(made)}</span><span>{_e(page)}</span></footer>'

    def _slide(self, n: int, kind: str, ident: str, label: str, body: str) -> str:
        return (
            f'<section class="slide {kind}" id="{_e(ident)}" aria-label="{_e(label)}">{body}{self._foot(n)}</section>'
        )

    # -- a channel hat ----------------------------------------------------------------------------

    def hat_slide(self, n: int, hat: Hat) -> str:
        """Plan, fact, conclusion and action; the checklist; open alerts; the KPI table and charts."""
        snapshot = self.snapshot
        name = hat_name(hat)
        who = t("report.worn_by", person=person_name(hat.wearer), mission=hat_mission(hat))
        left = [self._log(hat), f'<p class="checklist">{_e(checklist_line(snapshot, hat.key))}</p>']
        alerts = [a for a in self.facts.alerts if a.kpi.startswith(hat.key + ".")]
        if alerts:
            currency = snapshot.settings.currency
            items = [alert_sentence("report.alert", a, snapshot.kpis, currency) for a in alerts]
            left.append(
                f'<div class="alerts"><h3>{_e(t("report.open_alerts"))}</h3><ul>{_items(items, HAT_ALERTS)}</ul></div>'
            )
        kpis = snapshot.hat_kpis(hat.key)
        right = [self._kpi_table(hat)] if kpis else [f'<p class="empty">{_e(t("deck.no_kpis"))}</p>']
        if kpis:
            cols = _columns(len(kpis))
            series: list[tuple[str, str]] = []
            charts = "".join(self._chart(kpi, series) for kpi in kpis)
            right.append(f'<div class="charts" style="--cols:{cols}">{charts}</div>{_legend(series)}')
        body = (
            self._top(name, who)
            + f'<div class="cols"><div class="left">{"".join(left)}</div>'
            + f'<div class="right">{"".join(right)}</div></div>'
        )
        return self._slide(n, "hat", f"hat-{hat.key}", name, body)

    def _log(self, hat: Hat) -> str:
        log = self.snapshot.logs.get((hat.key, self.snapshot.week))
        parts = []
        for field in ("plan", "fact", "conclusion", "action"):
            text = (getattr(log, field) if log else "").strip()
            value = f"<dd>{_e(text)}</dd>" if text else '<dd class="empty">—</dd>'
            parts.append(f'<div class="{field}"><dt>{_e(t("log." + field))}</dt>{value}</div>')
        return f'<dl class="log">{"".join(parts)}</dl>'

    def _kpi_table(self, hat: Hat) -> str:
        """The report's KPI table of the hat, its status cells coloured by the verdict."""
        verdicts = self.facts.verdicts
        header = [t("col.kpi"), t("col.target"), week_column(verdicts), t("col.prev"), t("col.status")]
        rows = kpi_rows(self.snapshot, hat.key, self.facts, _as_is)
        statuses = [verdicts[kpi.key].status for kpi in self.snapshot.hat_kpis(hat.key)]
        body = []
        for cells, status in zip(rows, statuses, strict=True):
            title, *numbers, status_text = cells
            tds = [f"<td>{_e(title)}</td>", *(f'<td class="num">{_e(c)}</td>' for c in numbers)]
            tds.append(f'<td class="{status or "none"}">{_e(status_text)}</td>')
            body.append(f"<tr>{''.join(tds)}</tr>")
        return _table(header, body, numeric=(1, 2, 3))

    def _chart(self, kpi: Kpi, series: list[tuple[str, str]]) -> str:
        """One KPI's 13 weeks: the KPI detail's chart view model, drawn as SVG, with its target and
        threshold named under it; the lines every chart shares are added to ``series`` (the slide's
        legend)."""
        snapshot = self.snapshot
        weekly = {w: period_value(kpi.key, snapshot.kpis, snapshot.daily, self.week_days[w]) for w in self.weeks}
        daily = daily_values(kpi.key, snapshot.kpis, snapshot.daily, self.daily_days)
        chart = chart_data(kpi, self.weeks, weekly, daily, self.facts.verdicts[kpi.key])
        suffix = unit_suffix(kpi, snapshot.settings.currency)
        title = f"{kpi_title(kpi)}, {suffix}" if suffix else kpi_title(kpi)
        caption = f'<figcaption title="{_e(title)}">{_e(title)}</figcaption>'
        if chart.empty:
            return f'<figure class="chart">{caption}<p class="none">{_e(t("deck.no_values"))}</p></figure>'
        label = t("deck.chart", kpi=title, window=chart.x_title)
        series += [entry for entry in _series(chart) if entry not in series]
        return (
            f'<figure class="chart">{caption}{chart_svg(chart, terminal_text(label))}{_legend(_limits(chart))}</figure>'
        )

    # -- the CMO summary --------------------------------------------------------------------------

    def cmo_slide(self, n: int) -> str:
        """Revenue, spend, ROMI, CAC (and LTV:CAC); the channel map; conflicts; alerts and decisions."""
        snapshot = self.snapshot
        cmo = snapshot.hats.get("cmo")
        who = ""
        if cmo is not None and cmo.enabled:
            who = t("report.worn_by", person=person_name(cmo.wearer), mission=hat_mission(cmo))
        conflicts = conflict_lines(snapshot, _as_is)
        decisions = decision_lines(snapshot, self.facts.alerts, _as_is)
        body = [
            self._top(t("report.cmo_summary"), who),
            self._tiles(),
            _channel_map(channel_view(snapshot, "week")),
            '<div class="pair">',
            _list(t("report.conflicts"), conflicts, t("report.no_conflicts")),
            _list(t("report.decisions"), decisions, t("report.no_decisions")),
            "</div>",
        ]
        return self._slide(n, "cmo", "cmo-summary", t("report.cmo_summary"), "".join(body))

    def _tiles(self) -> str:
        """The summary's money KPIs, one tile each: the week, its status, against last week and the
        4-week average (the report's summary table, cell for cell)."""
        verdicts = self.facts.verdicts
        statuses: list[str | None] = []

        def status_cell(kpi: Kpi, _value: float | None) -> str:
            statuses.append(verdicts[kpi.key].status if kpi.key in verdicts else None)
            return verdict_cell(kpi, verdicts.get(kpi.key))

        week_values = {key: v.value for key, v in verdicts.items()}
        judged = {key: v.judged for key, v in verdicts.items()}
        rows = summary_rows(self.snapshot, week_values, self.facts.prev_values, status_cell, judged, _as_is)
        header = summary_header(week_column(verdicts))
        tiles = []
        for (title, week, prev, vs_prev, avg, vs_avg, status_text), status in zip(rows, statuses, strict=True):
            tiles.append(
                f'<div class="tile {status or "none"}"><p class="label">{_e(title)}</p>'
                f'<p class="value">{_e(week)}</p><p class="status">{_e(status_text)}</p>'
                f'<p class="vs">{_e(header[2])} {_e(prev)} · {_e(header[3])} {_e(vs_prev)}</p>'
                f'<p class="vs">{_e(header[4])} {_e(avg)} · {_e(header[5])} {_e(vs_avg)}</p></div>'
            )
        return f'<div class="tiles">{"".join(tiles)}</div>'


def _columns(count: int) -> int:
    """How many charts side by side: one or two rows for a usual hat, three when it has many KPIs."""
    if count <= 3:
        return max(count, 1)
    if count == 4:
        return 2
    if count <= 6:
        return 3
    return 4 if count <= 12 else math.ceil(count / 3)


def _table(header: list[str], rows: list[str], numeric: Iterable[int] = ()) -> str:
    right = set(numeric)
    ths = "".join(f'<th class="num">{_e(h)}</th>' if i in right else f"<th>{_e(h)}</th>" for i, h in enumerate(header))
    return f"<table><thead><tr>{ths}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _items(texts: list[str], limit: int, kinds: list[str] | None = None) -> str:
    """``<li>`` of the first ``limit`` texts, then one saying how many more the report lists."""
    kinds = kinds or [""] * len(texts)
    shown = [
        f'<li class="{kind}">{_e(text)}</li>' if kind else f"<li>{_e(text)}</li>"
        for text, kind in zip(texts[:limit], kinds[:limit], strict=True)
    ]
    if len(texts) > limit:
        more = len(texts) - limit
        shown.append(f'<li class="more">{_e(t("deck.more", n=more))}</li>')
    return "".join(shown)


def _list(title: str, lines: list[tuple[str, str]], none: str) -> str:
    """A headed list of sentences, each classed by its kind (``open``, ``checked``…)."""
    if lines:
        items = _items([text for _, text in lines], SUMMARY_ITEMS, [kind for kind, _ in lines])
    else:
        items = f'<li class="empty">{_e(none)}</li>'
    return f'<div class="list"><h3>{_e(title)}</h3><ul>{items}</ul></div>'


def _channel_map(view: ChannelView) -> str:
    """The CMO tab's channel map of the week, as it gives it (its columns follow the view model)."""
    if not view.lines:
        return f'<div class="map"><h3>{_e(view.title)}</h3><p class="empty">{_e(t("deck.no_channels"))}</p></div>'
    rows = []
    for line in view.lines:
        first, *cells = line.cells
        verdict = f' class="verdict-{_e(line.verdict)}"' if line.verdict else ""
        wearer, *numbers, last = cells  # channel, wearer, the figures, the verdict
        tds = [f"<td>{_e(first.strip())}</td>", f"<td>{_e(wearer)}</td>"]
        tds += [f'<td class="num">{_e(c)}</td>' for c in numbers]
        tds.append(f"<td{verdict}>{_e(last)}</td>")
        rows.append(f'<tr class="{"sub" if line.source else "channel"}">{"".join(tds)}</tr>')
    numeric = range(2, len(view.header) - 1)
    return f'<div class="map"><h3>{_e(view.title)}</h3><div class="map-wrap">{_table(view.header, rows, numeric)}</div></div>'


def _series(chart: ChartData) -> list[tuple[str, str]]:
    """The chart's lines that read the same on every chart of a slide: (kind, label)."""
    entries = []
    if chart.weekly:
        entries.append(("weekly", chart.weekly[0].label))
    if chart.partial is not None:
        entries.append(("partial", chart.partial.label))
    if chart.daily is not None:  # always the last four weeks' days, on its own axis or the weeks'
        entries.append(("daily", t("deck.axis", line=chart.daily.label, axis=t("detail.chart.per_day"))))
    return entries


def _legend(entries: Iterable[tuple[str, str]]) -> str:
    spans = "".join(f'<span><i class="{kind}"></i>{_e(text)}</span>' for kind, text in entries)
    return f'<p class="legend">{spans}</p>' if spans else ""


def _limits(chart: ChartData) -> list[tuple[str, str]]:
    """The chart's own lines: its target and stop threshold, with their values."""
    return [(kind, line.label) for line, kind in ((chart.target, "target"), (chart.threshold, "threshold")) if line]
