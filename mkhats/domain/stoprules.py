"""Stop rules: ``OP THRESHOLD [for N days]`` on a KPI's daily values, with an optional guard.

The ad platforms' own rules test an aggregate over a window; the article's "CPA above X three days
in a row" needs a value per day and a consecutive-days test (ANCHORS §2). A rule fires when N
consecutive calendar days each have a value meeting the condition; a day without a value, or a
guarded day whose guard fails or has no value, breaks the streak. One streak raises one alert.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date

from mkhats.domain.kpis import Daily, daily_values, meets
from mkhats.domain.light_dataclass import light_dataclass
from mkhats.domain.models import AlertDecision, Guard, Kpi, StopRule
from mkhats.domain.numbers import parse_number, plain_number
from mkhats.errors import InputError

MAX_DAYS = 90

_OPS = {">": ">", ">=": ">=", "<": "<", "<=": "<=", "≥": ">=", "≤": "<=", "=>": ">=", "=<": "<="}
_OP = r"(?P<op>>=|<=|=>|=<|≥|≤|>|<)"
_DAY_WORD = r"(?:days?|дней|дня|день|дн\.?)"
_IN_A_ROW = r"(?:in\s+a\s+row|consecutive(?:ly)?|подряд)"
# The days part is matched at the end first: "> 1500 3 дня подряд" must not read "1500 3" as the
# number 15 003.
# Patterns are compiled on first use (``re`` caches them): only typing a rule needs them, and
# compiling them costs every command ≈ 0.5 ms (SPEC §6).
_DAYS_TAIL = (
    r"\s*(?:"
    # "for 3 days", "за 3 дня", "for 3" (the day word optional after "for"/"за")
    rf"(?:for|за|в\s+течение)\s+(?P<n1>[0-9]{{1,6}})(?:\s*{_DAY_WORD})?(?:\s+{_IN_A_ROW})?"
    # "3 дня подряд", "3 days in a row"
    rf"|(?P<n2>[0-9]{{1,6}})\s*{_DAY_WORD}\s+{_IN_A_ROW}"
    r")\s*$"
)
_HEAD = r"^\s*" + _OP + r"\s*(?P<rest>.*?)\s*$"
_GUARD = r"^\s*(?:(?P<hat>[a-z][a-z0-9_]*)\.)?(?P<kpi>[a-z][a-z0-9_]{0,39})\s*" + _OP + r"\s*(?P<rest>.*?)\s*$"


def parse_condition(text: str, *, lang: str, field: str = "threshold") -> tuple[str, float | None, int]:
    """Parse a stop condition as typed in English or Russian.

    Accepts ``> 1500 for 3 days``, ``>1500``, ``>= 1 234,5 for 1 day``, ``<= 2.5``,
    ``> ? for 3 days`` (threshold left unset), ``> 1500 3 дня подряд``, ``> 1500 за 3 дня``.

    Args:
        text: The condition.
        lang: The language the threshold is written in (``> 3,000`` is 3000 in English, 3 in
            Russian; SPEC §4).
        field: The field the message names when the threshold's grouping is malformed.

    Returns:
        ``(op, threshold, days)``: ``threshold`` is ``None`` when written as ``?``; ``days``
        defaults to 1.

    Raises:
        InputError: ``stop.syntax`` (with the expected form), ``stop.threshold`` for a number
            that is not one, ``error.number.*`` (naming ``field``) for a malformed grouping such
            as ``1,2,3``, ``stop.days`` for a day count outside 1..90.
    """
    head = re.match(_HEAD, text or "", re.DOTALL)
    if head is None:
        raise InputError("stop.syntax", text=(text or "").strip())
    op, rest = _OPS[head.group("op")], head.group("rest")
    days = 1
    tail = re.search(_DAYS_TAIL, rest, re.IGNORECASE)
    if tail is not None:
        days = int(tail.group("n1") or tail.group("n2"))
        rest = rest[: tail.start()].strip()
        if not 1 <= days <= MAX_DAYS:
            raise InputError("stop.days", text=text.strip(), days=days, limit=MAX_DAYS)
    if not rest:
        raise InputError("stop.syntax", text=text.strip())
    return op, _threshold(rest, "stop.threshold", text, lang, field), days


def _threshold(raw: str, key: str, text: str, lang: str, field: str) -> float | None:
    if raw == "?":
        return None
    try:
        return parse_number(raw, field, lang=lang)
    except InputError as error:
        if error.key != "error.number":
            raise  # the reason (e.g. a group of two digits) says more than "not a number"
        raise InputError(key, text=text.strip(), value=raw) from None


def parse_guard(text: str, hat: str | None = None, *, lang: str, field: str = "threshold") -> Guard:
    """Parse a guard such as ``spend >= 3000`` (``?`` leaves the threshold unset).

    Args:
        text: The guard: a KPI name of the rule's hat, an operator and a number or ``?``.
        hat: The rule's hat, if known: ``performance.spend >= 3000`` is then accepted for it.
        lang: The language the threshold is written in (see ``parse_condition``).
        field: The field the message names when the threshold's grouping is malformed.

    Raises:
        InputError: ``stop.guard_syntax`` when the text is not of that form, ``error.number.*``
            for a malformed grouping.
    """
    match = re.match(_GUARD, (text or "").strip().lower(), re.DOTALL | re.ASCII)
    foreign_hat = match is not None and match.group("hat") and match.group("hat") != hat
    if match is None or foreign_hat or not match.group("rest"):
        raise InputError("stop.guard_syntax", text=(text or "").strip())
    threshold = _threshold(match.group("rest"), "stop.guard_syntax", text, lang, field)
    return Guard(kpi=match.group("kpi"), op=_OPS[match.group("op")], threshold=threshold)


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    return plain_number(value)  # the text must parse back in any language


def format_condition(rule: StopRule) -> str:
    """The rule's condition in the canonical, language-neutral form ``> 1500 for 3 days``.

    A one-day rule is written without its days (``> 1500``), an unset threshold as ``?``;
    ``parse_condition`` reads the result back to the same rule.
    """
    text = f"{rule.op} {_number(rule.threshold)}"
    if rule.days != 1:
        text += f" for {rule.days} days"
    return text


def format_guard(guard: Guard) -> str:
    """The guard in the canonical form ``spend >= 3000`` (``?`` when unset)."""
    return f"{guard.kpi} {guard.op} {_number(guard.threshold)}"


@light_dataclass(frozen=True)
class Alert:
    """A streak of at least N days on which KPI ``kpi`` met its stop rule."""

    kpi: str
    first: date
    last: date
    values: tuple[tuple[date, float], ...]
    rule: StopRule


def _calendar(first_day: date, last_day: date) -> list[date]:
    start = first_day.toordinal()
    return [date.fromordinal(n) for n in range(start, last_day.toordinal() + 1)]


def evaluate_stop_rule(kpi: Kpi, kpis: Mapping[str, Kpi], daily: Daily, first_day: date, last_day: date) -> list[Alert]:
    """The alerts a KPI's stop rule raises over the calendar days ``first_day..last_day``.

    The KPI is judged on its daily values (a formula KPI such as CPA on each day's Σspend / Σsales).
    The rule fires when N consecutive calendar days each have a value meeting ``op threshold``.
    A day without a value breaks the streak; with a guard (a KPI of the same hat), a day whose
    guard KPI has no value or fails the guard breaks it too. A guard with an unset threshold is
    ignored, as is a rule with an unset threshold (it raises nothing: the review lists it as setup).
    Streaks are cut at the window's edges: start the window early enough to see a streak's start.

    Args:
        kpi: The KPI whose ``stop`` rule is evaluated.
        kpis: Every KPI by full key (formulas and the guard KPI need them).
        daily: Measured values by KPI key and day.
        first_day: The first calendar day to look at.
        last_day: The last calendar day to look at (inclusive).

    Returns:
        One alert per streak of at least N days, dated from its first to its last day and carrying
        every value of the streak, oldest first.
    """
    rule = kpi.stop
    if rule is None or rule.threshold is None or last_day < first_day:
        return []
    days = _calendar(first_day, last_day)
    values = daily_values(kpi.key, kpis, daily, days)
    threshold = rule.threshold
    guard = rule.guard
    guard_threshold = guard.threshold if guard is not None else None
    guard_values: dict[date, float] = {}
    if guard is not None and guard_threshold is not None:
        guard_values = daily_values(f"{kpi.hat}.{guard.kpi}", kpis, daily, days)

    alerts: list[Alert] = []
    streak: list[tuple[date, float]] = []

    def close_streak() -> None:
        if len(streak) >= rule.days:
            alerts.append(Alert(kpi.key, streak[0][0], streak[-1][0], tuple(streak), rule))
        streak.clear()

    for day in days:
        value = values.get(day)
        qualifies = value is not None and meets(value, rule.op, threshold)
        if qualifies and guard is not None and guard_threshold is not None:
            guard_value = guard_values.get(day)
            qualifies = guard_value is not None and meets(guard_value, guard.op, guard_threshold)
        if qualifies and value is not None:
            streak.append((day, value))
        else:
            close_streak()
    close_streak()
    return alerts


def is_decided(alert: Alert, decisions: Iterable[AlertDecision]) -> bool:
    """Whether a decision about the same KPI overlaps the alert's days.

    Overlap rather than equality: a streak that kept growing after the decision is still the
    streak that was decided.
    """
    return any(
        decision.kpi == alert.kpi and decision.first <= alert.last and alert.first <= decision.last
        for decision in decisions
    )


def open_alerts(alerts: Iterable[Alert], decisions: Iterable[AlertDecision]) -> list[Alert]:
    """The alerts no decision has been recorded for (see ``is_decided``).

    Args:
        alerts: Alerts from ``evaluate_stop_rule``.
        decisions: Every recorded decision.
    """
    decided = list(decisions)
    return [alert for alert in alerts if not is_decided(alert, decided)]


def alerts_touching(alerts: Iterable[Alert], day: date) -> list[Alert]:
    """The alerts whose streak includes ``day``, e.g. those a value just entered for it fired.

    Evaluate the rule over a window reaching ``MAX_DAYS`` before and after ``day`` first, so the
    whole streak around the new value is seen.
    """
    return [alert for alert in alerts if alert.first <= day <= alert.last]
