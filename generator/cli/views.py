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

from baocao.messages import cli as msg
from baocao.messages import common
from baocao.nd30 import ERROR, Finding

if TYPE_CHECKING:
    from baocao.batch import Outcome
    from baocao.interrupts import Interrupted
    from baocao.nd30.fix import Fixed  # the check command needs no pipeline


@contextmanager
def progress(console: Console, total: int) -> Iterator[Callable[[Outcome], None]]:
    """A progress bar of `total` reports; yields the callback that counts one done. It is redrawn at each report
    done, with no thread of its own, so the batch's workers can start as copies of this process
    (workers.start_method)."""
    bar = Progress(
        TextColumn(msg.BUILDING),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn(msg.REPORTS),
        TimeElapsedColumn(),
        console=console,
        auto_refresh=False,
    )

    def done(_outcome: Outcome) -> None:
        bar.advance(task)
        bar.refresh()

    with bar:
        task = bar.add_task("", total=total)
        yield done


def summary(outcomes: list[Outcome]) -> Table:
    """One row a report: unit, report, result, warnings, output path."""
    table = Table(title=msg.SUMMARY, title_justify="left")
    for i, header in enumerate(msg.SUMMARY_COLUMNS):
        table.add_column(header, overflow="fold", no_wrap=i in (2, 3))  # the result and the warnings
    for outcome in outcomes:
        result = f"[green]{msg.BUILT}[/]" if outcome.ok else f"[bold red]{msg.failed(len(outcome.problems))}[/]"
        written = escape(str(outcome.job.target)) + (" + .pdf" if outcome.pdf else "") if outcome.ok else "—"
        table.add_row(
            escape(outcome.job.unit), escape(outcome.job.report.name), result, str(len(outcome.warnings) or ""), written
        )
    return table


def totals(outcomes: list[Outcome]) -> str:
    """The closing line: how many were written (and with PDFs), how many failed."""
    failed = sum(not outcome.ok for outcome in outcomes)
    pdfs = sum(outcome.pdf is not None for outcome in outcomes)
    line = msg.built_count(len(outcomes) - failed, len(outcomes)) + (msg.with_pdfs(pdfs) if pdfs else "")
    return line + (f"; [bold red]{msg.failed_count(failed)}[/] {msg.NOT_WRITTEN}" if failed else ".")


def stopped(stop: Interrupted) -> str:
    """What a run stopped by a signal had done: the reports written (and their files), how many were not."""
    lines = [f"[bold red]{msg.STOPPED}[/] {msg.stopped_because(escape(stop.reason))}"]
    if stop.outcomes is not None:
        done = len(stop.outcomes)
        if stop.pdf:
            lines.append(msg.stopped_in_pdf(done))
        else:
            lines.append(msg.stopped_after(done, stop.total, stop.total - done))
        lines += [f"  {msg.WRITTEN} {escape(str(outcome.job.target))}" for outcome in stop.outcomes]
    return "\n".join(lines)


def findings_table(path: Path, findings: list[Finding]) -> Table:
    """The findings of one checked file: mức độ, mã, vị trí, nội dung, căn cứ."""
    table = Table(title=escape(str(path)), title_justify="left", show_lines=True)
    for header, ratio in zip(msg.FINDINGS_COLUMNS, (1, 1, 1, 4, 2), strict=True):
        table.add_column(header, overflow="fold", ratio=ratio)
    for finding in findings:
        severity = f"[bold red]{common.ERRORS}[/]" if finding.severity == ERROR else f"[yellow]{common.WARNINGS}[/]"
        table.add_row(severity, finding.code, escape(finding.where), escape(finding.message), escape(finding.rule))
    return table


def check_totals(findings: list[Finding]) -> str:
    """'2 lỗi, 1 cảnh báo' for one file, or that it passed."""
    if not findings:
        return f"[green]{msg.PASSED}[/] {msg.NO_FINDINGS}"
    errors = sum(finding.severity == ERROR for finding in findings)
    return msg.check_counts(errors, len(findings) - errors)


def changes_list(source: Path, fixed: Fixed) -> str:
    """What `check --sua` changed, one line a change, and what is left for a person."""
    lines = [
        f"[green]{msg.FIXED}[/] {escape(str(source))} → {escape(str(fixed.target))}: {msg.changes(len(fixed.changes))}"
    ]
    lines += [f"  {escape(str(change))}" for change in fixed.changes]
    left = fixed.left_to_people
    if left:
        lines.append(msg.left_to_people(len(left)))
    return "\n".join(lines)
