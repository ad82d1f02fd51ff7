"""Files that are not what mkhats wrote are refused loudly and never written, renamed or deleted."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkhats.store import CorruptFileError, Database
from tests.store.helpers import TODAY, picture, seed

VALID = orjson.dumps({"meta": {"1": {"schema_version": 1}}, "settings": {"1": {"lang": "ru"}}})

CORPUS = {
    "empty": b"",
    "truncated": VALID[:-3],
    "null": b"null",
    "array": b"[]",
    "number": b"42",
    "table not an object": b'{"meta": {"1": {"schema_version": 1}}, "values": []}',
    "values list only": b'{"values": []}',
    "document not an object": b'{"meta": {"1": {"schema_version": 1}}, "values": {"1": 5}}',
    "document id not a number": b'{"meta": {"1": {"schema_version": 1}}, "values": {"x": {}}}',
    "no meta": b'{"values": {}}',
    "meta without version": b'{"meta": {"1": {}}}',
    "version not a number": b'{"meta": {"1": {"schema_version": "1"}}}',
    "version a boolean": b'{"meta": {"1": {"schema_version": true}}}',
    "two versions": b'{"meta": {"1": {"schema_version": 1}, "2": {"schema_version": 1}}}',
    "bom": b"\xef\xbb\xbf" + VALID,
    "newer schema": b'{"meta": {"1": {"schema_version": 99}}}',
    "not utf-8": b'{"meta": {"1": {"schema_version": 1}}, "s": {"1": {"t": "\xff\xfe"}}}',
    "cp1251 text": '{"meta": {"1": {"schema_version": 1}}, "s": {"1": {"t": "Привет"}}}'.encode("cp1251"),
    "nan literal": b'{"meta": {"1": {"schema_version": 1}}, "s": {"1": {"v": NaN}}}',
    "trailing garbage": VALID + b"}",
    "two documents": VALID + VALID,
}

REASONS = {
    "empty": "empty (0 bytes)",
    "truncated": "not valid JSON",
    "null": "not a JSON object",
    "values list only": "table “values” is not a JSON object",
    "no meta": "no “meta” table",
    "bom": "byte order mark",
    "newer schema": "newer mkhats (schema version 99",
    "not utf-8": "not UTF-8",
}


def _open_main(path: Path) -> None:
    with Database(path).read() as view:
        view.main("settings").all()


@pytest.mark.parametrize("name", list(CORPUS))
def test_a_bad_main_file_is_refused_and_untouched(tmp_path: Path, name: str) -> None:
    path = tmp_path / "mkhats.json"
    path.write_bytes(CORPUS[name])
    before = picture(tmp_path)
    with pytest.raises(CorruptFileError) as caught:
        _open_main(path)
    assert picture(tmp_path) == before, "nothing written, renamed, deleted or created"
    message = str(caught.value)
    assert str(path) in message and "there is no backup yet" in message
    if name in REASONS:
        assert REASONS[name] in message, message
    # A transaction refuses it too; only the lock file may appear.
    db = Database(path)
    with pytest.raises(CorruptFileError), db.transaction(TODAY) as tx:
        tx.main("settings").insert({"x": 1})
    after = picture(tmp_path)
    assert set(after) - set(before) == {"mkhats.json.lock"}
    assert after["mkhats.json"] == before["mkhats.json"]


@pytest.mark.parametrize("name", ["empty", "truncated", "newer schema", "not utf-8"])
def test_a_bad_partition_is_refused_and_names_the_newest_backup(db: Database, db_path: Path, name: str) -> None:
    seed(db)
    seed(db)  # makes today's backup
    month = db_path.parent / "mkhats.d" / "values-2026-11.json"
    month.write_bytes(CORPUS[name])
    before = picture(db_path.parent)
    fresh = Database(db_path)
    with fresh.read() as view:
        view.main("settings").all()
        view.month("2026-10", "values").all()
        with pytest.raises(CorruptFileError) as caught:
            view.month("2026-11", "values").all()
    message = str(caught.value)
    assert str(month) in message and f"backups/mkhats-{TODAY}.json" in message, message
    assert caught.value.backup == db_path.parent / "backups" / f"mkhats-{TODAY}.json"
    assert picture(db_path.parent) == before
    if name == "newer schema":
        return  # a newer file is well-formed: it can be backed up, only not read
    # Tomorrow's first write needs a daily backup of the whole set: refused, nothing written.
    with pytest.raises(CorruptFileError), fresh.transaction(TODAY.replace(day=25)) as tx:
        tx.main("settings").insert({"x": 1})
    assert picture(db_path.parent) == before


def test_every_cut_of_a_torn_write_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "mkhats.json"
    db = Database(path)
    seed(db)
    whole = path.read_bytes()
    month = tmp_path / "mkhats.d" / "values-2026-11.json"
    month_whole = month.read_bytes()
    for cut in range(len(whole)):
        path.write_bytes(whole[:cut])
        with pytest.raises(CorruptFileError):
            _open_main(path)
        assert path.read_bytes() == whole[:cut]
    path.write_bytes(whole)
    for cut in range(0, len(month_whole), 3):
        month.write_bytes(month_whole[:cut])
        with pytest.raises(CorruptFileError), Database(path).read() as view:
            view.month("2026-11", "spans").all()
        assert month.read_bytes() == month_whole[:cut]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    raw=st.one_of(
        st.binary(max_size=300), st.text(max_size=200).map(str.encode), st.sampled_from(list(CORPUS.values()))
    )
)
def test_arbitrary_bytes_never_load_silently_nor_get_written(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mkhats.json"
        path.write_bytes(raw)
        stat = path.stat()
        try:
            _open_main(path)
        except CorruptFileError:
            pass
        else:
            assert orjson.loads(raw)["meta"]  # only a genuine store file loads
        assert os.listdir(folder) == ["mkhats.json"]
        assert path.read_bytes() == raw and path.stat().st_mtime_ns == stat.st_mtime_ns


@settings(max_examples=100, deadline=None)
@given(
    doc=st.recursive(
        st.none()
        | st.booleans()
        | st.integers(-(2**63), 2**63 - 1)
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.text(max_size=20),
        lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
        max_leaves=20,
    )
)
def test_any_json_document_round_trips(doc: object) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mkhats.json"
        with Database(path).transaction(TODAY) as tx:
            tx.month("2026-11", "values").insert({"doc": doc})
        with Database(path).read() as view:
            assert view.month("2026-11", "values").all() == [{"doc": doc}]
