"""A corpus of hand-made reports (python-docx, our own words): clean ones pass `check_docx` with nothing
flagged; each planted slip is caught with its code and place.

`handmade(...)` writes a complete ND30 report the way a clerk builds one in Word without our templates:
header grid, title, bold numbered headings, a footnote, a closing ./., a Nơi nhận and signature table,
a page number in the header with a different first page. Each slip test changes one thing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor

from baocao.nd30 import ERROR, WARNING, Finding, check_docx

TNR = "Times New Roman"
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"

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
    ("Trên đây là báo cáo kết quả công tác quý I năm 2026 của Ủy ban nhân dân phường Đông Sơn./.", False),
]
RECIPIENTS = ["- UBND thành phố;", "- Thường trực Đảng ủy phường;", "- Lưu: VT, VP."]
SIGNATURE = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "", "Trần Quốc Bảo"]


def _run(paragraph, text: str, size: float = 14, bold: bool = False, italic: bool = False):
    run = paragraph.add_run(text)
    run.font.size, run.bold, run.italic = Pt(size), bold, italic
    return run


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


def _add_footnote(doc, paragraph, text: str) -> None:
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


def handmade(
    body=BODY,
    recipients=RECIPIENTS,
    signature=SIGNATURE,
    note: str = "Số liệu đến ngày 31/3/2026.",
    first_page_number: bool = False,
    date_line: str = "Đông Sơn, ngày 05 tháng 4 năm 2026",
):
    """A complete hand-made report as a python-docx Document."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = TNR, Pt(14)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.different_first_page_header_footer = not first_page_number
    _page_number_header(section)

    grid = doc.add_table(rows=1, cols=2)
    left, right = grid.cell(0, 0), grid.cell(0, 1)
    _run(left.paragraphs[0], "ỦY BAN NHÂN DÂN", 13, bold=True)
    _run(left.add_paragraph(), "PHƯỜNG ĐÔNG SƠN", 13, bold=True)
    _run(left.add_paragraph(), "Số: 12/BC-UBND", 13)
    _run(right.paragraphs[0], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True)
    _run(right.add_paragraph(), "Độc lập - Tự do - Hạnh phúc", 14, bold=True)
    _run(right.add_paragraph(), date_line, 14, italic=True)

    _run(doc.add_paragraph(), "BÁO CÁO", bold=True)
    _run(doc.add_paragraph(), "Kết quả công tác quý I năm 2026", bold=True)
    for text, bold in body:
        _run(doc.add_paragraph(), text, bold=bold)
    if note:
        _add_footnote(doc, doc.paragraphs[4], note)

    closing = doc.add_table(rows=1, cols=2)
    left, right = closing.cell(0, 0), closing.cell(0, 1)
    _run(left.paragraphs[0], "Nơi nhận:", 12, bold=True, italic=True)
    for line in recipients:
        _run(left.add_paragraph(), line, 11)
    _run(right.paragraphs[0], signature[0], 14, bold=True)
    for line in signature[1:]:
        _run(right.add_paragraph(), line, 14, bold=True)
    return doc


def check(doc, tmp_path: Path, name: str = "tay.docx") -> list[Finding]:
    target = tmp_path / name
    doc.save(str(target))
    return check_docx(target)


def body_place(doc, start: str) -> str:
    """'đoạn N: «…»' of the first body paragraph starting with `start`."""
    number, paragraph = next((n, p) for n, p in enumerate(doc.paragraphs, 1) if p.text.startswith(start))
    text = " ".join(paragraph.text.split())
    return f"đoạn {number}: «{text[:50]}{'…' if len(text) > 50 else ''}»"


# --- clean reports ------------------------------------------------------------------


def test_clean_handmade_report_passes(tmp_path: Path) -> None:
    findings = check(handmade(), tmp_path)
    assert findings == [], "\n".join(map(str, findings))


def test_clean_report_with_body_signature_and_draft_date_passes(tmp_path: Path) -> None:
    """Another clerk's habits: the signer's block as body paragraphs after the recipients, a draft date, no notes."""
    doc = handmade(note="", date_line="Đông Sơn, ngày      tháng 4 năm 2026", signature=["", "", "", "", "", ""])
    for text in ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Hoàng Thị Lan"):
        _run(doc.add_paragraph(), text, bold=True)
    doc.tables[1].cell(0, 1).paragraphs[0]._p.getparent().remove(doc.tables[1].cell(0, 1).paragraphs[0]._p)
    for paragraph in doc.tables[1].cell(0, 1).paragraphs[1:]:
        paragraph._p.getparent().remove(paragraph._p)
    findings = check(doc, tmp_path)
    assert findings == [], "\n".join(map(str, findings))


