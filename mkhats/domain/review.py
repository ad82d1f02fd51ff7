"""The owner's weekly review: every warning the data allows, with its category and severity.

Categories follow ``mkhats check``: CONFLICT, STOP, BUDGET, TARGET, GOAL, RITUAL, CADENCE, HOURS,
SETUP (BUDGET and GOAL judge the media plan and the quarterly goals of SPEC §10). Each
item keeps raw keys (hats, KPIs, dates) so the CLI renders it in the user's language and the app
can lead from it to the place that fixes it.
"""

from __future__ import annotations

from dataclasses import field
from datetime import date
from typing import Any

from mkhats.domain.conflicts import conflict_states
from mkhats.domain.kpis import period_value
from mkhats.domain.light_dataclass import light_dataclass
from mkhats.domain.running import Verdict, period_verdicts, week_progress
from mkhats.domain.snapshot import Snapshot
from mkhats.domain.stoprules import Alert, evaluate_stop_rule, open_alerts
from mkhats.domain.strategy import missed_session
from mkhats.domain.weeks import add_days, month_key, shift_week, week_days, week_start
from mkhats.domain.workload import hat_hours

CATEGORIES = ("CONFLICT", "STOP", "BUDGET", "TARGET", "GOAL", "RITUAL", "CADENCE", "HOURS", "SETUP")
SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
ROLES_REVIEW_DAYS = 92


@light_dataclass(frozen=True)
class ReviewItem:
    """One warning: what is wrong (a catalogue key and its parameters) and where to fix it."""

    category: str
    severity: str
    key: str
    params: dict[str, Any] = field(default_factory=dict)
    hat: str | None = None
    kpi: str | None = None
    week: str | None = None
    alert: Alert | None = None
    pair: tuple[str, str] | None = None


def as_of(snapshot: Snapshot) -> date:
    """The day the review judges: today, or the chosen week's Sunday if that week is past."""
    return min(snapshot.today, add_days(week_start(snapshot.week), 6))


def target_week(snapshot: Snapshot) -> str:
    """The week whose targets are judged: the chosen week once it is over, else the one before.

    A week still running would show every summed KPI as off target on Monday.
    """
    sunday = add_days(week_start(snapshot.week), 6)
    return snapshot.week if snapshot.today > sunday else shift_week(snapshot.week, -1)


def stop_alerts(snapshot: Snapshot) -> list[Alert]:
    """Every stop-rule streak in the snapshot's window up to ``as_of``, decided or not."""
    last = min(snapshot.last_day, as_of(snapshot))
    alerts: list[Alert] = []
    for hat in snapshot.enabled_hats:
        for kpi in snapshot.hat_kpis(hat.key):
            if kpi.stop is not None and kpi.stop.threshold is not None:
                alerts += evaluate_stop_rule(kpi, snapshot.kpis, snapshot.daily, snapshot.first_day, last)
    return alerts


def _conflicts(snapshot: Snapshot) -> list[ReviewItem]:
    items = []
    for state in conflict_states(snapshot.conflicts, snapshot.hats, snapshot.checks, as_of(snapshot)):
        if state.ok:
            continue
        rule = state.rule
        items.append(
            ReviewItem(
                "CONFLICT",
                rule.level,
                "review.conflict",
                {
                    "hats": rule.hats,
                    "person": state.wearer,
                    "level": rule.level,
                    "rule": rule,
                    "expired": state.expired_until if state.expired is not None else None,
                    "problems": state.problems,
                },
                hat=rule.hats[0],
                pair=rule.hats,
            )
        )
    return items


def _stops(snapshot: Snapshot) -> list[ReviewItem]:
    return [
        ReviewItem(
            "STOP",
            "high",
            "review.stop",
            {"alert": alert, "kpi": snapshot.kpis[alert.kpi]},
            hat=alert.kpi.split(".")[0],
            kpi=alert.kpi,
            alert=alert,
        )
        for alert in open_alerts(stop_alerts(snapshot), snapshot.decisions)
    ]


def week_judgements(snapshot: Snapshot, hat: str | None = None) -> dict[str, Verdict]:
    """The verdict of every shown KPI (of one hat, or all) for the snapshot's week, on its ``today``.

    The one rule of SPEC §1 (running period on pace or partial, finished period on its value) that
    the KPI table, the detail, the report and ``check`` all use.
    """
    shown = [k.key for h in snapshot.enabled_hats if hat is None or h.key == hat for k in snapshot.hat_kpis(h.key)]
    run = week_progress(snapshot.week, snapshot.today)
    return period_verdicts(snapshot.kpis, snapshot.daily, week_days(snapshot.week), run, shown)


