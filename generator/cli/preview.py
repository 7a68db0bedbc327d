"""`baocao preview` (an HTML page) and `baocao watch` (served, rebuilt on every save)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from baocao.cli.app import (
    EXIT_INPUT,
    Command,
    OneReport,
    TemplateFolder,
    app,
    err,
    or_exit,
    out,
    output_option,
    output_writer,
    require_files,
    require_folder,
    show,
    show_warnings,
)
from baocao.interrupts import Interrupted
from baocao.messages import cli as msg
from baocao.messages import help as guide
from baocao.messages.common import ERRORS, both
from baocao.writers.registry import DEFAULT_WRITER


@app.command(cls=Command, options_metavar=guide.OPTIONS, help=guide.PREVIEW)
def preview(
    report: OneReport,
    output: Annotated[Path | None, output_option(guide.PREVIEW_OUTPUT, "TEP.html")] = None,
    templates: TemplateFolder = None,
) -> None:
    """Write the HTML preview of one report (in the looks of its Word template, found as `build` finds it)."""
    from baocao.pipeline import build as build_report

    require_files([report], folders=False)
    require_folder(templates)
    writer = output_writer(output, ("html",))
    target, built = or_exit(lambda: build_report(report, output, templates, writer=writer))
    show_warnings(built.warnings, built.notes)
    out.print(f"[green]{msg.PREVIEW_WRITTEN}[/] {escape(str(target))} {msg.OPEN_IN_BROWSER}")


DEFAULT_PORT = 8030


@app.command(cls=Command, options_metavar=guide.OPTIONS, help=guide.WATCH)
def watch(
    report: OneReport,
    port: Annotated[
        int,
        typer.Option("--port", metavar="CONG", min=0, max=65535, help=guide.PORT),
    ] = DEFAULT_PORT,
    no_browser: Annotated[bool, typer.Option("--no-browser", help=guide.NO_BROWSER)] = False,
    pdf: Annotated[bool, typer.Option("--pdf", help=guide.WATCH_PDF)] = False,
    templates: TemplateFolder = None,
    output: Annotated[Path | None, output_option(guide.WATCH_OUTPUT, "TEP.docx")] = None,
) -> None:
    """Serve the preview and rebuild it (and the .docx, the PDF) on every save."""
    import webbrowser

    from baocao.batch import plan
    from baocao.watch import Build, Watch
    from baocao.writers.html.server import Board, PreviewServer

    require_files([report], folders=False)
    require_folder(templates)
    output_writer(output, (DEFAULT_WRITER,), folders=True)
    target = or_exit(lambda: plan([report], output, write=False))[0].target  # where build -o would write it
    board = Board()
    try:
        server = PreviewServer(board, port)
    except OSError as exc:
        err.print(f"[bold red]{ERRORS}[/] {msg.port_busy(port, escape(exc.strerror or str(exc)))}")
        err.print(f"    → {msg.port_busy_hint(port + 1)}")
        raise typer.Exit(EXIT_INPUT) from None
    converter = _converter() if pdf else None
    session = Watch(report, target, board, templates, converter)
    first = True

    def told(done: Build) -> None:
        nonlocal first
        show(done.problems, ERRORS, "bold red")
        show_warnings(done.warnings, done.notes)
        if not done.problems:
            made = escape(str(session.output))
            if done.pdf:
                made = both(made, escape(str(done.pdf)))
            out.print(f"[green]{msg.UPDATED}[/] {msg.updated(made, f'{done.seconds:.2f}')}")
        if first:
            first = False
            out.print(msg.preview_at(f"[bold]{server.url}[/]"))
            if not no_browser:
                webbrowser.open(server.url)

    server.start()
    try:
        session.run_until_signal(told)
    except Interrupted:  # Ctrl-C, SIGTERM, SIGHUP: the way to stop it; main() says so and exits 128 + its number
        out.print(msg.WATCH_STOPPED)
        raise
    finally:
        server.stop()
        if converter is not None:
            converter.close()


def _converter():
    """A LibreOffice kept running for the PDFs of `watch`; exit 1 after saying why when there is none."""
    from baocao.writers.pdf import WarmConverter

    return or_exit(WarmConverter)
