"""A batch's worker processes (workers.Pool) where they are copies of the main process (workers.start_method):
what they keep of it must not outlive it nor act for it."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import psutil
import pytest

from baocao import interrupts, workers

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers fork on Linux only")

POOL = """
import time
from baocao import workers
pool = workers.Pool(2, str, lambda: None)
print(*(worker.process.pid for worker in pool.workers), flush=True)
time.sleep(60)
"""


def _ended(pids: list[int], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while any(psutil.pid_exists(pid) and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE for pid in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_workers_end_when_the_main_process_is_killed_outright():
    """Each worker's pipe ends with the main process (a copy holding the main process's ends would wait forever)."""
    with subprocess.Popen(
        [sys.executable, "-c", POOL], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as run:
        assert run.stdout is not None
        pids = [int(pid) for pid in run.stdout.readline().split()]
        run.kill()
    try:
        assert len(pids) == 2 and _ended(pids, 10)
    finally:
        for pid in pids:
            if psutil.pid_exists(pid):
                psutil.Process(pid).kill()


def test_sigterm_ends_a_worker_as_it_would_a_spawned_one(monkeypatch):
    """Not the main process's handler (interrupts.handled), which would raise Interrupted in the worker."""
    monkeypatch.setattr(workers, "start_method", lambda: "fork")  # whatever threads pytest runs
    with interrupts.handled(), workers.Pool(1, time.sleep, interrupts.worker_signals) as pool:
        pool.submit(0, (30,), None)
        deadline = time.monotonic() + 10
        while pool.workers[0].since is None and time.monotonic() < deadline:
            pool.ended(0.05)
        process = pool.workers[0].process
        process.terminate()
        process.join(10)
        assert process.exitcode == -signal.SIGTERM
