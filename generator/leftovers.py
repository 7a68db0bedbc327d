"""Scratch files and folders: named so that a run killed outright (kill -9, a power cut) can be cleaned up later.

Every temporary file or folder baocao makes (write_atomic's `.tmp` beside the output, the PDF scratch
folder, the LibreOffice profile) is named `.baocao-<pid>-...`, the pid of the process that made it.
`sweep(folder)` removes those whose process is gone; a run calls it on the folders it writes to, so
what a killed run left is gone after the next one. Live runs' files (another baocao at work) stay.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterable
from pathlib import Path

PREFIX = ".baocao-"
_OWNER = re.compile(rf"^{re.escape(PREFIX)}(\d+)-")


def prefix() -> str:
    """The start of a scratch name made by this process: `.baocao-<pid>-`."""
    return f"{PREFIX}{os.getpid()}-"


def owner(name: str) -> int | None:
    """The pid in a scratch name, or None when `name` is not one."""
    match = _OWNER.match(name)
    return int(match.group(1)) if match else None


def sweep(folders: Iterable[Path], *, own: bool = False) -> list[Path]:
    """Remove the scratch entries in `folders` whose process is gone (and, with `own`, this process's:
    a run that is stopping); return what was removed. Best effort: an entry that cannot be removed stays."""
    removed = []
    for folder in dict.fromkeys(folders):
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            pid = owner(entry.name)
            if pid is None or (pid == os.getpid() and not own) or (pid != os.getpid() and _alive(pid)):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path)
                else:
                    os.unlink(entry.path)
            except OSError:
                continue
            removed.append(Path(entry.path))
    return removed


def _alive(pid: int) -> bool:
    import psutil  # only when a leftover is found (≈ 7 ms of a cold build otherwise)

    return psutil.pid_exists(pid)
