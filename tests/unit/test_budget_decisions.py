"""Decisions on a channel off its budget's pace (SPEC §3 ritual, §10): a decided month leaves the
review as a decided stop alert does, the latest decision counts, another month stays judged; the
service refuses what it cannot store, and a decision survives the file being read back."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from mkhats.domain.media_plan import BudgetDecision, BudgetPlan, budget_decision
from mkhats.domain.review import budget_items, review
from mkhats.errors import InputError
from mkhats.services.decisions import decide_budget
from mkhats.services.workspace import Workspace
from tests.unit.cmo_snapshot import make

DEC_18 = date(2026, 12, 18)
SPEND = {"performance.spend": {date(2026, 12, 1) + timedelta(days=n): 182_000 / 17 for n in range(17)}}
PLAN = [BudgetPlan(hat="performance", month="2026-12", budget=300_000)]


def decided(month: str = "2026-12", decision: str = "cut", day: date = DEC_18, reason: str = "") -> BudgetDecision:
    return BudgetDecision(hat="performance", month=month, decision=decision, reason=reason, day=day)


def budget_lines(**fields) -> list:
    return [i for i in review(make(DEC_18, "2026-W51", daily=SPEND, plans=PLAN, **fields)) if i.category == "BUDGET"]


def test_a_decided_month_leaves_the_review_and_stays_among_the_budget_items() -> None:
    assert len(budget_lines()) == 1
    assert budget_lines(budget_decisions=[decided()]) == []
    snapshot = make(DEC_18, "2026-W51", daily=SPEND, plans=PLAN, budget_decisions=[decided()])
    [item] = budget_items(snapshot)
    assert item.params["decision"] == decided() and item.hat == "performance"


def test_a_decision_on_another_month_or_hat_leaves_the_warning() -> None:
    other_hat = BudgetDecision(hat="content", month="2026-12", decision="cut", day=DEC_18)
    assert len(budget_lines(budget_decisions=[decided(month="2026-11"), other_hat])) == 1


def test_the_latest_decision_counts() -> None:
    first = decided(decision="cut", day=date(2026, 12, 10))
    later = decided(decision="keep", reason="launch", day=date(2026, 12, 17))
    same_day = decided(decision="rebalance", day=date(2026, 12, 17))
    assert budget_decision([later, first], "performance", "2026-12") == later
    assert budget_decision([first, later, same_day], "performance", "2026-12") == same_day
    assert budget_decision([first], "performance", "2027-01") is None


def test_the_service_stores_a_decision_and_the_snapshot_reads_it(tmp_path) -> None:
    ws = Workspace(tmp_path / "mkhats.json", DEC_18)
    with ws.write():
        pass
    record = decide_budget(ws, "performance", "2026-12", "keep", "  launch week ")
    assert record == decided(decision="keep", reason="launch week")
    again = Workspace(tmp_path / "mkhats.json", DEC_18)
    assert again.snapshot("2026-W51").budget_decisions == [record]


@pytest.mark.parametrize(
    ("month", "decision", "reason", "key"),
    [
        ("2026-12", "keep", " ", "budget_decision.reason_needed"),
        ("2026-12", "pause", "", "budget_decision.unknown"),
        ("2026-13", "cut", "", "budget_decision.month"),
    ],
)
def test_the_service_refuses_what_it_cannot_store(tmp_path, month, decision, reason, key) -> None:
    ws = Workspace(tmp_path / "mkhats.json", DEC_18)
    with ws.write():
        pass
    with pytest.raises(InputError) as refused:
        decide_budget(ws, "performance", month, decision, reason)
    assert refused.value.key == key
    with pytest.raises(InputError) as unknown:
        decide_budget(ws, "nohat", "2026-12", "cut")
    assert unknown.value.key == "hat.unknown"
    with ws.read() as repo:
        assert repo.money().budget_decisions() == []


def test_a_bad_stored_decision_is_refused_naming_its_table(tmp_path) -> None:
    import json

    from mkhats.errors import StoreError

    ws = Workspace(tmp_path / "mkhats.json", DEC_18)
    decide_budget(ws, "performance", "2026-12", "cut")
    data = json.loads((tmp_path / "mkhats.json").read_text(encoding="utf-8"))
    [doc] = data["budget_decisions"].values()
    doc["decision"] = "pause"
    (tmp_path / "mkhats.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(StoreError) as refused:
        Workspace(tmp_path / "mkhats.json", DEC_18).snapshot("2026-W51")
    assert "budget_decisions" in refused.value.render()


def test_the_reports_decisions_list_a_budget_decided_that_week() -> None:
    from mkhats.i18n import set_language
    from mkhats.present.report import decision_lines

    set_language("en")
    later = decided(decision="keep", reason="launch week", day=date(2026, 12, 25))
    snapshot = make(DEC_18, "2026-W51", daily=SPEND, plans=PLAN, budget_decisions=[decided(reason="too fast"), later])
    assert decision_lines(snapshot, []) == [("decided", "Performance · December 2026: cut — too fast")]
