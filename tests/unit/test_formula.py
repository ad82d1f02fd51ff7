"""Formula KPIs: parsing, references, evaluation and the cycle/unknown-reference checks."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkhats.domain.formula import (
    BinOp,
    Neg,
    Number,
    Ref,
    check_formulas,
    evaluate_formula,
    formula_refs,
    parse_formula,
)
from mkhats.domain.models import Kpi
from mkhats.errors import InputError
from mkhats.i18n import t

VALUES = {
    "h.a": 2.0,
    "h.b": 3.0,
    "h.c": 4.0,
    "h.zero": 0.0,
    "h.none": None,
    "crm.ltv": 12000.0,
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1", 1.0),
        ("0.5", 0.5),
        ("0,5", 0.5),
        (".5", 0.5),
        ("a + b * c", 14.0),
        ("(a + b) * c", 20.0),
        ("a * b + c", 10.0),
        ("c - b - a", -1.0),  # left-associative
        ("c / a / a", 1.0),
        ("c - (b - a)", 3.0),
        ("-a", -2.0),
        ("-a * b", -6.0),
        ("- -a", 2.0),
        ("a - -b", 5.0),
        ("-(a + b) * 2", -10.0),
        ("((a))", 2.0),
        ("a*b", 6.0),
        ("  a   +\tb  ", 5.0),
        ("A + B", 5.0),  # names are lower case; capitals typed by habit are accepted
        ("a − b", -1.0),  # typographic minus pasted from a document
        ("crm.ltv / c", 3000.0),
        ("h.a + b", 5.0),  # a full key of the same hat
        ("(a - b) / b * 100", pytest.approx(-33.3333333333)),
    ],
)
def test_evaluate(text: str, expected: float) -> None:
    assert evaluate_formula(parse_formula(text), "h", VALUES) == expected


@pytest.mark.parametrize(
    "text",
    [
        "a / zero",  # division by zero
        "a / (b - b)",
        "a + none",  # operand present but without a value
        "a + missing",  # operand absent from the mapping
        "none / zero",
        "other.kpi * 2",
        "-none",
    ],
)
def test_evaluate_no_value(text: str) -> None:
    assert evaluate_formula(text, "h", VALUES) is None


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("a * a", {"h.a": 1e200}),  # overflow to inf
        ("a * a - a * a", {"h.a": 1e200}),  # inf - inf = nan
        ("a + 1", {"h.a": math.inf}),  # a non-finite operand counts as missing
        ("a + 1", {"h.a": math.nan}),
    ],
)
def test_evaluate_non_finite_gives_none(text: str, values: dict[str, float]) -> None:
    assert evaluate_formula(text, "h", values) is None


def test_zero_numerator_is_a_value() -> None:
    assert evaluate_formula("zero / a", "h", VALUES) == 0.0


@pytest.mark.parametrize(
    ("text", "tree"),
    [
        ("1 + 2 * 3", BinOp("+", Number(1.0), BinOp("*", Number(2.0), Number(3.0)))),
        ("-x", Neg(Ref("x"))),
        ("crm.ltv", Ref("crm.ltv")),
    ],
)
def test_tree(text: str, tree: object) -> None:
    assert parse_formula(text).root == tree


def test_parse_is_cached() -> None:
    assert parse_formula("spend / leads") is parse_formula("spend / leads")


@pytest.mark.parametrize(
    ("text", "hat", "refs"),
    [
        ("spend / leads", "performance", {"performance.spend", "performance.leads"}),
        ("crm.ltv / cac", "cmo", {"crm.ltv", "cmo.cac"}),
        ("spend + spend * 2", "p", {"p.spend"}),
        ("100", "p", set()),
    ],
)
def test_formula_refs(text: str, hat: str, refs: set[str]) -> None:
    assert formula_refs(parse_formula(text), hat) == frozenset(refs)
    assert formula_refs(text, hat) == frozenset(refs)


@pytest.mark.parametrize(
    ("text", "pos", "detail_key"),
    [
        ("", 1, "formula.detail.empty"),
        ("   ", 1, "formula.detail.empty"),
        ("2 +", 4, "formula.detail.operand"),
        ("* 2", 1, "formula.detail.operand"),
        ("()", 2, "formula.detail.operand"),
        ("(1 + 2", 7, "formula.detail.close"),
        ("1 + 2)", 6, "formula.detail.close_extra"),
        ("spend leads", 7, "formula.detail.operator"),
        ("2spend", 2, "formula.detail.operator"),
        ("1 # 2", 3, "formula.detail.char"),
        ("a.b.c", 4, "formula.detail.char"),
        ("1.", 2, "formula.detail.char"),
        ("1" * 400, 301, "formula.detail.length"),
        ("9" * 310, 301, "formula.detail.length"),
        ("(" * 60 + "1" + ")" * 60, 41, "formula.detail.depth"),
        ("-" * 60 + "1", 41, "formula.detail.depth"),
    ],
)
def test_syntax_errors(text: str, pos: int, detail_key: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_formula(text)
    error = caught.value
    assert error.key == "formula.syntax"
    assert error.params["formula"] == text
    assert error.params["pos"] == pos
    assert error.params["reason"] == detail_key
    assert str(pos) in error.render()


def test_longest_number_literal_is_finite() -> None:
    assert evaluate_formula("9" * 300, "h", {}) == float("9" * 300)


def test_syntax_error_renders_in_russian() -> None:
    with pytest.raises(InputError) as caught:
        parse_formula("spend /")
    assert "символ" in t(caught.value.key, lang="ru", **caught.value.params)


def kpi(key: str, formula: str | None = None) -> Kpi:
    return Kpi(key=key, formula=formula)


def catalogue(*items: tuple[str, str | None]) -> dict[str, Kpi]:
    return {key: kpi(key, formula) for key, formula in items}


def test_check_formulas_accepts_the_defaults_shape() -> None:
    check_formulas(
        catalogue(
            ("performance.spend", None),
            ("performance.leads", None),
            ("performance.cpl", "spend / leads"),
            ("crm.ltv", None),
            ("cmo.marketing_spend", None),
            ("cmo.new_customers", None),
            ("cmo.cac", "marketing_spend / new_customers"),
            ("cmo.ltv_cac", "crm.ltv / cac"),  # a formula over a formula, across hats
        )
    )


@pytest.mark.parametrize(
    ("items", "kpi_key", "ref"),
    [
        ((("p.cpl", "spend / leads"), ("p.spend", None)), "p.cpl", "p.leads"),
        ((("cmo.x", "crm.ltv * 2"),), "cmo.x", "crm.ltv"),
        ((("cmo.x", "ltv"), ("crm.ltv", None)), "cmo.x", "cmo.ltv"),  # bare name = same hat
    ],
)
def test_check_formulas_unknown_kpi(items: tuple[tuple[str, str | None], ...], kpi_key: str, ref: str) -> None:
    with pytest.raises(InputError) as caught:
        check_formulas(catalogue(*items))
    assert caught.value.key == "formula.unknown_kpi"
    # The KPI by its title (its name here, having none in the catalogue), not its key.
    assert str(caught.value.params["kpi"]) == kpi_key.split(".")[1].capitalize()
    assert caught.value.params["ref"] == ref
    assert ref in caught.value.render()


@pytest.mark.parametrize(
    ("items", "path"),
    [
        ((("a.x", "x + 1"),), "a.x → a.x"),
        ((("a.x", "y * 2"), ("a.y", "x / 2")), "a.x → a.y → a.x"),
        ((("a.x", "y"), ("a.y", "b.z"), ("b.z", "a.x + 1")), "a.x → a.y → b.z → a.x"),
        # the cycle is named from where it starts, not from the KPI that led into it
        ((("a.p", "q"), ("a.q", "r"), ("a.r", "q")), "a.q → a.r → a.q"),
    ],
)
def test_check_formulas_cycles(items: tuple[tuple[str, str | None], ...], path: str) -> None:
    with pytest.raises(InputError) as caught:
        check_formulas(catalogue(*items))
    assert caught.value.key == "formula.cycle"
    assert caught.value.params["path"] == path
    assert path in caught.value.render()


def test_check_formulas_reports_syntax() -> None:
    with pytest.raises(InputError) as caught:
        check_formulas(catalogue(("a.x", "1 +")))
    assert caught.value.key == "formula.syntax"


def test_diamond_is_not_a_cycle() -> None:
    check_formulas(catalogue(("a.m", None), ("a.l", "m * 2"), ("a.r", "m + 1"), ("a.top", "l / r")))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab.c_1209 +-*/()×−,#Zя\t"), max_size=40) | st.text())
def test_parser_only_raises_input_error(text: str) -> None:
    try:
        parsed = parse_formula(text)
    except InputError as error:
        assert error.key == "formula.syntax"
        error.render()
    else:
        evaluate_formula(parsed, "h", {})


_names = st.sampled_from(["a", "b", "zero", "none", "h.a", "crm.ltv", "missing"])
_numbers = st.integers(0, 10**6).map(str) | st.sampled_from(["0", "0.5", "0,25"])


def _expressions() -> st.SearchStrategy[str]:
    leaves = _names | _numbers
    return st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.tuples(inner, st.sampled_from(["+", "-", "*", "/"]), inner).map(" ".join),
            inner.map(lambda text: f"-{text}"),
            inner.map(lambda text: f"({text})"),
        ),
        max_leaves=12,
    )


_values = st.one_of(
    st.none(),
    st.sampled_from([0.0, -0.0, 1e308, -1e308, 5e-324]),
    st.floats(allow_nan=True, allow_infinity=True),
)


@settings(max_examples=300, deadline=None)
@given(
    _expressions(),
    st.dictionaries(st.sampled_from(["h.a", "h.b", "h.zero", "crm.ltv"]), _values),
)
def test_evaluate_never_raises_nor_returns_non_finite(text: str, values: dict[str, float | None]) -> None:
    try:
        parsed = parse_formula(text)
    except InputError:
        return  # generated nesting may pass the depth limit
    result = evaluate_formula(parsed, "h", values)
    assert result is None or math.isfinite(result)
