"""What the command line shows besides messages: the batch progress bar and summary, the check tables."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from baocao.nd30 import ERROR, Finding

if TYPE_CHECKING:
    from baocao.batch import Outcome
    from baocao.interrupts import Interrupted
    from baocao.nd30.fix import Fixed  # the check command needs no pipeline


@contextmanager
def progress(console: Console, total: int) -> Iterator[Callable[[Outcome], None]]:
    """A progress bar of `total` reports; yields the callback that counts one done."""
    bar = Progress(
        TextColumn("Đang soạn"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("báo cáo"),
        TimeElapsedColumn(),
        console=console,
    )
    with bar:
        task = bar.add_task("", total=total)
        yield lambda _outcome: bar.advance(task)


def summary(outcomes: list[Outcome]) -> Table:
    """One row a report: unit, report, result, warnings, output path."""
    table = Table(title="Tổng hợp", title_justify="left")
    for header in ("Đơn vị", "Báo cáo", "Kết quả", "Cảnh báo", "Tệp kết quả"):
        table.add_column(header, overflow="fold", no_wrap=header in ("Kết quả", "Cảnh báo"))
    for outcome in outcomes:
        result = "[green]Đã soạn[/]" if outcome.ok else f"[bold red]Lỗi ({len(outcome.problems)})[/]"
        written = escape(str(outcome.job.target)) + (" + .pdf" if outcome.pdf else "") if outcome.ok else "—"
        table.add_row(
            escape(outcome.job.unit), escape(outcome.job.report.name), result, str(len(outcome.warnings) or ""), written
        )
    return table


def totals(outcomes: list[Outcome]) -> str:
    """The closing line: how many were written (and with PDFs), how many failed."""
    failed = sum(not outcome.ok for outcome in outcomes)
    pdfs = sum(outcome.pdf is not None for outcome in outcomes)
    line = f"Đã soạn {len(outcomes) - failed}/{len(outcomes)} báo cáo" + (f" (kèm {pdfs} tệp PDF)" if pdfs else "")
    return line + (f"; [bold red]{failed} báo cáo có lỗi[/] (không ghi tệp)." if failed else ".")


def stopped(stop: Interrupted) -> str:
    """What a run stopped by a signal had done: the reports written (and their files), how many were not."""
    lines = [
        f"[bold red]Đã dừng[/] vì {escape(stop.reason)}; các tiến trình con (LibreOffice...) và tệp tạm đã được xóa."
    ]
    if stop.outcomes is not None:
        done = len(stop.outcomes)
        if stop.pdf:
            lines.append(f"Đã soạn {done} tệp .docx; việc xuất PDF bị dừng giữa chừng (không có tệp PDF dở dang).")
        else:
            lines.append(f"Trước khi dừng đã soạn {done}/{stop.total} báo cáo; {stop.total - done} báo cáo chưa soạn.")
        lines += [f"  Đã ghi {escape(str(outcome.job.target))}" for outcome in stop.outcomes]
    return "\n".join(lines)


def findings_table(path: Path, findings: list[Finding]) -> Table:
    """The findings of one checked file: mức độ, mã, vị trí, nội dung, căn cứ."""
    table = Table(title=escape(str(path)), title_justify="left", show_lines=True)
    for header, ratio in (("Mức độ", 1), ("Mã", 1), ("Vị trí", 1), ("Nội dung", 4), ("Căn cứ", 2)):
        table.add_column(header, overflow="fold", ratio=ratio)
    for finding in findings:
        severity = "[bold red]Lỗi[/]" if finding.severity == ERROR else "[yellow]Cảnh báo[/]"
        table.add_row(severity, finding.code, escape(finding.where), escape(finding.message), escape(finding.rule))
    return table


def check_totals(findings: list[Finding]) -> str:
    """'2 lỗi, 1 cảnh báo' for one file, or that it passed."""
    if not findings:
        return "[green]Đạt:[/] không có lỗi hay cảnh báo thể thức."
    errors = sum(finding.severity == ERROR for finding in findings)
    return f"{errors} lỗi, {len(findings) - errors} cảnh báo."


def changes_list(source: Path, fixed: Fixed) -> str:
    """What `check --sua` changed, one line a change, and what is left for a person."""
    lines = [f"[green]Đã sửa[/] {escape(str(source))} → {escape(str(fixed.target))}: {len(fixed.changes)} thay đổi."]
    lines += [f"  {escape(str(change))}" for change in fixed.changes]
    left = fixed.left_to_people
    if left:
        lines.append(
            f"Còn {len(left)} lỗi, cảnh báo chương trình không tự sửa (có thể làm đổi nội dung); "
            "người soạn sửa theo bảng dưới đây."
        )
    return "\n".join(lines)
