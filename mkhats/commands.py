"""What each CLI command does with its parsed arguments: call a service, print the outcome."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TextIO

from mkhats.domain.models import Kpi
from mkhats.domain.safe_text import terminal_line, terminal_text
from mkhats.domain.stoprules import format_guard
from mkhats.domain.weeks import parse_day, parse_week
from mkhats.errors import InputError, StoreError
from mkhats.i18n import set_language, t
from mkhats.locations import db_path, now_on, resolve_today
from mkhats.present.alerts import alert_sentence
from mkhats.present.labels import (
    action_text,
    condition_text,
    format_day,
    format_exact,
    format_value,
    format_with_unit,
    hat_name,
    kpi_title,
    pair_name,
    person_name,
)
from mkhats.services.workspace import Workspace


def emit(text: str = "", stream: TextIO | None = None, lines: bool = False) -> None:
    """Print one message: the only way text reaches the user's terminal from the CLI.

    Names, notes and titles are data (SPEC §5): escape sequences, control characters and bidi
    overrides are removed. A message is one line (a newline in a name cannot forge another) unless
    ``lines`` says it is a block whose lines were made safe one by one.
    """
    print(terminal_text(text) if lines else terminal_line(text), file=stream or sys.stdout)


def _out(text: str = "", lines: bool = False) -> None:
    """One message (``lines``: a block whose lines were each made one line, such as a table)."""
    emit(text, lines=lines)


def _workspace(args: argparse.Namespace) -> Workspace:
    ws = Workspace(db_path(args.db), resolve_today(args.today))
    ws.now = now_on(ws.today)  # a hat worn right now counts its minutes, not the rest of the day
    return ws


def _write_out(ws: Workspace, path: str | None, text: str, data: bool = False) -> None:
    """``text`` to ``path``, or to stdout without one.

    A document (``data`` False: the report) reaches stdout without control characters; data
    (``data``: a CSV export) stays byte for byte what a file would hold, unless stdout is a terminal.
    """
    from mkhats.services.output import check_out_path, write_out_file

    if not path:
        sys.stdout.write(_screened(text, data, sys.stdout))
        return
    if os.path.exists(path) and not os.path.isfile(path):
        check_out_path(ws, path)
        _write_stream(path, text, data)  # /dev/stdout, a pipe: there is no file to replace
    else:
        write_out_file(ws, path, text)
    _out(t("cli.written", file=path))


def _screened(text: str, data: bool, stream: TextIO) -> str:
    return text if data and not stream.isatty() else terminal_text(text)


def _write_stream(path: str, text: str, data: bool = False) -> None:
    from mkhats.services.output import os_reason_text

    try:
        with open(path, "w", encoding="utf-8") as stream:
            stream.write(_screened(text, data, stream))
    except OSError as exc:
        raise StoreError("cli.cannot_write", file=path, reason=os_reason_text(exc)) from None


def _day_option(text: str | None, today: date, option: str = "--date") -> date:
    """A date option (default ``today``); a refusal names the option."""
    if not text:
        return today
    try:
        return parse_day(text)
    except InputError as error:
        raise InputError("cli.option_error", option=option, message=error.render()) from None


def cmd_add(args: argparse.Namespace, ws: Workspace) -> int:
    from mkhats.services.values import add_value

    added = add_value(ws, args.kpi, args.value, _day_option(args.date, ws.today), args.note)
    # Every decimal, in the language's format: the user sees how the number was read (SPEC §4).
    value = format_with_unit(added.kpi, added.value, added.currency, exact=True)
    _out(t("cli.added", kpi=added.kpi.key, value=value, day=format_day(added.day)))
    if added.day > ws.today:  # taken as typed (any date to 2100), but a slip of a digit is said
        n = (added.day - ws.today).days
        _out(t("forms2.ahead.cli", day=format_day(added.day), n=n, count=n))
    for alert in added.alerts:
        _out(alert_sentence("cli.alert", alert, added.kpis, added.currency))
    return 0


def cmd_kpi(args: argparse.Namespace, ws: Workspace) -> int:
    from mkhats.domain.kpis import KpiChange
    from mkhats.services.kpi_rules import list_kpis, set_kpi_rule

    if args.kpi_command == "set":
        change = KpiChange(target=args.target, stop=args.stop, guard=args.guard, action=args.action)
        if all(v is None for v in (args.target, args.stop, args.guard, args.action)):
            raise InputError("cli.kpi_set_nothing")
        done = set_kpi_rule(ws, args.kpi, change)
        _out(_kpi_line(done.kpi, done.currency))  # the target with every decimal, as it was read
        return 0
    listing = list_kpis(ws)
    rows = [[t("col.kpi"), t("cli.col.title"), t("col.unit"), t("col.kind"), t("col.target"), t("col.stop_rule")]]
    rows += [_kpi_cells(kpi, listing.currency, enabled) for kpi, enabled in listing.rows]
    _out(_columns(rows), lines=True)
    return 0


def _kpi_cells(kpi: Kpi, currency: str | None, enabled: bool = True, exact: bool = False) -> list[str]:
    kind = (
        f"{t('kind.formula')} {kpi.formula}"
        if kpi.formula
        else f"{t('kind.measured')} ({t(f'settings.aggregate.{kpi.aggregate}')})"
    )
    rule = "—"
    if kpi.stop is not None:
        rule = f"{condition_text(kpi.stop)} → {action_text(kpi.stop)}"
        if kpi.stop.guard is not None:
            rule += f" [{format_guard(kpi.stop.guard)}]"
    title = kpi_title(kpi) + ("" if enabled and not kpi.retired else f" ({t('cli.off')})")
    unit = currency if kpi.unit == "money" and currency else t(f"unitname.{kpi.unit}")
    target = format_exact(kpi.target) if exact and kpi.target is not None else format_value(kpi, kpi.target)
    # One line per cell: a title holding a newline or an escape sequence must not break the table.
    return [terminal_line(c) for c in (kpi.key, title, unit, kind, target, rule)]


def _kpi_line(kpi: Kpi, currency: str | None) -> str:
    return "  ".join(c for c in _kpi_cells(kpi, currency, exact=True) if c)


def _columns(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=False)).rstrip() for r in rows)


def cmd_assign(args: argparse.Namespace, ws: Workspace) -> int:
    from mkhats.services.wearers import assign

    done = assign(ws, args.hat, args.person, args.kind)
    key = "cli.assigned_new" if done.created else "cli.assigned"
    person = done.person
    _out(t(key, person=person_name(person.name), hat=hat_name(done.hat.key), kind=t(f"kind.{person.kind}")))
    return 0


def cmd_wear(args: argparse.Namespace, ws: Workspace) -> int:
    from mkhats.services.wear import wear

    if args.stop == (args.hat is not None):
        raise InputError("cli.wear_usage")
    result = wear(ws, None if args.stop else args.hat, now_on(ws.today))
    if result.closed is not None:
        minutes = result.closed_minutes()
        _out(t("cli.wear_stopped", hat=hat_name(result.closed.hat), n=minutes, minutes=minutes))
    if result.already is not None:
        _out(t("cli.wear_already", hat=hat_name(result.already.hat)))
    if result.started is not None:
        _out(t("cli.wear_started", hat=hat_name(result.started.hat)))
    if args.stop and result.closed is None:
        _out(t("cli.wear_none"))
    return 0


def cmd_verify(args: argparse.Namespace, ws: Workspace) -> int:
    from mkhats.services.checks import verify

    day = _day_option(args.date, ws.today)
    done = verify(ws, args.hat_a, args.hat_b, args.by, day, args.note, args.problems)
    check, hats = done.check, done.hats
    if done.created:
        _out(t("cli.person_added", person=check.by))
    if done.valid_until is None:  # a check that found problems never clears the conflict
        _out(
            t(
                "cli.verified_problems",
                pair=pair_name(check.hats, hats),
                by=person_name(check.by),
                day=format_day(check.day),
            )
        )
        return 0
    _out(
        t(
            "cli.verified",
            pair=pair_name(check.hats, hats),
            by=person_name(check.by),
            day=format_day(check.day),
            until=format_day(done.valid_until),
            outcome=t(f"outcome.{check.outcome}"),
        )
    )
    return 0


def cmd_import(args: argparse.Namespace, ws: Workspace) -> int:
    from mkhats.present.import_text import outcome_lines, preview_lines
    from mkhats.services.importing import import_file

    rate = _rate(args.rate)
    moved = stuck = None
    if args.dry_run:
        plan = import_file(ws, Path(args.file), args.profile, rate, dry_run=True)
    else:  # an inbox file moves to inbox/done/ once imported, as from the app
        from mkhats.services.inbox import import_candidate

        done = import_candidate(ws, Path(args.file), rate, args.profile)
        plan, moved, stuck = done.plan, done.moved, done.stuck
    if plan.reading is None:  # plain rows: one line, as before sources existed
        key = "cli.import_dry" if plan.dry_run else "cli.imported"
        rows = len(plan.values)
        _out(t(key, n=rows, rows=rows, written=plan.written, unchanged=plan.unchanged))
    elif plan.dry_run:
        _out("\n".join(preview_lines(plan)), lines=True)
    else:
        _out("\n".join(outcome_lines(plan)), lines=True)
    if moved is not None:
        _out(t("import_ui.moved", file=Path(args.file).name, to=str(moved.parent)))
    elif stuck is not None:
        _out(t("import_ui.stuck", file=Path(args.file).name, reason=stuck))
    return 0


def _rate(text: str | None) -> float | None:
    """``--rate``: a number above 0, written as the user writes numbers (``92,5`` in Russian)."""
    if text is None:
        return None
    from mkhats.domain.numbers import parse_number
    from mkhats.i18n import current_language

    rate = parse_number(text, "--rate", lang=current_language())
    if not rate > 0:
        raise InputError("import.rate", value=text)
    return rate


def cmd_profile(args: argparse.Namespace, ws: Workspace) -> int:
    from mkhats.services.importing import find_profile, list_profiles, profiles_folder

    if args.profile_command == "show":
        from mkhats.imports import describe

        profile = find_profile(ws, args.name)
        _out("\n".join(line.render() for line in describe(profile)), lines=True)
        return 0
    profiles = list_profiles(ws)
    rows = [
        [name, p.title or "", t("imports.word.builtin") if p.origin == "built-in" else p.origin]
        for name, p in sorted(profiles.items())
    ]
    _out(_columns(rows), lines=True)
    _out(t("profile.folder", folder=str(profiles_folder(ws))))
    return 0


def cmd_export(args: argparse.Namespace, ws: Workspace) -> int:
    if args.format == "csv":
        from mkhats.services.values import export_csv

        _write_out(ws, args.out, export_csv(ws), data=True)
        return 0
    from mkhats.services.backup import export_json
    from mkhats.services.output import check_out_path

    if not args.out:
        sys.stdout.write(_screened(export_json(ws), True, sys.stdout))
        return 0
    check_out_path(ws, args.out)
    export_json(ws, Path(args.out))
    _out(t("cli.written", file=args.out))
    return 0


def cmd_restore(args: argparse.Namespace, ws: Workspace) -> int:
    from mkhats.services.backup import restore

    kept = restore(ws, Path(args.file))
    _out(t("cli.restored", file=args.file, kept=str(kept) if kept else "—"))
    return 0


def _week(args: argparse.Namespace, ws: Workspace) -> str:
    if args.week:
        try:
            return parse_week(args.week)
        except InputError as error:
            raise InputError("cli.option_error", option="--week", message=error.render()) from None
    return ws.this_week()


def cmd_report(args: argparse.Namespace, ws: Workspace) -> int:
    from mkhats.present.report import weekly_report

    _write_out(ws, args.out, weekly_report(ws.snapshot(_week(args, ws))))
    return 0


def cmd_deck(args: argparse.Namespace, ws: Workspace) -> int:
    from mkhats.commands_deck import write_deck_command

    return write_deck_command(args, ws)


def cmd_check(args: argparse.Namespace, ws: Workspace) -> int:
    from mkhats.present.review_text import check_line
    from mkhats.services.review import week_review

    found = week_review(ws, _week(args, ws))
    for item in found.items:
        _out(check_line(item, found.snapshot))
    return 1 if found.items else 0


def cmd_plan(args: argparse.Namespace, ws: Workspace) -> int:
    from mkhats.commands_money import run_plan  # only ``plan`` pays for it

    return run_plan(args, ws)


def cmd_goal(args: argparse.Namespace, ws: Workspace) -> int:
    from mkhats.commands_money import run_goal  # only ``goal`` pays for it

    return run_goal(args, ws)


def cmd_demo(args: argparse.Namespace, ws: Workspace) -> int:
    from mkhats.services.demo import fill_demo

    if not 1 <= args.weeks <= 520:
        raise InputError("cli.demo_weeks", weeks=args.weeks)
    count = fill_demo(ws, args.weeks, args.force)
    _out(t("cli.demo_done", n=count, values=count, weeks=args.weeks, file=str(ws.path)))
    return 0


def run(args: argparse.Namespace) -> int:
    """Dispatch a parsed command line; bare ``mkhats`` opens the app."""
    ws = _workspace(args)
    if not args.lang and not os.environ.get("MKHATS_LANG") and args.command != "restore":
        stored = ws.stored_language()
        if stored:
            set_language(stored)
    if args.command is None:
        from mkhats.ui import run_app

        return run_app(ws, lang=args.lang)
    handler: Callable[[argparse.Namespace, Workspace], int] = globals()[f"cmd_{args.command}"]
    return handler(args, ws)
