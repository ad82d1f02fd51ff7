"""Segregation of duties: which conflict rules are active and whether an external check covers them.

A conflict rule names two hats one person should not wear without an outside check (SPEC §1). It
is *active* when both hats are enabled and worn by the same person. An external check, recorded by
someone who wears neither hat, is valid from its day for the rule's cadence; a check stops
counting as soon as its checker takes one of the two hats, so conflicts follow reassignment. A
check that found problems never clears the conflict: it stays a warning naming that check until a
later one comes back ok.
Pairs of hats are order-insensitive everywhere: ``performance × cmo`` is ``cmo × performance``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date

from mkhats.domain.defaults import DEFAULT_PERSON
from mkhats.domain.light_dataclass import light_dataclass
from mkhats.domain.models import ConflictRule, ExternalCheck, Hat
from mkhats.domain.weeks import add_days, add_months
from mkhats.errors import InputError, Message


@light_dataclass(frozen=True)
class ConflictState:
    """An active conflict and the external check that covers it today, if any."""

    rule: ConflictRule
    wearer: str
    """The person wearing both hats."""
    check: ExternalCheck | None
    """The latest check valid today whose checker still wears neither hat, when it came back ok."""
    valid_until: date | None
    """The last day ``check`` is valid."""
    ok: bool
    """A valid check covers the conflict; False is a warning."""
    expired: ExternalCheck | None = None
    """The latest check whose validity ended before today (for "last checked … expired …")."""
    expired_until: date | None = None
    """The last day ``expired`` was valid."""
    voided: ExternalCheck | None = None
    """When nothing covers the conflict: the latest check still within its dates that stopped
    counting because its checker now wears one of the hats."""
    problems: ExternalCheck | None = None
    """The latest check that counts, when it found problems: the conflict stays a warning naming it,
    however old it is, until a later check comes back ok."""


def _person(name: str) -> str:
    return unicodedata.normalize("NFC", name).strip().casefold()


def _pair(hats: Sequence[str]) -> frozenset[str]:
    return frozenset(hats)


def _wears(hat: Hat | None, person: str) -> bool:
    return hat is not None and hat.wearer is not None and _person(hat.wearer) == person


def _worn_by(rule: ConflictRule, hats: Mapping[str, Hat], person_name: str) -> list[str]:
    """The hats of ``rule`` that ``person_name`` wears, in the rule's order."""
    person = _person(person_name)
    return [key for key in rule.hats if _wears(hats.get(key), person)]


def active_conflicts(rules: Sequence[ConflictRule], hats: Mapping[str, Hat]) -> list[ConflictRule]:
    """The rules whose two hats both exist, are enabled and are worn by the same person.

    Args:
        rules: The conflict rules, in display order.
        hats: Every hat by key.

    Returns:
        The active rules, in the order given.
    """
    active = []
    for rule in rules:
        first, second = hats.get(rule.hats[0]), hats.get(rule.hats[1])
        if first is None or second is None or first.key == second.key:
            continue
        if not (first.enabled and second.enabled) or first.wearer is None:
            continue
        if _wears(second, _person(first.wearer)):
            active.append(rule)
    return active


def check_valid_until(check: ExternalCheck, every: str) -> date:
    """The last day ``check`` is valid for a rule repeated ``every`` cadence.

    * weekly: 7 days, the check's day and the six after it;
    * monthly: until the day before the same date next month (5 Mar → 4 Apr);
    * quarterly: until the day before the same date three months later (5 Mar → 4 Jun).

    Month arithmetic clamps to the month's end, as pendulum's does: 31 Jan + 1 month is 28 Feb
    (29 in a leap year), so a monthly check made on 28–31 Jan is valid through 27 Feb (28 Feb in a
    leap year) — never longer than a calendar month.

    Raises:
        ValueError: ``every`` is not a cadence (a programming error, never user input).
    """
    if every == "weekly":
        return add_days(check.day, 6)
    if every == "monthly":
        return add_days(add_months(check.day, 1), -1)
    if every == "quarterly":
        return add_days(add_months(check.day, 3), -1)
    raise ValueError(f"unknown cadence: {every!r}")


