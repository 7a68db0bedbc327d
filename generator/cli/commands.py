"""Command line: build, validate, check, preview, watch, init, next, schema, templates (help and messages in
Vietnamese).

Exit codes: 0 success; 1 a report has an error (nothing written for it); 2 command-line misuse;
3 a fault of the program itself.
"""

from __future__ import annotations

import gc
import os
import re
import signal
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperCommand, TyperGroup

from baocao.errors import BaocaoError, Problem, file_problem

if TYPE_CHECKING:
    from baocao.batch import Job, Outcome
    from baocao.input.period import Period

T = TypeVar("T")

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3
MAX_SHOWN = 50  # errors (and, apart, warnings) shown for one report

HELP_TEXT = "Hiện hướng dẫn này rồi thoát."
MISSING_MESSAGES = {  # by argument; other commands: report files
    "documents": "Thiếu tên tệp Word (.docx).",
    "pdf": "Thiếu tên tệp PDF.",
    "folder": "Thiếu tên thư mục.",
    "kind": "Thiếu --loai (loại báo cáo: thi-dua, kt-xh, nhiem-vu, chung).",
    "period": 'Thiếu --ky (kỳ báo cáo mới, ví dụ "6 tháng đầu năm 2027").',
    "name": "Thiếu tên mẫu (bao-cao, thi-dua, kt-xh, nhiem-vu, chung).",
    "template": "Thiếu tên tệp mẫu Word (.docx).",
}
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


class _Group(_Vietnamese, TyperGroup):
    pass


class _Command(_Vietnamese, TyperCommand):
    pass


app = typer.Typer(
    cls=_Group,
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
DocxFiles = Annotated[list[Path], typer.Argument(help="Tệp Word .docx.", metavar="TEP.docx...", show_default=False)]
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
_click = sys.modules[typer.BadParameter.__module__]


def _show(problems: list[Problem], label: str, style: str) -> None:
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


def _show_warnings(warnings: list[Problem], notes: list[Problem]) -> None:
    """The warnings, then the notes: a clerk's deliberate choices (giu_nguyen), told but not counted."""
    _show(warnings, "Cảnh báo", "bold yellow")
    _show(notes, "Ghi chú", "cyan")


@app.command(cls=_Command, options_metavar="[TÙY CHỌN]")
def build(
    reports: ReportFiles,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help="Tệp .docx kết quả khi soạn một báo cáo, hoặc thư mục kết quả thay cho output/."
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "-j", "--jobs", min=1, help="Số báo cáo soạn cùng lúc (mặc định: số nhân CPU).", show_default=False
        ),
    ] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="Xuất thêm tệp PDF cạnh mỗi tệp .docx (cần LibreOffice).")] = False,
    pdfa: Annotated[
        bool,
        typer.Option(
            "--pdfa",
            help="PDF theo chuẩn lưu trữ PDF/A-2b (nhúng phông chữ), dùng để ký số và lưu trữ; kèm theo --pdf.",
        ),
    ] = False,
    templates: TemplateFolder = None,
    strict: Strict = False,
) -> None:
    """Soạn tệp Word (.docx) từ tệp báo cáo YAML, hoặc mọi báo cáo trong các thư mục đơn vị."""
    _check_files(reports)
    _check_output(output, _suffix())
    if output and output.suffix.lower() == _suffix() and (len(reports) > 1 or reports[0].is_dir()):
        raise typer.BadParameter(
            "-o TEP.docx chỉ dùng khi soạn một tệp báo cáo; khi soạn nhiều báo cáo, -o là thư mục.", param_hint="'-o'"
        )
    from baocao import batch

    _check_folder(templates)
    planned = _plan(reports, output, templates, strict=strict)
    if len(planned) == 1:
        outcomes = batch.run(planned, 1)
    else:
        from baocao.cli import views  # rich's progress bar and tables: only for several reports

        with views.progress(err, len(planned)) as done:
            outcomes = batch.run(planned, jobs or batch.default_workers(), done)
    for outcome in outcomes:
        _show(outcome.problems, "Lỗi", "bold red")
        if not outcome.ok:
            err.print(f"[red]Không ghi tệp nào cho {escape(str(outcome.job.report))}[/] ({_counts(outcome)}).")
        _show_warnings(outcome.warnings, outcome.notes)
    pdf_failed = (pdf or pdfa) and not _write_pdfs(outcomes, pdfa)
    if len(outcomes) > 1:
        from baocao.cli import views

        out.print(views.summary(outcomes))
        out.print(views.totals(outcomes))
    elif outcomes[0].ok:
        out.print(f"[green]Đã soạn[/] {escape(str(outcomes[0].job.target))} ({outcomes[0].seconds:.2f} giây)")
    raise typer.Exit(EXIT_INPUT if pdf_failed or not all(outcome.ok for outcome in outcomes) else EXIT_OK)


