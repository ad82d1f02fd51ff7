"""Use case of ``mkhats verify`` and the check form: someone wearing neither hat checked a conflict."""

from __future__ import annotations

from datetime import date

from mkhats.domain.conflicts import check_valid_until, find_rule, validate_checker
from mkhats.domain.light_dataclass import light_dataclass
from mkhats.domain.models import ExternalCheck, Hat, Person
from mkhats.errors import InputError
from mkhats.services.wearers import match_person
from mkhats.services.workspace import Workspace


@light_dataclass(frozen=True)
class Verified:
    """A check as stored, whether its checker was added as a new person, and what it clears."""

    check: ExternalCheck
    created: bool
    hats: dict[str, Hat]
    """Every hat, to name the pair as the user named them."""
    valid_until: date | None
    """The last day the check clears the conflict; None for one that found problems (it never does)."""


def verify(
    ws: Workspace, hat_a: str, hat_b: str, by: str, day: date, note: str = "", problems: bool = False
) -> Verified:
    """Record that ``by`` (wearing neither hat) checked the conflict of two hats.

    Returns:
        The check, whether ``by`` was added as a new external person, and until when it holds.
    """
    name = (by or "").strip()
    if not name:
        raise InputError("person.empty")
    with ws.write() as repo:
        hats = repo.hats()
        rule = find_rule(repo.conflicts(), hat_a.strip().lower(), hat_b.strip().lower())
        persons = repo.persons()
        person = match_person(persons, name)
        created = person is None
        if person is None:
            person = Person(name=name, kind="external")
        validate_checker(rule, hats, person.name)
        if created:
            repo.upsert_person(person)
        check = ExternalCheck(
            hats=rule.hats, by=person.name, day=day, note=note.strip(), outcome="problems" if problems else "ok"
        )
        repo.add_check(check)
        until = None if check.outcome == "problems" else check_valid_until(check, rule.every)
        return Verified(check, created, hats, until)
