"""The journal of a commit spanning several files: what the next open does with each leftover state."""

from __future__ import annotations

import os
from pathlib import Path

import orjson
import pytest

from mkhats.store import Database, journal
from mkhats.store.atomic import write_temp
from mkhats.store.files import Layout, digest
from tests.store.helpers import TODAY, picture, seed, temp_files


def _months(db_path: Path) -> Path:
    return db_path.parent / "mkhats.d"


def _interrupted(db_path: Path, renamed: int, with_journal: bool = True) -> list[Path]:
    """Leave a commit of three files as a kill would: temporaries written, the journal (or not),
    the first ``renamed`` temporaries already renamed. Returns the targets."""
    layout = Layout(db_path)
    targets = [layout.month_path("2026-10"), layout.month_path("2026-11"), layout.main]
    entries = []
    for target in targets:
        data = orjson.loads(target.read_bytes())
        data.setdefault("marks", {})["1"] = {"new": target.name}
        raw = orjson.dumps(data)
        tmp, _stat = write_temp(target, raw)
        entries.append([layout.rel(target), tmp.name, digest(raw).hex()])
    if with_journal:
        record = {"mkhats_journal": 1, "writes": entries, "deletes": []}
        layout.journal.write_bytes(orjson.dumps(record))
    for rel, tmp_name, _hex in entries[:renamed]:
        target = layout.from_rel(rel)
        assert target is not None
        os.replace(target.parent / tmp_name, target)
    return targets


def _without_lock(files: dict[str, object]) -> dict[str, object]:
    return {name: value for name, value in files.items() if not name.endswith(".lock")}


def _marks(db: Database) -> list[object]:
    with db.read() as view:
        return [
            view.month("2026-10", "marks").all(),
            view.month("2026-11", "marks").all(),
            view.main("marks").all(),
        ]


@pytest.mark.parametrize("renamed", [0, 1, 2, 3])
def test_a_complete_journal_is_finished_by_the_next_reader(db: Database, db_path: Path, renamed: int) -> None:
    seed(db)
    _interrupted(db_path, renamed)
    assert _marks(Database(db_path)) == [
        [{"new": "values-2026-10.json"}],
        [{"new": "values-2026-11.json"}],
        [{"new": "mkhats.json"}],
    ]
    assert not (_months(db_path) / "journal.json").exists() and temp_files(db_path.parent) == []


def test_without_a_journal_the_temporaries_are_dropped(db: Database, db_path: Path) -> None:
    seed(db)
    before = picture(db_path.parent)
    _interrupted(db_path, 0, with_journal=False)
    fresh = Database(db_path)
    assert _marks(fresh) == [[], [], []]
    with fresh.transaction(TODAY):
        pass
    assert _without_lock(picture(db_path.parent)) == _without_lock(before)


@pytest.mark.parametrize(
    "journal_bytes",
    [
        b"",
        b"{not json",
        b'{"mkhats_journal": 2, "writes": [], "deletes": []}',
        b'{"mkhats_journal": 1, "writes": [["../../etc/passwd", ".passwd.tmp1", "00"]], "deletes": []}',
        b'{"mkhats_journal": 1, "writes": [["mkhats.json", "../x.tmp", "00"]], "deletes": []}',
        b'{"mkhats_journal": 1, "writes": [], "deletes": ["../outside.json"]}',
        b'{"mkhats_journal": 1, "writes": [["mkhats.json", ".mkhats.json.tmp-gone", "00"]], "deletes": []}',
    ],
    ids=["empty", "not-json", "other-format", "outside-target", "outside-temp", "outside-delete", "temp-gone"],
)
def test_a_journal_that_cannot_be_trusted_is_dropped_and_nothing_else_touched(
    db: Database, db_path: Path, journal_bytes: bytes
) -> None:
    seed(db)
    outside = db_path.parent / "outside.json"
    outside.write_bytes(b"{}")
    (_months(db_path) / "journal.json").write_bytes(journal_bytes)
    before = picture(db_path.parent)
    with Database(db_path).read() as view:
        assert view.main("settings").all() == [{"lang": "en", "currency": "$"}]
    del before["mkhats.d/journal.json"]
    assert _without_lock(picture(db_path.parent)) == _without_lock(before)


def test_a_commit_of_several_files_leaves_no_journal(db: Database, db_path: Path) -> None:
    seed(db)
    with db.transaction(TODAY) as tx:
        for month in ("2026-01", "2026-02", "2026-03"):
            tx.month(month, "values").insert({"kpi": "x", "day": f"{month}-01"})
        tx.main("settings").update({"currency": "€"})
    assert not (_months(db_path) / "journal.json").exists() and temp_files(db_path.parent) == []
    with Database(db_path).read() as view:
        assert view.months() == ["2026-01", "2026-02", "2026-03", "2026-10", "2026-11"]


def test_a_one_file_save_writes_no_journal(db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seed(db)
    seed(db)  # today's backup exists: the next save writes one file
    created: list[str] = []
    real_open = os.open

    def spy(path, flags, mode=0o777, *, dir_fd=None):  # type: ignore[no-untyped-def]
        if flags & os.O_CREAT:
            created.append(os.path.basename(os.fspath(path)))
        return real_open(path, flags, mode, dir_fd=dir_fd)

    monkeypatch.setattr(os, "open", spy)
    with db.transaction(TODAY) as tx:
        tx.month("2026-11", "values").insert({"kpi": "one"})
    monkeypatch.undo()
    assert [name for name in created if "journal" in name] == []
    assert [name.split(".tmp")[0] for name in created if ".tmp" in name] == [".values-2026-11.json"]


def test_recover_finishes_a_commit_once(db: Database, db_path: Path) -> None:
    seed(db)
    _interrupted(db_path, 1)
    layout = Layout(db_path)
    assert journal.pending(layout)
    assert journal.recover(layout) is True
    assert not journal.pending(layout) and journal.recover(layout) is False
