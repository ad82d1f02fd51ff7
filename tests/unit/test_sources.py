"""Sources on values (SPEC §1, §9): a day's value from its sources, stored per source, replaced per source.

The store and the services are real: a data file in ``tmp_path``; values are read back from it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mkhats.domain.channels import channel_map
from mkhats.domain.models import Kpi, KpiValue
from mkhats.domain.sources import MANUAL, add_daily, day_value, source_totals
from mkhats.domain.weeks import week_days
from mkhats.errors import StoreError
from mkhats.present.cmo import channel_view
from mkhats.present.kpi_detail import detail_view
from mkhats.services.importing import import_file
from mkhats.services.values import add_value, delete_value, value_sources
from mkhats.services.workspace import Workspace

TODAY = date(2026, 11, 24)
MON, TUE, WED = date(2026, 11, 23), date(2026, 11, 24), date(2026, 11, 25)
SPEND = Kpi(key="performance.spend", unit="money")
RATE = Kpi(key="content.rate", unit="percent", aggregate="last")
KPIS = {k.key: k for k in (SPEND, RATE)}


def v(kpi: str, day: date, value: float, source: str = MANUAL) -> KpiValue:
    return KpiValue(kpi=kpi, day=day, value=value, source=source)


def test_a_summed_kpi_adds_its_sources_a_level_takes_one() -> None:
    assert day_value("sum", {MANUAL: 100, "yandex-direct": 1750.5, "vk-ads": 80}) == pytest.approx(1930.5)
    assert day_value("last", {"vk-ads": 3.0, MANUAL: 5.0, "ga4": 4.0}) == 5.0  # the user's own first
    assert day_value("mean", {"vk-ads": 3.0, "ga4": 4.0}) == 4.0  # else the first by name
    assert day_value("max", {"ga4": 7.0}) == 7.0


def test_daily_values_combine_only_the_days_two_sources_share() -> None:
    values = [
        v("performance.spend", MON, 100),
        v("performance.spend", MON, 1000, "yandex-direct"),
        v("performance.spend", TUE, 50),
        v("performance.spend", WED, 20, "vk-ads"),
        v("content.rate", MON, 2.0, "ga4"),
        v("content.rate", MON, 3.0),
    ]
    split: dict = {}
    daily = add_daily({}, values, KPIS, split=split)
    assert daily == {"performance.spend": {MON: 1100, TUE: 50, WED: 20}, "content.rate": {MON: 3.0}}
    assert split == {
        ("performance.spend", MON): {MANUAL: 100, "yandex-direct": 1000},
        ("performance.spend", WED): {"vk-ads": 20},
        ("content.rate", MON): {"ga4": 2.0, MANUAL: 3.0},
    }
    # A window keeps only its days; the manual value folded in is the one of the day.
    assert add_daily({}, values, KPIS, first=TUE, last=WED) == {"performance.spend": {TUE: 50, WED: 20}}
    assert source_totals("performance.spend", [MON, TUE, WED], daily, split) == {
        MANUAL: 150,
        "vk-ads": 20,
        "yandex-direct": 1000,
    }
    assert source_totals("performance.spend", [TUE], daily, split) == {}  # the user's own alone


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return Workspace(tmp_path / "mkhats.json", TODAY)


def _direct(tmp_path: Path, rows: list[tuple[str, int]], name: str = "direct.tsv") -> Path:
    """A Yandex Direct Reports API file (IMPORTS.md §1a), money in micros."""
    lines = ["Date\tCampaignName\tImpressions\tCost\tConversions"]
    lines += [f"{day}\tBrand\t100\t{cost * 1_000_000}\t2" for day, cost in rows]
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _stored(ws: Workspace) -> list[tuple[str, str, float, str]]:
    with ws.read() as repo:
        return sorted((x.kpi, x.day.isoformat(), x.value, x.source) for x in repo.all_values())


def test_an_import_replaces_its_own_days_only(ws: Workspace, tmp_path: Path) -> None:
    add_value(ws, "performance.spend", "100", MON)
    first = _direct(tmp_path, [("2026-11-23", 1000), ("2026-11-24", 400)])
    plan = import_file(ws, first)
    assert (plan.written, plan.unchanged, plan.removed, plan.dry_run) == (4, 0, 0, False)
    again = import_file(ws, first)
    assert (again.written, again.unchanged, again.removed) == (0, 4, 0)
    # A restated report: Monday changed, Tuesday gone (the platform now says nothing), Wednesday new.
    restated = _direct(tmp_path, [("2026-11-23", 900), ("2026-11-25", 300)], "direct2.tsv")
    preview = import_file(ws, restated, dry_run=True)
    assert [(c.kpi, c.day, c.before, c.after) for c in preview.changes] == [
        ("performance.leads", TUE, 2.0, None),
        ("performance.leads", WED, None, 2.0),
        ("performance.spend", MON, 1000.0, 900.0),
        ("performance.spend", TUE, 400.0, None),
        ("performance.spend", WED, None, 300.0),
    ]
    assert (preview.written, preview.unchanged, preview.removed) == (3, 1, 2)
    before = _stored(ws)
    assert _stored(ws) == before  # a dry run writes nothing
    import_file(ws, restated)
    # The new file covers 23–25 Nov and says nothing of Tuesday any more: Direct's Tuesday goes.
    assert _stored(ws) == [
        ("performance.leads", "2026-11-23", 2.0, "yandex-direct"),
        ("performance.leads", "2026-11-25", 2.0, "yandex-direct"),
        ("performance.spend", "2026-11-23", 100.0, MANUAL),
        ("performance.spend", "2026-11-23", 900.0, "yandex-direct"),
        ("performance.spend", "2026-11-25", 300.0, "yandex-direct"),
    ]
    snapshot = ws.snapshot()
    assert snapshot.daily["performance.spend"] == {MON: 1000.0, WED: 300.0}
    by_day = value_sources(ws, "performance.spend", MON, WED)
    assert by_day == {MON: {MANUAL: 100.0, "yandex-direct": 900.0}, WED: {"yandex-direct": 300.0}}
    rows = {r.day: r for r in detail_view(snapshot, "performance.spend", {}, by_day).values}
    assert rows[MON].sources == "yours 100 + yandex-direct 900" and rows[MON].typed == "100"
    assert rows[WED].typed == ""  # the form edits the user's own value, and there is none


def test_the_channel_map_breaks_a_channel_down_by_source(ws: Workspace, tmp_path: Path) -> None:
    add_value(ws, "performance.spend", "100", MON)
    add_value(ws, "performance.leads", "1", MON)
    import_file(ws, _direct(tmp_path, [("2026-11-23", 1000), ("2026-11-24", 400)]))
    snapshot = ws.snapshot()
    perf = [r for r in channel_map(snapshot, week_days(snapshot.week), "2026-11") if r.hat == "performance"]
    assert [(r.source, r.leads, r.spend) for r in perf] == [
        (None, 5.0, 1500.0),
        (MANUAL, 1.0, 100.0),
        ("yandex-direct", 4.0, 1400.0),
    ]
    assert perf[2].cpl == pytest.approx(350.0) and perf[2].lead_share is None
    lines = [line for line in channel_view(snapshot).lines if line.hat == "performance"]
    assert [line.key for line in lines] == ["performance", "performance/manual", "performance/yandex-direct"]
    assert lines[2].cells[0] == "  ↳ yandex-direct"


def test_setting_a_value_replaces_the_users_own_and_delete_removes_only_it(ws: Workspace, tmp_path: Path) -> None:
    import_file(ws, _direct(tmp_path, [("2026-11-23", 1000)]))
    add_value(ws, "performance.spend", "100", MON)
    add_value(ws, "performance.spend", "120", MON)
    assert [x for x in _stored(ws) if x[0] == "performance.spend"] == [
        ("performance.spend", "2026-11-23", 120.0, MANUAL),
        ("performance.spend", "2026-11-23", 1000.0, "yandex-direct"),
    ]
    assert delete_value(ws, "performance.spend", MON)  # the user's own; the import's stays
    assert [x for x in _stored(ws) if x[0] == "performance.spend"] == [
        ("performance.spend", "2026-11-23", 1000.0, "yandex-direct"),
    ]
    assert not delete_value(ws, "performance.spend", MON)


def test_two_values_of_one_source_on_a_day_are_refused_on_load(ws: Workspace) -> None:
    add_value(ws, "performance.spend", "100", MON)
    month = ws.path.parent / "mkhats.d" / "values-2026-11.json"
    text = month.read_text(encoding="utf-8")
    doc = '{"kpi":"performance.spend","day":"2026-11-23","value":5.0,"note":"","source":"vk-ads"}'
    month.write_text(text.replace('"values":{', '"values":{"7":' + doc + ',"8":' + doc + ","), encoding="utf-8")
    with pytest.raises(StoreError, match="performance.spend"):
        ws.snapshot()
