"""Many reports at once: find them under unit folders (units.py), build them in parallel, convert them to PDF.

Where the output files go (under `output/`, or the folder given with -o): a report found in a folder
argument goes to `<unit folder>/<report name>.docx` (the writer's suffix), the unit folder named relative to the
argument (or by its own name when the argument is the unit folder), so units never collide;
a report file named on the command line goes straight to `<report name>.docx`.
Two reports that would write one file are both refused (the others are built).

Each report runs within its time limit (Job.seconds, limits.report_limit); one past it fails alone.
A signal (interrupts) stops the batch: the workers are ended, the scratch files of this run removed,
and Interrupted carries the reports written before it.
"""

from __future__ import annotations

import gc
import os
import sys
import tempfile
import time
import traceback
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

import baocao
from baocao import interrupts, leftovers, limits, pipeline
from baocao.errors import BaocaoError, Location, Misuse, Problem, split_notes
from baocao.input.model import UNIT_FILE
from baocao.messages import batch as msg
from baocao.units import is_report, unit_folders
from baocao.workers import Ended, Pool
from baocao.writers.pdf import convert
from baocao.writers.registry import DEFAULT_WRITER, writer_by_suffix, writer_for

PdfKind = Literal["", "pdf", "pdfa-2b", "pdfa-3b"]  # none, plain, PDF/A-2b, PDF/A-3b holding the figure file


@dataclass(frozen=True)
class Job:
    """One report to build, the file to write, and the unit folder it belongs to (as shown)."""

    report: Path
    target: Path
    unit: str
    templates: Path | None = None  # the shared template folder (--thu-muc-mau), see template_files
    writer: str = DEFAULT_WRITER  # see writers.registry; the target's suffix is this writer's
    strict: bool = False  # --strict: the trust checks' warnings are errors (pipeline.render)
    seconds: float | None = limits.REPORT_SECONDS  # its time limit (--gioi-han-giay); None: none
    refused: tuple[Problem, ...] = ()  # why it is not built at all (it clashes with another report)
    figures: bool = False  # --so-lieu: the figure files beside the output (pipeline.figure_file)
    pdf: PdfKind = ""  # the PDF made beside the written .docx (write_pdfs)

    @property
    def figure_targets(self) -> list[Path]:
        """The figure files written beside the output (none without `figures`)."""
        return pipeline.figure_files(self.target) if self.figures else []


@dataclass
class Outcome:
    """What became of a job: its warnings and notes (Problem.note), or the problems that kept it from being
    written."""

    job: Job
    warnings: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    pdf: Path | None = None
    notes: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


# --- finding the reports ---------------------------------------------------------


def _folder_jobs(
    folder: Path, root: Path, writer: str, job: Callable[[Path, Path, str], Job], notes: list[Problem] | None = None
) -> list[Job]:
    """The jobs of the reports in the unit folders under `folder`, made by `job(report, target, unit)`."""
    jobs = []
    for unit in unit_folders(folder, notes):
        label = unit.relative_to(folder) if unit != folder else Path(folder.resolve().name)
        jobs += [
            job(report, root / label / pipeline.output_name(report, writer), label.as_posix())
            for report in sorted(unit.iterdir())
            if is_report(report)
        ]
    return jobs


def plan(
    paths: list[Path],
    output: Path | None = None,
    templates: Path | None = None,
    *,
    write: bool = True,
    writer: str = DEFAULT_WRITER,
    strict: bool = False,
    seconds: float = limits.REPORT_SECONDS,
    figures: bool = False,
    pdf: bool = False,
    pdfa: bool = False,
    attach: bool = False,
    notes: list[Problem] | None = None,
) -> list[Job]:
    """The jobs for report files and folders, in the order given, each report once.

    `output` is the file to write when it has the writer's suffix (one report file: Misuse for several,
    or a folder), else the folder that takes the place of output/; `templates`, `writer`, `strict`,
    `seconds` (0: no limit) and `figures` are every job's (see Job), as is the PDF asked for (Job.pdf):
    `pdf` a plain one, `pdfa` a PDF/A-2b, `attach` a PDF/A-3b holding the figure file (each implies the
    PDF; `attach` the figure files too). Raises BaocaoError for a folder without reports. When the jobs are
    to `write` (not only to be checked, as `baocao validate` does), two reports that would write the same
    file are both refused (Job.refused). What the search passed over is added to `notes` (see unit_folders).
    """
    single = output if output is not None and writer_by_suffix(output.suffix, (writer,)) else None
    if single is not None and (len(paths) > 1 or any(path.is_dir() for path in paths)):
        suffix = writer_for(writer).suffix
        raise Misuse("-o", msg.one_output_file(suffix))
    root = output if output is not None and single is None else pipeline.OUTPUT_DIR
    kind: PdfKind = "pdfa-3b" if attach else "pdfa-2b" if pdfa else "pdf" if pdf else ""

    def new_job(report: Path, target: Path, unit: str) -> Job:
        return Job(
            report, target, unit, templates, writer, strict, seconds or None, figures=figures or attach, pdf=kind
        )

    jobs: dict[Path, Job] = {}
    problems = []
    # `*.yaml` in a unit folder names its don-vi.yaml too: it is read with each report, not built.
    for path in [p for p in paths if p.name != UNIT_FILE] or paths:
        if path.name == UNIT_FILE:
            problems.append(Problem(Location(path), msg.UNIT_FILE_GIVEN, msg.UNIT_FILE_GIVEN_HINT))
            continue
        target = single or root / pipeline.output_name(path, writer)
        found = (
            _folder_jobs(path, root, writer, new_job, notes)
            if path.is_dir()
            else [new_job(path, target, path.parent.name)]
        )
        if not found:
            problems.append(Problem(Location(path), msg.NO_REPORT, msg.NO_REPORT_HINT))
        for job in found:  # by the path as given: one file linked into two units is two reports
            jobs.setdefault(Path(os.path.abspath(job.report)), job)
    if problems:
        raise BaocaoError(problems)
    return _refuse_clashes(list(jobs.values())) if write else list(jobs.values())