def _suffix(writer: str = "docx") -> str:
    """The suffix of what `writer` writes (see baocao.writers.registry)."""
    from baocao.writers.registry import writer_for

    return writer_for(writer).suffix


def _check_output(output: Path | None, suffix: str, folders: bool = True) -> None:
    """Misuse (exit 2, nothing written) when -o names a file of another kind than the writer's `suffix`.

    A name with another suffix ('bao-cao.pdf') would otherwise become a folder, or a file of the wrong kind.
    """
    if output is None or output.suffix.lower() == suffix or folders and (not output.suffix or output.is_dir()):
        return
    instead = output.with_suffix(suffix).name
    hint = (
        f"Ghi -o {instead}"
        + (" (thêm --pdf để có cả tệp PDF)" if output.suffix.lower() == ".pdf" else "")
        + (", hoặc tên một thư mục (không có đuôi) để ghi kết quả vào đó." if folders else ".")
    )
    raise typer.BadParameter(
        f"'{output}' không phải tên tệp {suffix}: lệnh này chỉ ghi tệp {suffix}. {hint}", param_hint="'-o'"
    )


def _plan(
    reports: list[Path], output: Path | None, templates: Path | None, write: bool = True, strict: bool = False
) -> list[Job]:
    """The reports found in the arguments (see baocao.batch.plan); exit 1 after saying why if none can be."""
    from baocao.batch import plan

    return [replace(job, strict=strict) for job in _or_exit(lambda: plan(reports, output, templates, write=write))]


def _counts(outcome: Outcome) -> str:
    """'3 lỗi, 2 cảnh báo' of one report."""
    return f"{len(outcome.problems)} lỗi" + (f", {len(outcome.warnings)} cảnh báo" if outcome.warnings else "")


def _write_pdfs(outcomes: list[Outcome], pdfa: bool) -> bool:
    """PDFs (PDF/A-2b with `pdfa`) beside the written .docx files; False, after saying why, when none was made."""
    from baocao.batch import write_pdfs

    try:
        with err.status("Đang xuất PDF bằng LibreOffice..."):
            write_pdfs(outcomes, pdfa)
    except BaocaoError as exc:
        _show(exc.problems, "Lỗi", "bold red")
        return False
    if len(outcomes) == 1 and outcomes[0].pdf:
        out.print(f"[green]Đã xuất {'PDF/A-2b' if pdfa else 'PDF'}[/] {escape(str(outcomes[0].pdf))}")
    return True


@app.command(cls=_Command, options_metavar="[TÙY CHỌN]")
def validate(reports: ReportFiles, templates: TemplateFolder = None, strict: Strict = False) -> None:
    """Kiểm tra tệp báo cáo (mọi bước trừ ghi tệp)."""
    from baocao.batch import run

    _check_files(reports)
    _check_folder(templates)
    outcomes = run(_plan(reports, None, templates, write=False, strict=strict), 1, _tell_validity, write=False)
    raise typer.Exit(EXIT_INPUT if not all(outcome.ok for outcome in outcomes) else EXIT_OK)


