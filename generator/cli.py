"""Command line: `baocao build`, `baocao validate` (help and messages in Vietnamese).

Exit codes: 0 success; 1 a report has an error (nothing written for it); 2 command-line misuse.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated, Optional

import typer
import typer.rich_utils as rich_utils
from rich.console import Console
from rich.markup import escape
from typer.core import TyperCommand, TyperGroup

from .errors import BaocaoError, Problem
from .pipeline import build as build_report
from .pipeline import render

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2

HELP_TEXT = "Hiện hướng dẫn này rồi thoát."
USAGE_PREFIX = "Cách dùng: "


def _localise_panels() -> None:
    """typer prints these titles itself; a clerk reads them in Vietnamese."""
    rich_utils.ARGUMENTS_PANEL_TITLE = "Tham số"
    rich_utils.OPTIONS_PANEL_TITLE = "Tùy chọn"
    rich_utils.COMMANDS_PANEL_TITLE = "Lệnh"
    rich_utils.ERRORS_PANEL_TITLE = "Lỗi"
    rich_utils.REQUIRED_LONG_STRING = "[bắt buộc]"
    rich_utils.DEFAULT_STRING = "[mặc định: {}]"
    rich_utils.RICH_HELP = "Gõ [blue]'{command_path} {help_option}'[/] để xem hướng dẫn."


class _Vietnamese:
    """Help option text and usage line in Vietnamese (mixed into typer's command classes)."""

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_TEXT
        return option

    def format_usage(self, ctx, formatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix=USAGE_PREFIX)  # type: ignore[attr-defined]


class _Group(_Vietnamese, TyperGroup):
    pass


class _Command(_Vietnamese, TyperCommand):
    pass


_localise_panels()
app = typer.Typer(
    cls=_Group,
    options_metavar="[TÙY CHỌN]",
    subcommand_metavar="LỆNH [THAM SỐ]...",
    help="baocao: soạn dự thảo báo cáo hành chính theo Nghị định 30/2020/NĐ-CP từ tệp YAML.",
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
# No emoji codes: 'bao-cao.yaml:100:3' must not print a 💯.
err = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)
out = Console(highlight=False, soft_wrap=True, emoji=False)

ReportFiles = Annotated[list[Path], typer.Argument(help="Tệp báo cáo .yaml.", metavar="BAO_CAO.yaml...", show_default=False)]
# typer's own usage errors (unknown option, missing argument...) share this base class.
_UsageError = typer.BadParameter.__mro__[1]


def _show(problems: list[Problem], label: str, style: str) -> None:
    # Messages quote the clerk's text, which may hold '[...]' that rich would read as markup.
    for problem in problems:
        err.print(f"[{style}]{label}[/] {escape(f'{problem.location}: {problem.message}')}")
        if problem.hint:
            err.print(f"    → {escape(problem.hint)}")


@app.command(cls=_Command, options_metavar="[TÙY CHỌN]")
def build(
    reports: ReportFiles,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Tệp .docx kết quả (mặc định: output/<tên báo cáo>.docx).", dir_okay=False)] = None,
) -> None:
    """Soạn tệp Word (.docx) từ tệp báo cáo YAML."""
    _check_files(reports)
    if output and len(reports) > 1:
        raise typer.BadParameter("chỉ dùng -o khi soạn một báo cáo.", param_hint="'-o'")
    failed = False
    for report in reports:
        started = time.perf_counter()
        try:
            target, built = build_report(report, output)
        except BaocaoError as exc:
            _show(exc.problems, "Lỗi", "bold red")
            err.print(f"[red]Không ghi tệp nào cho {escape(str(report))}.[/]")
            failed = True
            continue
        _show(built.warnings, "Cảnh báo", "bold yellow")
        out.print(f"[green]Đã soạn[/] {escape(str(target))} ({time.perf_counter() - started:.2f} giây)")
    raise typer.Exit(EXIT_INPUT if failed else EXIT_OK)


@app.command(cls=_Command, options_metavar="[TÙY CHỌN]")
def validate(reports: ReportFiles) -> None:
    """Kiểm tra tệp báo cáo (mọi bước trừ ghi tệp)."""
    _check_files(reports)
    failed = False
    for report in reports:
        try:
            built = render(report)
        except BaocaoError as exc:
            _show(exc.problems, "Lỗi", "bold red")
            failed = True
            continue
        _show(built.warnings, "Cảnh báo", "bold yellow")
        out.print(f"[green]Hợp lệ[/] {escape(str(report))}")
    raise typer.Exit(EXIT_INPUT if failed else EXIT_OK)


def _check_files(reports: list[Path]) -> None:
    for report in reports:
        if not report.is_file():
            raise typer.BadParameter(f"không có tệp '{report}'.", param_hint="BAO_CAO.yaml")


def _usage_message(exc: Exception) -> str:
    """typer's usage errors, told in Vietnamese."""
    kind = type(exc).__name__
    if kind == "NoSuchOption":
        return f"Không có tùy chọn '{exc.option_name}'."  # type: ignore[attr-defined]
    if kind == "MissingParameter":
        return "Thiếu tên tệp báo cáo (.yaml)."
    if kind == "BadParameter":
        return f"Tham số {exc.param_hint or ''} không hợp lệ: {exc.message}"  # type: ignore[attr-defined]
    return f"Lệnh gõ chưa đúng ({exc.format_message()})."  # type: ignore[attr-defined]


def main() -> None:
    """Console script entry point: exit 0 ok, 1 input error, 2 command-line misuse."""
    try:
        code = app(standalone_mode=False)
    except _UsageError as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":
            raise SystemExit(app(["--help"], standalone_mode=False) or EXIT_USAGE) from None
        err.print(f"[bold red]Lỗi:[/] {escape(_usage_message(exc))}")
        err.print("Gõ 'baocao --help' để xem hướng dẫn.")
        code = EXIT_USAGE
    except typer.Abort:
        code = EXIT_INPUT
    raise SystemExit(code or 0)
