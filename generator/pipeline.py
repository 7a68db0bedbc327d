"""The pipeline, end to end: load → validate → compute → compose → render (a writer) → write."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from baocao.compose.report import Composed, compose
from baocao.errors import Problem
from baocao.figures.compute import compute
from baocao.input.validate import Sources, load_sources
from baocao.write import write_atomic
from baocao.writers.registry import DEFAULT_WRITER, writer_for

OUTPUT_DIR = Path("output")


@dataclass
class Built:
    """A report rendered in memory: the output's bytes and the warnings met."""

    data: bytes
    warnings: list[Problem] = field(default_factory=list)


def compose_report(report: Path) -> tuple[Sources, Composed]:
    """One report loaded, validated, computed and composed: its sources and its document model."""
    sources = load_sources(report)  # load and validate
    return sources, compose(sources, compute(sources))


def render(report: Path, templates: Path | None = None, writer: str = DEFAULT_WRITER) -> Built:
    """Everything but writing: one report composed, then rendered by `writer` (docx, html).

    `templates` is the shared template folder given on the command line (template_files).
    """
    sources, composed = compose_report(report)
    return Built(writer_for(writer).write(composed, sources, templates), composed.warnings)


def default_output(report: Path, writer: str = DEFAULT_WRITER) -> Path:
    """output/<report name> with the writer's suffix, relative to the current directory."""
    return OUTPUT_DIR / f"{report.stem}{writer_for(writer).suffix}"


def build(report: Path, output: Path | None = None, templates: Path | None = None,
          writer: str = DEFAULT_WRITER) -> tuple[Path, Built]:
    """Render a report and write it atomically; nothing is written if any stage fails."""
    built = render(report, templates, writer)
    target = output or default_output(report, writer)
    write_atomic(target, built.data)
    return target, built