def _tell_validity(outcome: Outcome) -> None:
    """What validate says of one report, as soon as it is checked."""
    _show(outcome.problems, "Lỗi", "bold red")
    _show_warnings(outcome.warnings, outcome.notes)
    if outcome.ok:
        out.print(f"[green]Hợp lệ[/] {escape(str(outcome.job.report))}")
    else:
        err.print(f"[red]Không hợp lệ[/] {escape(str(outcome.job.report))} ({_counts(outcome)}).")


@app.command(cls=_Command, options_metavar="[TÙY CHỌN]")
def check(
    ctx: typer.Context,
    documents: Annotated[
        list[Path] | None, typer.Argument(help="Tệp Word .docx.", metavar="TEP.docx", show_default=False)
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Chỉ in kết quả dạng JSON (cho chương trình khác đọc).")
    ] = False,
    rules: Annotated[
        bool,
        typer.Option(
            "--quy-tac", help="In bảng các quy tắc được kiểm tra (mã, căn cứ, mức độ, có tự sửa được không) rồi thoát."
        ),
    ] = False,
    fix: Annotated[
        bool,
        typer.Option(
            "--sua",
            help="Ghi bản đã sửa những lỗi sửa được an toàn (khổ giấy, lề, phông, cỡ chữ, màu chữ, "
            "số 0 của ngày tháng, dấu của Nơi nhận, dấu ./., cách viết số), kiểm tra lại bản "
            "đó và liệt kê từng thay đổi; không sửa nội dung.",
        ),
    ] = False,
    comments: Annotated[
        bool, typer.Option("--ghi-chu", help="Ghi bản có ghi chú (comment) của Word ở từng lỗi, cho người duyệt.")
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            metavar="TEP.docx",
            show_default=False,
            help="Tệp ghi ra khi dùng --sua hoặc --ghi-chu với một tệp (mặc định: TEP-da-sua.docx, "
            "TEP-ghi-chu.docx cạnh tệp gốc).",
        ),
    ] = None,
) -> None:
    """Kiểm tra thể thức tệp Word (.docx) theo Nghị định 30/2020/NĐ-CP.

    --sua sửa lỗi an toàn, --ghi-chu ghi chú từng lỗi.
    """
    if rules:
        from baocao.nd30.rules import rules_markdown

        typer.echo(rules_markdown(), nl=False)
        raise typer.Exit(EXIT_OK)
    if not documents:
        raise _click.MissingParameter(ctx=ctx, param=next(p for p in ctx.command.params if p.name == "documents"))
    _check_files(documents, "TEP.docx", folders=False)
    if output is not None and not (fix or comments):
        raise typer.BadParameter("-o chỉ dùng cùng --sua hoặc --ghi-chu.", param_hint="'-o'")
    if output is not None and len(documents) > 1:
        raise typer.BadParameter("-o chỉ dùng khi sửa hoặc ghi chú một tệp.", param_hint="'-o'")
    if as_json and (fix or comments):
        raise typer.BadParameter("--json không dùng cùng --sua hoặc --ghi-chu.", param_hint="'--json'")
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
            _show(result.problems, "Lỗi", "bold red")
            if result.findings:
                out.print(views.findings_table(result.path, result.findings))
            if not result.problems:
                out.print(f"{escape(str(result.path))}: {views.check_totals(result.findings)}")
    raise typer.Exit(EXIT_INPUT if any(result.failed for result in results) else EXIT_OK)


def _fix_or_comment(document: Path, output: Path | None, fix: bool, comments: bool) -> bool:
    """check --sua / --ghi-chu of one file; True when it failed or the copy still has errors."""
    from baocao.cli import views
    from baocao.nd30.findings import has_errors

    suffix = "-da-sua" if fix else "-ghi-chu"
    target = output or document.with_name(f"{document.stem}{suffix}.docx")
    try:
        if fix:
            from baocao.nd30.fix import fix_docx

            fixed = fix_docx(document, target)
            out.print(views.changes_list(document, fixed))
            findings = fixed.after
        if comments:
            from baocao.nd30.comments import comment_docx

            findings, count = comment_docx(target if fix else document, target)
            out.print(f"[green]Đã ghi[/] {escape(str(target))}: {count} ghi chú (comment) ở các lỗi.")
    except BaocaoError as exc:
        _show(exc.problems, "Lỗi", "bold red")
        return True
    if findings:
        out.print(views.findings_table(target, findings))
    out.print(f"{escape(str(target))}: {views.check_totals(findings)}")
    return has_errors(findings)


