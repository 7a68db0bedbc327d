"""Room on the stack for C code that recurses once per level of its input (libyaml's composer).

The main thread's stack grows up to `ulimit -s` (8 MB by default on Linux); any other thread's, and the main
one's on Windows, has a size fixed when it starts, often 1 MB or less (256 KB on some systems). What needs
more runs on a thread of its own, made with STACK bytes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

try:
    import resource
except ImportError:  # pragma: no cover - Windows
    resource = None  # type: ignore[assignment]

T = TypeVar("T")

STACK = 8 << 20  # libyaml's deepest document (about 2,000 nodes) needs under 1 MB; unused pages cost nothing
_stack_size = threading.Lock()  # threading.stack_size() is for the whole process: set and reset under it


def on_big_stack(function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """`function(*args, **kwargs)` where at least STACK bytes of stack are free: here in the main thread under
    a stack limit (`ulimit -s`) of STACK or more, else on a new thread with that stack (about 0.3 ms more).

    The caller waits in join(), which a signal interrupts (Ctrl-C, report_limit's alarm).
    """
    if _roomy_here():
        return function(*args, **kwargs)
    outcome: list[tuple[bool, Any]] = []

    def run() -> None:
        try:
            outcome.append((True, function(*args, **kwargs)))
        except BaseException as exc:  # handed to the caller, which raises it
            outcome.append((False, exc))

    with _stack_size:
        previous = threading.stack_size(STACK)
        try:
            worker = threading.Thread(target=run, name="baocao-big-stack", daemon=True)
            worker.start()
        finally:
            threading.stack_size(previous)
    worker.join()
    done, value = outcome[0]
    if not done:
        raise value
    return value


def _roomy_here() -> bool:
    """Whether this thread's stack may grow by STACK: the main thread's, on Unix, up to its limit (a
    thread's own stack, or the main one's on Windows, has a size fixed at start, often 1 MB or less)."""
    if resource is None or threading.current_thread() is not threading.main_thread():
        return False
    limit = resource.getrlimit(resource.RLIMIT_STACK)[0]
    return limit == resource.RLIM_INFINITY or limit >= STACK
