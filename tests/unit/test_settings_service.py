"""The settings use cases on a real data file: people, hats, conflict rules, KPIs, preferences."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mkhats.domain.conflicts import active_conflicts
from mkhats.domain.kpis import KpiChange
from mkhats.errors import InputError
from mkhats.services import settings as s
from mkhats.services.settings import KpiDraft
from mkhats.services.workspace import Workspace


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return Workspace(tmp_path / "m.json", date(2026, 11, 24))


def state(ws: Workspace) -> s.SettingsState:
    return s.load(ws)


def raises_key(key: str, fn, *args, **kwargs) -> InputError:
    with pytest.raises(InputError) as info:
        fn(*args, **kwargs)
    assert info.value.key == key, info.value.render()
    return info.value


# -- people ----------------------------------------------------------------------------------------


def test_add_person_and_change_kind(ws):
    person = s.add_person(ws, "  Olga ", "owner")
    assert person.name == "Olga" and person.kind == "owner"
    s.set_person_kind(ws, "Olga", "external")
    assert state(ws).persons["Olga"].kind == "external"


def test_add_person_refuses_empty_taken_and_long_names(ws):
    raises_key("person.empty", s.add_person, ws, "   ")
    raises_key("settings.person_exists", s.add_person, ws, "me")
    raises_key("settings.too_long", s.add_person, ws, "x" * 61)
    raises_key("settings.bad_choice", s.add_person, ws, "Ivan", "boss")
    assert set(state(ws).persons) == {"Me"}


def test_remove_person_only_when_they_wear_no_hat(ws):
    error = raises_key("settings.person_wears", s.remove_person, ws, "Me")
    assert "Content" in error.render() and "CMO" in error.render()
    s.add_person(ws, "Olga")
    s.remove_person(ws, "Olga")
    assert "Olga" not in state(ws).persons
    raises_key("settings.person_unknown", s.remove_person, ws, "Olga")


# -- hats ------------------------------------------------------------------------------------------


def test_wearer_change_makes_the_conflict_inactive(ws):
    before = active_conflicts(state(ws).conflicts, state(ws).hats)
    assert any(set(r.hats) == {"performance", "cmo"} for r in before)
    s.add_person(ws, "Olga", "owner")
    s.set_wearer(ws, "cmo", "Olga")
    after = state(ws)
    assert after.hats["cmo"].wearer == "Olga"
    assert not any(set(r.hats) == {"performance", "cmo"} for r in after.active())
    raises_key("settings.person_wears", s.remove_person, ws, "Olga")
    s.set_wearer(ws, "cmo", None)
    assert state(ws).hats["cmo"].wearer is None


def test_assigning_an_optional_hat_enables_it(ws):
    s.set_wearer(ws, "pr", "Me")
    hat = state(ws).hats["pr"]
    assert hat.enabled and hat.wearer == "Me"


def test_enable_and_disable_hats_keeping_one(ws):
    s.set_hat_enabled(ws, "analytics", True)
    assert state(ws).hats["analytics"].enabled
    for key in ("content", "performance", "crm", "pm", "cmo"):
        s.set_hat_enabled(ws, key, False)
    raises_key("settings.last_hat", s.set_hat_enabled, ws, "analytics", False)
    assert [h.key for h in state(ws).hats.values() if h.enabled] == ["analytics"]


def test_hours_budget(ws):
    assert s.set_hours_budget(ws, "cmo", "7,5").hours_budget == 7.5
    raises_key("error.number", s.set_hours_budget, ws, "cmo", "lots")
    raises_key("settings.hours_range", s.set_hours_budget, ws, "cmo", "200")
    assert state(ws).hats["cmo"].hours_budget == 7.5
    assert s.set_hours_budget(ws, "cmo", " ").hours_budget is None


# -- conflict rules --------------------------------------------------------------------------------


def test_add_update_remove_a_conflict_rule(ws):
    rule = s.add_conflict(ws, "content", "crm", "low", "monthly", "writes and sends", "someone proofreads")
    assert rule.hats == ("content", "crm")
    raises_key("settings.conflict_exists", s.add_conflict, ws, "crm", "content", "low", "weekly", "r", "c")
    raises_key("settings.conflict_same", s.add_conflict, ws, "crm", "crm", "low", "weekly", "r", "c")
    raises_key("settings.conflict_hats", s.add_conflict, ws, "", "crm", "low", "weekly", "r", "c")
    raises_key("settings.conflict_reason_empty", s.add_conflict, ws, "pm", "crm", "low", "weekly", " ", "c")
    raises_key("hat.unknown", s.add_conflict, ws, "sales", "crm", "low", "weekly", "r", "c")
    s.update_conflict(ws, ("crm", "content"), level="high", every="weekly")
    updated = next(r for r in state(ws).conflicts if set(r.hats) == {"content", "crm"})
    assert (updated.level, updated.every, updated.reason) == ("high", "weekly", "writes and sends")
    s.remove_conflict(ws, ("performance", "cmo"))
    assert not any(set(r.hats) == {"performance", "cmo"} for r in state(ws).conflicts)
    raises_key("conflict.unknown_pair", s.remove_conflict, ws, ("performance", "cmo"))


# -- KPIs ------------------------------------------------------------------------------------------


def test_add_measured_and_formula_kpis(ws):
    calls = s.add_kpi(ws, "performance", "Demo calls", KpiDraft(unit="count"), target="20")
    assert calls.key == "performance.demo_calls" and calls.target == 20 and calls.formula is None
    draft = KpiDraft(unit="money", direction="down", formula="spend / demo_calls")
    cost = s.add_kpi(ws, "performance", "cost_per_call", draft)
    assert cost.formula == "spend / demo_calls"
    kpis = state(ws).kpis
    assert kpis["performance.cost_per_call"].position > kpis["performance.roas"].position


def test_formula_cycle_or_unknown_kpi_is_refused_and_nothing_stored(ws):
    before = state(ws).kpis
    raises_key("formula.cycle", s.add_kpi, ws, "pm", "loop", KpiDraft(formula="loop * 2"))
    raises_key("formula.unknown_kpi", s.add_kpi, ws, "pm", "speed", KpiDraft(formula="tasks / days"))
    raises_key("formula.syntax", s.add_kpi, ws, "pm", "speed", KpiDraft(formula="tasks_planned /"))
    raises_key("settings.kpi_name", s.add_kpi, ws, "pm", "2fast", KpiDraft())
    raises_key("settings.kpi_exists", s.add_kpi, ws, "pm", "hypotheses", KpiDraft())
    assert state(ws).kpis == before


def test_edit_kpi_formula_cycle_leaves_target_and_rule_untouched(ws):
    draft = KpiDraft(unit="money", direction="down", formula="cpl * leads")
    raises_key("formula.cycle", s.edit_kpi, ws, "performance.spend", draft, KpiChange(target="5000"))
    spend = state(ws).kpis["performance.spend"]
    assert spend.formula is None and spend.target is None


def test_edit_kpi_target_stop_rule_and_direction(ws):
    draft = KpiDraft(title="Cost per acquisition", unit="money", direction="down", formula="spend / sales")
    change = KpiChange(target="4000", stop="> 5000 for 3 days", guard="spend >= 3000", action="")
    kpi = s.edit_kpi(ws, "performance.cpa", draft, change)
    assert kpi.target == 4000 and kpi.title == "Cost per acquisition"
    assert kpi.stop is not None and kpi.stop.threshold == 5000 and kpi.stop.days == 3
    assert kpi.stop.guard is not None and kpi.stop.guard.threshold == 3000
    assert kpi.stop.action_key == "action.stop_campaign"
    # A bad stop rule refuses the whole form: the title stays as it was.
    other = KpiDraft(title="X", unit="money")
    raises_key("stop.syntax", s.edit_kpi, ws, "performance.cpa", other, KpiChange(stop="soon"))
    raises_key("error.number", s.edit_kpi, ws, "performance.cpa", KpiDraft(title="X"), KpiChange(target="lots"))
    assert state(ws).kpis["performance.cpa"].title == "Cost per acquisition"


def test_a_negative_target_of_a_money_or_count_kpi_is_refused_everywhere(ws):
    from mkhats.services.kpi_rules import set_kpi

    before = state(ws).kpis
    raises_key("kpi.target_negative", set_kpi, ws, "performance.spend", KpiChange(target="-5"))
    raises_key("kpi.target_negative", s.add_kpi, ws, "performance", "calls", KpiDraft(unit="count"), target="-1")
    raises_key(
        "kpi.target_negative",
        s.edit_kpi,
        ws,
        "performance.cpa",
        KpiDraft(unit="money", formula="spend / sales"),
        KpiChange(target="-0.5"),
    )
    assert state(ws).kpis == before
    # A percent may fall below zero (ROMI): its target may too.
    assert set_kpi(ws, "cmo.romi", KpiChange(target="-20")).target == -20
    # Changing that KPI's unit to money would leave a negative money target: refused, nothing written.
    raises_key(
        "kpi.target_negative",
        s.edit_kpi,
        ws,
        "cmo.romi",
        KpiDraft(unit="money", formula="(revenue - marketing_spend) / marketing_spend * 100"),
    )
    assert state(ws).kpis["cmo.romi"].unit == "percent"
    assert set_kpi(ws, "performance.spend", KpiChange(target="0")).target == 0


def test_retire_and_restore_kpi(ws):
    raises_key("settings.kpi_in_use", s.retire_kpi, ws, "performance.sales")
    assert s.retire_kpi(ws, "performance.roas").retired
    assert state(ws).kpis["performance.roas"].retired
    assert not s.retire_kpi(ws, "performance.roas", False).retired
    s.retire_kpi(ws, "pm.hypotheses")
    raises_key("settings.kpi_exists_retired", s.add_kpi, ws, "pm", "hypotheses", KpiDraft())


# -- language and currency -------------------------------------------------------------------------


def test_language_and_currency(ws):
    assert s.set_language_setting(ws, "ru").lang == "ru"
    raises_key("settings.bad_choice", s.set_language_setting, ws, "de")
    assert s.set_currency(ws, " € ").currency == "€"
    raises_key("settings.currency_long", s.set_currency, ws, "euros")
    settings = state(ws).settings
    assert (settings.lang, settings.currency) == ("ru", "€")
    assert s.set_currency(ws, "").currency is None
