"""The store: TinyDB files on disk, written atomically under a lock, backed up, migrated.

The only package that imports TinyDB (SPEC §7). :class:`Database` is the entry point; the typed
repository (``mkhats.store.repo``) builds on it so nothing above sees TinyDB documents or ids.
"""

from mkhats.store.atomic import write_atomic
from mkhats.store.backups import KEEP_DAILY, BackupSet, read_backup
from mkhats.store.database import Database
from mkhats.store.errors import CorruptFileError, LockTimeoutError, StoreDataError, StoreIOError
from mkhats.store.schema import MIGRATIONS, SCHEMA_VERSION
from mkhats.store.view import Tx, View

__all__ = [
    "KEEP_DAILY",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "BackupSet",
    "CorruptFileError",
    "Database",
    "LockTimeoutError",
    "StoreDataError",
    "StoreIOError",
    "Tx",
    "View",
    "read_backup",
    "write_atomic",
]
