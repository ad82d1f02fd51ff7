"""The weekly deck's HTML (SPEC §10) on hand-built snapshots: its slides, its numbers (the report's),
its charts, its words in both languages, and every text the user typed escaped (SPEC §5)."""

from __future__ import annotations

import re
from datetime import date
from html import escape
from html.parser import HTMLParser

import pytest

from mkhats.domain.defaults import default_hats
from mkhats.domain.models import AlertDecision, ExternalCheck, Settings, StopRule, WeeklyLog
from mkhats.domain.snapshot import Snapshot
from mkhats.domain.stoprules import is_decided
from mkhats.i18n import set_language
from mkhats.present.deck import weekly_deck
from mkhats.present.deck_svg import chart_svg
from mkhats.present.kpi_chart import chart_data
from mkhats.present.report import conflict_lines, decision_lines, week_facts, weekly_report
from tests.unit.test_report import DAILY, MON, TUE, WEEK, make

TAGS = {
    *("html", "head", "meta", "title", "style", "body", "section", "header", "footer", "div", "h2", "h3", "p", "b"),
    *("dl", "dt", "dd", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "span", "i"),
    *("svg", "line", "circle", "polyline", "text"),
}
"""Every element the deck is made of: anything else came from a name or a note."""


class Page(HTMLParser):
    """The parsed deck: its elements, their attributes, and each slide's visible text (its charts'
    labels too with ``charts``)."""

    def __init__(self, html: str, charts: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.slides: list[dict[str, str | None]] = []
        self.texts: list[list[str]] = []
        self._hidden = ("style", "title") if charts else ("style", "title", "svg")
        self._skip = 0
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append((tag, found))
        if tag == "section":
            self.slides.append(found)
            self.texts.append([])
        if tag in self._hidden:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self._hidden:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if self.texts and not self._skip and data.strip():
            self.texts[-1].append(data.strip())

    def text(self, n: int) -> str:
        """Slide ``n``'s visible words (charts left out), one space between pieces."""
        return " ".join(self.texts[n])


@pytest.fixture(autouse=True)
def _english():
    set_language("en")
    yield
    set_language("en")


def deck(snapshot: Snapshot | None = None) -> tuple[str, Page]:
    html = weekly_deck(snapshot or make())
    return html, Page(html)


def figure(html: str, caption: str) -> str:
    """The markup of the chart captioned ``caption`` (escaped as the deck writes it)."""
    start = html.index(f">{caption}</figcaption>")
    return html[start : html.index("</figure>", start)]


# -- slides --------------------------------------------------------------------------------------


def test_a_slide_per_enabled_channel_hat_then_the_cmo_summary() -> None:
    html, page = deck()
    assert [s["id"] for s in page.slides] == ["hat-content", "hat-performance", "hat-crm", "cmo-summary"]
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "<title>Weekly deck 2026-W48</title>" in html
    assert page.text(0).startswith("Content Worn by Me: owns traffic and leads from content")
    assert page.text(3).startswith("CMO summary")
    assert [page.text(n).endswith(f"{n + 1} of 4") for n in range(4)] == [True] * 4
    assert "Weekly deck 2026-W48 · made on 30 Nov 2026" in page.text(0)


def test_slides_follow_the_enabled_channel_hats_in_tab_order() -> None:
    hats = {h.key: h for h in default_hats()}
    changed = {
        "pr": hats["pr"].model_copy(update={"enabled": True}),
        "crm": hats["crm"].model_copy(update={"enabled": False}),
        "analytics": hats["analytics"].model_copy(update={"enabled": True}),  # a process hat: no slide
    }
    _, page = deck(make(hats=changed))
    assert [s["id"] for s in page.slides] == ["hat-content", "hat-performance", "hat-pr", "cmo-summary"]


def test_with_no_channel_hat_the_deck_is_the_cmo_summary() -> None:
    hats = {h.key: h.model_copy(update={"enabled": False}) for h in default_hats() if h.channel}
    _, page = deck(make(hats=hats))
    assert [s["id"] for s in page.slides] == ["cmo-summary"]
    assert "No channel hat is enabled." in page.text(0)


def test_the_file_loads_nothing_from_anywhere() -> None:
    html, page = deck()
    assert not re.search(r"https?:|//[a-z]|@import|url\(|<script|<link|<img|<iframe|src=", html, re.IGNORECASE)
    csp = next(a for tag, a in page.tags if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert csp["content"] == "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    assert {tag for tag, _ in page.tags} <= TAGS


def test_print_makes_a_page_of_every_slide() -> None:
    html, _ = deck()
    assert "@page { size: 338.6mm 190.5mm; margin: 0; }" in html
    assert "break-after: page" in html and ".slide:last-child { break-after: auto" in html


# -- a channel hat's slide -----------------------------------------------------------------------


def test_the_log_and_the_kpi_table_as_the_report_has_them() -> None:
    log = WeeklyLog(hat="performance", week=WEEK, plan="Launch retargeting", fact="CPA up", action="New creatives")
    snapshot = make(logs={("performance", WEEK): log})
    html, page = deck(snapshot)
    perf = page.text(1)
    assert "Plan Launch retargeting Fact CPA up Conclusion — Action New creatives" in perf
    assert "KPI Target Week Prev Status" in perf
    assert "CPA, $ 1,000 1,250 1,000 ✗ off track +25\u00a0%" in perf  # the report's row
    assert "| CPA, $ | 1,000 | 1,250 | 1,000 | ✗ off track +25\u00a0% |" in weekly_report(snapshot)
    assert '<td class="off">✗ off track +25\u00a0%</td>' in html
    assert "Spend, $ — 5,000 1,000 —" in perf
    assert "Checklist: 0/" in perf


def test_a_running_week_shows_its_pace_and_is_drawn_apart() -> None:
    snapshot = make()
    snapshot.today = TUE  # 2 of 7 days
    html, page = deck(snapshot)
    assert "KPI Target Week 2/7 d Prev Status" in page.text(1)
    spend = figure(html, "Spend, $")
    assert '<polyline class="partial"' in spend
    assert "this week projected (2/7 d)" in page.text(1)  # the slide's legend


def test_every_kpi_has_a_13_week_chart_with_its_target_and_stop_threshold() -> None:
    html, _ = deck()
    perf = html[html.index('id="hat-performance"') : html.index('id="hat-crm"')]
    assert perf.count("<svg") == len(make().hat_kpis("performance")) == perf.count('<figure class="chart"')
    cpa = figure(html, "CPA, $")
    assert '<line class="target"' in cpa and "target 1,000" in cpa
    assert '<line class="threshold"' not in cpa
    cpl = figure(html, "CPL, $")
    assert '<line class="threshold"' in cpl and "stop 150" in cpl
    assert 'aria-label="CPA, $: 13 weeks, 31 Aug – 29 Nov 2026"' in cpa
    assert re.findall(r'<text class="tick"[^>]*>(W\d\d)</text>', cpa)[-1] == "W48"
    assert "No values in these 13 weeks." in figure(html, "Published")  # content.published: none


def test_the_target_line_is_drawn_at_the_target() -> None:
    kpi = make().kpis["performance.cpa"]  # target 1,000
    weeks = ["2026-W44", "2026-W45", "2026-W46", "2026-W47", "2026-W48"]
    weekly = dict(zip(weeks, [800.0, 1000.0, 1200.0, 900.0, 1100.0], strict=True))
    verdict = week_facts(make()).verdicts["performance.cpa"]
    svg = chart_svg(chart_data(kpi, weeks, weekly, {}, verdict), "CPA")
    target_y = re.search(r'<line class="target" x1="[\d.]+" y1="([\d.]+)"', svg)
    points = re.findall(r'<circle class="weekly-point" cx="[\d.]+" cy="([\d.]+)"', svg)
    assert target_y and len(points) == 5
    assert points[1] == target_y.group(1)  # the week at 1,000 sits on the line
    assert float(points[2]) < float(target_y.group(1)) < float(points[0])  # up is more


def test_open_alerts_are_listed_on_their_hat_s_slide_up_to_three() -> None:
    daily = {**DAILY, "performance.leads": {MON: 1, TUE: 1}}  # CPL 3,000 then 2,000: above 150 two days
    snapshot = make(daily=daily)
    _, page = deck(snapshot)
    assert "Open stop-rule alerts CPL > 150 for 2 days: 23–24 Nov 2026 ($3,000, $2,000) → Stop the ad set" in (
        page.text(1)
    )
    assert "Open stop-rule alerts" not in page.text(0)


# -- the CMO summary -----------------------------------------------------------------------------


def test_the_money_tiles_are_the_report_s_summary() -> None:
    snapshot = make()
    _, page = deck(snapshot)
    cmo = page.text(3)
    assert "Revenue $20,000" in cmo
    assert "Marketing spend $5,000" in cmo
    assert "ROMI 300.0\u00a0%" in cmo
    assert "CAC $1,250" in cmo
    assert "Prev — · vs prev —" in cmo


def test_the_channel_map_conflicts_and_decisions_are_the_report_s() -> None:
    checks = [ExternalCheck(hats=("crm", "cmo"), by="Anna", day=MON, note="", outcome="ok")]
    decisions = [AlertDecision(kpi="performance.cpl", first=MON, last=TUE, decision="kept", reason="season", day=TUE)]
    daily = {**DAILY, "performance.leads": {MON: 1, TUE: 1}}
    snapshot = make(checks=checks, decisions=decisions, daily=daily)
    html, page = deck(snapshot)
    cmo = page.text(3)
    assert "Channel map · 2026-W48 Channel Worn by Leads Spend Revenue CPL ROMI" in cmo
    assert "Performance Me 2 $5,000 $15,000 $2,500 200.0\u00a0%" in cmo
    facts = week_facts(snapshot)
    for kind, sentence in conflict_lines(snapshot, str) + decision_lines(snapshot, facts.alerts, str):
        assert f'<li class="{kind}">{escape(sentence)}</li>' in html
    assert "CRM × CMO: checked by Anna on 23 Nov 2026, valid until 22 Dec 2026." in cmo
    assert "CPL (23–24 Nov 2026): kept — season" in cmo
    assert all(not is_decided(a, decisions) for a in facts.alerts) or not facts.alerts


def test_long_lists_end_with_how_many_more_the_report_has() -> None:
    decisions = [
        AlertDecision(kpi="performance.cpl", first=MON, last=TUE, decision="kept", reason=f"r{i}", day=TUE)
        for i in range(9)
    ]
    _, page = deck(make(decisions=decisions))
    cmo = page.text(3)
    assert "r5" in cmo and "r6" not in cmo
    assert "…and 3 more: mkhats report lists them all." in cmo


# -- words ---------------------------------------------------------------------------------------


def test_russian() -> None:
    set_language("ru")
    snapshot = make()
    snapshot.settings = Settings(currency="₽")
    html, page = deck(snapshot)
    assert html.startswith('<!DOCTYPE html>\n<html lang="ru">')
    assert "<title>Недельная презентация 2026-W48</title>" in html
    perf = page.text(1)
    assert perf.startswith("Перформанс")
    assert "План — Факт — Вывод — Действие —" in perf
    assert "KPI Цель Неделя Пред. Статус" in perf
    assert "CPA, ₽ 1\u00a0000 1\u00a0250 1\u00a0000 ✗ мимо цели +25\u00a0%" in perf
    assert "цель 1\u00a0000" in figure(html, "CPA, ₽")
    assert page.text(3).startswith("Сводка директора по маркетингу")
    assert "составлена 30 нояб. 2026 2 из 4" in perf
    assert "Weekly" not in html and " of 4" not in html


# -- text is data --------------------------------------------------------------------------------

EVIL = "Eve\x1b[2J\u202e<script>alert(1)</script>"


def hostile(decided: bool = True) -> Snapshot:
    """A week where every text the user typed is hostile (the CPL alert decided, or open)."""
    hats = {h.key: h for h in default_hats()}
    perf = hats["performance"].model_copy(
        update={"name": 'Perf <b onmouseover="x">', "mission": "owns <img src=x onerror=y>", "wearer": EVIL}
    )
    snapshot = make(
        hats={"performance": perf, "cmo": hats["cmo"].model_copy(update={"wearer": EVIL})},
        logs={
            ("performance", WEEK): WeeklyLog(
                hat="performance", week=WEEK, plan="<script>x</script>", fact='"><svg onload=y>', action="a & b"
            )
        },
        checks=[
            ExternalCheck(
                hats=("performance", "cmo"), by="Anna<i>", day=date(2026, 11, 27), note="</li><li>x"
            ).model_copy(update={"outcome": "problems"})
        ],
        decisions=[
            AlertDecision(kpi="performance.cpl", first=MON, last=TUE, decision="kept", reason="<iframe>", day=TUE)
        ]
        if decided
        else [],
        daily={**DAILY, "performance.leads": {MON: 1, TUE: 1}},
    )
    snapshot.settings = Settings(currency="<u>")
    kpi = snapshot.kpis["performance.cpl"]
    snapshot.kpis["performance.cpl"] = kpi.model_copy(
        update={"title": "CPL </td><td>", "stop": StopRule(op=">", threshold=150, days=2, action="<b>stop</b>")}
    )
    return snapshot


@pytest.mark.parametrize("decided", [True, False])
def test_no_element_or_attribute_comes_from_the_user(decided: bool) -> None:
    html, page = deck(hostile(decided))
    assert {tag for tag, _ in page.tags} <= TAGS
    assert not [a for _, attrs in page.tags for a in attrs if a.startswith("on")]
    assert "\x1b" not in html and "\u202e" not in html
    assert len(page.slides) == 4


def test_user_text_reads_as_typed() -> None:
    html, page = deck(hostile())
    perf = page.text(1)
    assert perf.startswith('Perf <b onmouseover="x"> Worn by Eve<script>alert(1)</script>: owns <img src=x onerror=y>.')
    assert 'Plan <script>x</script> Fact "><svg onload=y> Conclusion — Action a & b' in perf
    assert "CPL </td><td>, <u>" in perf
    assert "→ <b>stop</b>" in deck(hostile(decided=False))[1].text(1)
    cmo = page.text(3)
    assert "checked by Anna<i> on 27 Nov 2026: problems found — “</li><li>x”" in cmo
    assert "kept — <iframe>" in cmo
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "a &amp; b" in html
    assert 'aria-label="Perf &lt;b onmouseover=&quot;x&quot;&gt;"' in html
