"""Text from the user or a file is data (SPEC §5): made safe for the terminal, Markdown and spreadsheets.

A name, a note or a KPI title may hold anything a keyboard, a paste or an imported file can carry:
escape sequences that clear the screen or forge a link, bidi overrides that reorder what the user
reads, a newline that starts a Markdown heading, a ``=HYPERLINK(…)`` a spreadsheet would run. The
data keeps what was typed; these functions make it inert where it is shown:

- ``terminal_text`` / ``terminal_line``: for everything printed or shown on a terminal;
- ``markdown_inline``: for user text quoted inside a Markdown line (the report);
- ``spreadsheet_cell`` / ``from_spreadsheet_cell``: for text cells of an exported CSV, and back.

Pure and self-contained (no mkhats import), so it can move to the presentation layer as it is.
"""

from __future__ import annotations

import re
from functools import cache


@cache
def _compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern compiled when first needed: compiling them all costs every command ≈ 5 ms (SPEC §6),
    and a command printing clean text needs none."""
    return re.compile(pattern, flags)


def _sequences() -> re.Pattern[str]:
    """Escape sequences. They go as a whole, so no stray "[2J" is left behind (ECMA-48). String-type sequences (OSC,
    DCS, SOS, PM, APC) run to their terminator (BEL or ST) or, unterminated, to the end of the text,
    as a terminal would swallow it.
    """
    return _compiled(_SEQUENCE_PATTERN, re.VERBOSE | re.DOTALL)


_SEQUENCE_PATTERN = r"""
      \x1b\[ [\x30-\x3f]* [\x20-\x2f]* [\x40-\x7e]?              # CSI: ESC [ params final
    | \x9b [\x30-\x3f]* [\x20-\x2f]* [\x40-\x7e]?                # CSI, the 8-bit C1 form
    | (?: \x1b[\]PX^_] | [\x90\x98\x9d\x9e\x9f] )                # OSC, DCS, SOS, PM, APC
      .*? (?: \x07 | \x1b\\ | \x9c | \Z )                        #   up to BEL or ST
    | \x1b [\x20-\x2f]* [\x30-\x7e]?                             # any other ESC sequence
"""
_C0_KEEP_LINES = "\t\n"
# C0 and DEL, C1, and the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
_CONTROLS = [*range(0x20), 0x7F, *range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_DROP_KEEP_LINES = str.maketrans({c: None for c in _CONTROLS if chr(c) not in _C0_KEEP_LINES})
_BREAKS = r"[\t\n\u2028\u2029]+"
# One scan answers "anything to do?": most texts (names, numbers with no-break spaces) have nothing.
_DIRTY_BLOCK = frozenset(chr(c) for c in _CONTROLS if chr(c) not in _C0_KEEP_LINES)
_DIRTY_LINE = frozenset(map(chr, _CONTROLS)) | {"\u2028", "\u2029"}


def terminal_text(text: str) -> str:
    """``text`` without anything a terminal would obey: escape sequences, control characters, bidi.

    Newlines and tabs stay (a block of lines); a lone ``\\r`` goes, as it would overwrite the line.
    """
    if _DIRTY_BLOCK.isdisjoint(text):
        return text
    return _sequences().sub("", text).translate(_DROP_KEEP_LINES)


def terminal_line(text: str) -> str:
    """``terminal_text`` on one line: newlines and tabs become a space, so no line can be forged."""
    if _DIRTY_LINE.isdisjoint(text):
        return text
    return _compiled(_BREAKS).sub(" ", terminal_text(text))


# CommonMark's backslash escapes for what starts emphasis, links, images, code, headings, tables and
# strikethrough; ``<`` and ``>`` become entities, so no raw HTML (nor block quote) gets through.
_MARKDOWN = str.maketrans(
    {
        **{c: "\\" + c for c in "\\`*_[]#|!~"},
        "<": "&lt;",
        ">": "&gt;",
    }
)
_LEADING_MARKER = r"^(?:([-+])|(\d{1,9})([.)]))(?=\s|$)"


def markdown_inline(text: str) -> str:
    """User text quoted inside a Markdown line: shown as typed, never read as Markdown or HTML.

    Newlines collapse to a space (no injected heading, list item or table row); control characters
    go (``terminal_line``); Markdown's punctuation is backslash-escaped and ``<``/``>`` become
    ``&lt;``/``&gt;``; a leading list marker (``-``, ``+``, ``1.``) is escaped too. ``&`` stays: an
    entity typed by the user would only ever render as text, and the raw report stays readable.
    """
    text = terminal_line(text).strip()  # a leading indent could open a code block
    text = text.translate(_MARKDOWN)
    match = _compiled(_LEADING_MARKER).match(text)
    if match:
        marker, number, dot = match.groups()
        text = ("\\" + marker if marker else number + "\\" + dot) + text[match.end() :]
    return text


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(text: str) -> str:
    """A text cell a spreadsheet shows as text: a leading ``'`` before ``= + - @``, tab or CR (OWASP).

    A text that already starts with apostrophes before one of those gets one more, so that
    ``from_spreadsheet_cell`` gives every text back as it was.
    """
    if text.lstrip("'").startswith(_FORMULA_START):
        return "'" + text
    return text


def from_spreadsheet_cell(text: str) -> str:
    """The text ``spreadsheet_cell`` was given: its one added apostrophe removed."""
    if text.startswith("'") and text.lstrip("'").startswith(_FORMULA_START):
        return text[1:]
    return text
