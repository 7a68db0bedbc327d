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


@app.command(cls=Command, options_metavar="[TÙY CHỌN]")
def figures(
    report: OneReport,
    output: Annotated[
        Path | None,
        output_option(
            "Tệp kết quả: .xlsx (bảng tính, đọc lại được bằng so_lieu_tu) hoặc .json (cho hệ thống báo cáo); "
            "mặc định: output/<tên báo cáo>-so-lieu.xlsx.",
            "TEP.xlsx|TEP.json",
        ),
    ] = None,
) -> None:
    """Xuất mọi số liệu của báo cáo (giá trị, tỷ lệ so với kế hoạch và cùng kỳ, tổng và thành phần, nguồn)."""
    from baocao.pipeline import FIGURE_WRITERS, build

    require_files([report], folders=False)
    writer = output_writer(output, FIGURE_WRITERS)
    written, built = or_exit(lambda: build(report, output, writer=writer))
    show_warnings(built.warnings, built.notes)
    out.print(f"[green]Đã ghi số liệu[/] {escape(str(written))}")
