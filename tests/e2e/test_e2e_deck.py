"""``mkhats deck`` end to end (SPEC §10): the real command on demo files, in English and Russian.

The deck is one HTML file named after its week, in the folder the command runs in (or ``--out``),
owner-only like a report written with ``--out``; its numbers are the report's.
"""

from __future__ import annotations

import re
import stat

from tests.e2e.conftest import table_row
from tests.e2e.test_e2e_russian import _ru_demo_files, bad_numbers, english_words, ru  # noqa: F401 - fixtures
from tests.unit.test_deck import TAGS, Page

SLIDES = ["hat-content", "hat-performance", "hat-crm", "cmo-summary"]


def test_deck_writes_the_week_s_file_here_and_says_so(demoed):
    result = demoed.ok("deck")
    assert result.out == "Written to deck-2026-W48.html.\n"
    path = demoed.tmp / "deck-2026-W48.html"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # business numbers: owner-only, like the data
    html = path.read_text(encoding="utf-8")
    page = Page(html)
    assert [s["id"] for s in page.slides] == SLIDES
    assert "<title>Weekly deck 2026-W48</title>" in html
    assert {tag for tag, _ in page.tags} <= TAGS
    assert not re.search(r"https?:|src=|url\(|<script", html)


def test_the_deck_s_numbers_are_the_report_s(demoed):
    demoed.ok("deck")
    page = Page((demoed.tmp / "deck-2026-W48.html").read_text(encoding="utf-8"))
    report = demoed.report()
    for n, (section, titles) in enumerate(
        [("Content", ["Traffic", "Leads"]), ("Performance", ["Spend, $", "CPA, $", "ROAS, %"]), ("CRM", ["Sends"])]
    ):
        for title in titles:
            assert " ".join(table_row(report, title, section)) in page.text(n), (section, title)
    assert "Week 2/7 d" in page.text(1)  # today is the week's Tuesday: judged on pace, as the report
    summary = table_row(report, "Revenue", "CMO summary")
    assert f"Revenue {summary[1]} {summary[6]} Prev {summary[2]} · vs prev {summary[3]}" in page.text(3)
    performance = table_row(report, "Performance", "CMO summary")
    assert " ".join(performance[:9]) in page.text(3)  # the channel map's row, up to the shares


def test_another_week_to_a_named_file(demoed):
    result = demoed.ok("deck", "--week", "2026-W46", "--out", "owner.html")
    assert result.out == "Written to owner.html.\n"
    html = (demoed.tmp / "owner.html").read_text(encoding="utf-8")
    page = Page(html)
    assert "<title>Weekly deck 2026-W46</title>" in html
    assert "2026-W46 9–15 Nov 2026" in page.text(0)
    assert "KPI Target Week Prev Status" in page.text(1)  # a finished week: no pace
    assert not (demoed.tmp / "deck-2026-W48.html").exists()


def test_out_dash_prints_the_deck(demoed):
    result = demoed.ok("deck", "--out", "-")
    assert result.out.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert result.out.rstrip().endswith("</html>")
    assert len(Page(result.out).slides) == 4
    assert not list(demoed.tmp.glob("*.html"))


def test_refusals_write_nothing(demoed):
    before = demoed.data_files()
    assert demoed.refused("deck", "--week", "2026-W99") == "--week: Week 2026-W99 does not exist in that year."
    message = demoed.refused("deck", "--out", str(demoed.db))
    assert message.endswith(
        "is part of the data set (the data file, a month file, its lock or a backup): write the output elsewhere."
    )
    assert demoed.refused("deck", "--out", "no/such/deck.html", code=1) == (
        "Cannot write no/such/deck.html: the folder does not exist."
    )
    assert demoed.data_files() == before
    assert not list(demoed.tmp.rglob("*.html"))


def test_names_stay_text(demoed):
    demoed.ok("assign", "performance", "<script>alert(1)</script>")
    html = demoed.ok("deck", "--out", "-").out
    assert "<script" not in html
    page = Page(html)
    assert "Worn by <script>alert(1)</script>: owns paid traffic" in page.text(1)
    assert "Performance <script>alert(1)</script>" in page.text(3)  # the channel map's wearer


def test_the_deck_is_russian(ru):  # noqa: F811 - the fixture imported above
    result = ru.ok("deck")
    assert result.out == "Записано в deck-2026-W48.html.\n"
    html = (ru.tmp / "deck-2026-W48.html").read_text(encoding="utf-8")
    assert html.startswith('<!DOCTYPE html>\n<html lang="ru">')
    assert "<title>Недельная презентация 2026-W48</title>" in html
    page = Page(html, charts=True)
    assert [s["id"] for s in page.slides] == SLIDES
    text = "\n".join(page.text(n) for n in range(len(page.slides)))
    assert page.text(0).startswith("Контент Отвечает:")
    assert page.text(3).startswith("Сводка директора по маркетингу")
    assert "План" in text and "Вывод" in text and "цель" in text and "из 4" in text
    assert "₽" in text and "$" not in text
    assert english_words(text) == []
    thresholds = re.findall(r"[<>]=? [\d\u00a0 ,?]+", text)  # the stop rules' own numbers: the report test's
    assert bad_numbers(re.sub("|".join(map(re.escape, thresholds)) or "$^", " ", text)) == []
