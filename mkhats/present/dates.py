"""How a day reads in the user's language: one rule, used by every screen, report and message.

The rule (issue 14): the weekday, when shown, comes first; then the day and the month; then the
year, when the text must stand on its own.

- ``list_day``: a row of a list of days (a KPI's values, a grid's row): ``Wed 2 Dec`` /
  ``ср 2 дек.``; the year is added only for a day of another year than ``this_year``.
- ``format_day``: a day in a title or a sentence: ``2 Dec 2026`` / ``2 дек. 2026``.
- ``weekday_day``: one day named in a title where the weekday matters (a dialog about that day):
  ``Wed 2 Dec 2026`` / ``ср 2 дек. 2026``.
- ``format_span``: a range, compact within a month: ``23–29 Nov 2026`` (``23–29 Nov`` in a
  narrow table).

Data keeps ISO dates (exports, CSV, the CLI's ``--date``, typed fields): those are not words.
The names are the catalogue's (CLDR's abbreviations, the ones pendulum has): importing pendulum to
format a date cost every command that prints one ≈ 10 ms (SPEC §6). Relative times ("3 days ago")
are ``present.relative``'s, for the app only.
"""

from __future__ import annotations

from datetime import date

from mkhats.i18n import current_language, t


def format_day(day: date, lang: str | None = None, year: bool = True) -> str:
    """``23 Nov 2026`` / ``23 нояб. 2026``; without the year: ``23 Nov``."""
    lang = lang or current_language()
    month = t(f"date.month.{day.month}", lang=lang)
    return t("date.day_month_year" if year else "date.day_month", lang=lang, day=day.day, month=month, year=day.year)


def weekday_name(day: date, lang: str | None = None) -> str:
    """``Mon`` / ``пн``."""
    return t(f"date.weekday.{day.isoweekday()}", lang=lang or current_language())


def list_day(day: date, this_year: int | None = None, lang: str | None = None) -> str:
    """A day as a row of a list shows it: ``Wed 2 Dec`` / ``ср 2 дек.``.

    ``this_year``: the year the list is read in (the selected week's, today's); a day of another
    year says its year (``Wed 30 Dec 2025``), so a list across New Year stays unambiguous.
    """
    lang = lang or current_language()
    return f"{weekday_name(day, lang)} {format_day(day, lang, year=this_year is not None and day.year != this_year)}"


def weekday_day(day: date, lang: str | None = None) -> str:
    """One day named on its own, weekday first: ``Wed 2 Dec 2026`` / ``ср 2 дек. 2026``."""
    lang = lang or current_language()
    return f"{weekday_name(day, lang)} {format_day(day, lang)}"


def format_span(first: date, last: date, lang: str | None = None, year: bool = True) -> str:
    """A date range, compact when it stays within a month: ``23–29 Nov 2026``, ``30 Nov – 6 Dec 2026``.

    ``year=False``: for narrow tables, the year left out when both days share it (``28 Sep – 25 Oct``).
    """
    if first == last:
        return format_day(first, lang, year=year)
    if first.year != last.year:
        return f"{format_day(first, lang)} – {format_day(last, lang)}"
    if first.month == last.month:
        return f"{first.day}–{format_day(last, lang, year=year)}"
    return f"{format_day(first, lang, year=False)} – {format_day(last, lang, year=year)}"
