"""Hand-made-looking Word reports (python-docx, our own words), made the way a clerk types one in Word without
our templates: the header grid typed in a two-column table, the title and subject in direct bold, the body
(`body(document)`: typed labels, direct bold, typed note markers), the closing, what follows it
(`after(document)`: typed notes), the Nơi nhận and signer table; A4 with ND30 margins and font sizes, a page
number in the header (not on the first page unless asked).

One builder for the import tests, the check corpus and bench/import_reference.py: `document(...)` returns the
python-docx Document to edit further, `report(path, ...)` saves it; `clean_report(...)` is the check corpus's
report (phường Đông Sơn, every ND30 rule met, a real footnote); `grid_table(...)` a table typed in Word (two header
rows, merged cells, a merged typed total).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

TNR = "Times New Roman"
Body = Callable[[Document], None]


def run(paragraph, text: str, bold: bool = False, italic: bool = False, superscript: bool = False, size: float = 0):
    """A run with direct formatting, as a clerk types it (`size` in points; 0: the paragraph's)."""
    added = paragraph.add_run(text)
    added.bold, added.italic = bold or None, italic or None
    if superscript:
        added.font.superscript = True
    if size:
        added.font.size = Pt(size)
    return added


def cited(document: Document, *parts: str | int) -> None:
    """A paragraph of text with typed note markers: each int becomes a superscript number."""
    p = document.add_paragraph()
    for part in parts:
        run(p, str(part), superscript=isinstance(part, int))


def typed_note(document: Document, number: int, text: str) -> None:
    """A note typed at the end: superscript number, then its text."""
    p = document.add_paragraph()
    run(p, str(number), superscript=True)
    p.add_run(f" {text}")


def lines(paragraphs: Iterable[tuple[str, bool]]) -> Body:
    """A body of one-run paragraphs: (text, bold)."""

    def body(document: Document) -> None:
        for text, bold in paragraphs:
            run(document.add_paragraph(), text, bold=bold)

    return body


def _page_number_header(section) -> None:
    """A centred PAGE field in the header (a complex field, as Word writes it)."""
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for xml in (
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r {nsdecls('w')}><w:t>1</w:t></w:r>",
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml))


def _page(document: Document, first_page_number: bool) -> None:
    """A4, ND30 margins, Times New Roman 14, a page number in the header."""
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = TNR, Pt(14)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.different_first_page_header_footer = not first_page_number
    _page_number_header(section)


def document(
    body: Body = lambda document: None,
    after: Body | None = None,
    *,
    parent: str = "",
    agency: Sequence[str] = ("ỦY BAN NHÂN DÂN", "XÃ AN SƠN"),
    number: str = "Số:      /BC-UBND",
    date_line: str = "An Sơn, ngày      tháng 6 năm 2024",
    subject: str = "Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2024",
    closing: str = "Trên đây là báo cáo sơ kết công tác thi đua, khen thưởng của UBND xã An Sơn./.",
    recipients: Sequence[str] = ("- UBND huyện;", "- Lưu: VT."),
    signer: Sequence[str] = ("CHỦ TỊCH", "Hoàng Văn Bình"),
    first_page_number: bool = False,
) -> Document:
    """The report: `parent` (the co quan chủ quản, plain) and `agency` (bold) over `number`, Quốc hiệu and Tiêu
    ngữ over `date_line`; BÁO CÁO and `subject` ("\\n" a line break); `body`; `closing` ("" for none: then the
    body has it); `after`; Nơi nhận with `recipients`, `signer` ("" an empty line)."""
    d = docx.Document()
    _page(d, first_page_number)
    left, right = d.add_table(rows=1, cols=2).rows[0].cells
    header = [(parent, False)] if parent else []
    header += [(line, True) for line in agency] + [(number, False)]
    for i, (text, bold) in enumerate(header):
        run(left.paragraphs[0] if i == 0 else left.add_paragraph(), text, bold=bold, size=13)
    run(right.paragraphs[0], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=13)
    run(right.add_paragraph(), "Độc lập - Tự do - Hạnh phúc", bold=True)
    run(right.add_paragraph(), date_line, italic=True)
    for text in ("BÁO CÁO", subject):
        p = d.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run(p, text, bold=True)
    body(d)
    if closing:
        d.add_paragraph(closing)
    if after:
        after(d)
    recipients_cell, signer_cell = d.add_table(rows=1, cols=2).rows[0].cells
    run(recipients_cell.paragraphs[0], "Nơi nhận:", bold=True, italic=True, size=12)
    for line in recipients:
        run(recipients_cell.add_paragraph(), line, size=11)
    for i, line in enumerate(signer):
        p = signer_cell.paragraphs[0] if i == 0 else signer_cell.add_paragraph()
        if line:
            run(p, line, bold=True)
    return d


