"""What importing a file changes (SPEC §9): the plan a preview shows and an import then writes.

Made by ``services.importing`` from a reading and the stored values; printed by
``present.import_text`` for both front ends. Plain data, no store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mkhats.domain.models import KpiValue
from mkhats.imports.profile import Profile
from mkhats.imports.result import ImportResult


@dataclass(frozen=True)
class Change:
    """One (KPI, day) of the import's source: what it holds now, and what the file says."""

    kpi: str
    day: date
    before: float | None
    after: float | None


@dataclass(frozen=True)
class ImportPlan:
    """What an import writes (or would write, on a dry run), as both front ends show it."""

    file: str
    source: str
    """``manual`` for plain rows, else the profile's source name."""
    values: list[KpiValue]
    changes: list[Change]
    """Only the (KPI, day)s whose value this source changes, in KPI then day order."""
    unchanged: int
    reading: ImportResult | None = None
    """The profile's reading (mapping, skipped rows, notes); None for plain rows."""
    profile: Profile | None = None
    rate: float | None = None
    """The rate money was multiplied by (the file's currency → the data file's)."""
    file_currency: str | None = None
    currency: str | None = None
    """The data file's currency as an ISO code (or as written, when it is not a known sign)."""
    skipped_kpis: tuple[str, ...] = ()
    """KPIs the profile maps that this data file does not measure (absent, or a formula)."""
    dry_run: bool = True

    @property
    def written(self) -> int:
        """Values new or different."""
        return sum(1 for c in self.changes if c.after is not None)

    @property
    def removed(self) -> int:
        """Values of this source, on days the file covers, that the file no longer holds."""
        return sum(1 for c in self.changes if c.after is None)

    @property
    def days(self) -> list[date]:
        """Every day the file brings a value for, in order."""
        return sorted({v.day for v in self.values})

    def totals(self) -> dict[str, dict[date, float]]:
        """``{kpi: {day: value}}`` as it will be stored (after any rate)."""
        out: dict[str, dict[date, float]] = {}
        for v in self.values:
            out.setdefault(v.kpi, {})[v.day] = v.value
        return out
