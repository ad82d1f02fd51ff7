"""Numbers as the user's language writes them (SPEC §4), through the real ``mkhats`` on a real file.

English reads ``3,000`` as 3000 and Russian as 3; a malformed grouping is refused with its reason
and not one byte changes; the confirmation prints the number in the language's format, every
decimal kept, so the user sees how it was read; a CSV file decides its decimal mark once.
"""

from __future__ import annotations

import pytest

SPEND = "performance.spend"
DAY = "2026-11-20"


@pytest.mark.parametrize(
    ("lang", "typed", "stored", "printed"),
    [
        ("en", "3,000", 3000.0, "performance.spend = $3,000 on 20 Nov 2026."),
        ("en", "1,234.5", 1234.5, "performance.spend = $1,234.5 on 20 Nov 2026."),
        ("en", "1234,5", 1234.5, "performance.spend = $1,234.5 on 20 Nov 2026."),
        ("en", "1,234.567", 1234.567, "performance.spend = $1,234.567 on 20 Nov 2026."),
        ("ru", "1 234,5", 1234.5, "performance.spend = 1\u00a0234,5\u00a0₽ за 20 нояб. 2026."),
        ("ru", "3 000", 3000.0, "performance.spend = 3\u00a0000\u00a0₽ за 20 нояб. 2026."),
        ("ru", "3,000", 3.0, "performance.spend = 3\u00a0₽ за 20 нояб. 2026."),
        ("ru", "1234.5", 1234.5, "performance.spend = 1\u00a0234,5\u00a0₽ за 20 нояб. 2026."),
    ],
)
def test_add_reads_the_number_as_the_language_writes_it(cli, lang, typed, stored, printed):
    result = cli.ok("--lang", lang, "add", SPEND, typed, "--date", DAY, MKHATS_LANG=lang)
    assert result.out.strip() == printed
    assert cli.values() == {(DAY, SPEND): stored}


@pytest.mark.parametrize(
    ("lang", "typed", "sentence"),
    [
        ("en", "1,2,3", "Value: in “1,2,3” every group of thousands must have three digits."),
        ("en", "1,234,5", "Value: in “1,234,5” every group of thousands must have three digits."),
        ("en", "12,34.5", "Value: in “12,34.5” every group of thousands must have three digits."),
        ("ru", "1 23", "Значение: в «1 23» в каждой группе разрядов должно быть три цифры."),
        ("ru", "1.2.3", "Значение: в «1.2.3» больше одного десятичного разделителя или разделитель после него."),
    ],
)
def test_a_malformed_grouping_is_refused_and_changes_nothing(seeded, lang, typed, sentence):
    seeded.ok("add", SPEND, "77", "--date", DAY)
    before = seeded.files()
    assert seeded.refused("--lang", lang, "add", SPEND, typed, "--date", DAY, MKHATS_LANG=lang) == sentence
    assert seeded.files() == before
    assert seeded.values() == {(DAY, SPEND): 77.0}


def test_kpi_set_reads_targets_and_thresholds_as_the_language_writes_them(seeded):
    line = seeded.ok(
        "--lang",
        "en",
        "kpi",
        "set",
        "performance.cpa",
        "--target",
        "1,234.5",
        "--stop",
        "> 1,500 for 3 days",
        "--guard",
        "spend >= 3,000",
    ).out.strip()
    assert "1,234.5  > 1500 for 3 days" in line and "[spend >= 3000]" in line
    line = seeded.ok(
        "--lang",
        "ru",
        "kpi",
        "set",
        "performance.cpa",
        "--target",
        "1,5",
        "--stop",
        "> 1,500 3 дня подряд",
        MKHATS_LANG="ru",
    ).out.strip()
    assert "1,5  > 1,5 3 дня подряд" in line  # Russian reads "1,500" as one and a half


@pytest.mark.parametrize(
    ("argv", "sentence"),
    [
        (["--target", "1,2,3"], "--target: in “1,2,3” every group of thousands must have three digits."),
        (["--stop", "> 12,34.5 for 3 days"], "--stop: in “12,34.5” every group of thousands must have three digits."),
        (
            ["--stop", "> 100", "--guard", "spend >= 1 23"],
            "--guard: in “1 23” every group of thousands must have three digits.",
        ),
    ],
)
def test_kpi_set_refuses_a_malformed_grouping(seeded, argv, sentence):
    before = seeded.files()
    assert seeded.refused("--lang", "en", "kpi", "set", "performance.cpa", *argv) == sentence
    assert seeded.files() == before


def test_a_csv_decides_its_decimal_mark_once(seeded, tmp_path):
    path = tmp_path / "values.csv"
    # "1 234,5" can only have a decimal comma: "3,000" in the same file is three, even in English.
    path.write_text(f"date;kpi;value\n{DAY};{SPEND};3,000\n2026-11-21;{SPEND};1 234,5\n", encoding="utf-8")
    seeded.ok("--lang", "en", "import", str(path))
    assert seeded.values() == {(DAY, SPEND): 3.0, ("2026-11-21", SPEND): 1234.5}
    # Nothing decides: the language does.
    path.write_text(f'date,kpi,value\n{DAY},{SPEND},"3,000"\n', encoding="utf-8")
    seeded.ok("--lang", "en", "import", str(path))
    assert seeded.values()[(DAY, SPEND)] == 3000.0


def test_a_csv_mixing_decimal_marks_is_refused_naming_the_rows(seeded, tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_text(
        f"date;kpi;value\n{DAY};{SPEND};1234.5\n2026-11-21;{SPEND};2.5\n2026-11-22;{SPEND};1234,5\n",
        encoding="utf-8",
    )
    before = seeded.files()
    result = seeded("--lang", "en", "import", str(path))
    assert result.code == 2 and result.out == ""
    assert result.err.strip().splitlines() == [  # one bad row: one sentence
        f"{path}, row 4: “1234,5” can only be read with a decimal comma, and rows 2, 3 only with a decimal"
        " point: write the whole file with one decimal mark. Nothing was imported.",
    ]
    assert seeded.files() == before


@pytest.mark.parametrize(
    "args",
    [
        ("kpi", "set", "cmo.romi", "--target", "1e308"),
        ("kpi", "set", "performance.cpa", "--stop", "> -5"),
        ("kpi", "set", "performance.cpa", "--stop", "> 5", "--guard", "spend >= -5"),
        ("add", "content.traffic", "1e20"),
    ],
)
def test_figures_beyond_reason_are_refused(seeded, args):
    before = seeded.files()
    message = seeded.refused(*args)
    assert "too large" in message or "cannot be negative" in message
    assert seeded.files() == before
