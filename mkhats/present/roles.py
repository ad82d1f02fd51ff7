"""The quarterly roles and KPIs review as shown: one row per KPI in use, with its fading in words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mkhats.domain.fading import Fade, fading_kpis, judged_week
from mkhats.domain.snapshot import Snapshot
from mkhats.i18n import t
from mkhats.present.labels import format_number, format_value, hat_name, kpi_title


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


def _fade_text(fade: Fade | None) -> str:
    if fade is None:
        return ""
    if fade.status == "no_data":
        return t("cmo.fade.no_data", before=fade.weeks_before, now=fade.weeks_now)
    r = {k: "—" if v is None else format_number(v, 2) for k, v in (("before", fade.before), ("now", fade.now))}
    return t(f"cmo.fade.{fade.status}", **r)


def kpi_review_rows(snapshot: Snapshot, week: str, today: date) -> list[KpiReviewRow]:
    """Every KPI in use (enabled hats, not retired), channel KPIs with their fading status.

    ``snapshot`` holds 26 weeks up to ``week`` (fading compares them).
    """
    fades = {
        f.kpi: f for f in fading_kpis(snapshot.hats.values(), snapshot.kpis, snapshot.daily, judged_week(week, today))
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
