"""Which files are reports: the unit folders under a folder, the report files in them.

A *unit folder* is a folder holding `don-vi.yaml`; a report is a `.yaml` (or `.yml`) file in a unit
folder, other than don-vi.yaml, with a top-level `ky_bao_cao:` line. Other YAML files (settings, lists
of figures...) are left alone; hidden folders are not searched. Linked folders are followed, each folder
read once (a link back up the tree is told, not followed again); a broken link or an unreadable folder
is told too, never passed over silently.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from baocao.errors import Location, Problem, os_reason
from baocao.input.model import UNIT_FILE
from baocao.messages import files as msg

REPORT_SUFFIXES = (".yaml", ".yml")
_REPORT_KEY = re.compile(r"^ky_bao_cao[ \t]*:", re.MULTILINE)


def is_report(path: Path) -> bool:
    """Whether `path` is a report file by the rule above (a YAML file with a top-level `ky_bao_cao:`)."""
    if path.suffix.lower() not in REPORT_SUFFIXES or path.name == UNIT_FILE or not path.is_file():
        return False
    return _REPORT_KEY.search(path.read_text(encoding="utf-8-sig", errors="replace")) is not None


def unit_folders(folder: Path, notes: list[Problem] | None = None) -> Iterator[Path]:
    """`folder` and the folders under it that hold a don-vi.yaml, in name order, links followed; what
    is passed over (a folder reached again through a link, a broken link, an unreadable folder) is
    added to `notes`. A folder is read under its own name, not a link's, when it is inside `folder`."""
    told = notes if notes is not None else []
    real_top = os.path.realpath(folder)
    seen: dict[tuple[int, int], Path] = {}

    def unreadable(exc: OSError) -> None:
        place = Location(Path(exc.filename) if exc.filename else folder)
        told.append(Problem(place, msg.unreadable_folder(os_reason(exc)), msg.UNREADABLE_FOLDER_HINT))

    for current, subfolders, files in os.walk(folder, onerror=unreadable, followlinks=True):
        here = Path(current)
        identity = _identity(here)
        real = os.path.realpath(here)
        linked = real != os.path.normpath(os.path.join(real_top, os.path.relpath(here, folder)))
        # A link to a folder inside the tree: that folder is read (or is to be read) under its own name; a loop.
        if identity in seen or linked and os.path.commonpath([real, real_top]) == real_top:
            subfolders[:] = []
            other = seen.get(identity) or Path(os.path.relpath(real, real_top))
            told.append(Problem(Location(here), msg.folder_linked(str(other)), msg.FOLDER_LINKED_HINT))
            continue
        seen[identity] = here
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and (here / name).is_symlink() and not (here / name).exists():
                told.append(Problem(Location(here / name), msg.BROKEN_LINK, msg.BROKEN_LINK_HINT))
        if UNIT_FILE in files:
            yield here


def _identity(folder: Path) -> tuple[int, int]:
    status = folder.stat()
    return status.st_dev, status.st_ino
