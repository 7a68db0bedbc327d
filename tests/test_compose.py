"""Compose-stage limits and frame lines, and byte-for-byte reproducible output."""

from __future__ import annotations

import io
import zipfile

import pytest
from helpers import EXAMPLE, small_report

from baocao.errors import BaocaoError
from baocao.pipeline import build, render


def _points(count: int) -> list:
    """A Mục > 1. > 1.1. outline whose 1.1. holds `count` points."""
    points = [{"tieu_de": f"Điểm thứ {i + 1}", "noi_dung": ["Nội dung."]} for i in range(count)]
    return [
        {"tieu_de": "Mục", "noi_dung": [{"tieu_de": "Tiểu mục", "noi_dung": [{"tieu_de": "Nhóm", "noi_dung": points}]}]}
    ]


def test_twenty_three_points_use_the_whole_vietnamese_alphabet(report_dir):
    report = report_dir.write(small_report(noi_dung=_points(23)))
    document = _document_xml(render(report).data).decode()
    assert ">đ) <" in document and ">y) <" in document and ">f) <" not in document


def test_a_24th_point_is_a_located_error(report_dir):
    report = report_dir.write(small_report(noi_dung=_points(24)))
    with pytest.raises(BaocaoError) as caught:
        render(report)
    problem = caught.value.problems[0]
    assert "23 điểm" in problem.message
    assert problem.location.file == report and problem.location.line > 1


def test_more_than_ten_parts_in_words_is_refused(report_dir):
    parts = [{"tieu_de": f"Nội dung {i}", "noi_dung": ["Đoạn."]} for i in range(11)]
    report = report_dir.write(small_report(co_phan=True, kieu_phan="chu", noi_dung=parts))
    with pytest.raises(BaocaoError) as caught:
        render(report)
    assert "Phần thứ" in caught.value.problems[0].message


@pytest.mark.parametrize(
    "field, text",
    [
        ("trich_yeu", "Tình hình **đặc biệt**"),
        ("dong_nghieng", "(Số liệu đến 10/6/2026[^Theo Chi cục Thống kê.])"),
    ],
)
def test_markup_in_frame_lines_is_refused_with_its_line(report_dir, field, text):
    report = report_dir.write(small_report(**{field: text}))
    with pytest.raises(BaocaoError) as caught:
        render(report)
    problem = caught.value.problems[0]
    assert field in problem.message
    assert (
        problem.location.line
        == report.read_text(encoding="utf-8")
        .splitlines()
        .index(next(line for line in report.read_text(encoding="utf-8").splitlines() if line.startswith(field)))
        + 1
    )


def test_frame_lines_render_their_expressions(report_dir):
    report = report_dir.write(small_report(trich_yeu="Tình hình {{ ky }}"))
    assert "Tình hình 6 tháng đầu năm 2026".encode() in _document_xml(render(report).data)


def test_two_builds_are_byte_identical(tmp_path):
    first, _ = build(EXAMPLE, tmp_path / "a.docx")
    second, _ = build(EXAMPLE, tmp_path / "b.docx")
    assert first.read_bytes() == second.read_bytes()


def test_the_package_is_zipped_once_as_repacking_would():
    """save_reproducible writes through python-docx's package writer: the bytes of save + reproducible_zip."""

    from docx import Document

    from baocao.writers.docx.ooxml import reproducible_zip, save_reproducible

    document = Document(io.BytesIO(render(EXAMPLE).data))
    saved = io.BytesIO()
    document.save(saved)
    assert save_reproducible(document) == reproducible_zip(saved.getvalue())


def _document_xml(data: bytes) -> bytes:

    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")


def test_a_note_may_hold_nested_and_escaped_brackets():
    from baocao.compose.markup import parse_inline
    from baocao.document.model import NoteRef

    notes = []
    inlines = parse_inline(r"Câu[^Gồm [a] và \] cuối] tiếp.", lambda body: notes.append(body) or body)
    assert notes == [r"Gồm [a] và \] cuối"]
    assert [type(i).__name__ for i in inlines] == ["Text", "NoteRef", "Text"] and isinstance(inlines[1], NoteRef)


def test_a_footnote_is_rendered_once_with_its_sentence(report_dir):
    """What an expression prints in a footnote is kept as printed: "{{" printed there is not read again."""
    report = small_report(noi_dung=["Câu[^  Ký hiệu {{ '{{' }} a }} trong mẫu.  ]."])
    built = render(report_dir.write(report))
    notes = zipfile.ZipFile(io.BytesIO(built.data)).read("word/footnotes.xml").decode()
    assert "Ký hiệu {{ a }} trong mẫu." in notes and "> Ký hiệu" not in notes


def test_a_footnote_in_a_heading_is_a_real_footnote(report_dir):
    report = small_report(noi_dung=[{"tieu_de": "Kết quả[^Số liệu đến hết tháng 5.]", "noi_dung": ["Đoạn."]}])
    document = _document_xml(render(report_dir.write(report)).data).decode()
    heading = next(p for p in document.split("<w:p>") if "KẾT QUẢ" in p)
    assert 'w:pStyle w:val="Heading2"' in heading and "<w:footnoteReference" in heading


def test_the_next_period_is_a_name_so_next_reports_stay_right(report_dir):
    report = small_report(
        ky_bao_cao="6 tháng cuối năm 2026",
        ngay="12/2026",
        noi_dung=[{"tieu_de": "Nhiệm vụ {{ ky_toi }}", "noi_dung": ["Đoạn."]}],
    )
    assert "NHIỆM VỤ 6 THÁNG ĐẦU NĂM 2027" in _document_xml(render(report_dir.write(report)).data).decode()


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ('phong trào "Xanh" của xã', "phong trào “Xanh” của xã"),
        ('văn minh". Tăng cường', "văn minh”. Tăng cường"),  # opened in the paragraph before (a page split)
        ('**"Xanh"** và ("Sạch")', "“Xanh” và (“Sạch”)"),
    ],
)
def test_quotes_open_or_close_by_what_is_before(typed: str, printed: str) -> None:
    from baocao.compose.markup import parse_inline

    assert "".join(i.text for i in parse_inline(typed, lambda name: None)) == printed  # type: ignore[attr-defined]