@app.command(cls=_Command, options_metavar="[TÙY CHỌN]")
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
        Path | None,
        typer.Option(
            "-o",
            "--output",
            metavar="TEP.pdf",
            show_default=False,
            help="Tệp PDF đã ký (mặc định: TEP-da-ky.pdf cạnh tệp gốc).",
        ),
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

    _check_files([pdf, *(trust or []), *([p12] if p12 else [])], "TEP.pdf", folders=False)
    if verify:
        raise typer.Exit(_show_signatures(pdf, _or_exit(lambda: signing.check_signatures(pdf, trust)), bool(trust)))
    if p12 is None:
        raise typer.BadParameter(
            "cần --p12 CHUNG-THU.p12 để ký (hoặc --kiem-tra để kiểm tra chữ ký).", param_hint="'--p12'"
        )
    password = signing.password_from_environment()
    if password is None:
        password = typer.prompt("Mật khẩu chứng thư số", hide_input=True, default="", show_default=False)
    target = output or pdf.with_name(f"{pdf.stem}-da-ky.pdf")
    placement = _or_exit(lambda: signing.sign_pdf(pdf, target, p12, password, tsa))
    if not placement.found:
        err.print(
            "[bold yellow]Cảnh báo[/] Không thấy khối chữ ký (Nơi nhận, chức vụ, họ tên) trong tệp PDF; khung "
            "chữ ký được đặt ở góc dưới bên phải trang cuối."
        )
    out.print(f"[green]Đã ký[/] {escape(str(target))} (trang {placement.page + 1}).")


def _show_signatures(pdf: Path, checks: list, trusted_roots: bool) -> int:
    """Print what `sign --kiem-tra` found; the exit code (1 when a signature is broken, or none is there)."""
    if not checks:
        err.print(f"[bold red]Lỗi[/] {escape(str(pdf))}: tệp không có chữ ký số nào.")
        return EXIT_INPUT
    for number, check in enumerate(checks, 1):
        when = check.signed_at.strftime("%d/%m/%Y %H:%M:%S %z") if check.signed_at else "không rõ"
        trust = (
            ("có" if check.trusted else "không (chứng thư không do nơi cấp tin cậy cấp)")
            if trusted_roots
            else "chưa kiểm tra (thêm --tin-cay CA.pem)"
        )
        verdict = (
            "[green]Hợp lệ[/]" if check.ok and (check.trusted or not trusted_roots) else "[bold red]Không hợp lệ[/]"
        )
        out.print(
            f"{verdict} chữ ký {number}: người ký {escape(check.signer)}, lúc {when}; nguyên vẹn: "
            f"{'có' if check.intact else 'không'}; đúng chữ ký: {'có' if check.valid else 'không'}; phủ toàn "
            f"bộ tệp: {'có' if check.whole_file else 'không (tệp bị thêm nội dung sau khi ký)'}; tin cậy: {trust}"
            f"{'; có dấu thời gian' if check.timestamped else ''}."
        )
    good = all(check.ok and (check.trusted or not trusted_roots) for check in checks)
    return EXIT_OK if good else EXIT_INPUT


# ---- init, next, schema, templates (logic in scaffold, next_period, schema, template_files) ----

templates_app = typer.Typer(
    cls=_Group,
    options_metavar="[TÙY CHỌN]",
    subcommand_metavar="LỆNH [THAM SỐ]...",
    no_args_is_help=True,
    help="Mẫu Word: mẫu nào được dùng, chép mẫu có sẵn để sửa, kiểm tra mẫu.",
)
app.add_typer(templates_app, name="templates")
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


