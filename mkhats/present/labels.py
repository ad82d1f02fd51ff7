"""How stored keys and numbers read in the user's language: hat names, KPI titles, money.

Stored data holds keys; these functions turn them into text at render time, so a language switch
re-labels everything. Names the user typed are returned as typed.
"""

from __future__ import annotations

from collections.abc import Mapping

from mkhats.domain.defaults import DEFAULT_PERSON
from mkhats.domain.models import ChecklistItem, ConflictRule, Hat, Kpi, StopRule
from mkhats.domain.running import Verdict, shown_decimals
from mkhats.i18n import current_language, has, t

# The date rule lives in ``present.dates``; these names stay importable from here.
from mkhats.present.dates import format_day as format_day
from mkhats.present.dates import format_span as format_span
from mkhats.present.dates import weekday_name as weekday_name

_CURRENCY = {"en": "$", "ru": "₽"}
_SIGNS = {"+": "+", "-": "−", "*": "×", "/": "÷"}
_RANKS = {"+": 1, "-": 1, "*": 2, "/": 2}
_DASH = "—"


def currency_sign(currency: str | None, lang: str | None = None) -> str:
    """The currency setting, or the language's default (₽ for Russian, $ for English)."""
    return currency or _CURRENCY.get(lang or current_language(), "$")


def hat_name(hat: Hat | str) -> str:
    """The hat's user-typed name, or its catalogue name."""
    if isinstance(hat, Hat):
        if hat.name:
            return hat.name
        hat = hat.key
    key = f"hat.{hat}.name"
    return t(key) if has(key, "en") else hat


def hat_mission(hat: Hat) -> str:
    """The hat's user-typed mission, or its catalogue mission."""
    if hat.mission:
        return hat.mission
    key = f"hat.{hat.key}.mission"
    return t(key) if has(key, "en") else ""


def person_name(name: str | None) -> str:
    """A person's name; the shipped "Me" reads in the user's language."""
    if name is None:
        return _DASH
    return t("person.me") if name == DEFAULT_PERSON else name


def kpi_title(kpi: Kpi) -> str:
    """The KPI's user-typed title, its catalogue title, or its name."""
    if kpi.title:
        return kpi.title
    key = f"kpi.{kpi.key}"
    return t(key) if has(key, "en") else kpi.name.replace("_", " ").capitalize()


def formula_words(formula: str, hat: str, kpis: Mapping[str, Kpi]) -> str:
    """A formula KPI's week value in words: ``spend / leads`` → "the week's Spend ÷ the week's Leads".

    A formula is computed on its operands' week values (SPEC §1), not summed over days; the words
    say so. A name that is no KPI (a formula being typed) reads as written. Raises ``InputError``
    for a formula that does not parse.
    """
    from mkhats.domain.formula import BinOp, Neg, Node, Number, Ref, parse_formula

    def words(node: Node, outer: int = 0, strict: bool = False) -> str:
        if isinstance(node, Number):
            return format_exact(node.value)
        if isinstance(node, Ref):
            kpi = kpis.get(node.key(hat))
            return t("forms2.week_of", kpi=kpi_title(kpi) if kpi is not None else node.name)
        if isinstance(node, Neg):
            return "−" + words(node.operand, 3)
        assert isinstance(node, BinOp)
        rank = _RANKS[node.op]
        # Parentheses only where the reading needs them: a - (b - c), a / (b * c), (a + b) * c.
        text = f"{words(node.left, rank)} {_SIGNS[node.op]} {words(node.right, rank, node.op in '-/')}"
        return f"({text})" if rank < outer or (strict and rank == outer) else text

    return words(parse_formula(formula).root)


def unit_suffix(kpi: Kpi, currency: str | None) -> str:
    """What follows a KPI's title in a table header: ``₽``, ``%``, ``h``…"""
    if kpi.unit == "money":
        return currency_sign(currency)
    return t(f"unit.{kpi.unit}")


