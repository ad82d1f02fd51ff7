"""Formula KPIs: a small safe arithmetic parser and evaluator (SPEC §1), never ``eval``.

A formula is numbers, KPI references, ``+ - * /``, unary minus and parentheses. A reference is a
bare name (``spend``: a KPI of the formula's own hat) or a full key (``crm.ltv``). Parsing is a
tokenizer plus recursive descent into a frozen AST, cached because the same few formulas are
evaluated for every day and week on screen. Evaluation never raises for data: a missing operand,
a division by zero or a non-finite result gives ``None`` ("no value").
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

from mkhats.domain.light_dataclass import light_dataclass
from mkhats.errors import InputError, Message

if TYPE_CHECKING:
    from mkhats.domain.models import Kpi

# The Kpi model caps a formula at 300 characters; the parser enforces it too, so the left-deep
# trees of long ``a + b + ...`` chains and nested parentheses stay far from the recursion limit.
MAX_LENGTH = 300
MAX_DEPTH = 40

# A decimal comma is accepted as well as a point: commas have no other meaning in a formula and
# Russian users type ``0,5``.
_TOKEN = re.compile(
    r"(?P<num>[0-9]+(?:[.,][0-9]+)?|\.[0-9]+)"
    r"|(?P<name>[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)?)"
    r"|(?P<op>[-+*/()])",
    re.ASCII,
)
# Typographic signs pasted from documents mean the same operators.
# KPI names are lower case; ASCII-only lowering keeps every character where it was typed, so
# error positions stay right.
_SIGNS = str.maketrans(
    {"\u2212": "-", "\u2013": "-", "\u00d7": "*", "\u00f7": "/", "\u2215": "/"}
    | {chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)}
)


@light_dataclass(frozen=True)
class Number:
    """A numeric literal."""

    __slots__ = ("value",)
    value: float


@light_dataclass(frozen=True)
class Ref:
    """A KPI reference as written: ``spend`` or ``crm.ltv``."""

    __slots__ = ("name",)
    name: str

    def key(self, hat: str) -> str:
        """The full KPI key this reference means inside a formula of ``hat``."""
        return self.name if "." in self.name else f"{hat}.{self.name}"


@light_dataclass(frozen=True)
class Neg:
    """Unary minus."""

    __slots__ = ("operand",)
    operand: Node


@light_dataclass(frozen=True)
class BinOp:
    """``left op right`` with ``op`` one of ``+ - * /``."""

    __slots__ = ("left", "op", "right")
    op: str
    left: Node
    right: Node


Node = Number | Ref | Neg | BinOp


@light_dataclass(frozen=True)
class Formula:
    """A parsed formula: its text, its tree and the references as written."""

    __slots__ = ("refs", "root", "text")
    text: str
    root: Node
    refs: frozenset[str]


@light_dataclass(frozen=True)
class _Token:
    __slots__ = ("kind", "pos", "text")
    kind: str  # "num", "name", "op" or "end"
    text: str
    pos: int  # 1-based, as people count characters


def _syntax_error(text: str, pos: int, detail_key: str, **params: object) -> InputError:
    # The detail is a message of its own, rendered with the sentence in the language it is shown in.
    # ``reason`` keeps the detail's key for code that wants to tell the cases apart.
    return InputError("formula.syntax", formula=text, pos=pos, reason=detail_key, detail=Message(detail_key, params))


def _found(token: _Token) -> str | Message:
    return Message("formula.found.end") if token.kind == "end" else f"“{token.text}”"


def _tokenize(text: str) -> list[_Token]:
    source = text.translate(_SIGNS)
    tokens: list[_Token] = []
    i = 0
    while i < len(source):
        if source[i].isspace():
            i += 1
            continue
        match = _TOKEN.match(source, i)
        if match is None:
            raise _syntax_error(text, i + 1, "formula.detail.char", found=source[i])
        kind = match.lastgroup or "op"
        tokens.append(_Token(kind, match.group(), i + 1))
        i = match.end()
    tokens.append(_Token("end", "", len(source) + 1))
    return tokens


class _Parser:
    """Recursive descent, one method per grammar rule.

    expr := term (("+" | "-") term)*; term := unary (("*" | "/") unary)*;
    unary := "-" unary | primary; primary := number | name | "(" expr ")".
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokenize(text)
        self.i = 0
        self.depth = 0
        self.refs: set[str] = set()

    def peek(self) -> _Token:
        return self.tokens[self.i]

    def take(self) -> _Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def parse(self) -> Node:
        if self.peek().kind == "end":
            raise _syntax_error(self.text, 1, "formula.detail.empty")
        node = self.expr()
        token = self.peek()
        if token.kind != "end":
            key = "formula.detail.close_extra" if token.text == ")" else "formula.detail.operator"
            raise _syntax_error(self.text, token.pos, key, found=_found(token))
        return node

    def expr(self) -> Node:
        node = self.term()
        while self.peek().text in ("+", "-") and self.peek().kind == "op":
            op = self.take().text
            node = BinOp(op, node, self.term())
        return node

    def term(self) -> Node:
        node = self.unary()
        while self.peek().text in ("*", "/") and self.peek().kind == "op":
            op = self.take().text
            node = BinOp(op, node, self.unary())
        return node

    def unary(self) -> Node:
        token = self.peek()
        if token.kind == "op" and token.text == "-":
            self.take()
            self.enter(token)
            node: Node = Neg(self.unary())
            self.depth -= 1
            return node
        return self.primary()

    def primary(self) -> Node:
        token = self.take()
        if token.kind == "num":
            # Always finite: MAX_LENGTH keeps literals far below 1e308.
            return Number(float(token.text.replace(",", ".")))
        if token.kind == "name":
            self.refs.add(token.text)
            return Ref(token.text)
        if token.kind == "op" and token.text == "(":
            self.enter(token)
            node = self.expr()
            close = self.peek()
            if not (close.kind == "op" and close.text == ")"):
                raise _syntax_error(self.text, close.pos, "formula.detail.close", found=_found(close))
            self.take()
            self.depth -= 1
            return node
        raise _syntax_error(self.text, token.pos, "formula.detail.operand", found=_found(token))

    def enter(self, token: _Token) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _syntax_error(self.text, token.pos, "formula.detail.depth", limit=MAX_DEPTH)