@app.command(cls=_Command, options_metavar="[TÙY CHỌN]")
def init(
    folder: Annotated[
        Path, typer.Argument(help="Thư mục của đơn vị (tạo mới nếu chưa có).", metavar="THU_MUC", show_default=False)
    ],
    kind: Annotated[
        str,
        typer.Option(
            "--loai", metavar="LOAI", show_default=False, help="Loại báo cáo: thi-dua, kt-xh, nhiem-vu, chung."
        ),
    ],
    period: Annotated[
        str | None,
        typer.Option(
            "--ky",
            metavar="KY",
            show_default=False,
            help="Kỳ báo cáo (mặc định: 6 tháng đầu năm nay; từ tháng 7: năm nay).",
        ),
    ] = None,
) -> None:
    """Tạo hồ sơ đơn vị và một tệp báo cáo có chú thích từng khóa, soạn được ngay."""
    from datetime import date

    from baocao.input.kinds import KINDS
    from baocao.input.scaffold import default_period, init_folder

    if kind not in KINDS:
        raise typer.BadParameter(f"không có loại '{kind}'; chọn một trong: {', '.join(KINDS)}.", param_hint="'--loai'")
    done = _or_exit(lambda: init_folder(folder, kind, _period(period) if period else default_period(date.today())))
    for path in done.kept:
        out.print(f"Giữ nguyên {escape(str(path))} (đã có).")
    for path in done.written:
        out.print(f"[green]Đã viết[/] {escape(str(path))}")


@app.command(name="next", cls=_Command, options_metavar="[TÙY CHỌN]")
def next_report(
    report: OneReport,
    period: PeriodText,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", show_default=False, help="Tệp .yaml mới (mặc định: <loại>-<kỳ>.yaml cạnh tệp báo cáo)."
        ),
    ] = None,
) -> None:
    """Viết tệp báo cáo kỳ sau từ báo cáo này: cùng đề cương và số liệu, giá trị kỳ mới để trống."""
    from baocao.input.next_period import write_next

    _check_files([report], folders=False)
    written = _or_exit(lambda: write_next(report, _period(period), output))
    out.print(f"[green]Đã viết[/] {escape(str(written.path))}")
    if written.to_fill:
        out.print(
            f"Còn {len(written.to_fill)} giá trị cần điền (dòng có chú thích 'cần điền'); "
            "'baocao validate' báo từng chỗ cho đến khi điền xong:"
        )
        for problem in written.to_fill:
            out.print(f"  {escape(str(problem.location))}: {escape(problem.message)}")


@app.command(name="import", cls=_Command, options_metavar="[TÙY CHỌN]")
def import_report(
    document: Annotated[
        Path,
        typer.Argument(
            help="Tệp Word của báo cáo (.docx; .doc cũ cần LibreOffice).", metavar="BAO-CAO.docx", show_default=False
        ),
    ],
    output: Annotated[
        Path,
        typer.Option("-o", "--output", metavar="THU_MUC", help="Thư mục đơn vị ghi kết quả (tạo mới nếu chưa có)."),
    ] = Path("."),
) -> None:
    """Đọc báo cáo Word đã có thành hồ sơ đơn vị và tệp báo cáo YAML (soạn lại được bằng build)."""
    from baocao.readers.docx import import_docx

    _check_files([document], "BAO-CAO.docx", folders=False)
    done = _or_exit(lambda: import_docx(document, output))
    for line in done.summary.lines():
        out.print(escape(line))
    for path in done.kept:
        out.print(f"Giữ nguyên {escape(str(path))} (đã có).")
    for path in done.written:
        out.print(f"[green]Đã viết[/] {escape(str(path))}")


@app.command(cls=_Command, options_metavar="[TÙY CHỌN]")
def preview(
    report: OneReport,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            metavar="TEP.html",
            show_default=False,
            help="Tệp .html kết quả (mặc định: output/<tên báo cáo>.html).",
        ),
    ] = None,
) -> None:
    """Viết bản xem trước của báo cáo: một trang HTML mở bằng trình duyệt, chia trang A4 như bản Word."""
    from baocao.pipeline import build as build_report

    _check_files([report], folders=False)
    _check_output(output, _suffix("html"), folders=False)
    target, built = _or_exit(lambda: build_report(report, output, writer="html"))
    _show_warnings(built.warnings, built.notes)
    out.print(f"[green]Đã viết bản xem trước[/] {escape(str(target))} (mở bằng trình duyệt)")


