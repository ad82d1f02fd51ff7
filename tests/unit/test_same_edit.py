"""Two writers of one record (SPEC §5): a save that would overwrite a change made since its form
read the record is refused with ``EditConflict`` and writes nothing; a field only the other writer
changed merges. Two ``Workspace`` objects on one real file stand for two windows (two processes)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mkhats.domain.edits import clashes
from mkhats.errors import EditConflict
from mkhats.i18n import set_language
from mkhats.services.plans import log_fields, save_log
from mkhats.services.workspace import Workspace

TODAY = date(2026, 11, 24)
WEEK = "2026-W48"


@pytest.fixture
def two(tmp_path: Path) -> tuple[Workspace, Workspace]:
    """Two windows on one file holding the shipped defaults."""
    path = tmp_path / "mkhats.json"
    first = Workspace(path, TODAY)
    with first.write():
        pass
    return first, Workspace(path, TODAY)


def stored_log(ws: Workspace, hat: str = "performance"):
    with ws.read() as repo:
        return repo.logs([WEEK]).get((hat, WEEK))


def test_clashes_are_fields_changed_on_both_sides_to_different_values() -> None:
    base = {"a": "1", "b": "1", "c": "1", "d": "1"}
    theirs = {"a": "2", "b": "1", "c": "3", "d": "4"}
    mine = {"a": "5", "b": "6", "c": "3", "d": "4"}  # d: mine is theirs already (no write)
    assert clashes(base, mine, theirs) == ["a"]
    assert clashes({}, mine, theirs) == []  # nothing read: nothing expected


# -- the weekly log --------------------------------------------------------------------------------


def test_a_plan_changed_by_another_window_refuses_the_save_and_writes_nothing(two) -> None:
    me, other = two
    save_log(me, "performance", WEEK, plan="Three creatives")
    base = log_fields(stored_log(me))  # the editor opens here
    save_log(other, "performance", WEEK, plan="Retarget only")
    before = me.path.read_bytes()
    with pytest.raises(EditConflict) as info:
        save_log(me, "performance", WEEK, base=base, plan="Three creatives, two videos")
    conflict = info.value
    assert conflict.fields == ["plan"]
    assert conflict.mine["plan"] == "Three creatives, two videos"
    assert conflict.theirs["plan"] == "Retarget only"
    assert conflict.exit_code == 1
    assert conflict.render() == (
        "The weekly log of Performance, 2026-W48: Plan (Mon) changed elsewhere since this form opened; "
        "nothing was saved."
    )
    assert me.path.read_bytes() == before
    assert stored_log(other).plan == "Retarget only"


def test_keep_mine_saves_over_theirs_once_theirs_is_the_base(two) -> None:
    me, other = two
    base = log_fields(None)
    save_log(other, "performance", WEEK, plan="Theirs")
    with pytest.raises(EditConflict) as info:
        save_log(me, "performance", WEEK, base=base, plan="Mine")
    save_log(me, "performance", WEEK, base={**base, **info.value.theirs}, plan="Mine")
    assert stored_log(other).plan == "Mine"


def test_a_field_only_the_other_window_changed_is_merged(two) -> None:
    me, other = two
    base = log_fields(None)
    save_log(other, "performance", WEEK, fact="Leads up 8 %")
    log = save_log(me, "performance", WEEK, base=base, plan="Scale search")
    assert (log.plan, log.fact) == ("Scale search", "Leads up 8 %")
    assert (stored_log(other).plan, stored_log(other).fact) == ("Scale search", "Leads up 8 %")


def test_the_same_text_typed_on_both_sides_is_no_conflict(two) -> None:
    me, other = two
    base = log_fields(None)
    save_log(other, "performance", WEEK, plan="Same")
    assert save_log(me, "performance", WEEK, base=base, plan="Same").plan == "Same"


def test_without_a_base_the_save_is_a_plain_set(two) -> None:
    me, other = two
    save_log(other, "performance", WEEK, plan="Theirs")
    assert save_log(me, "performance", WEEK, plan="Mine").plan == "Mine"


def test_the_conflict_speaks_russian(two) -> None:
    me, other = two
    save_log(other, "crm", WEEK, action="Их")
    set_language("ru")
    with pytest.raises(EditConflict) as info:
        save_log(me, "crm", WEEK, base=log_fields(None), action="Моё")
    assert "изменено в другом месте" in info.value.render()
    assert "Действие" in info.value.render()


# -- a KPI's target and stop rule (the KPI detail's form) ------------------------------------------


def rule_base(ws: Workspace, key: str) -> dict[str, str]:
    from dataclasses import asdict

    from mkhats.present.kpi_detail import rule_form

    with ws.read() as repo:
        return asdict(rule_form(repo.kpis()[key]))


def kpi(ws: Workspace, key: str):
    with ws.read() as repo:
        return repo.kpis()[key]


def test_a_target_changed_by_another_window_refuses_the_detail_s_save(two) -> None:
    from mkhats.domain.kpis import KpiChange
    from mkhats.services.kpi_rules import set_kpi

    me, other = two
    base = rule_base(me, "performance.cpa")
    set_kpi(other, "performance.cpa", KpiChange(target="4500"))
    before = me.path.read_bytes()
    with pytest.raises(EditConflict) as info:
        set_kpi(me, "performance.cpa", KpiChange(target="3800"), base=base)
    assert info.value.fields == ["target"]
    assert (info.value.mine["target"], info.value.theirs["target"]) == ("3800", "4500")
    assert info.value.render().startswith("The target and stop rule of CPA: Weekly target changed elsewhere")
    assert me.path.read_bytes() == before
    assert kpi(other, "performance.cpa").target == 4500


def test_a_stop_rule_changed_elsewhere_merges_with_a_target_changed_here(two) -> None:
    from mkhats.domain.kpis import KpiChange
    from mkhats.services.kpi_rules import set_kpi

    me, other = two
    base = rule_base(me, "performance.cpl")
    set_kpi(other, "performance.cpl", KpiChange(stop="> 30 for 2 days"))
    updated = set_kpi(me, "performance.cpl", KpiChange(target="24"), base=base)
    assert updated.target == 24
    assert (updated.stop.op, updated.stop.threshold, updated.stop.days) == (">", 30, 2)


def test_kpi_set_from_the_cli_is_a_plain_set_of_the_options_given(two) -> None:
    """``kpi set`` reads and writes in one locked transaction: nothing it read can be stale."""
    from mkhats.domain.kpis import KpiChange
    from mkhats.services.kpi_rules import set_kpi

    me, other = two
    set_kpi(other, "performance.cpl", KpiChange(stop="> 30 for 2 days"))
    updated = set_kpi(me, "performance.cpl", KpiChange(target="24", guard="spend >= 100"))
    assert (updated.target, updated.stop.threshold, updated.stop.guard.threshold) == (24, 30, 100)


# -- a KPI's value of a day ------------------------------------------------------------------------


def day_value(ws: Workspace, key: str, day: date):
    with ws.read() as repo:
        return next((v for v in repo.values(day, day) if v.kpi == key), None)


def test_a_value_changed_elsewhere_refuses_the_edit_and_add_stays_a_plain_set(two) -> None:
    from mkhats.present.kpi_detail import value_fields
    from mkhats.services.values import add_value

    me, other = two
    add_value(me, "performance.spend", 1000, TODAY, "first")
    base = value_fields(day_value(me, "performance.spend", TODAY))  # the edit dialog opens
    add_value(other, "performance.spend", 1200, TODAY, "first")
    before = me.path.read_bytes()
    with pytest.raises(EditConflict) as info:
        add_value(me, "performance.spend", "1100", TODAY, "first", base=base)
    assert info.value.fields == ["value"]
    assert (info.value.mine["value"], info.value.theirs["value"]) == ("1100", "1200")
    assert me.path.read_bytes() == before
    add_value(me, "performance.spend", "1100", TODAY)  # ``mkhats add``: the last value typed wins
    assert day_value(other, "performance.spend", TODAY).value == 1100


def test_a_note_changed_elsewhere_merges_with_a_value_changed_here(two) -> None:
    from mkhats.present.kpi_detail import value_fields
    from mkhats.services.values import add_value

    me, other = two
    add_value(me, "performance.spend", 1000, TODAY, "")
    base = value_fields(day_value(me, "performance.spend", TODAY))
    add_value(other, "performance.spend", 1000, TODAY, "agency invoice")
    add_value(me, "performance.spend", "1100", TODAY, "", base=base)
    stored = day_value(other, "performance.spend", TODAY)
    assert (stored.value, stored.note) == (1100, "agency invoice")


def test_a_value_deleted_elsewhere_is_a_conflict(two) -> None:
    from mkhats.present.kpi_detail import value_fields
    from mkhats.services.values import add_value, delete_value

    me, other = two
    add_value(me, "performance.spend", 1000, TODAY)
    base = value_fields(day_value(me, "performance.spend", TODAY))
    delete_value(other, "performance.spend", TODAY)
    with pytest.raises(EditConflict) as info:
        add_value(me, "performance.spend", "1100", TODAY, base=base)
    assert info.value.theirs == {"value": "", "note": ""}


# -- a checklist item ------------------------------------------------------------------------------


def test_an_item_renamed_elsewhere_refuses_a_rename_and_merges_a_cadence(two) -> None:
    from mkhats.services.plans import add_item, edit_item, item_fields

    me, other = two
    item = add_item(me, "crm", "Clean the base")
    base = item_fields(item)
    edit_item(other, item.id, "Clean the base monthly")
    with pytest.raises(EditConflict) as info:
        edit_item(me, item.id, "Clean the whole base", "weekly", base=base)
    assert info.value.fields == ["text"]
    changed = edit_item(me, item.id, "Clean the base", "monthly", base=base)  # text left as read
    assert (changed.text, changed.cadence) == ("Clean the base monthly", "monthly")


# -- the strategy session of a month ---------------------------------------------------------------


def test_a_session_changed_elsewhere_refuses_the_same_verdict_and_merges_the_others(two) -> None:
    from mkhats.services.strategy import record_session, session_fields

    me, other = two
    channels = ["performance", "content"]
    record_session(me, "2026-10", {"performance": "scale", "content": "test"}, "ok")
    with me.read() as repo:
        base = session_fields(repo.sessions()[0], channels)
    record_session(other, "2026-10", {"performance": "cut", "content": "test"}, "ok")
    with pytest.raises(EditConflict) as info:
        record_session(me, "2026-10", {"performance": "test", "content": "test"}, "ok", base=base)
    assert info.value.fields == ["v-performance"]
    assert (info.value.mine["v-performance"], info.value.theirs["v-performance"]) == ("test", "cut")
    session = record_session(me, "2026-10", {"performance": "scale", "content": "cut"}, "ok", base=base)
    assert session.verdicts == {"performance": "cut", "content": "cut"}  # theirs kept where mine was as read


def test_both_windows_changing_the_stop_condition_is_a_conflict(two) -> None:
    from mkhats.domain.kpis import KpiChange
    from mkhats.services.kpi_rules import set_kpi

    me, other = two
    base = rule_base(me, "performance.cpl")
    set_kpi(other, "performance.cpl", KpiChange(stop="> 30 for 2 days"))
    with pytest.raises(EditConflict) as info:
        set_kpi(me, "performance.cpl", KpiChange(stop="> 40 for 3 days"), base=base)
    assert info.value.fields == ["condition"]
    assert kpi(other, "performance.cpl").stop.threshold == 30


# -- a whole KPI in the settings form --------------------------------------------------------------


def test_settings_edit_of_a_kpi_merges_a_title_with_a_target_changed_elsewhere(two) -> None:
    from mkhats.domain.kpis import KpiChange
    from mkhats.services.kpi_edit import edit_kpi_checked, kpi_fields
    from mkhats.services.kpi_rules import set_kpi
    from mkhats.services.settings import KpiDraft

    me, other = two
    read = kpi(me, "performance.cpa")
    base = kpi_fields(read)
    draft = KpiDraft(read.title or "", read.unit, read.direction, read.aggregate, read.formula or "")
    set_kpi(other, "performance.cpa", KpiChange(target="4500"))
    titled = KpiDraft(**{**vars(draft), "title": "Cost per sale"})
    edited = edit_kpi_checked(me, "performance.cpa", titled, KpiChange(), base)
    assert (edited.title, edited.target) == ("Cost per sale", 4500)
    base = kpi_fields(edited)  # the form opens again
    set_kpi(other, "performance.cpa", KpiChange(target="5000"))
    with pytest.raises(EditConflict) as info:
        edit_kpi_checked(me, "performance.cpa", titled, KpiChange(target="3900"), base)
    assert info.value.fields == ["target"]
    assert info.value.render() == (
        "The KPI Cost per sale: Weekly target changed elsewhere since this form opened; nothing was saved."
    )
    assert kpi(other, "performance.cpa").target == 5000


# -- a decision on a stop alert --------------------------------------------------------------------


def test_an_alert_decided_otherwise_elsewhere_refuses_the_decision(two) -> None:
    from mkhats.domain.models import StopRule
    from mkhats.domain.stoprules import Alert
    from mkhats.services.decisions import decide, decision_fields

    me, other = two
    alert = Alert("performance.cpa", date(2026, 11, 20), date(2026, 11, 22), (), StopRule())
    base = decision_fields(None)  # the form opens on the open alert
    decide(other, alert, "stopped")
    with pytest.raises(EditConflict) as info:
        decide(me, alert, "kept", "Black Friday", base=base)
    assert info.value.fields == ["decision"]
    assert info.value.theirs == {"decision": "stopped", "reason": ""}
    decide(me, alert, "stopped", base=base)  # the same decision: recorded once
    with me.read() as repo:
        assert [d.decision for d in repo.decisions()] == ["stopped"]
    decide(me, alert, "kept", "Black Friday", base=info.value.theirs)  # keep mine
    with me.read() as repo:
        assert [d.decision for d in repo.decisions()] == ["stopped", "kept"]


# -- the settings screen: a person's kind, a hat's wearer and hours, the currency -----------------


def test_settings_values_changed_elsewhere_are_conflicts_and_plain_sets_stay(two) -> None:
    from mkhats.services import settings as s
    from mkhats.services.wearers import assign

    me, other = two
    s.add_person(me, "Olga")
    s.set_person_kind(other, "Olga", "external")
    with pytest.raises(EditConflict) as info:
        s.set_person_kind(me, "Olga", "owner", base={"kind": "Staff"})
    assert (info.value.mine, info.value.theirs) == ({"kind": "Owner"}, {"kind": "Agency/contractor"})

    assign(other, "cmo", "Olga")  # ``mkhats assign`` from a script: a plain set
    with pytest.raises(EditConflict) as info:
        s.set_wearer(me, "cmo", "Me", base={"wearer": ""})
    assert info.value.theirs == {"wearer": "Olga"}
    with pytest.raises(EditConflict):
        s.set_wearer(me, "cmo", None, base={"wearer": ""})
    assert s.set_wearer(me, "cmo", "Me", base={"wearer": "Olga"}).wearer == "Me"  # keep mine

    s.set_hours_budget(other, "cmo", "6")
    with pytest.raises(EditConflict):
        s.set_hours_budget(me, "cmo", "8", base={"hours": ""})
    assert s.set_hours_budget(me, "cmo", "6", base={"hours": ""}).hours_budget == 6  # same: no conflict

    s.set_currency(other, "€")
    with pytest.raises(EditConflict) as info:
        s.set_currency(me, "£", base={"currency": ""})
    assert info.value.render() == "Settings: Currency sign changed elsewhere since this form opened; nothing was saved."
    with other.read() as repo:
        assert repo.settings().currency == "€"
