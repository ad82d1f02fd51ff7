"""The seeded 5-year data set of SPEC §6: every measured KPI of the five hats has a value each
day (≈55,000 values), plus 1,300 weekly logs, checks and 10,000 wear spans."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from pathlib import Path

from mkhats.domain.models import ExternalCheck, KpiValue, WearSpan, WeeklyLog
from mkhats.domain.weeks import add_days, week_key
from mkhats.services.workspace import Workspace

HATS = ("content", "performance", "crm", "pm", "cmo")


def build(path: Path, today: date, years: int = 5, seed: int = 5) -> Workspace:
    """Write the data set to ``path`` (a fresh file) and return its workspace."""
    rng = random.Random(seed)
    ws = Workspace(path, today)
    first = add_days(today, -365 * years + 1)
    with ws.write() as repo:
        kpis = [k for k in repo.kpis().values() if k.formula is None and k.hat in HATS]
        values = []
        day = first
        while day <= today:
            for kpi in kpis:
                base = 5000.0 if kpi.unit == "money" else 40.0
                values.append(
                    KpiValue.model_construct(
                        kpi=kpi.key, day=day, value=round(base * rng.uniform(0.5, 1.5), 2), note=""
                    )
                )
            day = add_days(day, 1)
        repo.set_values(values)
        weeks, day = [], first
        while day <= today:
            weeks.append(week_key(day))
            day = add_days(day, 7)
        for week in weeks:
            for hat in HATS:
                repo.upsert_log(
                    WeeklyLog(
                        hat=hat,
                        week=week,
                        plan="plan " * 8,
                        fact="fact " * 8,
                        conclusion="conclusion " * 4,
                        action="action " * 4,
                    )
                )
        for i in range(0, 365 * years, 7):
            repo.add_check(ExternalCheck(hats=("crm", "cmo"), by="Anna", day=add_days(first, i)))
        start = datetime.combine(first, time(9))
        for i in range(10_000):
            span_start = start + timedelta(hours=i * 4.38)
            repo.add_span(
                WearSpan(hat=HATS[i % 5], person="Me", start=span_start, end=span_start + timedelta(minutes=50))
            )
    return ws
