"""Nhiệm vụ trọng tâm: how many tasks have each status, per group and overall.

A row of any table (in the outline or in an appendix) may carry `trang_thai`: đã hoàn thành,
đang thực hiện or chưa thực hiện. The narrative reads the counts as `nhiem_vu`:

- `nhiem_vu.tong`: every task; `nhiem_vu.nhom[0]`, `nhiem_vu.nhom[1]`…: the groups (I, II…) that
  hold tasks with a status, in order, each with `.ten`, the group's title;
- on each: `.so_nhiem_vu` (how many tasks), `.da_hoan_thanh`, `.dang_thuc_hien`, `.chua_thuc_hien`
  (how many have that status), and `.ty_le_hoan_thanh`, `.ty_le_dang_thuc_hien`,
  `.ty_le_chua_thuc_hien` (their share in percent, one decimal, for `| phan_tram`).

Example: "hoàn thành {{ nhiem_vu.tong.da_hoan_thanh | hai_chu_so }}/{{ nhiem_vu.tong.so_nhiem_vu |
hai_chu_so }} nhiệm vụ ({{ nhiem_vu.tong.ty_le_hoan_thanh | phan_tram }})" → "hoàn thành 05/08 nhiệm
vụ (62,5%)".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from baocao.conventions.formatting import percent_of
from baocao.errors import BaocaoError, Problem
from baocao.input.load import SourceMap
from baocao.input.model import BaoCao, Muc
from baocao.input.rows import STATUS_CHOICES, grouped_rows, row_status
from baocao.input.table_model import Bang, KhoiBang
from baocao.messages import figures as msg


@dataclass(frozen=True)
class TaskCount:
    """Tasks of one group (or of all groups) by status."""

    ten: str
    da_hoan_thanh: int = 0
    dang_thuc_hien: int = 0
    chua_thuc_hien: int = 0

    @property
    def so_nhiem_vu(self) -> int:
        """How many tasks."""
        return self.da_hoan_thanh + self.dang_thuc_hien + self.chua_thuc_hien

    @property
    def ty_le_hoan_thanh(self) -> Decimal | None:
        """Share of tasks completed, in percent."""
        return percent_of(self.da_hoan_thanh, self.so_nhiem_vu)

    @property
    def ty_le_dang_thuc_hien(self) -> Decimal | None:
        """Share of tasks under way, in percent."""
        return percent_of(self.dang_thuc_hien, self.so_nhiem_vu)

    @property
    def ty_le_chua_thuc_hien(self) -> Decimal | None:
        """Share of tasks not started, in percent."""
        return percent_of(self.chua_thuc_hien, self.so_nhiem_vu)


@dataclass(frozen=True)
class TaskSummary:
    """`nhiem_vu` in the narrative: the total (`tong`) and the groups (`nhom`)."""

    tong: TaskCount
    nhom: tuple[TaskCount, ...]


def summarize_tasks(report: BaoCao, places: SourceMap) -> TaskSummary:
    """Count the statuses of every table's rows; a table that uses statuses needs one on each row."""
    total: Counter[str] = Counter()
    groups: list[TaskCount] = []
    for spec, path in _tables(report):
        rows = grouped_rows(spec, path, places)
        statuses = [
            [(row_status(spec, row, row_path, places), row_path) for row, row_path in entries] for _, _, entries in rows
        ]
        if not any(status for group in statuses for status, _ in group):
            continue
        for (group, _, _), group_statuses in zip(rows, statuses, strict=True):
            counts = Counter(_required(status, row_path, places) for status, row_path in group_statuses)
            total.update(counts)
            if group is not None:
                groups.append(TaskCount(group.nhom, **counts))
    return TaskSummary(TaskCount("", **total), tuple(groups))


def _required(status: str | None, path: tuple, places: SourceMap) -> str:
    if status is None:
        raise BaocaoError(
            Problem(
                places.where(path),
                msg.NO_STATUS,
                msg.add_status(STATUS_CHOICES),
            )
        )
    return status


def _tables(report: BaoCao) -> Iterator[tuple[Bang, tuple]]:
    """Every table of the report with its path: in the outline, then in the appendices."""
    yield from _outline_tables(report.mo_dau, ("mo_dau",))
    yield from _outline_tables(report.noi_dung, ("noi_dung",))
    for i, appendix in enumerate(report.phu_luc):
        if appendix.bang is not None:
            yield appendix.bang, ("phu_luc", i, "bang")


def _outline_tables(blocks: list, path: tuple) -> Iterator[tuple[Bang, tuple]]:
    for i, block in enumerate(blocks):
        if isinstance(block, KhoiBang):
            yield block.bang, path + (i, "bang")
        elif isinstance(block, Muc):
            yield from _outline_tables(block.noi_dung, path + (i, "noi_dung"))
        elif isinstance(block, list):
            yield from _outline_tables(block, path + (i,))
