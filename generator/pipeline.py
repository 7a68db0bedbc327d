"""The pipeline, end to end: load → validate → compute → compose → render → write."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from baocao.compose.report import compose
from baocao.figures.compute import compute
from baocao.writers.docx.writer import write_docx
from baocao.errors import Problem
from baocao.writers.docx.templates import template_for
from baocao.input.validate import load_sources
from baocao.write import write_atomic

OUTPUT_DIR = Path("output")


@dataclass
class Built:
    """A report rendered in memory: the .docx bytes and the warnings met."""

    data: bytes
    warnings: list[Problem] = field(default_factory=list)


def render(report: Path, templates: Path | None = None) -> Built:
    """Everything but writing: one report loaded, validated, computed, composed and rendered.

    `templates` is the shared template folder given on the command line (template_files).
    """
    sources = load_sources(report)  # load and validate
    template = template_for(sources, templates)
    computed = compute(sources)
    composed = compose(sources, computed)
    data = write_docx(composed.document, template)  # render
    return Built(data, composed.warnings)


def default_output(report: Path) -> Path:
    """output/<report name>.docx, relative to the current directory."""
    return OUTPUT_DIR / f"{report.stem}.docx"


def build(report: Path, output: Path | None = None, templates: Path | None = None) -> tuple[Path, Built]:
    """Render a report and write it atomically; nothing is written if any stage fails."""
    built = render(report, templates)
    target = output or default_output(report)
    write_atomic(target, built.data)
    return target, built
