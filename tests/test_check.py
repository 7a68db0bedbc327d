"""Tests for baocao.nd30, the ND30 conformance check of any .docx.

The example report (conftest.example_docx) must pass without errors. Copies of it edited with
python-docx must report each defect with the right code, severity and place; documents made by
hand here with python-docx (no template, Heading styles, tab-aligned header) must be checked
without crashing. Places follow nd30.reader's convention: "đoạn N" is python-docx's
`Document.paragraphs` index + 1, "bảng T, ô (R, C)" counts tables, rows and cells from 1.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

from baocao.errors import BaocaoError
from baocao.nd30 import ERROR, WARNING, Finding, check_docx, findings_to_json, has_errors
from baocao.nd30.frame import DOC_TYPE_ABBREVIATIONS

Expected = tuple[str, str, str, str]  # severity, code, where, a fragment of the message


def excerpt(text: str) -> str:
    """The excerpt a place quotes: whitespace collapsed, first 50 characters, "…" if cut."""
    text = " ".join(text.split())
    return text if len(text) <= 50 else text[:50] + "…"


def body_paragraph(doc, start: str):
    """(place, paragraph) of the first body paragraph outside tables starting with `start`."""
    for number, paragraph in enumerate(doc.paragraphs, 1):
        if paragraph.text.startswith(start):
            return f"đoạn {number}", paragraph
    raise AssertionError(f"no paragraph starts with {start!r}")


def table_with(doc, text: str):
    """(1-based number, table) of the first table containing `text`."""
    for number, table in enumerate(doc.tables, 1):
        if any(text in cell.text for row in table.rows for cell in row.cells):
            return number, table
    raise AssertionError(f"no table contains {text!r}")


def cell_paragraph(cell, start: str):
    return next(p for p in cell.paragraphs if p.text.startswith(start))


def set_text(paragraph, text: str) -> None:
    """Put `text` in the first run and empty the others (formatting kept)."""
    paragraph.runs[0].text = text
    for run in paragraph.runs[1:]:
        run.text = ""


def where(place: str, paragraph) -> str:
    return f"{place}: «{excerpt(paragraph.text)}»"


def check_edited(source: Path, tmp_path: Path, edit: Callable) -> tuple[list[Finding], object]:
    """Check a copy of `source` changed by `edit(doc)`; return the findings and what edit returned."""
    doc = Document(str(source))
    expected = edit(doc)
    target = tmp_path / "sua.docx"
    doc.save(str(target))
    return check_docx(target), expected


def check_new(tmp_path: Path, build: Callable) -> list[Finding]:
    """Check a document made from python-docx's blank template by `build(doc)`."""
    doc = Document()
    build(doc)
    target = tmp_path / "tay.docx"
    doc.save(str(target))
    return check_docx(target)


def of(findings: list[Finding], *codes: str) -> list[Finding]:
    return [f for f in findings if f.code in codes]


def assert_single(findings: list[Finding], code: str, fragment: str | None) -> None:
    """No finding with `code` when fragment is None, else exactly one whose message holds it."""
    messages = [f.message for f in of(findings, code)]
    assert messages == [] if fragment is None else len(messages) == 1 and fragment in messages[0], messages


def assert_found(findings: list[Finding], expected: list[Expected]) -> None:
    """Each expected finding is there (exact severity, code, place; message fragment)."""
    for severity, code, place, fragment in expected:
        matches = [
            f for f in findings if (f.severity, f.code, f.where) == (severity, code, place) and fragment in f.message
        ]
        assert matches, f"missing {severity} {code} at {place!r} with {fragment!r}; got:\n" + "\n".join(
            map(str, findings)
        )


# --- (a) our own output ----------------------------------------------------------


def test_example_has_no_errors(example_docx: Path) -> None:
    findings = check_docx(example_docx)
    assert not has_errors(findings), "\n".join(map(str, findings))


# --- (b) our output, broken by hand ------------------------------------------------