def _targets(snapshot: Snapshot) -> list[ReviewItem]:
    """KPIs off target in the chosen week (on pace, or as they stand, while it runs); while it runs,
    also last week's final misses: Monday's review is about them."""
    items = _week_targets(snapshot, snapshot.week, week_judgements(snapshot))
    if week_progress(snapshot.week, snapshot.today).running:
        previous = shift_week(snapshot.week, -1)
        shown = [k.key for h in snapshot.enabled_hats for k in snapshot.hat_kpis(h.key)]
        run = week_progress(previous, snapshot.today)
        verdicts = period_verdicts(snapshot.kpis, snapshot.daily, week_days(previous), run, shown)
        items = _week_targets(snapshot, previous, verdicts) + items
    return items


def budget_items(snapshot: Snapshot) -> list[ReviewItem]:
    """Channels off pace in the month of the day judged, decided or not: over (high) or under
    (medium) their plan. ``params["decision"]`` holds the month's decision, None while undecided."""
    if not snapshot.plans:
        return []
    from mkhats.domain.media_plan import budget_decision, month_paces, plans_by_key  # only for files with a plan

    day = as_of(snapshot)
    month = month_key(day)
    hats = [h.key for h in snapshot.enabled_hats if h.channel]
    paces = month_paces(plans_by_key(snapshot.plans), hats, day, snapshot.kpis, snapshot.daily, snapshot.today)
    return [
        ReviewItem(
            "BUDGET",
            "high" if pace.state == "over" else "medium",
            "review.budget_none" if pace.deviation is None else f"review.budget_{pace.state}",
            {"pace": pace, "month": month, "decision": budget_decision(snapshot.budget_decisions, pace.hat, month)},
            hat=pace.hat,
        )
        for pace in paces
        if pace.off
    ]


def _budget(snapshot: Snapshot) -> list[ReviewItem]:
    """The channels off pace whose month is not decided: a decision closes the warning, as a decided
    stop alert leaves the review."""
    return [item for item in budget_items(snapshot) if item.params["decision"] is None]


def _goals(snapshot: Snapshot) -> list[ReviewItem]:
    """Goals of the judged week's quarter that its weeks so far put out of reach, or that were missed."""
    if not snapshot.goals:
        return []
    from mkhats.domain.goals import judged_goals, progress  # built only for files with a goal

    week = target_week(snapshot)
    daily: dict[str, dict[date, float]] = {key: dict(series) for key, series in snapshot.history.items()}
    for key, series in snapshot.daily.items():
        daily.setdefault(key, {}).update(series)
    enabled = {h.key for h in snapshot.enabled_hats}
    items = []
    for goal in judged_goals(snapshot.goals, week):
        kpi = snapshot.kpis.get(goal.kpi)
        if kpi is None or kpi.retired or kpi.hat not in enabled:
            continue
        found = progress(goal, snapshot.kpis, daily, week)
        if found.flagged:
            key = f"review.goal_{found.state}"
            items.append(ReviewItem("GOAL", "medium", key, {"progress": found}, hat=kpi.hat, kpi=kpi.key, week=week))
    return items


def _week_targets(snapshot: Snapshot, week: str, verdicts: dict[str, Verdict]) -> list[ReviewItem]:
    items = []
    for hat in snapshot.enabled_hats:
        for kpi in snapshot.hat_kpis(hat.key):
            verdict = verdicts[kpi.key]
            if verdict.status == "off":
                items.append(
                    ReviewItem(
                        "TARGET",
                        "medium",
                        "review.target",
                        {"kpi": kpi, "value": verdict.value, "week": week, "verdict": verdict},
                        hat=hat.key,
                        kpi=kpi.key,
                        week=week,
                    )
                )
    return items


def _log_missing(snapshot: Snapshot, hat: str, week: str, part: str) -> bool:
    log = snapshot.logs.get((hat, week))
    if log is None:
        return True
    if part == "plan":
        return not log.plan.strip()
    return not (log.fact.strip() and log.conclusion.strip() and log.action.strip())


def _before_file(snapshot: Snapshot, day: date) -> bool:
    """Whether ``day`` fell before the data file was made (never, for a file that does not say)."""
    created = snapshot.settings.created
    return created is not None and day < created


def _rituals(snapshot: Snapshot) -> list[ReviewItem]:
    """Plan due by the end of Monday, facts by the end of Friday; last week's facts too.

    A deadline that fell before the data file was made is not the user's to have met.
    """
    items = []
    monday = week_start(snapshot.week)
    due = [(snapshot.week, "plan", monday), (snapshot.week, "facts", add_days(monday, 4))]
    previous = shift_week(snapshot.week, -1)
    due.append((previous, "facts", add_days(week_start(previous), 4)))
    due = [(week, part, deadline) for week, part, deadline in due if not _before_file(snapshot, deadline)]
    for hat in snapshot.enabled_hats:
        for week, part, deadline in due:
            if snapshot.today > deadline and _log_missing(snapshot, hat.key, week, part):
                items.append(
                    ReviewItem(
                        "RITUAL",
                        "medium",
                        f"review.ritual_{part}",
                        {"hat": hat.key, "week": week},
                        hat=hat.key,
                        week=week,
                    )
                )
    return items


SHIFT = 0.30
"""A weekly CAC or ROMI this far against its previous 4-week average prompts a roles review."""


