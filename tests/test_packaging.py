"""A plain `pip install .` ships every package of generator/ and every data file templates/ needs."""

from __future__ import annotations

from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib", reason="tomllib is Python 3.11+; the package itself supports 3.10")
ROOT = Path(__file__).resolve().parents[1]
SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_code_package_is_listed():
    found = {
        "baocao." + ".".join(init.parent.relative_to(ROOT / "generator").parts)
        for init in (ROOT / "generator").rglob("__init__.py")
    }
    found = {name.rstrip(".") for name in found}
    assert found <= set(SETUPTOOLS["packages"])


def test_every_template_data_file_is_shipped():
    patterns = SETUPTOOLS["package-data"]["baocao.templates"]
    data = [p for p in (ROOT / "templates").rglob("*") if p.is_file() and p.suffix in (".docx", ".yaml")]
    assert data
    for path in data:
        relative = path.relative_to(ROOT / "templates")
        assert any(relative.match(pattern) for pattern in patterns), relative


def test_the_preview_assets_are_shipped():
    patterns = SETUPTOOLS["package-data"]["baocao.writers.html"]
    assets = [p for p in (ROOT / "generator" / "writers" / "html").iterdir() if p.suffix in (".css", ".js")]
    assert {p.name for p in assets} >= {"page.css", "paginate.js"}
    for path in assets:
        assert any(path.match(pattern) for pattern in patterns), path.name
