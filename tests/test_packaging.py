"""A plain `pip install .` ships every package of generator/ and every data file templates/ needs."""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import distributions, packages_distributions
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

tomllib = pytest.importorskip("tomllib", reason="tomllib is Python 3.11+; the package itself supports 3.10")
ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]


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


def _imported_modules() -> set[str]:
    """The top-level names of the modules generator/ imports (at the top of a module or inside a function) that
    come from PyPI: not the standard library, not baocao, not LibreOffice's own `uno` (writers/pdf_uno.py)."""
    names = set()
    for path in (ROOT / "generator").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"__future__", "baocao", "uno", "com"}


def test_every_import_is_a_declared_dependency():
    """A library reached only through another's dependencies goes when that one drops it."""
    declared = {canonicalize_name(Requirement(line).name) for line in PYPROJECT["project"]["dependencies"]}
    providers = packages_distributions()
    undeclared = {
        module: providers.get(module, ["?"])
        for module in _imported_modules()
        if not {canonicalize_name(name) for name in providers.get(module, [])} & declared
    }
    assert not undeclared, f"declare in pyproject.toml's dependencies: {undeclared}"


def _pins() -> dict[str, list[Requirement]]:
    pins: dict[str, list[Requirement]] = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pin = Requirement(line)
            pins.setdefault(canonicalize_name(pin.name), []).append(pin)
    return pins


def _needed() -> dict[str, str]:
    """Every distribution baocao[test] needs here, with its installed version: what the test command installs."""
    installed = {canonicalize_name(dist.metadata["Name"]): dist for dist in distributions()}
    needed, todo = {}, [Requirement("baocao[test]")]
    while todo:
        requirement = todo.pop()
        name = canonicalize_name(requirement.name)
        if name in needed or name not in installed:
            continue
        needed[name] = installed[name].version
        for line in installed[name].requires or []:
            wanted = Requirement(line)
            extras = requirement.extras or {""}
            if wanted.marker is None or any(wanted.marker.evaluate({"extra": extra}) for extra in extras):
                todo.append(wanted)
    return needed


def test_every_installed_distribution_is_pinned():
    """constraints.txt pins all the test command installs (baocao aside), so no new release changes CI."""
    pins, needed = _pins(), _needed()
    needed.pop("baocao")
    assert not set(needed) - set(pins), f"pin in constraints.txt: {sorted(set(needed) - set(pins))}"
    for name, version in needed.items():
        applying = [pin for pin in pins[name] if pin.marker is None or pin.marker.evaluate()]
        assert len(applying) == 1 and applying[0].specifier.contains(version), (name, version, applying)


def test_the_readme_installs_into_a_venv_with_the_pins():
    """The README's commands (Linux, Windows) and the test command install into .venv (PEP 668: Debian's and Ubuntu's
    Python refuse a system-wide install), each pip install with the pins."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    install = readme[readme.index("## Cài đặt") : readme.index("## Các lệnh chính")]
    script = (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
    assert (
        "python3 -m venv .venv && .venv/bin/pip install" in install
        and "py -m venv .venv; .venv\\Scripts\\pip" in install
    )
    installs = re.findall(r"pip install [^\n;&]*", install + script)
    assert len(installs) == 4 and all("-c constraints.txt" in line for line in installs), installs


def test_the_test_command_runs_the_gate():
    """Lint, formatting and types run before the tests, with their configuration committed."""
    script = (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
    steps = ["ruff check .", "ruff format --check .", "mypy -p baocao", "pytest"]
    assert all(step in script for step in steps) and sorted(steps, key=script.index) == steps
    assert {"ruff", "mypy"} <= set(PYPROJECT["tool"])
