"""Older files are migrated on open, after a backup; files with no migration path are refused."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from mkhats.store import MIGRATIONS, SCHEMA_VERSION, CorruptFileError, Database, schema
from tests.store.helpers import TODAY, picture

# A "version 0" file as an imagined earlier mkhats wrote it: settings in a table named `config`,
# values with the field `val`.
OLD_MAIN = {"meta": {"1": {"schema_version": 0}}, "config": {"1": {"lang": "ru"}}}
OLD_MONTH = {"meta": {"1": {"schema_version": 0}}, "values": {"1": {"kpi": "crm.sends", "val": 7}}}


def _v0_to_v1(data: dict) -> dict:
    if "config" in data:
        data["settings"] = data.pop("config")
    for doc in data.get("values", {}).values():
        if "val" in doc:
            doc["value"] = doc.pop("val")
    return data


def _write_old(folder: Path) -> Path:
    (folder / "mkhats.d").mkdir()
    (folder / "mkhats.json").write_bytes(orjson.dumps(OLD_MAIN))
    (folder / "mkhats.d" / "values-2026-11.json").write_bytes(orjson.dumps(OLD_MONTH))
    (folder / "mkhats.d" / "values-2026-10.json").write_bytes(orjson.dumps(OLD_MONTH))
    return folder / "mkhats.json"


def test_an_older_file_is_migrated_after_a_backup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(MIGRATIONS, 0, _v0_to_v1)
    path = _write_old(tmp_path)
    db = Database(path)
    with db.read() as view:
        assert view.main("settings").all() == [{"lang": "ru"}]
        assert view.month("2026-11", "values").all() == [{"kpi": "crm.sends", "value": 7}]
    for name in ("mkhats.json", "mkhats.d/values-2026-11.json", "mkhats.d/values-2026-10.json"):
        data = orjson.loads((tmp_path / name).read_bytes())
        assert data["meta"] == {"1": {"schema_version": SCHEMA_VERSION}}, name
    backups = list((tmp_path / "backups").iterdir())
    assert len(backups) == 1 and backups[0].name.startswith("mkhats-before-migration-")
    saved = orjson.loads(backups[0].read_bytes())["files"]
    assert saved["mkhats.json"] == OLD_MAIN and saved["mkhats.d/values-2026-10.json"] == OLD_MONTH
    # Once migrated, opening again changes nothing.
    before = picture(tmp_path)
    with Database(path).transaction(TODAY) as tx:
        tx.month("2026-10", "values").all()
    assert picture(tmp_path) == before


def test_a_version_bump_migrates_current_files(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Database(db_path).transaction(TODAY) as tx:
        tx.main("settings").insert({"lang": "en"})
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(MIGRATIONS, 1, lambda data: {**data, "added_in_v2": {}})
    with Database(db_path).transaction(TODAY) as tx:
        assert tx.main("settings").all() == [{"lang": "en"}]
        tx.main("added_in_v2").insert({"ok": True})
    data = orjson.loads(db_path.read_bytes())
    assert data["meta"]["1"]["schema_version"] == 2 and data["added_in_v2"] == {"1": {"ok": True}}


def test_without_a_migration_an_older_file_is_refused(tmp_path: Path) -> None:
    path = _write_old(tmp_path)
    before = picture(tmp_path)
    with pytest.raises(CorruptFileError, match="schema version 0 cannot be upgraded"):
        with Database(path).read() as view:
            view.main("settings").all()
    assert picture(tmp_path) == before


def test_restoring_an_older_backup_migrates_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(MIGRATIONS, 0, _v0_to_v1)
    backup = tmp_path / "old-backup.json"
    backup.write_bytes(
        orjson.dumps(
            {"mkhats_backup": 1, "files": {"mkhats.json": OLD_MAIN, "mkhats.d/values-2026-11.json": OLD_MONTH}}
        )
    )
    db = Database(tmp_path / "db" / "mkhats.json")
    db.restore(backup, TODAY)
    with db.read() as view:
        assert view.main("settings").all() == [{"lang": "ru"}]
        assert view.month("2026-11", "values").all() == [{"kpi": "crm.sends", "value": 7}]
