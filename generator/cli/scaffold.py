"""`baocao init`, `next` and `import`: commands that write a unit's YAML files (new, next period, from Word)."""

from __future__ import annotations

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


@app.command(cls=Command, options_metavar="[TÙY CHỌN]")
def init(
    folder: Annotated[
        Path, typer.Argument(help="Thư mục của đơn vị (tạo mới nếu chưa có).", metavar="THU_MUC", show_default=False)
    ],
    kind: Annotated[
        str,
        typer.Option(
            "--loai", metavar="LOAI", show_default=False, help="Loại báo cáo: thi-dua, kt-xh, nhiem-vu, chung."
        ),
    ],
    period: Annotated[
        str | None,
        typer.Option(
            "--ky",
            metavar="KY",
            show_default=False,
            help="Kỳ báo cáo (mặc định: 6 tháng đầu năm nay; từ tháng 7: năm nay).",
        ),
    ] = None,
    workbook: Annotated[
        bool,
        typer.Option(
            "--bang-tinh",
            help="Ghi thêm bảng tính số liệu so-lieu-<kỳ>.xlsx (mỗi dòng một số liệu) mà báo cáo lấy số liệu từ đó.",
        ),
    ] = False,
) -> None:
    """Tạo hồ sơ đơn vị và một tệp báo cáo có chú thích từng khóa, soạn được ngay."""
    from datetime import date

    from baocao.input.kinds import KINDS
    from baocao.input.scaffold import default_period, init_folder

    if kind not in KINDS:
        raise typer.BadParameter(f"không có loại '{kind}'; chọn một trong: {', '.join(KINDS)}.", param_hint="'--loai'")
    chosen = typed_period(period) if period else default_period(date.today())
    from baocao.writers.figures import starter_workbook  # openpyxl itself is imported only when it is called

    done = or_exit(lambda: init_folder(folder, kind, chosen, starter_workbook if workbook else None))
    for path in done.kept:
        out.print(f"Giữ nguyên {escape(str(path))} (đã có).")
    for path in done.written:
        out.print(f"[green]Đã viết[/] {escape(str(path))}")


@app.command(name="next", cls=Command, options_metavar="[TÙY CHỌN]")
def next_report(
    report: OneReport,
    period: PeriodText,
    output: Annotated[
        Path | None, output_option("Tệp .yaml mới (mặc định: <loại>-<kỳ>.yaml cạnh tệp báo cáo).", "TEP.yaml")
    ] = None,
) -> None:
    """Viết tệp báo cáo kỳ sau từ báo cáo này: cùng đề cương và số liệu, giá trị kỳ mới để trống."""
    from baocao.input.next_period import write_next

    require_files([report], folders=False)
    written = or_exit(lambda: write_next(report, typed_period(period), output))
    for path in [written.path, *written.workbooks]:
        out.print(f"[green]Đã viết[/] {escape(str(path))}")
    if written.to_fill:
        cells = " và ô để trống của bảng tính" if written.workbooks else ""
        out.print(
            f"Còn {len(written.to_fill)} giá trị cần điền (dòng có chú thích 'cần điền'{cells}); "
            "'baocao validate' báo từng chỗ cho đến khi điền xong:"
        )
        for problem in written.to_fill:
            out.print(f"  {escape(str(problem.location))}: {escape(problem.message)}")


@app.command(name="import", cls=Command, options_metavar="[TÙY CHỌN]")
def import_report(
    document: Annotated[
        Path,
        typer.Argument(
            help="Tệp Word của báo cáo (.docx; .doc cũ cần LibreOffice).", metavar="BAO-CAO.docx", show_default=False
        ),
    ],
    output: Annotated[
        Path,
        output_option("Thư mục đơn vị ghi kết quả (tạo mới nếu chưa có; mặc định: thư mục hiện tại).", "THU_MUC"),
    ] = Path("."),
    figures: Annotated[
        bool,
        typer.Option(
            "--so-lieu",
            help="Tách số liệu trong câu văn (số có đơn vị, tỷ lệ so với kế hoạch, cùng kỳ) thành so_lieu; "
            "câu soạn lại vẫn giống hệt bản gốc.",
        ),
    ] = False,
) -> None:
    """Đọc báo cáo Word đã có thành hồ sơ đơn vị và tệp báo cáo YAML (soạn lại được bằng build)."""
    from baocao.readers.docx import import_docx

    require_files([document], "BAO-CAO.docx", folders=False)
    done = or_exit(lambda: import_docx(document, output, figures=figures))
    for line in done.summary.lines():
        out.print(escape(line))
    for path in done.kept:
        out.print(f"Giữ nguyên {escape(str(path))} (đã có).")
    for path in done.written:
        out.print(f"[green]Đã viết[/] {escape(str(path))}")
