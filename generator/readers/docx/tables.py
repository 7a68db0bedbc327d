"""A Word table read back as a `bang`: header (one row, or two with grouped columns), rows, total row.

The columns' kinds (numbers, rates, the columns baocao computes, a typed total) are read by
`table_kinds` and checked by `table_check`: the `bang` must build back to the cells it was read
from, else the cells the build would print otherwise are kept as text. A first column "TT"/"STT"
numbered 1, 2, 3… is a numbered column (kieu: stt), a row spanning the table (or "I" plus one cell
spanning the rest) a group (nhom). Merged cells in the rows cannot be said in the YAML: their text
goes to the first cell and the import notes the place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from baocao.conventions.table_words import NUMBER_HEADER
from baocao.conventions.words import norm
from baocao.input.table_model import INPUT_KINDS
from baocao.messages import common
from baocao.messages import readers as msg
from baocao.readers.docx.content import Cell, Para, Table
from baocao.readers.docx.figures import FigureBook
from baocao.readers.docx.summary import Summary
from baocao.readers.docx.table_check import settle
from baocao.readers.docx.table_figures import TableRead, figure_table
from baocao.readers.docx.table_kinds import WRITTEN_NUMBERS, Column, Layout, columns_yaml, infer, total_label

_ROMAN = re.compile(r"^[IVXLC]+\.?$")

CellText = Callable[[Para], str]


def read_table(
    table: Table, summary: Summary, cell_text: CellText, book: FigureBook | None = None, unit: str = ""
) -> dict[str, Any]:
    """The `bang` of `table` (without caption, unit and notes, which the outline reads around it); with `book`
    (--so-lieu) its rows cite figures where its columns say what they are (`table_figures`); `unit`: the
    table's 'Đơn vị tính' line."""
    grid = [_expand(row) for row in table.rows]
    width = max((len(row) for row in grid), default=0)
    if not width:
        return {"cot": [{"tieu_de": ""}], "dong": []}
    grid = [row + [None] * (width - len(row)) for row in grid]
    header = 2 if len(grid) > 2 and _two_header_rows(table.rows[0], grid) else 1
    titles, groups = _titles(grid, header, width)
    body = [(_group(row, width), row) for row in grid[header:]]
    items = [row for group, row in body if group is None]
    texts = [[_plain(cell) for cell in row] for row in items]
    total = bool(body) and body[-1][0] is None and total_label(" ".join(texts[-1][:2]))
    numbered = _numbered(titles, texts[:-1] if total else texts)
    layout = infer(titles, groups, texts[:-1] if total else texts, texts[-1] if total else None, numbered)
    spec = settle(layout, lambda: _spec(layout, body, cell_text), texts)
    if spec is None:  # the build would not print it back: every cell as text
        layout = Layout(
            [
                Column(t, g, "stt" if _numbered(titles, texts) and i == 0 else "van_ban")
                for i, (t, g) in enumerate(zip(titles, groups, strict=True))
            ],
            doubts=layout.doubts,
        )
        spec = _spec(layout, body, cell_text)
    rows = items[:-1] if layout.total else items
    if any(cell is None or cell.span > 1 or cell.merge for row in rows for cell in row):
        summary.doubt(table.place, msg.MERGED_ROW_CELLS)
    first = header + 1
    rows_at = [first + i for i, (group, _) in enumerate(body) if group is None]
    for row, column, message in layout.doubts:
        summary.doubt(common.cell_place(table.place, rows_at[row], column + 1), message)
    if book is None:
        return spec
    written = [(group, [] if group else [_text(cell, cell_text) for cell in row]) for group, row in body]
    read = TableRead(table.place, titles, groups, written, texts, rows_at, total, numbered, unit)
    return figure_table(read, book) or spec


def _spec(layout: Layout, body: list[tuple[str | None, list[Cell | None]]], cell_text: CellText) -> dict[str, Any]:
    """The YAML of the table: its columns by kind, the rows' written cells, the total row or tong_cong."""
    columns = layout.columns
    dong: list[Any] = []
    last = max((i for i, (group, _) in enumerate(body) if group is None), default=-1)
    for i, (group, row) in enumerate(body):
        if group is not None:
            dong.append({"nhom": group, "dong": []})
            continue
        if i == last and layout.total:
            continue
        cells = [_cell(column, cell, cell_text) for column, cell in zip(columns, row, strict=True)]
        target = dong[-1]["dong"] if dong and isinstance(dong[-1], dict) and "nhom" in dong[-1] else dong
        target.append([c for c, column in zip(cells, columns, strict=True) if column.kind in INPUT_KINDS])
    bang: dict[str, Any] = {"cot": columns_yaml(columns), "dong": dong}
    if layout.total:
        bang["tong_cong"] = True
    return bang


def _cell(column: Column, cell: Cell | None, cell_text: CellText) -> Any:
    """A written cell: a number as printed ('1.539,72'), a text cell with its markup."""
    if column.kind in WRITTEN_NUMBERS:
        return _plain(cell) if cell is not None and cell.merge != "continue" else ""
    return _text(cell, cell_text)


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


def _numbered(titles: list[str], rows: list[list[str]]) -> bool:
    """A first column headed TT whose item rows (their texts) are numbered 1, 2, 3…"""
    if not titles or not NUMBER_HEADER.match(titles[0]):
        return False
    numbers = [row[0] for row in rows]
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
