"""A decided BUDGET warning, end to end: ``mkhats check`` by the real ``mkhats`` lists a channel off
its budget's pace until its month is decided (as the ritual's decisions step records it), then no
longer, as it treats a decided stop alert; a later month is judged afresh."""

from __future__ import annotations

from datetime import date

from mkhats.services.decisions import decide_budget
from mkhats.services.workspace import Workspace


def _spend(cli, per_day: int = 100) -> None:
    rows = "".join(f"2026-11-{d:02d},performance.spend,{per_day}\n" for d in range(1, 25))
    (cli.tmp / "spend.csv").write_text("date,kpi,value\n" + rows, encoding="utf-8")
    cli.ok("import", str(cli.tmp / "spend.csv"))


def test_check_drops_a_decided_budget_warning_and_keeps_the_others(seeded):
    _spend(seeded)
    seeded.ok("plan", "set", "performance", "2026-11", "--budget", "2000")  # 50 % over pace
    before = seeded.check()
    assert len(before.starting("BUDGET")) == 1
    ws = Workspace(seeded.db, date(2026, 11, 24))
    decide_budget(ws, "performance", "2026-10", "cut")  # another month: no effect
    assert len(seeded.check().starting("BUDGET")) == 1
    decide_budget(ws, "performance", "2026-11", "keep", "launch week")
    after = seeded.check()
    assert after.starting("BUDGET") == []
    assert [line for line in before.lines if not line.startswith("BUDGET")] == after.lines
    # December's pace is judged afresh: the November decision does not carry over.
    seeded.ok("plan", "set", "performance", "2026-12", "--budget", "10")
    rows = "".join(f"2026-12-{d:02d},performance.spend,100\n" for d in range(1, 4))
    (seeded.tmp / "dec.csv").write_text("date,kpi,value\n" + rows, encoding="utf-8")
    seeded.ok("import", str(seeded.tmp / "dec.csv"))
    assert len(seeded.check("--week", "2026-W49", MKHATS_TODAY="2026-12-04").starting("BUDGET")) == 1
