"""Older files are migrated on open, after a backup; files with no migration path are refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest

from mkhats.store import MIGRATIONS, SCHEMA_VERSION, CorruptFileError, Database, schema
from tests.store.helpers import TODAY, picture

FIXTURES = Path(__file__).parent / "fixtures"

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
        assert view.month("2026-11", "values").all() == [{"kpi": "crm.sends", "value": 7, "source": "manual"}]
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
    bumped = SCHEMA_VERSION + 1
    monkeypatch.setattr(schema, "SCHEMA_VERSION", bumped)
    monkeypatch.setitem(MIGRATIONS, SCHEMA_VERSION, lambda data: {**data, "added_in_next": {}})
    with Database(db_path).transaction(TODAY) as tx:
        assert tx.main("settings").all() == [{"lang": "en"}]
        tx.main("added_in_next").insert({"ok": True})
    data = orjson.loads(db_path.read_bytes())
    assert data["meta"]["1"]["schema_version"] == bumped and data["added_in_next"] == {"1": {"ok": True}}


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
        assert view.month("2026-11", "values").all() == [{"kpi": "crm.sends", "value": 7, "source": "manual"}]


def test_a_version_1_set_gets_sources_on_its_values(tmp_path: Path) -> None:
    """Files as mkhats wrote them before sources (SPEC §1): every value becomes the user's own."""
    from mkhats.domain.sources import MANUAL
    from mkhats.store.repo import Repo

    folder = tmp_path / "set"
    shutil.copytree(FIXTURES / "v1", folder)
    old_month = orjson.loads((folder / "mkhats.d" / "values-2026-11.json").read_bytes())
    with Database(folder / "mkhats.json").read() as view:
        values = Repo(view).all_values()
    assert sorted((v.kpi, v.day.isoformat(), v.value, v.note, v.source) for v in values) == [
        ("content.traffic", "2026-10-30", 1200.0, "", MANUAL),
        ("content.traffic", "2026-11-02", 1350.0, "", MANUAL),
        ("crm.sends", "2026-11-03", 7.0, "", MANUAL),
        ("performance.spend", "2026-11-02", 5000.0, "launch", MANUAL),
    ]
    month = orjson.loads((folder / "mkhats.d" / "values-2026-11.json").read_bytes())
    assert month["meta"] == {"1": {"schema_version": SCHEMA_VERSION}}
    assert [dict(d, source=None) for d in month["values"].values()] == [
        dict(d, source=None) for d in old_month["values"].values()
    ]
    assert {d["source"] for d in month["values"].values()} == {MANUAL}
    saved = next((folder / "backups").glob("mkhats-before-migration-*"))
    assert orjson.loads(saved.read_bytes())["files"]["mkhats.d/values-2026-11.json"] == old_month
