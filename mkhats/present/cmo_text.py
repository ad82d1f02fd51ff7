"""The CMO desk in words: months, verdicts, uplifts and the desk's review sentences.

Shared by the report, the ``check`` lines and the app, so each says it the same way.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from mkhats.domain.snapshot import Snapshot
from mkhats.i18n import t
from mkhats.present.labels import format_number, format_span, hat_name, kpi_title

if TYPE_CHECKING:
    from mkhats.domain.hypotheses import Hypothesis
    from mkhats.domain.review import ReviewItem

DESK_KEYS = frozenset({"review.strategy_due", "review.hypothesis_open"})
"""The review items worded here."""


def format_month(month: str, lang: str | None = None) -> str:
    """``November 2026`` / ``ноябрь 2026``."""
    return t(f"cmo.month.{int(month[5:7])}", lang=lang, year=month[:4])


def signed_percent(value: float | None, decimals: int = 1) -> str:
    """``+12.5 %``, ``−3.0 %``, or ``—``."""
    if value is None:
        return "—"
    sign = "+" if value >= 0 else "−"
    return f"{sign}{format_number(abs(value), decimals)}\u00a0%"


def verdict_text(verdict: str | None) -> str:
    """A strategy verdict (scale, test, cut) in words, or ``—``."""
    return t(f"verdict.{verdict}") if verdict else "—"


def hypothesis_verdict_text(verdict: str | None) -> str:
    """A hypothesis verdict in words; none yet reads "open"."""
    return t(f"cmo.hyp.verdict.{verdict or 'none'}")


def hypothesis_kpi(hypothesis: Hypothesis, snapshot: Snapshot) -> str:
    """``Performance CPL``: the hat and title of the KPI under test."""
    kpi = snapshot.kpis.get(hypothesis.kpi)
    if kpi is None:
        return hypothesis.kpi
    return f"{hat_name(snapshot.hats.get(kpi.hat, kpi.hat))} {kpi_title(kpi)}"


def windows_text(hypothesis: Hypothesis) -> tuple[str, str]:
    """The baseline and the test window as compact date ranges."""
    return (
        format_span(hypothesis.baseline_first, hypothesis.baseline_last),
        format_span(hypothesis.test_first, hypothesis.test_last),
    )


def short_span(first: date, last: date) -> str:
    """``28 Sep – 25 Oct`` (the year left out when both days share it), for narrow tables."""
    return format_span(first, last, year=False)


def describe_desk(item: ReviewItem, snapshot: Snapshot) -> str:
    """A strategy session due or a hypothesis awaiting its verdict, as one sentence."""
    if item.key == "review.strategy_due":
        return t(item.key, month=format_month(item.params["month"]))
    hypothesis = item.params["hypothesis"]
    _, test = windows_text(hypothesis)
    return t(
        item.key,
        hat=hat_name(snapshot.hats.get(hypothesis.hat, hypothesis.hat)),
        statement=hypothesis.statement,
        kpi=hypothesis_kpi(hypothesis, snapshot),
        test=test,
    )
