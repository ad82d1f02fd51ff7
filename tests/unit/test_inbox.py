"""The inbox beside the data (SPEC §9): what it offers, and where an imported file goes.

Real files in ``tmp_path``: a data file with the shipped KPIs, a Yandex Direct Reports API export
(as ``test_imports_ads`` builds it) dropped into ``inbox/``, imported by the real use case.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from mkhats.errors import InputError
from mkhats.services.inbox import candidates, import_candidate, inbox_files, inbox_folder
from mkhats.services.workspace import Workspace
from tests.unit.test_imports_ads import DIRECT_API

TODAY = date(2026, 11, 24)
NOV2, NOV3 = date(2026, 11, 2), date(2026, 11, 3)


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    """A new data file with the shipped KPIs (spend and leads among them)."""
    workspace = Workspace(tmp_path / "data" / "mkhats.json", TODAY)
    workspace.path.parent.mkdir()
    with workspace.write():
        pass
    return workspace


def drop(folder: Path, name: str, text: str, mtime: float | None = None) -> Path:
    """Write ``text`` to ``folder/name`` (the folder made if needed), dated ``mtime``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    if mtime is not None:
        os.utime(path, (mtime, mtime))
    return path


def direct_values(ws: Workspace) -> dict[tuple[str, date], float]:
    with ws.read() as repo:
        return {(v.kpi, v.day): v.value for v in repo.values(NOV2, NOV3) if v.source == "yandex-direct"}


def test_a_missing_inbox_offers_nothing(ws: Workspace) -> None:
    assert not inbox_folder(ws).exists()
    assert inbox_files(ws) == []


def test_the_inbox_offers_its_own_files_newest_first(ws: Workspace) -> None:
    inbox = inbox_folder(ws)
    old = drop(inbox, "old.csv", DIRECT_API, 1_700_000_000)
    new = drop(inbox, "new export.xlsx", "x", 1_700_000_500)
    drop(inbox, ".hidden.csv", DIRECT_API)
    drop(inbox, "~$new export.xlsx", "lock")  # Excel's lock file while the export is open
    drop(inbox, "report.csv.crdownload", "half")  # a download still running
    drop(inbox / "done", "imported.csv", DIRECT_API)  # a subfolder's files are not offered
    (inbox / "folder.csv").mkdir()
    assert inbox_files(ws) == [new, old]


def test_an_imported_inbox_file_moves_to_done(ws: Workspace) -> None:
    path = drop(inbox_folder(ws), "direct.tsv", DIRECT_API)
    imported = import_candidate(ws, path)
    assert imported.moved == inbox_folder(ws) / "done" / "direct.tsv"
    assert imported.moved.read_text(encoding="utf-8") == DIRECT_API
    assert not path.exists() and imported.stuck is None
    assert inbox_files(ws) == []
    assert direct_values(ws) == {
        ("performance.spend", NOV2): 1750.5,
        ("performance.spend", NOV3): 0.99,
        ("performance.leads", NOV2): 3.0,
        ("performance.leads", NOV3): 1.0,
    }
    assert imported.plan.written == 4 and not imported.plan.dry_run


def test_a_name_taken_in_done_gets_a_number_and_nothing_is_overwritten(ws: Workspace) -> None:
    done = inbox_folder(ws) / "done"
    earlier = drop(done, "direct.tsv", "the file imported last week")
    drop(done, "direct (2).tsv", "and the week before")
    path = drop(inbox_folder(ws), "direct.tsv", DIRECT_API)
    imported = import_candidate(ws, path)
    assert imported.moved == done / "direct (3).tsv"
    assert imported.moved.read_text(encoding="utf-8") == DIRECT_API
    assert earlier.read_text(encoding="utf-8") == "the file imported last week"
    assert (done / "direct (2).tsv").read_text(encoding="utf-8") == "and the week before"
    assert not path.exists()


def test_a_refused_inbox_file_stays_untouched_and_nothing_is_written(ws: Workspace) -> None:
    path = drop(inbox_folder(ws), "contacts.csv", "name,phone\nAnna,123\n", 1_700_000_000)
    with pytest.raises(InputError, match="does not recognise"):
        import_candidate(ws, path)
    assert path.read_text(encoding="utf-8") == "name,phone\nAnna,123\n"
    assert path.stat().st_mtime == 1_700_000_000
    assert not (inbox_folder(ws) / "done").exists()
    assert inbox_files(ws) == [path]


def test_a_file_from_elsewhere_is_imported_where_it_lies(ws: Workspace, tmp_path: Path) -> None:
    path = drop(tmp_path / "Downloads", "direct.tsv", DIRECT_API)
    imported = import_candidate(ws, path)
    assert imported.moved is None and path.exists()
    assert direct_values(ws)[("performance.spend", NOV2)] == 1750.5


def test_an_inbox_file_imported_twice_changes_nothing_the_second_time(ws: Workspace) -> None:
    first = import_candidate(ws, drop(inbox_folder(ws), "direct.tsv", DIRECT_API))
    again = import_candidate(ws, drop(inbox_folder(ws), "direct.tsv", DIRECT_API))
    assert (first.plan.written, again.plan.written, again.plan.unchanged) == (4, 0, 4)
    assert again.moved == inbox_folder(ws) / "done" / "direct (2).tsv"


def test_candidates_list_the_inbox_first_then_exports_in_downloads_newest_first(ws: Workspace, tmp_path: Path) -> None:
    downloads, other = tmp_path / "Downloads", tmp_path / "Загрузки"
    waiting = drop(inbox_folder(ws), "dropped", "x", 1_600_000_000)  # any file, however old
    older = drop(downloads, "Direct.TSV", "x", 1_700_000_000)
    newer = drop(other, "metrica.xlsx", "x", 1_700_000_900)
    drop(downloads, "photo.jpg", "x", 1_700_000_999)  # not an export
    drop(downloads, "deals.xls.part", "x", 1_700_000_999)
    found = candidates(ws, [downloads, other, downloads])  # a folder given twice is listed once
    assert [c.path for c in found] == [waiting, newer, older]
    assert [c.inbox for c in found] == [True, False, False]
    assert found[1].size == 1 and found[1].modified == 1_700_000_900
    assert candidates(ws, [tmp_path / "missing"]) == [found[0]]
