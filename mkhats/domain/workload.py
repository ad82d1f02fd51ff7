"""Hours per hat in a week, against each hat's budget and the part-time CMO's 4–10 h band.

The rows behind the report's hours table and the review's HOURS group; the warnings themselves
stay in ``review`` (same spans, same cut at the week's edges, same "still worn" rule).
"""

from __future__ import annotations

from mkhats.domain.hours import CMO_BAND, week_hours
from mkhats.domain.light_dataclass import light_dataclass
from mkhats.domain.models import day_start
from mkhats.domain.snapshot import Snapshot
from mkhats.domain.weeks import add_days, week_start


@light_dataclass(frozen=True)
class HatHours:
    """One hat's hours in a week."""

    hat: str
    hours: float
    budget: float | None
    """The hat's weekly budget, if set."""
    band: tuple[float, float] | None
    """The CMO band when the CMO is worn by an owner or an outside person."""
    outside: bool
    """Over the budget, or outside the band."""


def hat_hours(snapshot: Snapshot, week: str) -> list[HatHours]:
    """Every enabled hat's hours in ``week``, in tab order (hats never worn show 0).

    A hat still being worn counts up to the snapshot's ``now`` when it is given and today is the
    day judged, else to the end of the day judged (today, or the week's Sunday when the week is
    past): the domain never reads the clock.
    """
    judged = min(snapshot.today, add_days(week_start(snapshot.week), 6))
    spans = list(snapshot.spans) + ([snapshot.wearing] if snapshot.wearing else [])
    end = snapshot.now if snapshot.now is not None and judged == snapshot.today else day_start(add_days(judged, 1))
    hours = week_hours(spans, week, now=end)
    rows = []
    for hat in snapshot.enabled_hats:
        # Judged on the hours as shown (one decimal): 3.99 h reads 4.0 h, inside a 4–10 h band.
        worn = round(hours.get(hat.key, 0.0), 1)
        person = snapshot.persons.get(hat.wearer) if hat.wearer else None
        band = CMO_BAND if hat.key == "cmo" and person is not None and person.kind in ("owner", "external") else None
        outside = (hat.hours_budget is not None and worn > hat.hours_budget) or (
            band is not None and not band[0] <= worn <= band[1]
        )
        rows.append(HatHours(hat.key, worn, hat.hours_budget, band, outside))
    return rows
