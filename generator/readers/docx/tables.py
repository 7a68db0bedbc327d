"""A Word table read back as a `bang`: header (one row, or two with grouped columns), rows as text cells.

Cells are kept as the text they show (numbers too), so the table builds back exactly; a first column
"TT"/"STT" numbered 1, 2, 3… becomes a numbered column (kieu: stt), a row spanning the table (or "I"
plus one cell spanning the rest) a group (nhom). Merged cells in the rows cannot be said in the YAML:
their text goes to the first cell and the import notes the place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from baocao.readers.docx.content import Cell, Para, Table
from baocao.readers.docx.summary import Summary
from baocao.readers.docx.text import norm, slug, unique

_NUMBER_HEADER = re.compile(r"^(S\.?\s*)?T\.?\s*T\.?$|^Số\s+TT$", re.IGNORECASE)
_ROMAN = re.compile(r"^[IVXLC]+\.?$")

CellText = Callable[[Para], str]


def read_table(table: Table, summary: Summary, cell_text: CellText) -> dict[str, Any]:
    """The `bang` of `table` (without caption, unit and notes, which the outline reads around it)."""
    grid = [_expand(row) for row in table.rows]
    width = max((len(row) for row in grid), default=0)
    if not width:
        return {"cot": [{"tieu_de": ""}], "dong": []}
    grid = [row + [None] * (width - len(row)) for row in grid]
    header = 2 if len(grid) > 2 and _two_header_rows(table.rows[0], grid) else 1
    titles, groups = _titles(grid, header, width)
    keys: set[str] = set()
    columns: list[dict[str, Any]] = []
    for title, group in zip(titles, groups, strict=True):
        column = {"khoa": unique(slug(title or "cot"), keys), "tieu_de": title}
        if group:
            column["nhom"] = group
        columns.append(column)
    rows = grid[header:]
    numbered = _numbered(titles, rows)
    if numbered:
        columns[0] = {"tieu_de": titles[0], "kieu": "stt"}
        if any(c.get("nhom") for c in columns):
            columns[0]["nhom"] = groups[0] or ""
    dong: list[Any] = []
    merged = False
    for row in rows:
        heading = _group(row, width)
        if heading is not None:
            dong.append({"nhom": heading, "dong": []})
            continue
        merged = merged or any(cell is None or cell.span > 1 or cell.merge for cell in row)
        cells = [_text(cell, cell_text) for cell in (row[1:] if numbered else row)]
        target = dong[-1]["dong"] if dong and isinstance(dong[-1], dict) and "nhom" in dong[-1] else dong
        target.append(cells)
    if merged:
        summary.doubt(
            table.place,
            "Bảng có ô gộp trong các dòng: nội dung ô gộp ghi vào ô đầu, các ô còn lại để trống; cần xem lại.",
        )
    return {"cot": columns, "dong": dong}


def _expand(row: list[Cell]) -> list[Cell | None]:
    """One entry per grid column: the cell, then None for the columns it spans."""
    out: list[Cell | None] = []
    for cell in row:
        out.append(cell)
        out += [None] * (cell.span - 1)
    return out


def _two_header_rows(first: list[Cell], grid: list[list[Cell | None]]) -> bool:
    """A first row with a cell spanning columns over titles below, and the others merged down."""
    return (
        any(cell.span > 1 for cell in first)
        and all((cell is None or cell.span > 1 or cell.merge == "restart") for cell in grid[0])
        and all(below is not None for below in grid[1])
    )


def _titles(grid: list[list[Cell | None]], header: int, width: int) -> tuple[list[str], list[str]]:
    titles, groups = [], []
    if header == 1:
        return [_plain(grid[0][c]) for c in range(width)], [""] * width
    group = ""
    for c in range(width):
        top, below = grid[0][c], grid[1][c]
        if top is not None:
            group = _plain(top) if top.span > 1 else ""
        titles.append(_plain(below) if group else _plain(top))
        groups.append(group)
    return titles, groups


def _plain(cell: Cell | None) -> str:
    return norm(cell.text) if cell is not None else ""


def _text(cell: Cell | None, cell_text: CellText) -> Any:
    if cell is None or cell.merge == "continue":
        return ""
    texts = [cell_text(p) for p in cell.paragraphs if p.plain or p.inlines]
    texts = [t for t in texts if t]
    return texts[0] if len(texts) == 1 else (texts or "")


def _numbered(titles: list[str], rows: list[list[Cell | None]]) -> bool:
    """A first column headed TT whose item rows are numbered 1, 2, 3… (groups between them allowed)."""
    if not titles or not _NUMBER_HEADER.match(titles[0]):
        return False
    numbers = [_plain(row[0]) for row in rows if _group(row, len(row)) is None]
    return bool(numbers) and numbers == [str(n) for n in range(1, len(numbers) + 1)]


def _group(row: list[Cell | None], width: int) -> str | None:
    """The title of a group row (one cell across the table, or a Roman numeral and one cell across the rest)."""
    first = row[0]
    if first is None or width < 2:
        return None
    if first.span == width:
        return re.sub(r"^[IVXLC]+\.\s*", "", _plain(first))
    second = row[1]
    if _ROMAN.match(_plain(first)) and second is not None and second.span == width - 1:
        return _plain(second)
    return None
