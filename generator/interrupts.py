"""Signals: Ctrl-C (SIGINT), SIGTERM and SIGHUP stop a run at once and leave nothing behind.

Within `handled()` (the command line's main), the first of these signals ends every process this run
started (the batch's workers, LibreOffice and what it started) before anything else happens, so no
file is written after it, then raises `Interrupted` in the main thread; further signals are ignored
while the run cleans up (scratch and temporary files, see leftovers) and says what was written.
The exit code is 128 + the signal's number (130 Ctrl-C, 143 SIGTERM, 129 SIGHUP).

Processes other than multiprocessing's are started with `spawn()`: in a process group of their own
(a Ctrl-C typed in the terminal reaches only baocao, which ends them), ended as a group, with every
process they started, even one that has left its parent (LibreOffice's soffice.bin).
"""

from __future__ import annotations

import contextlib
import functools
import multiprocessing
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

from baocao.messages import files as msg

_NAMES = ("SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK")  # Windows has no SIGHUP; only Windows has SIGBREAK (Ctrl-Break)
_started: set[subprocess.Popen] = set()
_received: list[int] = []  # the signal that stopped this run, kept in case its exception was swallowed
# A process-wide signal may be taken by any thread that does not block it (a progress bar's, say): the main thread,
# where Python runs the handlers, then sees it at its next step. So the main thread waits STEP seconds at a time.
STEP = 0.2


class Interrupted(BaseException):
    """A run stopped by a signal (not an Exception: no `except Exception` may swallow it).

    `outcomes`, when a batch was under way, are the reports finished before the signal (see batch.run);
    `total` how many there were to build; `pdf` whether it stopped while converting to PDF.
    """

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum
        self.outcomes: list[Any] | None = None
        self.total = 0
        self.pdf = False

    @property
    def exit_code(self) -> int:
        return 128 + self.signum

    @property
    def reason(self) -> str:
        """What stopped the run, as a clerk knows it."""
        return msg.SIGNAL_REASONS.get(signal.Signals(self.signum).name, msg.other_signal(self.signum))


def signals() -> tuple[signal.Signals, ...]:
    """The signals that stop a run, those of them this system has."""
    return tuple(getattr(signal, name) for name in _NAMES if hasattr(signal, name))


@contextlib.contextmanager
def handled() -> Iterator[None]:
    """Within the block, the signals above raise Interrupted after ending this run's processes."""
    previous = {number: signal.getsignal(number) for number in signals()}
    for number in previous:
        signal.signal(number, _stop)
    hook = sys.unraisablehook
    sys.unraisablehook = functools.partial(_unraisable, hook)
    try:
        yield
    finally:
        sys.unraisablehook = hook
        _received.clear()
        for number, handler in previous.items():
            signal.signal(number, handler)


def _unraisable(hook: Any, unraisable: Any) -> None:
    """Python's report of an exception it could not raise, without ours: raise_pending raises it again."""
    if not isinstance(unraisable.exc_value, Interrupted):
        hook(unraisable)


def raise_pending() -> None:
    """Within `handled()`, after a signal: raise Interrupted again (writes call this before they replace a file).

    A handler's exception raised while Python runs a weakref callback or a __del__ is only printed
    ("Exception ignored in ..."), and the run would go on writing as if no signal had come.
    """
    if _received:
        raise Interrupted(_received[0])


def _stop(signum: int, _frame: object) -> None:
    for number in signals():  # one stop is enough: a second Ctrl-C must not break the clean-up
        signal.signal(number, signal.SIG_IGN)
    _received.append(signum)
    end_children()
    raise Interrupted(signum)


def worker_signals() -> None:
    """In a batch worker: Ctrl-C typed in the terminal reaches the whole process group; the main process
    decides (and ends the workers). SIGTERM ends a worker at once, as it does a spawned one (a forked
    one has the main process's handler, which would end the parent's processes and raise Interrupted)."""
    for number in signals():
        signal.signal(number, signal.SIG_DFL if number == signal.SIGTERM else signal.SIG_IGN)


def spawn(command: list[str], **options: Any) -> subprocess.Popen:
    """subprocess.Popen in a new process group, ended by end_children() at a signal (and by end())."""
    group = getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", None)  # Windows
    if group is not None:
        options["creationflags"] = options.get("creationflags", 0) | group
    elif hasattr(os, "setsid"):
        options["start_new_session"] = True
    process = subprocess.Popen(command, **options)
    _started.add(process)
    return process


def end(process: subprocess.Popen) -> None:
    """Kill a spawn()ed process with its group and everything it started; reap it."""
    _started.discard(process)
    if process.poll() is None:  # not yet reaped: its pid is still its own
        _kill_tree(process.pid)
    if hasattr(os, "killpg"):  # POSIX: its own group (start_new_session), pgid == pid
        with contextlib.suppress(OSError):
            os.killpg(process.pid, getattr(signal, "SIGKILL", signal.SIGTERM))
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=2)


def end_children() -> None:
    """Kill every process this run started: spawn()ed ones (with their groups) and multiprocessing's workers."""
    for process in list(_started):
        end(process)
    workers = multiprocessing.active_children()
    for worker in workers:
        worker.kill()
    for worker in workers:
        worker.join(timeout=2)


def _kill_tree(pid: int) -> None:
    import psutil  # only when a process must be ended (≈ 7 ms of every cold start otherwise)

    try:
        root = psutil.Process(pid)
        family = [*root.children(recursive=True), root]
    except psutil.Error:
        return
    for member in family:
        with contextlib.suppress(psutil.Error):
            member.kill()
