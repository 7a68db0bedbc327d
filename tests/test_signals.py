"""Signals sent to a real `baocao build` batch, or to a build while LibreOffice converts (--pdf): it ends within
2 s with 128 + the signal's number, leaves no process, scratch or temporary file behind, writes nothing after the
signal and says what it had written.

Each report is made slow on purpose by its Word template (a loop of half a million turns, under the budgets),
so the batch is still running when the signal comes.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, TypeVar

import psutil
import pytest
from helpers import edit_part, make_units, office_pipes

from baocao import interrupts
from baocao.write import write_atomic
from baocao.writers.docx.templates import copy_builtin

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals sent to a child process")
SLOW = "{% for i in range(700) %}{% for j in range(700) %}{% endfor %}{% endfor %}{{ trich_yeu }}"


@pytest.fixture(scope="module")
def slow_batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Eight unit folders and a template folder whose thi-dua template takes a while to fill."""
    root = tmp_path_factory.mktemp("cham")
    make_units(root / "cac-xa", 8, 0)
    templates = root / "mau"
    templates.mkdir()
    edit_part(copy_builtin("thi-dua", templates), "word/document.xml", lambda xml: xml.replace("{{ trich_yeu }}", SLOW))
    return root / "cac-xa", templates


def _family(process: psutil.Process) -> set[psutil.Process]:
    try:
        return set(process.children(recursive=True))
    except psutil.Error:
        return set()


def _alive(processes: set[psutil.Process]) -> list[psutil.Process]:
    alive = []
    for process in processes:
        try:
            if process.is_running() and process.status() != psutil.STATUS_ZOMBIE:
                alive.append(process)
        except psutil.Error:
            pass
    return alive


T = TypeVar("T")
DUMP_ON_ABORT = {**os.environ, "PYTHONFAULTHANDLER": "1"}  # a run that hangs shows where (see _wait)


def _wait(run: subprocess.Popen, err: IO[str], family: set[psutil.Process]) -> None:
    """Wait for the run to end; one still running after 30 s is made to print its threads' stacks (SIGABRT,
    faulthandler), which the failure shows, and the processes it started (some held still) are ended."""
    try:
        run.wait(timeout=30)
    except subprocess.TimeoutExpired:
        run.send_signal(signal.SIGABRT)
        run.wait(timeout=30)
        _left(family)
        err.seek(0)
        pytest.fail("the run did not end after the signal:\n" + err.read()[-6000:])


def _signal_held_still(
    run: subprocess.Popen, family: set[psutil.Process], number: int, listing: Callable[[], T], err: IO[str]
) -> tuple[T, float, list[psutil.Process], str]:
    """Send `number` to the run as its files are when the signal comes: the run and its family are held still
    (SIGSTOP) while they are listed and the signal sent; the run goes on (SIGCONT) with the signal waiting for
    it. The listing, the seconds from the signal to the run's end, the processes left, and what it printed."""
    me = psutil.Process(run.pid)
    for process in [me, *family]:
        with contextlib.suppress(psutil.Error):  # one that has just ended
            process.suspend()
    before = listing()
    run.send_signal(number)
    sent = time.monotonic()
    me.resume()
    _wait(run, err, family)
    ended = time.monotonic() - sent
    left = _left(family)
    err.seek(0)
    return before, ended, left, err.read()


def _left(family: set[psutil.Process]) -> list[psutil.Process]:
    """The processes of `family` still running once let go (killed here, so none outlives the test)."""
    for process in _alive(family):  # multiprocessing's resource tracker ends once it runs again
        with contextlib.suppress(psutil.Error):
            process.resume()
    time.sleep(0.2)
    left = _alive(family)
    for process in left:
        process.kill()
    return left


def _docx_files(out: Path) -> dict[Path, tuple[int, int]]:
    """Each .docx under `out`: its size and modification time (ns)."""
    return {path: (path.stat().st_size, path.stat().st_mtime_ns) for path in out.rglob("*.docx")}


