"""The weekly ritual in words: a step's name, what it leaves, ``ritual status``'s lines, the header."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from mkhats.domain.models import Hat
from mkhats.domain.ritual import Left, Ritual, StepState
from mkhats.i18n import t
from mkhats.present.labels import hat_name


def step_name(step: str) -> str:
    """The step's name (``Decisions``)."""
    return t(f"ritual.step.{step}")


def left_text(left: Left, hats: Mapping[str, Hat]) -> str:
    """One thing a step leaves, as a phrase."""
    params = dict(left.params)
    if "hat" in params:
        key = params["hat"]
        params["hat"] = hat_name(hats.get(key, key))
    return t(f"ritual.left.{left.what}", **params)


def state_text(state: StepState, hats: Mapping[str, Hat]) -> str:
    """What a step leaves, or that it is done; hats missing the same thing are named in one phrase
    (``Content, CRM: plan of 2026-W48 missing``)."""
    if state.done:
        return t("ritual.done")
    phrases: list[str] = []
    grouped: dict[tuple[str, str], list[str]] = {}
    for left in state.left:
        if left.what in ("plan", "facts"):
            key = left.params["hat"]
            grouped.setdefault((left.what, left.params["week"]), []).append(hat_name(hats.get(key, key)))
        else:
            phrases.append(left_text(left, hats))
    for (what, week), names in grouped.items():
        phrases.append(t(f"ritual.left.{what}", hat=", ".join(names), week=week))
    return "; ".join(phrases)


def progress(kind: str, index: int, total: int, step: str) -> str:
    """The progress line of a step: ``Monday ritual · 3/6 · Decisions``."""
    return t("ritual.progress", ritual=t(f"ritual.kind.{kind}"), n=index + 1, total=total, step=step_name(step))


def status_lines(steps: Sequence[StepState], hats: Mapping[str, Hat]) -> list[str]:
    """``ritual status``'s lines: one per step, its category first (as ``check``'s lines)."""
    total = len(steps)
    return [
        f"{state.category:<8} {i + 1}/{total} {step_name(state.step)}: {state_text(state, hats)}"
        for i, state in enumerate(steps)
    ]


def minutes_text(seconds: int) -> str:
    """A duration as ``h:mm``, a minute begun counted (40 s of work is not "0:00")."""
    minutes = -(-seconds // 60)
    return f"{minutes // 60}:{minutes % 60:02d}"


def header_text(done: Sequence[Ritual], short: bool = False) -> str:
    """The header's words for the week's completed rituals ("" when none is); ``short`` for a
    narrow screen (``Mon ✓ 0:14``)."""
    if short:
        return "  ".join(t(f"ritual.header_short.{r.kind}", time=minutes_text(r.seconds)) for r in done)
    return "   ".join(
        t("ritual.header_done", ritual=t(f"ritual.kind.{r.kind}"), time=minutes_text(r.seconds)) for r in done
    )


def trend_text(minutes: Sequence[int | None]) -> str:
    """A sparkline of minutes per week (``·`` where no ritual was completed)."""
    marks = "▁▂▃▄▅▆▇█"
    top = max((m for m in minutes if m is not None), default=0)
    return "".join(
        "·" if m is None else marks[0 if top == 0 else min(len(marks) - 1, m * (len(marks) - 1) // top)]
        for m in minutes
    )
