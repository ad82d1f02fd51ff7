"""argparse's own words from the catalogue (``mkhats.i18n.argparse_words``)."""

from __future__ import annotations

import argparse
import inspect
import re

import pytest

from mkhats.i18n import set_language
from mkhats.i18n.argparse_words import parse_args
from mkhats.i18n.en import MESSAGES as EN
from mkhats.i18n.ru import MESSAGES as RU

KEYS = sorted(k for k in EN if k.startswith("argparse.") and not k.startswith("argparse.metavar."))

# argparse's msgids that only a programming error shows (or that mkhats's own ``error`` replaces).
DEVELOPER_ONLY = {
    "conflicting subparser: %s",
    "conflicting subparser alias: %s",
    'argument "-" with mode %r',
    "cannot merge actions - two groups are named %r",
    "'required' is an invalid argument for positionals",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "dest= is required for options like %r",
    "invalid conflict_resolution value: %r",
    "conflicting option string: %s",
    "mutually exclusive arguments must be optional",
    "cannot have multiple subparser arguments",
    "subcommands",
    "%r is not callable",
    "%(prog)s: error: %(message)s\n",
    ".__call__() not defined",
}


def _argparse_msgids() -> set[str]:
    """Every literal argparse passes to ``_`` or ``ngettext`` (the singular), in this Python."""
    source = inspect.getsource(argparse)
    ids = set()
    for call in re.finditer(r"\b(?:_|ngettext)\(\s*((?:'[^']*'\s*|\"[^\"]*\"\s*)+)", source):
        parts = re.findall(r"'([^']*)'|\"([^\"]*)\"", call.group(1))
        ids.add("".join(a or b for a, b in parts).encode().decode("unicode_escape"))
    return ids


def _msgid(key: str) -> str:
    message = EN[key]
    return message["one"] if isinstance(message, dict) else message


def test_every_english_text_is_an_argparse_msgid_verbatim() -> None:
    unknown = [key for key in KEYS if _msgid(key) not in _argparse_msgids()]
    assert unknown == [], "these would never be looked up: argparse does not write them"


def test_every_message_argparse_shows_a_user_is_in_the_catalogue() -> None:
    ours = {_msgid(key) for key in KEYS}
    missing = sorted(_argparse_msgids() - ours - DEVELOPER_ONLY)
    assert missing == [], "argparse shows these in English: add them to en/cli_args.py and ru/cli_args.py"


def _fields(text: str) -> tuple[set[str], int]:
    named = set(re.findall(r"%\((\w+)\)[sr]", text))
    return named, len(re.findall(r"%[sr]", text))


@pytest.mark.parametrize("key", KEYS)
def test_russian_takes_what_argparse_gives(key: str) -> None:
    for en, ru in zip(*(m.values() if isinstance(m, dict) else [m] for m in (EN[key], RU[key])), strict=False):
        (en_named, en_positional), (ru_named, ru_positional) = _fields(en), _fields(ru)
        assert ru_named <= en_named and ru_positional == en_positional, (en, ru)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mkhats", exit_on_error=True)
    parser.add_argument("kpi", metavar="HAT.KPI")
    parser.add_argument("--date")
    parser.add_argument("--pair", nargs=2)
    parser.add_argument("--weeks", type=int)
    return parser


def _error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit):
        parse_args(_parser, argv)
    return capsys.readouterr().err


def test_russian_errors_and_placeholders(capsys: pytest.CaptureFixture[str]) -> None:
    set_language("ru")
    assert "не хватает обязательных аргументов: ШЛЯПА.KPI" in _error([], capsys)
    assert "лишние аргументы: --bogus" in _error(["x", "--bogus"], capsys)
    assert "--weeks: 'x' — не число" in _error(["x", "--weeks", "x"], capsys)
    assert "--pair: нужно 2 значения" in _error(["x", "--pair", "a"], capsys)
    assert "--date: после параметра нужно значение" in _error(["x", "--date"], capsys)
    assert _error([], capsys).startswith("Запуск: mkhats [-h] [--date ДАТА]")


def test_russian_help(capsys: pytest.CaptureFixture[str]) -> None:
    set_language("ru")
    with pytest.raises(SystemExit):
        parse_args(_parser, ["--help"])
    out = capsys.readouterr().out
    assert "аргументы:\n  ШЛЯПА.KPI" in out
    assert "параметры:\n  -h, --help" in out and "показать эту справку и выйти" in out


def test_english_is_argparse_as_it_is(capsys: pytest.CaptureFixture[str]) -> None:
    message = _error([], capsys)
    assert message.startswith("usage: mkhats [-h] [--date DATE]")
    assert "the following arguments are required: HAT.KPI" in message


def test_argparse_is_left_as_it_was(capsys: pytest.CaptureFixture[str]) -> None:
    before = argparse._, argparse.ngettext
    set_language("ru")
    _error([], capsys)
    assert parse_args(_parser, ["x"]).kpi == "x"
    assert (argparse._, argparse.ngettext) == before
    set_language("en")
    assert argparse.ArgumentParser(prog="p").format_usage() == "usage: p [-h]\n"


def test_an_unknown_msgid_stays_english(capsys: pytest.CaptureFixture[str]) -> None:
    set_language("ru")

    def build() -> argparse.ArgumentParser:
        parser = _parser()
        parser.add_argument("--x", help=argparse._("some text argparse never wrote"))
        return parser

    with pytest.raises(SystemExit):
        parse_args(build, ["--help"])
    assert "some text argparse never wrote" in capsys.readouterr().out
