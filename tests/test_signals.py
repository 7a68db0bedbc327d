"""Signals sent to a real `baocao build` batch: it ends within 2 s with 128 + the signal's number, leaves no
process, scratch or temporary file behind, writes nothing after the signal and says what it had written.

Each report is made slow on purpose by its Word template (a loop of half a million turns, under the budgets),
so the batch is still running when the signal comes.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import psutil
import pytest
from test_batch import make_units
from test_template_resolution import edit_part

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


@pytest.mark.parametrize(("number", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_a_signal_ends_the_batch_cleanly(slow_batch, tmp_path, number, code):
    units, templates = slow_batch
    out = tmp_path / "ra"
    command = [sys.executable, "-m", "baocao", "build", units, "-j", "2", "-o", out, "--thu-muc-mau", templates]
    run = subprocess.Popen(list(map(str, command)), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    me = psutil.Process(run.pid)
    family: set[psutil.Process] = set()
    deadline = time.monotonic() + 120
    while not list(out.rglob("*.docx")) and time.monotonic() < deadline and run.poll() is None:
        family |= _family(me)
        time.sleep(0.02)
    family |= _family(me)
    assert family, "the batch started no worker"
    sent = time.time()
    run.send_signal(number)
    stdout, stderr = run.communicate(timeout=30)
    assert time.time() - sent < 2, "the batch did not end within 2 s"
    assert run.returncode == code, stderr
    time.sleep(0.2)
    assert not _alive(family), "processes left after the signal"
    written = sorted(out.rglob("*.docx"))
    assert written and all(path.stat().st_mtime <= sent + 0.1 for path in written)  # nothing after the signal
    for path in written:
        with zipfile.ZipFile(path) as package:
            assert package.testzip() is None  # whole files only
    assert not [p for p in out.rglob("*") if p.name.startswith(".baocao-") or p.suffix == ".tmp"]
    assert "Đã dừng" in stderr and f"đã soạn {len(written)}/8 báo cáo" in stderr, stderr
    assert all(f"Đã ghi {path}" in stderr for path in written) and "Traceback" not in stderr


def test_a_report_over_the_time_limit_flag_fails_alone(tmp_path):
    """--gioi-han-giay: a report whose 20,000 figures take seconds to read fails alone (the others are built)."""
    from conftest import ReportDir, small_report

    figures = {f"f{i}": {"gia_tri": i, "don_vi": "ha"} for i in range(20_000)}
    (tmp_path / "lon").mkdir()
    (tmp_path / "nho").mkdir()
    big = ReportDir(tmp_path / "lon").write(small_report(so_lieu=figures))
    ReportDir(tmp_path / "nho").write(small_report())
    command = [sys.executable, "-m", "baocao", "build", tmp_path / "lon", tmp_path / "nho", "-j", "1"]
    result = subprocess.run(
        [*map(str, command), "--gioi-han-giay", "1", "-o", str(tmp_path / "ra")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert f"Lỗi {big}: Báo cáo soạn quá 1 giây nên bị dừng (đang " in result.stderr, result.stderr
    assert (tmp_path / "ra" / "nho" / "bao-cao.docx").is_file() and not (tmp_path / "ra" / "lon").exists()
