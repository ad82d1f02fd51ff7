"""The command line (SPEC §4): argument parsing and exit codes; the work is done by services.

Errors reach stderr as one sentence (never a traceback): exit 2 for bad input, 1 for I/O
failures and for warnings found by ``check``. Textual is imported only to open the app. Every
message leaves through ``emit``, which removes what a terminal would obey (SPEC §5).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from mkhats.domain.safe_text import terminal_line, terminal_text
from mkhats.errors import MkhatsError
from mkhats.i18n import detect_language, set_language, t
from mkhats.i18n.argparse_words import parse_args


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, t("cli.usage_error", prog=self.prog, message=terminal_line(message)) + "\n")

    def _print_message(self, message: str, file: TextIO | None = None) -> None:
        # Help and usage quote the command line (an ``invalid choice: '…'``): made safe like the rest.
        super()._print_message(terminal_text(message) if message else message, file)


def _common(parser: argparse.ArgumentParser, top: bool = False) -> None:
    # A command's copy must not reset what was given before the command: ``--db X add …``.
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--db", default=default, help=t("cli.opt.db"))
    parser.add_argument("--lang", choices=("en", "ru"), default=default, help=t("cli.opt.lang"))
    parser.add_argument("--today", default=default, help=t("cli.opt.today"))


COMMANDS = ("demo", "add", "kpi", "assign", "wear", "verify", "import", "export", "restore", "report", "check")
QUICK = ("add", "kpi", "assign", "wear", "verify", "report", "check")
"""Commands that handle a few thousand records at most: they run with the cyclic GC off (SPEC §6)."""


class _Unused:
    """Stands in for the parser of a command not on the line: takes its options and drops them."""

    def add_argument(self, *args: object, **kwargs: object) -> None:
        pass

    def add_subparsers(self, **kwargs: object) -> _Unused:
        return self

    def add_parser(self, name: str, **kwargs: object) -> _Unused:
        return self


class _Subparsers:
    """Adds only the subparser a command line needs: building all twelve costs every command ~5 ms."""

    def __init__(self, sub: argparse._SubParsersAction, only: str | None) -> None:
        self._sub = sub
        self._only = only

    def add_parser(self, name: str, **kwargs) -> argparse.ArgumentParser:
        if self._only is None or name == self._only:
            return self._sub.add_parser(name, **kwargs)
        # Not even a throwaway ArgumentParser: each costs ~0.1 ms, its options as much again.
        return _Unused()  # type: ignore[return-value]


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """Every command of SPEC §4 with its options (or just ``only``'s, to start faster)."""
    parser = _Parser(prog="mkhats", description=t("cli.description"))
    _common(parser, top=True)
    sub = _Subparsers(parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser), only)

    p = sub.add_parser("demo", help=t("cli.demo.help"))
    p.add_argument("--weeks", type=int, default=12, help=t("cli.demo.weeks"))
    p.add_argument("--force", action="store_true", help=t("cli.demo.force"))
    _common(p)

    p = sub.add_parser("add", help=t("cli.add.help"))
    p.add_argument("kpi", metavar="HAT.KPI")
    p.add_argument("value", metavar="VALUE")
    p.add_argument("--date", help=t("cli.add.date"))
    p.add_argument("--note", default="", help=t("cli.add.note"))
    _common(p)

    p = sub.add_parser("kpi", help=t("cli.kpi.help"))
    kpi_sub = p.add_subparsers(dest="kpi_command", metavar="list|set", parser_class=_Parser, required=True)
    q = kpi_sub.add_parser("list", help=t("cli.kpi.list"))
    _common(q)
    q = kpi_sub.add_parser("set", help=t("cli.kpi.set"))
    q.add_argument("kpi", metavar="HAT.KPI")
    q.add_argument("--target", help=t("cli.kpi.target"))
    q.add_argument("--stop", help=t("cli.kpi.stop"))
    q.add_argument("--guard", help=t("cli.kpi.guard"))
    q.add_argument("--action", help=t("cli.kpi.action"))
    _common(q)

    p = sub.add_parser("assign", help=t("cli.assign.help"))
    p.add_argument("hat", metavar="HAT")
    p.add_argument("person", metavar="PERSON")
    p.add_argument("--kind", choices=("staff", "owner", "external"))
    _common(p)

    p = sub.add_parser("wear", help=t("cli.wear.help"))
    p.add_argument("hat", metavar="HAT", nargs="?")
    p.add_argument("--stop", action="store_true", help=t("cli.wear.stop"))
    _common(p)

    p = sub.add_parser("verify", help=t("cli.verify.help"))
    p.add_argument("hat_a", metavar="HAT_A")
    p.add_argument("hat_b", metavar="HAT_B")
    p.add_argument("--by", required=True, metavar="PERSON", help=t("cli.verify.by"))
    p.add_argument("--date", help=t("cli.verify.date"))
    p.add_argument("--note", default="", help=t("cli.verify.note"))
    p.add_argument("--problems", action="store_true", help=t("cli.verify.problems"))
    _common(p)

    p = sub.add_parser("import", help=t("cli.import.help"))
    p.add_argument("file", metavar="FILE.csv")
    p.add_argument("--dry-run", action="store_true", help=t("cli.import.dry_run"))
    _common(p)

    p = sub.add_parser("export", help=t("cli.export.help"))
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("--out", metavar="FILE", help=t("cli.export.out"))
    _common(p)

    p = sub.add_parser("restore", help=t("cli.restore.help"))
    p.add_argument("file", metavar="FILE.json")
    _common(p)

    p = sub.add_parser("report", help=t("cli.report.help"))
    p.add_argument("--week", metavar="YYYY-Www")
    p.add_argument("--out", metavar="FILE", help=t("cli.report.out"))
    _common(p)

    p = sub.add_parser("check", help=t("cli.check.help"))
    p.add_argument("--week", metavar="YYYY-Www")
    _common(p)
    return parser


