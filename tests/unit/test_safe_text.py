"""Text is data (SPEC §5): the terminal sanitiser, the Markdown escaper and spreadsheet cells."""

from __future__ import annotations

import unicodedata

import pytest

from mkhats.domain.safe_text import (
    from_spreadsheet_cell,
    markdown_inline,
    spreadsheet_cell,
    terminal_line,
    terminal_text,
)

ESC = "\x1b"


@pytest.mark.parametrize(
    ("text", "block", "line"),
    [
        ("plain text", "plain text", "plain text"),
        ("Анна · 1\u00a0234 ₽", "Анна · 1\u00a0234 ₽", "Анна · 1\u00a0234 ₽"),  # no-break space stays
        (f"a{ESC}[2Jb", "ab", "ab"),  # clear screen: the whole sequence goes
        (f"{ESC}[1;31mred{ESC}[0m", "red", "red"),
        (f"{ESC}]8;;http://evil{ESC}\\link{ESC}]8;;{ESC}\\", "link", "link"),  # OSC 8 hyperlink, ST
        (f"{ESC}]8;;http://evil\x07link{ESC}]8;;\x07", "link", "link"),  # OSC 8, BEL
        (f"t{ESC}]0;window title", "t", "t"),  # unterminated OSC: swallowed, as a terminal would
        ("x\x9b31my", "xy", "xy"),  # the 8-bit CSI
        ("x\x9d0;title\x9cy", "xy", "xy"),  # the 8-bit OSC and ST
        (f"{ESC}Preset{ESC}\\ok", "ok", "ok"),  # DCS
        (f"{ESC}c reset", " reset", " reset"),  # RIS, a two-character sequence
        (f"{ESC}(B ascii", " ascii", " ascii"),  # a character-set designation
        (f"lone {ESC}", "lone ", "lone "),
        ("evil\u202etxt.exe", "eviltxt.exe", "eviltxt.exe"),  # RLO
        ("\u2066a\u2067b\u2068c\u2069\u202a\u202b\u202c\u202d", "abc", "abc"),  # isolates, embeddings
        ("over\rwrite", "overwrite", "overwrite"),  # a CR would overwrite the line
        ("nul\x00bell\x07bs\x08del\x7f", "nulbellbsdel", "nulbellbsdel"),
        ("c1\x85\x90\x9f", "c1", "c1"),
        ("two\nlines\tand tab", "two\nlines\tand tab", "two lines and tab"),
        ("crlf\r\nnext", "crlf\nnext", "crlf next"),
        ("para\u2028sep", "para\u2028sep", "para sep"),
        ("[bold red]x[/] <script>", "[bold red]x[/] <script>", "[bold red]x[/] <script>"),  # not markup here
        ("", "", ""),
    ],
)
def test_terminal_text_and_line(text: str, block: str, line: str) -> None:
    assert terminal_text(text) == block
    assert terminal_line(text) == line
    for shown in (terminal_text(text), terminal_line(text)):
        assert not any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in shown)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Anna", "Anna"),
        ("Content & SEO", "Content & SEO"),
        ("Me\n# Injected heading", "Me \\# Injected heading"),
        ("# heading", "\\# heading"),
        ("| cell | row |", "\\| cell \\| row \\|"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("<b>bold</b>", "&lt;b&gt;bold&lt;/b&gt;"),
        ("`code`", "\\`code\\`"),
        ("*em* _em_ ~~del~~", "\\*em\\* \\_em\\_ \\~\\~del\\~\\~"),
        ("[link](http://x) ![img](y)", "\\[link\\](http://x) \\!\\[img\\](y)"),
        ("a \\ b", "a \\\\ b"),
        ("[bold]x[/]", "\\[bold\\]x\\[/\\]"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("1. first", "1\\. first"),
        ("2) second", "2\\) second"),
        ("-5 leads", "-5 leads"),  # a number, not a list
        ("> quote", "&gt; quote"),
        ("   indented\n\n", "indented"),
        (f"Eve{ESC}[2J\u202e", "Eve"),
        ("row\n| a | b |\n|---|---|", "row \\| a \\| b \\| \\|---\\|---\\|"),
        ("", ""),
    ],
)
def test_markdown_inline(text: str, quoted: str) -> None:
    assert markdown_inline(text) == quoted
    assert "\n" not in markdown_inline(text) and "<" not in markdown_inline(text)


@pytest.mark.parametrize(
    ("note", "cell"),
    [
        ('=HYPERLINK("http://x","click")', '\'=HYPERLINK("http://x","click")'),
        ("+1 555 0100", "'+1 555 0100"),
        ("-5 after the promo", "'-5 after the promo"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("'=already quoted", "''=already quoted"),  # one more, so the round trip is exact
        ("'quoted", "'quoted"),
        ("a=b", "a=b"),
        ("plain note", "plain note"),
        ("", ""),
    ],
)
def test_spreadsheet_cell_round_trip(note: str, cell: str) -> None:
    assert spreadsheet_cell(note) == cell
    assert from_spreadsheet_cell(cell) == note
