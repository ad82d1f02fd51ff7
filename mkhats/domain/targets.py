"""The rule a KPI's target and stop-rule thresholds obey, wherever they are written (CLI, forms,
roles review, restore).

A target or a threshold is compared with the KPI's values, so it is held to the same rule (SPEC §1
KPI value): a finite number, never below zero for a count, money, hours or days KPI, and within
:data:`~mkhats.domain.kpis.LIMIT`, as values are.
"""

from __future__ import annotations

import math

from mkhats.domain.kpi_names import named
from mkhats.domain.kpis import LIMIT, NON_NEGATIVE_UNITS
from mkhats.domain.models import Kpi
from mkhats.domain.numbers import plain_number
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
        raise InputError("kpi.target_not_finite", kpi=named(kpi))
    if kpi.unit in NON_NEGATIVE_UNITS and target < 0:
        raise InputError("kpi.target_negative", kpi=named(kpi), value=plain_number(target))
    if abs(target) > LIMIT:
        raise InputError("kpi.too_large", kpi=named(kpi), value=plain_number(target))


def validate_threshold(kpi: Kpi, threshold: float | None) -> None:
    """Check a stop rule's (or a guard's) threshold against ``kpi``, the KPI it is compared with.

    Raises:
        InputError: ``kpi.threshold_negative`` below zero for a KPI that never is, ``kpi.too_large``.
    """
    if threshold is None:
        return
    if kpi.unit in NON_NEGATIVE_UNITS and threshold < 0:
        raise InputError("kpi.threshold_negative", kpi=named(kpi), value=plain_number(threshold))
    if abs(threshold) > LIMIT:
        raise InputError("kpi.too_large", kpi=named(kpi), value=plain_number(threshold))