def _argv_lang(argv: Sequence[str]) -> str | None:
    """``--lang`` read before parsing, so help and errors come in that language too."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def _command_of(argv: Sequence[str]) -> str | None:
    """The command named on the line (skipping the global options' values), if it is one of ours."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("--db", "--lang", "--today"):
            skip = True
        elif not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


_PLUGINS_OFF = ("__all__", "1", "true")  # the values pydantic reads as "no plugin at all"


def _skip_plugin_loader() -> None:
    """Keep pydantic from importing its plugin loader just to learn that plugins are off.

    The loader imports ``importlib.metadata`` (≈ 6 ms, SPEC §6) before it reads the variable. The
    stand-in answers "no plugins" while they are off and hands over to the real loader otherwise.
    """
    name = "pydantic.plugin._loader"
    if name in sys.modules:
        return
    import importlib
    import types

    stub = types.ModuleType(name)

    def real() -> types.ModuleType:
        if sys.modules.get(name) is stub:
            del sys.modules[name]
        return importlib.import_module(name)

    def get_plugins() -> object:
        if os.environ.get("PYDANTIC_DISABLE_PLUGINS") in _PLUGINS_OFF:
            return ()
        return real().get_plugins()

    def forward(attr: str) -> object:
        if attr.startswith("__"):  # the import system probing (``__path__``…): a plain module's answer
            raise AttributeError(attr)
        return getattr(real(), attr)

    stub.get_plugins = get_plugins  # type: ignore[attr-defined]
    stub.__getattr__ = forward  # type: ignore[method-assign]
    sys.modules[name] = stub


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code."""
    # mkhats uses no pydantic plugin; without this, the first model build scans every installed
    # distribution's entry points, a cost paid by every command (SPEC §6).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _skip_plugin_loader()
    # ``argv`` None: we are the process (console script, ``python -m``) and it ends when we return.
    own_process = argv is None
    argv = list(sys.argv[1:] if argv is None else argv)
    command = _command_of(argv)
    if own_process and command in QUICK:
        # Imports and validation allocate ~30,000 long-lived objects: the collector would walk them
        # ~100 times for no garbage worth it (≈ 8 ms of a ≈ 110 ms command).
        gc.disable()
    set_language(detect_language(_argv_lang(argv)))
    args = parse_args(lambda: build_parser(command), argv)  # argparse's own words in that language too
    from mkhats import commands

    try:
        return commands.run(args)
    except MkhatsError as error:
        for line in error.lines():  # a refused import lists its rows, each on one line
            commands.emit(line, sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (``| head``) went away: not an error of ours; keep Python from complaining.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    finally:
        if own_process and command is not None:
            # Interpreter shutdown collects every object left; frozen ones are skipped (≈ 15 ms).
            gc.freeze()


if __name__ == "__main__":
    sys.exit(main())
