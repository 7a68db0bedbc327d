"""The writer interface the pipeline selects from: each writer turns a composed report into bytes.

A writer gets the composed document (with its warnings) and the report's sources, and says which
suffix its output takes. Whatever else it needs it finds itself: the Word writer resolves and
checks the report's Word template (so a preview never touches templates), the HTML writer needs
nothing more.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from baocao.compose.report import Composed
    from baocao.errors import Problem
    from baocao.input.validate import Sources, Unvalidated


class Writer(Protocol):
    """A consumer of the document model: `write` returns the file's bytes, `suffix` its extension."""

    name: str
    suffix: str

    def write(self, composed: Composed, sources: Sources, templates: Path | None = None) -> bytes:
        """The output of one report; `templates` is the shared template folder (--thu-muc-mau)."""
        ...

    def early_problems(self, inputs: Sources | Unvalidated, templates: Path | None = None) -> list[Problem]:
        """What this writer would refuse in what it reads besides the report (the Word template), found from
        a report that failed (validated or only loaded): told with the report's own problems."""
        ...


# name → module holding WRITER, or 'module:NAME' (imported when first asked for: the Word writer loads docxtpl).
# json and xlsx write the report's figures (figure files: writers/figures.py), not the document.
_MODULES = {
    "docx": "baocao.writers.docx.writer",
    "html": "baocao.writers.html.writer",
    "json": "baocao.writers.figures:JSON_WRITER",
    "xlsx": "baocao.writers.figures:XLSX_WRITER",
}
WRITER_NAMES = tuple(_MODULES)
DEFAULT_WRITER = "docx"


def writer_for(name: str = DEFAULT_WRITER) -> Writer:
    """The writer called `name` (one of WRITER_NAMES)."""
    module, _, attribute = _MODULES[name].partition(":")
    return getattr(import_module(module), attribute or "WRITER")


def writer_by_suffix(suffix: str, names: tuple[str, ...] = WRITER_NAMES) -> str | None:
    """The writer among `names` whose output takes `suffix` (in any case: '.DOCX'), or None."""
    return next((name for name in names if writer_for(name).suffix == suffix.lower()), None)
