"""``@light_dataclass``: what ``@dataclass`` gives the small value classes of the CLI's path, defined cheaply.

``@dataclass`` writes each class's ``__init__``, ``__eq__``, ``__repr__``… as source text and
``exec()``s it: ≈ 0.3 ms a class, ≈ 3 ms of every ``mkhats check`` (SPEC §6). ``light_dataclass`` gives
the same behaviour with methods shared by every class: fields from the annotations in order, defaults
and ``field(default_factory=…)``, keyword or positional arguments, equality by value and type, a
hash when frozen (unhashable otherwise, as with ``eq=True``), ``Name(field=value, …)`` as repr,
and ``FrozenInstanceError`` on assignment when frozen. No ``__post_init__``, ordering or
inheritance between these classes: none of ours needs them.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import MISSING, Field, FrozenInstanceError, field
from typing import Any, TypeVar, cast, dataclass_transform

C = TypeVar("C", bound=type)

_Spec = tuple[tuple[str, Any, Any], ...]
"""Per field: (name, default or MISSING, default factory or MISSING)."""


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    cls = type(self)
    spec: _Spec = cls.__light_fields__
    if len(args) > len(spec):
        raise TypeError(f"{cls.__name__}() takes {len(spec)} positional arguments but {len(args)} were given")
    names = {name for name, _, _ in spec}
    for key in kwargs:
        if key not in names:
            raise TypeError(f"{cls.__name__}() got an unexpected keyword argument {key!r}")
    set_ = object.__setattr__
    for i, (name, default, factory) in enumerate(spec):
        if i < len(args):
            if name in kwargs:
                raise TypeError(f"{cls.__name__}() got multiple values for argument {name!r}")
            value = args[i]
        elif name in kwargs:
            value = kwargs[name]
        elif factory is not MISSING:
            value = factory()
        elif default is not MISSING:
            value = default
        else:
            raise TypeError(f"{cls.__name__}() missing required argument: {name!r}")
        set_(self, name, value)


def _values(self: Any) -> tuple[Any, ...]:
    return tuple(getattr(self, name) for name, _, _ in type(self).__light_fields__)


def _eq(self: Any, other: object) -> bool:
    if other.__class__ is not self.__class__:
        # Python then asks ``other``; mypy accepts NotImplemented only from a method named __eq__.
        return cast(bool, NotImplemented)
    return bool(_values(self) == _values(other))


def _hash(self: Any) -> int:
    return hash(_values(self))


def _repr(self: Any) -> str:
    fields = ", ".join(f"{name}={getattr(self, name)!r}" for name, _, _ in type(self).__light_fields__)
    return f"{type(self).__qualname__}({fields})"


def _frozen_setattr(self: Any, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


@dataclass_transform(field_specifiers=(field, Field))
def light_dataclass(cls: C | None = None, /, *, frozen: bool = False) -> Any:
    """Make ``cls`` a value class, like ``@dataclass`` / ``@dataclass(frozen=True)``."""

    def wrap(cls: C) -> C:
        spec = []
        for name in inspect.get_annotations(cls):
            default: Any = cls.__dict__.get(name, MISSING)
            factory: Any = MISSING
            if isinstance(default, Field):
                default, factory = default.default, default.default_factory
                if default is MISSING:
                    delattr(cls, name)  # as dataclass does: no class attribute without a default
                else:
                    setattr(cls, name, default)
            spec.append((name, default, factory))
        cls.__light_fields__ = tuple(spec)  # type: ignore[attr-defined]
        cls.__init__ = _init  # type: ignore[misc]
        cls.__eq__ = _eq  # type: ignore[assignment,method-assign]
        cls.__repr__ = _repr  # type: ignore[assignment,method-assign]
        cls.__hash__ = _hash if frozen else None  # type: ignore[assignment,method-assign]
        if frozen:
            cls.__setattr__ = _frozen_setattr  # type: ignore[assignment,method-assign]
            cls.__delattr__ = _frozen_delattr  # type: ignore[assignment,method-assign]
        return cls

    wrap_: Callable[[C], C] = wrap
    return wrap_ if cls is None else wrap_(cls)
