"""Figure files (`baocao figures`, `build --so-lieu`): a report's figures as a workbook or as JSON.

The workbook's first sheet ("Số liệu") is the default layout of `so_lieu_tu`: a header row of figure keys,
one figure a row, then the computed columns (cells.COMPUTED_COLUMNS) that reading skips; its second
sheet ("Thông tin") holds the report's identity, a key a row. The JSON is a `TepSoLieu`
(figures/export.py; schema/so-lieu.schema.json).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from baocao.conventions.formatting import format_number
from baocao.conventions.sheets import FIGURES_SHEET
from baocao.figures.export import CORE_KEYS, FORMAT_VERSION, figure_records, identity, plain_number
from baocao.input.cells import NAME_KEY
from baocao.input.figure_files import IDENTITY_SHEET
from baocao.input.figure_model import SoLieu
from baocao.messages import writers as msg

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from baocao.compose.report import Composed
    from baocao.errors import Problem
    from baocao.input.validate import Sources, Unvalidated

IDENTITY_HEADER = ("khoa", "gia_tri")
_PLAN, _RATIO = "ke_hoach", "ty_le_ke_hoach"
_COMPUTED = ("ty_le_cung_ky", "chenh_lech", "thanh_phan", "nguon")


def file_data(composed: Composed, sources: Sources) -> dict[str, Any]:
    """The figure file's content: version, the report's identity, the figures by name."""
    frame = composed.document.frame
    subject = frame.trich_yeu if frame else sources.report.trich_yeu
    return {
        "phien_ban": FORMAT_VERSION,
        "bao_cao": identity(sources, subject),
        "so_lieu": figure_records(sources, composed.figures),
    }


def figure_file_bytes(composed: Composed, sources: Sources, names: Iterable[str]) -> dict[str, bytes]:
    """The figure files of one report by writer name (json, xlsx), its figure records made once for all."""
    data = file_data(composed, sources)
    return {name: _WRITERS[name].encode(data) for name in names}


class _FigureWriter:
    """A figure file reads nothing besides the report (no template); `encode` writes file_data's content."""

    def write(self, composed: Composed, sources: Sources, templates: Path | None = None) -> bytes:
        return self.encode(file_data(composed, sources))

    def encode(self, data: dict[str, Any]) -> bytes:
        raise NotImplementedError

    def early_problems(self, inputs: Sources | Unvalidated, templates: Path | None = None) -> list[Problem]:
        return []


class JsonWriter(_FigureWriter):
    name, suffix = "json", ".json"

    def encode(self, data: dict[str, Any]) -> bytes:
        text = json.dumps(data, ensure_ascii=False, indent=2, default=_json_number)
        return (text + "\n").encode("utf-8")


class XlsxWriter(_FigureWriter):
    name, suffix = "xlsx", ".xlsx"

    def encode(self, data: dict[str, Any]) -> bytes:
        rows = [_row(name, record) for name, record in data["so_lieu"].items()]
        header = _columns(rows)
        about = [[key, value] for key, value in _flat(data["bao_cao"]).items()] + [["phien_ban", FORMAT_VERSION]]
        return _workbook(
            (FIGURES_SHEET, header, [[row.get(column) for column in header] for row in rows]),
            (IDENTITY_SHEET, list(IDENTITY_HEADER), about),
        )


#: The columns of a starter workbook (`init --bang-tinh`): what most figures need.
STARTER_COLUMNS = (NAME_KEY, *CORE_KEYS, "so_le", "tong_cua")


def starter_workbook() -> bytes:
    """An empty figures sheet in the default layout, each heading explained in a cell note (for `init`)."""
    return _workbook((FIGURES_SHEET, list(STARTER_COLUMNS), []), notes=True)


def _workbook(*sheets: tuple[str, list[str], list[list[Any]]], notes: bool = False) -> bytes:
    """A workbook of (title, header, rows) sheets: bold header, frozen first row and column, fitting widths;
    with `notes`, each heading's meaning (the model's description) in a cell note."""
    import openpyxl
    from openpyxl.comments import Comment
    from openpyxl.styles import Font

    from baocao.writers.xlsx import xlsx_bytes

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, header, rows in sheets:
        sheet = book.create_sheet(title)
        sheet.append(header)
        for row in rows:
            sheet.append([_cell(value) for value in row])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            if notes:
                cell.comment = Comment(_meaning(str(cell.value)), "baocao", width=300, height=120)
        sheet.freeze_panes = "B2"
        for letters, width in _widths(sheet).items():
            sheet.column_dimensions[letters].width = width
    return xlsx_bytes(book)


def _meaning(column: str) -> str:
    if column == NAME_KEY:
        return msg.NAME_COLUMN_NOTE
    return SoLieu.model_fields[column].description or column


def _row(name: str, record: dict[str, Any]) -> dict[str, Any]:
    """A record as a row of the default layout: 'a.b' columns for mappings, parts and lists as text."""
    row: dict[str, Any] = {NAME_KEY: name}
    for key, value in record.items():
        if key == "ty_le_theo_ke_hoach":
            row |= {f"{_RATIO}.{plan}": ratio for plan, ratio in value.items()}
        elif key == "chi_tiet":
            continue
        elif key == "thanh_phan" and record["chi_tiet"]:
            row[key] = "; ".join(f"{part['don_vi']}: {_text(part['gia_tri'])}" for part in record["chi_tiet"])
        elif isinstance(value, dict):
            row |= {f"{key}.{inner}": item for inner, item in value.items()}
        elif isinstance(value, list):
            row[key] = "; ".join(_text(item) for item in value)  # ';': a decimal weight holds a ','

        else:
            row[key] = value
    return row


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    """The header: the name, the core keys, the other keys in the model's order, then the computed columns."""
    used = dict.fromkeys(column for row in rows for column in row)
    order = [NAME_KEY, *CORE_KEYS, *SoLieu.model_fields, _RATIO, *_COMPUTED]

    def rank(column: str) -> tuple[int, bool]:  # a named plan's ratio after the default plan's
        head = column.split(".")[0]
        return order.index(head), head == _RATIO and head != column

    return sorted({**dict.fromkeys([NAME_KEY, *CORE_KEYS]), **used}, key=rank)


def _flat(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            flat |= _flat(value, f"{prefix}{key}.")
        else:
            flat[prefix + key] = value
    return flat


def _cell(value: Any) -> Any:
    if isinstance(value, Decimal):
        return plain_number(value)
    return "" if value is None else value


def _text(value: Any) -> str:
    if isinstance(value, Decimal):
        return format_number(value)
    return "" if value is None else str(value)


def _json_number(value: Any) -> Any:
    """Decimals (at any depth) as JSON numbers."""
    if isinstance(value, Decimal):
        return plain_number(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _widths(sheet: Any) -> dict[str, float]:
    """Columns wide enough for their text (within reason)."""
    widths: dict[str, float] = {}
    for column in sheet.iter_cols():
        longest = max((len(str(cell.value)) for cell in column if cell.value is not None), default=8)
        widths[column[0].column_letter] = min(max(longest + 2, 8), 60)
    return widths


JSON_WRITER, XLSX_WRITER = JsonWriter(), XlsxWriter()
_WRITERS: dict[str, _FigureWriter] = {JSON_WRITER.name: JSON_WRITER, XLSX_WRITER.name: XLSX_WRITER}
