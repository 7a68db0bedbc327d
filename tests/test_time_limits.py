"""A report's time limit (limits.report_limit) on each path, and the batch parent's deadline for its workers.

The main thread on POSIX rings with the interval timer (setitimer), Windows with a timer thread that interrupts
the main one (tested here with setitimer taken away), another thread only through check_time(). A worker whose
alarm cannot reach it (SIGALRM blocked, as during one long call into C) is killed by the parent (workers.Pool).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

import psutil
import pytest

from baocao import limits, workers
from baocao.limits import OverBudget, OverTime, report_limit

posix = pytest.mark.skipif(sys.platform == "win32", reason="POSIX interval timer and signal masks")


def _stopped_after(seconds: float) -> float:
    """How long a sleep of 30 s lasts within report_limit(`seconds`) (OverTime expected)."""
    started = time.monotonic()
    with pytest.raises(OverTime) as stop, report_limit(seconds):
        time.sleep(30)
    assert stop.value.seconds == seconds
    return time.monotonic() - started


@posix
def test_the_main_thread_rings_with_the_interval_timer():
    timers = threading.active_count()
    with report_limit(5):
        assert 4 < signal.getitimer(signal.ITIMER_REAL)[0] <= 5 and threading.active_count() == timers
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # the timer is off after the report
    assert _stopped_after(0.3) < 2
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)  # the handler before it, back


def test_without_an_interval_timer_a_timer_thread_rings(monkeypatch):
    """As on Windows: no setitimer (and no SIGALRM there: the timer thread sends a simulated Ctrl-C)."""
    monkeypatch.delattr(signal, "setitimer", raising=False)
    with report_limit(5):
        assert any(isinstance(thread, threading.Timer) for thread in threading.enumerate())
    assert _stopped_after(0.3) < 2
    with report_limit(5):
        pass
    assert not any(isinstance(thread, threading.Timer) for thread in threading.enumerate())


def test_in_another_thread_the_budget_checks_stop_it():
    """No alarm can reach a thread other than the main one: check_time() (every step of a sentence or a
    template) stops it, and the main thread is not disturbed."""
    caught: list[BaseException] = []

    def report() -> None:
        try:
            with report_limit(0.2):
                while True:
                    limits.check_time()
                    time.sleep(0.01)
        except OverBudget as exc:
            caught.append(exc)

    thread = threading.Thread(target=report)
    thread.start()
    thread.join(5)
    assert not thread.is_alive() and len(caught) == 1


def stuck(seconds: float) -> str:
    """A worker's report that its own alarm cannot stop: SIGALRM blocked, as during one long call into C."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    with report_limit(0.2):
        time.sleep(seconds)
    return "xong"


def work(seconds: float) -> int:
    """A report taking `seconds`; its worker's pid."""
    time.sleep(seconds)
    return os.getpid()


def _until_started(pool: workers.Pool) -> None:
    deadline = time.monotonic() + 30
    while pool.workers[0].since is None and time.monotonic() < deadline:
        assert pool.ended(0.05) == ([], [])


def _no_setup() -> None:
    pass


def _until_ended(pool: workers.Pool, seconds: float) -> list[workers.Ended]:
    deadline = time.monotonic() + seconds
    ends: list[workers.Ended] = []
    while not ends and time.monotonic() < deadline:
        ends, _ = pool.ended(0.1)
    return ends


@posix
def test_the_parent_kills_a_worker_past_its_deadline_and_replaces_it(monkeypatch):
    monkeypatch.setattr(workers, "GRACE", 0.5)
    with workers.Pool(1, stuck, _no_setup) as pool:
        first = pool.workers[0].process
        pool.submit(0, (60,), 0.2)
        pool.submit(1, (0,), 0.2)  # waiting behind it in the same worker: handed back, not lost
        started = time.monotonic()
        deadline = started + 30
        ends: list[workers.Ended] = []
        returned: list[int] = []
        while not ends and time.monotonic() < deadline:
            ends, returned = pool.ended(0.1)
        assert ends == [workers.Ended(0, killed=True)] and returned == [1]
        assert time.monotonic() - started < 10  # start-up (imports) + 0.2 s + the grace
        assert not first.is_alive() and pool.workers[0].process is not first
        pool.submit(1, (0,), 5)
        assert _until_ended(pool, 30) == [workers.Ended(1, "xong")]  # the new worker works


def test_a_worker_that_dies_fails_its_job_only():
    with workers.Pool(1, work, _no_setup) as pool:
        pool.submit(0, (0,), None)
        [first] = _until_ended(pool, 30)
        psutil.Process(first.result).kill()  # while idle: the next job goes to a new worker
        pool.workers[0].process.join(5)
        pool.submit(1, (0,), None)
        [second] = _until_ended(pool, 30)
        assert second.index == 1 and second.result not in (None, first.result)
        pool.submit(2, (60,), None)
        pool.submit(3, (0,), None)
        _until_started(pool)
        psutil.Process(second.result).kill()  # at work: its job fails, the one behind it is handed back
        ends: list[workers.Ended] = []
        while not ends:
            ends, returned = pool.ended(0.1)
        assert [(end.index, end.error is not None) for end in ends] == [(2, True)] and returned == [3]
