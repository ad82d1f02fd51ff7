"""What a read or a transaction hands out: the tables of a database, valid only inside its block."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tinydb.table import Table

from mkhats.store.files import check_month_key

if TYPE_CHECKING:
    from mkhats.store.database import Database


class View:
    """The tables of a database while a :meth:`Database.read` block is open.

    Tables are TinyDB tables over the in-memory data; they are valid only inside the block.
    """

    def __init__(self, db: Database) -> None:
        self._db: Database | None = db

    def _owner(self) -> Database:
        if self._db is None:
            raise RuntimeError("this view is closed: use tables only inside their block")
        return self._db

    def main(self, table: str) -> Table:
        """A table of the main file (settings, rules, logs…)."""
        return self._owner()._table(self._owner()._main_file(), table)

    def month(self, month_key: str, table: str) -> Table:
        """A table (``values``, ``spans``) of month ``YYYY-MM``; loads that partition on first use."""
        db = self._owner()
        return db._table(db._month_file(check_month_key(month_key)), table)

    def months(self) -> list[str]:
        """The month keys that have a partition, on disk or written in this transaction."""
        return self._owner()._month_keys()

    def docs(self, table: str, month_key: str | None = None) -> list[dict[str, Any]]:
        """A main-file table's documents, or a month's, as stored: to read, never to change. TinyDB
        reads the same data but copies each into a ``Document`` (≈ 2 ms of ``check``, SPEC §6)."""
        db = self._owner()
        file = db._main_file() if month_key is None else db._month_file(check_month_key(month_key))
        if file.db is None:
            db._load(file)
        assert file.data is not None
        return list(file.data.get(table, {}).values())

    def _close(self) -> None:
        self._db = None


class Tx(View):
    """The tables of a database inside a :meth:`Database.transaction`: changes are saved at its end."""

    def checked(self, month_key: str, table: str) -> bool:
        """Whether a month's ``table`` is as it was when last checked and written (see ``vouch``)."""
        return self._owner()._month_file(check_month_key(month_key)).is_checked(table)

    def vouch(self, month_key: str, table: str) -> None:
        """Declare a month's ``table``, checked before this change, still valid after it: the change
        only put in records built by the models (a one-value save need not re-check the month)."""
        self._owner()._month_file(check_month_key(month_key)).vouch(table)