def _shifts(snapshot: Snapshot) -> list[ReviewItem]:
    week = target_week(snapshot)
    before = [shift_week(week, -i) for i in range(1, 5)]
    items = []
    for key, worse in (("cmo.cac", 1), ("cmo.romi", -1)):
        kpi = snapshot.kpis.get(key)
        if kpi is None or kpi.retired:
            continue
        now = period_value(key, snapshot.kpis, snapshot.daily, week_days(week))
        weeks_before = [period_value(key, snapshot.kpis, snapshot.daily, week_days(w)) for w in before]
        past = [v for v in weeks_before if v is not None]
        if now is None or len(past) < 4:
            continue
        average = sum(past) / len(past)
        if average and worse * (now - average) / abs(average) > SHIFT:
            items.append(
                ReviewItem(
                    "CADENCE",
                    "medium",
                    "review.roles_shift",
                    {
                        "kpi": kpi,
                        "value": now,
                        "average": average,
                        "week": week,
                        "change": (now - average) / abs(average) * 100,
                    },
                    hat="cmo",
                    kpi=key,
                    week=week,
                )
            )
    return items


def _cadence(snapshot: Snapshot) -> list[ReviewItem]:
    return _roles_age(snapshot) + _shifts(snapshot) + _desk(snapshot)


def _desk(snapshot: Snapshot) -> list[ReviewItem]:
    """Last month's strategy session if it was not held; hypotheses whose test ended unjudged."""
    items = []
    month = missed_session(snapshot)
    if month is not None:
        items.append(ReviewItem("CADENCE", "low", "review.strategy_due", {"month": month}, hat="cmo"))
    if not snapshot.hypotheses:
        return items
    from mkhats.domain.hypotheses import open_hypotheses  # its model is built only when needed

    hats = [h.key for h in snapshot.enabled_hats]
    for h in open_hypotheses(snapshot.hypotheses, as_of(snapshot), hats):
        items.append(ReviewItem("CADENCE", "low", "review.hypothesis_open", {"hypothesis": h}, hat=h.hat, kpi=h.kpi))
    return items


def _roles_age(snapshot: Snapshot) -> list[ReviewItem]:
    """The quarterly roles review: due 92 days after the last one, or after the file was made."""
    today = snapshot.today
    last = max((r.day for r in snapshot.reviews if r.day <= today), default=None)
    if last is None:
        created = snapshot.settings.created
        if created is not None and (today - created).days <= ROLES_REVIEW_DAYS:
            return []
        return [ReviewItem("CADENCE", "low", "review.roles_none", {}, hat="cmo")]
    age = (today - last).days
    if age > ROLES_REVIEW_DAYS:
        return [ReviewItem("CADENCE", "low", "review.roles_due", {"last": last, "days": age}, hat="cmo")]
    return []


def _hours(snapshot: Snapshot) -> list[ReviewItem]:
    """A part-time CMO outside 4–10 h in the judged week; any hat over its weekly budget.

    A week that began before the data file was made, with no hours logged in it, is not judged:
    nobody could log hours in it.
    """
    week = target_week(snapshot)
    rows = hat_hours(snapshot, week)
    if _before_file(snapshot, week_start(week)) and not any(row.hours for row in rows):
        return []
    items = []
    for row in rows:
        if row.band is not None and not row.band[0] <= row.hours <= row.band[1]:
            person = snapshot.hats[row.hat].wearer
            items.append(
                ReviewItem(
                    "HOURS",
                    "medium",
                    "review.hours_cmo",
                    {"hours": row.hours, "week": week, "person": person, "low": row.band[0], "high": row.band[1]},
                    hat=row.hat,
                    week=week,
                )
            )
        if row.budget is not None and row.hours > row.budget:
            items.append(
                ReviewItem(
                    "HOURS",
                    "low",
                    "review.hours_budget",
                    {"hat": row.hat, "hours": row.hours, "budget": row.budget, "week": week},
                    hat=row.hat,
                    week=week,
                )
            )
    return items


def _setup(snapshot: Snapshot) -> list[ReviewItem]:
    return [
        ReviewItem("SETUP", "low", "review.setup_stop", {"kpi": kpi}, hat=hat.key, kpi=kpi.key)
        for hat in snapshot.enabled_hats
        for kpi in snapshot.hat_kpis(hat.key)
        if kpi.stop is not None and kpi.stop.threshold is None
    ]


def review(snapshot: Snapshot) -> list[ReviewItem]:
    """All warnings for the snapshot's week, grouped by category, most severe first within each."""
    items = (
        _conflicts(snapshot)
        + _stops(snapshot)
        + _budget(snapshot)
        + _targets(snapshot)
        + _goals(snapshot)
        + _rituals(snapshot)
        + _cadence(snapshot)
        + _hours(snapshot)
        + _setup(snapshot)
    )
    return sorted(items, key=lambda i: (CATEGORIES.index(i.category), SEVERITY_ORDER[i.severity]))