@pytest.mark.parametrize(("number", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_a_signal_ends_the_batch_cleanly(slow_batch, tmp_path, number, code):
    units, templates = slow_batch
    out = tmp_path / "ra"
    command = [sys.executable, "-m", "baocao", "build", units, "-j", "2", "-o", out, "--thu-muc-mau", templates]
    with (tmp_path / "err.txt").open("w+", encoding="utf-8") as err:
        run = subprocess.Popen(list(map(str, command)), stdout=subprocess.DEVNULL, stderr=err, env=DUMP_ON_ABORT)
        me = psutil.Process(run.pid)
        family: set[psutil.Process] = set()
        deadline = time.monotonic() + 120
        while not list(out.rglob("*.docx")) and time.monotonic() < deadline and run.poll() is None:
            family |= _family(me)
            time.sleep(0.02)
        family |= _family(me)
        assert family, "the batch started no worker"
        before, ended, left, stderr = _signal_held_still(run, family, number, lambda: _docx_files(out), err)
    assert ended < 2, f"the batch ended {ended:.2f} s after the signal"
    assert run.returncode == code, stderr
    assert not left, "processes left after the signal"
    assert before and _docx_files(out) == before  # nothing written after the signal, nothing changed
    written = sorted(before)
    for path in written:
        with zipfile.ZipFile(path) as package:
            assert package.testzip() is None  # whole files only
    assert not [p for p in out.rglob("*") if p.name.startswith(".baocao-") or p.suffix == ".tmp"]
    assert "Đã dừng" in stderr and f"đã soạn {len(written)}/8 báo cáo" in stderr, stderr
    assert all(f"Đã ghi {path}" in stderr for path in written) and "Traceback" not in stderr


def _files(out: Path) -> dict[Path, tuple[int, int]]:
    """Every file under `out`: its size and modification time (ns)."""
    return {path: (path.stat().st_size, path.stat().st_mtime_ns) for path in out.rglob("*") if path.is_file()}


def _scratch(path: Path) -> bool:
    return any(part.startswith(".baocao-") for part in path.parts) or path.suffix == ".tmp"


@pytest.mark.needs_soffice
@pytest.mark.parametrize("units", [1, 3], ids=["one-report", "batch"])
@pytest.mark.parametrize(("number", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_while_libreoffice_converts(tmp_path, number, code, units):
    folders = make_units(tmp_path / "cac-xa", units, 0)
    reports = [report for folder in folders for report in folder.glob("*.yaml") if report.name != "don-vi.yaml"]
    out, scratch = tmp_path / "ra", tmp_path / "tmp"
    scratch.mkdir()
    command = [sys.executable, "-m", "baocao", "build", reports[0] if units == 1 else tmp_path / "cac-xa", "--pdf"]
    env = {**DUMP_ON_ABORT, "TMPDIR": str(scratch), "TMP": str(scratch), "TEMP": str(scratch)}
    with (tmp_path / "err.txt").open("w+", encoding="utf-8") as err:
        run = subprocess.Popen([*map(str, command), "-o", str(out)], stdout=subprocess.DEVNULL, stderr=err, env=env)
        me = psutil.Process(run.pid)
        family: set[psutil.Process] = set()
        deadline = time.monotonic() + 120
        while not any("soffice" in p.name() for p in _alive(family)) and time.monotonic() < deadline:
            assert run.poll() is None, "the build ended before LibreOffice started"
            family |= _family(me)
            time.sleep(0.02)
        time.sleep(0.3)  # LibreOffice at work
        family |= _family(me)
        pipes = [path for process in family for path in office_pipes(process)]
        before, ended, left, stderr = _signal_held_still(run, family, number, lambda: _files(out), err)
    assert ended < 2, f"the build ended {ended:.2f} s after the signal"
    assert run.returncode == code, stderr
    assert not left, [process.name() for process in left]  # LibreOffice and all it started: ended
    assert pipes and not [path for path in pipes if path.exists()]  # nor its sockets in /tmp
    after = _files(out)
    assert not [path for path in after if _scratch(path)] and not list(scratch.iterdir())
    assert after == {path: stamp for path, stamp in before.items() if not _scratch(path)}  # nothing written since
    assert len([path for path in after if path.suffix == ".docx"]) == units and not list(out.rglob("*.pdf"))
    assert "Đã dừng" in stderr and "xuất PDF bị dừng giữa chừng" in stderr and "Traceback" not in stderr, stderr


class _SignalOnCollect:
    """An object whose __del__ receives a signal: Python prints the handler's exception and goes on."""

    def __del__(self) -> None:
        signal.raise_signal(signal.SIGTERM)


def test_a_signal_whose_exception_was_swallowed_still_stops_the_writes(tmp_path):
    target = tmp_path / "bao-cao.docx"
    with interrupts.handled():
        _SignalOnCollect()  # collected at once: the Interrupted raised in __del__ is not even printed (no warning)
        with pytest.raises(interrupts.Interrupted) as stop:
            write_atomic(target, b"late")  # no write after the signal
        assert stop.value.exit_code == 143 and not list(tmp_path.iterdir())
    write_atomic(target, b"next run")  # a later run in the same process writes again
    assert target.read_bytes() == b"next run"
