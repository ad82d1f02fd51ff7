"""The pure rules stand alone (SPEC §7): importing every domain module loads no catalogue, no UI and
no TinyDB; their errors carry keys and are put into words by the catalogue when shown.

import-linter proves the arrows from the source; this proves them in a running interpreter, where a
lazy import inside a function would also count once it runs.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import pytest

import mkhats.domain
from mkhats.domain.formula import parse_formula
from mkhats.errors import InputError, Message
from mkhats.i18n import set_language, t

_PROBE = """
import importlib, json, sys
for name in {names!r}:
    importlib.import_module(name)
from mkhats.domain.formula import parse_formula
try:
    parse_formula("spend /")
except Exception as error:
    sentence = str(error)
print(json.dumps({{"loaded": sorted(sys.modules), "sentence": sentence}}))
"""


def test_the_domain_loads_neither_the_catalogue_nor_textual_nor_tinydb() -> None:
    names = [f"mkhats.domain.{m.name}" for m in pkgutil.iter_modules(mkhats.domain.__path__)]
    out = subprocess.run(
        [sys.executable, "-c", _PROBE.format(names=names)], capture_output=True, text=True, check=True
    ).stdout
    result = json.loads(out)
    loaded = set(result["loaded"])
    assert not {"mkhats.i18n", "textual", "tinydb", "mkhats.store", "mkhats.present"} & loaded
    # Without a catalogue an error shows its key, as the catalogue shows a key it does not hold.
    assert result["sentence"] == "formula.syntax"


def test_a_nested_message_renders_in_the_language_of_its_sentence() -> None:
    with pytest.raises(InputError) as caught:
        parse_formula("spend /")
    russian = t(caught.value.key, lang="ru", **caught.value.params)
    assert "конец формулы" in russian and "the end of the formula" not in russian
    set_language("ru")
    assert caught.value.render() == russian


def test_a_message_without_a_catalogue_entry_shows_its_fallback() -> None:
    assert Message("hat.zzz.name", fallback="zzz").render() == "zzz"
    assert Message("hat.cmo.name", fallback="cmo").render() == t("hat.cmo.name")
