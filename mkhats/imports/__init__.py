"""Reading the exports of ad accounts, web analytics and CRMs (SPEC §9): bytes in, typed rows out.

No store, no UI: a front end calls ``load_profiles`` (the built-ins in ``profiles/`` and the user's
own TOML files), ``recognise`` (which profile a file is for, by its content), ``read`` (per-day
totals per KPI, the skipped and bad rows) and ``describe`` (a profile in words). Every refusal is
an ``InputError`` with a catalogue key (``imports.*``).
"""

from mkhats.imports.describe import Line, describe, describe_condition, describe_mapping
from mkhats.imports.header import first_header_line, recognise, unknown_file
from mkhats.imports.loader import builtin_profiles, load_profile, load_profiles, parse_profile
from mkhats.imports.profile import Profile
from mkhats.imports.reader import read
from mkhats.imports.result import ImportResult, Layout, Mapped, Match

__all__ = [
    "ImportResult",
    "Layout",
    "Line",
    "Mapped",
    "Match",
    "Profile",
    "builtin_profiles",
    "describe",
    "describe_condition",
    "describe_mapping",
    "first_header_line",
    "load_profile",
    "load_profiles",
    "parse_profile",
    "read",
    "recognise",
    "unknown_file",
]
