"""The app's week views: computed once per data version, neighbours prepared, a few weeks kept."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mkhats.i18n import set_language
from mkhats.present.views import hat_view, open_alerts_of
from mkhats.services.demo import fill_demo
from mkhats.services.values import add_value
from mkhats.services.workspace import Workspace
from mkhats.ui.week_views import KEEP, WeekViews

TODAY = date(2026, 11, 24)


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    set_language("en")
    workspace = Workspace(tmp_path / "mkhats.json", TODAY)
    fill_demo(workspace, 12, force=False)
    return workspace


def test_a_week_is_computed_once_per_data_version(ws: Workspace) -> None:
    views = WeekViews(ws)
    version = ws.fresh_version()
    first = views.get("2026-W48", version)
    assert views.get("2026-W48", version) is first
    assert first.snapshot.week == "2026-W48"
    assert first.alerts == open_alerts_of(first.snapshot)
    add_value(ws, "content.published", 40, TODAY)
    again = views.get("2026-W48", ws.fresh_version())
    assert again is not first
    assert again.snapshot.daily["content.published"][TODAY] == 40


def test_hat_views_are_the_services_and_follow_the_language(ws: Workspace) -> None:
    views = WeekViews(ws)
    version = ws.fresh_version()
    english = views.hat("2026-W47", version, "performance")
    snapshot = views.get("2026-W47", version).snapshot
    assert english == hat_view(snapshot, "performance", open_alerts_of(snapshot))
    assert views.hat("2026-W47", version, "performance") is english
    set_language("ru")
    try:
        russian = views.hat("2026-W47", version, "performance")
    finally:
        set_language("en")
    assert russian.kpis[0].title != english.kpis[0].title


def test_prefetch_prepares_both_neighbours_and_keeps_the_shown_week(ws: Workspace) -> None:
    views = WeekViews(ws)
    version = ws.fresh_version()
    shown = views.get("2026-W40", version)
    views.prefetch("2026-W40", version, "crm")
    kept = list(views._weeks)
    assert set(kept) == {"2026-W39", "2026-W40", "2026-W41"}
    assert kept[-1] == "2026-W40"  # the week on screen is the last to leave
    assert ("crm", "en") in views._weeks["2026-W39"].hats and ("crm", "en") in views._weeks["2026-W41"].hats
    assert views.get("2026-W40", version) is shown


def test_only_a_few_weeks_are_kept(ws: Workspace) -> None:
    views = WeekViews(ws)
    version = ws.fresh_version()
    weeks = [f"2026-W{n:02d}" for n in range(30, 48)]
    for week in weeks:
        views.get(week, version)
    assert list(views._weeks) == weeks[-KEEP:]