# --- each slip caught at its place ---------------------------------------------------

Slip = tuple[Callable, str, str, str]  # edit(doc) -> None, code, place (start of the paragraph), message fragment


def _append(start: str, text: str, superscript: str = "") -> Callable:
    def edit(doc) -> None:
        paragraph = next(p for p in doc.paragraphs if p.text.startswith(start))
        _run(paragraph, text)
        if superscript:
            _run(paragraph, superscript).font.superscript = True

    return edit


def _replace(start: str, old: str, new: str) -> Callable:
    def edit(doc) -> None:
        paragraph = next(p for p in doc.paragraphs if p.text.startswith(start))
        for run in paragraph.runs:
            run.text = run.text.replace(old, new)

    return edit


SLIPS: dict[str, Slip] = {
    "superscript-mark": (
        _append("Tiếp tục rà soát", " Theo chỉ đạo của thành phố", "1"),
        "chu-thich-go-tay",
        "Tiếp tục rà soát",
        "«phố1»",
    ),
    "superscript-bracket-comma": (
        _append("Tiếp tục rà soát", " Theo chỉ đạo của thành phố", "[1],"),
        "chu-thich-go-tay",
        "Tiếp tục rà soát",
        "«phố[1],»",
    ),
    "unicode-mark": (
        _append("Tiếp tục rà soát", " Theo chỉ đạo của thành phố¹"),
        "chu-thich-go-tay",
        "Tiếp tục rà soát",
        "«phố¹»",
    ),
    "glued-mark": (
        _append("Tiếp tục rà soát", " Theo chỉ đạo của thành phố1."),
        "chu-thich-go-tay",
        "Tiếp tục rà soát",
        "«phố1.»",
    ),
    "bracket-mark": (
        _append("Tiếp tục rà soát", " Theo chỉ đạo của thành phố(1)."),
        "chu-thich-go-tay",
        "Tiếp tục rà soát",
        "«phố(1)",
    ),
    "closing-missing": (_replace("Trên đây là", "Đông Sơn./.", "Đông Sơn."), "ket-thuc", "Trên đây là", "«…Sơn.»"),
    "closing-spaced": (_replace("Trên đây là", "Đông Sơn./.", "Đông Sơn. /."), "ket-thuc", "Trên đây là", "./."),
    "space-percent": (
        _replace("Ủy ban nhân dân phường", "97,5%", "97,5 %"),
        "dau-phan-tram",
        "Ủy ban nhân dân phường",
        "«97,5 %»",
    ),
    "double-percent": (
        _replace("Ủy ban nhân dân phường", "1,2%", "1,2%%"),
        "dau-phan-tram",
        "Ủy ban nhân dân phường",
        "«1,2%%»",
    ),
    "english-number": (_replace("Thu ngân sách", "12.450,5", "12,450.5"), "kieu-so", "Thu ngân sách", "«12,450.5»"),
    "mixed-decimals": (
        _append("Tiếp tục rà soát", " Diện tích 2.5 ha."),
        "dau-thap-phan",
        "toàn văn bản",
        "dấu chấm «2.5»",
    ),
    "placeholder": (_append("Tiếp tục rà soát", " Giao [...] chủ trì."), "cho-trong", "Tiếp tục rà soát", "«[...]»"),
    "template-tag": (
        _append("Tiếp tục rà soát", " Giao {{ don_vi }} chủ trì."),
        "cho-trong",
        "Tiếp tục rà soát",
        "«{{ don_vi }}»",
    ),
    "short-date": (_replace("Thu ngân sách", "04/3/2026", "4/3/2026"), "ngay-viet-tat", "Thu ngân sách", "«04/3/2026»"),
}


@pytest.mark.parametrize("name", SLIPS)
def test_planted_slip_is_caught_at_its_place(tmp_path: Path, name: str) -> None:
    edit, code, start, fragment = SLIPS[name]
    doc = handmade()
    edit(doc)
    findings = check(doc, tmp_path)
    place = start if start == "toàn văn bản" else body_place(doc, start)
    assert [(f.code, f.where) for f in findings if f.code == code] == [(code, place)], "\n".join(map(str, findings))
    assert fragment in next(f for f in findings if f.code == code).message
    others = [f for f in findings if f.code != code and f.code not in ("kieu-so", "dau-thap-phan")]
    assert others == [], "\n".join(map(str, others))


