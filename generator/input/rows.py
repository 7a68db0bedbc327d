"""A table's rows as written: their grouping (I, II, III…) and the task status a row carries.

Read by the compute stage (tasks.py counts the statuses) and by compose (tables.py builds the
document table), so neither depends on the other.
"""

from __future__ import annotations

from typing import Any

from baocao.conventions.tasks import STATUSES
from baocao.errors import BaocaoError, Location, Problem
from baocao.input.load import SourceMap
from baocao.input.table_model import INPUT_KINDS, Bang, Nhom
from baocao.messages import input as msg

STATUS_KEY = "trang_thai"
#: Task statuses: the name the narrative counts them by → the words a clerk writes.
STATUS_CHOICES = ", ".join(STATUSES.values())  # for hints

Group = tuple[Nhom | None, tuple, list[tuple[Any, tuple]]]


def grouped_rows(spec: Bang, path: tuple, places: SourceMap) -> list[Group]:
    """The rows of a table as (group or None, its path, [(row, row path)]), checking the grouping."""
    grouped = [isinstance(entry, Nhom) for entry in spec.dong]
    if not any(grouped):
        return [(None, path, [(entry, path + ("dong", i)) for i, entry in enumerate(spec.dong)])]
    if not all(grouped):
        stray = path + ("dong", grouped.index(False))
        raise BaocaoError(
            Problem(
                places.where(stray),
                msg.ROW_OUTSIDE_GROUPS,
                msg.ROW_OUTSIDE_GROUPS_HINT,
            )
        )
    groups: list[Group] = []
    for i, group in enumerate(spec.dong):
        assert isinstance(group, Nhom)  # every entry is a group (checked above)
        here = path + ("dong", i)
        if not group.dong:
            raise BaocaoError(
                Problem(
                    places.where(here),
                    msg.empty_group(group.nhom),
                    msg.EMPTY_GROUP_HINT,
                )
            )
        groups.append((group, here, [(row, here + ("dong", j)) for j, row in enumerate(group.dong)]))
    return groups


def read_status(value: Any, where: Location) -> str:
    """A task status as written ('Đã hoàn thành', 'da_hoan_thanh') → its name ('da_hoan_thanh')."""
    text = " ".join(str(value).split()).lower()
    for name, words in STATUSES.items():
        if text in (name, words):
            return name
    raise BaocaoError(Problem(where, msg.bad_status(str(value)), msg.choose_one_of(STATUS_CHOICES)))


def row_status(spec: Bang, row: Any, path: tuple, places: SourceMap) -> str | None:
    """The status a row carries (key trang_thai, or the trang_thai column of a list row), if any."""
    if isinstance(row, dict):
        return read_status(row[STATUS_KEY], places.where(path + (STATUS_KEY,))) if row.get(STATUS_KEY) else None
    keys = [c.khoa for c in spec.cot if c.kieu in INPUT_KINDS]
    if STATUS_KEY not in keys or len(row) != len(keys):
        return None
    i = keys.index(STATUS_KEY)
    return read_status(row[i], places.where(path + (i,))) if row[i] else None
