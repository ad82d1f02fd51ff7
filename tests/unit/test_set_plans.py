"""``set_plans``, the plan editor's save: several months at once, all or none, numbers as the
language writes them."""

from __future__ import annotations

from datetime import date

import pytest

from mkhats.i18n import set_language
from mkhats.services.money import PlanErrors, plan_sheet, set_plans
from mkhats.services.workspace import Workspace


@pytest.fixture
def ws(tmp_path):
    workspace = Workspace(tmp_path / "mkhats.json", date(2026, 11, 24))
    with workspace.write():
        pass
    return workspace


def plans(ws):
    return {k: (p.budget, p.leads, p.tolerance) for k, p in plan_sheet(ws, "2026-Q4").plans.items()}


def test_months_are_stored_together_in_the_language_s_numbers(ws):
    set_language("ru")
    try:
        done = set_plans(
            ws,
            {
                ("performance", "2026-11"): {"budget": "1 234,5", "leads": "40", "tolerance": None},
                ("performance", "2026-12"): {"budget": "0", "leads": None, "tolerance": "5"},
            },
        )
    finally:
        set_language("en")
    assert len(done) == 2
    assert plans(ws) == {("performance", "2026-11"): (1234.5, 40.0, 10.0), ("performance", "2026-12"): (0.0, None, 5.0)}


def test_one_bad_figure_stores_nothing_and_names_each_cell(ws):
    set_plans(ws, {("performance", "2026-10"): {"budget": "100"}})
    before = plans(ws)
    with pytest.raises(PlanErrors) as refused:
        set_plans(
            ws,
            {
                ("performance", "2026-11"): {"budget": "500"},
                ("performance", "2026-12"): {"budget": "-1", "tolerance": "150"},
                ("performance", "2026-10"): {"budget": None, "leads": "3"},
            },
        )
    errors = {cell: error.render() for cell, error in refused.value.errors.items()}
    assert errors == {
        ("performance", "2026-12", "budget"): "Budget cannot be negative (got -1).",
        ("performance", "2026-12", "tolerance"): "Tolerance % must be from 0 to 100 % (got 150).",
        ("performance", "2026-10", "budget"): "A stored plan keeps a budget: type 0 to plan no spend.",
    }
    assert plans(ws) == before
