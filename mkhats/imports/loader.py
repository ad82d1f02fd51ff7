"""Loading profiles: the built-ins shipped in ``profiles/`` and the user's own ``*.toml`` files.

A profile file that is not valid TOML, or not a valid profile, is refused with one sentence naming
the file and the field (``kpi[2].aggregate``), never a traceback. A user's profile with the name of
a built-in replaces it.
"""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from mkhats.errors import InputError
from mkhats.imports.profile import Profile

_FIELD_WORDS = {"in_": "in"}
_PROFILE_MAX = 1_000_000
"""A profile is a few hundred bytes; a bigger "profile" is another file put there by mistake."""


def _field(loc: tuple[int | str, ...]) -> str:
    """``('kpi', 2, 'where', 0, 'in')`` → ``kpi[3].where[1].in`` (counted from 1, as people do)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + _FIELD_WORDS.get(part, part)
    return out or "—"


def _refusal(file: str, error: ValidationError) -> InputError:
    """The first problem of ``error`` as a catalogue message naming ``file`` and the field."""
    first = error.errors(include_url=False)[0]
    kind, ctx = first["type"], dict(first.get("ctx") or {})
    where = _field(tuple(first["loc"]))
    if kind.startswith("mk_"):
        return InputError(f"imports.profile.{kind[3:]}", file=file, field=where, **{k: str(v) for k, v in ctx.items()})
    if kind == "extra_forbidden":
        return InputError("imports.profile.unknown_field", file=file, field=where)
    if kind == "missing":
        return InputError("imports.profile.missing", file=file, field=where)
    if kind in ("literal_error", "enum"):
        return InputError("imports.profile.choice", file=file, field=where, expected=str(ctx.get("expected", "")))
    value: Any = first.get("input")
    return InputError("imports.profile.invalid", file=file, field=where, value=repr(value)[:60])


def parse_profile(text: str, file: str) -> Profile:
    """A profile from TOML text; ``file`` names it in errors.

    Raises:
        InputError: ``imports.profile.toml`` or one of the ``imports.profile.*`` field messages.
    """
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib's own words are English: the user's language says where, the line shows what.
        where = re.search(r"line (\d+), column (\d+)", str(exc))
        line, column = (int(where.group(1)), int(where.group(2))) if where else (1, 1)
        lines = text.splitlines()
        quoted = lines[line - 1].strip()[:80] if 0 < line <= len(lines) else ""
        raise InputError("imports.profile.toml", file=file, line=line, column=column, text=quoted) from None
    try:
        return Profile.model_validate(raw)
    except ValidationError as exc:
        raise _refusal(file, exc) from None


def load_profile(path: Path) -> Profile:
    """The profile in the TOML file ``path`` (``--profile FILE.toml``).

    Raises:
        InputError: there is no such file (``import.missing``), it is a folder
            (``import.directory``), it cannot be read (``imports.profile.unreadable``), or it is
            not a profile.
    """
    try:
        if path.exists() and not path.is_dir() and not path.is_file():  # a FIFO would block forever
            raise InputError("import.not_a_file", file=str(path))
        with path.open("rb") as handle:
            raw = handle.read(_PROFILE_MAX + 1)
        if len(raw) > _PROFILE_MAX:
            raise InputError("imports.profile.unreadable", file=str(path))
        text = raw.decode("utf-8-sig")
    except FileNotFoundError:  # a mistyped --profile path: not "cannot be read as UTF-8"
        raise InputError("import.missing", file=str(path)) from None
    except IsADirectoryError:
        raise InputError("import.directory", file=str(path)) from None
    except (OSError, UnicodeDecodeError):
        raise InputError("imports.profile.unreadable", file=str(path)) from None
    return parse_profile(text, str(path)).with_origin(str(path))


def builtin_profiles() -> dict[str, Profile]:
    """The profiles shipped in the package, by name."""
    folder = resources.files("mkhats.imports").joinpath("profiles")
    found: dict[str, Profile] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            profile = parse_profile(entry.read_text(encoding="utf-8"), entry.name).with_origin("built-in")
            found[profile.name] = profile
    return found


def load_profiles(user_dir: Path | None = None) -> dict[str, Profile]:
    """The built-in profiles merged with the user's ``*.toml`` in ``user_dir`` (theirs win by name).

    Raises:
        InputError: a user's file is not a valid profile (named, with its field).
    """
    profiles = builtin_profiles()
    if user_dir is not None and user_dir.is_dir():
        for path in sorted(user_dir.glob("*.toml")):
            profile = load_profile(path)
            profiles[profile.name] = profile
    return profiles
