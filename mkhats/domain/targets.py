"""The rule a KPI's target obeys, wherever it is written (CLI, forms, roles review, restore).

A target is compared with the KPI's values, so it is held to the same rule (SPEC §1 KPI value): a
finite number, and never below zero for a count, money, hours or days KPI.
"""

from __future__ import annotations

import math

from mkhats.domain.kpis import NON_NEGATIVE_UNITS
from mkhats.domain.models import Kpi
from mkhats.errors import InputError


def validate_target(kpi: Kpi, target: float | None) -> None:
    """Check the weekly target of ``kpi`` (its unit as it will be stored); None clears it.

    Raises:
        InputError: ``kpi.target_not_finite``, or ``kpi.target_negative`` for a count, money,
            hours or days target below zero.
    """
    if target is None:
        return
    if not math.isfinite(target):
        raise InputError("kpi.target_not_finite", kpi=kpi.key)
    if kpi.unit in NON_NEGATIVE_UNITS and target < 0:
        raise InputError("kpi.target_negative", kpi=kpi.key, value=_plain(target))


def _plain(value: float) -> str:
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
