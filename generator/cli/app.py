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
from baocao.messages import cli as msg
from baocao.messages import common
from baocao.messages import help as guide

if TYPE_CHECKING:
    from baocao.input.period import Period

T = TypeVar("T")

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3
MAX_SHOWN = 50  # errors (and, apart, warnings) shown for one report


def _localise_panels() -> None:
    """typer prints these titles itself; a clerk reads them in Vietnamese."""
    import typer.rich_utils as rich_utils  # only for help: importing it costs a build ~75 ms

    for name, text in guide.PANELS.items():
        setattr(rich_utils, name, text)


class _Vietnamese:
    """Help option text and usage line in Vietnamese (mixed into typer's command classes)."""

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = guide.HELP_OPTION
        return option

    def format_usage(self, ctx, formatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix=guide.USAGE)  # type: ignore[attr-defined]

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
    options_metavar=guide.OPTIONS,
    subcommand_metavar=guide.COMMAND,
    help=guide.BAOCAO,
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
        help=guide.REPORT_FILES,
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
        help=guide.TEMPLATE_FOLDER,
    ),
]
Strict = Annotated[
    bool,
    typer.Option(
        "--strict",
        help=guide.STRICT,
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
        err.print(f"[{style}]{msg.more_problems(len(problems) - MAX_SHOWN, label.lower())}[/] {msg.SEE_THE_REST}")


def show_warnings(warnings: list[Problem], notes: list[Problem]) -> None:
    """The warnings, then the notes: a clerk's deliberate choices (giu_nguyen), told but not counted."""
    show(warnings, common.WARNINGS, "bold yellow")
    show(notes, common.NOTES, "cyan")


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
    instead = common.OR.join(f"-o {output.with_suffix(suffix).name}" for suffix in suffixes)
    from_word = output.suffix.lower() == ".pdf" and "docx" in writers  # a PDF is made from the Word file
    hint = msg.write_instead(instead) + (msg.AND_PDF if from_word else "") + (msg.OR_A_FOLDER if folders else ".")
    raise typer.BadParameter(
        f"{msg.not_of_suffix(str(output), msg.EITHER.join(suffixes), common.OR.join(suffixes))} {hint}",
        param_hint="'-o'",
    )


# Arguments of the commands that take one report or a period.
OneReport = Annotated[Path, typer.Argument(help=guide.ONE_REPORT, metavar="BAO_CAO.yaml", show_default=False)]
PeriodText = Annotated[
    str,
    typer.Option(
        "--ky",
        metavar="KY",
        show_default=False,
        help=guide.PERIOD,
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
        raise typer.BadParameter(msg.no_folder(str(folder)), param_hint="'--thu-muc-mau'")


def or_exit(action: Callable[[], T]) -> T:
    """Run `action`; on a located error show it and exit 1 (nothing was written)."""
    try:
        return action()
    except BaocaoError as exc:
        show(exc.problems, common.ERRORS, "bold red")
        raise typer.Exit(EXIT_INPUT) from None


def require_files(paths: list[Path], hint: str = "BAO_CAO.yaml", folders: bool = True) -> None:
    for path in paths:
        if path.is_dir() and not folders:
            raise typer.BadParameter(msg.folder_not_file(str(path)), param_hint=hint)
        if not (path.is_file() or folders and path.is_dir()):
            raise typer.BadParameter(msg.no_file(str(path)), param_hint=hint)
