"""``mkhats plan`` and ``mkhats goal`` (SPEC §10): the media plan and the quarterly goals.

Imported by ``commands.cmd_plan``/``cmd_goal`` only when one of them runs, so no other command
pays for it. Each handler calls a service and prints its result; the words are ``present``'s.
"""

from __future__ import annotations

import argparse

from mkhats.commands import _columns, _out
from mkhats.domain.safe_text import terminal_line
from mkhats.i18n import t
from mkhats.present.money_text import (
    goal_rows,
    goal_set_lines,
    goal_week_rows,
    plan_header,
    plan_rows,
    plan_set_text,
)
from mkhats.services.workspace import Workspace


def _table(rows: list[list[str]]) -> str:
    """A block of aligned columns, each cell one line (a hat's name is the user's text)."""
    return _columns([[terminal_line(cell) for cell in row] for row in rows])


def run_plan(args: argparse.Namespace, ws: Workspace) -> int:
    """``plan set HAT YYYY-MM --budget N [--leads N] [--tolerance P]`` · ``plan show [--quarter YYYY-Qn]``."""
    from mkhats.present.labels import hat_name
    from mkhats.services.money import plan_quarters, set_plan

    if args.plan_command == "set":
        done = set_plan(ws, args.hat, args.month, args.budget, args.leads, args.tolerance)
        _out(plan_set_text(done.plan, done.hat, done.currency))
        if not done.paced:
            _out(t("plan.unpaced", hat=hat_name(done.hat)))
        return 0
    listing = plan_quarters(ws, args.quarter)
    if not listing.quarters:
        _out(t("plan.none"))
        return 0
    for n, (quarter, rows) in enumerate(listing.quarters):
        if n:
            _out()
        _out(t("plan.title", quarter=quarter))
        if not rows:
            _out(t("plan.none_quarter", quarter=quarter))
            continue
        cells = plan_rows(((row.hat, row.plan, row.pace) for row in rows), listing.currency)
        _out(_table([plan_header(), *cells]), lines=True)
    for hat in listing.unpaced:
        _out(t("plan.unpaced", hat=hat_name(hat)))
    return 0


def run_goal(args: argparse.Namespace, ws: Workspace) -> int:
    """``goal set HAT.KPI YYYY-Qn VALUE [--accept]`` · ``goal show [--quarter YYYY-Qn]``."""
    from mkhats.services.money import goal_quarters, set_goal

    if args.goal_command == "set":
        done = set_goal(ws, args.kpi, args.quarter, args.value, args.accept)
        lines = goal_set_lines(done.goal, done.kpi, done.spread, done.previous, done.accepted, done.hats, done.currency)
        for line in lines[:2]:
            _out(line)
        weeks = goal_week_rows(done.kpi, done.spread, done.currency)
        if weeks:
            _out(_table(weeks), lines=True)
        _out(lines[2])
        return 0
    listing = goal_quarters(ws, args.quarter)
    if not listing.quarters:
        _out(t("goal.none"))
        return 0
    for n, (quarter, rows) in enumerate(listing.quarters):
        if n:
            _out()
        _out(t("goal.title", quarter=quarter, week=listing.judged))
        if not rows:
            _out(t("goal.none_quarter", quarter=quarter))
            continue
        cells = goal_rows(((row.spread, row.progress) for row in rows), listing.hats, listing.currency)
        _out(_table(cells), lines=True)
    return 0
