"""The store's errors: a file that cannot be trusted, an OS failure, a lock held too long.

Each one is a :class:`mkhats.errors.StoreError` (exit code 1) rendered from the catalogue. The
*reason* is a catalogue key of its own, rendered at display time, so the whole sentence follows the
user's language even when the error was raised before the language was chosen.
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

from mkhats.errors import Message, StoreError


class _ReasonError(StoreError):
    """A store error whose message embeds a separately translated reason."""

    def __init__(self, key: str, reason: str, reason_params: dict[str, Any] | None = None, **params: Any) -> None:
        super().__init__(key, **params)
        self.reason = reason
        self.reason_params = dict(reason_params or {})

    def render(self) -> str:
        """The error as one sentence in the current language."""
        return Message(self.key, {**self.params, "reason": Message(self.reason, self.reason_params)}).render()


class CorruptFileError(_ReasonError):
    """A data file (or a backup) is not what mkhats wrote: it is refused and left untouched.

    Attributes:
        path: the file refused.
        reason: catalogue key of the reason (``store.reason.*``).
        backup: the newest backup of the database at the time, if any.
    """

    def __init__(
        self,
        path: Path,
        reason: str,
        reason_params: dict[str, Any] | None = None,
        *,
        backup: Path | None = None,
        entry: str | None = None,
        is_backup: bool = False,
    ) -> None:
        if is_backup:
            key = "store.backup_entry_invalid" if entry else "store.backup_invalid"
        else:
            key = "store.corrupt" if backup else "store.corrupt_no_backup"
        params: dict[str, Any] = {"file": str(path)}
        if backup:
            params["backup"] = str(backup)
        if entry:
            params["entry"] = entry
        super().__init__(key, reason, reason_params, **params)
        self.path = path
        self.backup = backup
        self.entry = entry


class StoreIOError(_ReasonError):
    """The OS refused to read or write a file (disk full, permission denied…); nothing changed."""

    errno: int | None = None
    """The OS error number, when the error came from the OS."""

    def __init__(
        self,
        path: Path,
        reason: str,
        reason_params: dict[str, Any] | None = None,
        *,
        writing: bool,
        key: str | None = None,
    ) -> None:
        key = key or ("store.io_write" if writing else "store.io_read")
        super().__init__(key, reason, reason_params, file=str(path))
        self.path = path

    @classmethod
    def from_os(cls, path: Path, exc: OSError, *, writing: bool, key: str | None = None) -> StoreIOError:
        """The error for ``exc`` on ``path``, its reason in words (``key``: another sentence around it)."""
        reason, params = os_reason(exc)
        error = cls(path, reason, params, writing=writing, key=key)
        error.errno = exc.errno
        return error

    def restated(self, key: str) -> StoreIOError:
        """The same failure told by the sentence ``key`` (say, "nothing was changed" for a commit)."""
        error = StoreIOError(self.path, self.reason, self.reason_params, writing=True, key=key)
        error.errno = self.errno
        return error


class StoreDataError(_ReasonError):
    """A value handed to the store cannot be written as JSON (NaN, infinity, a huge integer)."""

    def __init__(self, path: Path, reason: str, reason_params: dict[str, Any] | None = None) -> None:
        super().__init__("store.data_invalid", reason, reason_params, file=str(path))
        self.path = path


class LockTimeoutError(StoreError):
    """Another process kept the database's lock longer than the timeout."""

    def __init__(self, path: Path) -> None:
        super().__init__("store.lock_timeout", file=str(path))
        self.path = path


def os_reason(exc: OSError) -> tuple[str, dict[str, Any]]:
    """The catalogue key (and parameters) saying in words why the OS refused."""
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return "store.reason.disk_full", {}
    if code in (errno.EACCES, errno.EPERM):
        return "store.reason.permission", {}
    if code == errno.EROFS:
        return "store.reason.read_only", {}
    detail = exc.strerror or str(exc) or type(exc).__name__
    return "store.reason.os", {"detail": detail}
