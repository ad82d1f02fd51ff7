"""Editing a whole KPI from the settings form while another window may edit it too (SPEC §5).

The form keeps the KPI's fields as it read them (``kpi_fields``); ``edit_kpi_checked`` writes, in
one transaction, only the fields the user changed on top of the KPI stored now, and refuses with
``EditConflict`` when one of them was also changed elsewhere since. Fields only the other writer
changed keep their value (field by field).
"""

from __future__ import annotations

from collections.abc import Mapping

from mkhats.domain.edits import expect
from mkhats.domain.kpis import KpiChange
from mkhats.domain.models import Kpi
from mkhats.domain.targets import validate_target
from mkhats.i18n import t
from mkhats.present.labels import condition_field, guard_field, kpi_title
from mkhats.services.kpi_rules import changed_kpi
from mkhats.services.kpi_settings import KpiDraft, _apply, _check, _check_numbers
from mkhats.services.values import find_kpi
from mkhats.services.workspace import Workspace

FIELDS = ("title", "unit", "direction", "aggregate", "formula", "target", "stop", "guard", "action")
_DRAFT = ("title", "unit", "direction", "aggregate", "formula")


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(value)


def _draft(kpi: Kpi) -> KpiDraft:
    return KpiDraft(kpi.title or "", kpi.unit, kpi.direction, kpi.aggregate, kpi.formula or "")


def draft_fields(draft: KpiDraft) -> dict[str, str]:
    """The draft's fields as the form shows them (choices by their names)."""
    return {
        "title": draft.title,
        "unit": t(f"settings.unit.{draft.unit}"),
        "direction": t(f"direction.{draft.direction}"),
        "aggregate": t(f"settings.aggregate.{draft.aggregate}"),
        "formula": draft.formula,
    }


def kpi_fields(kpi: Kpi) -> dict[str, str]:
    """A KPI as the settings form shows it: what its inputs are prefilled with."""
    rule = kpi.stop
    return {
        **draft_fields(_draft(kpi)),
        "target": _number(kpi.target),
        "stop": condition_field(rule),
        "guard": guard_field(rule),
        "action": rule.action if rule else "",
    }


def labels() -> dict[str, str]:
    """The form's name of each field."""
    return {f: t(f"settings.kpi.{f}") for f in FIELDS}


def edit_kpi_checked(ws: Workspace, key: str, draft: KpiDraft, change: KpiChange, base: Mapping[str, str]) -> Kpi:
    """Write the draft fields that differ from ``base`` and the rule fields ``change`` gives.

    Args:
        draft: Every descriptive field of the form; those equal to ``base`` are left as stored.
        change: The target and stop-rule fields the user changed (None: left as stored).
        base: ``kpi_fields`` of the KPI as the form read it.

    Raises:
        EditConflict: a field written here was changed elsewhere since; nothing was written.
        InputError: as ``edit_kpi``.
    """
    _check_numbers(key, change)  # in the form's words before ``changed_kpi`` names CLI options
    typed = draft_fields(draft)
    touched = {f for f in _DRAFT if typed[f] != base.get(f)}
    with ws.write() as repo:
        kpis = repo.kpis()
        current = find_kpi(kpis, key)
        stored = _draft(current)
        merged = KpiDraft(**{f: getattr(draft if f in touched else stored, f) for f in _DRAFT})
        updated = _apply(current, merged) if touched else current
        if any(v is not None for v in vars(change).values()):
            updated = changed_kpi(updated, kpis, change)
        validate_target(updated, updated.target)
        _check(kpis, updated)
        expect(base, kpi_fields(updated), kpi_fields(current), t("edit.what.kpi", kpi=kpi_title(current)), labels())
        repo.upsert_kpi(updated)
        return updated
