"""Profiles as TOML data: the built-ins, the user's own, validation naming file and field, words.

The worked example of ``docs/profiles.md`` is read from the page itself and run on its sample file,
so the documentation cannot drift from the code.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from mkhats.domain.defaults import default_kpis
from mkhats.errors import InputError
from mkhats.i18n import t
from mkhats.imports import (
    describe,
    describe_mapping,
    load_profile,
    load_profiles,
    parse_profile,
    read,
    recognise,
)

DOCS = Path(__file__).parents[2] / "docs" / "profiles.md"
BUILT_INS = {
    "amocrm",
    "bitrix24",
    "ga4",
    "google-ads",
    "meta-ads",
    "vk-ads",
    "yandex-direct-api",
    "yandex-direct-wizard",
    "yandex-metrica",
}

MINIMAL = """
name = "mine"
[header]
required = [["Day"]]
[date]
column = ["Day"]
[[kpi]]
key = "content.traffic"
column = ["Visits"]
"""


def test_the_built_ins_map_to_measured_default_kpis() -> None:
    profiles = load_profiles(None)
    assert set(profiles) == BUILT_INS
    measured = {k.key for k in default_kpis() if not k.formula}
    for profile in profiles.values():
        assert profile.origin == "built-in"
        assert {k.key for k in profile.kpi} <= measured, profile.name
    assert profiles["yandex-direct-api"].source_name == profiles["yandex-direct-wizard"].source_name == "yandex-direct"


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("name", sorted(BUILT_INS))
def test_every_built_in_is_described_in_words(name: str, lang: str) -> None:
    lines = [line.render(lang) for line in describe(load_profiles(None)[name])]
    assert lines[0].startswith(name + " — ")
    assert not [line for line in lines if "imports." in line]
    assert any(line.startswith(load_profiles(None)[name].kpi[0].key) for line in lines)


def test_a_users_profile_is_added_and_one_with_a_built_in_name_replaces_it(tmp_path: Path) -> None:
    (tmp_path / "mine.toml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "ga4.toml").write_text(MINIMAL.replace('"mine"', '"ga4"'), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a profile", encoding="utf-8")
    profiles = load_profiles(tmp_path)
    assert set(profiles) == BUILT_INS | {"mine"}
    assert profiles["ga4"].origin == str(tmp_path / "ga4.toml")
    assert profiles["ga4"].kpi[0].column == ["Visits"]
    assert load_profiles(tmp_path / "absent").keys() == BUILT_INS


def test_a_users_profile_wins_a_tie_with_a_built_in(tmp_path: Path) -> None:
    text = (Path(__file__).parents[2] / "mkhats/imports/profiles/ga4.toml").read_text(encoding="utf-8")
    (tmp_path / "my-ga4.toml").write_text(text.replace('name = "ga4"', 'name = "my-ga4"'), encoding="utf-8")
    match = recognise(b"Date,Sessions,Key events\n20261102,5,1\n", load_profiles(tmp_path).values())
    assert match is not None and match.profile.name == "my-ga4" and match.others == ("ga4", "yandex-metrica")


@pytest.mark.parametrize(
    ("change", "key", "field"),
    [
        (("[date]", "[date]\nzone = 'x'"), "imports.profile.unknown_field", "date.zone"),
        (('[[kpi]]\nkey = "content.traffic"\ncolumn = ["Visits"]', ""), "imports.profile.missing", "kpi"),
        (
            ('column = ["Visits"]', 'column = ["Visits"]\naggregate = "mean"'),
            "imports.profile.choice",
            "kpi[1].aggregate",
        ),
        (("[header]", "[rows]\nskip = ['(']\n[header]"), "imports.profile.regex", "rows.skip"),
        (
            ('column = ["Day"]', 'column = ["Day"]\ntimezone = "Mars/Olympus"'),
            "imports.profile.timezone",
            "date.timezone",
        ),
        (
            ('column = ["Day"]', 'column = ["Day"]\nformats = ["%d.%m.%Q"]'),
            "imports.profile.date_format",
            "date.formats",
        ),
        (
            ("[header]", "[currency]\nfixed = 'RUB'\nfrom_header = true\n[header]"),
            "imports.profile.one_currency",
            "currency",
        ),
        (("content.traffic", "traffic"), "imports.profile.kpi_key", "kpi[1].key"),
        (
            ('column = ["Visits"]', 'column = ["Visits"]\n[[kpi.where]]\ncolumn = ["A"]\nin = ["x"]\nmatches = "y"'),
            "imports.profile.one_test",
            "kpi[1].where[1]",
        ),
        (('column = ["Visits"]', ""), "imports.profile.sum_column", "kpi[1]"),
        (('name = "mine"', 'name = "My Profile"'), "imports.profile.slug", "name"),
        (('name = "mine"', 'name = "mine"\nsource = "manual"'), "imports.profile.manual", "source"),
        (('name = "mine"', 'name = "manual"'), "imports.profile.manual", "name"),
        (('required = [["Day"]]', 'required = [[""]]'), "imports.profile.empty_name", "header.required"),
        (("[header]", '[file]\nencoding = "klingon"\n[header]'), "imports.profile.encoding", "file.encoding"),
        (('required = [["Day"]]', 'required = "Day"'), "imports.profile.invalid", "header.required"),
    ],
)
def test_a_bad_profile_is_refused_naming_the_file_and_field(change: tuple[str, str], key: str, field: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_profile(MINIMAL.replace(*change), "mine.toml")
    assert caught.value.key == key
    assert caught.value.params["file"] == "mine.toml" and caught.value.params["field"] == field
    for lang in ("en", "ru"):
        sentence = t(key, lang=lang, **caught.value.params)
        assert "mine.toml" in sentence and field in sentence


def test_a_profile_that_is_not_toml_or_not_text(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        parse_profile("name = ", "broken.toml")
    assert caught.value.key == "imports.profile.toml" and "broken.toml" in caught.value.render()
    path = tmp_path / "binary.toml"
    path.write_bytes(b"\xff\xfe\x00name")
    with pytest.raises(InputError) as caught:
        load_profile(path)
    assert caught.value.key == "imports.profile.unreadable"
    (tmp_path / "bad.toml").write_text("name = 1", encoding="utf-8")
    with pytest.raises(InputError):
        load_profiles(tmp_path)


def _block(language: str) -> str:
    found = re.search(rf"```{language}\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.DOTALL)
    assert found is not None
    return found.group(1)


def test_the_worked_example_of_the_docs_reads_its_sample(tmp_path: Path) -> None:
    (tmp_path / "offline-sales.toml").write_text(_block("toml"), encoding="utf-8")
    profiles = load_profiles(tmp_path)
    data = _block("csv").encode("utf-8")
    match = recognise(data, profiles.values())
    assert match is not None and match.profile.name == "offline-sales"
    result = read(data, match.profile, "Europe/Moscow")
    d2, d3 = date(2026, 11, 2), date(2026, 11, 3)
    assert result.days("cmo.revenue") == {d2: 16500.0, d3: 7250.5}
    assert result.days("cmo.new_customers") == {d2: 1.0, d3: 1.0}
    assert result.filtered == 1 and [s[1] for s in result.skipped] == ["imports.skip.total"]
    assert result.layout.decimal == ","
    words = [describe_mapping(m).render("en") for m in result.mapping]
    assert words == [
        "cmo.revenue ← sum of “Выручка” (money), where “Статус” is one of “Оплачен”",
        "cmo.new_customers ← count of rows, where “Статус” is one of “Оплачен” and “Клиент” is one of “новый”",
    ]


def test_every_field_of_the_models_is_documented() -> None:
    from mkhats.imports.profile import (
        Condition,
        CurrencySpec,
        DateSpec,
        FileSpec,
        HeaderSpec,
        KpiMap,
        NumbersSpec,
        Profile,
        RowsSpec,
    )

    page = DOCS.read_text(encoding="utf-8")
    for model in (Profile, FileSpec, HeaderSpec, RowsSpec, DateSpec, NumbersSpec, CurrencySpec, KpiMap, Condition):
        for name, info in model.model_fields.items():
            word = info.alias or name
            assert f"`{word}" in page or f"`[{word}]`" in page, f"{model.__name__}.{name} is not in docs/profiles.md"
