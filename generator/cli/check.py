"""`baocao check`: the ND30 checker over Word files, with --sua (safe fixes) and --ghi-chu (comments)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from baocao.cli.app import (
    EXIT_INPUT,
    EXIT_OK,
    Command,
    app,
    click_errors,
    out,
    output_option,
    require_files,
    show,
)
from baocao.errors import BaocaoError
from baocao.messages import cli as msg
from baocao.messages import common
from baocao.messages import help as guide


@app.command(cls=Command, options_metavar=guide.OPTIONS, help=guide.CHECK)
def check(
    ctx: typer.Context,
    documents: Annotated[
        list[Path] | None, typer.Argument(help=guide.CHECKED_FILES, metavar="TEP.docx", show_default=False)
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help=guide.JSON)] = False,
    rules: Annotated[
        bool,
        typer.Option("--quy-tac", help=guide.RULES),
    ] = False,
    fix: Annotated[
        bool,
        typer.Option(
            "--sua",
            help=guide.FIX,
        ),
    ] = False,
    comments: Annotated[bool, typer.Option("--ghi-chu", help=guide.COMMENTS)] = False,
    output: Annotated[
        Path | None,
        output_option(guide.CHECK_OUTPUT, "TEP.docx"),
    ] = None,
) -> None:
    """Check Word files against ND30; --sua writes a fixed copy, --ghi-chu a copy commented at each finding."""
    if rules:
        from baocao.nd30.rules import rules_markdown

        typer.echo(rules_markdown(), nl=False)
        raise typer.Exit(EXIT_OK)
    if not documents:
        raise click_errors.MissingParameter(ctx=ctx, param=next(p for p in ctx.command.params if p.name == "documents"))
    require_files(documents, "TEP.docx", folders=False)
    if output is not None and not (fix or comments):
        raise typer.BadParameter(msg.OUTPUT_ONLY_TO_FIX, param_hint="'-o'")
    if output is not None and len(documents) > 1:
        raise typer.BadParameter(msg.OUTPUT_FOR_ONE, param_hint="'-o'")
    if as_json and (fix or comments):
        raise typer.BadParameter(msg.JSON_NOT_TO_FIX, param_hint="'--json'")
    if fix or comments:
        failed = [_fix_or_comment(document, output, fix, comments) for document in documents]
        raise typer.Exit(EXIT_INPUT if any(failed) else EXIT_OK)
    from baocao.cli import views
    from baocao.nd30 import check_files, file_checks_to_json

    results = check_files(documents)
    if as_json:
        typer.echo(file_checks_to_json(results))
    else:
        for result in results:
            show(result.problems, common.ERRORS, "bold red")
            if result.findings:
                out.print(views.findings_table(result.path, result.findings))
            if not result.problems:
                out.print(f"{escape(str(result.path))}: {views.check_totals(result.findings)}")
    raise typer.Exit(EXIT_INPUT if any(result.failed for result in results) else EXIT_OK)


def _fix_or_comment(document: Path, output: Path | None, fix: bool, comments: bool) -> bool:
    """check --sua / --ghi-chu of one file (nd30.review); True when it failed or the copy still has errors."""
    from baocao.cli import views
    from baocao.nd30.review import review_copy

    try:
        done = review_copy(document, output, fix, comments)
    except BaocaoError as exc:
        show(exc.problems, common.ERRORS, "bold red")
        return True
    if done.fixed is not None:
        out.print(views.changes_list(document, done.fixed))
    if done.comments is not None:
        out.print(f"[green]{msg.WRITTEN}[/] {escape(str(done.target))}: {msg.comments_written(done.comments)}")
    if done.findings:
        out.print(views.findings_table(done.target, done.findings))
    out.print(f"{escape(str(done.target))}: {views.check_totals(done.findings)}")
    return done.failed
