"""Conflicting hats, external checks and their expiry (SPEC §1 Conflict rule / External check)."""

from __future__ import annotations

from datetime import date

import pytest

from mkhats.domain.conflicts import (
    active_conflicts,
    check_valid_until,
    conflict_states,
    find_rule,
    validate_checker,
)
from mkhats.domain.models import ConflictRule, ExternalCheck, Hat
from mkhats.errors import InputError
from mkhats.i18n import set_language

PERF_CMO = ConflictRule(hats=("performance", "cmo"), level="high", every="weekly")
CONTENT_PERF = ConflictRule(hats=("content", "performance"), level="medium", every="weekly")
CRM_CMO = ConflictRule(hats=("crm", "cmo"), level="medium", every="monthly")
PM_CMO = ConflictRule(hats=("pm", "cmo"), level="low", every="monthly")
PERF_ANALYTICS = ConflictRule(hats=("performance", "analytics"), level="high", every="weekly")
RULES = [PERF_CMO, CONTENT_PERF, CRM_CMO, PM_CMO, PERF_ANALYTICS]
CHANNELS = {"content", "performance", "crm", "pr", "site"}
TODAY = date(2026, 11, 25)


def hats(wearers: dict[str, str | None], disabled: tuple[str, ...] = ()) -> dict[str, Hat]:
    """Hats keyed by hat, worn as given; ``analytics`` exists but is disabled unless worn."""
    result = {}
    for key, wearer in wearers.items():
        enabled = key not in disabled
        result[key] = Hat(key=key, channel=key in CHANNELS, wearer=wearer, enabled=enabled)
    return result


ALL_ME = {"content": "Me", "performance": "Me", "crm": "Me", "pm": "Me", "cmo": "Me"}


def check(by: str, day: date, pair: tuple[str, str] = ("performance", "cmo"), **kw):
    return ExternalCheck(hats=pair, by=by, day=day, **kw)


@pytest.mark.parametrize(
    ("wearers", "disabled", "expected"),
    [
        (ALL_ME, (), [PERF_CMO, CONTENT_PERF, CRM_CMO, PM_CMO]),
        ({**ALL_ME, "analytics": "Me"}, (), RULES),
        ({**ALL_ME, "analytics": "Me"}, ("analytics",), [PERF_CMO, CONTENT_PERF, CRM_CMO, PM_CMO]),
        ({**ALL_ME, "cmo": "Owner"}, (), [CONTENT_PERF]),
        ({**ALL_ME, "performance": "Anna"}, (), [CRM_CMO, PM_CMO]),
        ({**ALL_ME, "cmo": None}, (), [CONTENT_PERF]),
        ({k: None for k in ALL_ME}, (), []),
        (ALL_ME, ("cmo",), [CONTENT_PERF]),
        ({"content": "Me", "performance": "Me"}, (), [CONTENT_PERF]),
        ({**ALL_ME, "cmo": "me "}, (), [PERF_CMO, CONTENT_PERF, CRM_CMO, PM_CMO]),
        (
            {"content": "Anna", "performance": "Anna", "crm": "Bob", "cmo": "Bob"},
            (),
            [CONTENT_PERF, CRM_CMO],
        ),
    ],
    ids=[
        "one person wears all",
        "analytics enabled and worn",
        "analytics disabled",
        "owner is the CMO",
        "a performance specialist",
        "nobody wears cmo",
        "nobody wears anything",
        "cmo disabled",
        "missing hats",
        "same person, different case",
        "two people two conflicts",
    ],
)
def test_active_conflicts(wearers, disabled, expected) -> None:
    assert active_conflicts(RULES, hats(wearers, disabled)) == expected


def test_reassignment_makes_a_conflict_inactive_and_active_again() -> None:
    assert PERF_CMO in active_conflicts(RULES, hats(ALL_ME))
    assert PERF_CMO not in active_conflicts(RULES, hats({**ALL_ME, "cmo": "Owner"}))
    owner = hats({**ALL_ME, "cmo": "Owner", "performance": "Owner"})
    assert PERF_CMO in active_conflicts(RULES, owner)


