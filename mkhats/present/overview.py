"""The overview (``0``): every enabled hat on one screen, for a quick Monday look (SPEC §3).

One card per hat: its KPIs off target as the KPI table judges them (``hat_view``: the same verdict
and signed deviation), its open stop alerts in the alert sentence, whether the week's log has its
plan and its facts, the checklist's progress and, for a channel with a media plan, the month's
budget pace (``month_paces``, as the review's ``BUDGET`` line judges it). Pure: a snapshot in,
words out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mkhats.domain.review import as_of
from mkhats.domain.snapshot import Snapshot
from mkhats.domain.weeks import month_key
from mkhats.i18n import t
from mkhats.present.alerts import alert_sentence
from mkhats.present.cmo_text import format_month
from mkhats.present.labels import format_unit
from mkhats.present.money_text import pace_text
from mkhats.present.views import hat_view as tab_view
from mkhats.present.views import open_alerts_of

_DASH = "—"


@dataclass(frozen=True)
class HatCard:
    """What the overview shows of one hat."""

    key: str
    name: str
    wearer: str
    off: list[str] = field(default_factory=list)
    """``CPA, $  ✗ +24 %``: each KPI off target, with the status the KPI table shows."""
    kpis: int = 0
    """How many KPIs the hat has (to say "all on target")."""
    alerts: list[str] = field(default_factory=list)
    log: str = ""
    """``Log: plan ✓ · facts —``."""
    plan_written: bool = False
    fact_written: bool = False
    checklist: str = ""
    """``Checklist 3/7``."""
    done: int = 0
    total: int = 0
    budget: str | None = None
    """The month's budget pace of a channel with a media plan; None without one."""

    @property
    def trouble(self) -> bool:
        """Something to look at: a KPI off target or an open stop alert."""
        return bool(self.off or self.alerts)


def _mark(written: bool) -> str:
    return "✓" if written else _DASH


def _budget_lines(snapshot: Snapshot) -> dict[str, str]:
    """Each channel hat's pace line in the month of the day judged (none without a media plan)."""
    if not snapshot.plans:
        return {}
    from mkhats.domain.media_plan import month_paces, plans_by_key  # built only for files with a plan

    day = as_of(snapshot)
    hats = [h.key for h in snapshot.enabled_hats if h.channel]
    paces = month_paces(plans_by_key(snapshot.plans), hats, day, snapshot.kpis, snapshot.daily, snapshot.today)
    currency = snapshot.settings.currency
    return {
        pace.hat: t(
            "overview.budget",
            month=format_month(month_key(day)),
            spend=_DASH if pace.spend is None else format_unit("money", pace.spend, currency),
            budget=format_unit("money", pace.budget, currency),
            pace=pace_text(pace),
        )
        for pace in paces
    }


def overview(snapshot: Snapshot) -> list[HatCard]:
    """A card per enabled hat, in tab order, for ``snapshot.week``."""
    alerts = open_alerts_of(snapshot)
    budgets = _budget_lines(snapshot)
    currency = snapshot.settings.currency
    cards = []
    for hat in snapshot.enabled_hats:
        view = tab_view(snapshot, hat.key, alerts)
        log = view.log
        plan, fact = bool(log and log.plan.strip()), bool(log and log.fact.strip())
        cards.append(
            HatCard(
                key=hat.key,
                name=view.name,
                wearer=view.wearer,
                off=[f"{row.title}  {row.status_text}" for row in view.kpis if row.status == "off"],
                kpis=len(view.kpis),
                alerts=[
                    alert_sentence("overview.alert", a, snapshot.kpis, currency, snapshot.hats) for a in view.alerts
                ],
                log=t("overview.log", plan=_mark(plan), fact=_mark(fact)),
                plan_written=plan,
                fact_written=fact,
                checklist=t("overview.checklist", done=view.done, total=view.total),
                done=view.done,
                total=view.total,
                budget=budgets.get(hat.key),
            )
        )
    return cards


def card_lines(card: HatCard) -> list[str]:
    """The card's body, line by line (the heading is the hat's name): alerts, KPIs, log, checklist,
    budget."""
    lines = list(card.alerts)
    if card.off:
        lines += card.off
    elif card.kpis:
        lines.append(t("overview.on_target"))
    else:
        lines.append(t("overview.no_kpis"))
    lines.append(card.log)
    lines.append(card.checklist)
    if card.budget is not None:
        lines.append(card.budget)
    return lines


def card_title(card: HatCard) -> str:
    """``Performance · Anna``."""
    return f"{card.name} · {card.wearer}" if card.wearer else card.name
