"""The report quotes what the user typed as text (SPEC §5): no injected heading, row or HTML."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from mkhats.domain.defaults import default_hats
from mkhats.domain.hypotheses import Hypothesis
from mkhats.domain.models import (
    AlertDecision,
    ExternalCheck,
    Settings,
    StopRule,
    StrategySession,
    WeeklyLog,
)
from mkhats.present.report import weekly_report
from tests.unit.test_report import MON, TUE, WEEK, make, section

PERSON = "Eve\n# Evil\x1b[2J<script>alert(1)</script>"
HAT = "Perf <b>|x\n# Injected"
CELL = re.compile(r"(?<!\\)\|")


def hostile_report(decided: bool = True) -> str:
    """The report of a week where every text the user typed is hostile (the alert decided or not)."""
    hats = {h.key: h for h in default_hats()}
    perf = hats["performance"].model_copy(
        update={"name": HAT, "mission": "owns *all* [x](javascript:y)", "wearer": PERSON}
    )
    snapshot = make(
        hats={"performance": perf, "cmo": hats["cmo"].model_copy(update={"wearer": PERSON})},
        logs={
            ("performance", WEEK): WeeklyLog(
                hat="performance",
                week=WEEK,
                plan="<script>x</script>\n# H",
                fact="| a | b |\n|---|---|",
                conclusion="`code` **bold**",
                action="1. first\n- second",
            )
        },
        checks=[
            ExternalCheck(
                hats=("performance", "cmo"),
                by="Anna\n# H",
                day=date(2026, 11, 27),
                note="| injected | row |\n# H",
                outcome="problems",
            )
        ],
        decisions=[
            AlertDecision(
                kpi="performance.cpl",
                first=MON,
                last=TUE,
                decision="kept",
                reason="because\n# H <img src=x onerror=y>",
                day=TUE,
            )
        ]
        if decided
        else [],
        sessions=[
            StrategySession(
                month="2026-10", day=date(2026, 11, 2), verdicts={"performance": "scale"}, notes="notes <script>\n# H"
            )
        ],
        hypotheses=[
            Hypothesis(
                id="h1",
                hat="performance",
                statement="faster | pages\n# H",
                kpi="performance.cpl",
                baseline_first=date(2026, 10, 26),
                baseline_last=date(2026, 11, 22),
                test_first=MON,
                test_last=date(2026, 12, 20),
                created=MON,
            )
        ],
    )
    snapshot.settings = Settings(currency="<b>")
    kpi = snapshot.kpis["performance.cpl"]
    snapshot.kpis["performance.cpl"] = kpi.model_copy(
        update={
            "title": "CPL | *x*\n## Row",
            "stop": StopRule(op=">", threshold=150, days=2, action="stop `now` <i>\n# H"),
        }
    )
    return weekly_report(snapshot)


def test_no_heading_row_or_html_is_injected() -> None:
    report = hostile_report() + hostile_report(decided=False)
    assert not re.search(r"<[A-Za-z/!?]", report)  # no tag of any kind
    assert not re.search(r"^\s*>", report, re.MULTILINE)  # no block quote
    headings = [line for line in report.splitlines() if line.startswith("#")]
    assert not [h for h in headings if re.match(r"#+ (Evil|Injected|Row|H)$", h)], headings
    assert not any(unicodedata.category(c) == "Cc" and c != "\n" for c in report)
    assert "\u202e" not in report


def test_every_table_row_has_its_header_s_cells() -> None:
    lines = (hostile_report() + hostile_report(decided=False)).splitlines()
    width = None
    for line in lines:
        if not line.startswith("|"):
            width = None
            continue
        cells = len(CELL.findall(line))
        width = width or cells
        assert cells == width, line


def test_user_text_reads_as_typed_once_rendered() -> None:
    report = hostile_report()
    perf = section(report, "Perf &lt;b&gt;\\|x \\# Injected")
    assert "Worn by Eve \\# Evil&lt;script&gt;alert(1)&lt;/script&gt;: owns \\*all\\* \\[x\\](javascript:y)." in perf
    assert "- **Plan:** &lt;script&gt;x&lt;/script&gt; \\# H" in perf
    assert "- **Fact:** \\| a \\| b \\| \\|---\\|---\\|" in perf
    assert "- **Conclusion:** \\`code\\` \\*\\*bold\\*\\*" in perf
    assert "- **Action:** 1\\. first - second" in perf
    assert "| CPL \\| \\*x\\* \\#\\# Row, &lt;b&gt; |" in perf  # the currency is the user's too
    assert "→ stop \\`now\\` &lt;i&gt; \\# H" in hostile_report(decided=False)
    assert "problems found — “\\| injected \\| row \\| \\# H”" in report
    assert "checked by Anna \\# H" in report
    assert "kept — because \\# H &lt;img src=x onerror=y&gt;" in report
    assert "- Notes: notes &lt;script&gt; \\# H" in report
    assert "| faster \\| pages \\# H |" in report
