"""`baocao next` for the report's workbooks (`so_lieu_tu`): each copied for the new period, its values to fill.

The rule is the YAML figures' (next_period.py): the value becomes the same period's (`cung_ky`) when the
new period is the same period a year later, the value is emptied, and so are the plans in a new year; a
computed figure (tong_cua, trung_binh_cua, ty_le_cua, tong_tu) loses its stated values, computed again
from its parts; the export's computed columns (ty_le_ke_hoach...) are emptied. A cell holding a formula
is kept (the program that opens the file computes it). The copy is named for the new period (the old
period's name in the file name replaced, else added) beside the old workbook; .xlsx and .csv are
rolled, an .ods file is copied unchanged (its values to update by hand). Each emptied value is told
with its cell, as the YAML values to fill are.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from baocao.errors import Location, Problem
from baocao.input.cells import Cells, figure_cells
from baocao.input.figure_model import COMPUTED_KEYS
from baocao.input.load import SourceMap
from baocao.input.model import BaoCao
from baocao.input.period import Period
from baocao.input.sheets import Sheet, read_sheet
from baocao.messages import input as msg
from baocao.write import write_atomic


@dataclass
class Rolled:
    """The workbooks written for the new period (old `tep` → new `tep`) and the values left to fill."""

    paths: dict[int, Path] = field(default_factory=dict)  # index in so_lieu_tu → the new file
    files: dict[Path, bytes] = field(default_factory=dict)
    to_fill: list[Problem] = field(default_factory=list)


def roll_workbooks(report: BaoCao, places: SourceMap, old: Period, new: Period) -> Rolled:
    """The report's workbooks for period `new` (nothing written: see Rolled.files)."""
    rolled = Rolled()
    base = places.file.parent if places.file else Path()
    for i, source in enumerate(report.so_lieu_tu):
        path = base / source.tep
        target = path.with_name(_new_name(path, old, new))
        rolled.paths[i] = target
        sheet = read_sheet(path, source.trang, lambda key, i=i: places.where(("so_lieu_tu", i, *key)))  # type: ignore[misc]
        cells = figure_cells(sheet, source, lambda key, i=i: places.where(("so_lieu_tu", i, *key)))  # type: ignore[misc]
        if path.suffix.lower() == ".ods":
            rolled.files[target] = path.read_bytes()
            rolled.to_fill.append(Problem(Location(target), msg.ODS_COPIED))
            continue
        changes = _changes(sheet, cells, old, new)
        rolled.files[target] = _written(path, sheet, changes)
        shown = Sheet(target, sheet.name, sheet.rows)
        rolled.to_fill += [
            Problem(shown.at(*cell), msg.cell_to_fill(key, name), msg.FILL_CELL)
            for cell, (value, name, key) in sorted(changes.items())
            if value is None and key
        ]
    return rolled


def _new_name(path: Path, old: Period, new: Period) -> str:
    """'so-lieu-6-thang-dau-nam-2026.xlsx' → '...-2027.xlsx'; 'so-lieu.xlsx' → 'so-lieu-6-thang-dau-nam-2027.xlsx'."""
    if old.slug in path.stem:
        return path.stem.replace(old.slug, new.slug) + path.suffix
    return f"{path.stem}-{new.slug}{path.suffix}"


Change = tuple[Any, str, str]  # a cell's new value (None: emptied), the figure, the key told to fill ('' none)


def _changes(sheet: Sheet, cells: Cells, old: Period, new: Period) -> dict[tuple[int, int], Change]:
    """The cells to change, as next_period does the YAML's values; a cell holding a formula is kept."""
    formulas = sheet.formulas()
    same_next_year = new == Period(old.kind, old.year + 1, old.number)
    changes: dict[tuple[int, int], Change] = {}
    moved: dict[tuple[int, int], Change] = {}
    for name, keys in cells.items():
        computed = any(sheet.value(*keys[(k,)]) not in (None, "") for k in COMPUTED_KEYS if (k,) in keys)
        for path, cell in keys.items():
            head, value = str(path[0]), sheet.value(*cell)
            if cell in formulas or value in (None, ""):
                continue
            told = "" if computed else ".".join(map(str, path))
            if head == "" or computed and head in ("gia_tri", "cung_ky"):
                changes[cell] = (None, name, "")
            elif head == "gia_tri":
                changes[cell] = (None, name, told)
                if same_next_year and ("cung_ky",) in keys and keys[("cung_ky",)] not in formulas:
                    moved[keys[("cung_ky",)]] = (value, name, "")
            elif head == "ke_hoach" and new.year != old.year or head == "cung_ky" and not same_next_year:
                changes[cell] = (None, name, told)
    return changes | moved


def _written(path: Path, sheet: Sheet, changes: dict[tuple[int, int], Change]) -> bytes:
    """The workbook's bytes with `changes` made (an .xlsx keeps its formulas, styles and other sheets)."""
    if path.suffix.lower() == ".csv":
        width = max((len(row) for row in sheet.rows), default=0)
        rows = [[*row, *[""] * (width - len(row))] for row in sheet.rows]
        for (row, column), (value, _, _) in changes.items():
            rows[row - 1][column - 1] = "" if value is None else value
        text = io.StringIO()
        csv.writer(text, delimiter=sheet.delimiter, lineterminator="\n").writerows(rows)
        return text.getvalue().encode("utf-8-sig")
    import openpyxl

    book = openpyxl.load_workbook(path)
    target = book[sheet.name]
    for (row, column), (value, _, _) in changes.items():
        target.cell(row, column).value = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def point_to_rolled(data: Any, rolled: Rolled, report: Path) -> None:
    """`so_lieu_tu` of the new report's YAML (round-trip data) naming the new workbooks, from its folder `report`."""
    names = {i: Path(os.path.relpath(path, report.parent)).as_posix() for i, path in rolled.paths.items()}
    value = data.get("so_lieu_tu")
    items = value if isinstance(value, list) else [value]
    for i, item in enumerate(items):
        if i not in names:
            continue
        if isinstance(item, dict):
            item["tep"] = names[i]
        elif isinstance(value, list):
            value[i] = names[i]
        else:
            data["so_lieu_tu"] = names[i]


def existing(rolled: Rolled) -> list[Problem]:
    """A new workbook that would overwrite a file."""
    return [
        Problem(Location(target), msg.NEXT_WORKBOOK_EXISTS, msg.REMOVE_OLD_HINT)
        for target in rolled.files
        if target.exists()
    ]


def write_rolled(rolled: Rolled) -> None:
    """Write the new workbooks."""
    for target, data in rolled.files.items():
        write_atomic(target, data)
