"""Table rows read as figures (`baocao import --so-lieu`): the rows cite them, the rates are computed again.

A table whose columns say what its numbers are, the value ('Thực hiện'), a plan ('Kế hoạch'; several plans are
named plans, after their titles) or the same period ('Cùng kỳ'), and compares them (a rate or a signed
difference column, or a plan or same-period column), gets one figure per row: named and titled (`ten`) from the
row's first text cell, in the unit of its 'Đơn vị tính' column or of the table's unit line, with the decimals
its cells show. The rows cite them ('- so_lieu: lua') and the rate and difference columns are computed. A rate
or difference to a base the table does not show gives that base, derived as the prose reader derives it
(`ratios.base_for`) and commented as such. A row that is certainly a figure read before (a sentence's, another
table row's: same title words, value, unit and decimals, nothing stated otherwise) shares it: the figure takes
the row's title and the values it lacked (a stated value drops its 'derived' comment). The `bang` is built back
with the figures: unless every number prints as it was read, the figures are taken back and the table is read as
without --so-lieu.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from baocao.compose.tables import FIGURE_KEY
from baocao.conventions.table_words import PLAN, SAME_PERIOD, UNIT_HEADER, VALUE_HEADER
from baocao.conventions.words import norm
from baocao.figures.figure import Figure, percent
from baocao.messages import common
from baocao.readers.docx.figures import FigureBook, yaml_number
from baocao.readers.docx.ratios import base_for
from baocao.readers.docx.table_check import Grid, rebuilt
from baocao.readers.docx.table_kinds import Column, Shown, columns_yaml, read_shown

#: The figure slot each computed column compares the value with.
BASES = {"ty_le_ke_hoach": "ke_hoach", "ty_le_cung_ky": "cung_ky", "chenh_lech": "cung_ky"}


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
    """The `bang` of `read` citing a figure per item row (added to `book`, or shared with one read before), or
    None (the book as it was)."""
    shown = [[read_shown(row[c]) for row in read.items] for c in range(len(read.titles))]
    columns = _columns(read, shown, book)
    if columns is None:
        return None
    rows = [_row(read, shown, columns, r) for r in range(len(read.items))]
    if not all(rows):
        return None
    ledger = _Ledger(book)
    names = [ledger.figure(row) for row in rows if row is not None]
    spec = _spec(read, columns, names)
    try:
        figures = {name: book.figure(name) for name in names}
    except ValueError:  # a value the model refuses (a negative one derived)
        figures = None
    if figures is not None and _prints_back(read, spec, columns, figures):
        return spec
    ledger.undo()
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


@dataclass(frozen=True)
class _Row:
    """What a row states of its figure: its words and title, value, unit, decimals, plans (the one plan under
    ''), same period, the slots derived (slot → the cell they come from) and where."""

    words: str
    ten: str
    gia_tri: Decimal
    don_vi: str
    so_le: int | None
    plans: dict[str, Decimal]
    cung_ky: Decimal | None
    derived: dict[str, str]
    place: str


def _row(read: TableRead, shown: list[list[Shown | None]], columns: list[Column], r: int) -> _Row | None:
    """Item row `r` as a figure; None when it has no value or a base that cannot be derived."""
    value = shown[_find(columns, "gia_tri")][r]
    name_at = next(c for c, col in enumerate(columns) if col.key == "ten")
    label = read.written[r][name_at]
    if value is None or not isinstance(label, str) or not label:
        return None
    plans = {col.plan: s for c, col in enumerate(columns) if col.kind == "so" and col.plan and (s := shown[c][r])}
    slots = {key: shown[c][r] if (c := _find(columns, key)) >= 0 else None for key in ("ke_hoach", "cung_ky")}
    stated = {key: s.value for key, s in slots.items() if s is not None}
    derived: dict[str, str] = {}
    place = common.cell_place(read.place, read.rows_at[r], name_at + 1)
    for c, column in enumerate(columns):
        written, slot = shown[c][r], BASES.get(column.kind, "")
        if not slot or column.base >= 0 or written is None or slot in stated:
            continue
        base = _base(column.kind, value.value, written)
        if base is None:
            return None
        stated[slot], derived[slot] = base, f"{column.title}: {read.texts[r][c]}"
        place = common.cell_place(read.place, read.rows_at[r], c + 1)
    digits = {s.decimals for s in [value, *plans.values(), *slots.values()] if s is not None}
    unit = next((c for c, col in enumerate(columns) if col.key == "don_vi"), -1)
    return _Row(
        read.texts[r][name_at],
        label,
        value.value,
        read.texts[r][unit] if unit >= 0 else read.unit,
        (digits.pop() or None) if len(digits) == 1 else None,
        {key: s.value for key, s in plans.items()} or ({"": stated["ke_hoach"]} if "ke_hoach" in stated else {}),
        stated.get("cung_ky"),
        derived,
        place,
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
    named = [c for c, col in enumerate(columns) if col.key in ("ten", "don_vi")]  # printed from the figures
    if [[row[c] for c in named] for row in items] != [
        [norm(str(row[c])) for c in named] for row in read.written[: len(items)]
    ]:
        return False
    return not read.total or (total is not None and [total[c] for c in numbers] == [read.texts[-1][c] for c in numbers])


# ---- figures added, or shared with one read before -------------------------------------------------------


@dataclass
class _Ledger:
    """The figures one table adds or shares, to take back when the table does not print back."""

    book: FigureBook
    added: list[str] = field(default_factory=list)
    kept: dict[str, tuple[dict[str, Any], dict[str, str]]] = field(default_factory=dict)  # shared: as they were

    def figure(self, row: _Row) -> str:
        book = self.book
        taken = {*self.added, *self.kept}
        titled = [
            n for n, entry in book.entries.items() if n not in taken and _same_words(entry.get("ten", ""), row.words)
        ]
        shared = next((n for n in titled if _fits(book.figure(n), row)), None)
        if shared is not None:
            self.kept[shared] = copy.deepcopy((book.entries[shared], book.notes.get(shared, {})))
            book.entries[shared]["ten"] = row.ten  # what the table prints (no sentence prints it)
            if row.cung_ky is not None:
                _settle(book, shared, "cung_ky", row.cung_ky, row)
            for plan, value in row.plans.items():
                _settle(book, shared, f"ke_hoach.{plan}" if plan else "ke_hoach", value, row)
            return shared
        plans = row.plans.get("") if "" in row.plans else row.plans or None
        name = book.add(
            row.words,
            gia_tri=row.gia_tri,
            don_vi=row.don_vi,
            so_le=row.so_le,
            ten=row.ten,
            ke_hoach=plans,
            cung_ky=row.cung_ky,
            derived=row.derived,
            place=row.place,
        )
        if min(row.gia_tri, row.cung_ky or 0, *row.plans.values()) < 0:
            book.entries[name]["cho_phep_am"] = True  # a negative value, as the table shows it
        self.added.append(name)
        return name

    def undo(self) -> None:
        for name in self.added:
            self.book.forget(name)
        for name, (entry, notes) in self.kept.items():
            self.book.entries[name], self.book.notes[name] = entry, notes


def _fits(figure: Figure, row: _Row) -> bool:
    """The figure (titled with the row's words) is certainly the row's: the same value, unit and decimals, no plan
    or same period stated otherwise, the plan in the same form (one, or named)."""
    if (figure.gia_tri, figure.don_vi, figure.so_le, figure.kind) != (row.gia_tri, row.don_vi, row.so_le, ""):
        return False
    if row.cung_ky is not None and figure.cung_ky not in (None, row.cung_ky):
        return False
    single = None if figure.plans else figure.ke_hoach
    if not row.plans:
        return True
    if "" in row.plans:
        return not figure.plans and single in (None, row.plans[""])
    return single is None and all(figure.plans.get(key, value) == value for key, value in row.plans.items())


def _same_words(title: str, words: str) -> bool:
    """One's words, in order, are the other's or within them ('Chi ngân sách', 'Chi ngân sách xã')."""
    a, b = (re.findall(r"\w+", text.lower()) for text in (title, words))
    short, long = sorted((a, b), key=len)
    return bool(short) and any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _settle(book: FigureBook, name: str, slot: str, value: Decimal, row: _Row) -> None:
    """The row's `slot` on a shared figure: set where the figure has none (commented when the row derived it);
    where it is the same, the figure's 'derived' comment dropped unless the row derived it too."""
    entry = book.entries[name]
    plan = slot.removeprefix("ke_hoach.") if slot.startswith("ke_hoach.") else ""
    if plan and plan not in entry.setdefault("ke_hoach", {}):
        entry["ke_hoach"][plan] = yaml_number(value)
    elif not plan and slot not in entry:
        if slot in row.derived:
            book.derive(name, slot, value, row.derived[slot], row.place)
        else:
            entry[slot] = yaml_number(value)
    elif slot not in row.derived:
        book.notes.get(name, {}).pop(slot, None)
