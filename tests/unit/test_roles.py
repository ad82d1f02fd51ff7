"""The quarterly roles and KPIs review: fading status per KPI, and raise / add / kill / keep applied."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mkhats.domain.models import KpiValue, RolesReview
from mkhats.errors import InputError
from mkhats.services.roles import record_roles_review, review_rows
from mkhats.services.workspace import Workspace
from tests.unit.cmo_snapshot import mondays

TODAY = date(2026, 11, 30)  # W48 is over: the recent window is W36 … W48
EARLY = mondays(date(2026, 6, 1), 13)
LATE = mondays(date(2026, 8, 31), 13)


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    workspace = Workspace(tmp_path / "mkhats.json", TODAY)
    with workspace.write():
        pass
    return workspace


def kpis(ws: Workspace) -> dict:
    with ws.read() as repo:
        return repo.kpis()


def test_rows_list_every_kpi_in_use_with_the_fading_status(ws: Workspace) -> None:
    rising = [float(n) for n in range(1, 14)]
    v_shape = [7.0, 6, 5, 4, 3, 2, 1, 2, 3, 4, 5, 6, 7]
    values = [
        KpiValue(kpi="cmo.revenue", day=d, value=v * 100) for d, v in zip(EARLY + LATE, rising + rising, strict=False)
    ]
    values += [
        KpiValue(kpi="content.leads", day=d, value=v) for d, v in zip(EARLY + LATE, rising + v_shape, strict=False)
    ]
    with ws.write() as repo:
        repo.set_values(values)
    rows = {r.key: r for r in review_rows(ws, "2026-W48")}
    assert len(rows) == 29  # the five default hats' KPIs
    leads = rows["content.leads"]
    assert (leads.title, leads.target, leads.fade.status) == ("Content · Leads", "—", "fading")
    assert leads.fade_text == "fading: r with revenue 1.00 → 0.00"
    assert rows["content.traffic"].fade_text == "not enough data (0 + 0 of 26 weeks)"
    assert rows["cmo.romi"].fade is None and rows["cmo.romi"].fade_text == ""  # a process hat's KPI


def test_raise_kill_add_keep_are_applied_and_stored(ws: Workspace) -> None:
    decisions = {"performance.cpl": "raise", "content.published": "kill", "crm.sends": "add", "cmo.cac": "keep"}
    review = record_roles_review(
        ws, date(2026, 11, 27), "  Cut vanity KPIs ", decisions, {"performance.cpl": "1 200,5"}
    )
    assert review == RolesReview(day=date(2026, 11, 27), notes="Cut vanity KPIs", decisions=decisions)
    after = kpis(ws)
    assert after["performance.cpl"].target == 1200.5
    assert after["content.published"].retired and not after["crm.sends"].retired
    with ws.read() as repo:
        assert repo.reviews() == [review]


def test_killing_a_kpi_and_the_formula_using_it_together(ws: Workspace) -> None:
    record_roles_review(ws, TODAY, "", {"content.traffic": "kill", "content.conversion": "kill"})
    after = kpis(ws)
    assert after["content.traffic"].retired and after["content.conversion"].retired


@pytest.mark.parametrize(
    ("decisions", "targets", "key"),
    [
        ({"performance.cpl": "raise"}, {}, "roles.target_needed"),
        ({"performance.cpl": "raise"}, {"performance.cpl": "lots"}, "error.number"),
        # The first raise is fine, the second is not: neither is written.
        (
            {"performance.cpa": "raise", "performance.cpl": "raise"},
            {"performance.cpa": "90", "performance.cpl": "-5"},
            "kpi.target_negative",
        ),
        # CPL goes with it, but CPA and ROAS still compute from spend
        ({"performance.cpl": "kill", "performance.spend": "kill"}, {}, "settings.kpi_in_use"),
        ({"content.nope": "keep"}, {}, "kpi.unknown"),
        ({"content.leads": "double"}, {}, "roles.choice_unknown"),
    ],
)
def test_a_refusal_changes_nothing(ws: Workspace, decisions, targets, key) -> None:
    before = kpis(ws)
    with pytest.raises(InputError) as error:
        record_roles_review(ws, TODAY, "", decisions, targets)
    assert error.value.key == key
    assert kpis(ws) == before
    with ws.read() as repo:
        assert repo.reviews() == []


def test_a_review_cannot_be_dated_after_today(ws: Workspace) -> None:
    with pytest.raises(InputError) as error:
        record_roles_review(ws, date(2026, 12, 1))
    assert error.value.key == "roles_review.future"


def test_old_review_records_load_without_decisions() -> None:
    assert RolesReview.model_validate({"day": "2026-10-14", "notes": "x"}).decisions == {}
