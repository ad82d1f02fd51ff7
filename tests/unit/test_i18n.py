"""The message catalogues (SPEC: the UI ships in English and Russian) and plural forms."""

from __future__ import annotations

import string

import pytest

from mkhats.i18n import plural_form, t
from mkhats.i18n.en import MESSAGES as EN
from mkhats.i18n.ru import MESSAGES as RU

RU_FORMS = {"one", "few", "many"}
EN_FORMS = {"one", "other"}


@pytest.mark.parametrize(
    ("n", "form"),
    [
        (0, "many"),
        (1, "one"),
        (2, "few"),
        (3, "few"),
        (4, "few"),
        (5, "many"),
        (10, "many"),
        (11, "many"),
        (12, "many"),
        (14, "many"),
        (15, "many"),
        (20, "many"),
        (21, "one"),
        (22, "few"),
        (24, "few"),
        (25, "many"),
        (101, "one"),
        (111, "many"),
        (112, "many"),
        (114, "many"),
        (121, "one"),
        (122, "few"),
        (1001, "one"),
        (-1, "one"),
        (-22, "few"),
    ],
)
def test_plural_form_ru(n: int, form: str) -> None:
    assert plural_form("ru", n) == form


@pytest.mark.parametrize(("n", "form"), [(0, "other"), (1, "one"), (2, "other"), (21, "other"), (-1, "one")])
def test_plural_form_en(n: int, form: str) -> None:
    assert plural_form("en", n) == form


def test_plural_message_picks_the_form() -> None:
    assert t("stop.for_days", lang="en", condition="> 1", n=1, days=1) == "> 1 for 1 day"
    assert t("stop.for_days", lang="en", condition="> 1", n=2, days=2) == "> 1 for 2 days"
    for n, word in ((1, "день"), (3, "дня"), (5, "дней"), (21, "день"), (112, "дней")):
        assert t("stop.for_days", lang="ru", condition="> 1", n=n, days=n) == f"> 1 {n} {word} подряд"


def test_a_plural_message_given_only_its_count_agrees_with_it() -> None:
    # ctrl+z said «Отменено: 3 значений KPI»: the message carried ``count`` and no ``n``.
    from mkhats.errors import Message

    assert Message("undo.what.values", {"count": 3}).render("ru") == "3 значения KPI"
    assert Message("undo.what.values", {"count": 1}).render("en") == "1 KPI value"


def test_missing_key_is_shown_as_is() -> None:
    assert t("no.such.key") == "no.such.key"
    assert t("no.such.key", lang="ru") == "no.such.key"


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def _placeholders(message: str | dict) -> set[str]:
    if isinstance(message, dict):
        return set().union(*(_fields(m) for m in message.values()))
    return _fields(message)


def test_every_english_key_is_in_russian() -> None:
    missing = sorted(set(EN) - set(RU))
    assert missing == [], f"{len(missing)} keys missing from the Russian catalogue: {missing}"


def test_every_russian_key_is_in_english() -> None:
    extra = sorted(set(RU) - set(EN))
    assert extra == [], f"{len(extra)} Russian keys not in the English catalogue: {extra}"


def test_placeholders_match() -> None:
    differ = {
        key: (sorted(_placeholders(EN[key])), sorted(_placeholders(RU[key])))
        for key in sorted(set(EN) & set(RU))
        if _placeholders(EN[key]) != _placeholders(RU[key])
    }
    assert differ == {}, f"placeholders differ (en, ru): {differ}"


def test_plural_messages_have_every_form() -> None:
    problems = {}
    for key in sorted(set(EN) | set(RU)):
        en, ru = EN.get(key), RU.get(key)
        if isinstance(en, dict) and not set(en) >= EN_FORMS:
            problems[f"en {key}"] = sorted(en)
        if isinstance(ru, dict) and not set(ru) >= RU_FORMS:
            problems[f"ru {key}"] = sorted(ru)
        if (en is not None and ru is not None) and isinstance(en, dict) != isinstance(ru, dict):
            problems[f"shape {key}"] = (type(en).__name__, type(ru).__name__)
    assert problems == {}


def test_every_plural_form_uses_the_same_placeholders() -> None:
    uneven = {}
    for lang, catalogue in (("en", EN), ("ru", RU)):
        for key, message in catalogue.items():
            if isinstance(message, dict):
                forms = {form: _fields(text) for form, text in message.items()}
                if len({frozenset(f) for f in forms.values()}) > 1:
                    uneven[f"{lang} {key}"] = forms
    assert uneven == {}


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_message_is_a_valid_template_of_nonempty_text(lang: str) -> None:
    catalogue = EN if lang == "en" else RU
    bad = []
    for key, message in catalogue.items():
        texts = message.values() if isinstance(message, dict) else [message]
        for text in texts:
            if not isinstance(text, str):
                bad.append(key)
                continue
            try:
                fields = _fields(text)
                text.format(**{name: "x" for name in fields})
            except (ValueError, KeyError, IndexError, AttributeError):
                bad.append(key)
            if any(name == "" or name.isdigit() for name in fields):
                bad.append(key)  # positional fields cannot be filled by t(**params)
    assert bad == []
