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
from baocao.writers.registry import DEFAULT_WRITER


@app.command(cls=Command, options_metavar="[TÙY CHỌN]")
def preview(
    report: OneReport,
    output: Annotated[
        Path | None, output_option("Tệp .html kết quả (mặc định: output/<tên báo cáo>.html).", "TEP.html")
    ] = None,
) -> None:
    """Viết bản xem trước của báo cáo: một trang HTML mở bằng trình duyệt, chia trang A4 như bản Word."""
    from baocao.pipeline import build as build_report

    require_files([report], folders=False)
    writer = output_writer(output, ("html",))
    target, built = or_exit(lambda: build_report(report, output, writer=writer))
    show_warnings(built.warnings, built.notes)
    out.print(f"[green]Đã viết bản xem trước[/] {escape(str(target))} (mở bằng trình duyệt)")


DEFAULT_PORT = 8030


@app.command(cls=Command, options_metavar="[TÙY CHỌN]")
def watch(
    report: OneReport,
    port: Annotated[
        int,
        typer.Option(
            "--port", metavar="CONG", min=0, max=65535, help="Cổng trên 127.0.0.1 (0: một cổng trống bất kỳ)."
        ),
    ] = DEFAULT_PORT,
    no_browser: Annotated[bool, typer.Option("--no-browser", help="Không tự mở trình duyệt.")] = False,
    pdf: Annotated[bool, typer.Option("--pdf", help="Mỗi lần lưu, xuất lại cả tệp PDF (cần LibreOffice).")] = False,
    templates: TemplateFolder = None,
    output: Annotated[
        Path | None,
        output_option("Tệp .docx ghi lại mỗi lần lưu, hoặc thư mục (mặc định: output/<tên báo cáo>.docx).", "TEP.docx"),
    ] = None,
) -> None:
    """Xem trước trong trình duyệt khi đang soạn: tự cập nhật mỗi khi lưu tệp báo cáo, hồ sơ đơn vị hoặc mẫu Word,
    ghi lại tệp .docx mỗi lần. Ctrl-C để dừng."""
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
        err.print(f"[bold red]Lỗi[/] Không mở được cổng {port} trên 127.0.0.1 ({escape(exc.strerror or str(exc))}).")
        err.print(f"    → Có thể một lệnh baocao watch khác đang chạy; chọn cổng khác, ví dụ --port {port + 1}.")
        raise typer.Exit(EXIT_INPUT) from None
    converter = _converter() if pdf else None
    session = Watch(report, target, board, templates, converter)
    first = True

    def told(done: Build) -> None:
        nonlocal first
        show(done.problems, "Lỗi", "bold red")
        show_warnings(done.warnings, done.notes)
        if not done.problems:
            made = escape(str(session.output)) + (f" và {escape(str(done.pdf))}" if done.pdf else "")
            out.print(f"[green]Đã cập nhật[/] bản xem trước, {made} ({done.seconds:.2f} giây)")
        if first:
            first = False
            out.print(f"Bản xem trước: [bold]{server.url}[/] — sửa và lưu tệp để cập nhật; Ctrl-C để dừng.")
            if not no_browser:
                webbrowser.open(server.url)

    server.start()
    try:
        session.run_until_signal(told)
    except Interrupted:  # Ctrl-C, SIGTERM, SIGHUP: the way to stop it; main() says so and exits 128 + its number
        out.print("Đã dừng xem trước.")
        raise
    finally:
        server.stop()
        if converter is not None:
            converter.close()


def _converter():
    """A LibreOffice kept running for the PDFs of `watch`; exit 1 after saying why when there is none."""
    from baocao.writers.pdf import WarmConverter

    return or_exit(WarmConverter)
