"""Command line: `baocao build`, `baocao validate` (help and messages in Vietnamese).

Exit codes: 0 success; 1 a report has an error (nothing written for it); 2 command-line misuse.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated, Optional

import click
import typer
import typer.rich_utils as rich_utils
from rich.console import Console

from .errors import BaocaoError, Problem
from .pipeline import build as build_report
from .pipeline import render

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2

# click and typer print these strings themselves; a clerk reads them in Vietnamese.
_CLICK_VI = {
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Missing argument": "Thiếu tham số",
    "Missing option": "Thiếu tùy chọn",
    "Missing command.": "Thiếu lệnh.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "Error: {message}": "Lỗi: {message}",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Try '{command} {option}' for help.": "Gõ '{command} {option}' để xem hướng dẫn.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} không tồn tại.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} là thư mục, cần một tệp.",
    "File": "Tệp",
    "Path": "Đường dẫn",
}


def _localise() -> None:
    translate = lambda text: _CLICK_VI.get(text, text)  # noqa: E731
    for module in (click.core, click.exceptions, click.formatting, click.types, click.parser):
        module._ = translate  # type: ignore[attr-defined]
    rich_utils.ARGUMENTS_PANEL_TITLE = "Tham số"
    rich_utils.OPTIONS_PANEL_TITLE = "Tùy chọn"
    rich_utils.COMMANDS_PANEL_TITLE = "Lệnh"
    rich_utils.ERRORS_PANEL_TITLE = "Lỗi"
    rich_utils.REQUIRED_LONG_STRING = "[bắt buộc]"
    rich_utils.DEFAULT_STRING = "[mặc định: {}]"
    rich_utils.RICH_HELP = "Gõ [blue]'{command_path} {help_option}'[/] để xem hướng dẫn."


_localise()
app = typer.Typer(
    help="baocao: soạn dự thảo báo cáo hành chính theo Nghị định 30/2020/NĐ-CP từ tệp YAML.",
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

ReportFiles = Annotated[list[Path], typer.Argument(help="Tệp báo cáo .yaml.", exists=True, dir_okay=False, show_default=False)]


def _show(problems: list[Problem], label: str, style: str) -> None:
    for problem in problems:
        err.print(f"[{style}]{label}[/] {problem.location}: {problem.message}")
        if problem.hint:
            err.print(f"    → {problem.hint}")


@app.command()
def build(
    reports: ReportFiles,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Tệp .docx kết quả (mặc định: output/<tên báo cáo>.docx).", dir_okay=False)] = None,
) -> None:
    """Soạn tệp Word (.docx) từ tệp báo cáo YAML."""
    if output and len(reports) > 1:
        raise typer.BadParameter("chỉ dùng -o khi soạn một báo cáo.", param_hint="'-o'")
    failed = False
    for report in reports:
        started = time.perf_counter()
        try:
            target, built = build_report(report, output)
        except BaocaoError as exc:
            _show(exc.problems, "Lỗi", "bold red")
            err.print(f"[red]Không ghi tệp nào cho {report}.[/]")
            failed = True
            continue
        _show(built.warnings, "Cảnh báo", "bold yellow")
        out.print(f"[green]Đã soạn[/] {target} ({time.perf_counter() - started:.2f} giây)")
    raise typer.Exit(EXIT_INPUT if failed else EXIT_OK)


@app.command()
def validate(reports: ReportFiles) -> None:
    """Kiểm tra tệp báo cáo (mọi bước trừ ghi tệp)."""
    failed = False
    for report in reports:
        try:
            built = render(report)
        except BaocaoError as exc:
            _show(exc.problems, "Lỗi", "bold red")
            failed = True
            continue
        _show(built.warnings, "Cảnh báo", "bold yellow")
        out.print(f"[green]Hợp lệ[/] {report}")
    raise typer.Exit(EXIT_INPUT if failed else EXIT_OK)


def main() -> None:
    """Console script entry point."""
    app()
