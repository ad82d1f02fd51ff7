"""``mkhats demo``: realistic, seeded weeks of data ending today, to try every screen.

The numbers follow a small business: content brings organic leads, performance buys leads and
sales, CRM mails the base twice a week, the CMO adds it all up. The last days push CPA over its
stop threshold (an alert fires) and nobody checks Performance × CMO (an open conflict). The media
plan budgets performance (the paid channel, the one with a spend) month by month: the months over
spent about their budget, the running one is spent a quarter faster than planned (a BUDGET
warning). The owner's goals for the quarter: revenue within reach, ROMI at its target.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from mkhats.domain.checklist import shows, week_periods
from mkhats.domain.models import (
    ExternalCheck,
    KpiValue,
    Person,
    RolesReview,
    StrategySession,
    WearSpan,
    WeeklyLog,
    revised,
)
from mkhats.domain.weeks import add_days, add_months, last_weeks, month_key, months_between, week_key, week_start
from mkhats.errors import InputError
from mkhats.i18n import current_language, t
from mkhats.services.workspace import Workspace
from mkhats.store.repo import Repo

SEED = 48
_TARGETS = {
    "content.traffic": 4500,
    "content.leads": 110,
    "performance.cpl": 25,
    "performance.cpa": 120,
    "performance.roas": 300,
    "crm.unsubscribe_rate": 0.5,
    "pm.on_time_rate": 85,
    "cmo.romi": 150,
    "cmo.cac": 90,
}
_MONEY_TARGETS = {"performance.cpl", "performance.cpa", "cmo.cac"}


def _day_values(rng: random.Random, day: date, scale: float, hot: bool) -> dict[str, float]:
    weekday = day.weekday() < 5
    traffic = rng.randint(620, 900) if weekday else rng.randint(300, 450)
    c_leads = round(traffic * rng.uniform(0.018, 0.03))
    spend = rng.uniform(160, 220) if weekday else rng.uniform(90, 130)
    sales = 1 if hot else rng.randint(1, 3)
    if hot:
        spend = rng.uniform(190, 230)
    p_leads = max(1, round(spend / rng.uniform(17, 30)))
    p_revenue = sales * rng.uniform(180, 260)
    sends = rng.randint(1800, 2600) if day.weekday() in (1, 3) else 0
    values = {
        "content.traffic": traffic,
        "content.leads": c_leads,
        "content.subscribers": rng.randint(4, 16),
        "content.published": 1 if day.weekday() in (0, 2, 4) else 0,
        "performance.spend": spend * scale,
        "performance.leads": p_leads,
        "performance.sales": sales,
        "performance.revenue": p_revenue * scale,
        "crm.repeat_sales": rng.randint(0, 4),
        "pm.hypotheses": 1 if day.weekday() == 1 else 0,
    }
    values["crm.revenue"] = values["crm.repeat_sales"] * rng.uniform(110, 140) * scale
    if sends:
        values["crm.sends"] = sends
        values["crm.unsubscribes"] = round(sends * rng.uniform(0.001, 0.004))
    if weekday:
        planned = rng.randint(3, 6)
        values["pm.tasks_planned"] = planned
        values["pm.tasks_on_time"] = planned - rng.choice((0, 0, 1, 1, 2))
        values["pm.cycle_days"] = round(rng.uniform(2, 6), 1)
    values["cmo.revenue"] = values["performance.revenue"] + values["crm.revenue"] + c_leads * 0.1 * 200 * scale
    values["cmo.marketing_spend"] = values["performance.spend"] + 60 * scale
    values["cmo.new_customers"] = sales + round(c_leads * 0.1)
    return {k: round(v, 2) for k, v in values.items()}


def _is_empty(repo: Repo) -> bool:
    return not (repo.all_values() or repo.logs() or repo.checks() or repo.decisions())


def fill_demo(ws: Workspace, weeks: int, force: bool) -> int:
    """Fill the file with ``weeks`` weeks of data ending today; returns how many values it wrote."""
    rng = random.Random(SEED)
    today = ws.today
    first = week_start(last_weeks(week_key(today), weeks)[0])
    with ws.write() as repo:
        if not _is_empty(repo) and not force:
            raise InputError("demo.not_empty", file=str(ws.path))
        repo.clear_values()
        tables = (
            "logs",
            "checks",
            "decisions",
            "reviews",
            "ticks",
            "sessions",
            "wearing",
            "hypotheses",
            "plans",
            "goals",
            "budget_decisions",
        )
        for table in tables:
            repo.clear_table(table)
        settings = repo.settings()
        # The demo's file "exists" since its first day, so its rituals and cadences are judged
        # over all its weeks, as a file used that long would be; it is never a first run.
        repo.set_settings(revised(settings, created=first, setup=None))
        scale = 80.0 if (settings.currency or ("₽" if current_language() == "ru" else "$")) == "₽" else 1.0
        kpis = repo.kpis()
        for key, target in _TARGETS.items():
            value = target * scale if key in _MONEY_TARGETS else target
            repo.upsert_kpi(revised(kpis[key], target=value))
        _stop_rules(repo, scale)
        values, ltv = [], 560.0
        day = first
        while day <= today:
            hot = (today - day).days < 4
            for key, value in _day_values(rng, day, scale, hot).items():
                values.append(KpiValue.model_construct(kpi=key, day=day, value=value, note=""))
            if day.weekday() == 6:
                ltv += rng.uniform(-4, 9)
                values.append(KpiValue.model_construct(kpi="crm.ltv", day=day, value=round(ltv * scale, 2), note=""))
            day = add_days(day, 1)
        repo.set_values(values)
        _logs(repo, rng, today, weeks)
        _people_and_checks(repo, today)
        _wear_and_ticks(repo, rng, today, weeks)
        _desk(repo, today, first)
        _money(repo, values, today, first, scale)
        return len(values)


def _stop_rules(repo: Repo, scale: float) -> None:
    kpis = repo.kpis()
    cpa, unsub = kpis["performance.cpa"], kpis["crm.unsubscribe_rate"]
    assert cpa.stop is not None and unsub.stop is not None  # both are shipped with a rule (SPEC §2)
    guard = revised(cpa.stop.guard, threshold=150 * scale) if cpa.stop.guard else None
    repo.upsert_kpi(revised(cpa, stop=revised(cpa.stop, threshold=160 * scale, guard=guard)))
    repo.upsert_kpi(revised(unsub, stop=revised(unsub.stop, threshold=1.0)))
    # CPL's rule stays unset: the review shows it as setup to finish.


def _logs(repo: Repo, rng: random.Random, today: date, weeks: int) -> None:
    hats = ("content", "performance", "crm", "pm", "cmo")
    this_week = week_key(today)
    for week in last_weeks(this_week, weeks):
        for hat in hats:
            variant = rng.randint(1, 2)
            fields = {f: t(f"demo.{hat}.{f}.{variant}") for f in ("plan", "fact", "conclusion", "action")}
            if week == this_week:
                if hat == "crm":
                    continue  # a missing plan: the review's ritual warning
                fields.update(fact="", conclusion="", action="")
            repo.upsert_log(WeeklyLog(hat=hat, week=week, **fields))


def _people_and_checks(repo: Repo, today: date) -> None:
    repo.upsert_person(Person(name=t("demo.person.accountant"), kind="external"))
    repo.add_check(
        ExternalCheck(
            hats=("crm", "cmo"),
            by=t("demo.person.accountant"),
            day=add_days(today, -9),
            note=t("demo.check.note"),
            outcome="ok",
        )
    )
    repo.add_check(
        ExternalCheck(
            hats=("performance", "cmo"),
            by=t("demo.person.accountant"),
            day=add_days(today, -20),
            note=t("demo.check.note"),
            outcome="ok",
        )
    )
    repo.add_review(RolesReview(day=add_days(today, -41), notes=t("demo.review.notes")))


def _wear_and_ticks(repo: Repo, rng: random.Random, today: date, weeks: int) -> None:
    hats = ("content", "performance", "crm", "pm", "cmo")
    items = repo.checklist()
    for week in last_weeks(week_key(today), weeks):
        periods = week_periods(week)
        for item in items:
            # Only the versions each week showed: after ``--force`` an edited item has several.
            if item.hat in hats and shows(item, week) and rng.random() < (0.5 if week == week_key(today) else 0.8):
                repo.set_tick(item.id, periods[item.cadence], True)
        for offset in range(5):
            day = add_days(week_start(week), offset)
            if day >= today:
                break
            start = datetime.combine(day, time(9, 30))
            for hat in rng.sample(hats, 3):
                end = start + timedelta(minutes=rng.randint(30, 150))
                repo.add_span(WearSpan(hat=hat, person="Me", start=start, end=end))
                start = end + timedelta(minutes=15)


def _desk(repo: Repo, today: date, first: date) -> None:
    """A strategy session early in each month about the month before (monthly work is done on
    finished months), and two hypotheses: one judged, one still testing."""
    from mkhats.domain.hypotheses import Hypothesis

    month = add_months(first.replace(day=1), 1)
    while add_days(month, 2) <= today:  # held on the 3rd of each month
        about = add_months(month, -1)
        verdicts = {"content": "scale", "performance": "test", "crm": "scale" if about.month % 2 else "test"}
        repo.upsert_session(
            StrategySession(
                month=month_key(about), day=add_days(month, 2), verdicts=verdicts, notes=t("demo.session.notes")
            )
        )
        month = add_months(month, 1)
    monday = week_start(week_key(today))
    repo.upsert_hypothesis(
        Hypothesis(
            id="h1",
            hat="content",
            statement=t("demo.hypothesis.1"),
            kpi="content.leads",
            baseline_first=add_days(monday, -56),
            baseline_last=add_days(monday, -29),
            test_first=add_days(monday, -28),
            test_last=add_days(monday, -1),
            verdict="rejected",
            created=add_days(monday, -28),
        )
    )
    repo.upsert_hypothesis(
        Hypothesis(
            id="h2",
            hat="performance",
            statement=t("demo.hypothesis.2"),
            kpi="performance.cpl",
            baseline_first=add_days(monday, -14),
            baseline_last=add_days(monday, -1),
            test_first=monday,
            test_last=add_days(monday, 13),
            created=monday,
        )
    )


def _money(repo: Repo, values: list[KpiValue], today: date, first: date, scale: float) -> None:
    """Performance's plan for each month from the first one to the end of today's quarter, and the
    quarter's goals; both follow the figures just made, so they hold for any today."""
    from mkhats.domain.goals import Goal
    from mkhats.domain.media_plan import BudgetPlan, month_length
    from mkhats.domain.weeks import month_quarter, quarter_months, quarter_weeks, shift_week, week_days

    money = repo.money()
    spend: dict[str, float] = {}
    revenue: dict[date, float] = {}
    for value in values:
        if value.kpi == "performance.spend":
            spend[month_key(value.day)] = spend.get(month_key(value.day), 0.0) + value.value
        elif value.kpi == "cmo.revenue":
            revenue[value.day] = value.value
    step = 100 * scale
    running = month_key(today)
    # The running month so far, projected, is a quarter over its budget: off pace beyond ±10 %.
    pace = spend[running] * month_length(running) / today.day / 1.25
    months = [m for m in months_between(first, today) if m != running]
    budgets = {m: round(spend[m] * 1.03 / step) * step for m in months if m in spend}  # on pace, ±3 %
    budgets[running] = round(pace / step) * step
    for month in quarter_months(month_quarter(running)):
        if month > running:
            budgets[month] = budgets[running]
    for month, budget in budgets.items():
        leads = round(budget / (25 * scale))  # at the CPL target
        money.upsert_plan(BudgetPlan(hat="performance", month=month, budget=budget, leads=leads))
    quarter = month_quarter(running)
    weeks = quarter_weeks(quarter)
    over = [w for w in weeks if w <= shift_week(week_key(today), -1)]
    week_sums = {w: sum(revenue.get(d, 0.0) for d in week_days(w)) for w in weeks}
    so_far = sum(week_sums[w] for w in over)
    made = [total for total in week_sums.values() if total]
    average = sum(made) / len(made) if made else 0.0
    # What the weeks over made plus a tenth more than the average week for each week left: behind,
    # within reach.
    goal = so_far + average * 1.1 * (len(weeks) - len(over))
    money.upsert_goal(Goal(kpi="cmo.revenue", quarter=quarter, value=round(goal / (1000 * scale)) * 1000 * scale))
    money.upsert_goal(Goal(kpi="cmo.romi", quarter=quarter, value=_TARGETS["cmo.romi"]))