@lru_cache(maxsize=512)
def parse_formula(text: str) -> Formula:
    """Parse a formula such as ``spend / leads`` or ``(revenue - spend) / spend * 100``.

    Args:
        text: The formula as typed; whitespace is free, ``0,5`` is read as ``0.5``.

    Returns:
        The parsed, immutable formula (cached: the same text returns the same object).

    Raises:
        InputError: ``formula.syntax`` naming the formula, the 1-based position and what was
            expected there.
    """
    if len(text) > MAX_LENGTH:
        raise _syntax_error(text, MAX_LENGTH + 1, "formula.detail.length", limit=MAX_LENGTH)
    parser = _Parser(text)
    root = parser.parse()
    return Formula(text, root, frozenset(parser.refs))


def _as_formula(formula: Formula | str) -> Formula:
    return formula if isinstance(formula, Formula) else parse_formula(formula)


def formula_refs(formula: Formula | str, hat: str) -> frozenset[str]:
    """The full KPI keys a formula of ``hat`` refers to (``spend`` → ``performance.spend``).

    Args:
        formula: A parsed formula, or its text.
        hat: The hat of the KPI the formula belongs to; bare names resolve to it.
    """
    parsed = _as_formula(formula)
    return frozenset(name if "." in name else f"{hat}.{name}" for name in parsed.refs)


def _finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


def _evaluate(node: Node, hat: str, values: Mapping[str, float | None]) -> float | None:
    if isinstance(node, Number):
        return node.value
    if isinstance(node, Ref):
        value = values.get(node.key(hat))
        # Stored data is finite, but a caller's mapping might not be: treat it as missing.
        return _finite(float(value)) if value is not None else None
    if isinstance(node, Neg):
        operand = _evaluate(node.operand, hat, values)
        return None if operand is None else -operand
    left = _evaluate(node.left, hat, values)
    if left is None:
        return None
    right = _evaluate(node.right, hat, values)
    if right is None:
        return None
    if node.op == "+":
        result = left + right
    elif node.op == "-":
        result = left - right
    elif node.op == "*":
        result = left * right
    elif right == 0:
        return None
    else:
        result = left / right
    # Overflow gives inf (and inf - inf gives nan): stop at the first non-finite step.
    return _finite(result)


def evaluate_formula(formula: Formula | str, hat: str, values: Mapping[str, float | None]) -> float | None:
    """The value of a formula of ``hat`` given its operands' values.

    Args:
        formula: A parsed formula, or its text (a bad text raises ``formula.syntax``).
        hat: The hat bare names resolve to.
        values: Operand values by full KPI key; an absent key or ``None`` means "no value".

    Returns:
        The finite result, or ``None`` when an operand is missing, a divisor is zero or the
        result would be infinite or NaN. Never raises for data.
    """
    return _evaluate(_as_formula(formula).root, hat, values)


def check_formulas(kpis: Mapping[str, Kpi]) -> None:
    """Check that every formula KPI parses, refers to existing KPIs and is not part of a cycle.

    Args:
        kpis: Every KPI by full key (formula and measured, retired included).

    Raises:
        InputError: ``formula.syntax``; ``formula.unknown_kpi`` naming the KPI and the reference;
            ``formula.cycle`` naming the cycle path (``a.x → a.y → a.x``; a self-reference is a
            cycle of one).
    """
    from mkhats.domain.kpi_names import named  # models import this module: named once loaded

    graph: dict[str, list[str]] = {}
    for key in sorted(kpis):
        kpi = kpis[key]
        if kpi.formula is None:
            continue
        refs = sorted(formula_refs(parse_formula(kpi.formula), kpi.hat))
        for ref in refs:
            if ref not in kpis:
                raise InputError("formula.unknown_kpi", kpi=named(kpi), ref=ref, formula=kpi.formula)
        graph[key] = [ref for ref in refs if kpis[ref].formula is not None]

    done: set[str] = set()
    path: list[str] = []

    def visit(key: str) -> None:
        if key in done:
            return
        if key in path:
            cycle = path[path.index(key) :] + [key]
            raise InputError("formula.cycle", kpi=named(kpis[cycle[0]]), path=" → ".join(cycle))
        path.append(key)
        for ref in graph.get(key, ()):
            visit(ref)
        path.pop()
        done.add(key)

    for key in graph:
        visit(key)
