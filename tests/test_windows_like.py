"""Windows has none of POSIX's process groups, SIGHUP, SIGALRM, interval timers or pthread_kill: with those taken
away (as on Windows), a build, a batch, the signal handlers, ending what a run started and the report time limit
all still work, by their fallbacks (interrupts.py, limits.py, batch.default_workers, input/stack.py).
"""

from __future__ import annotations

import os
import signal
import sys
import time

import psutil
import pytest
from helpers import ReportDir, small_report

from baocao import interrupts
from baocao.input import stack
from baocao.limits import OverTime, report_limit

POSIX_ONLY = {  # what Windows' Python lacks, by module
    # (SIGKILL stays: psutil and multiprocessing kill by their own per-OS means, read here from POSIX's signal)
    signal: ("SIGHUP", "SIGALRM", "setitimer", "getitimer", "ITIMER_REAL", "pthread_kill", "pthread_sigmask"),
    os: ("killpg", "getpgid", "setsid", "getuid", "geteuid", "sched_getaffinity", "fork"),
}


@pytest.fixture
def like_windows(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # tmp_path made first (it asks getuid)
    for module, names in POSIX_ONLY.items():
        for name in names:
            monkeypatch.delattr(module, name, raising=False)
    monkeypatch.setattr(stack, "resource", None)  # `import resource` fails on Windows
    monkeypatch.setitem(sys.modules, "fcntl", None)  # so does `import fcntl`


def _units(root, count: int) -> list:
    reports = []
    for n in range(count):
        folder = root / f"xa-{n}"
        folder.mkdir(parents=True)
        reports.append(ReportDir(folder).write(small_report()))
    return reports


@pytest.mark.usefixtures("like_windows")
def test_a_build_and_a_batch(cli, tmp_path):
    [single] = _units(tmp_path / "mot", 1)
    code, _, err = cli("build", single)
    assert code == 0 and (tmp_path / "output" / "bao-cao.docx").is_file(), err
    _units(tmp_path / "nhieu", 3)
    code, _, err = cli("build", tmp_path / "nhieu", "-j", "2", "-o", tmp_path / "ra")
    assert code == 0 and len(list((tmp_path / "ra").rglob("*.docx"))) == 3, err


@pytest.mark.usefixtures("like_windows")
def test_the_signals_handled_and_what_a_run_started_ended():
    before = signal.getsignal(signal.SIGINT)  # Python's own, or SIG_IGN when started in the background
    with interrupts.handled():
        assert interrupts.signals() == (signal.SIGINT, signal.SIGTERM)
        assert (
            signal.getsignal(signal.SIGINT) is interrupts._stop and signal.getsignal(signal.SIGTERM) is interrupts._stop
        )
        sleeper = interrupts.spawn([sys.executable, "-c", "import time; time.sleep(60)"])
        interrupts.end_children()
        assert sleeper.poll() is not None and not psutil.pid_exists(sleeper.pid)  # ended and reaped
    assert signal.getsignal(signal.SIGINT) is before  # put back as it was


def _busy(seconds: float) -> None:
    """Work in Python for `seconds`."""
    ends = time.monotonic() + seconds
    while time.monotonic() < ends:
        pass


@pytest.mark.usefixtures("like_windows")
def test_the_time_limit_rings_by_a_simulated_ctrl_c_and_a_real_one_still_stops():
    with interrupts.handled():
        started = time.monotonic()
        with pytest.raises(OverTime), report_limit(0.3):
            _busy(30)  # a simulated signal is seen between two Python steps (it wakes no sleep)
        assert time.monotonic() - started < 5
        assert signal.getsignal(signal.SIGINT) is interrupts._stop  # Ctrl-C is Ctrl-C again
        with pytest.raises(interrupts.Interrupted) as stop, report_limit(30):
            signal.raise_signal(signal.SIGINT)  # a real Ctrl-C during a report
            _busy(5)
    assert stop.value.exit_code == 130
