"""The CMO's money end to end (SPEC §10): ``plan``, ``goal`` and the ``BUDGET``/``GOAL`` lines of
``check``, in English and Russian, by the real ``mkhats`` on a real file (today: 24 Nov 2026)."""

from __future__ import annotations

import json

from tests.e2e.test_e2e_russian import _CYRILLIC, bad_numbers, english_words

NB = "\u00a0"


def _spend(cli, per_day: int = 100, first: int = 1, last: int = 24) -> None:
    """``per_day`` of performance spend on each November day from ``first`` to ``last``."""
    rows = "".join(f"2026-11-{d:02d},performance.spend,{per_day}\n" for d in range(first, last + 1))
    (cli.tmp / "spend.csv").write_text("date,kpi,value\n" + rows, encoding="utf-8")
    cli.ok("import", str(cli.tmp / "spend.csv"))


def _main(cli) -> dict:
    return json.loads(cli.db.read_text(encoding="utf-8"))


def test_plan_set_stores_the_month_and_show_adds_the_spend_so_far(seeded):
    _spend(seeded)  # 2,400 by the 24th
    out = seeded.ok("plan", "set", "performance", "2026-11", "--budget", "3,000", "--leads", "120").out
    assert out == f"Performance, November 2026: budget $3,000 for 120 leads (CPL $25.00), tolerance ±10{NB}%.\n"
    stored = list(_main(seeded)["plans"].values())
    assert stored == [{"hat": "performance", "month": "2026-11", "budget": 3000.0, "leads": 120.0, "tolerance": 10.0}]
    # Changing the budget keeps the leads and the tolerance the month had.
    seeded.ok("plan", "set", "performance", "2026-11", "--budget", "2,000", "--tolerance", "25")
    seeded.ok("plan", "set", "performance", "2026-12", "--budget", "3100")
    lines = seeded.ok("plan", "show").lines
    assert lines[0] == "Media plan 2026-Q4"
    assert lines[1].split() == [
        "Channel",
        "Month",
        "Budget",
        "Leads",
        "plan",
        "CPL",
        "plan",
        "Spend",
        "so",
        "far",
        "Pace",
        "Tolerance",
    ]
    assert lines[2].split() == [
        "Performance",
        "November",
        "2026",
        "$2,000",
        "120",
        "$16.67",
        "$2,400",
        "✗",
        "+50",
        "%",
        "±25",
        "%",
    ]
    assert lines[3].split() == ["Performance", "December", "2026", "$3,100", "—", "—", "—", "—", "±10", "%"]
    assert seeded.ok("plan", "show", "--quarter", "2026-q1").lines == [
        "Media plan 2026-Q1",
        "No media plan for 2026-Q1.",
    ]


def test_check_warns_when_a_channel_is_off_pace_either_way_and_not_within_it(seeded):
    _spend(seeded)  # 100 a day; by the 24th the pace of 3,000 a month is 2,400
    seeded.ok("plan", "set", "performance", "2026-11", "--budget", "3000")
    assert not seeded.check().starting("BUDGET")
    seeded.ok("plan", "set", "performance", "2026-11", "--budget", "2000")  # 1,600 by now: 50 % over
    result = seeded.check()
    assert result.code == 1
    assert result.starting("BUDGET") == [
        f"BUDGET Performance has spent $2,400 of $2,000 by 24 Nov 2026: 50{NB}% over pace ($1,600 by now, ±10{NB}% "
        "allowed); slow the spend or revise the plan for November 2026."
    ]
    seeded.ok("plan", "set", "performance", "2026-11", "--budget", "6000")  # 4,800 by now: 50 % under
    [line] = seeded.check().starting("BUDGET")
    assert "50\u00a0% under pace" in line and "spend as planned" in line
    # The tolerance edge, exactly: 2,400 is 120 % of 2,000's pace to the 24th.
    seeded.ok("plan", "set", "performance", "2026-11", "--budget", "2500", "--tolerance", "20")
    assert not seeded.check().starting("BUDGET")
    seeded.ok("plan", "set", "performance", "2026-11", "--budget", "2499", "--tolerance", "20")
    assert seeded.check().starting("BUDGET")


