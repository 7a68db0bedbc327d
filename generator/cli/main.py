"""The `baocao` command: the command modules registered on the one typer app, usage errors in Vietnamese.

Exit codes: 0 success; 1 a report has an error (nothing written for it); 2 command-line misuse;
3 a fault of the program itself.
"""

from __future__ import annotations

import gc
import os
import re

import typer
from rich.markup import escape

from baocao import interrupts
from baocao.cli.app import EXIT_BUG, EXIT_INPUT, EXIT_USAGE, app, click_errors, err, show
from baocao.errors import Misuse, file_problem
from baocao.messages import cli as msg
from baocao.messages.common import ERRORS

# The command modules, imported for their @app.command registrations: this order is the order of `baocao --help`
# (groups such as `templates` come after the commands). A new command: its own module, imported here.
# isort: off
from baocao.cli import build, figures, check, sign, scaffold, preview, schema, templates  # noqa: F401
# isort: on


def _usage_message(exc: Exception) -> str:
    """typer's usage errors, told in Vietnamese."""
    if isinstance(exc, Misuse):
        return msg.invalid_option(exc.option, exc.message)
    if isinstance(exc, click_errors.NoSuchOption):
        return msg.no_such_option(exc.option_name)
    if isinstance(exc, click_errors.MissingParameter):
        return msg.MISSING.get(getattr(exc.param, "name", ""), msg.MISSING_REPORT)
    if isinstance(exc, typer.BadParameter):
        hint = exc.param_hint
        name = (hint if isinstance(hint, str) else "/".join(hint or ())) or "/".join(getattr(exc.param, "opts", ()))
        return msg.invalid_parameter(name, _typer_vi(exc.message) or exc.message)
    message = exc.format_message()  # type: ignore[attr-defined]
    return _typer_vi(message) or msg.mistyped(message)


# typer checks option values itself and says why in English.
_TYPER_VI = (
    (re.compile(r"Input should be a valid integer.*"), msg.TYPER_SAYS["integer"]),
    (re.compile(r"Input should be greater than or equal to (\S+)"), msg.TYPER_SAYS["at_least"]),
    (re.compile(r"No such command '(.+)'\..*", re.DOTALL), msg.TYPER_SAYS["no_command"]),
    (re.compile(r"Got unexpected extra arguments? \((.+)\)"), msg.TYPER_SAYS["extra"]),
    (re.compile(r"Option '(.+)' requires an argument\."), msg.TYPER_SAYS["needs_value"]),
    (re.compile(r"Option '(.+)' does not take a value\."), msg.TYPER_SAYS["no_value"]),
)


def _typer_vi(message: str) -> str | None:
    """The Vietnamese for one of typer's English messages, or None when it is not one of them."""
    for pattern, vietnamese in _TYPER_VI:
        if pattern.match(message):
            return pattern.sub(vietnamese, message)
    return None


def main() -> None:
    """Console script entry point: exit 0 ok, 1 input error, 2 command-line misuse, 3 a fault of ours,
    128 + the signal's number when stopped by one (130 Ctrl-C, 143 SIGTERM, 129 SIGHUP)."""
    try:
        with interrupts.handled():
            code = app(standalone_mode=False)
    except interrupts.Interrupted as stop:  # Ctrl-C, SIGTERM, SIGHUP: what was written before it
        from baocao.cli import views

        err.print(views.stopped(stop))
        code = stop.exit_code
    except (click_errors.UsageError, Misuse) as exc:
        if isinstance(exc, getattr(click_errors, "NoArgsIsHelpError", ())):  # typer has already shown the help
            raise SystemExit(EXIT_USAGE) from None
        err.print(f"[bold red]{ERRORS}:[/] {escape(_usage_message(exc))}")
        err.print(msg.SEE_HELP)
        code = EXIT_USAGE
    except typer.Abort:
        code = EXIT_INPUT
    except OSError as exc:  # a file the system refused (name too long, no such folder, no right to write...)
        show([file_problem(exc)], ERRORS, "bold red")
        code = EXIT_INPUT
    except Exception as exc:  # a fault of the program, not of the clerk's files
        if os.environ.get("BAOCAO_DEBUG"):
            raise
        fault = escape(f"{type(exc).__name__}: {exc}")
        err.print(f"[bold red]{msg.PROGRAM_FAULT}[/] {msg.not_your_files(fault)}")
        err.print(msg.PROGRAM_FAULT_HINT)
        code = EXIT_BUG
    raise SystemExit(code or 0)


def run() -> None:
    """The `baocao` command and `python -m baocao`: main(), then an exit that spares the interpreter its
    final sweep of every object (a tenth of a second of a build; all files are written and closed)."""
    try:
        main()
    finally:
        gc.freeze()