@pytest.mark.parametrize(
    ("every", "day", "last_valid"),
    [
        ("weekly", date(2026, 11, 23), date(2026, 11, 29)),
        ("weekly", date(2026, 12, 28), date(2027, 1, 3)),
        ("weekly", date(2028, 2, 25), date(2028, 3, 2)),
        ("monthly", date(2026, 3, 5), date(2026, 4, 4)),
        ("monthly", date(2026, 12, 15), date(2027, 1, 14)),
        ("monthly", date(2026, 1, 31), date(2026, 2, 27)),
        ("monthly", date(2028, 1, 31), date(2028, 2, 28)),
        ("monthly", date(2026, 1, 28), date(2026, 2, 27)),
        ("monthly", date(2026, 2, 28), date(2026, 3, 27)),
        ("monthly", date(2028, 2, 29), date(2028, 3, 28)),
        ("monthly", date(2026, 3, 31), date(2026, 4, 29)),
        ("monthly", date(2026, 1, 1), date(2026, 1, 31)),
        ("quarterly", date(2026, 3, 5), date(2026, 6, 4)),
        ("quarterly", date(2026, 11, 30), date(2027, 2, 27)),
        ("quarterly", date(2027, 11, 30), date(2028, 2, 28)),
        ("quarterly", date(2026, 10, 1), date(2026, 12, 31)),
    ],
)
def test_check_valid_until(every: str, day: date, last_valid: date) -> None:
    assert check_valid_until(check("Anna", day), every) == last_valid


@pytest.mark.parametrize(
    ("rule", "day", "today", "ok"),
    [
        (PERF_CMO, date(2026, 11, 23), date(2026, 11, 23), True),
        (PERF_CMO, date(2026, 11, 23), date(2026, 11, 29), True),
        (PERF_CMO, date(2026, 11, 23), date(2026, 11, 30), False),
        (PERF_CMO, date(2026, 11, 23), date(2026, 11, 22), False),
        (CRM_CMO, date(2026, 1, 31), date(2026, 2, 27), True),
        (CRM_CMO, date(2026, 1, 31), date(2026, 2, 28), False),
        (CRM_CMO, date(2028, 1, 31), date(2028, 2, 28), True),
        (CRM_CMO, date(2028, 1, 31), date(2028, 2, 29), False),
        (CRM_CMO, date(2026, 12, 31), date(2027, 1, 30), True),
        (CRM_CMO, date(2026, 12, 31), date(2027, 1, 31), False),
        (
            ConflictRule(hats=("crm", "cmo"), level="low", every="quarterly"),
            date(2027, 11, 30),
            date(2028, 2, 28),
            True,
        ),
        (
            ConflictRule(hats=("crm", "cmo"), level="low", every="quarterly"),
            date(2027, 11, 30),
            date(2028, 2, 29),
            False,
        ),
    ],
    ids=[
        "weekly first day",
        "weekly last day",
        "weekly day after",
        "check in the future",
        "monthly 31 Jan last day",
        "monthly 31 Jan day after",
        "monthly leap last day",
        "monthly leap day after",
        "monthly across the year last day",
        "monthly across the year day after",
        "quarterly leap last day",
        "quarterly leap day after",
    ],
)
def test_expiry_at_the_boundary(rule: ConflictRule, day: date, today: date, ok: bool) -> None:
    checks = [check("Anna", day, rule.hats)]
    (state,) = [s for s in conflict_states([rule], hats(ALL_ME), checks, today)]
    assert state.ok is ok
    assert state.wearer == "Me"
    if ok:
        assert state.check == checks[0]
        assert state.valid_until == check_valid_until(checks[0], rule.every)
        assert state.expired is None
    else:
        assert state.check is None and state.valid_until is None
        if today > day:
            assert state.expired == checks[0]
            assert state.expired_until == check_valid_until(checks[0], rule.every)


@pytest.mark.parametrize(
    ("pair", "ok"),
    [(("performance", "cmo"), True), (("cmo", "performance"), True), (("crm", "cmo"), False)],
)
def test_checks_match_pairs_in_either_order(pair: tuple[str, str], ok: bool) -> None:
    states = conflict_states([PERF_CMO], hats(ALL_ME), [check("Anna", TODAY, pair)], TODAY)
    assert states[0].ok is ok


