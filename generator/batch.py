"""Many reports at once: find them under unit folders, build them in parallel, convert them to PDF.

Which files are reports: a *unit folder* is a folder holding `don-vi.yaml`; a report is a `.yaml`
(or `.yml`) file in a unit folder, other than don-vi.yaml, with a top-level `ky_bao_cao:` line.
Other YAML files (settings, lists of figures...) are left alone; hidden folders are not searched.

Where the output files go (under `output/`, or the folder given with -o): a report found in a folder
argument goes to `<unit folder>/<report name>.docx` (the writer's suffix), the unit folder named relative to the
argument (or by its own name when the argument is the unit folder), so units never collide;
a report file named on the command line goes straight to `<report name>.docx`.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import re
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from baocao import pipeline
from baocao.errors import BaocaoError, Location, Problem, split_notes
from baocao.input.model import UNIT_FILE
from baocao.writers.pdf import convert
from baocao.writers.registry import DEFAULT_WRITER, writer_for

REPORT_SUFFIXES = (".yaml", ".yml")
_REPORT_KEY = re.compile(r"^ky_bao_cao[ \t]*:", re.MULTILINE)
_NO_REPORT_HINT = (
    "Mỗi đơn vị là một thư mục có tệp don-vi.yaml; tệp báo cáo là tệp .yaml đặt trong thư mục đó, "
    "có dòng 'ky_bao_cao: ...' ở đầu dòng."
)


@dataclass(frozen=True)
class Job:
    """One report to build, the file to write, and the unit folder it belongs to (as shown)."""

    report: Path
    target: Path
    unit: str
    templates: Path | None = None  # the shared template folder (--thu-muc-mau), see template_files
    writer: str = DEFAULT_WRITER  # see writers.registry; the target's suffix is this writer's
    strict: bool = False  # --strict: the trust checks' warnings are errors (pipeline.render)


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


def is_report(path: Path) -> bool:
    """Whether `path` is a report file by the rule above (a YAML file with a top-level `ky_bao_cao:`)."""
    if path.suffix.lower() not in REPORT_SUFFIXES or path.name == UNIT_FILE or not path.is_file():
        return False
    return _REPORT_KEY.search(path.read_text(encoding="utf-8-sig", errors="replace")) is not None


def unit_folders(folder: Path) -> Iterator[Path]:
    """`folder` and the folders under it that hold a don-vi.yaml, in name order."""
    for current, subfolders, files in os.walk(folder):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        if UNIT_FILE in files:
            yield Path(current)


def _folder_jobs(folder: Path, root: Path, templates: Path | None, writer: str) -> list[Job]:
    jobs = []
    suffix = writer_for(writer).suffix
    for unit in unit_folders(folder):
        label = unit.relative_to(folder) if unit != folder else Path(folder.resolve().name)
        jobs += [
            Job(report, root / label / f"{report.stem}{suffix}", label.as_posix(), templates, writer)
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
) -> list[Job]:
    """The jobs for report files and folders, in the order given, each report once.

    `output` is the file to write when it has the writer's suffix (one report file), else the folder
    that takes the place of output/; `templates` is the shared template folder of every job. Raises
    BaocaoError for a folder without reports and, when the jobs are to `write` (not only to be
    checked, as `baocao validate` does), for two reports that would write the same file.
    """
    suffix = writer_for(writer).suffix
    single = output is not None and output.suffix.lower() == suffix
    root = pipeline.OUTPUT_DIR if output is None or single else output
    jobs: dict[Path, Job] = {}
    problems = []
    # `*.yaml` in a unit folder names its don-vi.yaml too: it is read with each report, not built.
    for path in [p for p in paths if p.name != UNIT_FILE] or paths:
        if path.name == UNIT_FILE:
            problems.append(
                Problem(
                    Location(path),
                    "Đây là hồ sơ đơn vị, không phải tệp báo cáo.",
                    "Chỉ ghi tên tệp báo cáo (hoặc thư mục đơn vị); hồ sơ don-vi.yaml được đọc tự động.",
                )
            )
            continue
        target = output if output is not None and single else root / f"{path.stem}{suffix}"
        found = (
            _folder_jobs(path, root, templates, writer)
            if path.is_dir()
            else [Job(path, target, path.parent.name, templates, writer)]
        )
        if not found:
            problems.append(
                Problem(Location(path), "Không tìm thấy tệp báo cáo nào trong thư mục này.", _NO_REPORT_HINT)
            )
        for job in found:
            jobs.setdefault(job.report.resolve(), job)
    if write:
        problems += _collisions(list(jobs.values()))
    if problems:
        raise BaocaoError(problems)
    return list(jobs.values())


def _collisions(jobs: list[Job]) -> list[Problem]:
    writers: dict[Path, Job] = {}
    problems = []
    for job in jobs:
        first = writers.setdefault(job.target.resolve(), job)
        if first is not job:
            problems.append(
                Problem(
                    Location(job.report),
                    f"Báo cáo này và '{first.report}' cùng ghi ra tệp '{job.target}'.",
                    "Đổi tên một trong hai tệp báo cáo, hoặc soạn từng tệp riêng với -o.",
                )
            )
    return problems


# --- building ----------------------------------------------------------------------


def default_workers() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def build_one(job: Job, write: bool = True) -> Outcome:
    """Build one job (without `write`, only render it: every step but writing the file); its located
    errors are kept in the outcome, not raised (nothing is written then)."""
    started = time.perf_counter()
    try:
        built = (
            pipeline.build(job.report, job.target, job.templates, job.writer, job.strict)[1]
            if write
            else pipeline.render(job.report, job.templates, job.writer, job.strict)
        )
    except BaocaoError as exc:
        warnings, notes = split_notes(exc.warnings)
        return Outcome(job, warnings, exc.problems, time.perf_counter() - started, notes=notes)
    return Outcome(job, warnings=built.warnings, seconds=time.perf_counter() - started, notes=built.notes)


def run(
    jobs: list[Job], workers: int, done: Callable[[Outcome], None] = lambda _: None, write: bool = True
) -> list[Outcome]:
    """Build every job (only render it without `write`), `workers` at a time; `done` hears of each as it
    ends. Outcomes in job order.

    This process is one of the workers: it builds from the end of the list while `workers - 1`
    worker processes start (≈ 0.4 s of imports each) and take jobs from its front, each kept one
    job ahead. Every process compiles the template and the sentences once (per-process caches) and
    builds many reports; with one worker everything runs in this process.
    """
    if workers <= 1 or len(jobs) <= 1:
        return [_told(build_one(job, write), done) for job in jobs]
    outcomes: dict[int, Outcome] = {}
    pending = deque(enumerate(jobs))
    helpers = min(workers, len(jobs)) - 1
    # 'spawn' everywhere: the same on every OS, and safe while the progress bar's thread runs.
    # gc.freeze: the worker's imports stay out of its collections, and its exit at the end takes ≈ 10 ms, not 70.
    with ProcessPoolExecutor(helpers, mp_context=multiprocessing.get_context("spawn"), initializer=gc.freeze) as pool:
        futures: dict[Future, int] = {}
        while pending or futures:
            while pending and len(futures) < 2 * helpers:
                index, job = pending.popleft()
                futures[pool.submit(build_one, job, write)] = index
            if pending:
                index, job = pending.pop()
                outcomes[index] = _told(_guarded(job, write), done)
            finished, _ = wait(futures, timeout=0 if pending else None, return_when=FIRST_COMPLETED)
            for future in finished:
                index = futures.pop(future)
                outcomes[index] = _told(_result(future, jobs[index]), done)
    return [outcomes[i] for i in range(len(jobs))]


def _told(outcome: Outcome, done: Callable[[Outcome], None]) -> Outcome:
    done(outcome)
    return outcome


def _guarded(job: Job, write: bool) -> Outcome:
    """build_one in this process; a crash of ours fails this report only, as in a worker."""
    try:
        return build_one(job, write)
    except Exception as exc:  # one report's crash must not lose the others
        return _crashed(job, exc)


def _result(future: Future, job: Job) -> Outcome:
    """The worker's outcome; a crash of ours fails this report only, and says it is not the clerk's fault."""
    try:
        return future.result()
    except Exception as exc:  # one report's crash must not lose the others
        return _crashed(job, exc)


def _crashed(job: Job, exc: Exception) -> Outcome:
    """A report that failed through a fault of ours, told as one (not the clerk's)."""
    message = f"Chương trình gặp lỗi khi soạn báo cáo này ({type(exc).__name__}: {exc})."
    hint = "Đây là lỗi của chương trình, không phải của tệp báo cáo: hãy báo cho người phụ trách."
    return Outcome(job, problems=[Problem(Location(job.report), message, hint)])


def write_pdfs(outcomes: list[Outcome], pdfa: bool = False) -> None:
    """A PDF (PDF/A-2b with `pdfa`) beside each written .docx, all converted by one LibreOffice process;
    BaocaoError if it fails."""
    written = [outcome for outcome in outcomes if outcome.ok]
    if not written:
        return
    pdfs = convert([o.job.target for o in written], [o.job.target.with_suffix(".pdf") for o in written], pdfa)
    for outcome, pdf in zip(written, pdfs, strict=True):
        outcome.pdf = pdf
