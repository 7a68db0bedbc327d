"""Worker processes whose jobs have deadlines the parent enforces (the batch's workers).

A report's own time limit (limits.report_limit) is an alarm its process sees between two Python steps:
one long call into C (an XML parse, a regular expression) does not see it until it returns. So the
parent watches too: a worker still on a job `GRACE` seconds past that job's limit is killed and replaced,
and the job is given up as over time. Each worker is handed at most `AHEAD` jobs over its pipe (it never
waits for the parent between two) and says when it starts one, so the parent knows since when each job runs.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

from baocao.interrupts import STEP

GRACE = 5.0  # seconds past a job's own limit before its worker is killed
AHEAD = 2  # jobs handed to one worker at a time (the one it runs and the next)
STOP_SECONDS = 2.0  # a worker told to stop is killed if it has not after this long


@dataclass
class _Worker:
    process: BaseProcess
    pipe: Connection
    jobs: deque[int] = field(default_factory=deque)  # indexes handed to it, the one it runs first
    since: float | None = None  # when it started jobs[0]


@dataclass(frozen=True)
class Ended:
    """What became of one job: its result, or the exception it raised (a fault of ours), or `killed` past its time."""

    index: int
    result: Any = None
    error: Exception | None = None
    killed: bool = False


class Pool:
    """`size` worker processes (started by start_method) calling `work(*arguments)` for each job;
    `initializer()` runs in each once."""

    def __init__(self, size: int, work: Callable[..., Any], initializer: Callable[[], None]):
        self.work, self.initializer = work, initializer
        self.limits: dict[int, float | None] = {}
        self._ends: list[Ended] = []  # ended, not yet told by ended()
        self._returned: list[int] = []  # handed back, not yet told by ended()
        self.workers: list[_Worker] = []
        for _ in range(size):
            self.workers.append(self._start())

    def _start(self) -> _Worker:
        fork = start_method() == "fork"
        # two calls, each with its literal: the type checker knows each context's Process
        context = multiprocessing.get_context("fork") if fork else multiprocessing.get_context("spawn")
        mine, theirs = context.Pipe()
        # A copy of this process holds this process's ends of the pipes too: it closes them (see _serve).
        ours = [mine, *(worker.pipe for worker in self.workers)] if fork else []
        process = context.Process(target=_serve, args=(theirs, self.work, self.initializer, ours), daemon=True)
        process.start()
        theirs.close()
        return _Worker(process, mine)

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def room(self) -> bool:
        """Whether a worker can take a job now."""
        return any(len(worker.jobs) < AHEAD for worker in self.workers)

    @property
    def busy(self) -> bool:
        return any(worker.jobs for worker in self.workers)

    def submit(self, index: int, arguments: tuple, seconds: float | None) -> None:
        """Hand job `index` (`work(*arguments)`, within `seconds`) to the least busy worker (see room)."""
        worker = min(self.workers, key=lambda w: len(w.jobs))
        self.limits[index] = seconds
        try:
            worker.pipe.send((index, arguments))
        except OSError:  # it has died since its last job: another takes its place, and this job
            self._lost(worker)
            self.submit(index, arguments, seconds)
            return
        worker.jobs.append(index)

    def ended(self, timeout: float | None) -> tuple[list[Ended], list[int]]:
        """The jobs that ended within `timeout` seconds (None: interrupts.STEP), and those
        handed back (not started by a worker that was killed or died: to submit again)."""
        if not self._ends:
            ready = wait([w.pipe for w in self.workers if w.jobs], self._wait(timeout))
            for worker in [w for w in self.workers if w.pipe in ready]:
                self._read(worker)
        now = time.monotonic()
        for worker in list(self.workers):
            seconds = self.limits.get(worker.jobs[0]) if worker.jobs else None
            if worker.since is not None and seconds is not None and now > worker.since + seconds + GRACE:
                self._ends.append(Ended(worker.jobs.popleft(), killed=True))
                self._replace(worker)
        ends, returned = self._ends, self._returned
        self._ends, self._returned = [], []
        return ends, returned

    def _wait(self, timeout: float | None) -> float:
        """How long ended() may wait: `timeout`, or less when a running job's deadline comes first, and at most
        interrupts.STEP (a signal another thread took is seen by this one within a step)."""
        deadlines = [
            w.since + seconds + GRACE - time.monotonic()
            for w in self.workers
            if w.jobs and w.since is not None and (seconds := self.limits.get(w.jobs[0])) is not None
        ]
        return max(min([*deadlines, STEP] + ([] if timeout is None else [timeout])), 0.0)

    def _read(self, worker: _Worker) -> None:
        """The messages waiting on a worker's pipe: a job started, or ended."""
        try:
            while worker.pipe.poll():
                kind, index, payload = worker.pipe.recv()
                if kind == "started":
                    worker.since = time.monotonic()
                    continue
                worker.jobs.popleft()
                worker.since = None
                self._ends.append(Ended(index, error=payload) if kind == "failed" else Ended(index, payload))
        except (EOFError, OSError):
            self._lost(worker)

    def _lost(self, worker: _Worker) -> None:
        """A worker that died (killed from outside, out of memory): the job it ran fails, another takes its place."""
        if worker.since is not None and worker.jobs:
            self._ends.append(Ended(worker.jobs.popleft(), error=RuntimeError("worker process ended")))
        self._replace(worker)

    def _replace(self, worker: _Worker) -> None:
        """Kill `worker`, start another in its place; the jobs it had not started are handed back."""
        _stop(worker, 0)
        self.workers[self.workers.index(worker)] = self._start()
        self._returned += worker.jobs

    def close(self) -> None:
        """Tell every worker to stop; kill those that do not within STOP_SECONDS."""
        for worker in self.workers:
            with contextlib.suppress(OSError):
                worker.pipe.send(None)
        for worker in self.workers:
            _stop(worker, STOP_SECONDS)


def start_method() -> str:
    """How a worker starts: 'fork' on Linux from a process with no other thread, a copy of this one with its
    imports and compiled sentences and templates, ready in milliseconds; else 'spawn', a new interpreter that
    imports baocao (≈ 0.4 s): on Windows and macOS, where fork is missing or unsafe, and beside another thread,
    which could hold a lock at the fork that would stay held in the copy."""
    if sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1:
        return "fork"
    return "spawn"


def _stop(worker: _Worker, seconds: float) -> None:
    worker.process.join(seconds)
    if worker.process.is_alive():
        worker.process.kill()
        worker.process.join(STOP_SECONDS)
    worker.pipe.close()


def _serve(pipe: Connection, work: Callable[..., Any], initializer: Callable[[], None], ours: list[Connection]) -> None:
    """A worker's life: each job received is started (said), run, and its result or exception sent back.

    `ours`: the parent's ends of the pool's pipes, which a forked worker holds too. It closes them, so that
    every worker's pipe ends when the parent does (killed outright, say): a worker holding one would wait for
    a job forever. When the parent is gone, the worker ends quietly."""
    for connection in ours:
        connection.close()
    initializer()
    with contextlib.suppress(EOFError, OSError):  # the pipe ended: the parent is gone
        while (message := pipe.recv()) is not None:
            index, arguments = message
            pipe.send(("started", index, None))
            try:
                pipe.send(("done", index, work(*arguments)))
            except Exception as exc:  # noqa: BLE001 - a fault of ours fails this job only, told to the parent
                pipe.send(("failed", index, _picklable(exc)))


def _picklable(exc: Exception) -> Exception:
    import pickle

    try:
        pickle.dumps(exc)
    except Exception:  # noqa: BLE001 - an exception that cannot cross the pipe is told by its text
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc
