"""The pipeline, end to end: load → validate → compute → compose → render (a writer) → write."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from baocao.compose.report import Composed, compose
from baocao.compose.trust import placeholder_warnings
from baocao.errors import BaocaoError, Collector, Problem, split_notes
from baocao.figures.compute import compute
from baocao.input.validate import InvalidSources, Sources, load_sources
from baocao.write import write_atomic
from baocao.writers.registry import DEFAULT_WRITER, writer_for

OUTPUT_DIR = Path("output")
FIGURE_WRITERS = ("xlsx", "json")  # the figure files `build --so-lieu` writes beside a report's output


@dataclass
class Built:
    """A report rendered in memory: the output's bytes, the warnings met and the notes (Problem.note)."""

    data: bytes
    warnings: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    figure_files: dict[str, bytes] = field(default_factory=dict)  # by writer (FIGURE_WRITERS), when asked for


def compose_report(report: Path, strict: bool = False) -> tuple[Sources, Composed]:
    """One report loaded, validated, computed and composed: its sources and its document model (compose_sources)."""
    sources = load_sources(report)  # load and validate: the later stages need their models
    return sources, compose_sources(sources, strict)


def compose_sources(sources: Sources, strict: bool = False) -> Composed:
    """A validated report computed and composed: its document model, whose warnings include the trust
    checks' (typed slips, placeholders: compose/trust.py).

    The problems of every stage are raised together (BaocaoError, with the warnings); with `strict`,
    the trust checks' warnings are problems too.
    """
    found = Collector()
    computed = compute(sources)
    found.add(computed.errors)
    composed = found.attempt(lambda: compose(sources, computed), None)
    warnings = (composed.warnings if composed else found.warnings) + placeholder_warnings(sources)
    if strict:
        found.add(w for w in warnings if w.code)
        warnings = [w for w in warnings if not w.code]
    if found.problems or composed is None:
        raise BaocaoError(found.problems, warnings)
    composed.warnings, composed.notes = split_notes(warnings)
    return composed


def render(
    report: Path,
    templates: Path | None = None,
    writer: str = DEFAULT_WRITER,
    strict: bool = False,
    figures: bool = False,
) -> Built:
    """Everything but writing: one report composed, then rendered by `writer` (docx, html).

    `templates` is the shared template folder given on the command line (template_files); `strict`
    as for compose_sources; with `figures`, the figure files too (FIGURE_WRITERS). When the report fails,
    the problems the writer finds in what it reads besides (the Word template) are told with its own.
    """
    chosen = writer_for(writer)
    try:
        sources = load_sources(report)
    except InvalidSources as exc:
        raise _told_with(exc, chosen.early_problems(exc.loaded, templates)) from None
    try:
        composed = compose_sources(sources, strict)
    except BaocaoError as exc:
        raise _told_with(exc, chosen.early_problems(sources, templates)) from None
    try:
        data = chosen.write(composed, sources, templates)
    except BaocaoError as exc:  # a broken template: told with the report's warnings
        raise BaocaoError(exc.problems, composed.warnings + composed.notes) from None
    if not figures:
        return Built(data, composed.warnings, composed.notes)
    from baocao.writers.figures import figure_file_bytes  # openpyxl and the records: only when asked for

    return Built(data, composed.warnings, composed.notes, figure_file_bytes(composed, sources, FIGURE_WRITERS))


def _told_with(exc: BaocaoError, early: list[Problem]) -> BaocaoError:
    """The report's problems and, after them, the writer's early ones it does not already hold."""
    return BaocaoError(exc.problems + [p for p in early if p not in exc.problems], exc.warnings)


def output_name(report: Path, writer: str = DEFAULT_WRITER) -> str:
    """The name of a report's output: its name with the writer's suffix; a figure file's as figure_file names it."""
    name = f"{report.stem}{writer_for(writer).suffix}"
    return figure_file(Path(name), writer).name if writer in FIGURE_WRITERS else name


def default_output(report: Path, writer: str = DEFAULT_WRITER) -> Path:
    """output/<output_name>, relative to the current directory."""
    return OUTPUT_DIR / output_name(report, writer)


def figure_file(target: Path, writer: str) -> Path:
    """The figure file written beside a report's output: bao-cao.docx → bao-cao-so-lieu.xlsx."""
    return target.with_name(f"{target.stem}-so-lieu{writer_for(writer).suffix}")


def figure_files(target: Path) -> list[Path]:
    """Every figure file (FIGURE_WRITERS) written beside a report's output by `build --so-lieu`."""
    return [figure_file(target, writer) for writer in FIGURE_WRITERS]


def build(
    report: Path,
    output: Path | None = None,
    templates: Path | None = None,
    writer: str = DEFAULT_WRITER,
    strict: bool = False,
    figures: bool = False,
) -> tuple[Path, Built]:
    """Render a report and write it atomically (with `figures`, its figure files beside it: figure_file);
    nothing is written if any stage fails."""
    built = render(report, templates, writer, strict, figures)
    target = output or default_output(report, writer)
    write_built(target, built)
    return target, built


def write_built(target: Path, built: Built) -> None:
    """A rendered report written atomically at `target`, its figure files (if rendered) beside it."""
    write_atomic(target, built.data)
    for name, data in built.figure_files.items():
        write_atomic(figure_file(target, name), data)
