"""`baocao templates list|copy|check`: which Word template a report uses, copy one, check one."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from baocao.cli.app import (
    EXIT_INPUT,
    Command,
    Group,
    OneReport,
    TemplateFolder,
    app,
    err,
    or_exit,
    out,
    require_files,
    require_folder,
    show,
)

templates_app = typer.Typer(
    cls=Group,
    options_metavar="[TÙY CHỌN]",
    subcommand_metavar="LỆNH [THAM SỐ]...",
    no_args_is_help=True,
    help="Mẫu Word: mẫu nào được dùng, chép mẫu có sẵn để sửa, kiểm tra mẫu.",
)
app.add_typer(templates_app, name="templates")


@templates_app.command(name="list", cls=Command, options_metavar="[TÙY CHỌN]")
def list_templates(report: OneReport, templates: TemplateFolder = None) -> None:
    """Cho biết báo cáo dùng tệp mẫu nào, và vì sao."""
    from baocao.input.validate import read_sources
    from baocao.writers.docx.templates import describe, resolve

    require_files([report], folders=False)
    require_folder(templates)
    resolution = or_exit(lambda: resolve(read_sources(report), templates))
    for line in describe(resolution):
        out.print(escape(line))
    if resolution.chosen is None:
        err.print(f"[bold red]Lỗi[/] Không tìm thấy mẫu '{escape(resolution.name)}' ở chỗ nào.")
        raise typer.Exit(EXIT_INPUT)


@templates_app.command(name="copy", cls=Command, options_metavar="[TÙY CHỌN]")
def copy_template(
    name: Annotated[
        str,
        typer.Argument(
            help="Tên mẫu có sẵn: bao-cao, hoặc tên loại báo cáo (thi-dua, kt-xh, nhiem-vu, chung).",
            metavar="TEN",
            show_default=False,
        ),
    ],
    folder: Annotated[
        Path, typer.Argument(help="Thư mục chép đến (mặc định: thư mục hiện tại).", metavar="[THU_MUC]")
    ] = Path("."),
) -> None:
    """Chép một mẫu có sẵn thành TEN.docx để sửa trong Word (không ghi đè tệp đã có)."""
    from baocao.writers.docx.templates import BUILTIN_FILES, copy_builtin

    if name not in BUILTIN_FILES:
        raise typer.BadParameter(
            f"không có mẫu '{name}'; các mẫu có sẵn: {', '.join(sorted(BUILTIN_FILES))}.", param_hint="TEN"
        )
    target = or_exit(lambda: copy_builtin(name, folder))
    out.print(
        f"[green]Đã chép[/] {escape(str(target))}. Sửa trong Word, giữ nguyên các thẻ {{{{ ... }}}} và {{% ... %}}; "
        f"kiểm tra bằng: baocao templates check {escape(str(target))}"
    )


@templates_app.command(name="check", cls=Command, options_metavar="[TÙY CHỌN]")
def check_template(
    template: Annotated[Path, typer.Argument(help="Tệp mẫu Word .docx.", metavar="MAU.docx", show_default=False)],
) -> None:
    """Kiểm tra một mẫu Word trước khi soạn: thẻ hỏng, tên không có, kiểu (style) thiếu, đoạn {{ noi_dung }}."""
    from baocao.writers.docx.template_check import template_problems, trial_problems

    require_files([template], "MAU.docx", folders=False)
    problems = template_problems(template) or trial_problems(template)
    show(problems, "Lỗi", "bold red")
    if problems:
        raise typer.Exit(EXIT_INPUT)
    out.print(f"[green]Mẫu dùng được[/] {escape(str(template))}")