def _refuse_clashes(jobs: list[Job]) -> list[Job]:
    """The jobs, those writing a file another one writes too refused (all of them: none is the right one)."""
    by_target: dict[Path, list[Job]] = {}
    for job in jobs:
        by_target.setdefault(job.target.resolve(), []).append(job)
    refused = {}
    for clash in (group for group in by_target.values() if len(group) > 1):
        for job in clash:
            others = ", ".join(f"'{other.report}'" for other in clash if other is not job)
            problem = Problem(Location(job.report), msg.clash(others, str(job.target)), msg.CLASH_HINT)
            refused[id(job)] = replace(job, refused=(problem,))
    return [refused.get(id(job), job) for job in jobs]


# --- building ----------------------------------------------------------------------


def default_workers() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def build_one(job: Job, write: bool = True) -> Outcome:
    """Build one job (without `write`, only render it: every step but writing the file) within its time
    limit; its located errors are kept in the outcome, not raised (nothing is written then)."""
    if job.refused:
        return Outcome(job, problems=list(job.refused))
    started = time.perf_counter()
    try:
        with limits.report_limit(job.seconds):
            built = pipeline.render(job.report, job.templates, job.writer, job.strict, job.figures and write)
        if write:
            pipeline.write_built(job.target, built)
    except BaocaoError as exc:
        warnings, notes = split_notes(exc.warnings)
        return Outcome(job, warnings, exc.problems, time.perf_counter() - started, notes=notes)
    except limits.OverTime as exc:
        return Outcome(job, problems=[_over_time(job, exc.seconds, _stage(exc))], seconds=time.perf_counter() - started)
    return Outcome(job, warnings=built.warnings, seconds=time.perf_counter() - started, notes=built.notes)


def _over_time(job: Job, seconds: float, stage: str | None = None) -> Problem:
    """A report past its time limit, told with the stage it was at when known."""
    shown = f"{seconds:g}"
    message = msg.over_time_at(shown, stage) if stage else msg.over_time(shown)
    return Problem(Location(job.report), message, msg.OVER_TIME_HINT)


def _stage(exc: BaseException) -> str | None:
    """The stage (messages.batch.STAGES) a report was at when `exc` stopped it: the last baocao subpackage in
    its traceback."""
    package = Path(baocao.__file__).parent
    stage = None
    for frame, _line in traceback.walk_tb(exc.__traceback__):
        parts = Path(frame.f_code.co_filename).parts
        inside = parts[len(package.parts) :] if parts[: len(package.parts)] == package.parts else ()
        stage = msg.STAGES.get(inside[0], stage) if len(inside) > 1 else stage
    return stage


def run(
    jobs: list[Job], workers: int | None = None, done: Callable[[Outcome], None] = lambda _: None, write: bool = True
) -> list[Outcome]:
    """Build every job (only render it without `write`), `workers` at a time (None: default_workers());
    `done` hears of each as it ends. Outcomes in job order.

    Scratch files of killed runs are removed from the output folders first. At a signal, Interrupted
    leaves with the outcomes of the reports written before it (`outcomes`, when writing).
    """
    started = time.time()
    folders = [*{job.target.parent for job in jobs}, Path(tempfile.gettempdir())]
    leftovers.sweep(folders)
    finished: dict[int, Outcome] = {}
    try:
        _build_all(jobs, workers or default_workers(), finished, done, write)
    except interrupts.Interrupted as stop:
        leftovers.sweep(folders, own=True)
        if write:
            stop.outcomes, stop.total = _written(jobs, finished, started), len(jobs)
        raise
    return [finished[i] for i in range(len(jobs))]


