"""Table rows read as figures (`baocao import --so-lieu`): the rows cite them, the rates are computed again.

A table whose columns say what its numbers are, the value ('Thực hiện'), a plan ('Kế hoạch'; several plans are
named plans, after their titles) or the same period ('Cùng kỳ'), and compares them (a rate or a signed
difference column, or a plan or same-period column), gets one figure per row: named and titled (`ten`) from the
row's first text cell, in the unit of its 'Đơn vị tính' column or of the table's unit line, with the decimals
its cells show. The rows cite them ('- so_lieu: lua') and the rate and difference columns are computed. A rate
or difference to a base the table does not show gives that base, derived as the prose reader derives it
(`ratios.base_for`) and commented as such. The `bang` is built back with the figures: unless every number
prints as it was read, the figures are forgotten and the table is read as without --so-lieu.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from baocao.conventions.table_words import PLAN, SAME_PERIOD, UNIT_HEADER, VALUE_HEADER
from baocao.figures.figure import Figure, percent
from baocao.messages import readers as msg
from baocao.readers.docx.figures import FigureBook
from baocao.readers.docx.ratios import base_for
from baocao.readers.docx.table_check import Grid, rebuilt
from baocao.readers.docx.table_kinds import Column, Shown, columns_yaml, read_shown

#: The figure slot each computed column compares the value with.
BASES = {"ty_le_ke_hoach": "ke_hoach", "ty_le_cung_ky": "cung_ky", "chenh_lech": "cung_ky"}
FIGURE_KEY = "so_lieu"


@dataclass
class TableRead:
    """A table as read: its columns, its rows in order (a group's title, or None and an item row's cells as the
    YAML writes them), the item rows' plain texts, each item row's number in the Word table, the total row."""

    place: str
    titles: list[str]
    groups: list[str]
    body: list[tuple[str | None, list[Any]]]
    texts: Grid  # item rows, the total row last when `total`
    rows_at: list[int]
    total: bool
    numbered: bool
    unit: str = ""  # the table's 'Đơn vị tính' line

    @property
    def items(self) -> Grid:
        return self.texts[:-1] if self.total else self.texts

    @property
    def written(self) -> list[list[Any]]:
        """The item rows as the YAML writes their cells."""
        return [row for group, row in self.body if group is None]


def figure_table(read: TableRead, book: FigureBook) -> dict[str, Any] | None:
    """The `bang` of `read` citing a figure per item row (added to `book`), or None (the book as it was)."""
    shown = [[read_shown(row[c]) for row in read.items] for c in range(len(read.titles))]
    columns = _columns(read, shown, book)
    if columns is None:
        return None
    names: list[str] = []
    for r in range(len(read.items)):
        name = _figure(read, shown, columns, r, book)
        if name is None:
            break
        names.append(name)
    else:
        spec = _spec(read, columns, names)
        if _prints_back(read, spec, columns, {name: book.figure(name) for name in names}):
            return spec
    for name in names:
        book.forget(name)
    return None


# ---- what the columns are ----------------------------------------------------------------------------


def _columns(read: TableRead, shown: list[list[Shown | None]], book: FigureBook) -> list[Column] | None:
    """The columns as figure rows fill them (ten, don_vi, gia_tri, plans, cung_ky, computed kinds; part and
    base: the columns they compare, -1 for a base to derive), the others written as text; None unless a value
    column is compared with something."""
    columns = [Column(t, g) for t, g in zip(read.titles, read.groups, strict=True)]
    rates, plans = [], []
    for c, column in enumerate(columns):
        header = f"{column.group} {column.title}"
        numbers = [s for s in shown[c] if s is not None]
        if c == 0 and read.numbered:
            column.kind = "stt"
        elif UNIT_HEADER.match(column.title):
            column.key = "don_vi"
        elif not numbers or len(numbers) < sum(1 for row in read.items if row[c]):
            continue
        elif any(s.percent for s in numbers) or "%" in header:
            rates.append(c)
        elif any(s.plus for s in numbers):
            column.kind = "chenh_lech"
        elif SAME_PERIOD.search(header):
            _take(columns, c, "cung_ky")
        elif PLAN.search(header):
            plans.append(c)
        elif VALUE_HEADER.search(header):
            _take(columns, c, "gia_tri")
    value = _find(columns, "gia_tri")
    name = next((c for c, col in enumerate(columns) if col.kind == "van_ban" and not col.key and not any(shown[c])), -1)
    if value < 0 or name < 0:
        return None
    columns[name].key = "ten"
    _plans(columns, plans, book)
    for c in rates:
        _rate(columns, shown, c, value, plans)
    for column in columns:
        if column.kind in BASES:
            column.part = value
            if column.base < 0 and column.kind != "ty_le_ke_hoach":
                column.base = _find(columns, "cung_ky")
    if not plans and _find(columns, "cung_ky") < 0 and not any(col.kind in BASES for col in columns):
        return None
    return columns


def _take(columns: list[Column], c: int, key: str) -> None:
    """Column `c` shows the figures' `key` (the first column of its kind does)."""
    if _find(columns, key) < 0:
        columns[c].kind, columns[c].key = "so", key


def _find(columns: list[Column], key: str) -> int:
    return next((c for c, col in enumerate(columns) if col.key == key and col.kind == "so"), -1)


