"""Stage 5, write: put the finished bytes on disk atomically (temporary file, then replace)."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from baocao import interrupts, leftovers
from baocao.errors import Location, fail, os_reason
from baocao.messages import files as msg

_KINDS = (
    (stat.S_ISDIR, "dir"),
    (stat.S_ISLNK, "link"),
    (stat.S_ISFIFO, "fifo"),
    (stat.S_ISCHR, "device"),
    (stat.S_ISBLK, "device"),
    (stat.S_ISSOCK, "socket"),
)  # keys of msg.NOT_A_FILE


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that a reader sees either the old file or the whole new one.

    Only a regular file is replaced (see replaceable). The temporary file is named by leftovers'
    rule and removed whatever stops the write (an error, Ctrl-C); what killed runs left in the folder is
    removed first (leftovers.sweep), whichever command writes there (build, sign, check --sua...).
    """
    replaceable(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        leftovers.sweep([path.parent])
        handle, temporary = tempfile.mkstemp(prefix=leftovers.prefix(), suffix=".tmp", dir=path.parent)
    except OSError as exc:  # a folder that cannot be made (a file has its name, no permission)
        raise _cannot_write(path, exc) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, _mode(path))  # mkstemp makes files private (0600); keep them shareable
        interrupts.raise_pending()  # nothing written after a signal, even one whose exception was swallowed
        os.replace(temporary, path)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _cannot_write(path, exc) from None
        raise


def replaceable(path: Path) -> None:
    """BaocaoError unless `path` is free or a regular file: a folder, device, fifo, socket or link of
    that name is never replaced."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return
    kind = next((name for test, name in _KINDS if test(mode)), None)
    if kind is not None:
        raise fail(
            Location(path),
            msg.not_replaceable(path.name, msg.NOT_A_FILE[kind]),
            msg.NOT_REPLACEABLE_HINT,
        )


def _mode(path: Path) -> int:
    """The replaced file's permissions, or what the umask gives a new file."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _cannot_write(path: Path, exc: OSError):
    return fail(Location(path), msg.cannot_write(os_reason(exc)), msg.WRITE_HINT)
