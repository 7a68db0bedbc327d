"""The examples in the package's docstrings (`>>> ...`) give what they show.

Run from here rather than by `--doctest-modules`, which would import every module a second time under its
folder's name (`generator.*`), registering the CLI's commands twice.
"""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import pkgutil
from pathlib import Path

import baocao

SKIPPED = {"baocao.__main__", "baocao.writers.pdf_uno"}  # runs the CLI; runs inside LibreOffice's own Python
EXAMPLES = 18  # at least this many examples run (the package had 18 when this test was written)


def _modules_with_examples() -> list[str]:
    names = []
    for module in pkgutil.walk_packages(baocao.__path__, "baocao."):
        spec = importlib.util.find_spec(module.name)
        if module.name not in SKIPPED and spec and spec.origin:
            if ">>>" in Path(spec.origin).read_text(encoding="utf-8"):
                names.append(module.name)
    return names


def test_the_docstrings_examples_hold():
    names = _modules_with_examples()
    results = {name: doctest.testmod(importlib.import_module(name)) for name in names}
    assert {name: result.failed for name, result in results.items() if result.failed} == {}
    assert sum(result.attempted for result in results.values()) >= EXAMPLES, results
    assert "baocao.conventions.formatting" in names