def test_the_report_shows_plan_beside_fact_only_with_a_plan(seeded, row):
    _spend(seeded, first=23)
    assert "| Budget | Spend | Pace |" not in seeded.report()
    seeded.ok("plan", "set", "performance", "2026-11", "--budget", "3000", "--leads", "100")
    cells = row(seeded.report(), "Performance")
    assert cells[3:9] == ["$700", "$200", f"✓ +0{NB}%", "—", "$30.00", "—"]


def test_the_plan_in_russian(seeded):
    _spend(seeded)
    out = seeded.ok(
        "plan", "set", "performance", "2026-11", "--budget", "2 000", "--tolerance", "12,5", MKHATS_LANG="ru"
    ).out
    # The file was made in English: its money stays in dollars, written the Russian way.
    assert out == f"Перформанс, ноябрь 2026: бюджет 2{NB}000{NB}$, допуск ±12,5{NB}%.\n"
    shown = seeded.ok("plan", "show", MKHATS_LANG="ru").out
    assert shown.startswith("Медиаплан 2026-Q4\nКанал")
    assert f"✗ +50{NB}%" in shown and english_words(shown) == [] and bad_numbers(shown) == []
    [line] = seeded.check(MKHATS_LANG="ru").starting("BUDGET")
    assert line.startswith("BUDGET Перформанс: потрачено 2") and "быстрее плана" in line
    assert _CYRILLIC.search(line) and english_words(line) == []


def test_plan_refusals_name_what_is_wrong_and_write_nothing(seeded):
    before = seeded.files()
    assert "cmo is not a channel hat" in seeded.refused("plan", "set", "cmo", "2026-11", "--budget", "5")
    assert "2026-13" in seeded.refused("plan", "set", "performance", "2026-13", "--budget", "5")
    assert "--budget" in seeded.refused("plan", "set", "performance", "2026-11", "--budget", "-5")
    assert "--tolerance" in seeded.refused(
        "plan", "set", "performance", "2026-11", "--budget", "5", "--tolerance", "101"
    )
    assert "nohat" in seeded.refused("plan", "set", "nohat", "2026-11", "--budget", "5")
    assert "--budget" in seeded.refused("plan", "set", "performance", "2026-11")
    message = seeded.refused("plan", "set", "cmo", "2026-11", "--budget", "5", MKHATS_LANG="ru")
    assert _CYRILLIC.search(message) and english_words(message, ("cmo",)) == []
    assert seeded.files() == before


def test_goal_set_prints_the_weekly_targets_and_accept_makes_them_the_target(seeded):
    out = seeded.ok("goal", "set", "cmo.revenue", "2026-Q4", "100,000").lines
    assert out[0] == "Goal for CMO Revenue in 2026-Q4: $100,000 (higher is better)."
    assert out[1] == "Spread over the quarter's 14 weeks (a week counts in the quarter of its Thursday): $7,143 a week."
    assert out[2].split() == ["Week", "Days", "Target", "Running", "total"]
    assert out[3].split() == ["2026-W40", "28", "Sep", "–", "4", "Oct", "2026", "$7,143", "$7,143"]
    assert out[-2].split()[0] == "2026-W53" and out[-2].split()[-1] == "$100,002"
    assert out[-1] == "CMO Revenue's weekly target stays —; add --accept to make it $7,143."
    [kpi] = [k for k in _main(seeded)["kpis"].values() if k["key"] == "cmo.revenue"]
    assert kpi.get("target") is None  # not accepted: the target stays as it was
    seeded.ok("goal", "set", "cmo.revenue", "2026-Q4", "100000", "--accept")
    assert list(_main(seeded)["goals"].values()) == [{"kpi": "cmo.revenue", "quarter": "2026-Q4", "value": 100000.0}]
    [kpi] = [k for k in _main(seeded)["kpis"].values() if k["key"] == "cmo.revenue"]
    assert kpi["target"] == 7143
    # A rate: the goal itself is each week's target; a 13-week quarter spreads evenly.
    rate = seeded.ok("goal", "set", "cmo.romi", "2027-Q2", "150").lines
    assert rate[1] == "A rate: each week's target is the goal itself, 150.0\u00a0%." and len(rate) == 3
    even = seeded.ok("goal", "set", "cmo.new_customers", "2026-Q1", "130").lines
    assert "13 weeks" in even[1] and even[1].endswith("10 a week.")