def broken_date(doc) -> list[Expected]:
    number, table = table_with(doc, "CỘNG HÒA")
    set_text(cell_paragraph(table.cell(0, 1), "Tân Hòa, ngày"), "Tân Hòa, ngày 5 tháng 06 năm 2026")
    place = f"bảng {number}, ô (1, 2): «Tân Hòa, ngày 5 tháng 06 năm 2026»"
    return [(ERROR, "ngay-thang-so-0", place, "«ngày 05»"), (ERROR, "ngay-thang-so-0", place, "«tháng 6»")]


def misnumbered_headings(doc) -> list[Expected]:
    first_place, _ = body_paragraph(doc, "1. Việc ban hành")
    skipped_place, skipped = body_paragraph(doc, "2. Hoạt động")
    skipped.runs[0].text = "3. "
    roman_place, _ = body_paragraph(doc, "II. ")
    orphan_place, orphan = body_paragraph(doc, "1.1. ")
    orphan.runs[0].text = "2.1. "
    return [
        (ERROR, "danh-so-muc", where(skipped_place, skipped), f"«3.» đứng sau «1.» ({first_place})"),
        (ERROR, "danh-so-muc", where(orphan_place, orphan), f"nằm dưới «II.» ({roman_place}) nhưng chưa có mục «2.»"),
    ]


def unpadded_number(doc) -> list[Expected]:
    number, table = table_with(doc, "Số:")
    set_text(cell_paragraph(table.cell(0, 0), "Số:"), "Số: 5/BC-UBND")
    return [(ERROR, "so-ky-hieu", f"bảng {number}, ô (1, 1): «Số: 5/BC-UBND»", "«05»")]


def narrow_margins(doc) -> list[Expected]:
    doc.sections[0].left_margin = Mm(25)
    doc.sections[0].top_margin = Mm(30)
    return [(ERROR, "le-trang", "mục 1 (section)", "lề trên 30,0 mm (phải từ 20 đến 25 mm); lề trái 25,0 mm")]


def arial_run(doc) -> list[Expected]:
    place, paragraph = body_paragraph(doc, "Thực hiện Kế hoạch")
    paragraph.runs[0].font.name = "Arial"
    return [(ERROR, "phong-chu", where(place, paragraph), "«Arial» (1 đoạn")]


def small_body_text(doc) -> list[Expected]:
    place, paragraph = body_paragraph(doc, "Xã Tân Hòa được")
    _, later = body_paragraph(doc, "Tăng cường kiểm tra")
    for run in paragraph.runs + later.runs:
        run.font.size = Pt(12)
    return [(ERROR, "co-chu", where(place, paragraph), "cỡ 12 (2 đoạn, đoạn đầu tiên ở đây)")]


def recipient_without_semicolon(doc) -> list[Expected]:
    number, table = table_with(doc, "Nơi nhận:")
    set_text(cell_paragraph(table.cell(0, 0), "- Thường trực Đảng ủy"), "- Thường trực Đảng ủy xã")
    return [(ERROR, "noi-nhan-dau", f"bảng {number}, ô (1, 1): «- Thường trực Đảng ủy xã»", "«;»")]


def english_numbers(doc) -> list[Expected]:
    place, paragraph = body_paragraph(doc, "Tăng cường kiểm tra")
    paragraph.add_run(" Diện tích tăng thêm 2.08 ha, tỷ lệ 91,1 % so với kế hoạch.")
    return [
        (ERROR, "kieu-so", where(place, paragraph), "«2.08» viết theo kiểu tiếng Anh; viết «2,08»"),
        (WARNING, "dau-phan-tram", where(place, paragraph), "viết liền «91,1%»"),
        (WARNING, "dau-thap-phan", "toàn văn bản", f"dấu chấm «2.08» ({place})"),
    ]


