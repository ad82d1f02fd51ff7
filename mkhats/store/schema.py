"""The shape every store file must have, its schema version, and the migrations between versions.

A file is a TinyDB-shaped JSON object ``{table: {doc_id: {doc}}}`` whose ``meta`` table holds one
document ``{"schema_version": N}``. Loading decodes with orjson and checks that shape before
anything else sees the data; a file that fails is refused (never rewritten). An older version is
brought up to date by the functions in :data:`MIGRATIONS`, one step at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import orjson

SCHEMA_VERSION = 2
"""The version this mkhats writes and reads."""


def _values_get_a_source(data: dict[str, Any]) -> dict[str, Any]:
    """1 → 2: every value so far was typed (or imported as plain rows): its source is ``manual``."""
    table = data.get("values")
    if isinstance(table, dict):
        for doc in table.values():
            if isinstance(doc, dict) and "source" not in doc:
                doc["source"] = "manual"
    return data


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _values_get_a_source}
"""Version N → N+1, applied to a whole raw file (main or partition); the runner sets the new version."""

META_TABLE = "meta"
VERSION_FIELD = "schema_version"
_BOM = b"\xef\xbb\xbf"


class ShapeError(Exception):
    """Why some bytes are not a store file: a catalogue reason key and its parameters."""

    def __init__(self, reason: str, **params: Any) -> None:
        super().__init__(reason)
        self.reason = reason
        self.params = params


def new_file_data() -> dict[str, Any]:
    """The content of a file that does not exist yet: just its ``meta`` table."""
    return {META_TABLE: {"1": {VERSION_FIELD: SCHEMA_VERSION}}}


def decode(raw: bytes) -> dict[str, Any]:
    """Parse ``raw`` as a store file and check its shape (not its version).

    Raises:
        ShapeError: empty, a byte order mark, not UTF-8, not JSON, or not shaped like TinyDB.
    """
    data: dict[str, Any] = parse_json(raw)
    check_shape(data)
    return data


def parse_json(raw: bytes) -> Any:
    """Parse ``raw`` as JSON, saying in words what is wrong when it is not.

    Raises:
        ShapeError: empty, a byte order mark in front, not UTF-8, or not JSON.
    """
    if not raw:
        raise ShapeError("store.reason.empty")
    if raw.startswith(_BOM):
        raise ShapeError("store.reason.bom")
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            raise ShapeError("store.reason.not_utf8") from None
        raise ShapeError("store.reason.not_json", line=exc.lineno, column=exc.colno) from None


def check_shape(data: Any) -> None:
    """Check that ``data`` is ``{table: {digits: {doc}}}`` with a well-formed ``meta`` table.

    Raises:
        ShapeError: the first problem found.
    """
    if not isinstance(data, dict):
        raise ShapeError("store.reason.not_object")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise ShapeError("store.reason.table_not_object", table=name)
        for doc_id, doc in table.items():
            if not (doc_id.isascii() and doc_id.isdigit()):
                raise ShapeError("store.reason.bad_doc_id", table=name, doc_id=doc_id[:40])
            if not isinstance(doc, dict):
                raise ShapeError("store.reason.doc_not_object", table=name, doc_id=doc_id)
    schema_version(data)


def schema_version(data: dict[str, Any]) -> int:
    """The version recorded in the ``meta`` table of shaped ``data``.

    Raises:
        ShapeError: no ``meta`` table, or not exactly one document with an integer version ≥ 0.
    """
    meta = data.get(META_TABLE)
    if not meta:
        raise ShapeError("store.reason.meta_missing")
    versions = [doc[VERSION_FIELD] for doc in meta.values() if VERSION_FIELD in doc]
    if len(versions) != 1:
        raise ShapeError("store.reason.meta_missing" if not versions else "store.reason.meta_bad")
    version = versions[0]
    if type(version) is not int or version < 0:
        raise ShapeError("store.reason.meta_bad")
    return version


def check_version(version: int) -> bool:
    """Whether a file at ``version`` needs migrating (True) or is current (False).

    Raises:
        ShapeError: the file is newer than this mkhats, or no chain of migrations reaches ours.
    """
    if version > SCHEMA_VERSION:
        raise ShapeError("store.reason.newer", found=version, supported=SCHEMA_VERSION)
    if version == SCHEMA_VERSION:
        return False
    if any(step not in MIGRATIONS for step in range(version, SCHEMA_VERSION)):
        raise ShapeError("store.reason.no_migration", found=version, supported=SCHEMA_VERSION)
    return True


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring shaped ``data`` to :data:`SCHEMA_VERSION`, one registered step at a time.

    Raises:
        ShapeError: the version cannot be migrated, or a step produced a malformed file.
    """
    version = schema_version(data)
    check_version(version)
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        if not isinstance(data, dict):
            raise ShapeError("store.reason.not_object")
        _set_version(data, version)
    check_shape(data)
    return data


def _set_version(data: dict[str, Any], version: int) -> None:
    meta = data.get(META_TABLE)
    if isinstance(meta, dict):
        for doc in meta.values():
            if isinstance(doc, dict) and VERSION_FIELD in doc:
                doc[VERSION_FIELD] = version
                return
    data[META_TABLE] = {"1": {VERSION_FIELD: version}}
