"""The week's review: the warnings the rules find, for ``mkhats check`` and the app's review screen.

The rules themselves live in ``domain/review.py``; the front ends ask here, so neither calls them
nor builds the snapshot they judge.
"""

from __future__ import annotations

from mkhats.domain.light_dataclass import light_dataclass
from mkhats.domain.review import ReviewItem, review
from mkhats.domain.snapshot import Snapshot
from mkhats.services.workspace import Workspace

__all__ = ["ReviewItem", "WeekReview", "warnings_of", "week_review"]


@light_dataclass(frozen=True)
class WeekReview:
    """A week's snapshot and the warnings found in it, most severe first."""

    snapshot: Snapshot
    items: list[ReviewItem]


def week_review(ws: Workspace, week: str | None = None) -> WeekReview:
    """Read ``week`` (default: this week) and review it."""
    snapshot = ws.snapshot(week)
    return WeekReview(snapshot, review(snapshot))


def warnings_of(snapshot: Snapshot) -> list[ReviewItem]:
    """The warnings of a snapshot the app already holds (its week, as the data stands)."""
    return review(snapshot)
