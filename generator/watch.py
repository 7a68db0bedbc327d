"""`baocao watch`: build a report again on every save of its files and show the draft in the browser.

Each build composes the report once and hands the model to both writers: the HTML draft goes to
the preview server's board at once (the page reloads), then the .docx is written (and, with a PDF
converter, the PDF). A build that fails publishes its located problems; the board keeps the last
good draft. The files watched are the report, its unit profile, the workbooks both read figures from
(so_lieu_tu), a roll-up's lower reports with their profiles, and every place its Word template may come
from (so a template copied into the unit folder is picked up); they are read again after each build,
since the report may name another profile, workbook or template (a build that fails validation adds
those it names: fixing any rebuilds).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import watchfiles

from baocao.errors import BaocaoError, Problem
from baocao.figures.rollup import lower_reports
from baocao.input.figure_model import NguonSoLieu
from baocao.input.model import UNIT_FILE
from baocao.input.validate import InvalidSources, Sources, Unvalidated, named_workbooks
from baocao.pipeline import compose_report
from baocao.write import write_atomic
from baocao.writers.docx.templates import BUILTIN_ORIGIN, resolve
from baocao.writers.html.looks_css import looks_for
from baocao.writers.html.server import Board
from baocao.writers.html.writer import page
from baocao.writers.registry import writer_for

STEP_MS = 20  # a save is seen this long after the last write to the file
DEBOUNCE_MS = 300
WAIT_STEP = 0.2  # seconds between two looks of the main thread at the watching one
STOP_SECONDS = 1.5  # at a signal, the build under way is given this long to stop


class Converter(Protocol):
    """Turns the written .docx into a PDF (see baocao.writers.pdf.WarmConverter)."""

    def convert(self, document: Path, target: Path) -> Path: ...


@dataclass
class Build:
    """One build: how long it took, the problems met (the draft was kept if any), the warnings."""

    seconds: float
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    pdf: Path | None = None
    notes: list[Problem] = field(default_factory=list)


def _absolute(path: Path) -> Path:
    return Path(os.path.abspath(path))


def _workbooks(yaml: Path, named: Iterable[NguonSoLieu]) -> set[Path]:
    """The workbooks a YAML file names in so_lieu_tu (their paths are from its folder)."""
    return {_absolute(yaml.parent / source.tep) for source in named}


def _named_files(report: Path, loaded: Unvalidated) -> set[Path]:
    """The files a report that failed validation names: its profile and the workbooks of both."""
    return {
        _absolute(loaded.unit_file),
        *_workbooks(report, (source for _, source in named_workbooks(loaded.report))),
        *_workbooks(loaded.unit_file, (source for _, source in named_workbooks(loaded.unit))),
    }


def _lower_reports(sources: Sources) -> set[Path]:
    """A roll-up's lower reports (tong_hop.cac_bao_cao) and the profiles beside them."""
    if sources.report.tong_hop is None:
        return set()
    try:
        reports = lower_reports(sources.report.tong_hop, sources.report_map)
    except BaocaoError:  # the build says what is wrong
        return set()
    return {_absolute(path) for report in reports for path in (report, report.parent / UNIT_FILE)}


def _only(files: set[Path]) -> Callable[[watchfiles.Change, str], bool]:
    """A watchfiles filter letting through the events of `files` (other files in their folders are not ours)."""
    return lambda _change, path: _absolute(Path(path)) in files


class Watch:
    """The report's builds and the files they read; `run` builds again whenever one of them is saved."""

    def __init__(
        self,
        report: Path,
        output: Path,
        board: Board,
        templates: Path | None = None,
        converter: Converter | None = None,
    ):
        self.report, self.output, self.board = report, output, board
        self.templates, self.converter = templates, converter
        self.files = {_absolute(report), _absolute(report.parent / UNIT_FILE)}
        self.stop = threading.Event()  # set: no more builds, and the one under way writes nothing more

    def build(self) -> Build:
        """Compose once; publish the draft, then write the .docx (and the PDF)."""
        started = time.perf_counter()
        try:
            sources, composed = compose_report(self.report)
        except BaocaoError as exc:
            if isinstance(exc, InvalidSources):
                self.files |= _named_files(self.report, exc.loaded)
            self.board.publish(exc.problems)
            return Build(time.perf_counter() - started, exc.problems)
        unit_file = sources.unit_map.file
        assert unit_file is not None  # the profile was loaded from a file
        self.files = {
            _absolute(self.report),
            _absolute(unit_file),
            *_workbooks(self.report, sources.report.so_lieu_tu),
            *_workbooks(unit_file, sources.unit.so_lieu_tu),
            *_lower_reports(sources),
            *self._template_places(sources),
        }
        looks = looks_for(sources, self.templates)
        draft = page(composed.document, composed.warnings, self.report.name, notes=composed.notes, looks=looks)
        self.board.publish([], draft)
        outcome = Build(0.0, warnings=composed.warnings, notes=composed.notes)
        if self.stop.is_set():
            return outcome
        try:
            write_atomic(self.output, writer_for("docx").write(composed, sources, self.templates))
            if self.converter is not None:
                outcome.pdf = self.converter.convert(self.output, self.output.with_suffix(".pdf"))
        except BaocaoError as exc:
            outcome.problems = exc.problems
            self.board.publish(exc.problems)
        outcome.seconds = time.perf_counter() - started
        return outcome

    def _template_places(self, sources) -> set[Path]:
        try:
            candidates = resolve(sources, self.templates).candidates
        except BaocaoError:  # the Word writer says what is wrong
            return set()
        return {_absolute(c.path) for c in candidates if c.origin != BUILTIN_ORIGIN}

    def run(self, told: Callable[[Build], None], stop: threading.Event | None = None) -> None:
        """Build, then build again on every save until `stop` is set (it becomes self.stop)."""
        if stop is not None:
            self.stop = stop
        told(self.build())
        while not self.stop.is_set():
            files = set(self.files)
            folders = sorted({f.parent for f in files if f.parent.is_dir()})
            for _changes in watchfiles.watch(
                *folders,
                watch_filter=_only(files),
                debounce=DEBOUNCE_MS,
                step=STEP_MS,
                stop_event=self.stop,
                recursive=False,
            ):
                told(self.build())
                if self.files != files:  # another profile or template: watch those instead
                    break

    def run_until_signal(self, told: Callable[[Build], None]) -> None:
        """run() in a thread while this (the main) thread waits: a signal's Interrupted (see interrupts) is
        raised here, between two waits, never in the middle of a build, a write or a print; the builds stop
        (within a step; the one under way writes nothing more) before it leaves."""
        failed: list[BaseException] = []
        ended = threading.Event()

        def watching() -> None:
            try:
                self.run(told)
            except BaseException as exc:  # noqa: BLE001 - raised again in the main thread
                failed.append(exc)
            finally:
                ended.set()

        threading.Thread(target=watching, name="baocao-watch", daemon=True).start()
        try:
            while not ended.wait(WAIT_STEP):  # a wait with a timeout: a signal is handled at once, Windows too
                pass
        finally:
            self.stop.set()
            ended.wait(STOP_SECONDS)
        if failed:
            raise failed[0]
