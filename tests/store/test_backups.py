"""Daily backups, named backups, export and restore of the whole set."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import orjson
import pytest

from mkhats.store import KEEP_DAILY, CorruptFileError, Database, read_backup
from tests.store.helpers import TODAY, picture, seed


def _backups(db_path: Path) -> list[str]:
    folder = db_path.parent / "backups"
    return sorted(os.listdir(folder)) if folder.exists() else []


def _state(db_path: Path) -> dict[str, bytes]:
    return {k: v[0] for k, v in picture(db_path.parent).items() if not k.startswith("backups") and ".lock" not in k}


def test_daily_backup_before_the_first_write_of_each_day(db: Database, db_path: Path) -> None:
    seed(db)
    assert _backups(db_path) == [], "nothing to back up before the file existed"
    main_before = orjson.loads(db_path.read_bytes())
    with db.transaction(TODAY) as tx:
        tx.main("settings").update({"currency": "€"})
    daily = db_path.parent / "backups" / f"mkhats-{TODAY}.json"
    assert _backups(db_path) == [daily.name]
    backup = orjson.loads(daily.read_bytes())
    assert backup["mkhats_backup"] == 1 and "T" in backup["created"]
    assert sorted(backup["files"]) == ["mkhats.d/values-2026-10.json", "mkhats.d/values-2026-11.json", "mkhats.json"]
    assert backup["files"]["mkhats.json"] == main_before, "the state before the day's first write"
    stamp = daily.stat().st_mtime_ns
    for _ in range(2):
        with Database(db_path).transaction(TODAY) as tx:
            tx.main("settings").update({"currency": "£"})
    assert daily.stat().st_mtime_ns == stamp, "one backup per day"


def test_daily_backups_keep_the_newest_fourteen(db: Database, db_path: Path) -> None:
    seed(db)
    days = [TODAY + timedelta(days=n) for n in range(20)]
    for day in days:
        with db.transaction(day) as tx:
            tx.month("2026-11", "values").insert({"day": day.isoformat()})
    assert _backups(db_path) == [f"mkhats-{day}.json" for day in days[-KEEP_DAILY:]]


def test_a_transaction_that_writes_nothing_makes_no_backup(db: Database, db_path: Path) -> None:
    seed(db)
    with db.transaction(TODAY) as tx:
        tx.main("settings").all()
    assert _backups(db_path) == []


def test_backup_now_and_newest_backup(db: Database, db_path: Path) -> None:
    assert db.newest_backup() is None
    seed(db)
    first = db.backup_now("migration")
    assert first.name.startswith("mkhats-before-migration-") and first.suffix == ".json"
    assert db.newest_backup() == first
    second = db.backup_now("restore")
    assert db.newest_backup() == second
    with pytest.raises(ValueError):
        db.backup_now("../evil")
    with db.transaction(TODAY) as tx:  # the daily backup is the newest now
        tx.main("settings").insert({"x": 1})
    assert db.newest_backup() == db_path.parent / "backups" / f"mkhats-{TODAY}.json"
    # named backups are not pruned with the daily ones
    for n in range(1, 16):
        with db.transaction(TODAY + timedelta(days=n)) as tx:
            tx.main("settings").insert({"n": n})
    assert first.exists() and second.exists()


def test_restore_round_trip(db: Database, db_path: Path, tmp_path: Path) -> None:
    seed(db)
    export = tmp_path / "exports" / "backup.json"
    assert db.write_backup(export) == export
    original = _state(db_path)
    with db.transaction(TODAY) as tx:
        tx.main("settings").truncate()
        tx.main("logs").insert({"plan": "changed"})
        tx.month("2026-11", "values").insert({"kpi": "later"})
        tx.month("2027-02", "values").insert({"kpi": "future"})
    changed = _state(db_path)
    other = Database(db_path)
    with other.read() as view:
        view.month("2027-02", "values").all()
    before = db.restore(export, TODAY)
    assert before is not None
    assert _state(db_path) == original, "partitions not in the backup are removed"
    assert orjson.loads(before.read_bytes())["files"]["mkhats.json"] == orjson.loads(changed["mkhats.json"])
    with db.read() as view:
        assert view.main("logs").all() == []
        assert view.months() == ["2026-10", "2026-11"]
    assert other.changed()
    with other.read() as view:
        assert view.months() == ["2026-10", "2026-11"]
        assert view.main("settings").all() == [{"lang": "en", "currency": "$"}]


BAD_BACKUPS = {
    "not json": b"{",
    "empty": b"",
    "wrong kind": b'{"files": {}}',
    "files not an object": b'{"mkhats_backup": 1, "files": []}',
    "no main": b'{"mkhats_backup": 1, "files": {}}',
    "bad entry name": b'{"mkhats_backup": 1, "files": {"../etc/passwd": {}}}',
    "bad main shape": b'{"mkhats_backup": 1, "files": {"mkhats.json": {"meta": []}}}',
    "newer main": b'{"mkhats_backup": 1, "files": {"mkhats.json": {"meta": {"1": {"schema_version": 7}}}}}',
    "bad month": (
        b'{"mkhats_backup": 1, "files": {"mkhats.json": {"meta": {"1": {"schema_version": 1}}},'
        b' "mkhats.d/values-2026-11.json": {"values": {"1": 3}}}}'
    ),
    "bad month key": (
        b'{"mkhats_backup": 1, "files": {"mkhats.json": {"meta": {"1": {"schema_version": 1}}},'
        b' "mkhats.d/values-2026-13.json": {"meta": {"1": {"schema_version": 1}}}}}'
    ),
}


@pytest.mark.parametrize("name", list(BAD_BACKUPS))
def test_a_bad_backup_is_refused_and_nothing_changes(db: Database, db_path: Path, tmp_path: Path, name: str) -> None:
    seed(db)
    bad = tmp_path / "bad.json"
    bad.write_bytes(BAD_BACKUPS[name])
    before = picture(db_path.parent)
    with pytest.raises(CorruptFileError) as caught:
        db.restore(bad, TODAY)
    assert str(bad) in str(caught.value) and "not a usable mkhats backup" in str(caught.value)
    assert picture(db_path.parent) == before


def test_restore_replaces_a_corrupt_set_and_keeps_its_bytes(db: Database, db_path: Path, tmp_path: Path) -> None:
    seed(db)
    export = db.write_backup(tmp_path / "good.json")
    db_path.write_bytes(b"\x00garbage")
    fresh = Database(db_path)
    before = fresh.restore(export, TODAY)
    assert before is not None
    assert (before.with_suffix(".corrupt") / "mkhats.json").read_bytes() == b"\x00garbage"
    assert "mkhats.json" not in orjson.loads(before.read_bytes())["files"]
    with fresh.read() as view:
        assert view.main("settings").all() == [{"lang": "en", "currency": "$"}]


def test_read_backup_accepts_an_export_from_another_name(tmp_path: Path) -> None:
    other = Database(tmp_path / "work" / "marketing.json")
    seed(other)
    export = other.write_backup(tmp_path / "export.json")
    restored = read_backup(export)
    assert sorted(restored.months) == ["2026-10", "2026-11"]
    target = Database(tmp_path / "home" / "mkhats.json")
    assert target.restore(export, TODAY) is None, "nothing to keep before restoring into an empty place"
    assert not (tmp_path / "home" / "backups").exists()
    assert sorted(os.listdir(tmp_path / "home" / "mkhats.d")) == ["values-2026-10.json", "values-2026-11.json"]


def test_backups_before_a_restore_or_a_migration_keep_the_newest_fourteen_of_each(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    seed(db)
    export = db.write_backup(tmp_path / "good.json")
    migrations = [db.backup_now("migration") for _ in range(3)]
    restores = []
    for n in range(KEEP_DAILY + 3):
        if n == 0:  # the first restore keeps a damaged file aside, in a folder pruned with its backup
            (db_path.parent / "mkhats.d" / "values-2026-11.json").write_bytes(b"\x00")
        before = db.restore(export, TODAY)
        assert before is not None and before.with_suffix(".corrupt").is_dir() == (n == 0)
        restores.append(before)
    assert not restores[0].with_suffix(".corrupt").exists()
    kept = [name for name in _backups(db_path) if "before-restore" in name]
    assert kept == sorted(path.name for path in restores[-KEEP_DAILY:])
    assert all(path.exists() for path in migrations)
    assert f"mkhats-{TODAY}.json" in _backups(db_path)
