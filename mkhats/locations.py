"""Where the data lives and which day it is: the data file's path and "today" (SPEC §4).

The command line and the app both start from here: ``--db`` / ``MKHATS_DB`` / the platform's
user data folder for the path, ``--today`` / ``MKHATS_TODAY`` / the clock for the day. Nothing is
created or read here; these are answers, not side effects.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from mkhats.errors import InputError

DB_ENV = "MKHATS_DB"
"""The data file's path when ``--db`` is not given."""
TODAY_ENV = "MKHATS_TODAY"
"""The day the user lives in when ``--today`` is not given (tests, demos, planning ahead)."""


def default_db_path() -> Path:
    """``MKHATS_DB``, else the platform's user data folder (``…/mkhats/mkhats.json``)."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs  # ≈ 2 ms: only when no path is given

    return platformdirs.user_data_path("mkhats") / "mkhats.json"


def db_path(option: str | None) -> Path:
    """The data file: ``--db`` when given, else ``default_db_path()``."""
    return Path(option).expanduser() if option else default_db_path()


def resolve_today(text: str | None) -> date:
    """``--today``, else ``MKHATS_TODAY``, else the real date (within 1970–2100)."""
    from mkhats.domain.weeks import parse_day

    option = "--today" if text else TODAY_ENV
    text = text or os.environ.get(TODAY_ENV)
    if not text:
        return date.today()
    try:
        return parse_day(text)
    except InputError as error:
        if error.key == "error.date_format":
            raise InputError("cli.bad_today", option=option, value=text) from None
        raise InputError("cli.option_error", option=option, message=error.render()) from None


def now_on(today: date) -> datetime:
    """This instant, moved to ``today`` when it is given: the same local time on that date.

    Spans are instants (UTC); only the date is shifted, by whole days, so a time zone change
    between two commands still measures the real time between them.
    """
    now = datetime.now(UTC).replace(microsecond=0)
    return now + timedelta(days=(today - now.astimezone().date()).days)
