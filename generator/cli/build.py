"""`baocao build` and `baocao validate`: reports in, .docx (and PDF) out, or only the verdict."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape

from baocao.cli.app import (
    EXIT_INPUT,
    EXIT_OK,
    Command,
    ReportFiles,
    Strict,
    TemplateFolder,
    app,
    err,
    or_exit,
    out,
    output_option,
    output_writer,
    require_files,
    require_folder,
    show,
    show_warnings,
)
from baocao.errors import BaocaoError, Problem
from baocao.limits import REPORT_SECONDS
from baocao.messages import cli as msg
from baocao.messages import common
from baocao.messages import help as guide
from baocao.writers.registry import DEFAULT_WRITER

TimeLimit = Annotated[
    int,
    typer.Option(
        "--gioi-han-giay",
        min=0,
        metavar="GIAY",
        help=guide.TIME_LIMIT,
    ),
]

if TYPE_CHECKING:
    from baocao.batch import Job, Outcome


@app.command(cls=Command, options_metavar=guide.OPTIONS, help=guide.BUILD)
def build(
    reports: ReportFiles,
    output: Annotated[
        Path | None,
        output_option(guide.BUILD_OUTPUT, "TEP.docx|THU_MUC"),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("-j", "--jobs", min=1, help=guide.JOBS, show_default=False),
    ] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help=guide.PDF)] = False,
    pdfa: Annotated[
        bool,
        typer.Option(
            "--pdfa",
            help=guide.PDFA,
        ),
    ] = False,
    templates: TemplateFolder = None,
    strict: Strict = False,
    seconds: TimeLimit = REPORT_SECONDS,
    figures: Annotated[
        bool,
        typer.Option(
            "--so-lieu",
            help=guide.FIGURE_FILES,
        ),
    ] = False,
    attach: Annotated[
        bool,
        typer.Option(
            "--kem-so-lieu",
            help=guide.ATTACH_FIGURES,
        ),
    ] = False,
) -> None:
    """Build reports into .docx files (and PDFs), one or every report of the unit folders named."""
    require_files(reports)
    output_writer(output, (DEFAULT_WRITER,), folders=True)
    from baocao import batch

    require_folder(templates)
    planned = _plan(
        reports, output, templates, strict=strict, seconds=seconds, figures=figures, pdf=pdf, pdfa=pdfa, attach=attach
    )
    if len(planned) == 1:
        outcomes = batch.run(planned, jobs)
    else:
        from baocao.cli import views  # rich's progress bar and tables: only for several reports

        with views.progress(err, len(planned)) as done:
            outcomes = batch.run(planned, jobs, done)
    for outcome in outcomes:
        show(outcome.problems, common.ERRORS, "bold red")
        if not outcome.ok:
            err.print(f"[red]{msg.nothing_written(escape(str(outcome.job.report)))}[/] ({_counts(outcome)}).")
        show_warnings(outcome.warnings, outcome.notes)
    pdf_failed = bool(planned[0].pdf) and not _write_pdfs(outcomes)
    if len(outcomes) > 1:
        from baocao.cli import views

        out.print(views.summary(outcomes))
        out.print(views.totals(outcomes))
    elif outcomes[0].ok:
        took = msg.took(f"{outcomes[0].seconds:.2f}")
        out.print(f"[green]{msg.BUILT}[/] {escape(str(outcomes[0].job.target))} {took}")
        if outcomes[0].job.figure_targets:
            out.print(f"[green]{msg.FIGURES_WRITTEN}[/] {escape(', '.join(map(str, outcomes[0].job.figure_targets)))}")
    raise typer.Exit(EXIT_INPUT if pdf_failed or not all(outcome.ok for outcome in outcomes) else EXIT_OK)


def _plan(reports: list[Path], output: Path | None, templates: Path | None, **settings: Any) -> list[Job]:
    """The reports found in the arguments (baocao.batch.plan, with its `settings`), and what the search passed
    over (warnings); exit 1 after saying why if none can be."""
    from baocao.batch import plan

    notes: list[Problem] = []
    jobs = or_exit(lambda: plan(reports, output, templates, notes=notes, **settings))
    show(notes, common.WARNINGS, "bold yellow")
    return jobs


def _counts(outcome: Outcome) -> str:
    """'3 lỗi, 2 cảnh báo' of one report."""
    return msg.counts(len(outcome.problems)) + (msg.warnings_count(len(outcome.warnings)) if outcome.warnings else "")


def _write_pdfs(outcomes: list[Outcome]) -> bool:
    """The PDFs the jobs ask for (batch.Job.pdf) beside the written .docx files; False, after saying why, when
    none was made."""
    from baocao.batch import write_pdfs

    try:
        with err.status(msg.EXPORTING_PDF):
            write_pdfs(outcomes)
    except BaocaoError as exc:
        show(exc.problems, common.ERRORS, "bold red")
        return False
    if len(outcomes) == 1 and outcomes[0].pdf:
        kind = msg.PDF_KINDS[outcomes[0].job.pdf]
        out.print(f"[green]{msg.exported(kind)}[/] {escape(str(outcomes[0].pdf))}")
    return True


@app.command(cls=Command, options_metavar=guide.OPTIONS, help=guide.VALIDATE)
def validate(
    reports: ReportFiles, templates: TemplateFolder = None, strict: Strict = False, seconds: TimeLimit = REPORT_SECONDS
) -> None:
    """Check reports through every step but writing."""
    from baocao.batch import run

    require_files(reports)
    require_folder(templates)
    planned = _plan(reports, None, templates, write=False, strict=strict, seconds=seconds)
    outcomes = run(planned, 1, _tell_validity, write=False)
    raise typer.Exit(EXIT_INPUT if not all(outcome.ok for outcome in outcomes) else EXIT_OK)


def _tell_validity(outcome: Outcome) -> None:
    """What validate says of one report, as soon as it is checked."""
    show(outcome.problems, common.ERRORS, "bold red")
    show_warnings(outcome.warnings, outcome.notes)
    if outcome.ok:
        out.print(f"[green]{msg.VALID}[/] {escape(str(outcome.job.report))}")
    else:
        err.print(f"[red]{msg.INVALID}[/] {escape(str(outcome.job.report))} ({_counts(outcome)}).")
