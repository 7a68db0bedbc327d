"""The typer app and what its commands share: Vietnamese help, consoles, exit codes, argument types, checks.

Each command lives in its own module of baocao.cli (build, check, sign, scaffold, preview, schema,
templates), registered
on `app`; baocao.cli.main imports them all and runs the app.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperCommand, TyperGroup

from baocao.errors import BaocaoError, Problem

if TYPE_CHECKING:
    from baocao.input.period import Period

T = TypeVar("T")

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3
MAX_SHOWN = 50  # errors (and, apart, warnings) shown for one report

HELP_TEXT = "Hiện hướng dẫn này rồi thoát."
USAGE_PREFIX = "Cách dùng: "


def _localise_panels() -> None:
    """typer prints these titles itself; a clerk reads them in Vietnamese."""
    import typer.rich_utils as rich_utils  # only for help: importing it costs a build ~75 ms

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
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option

    def format_usage(self, ctx, formatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix=USAGE_PREFIX)  # type: ignore[attr-defined]

    def format_help(self, ctx, formatter) -> None:
        _localise_panels()
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            _plain_type_column(param)
        super().format_help(ctx, formatter)  # type: ignore[misc]


def _plain_type_column(param) -> None:
    """typer's type column shows Python types ('<bool>', '<list[Path]>', '[x>=1]'); show only our metavars."""
    shown = param.metavar if param.metavar and not param.metavar.endswith("...") else None
    param.display_type_rich = lambda **_: shown
    param._get_number_range_help_str = lambda: ""


class Group(_Vietnamese, TyperGroup):
    pass


class Command(_Vietnamese, TyperCommand):
    pass


app = typer.Typer(
    cls=Group,
    pretty_exceptions_enable=False,
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

ReportFiles = Annotated[
    list[Path],
    typer.Argument(
        help="Tệp báo cáo .yaml, hoặc thư mục: mọi báo cáo trong các thư mục đơn vị (có don-vi.yaml) bên trong.",
        metavar="BAO_CAO.yaml|THU_MUC...",
        show_default=False,
    ),
]
TemplateFolder = Annotated[
    Path | None,
    typer.Option(
        "--thu-muc-mau",
        metavar="THU_MUC",
        show_default=False,
        help="Thư mục mẫu Word dùng chung (ví dụ của tỉnh), thay cho thu_muc_mau của hồ sơ đơn "
        "vị; mẫu trong thư mục đơn vị vẫn được ưu tiên.",
    ),
]
Strict = Annotated[
    bool,
    typer.Option(
        "--strict",
        help='Coi các cảnh báo về chỗ gõ nhầm (số viết kiểu tiếng Anh, "91,1 %", "%%", chỗ (...) '
        "của bản nháp chưa thay) là lỗi: "
        "có thì không ghi tệp, mã thoát 1.",
    ),
]
# click's exceptions, where this typer keeps them (its own copy of click, or click itself): typer's own
# usage errors (unknown option, missing argument...) are click's UsageError and its subclasses.
click_errors = sys.modules[typer.BadParameter.__module__]


def show(problems: list[Problem], label: str, style: str) -> None:
    """Each problem with its hint and the other places it names; past MAX_SHOWN, how many more there are."""
    # Messages quote the clerk's text, which may hold '[...]' that rich would read as markup.
    for problem in problems[:MAX_SHOWN]:
        err.print(f"[{style}]{label}[/] {escape(f'{problem.location}: {problem.message}')}")
        if problem.hint:
            err.print(f"    → {escape(problem.hint)}")
        for other in problem.see:
            err.print(f"    {escape(f'{other.location}: {other.message}')}")
    if len(problems) > MAX_SHOWN:
        err.print(
            f"[{style}]… và {len(problems) - MAX_SHOWN} {label.lower()} khác[/] (sửa các chỗ trên "
            f"rồi chạy lại để xem tiếp)."
        )


def show_warnings(warnings: list[Problem], notes: list[Problem]) -> None:
    """The warnings, then the notes: a clerk's deliberate choices (giu_nguyen), told but not counted."""
    show(warnings, "Cảnh báo", "bold yellow")
    show(notes, "Ghi chú", "cyan")


def output_option(text: str, metavar: str) -> Any:
    """The -o/--output option of a command that writes a file (or a folder): `text` says what it names."""
    return typer.Option("-o", "--output", metavar=metavar, show_default=False, help=text)


def output_writer(output: Path | None, writers: tuple[str, ...], folders: bool = False) -> str:
    """The writer of `writers` (see baocao.writers.registry) whose suffix -o names; the first when there is no
    -o or, for a command that takes a folder (`folders`), when -o names one (an existing folder, or a name
    without suffix).

    Misuse (exit 2, nothing written) when -o names a file of another kind: 'bao-cao.pdf' would otherwise
    become a folder, or a file of the wrong kind.
    """
    from baocao.writers.registry import writer_by_suffix, writer_for

    if output is None:
        return writers[0]
    named = writer_by_suffix(output.suffix, writers)
    if named is not None:
        return named
    if folders and (not output.suffix or output.is_dir()):
        return writers[0]
    suffixes = [writer_for(writer).suffix for writer in writers]
    instead = " hoặc ".join(f"-o {output.with_suffix(suffix).name}" for suffix in suffixes)
    from_word = output.suffix.lower() == ".pdf" and "docx" in writers  # a PDF is made from the Word file
    hint = (
        f"Ghi {instead}"
        + (" (thêm --pdf để có cả tệp PDF)" if from_word else "")
        + (", hoặc tên một thư mục (không có đuôi) để ghi kết quả vào đó." if folders else ".")
    )
    raise typer.BadParameter(
        f"'{output}' không phải tên tệp {' hay '.join(suffixes)}: lệnh này chỉ ghi tệp {' hoặc '.join(suffixes)}. "
        f"{hint}",
        param_hint="'-o'",
    )


# Arguments of the commands that take one report or a period.
OneReport = Annotated[Path, typer.Argument(help="Tệp báo cáo .yaml.", metavar="BAO_CAO.yaml", show_default=False)]
PeriodText = Annotated[
    str,
    typer.Option(
        "--ky",
        metavar="KY",
        show_default=False,
        help='Kỳ báo cáo, ví dụ "6 tháng đầu năm 2026", "quý II năm 2026", "năm 2026".',
    ),
]


def typed_period(text: str) -> Period:
    """The period typed after --ky; a usage error in Vietnamese if it is not one."""
    from baocao.input.period import parse_period

    try:
        return parse_period(text)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="'--ky'") from None


def require_folder(folder: Path | None) -> None:
    if folder is not None and not folder.is_dir():
        raise typer.BadParameter(f"không có thư mục '{folder}'.", param_hint="'--thu-muc-mau'")


def or_exit(action: Callable[[], T]) -> T:
    """Run `action`; on a located error show it and exit 1 (nothing was written)."""
    try:
        return action()
    except BaocaoError as exc:
        show(exc.problems, "Lỗi", "bold red")
        raise typer.Exit(EXIT_INPUT) from None


def require_files(paths: list[Path], hint: str = "BAO_CAO.yaml", folders: bool = True) -> None:
    for path in paths:
        if not (path.is_file() or folders and path.is_dir()):
            raise typer.BadParameter(f"không có tệp '{path}'.", param_hint=hint)
