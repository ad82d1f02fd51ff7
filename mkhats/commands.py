"""What each CLI command does with its parsed arguments: call a service, print the outcome."""

from __future__ import annotations

import argparse
import errno
import os
import sys
from datetime import date
from pathlib import Path
from typing import TextIO

from mkhats.domain.labels import (
    action_text,
    condition_text,
    format_day,
    format_exact,
    format_span,
    format_value,
    format_with_unit,
    hat_name,
    kpi_title,
    pair_name,
    person_name,
)
from mkhats.domain.models import Kpi
from mkhats.domain.safe_text import terminal_line, terminal_text
from mkhats.domain.stoprules import Alert, format_guard
from mkhats.domain.weeks import parse_day, parse_week
from mkhats.errors import InputError, StoreError
from mkhats.i18n import set_language, t
from mkhats.locations import db_path, now_on, resolve_today
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


def _refuse_data_path(ws: Workspace, path: str) -> None:
    """An output never lands on the data set itself (the main file, a month file, the lock, a backup)."""
    if ws.db.layout.owns(Path(path)):
        raise InputError("cli.out_is_data", file=path)


def _write_out(ws: Workspace, path: str | None, text: str, data: bool = False) -> None:
    """``text`` to ``path``, or to stdout without one.

    A document (``data`` False: the report) reaches stdout without control characters; data
    (``data``: a CSV export) stays byte for byte what a file would hold, unless stdout is a terminal.
    """
    if not path:
        sys.stdout.write(_screened(text, data, sys.stdout))
        return
    _refuse_data_path(ws, path)
    from mkhats.store import StoreIOError, write_atomic

    if os.path.exists(path) and not os.path.isfile(path):
        _write_stream(path, text, data)  # /dev/stdout, a pipe: there is no file to replace
        _out(t("cli.written", file=path))
        return
    target = Path(os.path.realpath(path))  # a link stays a link: its target is replaced
    # Atomic and owner-only, like the data: a full disk leaves the old file (or none), never 0 bytes.
    try:
        write_atomic(target, text.encode("utf-8"))
    except StoreIOError as error:
        code = error.errno
        exc = OSError(code, os.strerror(code)) if code is not None else OSError(t(error.reason, **error.reason_params))
        raise StoreError("cli.cannot_write", file=path, reason=_os_reason(exc)) from None
    _out(t("cli.written", file=path))


def _screened(text: str, data: bool, stream: TextIO) -> str:
    return text if data and not stream.isatty() else terminal_text(text)


def _write_stream(path: str, text: str, data: bool = False) -> None:
    try:
        with open(path, "w", encoding="utf-8") as stream:
            stream.write(_screened(text, data, stream))
    except OSError as exc:
        raise StoreError("cli.cannot_write", file=path, reason=_os_reason(exc)) from None


def _os_reason(exc: OSError) -> str:
    """Why the OS refused, in the catalogue's words: its own ``strerror`` follows the system's locale."""
    from mkhats.store.errors import os_reason

    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return t("cli.reason.no_folder")
    key, params = os_reason(exc)
    return t(key, **params)


def _day_option(text: str | None, today: date, option: str = "--date") -> date:
    """A date option (default ``today``); a refusal names the option."""
    if not text:
        return today
    try:
        return parse_day(text)
    except InputError as error:
        raise InputError("cli.option_error", option=option, message=error.render()) from None


def _alert_line(alert: Alert, kpi: Kpi, currency: str | None) -> str:
    values = ", ".join(format_with_unit(kpi, v, currency) for _, v in alert.values)
    return t(
        "cli.alert",
        kpi=kpi.key,
        condition=condition_text(alert.rule),
        span=format_span(alert.first, alert.last),
        values=values,
        action=action_text(alert.rule),
    )


def cmd_add(args: argparse.Namespace, ws: Workspace) -> int:
    from mkhats.services.values import add_value

    day = _day_option(args.date, ws.today)
    fired = add_value(ws, args.kpi, args.value, day, args.note)
    with ws.read() as repo:
        kpis, currency = repo.kpis(), repo.settings().currency
    kpi = kpis[args.kpi.strip().lower()]
    # Every decimal, in the language's format: the user sees how the number was read (SPEC §4).
    value = format_with_unit(kpi, _stored(ws, kpi, day), currency, exact=True)
    _out(t("cli.added", kpi=kpi.key, value=value, day=format_day(day)))
    for alert in fired:
        _out(_alert_line(alert, kpis[alert.kpi], currency))
    return 0


def _stored(ws: Workspace, kpi: Kpi, day) -> float | None:
    with ws.read() as repo:
        return repo.daily(day, day).get(kpi.key, {}).get(day)


