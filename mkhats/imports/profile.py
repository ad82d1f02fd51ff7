"""A source profile (SPEC §9): how one tool's export is recognised, read and mapped to KPIs.

Profiles are TOML data, validated by these models (``extra="forbid"``: a misspelt field is named,
never ignored). ``docs/profiles.md`` documents every field; the built-ins live in ``profiles/``.
Column names are lists of alternatives (languages, renamed labels): the first one the file has is
used, and a name with ``*`` takes every column it fits (their values are added).
"""

from __future__ import annotations

import re
from datetime import tzinfo
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator
from pydantic_core import PydanticCustomError

from mkhats.imports.cells import DIRECTIVES, compile_format

Names = Annotated[list[str], Field(min_length=1)]
"""Alternative names of one column, e.g. ``["Cost", "Цена"]``."""

DEFAULT_SKIP = (r"^(итого|всего|total|grand total)\b",)
"""Totals and summary rows (IMPORTS.md §0.5): Direct's ``Итого`` and ``Total rows: N``, Google's
``Total: Account``, Metrica's ``Итого и средние``."""

PAID_MEDIUMS = (
    "cpc",
    "cpm",
    "cpa",
    "cpv",
    "ppc",
    "paid",
    "paid_social",
    "paidsocial",
    "display",
    "banner",
    "retargeting",
)
"""``utm_medium`` values the built-in CRM profiles count as paid traffic."""


def _check_names(names: list[str]) -> list[str]:
    if any(not name.strip() for name in names):
        raise PydanticCustomError("mk_empty_name", "a column name is empty")
    return names


