"""Use case of ``kpi set`` and the KPI forms: a KPI's target and stop rule, parsed and stored.

``changed_kpi`` applies a ``KpiChange`` without writing (the settings forms check with it first);
``set_kpi_rule`` stores it in one transaction. Numbers are read as the current language writes them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from mkhats.domain.edits import expect
from mkhats.domain.kpi_names import named
from mkhats.domain.kpis import KpiChange
from mkhats.domain.light_dataclass import light_dataclass
from mkhats.domain.models import Kpi, StopRule, revised
from mkhats.domain.numbers import parse_number
from mkhats.domain.stoprules import parse_condition, parse_guard
from mkhats.domain.targets import validate_target, validate_threshold
from mkhats.errors import InputError
from mkhats.i18n import current_language, t
from mkhats.present.labels import kpi_title
from mkhats.services.form_rules import _CLEAR
from mkhats.services.values import find_kpi
from mkhats.services.workspace import Workspace


def changed_kpi(kpi: Kpi, kpis: dict[str, Kpi], change: KpiChange) -> Kpi:
    """``kpi`` with ``change`` applied (parsed and checked against ``kpis``); nothing is written."""
    lang = current_language()
    updates: dict[str, Any] = {}
    if change.target is not None:
        text = change.target.strip().lower()
        updates["target"] = None if text in _CLEAR else parse_number(change.target, "--target", lang=lang)
        validate_target(kpi, updates["target"])
    rule = kpi.stop
    if change.stop is not None:
        if change.stop.strip().lower() in _CLEAR:
            rule = None
        else:
            op, threshold, days = parse_condition(change.stop, lang=lang, field="--stop")
            validate_threshold(kpi, threshold)
            rule = revised(rule or StopRule(), op=op, threshold=threshold, days=days)
    if change.guard is not None:
        if rule is None:
            raise InputError("kpi.guard_without_rule", kpi=named(kpi))
        guard = None
        if change.guard.strip().lower() not in _CLEAR:
            guard = parse_guard(change.guard, kpi.hat, lang=lang, field="--guard")
            if f"{kpi.hat}.{guard.kpi}" == kpi.key:
                raise InputError("kpi.guard_self", kpi=named(kpi))
            if f"{kpi.hat}.{guard.kpi}" not in kpis:
                raise InputError("kpi.guard_unknown", kpi=named(kpi), guard=f"{kpi.hat}.{guard.kpi}")
            validate_threshold(kpis[f"{kpi.hat}.{guard.kpi}"], guard.threshold)
        rule = revised(rule, guard=guard)
    if change.action is not None:
        if rule is None:
            raise InputError("kpi.action_without_rule", kpi=named(kpi))
        rule = revised(rule, action=change.action.strip())
    updates["stop"] = rule
    return revised(kpi, **updates)


@light_dataclass(frozen=True)
class KpiSet:
    """A KPI as ``set_kpi`` stored it, with the currency its money values are shown in."""

    kpi: Kpi
    currency: str | None


def set_kpi(ws: Workspace, key: str, change: KpiChange, base: Mapping[str, str] | None = None) -> Kpi:
    """The KPI as ``set_kpi_rule`` stored it: what the forms need."""
    return set_kpi_rule(ws, key, change, base).kpi


def set_kpi_rule(ws: Workspace, key: str, change: KpiChange, base: Mapping[str, str] | None = None) -> KpiSet:
    """Change a KPI's target and stop rule, with the same parsers and messages everywhere.

    ``target``/``stop``/``guard`` of ``none`` (or empty) clear that setting. Numbers are read as
    the current language writes them (SPEC §4). ``base``: the KPI detail's form (target, condition,
    guard, action) as it was read; a field this change would overwrite that was changed since
    raises ``EditConflict`` and nothing is written. None (``kpi set``): each option given replaces
    that setting of the KPI as stored now, under the lock, so nothing read earlier goes stale.
    """
    with ws.write() as repo:
        kpis = repo.kpis()
        kpi = find_kpi(kpis, key)
        updated = changed_kpi(kpi, kpis, change)
        if base is not None:
            from mkhats.present.kpi_detail import rule_form  # the form's own words; not for the CLI

            labels = {f: t(f"detail.form.{f}") for f in ("target", "condition", "guard", "action")}
            what = t("edit.what.kpi_rule", kpi=kpi_title(kpi))
            expect(base, asdict(rule_form(updated)), asdict(rule_form(kpi)), what, labels)
        repo.upsert_kpi(updated)
        return KpiSet(updated, repo.settings().currency)


@light_dataclass(frozen=True)
class KpiListing:
    """Every KPI for ``kpi list``: hat by hat in their order, each hat's by position."""

    rows: list[tuple[Kpi, bool]]
    """Each KPI with whether its hat is enabled."""
    currency: str | None


def list_kpis(ws: Workspace) -> KpiListing:
    """Every KPI, retired ones included, with the currency money is shown in."""
    with ws.read() as repo:
        kpis, hats, currency = repo.kpis(), repo.hats(), repo.settings().currency
    rows = [
        (kpi, hat.enabled)
        for hat in hats.values()
        for kpi in sorted((k for k in kpis.values() if k.hat == hat.key), key=lambda k: k.position)
    ]
    return KpiListing(rows, currency)