def item_text(item: ChecklistItem) -> str:
    """A checklist item's user-typed text, or its catalogue text."""
    return item.text or (t(item.key) if item.key else "")


def condition_text(rule: StopRule) -> str:
    """A stop rule's condition in words of the user's language: ``> 1500 for 3 days``."""
    from mkhats.domain.stoprules import format_condition

    head = format_condition(rule.model_copy(update={"days": 1}))
    if rule.threshold is not None and current_language() == "ru":
        # "12 800" and "2,5" as Russian reads them, every decimal kept: forms prefill this text and
        # read it back. English keeps the canonical "12800", which reads the same.
        head = f"{rule.op} {format_exact(rule.threshold, 'ru')}"
    if rule.days == 1:
        return head
    return t("stop.for_days", condition=head, n=rule.days, days=rule.days)


def condition_field(rule: StopRule | None) -> str:
    """A stop rule's condition as a form prefills it: empty while its threshold is unset, when the
    template (``> ? for 3 days``) is the field's placeholder instead, so typing does not append to it."""
    return condition_text(rule) if rule is not None and rule.threshold is not None else ""


def guard_field(rule: StopRule | None) -> str:
    """A stop rule's guard as a form prefills it: empty while the guard's threshold is unset."""
    from mkhats.domain.stoprules import format_guard

    guard = rule.guard if rule is not None else None
    return format_guard(guard) if guard is not None and guard.threshold is not None else ""


def rule_templates(rule: StopRule | None) -> dict[str, str]:
    """The placeholders of a rule's unset fields: ``{"condition": "> ? for 3 days", "guard": …}``."""
    from mkhats.domain.stoprules import format_guard

    out = {}
    if rule is not None and rule.threshold is None:
        out["condition"] = condition_text(rule)
    if rule is not None and rule.guard is not None and rule.guard.threshold is None:
        out["guard"] = format_guard(rule.guard)
    return out


def action_text(rule: StopRule) -> str:
    """A stop rule's action, typed or shipped."""
    return rule.action or t(rule.action_key or "action.default")


def conflict_reason(rule: ConflictRule) -> str:
    """Why two hats conflict."""
    return rule.reason or (t(f"{rule.key}.reason") if rule.key else "")


def conflict_check(rule: ConflictRule) -> str:
    """The check that mitigates a conflict."""
    return rule.check or (t(f"{rule.key}.check") if rule.key else "")


def pair_name(hats: tuple[str, str], names: dict[str, Hat] | None = None) -> str:
    """``Performance × CMO``."""
    names = names or {}
    return " × ".join(hat_name(names.get(h, h)) for h in hats)


def format_number(value: float, decimals: int = 0, lang: str | None = None) -> str:
    """``1,234.5`` in English, ``1 234,5`` (no-break spaces) in Russian."""
    lang = lang or current_language()
    text = f"{value:,.{decimals}f}"
    if lang == "ru":
        text = text.replace(",", "\u00a0").replace(".", ",")
    return text.replace("-", "−")


def format_exact(value: float, lang: str | None = None) -> str:
    """A number as it was read, every decimal kept: ``3,000``, ``1 234,567`` (SPEC §4).

    What the user typed is echoed this way, so they see how it was read (``3,000`` in Russian is
    ``3``). The text reads back to the same number in ``lang``; very large and very small numbers
    keep their exponent (``1.5e-07``).
    """
    lang = lang or current_language()
    text = repr(abs(float(value)))
    sign = "−" if value < 0 else ""
    if "e" in text or "n" in text:  # 1e-07, 1e+16 (and inf/nan, which the store refuses)
        return sign + (text.replace(".", ",") if lang == "ru" else text)
    whole, _, fraction = text.partition(".")  # repr is positional from 1e-4 to 1e16
    number = f"{int(whole):,}" + (f".{fraction}" if fraction.strip("0") else "")
    if lang == "ru":
        number = number.replace(",", "\u00a0").replace(".", ",")
    return sign + number