def test_latest_valid_check_is_chosen() -> None:
    checks = [
        check("Anna", date(2026, 11, 24)),
        check("Bob", date(2026, 11, 25)),
        check("Carol", date(2026, 11, 20)),  # recorded later, but older
        check("Dan", date(2026, 11, 1)),  # expired
        check("Eve", date(2026, 11, 26)),  # in the future
    ]
    (state,) = conflict_states([PERF_CMO], hats(ALL_ME), checks, TODAY)
    assert state.check is not None and state.check.by == "Bob"
    assert state.valid_until == date(2026, 12, 1)
    assert state.expired is not None and state.expired.by == "Dan"
    assert state.expired_until == date(2026, 11, 7)


def test_same_day_checks_the_one_recorded_last_wins() -> None:
    checks = [check("Anna", TODAY, outcome="problems"), check("Bob", TODAY)]
    (state,) = conflict_states([PERF_CMO], hats(ALL_ME), checks, TODAY)
    assert state.ok and state.check == checks[1] and state.problems is None
    (state,) = conflict_states([PERF_CMO], hats(ALL_ME), checks[::-1], TODAY)
    assert not state.ok and state.check is None and state.problems == checks[0]


def test_a_check_with_problems_keeps_the_conflict_until_a_later_ok() -> None:
    found = check("Anna", date(2026, 11, 24), note="spend does not match", outcome="problems")
    earlier_ok = check("Bob", date(2026, 11, 23))
    (state,) = conflict_states([PERF_CMO], hats(ALL_ME), [earlier_ok, found], TODAY)
    assert not state.ok and state.problems == found and state.check is None and state.voided is None
    # Still standing long after its dates: only a later ok check clears it.
    (state,) = conflict_states([PERF_CMO], hats(ALL_ME), [earlier_ok, found], date(2027, 6, 1))
    assert not state.ok and state.problems == found
    later_ok = check("Bob", date(2026, 11, 25))
    (state,) = conflict_states([PERF_CMO], hats(ALL_ME), [found, later_ok], TODAY)
    assert state.ok and state.check == later_ok and state.problems is None
    # A later ok that has expired clears the problems too, leaving an ordinary expired conflict.
    (state,) = conflict_states([PERF_CMO], hats(ALL_ME), [found, later_ok], date(2026, 12, 10))
    assert not state.ok and state.problems is None and state.expired == later_ok


def test_a_later_ok_by_someone_now_wearing_a_hat_does_not_clear_problems() -> None:
    found = check("Anna", date(2026, 11, 20), outcome="problems")
    bob_ok = check("Bob", date(2026, 11, 24))
    bob = hats({**ALL_ME, "performance": "Bob", "cmo": "Bob"})
    (state,) = conflict_states([PERF_CMO], bob, [found, bob_ok], TODAY)
    assert not state.ok and state.problems == found and state.check is None


def test_problems_found_long_ago_still_stand() -> None:
    found = check("Anna", date(2026, 1, 10), outcome="problems")
    old_ok = check("Anna", date(2026, 1, 3))
    (state,) = conflict_states([PERF_CMO], hats(ALL_ME), [old_ok, found], TODAY)
    assert not state.ok and state.problems == found and state.expired == old_ok


def test_a_check_stops_counting_when_its_checker_takes_a_hat() -> None:
    checks = [check("Owner", date(2026, 11, 24))]
    assert conflict_states([PERF_CMO], hats(ALL_ME), checks, TODAY)[0].ok
    # The owner now wears content: irrelevant to performance × cmo.
    worn = hats({**ALL_ME, "content": "Owner"})
    assert conflict_states([PERF_CMO], worn, checks, TODAY)[0].ok
    # The owner takes performance: nobody wears both hats, so there is no conflict at all.
    owner = hats({**ALL_ME, "performance": "Owner"})
    assert conflict_states([PERF_CMO], owner, checks, TODAY) == []
    # Performance and cmo both go to Anna: the owner's check still counts (the owner wears neither).
    anna = hats({**ALL_ME, "performance": "Anna", "cmo": "Anna"})
    assert conflict_states([PERF_CMO], anna, checks, TODAY)[0].ok
    # Anna wears both hats and checked before she took them: her check no longer counts.
    anna_checks = [check("Anna", date(2026, 11, 24))]
    (state,) = conflict_states([PERF_CMO], anna, anna_checks, TODAY)
    assert not state.ok and state.voided == anna_checks[0] and state.wearer == "Anna"