def _check_regex(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise PydanticCustomError(
            "mk_regex", "not a regular expression", {"value": pattern, "error": str(exc)}
        ) from None
    return pattern


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Condition(_Model):
    """A test on one cell; an absent column reads as an empty cell. Exactly one test is given."""

    column: Names
    in_: list[str] | None = Field(default=None, alias="in")
    not_in: list[str] | None = None
    matches: str | None = None
    not_matches: str | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    _check = field_validator("column")(_check_names)

    @field_validator("matches", "not_matches")
    @classmethod
    def _regex(cls, value: str | None) -> str | None:
        return None if value is None else _check_regex(value)

    @model_validator(mode="after")
    def _one_test(self) -> Condition:
        given = [v for v in (self.in_, self.not_in, self.matches, self.not_matches) if v is not None]
        if len(given) != 1:
            raise PydanticCustomError("mk_one_test", "exactly one test")
        return self


class FileSpec(_Model):
    """How the bytes are read: ``auto`` decides by content."""

    encoding: str = "auto"
    delimiter: Literal["auto", ",", ";", "\t"] = "auto"
    comment: str = ""

    @field_validator("encoding")
    @classmethod
    def _codec(cls, value: str) -> str:
        import codecs

        if value != "auto":
            try:
                codecs.lookup(value)
            except LookupError:
                raise PydanticCustomError("mk_encoding", "unknown encoding", {"value": value}) from None
        return value


class HeaderSpec(_Model):
    """The header row is the first row that has every required column (one name of each list)."""

    required: Annotated[list[Names], Field(min_length=1)]
    search_rows: int = Field(default=50, ge=1, le=1000)

    @field_validator("required")
    @classmethod
    def _names(cls, value: list[list[str]]) -> list[list[str]]:
        for names in value:
            _check_names(names)
        return value


class RowsSpec(_Model):
    """Rows that are not data: totals by pattern, summary rows by empty name columns."""

    skip: list[str] = Field(default_factory=lambda: list(DEFAULT_SKIP))
    skip_when_empty: list[Names] = Field(default_factory=list)

    @field_validator("skip")
    @classmethod
    def _regexes(cls, value: list[str]) -> list[str]:
        return [_check_regex(p) for p in value]


class DateSpec(_Model):
    """The day column: names, formats (``%d.%m.%Y``…), the zone its times are written in."""

    column: Names
    formats: Annotated[list[str], Field(min_length=1)] = Field(default_factory=lambda: ["%Y-%m-%d"])
    end_column: list[str] = Field(default_factory=list)
    timezone: str = ""

    _check = field_validator("column")(_check_names)

    @field_validator("formats")
    @classmethod
    def _formats(cls, value: list[str]) -> list[str]:
        for fmt in value:
            try:
                compile_format(fmt)
            except ValueError:
                raise PydanticCustomError(
                    "mk_date_format",
                    "unknown code",
                    {"value": fmt, "codes": " ".join("%" + c for c in sorted(DIRECTIVES))},
                ) from None
        return value

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        if value:
            try:
                ZoneInfo(value)
            except (ZoneInfoNotFoundError, ValueError):
                raise PydanticCustomError("mk_timezone", "unknown zone", {"value": value}) from None
        return value

    def zone(self) -> tzinfo | None:
        """The zone of the file's times, or None to read them in the user's zone."""
        return ZoneInfo(self.timezone) if self.timezone else None


class NumbersSpec(_Model):
    """Decimal mark (``auto``: decided once per file) and the unit money is written in."""

    decimal: Literal["auto", ".", ","] = "auto"
    money: Literal["units", "micros", "micros-or-units"] = "units"


class CurrencySpec(_Model):
    """Where the currency is stated: one of a column, a fixed code, or a money column's header."""

    column: list[str] | None = None
    fixed: str | None = None
    from_header: bool = False

    @model_validator(mode="after")
    def _one_source(self) -> CurrencySpec:
        if sum((self.column is not None, self.fixed is not None, self.from_header)) > 1:
            raise PydanticCustomError("mk_one_currency", "one source of currency")
        return self


class KpiMap(_Model):
    """One KPI fed by the file: a sum of a column (or columns), or a count of rows."""

    key: str
    column: list[str] = Field(default_factory=list)
    aggregate: Literal["sum", "count"] = "sum"
    money: bool = False
    where: list[Condition] = Field(default_factory=list)

    @field_validator("key")
    @classmethod
    def _key(cls, value: str) -> str:
        if not re.fullmatch(r"[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*", value):
            raise PydanticCustomError("mk_kpi_key", "not hat.name", {"value": value})
        return value

    @model_validator(mode="after")
    def _column_for_sum(self) -> KpiMap:
        if self.aggregate == "sum" and not self.column:
            raise PydanticCustomError("mk_sum_column", "a sum needs a column")
        _check_names(self.column)
        return self


class Profile(_Model):
    """A whole profile; ``name`` identifies it, ``source`` is stored with the values (default: name)."""

    name: str
    title: str = ""
    source: str = ""
    file: FileSpec = Field(default_factory=FileSpec)
    header: HeaderSpec
    rows: RowsSpec = Field(default_factory=RowsSpec)
    date: DateSpec
    numbers: NumbersSpec = Field(default_factory=NumbersSpec)
    currency: CurrencySpec = Field(default_factory=CurrencySpec)
    where: list[Condition] = Field(default_factory=list)
    kpi: Annotated[list[KpiMap], Field(min_length=1)]

    _origin: str = PrivateAttr(default="")

    @field_validator("name", "source")
    @classmethod
    def _slug(cls, value: str) -> str:
        if value and not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,40}", value):
            raise PydanticCustomError("mk_slug", "not a slug", {"value": value})
        if value == "manual":  # the source of what the user types: an import would replace it
            raise PydanticCustomError("mk_manual", "reserved", {"value": value})
        return value

    @property
    def source_name(self) -> str:
        """The source stored with the values this profile brings."""
        return self.source or self.name

    @property
    def origin(self) -> str:
        """``built-in`` or the path of the user's TOML file."""
        return self._origin

    def with_origin(self, origin: str) -> Profile:
        """This profile, remembering where it was defined."""
        self._origin = origin
        return self
