"""`baocao figures`: a report's figures, with what is computed from them, as a workbook or JSON file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from baocao.cli.app import Command, OneReport, app, or_exit, out, require_files, show_warnings

WRITERS = {".xlsx": "xlsx", ".json": "json"}  # the figure file's suffix → its writer (pipeline.FIGURE_WRITERS)


@app.command(cls=Command, options_metavar="[TÙY CHỌN]")
def figures(
    report: OneReport,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            metavar="TEP.xlsx|TEP.json",
            show_default=False,
            help="Tệp kết quả: .xlsx (bảng tính, đọc lại được bằng so_lieu_tu) hoặc .json (cho hệ thống báo cáo); "
            "mặc định: output/<tên báo cáo>-so-lieu.xlsx.",
        ),
    ] = None,
) -> None:
    """Xuất mọi số liệu của báo cáo (giá trị, tỷ lệ so với kế hoạch và cùng kỳ, tổng và thành phần, nguồn)."""
    from baocao.pipeline import build, default_output, figure_file

    require_files([report], folders=False)
    if output is not None and output.suffix.lower() not in WRITERS:
        raise typer.BadParameter(
            f"'{output}' không phải tên tệp .xlsx hay .json: lệnh này chỉ ghi bảng tính .xlsx hoặc tệp .json. "
            f"Ghi -o {output.with_suffix('.xlsx').name} hoặc -o {output.with_suffix('.json').name}.",
            param_hint="'-o'",
        )
    target = output or figure_file(default_output(report), "xlsx")
    written, built = or_exit(lambda: build(report, target, writer=WRITERS[target.suffix.lower()]))
    show_warnings(built.warnings, built.notes)
    out.print(f"[green]Đã ghi số liệu[/] {escape(str(written))}")