def _signature_findings(tmp_path: Path, signature: list[str]) -> list[Finding]:
    return [f for f in check(handmade(signature=signature), tmp_path) if f.code == "chu-ky"]


@pytest.mark.parametrize(
    ("signature", "place", "fragment"),
    [
        (["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", ""], "bảng 2, ô (1, 2): «CHỦ TỊCH»", "chưa có họ tên"),
        (["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Nguyễn Văn A"], "bảng 2, ô (1, 2): «Nguyễn Văn A»", "chỗ giữ chỗ"),
        (
            ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "(Ký, ghi rõ họ tên)"],
            "bảng 2, ô (1, 2): «(Ký, ghi rõ họ tên)»",
            "chỗ giữ chỗ",
        ),
        (["", "", ""], "bảng 2, ô (1, 1): «Nơi nhận:»", "Không thấy khối chữ ký"),
    ],
)
def test_signature_block_slips(tmp_path: Path, signature: list[str], place: str, fragment: str) -> None:
    found = _signature_findings(tmp_path, signature)
    assert [(f.severity, f.where) for f in found] == [(ERROR, place)] and fragment in found[0].message


def test_page_number_on_first_page(tmp_path: Path) -> None:
    findings = check(handmade(first_page_number=True), tmp_path)
    assert [(f.code, f.where) for f in findings] == [("so-trang", "mục 1 (section)")], "\n".join(map(str, findings))


def test_heading_style_colour_and_size(tmp_path: Path) -> None:
    doc = handmade()
    heading = doc.styles["Heading 1"]
    heading.font.size = Pt(16)
    fonts = heading.element.rPr.rFonts
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.attrib.pop(qn(f"w:{slot}Theme"), None)
        fonts.set(qn(f"w:{slot}"), TNR)
    paragraph = next(p for p in doc.paragraphs if p.text.startswith("II. NHIỆM VỤ"))
    paragraph.style = heading
    for run in paragraph.runs:
        run.font.size = None
    findings = check(doc, tmp_path)
    place = body_place(doc, "II. NHIỆM VỤ")
    assert [(f.code, f.where) for f in findings] == [("co-chu", place), ("mau-chu", place)], "\n".join(
        map(str, findings)
    )
    assert "cỡ 16 (đề mục kiểu «Heading 1»)" in findings[0].message
    assert "(đề mục kiểu «Heading 1»)" in findings[1].message


def test_coloured_run_in_a_table(tmp_path: Path) -> None:
    doc = handmade()
    table = doc.add_table(rows=1, cols=1)
    _run(table.cell(0, 0).paragraphs[0], "Ghi chú bảng").font.color.rgb = RGBColor(0xFF, 0, 0)
    findings = [f for f in check(doc, tmp_path) if f.code == "mau-chu"]
    assert [(f.severity, f.where) for f in findings] == [(ERROR, "bảng 3, ô (1, 1): «Ghi chú bảng»")]
    assert "«FF0000»" in findings[0].message


def test_number_slips_in_table_and_footnote(tmp_path: Path) -> None:
    doc = handmade(note="Diện tích tăng 3.25 ha, đạt 90 % kế hoạch.")
    table = doc.add_table(rows=1, cols=1)
    _run(table.cell(0, 0).paragraphs[0], "Tổng 1,250.75 triệu đồng")
    findings = check(doc, tmp_path)
    assert [(f.code, f.where) for f in findings if f.code in ("kieu-so", "dau-phan-tram")] == [
        ("kieu-so", "bảng 3, ô (1, 1): «Tổng 1,250.75 triệu đồng»"),
        ("kieu-so", "chú thích 1: «Diện tích tăng 3.25 ha, đạt 90 % kế hoạch.»"),
        ("dau-phan-tram", "chú thích 1: «Diện tích tăng 3.25 ha, đạt 90 % kế hoạch.»"),
    ]
    mixed = [f for f in findings if f.code == "dau-thap-phan"]
    assert len(mixed) == 1 and mixed[0].severity == WARNING and "«3.25»" not in mixed[0].message
