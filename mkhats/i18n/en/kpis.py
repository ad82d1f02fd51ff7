"""English messages: kpis, formulas and stop rules."""

from mkhats.i18n import Catalogue

MESSAGES: Catalogue = {
    # Formulas: "formula.syntax" wraps one of the "formula.detail.*" phrases.
    "formula.syntax": "Formula “{formula}”, at character {pos}: {detail}.",
    "formula.found.end": "the end of the formula",
    "formula.detail.char": "the character “{found}” is not allowed (use numbers, KPI names, + - * / and parentheses)",
    "formula.detail.empty": "the formula is empty (write e.g. spend / leads)",
    "formula.detail.operand": "expected a number, a KPI name or “(” but found {found}",
    "formula.detail.operator": "expected an operator (+ - * /) but found {found}",
    "formula.detail.close": "expected an operator (+ - * /) or “)” but found {found}",
    "formula.detail.close_extra": "this “)” has no matching “(”",
    "formula.detail.depth": "parentheses and minus signs are nested more than {limit} deep",
    "formula.detail.length": "the formula is longer than {limit} characters",
    "formula.unknown_kpi": "The formula of {kpi} refers to “{ref}”, which is not a KPI (write a name of the same hat, e.g. spend, or a full key, e.g. crm.ltv).",
    "formula.cycle": "The formula of {kpi} depends on itself: {path}.",
    # KPI values.
    "kpi.is_formula": "{kpi} is computed by its formula ({formula}): enter values for its operands instead.",
    "kpi.not_finite": "The value of {kpi} must be a finite number.",
    "kpi.negative": "The value of {kpi} cannot be negative (got {value}).",
    "kpi.not_whole": "{kpi} counts whole things: {value} is not a whole number.",
    # KPI targets.
    "kpi.target_not_finite": "The target of {kpi} must be a finite number.",
    "kpi.target_negative": "The target of {kpi} cannot be negative (got {value}): the KPI's values are never below zero.",
    "kpi.threshold_negative": "The stop-rule threshold for {kpi} cannot be negative (got {value}): the KPI's values are never below zero.",
    "kpi.too_large": "{value} is too large for {kpi}: mkhats keeps figures up to a quadrillion (10^15).",
    # Stop rules.
    "stop.syntax": "Stop rule “{text}” is not understood: write an operator, a threshold and optionally the days, e.g. > 1500 for 3 days (? leaves the threshold unset).",
    "stop.threshold": "Stop rule “{text}”: the threshold “{value}” is not a number (write 1500, 1 234,5 or ?).",
    "stop.days": "Stop rule “{text}”: the number of days must be from 1 to {limit}, not {days}.",
    "stop.guard_syntax": "Guard “{text}” is not understood: write a KPI of the same hat, an operator and a threshold, e.g. spend >= 3000 (? leaves it unset).",
}
