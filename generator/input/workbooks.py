"""Figures from workbooks (`so_lieu_tu`): .xlsx, .ods and .csv sheets read into `SoLieu` figures.

A source names a file, a sheet and a layout:
- default: a header row of figure keys (`ten_so_lieu` for the name, then `ten`, `gia_tri`, `don_vi`,
  `ke_hoach`, ...: any key of `SoLieu`; `a.b` is key b of mapping a, e.g. `ke_hoach.nghi_quyet`; list
  keys such as `tong_cua` hold items separated by ';', or by ',' not before a digit), one figure a row. What
  `baocao figures -o x.xlsx` writes.
- `cot`: a department's own table, each figure key mapped to a column heading (or column letter).
- `o`: single cells, `{name: C5}` (its value) or `{name: {gia_tri: C5, ke_hoach: D5}}`.

Each figure is validated by the model like one written in YAML, and every value keeps its place:
`so-lieu.xlsx:Số liệu:C5` (errors.Location.cell). Numbers are the cached values Excel or LibreOffice
stored; a formula without one (a file written by a program and never opened) is refused, as is text
that is not a number (text that reads as a Vietnamese number, "1.539,72", is taken as in YAML).

merge_workbooks() puts them beside the YAML figures: a name in both is an error unless the YAML
figure says `ghi_de: true` (its keys then replace or complete the workbook's).
"""

from __future__ import annotations

import csv
import io
import re
import typing
import unicodedata
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, partial
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from baocao.errors import BaocaoError, Collector, Location, Problem, fail, suggest
from baocao.input.fields import check_key
from baocao.input.figure_model import NguonSoLieu, SoLieu
from baocao.input.load import XML_INVALID, SourceMap, read_text
from baocao.input.model import BaoCao, DonVi

NAME_KEY = "ten_so_lieu"  # the column holding the figure's name (the key under so_lieu in YAML)
#: Columns the export adds after the figure's own keys: computed, for reading only; ignored when read back.
COMPUTED_COLUMNS = ("ty_le_ke_hoach", "ty_le_cung_ky", "chenh_lech", "thanh_phan", "nguon")
SUFFIXES = (".xlsx", ".ods", ".csv")
MAX_ROWS = 5000  # rows of a sheet read (a figure a row: far more than any report holds)
MAX_COLUMNS = 100
MAX_BYTES = 20_000_000
_OVERRIDE = "ghi_de"
_ADDRESS = re.compile(r"^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$")
_LETTERS = re.compile(r"^[A-Za-z]{1,3}$")
#: Between the items of a list in a cell: ';', or ',' not before a digit (so "1,5; 2,25" and "1,5, 2,25" are two
#: decimal weights, "lua, ngo" two names).
_LIST_SEPARATOR = re.compile(r";|,(?!\d)")
_REOPEN = "Mở tệp bằng Excel hoặc LibreOffice rồi lưu lại (để có giá trị đã tính), hoặc ghi số thay cho công thức."

Path_ = tuple[str | int, ...]


@dataclass
class Sheet:
    """A sheet's values (cached values of formulas), rows and columns from 1, and where it is."""

    file: Path
    name: str  # "" for a .csv file
    rows: list[tuple[Any, ...]]
    formulas: Callable[[], set[tuple[int, int]]] = field(
        default=lambda: set()
    )  # cells holding formulas, read on demand
    delimiter: str = ","  # a .csv file's separator as read, to write it back the same way

    def value(self, row: int, column: int) -> Any:
        if row > len(self.rows) or column > len(self.rows[row - 1]):
            return None
        return self.rows[row - 1][column - 1]

    def at(self, row: int, column: int) -> Location:
        address = f"{column_letters(column)}{row}"
        return Location(self.file, cell=f"{self.name}:{address}" if self.name else address)


@dataclass
class Read:
    """Figures read from one source, in sheet order, with the place of every value."""

    figures: dict[str, SoLieu] = field(default_factory=dict)
    places: dict[str, dict[Path_, Location]] = field(default_factory=dict)  # name → key path → cell


