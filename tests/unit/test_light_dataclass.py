"""``@light_dataclass`` behaves like ``@dataclass`` on the same class definitions.

Each class is written once and decorated both ways; every case asks both the same question and
expects the same answer: equality, hashing, repr, defaults, arguments, and the errors raised.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest

from mkhats.domain.light_dataclass import light_dataclass

Maker = Callable[..., Any]


def _classes(decorate: Maker, frozen: bool) -> tuple[type, type]:
    """The same two definitions, decorated by ``decorate``: a point, and a class with defaults."""

    @decorate(frozen=frozen)
    class Point:
        x: int
        y: int

    @decorate(frozen=frozen)
    class Tagged:
        name: str
        size: int = 3
        tags: list[str] = dataclasses.field(default_factory=list)
        note: str = dataclasses.field(default="none")

    return Point, Tagged


MAKERS = {"dataclass": dataclasses.dataclass, "light_dataclass": light_dataclass}


def _both(frozen: bool) -> dict[str, tuple[type, type]]:
    return {name: _classes(make, frozen) for name, make in MAKERS.items()}


def _outcome(call: Callable[[], object]) -> object:
    """What ``call`` returns, or the type of what it raises: the answer compared across makers."""
    try:
        return call()
    except Exception as error:  # the type is the answer: TypeError, FrozenInstanceError…
        return type(error)


def _same(frozen: bool, question: Callable[[type, type], object]) -> object:
    answers = {
        name: _outcome(lambda p=point, t=tagged: question(p, t)) for name, (point, tagged) in _both(frozen).items()
    }
    assert answers["light_dataclass"] == answers["dataclass"], answers
    return answers["dataclass"]


@pytest.mark.parametrize("frozen", [False, True])
def test_equality_is_by_value_and_by_class(frozen: bool) -> None:
    assert _same(frozen, lambda p, t: p(1, 2) == p(1, 2)) is True
    assert _same(frozen, lambda p, t: p(1, 2) == p(2, 1)) is False
    assert _same(frozen, lambda p, t: p(1, 2) != p(1, 3)) is True
    assert _same(frozen, lambda p, t: p(1, 2) == (1, 2)) is False  # not a tuple
    assert _same(frozen, lambda p, t: t("a") == t("a", 3, [], "none")) is True


def test_frozen_instances_hash_by_value() -> None:
    assert _same(True, lambda p, t: hash(p(1, 2)) == hash(p(1, 2))) is True
    assert _same(True, lambda p, t: len({p(1, 2), p(1, 2), p(2, 1)})) == 2


def test_mutable_instances_are_unhashable() -> None:
    assert _same(False, lambda p, t: hash(p(1, 2))) is TypeError
    assert _same(False, lambda p, t: p.__hash__) is None


@pytest.mark.parametrize("frozen", [False, True])
def test_repr_names_the_class_and_every_field(frozen: bool) -> None:
    def names_and_fields(p: type, t: type) -> str:
        # The class's qualified name holds the defining function's: compare what follows it.
        return repr(t("a", tags=["x"])).rsplit(".", 1)[1]

    assert _same(frozen, names_and_fields) == "Tagged(name='a', size=3, tags=['x'], note='none')"


@pytest.mark.parametrize("frozen", [False, True])
def test_defaults_and_default_factories(frozen: bool) -> None:
    assert _same(frozen, lambda p, t: (t("a").size, t("a").tags, t("a").note)) == (3, [], "none")
    # A factory is called once per instance: two instances never share the list.
    assert _same(frozen, lambda p, t: t("a").tags is t("a").tags) is False
    # A field given by ``field(default=…)`` is a class attribute, as a plain default is; a factory's is not.
    assert _same(frozen, lambda p, t: (t.size, t.note, hasattr(t, "tags"))) == (3, "none", False)


@pytest.mark.parametrize("frozen", [False, True])
def test_positional_and_keyword_arguments(frozen: bool) -> None:
    assert _same(frozen, lambda p, t: (p(1, 2).x, p(1, 2).y)) == (1, 2)
    assert _same(frozen, lambda p, t: (p(y=2, x=1).x, p(y=2, x=1).y)) == (1, 2)
    assert _same(frozen, lambda p, t: (p(1, y=2).x, p(1, y=2).y)) == (1, 2)
    assert _same(frozen, lambda p, t: t("a", 5, note="n").size) == 5


@pytest.mark.parametrize("frozen", [False, True])
@pytest.mark.parametrize(
    "bad_call",
    [
        pytest.param(lambda p, t: p(1), id="missing"),
        pytest.param(lambda p, t: p(), id="missing-all"),
        pytest.param(lambda p, t: p(1, 2, 3), id="too-many"),
        pytest.param(lambda p, t: p(1, 2, z=3), id="unexpected-keyword"),
        pytest.param(lambda p, t: p(1, 2, x=1), id="twice"),
        pytest.param(lambda p, t: t(size=1), id="missing-before-defaults"),
    ],
)
def test_bad_arguments_raise_type_error(frozen: bool, bad_call: Callable[[type, type], object]) -> None:
    assert _same(frozen, bad_call) is TypeError


def test_frozen_instances_refuse_assignment_and_deletion() -> None:
    def assign(p: type, t: type) -> object:
        point = p(1, 2)
        point.x = 5
        return point.x

    def delete(p: type, t: type) -> object:
        point = p(1, 2)
        del point.x
        return "deleted"

    assert _same(True, assign) is dataclasses.FrozenInstanceError
    assert _same(True, delete) is dataclasses.FrozenInstanceError


def test_mutable_instances_take_assignment() -> None:
    def assign(p: type, t: type) -> object:
        point = p(1, 2)
        point.x = 5
        return point.x, point == p(5, 2)

    assert _same(False, assign) == (5, True)
