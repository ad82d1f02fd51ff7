"""``add`` as issue 14 item 6 wants it: a date ahead of today saved and said, counts whole, KPIs
named by their titles in the messages (the key stays where it echoes what was typed)."""

from __future__ import annotations


def test_a_date_ahead_is_saved_and_said(seeded):
    result = seeded.ok("add", "content.traffic", "100", "--date", "2026-12-12")
    assert result.lines == [
        "content.traffic = 100 on 12 Dec 2026.",
        "12 Dec 2026 is 18 days ahead of today: saved all the same (add takes any date up to 2100); "
        "it shows in the KPI's detail. Check the date if it was a slip.",
    ]
    assert seeded.values()[("2026-12-12", "content.traffic")] == 100


def test_today_and_before_say_nothing_more(seeded):
    assert seeded.ok("add", "content.traffic", "100").lines == ["content.traffic = 100 on 24 Nov 2026."]
    assert len(seeded.ok("add", "content.traffic", "5", "--date", "2026-11-01").lines) == 1


def test_a_date_ahead_in_russian(seeded):
    result = seeded.ok("add", "content.traffic", "100", "--date", "2026-11-25", MKHATS_LANG="ru")
    assert result.lines[1].startswith("25 нояб. 2026 наступит только через 1 день: значение всё равно сохранено")


def test_a_fraction_of_a_count_is_refused_by_the_kpis_title(seeded):
    before = seeded.data_files()
    assert (
        seeded.refused("add", "content.published", "1.5") == "Published counts whole things: 1.5 is not a whole number."
    )
    said = seeded.refused("add", "content.published", "1,5", MKHATS_LANG="ru")
    assert said.startswith("Публикации ") and "content.published" not in said
    assert seeded.data_files() == before
