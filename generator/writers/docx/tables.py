"""Tables in OOXML: the Word writer's rendering of a document `Table` (as Pandoc keeps its own).

Fixed layout across the section's text width; borders from the template's Table Grid style and
cell text in its "Bảng" style. Header rows repeat on every page (w:tblHeader), no row breaks across
a page (w:cantSplit), merged cells are w:gridSpan (across) and w:vMerge (down). Header, group and
total rows are bold; a group row keeps with the row below it, and the last row with the notes under
the table (w:keepNext on its paragraphs and on each note but the last), so no page holds the notes alone.
"""

from __future__ import annotations

from typing import Protocol

from baocao.conventions.page import column_widths
from baocao.document.model import Cell, Inline, Row, Table, restyle
from baocao.writers.docx.fragments import paragraph, tag


class CellWriter(Protocol):
    """What the table writer needs from the body writer: style ids and inline runs (with notes)."""

    styles: dict[str, str]

    def runs(self, inlines: list[Inline]) -> str: ...


def table_xml(table: Table, width: int, writer: CellWriter) -> str:
    """Caption, 'Đơn vị tính' line, the w:tbl `width` twips wide, then its notes (or an empty paragraph)."""
    body, cell = writer.styles["body"], writer.styles["cell"]
    out = []
    if table.caption:
        out.append(_line_above(body, "120", "center", writer.runs(restyle(table.caption, bold=True))))
    if table.unit:
        out.append(_line_above(body, "0", "right", writer.runs(restyle(table.unit, italic=True))))
    out.append(_table(table, column_widths(table.widths, width, table.column_needs()), writer))
    for i, note in enumerate(table.notes, 1):
        keep = _KEEP if i < len(table.notes) else ""
        out.append(
            paragraph(
                cell, keep, tag("w:spacing", before="60", after="120"), tag("w:jc", val="both"), runs=writer.runs(note)
            )
        )
    if not table.notes:  # room under the table (and the paragraph Word wants after one)
        out.append(paragraph(cell, tag("w:spacing", before="0", after="120")))
    return "".join(out)


_KEEP = tag("w:keepNext")


def _line_above(style: str, before: str, jc: str, runs: str) -> str:
    """A line kept with the table below it (caption, unit): unindented, 3 pt under it."""
    return paragraph(
        style,
        _KEEP,
        tag("w:spacing", before=before, after="60"),
        tag("w:ind", firstLine="0"),
        tag("w:jc", val=jc),
        runs=runs,
    )


def _table(table: Table, widths: list[int], writer: CellWriter) -> str:
    properties = tag(
        "w:tblPr",
        tag("w:tblStyle", val=writer.styles["table"]),
        tag("w:tblW", w=str(sum(widths)), type="dxa"),
        tag("w:tblLayout", type="fixed"),
        tag(
            "w:tblLook",
            val="0000",
            firstRow="0",
            lastRow="0",
            firstColumn="0",
            lastColumn="0",
            noHBand="1",
            noVBand="1",
        ),
    )
    grid = tag("w:tblGrid", *(tag("w:gridCol", w=str(w)) for w in widths))
    rows = (
        _row(row, widths, writer, keep=row.kind == "group" or i == len(table.rows) and bool(table.notes))
        for i, row in enumerate(table.rows, 1)
    )
    return f"<w:tbl>{properties}{grid}{''.join(rows)}</w:tbl>"


_ROW_PROPERTIES = {False: "<w:trPr><w:cantSplit/></w:trPr>", True: "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"}


def _row(row: Row, widths: list[int], writer: CellWriter, keep: bool) -> str:
    """A w:tr; `keep`: its paragraphs keep with what follows (the next row, or the notes)."""
    cells, column = [], 0
    for cell in row.cells:
        cells.append(_cell(cell, sum(widths[column : column + cell.span]), row, writer, keep))
        column += cell.span
    return f"<w:tr>{_ROW_PROPERTIES[row.kind == 'header']}{''.join(cells)}</w:tr>"


def _cell(cell: Cell, width: int, row: Row, writer: CellWriter, keep: bool) -> str:
    """A w:tc: width, columns spanned, vertical merge, centred vertically; its paragraphs (bold but in items)."""
    properties = (
        f'<w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>'
        + (f'<w:gridSpan w:val="{cell.span}"/>' if cell.span > 1 else "")
        + (f'<w:vMerge w:val="{cell.merge}"/>' if cell.merge else "")
        + '<w:vAlign w:val="center"/></w:tcPr>'
    )
    style, keep_next, align = writer.styles["cell"], _KEEP if keep else "", tag("w:jc", val=cell.align)
    paragraphs = (
        paragraph(
            style, keep_next, align, runs=writer.runs(restyle(inlines, bold=True) if row.kind != "item" else inlines)
        )
        for inlines in cell.paragraphs
    )
    return f"<w:tc>{properties}{''.join(paragraphs)}</w:tc>"
