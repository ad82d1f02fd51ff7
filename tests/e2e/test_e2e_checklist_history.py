"""A past week's report keeps its checklist (SPEC §1 "Checklist item"): items renamed, deleted or
added this week through the services leave ``mkhats report --week`` of last week as it was."""

from __future__ import annotations

from datetime import date

from mkhats.domain.checklist import current_items
from mkhats.present.views import hat_view
from mkhats.services import plans
from mkhats.services.workspace import Workspace

TODAY = date(2026, 11, 24)  # the CLI's MKHATS_TODAY: Tuesday of 2026-W48


def texts(ws: Workspace, week: str, hat: str = "content") -> list[str]:
    return [line.label for line in hat_view(ws.snapshot(week), hat).checklist]


def checklists(report: str) -> list[str]:
    """The hat headings and their ``Checklist: done/total`` lines."""
    return [line for line in report.splitlines() if line.startswith(("## ", "Checklist:"))]


def test_changes_this_week_leave_last_weeks_report_and_items(cli, demoed):
    ws = Workspace(cli.db, TODAY)
    last_week = cli.report("--week", "2026-W47")
    september = cli.report("--week", "2026-W39")
    old = texts(ws, "2026-W47")
    assert old[:2] == ["Brief with segment and call to action", "One hypothesis per piece"]
    assert "Checklist: 7/8 done." in checklists(last_week)[1]
    plans.tick(ws, "content-brief", "2026-W48", True)

    plans.edit_item(ws, "content-brief", "Brief v2")
    plans.delete_item(ws, "content-hypothesis")
    plans.add_item(ws, "content", "Check the Telegram stats")
    plans.edit_item(ws, "cmo-strategy", "Strategy session with the owner")  # monthly: November on

    assert cli.report("--week", "2026-W47") == last_week  # same done/total for every hat
    plans.delete_item(ws, "cmo-roles_review")  # quarterly: from Q4 on, which W47 belongs to
    after = cli.report("--week", "2026-W47")
    changed = [(a, b) for a, b in zip(checklists(last_week), checklists(after), strict=True) if a != b]
    assert changed == [("Checklist: 6/8 done.", "Checklist: 5/7 done.")]  # the CMO's: it was ticked for Q4
    assert cli.report("--week", "2026-W39") == september  # Q3 keeps it
    assert texts(ws, "2026-W47") == old
    now = texts(ws, "2026-W48")
    assert now[0] == "Brief v2" and "One hypothesis per piece" not in now and "Check the Telegram stats" in now
    assert "Strategy session with the owner" in texts(ws, "2026-W45", "cmo")  # November's first week
    assert "Strategy session with the owner" not in texts(ws, "2026-W44", "cmo")  # October's last
    row = next(
        line.row
        for line in hat_view(ws.snapshot("2026-W48"), "content").checklist
        if line.row.item.id == "content-brief"
    )
    assert row.done  # this week's tick followed the rename
    with ws.read() as repo:
        assert len([i for i in current_items(repo.checklist(), TODAY) if i.hat == "content"]) == 8


def test_a_file_from_before_the_history_loads_and_changes_from_now_on(cli, demoed):
    """Items stored without ``since``/``until`` show in every week; the first rename keeps them."""
    import json

    reports = {week: cli.report("--week", week) for week in ("2026-W40", "2026-W48")}
    data = json.loads(cli.db.read_text(encoding="utf-8"))
    for doc in data["checklist"].values():
        del doc["since"], doc["until"]
    cli.db.write_text(json.dumps(data), encoding="utf-8")
    assert {week: cli.report("--week", week) for week in reports} == reports

    ws = Workspace(cli.db, TODAY)
    plans.edit_item(ws, "content-brief", "Brief v2")
    assert texts(ws, "2026-W40")[0] == "Brief with segment and call to action"
    assert texts(ws, "2026-W48")[0] == "Brief v2"
