"""The import direction of the stages (issue 14), derived from the real imports of generator/ (ast).

A module imports from its own layer and the layers below it, never from one above:

    conventions/ messages/ errors limits write leftovers interrupts workers   (usable by all; they import no stage)
    input/ → figures/ → document/ → compose/ → nd30/ → writers/ → readers/ → pipeline, units → batch, watch → cli/

Each stage reads only what the stages before it made (input: YAML and workbooks → figures → the document
model → composed → checked → written), so a stage can be understood, tested and replaced without the ones
after it. nd30 (the checker) comes after compose because the writers use it (template lint); writers/docx
and writers/html are two consumers of the model (html may read the Word template's looks, never the
reverse); readers (import) produce YAML and use every stage; cli is on top and nothing imports it.
Lazy imports (inside a function) count: they are still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

GENERATOR = Path(__file__).resolve().parents[1] / "generator"
LAYERS = (
    ("conventions", "messages", "errors", "limits", "write", "leftovers", "interrupts", "workers"),
    ("input",),
    ("figures",),
    ("document",),
    ("compose",),
    ("nd30",),
    ("writers",),
    ("readers",),
    ("pipeline", "units"),
    ("batch", "watch"),
    ("cli", "__main__"),
)
RANK = {unit: rank for rank, units in enumerate(LAYERS) for unit in units}
# Imports against the direction still to be removed (issue 14); never add one.
KNOWN: set[tuple[str, str]] = set()


def unit(module: str) -> str:
    """The stage of a module path relative to generator/ ("compose/report.py" → "compose")."""
    return module.split("/")[0].removesuffix(".py")


def imports(path: Path) -> set[str]:
    """The baocao modules `path` imports (a `from baocao.x import y` counts as baocao.x.y when that is a module)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("baocao.")}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("baocao"):
            module = node.module or ""
            subs = {f"{module}.{alias.name}" for alias in node.names}
            found |= {name for name in subs if _exists(name)} or {module}
            if module != "baocao":
                found.add(module)
    return {name for name in found if name != "baocao"}


def _exists(module: str) -> bool:
    base = GENERATOR.joinpath(*module.split(".")[1:])
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def _graph() -> dict[tuple[str, str], tuple[str, str]]:
    """(importing module, imported module) → (their stages), for every import between two stages."""
    edges = {}
    for path in sorted(GENERATOR.rglob("*.py")):
        source = path.relative_to(GENERATOR).as_posix()
        for target in imports(path):
            target_unit = target.split(".")[1]
            if target_unit != unit(source):
                edges[(source, target)] = (unit(source), target_unit)
    return edges


def test_every_module_has_a_layer():
    units = {unit(path.relative_to(GENERATOR).as_posix()) for path in GENERATOR.rglob("*.py")} - {"__init__"}
    assert units <= set(RANK), f"give these a layer in LAYERS: {sorted(units - set(RANK))}"


def test_imports_follow_the_stages():
    against = {
        edge: stages for edge, stages in _graph().items() if RANK[stages[1]] > RANK[stages[0]] and edge not in KNOWN
    }
    assert not against, f"imports against the stages (see this module's docstring): {sorted(against)}"


def test_the_word_writer_does_not_use_the_html_writer():
    found = [
        (path.name, target)
        for path in (GENERATOR / "writers" / "docx").rglob("*.py")
        for target in imports(path)
        if target.startswith("baocao.writers.html")
    ]
    assert not found


def test_known_exceptions_are_still_there():
    """KNOWN lists only real imports, so a fixed one leaves the list (and cannot come back unnoticed)."""
    assert KNOWN <= set(_graph())
