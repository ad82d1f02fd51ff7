"""Use cases of the quarterly roles and KPIs review: which KPIs fade, and raise / add / kill / keep.

The review lists every KPI in use with its fading status (channel KPIs against revenue over 26
weeks), then applies what was decided: ``raise`` sets a new target, ``kill`` retires the KPI (its
history stays), ``add`` records the intent (the app then opens the add-KPI form of that hat), and
the review itself is stored with every decision.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from mkhats.domain.fading import Fade, fading_kpis
from mkhats.domain.formula import formula_refs
from mkhats.domain.invalid import InvalidRecord
from mkhats.domain.kpis import KpiChange
from mkhats.domain.models import LONG_TEXT_MAX, Kpi, RolesReview, revised
from mkhats.domain.numbers import parse_number
from mkhats.domain.targets import validate_target
from mkhats.domain.weeks import add_days, shift_week, week_start
from mkhats.errors import InputError
from mkhats.i18n import current_language, t
from mkhats.present.labels import format_number, format_value, hat_name, kpi_title
from mkhats.services.kpi_rules import changed_kpi
from mkhats.services.workspace import Workspace

CHOICES = ("keep", "raise", "add", "kill")


@dataclass(frozen=True)
class KpiReviewRow:
    """One KPI as the review shows it."""

    key: str
    hat: str
    title: str
    target: str
    fade: Fade | None
    """None for KPIs of process hats (they are not judged against revenue)."""
    fade_text: str


def judged_week(week: str, today: date) -> str:
    """The last week that is over by ``today``, up to ``week`` (whole weeks only are correlated)."""
    return week if today > add_days(week_start(week), 6) else shift_week(week, -1)


def _fade_text(fade: Fade | None) -> str:
    if fade is None:
        return ""
    if fade.status == "no_data":
        return t("cmo.fade.no_data", before=fade.weeks_before, now=fade.weeks_now)
    r = {k: "—" if v is None else format_number(v, 2) for k, v in (("before", fade.before), ("now", fade.now))}
    return t(f"cmo.fade.{fade.status}", **r)


def review_rows(ws: Workspace, week: str) -> list[KpiReviewRow]:
    """Every KPI in use (enabled hats, not retired), channel KPIs with their fading status."""
    snapshot = ws.snapshot(week, weeks=26)
    fades = {
        f.kpi: f
        for f in fading_kpis(snapshot.hats.values(), snapshot.kpis, snapshot.daily, judged_week(week, ws.today))
    }
    rows = []
    for hat in snapshot.enabled_hats:
        for kpi in snapshot.hat_kpis(hat.key):
            fade = fades.get(kpi.key)
            rows.append(
                KpiReviewRow(
                    kpi.key,
                    hat.key,
                    f"{hat_name(hat)} · {kpi_title(kpi)}",
                    format_value(kpi, kpi.target),
                    fade,
                    _fade_text(fade),
                )
            )
    return rows


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
                raise InputError("settings.kpi_in_use", key=key, users=", ".join(users))
        for kpi in raised.values():
            repo.upsert_kpi(kpi)
        for key in killed:
            repo.upsert_kpi(revised(kpis[key], retired=True))
        repo.add_review(record)
    return record
