"""The outline as real reports write it: the label ladder, numbered paragraphs, run-in headings, unnumbered
sub-heads, multi-paragraph footnotes, a trích yếu on two lines, a report without closing sentence."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from helpers import small_report
from lxml import etree

from baocao.conventions.numbering import read_label
from baocao.errors import BaocaoError
from baocao.nd30 import WARNING, check_docx
from baocao.pipeline import render


def _section(title: str = "", text: str = "", *content: Any, **keys: Any) -> dict[str, Any]:
    section: dict[str, Any] = {"tieu_de": title} if title else {}
    if text:
        section["doan"] = text
    return section | keys | ({"noi_dung": list(content)} if content else {})


def _body(data: bytes) -> list[Any]:
    """The body paragraphs of the rendered report between the title and the closing (python-docx)."""
    doc = Document(io.BytesIO(data))
    return [p for p in doc.paragraphs if p.text.strip()]


def _paragraph(data: bytes, start: str):
    return next(p for p in _body(data) if p.text.startswith(start))


def _render(report_dir, **changes: Any):
    built = render(report_dir.write(small_report(**changes)))
    return built.data, built.warnings


def _labels(data: bytes) -> list[str]:
    """The label each numbered paragraph starts with, with its Word style."""
    found = []
    for p in _body(data):
        typed = read_label(p.text)
        if typed and p.style is not None:
            found.append(f"{typed.text} {p.style.name}")
    return found


POINTS = [_section(f"Điểm {n}", "", "Nội dung.") for n in range(6)]


def test_points_straight_under_an_arabic_item(report_dir):
    data, warnings = _render(report_dir, kieu_muc=["so", "chu"], noi_dung=[_section("Công tác chỉ đạo", "", *POINTS)])
    assert _labels(data) == [
        "1. Heading 3",
        "a) Heading 5",
        "b) Heading 5",
        "c) Heading 5",
        "d) Heading 5",
        "đ) Heading 5",
        "e) Heading 5",
    ]
    assert warnings == []


def test_a_section_chooses_its_childrens_style(report_dir):
    outline = [
        _section(
            "Kết quả",
            "",
            _section("Chỉ đạo", "", *POINTS[:2], kieu_muc_con="chu"),
            _section("Sản xuất", "", _section("Trồng trọt", "", "Nội dung.")),
        )
    ]
    data, warnings = _render(report_dir, noi_dung=outline)
    assert _labels(data) == [
        "I. Heading 2",
        "1. Heading 3",
        "a) Heading 5",
        "b) Heading 5",
        "2. Heading 3",
        "2.1. Heading 4",
    ]
    assert [w.message.split(":")[0] for w in warnings] == ["Các mục cùng cấp đánh số hai kiểu"]
    assert "«1.1.» ở đây và «a)»" in warnings[0].message


def test_arabic_items_straight_under_a_part(report_dir):
    parts = [
        _section("Kết quả", "", _section("Chỉ đạo", "", "Nội dung."), _section("Sản xuất", "", "Nội dung.")),
        _section("Phương hướng", "", _section("Nhiệm vụ", "", "Nội dung.")),
    ]
    data, _ = _render(report_dir, co_phan=True, kieu_muc=["so", "chu"], noi_dung=parts)
    labels = [p.text.split("\n")[0] for p in _body(data) if p.style.name.startswith("Heading")]
    assert labels == ["Phần I", "1. Chỉ đạo", "2. Sản xuất", "Phần II", "1. Nhiệm vụ"]


def test_the_unit_profile_sets_the_ladder_and_the_report_overrides_it(report_dir):
    outline = [_section("Kết quả", "", _section("Chỉ đạo", "", "Nội dung."))]
    report = report_dir.write(small_report(noi_dung=outline), kieu_muc=["so", "chu"])
    assert _labels(render(report).data) == ["1. Heading 3", "a) Heading 5"]
    report = report_dir.write(small_report(noi_dung=outline, kieu_muc=["la_ma", "so"]), kieu_muc=["so", "chu"])
    assert _labels(render(report).data) == ["I. Heading 2", "1. Heading 3"]


def test_numbered_paragraph_without_title(report_dir):
    outline = [
        _section(
            "Kết quả",
            "",
            _section("", "Tập trung chỉ đạo thu hoạch lúa."),
            _section("", "Hoàn thành kế hoạch tiêm phòng.", "Nội dung thêm."),
        )
    ]
    data, _ = _render(report_dir, noi_dung=outline)
    first = _paragraph(data, "1. ")
    assert first.text == "1. Tập trung chỉ đạo thu hoạch lúa."
    assert first.style.name == "Normal" and not any(r.bold for r in first.runs)
    assert _paragraph(data, "2. ").text == "2. Hoàn thành kế hoạch tiêm phòng."


@pytest.mark.parametrize(
    "keys, bold, italic",
    [({}, False, True), ({"kieu_tieu_de": "dam"}, True, False), ({"kieu_tieu_de": "dam_nghieng"}, True, True)],
)
def test_run_in_heading(report_dir, keys, bold, italic):
    run_in = _section("Về công tác tổ chức", "ban hành 05 kế hoạch.", **keys)
    data, _ = _render(report_dir, kieu_muc=["so", "chu"], noi_dung=[_section("Chỉ đạo", "", run_in)])
    p = _paragraph(data, "a) ")
    assert p.text == "a) Về công tác tổ chức: ban hành 05 kế hoạch."
    assert p.style.name == "Normal"
    label, lead, text = p.runs[0], p.runs[1], p.runs[-1]
    assert (label.text, lead.text) == ("a) ", "Về công tác tổ chức:")
    assert (bool(lead.bold), bool(lead.italic)) == (bold, italic) == (bool(label.bold), bool(label.italic))
    assert not text.bold and not text.italic


def test_run_in_heading_keeps_its_own_punctuation(report_dir):
    outline = [_section("Bưu chính.", "hoạt động ổn định.")]
    data, _ = _render(report_dir, kieu_muc=["so"], noi_dung=outline)
    assert _paragraph(data, "1. ").text == "1. Bưu chính. hoạt động ổn định."


def test_unnumbered_sub_head_is_skipped_by_the_numbering(report_dir):
    outline = [
        _section(
            "Kết quả",
            "",
            _section("Chỉ đạo", "", "Nội dung."),
            _section("Kết quả cụ thể", "", _section("Sản xuất", "", "Nội dung."), danh_so=False),
        )
    ]
    data, _ = _render(report_dir, noi_dung=outline)
    sub = _paragraph(data, "Kết quả cụ thể")
    assert sub.style.name == "Normal" and all(r.bold for r in sub.runs)
    assert sub._p.pPr.find(qn("w:keepNext")) is not None
    assert _paragraph(data, "2. ").text == "2. Sản xuất"


def _footnotes(data: bytes):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/footnotes.xml"))
    return [n for n in root.iter(qn("w:footnote")) if n.get(qn("w:type")) is None]


def test_footnote_of_two_paragraphs(report_dir):
    data, _ = _render(
        report_dir,
        chu_thich={"nguon": ["Theo số liệu của Chi cục Thống kê.", "Số liệu ước tính."]},
        noi_dung=[_section("Kết quả", "", "Sản lượng đạt kế hoạch[^nguon].")],
    )
    [note] = _footnotes(data)
    paragraphs = ["".join(t.text for t in p.iter(qn("w:t"))).strip() for p in note.iter(qn("w:p"))]
    assert paragraphs == ["Theo số liệu của Chi cục Thống kê.", "Số liệu ước tính."]
    assert note.find(f"{qn('w:p')}//{qn('w:footnoteRef')}") is not None  # the number only before the first


def test_trich_yeu_on_two_lines(report_dir):
    data, _ = _render(report_dir, loai="chung", trich_yeu="Kết quả 6 tháng đầu năm,\nphương hướng 6 tháng cuối năm")
    title = _paragraph(data, "Kết quả 6 tháng")
    assert title.text == "Kết quả 6 tháng đầu năm,\nphương hướng 6 tháng cuối năm"
    assert title._p.find(f"{qn('w:r')}/{qn('w:br')}") is not None
    closing = _paragraph(data, "Trên đây")
    assert "đầu năm, phương hướng" in closing.text


def test_without_closing_sentence_the_last_paragraph_ends_the_report(report_dir):
    data, _ = _render(report_dir, ket_luan=False, noi_dung=[_section("Kết quả", "", "Đoạn cuối cùng.")])
    body = _body(data)
    last = next(p for p in body if p.text.startswith("Đoạn cuối"))
    assert last.text == "Đoạn cuối cùng./."
    assert not any(p.text.startswith("Trên đây") for p in body)
    assert last._p.pPr.find(qn("w:keepNext")) is not None  # stays with Nơi nhận and the signature


def test_closing_sentence_keeps_with_the_signature(report_dir):
    data, _ = _render(report_dir)
    assert _paragraph(data, "Trên đây")._p.pPr.find(qn("w:keepNext")) is not None


@pytest.mark.parametrize(
    "changes, key, fragment",
    [
        (
            {"noi_dung": [_section("Kết quả", "", _section("Việc", "", "x."), kieu_muc_con="so_ghep")]},
            "kieu_muc_con",
            "chỉ đặt ngay dưới một mục kiểu «1.»",
        ),
        ({"kieu_muc": ["so", "so"], "noi_dung": [_section("Kết quả", "", "x.")]}, "kieu_muc", "phải là kiểu thấp hơn"),
        ({"co_phan": True, "noi_dung": [_section("Kết quả", "Đoạn.")]}, "tieu_de", "Phần (Phần I, Phần II)"),
        ({"ket_luan": False, "noi_dung": [_section("Kết quả")]}, "ket_luan", "phải kết thúc bằng một đoạn văn"),
        ({"noi_dung": [_section("", "1. Đoạn đã gõ số.")]}, "doan", "có ghi số thứ tự"),
        ({"noi_dung": [{"noi_dung": ["x."]}]}, "noi_dung", "Mục cần tieu_de"),
        ({"noi_dung": [_section("Kết quả", "", "x.", danh_so=False, kieu_muc_con="chu")]}, "tieu_de", "danh_so: false"),
    ],
)
def test_outline_mistakes_are_located(report_dir, changes, key, fragment):
    report = report_dir.write(small_report(**changes))
    with pytest.raises(BaocaoError) as caught:
        render(report)
    problem = caught.value.problems[0]
    assert fragment in problem.message
    lines = report.read_text(encoding="utf-8").splitlines()
    assert problem.location.line and any(
        key in line for line in lines[problem.location.line - 2 : problem.location.line + 1]
    )


def test_a_report_with_every_construct_passes_check(report_dir):
    outline = [
        _section(
            "Kết quả",
            "",
            _section(
                "Chỉ đạo",
                "",
                _section("Về tổ chức", "ban hành kế hoạch[^hai]."),
                _section("", "Kiểm tra 03 thôn."),
                kieu_muc_con="chu",
            ),
            _section("", "Tập trung thu hoạch lúa."),
            _section("Bưu chính", "hoạt động ổn định."),
        ),
        _section(
            "Phương hướng",
            "",
            _section(
                "Nhiệm vụ chung",
                "",
                _section("Cụ thể", "", "Đoạn.", danh_so=False),
                _section("Việc một", "", "Nội dung."),
                "Đoạn cuối.",
            ),
            kieu_muc_con="la_ma",
        ),
    ]
    report = report_dir.write(
        small_report(
            co_phan=True,
            kieu_muc=["so", "chu"],
            ket_luan=False,
            noi_dung=outline,
            chu_thich={"hai": ["Đoạn một.", "Đoạn hai."]},
        )
    )
    built = render(report)
    target = report_dir.path / "bao-cao.docx"
    target.write_bytes(built.data)
    assert check_docx(target) == []
    # Phần II's I. beside Phần I's 1., and the a) under 1. beside the 1. under I.: one warning a mixed level
    assert [w.message.split(": ")[1].split(" ở dòng")[0] for w in built.warnings] == [
        "«I.» ở đây và «1.»",
        "«1.» ở đây và «a)»",
    ]


# --- the checker reads the flexible ladder -------------------------------------------------------


def _check(tmp_path: Path, paragraphs: list[tuple[str, bool]]):
    doc = Document()
    for text, bold in paragraphs:
        doc.add_paragraph().add_run(text).bold = bold
    target = tmp_path / "tay.docx"
    doc.save(str(target))
    return [f for f in check_docx(target) if f.code in ("danh-so-muc", "kieu-muc")]


def test_check_accepts_points_under_arabic_items_and_arabic_items_under_parts(tmp_path):
    assert (
        _check(
            tmp_path,
            [
                ("Phần I", True),
                ("1. Một", True),
                ("a) Điểm", False),
                ("b) Điểm", False),
                ("2. Hai", True),
                ("a) Lại", True),
                ("Phần II", True),
                ("I. Mục", True),
                ("1. Việc", False),
                ("1.1. Việc con", True),
                ("a) Điểm", False),
            ],
        )
        == []
    )


def test_check_reads_numbered_paragraphs_in_the_sequence(tmp_path):
    findings = _check(tmp_path, [("1. Đề mục", True), ("2. Đoạn có số thứ tự.", False), ("4. Đề mục", True)])
    assert [f.message.split(":")[0] for f in findings] == ["Đề mục «4.» đứng sau «2.» (đoạn 2)"]


def test_check_names_a_numbered_paragraph_as_such(tmp_path):
    """A title-less numbered paragraph, or a run-in heading, out of sequence is told as "Đoạn đánh số", a heading
    line as "Đề mục"."""
    findings = _check(
        tmp_path, [("1. Đề mục", True), ("1. Đoạn có số thứ tự.", False), ("3. Đoạn thứ ba.", False), ("2. Mục", True)]
    )
    assert [f.message.split(":")[0] for f in findings] == [
        "Đoạn đánh số «1.» trùng hoặc lùi số so với «1.» (đoạn 1); phải là «2.».",
        "Đoạn đánh số «3.» đứng sau «1.» (đoạn 2)",
        "Đề mục «2.» trùng hoặc lùi số so với «3.» (đoạn 3); phải là «4.».",
    ]


def test_check_names_a_run_in_heading_as_a_numbered_paragraph(tmp_path):
    """A bold label then plain text (a run-in heading) is a numbered paragraph; "Phần …" counts when its first
    run is bold, even if the rest is not."""
    doc = Document()
    for runs in (
        [("Phần I", True)],
        [("1. Đề mục", True)],
        [("3. Việc thứ ba.", True), (" Nội dung không đậm.", False)],
        [("Phần III.", True), (" Nội dung.", False)],
    ):
        paragraph = doc.add_paragraph()
        for text, bold in runs:
            paragraph.add_run(text).bold = bold
    target = tmp_path / "tay.docx"
    doc.save(str(target))
    findings = [f for f in check_docx(target) if f.code == "danh-so-muc"]
    assert [f.message.split(":")[0] for f in findings] == [
        "Đoạn đánh số «3.» đứng sau «1.» (đoạn 2)",
        "Đoạn đánh số «Phần III» đứng sau «Phần I» (đoạn 1)",
    ]


def test_check_warns_when_one_parent_mixes_child_styles(tmp_path):
    findings = _check(tmp_path, [("1. Một", True), ("a) Điểm", False), ("1.1. Con", True)])
    assert [(f.severity, f.code, f.where.split(":")[0]) for f in findings] == [(WARNING, "kieu-muc", "đoạn 3")]
    assert "«1.1.» và «a)» (đoạn 2)" in findings[0].message


# ---- typographic quotes -----------------------------------------------------------------------------


def test_straight_quotes_become_typographic_outside_expressions(report_dir):
    table = {
        "bang": {
            "tieu_de": 'Kết quả phong trào "Toàn dân"',
            "tong_cong": False,
            "cot": [{"khoa": "ten", "tieu_de": 'Tên "phong trào"'}],
            "dong": [['Phong trào "Xanh"']],
        }
    }
    data, warnings = _render(
        report_dir,
        chu_thich={"nguon": 'Theo "Báo cáo nhanh" của xã.'},
        noi_dung=[
            _section(
                'Phong trào "Cả nước chung tay"',
                "",
                'Xã {{ "Tân" ~ " Hòa" }} đạt danh hiệu "Xã văn hóa"[^nguon]; ký hiệu 5\\" giữ nguyên.',
                table,
            )
        ],
    )
    assert not warnings
    texts = [p.text for p in _body(data)]
    assert "I. PHONG TRÀO “CẢ NƯỚC CHUNG TAY”" in texts
    assert 'Xã Tân Hòa đạt danh hiệu “Xã văn hóa”; ký hiệu 5" giữ nguyên.' in texts
    assert "Kết quả phong trào “Toàn dân”" in texts
    cells = [c.text for t in Document(io.BytesIO(data)).tables for row in t.rows for c in row.cells]
    assert "Tên “phong trào”" in cells and "Phong trào “Xanh”" in cells
    [note] = _footnotes(data)
    assert "".join(note.itertext()).strip() == "Theo “Báo cáo nhanh” của xã."
