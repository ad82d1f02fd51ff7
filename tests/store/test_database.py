"""Round trips, lazy partitions, change detection and transaction rules of the store."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import orjson
import pytest

from mkhats.store import SCHEMA_VERSION, Database, StoreDataError
from tests.store.helpers import TODAY, picture, seed


def test_round_trip_through_a_new_database(db: Database, db_path: Path) -> None:
    seed(db)
    again = Database(db_path)
    with again.read() as view:
        assert view.main("settings").all() == [{"lang": "en", "currency": "$"}]
        assert len(view.main("kpis")) == 5
        assert view.month("2026-11", "values").all()[0]["value"] == 12
        assert view.month("2026-10", "values").all()[0]["value"] == 10.5
        assert view.months() == ["2026-10", "2026-11"]
    assert again.months() == ["2026-10", "2026-11"]


def test_files_have_tables_and_meta(db: Database, db_path: Path) -> None:
    seed(db)
    main = orjson.loads(db_path.read_bytes())
    month = orjson.loads((db_path.parent / "mkhats.d" / "values-2026-11.json").read_bytes())
    assert main["meta"] == {"1": {"schema_version": SCHEMA_VERSION}}
    assert month["meta"] == {"1": {"schema_version": SCHEMA_VERSION}}
    assert set(month) == {"meta", "values", "spans"}
    assert main["settings"] == {"1": {"lang": "en", "currency": "$"}}


def test_partitions_load_lazily(db: Database, db_path: Path) -> None:
    seed(db)
    again = Database(db_path)
    with again.read() as view:
        view.main("settings").all()
        assert again.loaded_files() == ["mkhats.json"]
        view.month("2026-11", "values").all()
        assert again.loaded_files() == ["mkhats.d/values-2026-11.json", "mkhats.json"]
    fresh = Database(db_path)
    with fresh.read() as view:
        view.month("2026-10", "values").all()
        assert fresh.loaded_files() == ["mkhats.d/values-2026-10.json"]


def test_a_missing_database_is_empty_and_the_first_transaction_creates_it(db: Database, db_path: Path) -> None:
    assert not db.exists()
    with db.read() as view:
        assert view.main("settings").all() == []
        assert view.month("2026-11", "values").all() == []
        assert view.months() == []
    assert not db_path.parent.joinpath("mkhats.json").exists()
    with db.transaction(TODAY):
        pass
    assert db.exists()
    assert orjson.loads(db_path.read_bytes()) == {"meta": {"1": {"schema_version": SCHEMA_VERSION}}}
    assert not (db_path.parent / "mkhats.d").exists(), "a partition is created only when written"


def test_a_month_read_but_not_written_is_not_created(db: Database, db_path: Path) -> None:
    seed(db)
    with db.transaction(TODAY) as tx:
        assert tx.month("2025-01", "values").all() == []
        assert "2025-01" not in tx.months()
    assert not (db_path.parent / "mkhats.d" / "values-2025-01.json").exists()


def test_a_month_written_in_a_transaction_is_listed(db: Database) -> None:
    seed(db)
    with db.transaction(TODAY) as tx:
        tx.month("2024-02", "values").insert({"x": 1})
        assert tx.months() == ["2024-02", "2026-10", "2026-11"]


def test_an_exception_writes_nothing_and_forgets_the_changes(db: Database, db_path: Path) -> None:
    seed(db)
    before = picture(db_path.parent)
    with pytest.raises(KeyError), db.transaction(TODAY) as tx:
        tx.main("settings").truncate()
        tx.month("2026-11", "values").insert({"kpi": "x"})
        raise KeyError("boom")
    assert picture(db_path.parent) == before
    with db.read() as view:
        assert len(view.main("settings")) == 1
        assert len(view.month("2026-11", "values")) == 1


def test_only_changed_files_are_written(db: Database, db_path: Path) -> None:
    seed(db)
    before = picture(db_path.parent)
    with db.transaction(TODAY) as tx:
        tx.month("2026-11", "values").insert({"kpi": "x"})
    after = picture(db_path.parent)
    changed = {name for name in after if after[name] != before.get(name)}
    assert changed == {"mkhats.d/values-2026-11.json", f"backups/mkhats-{TODAY}.json"}


def test_a_second_process_sees_changes_and_changed_reports_them(db: Database, db_path: Path) -> None:
    seed(db)
    other = Database(db_path)
    with other.read() as view:
        assert len(view.month("2026-11", "values")) == 1
        view.main("settings").all()
    assert not other.changed()
    with db.transaction(TODAY) as tx:
        tx.month("2026-11", "values").insert({"kpi": "y"})
    assert other.changed()
    with other.read() as view:
        assert len(view.month("2026-11", "values")) == 2
    assert not other.changed()
    with db.transaction(TODAY) as tx:
        tx.month("2027-01", "values").insert({"kpi": "z"})  # a new partition, not loaded by `other`
    assert other.changed()
    with other.read() as view:
        assert view.months() == ["2026-10", "2026-11", "2027-01"]
    assert not other.changed()


def test_own_writes_do_not_count_as_changes(db: Database) -> None:
    seed(db)
    with db.read() as view:
        view.month("2026-11", "values").all()
    with db.transaction(TODAY) as tx:
        tx.month("2026-11", "values").insert({"kpi": "y"})
    assert not db.changed()


def test_a_same_size_edit_within_the_same_tick_is_seen(db: Database, db_path: Path) -> None:
    """Signature (mtime, size, inode) can repeat on a coarse clock: recent files are compared by content."""
    seed(db)
    other = Database(db_path)
    with other.read() as view:
        assert view.main("settings").all()[0]["currency"] == "$"
    old = db_path.stat()
    raw = db_path.read_bytes()
    edited = raw.replace(b'"currency":"$"', b'"currency":"E"')
    assert len(edited) == len(raw) and edited != raw
    with open(db_path, "r+b") as handle:
        handle.write(edited)
    os.utime(db_path, ns=(old.st_atime_ns, old.st_mtime_ns))
    assert other.changed()
    with other.transaction(TODAY) as tx:
        assert tx.main("settings").all()[0]["currency"] == "E"


def test_a_transaction_rereads_files_changed_by_another_writer(db: Database, db_path: Path) -> None:
    seed(db)
    other = Database(db_path)
    with other.read() as view:
        view.month("2026-11", "values").all()
    with db.transaction(TODAY) as tx:
        tx.month("2026-11", "values").insert({"from": "db"})
    with other.transaction(TODAY) as tx:
        tx.month("2026-11", "values").insert({"from": "other"})
    with Database(db_path).read() as view:
        docs = view.month("2026-11", "values").all()
    assert [doc.get("from") for doc in docs] == [None, "db", "other"]
    assert len({doc.doc_id for doc in docs}) == 3, "no document id is reused"


def test_non_finite_numbers_are_refused_and_nothing_is_written(db: Database, db_path: Path) -> None:
    seed(db)
    before = picture(db_path.parent)
    for bad in (float("nan"), float("inf"), -float("inf"), [1.0, float("nan")], {"x": float("inf")}):
        with pytest.raises(StoreDataError) as caught, db.transaction(TODAY) as tx:
            tx.month("2026-11", "values").insert({"value": bad})
        assert "not finite" in str(caught.value) and "values-2026-11.json" in str(caught.value)
        assert caught.value.exit_code == 1
    with pytest.raises(StoreDataError), db.transaction(TODAY) as tx:
        tx.main("settings").insert({"big": 2**70})
    after = picture(db_path.parent)
    assert {k: v for k, v in after.items() if not k.startswith("backups/")} == before


def test_files_are_owner_only(db: Database, db_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        seed(db)
        seed(db)  # the second write of the day makes the daily backup
    finally:
        os.umask(old_umask)
    folder = db_path.parent
    for path in (
        db_path,
        folder / "mkhats.json.lock",
        folder / "mkhats.d" / "values-2026-11.json",
        folder / "backups" / f"mkhats-{TODAY}.json",
    ):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_misuse_is_a_programming_error(db: Database) -> None:
    with pytest.raises(ValueError), db.read() as view:
        view.month("2026-13", "values")
    with pytest.raises(RuntimeError), db.transaction(TODAY), db.transaction(TODAY):
        pass
    with pytest.raises(RuntimeError), db.read() as view:
        view.main("settings").insert({"x": 1})
    with db.read() as view:
        pass
    with pytest.raises(RuntimeError):
        view.main("settings")


def test_a_table_from_an_earlier_load_refuses_to_work(db: Database, db_path: Path) -> None:
    seed(db)
    other = Database(db_path)
    with other.read() as view:
        table = view.main("settings")
        assert len(table) == 1
    with db.transaction(TODAY) as tx:
        tx.main("settings").insert({"x": 1})
    with other.read(), pytest.raises(RuntimeError, match="stale table"):
        table.all()
