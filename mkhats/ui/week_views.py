"""The weeks the app shows, computed once per data version and ready before the user asks.

A week's view is its snapshot, its review warnings, its open stop alerts and one view model per hat
tab. Views are kept for the current data version only (any write makes them stale) and for a few
weeks at most, the least recently shown leaving first. While the user reads a week, the app asks
for its neighbours (``prefetch``), so ``[`` and ``]`` find the next week computed and cost a repaint
only (SPEC §6).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

from mkhats.domain.review import ReviewItem, review
from mkhats.domain.snapshot import Snapshot
from mkhats.domain.stoprules import Alert
from mkhats.domain.weeks import shift_week
from mkhats.i18n import current_language
from mkhats.present.views import HatView, hat_view, open_alerts_of
from mkhats.services.workspace import Workspace

KEEP = 8
"""Weeks kept: the one shown, its two neighbours, and a few seen just before."""


@dataclass
class WeekView:
    """Everything the main screen shows of one week."""

    snapshot: Snapshot
    warnings: list[ReviewItem]
    alerts: list[Alert]
    hats: dict[tuple[str, str], HatView] = field(default_factory=dict)
    """Per (hat, language): the hat tab's view model, in the language it was rendered in."""


class WeekViews:
    """Views of recently shown weeks for one workspace."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self._version = -1
        self._weeks: OrderedDict[str, WeekView] = OrderedDict()

    def get(self, week: str, version: int) -> WeekView:
        """The view of ``week`` at data ``version`` (computed now if it is not kept).

        Raises:
            MkhatsError: the data could not be read.
        """
        if version != self._version:
            self._weeks.clear()
            self._version = version
        view = self._weeks.get(week)
        if view is None:
            snapshot = self.ws.snapshot(week)
            view = WeekView(snapshot, review(snapshot), open_alerts_of(snapshot))
            self._weeks[week] = view
            while len(self._weeks) > KEEP:
                self._weeks.popitem(last=False)
        else:
            self._weeks.move_to_end(week)
        return view

    def hat(self, week: str, version: int, hat: str) -> HatView:
        """The view model of ``hat``'s tab for ``week``, in the current language."""
        view = self.get(week, version)
        key = (hat, current_language())
        model = view.hats.get(key)
        if model is None:
            model = view.hats[key] = hat_view(view.snapshot, hat, view.alerts)
        return model

    def prefetch(self, week: str, version: int, hat: str) -> None:
        """Compute the weeks before and after ``week`` (and ``hat``'s tab in them) if not kept.

        Raises:
            MkhatsError: the data could not be read.
        """
        shown = self._weeks.get(week)
        for neighbour in (shift_week(week, -1), shift_week(week, 1)):
            if hat in self.get(neighbour, version).snapshot.hats:
                self.hat(neighbour, version, hat)
        if shown is not None:
            self._weeks.move_to_end(week)  # the week on screen stays the most recent
