"""`baocao sign`: PAdES signature of a report's PDF, and --kiem-tra to verify signatures."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from baocao.cli.app import (
    EXIT_INPUT,
    EXIT_OK,
    Command,
    app,
    err,
    or_exit,
    out,
    output_option,
    require_files,
)
from baocao.messages import cli as msg
from baocao.messages import help as guide
from baocao.messages.common import ERRORS, WARNINGS

if TYPE_CHECKING:
    from baocao.writers.sign import SignatureCheck


@app.command(cls=Command, options_metavar=guide.OPTIONS, help=guide.SIGN)
def sign(
    pdf: Annotated[
        Path,
        typer.Argument(
            help=guide.SIGNED_FILE,
            metavar="TEP.pdf",
            show_default=False,
        ),
    ],
    p12: Annotated[
        Path | None,
        typer.Option(
            "--p12",
            metavar="CHUNG-THU.p12",
            show_default=False,
            help=guide.P12,
        ),
    ] = None,
    output: Annotated[Path | None, output_option(guide.SIGN_OUTPUT, "TEP.pdf")] = None,
    tsa: Annotated[
        str | None,
        typer.Option(
            "--tsa",
            metavar="URL",
            show_default=False,
            help=guide.TSA,
        ),
    ] = None,
    verify: Annotated[bool, typer.Option("--kiem-tra", help=guide.VERIFY)] = False,
    trust: Annotated[
        list[Path] | None,
        typer.Option(
            "--tin-cay",
            metavar="CA.pem",
            show_default=False,
            help=guide.TRUST,
        ),
    ] = None,
) -> None:
    """Sign a report's PDF (PAdES) at the signer's place, or check its signatures."""
    from baocao.writers import sign as signing

    require_files([pdf, *(trust or []), *([p12] if p12 else [])], "TEP.pdf", folders=False)
    if verify:
        raise typer.Exit(_show_signatures(pdf, or_exit(lambda: signing.check_signatures(pdf, trust))))
    if p12 is None:
        raise typer.BadParameter(msg.NEED_P12, param_hint="'--p12'")
    password = signing.password_from_environment()
    if password is None:
        password = typer.prompt(msg.PASSWORD_PROMPT, hide_input=True, default="", show_default=False)
    target = output or signing.signed_name(pdf)
    placement = or_exit(lambda: signing.sign_pdf(pdf, target, p12, password, tsa))
    if not placement.found:
        err.print(f"[bold yellow]{WARNINGS}[/] {msg.NO_SIGNATURE_BLOCK}")
    out.print(f"[green]{msg.SIGNED}[/] {escape(str(target))} {msg.on_page(placement.page + 1)}")


def _show_signatures(pdf: Path, checks: list[SignatureCheck]) -> int:
    """Print what `sign --kiem-tra` found; the exit code (1 unless writers.sign.all_accepted)."""
    from baocao.writers.sign import all_accepted

    if not checks:
        err.print(f"[bold red]{ERRORS}[/] {escape(str(pdf))}: {msg.NO_SIGNATURES}")
        return EXIT_INPUT
    for number, check in enumerate(checks, 1):
        when = check.signed_at.strftime("%d/%m/%Y %H:%M:%S %z") if check.signed_at else msg.UNKNOWN_TIME
        trust = (msg.YES if check.trusted else msg.UNTRUSTED) if check.roots_given else msg.TRUST_NOT_CHECKED
        verdict = f"[green]{msg.VALID}[/]" if check.accepted else f"[bold red]{msg.INVALID}[/]"
        yes_no = {True: msg.YES, False: msg.NO}
        whole = msg.YES if check.whole_file else msg.NOT_WHOLE_FILE
        line = msg.signature_line(
            number, escape(check.signer), when, yes_no[check.intact], yes_no[check.valid], whole, trust
        )
        out.print(f"{verdict} {line}{msg.TIMESTAMPED if check.timestamped else ''}.")
    return EXIT_OK if all_accepted(checks) else EXIT_INPUT