def cmd_kpi(args: argparse.Namespace, ws: Workspace) -> int:
    from mkhats.services.setup import KpiChange, set_kpi

    if args.kpi_command == "set":
        change = KpiChange(target=args.target, stop=args.stop, guard=args.guard, action=args.action)
        if all(v is None for v in (args.target, args.stop, args.guard, args.action)):
            raise InputError("cli.kpi_set_nothing")
        kpi = set_kpi(ws, args.kpi, change)
        with ws.read() as repo:
            currency = repo.settings().currency
        _out(_kpi_line(kpi, currency))  # the target with every decimal, as it was read
        return 0
    with ws.read() as repo:
        kpis, hats, currency = repo.kpis(), repo.hats(), repo.settings().currency
    rows = [[t("col.kpi"), t("cli.col.title"), t("col.unit"), t("col.kind"), t("col.target"), t("col.stop_rule")]]
    for hat in hats.values():
        for kpi in sorted((k for k in kpis.values() if k.hat == hat.key), key=lambda k: k.position):
            rows.append(_kpi_cells(kpi, currency, hat.enabled))
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
    from mkhats.services.setup import assign

    person, created = assign(ws, args.hat, args.person, args.kind)
    key = "cli.assigned_new" if created else "cli.assigned"
    _out(t(key, person=person_name(person.name), hat=hat_name(args.hat.strip().lower()), kind=t(f"kind.{person.kind}")))
    return 0


def cmd_wear(args: argparse.Namespace, ws: Workspace) -> int:
    from mkhats.services.setup import wear

    if args.stop == (args.hat is not None):
        raise InputError("cli.wear_usage")
    result = wear(ws, None if args.stop else args.hat, now_on(ws.today))
    if result.closed is not None:
        minutes = int((result.closed.end - result.closed.start).total_seconds() // 60)
        _out(t("cli.wear_stopped", hat=hat_name(result.closed.hat), n=minutes, minutes=minutes))
    if result.already is not None:
        _out(t("cli.wear_already", hat=hat_name(result.already.hat)))
    if result.started is not None:
        _out(t("cli.wear_started", hat=hat_name(result.started.hat)))
    if args.stop and result.closed is None:
        _out(t("cli.wear_none"))
    return 0


def cmd_verify(args: argparse.Namespace, ws: Workspace) -> int:
    from mkhats.domain.conflicts import check_valid_until, find_rule
    from mkhats.services.setup import verify

    day = _day_option(args.date, ws.today)
    check, created = verify(ws, args.hat_a, args.hat_b, args.by, day, args.note, args.problems)
    with ws.read() as repo:
        rule, hats = find_rule(repo.conflicts(), *check.hats), repo.hats()
    if created:
        _out(t("cli.person_added", person=check.by))
    if check.outcome == "problems":  # no "valid until": such a check never clears the conflict
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
            until=format_day(check_valid_until(check, rule.every)),
            outcome=t(f"outcome.{check.outcome}"),
        )
    )
    return 0


def cmd_import(args: argparse.Namespace, ws: Workspace) -> int:
    from mkhats.services.values import import_csv

    result = import_csv(ws, Path(args.file), args.dry_run)
    key = "cli.import_dry" if result.dry_run else "cli.imported"
    _out(t(key, n=result.rows, rows=result.rows, written=result.written, unchanged=result.unchanged))
    return 0


def cmd_export(args: argparse.Namespace, ws: Workspace) -> int:
    if args.format == "csv":
        from mkhats.services.values import export_csv

        _write_out(ws, args.out, export_csv(ws), data=True)
        return 0
    from mkhats.services.backup import export_json

    if not args.out:
        sys.stdout.write(_screened(export_json(ws), True, sys.stdout))
        return 0
    _refuse_data_path(ws, args.out)
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
    from mkhats.domain.report import weekly_report

    _write_out(ws, args.out, weekly_report(ws.snapshot(_week(args, ws))))
    return 0


def cmd_check(args: argparse.Namespace, ws: Workspace) -> int:
    from mkhats.domain.review import review
    from mkhats.domain.review_text import check_line

    snapshot = ws.snapshot(_week(args, ws))
    items = review(snapshot)
    for item in items:
        _out(check_line(item, snapshot))
    return 1 if items else 0


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
        try:
            with ws.read() as repo:
                stored = repo.settings().lang
        except StoreError:
            stored = None  # the command itself reports the file; restore must stay possible
        if stored:
            set_language(stored)
    if args.command is None:
        from mkhats.ui import run_app

        return run_app(ws, lang=args.lang)
    handler = globals()[f"cmd_{args.command}"]
    return handler(args, ws)
