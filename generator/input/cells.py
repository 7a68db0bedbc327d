"""Cells to figures: a sheet's rows (a header of figure keys, or a department's table mapped by `cot`) or
single cells (`o`) read into `SoLieu` figures, each value validated by the model and kept with its cell."""

from __future__ import annotations

import re
import typing
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any

from pydantic import ValidationError

from baocao.errors import BaocaoError, Location, Problem, suggest
from baocao.input.fields import KEY
from baocao.input.figure_model import NguonSoLieu, SoLieu
from baocao.input.load import XML_INVALID, SourceMap
from baocao.input.sheets import LETTERS, Path_, Sheet, cell_address, column_number, plain
from baocao.messages import workbooks as msg
from baocao.messages.input import COPIED_HINT

NAME_KEY = "ten_so_lieu"  # the column holding the figure's name (the key under so_lieu in YAML)
#: Columns the export adds after the figure's own keys: computed, for reading only; ignored when read back.
COMPUTED_COLUMNS = ("ty_le_ke_hoach", "ty_le_cung_ky", "chenh_lech", "thanh_phan", "nguon")
OVERRIDE = "ghi_de"
#: Between the items of a list in a cell: ';', or ',' not before a digit (so "1,5; 2,25" and "1,5, 2,25" are two
#: decimal weights, "lua, ngo" two names).
_LIST_SEPARATOR = re.compile(r";|,(?!\d)")


@dataclass
class Read:
    """Figures read from one source, in sheet order, with the place of every value."""

    figures: dict[str, SoLieu] = field(default_factory=dict)
    places: dict[str, dict[Path_, Location]] = field(default_factory=dict)  # name → key path → cell


@cache
def _figure_keys() -> dict[str, bool]:
    """Every key of a figure → whether it holds a list (written comma-separated in a cell)."""
    hints = typing.get_type_hints(SoLieu)
    return {name: typing.get_origin(hints[name]) is list for name in SoLieu.model_fields if name != OVERRIDE}


def key_path(heading: Any) -> Path_ | None:
    """The figure key a column heading names ('gia_tri', 'ke_hoach.nghi_quyet', 'ten_so_lieu'), or None."""
    if not isinstance(heading, str):
        return None
    parts = tuple(part.strip() for part in heading.strip().lower().split("."))
    if parts == (NAME_KEY,) or parts[0] in _figure_keys() and all(parts):
        return parts
    return None


def row_columns(sheet: Sheet, source: NguonSoLieu, where: Callable[[Path_], Location]) -> dict[int, Path_]:
    """The columns of a row layout (default or `cot`) and the figure key each holds; BaocaoError if one is amiss."""
    reader = CellReader(sheet, where)
    header = source.dong_tieu_de
    columns = reader._mapped(header, source.cot) if source.cot else reader._headings(header)
    if reader.problems:
        raise BaocaoError(reader.problems)
    return columns


# A figure's cells, by figure name: key path → (row, column).
Cells = dict[str, dict[Path_, tuple[int, int]]]


def address_keys(spec: str | dict[str, str]) -> dict[str, str]:
    """The cells an `o` entry names, by figure key: a lone address is the value's (gia_tri)."""
    return {"gia_tri": spec} if isinstance(spec, str) else spec


def figure_cells(sheet: Sheet, source: NguonSoLieu, where: Callable[[Path_], Location]) -> Cells:
    """Where each figure's keys are in a source that reads without problems: the cells `o` names, or in a row
    layout each named row's cell under each key's column (the name under (NAME_KEY,)), and in the default
    layout the export's computed columns (COMPUTED_COLUMNS) under ("", column)."""
    if source.o:
        return {
            name: {
                path: cell
                for key, address in address_keys(spec).items()
                if (path := key_path(key)) is not None and (cell := cell_address(address)) is not None
            }
            for name, spec in source.o.items()
        }
    columns = row_columns(sheet, source, where)
    names = [c for c, path in columns.items() if path == (NAME_KEY,)]
    found: Cells = {}
    for row in range(source.dong_tieu_de + 1, len(sheet.rows) + 1):
        label = sheet.value(row, names[0]) if names else None
        if isinstance(label, str) and label.strip():
            found[label.strip()] = {path: (row, column) for column, path in columns.items()}
    if source.cot:
        return found
    header = sheet.rows[source.dong_tieu_de - 1] if len(sheet.rows) >= source.dong_tieu_de else ()
    computed = [c for c, heading in enumerate(header, 1) if _computed(heading)]
    for cells in found.values():
        cells |= {("", str(c)): (cells[(NAME_KEY,)][0], c) for c in computed}
    return found