def format_amount(unit: str, value: float | None, lang: str | None = None) -> str:
    """A number of ``unit`` as tables show it (the unit is in the header): ``412,300``, ``—``."""
    if value is None:
        return _DASH
    return format_number(value, shown_decimals(unit, value), lang)


def format_value(kpi: Kpi, value: float | None, lang: str | None = None) -> str:
    """A KPI value as the tables show it (unit in the header): ``412,300``, ``12.5``, ``—``."""
    return format_amount(kpi.unit, value, lang)


def format_unit(
    unit: str, value: float | None, currency: str | None, lang: str | None = None, exact: bool = False
) -> str:
    """A number with its unit, for sentences: ``$1,297``, ``1 297 ₽``, ``12.5 %``.

    ``exact`` keeps every decimal (``format_exact``): for echoing what the user typed.
    """
    if value is None:
        return _DASH
    lang = lang or current_language()
    number = format_exact(value, lang) if exact else format_amount(unit, value, lang)
    if unit == "money":
        sign = currency_sign(currency, lang)
        return f"{sign}{number}" if lang == "en" and sign == "$" else f"{number}\u00a0{sign}"
    suffix = t(f"unit.{unit}", lang=lang)
    return f"{number}\u00a0{suffix}" if suffix else number


def format_with_unit(
    kpi: Kpi, value: float | None, currency: str | None, lang: str | None = None, exact: bool = False
) -> str:
    """A KPI value with its unit, for sentences: ``$1,297``, ``1 297 ₽``, ``12.5 %`` (see ``format_unit``)."""
    return format_unit(kpi.unit, value, currency, lang, exact)


def signed_deviation(gap: float | None, lang: str | None = None) -> str:
    """A deviation from a target as arithmetic reads it: ``+82 %``, ``−49 %``, ``+0.4 %``; "" for None."""
    if gap is None:
        return ""
    # As many decimals as it takes to show a gap that is not zero (a target missed by 0.05 % is
    # still missed: "+0.0 %" beside ✗ would contradict it).
    decimals = 0
    while decimals < 3 and gap != 0 and round(abs(gap), decimals) == 0:
        decimals += 1
    decimals = max(decimals, 0 if abs(gap) >= 1 or gap == 0 else 1)
    sign = "−" if gap < 0 else "+"
    return f"{sign}{format_number(abs(gap), decimals, lang)}\u00a0%"


def run_text(verdict: Verdict, lang: str | None = None) -> str:
    """How far a running period has run: ``3/7 d``; "" for a finished one."""
    if not verdict.partial:
        return ""
    return t("run.days", lang=lang or current_language(), elapsed=verdict.elapsed, days=verdict.days)


def verdict_text(kpi: Kpi, verdict: Verdict, stop: bool = False, lang: str | None = None, so_far: bool = True) -> str:
    """The status cell of a KPI table: ``✗ −49 %``, ``✓ +19 % → 5,334``, ``✗ +82 % so far``, ``STOP``.

    On pace, the projection follows the arrow: it is the figure the verdict compares with the
    target, so the digits beside the mark decide it. A partial ratio says it is so far, unless
    ``so_far`` is off (a table whose week column already says ``3/7 d``).
    """
    lang = lang or current_language()
    parts = []
    if verdict.status is not None:
        parts.append("✓" if verdict.status == "on" else "✗")
        parts.append(signed_deviation(verdict.deviation, lang))
    if verdict.basis == "pace" and verdict.projection is not None:
        parts.append("→ " + format_value(kpi, verdict.projection, lang))
    elif verdict.basis == "partial" and verdict.status is not None and so_far:
        parts.append(t("run.so_far", lang=lang))
    if stop:
        parts.append(t("ui.stop_marker", lang=lang))
    return " ".join(p for p in parts if p)
