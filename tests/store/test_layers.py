"""The core runs without the UI: importing the domain and the store never imports Textual."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import importlib, pkgutil, sys
import mkhats.domain, mkhats.store
for package in (mkhats.domain, mkhats.store):
    for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(module.name)
loaded = sorted(name for name in sys.modules if name.split(".")[0] == "textual")
print(loaded)
"""


def test_domain_and_store_do_not_import_textual() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_only_the_store_imports_tinydb() -> None:
    probe = "import sys, mkhats.domain, pkgutil, importlib\n" + (
        "for m in pkgutil.walk_packages(mkhats.domain.__path__, 'mkhats.domain.'): importlib.import_module(m.name)\n"
        "print('tinydb' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
