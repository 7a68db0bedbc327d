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

if TYPE_CHECKING:
    from baocao.writers.sign import SignatureCheck


@app.command(cls=Command, options_metavar="[TÙY CHỌN]")
def sign(
    pdf: Annotated[
        Path,
        typer.Argument(
            help="Tệp PDF cần ký (nên là PDF/A: baocao build --pdfa), hoặc tệp đã ký khi dùng --kiem-tra.",
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
            help="Chứng thư số kèm khóa riêng (.p12, .pfx). Mật khẩu: gõ khi được hỏi, hoặc đặt biến "
            "môi trường BAOCAO_MAT_KHAU.",
        ),
    ] = None,
    output: Annotated[
        Path | None, output_option("Tệp PDF đã ký (mặc định: TEP-da-ky.pdf cạnh tệp gốc).", "TEP.pdf")
    ] = None,
    tsa: Annotated[
        str | None,
        typer.Option(
            "--tsa",
            metavar="URL",
            show_default=False,
            help="Máy chủ dấu thời gian (RFC 3161) gắn thời gian tin cậy vào chữ ký.",
        ),
    ] = None,
    verify: Annotated[bool, typer.Option("--kiem-tra", help="Kiểm tra các chữ ký số của tệp PDF thay vì ký.")] = False,
    trust: Annotated[
        list[Path] | None,
        typer.Option(
            "--tin-cay",
            metavar="CA.pem",
            show_default=False,
            help="Chứng thư gốc tin cậy khi kiểm tra (PEM hoặc DER; dùng nhiều lần được).",
        ),
    ] = None,
) -> None:
    """Ký số tệp PDF của báo cáo (PAdES), khung chữ ký hiện ở chỗ ký của người có thẩm quyền.

    --kiem-tra để kiểm tra chữ ký.
    """
    from baocao.writers import sign as signing

    require_files([pdf, *(trust or []), *([p12] if p12 else [])], "TEP.pdf", folders=False)
    if verify:
        raise typer.Exit(_show_signatures(pdf, or_exit(lambda: signing.check_signatures(pdf, trust))))
    if p12 is None:
        raise typer.BadParameter(
            "cần --p12 CHUNG-THU.p12 để ký (hoặc --kiem-tra để kiểm tra chữ ký).", param_hint="'--p12'"
        )
    password = signing.password_from_environment()
    if password is None:
        password = typer.prompt("Mật khẩu chứng thư số", hide_input=True, default="", show_default=False)
    target = output or signing.signed_name(pdf)
    placement = or_exit(lambda: signing.sign_pdf(pdf, target, p12, password, tsa))
    if not placement.found:
        err.print(
            "[bold yellow]Cảnh báo[/] Không thấy khối chữ ký (Nơi nhận, chức vụ, họ tên) trong tệp PDF; khung "
            "chữ ký được đặt ở góc dưới bên phải trang cuối."
        )
    out.print(f"[green]Đã ký[/] {escape(str(target))} (trang {placement.page + 1}).")


def _show_signatures(pdf: Path, checks: list[SignatureCheck]) -> int:
    """Print what `sign --kiem-tra` found; the exit code (1 unless writers.sign.all_accepted)."""
    from baocao.writers.sign import all_accepted

    if not checks:
        err.print(f"[bold red]Lỗi[/] {escape(str(pdf))}: tệp không có chữ ký số nào.")
        return EXIT_INPUT
    for number, check in enumerate(checks, 1):
        when = check.signed_at.strftime("%d/%m/%Y %H:%M:%S %z") if check.signed_at else "không rõ"
        trust = (
            ("có" if check.trusted else "không (chứng thư không do nơi cấp tin cậy cấp)")
            if check.roots_given
            else "chưa kiểm tra (thêm --tin-cay CA.pem)"
        )
        verdict = "[green]Hợp lệ[/]" if check.accepted else "[bold red]Không hợp lệ[/]"
        out.print(
            f"{verdict} chữ ký {number}: người ký {escape(check.signer)}, lúc {when}; nguyên vẹn: "
            f"{'có' if check.intact else 'không'}; đúng chữ ký: {'có' if check.valid else 'không'}; phủ toàn "
            f"bộ tệp: {'có' if check.whole_file else 'không (tệp bị thêm nội dung sau khi ký)'}; tin cậy: {trust}"
            f"{'; có dấu thời gian' if check.timestamped else ''}."
        )
    return EXIT_OK if all_accepted(checks) else EXIT_INPUT
