"""Use case of ``mkhats wear`` and the app's wear key: one hat at a time, each span stored."""

from __future__ import annotations

from datetime import datetime

from mkhats.domain.light_dataclass import light_dataclass
from mkhats.domain.models import WearSpan, revised, utc_instant
from mkhats.services.form_rules import _hat
from mkhats.services.workspace import Workspace


@light_dataclass(frozen=True)
class WearResult:
    """What ``wear`` changed: the span it closed, the one it started, or that the hat was on already."""

    closed: WearSpan | None = None
    started: WearSpan | None = None
    already: WearSpan | None = None

    def closed_minutes(self) -> int:
        """How long the closed span lasted, in whole minutes (0 when none was closed)."""
        span = self.closed
        if span is None or span.end is None:
            return 0
        return int((span.end - span.start).total_seconds() // 60)


def wear(ws: Workspace, hat_key: str | None, now: datetime) -> WearResult:
    """Start wearing ``hat_key`` (None: stop wearing); one hat at a time, switching closes the last.

    ``now`` is an instant (a naive one is local time); spans are stored in UTC.
    """
    now = utc_instant(now)
    with ws.write() as repo:
        hat = _hat(repo, hat_key) if hat_key is not None else None
        current = repo.wearing()
        if current is not None and hat is not None and current.hat == hat.key:
            return WearResult(already=current)
        closed = None
        if current is not None:
            closed = revised(current, end=max(now, current.start))
            repo.add_span(closed)
            repo.set_wearing(None)
        started = None
        if hat is not None:
            started = WearSpan(hat=hat.key, person=hat.wearer, start=now)
            repo.set_wearing(started)
        return WearResult(closed=closed, started=started)
