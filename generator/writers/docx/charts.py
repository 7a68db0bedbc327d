"""Charts in the .docx: the Word writer's rendering of a document `Chart`.

Each chart is a real chart part (word/charts/chartN.xml, related from the document) drawn inline
(w:drawing → wp:inline → a:graphic → c:chart), with its data in an embedded workbook
(word/embeddings/…N.xlsx, written by openpyxl, cited by c:externalData) so that Word's "Edit Data"
opens the very numbers of the report. The caption 'Biểu đồ N: …' follows the chart, kept with it.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import count
from typing import Protocol

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part

from baocao.conventions.formatting import PERCENT
from baocao.conventions.marks import CHART_LABELS
from baocao.document.model import Chart, Inline
from baocao.figures.export import plain_number
from baocao.input.sheets import column_letters
from baocao.writers.docx.chart_xml import SHEET, chart_space, label_column, number_format, vietnamese_text
from baocao.writers.docx.fragments import attribute, paragraph, tag

CHART_CT = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
XLSX_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
EMU_PER_TWIP = 635
MAX_HEIGHT = 9 * 360000  # 9 cm: a chart and its caption fit a landscape page under a short table


class CaptionWriter(Protocol):
    """What the chart writer needs from the body writer: style ids and inline runs."""

    styles: dict[str, str]

    def runs(self, inlines: list[Inline]) -> str: ...


class ChartParts:
    """Adds chart parts (and their workbooks) to one document, each under the first part name the package
    (template included) does not hold yet."""

    def __init__(self, word):
        self.document_part = word.part
        ids = [int(e.get("id")) for e in word.element.body.iter(f"{{{WP_NS}}}docPr") if e.get("id", "").isdigit()]
        self.shape_ids = count(max(ids, default=0) + 1)

    def xml(self, chart: Chart, width: int, writer: CaptionWriter) -> str:
        """The chart's paragraph (kept with the next) and its centred caption 'Biểu đồ N: …', as XML text."""
        rid = self._add(chart)
        cx = width * EMU_PER_TWIP
        cy = min(cx * (9 if chart.kind == "pie" else 11) // 20, MAX_HEIGHT)
        body = writer.styles["body"]
        centred = (tag("w:ind", firstLine="0"), tag("w:jc", val="center"))
        holder = paragraph(
            body,
            tag("w:keepNext"),
            tag("w:spacing", before="120", after="60"),
            *centred,
            runs=f"<w:r><w:drawing>{self._inline(chart, rid, cx, cy)}</w:drawing></w:r>",
        )
        caption = paragraph(
            body,
            tag("w:spacing", before="0", after="120"),
            *centred,
            runs=writer.runs(chart.caption_line),
        )
        return holder + caption

    def _add(self, chart: Chart) -> str:
        """Store the chart part and its workbook; the document's relationship id to the chart."""
        package = self.document_part.package
        chart_part = Part(package.next_partname("/word/charts/chart%d.xml"), CHART_CT, b"", package)
        book_name = package.next_partname("/word/embeddings/Microsoft_Excel_Worksheet%d.xlsx")
        book = Part(book_name, XLSX_CT, workbook(chart), package)
        chart_part._blob = chart_space(chart, chart_part.relate_to(book, RT.PACKAGE))
        return self.document_part.relate_to(chart_part, RT.CHART)

    def _inline(self, chart: Chart, rid: str, cx: int, cy: int) -> str:
        """wp:inline → a:graphic → c:chart r:id (each namespace declared where it is first used)."""
        return (
            f'<wp:inline xmlns:wp="{WP_NS}" distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:docPr id="{next(self.shape_ids)}" name="{attribute(chart.label)}"/><wp:cNvGraphicFramePr/>'
            f'<a:graphic xmlns:a="{A_NS}"><a:graphicData uri="{C_NS}">'
            f'<c:chart xmlns:c="{C_NS}" xmlns:r="{R_NS}" r:id="{rid}"/></a:graphicData></a:graphic></wp:inline>'
        )


def workbook(chart: Chart) -> bytes:
    """The chart's data as an .xlsx: categories in column A, one series per column, names in row 1; then each
    series' labels (chart_xml.label_column), formulas writing its values (a pie: their shares) the Vietnamese way
    (chart_xml.vietnamese_text), which Excel computes on opening ("Edit Data") and whenever a value changes."""
    from openpyxl import Workbook  # only a report with a chart needs it (≈ 60 ms of a cold build)
    from openpyxl.styles import Font

    from baocao.writers.xlsx import xlsx_bytes

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append([chart.category_axis, *(s.name for s in chart.series)])
    for j, category in enumerate(chart.categories):
        sheet.append([category, *(_cell(s.values[j]) for s in chart.series)])
    for row in sheet.iter_rows(min_row=2, min_col=2):
        for cell in row:
            cell.number_format = number_format(chart.decimals)
    for i, series in enumerate(chart.series):
        column = label_column(chart, i)
        sheet.cell(1, column, CHART_LABELS.format(series=series.name))
        for row in range(2, len(chart.categories) + 2):
            sheet.cell(row, column, _label_formula(chart, i, row))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = max((len(c) for c in chart.categories), default=10) + 2
    book.calculation.fullCalcOnLoad = True
    return xlsx_bytes(book)


def _label_formula(chart: Chart, i: int, row: int) -> str:
    """The label of series i's value on `row`: the value in the chart's precision, or a pie slice's share."""
    letter = column_letters(i + 2)
    value = f"{letter}{row}"
    if chart.kind == "pie":
        whole = f"SUM(${letter}$2:${letter}${len(chart.categories) + 1})"
        return vietnamese_text(value, f"{value}/{whole}*100", 1, PERCENT)
    return vietnamese_text(value, value, chart.decimals)


def _cell(value: Decimal | None) -> int | float | str | None:
    """A workbook cell's number (empty for no value)."""
    return None if value is None else plain_number(value)
