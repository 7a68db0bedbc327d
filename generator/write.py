"""Stage 5, write: put the finished bytes on disk atomically (temporary file, then replace)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from baocao.errors import Location, fail, os_reason


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that a reader sees either the old file or the whole new one."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:  # a folder that cannot be made (a file has its name, no permission)
        raise _cannot_write(path, exc) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, _mode(path))  # mkstemp makes files private (0600); keep them shareable
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise _cannot_write(path, exc) from None


def _mode(path: Path) -> int:
    """The replaced file's permissions, or what the umask gives a new file."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _cannot_write(path: Path, exc: OSError):
    return fail(
        Location(path),
        f"Không ghi được tệp ({os_reason(exc)}).",
        "Đóng tệp nếu đang mở trong Word, kiểm tra quyền ghi thư mục.",
    )
