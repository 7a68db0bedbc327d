"""`baocao init`, `next` and `import`: commands that write a unit's YAML files (new, next period, from Word)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from baocao.cli.app import (
    Command,
    OneReport,
    PeriodText,
    app,
    or_exit,
    out,
    output_option,
    require_files,
    typed_period,
)
from baocao.messages import cli as msg
from baocao.messages import help as guide
from baocao.messages.input import TO_FILL


@app.command(cls=Command, options_metavar=guide.OPTIONS, help=guide.INIT)
def init(
    folder: Annotated[Path, typer.Argument(help=guide.UNIT_FOLDER, metavar="THU_MUC", show_default=False)],
    kind: Annotated[
        str,
        typer.Option("--loai", metavar="LOAI", show_default=False, help=guide.KIND),
    ],
    period: Annotated[
        str | None,
        typer.Option(
            "--ky",
            metavar="KY",
            show_default=False,
            help=guide.FIRST_PERIOD,
        ),
    ] = None,
    workbook: Annotated[
        bool,
        typer.Option(
            "--bang-tinh",
            help=guide.WORKBOOK,
        ),
    ] = False,
) -> None:
    """Write a unit's profile and a first report of a kind, every key commented, ready to build."""
    from datetime import date

    from baocao.input.kinds import KINDS
    from baocao.input.scaffold import default_period, init_folder

    if kind not in KINDS:
        raise typer.BadParameter(msg.no_kind(kind, ", ".join(KINDS)), param_hint="'--loai'")
    chosen = typed_period(period) if period else default_period(date.today())
    from baocao.writers.figures import starter_workbook  # openpyxl itself is imported only when it is called

    done = or_exit(lambda: init_folder(folder, kind, chosen, starter_workbook if workbook else None))
    _tell_written(done.written, done.kept)


@app.command(name="next", cls=Command, options_metavar=guide.OPTIONS, help=guide.NEXT)
def next_report(
    report: OneReport,
    period: PeriodText,
    output: Annotated[Path | None, output_option(guide.NEXT_OUTPUT, "TEP.yaml")] = None,
) -> None:
    """Write the next period's report from this one: the same outline and figures, the new values left empty."""
    from baocao.input.next_period import write_next

    require_files([report], folders=False)
    written = or_exit(lambda: write_next(report, typed_period(period), output))
    _tell_written([written.path, *written.workbooks])
    if written.to_fill:
        cells = msg.AND_EMPTY_CELLS if written.workbooks else ""
        out.print(msg.values_to_fill(len(written.to_fill), TO_FILL, cells))
        for problem in written.to_fill:
            out.print(f"  {escape(str(problem.location))}: {escape(problem.message)}")


@app.command(name="import", cls=Command, options_metavar=guide.OPTIONS, help=guide.IMPORT)
def import_report(
    document: Annotated[
        Path,
        typer.Argument(help=guide.IMPORTED_FILE, metavar="BAO-CAO.docx", show_default=False),
    ],
    output: Annotated[
        Path,
        output_option(guide.IMPORT_OUTPUT, "THU_MUC"),
    ] = Path("."),
    figures: Annotated[
        bool,
        typer.Option(
            "--so-lieu",
            help=guide.IMPORT_FIGURES,
        ),
    ] = False,
) -> None:
    """Read a report's Word file into a unit profile and a report YAML that builds it again."""
    from baocao.readers.docx import import_docx

    require_files([document], "BAO-CAO.docx", folders=False)
    done = or_exit(lambda: import_docx(document, output, figures=figures))
    for line in done.summary.lines():
        out.print(escape(line))
    _tell_written(done.written, done.kept)


def _tell_written(written: Sequence[Path], kept: Sequence[Path] = ()) -> None:
    """The files kept as they were (already there), then those written."""
    for path in kept:
        out.print(msg.kept(escape(str(path))))
    for path in written:
        out.print(f"[green]{msg.WROTE}[/] {escape(str(path))}")
