"""The first run's use cases on real files: what ``finish`` stores for each kind of answer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mkhats.errors import InputError
from mkhats.services.first_run import SetupAnswers, finish, start_file
from mkhats.services.people import rename_person
from mkhats.services.workspace import Workspace

TODAY = date(2026, 11, 24)


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    workspace = Workspace(tmp_path / "mkhats.json", TODAY)
    assert start_file(workspace) and not start_file(workspace)  # made once, then left alone
    with workspace.read() as repo:
        assert repo.settings().setup == "due"
    return workspace


def stored(ws: Workspace):
    with ws.read() as repo:
        return repo.settings(), repo.persons(), repo.hats(), repo.kpis()


def test_you_as_the_owner_without_the_cmo_hat_leaves_it_unworn(ws):
    finish(ws, SetupAnswers(name="Anna", owner="", owner_wears_cmo=False))
    settings, persons, hats, _ = stored(ws)
    assert settings.setup == "done" and persons["Anna"].kind == "owner"
    assert hats["cmo"].wearer is None and hats["performance"].wearer == "Anna"


def test_another_owner_who_does_not_wear_the_cmo_hat_leaves_it_with_you(ws):
    finish(ws, SetupAnswers(owner="Oleg", owner_wears_cmo=False))
    _, persons, hats, _ = stored(ws)
    assert persons["Oleg"].kind == "owner" and persons["Me"].kind == "staff" and hats["cmo"].wearer == "Me"


@pytest.mark.parametrize(
    ("answers", "key"),
    [
        (SetupAnswers(name="Anna", owner="anna"), "first_run.owner_is_you"),
        (SetupAnswers(owner="me"), "first_run.owner_is_you"),
        (SetupAnswers(targets={"performance.cpl": "-5"}), "first_run.target_negative"),
        (SetupAnswers(targets={"performance.leads": "2.5"}), "first_run.target_whole"),
        (SetupAnswers(currency="EURO$"), "settings.currency_long"),
        (SetupAnswers(name="x" * 61), "settings.too_long"),
    ],
)
def test_a_refused_answer_writes_nothing(ws, answers, key):
    before = ws.path.read_bytes()
    with pytest.raises(InputError) as refused:
        finish(ws, answers)
    assert refused.value.key == key
    assert ws.path.read_bytes() == before


def test_a_rename_refuses_a_name_taken_in_another_case_but_allows_a_new_case_of_ones_own(ws):
    from mkhats.services.settings import add_person

    add_person(ws, "Olga")
    with pytest.raises(InputError) as refused:
        rename_person(ws, "Me", "OLGA")
    assert refused.value.key == "people.rename_taken"
    rename_person(ws, "Olga", "OLGA")
    _, persons, _, _ = stored(ws)
    assert set(persons) == {"Me", "OLGA"}
