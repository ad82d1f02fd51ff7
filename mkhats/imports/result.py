"""What reading an export gives back: the profile that fits, and the per-day totals it holds.

Plain data for the front ends' preview (SPEC §9): the source recognised, the mapping as found in
this file, the per-day totals per KPI, every skipped row with its reason, every bad row (any bad
row stops the import), and notes such as a KPI whose column the file lacks. Reasons and notes are
catalogue keys with parameters, rendered by the caller in the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from mkhats.imports.profile import Condition, Profile

Reason = tuple[str, dict[str, Any]]
"""A catalogue key and its parameters."""

RowReason = tuple[int, str, dict[str, Any]]
"""A line number (as the file or spreadsheet shows it), a catalogue key and its parameters."""

LIST_LIMIT = 1000
"""Skipped and bad rows kept for the preview; beyond it only the counts grow (bounded memory)."""


@dataclass(frozen=True)
class Match:
    """The profile that fits a file, the line its header is on, and how well it fits."""

    profile: Profile
    header_line: int
    score: int
    others: tuple[str, ...] = ()
    """Names of the other profiles that also fit, less well."""


@dataclass(frozen=True)
class Mapped:
    """One KPI as this file feeds it: the columns found (as the file names them) and how."""

    kpi: str
    aggregate: str  # "sum" or "count"
    columns: tuple[str, ...]
    money: bool
    where: tuple[Condition, ...] = ()


@dataclass(frozen=True)
class Layout:
    """How the file was read, for the preview and for error messages."""

    kind: str  # "text", "spreadsheet" or "html"
    encoding: str | None
    delimiter: str | None
    decimal: str
    header_line: int
    header: tuple[str, ...]


@dataclass
class ImportResult:
    """An export read through a profile: per-day totals and everything the preview must show."""

    profile: str
    source: str
    layout: Layout
    mapping: list[Mapped]
    totals: dict[tuple[str, date], float]
    currency: str | None
    skipped: list[RowReason] = field(default_factory=list)
    bad: list[RowReason] = field(default_factory=list)
    notes: list[Reason] = field(default_factory=list)
    rows: int = 0
    """Data rows that fed at least one KPI."""
    filtered: int = 0
    """Data rows no KPI takes (deals not won, for instance): counted, not listed."""
    skipped_count: int = 0
    bad_count: int = 0

    covered: tuple[date, date] | None = None
    """The first and last day of a row the profile takes (not a lost deal's, not a summary's): the
    days this file speaks for, which a re-import replaces, a day between them with no row taken
    included. None for a file without such a row."""

    def days(self, kpi: str) -> dict[date, float]:
        """One KPI's totals by day, in date order."""
        return dict(sorted((day, value) for (key, day), value in self.totals.items() if key == kpi))

    @property
    def ok(self) -> bool:
        """No bad row: the import may go ahead."""
        return self.bad_count == 0