def typed_note_numbers(doc) -> list[Expected]:
    cited = [body_paragraph(doc, start) for start in ("Xã Tân Hòa được", "Thực hiện Kế hoạch", "Tăng cường kiểm tra")]
    for (_, paragraph), number in zip(cited, ("1", "2", "2"), strict=True):
        paragraph.add_run(number).font.superscript = True
    (first_place, first), (second_place, _), (third_place, third) = cited
    return [
        (WARNING, "chu-thich-go-tay", where(first_place, first), "Có 3 số chú thích gõ tay"),
        (
            ERROR,
            "chu-thich-thu-tu",
            where(third_place, third),
            f"«2» trùng hoặc lùi số so với «2» ({second_place}); phải là «3»",
        ),
    ]


@pytest.mark.parametrize(
    "edit",
    [
        broken_date,
        misnumbered_headings,
        unpadded_number,
        narrow_margins,
        arial_run,
        small_body_text,
        recipient_without_semicolon,
        english_numbers,
        typed_note_numbers,
    ],
)
def test_each_defect_is_reported_at_its_place(example_docx: Path, tmp_path: Path, edit: Callable) -> None:
    findings, expected = check_edited(example_docx, tmp_path, edit)
    assert_found(findings, expected)
    unexpected = [f for f in findings if f.severity == ERROR and f.code not in {e[1] for e in expected}]
    assert not unexpected, "\n".join(map(str, unexpected))
    assert len([f for f in findings if f.severity == ERROR]) == len([e for e in expected if e[0] == ERROR])


@pytest.mark.parametrize(
    ("line", "code", "fragment"),
    [
        ("Số:      /BC-UBND", "so-ky-hieu", None),
        ("Số: 015/BC-UBND", "so-ky-hieu", "phải là «15»"),
        ("Số: 05/KH-UBND", "ky-hieu-loai", "phải bắt đầu bằng «BC»"),
        ("Số: 1408/UBND-VP", "ky-hieu-loai", "phải bắt đầu bằng «BC»"),
        ("Số: 05/BC", "so-ky-hieu", "chưa đủ"),
    ],
)
def test_doc_number_variants(example_docx: Path, tmp_path: Path, line: str, code: str, fragment: str | None) -> None:
    findings, _ = check_edited(
        example_docx, tmp_path, lambda doc: set_text(cell_paragraph(table_with(doc, "Số:")[1].cell(0, 0), "Số:"), line)
    )
    assert_single(findings, code, fragment)
    assert not [f for f in findings if f.code in {"so-ky-hieu", "ky-hieu-loai"} - {code}]


@pytest.mark.parametrize(
    ("line", "code", "fragment"),
    [
        ("Tân Hòa, ngày      tháng 6 năm 2026", "ngay-thang", None),
        ("Tân Hòa, ngày 04 tháng 02 năm 2026", "ngay-thang", None),
        ("Tân Hòa, ngày 30 tháng 02 năm 2026", "ngay-thang", "không có trong lịch"),
        ("Tân Hòa, ngày 04 tháng 2 năm 2026", "ngay-thang-so-0", "phải là «tháng 02»"),
        ("Tân Hòa, ngày 4 tháng 12 năm 2026", "ngay-thang-so-0", "phải là «ngày 04»"),
    ],
)
def test_date_line_variants(example_docx: Path, tmp_path: Path, line: str, code: str, fragment: str | None) -> None:
    findings, _ = check_edited(
        example_docx,
        tmp_path,
        lambda doc: set_text(cell_paragraph(table_with(doc, "CỘNG HÒA")[1].cell(0, 1), "Tân Hòa, ngày"), line),
    )
    assert_single(findings, code, fragment)
    assert not [f for f in findings if f.code.startswith("ngay-thang") and f.code != code]


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", None),  # the tone mark placed the old way
        ("CONG HOA XA HOI CHU NGHIA VIET NAM", "Quốc hiệu viết «CONG HOA XA HOI CHU NGHIA VIET NAM»"),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHỈA VIỆT NAM", "phải là «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM»"),
        ("CỘNG HÒA XÃ HỘI", "Không thấy Quốc hiệu"),
    ],
)
def test_quoc_hieu_variants(example_docx: Path, tmp_path: Path, line: str, fragment: str | None) -> None:
    """Quốc hiệu is found however its tone marks are typed; only the old placement in "HOÀ" is right too."""
    findings, _ = check_edited(
        example_docx,
        tmp_path,
        lambda doc: set_text(cell_paragraph(table_with(doc, "CỘNG HÒA")[1].cell(0, 1), "CỘNG HÒA"), line),
    )
    assert_single(findings, "o-tieu-de", fragment)


