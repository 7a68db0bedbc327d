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
from baocao.messages import cli as msg
from baocao.messages import common
from baocao.messages import help as guide

templates_app = typer.Typer(
    cls=Group,
    options_metavar=guide.OPTIONS,
    subcommand_metavar=guide.COMMAND,
    no_args_is_help=True,
    help=guide.TEMPLATES,
)
app.add_typer(templates_app, name="templates")


@templates_app.command(name="list", cls=Command, options_metavar=guide.OPTIONS, help=guide.TEMPLATES_LIST)
def list_templates(report: OneReport, templates: TemplateFolder = None) -> None:
    """Which template file the report uses, and why."""
    from baocao.input.validate import read_sources
    from baocao.writers.docx.templates import describe, resolve

    require_files([report], folders=False)
    require_folder(templates)
    resolution = or_exit(lambda: resolve(read_sources(report), templates))
    for line in describe(resolution):
        out.print(escape(line))
    if resolution.chosen is None:
        err.print(f"[bold red]{common.ERRORS}[/] {msg.template_nowhere(escape(resolution.name))}")
        raise typer.Exit(EXIT_INPUT)


@templates_app.command(name="copy", cls=Command, options_metavar=guide.OPTIONS, help=guide.TEMPLATES_COPY)
def copy_template(
    name: Annotated[
        str,
        typer.Argument(
            help=guide.BUILTIN_NAME,
            metavar="TEN",
            show_default=False,
        ),
    ],
    folder: Annotated[Path, typer.Argument(help=guide.COPY_FOLDER, metavar="[THU_MUC]")] = Path("."),
) -> None:
    """Copy a built-in template to TEN.docx for editing in Word (an existing file is never replaced)."""
    from baocao.writers.docx.templates import BUILTIN_FILES, copy_builtin

    if name not in BUILTIN_FILES:
        raise typer.BadParameter(msg.no_builtin(name, ", ".join(sorted(BUILTIN_FILES))), param_hint="TEN")
    target = or_exit(lambda: copy_builtin(name, folder))
    out.print(f"[green]{msg.COPIED}[/] {escape(str(target))}. {msg.edit_copy(escape(str(target)))}")


@templates_app.command(name="check", cls=Command, options_metavar=guide.OPTIONS, help=guide.TEMPLATES_CHECK)
def check_template(
    template: Annotated[Path, typer.Argument(help=guide.TEMPLATE_FILE, metavar="MAU.docx", show_default=False)],
) -> None:
    """Check a Word template before building: broken tags, unknown names, missing styles, {{ noi_dung }}."""
    from baocao.writers.docx.template_check import template_problems, trial_problems

    require_files([template], "MAU.docx", folders=False)
    problems = template_problems(template) or trial_problems(template)
    show(problems, common.ERRORS, "bold red")
    if problems:
        raise typer.Exit(EXIT_INPUT)
    out.print(f"[green]{msg.TEMPLATE_USABLE}[/] {escape(str(template))}")
