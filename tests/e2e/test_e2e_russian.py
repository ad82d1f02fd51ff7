"""The command line in Russian end to end: the real ``mkhats`` on demo data written in Russian.

The report and the check speak Russian (headings, ``1 234,5`` numbers, ₽, Russian dates) with no
English word but the trade's acronyms; so does every refusal and every ``--help``. What is
allowed in English is the syntax the user types: commands, options, KPI and hat keys, the
categories ``check`` starts its lines with (SPEC §4), and whatever the user typed.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from mkhats.domain.defaults import ALL_HATS, default_kpis
from tests.e2e.conftest import CATEGORIES, Cli
from tests.e2e.test_e2e_refusals import REFUSALS

ACRONYMS = {"KPI", "CPL", "CPA", "ROMI", "ROAS", "CAC", "LTV", "CRM", "PM", "CMO", "PR", "CTR", "UTM", "SEO", "mkhats"}
COMMANDS = {
    "demo",
    "add",
    "kpi",
    "list",
    "set",
    "assign",
    "wear",
    "verify",
    "import",
    "profile",
    "show",
    "export",
    "restore",
    "report",
    "deck",
    "check",
    "plan",
    "goal",
    "ritual",
    "status",
}
CHOICES = {"en", "ru", "csv", "json", "staff", "owner", "external", "none"}
FORMATS = {"CSV", "JSON", "UTF", "TOML", "HTML", "Markdown", "MKHATS_DB", "MKHATS_LANG", "MKHATS_TODAY", "backups"}
KEYS = {*ALL_HATS, *(kpi.name for kpi in default_kpis())}  # typed in formulas, guards, ``hat.kpi``

_WORD = re.compile(r"[A-Za-z][A-Za-z_]{2,}")
_OPTION = re.compile(r"--?[A-Za-z][\w-]*")
_KEY = re.compile(r"\b[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*\b")  # hat.kpi
_PATH = re.compile(r"(?:/[\w.-]+)+")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def english_words(text: str, typed: tuple[str, ...] = ()) -> list[str]:
    """Latin words of three letters or more that are neither acronyms, syntax nor typed."""
    text = _PATH.sub(" ", _KEY.sub(" ", _OPTION.sub(" ", text)))
    allowed = {w.casefold() for w in ACRONYMS | COMMANDS | CHOICES | FORMATS | KEYS | set(CATEGORIES)}
    allowed |= {w.casefold() for arg in typed for w in _WORD.findall(arg)}
    return sorted({w for w in _WORD.findall(text) if w.casefold() not in allowed})


def bad_numbers(text: str) -> list[str]:
    """Numbers not written the Russian way: ``1,234`` / ``1.5`` / ``12800`` (years and weeks aside)."""
    text = re.sub(r"\d{4}-W\d{2}|\d{4}-\d{2}-\d{2}|\b(19|20)\d{2}\b", " ", text)
    return re.findall(r"\d[,.]\d{3}\b|\d\.\d|\b\d{5,}\b", text)


@pytest.fixture(scope="session")
def _ru_demo_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder as ``mkhats demo --lang ru`` fills it in Russian, made once per session."""
    template = Cli(tmp_path_factory.mktemp("ru-demo"))
    template.env = template.env_for(MKHATS_LANG="ru")
    template.ok("demo", "--lang", "ru")
    return template.folder


@pytest.fixture
def ru(cli: Cli, _ru_demo_files: Path) -> Cli:
    """``cli`` in Russian on 12 demo weeks written in Russian (a copy of the session's)."""
    cli.env = cli.env_for(MKHATS_LANG="ru")
    shutil.copytree(_ru_demo_files, cli.folder)
    return cli


def test_the_report_is_russian(ru):
    report = ru.ok("report", "--lang", "ru").out
    headings = [line for line in report.splitlines() if line.startswith("#")]
    assert headings[0] == "# Недельный отчёт 2026-W48"
    assert {"## Контент", "## Перформанс", "## CRM", "## CMO", "## Сводка директора по маркетингу"} <= set(headings)
    assert all(_CYRILLIC.search(h) or h.lstrip("# ") in ACRONYMS for h in headings), headings
    assert "23–29 нояб. 2026" in report
    assert "| KPI | Цель | Неделя 2/7 дн. | Пред. | Статус |" in report
    assert "₽" in report and "$" not in report
    assert re.search(r"\d\u00a0\d{3}\u00a0₽", report), "money reads 34 859 ₽"
    assert re.search(r"\d,\d\u00a0%", report), "decimals read 151,4 %"
    assert english_words(report) == []
    stop_rules = re.findall(r"[<>]=? [\d ,?]+", report)  # thresholds: see the test below
    assert bad_numbers(re.sub("|".join(map(re.escape, stop_rules)), " ", report)) == []


def test_stop_rule_thresholds_read_the_russian_way_too(ru):
    assert bad_numbers(ru.ok("report").out) == []


def test_the_check_is_russian(ru):
    result = ru.check()
    assert result.code == 1 and result.lines
    for line in result.lines:
        category, sentence = line.split(" ", 1)
        assert category in CATEGORIES
        assert _CYRILLIC.search(sentence), line
    assert english_words(result.out) == []
    assert "нояб." in result.out and "₽" in result.out


def test_kpi_list_is_russian(ru):
    out = ru.ok("kpi", "list").out
    assert out.splitlines()[0].split()[:3] == ["KPI", "Название", "Ед."]
    assert "вводимый (сумма по дням)" in out
    assert english_words(out) == []


@pytest.mark.parametrize(
    "argv",
    [pytest.param(c[1], id=c[0], marks=[]) for c in REFUSALS],
)
def test_every_refusal_is_russian(seeded, argv):
    message = seeded.refused(*argv, MKHATS_LANG="ru")
    assert _CYRILLIC.search(message), message
    assert english_words(message, tuple(argv)) == [], message


USAGE = [
    ["add"],
    ["kpi", "set", "x", "--bogus"],
    ["export", "--format", "xml"],
    ["demo", "--weeks", "x"],
    ["add", "x", "1", "--date"],
    ["add", "x", "1", "--d", "2"],
    ["demo", "--force=1"],
    ["kpi"],
]


@pytest.mark.parametrize("argv", USAGE, ids=[" ".join(a) for a in USAGE])
def test_argparse_speaks_russian(seeded, argv):
    message = seeded.refused("--lang", "ru", *argv)
    assert _CYRILLIC.search(message), message
    assert english_words(message, tuple(argv)) == [], message
    assert message.endswith("--help).")


def test_missing_arguments_name_them_in_russian(seeded):
    message = seeded.refused("--lang", "ru", "add")
    assert message == "mkhats add: не хватает обязательных аргументов: ШЛЯПА.KPI, ЗНАЧЕНИЕ (см. mkhats add --help)."


@pytest.mark.parametrize(
    "argv",
    [[], ["add"], ["kpi", "set"], ["verify"], ["import"], ["report"], ["deck"], ["plan", "set"], ["goal", "set"]],
)
def test_help_is_russian(seeded, argv):
    out = seeded.ok(*argv, "--help", MKHATS_LANG="ru").out
    assert out.startswith("Запуск: mkhats")
    assert "параметры:" in out and "показать эту справку и выйти" in out
    assert english_words(out, tuple(argv)) == [], out


def test_help_is_english_in_english(seeded):
    out = seeded.ok("add", "--help").out
    assert out.startswith("usage: mkhats add") and "HAT.KPI VALUE" in out and "options:" in out