def test_date_line_must_be_italic(example_docx: Path, tmp_path: Path) -> None:
    def upright(doc) -> None:
        cell_paragraph(table_with(doc, "CỘNG HÒA")[1].cell(0, 1), "Tân Hòa, ngày").runs[0].italic = False

    findings, _ = check_edited(example_docx, tmp_path, upright)
    assert_single(findings, "ngay-thang-nghieng", "Dòng địa danh và ngày tháng phải in nghiêng.")


def test_landscape_appendix_sections_are_accepted(example_docx: Path, tmp_path: Path) -> None:
    def add_appendices(doc) -> None:
        rotated = {"top_margin": 15, "bottom_margin": 30, "left_margin": 20, "right_margin": 20}  # 30 left, turned
        plain = {"top_margin": 20, "bottom_margin": 20, "left_margin": 30, "right_margin": 15}
        for margins in (plain, rotated):
            section = doc.add_section(WD_SECTION.NEW_PAGE)
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Mm(297), Mm(210)
            for side, mm in margins.items():
                setattr(section, side, Mm(mm))
            doc.add_paragraph("Phụ lục")

    findings, _ = check_edited(example_docx, tmp_path, add_appendices)
    assert not of(findings, "kho-giay") + of(findings, "le-trang"), "\n".join(map(str, findings))


def test_bad_appendix_page_is_warned_and_letter_paper_is_an_error(example_docx: Path, tmp_path: Path) -> None:
    def add_sections(doc) -> int:
        landscape = doc.add_section(WD_SECTION.NEW_PAGE)
        landscape.page_width, landscape.page_height = Mm(297), Mm(210)
        landscape.left_margin = landscape.right_margin = landscape.top_margin = landscape.bottom_margin = Mm(10)
        letter = doc.add_section(WD_SECTION.NEW_PAGE)
        letter.page_width, letter.page_height = Mm(215.9), Mm(279.4)
        return len(doc.sections)

    findings, count = check_edited(example_docx, tmp_path, add_sections)
    assert [(f.severity, f.where) for f in of(findings, "le-trang", "le-trang-ngang")] == [
        (WARNING, f"mục {count - 1} (section)"),  # landscape: lenient
        (ERROR, f"mục {count} (section)"),  # portrait: the margins it inherited are 10 mm
    ]
    assert [(f.severity, f.where) for f in of(findings, "kho-giay")] == [(ERROR, f"mục {count} (section)")]
    assert "215,9 × 279,4 mm" in of(findings, "kho-giay")[0].message


def test_broken_and_custom_footnote_references(example_docx: Path, tmp_path: Path) -> None:
    def break_references(doc) -> None:
        first, second = list(doc.element.body.iter(qn("w:footnoteReference")))[:2]
        first.set(qn("w:id"), "999")
        second.set(qn("w:customMarkFollows"), "1")

    findings, _ = check_edited(example_docx, tmp_path, break_references)
    notes = of(findings, "chu-thich-hong", "chu-thich-ky-hieu")
    assert [f.severity for f in notes] == [ERROR, WARNING], "\n".join(map(str, findings))
    assert "không có trong tệp" in notes[0].message and "ký hiệu tự đặt" in notes[1].message