DEFAULT_PORT = 8030


@app.command(cls=_Command, options_metavar="[TÙY CHỌN]")
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
) -> None:
    """Xem trước trong trình duyệt khi đang soạn: tự cập nhật mỗi khi lưu tệp báo cáo, hồ sơ đơn vị hoặc mẫu Word,
    ghi lại tệp .docx mỗi lần. Ctrl-C để dừng."""
    import webbrowser

    from baocao.pipeline import default_output
    from baocao.watch import Build, Watch
    from baocao.writers.html.server import Board, PreviewServer

    _check_files([report], folders=False)
    _check_folder(templates)
    board = Board()
    try:
        server = PreviewServer(board, port)
    except OSError as exc:
        err.print(f"[bold red]Lỗi[/] Không mở được cổng {port} trên 127.0.0.1 ({escape(exc.strerror or str(exc))}).")
        err.print(f"    → Có thể một lệnh baocao watch khác đang chạy; chọn cổng khác, ví dụ --port {port + 1}.")
        raise typer.Exit(EXIT_INPUT) from None
    converter = _converter() if pdf else None
    session = Watch(report, default_output(report), board, templates, converter)
    first = True

    def told(done: Build) -> None:
        nonlocal first
        _show(done.problems, "Lỗi", "bold red")
        _show_warnings(done.warnings, done.notes)
        if not done.problems:
            made = escape(str(session.output)) + (f" và {escape(str(done.pdf))}" if done.pdf else "")
            out.print(f"[green]Đã cập nhật[/] bản xem trước, {made} ({done.seconds:.2f} giây)")
        if first:
            first = False
            out.print(f"Bản xem trước: [bold]{server.url}[/] — sửa và lưu tệp để cập nhật; Ctrl-C để dừng.")
            if not no_browser:
                webbrowser.open(server.url)

    signal.signal(signal.SIGTERM, _interrupt)  # `kill` ends it as Ctrl-C does: LibreOffice is closed too
    server.start()
    try:
        session.run(told)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        if converter is not None:
            converter.close()
    out.print("Đã dừng xem trước.")


