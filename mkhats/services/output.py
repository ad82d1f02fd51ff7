"""Use case of ``--out``: a document or an export written to a file the user names.

The file is replaced atomically and owner-only, like the data (a full disk leaves the old file or
none, never 0 bytes), and never lands on the data set itself. Refusals are ``InputError`` or
``StoreError`` in the catalogue's words: the OS's own ``strerror`` follows the system's locale.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from mkhats.errors import InputError, StoreError
from mkhats.i18n import t
from mkhats.services.workspace import Workspace


def check_out_path(ws: Workspace, path: str) -> None:
    """Refuse an output on the data set (the main file, a month file, the lock, a backup)."""
    if ws.db.layout.owns(Path(path)):
        raise InputError("cli.out_is_data", file=path)


def write_out_file(ws: Workspace, path: str, text: str) -> None:
    """Write ``text`` to the regular file ``path`` (created or replaced; a link's target is replaced).

    Raises:
        InputError: ``cli.out_is_data`` when ``path`` is part of the data set.
        StoreError: ``cli.cannot_write`` with the reason.
    """
    check_out_path(ws, path)
    from mkhats.store import StoreIOError, write_atomic

    target = Path(os.path.realpath(path))  # a link stays a link: its target is replaced
    try:
        write_atomic(target, text.encode("utf-8"))
    except StoreIOError as error:
        code = error.errno
        exc = OSError(code, os.strerror(code)) if code is not None else OSError(t(error.reason, **error.reason_params))
        raise StoreError("cli.cannot_write", file=path, reason=os_reason_text(exc)) from None


def os_reason_text(exc: OSError) -> str:
    """Why the OS refused, in the catalogue's words."""
    from mkhats.store.errors import os_reason

    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return t("cli.reason.no_folder")
    key, params = os_reason(exc)
    return t(key, **params)
