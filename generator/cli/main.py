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

# The command modules, imported for their @app.command registrations: this order is the order of `baocao --help`
# (groups such as `templates` come after the commands). A new command: its own module, imported here.
# isort: off
from baocao.cli import build, figures, check, sign, scaffold, preview, schema, templates  # noqa: F401
# isort: on

MISSING_MESSAGES = {  # by argument; other commands: report files
    "documents": "Thiếu tên tệp Word (.docx).",
    "pdf": "Thiếu tên tệp PDF.",
    "folder": "Thiếu tên thư mục.",
    "kind": "Thiếu --loai (loại báo cáo: thi-dua, kt-xh, nhiem-vu, chung).",
    "period": 'Thiếu --ky (kỳ báo cáo mới, ví dụ "6 tháng đầu năm 2027").',
    "name": "Thiếu tên mẫu (bao-cao, thi-dua, kt-xh, nhiem-vu, chung).",
    "template": "Thiếu tên tệp mẫu Word (.docx).",
}


def _usage_message(exc: Exception) -> str:
    """typer's usage errors, told in Vietnamese."""
    if isinstance(exc, Misuse):
        return f"Tham số '{exc.option}' không hợp lệ: {exc.message}"
    if isinstance(exc, click_errors.NoSuchOption):
        return f"Không có tùy chọn '{exc.option_name}'."
    if isinstance(exc, click_errors.MissingParameter):
        return MISSING_MESSAGES.get(getattr(exc.param, "name", ""), "Thiếu tên tệp báo cáo (.yaml).")
    if isinstance(exc, typer.BadParameter):
        name = exc.param_hint or "/".join(getattr(exc.param, "opts", ())) or ""
        return f"Tham số {name} không hợp lệ: {_typer_vi(exc.message) or exc.message}"
    message = exc.format_message()  # type: ignore[attr-defined]
    return _typer_vi(message) or f"Lệnh gõ chưa đúng ({message})."


# typer checks option values itself and says why in English.
_TYPER_VI = (
    (re.compile(r"Input should be a valid integer.*"), "cần một số nguyên."),
    (re.compile(r"Input should be greater than or equal to (\S+)"), r"cần một số lớn hơn hoặc bằng \1."),
    (re.compile(r"No such command '(.+)'\..*", re.DOTALL), r"Không có lệnh '\1'."),
    (re.compile(r"Got unexpected extra arguments? \((.+)\)"), r"Thừa tham số: \1."),
    (re.compile(r"Option '(.+)' requires an argument\."), r"Tùy chọn '\1' cần một giá trị ngay sau nó."),
    (re.compile(r"Option '(.+)' does not take a value\."), r"Tùy chọn '\1' không nhận giá trị; chỉ gõ '\1'."),
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
        err.print(f"[bold red]Lỗi:[/] {escape(_usage_message(exc))}")
        err.print("Gõ 'baocao --help' để xem hướng dẫn.")
        code = EXIT_USAGE
    except typer.Abort:
        code = EXIT_INPUT
    except OSError as exc:  # a file the system refused (name too long, no such folder, no right to write...)
        show([file_problem(exc)], "Lỗi", "bold red")
        code = EXIT_INPUT
    except Exception as exc:  # a fault of the program, not of the clerk's files
        if os.environ.get("BAOCAO_DEBUG"):
            raise
        err.print(
            f"[bold red]Lỗi trong chương trình baocao[/] (không phải do tệp của bạn): {escape(type(exc).__name__)}: "
            f"{escape(str(exc))}"
        )
        err.print("Hãy gửi báo lỗi kèm tệp báo cáo; chạy lại với BAOCAO_DEBUG=1 để xem chi tiết.")
        code = EXIT_BUG
    raise SystemExit(code or 0)


def run() -> None:
    """The `baocao` command and `python -m baocao`: main(), then an exit that spares the interpreter its
    final sweep of every object (a tenth of a second of a build; all files are written and closed)."""
    try:
        main()
    finally:
        gc.freeze()
