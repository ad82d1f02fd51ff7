"""The week entry's use cases (SPEC §3): read a hat's week, save its changed cells all or none.

The store and the services are real: a data file in ``tmp_path``; values are read back from it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mkhats.domain.kpis import KpiChange
from mkhats.domain.sources import MANUAL
from mkhats.errors import EditConflict
from mkhats.i18n import set_language
from mkhats.services.importing import import_file
from mkhats.services.kpi_rules import set_kpi
from mkhats.services.kpi_settings import retire_kpi
from mkhats.services.values import add_value
from mkhats.services.week_entry import CellErrors, cell_field, read_week, set_week
from mkhats.services.workspace import Workspace

TODAY = date(2026, 11, 24)
MON, TUE, WED = date(2026, 11, 23), date(2026, 11, 24), date(2026, 11, 25)
SPEND, LEADS, SALES = "performance.spend", "performance.leads", "performance.sales"


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return Workspace(tmp_path / "mkhats.json", TODAY)


def stored(ws: Workspace, first: date = MON, last: date = TODAY) -> list[tuple[str, date, float, str, str]]:
    with ws.read() as repo:
        return sorted((v.kpi, v.day, v.value, v.source, v.note) for v in repo.values(first, last))


def _direct(tmp_path: Path, rows: list[tuple[str, int]]) -> Path:
    """A Yandex Direct Reports API file (IMPORTS.md §1a): cost in micros, two conversions a row."""
    lines = ["Date\tCampaignName\tImpressions\tCost\tConversions"]
    lines += [f"{day}\tBrand\t100\t{cost * 1_000_000}\t2" for day, cost in rows]
    path = tmp_path / "direct.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_sheet_holds_the_measured_kpis_in_order_and_splits_the_sources(ws: Workspace, tmp_path: Path) -> None:
    add_value(ws, SPEND, 100, MON, note="invoice")
    import_file(ws, _direct(tmp_path, [("2026-11-23", 1000)]))
    sheet = read_week(ws, "performance", "2026-W48")
    assert [k.key for k in sheet.kpis] == [SPEND, LEADS, SALES, "performance.revenue"]  # no CPL, CPA, ROAS
    assert sheet.days == [date(2026, 11, 23 + i) for i in range(7)]
    assert sheet.manual == {(SPEND, MON): 100}
    assert sheet.imported == {(SPEND, MON): {"yandex-direct": 1000}, (LEADS, MON): {"yandex-direct": 2}}
    assert sheet.editable(TUE) and not sheet.editable(WED)
    retire_kpi(ws, "content.published")
    assert [k.key for k in read_week(ws, "content", "2026-W48").kpis] == [
        "content.traffic",
        "content.leads",
        "content.subscribers",
    ]


def test_every_changed_cell_is_written_in_one_go_and_a_note_stays(ws: Workspace) -> None:
    add_value(ws, SPEND, 100, MON, note="invoice")
    add_value(ws, LEADS, 3, MON)
    result = set_week(
        ws, "performance", {(SPEND, MON): "1,250.5", (LEADS, TUE): "7", (LEADS, MON): "3", (SALES, TUE): ""}
    )
    assert stored(ws) == [
        (LEADS, MON, 3, MANUAL, ""),
        (LEADS, TUE, 7, MANUAL, ""),
        (SPEND, MON, 1250.5, MANUAL, "invoice"),
    ]
    assert [(v.kpi, v.day, v.value) for v in result.written] == [(SPEND, MON, 1250.5), (LEADS, TUE, 7)]
    assert result.removed == [] and result.unchanged == 1  # Leads Mon held 3; Sales Tue held nothing
    assert result.week == "2026-W48" and result.alerts == []


def test_one_bad_cell_and_nothing_is_written(ws: Workspace) -> None:
    add_value(ws, SPEND, 100, MON)
    before = stored(ws)
    changes = {(SPEND, MON): "200", (LEADS, MON): "1,2,3", (SALES, MON): "-1", (SPEND, WED): "5", (SPEND, TUE): "50"}
    with pytest.raises(CellErrors) as refused:
        set_week(ws, "performance", changes)
    errors = {cell: error.render() for cell, error in refused.value.errors.items()}
    assert errors == {
        (LEADS, MON): "Leads: in “1,2,3” every group of thousands must have three digits.",
        (SALES, MON): "The value of Sales cannot be negative (got -1).",
        (SPEND, WED): "Wed 25 Nov 2026 is after today: a day's numbers are entered on that day or later.",
    }
    assert refused.value.render().startswith("Nothing saved: 3 cells")
    assert stored(ws) == before


def test_a_formula_a_retired_or_an_unknown_kpi_is_refused_by_its_title(ws: Workspace) -> None:
    retire_kpi(ws, "content.published")
    cells = {("performance.cpa", MON): "10", ("content.published", MON): "1", ("performance.nope", MON): "1"}
    with pytest.raises(CellErrors) as refused:
        set_week(ws, "performance", cells)
    errors = {cell[0]: error.render() for cell, error in refused.value.errors.items()}
    assert errors["performance.cpa"].startswith("CPA is computed by its formula (spend / sales)")
    assert errors["content.published"].startswith("Published is retired")
    assert "performance.nope" in errors["performance.nope"]
    assert stored(ws) == []


def test_the_grid_sets_and_clears_the_users_own_values_only(ws: Workspace, tmp_path: Path) -> None:
    import_file(ws, _direct(tmp_path, [("2026-11-23", 1000), ("2026-11-24", 400)]))
    add_value(ws, SPEND, 100, MON)
    result = set_week(ws, "performance", {(SPEND, MON): None, (SPEND, TUE): "50"})
    assert result.removed == [(SPEND, MON)]
    assert [(v.kpi, v.day, v.value, v.source) for v in result.written] == [(SPEND, TUE, 50, MANUAL)]
    assert [row for row in stored(ws) if row[0] == SPEND] == [
        (SPEND, MON, 1000, "yandex-direct", ""),
        (SPEND, TUE, 50, MANUAL, ""),
        (SPEND, TUE, 400, "yandex-direct", ""),
    ]
    # Emptying a cell with no value of the user's deletes nothing, an import's least of all.
    assert set_week(ws, "performance", {(LEADS, MON): ""}).removed == []
    assert (LEADS, MON, 2, "yandex-direct", "") in stored(ws)


def test_a_week_across_two_months_is_one_commit(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "mkhats.json", date(2026, 12, 6))
    days = [date(2026, 11, 30), date(2026, 12, 1), date(2026, 12, 6)]
    with pytest.raises(CellErrors):  # a bad December cell: November's are not written either
        set_week(ws, "content", {("content.traffic", days[0]): "100", ("content.traffic", days[2]): "x"})
    assert stored(ws, days[0], days[-1]) == []
    set_week(ws, "content", {("content.traffic", d): str(100 + i) for i, d in enumerate(days)})
    assert stored(ws, days[0], days[-1]) == [("content.traffic", d, 100 + i, MANUAL, "") for i, d in enumerate(days)]
    assert sorted(p.name for p in (tmp_path / "mkhats.d").glob("values-*.json")) == [
        "values-2026-11.json",
        "values-2026-12.json",
    ]


def test_numbers_are_read_as_the_language_writes_them(ws: Workspace) -> None:
    set_language("ru")  # the suite's conftest puts English back
    set_week(ws, "performance", {(SPEND, MON): "1 234,5", (SPEND, TUE): "3,000"})
    assert [row[2] for row in stored(ws)] == [1234.5, 3.0]


def test_a_cell_changed_elsewhere_since_the_grid_read_it_is_a_conflict(ws: Workspace) -> None:
    add_value(ws, SPEND, 100, MON)
    sheet = read_week(ws, "performance", "2026-W48")
    add_value(ws, SPEND, 300, MON)  # another window, meanwhile
    changes = {(SPEND, MON): "200", (LEADS, MON): "4"}
    base = {cell: sheet.manual.get(cell) for cell in changes}
    with pytest.raises(EditConflict) as conflict:
        set_week(ws, "performance", changes, base)
    field = cell_field((SPEND, MON))
    assert conflict.value.fields == [field]
    assert conflict.value.theirs[field] == "300" and conflict.value.mine[field] == "200"
    assert conflict.value.labels[field] == "Spend · Mon 23 Nov 2026"
    assert conflict.value.render().startswith(
        "The numbers of Performance for 2026-W48: Spend · Mon 23 Nov 2026 changed"
    )
    assert [row[2] for row in stored(ws)] == [300]  # nothing written, Leads neither
    # Keep mine: the grid saves again with what it was shown as the base.
    set_week(ws, "performance", changes, {**base, (SPEND, MON): 300})
    assert [row[:3] for row in stored(ws)] == [(LEADS, MON, 4), (SPEND, MON, 200)]


def test_a_save_that_fires_a_stop_rule_returns_the_alert(ws: Workspace) -> None:
    set_kpi(ws, "performance.cpa", KpiChange(stop="> 100 for 2 days"))
    cells = {(SPEND, MON): "500", (SALES, MON): "2", (SPEND, TUE): "600", (SALES, TUE): "3"}
    result = set_week(ws, "performance", cells)
    assert [(a.kpi, a.first, a.last) for a in result.alerts] == [("performance.cpa", MON, TUE)]
    assert result.kpis["performance.cpa"].stop is not None
