"""Reading a sheet: the values of one sheet of a workbook (.xlsx through openpyxl with the cached values of
formulas, .ods through python-calamine) or of a .csv file, within size limits, with cell addresses."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from baocao.errors import BaocaoError, Location, fail
from baocao.input.load import read_text
from baocao.messages import workbooks as msg

SUFFIXES = (".xlsx", ".ods", ".csv")
MAX_ROWS = 5000  # rows of a sheet read (a figure a row: far more than any report holds)
MAX_COLUMNS = 100
MAX_BYTES = 20_000_000
_ADDRESS = re.compile(r"^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$")
LETTERS = re.compile(r"^[A-Za-z]{1,3}$")

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


def read_sheet(path: Path, sheet: str, where: Callable[[Path_], Location]) -> Sheet:
    """The sheet named `sheet` (the first when empty) of a workbook, or the rows of a .csv file."""
    suffix = path.suffix.lower()
    if path.is_dir():
        raise fail(where(("tep",)), msg.workbook_is_folder(str(path)), msg.WORKBOOK_IS_FOLDER_HINT)
    if suffix not in SUFFIXES:
        raise fail(
            where(("tep",)),
            msg.not_a_workbook(path.name, ", ".join(SUFFIXES)),
            msg.NOT_A_WORKBOOK_HINT,
        )
    if not path.is_file():
        raise fail(where(("tep",)), msg.workbook_missing(str(path)), msg.WORKBOOK_PATH_HINT)
    if path.stat().st_size > MAX_BYTES:
        raise fail(Location(path), msg.workbook_too_big(MAX_BYTES // 1_000_000), msg.WORKBOOK_TOO_BIG_HINT)
    if suffix == ".csv":
        if sheet:
            raise fail(where(("trang",)), msg.CSV_ONE_SHEET, msg.CSV_ONE_SHEET_HINT)
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
    return fail(Location(path), msg.sheet_too_long(MAX_ROWS), msg.SHEET_TOO_LONG_HINT)


def _workbook_sheet(path: Path, name: str, where: Callable[[Path_], Location]) -> Sheet:
    names = _sheet_names(path)
    chosen = _pick_sheet(names, name)
    if chosen is None:
        raise fail(where(("trang",)), msg.no_such_sheet(path.name, name), msg.sheets_present(", ".join(names)))
    if path.suffix.lower() == ".ods":
        return Sheet(path, chosen, _ods_rows(path, chosen))
    return Sheet(path, chosen, _xlsx_rows(path, chosen, formulas=False), lambda: _xlsx_formulas(path, chosen))


def _pick_sheet(names: list[str], wanted: str) -> str | None:
    if not wanted:
        return names[0] if names else None
    return next((n for n in names if plain(n) == plain(wanted)), None)


def plain(text: str) -> str:
    """Text compared the way a clerk reads it: NFC, spacing and case ignored."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def _unreadable(path: Path) -> BaocaoError:
    return fail(Location(path), msg.UNREADABLE_WORKBOOK, msg.UNREADABLE_WORKBOOK_HINT)


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


def cell_address(text: str) -> tuple[int, int] | None:
    """'C5' → (5, 3): row and column, or None when it is not a cell address within reach."""
    match = _ADDRESS.match(text.strip())
    if not match:
        return None
    row, column = int(match.group(2)), column_number(match.group(1))
    return (row, column) if row <= MAX_ROWS and column <= MAX_COLUMNS else None