def report(path: Path, body: Body = lambda document: None, after: Body | None = None, **frame) -> Path:
    """`document(body, after, **frame)` saved at `path`."""
    document(body, after, **frame).save(str(path))
    return path


FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"

# The check corpus's report (phường Đông Sơn): every ND30 rule met, a real footnote.
BODY = [
    ("I. KẾT QUẢ THỰC HIỆN", True),
    ("1. Công tác chỉ đạo", True),
    (
        (
            "Ủy ban nhân dân phường đã ban hành 06 kế hoạch triển khai nhiệm vụ trong quý; tỷ lệ hồ sơ giải quyết "
            "đúng hạn đạt 97,5%, tăng 1,2% so với cùng kỳ."
        ),
        False,
    ),
    ("Nhà sinh hoạt cộng đồng khu phố 3 rộng 240 m², bể chứa nước 35 m³, đường nội bộ dài 1,6 km.", False),
    ("2. Công tác chuyên môn", True),
    (
        (
            "Thu ngân sách đạt 12.450,5 triệu đồng; chi thường xuyên 8.905 triệu đồng, theo Kế hoạch số 15/KH-UBND "
            "ngày 04/3/2026 và Quyết định số 02/QĐ-UBND ngày 10/02/2026."
        ),
        False,
    ),
    ("II. NHIỆM VỤ QUÝ TỚI", True),
    ("Tiếp tục rà soát thủ tục hành chính, nâng tỷ lệ hồ sơ trực tuyến lên trên 80%.", False),
]
RECIPIENTS = ["- UBND thành phố;", "- Thường trực Đảng ủy phường;", "- Lưu: VT, VP."]
SIGNATURE = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "", "Trần Quốc Bảo"]


def footnote(doc: Document, paragraph, text: str) -> None:
    """A real footnote cited at the end of `paragraph` (footnotes part written by hand, as Word has it)."""
    notes = (
        f"<w:footnotes {nsdecls('w')}>"
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
        '</w:footnote><w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
        '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:rPr><w:sz w:val="24"/></w:rPr><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    )
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, notes.encode(), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)
    paragraph._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            '<w:footnoteReference w:id="1"/></w:r>'
        )
    )


def clean_report(
    body: Sequence[tuple[str, bool]] = BODY,
    recipients: Sequence[str] = RECIPIENTS,
    signature: Sequence[str] = SIGNATURE,
    note: str = "Số liệu đến ngày 31/3/2026.",
    first_page_number: bool = False,
    date_line: str = "Đông Sơn, ngày 05 tháng 4 năm 2026",
) -> Document:
    """A report of phường Đông Sơn that `baocao check` passes: `body` as (text, bold) paragraphs, `note` (if
    any) a real footnote on its first paragraph of text."""
    doc = document(
        lines(body),
        agency=("ỦY BAN NHÂN DÂN", "PHƯỜNG ĐÔNG SƠN"),
        number="Số: 12/BC-UBND",
        date_line=date_line,
        subject="Kết quả công tác quý I năm 2026",
        closing="Trên đây là báo cáo kết quả công tác quý I năm 2026 của Ủy ban nhân dân phường Đông Sơn./.",
        recipients=recipients,
        signer=signature,
        first_page_number=first_page_number,
    )
    if note:
        footnote(doc, doc.paragraphs[4], note)
    return doc


def _merge_down(cells) -> None:
    for i, cell in enumerate(cells):
        merge = OxmlElement("w:vMerge")
        if i == 0:
            merge.set(qn("w:val"), "restart")
        cell._tc.get_or_add_tcPr().append(merge)


def grid_table(d, header: list[list[str | None]], rows: list[list[str]], caption: str = "Kết quả"):
    """A table typed in Word: header rows (None under a title merged down, a title over two columns written
    once then ""), then the rows; a row starting with "Tổng cộng" has it merged over the first two cells."""
    p = d.add_paragraph()
    p.add_run(caption).bold = True
    width = len(header[-1])
    table = d.add_table(rows=len(header) + len(rows), cols=width)
    for r, titles in enumerate(header):
        c = 0
        while c < width:
            span = 1
            while c + span < width and titles[c + span] == "":
                span += 1
            cell = table.cell(r, c) if span == 1 else table.cell(r, c).merge(table.cell(r, c + span - 1))
            if titles[c] is not None:
                cell.text = titles[c]
            c += span
    for c in range(width):
        if len(header) == 2 and header[1][c] is None:
            _merge_down([table.cell(0, c), table.cell(1, c)])
    for r, values in enumerate(rows, len(header)):
        first = 0
        if values[0] == "Tổng cộng":
            table.cell(r, 0).merge(table.cell(r, 1)).text = "Tổng cộng"
            values, first = values[1:], 2
        for c, text in enumerate(values, first):
            if text:
                table.cell(r, c).text = text
    return table