def test_an_older_valid_check_counts_when_a_newer_one_is_voided() -> None:
    checks = [
        check("Anna", date(2026, 11, 23)),
        check("bob", date(2026, 11, 24), ("cmo", "performance")),
    ]
    bob = hats({**ALL_ME, "performance": "Bob", "cmo": "Bob"})
    (state,) = conflict_states([PERF_CMO], bob, checks, TODAY)
    assert state.ok and state.check == checks[0] and state.voided is None
    (state,) = conflict_states([PERF_CMO], bob, checks[1:], TODAY)
    assert not state.ok and state.voided == checks[1]


def test_states_only_for_active_conflicts_in_rule_order() -> None:
    states = conflict_states(RULES, hats({**ALL_ME, "cmo": "Owner"}), [], TODAY)
    assert [s.rule for s in states] == [CONTENT_PERF]
    assert states[0].ok is False and states[0].check is None and states[0].expired is None


@pytest.mark.parametrize(
    ("rule", "person", "key", "hat"),
    [
        (CONTENT_PERF, "Me", "conflict.checker_wears_both", None),
        (PERF_CMO, "Anna", "conflict.checker_wears_hat", "performance"),
        (PERF_CMO, " anna ", "conflict.checker_wears_hat", "performance"),
        (PERF_CMO, "Owner", "conflict.checker_wears_hat", "cmo"),
    ],
)
def test_checker_wearing_a_hat_is_refused(rule: ConflictRule, person: str, key: str, hat: str | None) -> None:
    worn = hats({**ALL_ME, "performance": "Anna", "cmo": "Owner"})
    if person == "Me":
        worn = hats(ALL_ME)
    with pytest.raises(InputError) as caught:
        validate_checker(rule, worn, person)
    assert caught.value.key == key
    if hat:
        assert caught.value.params["hat_key"] == hat
    assert person.strip() in caught.value.render()
    assert "neither" in caught.value.render()


@pytest.mark.parametrize("person", ["Owner", "Agency", "Bob"])
def test_checker_wearing_neither_hat_is_accepted(person: str) -> None:
    validate_checker(PERF_CMO, hats({**ALL_ME, "content": "Owner", "crm": "Bob"}), person)


def test_checker_message_uses_the_hat_name_in_russian() -> None:
    worn = hats(ALL_ME)
    renamed = {"name": "Реклама", "wearer": "Аня"}
    worn["performance"] = worn["performance"].model_copy(update=renamed)
    set_language("ru")
    try:
        with pytest.raises(InputError) as caught:
            validate_checker(PERF_CMO, worn, "Аня")
        assert caught.value.render().startswith("Аня носит шляпу «Реклама»")
    finally:
        set_language("en")


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("performance", "cmo", PERF_CMO),
        ("cmo", "performance", PERF_CMO),
        (" CMO ", "Crm", CRM_CMO),
        ("analytics", "performance", PERF_ANALYTICS),
    ],
)
def test_find_rule_is_order_insensitive(a: str, b: str, expected: ConflictRule) -> None:
    assert find_rule(RULES, a, b) == expected


@pytest.mark.parametrize(("a", "b"), [("content", "cmo"), ("cmo", "cmo"), ("nope", "performance")])
def test_find_rule_unknown_pair_lists_the_rules(a: str, b: str) -> None:
    with pytest.raises(InputError) as caught:
        find_rule(RULES, a, b)
    assert caught.value.key == "conflict.unknown_pair"
    assert "performance × cmo" in caught.value.render()
    assert "pm × cmo" in caught.value.render()


def test_find_rule_without_rules() -> None:
    with pytest.raises(InputError) as caught:
        find_rule([], "performance", "cmo")
    assert "—" in caught.value.render()