def _written(jobs: list[Job], finished: dict[int, Outcome], started: float) -> list[Outcome]:
    """The outcomes of the reports written (a worker may have written one it had no time to tell of)."""
    written = []
    for index, job in enumerate(jobs):
        outcome = finished.get(index)
        if outcome is None and not job.refused and _modified_since(job.target, started):
            outcome = Outcome(job)
        if outcome is not None and outcome.ok:
            written.append(outcome)
    return written


def _modified_since(path: Path, moment: float) -> bool:
    try:
        return path.stat().st_mtime >= moment
    except OSError:
        return False


def _build_all(
    jobs: list[Job], workers: int, finished: dict[int, Outcome], done: Callable[[Outcome], None], write: bool
) -> None:
    """run's work: outcomes into `finished` by job index.

    This process is one of the workers: it builds from the end of the list while `workers - 1`
    worker processes (baocao.workers: copies of this one, or new ones that import baocao for ≈ 0.4 s where they
    cannot be, see workers.start_method) take jobs from its front, each
    kept one job ahead; a worker still on a report past its time limit and a grace is killed (see workers).
    Every process compiles the template and the sentences once (per-process caches) and builds many
    reports; with one worker everything runs in this process.
    """
    if workers <= 1 or len(jobs) <= 1:
        for index, job in enumerate(jobs):
            finished[index] = _told(build_one(job, write), done)
        return
    pending = deque(enumerate(jobs))
    with Pool(min(workers, len(jobs)) - 1, build_one, _start_worker) as pool:
        while pending or pool.busy:
            while pending and pool.room:
                index, job = pending.popleft()
                pool.submit(index, (job, write), job.seconds)
            if pending:
                index, job = pending.pop()
                finished[index] = _told(_guarded(job, write), done)
            ends, returned = pool.ended(0 if pending else None)
            pending.extendleft((index, jobs[index]) for index in reversed(returned))
            for end in ends:
                finished[end.index] = _told(_ended(end, jobs[end.index]), done)


def _start_worker() -> None:
    """A worker's start: signals left to the main process (interrupts.worker_signals); its output straight to the
    terminal (a fork's copy of the progress bar's redirection would mix with the bar); gc.freeze: its imports
    stay out of its collections, and its exit at the end takes ≈ 10 ms, not 70."""
    interrupts.worker_signals()
    sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    gc.freeze()


def _told(outcome: Outcome, done: Callable[[Outcome], None]) -> Outcome:
    done(outcome)
    return outcome


def _guarded(job: Job, write: bool) -> Outcome:
    """build_one in this process; a crash of ours fails this report only, as in a worker."""
    try:
        return build_one(job, write)
    except Exception as exc:  # one report's crash must not lose the others
        return _crashed(job, exc)


def _ended(end: Ended, job: Job) -> Outcome:
    """A worker's outcome; a crash of ours fails this report only (not the clerk's fault), a kill past its time
    limit too."""
    if end.killed:
        return Outcome(job, problems=[_over_time(job, job.seconds or 0)])
    if end.error is not None:
        return _crashed(job, end.error)
    return end.result


def _crashed(job: Job, exc: Exception) -> Outcome:
    """A report that failed through a fault of ours, told as one (not the clerk's)."""
    error = f"{type(exc).__name__}: {exc}"
    return Outcome(job, problems=[Problem(Location(job.report), msg.crashed(error), msg.CRASHED_HINT)])


def write_pdfs(outcomes: list[Outcome]) -> None:
    """The PDF its job asks for (Job.pdf) beside each written .docx, all converted by one LibreOffice process; a
    PDF/A-3b holds the report's figure file (JSON, writers/pdf_attach). BaocaoError if it fails."""
    written = [outcome for outcome in outcomes if outcome.ok and outcome.job.pdf]
    if not written:
        return
    kind = written[0].job.pdf  # every job of a batch asks for the same
    targets = [o.job.target.with_suffix(".pdf") for o in written]
    try:
        pdfs = convert([o.job.target for o in written], targets, kind != "pdf", 3 if kind == "pdfa-3b" else 2)
    except interrupts.Interrupted as stop:
        stop.outcomes, stop.total, stop.pdf = written, len(outcomes), True
        raise
    for outcome, pdf in zip(written, pdfs, strict=True):
        if kind == "pdfa-3b":
            from baocao.writers.pdf_attach import attach_figures

            attach_figures(pdf, pipeline.figure_file(outcome.job.target, "json"))
        outcome.pdf = pdf
