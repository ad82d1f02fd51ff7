"""Use case of the monthly strategy session: a verdict per channel (scale, test, cut) and notes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date

from mkhats.domain.edits import expect, merged
from mkhats.domain.invalid import InvalidRecord
from mkhats.domain.models import LONG_TEXT_MAX, StrategySession, revised
from mkhats.domain.strategy import past_sessions, session_of
from mkhats.domain.weeks import month_key
from mkhats.errors import InputError
from mkhats.i18n import t
from mkhats.present.cmo_text import format_month
from mkhats.present.labels import hat_name
from mkhats.services.workspace import Workspace
from mkhats.store.repo import Repo

VERDICTS = ("scale", "test", "cut")


def parse_month(text: str) -> str:
    """A month typed as ``YYYY-MM`` (or ``MM.YYYY``); raises ``strategy.month_format`` otherwise."""
    text = (text or "").strip()
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", text) or re.fullmatch(r"(\d{1,2})\.(\d{4})", text)
    if match:
        year, month = (match.group(1), match.group(2)) if "-" in text else (match.group(2), match.group(1))
        if 1 <= int(month) <= 12 and int(year) >= 1900:
            return f"{int(year):04d}-{int(month):02d}"
    raise InputError("strategy.month_format", value=text)


def session_fields(session: StrategySession | None, hats: Iterable[str]) -> dict[str, str]:
    """A session as its form shows it: the verdict of each of ``hats`` (``v-<hat>``), the notes."""
    verdicts = session.verdicts if session else {}
    fields = {f"v-{hat}": t(f"verdict.{verdicts[hat]}") if verdicts.get(hat) else "" for hat in hats}
    fields["notes"] = session.notes if session else ""
    return fields


def record_session(
    ws: Workspace,
    month: str,
    verdicts: Mapping[str, str | None],
    notes: str = "",
    day: date | None = None,
    base: Mapping[str, str] | None = None,
) -> StrategySession:
    """Record (or replace) the strategy session of ``month``.

    Args:
        ws: The workspace.
        month: ``YYYY-MM``; not after today's month.
        verdicts: Channel hat → ``scale``, ``test`` or ``cut``; None or empty leaves a channel out.
        notes: What was agreed.
        day: When the session was held (default today).
        base: The month's session as the form read it (``session_fields`` of the hats in
            ``verdicts``): a field left as read follows the stored session; one changed both here
            and elsewhere since raises ``EditConflict`` and nothing is written.

    Returns:
        The stored session.

    Raises:
        InputError: ``strategy.month_format``, ``strategy.month_future``, ``strategy.verdict_unknown``,
            ``strategy.not_channel``, ``strategy.no_verdict`` or ``strategy.too_long``.
    """
    key = parse_month(month)
    if key > month_key(ws.today):
        raise InputError("strategy.month_future", month=key)
    chosen = {hat: v for hat, v in verdicts.items() if v}
    for verdict in chosen.values():
        if verdict not in VERDICTS:
            raise InputError("strategy.verdict_unknown", verdict=verdict, verdicts=", ".join(VERDICTS))
    if not chosen:
        raise InputError("strategy.no_verdict")
    try:
        session = StrategySession(month=key, day=day or ws.today, verdicts=chosen, notes=(notes or "").strip())
    except InvalidRecord as error:
        if error.field != "notes":
            raise
        raise InputError("strategy.too_long", limit=LONG_TEXT_MAX) from None
    with ws.write() as repo:
        hats = repo.hats()
        for hat in chosen:
            if hat not in hats or not hats[hat].channel:
                raise InputError("strategy.not_channel", hat=hat)
        if base is not None:
            session = _checked_session(repo, session, list(verdicts), base)
        repo.upsert_session(session)
    return session


def _checked_session(repo: Repo, session: StrategySession, hats: list[str], base: Mapping[str, str]) -> StrategySession:
    """The session to write, merged field by field with the one stored now; ``EditConflict`` when
    a field changed here was also changed elsewhere since the form read ``base``."""
    stored = session_of(repo.sessions(), session.month)
    theirs = session_fields(stored, hats)
    mine = merged(base, session_fields(session, hats), theirs)
    what = t("edit.what.session", month=format_month(session.month))
    labels = {f"v-{hat}": hat_name(repo.hats().get(hat, hat)) for hat in hats} | {"notes": t("cmo.notes")}
    expect(base, mine, theirs, what, labels)
    names = {t(f"verdict.{v}"): v for v in VERDICTS}
    kept = {hat: names[mine[f"v-{hat}"]] for hat in hats if mine[f"v-{hat}"] in names}
    others = {hat: v for hat, v in (stored.verdicts if stored else {}).items() if hat not in hats}
    return revised(session, verdicts={**others, **kept}, notes=mine["notes"])


def sessions(ws: Workspace) -> list[StrategySession]:
    """Every session recorded, the latest month first."""
    with ws.read() as repo:
        return past_sessions(repo.sessions())
