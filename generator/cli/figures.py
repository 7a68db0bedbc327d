"""`baocao figures`: a report's figures, with what is computed from them, as a workbook or JSON file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from rich.markup import escape

from baocao.cli.app import (
    Command,
    OneReport,
    app,
    or_exit,
    out,
    output_option,
    output_writer,
    require_files,
    show_warnings,
)
from baocao.messages import cli as msg
from baocao.messages import help as guide


@app.command(cls=Command, options_metavar=guide.OPTIONS, help=guide.FIGURES)
def figures(
    report: OneReport,
    output: Annotated[
        Path | None,
        output_option(guide.FIGURES_OUTPUT, "TEP.xlsx|TEP.json"),
    ] = None,
) -> None:
    """Write a report's figures with what is computed from them (ratios, differences, totals, sources)."""
    from baocao.pipeline import FIGURE_WRITERS, build

    require_files([report], folders=False)
    writer = output_writer(output, FIGURE_WRITERS)
    written, built = or_exit(lambda: build(report, output, writer=writer))
    show_warnings(built.warnings, built.notes)
    out.print(f"[green]{msg.FIGURES_WRITTEN}[/] {escape(str(written))}")
