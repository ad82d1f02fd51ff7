"""A profile, and the mapping it makes of one file, in words (``mkhats profile show``, the preview).

Lines are catalogue keys with parameters, rendered in the user's language only when shown; a
parameter may itself be a ``Line`` (a condition inside a KPI line), a list of them (joined by
"and"), or ``Joined`` names (quoted in the language's quotes, joined by a sign).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mkhats.imports.profile import Condition, Profile
from mkhats.imports.result import Mapped


@dataclass(frozen=True)
class Joined:
    """Names quoted as the language quotes (“Cost” / «Расход»), joined by ``sep``."""

    names: tuple[str, ...]
    sep: str = " / "


@dataclass(frozen=True)
class Line:
    """One line of a description: a catalogue key and its parameters."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, lang: str | None = None) -> str:
        """The line in ``lang`` (default: the current language)."""
        from mkhats.i18n import t

        def value(v: Any) -> Any:
            if isinstance(v, Line):
                return v.render(lang)
            if isinstance(v, list):
                return t("imports.word.and", lang=lang).join(str(value(x)) for x in v)
            if isinstance(v, Joined):
                return v.sep.join(t("imports.word.quoted", lang=lang, text=n) for n in v.names)
            return v

        return t(self.key, lang=lang, **{k: value(v) for k, v in self.params.items()})


def _names(names: list[str], joiner: str = " / ") -> Joined:
    return Joined(tuple(names), joiner)


def describe_condition(cond: Condition) -> Line:
    """``Этап сделки is one of “Успешно реализовано”``."""
    column = _names(cond.column)
    if cond.in_ is not None:
        return Line("imports.cond.in", {"column": column, "values": Joined(tuple(cond.in_), ", ")})
    if cond.not_in is not None:
        return Line("imports.cond.not_in", {"column": column, "values": Joined(tuple(cond.not_in), ", ")})
    if cond.matches is not None:
        return Line("imports.cond.matches", {"column": column, "pattern": cond.matches})
    return Line("imports.cond.not_matches", {"column": column, "pattern": cond.not_matches or ""})


def _where(conditions: tuple[Condition, ...] | list[Condition]) -> Line | str:
    if not conditions:
        return ""
    return Line("imports.show.where_tail", {"conditions": [describe_condition(c) for c in conditions]})


def describe_mapping(mapped: Mapped, alternatives: bool = False) -> Line:
    """One KPI as a file feeds it: ``performance.spend ← sum of “Cost” (money)``.

    The columns are added (`` + ``) as a file's mapping, or alternatives (`` / ``) in a profile.
    """
    if mapped.aggregate == "count":
        return Line("imports.show.kpi.count", {"kpi": mapped.kpi, "where": _where(mapped.where)})
    money = Line("imports.show.money_mark") if mapped.money else ""
    return Line(
        "imports.show.kpi.sum",
        {
            "kpi": mapped.kpi,
            "columns": _names(list(mapped.columns), " / " if alternatives else " + "),
            "money": money,
            "where": _where(mapped.where),
        },
    )


def _auto(value: str) -> Line | str:
    if value == "auto":
        return Line("imports.word.auto")
    if value == "\t":
        return Line("imports.word.tab")
    return Line("imports.word.quoted", {"text": value})


def describe(profile: Profile) -> list[Line]:
    """Every setting of ``profile``, one line each, for ``mkhats profile show NAME``."""
    p = profile
    lines = [
        Line("imports.show.title", {"name": p.name, "title": p.title or p.name}),
        Line("imports.show.origin", {"origin": Line("imports.word.builtin") if p.origin == "built-in" else p.origin}),
        Line("imports.show.source", {"source": p.source_name}),
        Line("imports.show.required", {"names": [_names(n) for n in p.header.required]}),
        Line(
            "imports.show.file",
            {
                "encoding": _auto(p.file.encoding),
                "delimiter": _auto(p.file.delimiter),
                "decimal": _auto(p.numbers.decimal),
            },
        ),
    ]
    if p.file.comment:
        lines.append(Line("imports.show.comment", {"comment": p.file.comment}))
    zone = p.date.timezone or Line("imports.word.user_zone")
    lines.append(
        Line("imports.show.day", {"column": _names(p.date.column), "formats": ", ".join(p.date.formats), "zone": zone})
    )
    if p.date.end_column:
        lines.append(Line("imports.show.period", {"column": _names(p.date.end_column)}))
    if p.rows.skip:
        lines.append(Line("imports.show.skip", {"patterns": Joined(tuple(p.rows.skip), ", ")}))
    if p.rows.skip_when_empty:
        lines.append(Line("imports.show.summary", {"columns": [_names(n) for n in p.rows.skip_when_empty]}))
    lines.append(Line(f"imports.show.money.{p.numbers.money}"))
    currency = p.currency
    if currency.column:
        lines.append(Line("imports.show.currency.column", {"column": _names(currency.column)}))
    elif currency.fixed:
        lines.append(Line("imports.show.currency.fixed", {"code": currency.fixed}))
    elif currency.from_header:
        lines.append(Line("imports.show.currency.header"))
    else:
        lines.append(Line("imports.show.currency.none"))
    for cond in p.where:
        lines.append(Line("imports.show.where", {"condition": describe_condition(cond)}))
    for k in p.kpi:
        lines.append(describe_mapping(Mapped(k.key, k.aggregate, tuple(k.column), k.money, tuple(k.where)), True))
    return lines