def test_footnotes_are_placed_by_citation_order(example_docx: Path, tmp_path: Path) -> None:
    def enlarge_second_note(doc) -> str:
        """Cite the first two notes the other way round, then enlarge the one now cited second."""
        first, second = list(doc.element.body.iter(qn("w:footnoteReference")))[:2]
        first_id, second_id = first.get(qn("w:id")), second.get(qn("w:id"))
        first.set(qn("w:id"), second_id)
        second.set(qn("w:id"), first_id)
        part = next(rel.target_part for rel in doc.part.rels.values() if rel.reltype == RT.FOOTNOTES)
        root = etree.fromstring(part.blob)
        note = next(n for n in root.iter(qn("w:footnote")) if n.get(qn("w:id")) == first_id)
        for run in note.iter(qn("w:r")):
            if run.find(qn("w:rPr")) is None:
                run.insert(0, etree.Element(qn("w:rPr")))
            etree.SubElement(run.find(qn("w:rPr")), qn("w:sz")).set(qn("w:val"), "28")
        part._blob = etree.tostring(root)
        return "".join(t.text for t in note.find(qn("w:p")).iter(qn("w:t")))

    findings, text = check_edited(example_docx, tmp_path, enlarge_second_note)
    assert [(f.severity, f.where) for f in of(findings, "co-chu-chu-thich")] == [
        (WARNING, f"chú thích 2: «{excerpt(text)}»")
    ]
    assert "Chú thích cỡ 14" in of(findings, "co-chu-chu-thich")[0].message


# --- (c) documents made by hand ----------------------------------------------------