def _interrupt(_signal: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _converter():
    """A LibreOffice kept running for the PDFs of `watch`; exit 1 after saying why when there is none."""
    from baocao.writers.pdf import WarmConverter

    return _or_exit(WarmConverter)


@app.command(cls=_Command, options_metavar="[TÙY CHỌN]")
def schema(
    folder: Annotated[
        Path | None,
        typer.Argument(help="Thư mục ghi lược đồ (mặc định: schema).", metavar="[THU_MUC]", show_default=False),
    ] = None,
) -> None:
    """Ghi lược đồ JSON (JSON Schema) của hồ sơ đơn vị và tệp báo cáo, để VS Code gợi ý và báo lỗi khi gõ."""
    from baocao.input.schema import SCHEMA_DIR, write_schemas

    for path in _or_exit(lambda: write_schemas(folder or SCHEMA_DIR)):
        out.print(f"[green]Đã viết[/] {escape(str(path))}")


@templates_app.command(name="list", cls=_Command, options_metavar="[TÙY CHỌN]")
def list_templates(report: OneReport, templates: TemplateFolder = None) -> None:
    """Cho biết báo cáo dùng tệp mẫu nào, và vì sao."""
    from baocao.input.validate import read_sources
    from baocao.writers.docx.templates import describe, resolve

    _check_files([report], folders=False)
    _check_folder(templates)
    resolution = _or_exit(lambda: resolve(read_sources(report), templates))
    for line in describe(resolution):
        out.print(escape(line))
    if resolution.chosen is None:
        err.print(f"[bold red]Lỗi[/] Không tìm thấy mẫu '{escape(resolution.name)}' ở chỗ nào.")
        raise typer.Exit(EXIT_INPUT)


@templates_app.command(name="copy", cls=_Command, options_metavar="[TÙY CHỌN]")
def copy_template(
    name: Annotated[
        str,
        typer.Argument(
            help="Tên mẫu có sẵn: bao-cao, hoặc tên loại báo cáo (thi-dua, kt-xh, nhiem-vu, chung).",
            metavar="TEN",
            show_default=False,
        ),
    ],
    folder: Annotated[
        Path, typer.Argument(help="Thư mục chép đến (mặc định: thư mục hiện tại).", metavar="[THU_MUC]")
    ] = Path("."),
) -> None:
    """Chép một mẫu có sẵn thành TEN.docx để sửa trong Word (không ghi đè tệp đã có)."""
    from baocao.writers.docx.templates import BUILTIN_FILES, copy_builtin

    if name not in BUILTIN_FILES:
        raise typer.BadParameter(
            f"không có mẫu '{name}'; các mẫu có sẵn: {', '.join(sorted(BUILTIN_FILES))}.", param_hint="TEN"
        )
    target = _or_exit(lambda: copy_builtin(name, folder))
    out.print(
        f"[green]Đã chép[/] {escape(str(target))}. Sửa trong Word, giữ nguyên các thẻ {{{{ ... }}}} và {{% ... %}}; "
        f"kiểm tra bằng: baocao templates check {escape(str(target))}"
    )


@templates_app.command(name="check", cls=_Command, options_metavar="[TÙY CHỌN]")
def check_template(
    template: Annotated[Path, typer.Argument(help="Tệp mẫu Word .docx.", metavar="MAU.docx", show_default=False)],
) -> None:
    """Kiểm tra một mẫu Word trước khi soạn: thẻ hỏng, tên không có, kiểu (style) thiếu, đoạn {{ noi_dung }}."""
    from baocao.writers.docx.template_check import template_problems, trial_problems

    _check_files([template], "MAU.docx", folders=False)
    problems = template_problems(template) or trial_problems(template)
    _show(problems, "Lỗi", "bold red")
    if problems:
        raise typer.Exit(EXIT_INPUT)
    out.print(f"[green]Mẫu dùng được[/] {escape(str(template))}")


def _period(text: str) -> Period:
    """The period typed after --ky; a usage error in Vietnamese if it is not one."""
    from baocao.input.period import parse_period

    try:
        return parse_period(text)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="'--ky'") from None


def _check_folder(folder: Path | None) -> None:
    if folder is not None and not folder.is_dir():
        raise typer.BadParameter(f"không có thư mục '{folder}'.", param_hint="'--thu-muc-mau'")


def _or_exit(action: Callable[[], T]) -> T:
    """Run `action`; on a located error show it and exit 1 (nothing was written)."""
    try:
        return action()
    except BaocaoError as exc:
        _show(exc.problems, "Lỗi", "bold red")
        raise typer.Exit(EXIT_INPUT) from None


def _check_files(paths: list[Path], hint: str = "BAO_CAO.yaml", folders: bool = True) -> None:
    for path in paths:
        if not (path.is_file() or folders and path.is_dir()):
            raise typer.BadParameter(f"không có tệp '{path}'.", param_hint=hint)


def _usage_message(exc: Exception) -> str:
    """typer's usage errors, told in Vietnamese."""
    if isinstance(exc, _click.NoSuchOption):
        return f"Không có tùy chọn '{exc.option_name}'."
    if isinstance(exc, _click.MissingParameter):
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
    """Console script entry point: exit 0 ok, 1 input error, 2 command-line misuse, 3 a fault of ours."""
    try:
        code = app(standalone_mode=False)
    except _click.UsageError as exc:
        if isinstance(exc, getattr(_click, "NoArgsIsHelpError", ())):  # typer has already shown the help
            raise SystemExit(EXIT_USAGE) from None
        err.print(f"[bold red]Lỗi:[/] {escape(_usage_message(exc))}")
        err.print("Gõ 'baocao --help' để xem hướng dẫn.")
        code = EXIT_USAGE
    except typer.Abort:
        code = EXIT_INPUT
    except OSError as exc:  # a file the system refused (name too long, no such folder, no right to write...)
        _show([file_problem(exc)], "Lỗi", "bold red")
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
