"""Stage 5, write: put the finished bytes on disk atomically (temporary file, then replace)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import Location, fail


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that a reader sees either the old file or the whole new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise fail(Location(path), f"Không ghi được tệp ({exc.strerror}).",
                   "Đóng tệp nếu đang mở trong Word, kiểm tra quyền ghi thư mục.") from None
