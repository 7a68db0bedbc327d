"""`baocao build` and `baocao validate`: reports in, .docx (and PDF) out, or only the verdict."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape

from baocao.cli.app import (
    EXIT_INPUT,
    EXIT_OK,
    Command,
    ReportFiles,
    Strict,
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
from baocao.errors import BaocaoError, Problem
from baocao.limits import REPORT_SECONDS
from baocao.writers.registry import DEFAULT_WRITER

_PDF_KINDS = {"pdf": "PDF", "pdfa-2b": "PDF/A-2b", "pdfa-3b": "PDF/A-3b kèm số liệu"}  # batch.Job.pdf as told

TimeLimit = Annotated[
    int,
    typer.Option(
        "--gioi-han-giay",
        min=0,
        metavar="GIAY",
        help="Mỗi báo cáo được soạn trong tối đa GIAY giây (0: không giới hạn); quá thì báo cáo đó bị dừng, "
        "báo lỗi, các báo cáo khác vẫn được soạn.",
    ),
]

if TYPE_CHECKING:
    from baocao.batch import Job, Outcome


@app.command(cls=Command, options_metavar="[TÙY CHỌN]")
def build(
    reports: ReportFiles,
    output: Annotated[
        Path | None,
        output_option(
            "Tệp .docx kết quả khi soạn một báo cáo, hoặc thư mục kết quả thay cho output/.", "TEP.docx|THU_MUC"
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
    seconds: TimeLimit = REPORT_SECONDS,
    figures: Annotated[
        bool,
        typer.Option(
            "--so-lieu",
            help="Ghi thêm tệp số liệu cạnh mỗi tệp .docx: <tên>-so-lieu.xlsx và <tên>-so-lieu.json "
            "(như lệnh figures).",
        ),
    ] = False,
    attach: Annotated[
        bool,
        typer.Option(
            "--kem-so-lieu",
            help="Xuất PDF/A-3 (thay cho PDF/A-2b) có đính kèm tệp số liệu JSON của báo cáo (như lệnh figures), "
            "để hệ thống báo cáo lấy số liệu ngay từ tệp PDF đã ký; kèm theo --pdfa và --so-lieu.",
        ),
    ] = False,
) -> None:
    """Soạn tệp Word (.docx) từ tệp báo cáo YAML, hoặc mọi báo cáo trong các thư mục đơn vị."""
    require_files(reports)
    output_writer(output, (DEFAULT_WRITER,), folders=True)
    from baocao import batch

    require_folder(templates)
    planned = _plan(
        reports, output, templates, strict=strict, seconds=seconds, figures=figures, pdf=pdf, pdfa=pdfa, attach=attach
    )
    if len(planned) == 1:
        outcomes = batch.run(planned, jobs)
    else:
        from baocao.cli import views  # rich's progress bar and tables: only for several reports

        with views.progress(err, len(planned)) as done:
            outcomes = batch.run(planned, jobs, done)
    for outcome in outcomes:
        show(outcome.problems, "Lỗi", "bold red")
        if not outcome.ok:
            err.print(f"[red]Không ghi tệp nào cho {escape(str(outcome.job.report))}[/] ({_counts(outcome)}).")
        show_warnings(outcome.warnings, outcome.notes)
    pdf_failed = bool(planned[0].pdf) and not _write_pdfs(outcomes)
    if len(outcomes) > 1:
        from baocao.cli import views

        out.print(views.summary(outcomes))
        out.print(views.totals(outcomes))
    elif outcomes[0].ok:
        out.print(f"[green]Đã soạn[/] {escape(str(outcomes[0].job.target))} ({outcomes[0].seconds:.2f} giây)")
        if outcomes[0].job.figure_targets:
            out.print(f"[green]Đã ghi số liệu[/] {escape(', '.join(map(str, outcomes[0].job.figure_targets)))}")
    raise typer.Exit(EXIT_INPUT if pdf_failed or not all(outcome.ok for outcome in outcomes) else EXIT_OK)


def _plan(reports: list[Path], output: Path | None, templates: Path | None, **settings: Any) -> list[Job]:
    """The reports found in the arguments (baocao.batch.plan, with its `settings`), and what the search passed
    over (warnings); exit 1 after saying why if none can be."""
    from baocao.batch import plan

    notes: list[Problem] = []
    jobs = or_exit(lambda: plan(reports, output, templates, notes=notes, **settings))
    show(notes, "Cảnh báo", "bold yellow")
    return jobs


def _counts(outcome: Outcome) -> str:
    """'3 lỗi, 2 cảnh báo' of one report."""
    return f"{len(outcome.problems)} lỗi" + (f", {len(outcome.warnings)} cảnh báo" if outcome.warnings else "")


def _write_pdfs(outcomes: list[Outcome]) -> bool:
    """The PDFs the jobs ask for (batch.Job.pdf) beside the written .docx files; False, after saying why, when
    none was made."""
    from baocao.batch import write_pdfs

    try:
        with err.status("Đang xuất PDF bằng LibreOffice..."):
            write_pdfs(outcomes)
    except BaocaoError as exc:
        show(exc.problems, "Lỗi", "bold red")
        return False
    if len(outcomes) == 1 and outcomes[0].pdf:
        kind = _PDF_KINDS[outcomes[0].job.pdf]
        out.print(f"[green]Đã xuất {kind}[/] {escape(str(outcomes[0].pdf))}")
    return True


@app.command(cls=Command, options_metavar="[TÙY CHỌN]")
def validate(
    reports: ReportFiles, templates: TemplateFolder = None, strict: Strict = False, seconds: TimeLimit = REPORT_SECONDS
) -> None:
    """Kiểm tra tệp báo cáo (mọi bước trừ ghi tệp)."""
    from baocao.batch import run

    require_files(reports)
    require_folder(templates)
    planned = _plan(reports, None, templates, write=False, strict=strict, seconds=seconds)
    outcomes = run(planned, 1, _tell_validity, write=False)
    raise typer.Exit(EXIT_INPUT if not all(outcome.ok for outcome in outcomes) else EXIT_OK)


def _tell_validity(outcome: Outcome) -> None:
    """What validate says of one report, as soon as it is checked."""
    show(outcome.problems, "Lỗi", "bold red")
    show_warnings(outcome.warnings, outcome.notes)
    if outcome.ok:
        out.print(f"[green]Hợp lệ[/] {escape(str(outcome.job.report))}")
    else:
        err.print(f"[red]Không hợp lệ[/] {escape(str(outcome.job.report))} ({_counts(outcome)}).")
