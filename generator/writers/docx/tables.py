"""Tables in OOXML: the Word writer's rendering of a document `Table` (as Pandoc keeps its own).

Fixed layout across the section's text width; borders from the template's Table Grid style and
cell text in its "Bảng" style. Header rows repeat on every page (w:tblHeader), no row breaks across
a page (w:cantSplit), merged cells are w:gridSpan (across) and w:vMerge (down). Header, group and
total rows are bold; a group row keeps with the row below it, and the last row with the notes under
the table (w:keepNext on its paragraphs and on each note but the last), so no page holds the notes alone.
"""

from __future__ import annotations

from typing import Protocol

from baocao.document.model import Cell, Inline, Row, Table, restyle
from baocao.writers.docx.ooxml import copies, el, paragraph


class CellWriter(Protocol):
    """What the table writer needs from the body writer: style ids and inline runs (with notes)."""

    styles: dict[str, str]

    def inlines(self, p, inlines: list[Inline]) -> None: ...


def table_elements(table: Table, width: int, writer: CellWriter) -> list:
    """Caption, 'Đơn vị tính' line, the w:tbl `width` twips wide, then its notes (or an empty paragraph)."""
    body, cell = writer.styles["body"], writer.styles["cell"]
    out = []
    if table.caption:
        out.append(
            _line(
                writer,
                paragraph(
                    body,
                    el("w:keepNext"),
                    el("w:spacing", before="120", after="60"),
                    _no_indent(),
                    el("w:jc", val="center"),
                ),
                restyle(table.caption, bold=True),
            )
        )
    if table.unit:
        out.append(
            _line(
                writer,
                paragraph(
                    body,
                    el("w:keepNext"),
                    el("w:spacing", before="0", after="60"),
                    _no_indent(),
                    el("w:jc", val="right"),
                ),
                restyle(table.unit, italic=True),
            )
        )
    out.append(_table(table, _column_widths(table.widths, width), writer))
    for i, note in enumerate(table.notes, 1):
        keep = [el("w:keepNext")] if i < len(table.notes) else []
        out.append(
            _line(
                writer, paragraph(cell, *keep, el("w:spacing", before="60", after="120"), el("w:jc", val="both")), note
            )
        )
    if not table.notes:  # room under the table (and the paragraph Word wants after one)
        out.append(paragraph(cell, el("w:spacing", before="0", after="120")))
    return out


def _line(writer: CellWriter, p, inlines: list[Inline]):
    writer.inlines(p, inlines)
    return p


def _no_indent():
    return el("w:ind", firstLine="0")


def _column_widths(weights: list[int], width: int) -> list[int]:
    """Twips per column in proportion to the weights, summing exactly to `width`."""
    total = sum(weights)
    widths = [width * w // total for w in weights]
    widths[-1] += width - sum(widths)
    return widths


def _table(table: Table, widths: list[int], writer: CellWriter):
    tbl = el(
        "w:tbl",
        el(
            "w:tblPr",
            el("w:tblStyle", val=writer.styles["table"]),
            el("w:tblW", w=str(sum(widths)), type="dxa"),
            el("w:tblLayout", type="fixed"),
            el(
                "w:tblLook",
                val="0000",
                firstRow="0",
                lastRow="0",
                firstColumn="0",
                lastColumn="0",
                noHBand="1",
                noVBand="1",
            ),
        ),
        el("w:tblGrid", *(el("w:gridCol", w=str(w)) for w in widths)),
    )
    for i, row in enumerate(table.rows, 1):
        tbl.append(_row(row, widths, writer, keep=row.kind == "group" or i == len(table.rows) and bool(table.notes)))
    return tbl


def _row(row: Row, widths: list[int], writer: CellWriter, keep: bool):
    """A w:tr; `keep`: its paragraphs keep with what follows (the next row, or the notes)."""
    tr = el("w:tr", el("w:trPr", el("w:cantSplit"), *([el("w:tblHeader")] if row.kind == "header" else [])))
    column = 0
    for cell in row.cells:
        tr.append(_cell(cell, sum(widths[column : column + cell.span]), row, writer, keep))
        column += cell.span
    return tr


@copies
def _bare_cell(width: int, span: int, merge: str):
    """An empty w:tc: width, columns spanned, vertical merge, centred vertically."""
    tc_pr = el("w:tcPr", el("w:tcW", w=str(width), type="dxa"))
    if span > 1:
        tc_pr.append(el("w:gridSpan", val=str(span)))
    if merge:
        tc_pr.append(el("w:vMerge", val=merge))
    tc_pr.append(el("w:vAlign", val="center"))
    return el("w:tc", tc_pr)


def _cell(cell: Cell, width: int, row: Row, writer: CellWriter, keep: bool):
    tc = _bare_cell(width, cell.span, cell.merge)
    for inlines in cell.paragraphs:
        p = paragraph(writer.styles["cell"], *([el("w:keepNext")] if keep else []), el("w:jc", val=cell.align))
        writer.inlines(p, restyle(inlines, bold=True) if row.kind != "item" else inlines)
        tc.append(p)
    return tc