def _plans(columns: list[Column], plans: list[int], book: FigureBook) -> None:
    """One plan column shows the figures' plan (ke_hoach); several show named plans, named after their titles
    (`ten_ke_hoach`)."""
    for c in plans:
        column = columns[c]
        column.kind = "so"
        if len(plans) == 1:
            column.key = "ke_hoach"
        else:
            column.plan = book.plan_key(column.title)


def _rate(columns: list[Column], shown: list[list[Shown | None]], c: int, value: int, plans: list[int]) -> None:
    """A rate column: to the same period, or to the plan whose rate it is in every row (to a plan the table
    does not show when its header names one and there is no plan column); otherwise written as read."""
    column = columns[c]
    header = f"{column.group} {column.title}"
    decimals = {s.decimals for s in shown[c] if s is not None}
    if len(decimals) != 1:
        return
    (digits,) = decimals
    column.so_le = None if digits == 1 else digits
    if SAME_PERIOD.search(header) and not PLAN.search(column.title):
        column.kind = "ty_le_cung_ky"
    elif not plans and PLAN.search(header):
        column.kind = "ty_le_ke_hoach"
    else:
        for p in plans:
            if all(
                s is None or v is None or b is None or percent(v.value, b.value, digits) == s.value
                for s, v, b in zip(shown[c], shown[value], shown[p], strict=True)
            ):
                column.kind, column.base, column.plan = "ty_le_ke_hoach", p, columns[p].plan
                return
        column.so_le = None


# ---- one row, one figure -------------------------------------------------------------------------------


def _figure(
    read: TableRead, shown: list[list[Shown | None]], columns: list[Column], r: int, book: FigureBook
) -> str | None:
    """The figure of item row `r` (added to the book); None when the row has no value or a base that cannot be
    derived."""
    value = shown[_find(columns, "gia_tri")][r]
    name_at = next(c for c, col in enumerate(columns) if col.key == "ten")
    label = read.written[r][name_at]
    if value is None or not isinstance(label, str) or not label:
        return None
    plans = {col.plan: shown[c][r] for c, col in enumerate(columns) if col.kind == "so" and col.plan}
    slots = {key: shown[c][r] if (c := _find(columns, key)) >= 0 else None for key in ("ke_hoach", "cung_ky")}
    derived: dict[str, str] = {}
    bases: dict[str, Decimal] = {}
    place = msg.cell_place(read.place, read.rows_at[r], name_at + 1)
    for c, column in enumerate(columns):
        written, slot = shown[c][r], BASES.get(column.kind, "")
        if not slot or column.base >= 0 or written is None or slots[slot] is not None or slot in bases:
            continue
        base = _base(column.kind, value.value, written)
        if base is None:
            return None
        bases[slot], derived[slot] = base, f"{column.title}: {read.texts[r][c]}"
        place = msg.cell_place(read.place, read.rows_at[r], c + 1)
    digits = {s.decimals for s in [value, *plans.values(), *slots.values()] if s is not None}
    unit = next((c for c, col in enumerate(columns) if col.key == "don_vi"), -1)
    stated = {slot: s.value for slot, s in slots.items() if s is not None} | bases
    return book.add(
        read.texts[r][name_at],
        gia_tri=value.value,
        don_vi=read.texts[r][unit] if unit >= 0 else read.unit,
        so_le=(digits.pop() or None) if len(digits) == 1 else None,
        ten=label,
        ke_hoach={key: s.value for key, s in plans.items() if s is not None} or stated.get("ke_hoach"),
        cung_ky=stated.get("cung_ky"),
        derived=derived,
        place=place,
    )


def _base(kind: str, value: Decimal, written: Shown) -> Decimal | None:
    """The plan or same period for which the build prints `written` in a column of `kind` (value − base for a
    difference, else the rate at its decimals, one at least)."""
    if kind == "chenh_lech":
        return value - written.value
    return base_for(value, written.value, max(written.decimals, 1))


# ---- the bang ----------------------------------------------------------------------------------------


def _spec(read: TableRead, columns: list[Column], names: list[str]) -> dict[str, Any]:
    """The `bang`: its columns, a row per figure (the text columns other than the name written in it)."""
    cot = columns_yaml(columns)
    keys = [entry.get("khoa", "") for entry in cot]
    written = [c for c, col in enumerate(columns) if col.kind == "van_ban" and col.key not in ("ten", "don_vi")]
    dong: list[Any] = []
    r = 0
    for group, cells in read.body:
        if group is not None:
            dong.append({"nhom": group, "dong": []})
            continue
        if r == len(names):
            break  # the total row
        row = {FIGURE_KEY: names[r]} | {keys[c]: cells[c] for c in written if cells[c]}
        (dong[-1]["dong"] if dong and isinstance(dong[-1], dict) and "nhom" in dong[-1] else dong).append(row)
        r += 1
    bang: dict[str, Any] = {"cot": cot, "dong": dong}
    if read.total:
        bang["tong_cong"] = True
    return bang


def _prints_back(read: TableRead, spec: dict[str, Any], columns: list[Column], figures: dict[str, Figure]) -> bool:
    """Built with the figures, every number of the item rows and of the total row prints as it was read."""
    built = rebuilt(spec, figures)
    if built is None:
        return False
    items, total = built
    numbers = [c for c, col in enumerate(columns) if col.kind not in ("stt", "van_ban")]
    if [[row[c] for c in numbers] for row in items] != [[row[c] for c in numbers] for row in read.items]:
        return False
    return not read.total or (total is not None and [total[c] for c in numbers] == [read.texts[-1][c] for c in numbers])