def column_letters(number: int) -> str:
    """1 → 'A', 27 → 'AA'."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_number(letters: str) -> int:
    """'A' → 1, 'aa' → 27."""
    number = 0
    for char in letters.upper():
        number = number * 26 + ord(char) - 64
    return number


# ---- merging with the YAML figures ------------------------------------------------------------


def merge_workbooks(report: BaoCao, places: SourceMap, unit: DonVi, unit_map: SourceMap) -> BaoCao:
    """The report with the figures of its (and its profile's) workbooks among its own; `places` learns their cells.

    Raises the problems of every workbook and of the merging together (BaocaoError).
    """
    sources = [(s, unit_map, i) for i, s in enumerate(unit.so_lieu_tu)] + [
        (s, places, i) for i, s in enumerate(report.so_lieu_tu)
    ]
    if not sources:
        return report
    found = Collector()
    read = read_workbooks(sources, found)
    merged: dict[str, SoLieu] = {}
    for name, (figure, cells) in read.items():
        merged[name] = found.attempt(partial(_merged, name, figure, cells, report.so_lieu.get(name), places), figure)
    for name, spec in report.so_lieu.items():
        if spec.ghi_de and name not in read:
            found.add(
                fail(
                    places.where(("so_lieu", name, _OVERRIDE)),
                    f"Số liệu '{name}' ghi ghi_de nhưng không bảng tính nào có số liệu này.",
                    suggest(name, read, "Kiểm tra tên số liệu trong bảng tính, hoặc xóa dòng ghi_de."),
                ).problems
            )
        merged.setdefault(name, spec)
    found.check()
    return report.model_copy(update={"so_lieu": merged})


def read_workbooks(
    sources: list[tuple[NguonSoLieu, SourceMap, int]], found: Collector
) -> dict[str, tuple[SoLieu, dict[Path_, Location]]]:
    """The figures of every source (each with the YAML it is named in, and its index in so_lieu_tu), by name,
    with their cells; the problems of all the sources are kept in `found`."""
    figures: dict[str, tuple[SoLieu, dict[Path_, Location]]] = {}
    for source, where, i in sources:
        place = partial(_source_place, where, i)
        read = found.attempt(partial(read_source, source, _base(where), place), Read())
        for name, figure in read.figures.items():
            if name in figures:
                found.add(
                    [
                        Problem(
                            read.places[name][()],
                            f"Số liệu '{name}' có ở hai bảng tính.",
                            "Xóa một trong hai dòng, hoặc đổi tên.",
                        ),
                        Problem(figures[name][1][()], "Lần đầu ở đây."),
                    ]
                )
                continue
            figures[name] = (figure, read.places[name])
    return figures


def _source_place(places: SourceMap, index: int, path: Path_) -> Location:
    return places.where(("so_lieu_tu", index, *path))


def _base(places: SourceMap) -> Path:
    return places.file.parent if places.file else Path()


def _merged(name: str, figure: SoLieu, cells: dict[Path_, Location], own: SoLieu | None, places: SourceMap) -> SoLieu:
    """The workbook's figure, with the YAML figure's keys over it when it says ghi_de; cells recorded in `places`."""
    if own is not None and not own.ghi_de:
        raise BaocaoError(
            [
                Problem(
                    places.key(("so_lieu", name)),
                    f"Số liệu '{name}' đã có trong bảng tính, không khai báo lại ở đây.",
                    "Xóa số liệu này khỏi so_lieu, hoặc ghi thêm 'ghi_de: true' để các khóa ghi ở đây "
                    "thay cho bảng tính.",
                ),
                Problem(cells[()], f"Số liệu '{name}' trong bảng tính."),
            ]
        )
    stated = own.model_fields_set - {_OVERRIDE} if own else set()
    for path, cell in cells.items():
        if not path or path[0] not in stated:
            places.put(("so_lieu", name, *path), cell)
    return figure.model_copy(update={key: getattr(own, key) for key in stated}) if own else figure


# ---- one source ---------------------------------------------------------------------------------


def read_source(source: NguonSoLieu, base: Path, where: Callable[[Path_], Location]) -> Read:
    """The figures of one source; `where` gives the place of a key of the source's YAML (for its errors)."""
    sheet = read_sheet(base / source.tep, source.trang, where)
    reader = _CellReader(sheet, where)
    if source.o:
        reader.cells(source.o)
    else:
        reader.rows(source.dong_tieu_de, source.cot)
    reader.check_formulas()
    if reader.problems:
        raise BaocaoError(reader.problems)
    return reader.read


def read_sheet(path: Path, sheet: str, where: Callable[[Path_], Location]) -> Sheet:
    """The sheet named `sheet` (the first when empty) of a workbook, or the rows of a .csv file."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise fail(
            where(("tep",)),
            f"Không đọc được tệp '{path.name}': chỉ đọc bảng tính {', '.join(SUFFIXES)}.",
            "Lưu bảng tính dưới dạng Excel (.xlsx), LibreOffice (.ods) hoặc CSV UTF-8 (.csv).",
        )
    if not path.is_file():
        raise fail(
            where(("tep",)),
            f"Không tìm thấy tệp bảng tính '{path}'.",
            "Ghi đường dẫn tính từ thư mục của tệp YAML này.",
        )
    if path.stat().st_size > MAX_BYTES:
        raise fail(
            Location(path),
            f"Tệp bảng tính lớn quá {MAX_BYTES // 1_000_000} MB.",
            "Chỉ giữ trang tính số liệu trong tệp.",
        )
    if suffix == ".csv":
        if sheet:
            raise fail(where(("trang",)), "Tệp .csv chỉ có một trang, không ghi trang.", "Xóa dòng trang.")
        rows, delimiter = _csv_rows(path)
        return Sheet(path, "", rows, delimiter=delimiter)
    return _workbook_sheet(path, sheet, where)


def _csv_rows(path: Path) -> tuple[list[tuple[Any, ...]], str]:
    """A CSV file's cells (UTF-8, separated by ',' or ';' as Excel writes them where ',' is the decimal mark)
    and the separator."""
    text = read_text(path)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows = []
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        rows.append(tuple(row[:MAX_COLUMNS]))
        if len(rows) > MAX_ROWS:
            raise _too_long(path)
    return rows, delimiter


def _too_long(path: Path) -> BaocaoError:
    return fail(Location(path), f"Trang tính có hơn {MAX_ROWS} dòng.", "Chỉ giữ các dòng số liệu trong trang tính.")


def _workbook_sheet(path: Path, name: str, where: Callable[[Path_], Location]) -> Sheet:
    names = _sheet_names(path)
    chosen = _pick_sheet(names, name)
    if chosen is None:
        raise fail(
            where(("trang",)),
            f"Tệp '{path.name}' không có trang tính '{name}'.",
            "Các trang có: " + ", ".join(names) + ".",
        )
    if path.suffix.lower() == ".ods":
        return Sheet(path, chosen, _ods_rows(path, chosen))
    return Sheet(path, chosen, _xlsx_rows(path, chosen, formulas=False), lambda: _xlsx_formulas(path, chosen))


def _pick_sheet(names: list[str], wanted: str) -> str | None:
    if not wanted:
        return names[0] if names else None
    return next((n for n in names if _plain(n) == _plain(wanted)), None)


def _plain(text: str) -> str:
    """Text compared the way a clerk reads it: NFC, spacing and case ignored."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def _unreadable(path: Path) -> BaocaoError:
    return fail(
        Location(path),
        "Không đọc được tệp bảng tính (tệp hỏng hoặc không đúng định dạng).",
        "Mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dưới dạng .xlsx (hoặc .ods, .csv).",
    )


def _sheet_names(path: Path) -> list[str]:
    try:
        if path.suffix.lower() == ".ods":
            from python_calamine import CalamineWorkbook

            return list(CalamineWorkbook.from_path(str(path)).sheet_names)
        workbook = _open_xlsx(path, True)
        try:
            return list(workbook.sheetnames)
        finally:
            workbook.close()
    except BaocaoError:
        raise
    except Exception:  # noqa: BLE001 - a third-party parser given a broken file may raise anything
        raise _unreadable(path) from None


def _open_xlsx(path: Path, values: bool):
    import openpyxl

    with warnings.catch_warnings():  # extensions openpyxl does not read (data validation...) are not our concern
        warnings.simplefilter("ignore")
        return openpyxl.load_workbook(path, read_only=True, data_only=values)


def _xlsx_rows(path: Path, name: str, formulas: bool) -> list[tuple[Any, ...]]:
    """The cells of a sheet: cached values, or (formulas=True) what is written, formulas as '=...'."""
    try:
        workbook = _open_xlsx(path, not formulas)
        try:
            sheet = workbook[name]
            sheet.reset_dimensions()  # some programs store a wrong size
            rows = []
            for row in sheet.iter_rows(max_row=MAX_ROWS + 1, max_col=MAX_COLUMNS, values_only=True):
                rows.append(tuple(row))
        finally:
            workbook.close()
    except Exception:  # noqa: BLE001 - a third-party parser given a broken file may raise anything
        raise _unreadable(path) from None
    if len(rows) > MAX_ROWS:
        raise _too_long(path)
    return rows


@cache
def _cached_formulas(path: Path, name: str, _mtime: int) -> frozenset[tuple[int, int]]:
    rows = _xlsx_rows(path, name, formulas=True)
    return frozenset(
        (r, c)
        for r, row in enumerate(rows, 1)
        for c, value in enumerate(row, 1)
        if isinstance(value, str) and value.startswith("=")
    )


def _xlsx_formulas(path: Path, name: str) -> set[tuple[int, int]]:
    return set(_cached_formulas(path, name, path.stat().st_mtime_ns))


def _ods_rows(path: Path, name: str) -> list[tuple[Any, ...]]:
    from python_calamine import CalamineWorkbook

    try:
        rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python(skip_empty_area=False)
    except Exception:  # noqa: BLE001 - a third-party parser given a broken file may raise anything
        raise _unreadable(path) from None
    if len(rows) > MAX_ROWS:
        raise _too_long(path)
    return [tuple(row[:MAX_COLUMNS]) for row in rows]


# ---- cells to figures -----------------------------------------------------------------------------


@cache
def _figure_keys() -> dict[str, bool]:
    """Every key of a figure → whether it holds a list (written comma-separated in a cell)."""
    hints = typing.get_type_hints(SoLieu)
    return {name: typing.get_origin(hints[name]) is list for name in SoLieu.model_fields if name != _OVERRIDE}


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
    reader = _CellReader(sheet, where)
    header = source.dong_tieu_de
    columns = reader._mapped(header, source.cot) if source.cot else reader._headings(header)
    if reader.problems:
        raise BaocaoError(reader.problems)
    return columns


class _CellReader:
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
                    f"Không có cột '{NAME_KEY}' (tên số liệu, như trong so_lieu) ở dòng tiêu đề {header}.",
                    f"Thêm cột có tiêu đề {NAME_KEY}"
                    + (f", hoặc ghi cot: {{{NAME_KEY}: <tiêu đề cột tên>}}." if mapping else "."),
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
            keys = {"gia_tri": spec} if isinstance(spec, str) else spec
            values: dict[Path_, tuple[Any, tuple[int, int]]] = {}
            for key, address in keys.items():
                here = ("o", name) if isinstance(spec, str) else ("o", name, key)
                path, cell = key_path(key), cell_address(address)
                if path is None or path == (NAME_KEY,):
                    self.problems.append(
                        Problem(
                            self.where(here), f"'{key}' không phải là khóa của số liệu.", suggest(key, _figure_keys())
                        )
                    )
                elif cell is None:
                    self.problems.append(
                        Problem(
                            self.where(here),
                            f"'{address}' không phải là địa chỉ ô.",
                            "Ghi địa chỉ ô như C5 (cột C, dòng 5).",
                        )
                    )
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
            elif str(heading).strip().lower().split(".")[0] not in COMPUTED_COLUMNS:
                self.problems.append(
                    Problem(
                        self.sheet.at(header, column),
                        f"Tiêu đề cột '{heading}' không phải là khóa của số liệu.",
                        suggest(
                            str(heading),
                            [NAME_KEY, *_figure_keys()],
                            "Sửa tiêu đề, hoặc dùng cot: để chọn cột theo tiêu đề của bạn.",
                        ),
                    )
                )
        return columns

    def _mapped(self, header: int, mapping: dict[str, str]) -> dict[int, Path_]:
        """`cot`: figure key → a column's heading in the header row, or its letter."""
        headings = {_plain(str(v)): c for c, v in enumerate(self._header(header), 1) if not _blank(v)}
        columns = {}
        for key, heading in mapping.items():
            path = key_path(key)
            if path is None:
                self.problems.append(
                    Problem(
                        self.where(("cot", key)),
                        f"'{key}' không phải là khóa của số liệu.",
                        suggest(key, [NAME_KEY, *_figure_keys()]),
                    )
                )
                continue
            column = headings.get(_plain(heading)) or (
                column_number(heading) if _LETTERS.match(heading.strip()) else None
            )
            if column is None:
                shown = ", ".join(f"'{self.sheet.value(header, c)}'" for c in headings.values())
                self.problems.append(
                    Problem(
                        self.where(("cot", key)),
                        f"Dòng tiêu đề {header} của trang '{self.sheet.name or self.sheet.file.name}' không "
                        f"có cột '{heading}'.",
                        f"Các cột có: {shown}." if shown else "Kiểm tra dong_tieu_de (dòng có tiêu đề cột).",
                    )
                )
                continue
            columns[column] = path
        return columns

    # -- one figure --

    def _figure(self, name: Any, where: Location, values: dict[Path_, tuple[Any, tuple[int, int]]]) -> None:
        name = _text(name) if isinstance(name, str) else name
        if _blank(name) or not isinstance(name, str):
            self.problems.append(
                Problem(
                    where,
                    "Dòng có số liệu nhưng chưa có tên số liệu.",
                    "Ghi tên không dấu, ví dụ lua_xuan, như khóa trong so_lieu.",
                )
            )
            return
        try:
            check_key(name)
        except ValueError as exc:
            self.problems.append(Problem(where, str(exc)))
            return
        if name in self.read.figures:
            self.problems.append(
                Problem(
                    where,
                    f"Số liệu '{name}' có hai lần trong trang tính (lần đầu ở {self.read.places[name][()].cell}).",
                    "Xóa một trong hai dòng, hoặc đổi tên.",
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
                self.problems.append(
                    Problem(
                        where,
                        "Ô có ký tự điều khiển không được phép trong văn bản.",
                        "Xóa ký tự này (thường do sao chép).",
                    )
                )
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
            self.problems.append(
                Problem(self.sheet.at(row, column), "Ô có công thức nhưng chưa có giá trị đã tính.", _REOPEN)
            )


def _put(data: dict[str, Any], path: Path_, value: Any) -> None:
    for key in path[:-1]:
        data = data.setdefault(str(key), {})
    data[str(path[-1])] = value


def _blank(value: Any) -> bool:
    return value is None or isinstance(value, str) and not value.strip()


def _text(value: str) -> str:
    return unicodedata.normalize("NFC", value).strip()


def cell_address(text: str) -> tuple[int, int] | None:
    """'C5' → (5, 3): row and column, or None when it is not a cell address within reach."""
    match = _ADDRESS.match(text.strip())
    if not match:
        return None
    row, column = int(match.group(2)), column_number(match.group(1))
    return (row, column) if row <= MAX_ROWS and column <= MAX_COLUMNS else None
