"""The pipeline, end to end: load → validate → compute → compose → render → write."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from baocao.compose.report import compose
from baocao.figures.compute import compute
from baocao.writers.docx.writer import write_docx
from baocao.compose.trust import placeholder_warnings
from baocao.errors import BaocaoError, Collector, Problem
from baocao.writers.docx.templates import template_for
from baocao.input.validate import load_sources
from baocao.write import write_atomic

OUTPUT_DIR = Path("output")


@dataclass
class Built:
    """A report rendered in memory: the .docx bytes and the warnings met."""

    data: bytes
    warnings: list[Problem] = field(default_factory=list)


def render(report: Path, templates: Path | None = None, strict: bool = False) -> Built:
    """Everything but writing: one report loaded, validated, computed, composed and rendered.

    `templates` is the shared template folder given on the command line (template_files). The
    problems of every stage are raised together (BaocaoError, with the warnings); with `strict`,
    the trust checks' warnings (typed slips, placeholders: compose/trust.py) are problems too.
    """
    sources = load_sources(report)  # load and validate: the later stages need their models
    found = Collector()
    computed = compute(sources)
    found.add(computed.errors)
    composed = found.attempt(lambda: compose(sources, computed), None)
    template = found.attempt(lambda: template_for(sources, templates), None)
    warnings = (composed.warnings if composed else found.warnings) + placeholder_warnings(sources)
    if strict:
        found.add(w for w in warnings if w.code)
        warnings = [w for w in warnings if not w.code]
    if found.problems or composed is None or template is None:
        raise BaocaoError(found.problems, warnings)
    data = write_docx(composed.document, template)  # render
    return Built(data, warnings)


def default_output(report: Path) -> Path:
    """output/<report name>.docx, relative to the current directory."""
    return OUTPUT_DIR / f"{report.stem}.docx"


def build(report: Path, output: Path | None = None, templates: Path | None = None, strict: bool = False) -> tuple[Path, Built]:
    """Render a report and write it atomically; nothing is written if any stage fails."""
    built = render(report, templates, strict)
    target = output or default_output(report)
    write_atomic(target, built.data)
    return target, built
