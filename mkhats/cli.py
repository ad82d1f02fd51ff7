"""The command line (SPEC §4): argument parsing and exit codes; the work is done by services.

Errors reach stderr as one sentence (never a traceback): exit 2 for bad input, 1 for I/O
failures and for warnings found by ``check``. Textual is imported only to open the app; what makes
a command start sooner lives in ``startup.py``. Every message leaves through ``commands.emit``,
which removes what a terminal would obey (SPEC §5).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from mkhats.domain.safe_text import terminal_line, terminal_text
from mkhats.errors import MkhatsError
from mkhats.i18n import detect_language, set_language, t
from mkhats.i18n.argparse_words import parse_args
from mkhats.startup import OnlySubparser, collect_less, quick_exit, skip_plugin_loader

if TYPE_CHECKING:
    from _typeshed import SupportsWrite


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, t("cli.usage_error", prog=self.prog, message=terminal_line(message)) + "\n")

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # Help and usage quote the command line (an ``invalid choice: '…'``): made safe like the rest.
        super()._print_message(terminal_text(message) if message else message, file)


def _common(parser: argparse.ArgumentParser, top: bool = False) -> None:
    # A command's copy must not reset what was given before the command: ``--db X add …``.
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--db", default=default, help=t("cli.opt.db"))
    parser.add_argument("--lang", choices=("en", "ru"), default=default, help=t("cli.opt.lang"))
    parser.add_argument("--today", default=default, help=t("cli.opt.today"))


COMMANDS = (
    "demo",
    "add",
    "kpi",
    "assign",
    "wear",
    "verify",
    "import",
    "profile",
    "export",
    "restore",
    "report",
    "deck",
    "check",
    "plan",
    "goal",
    "ritual",
)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """Every command of SPEC §4 with its options (or just ``only``'s, to start faster)."""
    parser = _Parser(prog="mkhats", description=t("cli.description"))
    _common(parser, top=True)
    sub = OnlySubparser(parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser), only)

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
    p.add_argument("file", metavar="FILE")
    p.add_argument("--profile", metavar="NAME|FILE.toml", help=t("cli.import.profile"))
    p.add_argument("--dry-run", action="store_true", help=t("cli.import.dry_run"))
    p.add_argument("--rate", metavar="N", help=t("cli.import.rate"))
    _common(p)

    p = sub.add_parser("profile", help=t("cli.profile.help"))
    profile_sub = p.add_subparsers(dest="profile_command", metavar="list|show", parser_class=_Parser, required=True)
    q = profile_sub.add_parser("list", help=t("cli.profile.list"))
    _common(q)
    q = profile_sub.add_parser("show", help=t("cli.profile.show"))
    q.add_argument("name", metavar="NAME")
    _common(q)

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

    p = sub.add_parser("deck", help=t("cli.deck.help"))
    p.add_argument("--week", metavar="YYYY-Www")
    p.add_argument("--out", metavar="FILE.html", help=t("cli.deck.out"))
    _common(p)

    p = sub.add_parser("check", help=t("cli.check.help"))
    p.add_argument("--week", metavar="YYYY-Www")
    _common(p)

    p = sub.add_parser("plan", help=t("cli.plan.help"))
    plan_sub = p.add_subparsers(dest="plan_command", metavar="set|show", parser_class=_Parser, required=True)
    q = plan_sub.add_parser("set", help=t("cli.plan.set"))
    q.add_argument("hat", metavar="HAT")
    q.add_argument("month", metavar="YYYY-MM")
    q.add_argument("--budget", required=True, metavar="N", help=t("cli.plan.budget"))
    q.add_argument("--leads", metavar="N", help=t("cli.plan.leads"))
    q.add_argument("--tolerance", metavar="P", help=t("cli.plan.tolerance"))
    _common(q)
    q = plan_sub.add_parser("show", help=t("cli.plan.show"))
    q.add_argument("--quarter", metavar="YYYY-Qn", help=t("cli.plan.quarter"))
    _common(q)

    p = sub.add_parser("goal", help=t("cli.goal.help"))
    goal_sub = p.add_subparsers(dest="goal_command", metavar="set|show", parser_class=_Parser, required=True)
    q = goal_sub.add_parser("set", help=t("cli.goal.set"))
    q.add_argument("kpi", metavar="HAT.KPI")
    q.add_argument("quarter", metavar="YYYY-Qn")
    q.add_argument("value", metavar="VALUE")
    q.add_argument("--accept", action="store_true", help=t("cli.goal.accept"))
    _common(q)
    q = goal_sub.add_parser("show", help=t("cli.goal.show"))
    q.add_argument("--quarter", metavar="YYYY-Qn", help=t("cli.goal.quarter"))
    _common(q)

    p = sub.add_parser("ritual", help=t("cli.ritual.help"))
    ritual_sub = p.add_subparsers(dest="ritual_command", metavar="status", parser_class=_Parser, required=True)
    q = ritual_sub.add_parser("status", help=t("cli.ritual.status"))
    q.add_argument("--week", metavar="YYYY-Www")
    q.add_argument("--friday", action="store_true", help=t("cli.ritual.friday"))
    _common(q)
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code."""
    skip_plugin_loader()
    # ``argv`` None: we are the process (console script, ``python -m``) and it ends when we return.
    own_process = argv is None
    argv = list(sys.argv[1:] if argv is None else argv)
    command = _command_of(argv)
    if own_process:
        collect_less(command)
    set_language(detect_language(_argv_lang(argv)))
    args = parse_args(lambda: build_parser(command), argv)  # argparse's own words in that language too
    try:
        from mkhats import commands

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
            quick_exit()


if __name__ == "__main__":
    sys.exit(main())
