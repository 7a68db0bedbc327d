"""A corpus of hand-made reports (python-docx, our own words): clean ones pass `check_docx` with nothing
flagged; each planted slip is caught with its code and place.

`clean_report(...)` (tests/handmade.py) writes a complete ND30 report the way a clerk builds one in Word without
our templates: header grid, title, bold numbered headings, a footnote, a closing ./., a Nơi nhận and signature
table, a page number in the header with a different first page. Each slip test changes one thing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from handmade import TNR, clean_report, run

from baocao.nd30 import ERROR, WARNING, Finding, check_docx


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
    findings = check(clean_report(), tmp_path)
    assert findings == [], "\n".join(map(str, findings))


def test_clean_report_with_body_signature_and_draft_date_passes(tmp_path: Path) -> None:
    """Another clerk's habits: the signer's block as body paragraphs after the recipients, a draft date, no notes."""
    doc = clean_report(note="", date_line="Đông Sơn, ngày      tháng 4 năm 2026", signature=["", "", "", "", "", ""])
    for text in ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Hoàng Thị Lan"):
        run(doc.add_paragraph(), text, bold=True)
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
        run(paragraph, text)
        if superscript:
            run(paragraph, superscript).font.superscript = True

    return edit


def _replace(start: str, old: str, new: str) -> Callable:
    def edit(doc) -> None:
        paragraph = next(p for p in doc.paragraphs if p.text.startswith(start))
        for r in paragraph.runs:
            r.text = r.text.replace(old, new)

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
    doc = clean_report()
    edit(doc)
    findings = check(doc, tmp_path)
    place = start if start == "toàn văn bản" else body_place(doc, start)
    assert [(f.code, f.where) for f in findings if f.code == code] == [(code, place)], "\n".join(map(str, findings))
    assert fragment in next(f for f in findings if f.code == code).message
    others = [f for f in findings if f.code != code and f.code not in ("kieu-so", "dau-thap-phan")]
    assert others == [], "\n".join(map(str, others))


def _signature_findings(tmp_path: Path, signature: list[str]) -> list[Finding]:
    return [f for f in check(clean_report(signature=signature), tmp_path) if f.code == "chu-ky"]


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
    findings = check(clean_report(first_page_number=True), tmp_path)
    assert [(f.code, f.where) for f in findings] == [("so-trang", "mục 1 (section)")], "\n".join(map(str, findings))


def test_heading_style_colour_and_size(tmp_path: Path) -> None:
    doc = clean_report()
    heading = doc.styles["Heading 1"]
    heading.font.size = Pt(16)
    fonts = heading.element.rPr.rFonts
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.attrib.pop(qn(f"w:{slot}Theme"), None)
        fonts.set(qn(f"w:{slot}"), TNR)
    paragraph = next(p for p in doc.paragraphs if p.text.startswith("II. NHIỆM VỤ"))
    paragraph.style = heading
    for r in paragraph.runs:
        r.font.size = None
    findings = check(doc, tmp_path)
    place = body_place(doc, "II. NHIỆM VỤ")
    assert [(f.code, f.where) for f in findings] == [("co-chu", place), ("mau-chu", place)], "\n".join(
        map(str, findings)
    )
    assert "cỡ 16 (đề mục kiểu «Heading 1»)" in findings[0].message
    assert "(đề mục kiểu «Heading 1»)" in findings[1].message


def test_coloured_run_in_a_table(tmp_path: Path) -> None:
    doc = clean_report()
    table = doc.add_table(rows=1, cols=1)
    run(table.cell(0, 0).paragraphs[0], "Ghi chú bảng").font.color.rgb = RGBColor(0xFF, 0, 0)
    findings = [f for f in check(doc, tmp_path) if f.code == "mau-chu"]
    assert [(f.severity, f.where) for f in findings] == [(ERROR, "bảng 3, ô (1, 1): «Ghi chú bảng»")]
    assert "«FF0000»" in findings[0].message


def test_number_slips_in_table_and_footnote(tmp_path: Path) -> None:
    doc = clean_report(note="Diện tích tăng 3.25 ha, đạt 90 % kế hoạch.")
    table = doc.add_table(rows=1, cols=1)
    run(table.cell(0, 0).paragraphs[0], "Tổng 1,250.75 triệu đồng")
    findings = check(doc, tmp_path)
    assert [(f.code, f.where) for f in findings if f.code in ("kieu-so", "dau-phan-tram")] == [
        ("kieu-so", "bảng 3, ô (1, 1): «Tổng 1,250.75 triệu đồng»"),
        ("kieu-so", "chú thích 1: «Diện tích tăng 3.25 ha, đạt 90 % kế hoạch.»"),
        ("dau-phan-tram", "chú thích 1: «Diện tích tăng 3.25 ha, đạt 90 % kế hoạch.»"),
    ]
    mixed = [f for f in findings if f.code == "dau-thap-phan"]
    assert len(mixed) == 1 and mixed[0].severity == WARNING and "«3.25»" not in mixed[0].message
