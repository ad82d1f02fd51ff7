"""Use cases of the quarterly roles and KPIs review: which KPIs fade, and raise / add / kill / keep.

The review lists every KPI in use with its fading status (channel KPIs against revenue over 26
weeks), then applies what was decided: ``raise`` sets a new target, ``kill`` retires the KPI (its
history stays), ``add`` records the intent (the app then opens the add-KPI form of that hat), and
the review itself is stored with every decision.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from mkhats.domain.formula import formula_refs
from mkhats.domain.invalid import InvalidRecord
from mkhats.domain.kpis import KpiChange
from mkhats.domain.models import LONG_TEXT_MAX, Kpi, RolesReview, revised
from mkhats.domain.numbers import parse_number
from mkhats.domain.targets import validate_target
from mkhats.errors import InputError
from mkhats.i18n import current_language
from mkhats.present.labels import kpi_title
from mkhats.present.roles import KpiReviewRow, kpi_review_rows
from mkhats.services.kpi_rules import changed_kpi
from mkhats.services.workspace import Workspace

CHOICES = ("keep", "raise", "add", "kill")


def review_rows(ws: Workspace, week: str) -> list[KpiReviewRow]:
    """Every KPI in use (enabled hats, not retired), channel KPIs with their fading status."""
    return kpi_review_rows(ws.snapshot(week, weeks=26), week, ws.today)


def record_roles_review(
    ws: Workspace,
    day: date,
    notes: str = "",
    decisions: Mapping[str, str] | None = None,
    targets: Mapping[str, str] | None = None,
) -> RolesReview:
    """Record a roles and KPIs review held on ``day`` and apply its decisions, in one transaction.

    The plain review form records one with notes only (no ``decisions``). Everything is checked
    before anything is written: a bad target or a KPI that cannot be retired
    leaves the data as it was.

    Args:
        ws: The workspace.
        day: When the review was held; not after today.
        notes: What was said.
        decisions: KPI key → ``keep``, ``raise``, ``add`` or ``kill``.
        targets: KPI key → the new target typed for each ``raise``.

    Raises:
        InputError: ``roles_review.future``, ``roles_review.too_long``, ``roles.choice_unknown``,
            ``roles.target_needed`` (with ``kpi``), ``error.number``, ``kpi.unknown`` or
            ``settings.kpi_in_use``.
    """
    decisions = dict(decisions or {})
    targets = dict(targets or {})
    if day > ws.today:
        raise InputError("roles_review.future", day=day.isoformat())
    try:
        record = RolesReview(day=day, notes=(notes or "").strip(), decisions=decisions)
    except InvalidRecord as error:
        if any(choice not in CHOICES for choice in decisions.values()):
            raise InputError("roles.choice_unknown", choices=", ".join(CHOICES)) from None
        if error.field != "notes":
            raise
        raise InputError("roles_review.too_long", limit=LONG_TEXT_MAX) from None
    with ws.write() as repo:  # one transaction: a refusal below leaves the data as it was
        kpis = repo.kpis()
        raised: dict[str, Kpi] = {}
        for key, choice in decisions.items():
            kpi = kpis.get(key)
            if kpi is None:
                raise InputError("kpi.unknown", key=key)
            if choice == "raise":
                text = (targets.get(key) or "").strip()
                if not text:
                    raise InputError("roles.target_needed", kpi=kpi_title(kpi))
                validate_target(kpi, parse_number(text, kpi_title(kpi), lang=current_language()))
                raised[key] = changed_kpi(kpi, kpis, KpiChange(target=text))
        killed = [k for k, c in decisions.items() if c == "kill"]
        for key in killed:
            # Killed together, KPIs may compute from each other; one still in use must not lose its inputs.
            users = sorted(
                k.key
                for k in kpis.values()
                if k.formula and not k.retired and k.key not in killed and key in formula_refs(k.formula, k.hat)
            )
            if users:
                names = ", ".join(kpi_title(kpis[k]) for k in users)
                raise InputError("settings.kpi_in_use", key=key, kpi=kpi_title(kpis[key]), users=names)
        for kpi in raised.values():
            repo.upsert_kpi(kpi)
        for key in killed:
            repo.upsert_kpi(revised(kpis[key], retired=True))
        repo.add_review(record)
    return record
