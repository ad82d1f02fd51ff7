"""Use cases of the settings screen's KPI form: add, edit and retire a KPI (its name, unit, direction,
aggregate, formula; its target and stop rule go through ``set_kpi``).

Every rule lives here, none in the widgets: what a KPI name and formula must be, which unit a target
is checked with. Each function raises ``InputError`` before writing anything when refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mkhats.domain.formula import check_formulas, formula_refs, parse_formula
from mkhats.domain.kpi_names import named
from mkhats.domain.kpis import KpiChange
from mkhats.domain.models import AGGREGATES, UNITS, Kpi, revised
from mkhats.domain.numbers import parse_number
from mkhats.domain.stoprules import parse_condition, parse_guard
from mkhats.domain.targets import validate_target
from mkhats.errors import InputError
from mkhats.i18n import current_language, t
from mkhats.present.labels import kpi_title
from mkhats.services.form_rules import _CLEAR, _KPI_NAME, _choice, _hat, _text
from mkhats.services.kpi_rules import set_kpi
from mkhats.services.values import find_kpi
from mkhats.services.workspace import Workspace

DIRECTIONS: tuple[str, ...] = ("up", "down")


@dataclass(frozen=True)
class KpiDraft:
    """What the KPI form holds besides the target and the stop rule (those go through ``set_kpi``).

    ``formula`` empty means a measured KPI (values entered per day, combined by ``aggregate``).
    """

    title: str = ""
    unit: str = "count"
    direction: str = "up"
    aggregate: str = "sum"
    formula: str = ""


def kpi_name(text: str) -> str:
    """The KPI name typed (``Cost per lead`` → ``cost_per_lead``), or ``settings.kpi_name``."""
    name = re.sub(r"[\s\-]+", "_", (text or "").strip().lower())
    if not _KPI_NAME.match(name):
        raise InputError("settings.kpi_name", name=(text or "").strip())
    return name


def _apply(kpi: Kpi, draft: KpiDraft) -> Kpi:
    _choice(draft.unit, UNITS, "unit")
    _choice(draft.direction, DIRECTIONS, "direction")
    _choice(draft.aggregate, AGGREGATES, "aggregate")
    formula = (draft.formula or "").strip() or None
    if formula is not None:
        parse_formula(formula)
    title = _text(draft.title) or None
    return revised(
        kpi, title=title, unit=draft.unit, direction=draft.direction, aggregate=draft.aggregate, formula=formula
    )


def _check(kpis: dict[str, Kpi], candidate: Kpi) -> None:
    """Every formula still parses, refers to KPIs that exist and has no cycle."""
    check_formulas({**kpis, candidate.key: candidate})


def add_kpi(ws: Workspace, hat: str, name: str, draft: KpiDraft, target: str = "") -> Kpi:
    """Add a KPI at the end of a hat's list.

    Raises:
        InputError: a bad name, a name the hat already has (retired ones included), a formula
            that does not parse, names an unknown KPI or makes a cycle, a target that is not a number.
    """
    short = kpi_name(name)
    text = (target or "").strip()
    target_value = parse_number(text, t("settings.kpi.target"), lang=current_language()) if text else None
    with ws.write() as repo:
        record = _hat(repo, hat)
        key = f"{record.key}.{short}"
        kpis = repo.kpis()
        if key in kpis:
            raise InputError("settings.kpi_exists_retired" if kpis[key].retired else "settings.kpi_exists", key=key)
        position = max((k.position for k in kpis.values() if k.hat == record.key), default=-1) + 1
        kpi = _apply(Kpi(key=key, position=position, target=target_value), draft)
        validate_target(kpi, kpi.target)
        _check(kpis, kpi)
        repo.upsert_kpi(kpi)
        return kpi


def _check_numbers(key: str, change: KpiChange) -> float | None:
    """The target and thresholds read with the form's own words, before ``set_kpi`` names options.

    Returns:
        The target typed (None when not given or cleared).
    """
    lang = current_language()
    given = [
        text if text is not None and text.strip().lower() not in _CLEAR else None
        for text in (change.target, change.stop, change.guard)
    ]
    target = None if given[0] is None else parse_number(given[0], t("settings.kpi.target"), lang=lang)
    if given[1] is not None:
        parse_condition(given[1], lang=lang, field=t("settings.kpi.stop"))
    if given[2] is not None:
        parse_guard(given[2], key.strip().lower().partition(".")[0], lang=lang, field=t("settings.kpi.guard"))
    return target


def edit_kpi(ws: Workspace, key: str, draft: KpiDraft, change: KpiChange | None = None) -> Kpi:
    """Change a KPI's title, unit, direction, aggregate or formula, and its target and stop rule.

    The draft is checked first (formulas over every KPI), then ``set_kpi`` checks and writes the
    target and stop rule, then the draft is written: a refusal at either step writes nothing.
    """
    typed = change is not None and change.target is not None
    target = _check_numbers(key, change) if change is not None else None
    with ws.read() as repo:
        kpis = repo.kpis()
        edited = _apply(find_kpi(kpis, key), draft)
        _check(kpis, edited)
        validate_target(edited, target if typed else edited.target)  # with the unit it will be stored with
    if change is not None and any(v is not None for v in vars(change).values()):
        set_kpi(ws, key, change)
    with ws.write() as repo:
        kpis = repo.kpis()
        kpi = _apply(find_kpi(kpis, key), draft)
        _check(kpis, kpi)
        repo.upsert_kpi(kpi)
        return kpi


def retire_kpi(ws: Workspace, key: str, retired: bool = True) -> Kpi:
    """Retire a KPI (hidden from the tabs, its history kept) or bring it back.

    Raises:
        InputError: ``settings.kpi_in_use`` when a KPI in use computes its formula from it.
    """
    with ws.write() as repo:
        kpis = repo.kpis()
        kpi = find_kpi(kpis, key)
        if retired:
            users = sorted(
                k.key
                for k in kpis.values()
                if k.formula and not k.retired and k.key != kpi.key and kpi.key in formula_refs(k.formula, k.hat)
            )
            if users:
                names = ", ".join(kpi_title(kpis[k]) for k in users)
                raise InputError("settings.kpi_in_use", key=kpi.key, kpi=named(kpi), users=names)
        updated = revised(kpi, retired=retired)
        repo.upsert_kpi(updated)
        return updated