class CellReader:
    """Reads a sheet's figures, collecting every problem (each at its cell)."""

    def __init__(self, sheet: Sheet, where: Callable[[Path_], Location]):
        self.sheet, self.where = sheet, where
        self.read = Read()
        self.problems: list[Problem] = []
        self.empty: list[tuple[int, int]] = []  # cells read that hold nothing (a formula without a cached value?)

    # -- layouts --

    def rows(self, header: int, mapping: dict[str, str]) -> None:
        columns = self._mapped(header, mapping) if mapping else self._headings(header)
        if self.problems:
            return
        name_column = next((c for c, path in columns.items() if path == (NAME_KEY,)), None)
        if name_column is None:
            self.problems.append(
                Problem(
                    self.where(("cot",)) if mapping else self.sheet.at(header, 1),
                    msg.no_name_column(NAME_KEY, header),
                    msg.add_or_map_name_column(NAME_KEY) if mapping else msg.add_name_column(NAME_KEY),
                )
            )
            return
        for row in range(header + 1, len(self.sheet.rows) + 1):
            cells = {path: column for column, path in columns.items()}
            values = {path: self.sheet.value(row, column) for path, column in cells.items()}
            if all(_blank(v) for v in values.values()):
                continue
            name = values.pop((NAME_KEY,))
            del cells[(NAME_KEY,)]
            self._figure(name, self.sheet.at(row, name_column), {p: (v, (row, cells[p])) for p, v in values.items()})

    def cells(self, addresses: dict[str, str | dict[str, str]]) -> None:
        for name, spec in addresses.items():
            keys = address_keys(spec)
            values: dict[Path_, tuple[Any, tuple[int, int]]] = {}
            for key, address in keys.items():
                here = ("o", name) if isinstance(spec, str) else ("o", name, key)
                path, cell = key_path(key), cell_address(address)
                if path is None or path == (NAME_KEY,):
                    self.problems.append(
                        Problem(self.where(here), msg.not_a_figure_key(key), suggest(key, _figure_keys()))
                    )
                elif cell is None:
                    self.problems.append(Problem(self.where(here), msg.not_a_cell(address), msg.CELL_ADDRESS_HINT))
                else:
                    values[path] = (self.sheet.value(*cell), cell)
            if values:
                first = next(iter(values.values()))[1]
                self._figure(name, self.sheet.at(*first), values)

    # -- headings --

    def _header(self, row: int) -> tuple[Any, ...]:
        return self.sheet.rows[row - 1] if row <= len(self.sheet.rows) else ()

    def _headings(self, header: int) -> dict[int, Path_]:
        """Default layout: each heading names a figure key; the export's computed columns are skipped."""
        columns = {}
        for column, heading in enumerate(self._header(header), 1):
            if _blank(heading):
                continue
            path = key_path(heading)
            if path is not None:
                columns[column] = path
            elif not _computed(heading):
                self.problems.append(
                    Problem(
                        self.sheet.at(header, column),
                        msg.heading_not_a_key(str(heading)),
                        suggest(str(heading), [NAME_KEY, *_figure_keys()], msg.HEADING_HINT),
                    )
                )
        return columns

    def _mapped(self, header: int, mapping: dict[str, str]) -> dict[int, Path_]:
        """`cot`: figure key → a column's heading in the header row, or its letter."""
        headings = {plain(str(v)): c for c, v in enumerate(self._header(header), 1) if not _blank(v)}
        columns = {}
        for key, heading in mapping.items():
            path = key_path(key)
            if path is None:
                self.problems.append(
                    Problem(
                        self.where(("cot", key)),
                        msg.not_a_figure_key(key),
                        suggest(key, [NAME_KEY, *_figure_keys()]),
                    )
                )
                continue
            column = headings.get(plain(heading)) or (
                column_number(heading) if LETTERS.match(heading.strip()) else None
            )
            if column is None:
                shown = ", ".join(f"'{self.sheet.value(header, c)}'" for c in headings.values())
                self.problems.append(
                    Problem(
                        self.where(("cot", key)),
                        msg.no_such_column(header, self.sheet.name or self.sheet.file.name, heading),
                        msg.columns_present(shown) if shown else msg.HEADER_ROW_HINT,
                    )
                )
                continue
            columns[column] = path
        return columns

    # -- one figure --

    def _figure(self, name: Any, where: Location, values: dict[Path_, tuple[Any, tuple[int, int]]]) -> None:
        name = _text(name) if isinstance(name, str) else name
        if _blank(name) or not isinstance(name, str):
            self.problems.append(Problem(where, msg.ROW_WITHOUT_NAME, msg.ROW_WITHOUT_NAME_HINT))
            return
        if not KEY.match(name):
            self.problems.append(Problem(where, msg.bad_key_name(name)))
            return
        if name in self.read.figures:
            self.problems.append(
                Problem(
                    where,
                    msg.figure_twice_in_sheet(name, self.read.places[name][()].cell),
                    msg.TWO_ROWS_HINT,
                )
            )
            return
        data: dict[str, Any] = {}
        places = SourceMap(self.sheet.file)
        cells: dict[Path_, Location] = {(): where}
        for path, (value, cell) in values.items():
            value = self._value(path, value, self.sheet.at(*cell))
            if value is None:
                self.empty.append(cell)
                continue
            _put(data, path, value)
            cells[path] = self.sheet.at(*cell)
            places.put(path, cells[path])
        places.put((), where)
        try:
            figure = SoLieu.model_validate(data)
        except ValidationError as exc:
            from baocao.input.validate import (
                model_problems,  # validate reads workbooks: imported when used
            )

            self.problems.extend(model_problems(exc, data, places))
            return
        self.read.figures[name] = figure
        self.read.places[name] = cells

    def _value(self, path: Path_, value: Any, where: Location) -> Any:
        """A cell's value as the model takes it: numbers exact, text NFC, lists split (_LIST_SEPARATOR)."""
        if isinstance(value, float):
            value = int(value) if value.is_integer() else Decimal(repr(value))
        if isinstance(value, str):
            value = _text(value)
            if XML_INVALID.search(value):
                self.problems.append(Problem(where, msg.CONTROL_CHARACTER_IN_CELL, COPIED_HINT))
                return None
            if not value:
                return None
            if len(path) == 1 and _figure_keys().get(str(path[0])):
                return [part.strip() for part in _LIST_SEPARATOR.split(value) if part.strip()]
        return value

    def check_formulas(self) -> None:
        """Empty cells read that hold a formula: the file was never calculated (written by a program, not opened)."""
        if not self.empty:
            return
        for row, column in sorted(set(self.empty) & self.sheet.formulas()):
            self.problems.append(Problem(self.sheet.at(row, column), msg.FORMULA_WITHOUT_VALUE, msg.REOPEN_HINT))


def _put(data: dict[str, Any], path: Path_, value: Any) -> None:
    for key in path[:-1]:
        data = data.setdefault(str(key), {})
    data[str(path[-1])] = value


def _computed(heading: Any) -> bool:
    """Whether a column heading is one of the export's computed columns ('ty_le_ke_hoach.tinh_giao' too)."""
    return str(heading).strip().lower().split(".")[0] in COMPUTED_COLUMNS


def _blank(value: Any) -> bool:
    return value is None or isinstance(value, str) and not value.strip()


def _text(value: str) -> str:
    return unicodedata.normalize("NFC", value).strip()
