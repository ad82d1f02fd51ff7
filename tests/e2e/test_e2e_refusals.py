"""Bad input: exit 2, one sentence on stderr, nothing on stdout, not one byte of the data changed."""

from __future__ import annotations

import pytest

LONG_NOTE = "x" * 501

# (id, argv, a fragment the sentence must contain)
REFUSALS = [
    ("unknown-kpi", ["add", "performance.cpx", "5"], "performance.cpx"),
    ("unknown-hat-kpi", ["add", "nohat.spend", "5"], "nohat.spend"),
    ("formula-kpi", ["add", "performance.cpa", "5"], "spend / sales"),
    ("formula-kpi-roas", ["add", "performance.roas", "5"], "formula"),
    ("negative-money", ["add", "performance.spend", "-5"], "negative"),
    ("negative-count", ["add", "content.leads", "-1"], "negative"),
    ("not-a-number", ["add", "performance.spend", "abc"], "abc"),
    ("nan", ["add", "performance.spend", "nan"], "nan"),
    ("infinity", ["add", "performance.spend", "1e400"], "1e400"),
    ("bad-date", ["add", "performance.spend", "5", "--date", "2026-02-30"], "2026-02-30"),
    ("bad-date-dotted", ["add", "performance.spend", "5", "--date", "31.11.2026"], "31.11.2026"),
    ("bad-today", ["add", "performance.spend", "5", "--today", "2026-13-01"], "--today"),
    ("note-too-long", ["add", "performance.spend", "5", "--note", LONG_NOTE], "500"),
    ("bad-week-report", ["report", "--week", "2026-W60"], "2026-W60"),
    ("week-53-missing", ["report", "--week", "2027-W53"], "2027-W53"),
    ("bad-week-check", ["check", "--week", "junk"], "JUNK"),
    ("bad-today-check", ["check", "--today", "tomorrow"], "tomorrow"),
    ("unknown-hat-assign", ["assign", "nohat", "Olga"], "nohat"),
    ("empty-person", ["assign", "cmo", " "], "name"),
    ("unknown-hat-wear", ["wear", "nohat"], "nohat"),
    ("wear-hat-and-stop", ["wear", "content", "--stop"], "--stop"),
    ("wear-nothing", ["wear"], "--stop"),
    ("stop-operator", ["kpi", "set", "performance.cpa", "--stop", ">> 100"], ">> 100"),
    ("stop-syntax", ["kpi", "set", "performance.cpa", "--stop", "bogus"], "bogus"),
    ("stop-days", ["kpi", "set", "performance.cpa", "--stop", "> 100 for 0 days"], "0"),
    ("stop-nan", ["kpi", "set", "performance.cpa", "--stop", "> nan"], "nan"),
    ("guard-syntax", ["kpi", "set", "performance.cpa", "--stop", "> 100", "--guard", "spend"], "spend"),
    ("guard-unknown", ["kpi", "set", "performance.cpa", "--stop", "> 100", "--guard", "foo >= 3"], "foo"),
    ("guard-without-rule", ["kpi", "set", "performance.spend", "--guard", "leads >= 3"], "--stop"),
    ("kpi-set-nothing", ["kpi", "set", "performance.cpa"], "--target"),
    ("kpi-set-bad-target", ["kpi", "set", "performance.cpa", "--target", "abc"], "abc"),
    ("groups-add", ["add", "performance.spend", "1,2,3"], "1,2,3"),
    ("groups-target", ["kpi", "set", "performance.cpa", "--target", "12,34.5"], "--target"),
    ("groups-stop", ["kpi", "set", "performance.cpa", "--stop", "> 1 23 for 3 days"], "--stop"),
    ("groups-guard", ["kpi", "set", "performance.cpa", "--stop", "> 100", "--guard", "spend >= 1,234,5"], "--guard"),
    ("kpi-set-unknown", ["kpi", "set", "nope.x", "--target", "5"], "nope.x"),
    ("negative-money-target", ["kpi", "set", "performance.spend", "--target", "-5"], "target of Spend"),
    ("negative-count-target", ["kpi", "set", "content.leads", "--target=-1"], "cannot be negative"),
    ("negative-formula-money-target", ["kpi", "set", "performance.cpa", "--target", "−0,5"], "cannot be negative"),
    ("verify-no-rule", ["verify", "performance", "pr", "--by", "Olga"], "performance × pr"),
    ("verify-wearer", ["verify", "performance", "cmo", "--by", "Me"], "Me"),
    ("demo-weeks", ["demo", "--weeks", "0", "--force"], "--weeks"),
    ("import-missing", ["import", "missing.csv"], "missing.csv"),
    ("unknown-command", ["bogus"], "bogus"),
    ("bad-choice", ["assign", "cmo", "Boss", "--kind", "boss"], "boss"),
    ("missing-argument", ["add", "performance.spend"], "VALUE"),
    ("plan-not-channel", ["plan", "set", "cmo", "2026-11", "--budget", "5"], "cmo"),
    ("plan-bad-month", ["plan", "set", "performance", "2026-13", "--budget", "5"], "2026-13"),
    ("plan-negative", ["plan", "set", "performance", "2026-11", "--budget", "-5"], "--budget"),
    ("plan-tolerance", ["plan", "set", "performance", "2026-11", "--budget", "5", "--tolerance", "101"], "--tolerance"),
    ("plan-groups", ["plan", "set", "performance", "2026-11", "--budget", "1,2,3"], "--budget"),
    ("plan-show-quarter", ["plan", "show", "--quarter", "Q4"], "Q4"),
    ("goal-bad-quarter", ["goal", "set", "cmo.revenue", "2026-Q5", "5"], "2026-Q5"),
    ("goal-negative", ["goal", "set", "cmo.revenue", "2026-Q4", "-5"], "cannot be negative"),
    ("goal-unknown-kpi", ["goal", "set", "cmo.nope", "2026-Q4", "5"], "cmo.nope"),
]


@pytest.mark.parametrize("argv, fragment", [c[1:] for c in REFUSALS], ids=[c[0] for c in REFUSALS])
def test_bad_input_is_refused_and_writes_nothing(seeded, argv, fragment):
    before = seeded.files()
    message = seeded.refused(*argv)
    assert fragment in message
    assert seeded.files() == before


def test_verify_by_a_wearer_says_why(seeded):
    message = seeded.refused("verify", "performance", "cmo", "--by", "me")
    assert message.startswith("Me wears both the Performance and the CMO hats")
    assert "neither" in message


def test_refusals_speak_russian(seeded):
    message = seeded.refused("add", "performance.spend", "-5", "--lang", "ru")
    assert any("а" <= ch <= "я" for ch in message.lower()), message
    message = seeded.refused("add", "performance.spend", "5", MKHATS_LANG="ru", MKHATS_TODAY="31.02.2026")
    assert "31.02.2026" in message