def test_goal_show_and_the_check_flag_a_goal_out_of_reach(seeded):
    rows = "".join(f"2026-{m}-{d},cmo.revenue,1000\n" for m, d in (("10", "05"), ("10", "12"), ("10", "19")))
    (seeded.tmp / "revenue.csv").write_text("date,kpi,value\n" + rows, encoding="utf-8")
    seeded.ok("import", str(seeded.tmp / "revenue.csv"))
    # 3,000 in the 8 weeks over (375 a week): 3,000 more in 6 weeks is within twice that.
    seeded.ok("goal", "set", "cmo.revenue", "2026-Q4", "6000")
    lines = seeded.ok("goal", "show").lines
    assert lines[0] == "Goals 2026-Q4 (weeks over up to 2026-W47)"
    assert lines[2].split() == ["CMO", "Revenue", "$6,000", "$429", "—", "$3,000", "8/14", "$500", "behind"]
    assert not seeded.check().starting("GOAL")
    seeded.ok("goal", "set", "cmo.revenue", "2026-Q4", "20000")  # 17,000 in 6 weeks: over twice 375 a week
    [line] = seeded.check().starting("GOAL")
    assert line == (
        "GOAL CMO Revenue goal for 2026-Q4 is out of reach: $3,000 after 8 of 14 weeks; the 6 weeks left would "
        "need $2,833 a week, more than twice the average week so far ($375). Revise the goal or the plan."
    )
    assert seeded.ok("goal", "show").lines[2].endswith("$2,833       out of reach")
    ru = seeded.check(MKHATS_LANG="ru").starting("GOAL")
    assert len(ru) == 1 and "недостижима" in ru[0] and english_words(ru[0]) == []
    shown = seeded.ok("goal", "show", MKHATS_LANG="ru").out
    assert "недостижима" in shown and english_words(shown) == [] and bad_numbers(shown) == []


def test_goal_refusals_write_nothing(seeded):
    before = seeded.files()
    assert "2026-Q5" in seeded.refused("goal", "set", "cmo.revenue", "2026-Q5", "5")
    assert "cannot be negative" in seeded.refused("goal", "set", "cmo.revenue", "2026-Q4", "-5")
    assert "cmo.nope" in seeded.refused("goal", "set", "cmo.nope", "2026-Q4", "5")
    assert "abc" in seeded.refused("goal", "set", "cmo.revenue", "2026-Q4", "abc")
    assert seeded.files() == before


def test_the_demo_has_a_plan_goals_and_one_channel_off_pace(demoed):
    plan = demoed.ok("plan", "show", "--quarter", "2026-Q4").lines
    assert [line.split()[0] for line in plan[2:]] == ["Performance"] * 3
    assert sum("✗" in line for line in plan) == 1
    [line] = demoed.check().starting("BUDGET")
    assert line.startswith("BUDGET Performance has spent") and "over pace" in line
    goals = demoed.ok("goal", "show").out
    assert "CMO Revenue" in goals and "CMO ROMI" in goals
    assert not demoed.check().starting("GOAL")


def test_a_backup_keeps_the_plan_and_goals_and_a_bad_one_is_refused(seeded):
    seeded.ok("plan", "set", "performance", "2026-11", "--budget", "3000")
    seeded.ok("goal", "set", "cmo.revenue", "2026-Q4", "100000")
    backup = seeded.tmp / "backup.json"
    seeded.ok("export", "--format", "json", "--out", str(backup))
    seeded.ok("restore", str(backup))
    assert "$3,000" in seeded.ok("plan", "show").out and "$100,000" in seeded.ok("goal", "show").out
    data = json.loads(backup.read_text(encoding="utf-8"))
    [main] = [name for name in data["files"] if name.endswith("mkhats.json")]
    data["files"][main]["plans"]["1"]["tolerance"] = 500
    backup.write_text(json.dumps(data), encoding="utf-8")
    before = seeded.files()
    message = seeded.refused("restore", str(backup))
    assert "plans" in message and "tolerance" in message, message
    assert seeded.files() == before