def test_handmade_document_without_grid(tmp_path: Path) -> None:
    def build(doc) -> None:
        doc.add_paragraph("UBND XÃ AN BÌNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        doc.add_paragraph("\tĐộc lập – Tự do – Hạnh phúc")
        doc.add_paragraph("BÁO CÁO")
        doc.add_heading("I. KẾT QUẢ", level=1)
        doc.add_paragraph("Nội dung.")
        doc.add_heading("II. PHƯƠNG HƯỚNG", level=1)
        doc.add_heading("2.1. Nhiệm vụ", level=2)

    findings = check_new(tmp_path, build)
    assert_found(
        findings,
        [
            (
                ERROR,
                "o-tieu-de",
                "đoạn 1: «UBND XÃ AN BÌNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM»",
                "không nằm trong bảng",
            ),
            (ERROR, "o-tieu-de", "đoạn 1: «UBND XÃ AN BÌNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM»", "phải in đậm"),
            (ERROR, "o-tieu-de", "đoạn 2: «Độc lập – Tự do – Hạnh phúc»", "«Độc lập – Tự do – Hạnh phúc»"),
            (ERROR, "o-tieu-de", "đoạn 2: «Độc lập – Tự do – Hạnh phúc»", "Tiêu ngữ phải in đậm."),
            (
                ERROR,
                "danh-so-muc",
                "đoạn 7: «2.1. Nhiệm vụ»",
                "nằm dưới «II.» (đoạn 6) nhưng chưa có mục «2.» trong «II.»",
            ),
            (ERROR, "kho-giay", "mục 1 (section)", "215,9 × 279,4 mm"),
            (ERROR, "phong-chu", "đoạn 1: «UBND XÃ AN BÌNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM»", "(phông theo chủ đề)"),
            (ERROR, "co-chu", "đoạn 1: «UBND XÃ AN BÌNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM»", "cỡ 11"),
            (ERROR, "so-ky-hieu", "đầu văn bản", "Không thấy dòng số, ký hiệu"),
            (ERROR, "ngay-thang", "đầu văn bản", "Không thấy dòng địa danh"),
            (ERROR, "noi-nhan", "cuối văn bản", "Không thấy «Nơi nhận:»"),
        ],
    )
    assert len(of(findings, "danh-so-muc")) == 1


def test_bordered_grid_after_text(tmp_path: Path) -> None:
    def build(doc) -> None:
        doc.add_paragraph("Mẫu số 1")
        table = doc.add_table(rows=1, cols=3, style="Table Grid")
        table.cell(0, 0).text = "Số: 05/BC-UBND"
        right = table.cell(0, 1)
        right.paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
        right.add_paragraph().add_run("Độc lập - Tự do - Hạnh phúc").bold = True

    findings = check_new(tmp_path, build)
    assert [f.message.split(";")[0] for f in of(findings, "o-tieu-de")] == [
        "Bảng Quốc hiệu phải ở trên cùng trang đầu, trước mọi nội dung khác.",
        "Bảng Quốc hiệu có 3 cột",
        "Bảng Quốc hiệu đang hiện đường viền",
    ]
    assert {f.where for f in of(findings, "o-tieu-de")} == {"bảng 1"}


def test_borderless_grid_passes(tmp_path: Path) -> None:
    def build(doc) -> None:
        table = doc.add_table(rows=1, cols=2)  # no style: Normal Table, no borders
        table.cell(0, 0).text = "Số: 05/BC-UBND"
        right = table.cell(0, 1)
        right.paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
        right.add_paragraph().add_run("Độc lập - Tự do - Hạnh phúc").bold = True
        right.add_paragraph().add_run("Tân Hòa, ngày 05 tháng 6 năm 2026").italic = True

    findings = check_new(tmp_path, build)
    assert not of(findings, "o-tieu-de") + of(findings, "so-ky-hieu") + of(findings, "ngay-thang")


def test_bold_numbering_points_and_parts(tmp_path: Path) -> None:
    labels = [
        "Phần I",
        "I. Mục",
        "1. Tiểu mục",
        "a) Một",
        "b) Hai",
        "c) Ba",
        "d) Bốn",
        "e) Năm",
        "f) Sáu",
        "2. Tiểu mục",
        "a) Lại từ đầu",
        "Phần thứ hai",
        "II. Mục",
    ]

    def build(doc) -> None:
        for label in labels:
            doc.add_paragraph().add_run(label).bold = True
        doc.add_paragraph("5. Đoạn có số thứ tự (không đậm) cũng thuộc đề cương.")

    findings = of(check_new(tmp_path, build), "danh-so-muc")
    assert [(f.where, f.message.split(";")[0]) for f in findings] == [
        ("đoạn 8: «e) Năm»", "Đề mục «e)» đứng sau «d)» (đoạn 7): bỏ sót số thứ tự, phải là «đ)»."),
        ("đoạn 9: «f) Sáu»", "Điểm «f)» dùng chữ không có trong bảng chữ cái tiếng Việt"),
        ("đoạn 12: «Phần thứ hai»", "«Phần thứ hai» và «Phần I» (đoạn 1) dùng hai kiểu đánh số Phần khác nhau"),
        ("đoạn 13: «II. Mục»", "Đề mục «II.» là số đầu tiên trong «Phần thứ hai» (đoạn 12) nên phải là «I.»."),
        (
            "đoạn 14: «5. Đoạn có số thứ tự (không đậm) cũng thuộc đề cươ…»",
            "Đoạn đánh số «5.» là số đầu tiên trong «II.» (đoạn 13) nên phải là «1.».",
        ),
    ]


def test_running_text_dates_and_units(tmp_path: Path) -> None:
    def build(doc) -> None:
        doc.add_paragraph("Theo Công văn số 1408-CV/HU ngày 4/6/2020 và Quyết định số 2279/QĐ-UBND ngày 04/06/2020.")
        doc.add_paragraph("Ngày 31/2/2020 và ngày 10/02/2020; 1,234,567 đồng; 1.539,72 ha; công nghiệp 4.0.")
        area = doc.add_paragraph("Nhà văn hóa rộng 120 m")
        area.add_run("2").font.superscript = True

    findings = check_new(tmp_path, build)
    dates = [
        (f.severity, f.where.split(":")[0], f.message.split(",")[0]) for f in of(findings, "ngay-viet-tat", "ngay-sai")
    ]
    assert dates == [
        (WARNING, "đoạn 1", "Ngày viết «4/6/2020»"),
        (WARNING, "đoạn 1", "Ngày viết «04/06/2020»"),
        (WARNING, "đoạn 2", "«31/2/2020» không phải ngày có trong lịch (viết theo thứ tự ngày/tháng/năm)."),
    ]
    assert [f.message.split(";")[0] for f in of(findings, "kieu-so")] == ["Số «1,234,567» viết theo kiểu tiếng Anh"]
    assert not of(findings, "chu-thich-go-tay", "chu-thich-thu-tu")


def test_recipients_block_in_body(tmp_path: Path) -> None:
    def build(doc) -> None:
        doc.add_paragraph("Nội dung báo cáo")
        doc.add_paragraph("Nơi nhận").runs[0].bold = True
        for line in ("- Sở Nội vụ;", "– UBND tỉnh;", "- Lưu VT"):
            doc.add_paragraph(line)

    findings = check_new(tmp_path, build)
    expected = [
        ("đoạn 2: «Nơi nhận»", "Viết «Nơi nhận:» (có dấu hai chấm) trên một dòng riêng, không viết «Nơi nhận»."),
        ("đoạn 2: «Nơi nhận»", "«Nơi nhận:» phải in đậm và in nghiêng (đang chưa in nghiêng)."),
        ("đoạn 4: «– UBND tỉnh;»", "Mỗi dòng nơi nhận bắt đầu bằng gạch đầu dòng «- »"),
        ("đoạn 5: «- Lưu VT»", "Dòng «- Lưu: …» phải kết thúc bằng dấu chấm «.»."),
    ]
    found = of(findings, "noi-nhan", "noi-nhan-dau")
    assert len(found) == len(expected) and all(
        f.where == place and f.message.startswith(start) for f, (place, start) in zip(found, expected, strict=True)
    ), "\n".join(map(str, found))
    assert [f.where for f in of(findings, "ket-thuc")] == ["đoạn 1: «Nội dung báo cáo»"]


def test_not_a_docx(tmp_path: Path) -> None:
    target = tmp_path / "hong.docx"
    target.write_text("không phải tệp Word", encoding="utf-8")
    with pytest.raises(BaocaoError, match="Không đọc được tệp Word"):
        check_docx(target)


# --- (d) JSON ------------------------------------------------------------------------


def test_json_output(tmp_path: Path) -> None:
    findings = check_new(tmp_path, lambda doc: doc.add_paragraph("Số: 5/BC-UBND"))
    data = json.loads(findings_to_json(findings))
    assert len(data) == len(findings) > 0
    assert all(set(item) == {"severity", "code", "message", "where", "rule"} for item in data)
    assert {item["severity"] for item in data} <= {"loi", "canh_bao"}
    assert {"code": "so-ky-hieu", "where": "đoạn 1: «Số: 5/BC-UBND»"}.items() <= next(
        item for item in data if item["code"] == "so-ky-hieu"
    ).items()
    assert "Số: 5/BC-UBND" in findings_to_json(findings)  # Vietnamese kept readable, not \u-escaped


# --- (e) the abbreviations of Phụ lục III ----------------------------------------------


class TestDocTypeAbbreviations:
    @pytest.mark.parametrize(
        ("name", "abbreviation"),
        [
            ("Báo cáo", "BC"),
            ("Kế hoạch", "KH"),
            ("Quyết định", "QĐ"),
            ("Tờ trình", "TTr"),
            ("Quy định", "QyĐ"),
            ("Chương trình", "CTr"),
            ("Đề án", "ĐA"),
            ("Dự án", "DA"),
            ("Bản trích sao", "TrS"),
            ("Bản sao lục", "SL"),
        ],
    )
    def test_maps_type_names_to_phu_luc_iii_abbreviations(self, name, abbreviation):
        assert DOC_TYPE_ABBREVIATIONS[name] == abbreviation

    def test_lists_the_thirty_types_once_each(self):
        assert len(DOC_TYPE_ABBREVIATIONS) == 30
        assert len(set(DOC_TYPE_ABBREVIATIONS.values())) == 30

    def test_has_no_abbreviation_for_cong_van(self):
        assert "Công văn" not in DOC_TYPE_ABBREVIATIONS

    def test_is_written_in_nfc(self):
        for text in [*DOC_TYPE_ABBREVIATIONS, *DOC_TYPE_ABBREVIATIONS.values()]:
            assert unicodedata.is_normalized("NFC", text)