def validate_checker(rule: ConflictRule, hats: Mapping[str, Hat], person_name: str) -> None:
    """Refuse a check of ``rule`` by someone who wears either of its hats.

    Raises:
        InputError: ``conflict.checker_wears_hat`` (or ``…_both``) naming the person and the hats.
    """
    worn = _worn_by(rule, hats, person_name)
    if not worn:
        return
    labels = [_hat_label(hats[key]) for key in worn]
    typed = unicodedata.normalize("NFC", person_name).strip()
    # The shipped "Me" is shown by its name in the user's language («Я»), in refusals as on screen.
    name: str | Message = Message("person.me", fallback=typed) if typed == DEFAULT_PERSON else typed
    if len(worn) == 2:
        raise InputError("conflict.checker_wears_both", person=name, hat=labels[0], other=labels[1])
    raise InputError("conflict.checker_wears_hat", person=name, hat=labels[0], hat_key=worn[0])


def _hat_label(hat: Hat) -> str | Message:
    """The hat's display name: the user's, else the catalogue's (rendered when shown), else its key."""
    if hat.name:
        return hat.name
    return Message(f"hat.{hat.key}.name", fallback=hat.key)


def conflict_states(
    rules: Sequence[ConflictRule],
    hats: Mapping[str, Hat],
    checks: Sequence[ExternalCheck],
    today: date,
) -> list[ConflictState]:
    """The state of every active conflict on ``today``.

    A check counts when it is for the rule's pair (in either order), ``day <= today <=
    valid_until``, and its checker wears neither hat *now*. Of those the latest (by day, then by
    the order recorded) is the one shown. The latest check whose checker wears neither hat decides
    over any earlier one: when it found problems the conflict is not covered, whatever its dates,
    until a later check comes back ok.

    Args:
        rules: The conflict rules.
        hats: Every hat by key.
        checks: Every external check ever recorded, oldest first.
        today: The day to judge validity on.

    Returns:
        One state per active rule, in the rules' order.
    """
    by_pair: dict[frozenset[str], list[ExternalCheck]] = {}
    for item in checks:
        by_pair.setdefault(_pair(item.hats), []).append(item)
    states = []
    for rule in active_conflicts(rules, hats):
        past = [c for c in by_pair.get(_pair(rule.hats), []) if c.day <= today]
        past.sort(key=lambda c: c.day)  # stable: equal days keep the order recorded
        valid = expired = voided = problems = None
        valid_until = expired_until = None
        # Checks older than any validity period (3 months) are expired: judge only the newest of
        # them, so years of weekly checks cost nothing on every redraw.
        cutoff = add_days(today, -100)
        older = [c for c in past if c.day < cutoff]
        if older:
            last_ok = next((c for c in reversed(older) if c.outcome == "ok"), None)
            if last_ok is not None:
                expired, expired_until = last_ok, check_valid_until(last_ok, rule.every)
            # Problems found long ago still stand unless a later check that counts came back ok.
            problems = next((c for c in reversed(older) if not _worn_by(rule, hats, c.by)), None)
            problems = problems if problems is not None and problems.outcome == "problems" else None
            past = [c for c in past if c.day >= cutoff]
        for item in past:
            counts = not _worn_by(rule, hats, item.by)
            if counts:
                problems = item if item.outcome == "problems" else None
            if item.outcome == "problems":
                continue  # it never covers the conflict, whatever its dates
            until = check_valid_until(item, rule.every)
            if until < today:
                expired, expired_until = item, until
            elif not counts:
                voided = item
            else:
                valid, valid_until = item, until
        if problems is not None:
            # An ok check made before the problems were found no longer covers the conflict.
            valid = valid_until = None
            voided = None
        wearer = hats[rule.hats[0]].wearer or ""
        states.append(
            ConflictState(
                rule=rule,
                wearer=wearer,
                check=valid,
                valid_until=valid_until,
                ok=valid is not None,
                expired=expired,
                expired_until=expired_until,
                voided=voided if valid is None else None,
                problems=problems,
            )
        )
    return states


def find_rule(rules: Sequence[ConflictRule], hat_a: str, hat_b: str) -> ConflictRule:
    """The rule for the pair ``hat_a`` × ``hat_b``, in either order.

    Raises:
        InputError: ``conflict.unknown_pair`` listing the pairs that have a rule.
    """
    a, b = hat_a.strip().lower(), hat_b.strip().lower()
    wanted = _pair((a, b))
    for rule in rules:
        if a != b and _pair(rule.hats) == wanted:
            return rule
    pairs = ", ".join(f"{x} × {y}" for x, y in (r.hats for r in rules)) or "—"
    raise InputError("conflict.unknown_pair", a=a, b=b, pairs=pairs)
