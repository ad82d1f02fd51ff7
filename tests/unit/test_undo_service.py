"""``services.undo``: each kind of change the app makes is named in words and undone whole."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from mkhats.domain.kpis import KpiChange
from mkhats.domain.models import StopRule
from mkhats.domain.stoprules import Alert
from mkhats.errors import InputError
from mkhats.i18n import set_language
from mkhats.services import undo
from mkhats.services.decisions import decide
from mkhats.services.importing import import_file
from mkhats.services.kpi_rules import set_kpi
from mkhats.services.plans import save_log, tick
from mkhats.services.values import add_value
from mkhats.services.workspace import Workspace

TODAY = date(2026, 11, 24)


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    """A fresh file with the defaults, its history kept from now on (as the app does)."""
    workspace = Workspace(tmp_path / "mkhats.json", TODAY)
    with workspace.write():
        pass
    undo.keep_history(workspace)
    return workspace


def _files(ws: Workspace) -> dict[str, bytes]:
    folder = ws.path.parent
    found = {"main": ws.path.read_bytes()}
    found.update({p.name: p.read_bytes() for p in sorted((folder / "mkhats.d").glob("values-*.json"))})
    return found


def _first_item(ws: Workspace) -> str:
    with ws.read() as repo:
        return next(i.id for i in repo.checklist() if i.hat == "content")


def _direct(tmp_path: Path) -> Path:
    """A Yandex Direct Reports API file over two days (IMPORTS.md §1a)."""
    path = tmp_path / "direct.tsv"
    rows = [f"2026-11-{day}\tBrand\t100\t{cost * 1_000_000}\t2" for day, cost in ((23, 1000), (24, 400))]
    path.write_text("Date\tCampaignName\tImpressions\tCost\tConversions\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


CHANGES: list[tuple[str, Callable[[Workspace, Path], object], str]] = [
    ("value", lambda ws, _t: add_value(ws, "performance.spend", 1200, TODAY), "Spend on 24 Nov: 1,200"),
    ("tick", lambda ws, _t: tick(ws, _first_item(ws), "2026-W48", True), "checklist item ticked: "),
    ("log", lambda ws, _t: save_log(ws, "performance", "2026-W48", plan="Two sends"), "weekly log of Performance"),
    ("kpi", lambda ws, _t: set_kpi(ws, "performance.spend", KpiChange(target="900")), "settings of Spend"),
    (
        "decision",
        lambda ws, _t: decide(
            ws, Alert("performance.cpa", date(2026, 11, 20), date(2026, 11, 22), (), StopRule()), "stopped"
        ),
        "decision on CPA",
    ),
    ("import", lambda ws, tmp: import_file(ws, _direct(tmp)), " KPI values"),
]


@pytest.mark.parametrize(("kind", "make", "words"), CHANGES, ids=[c[0] for c in CHANGES])
def test_each_change_is_named_then_undone_to_the_byte(
    ws: Workspace, tmp_path: Path, kind: str, make: Callable[[Workspace, Path], object], words: str
) -> None:
    before = _files(ws)
    version = ws.version
    make(ws, tmp_path)
    assert _files(ws) != before
    what = undo.last_change(ws)
    assert what is not None and words in what.render(), (kind, what.render())
    done = undo.undo_last(ws)
    assert done.what == what
    assert _files(ws) == before
    assert ws.version > version  # the app's snapshot is read again


def test_an_unticked_item_and_a_removed_value_read_as_such(ws: Workspace) -> None:
    item = _first_item(ws)
    tick(ws, item, "2026-W48", True)
    tick(ws, item, "2026-W48", False)
    what = undo.last_change(ws)
    assert what is not None and what.render().startswith("checklist item unticked: ")
    add_value(ws, "performance.spend", 5, TODAY)
    from mkhats.services.values import delete_value

    delete_value(ws, "performance.spend", TODAY)
    what = undo.last_change(ws)
    assert what is not None and what.render() == "Spend on 24 Nov removed"
    undo.undo_last(ws)
    with ws.read() as repo:
        assert [v.value for v in repo.values(TODAY, TODAY) if v.kpi == "performance.spend"] == [5]


def test_nothing_to_undo_and_a_write_since_are_one_sentence_each(ws: Workspace) -> None:
    assert undo.last_change(ws) is None
    with pytest.raises(InputError) as nothing:
        undo.undo_last(ws)
    assert nothing.value.render() == ("Nothing to undo: this run has changed nothing yet (or every change is undone).")
    add_value(ws, "performance.spend", 1200, TODAY)
    add_value(Workspace(ws.path, TODAY), "performance.leads", 3, TODAY)  # the CLI, another window
    assert undo.last_change(ws) is not None
    before = _files(ws)
    with pytest.raises(InputError) as refused:
        undo.undo_last(ws)
    assert refused.value.render() == (
        "Not undone: the data was changed since (in another window or from the command line); nothing was touched."
    )
    assert _files(ws) == before
    set_language("ru")
    assert refused.value.render() == (
        "Не отменено: данные с тех пор изменили (в другом окне или из командной строки); ничего не тронуто."
    )
    assert nothing.value.render().startswith("Отменять нечего")


def test_russian_names_the_change_in_russian(ws: Workspace) -> None:
    set_language("ru")
    add_value(ws, "performance.spend", 1200, TODAY)
    what = undo.last_change(ws)
    assert what is not None and what.render().endswith("за 24 нояб.: 1\u00a0200"), what.render()
