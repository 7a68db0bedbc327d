"""End-to-end tests of the produced .docx (python-docx and lxml on the built package).

The example (data/xa-tan-hoa/thi-dua-6-thang-2026.yaml) is built once per session
(conftest.example_docx); variants are small reports or edits of the example's text built into
a temp dir. Expected labels (Roman numerals, Vietnamese point letters) are computed here,
independently of baocao.conventions.formatting, so a bug there cannot hide behind the same bug here.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from helpers import (
    NS,
    Docx,
    ReportDir,
    Styles,
    audit_errors,
    example_text,
    example_unit,
    is_on,
    small_report,
    text_of,
    w,
)
from lxml import etree

from baocao.errors import BaocaoError
from baocao.pipeline import build

RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
CT_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
TNR = "Times New Roman"
VN_LETTERS = "abcdđeghiklmnopqrstuvxy"  # the Vietnamese alphabet: no f, j, w, z; đ after d
PART_ORDINALS = ["nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười"]


def roman(n: int) -> str:
    out = ""
    for value, symbol in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        count, n = divmod(n, value)
        out += symbol * count
    return out


def twips(mm: float) -> float:
    return mm * 1440 / 25.4


@pytest.fixture(scope="session")
def example(example_docx) -> Docx:
    return Docx(example_docx)


def variant_text(**edits: str) -> str:
    """The example's YAML with top-level scalar keys replaced (value '' empties the key)."""
    text = example_text()
    for key, value in edits.items():
        text, n = re.subn(rf"(?m)^{key}:[^\n]*$", f"{key}: {value}".rstrip(), text)
        assert n == 1, f"top-level key {key!r} not found in the example"
    return text


@pytest.fixture(scope="module")
def official_variant(tmp_path_factory) -> Docx:
    """The example as a draft sent upward by a unit with a parent body.

    so empty and ngay 6/2026 (draft), kinh_gui with two recipients, co_quan_chu_quan set,
    signed TM. Ủy ban nhân dân.
    """
    report = variant_text(so="", ngay="6/2026") + (
        "\nkinh_gui:\n  - Ủy ban nhân dân tỉnh\n  - Sở Nội vụ tỉnh\n"
        "nguoi_ky: {tham_quyen: TM., thay_cho: Ủy ban nhân dân, chuc_vu: Chủ tịch, ho_ten: Nguyễn Văn An}\n"
    )
    folder = ReportDir(tmp_path_factory.mktemp("variant"))
    return Docx(folder.build(report, co_quan_chu_quan="UBND tỉnh Lạng Sơn"))


# ---------------------------------------------------------------------------- header grid


def _borders_invisible(container, tag: str) -> list[str]:
    """Visible edges declared in a tblBorders/tcBorders element (val other than nil/none)."""
    borders = container.find(f"w:{tag}", NS)
    if borders is None:
        return []
    return [
        f"{tag}/{edge.tag.split('}')[1]}={edge.get(w('val'))}"
        for edge in borders
        if edge.get(w("val")) not in ("nil", "none")
    ]


@pytest.mark.parametrize("which", ["header", "closing"], ids=["header-grid", "closing-grid"])
def test_grids_have_no_visible_borders(example, which):
    table = example.tables[0] if which == "header" else example.closing
    tbl_pr = table.find("w:tblPr", NS)
    visible = _borders_invisible(tbl_pr, "tblBorders")
    borders = tbl_pr.find("w:tblBorders", NS)
    assert borders is not None, "the grid must switch its borders off explicitly"
    assert {e.tag.split("}")[1] for e in borders} >= {"top", "left", "bottom", "right", "insideH", "insideV"}
    style = tbl_pr.find("w:tblStyle", NS)
    if style is not None:  # a table style could bring borders back (Table Grid)
        for s in example.styles.chain(style.get(w("val"))):
            visible += (
                _borders_invisible(s.find("w:tblPr", NS), "tblBorders") if s.find("w:tblPr", NS) is not None else []
            )
    for tc in table.iter(w("tc")):
        tc_pr = tc.find("w:tcPr", NS)
        if tc_pr is not None:
            visible += _borders_invisible(tc_pr, "tcBorders")
    assert not visible


def test_header_grid_left_cell_issuer_and_number(example):
    table = example.tables[0]
    lines = example.cell_lines(table, 0)
    assert lines == ["ỦY BAN NHÂN DÂN", "XÃ TÂN HÒA", "Số: 142/BC-UBND"]
    paragraphs = example.cell_paragraphs(table, 0)
    assert example.styles.all_runs(paragraphs[0], "b")
    assert example.styles.all_runs(paragraphs[1], "b")
    assert not example.styles.any_run(paragraphs[2], "b"), "Số: ... is regular"
    for p in paragraphs:
        assert example.styles.alignment(p) == "center", text_of(p)


def test_header_grid_issuer_has_rule_under_it(example):
    """A short solid rule (bottom border of an empty paragraph) between issuer and Số."""
    all_paragraphs = example.cell_paragraphs(example.tables[0], 0, non_empty=False)
    texts = [text_of(p) for p in all_paragraphs]
    rule = all_paragraphs[texts.index("XÃ TÂN HÒA") + 1]
    assert text_of(rule) == ""
    bottom = rule.find("w:pPr/w:pBdr/w:bottom", NS)
    assert bottom is not None and bottom.get(w("val")) == "single"


def test_header_grid_right_cell_motto_and_date(example):
    table = example.tables[0]
    lines = example.cell_lines(table, 1)
    assert lines == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Tân Hòa, ngày 15 tháng 6 năm 2026",
    ]
    quoc_hieu, tieu_ngu, date_line = example.cell_paragraphs(table, 1)
    assert example.styles.all_runs(quoc_hieu, "b")
    assert example.styles.all_runs(tieu_ngu, "b")
    assert example.styles.all_runs(date_line, "i")
    assert not example.styles.any_run(date_line, "b")
    for p in (quoc_hieu, tieu_ngu, date_line):
        assert example.styles.alignment(p) == "center"


def test_draft_leaves_number_and_day_blank(official_variant):
    table = official_variant.tables[0]
    left, right = official_variant.cell_lines(table, 0), official_variant.cell_lines(table, 1)
    assert left[-1] == "Số:      /BC-UBND"
    assert right[-1] == "Tân Hòa, ngày      tháng 6 năm 2026"
    # Nothing typed in the blanks, and Word must keep the spaces (xml:space="preserve").
    for p, blank in (
        (official_variant.cell_paragraphs(table, 0)[-1], "Số:(\\s+)/"),
        (official_variant.cell_paragraphs(table, 1)[-1], "ngày(\\s+)tháng"),
    ):
        assert re.search(blank, text_of(p)).group(1) == " " * 6
        for t in p.iter(w("t")):
            if "  " in (t.text or ""):
                assert t.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
    assert not re.search(r"Số:\s*\d", "\n".join(left))


def test_parent_body_line_only_when_set(example, official_variant):
    assert example.cell_lines(example.tables[0], 0)[0] == "ỦY BAN NHÂN DÂN"
    # No empty paragraph left behind where the optional line would be.
    first = example.cell_paragraphs(example.tables[0], 0, non_empty=False)[0]
    assert text_of(first) == "ỦY BAN NHÂN DÂN"

    lines = official_variant.cell_lines(official_variant.tables[0], 0)
    assert lines[:3] == ["UBND TỈNH LẠNG SƠN", "ỦY BAN NHÂN DÂN", "XÃ TÂN HÒA"]
    parent = official_variant.cell_paragraphs(official_variant.tables[0], 0)[0]
    assert not official_variant.styles.any_run(parent, "b"), "the parent body is regular, the issuer bold"


# ---------------------------------------------------------------------------- title


def _title_block(doc: Docx) -> list:
    """Paragraphs after the header grid up to the first body text (mo_dau) or heading."""
    children = list(doc.body)
    start = children.index(doc.tables[0]) + 1
    return [c for c in children[start : start + 12] if c.tag == w("p")]


def test_title_report_name_subject_and_italic_line(example):
    paragraphs = _title_block(example)
    texts = [text_of(p) for p in paragraphs]
    non_empty = [t for t in texts if t.strip()]
    assert non_empty[:3] == [
        "BÁO CÁO",
        "Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2026",
        "(Số liệu tính đến hết ngày 10/6/2026)",
    ]
    name = paragraphs[texts.index("BÁO CÁO")]
    subject = paragraphs[texts.index(non_empty[1])]
    italic = paragraphs[texts.index(non_empty[2])]
    for p in (name, subject):
        assert example.styles.all_runs(p, "b"), text_of(p)
        assert example.styles.alignment(p) == "center", text_of(p)
    assert example.styles.all_runs(italic, "i")
    assert not example.styles.any_run(italic, "b")
    # A short solid rule under the trích yếu, before the italic line.
    between = paragraphs[texts.index(non_empty[1]) + 1 : texts.index(non_empty[2])]
    assert any(p.find("w:pPr/w:pBdr/w:bottom", NS) is not None for p in between)


def test_no_template_tags_or_marker_left(example, official_variant):
    for doc in (example, official_variant):
        for name, data in doc.parts.items():
            if name.endswith(".xml"):
                text = data.decode("utf-8")
                assert "{{" not in text and "{%" not in text and "}}" not in text, name
                assert "\u2063" not in text, f"body marker left in {name}"


# ---------------------------------------------------------------------------- page and styles


def test_page_is_a4_with_nd30_margins(example):
    sect = example.body_sect
    size = sect.find("w:pgSz", NS)
    assert (int(size.get(w("w"))), int(size.get(w("h")))) == (11906, 16838)
    assert size.get(w("orient")) in (None, "portrait")
    margins = sect.find("w:pgMar", NS)
    for side, mm in (("top", 20), ("bottom", 20), ("left", 30), ("right", 15)):
        assert abs(int(margins.get(w(side))) - twips(mm)) <= 1, side
    assert int(margins.get(w("gutter"), "0")) == 0


def test_fonts_are_times_new_roman(example):
    styles = example.styles
    default_fonts = styles.doc_default_rpr().find("w:rFonts", NS)
    assert default_fonts is not None
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        assert default_fonts.get(w(attr)) == TNR, attr
    fonts = list(styles.root.iter(w("rFonts")))
    assert len(fonts) > 1
    for el in fonts:
        assert el.get(w("ascii")) == TNR and el.get(w("hAnsi")) == TNR, etree.tostring(el)
        assert not any("Theme" in name for name in el.attrib), etree.tostring(el)
    # Nothing in the body or the footnotes names another font.
    for root in (example.document, example.footnotes):
        for el in root.iter(w("rFonts")):
            assert {el.get(w(a)) for a in ("ascii", "hAnsi") if el.get(w(a))} <= {TNR}


def _style_size(styles: Styles, style_id: str) -> int:
    el = styles.style_rpr_value(style_id, "sz")
    el = el if el is not None else styles.doc_default_rpr().find("w:sz", NS)
    return int(el.get(w("val")))


def test_font_sizes(example):
    styles = example.styles
    assert int(styles.doc_default_rpr().find("w:sz", NS).get(w("val"))) == 28
    assert _style_size(styles, styles.default_paragraph) == 28
    assert _style_size(styles, styles.id_of("footnote text")) == 24
    for n in range(1, 6):
        assert _style_size(styles, styles.id_of(f"heading {n}")) in (26, 28)
    # Body paragraphs do not override the size run by run.
    for p in example.body_paragraphs:
        for sz in p.iter(w("sz")):
            if sz.getparent().getparent().tag == w("r"):
                assert sz.get(w("val")) in ("26", "28"), text_of(p)


def _sizes(doc: Docx, paragraphs) -> list[int]:
    """Effective size (half-points) of each paragraph's text, which must be uniform."""
    out = []
    for p in paragraphs:
        sizes = {int(doc.styles.run_prop(r, p, "sz").get(w("val"))) for r in doc.styles.text_runs(p)}
        assert len(sizes) == 1, text_of(p)
        out.append(sizes.pop())
    return out


def test_frame_font_sizes(example):
    """ND30 sizes: issuer 13, Số 13; Quốc hiệu 13, Tiêu ngữ 14, date 14 (the 13/14/14 set);
    title 14; Nơi nhận 12 and its lines 11; signature 14."""
    header, closing = example.tables[0], example.closing
    assert _sizes(example, example.cell_paragraphs(header, 0)) == [26, 26, 26]
    assert _sizes(example, example.cell_paragraphs(header, 1)) == [26, 28, 28]
    title = [p for p in _title_block(example) if text_of(p).strip()][:3]
    assert _sizes(example, title) == [28, 28, 28]
    recipients = _sizes(example, example.cell_paragraphs(closing, 0))
    assert recipients[0] == 24 and set(recipients[1:]) == {22}
    assert set(_sizes(example, example.cell_paragraphs(closing, 1))) == {28}


def test_first_page_has_no_page_number_others_do(example):
    sect = example.body_sect
    assert is_on(sect.find("w:titlePg", NS)), "titlePg: different first page"

    def page_fields(header) -> list[str]:
        instr = [t.text or "" for t in header.iter(w("instrText"))]
        instr += [f.get(w("instr")) or "" for f in header.iter(w("fldSimple"))]
        return [i for i in instr if re.search(r"(?<![A-Z])PAGE\b", i)]

    default = example.header("default")
    assert page_fields(default), "the default header needs a PAGE field"
    p = next(
        p
        for p in default.iter(w("p"))
        if p.find(".//w:instrText", NS) is not None or p.find(".//w:fldSimple", NS) is not None
    )
    assert example.styles.alignment(p) == "center"
    assert set(_sizes(example, [p])) <= {26, 28}, "page number size 13-14"
    assert not page_fields(example.header("first"))


# ---------------------------------------------------------------------------- headings


def expected_label(level: int, counters: list[int], words: bool) -> str:
    n = counters[level]
    if level == 1:
        return f"Phần thứ {PART_ORDINALS[n - 1]}\n" if words else f"Phần {roman(n)}\n"
    return {2: f"{roman(n)}. ", 3: f"{n}. ", 4: f"{counters[3]}.{n}. ", 5: f"{VN_LETTERS[n - 1]}) "}[level]


def check_numbering(headings: list[tuple[int, str, object]], words: bool = False) -> None:
    """Every heading's label is its position among its siblings, restarting under each parent."""
    counters = [0] * 7
    for level, text, _ in headings:
        counters[level] += 1
        for deeper in range(level + 1, 7):
            counters[deeper] = 0
        label = expected_label(level, counters, words)
        assert text.startswith(label), f"{text!r} should start with {label!r}"
        title = text[len(label) :]
        assert title.strip() and not title.startswith(" ")
        if level in (1, 2):
            assert title == title.upper(), f"Phần and Mục titles are upper case: {text!r}"


def test_heading_styles_are_outline_levels(example):
    assert example.headings
    for level in range(1, 6):
        style_id = example.styles.id_of(f"heading {level}")
        outline = None
        for s in example.styles.chain(style_id):
            el = s.find("w:pPr/w:outlineLvl", NS)
            if el is not None:
                outline = int(el.get(w("val")))
                break
        assert outline == level - 1, f"heading {level} must show in the navigation pane"
    assert {level for level, _, _ in example.headings} == {1, 2, 3, 4, 5}


def test_example_headings_in_order(example):
    texts = [t for _, t, _ in example.headings]
    assert texts[0].startswith("Phần I\nKẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA")
    wanted = ["Phần I\n", "I. CÔNG TÁC ", "1. ", "1.1. ", "a) ", "b) ", "Phần II\n"]
    position = 0
    for prefix in wanted:
        while position < len(texts) and not texts[position].startswith(prefix):
            position += 1
        assert position < len(texts), f"no heading starting {prefix!r} after the previous ones"
        position += 1
    check_numbering(example.headings)


def test_example_numbering_restarts_under_each_parent(example):
    texts = [t for _, t, _ in example.headings]
    second_muc = next(i for i, t in enumerate(texts) if t.startswith("II. "))
    assert texts[second_muc + 1].startswith("1. ")
    part_two = next(i for i, t in enumerate(texts) if t.startswith("Phần II\n"))
    assert texts[part_two + 1].startswith("I. ")


def test_part_label_and_title_are_separated_by_a_line_break(example):
    level, text, p = example.headings[0]
    assert level == 1
    runs = p.findall("w:r", NS)
    assert text_of(runs[0]) == "Phần I"
    assert runs[1].find("w:br", NS) is not None
    assert "\n" not in "".join(t.text or "" for t in p.iter(w("t"))), "a typed newline is not a line break"


def _outline_report() -> dict:
    points = [{"tieu_de": f"Điểm số {i + 1}", "noi_dung": ["Nội dung điểm."]} for i in range(6)]
    return small_report(
        noi_dung=[
            {
                "tieu_de": "Mục thứ nhất",
                "noi_dung": [
                    {
                        "tieu_de": "Tiểu mục một",
                        "noi_dung": [
                            {"tieu_de": "Tiểu mục một một", "noi_dung": points},
                            {"tieu_de": "Tiểu mục một hai"},
                        ],
                    },
                    {"tieu_de": "Tiểu mục hai"},
                ],
            },
            {
                "tieu_de": "Mục thứ hai",
                "noi_dung": [
                    {
                        "tieu_de": "Tiểu mục của mục hai",
                        "noi_dung": [{"tieu_de": "Nhánh", "noi_dung": [{"tieu_de": "Điểm của mục hai"}]}],
                    },
                ],
            },
        ]
    )


def test_outline_without_parts_and_six_points(report_dir):
    doc = Docx(report_dir.build(_outline_report()))
    assert [(level, text) for level, text, _ in doc.headings] == [
        (2, "I. MỤC THỨ NHẤT"),
        (3, "1. Tiểu mục một"),
        (4, "1.1. Tiểu mục một một"),
        (5, "a) Điểm số 1"),
        (5, "b) Điểm số 2"),
        (5, "c) Điểm số 3"),
        (5, "d) Điểm số 4"),
        (5, "đ) Điểm số 5"),
        (5, "e) Điểm số 6"),
        (4, "1.2. Tiểu mục một hai"),
        (3, "2. Tiểu mục hai"),
        (2, "II. MỤC THỨ HAI"),
        (3, "1. Tiểu mục của mục hai"),
        (4, "1.1. Nhánh"),
        (5, "a) Điểm của mục hai"),
    ]
    check_numbering(doc.headings)


def test_parts_in_words(report_dir):
    report = small_report(
        co_phan=True,
        kieu_phan="chu",
        noi_dung=[
            {"tieu_de": "Kết quả thực hiện", "noi_dung": [{"tieu_de": "Kinh tế"}, {"tieu_de": "Xã hội"}]},
            {"tieu_de": "Phương hướng", "noi_dung": [{"tieu_de": "Nhiệm vụ"}]},
        ],
    )
    doc = Docx(report_dir.build(report))
    assert [(level, text) for level, text, _ in doc.headings] == [
        (1, "Phần thứ nhất\nKẾT QUẢ THỰC HIỆN"),
        (2, "I. KINH TẾ"),
        (2, "II. XÃ HỘI"),
        (1, "Phần thứ hai\nPHƯƠNG HƯỚNG"),
        (2, "I. NHIỆM VỤ"),
    ]
    check_numbering(doc.headings, words=True)


# ---------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    "expected",
    [
        "1.143,0 ha",  # 612,4 + 388,6 + 142 with so_le 1
        "đạt 100,7% kế hoạch",
        "bằng 100,8% so với cùng kỳ",
        "4.862 hộ",
        "19.305 người",
        "09 văn bản",  # hai_chu_so
    ],
)
def test_example_number_formats(example, expected):
    body = "\n".join(text_of(p) for p in example.body_paragraphs)
    assert expected in body


def test_total_sentence(example):
    body = "\n".join(text_of(p) for p in example.body_paragraphs)
    assert "Tổng diện tích gieo trồng vụ xuân đạt 1.143,0 ha, đạt 100,7% kế hoạch, bằng 100,8% so với cùng kỳ" in body


def test_no_space_before_percent(example, official_variant):
    for doc in (example, official_variant):
        text = doc.all_text()
        assert "%" in text
        offenders = re.findall(r".{0,20}\s%", text)
        assert not offenders


def test_no_english_style_numbers(example):
    heading_ps = {id(p) for _, _, p in example.headings}
    texts = [text_of(p) for p in example.body_paragraphs if id(p) not in heading_ps]
    texts += [text_of(p) for p in example.footnotes.iter(w("p"))]
    text = "\n".join(texts)
    assert not re.findall(r"\d,\d{3}\.\d", text), "1,234.5 is English"
    assert not re.findall(r"\d\.\d{1,2}(?![\d.])", text), "a dot is a thousands separator: groups of 3"
    assert not re.findall(r"\d\.\d{4,}", text)
    assert not re.findall(r"\d,\d{3},\d{3}", text)


# ---------------------------------------------------------------------------- bullets and closing


def test_bullets_use_their_styles(example):
    dash = plus = 0
    for p in example.body_paragraphs:
        text, style = text_of(p), example.style_name(p)
        if style == "Gạch đầu dòng":
            assert text.startswith("- "), text
            dash += 1
        elif style == "Dấu cộng":
            assert text.startswith("+ "), text
            plus += 1
        else:
            assert not text.startswith(("- ", "+ ")), f"{text!r} in style {style!r}"
    assert dash >= 2 and plus >= 2
    texts = {text_of(p): example.style_name(p) for p in example.body_paragraphs}
    assert texts["+ Thôn Đồng Mỏ và thôn Nà Pàn hoàn thành sớm nhất;"] == "Dấu cộng"
    assert (
        texts["- Chuẩn bị tổng kết công tác thi đua, khen thưởng năm 2026 và đăng ký thi đua năm 2027."]
        == "Gạch đầu dòng"
    )


def test_closing_sentence_ends_the_body(example):
    last = [p for p in example.body_paragraphs if text_of(p).strip()][-1]
    text = text_of(last)
    assert text.endswith("./.") and not text.endswith("../.")
    assert (
        text == "Trên đây là báo cáo sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2026 của UBND xã Tân Hòa./."
    )
    assert example.all_text().count("./.") == 1


# ---------------------------------------------------------------------------- Nơi nhận, Kính gửi


def test_noi_nhan(example):
    table = example.closing
    lines = example.cell_lines(table, 0)
    first = example.cell_paragraphs(table, 0)[0]
    assert lines[0] == "Nơi nhận:"
    assert example.styles.all_runs(first, "b") and example.styles.all_runs(first, "i")
    items = lines[1:]
    assert items[-1] == "- Lưu: VT, VHXH."
    for item in items[:-1]:
        assert re.fullmatch(r"- \S.*[^;\s];", item), item
    assert [i[2:-1] for i in items[:-1]] == example_unit()["noi_nhan"]
    for p in example.cell_paragraphs(table, 0)[1:]:
        assert not example.styles.any_run(p, "b") and not example.styles.any_run(p, "i")


def test_kinh_gui_list_and_nhu_tren(official_variant):
    texts = [text_of(p) for p in _title_block(official_variant)]
    start = next(i for i, t in enumerate(texts) if t.startswith("Kính gửi:"))
    assert re.fullmatch(r"Kính gửi:\s*- Ủy ban nhân dân tỉnh;", texts[start])
    assert texts[start + 1] == "- Sở Nội vụ tỉnh."
    items = official_variant.cell_lines(official_variant.closing, 0)[1:]
    assert items[0] == "- Như trên;"
    assert items.count("- Như trên;") == 1
    assert items[-1] == "- Lưu: VT, VHXH."


def test_single_kinh_gui_on_one_line(report_dir):
    doc = Docx(report_dir.build(small_report(kinh_gui=["Sở Nội vụ tỉnh"])))
    texts = [text_of(p) for p in _title_block(doc)]
    assert "Kính gửi: Sở Nội vụ tỉnh" in texts
    assert doc.cell_lines(doc.closing, 0)[1] == "- Như trên;"


def test_special_characters_escaped_once(report_dir):
    """'&' and '<' typed by the clerk reach Word as themselves, in the frame and in the body."""
    unit = example_unit() | {"ten_goi_tat": "UBND xã A & B", "co_quan_ban_hanh": ["Ủy ban nhân dân", "xã A & B"]}
    report = small_report(
        trich_yeu="Tình hình <đặc biệt> & khác",
        noi_nhan=["Sở A & B"],
        mo_dau=["Giá trị \"A\" & 'B' <c> của {{ ten_don_vi }}."],
    )
    doc = Docx(report_dir.build(report, unit=unit))
    assert doc.cell_lines(doc.tables[0], 0)[:2] == ["ỦY BAN NHÂN DÂN", "XÃ A & B"]
    assert doc.cell_lines(doc.closing, 0)[1] == "- Sở A & B;"
    texts = [text_of(p) for p in doc.body_paragraphs]
    assert "Giá trị “A” & 'B' <c> của UBND xã A & B." in texts
    assert texts[-1] == "Trên đây là báo cáo tình hình <đặc biệt> & khác của UBND xã A & B./."
    assert "&amp;" not in doc.all_text() and "&lt;" not in doc.all_text()


def test_no_kinh_gui_no_nhu_tren(example):
    assert "Kính gửi" not in example.all_text()
    assert "- Như trên;" not in example.cell_lines(example.closing, 0)


# ---------------------------------------------------------------------------- signature


def _signature(doc: Docx) -> list[str]:
    return doc.cell_lines(doc.closing, 1)


def test_signature_ky_thay(example):
    assert _signature(example) == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Thị Minh Hạnh"]
    for p in example.cell_paragraphs(example.closing, 1):
        assert example.styles.all_runs(p, "b"), text_of(p)
        assert example.styles.alignment(p) == "center"


def test_signature_signed_directly(report_dir):
    report = small_report(nguoi_ky={"tham_quyen": "", "chuc_vu": "Chủ tịch", "ho_ten": "Nguyễn Văn An"})
    doc = Docx(report_dir.build(report))
    assert _signature(doc) == ["CHỦ TỊCH", "Nguyễn Văn An"]
    # The title is the cell's first line, level with "Nơi nhận:".
    assert text_of(doc.cell_paragraphs(doc.closing, 1, non_empty=False)[0]) == "CHỦ TỊCH"


def test_signature_thay_mat(official_variant):
    assert _signature(official_variant) == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An"]


# ---------------------------------------------------------------------------- footnotes


def _ids(elements) -> list[int]:
    return [int(e.get(w("id"))) for e in elements]


def _real_footnotes(doc: Docx) -> list:
    return [f for f in doc.footnotes.findall("w:footnote", NS) if f.get(w("type")) in (None, "normal")]


def test_footnotes_part_is_wired(example):
    assert "word/footnotes.xml" in example.parts
    rels = [r for r in example.rels("word/document.xml") if r.get("Type") == RT_FOOTNOTES]
    assert len(rels) == 1 and rels[0].get("Target") in ("footnotes.xml", "/word/footnotes.xml")
    types = etree.fromstring(example.parts["[Content_Types].xml"])
    overrides = {o.get("PartName"): o.get("ContentType") for o in types.findall("ct:Override", NS)}
    assert overrides.get("/word/footnotes.xml") == CT_FOOTNOTES


def test_separator_footnotes_kept(example):
    notes = example.footnotes.findall("w:footnote", NS)
    assert [(n.get(w("id")), n.get(w("type"))) for n in notes[:2]] == [
        ("-1", "separator"),
        ("0", "continuationSeparator"),
    ]
    assert notes[0].find(".//w:separator", NS) is not None
    assert notes[1].find(".//w:continuationSeparator", NS) is not None
    settings = example.xml("word/settings.xml")
    assert _ids(settings.findall("w:footnotePr/w:footnote", NS)) == [-1, 0]


def test_footnote_ids_follow_document_order(example):
    references = _ids(example.document.iter(w("footnoteReference")))
    notes = _ids(_real_footnotes(example))
    assert len(references) >= 3
    assert references == sorted(references) and len(set(references)) == len(references)
    assert references == notes, "each note is cited once by footnoteReference, in footnotes.xml order"
    assert min(notes) > 0


def test_example_footnote_texts(example):
    texts = [text_of(f) for f in _real_footnotes(example)]
    wanted = [
        "Lúa 612,4 ha, đạt 98,8% KH, bằng 101,1% CK",
        "Chủ yếu là keo và quế do các hộ gia đình tự bỏ vốn trồng.",
        "Gồm 06 tập thể và 23 cá nhân",
    ]
    positions = []
    for start in wanted:
        found = [i for i, t in enumerate(texts) if t.lstrip().startswith(start)]
        assert len(found) == 1, (start, texts)
        positions.append(found[0])
    assert positions == sorted(positions)


def test_footnote_styles(example):
    styles = example.styles
    text_style, ref_style = styles.id_of("footnote text"), styles.id_of("footnote reference")
    vert = styles.style_rpr_value(ref_style, "vertAlign")
    assert vert is not None and vert.get(w("val")) == "superscript"
    for note in _real_footnotes(example):
        paragraphs = note.findall("w:p", NS)
        assert paragraphs
        for p in paragraphs:
            assert styles.para_style(p) == text_style
        first_run = paragraphs[0].find("w:r", NS)
        assert first_run.find("w:footnoteRef", NS) is not None, "the note starts with its number"
        assert first_run.find("w:rPr/w:rStyle", NS).get(w("val")) == ref_style
        assert text_of(note).strip()
    for ref in example.document.iter(w("footnoteReference")):
        run = ref.getparent()
        assert run.find("w:rPr/w:rStyle", NS).get(w("val")) == ref_style


@dataclass
class Field:
    instr: str
    result: str
    runs: list


def _fields(paragraph) -> list[Field]:
    """Complex fields (fldChar begin/separate/end) of one paragraph."""
    fields, state, instr, result, runs = [], None, "", "", []
    for run in paragraph.iter(w("r")):
        char = run.find("w:fldChar", NS)
        kind = char.get(w("fldCharType")) if char is not None else None
        if kind == "begin":
            state, instr, result, runs = "instr", "", "", [run]
            continue
        if state is None:
            continue
        runs.append(run)
        if kind == "separate":
            state = "result"
        elif kind == "end":
            fields.append(Field(instr, result, runs))
            state = None
        elif state == "instr":
            instr += "".join(t.text or "" for t in run.iter(w("instrText")))
        else:
            result += "".join(t.text or "" for t in run.iter(w("t")))
    assert state is None, "unterminated field"
    return fields


def _noteref_targets(doc: Docx) -> list[tuple[Field, int, int]]:
    """Each NOTEREF field with the footnote id its bookmark wraps and that note's number."""
    order = {i: n for n, i in enumerate(_ids(doc.document.iter(w("footnoteReference"))), 1)}
    starts = {b.get(w("name")): b for b in doc.document.iter(w("bookmarkStart"))}
    out = []
    for p in doc.document.iter(w("p")):
        for f in _fields(p):
            words = f.instr.split()
            if not words or words[0] != "NOTEREF":
                continue
            start = starts[words[1]]
            wrapped = None
            for sibling in start.itersiblings():
                if sibling.tag == w("bookmarkEnd") and sibling.get(w("id")) == start.get(w("id")):
                    break
                ref = sibling.find("w:footnoteReference", NS)
                if ref is not None:
                    wrapped = int(ref.get(w("id")))
            else:
                pytest.fail(f"bookmark {words[1]} is not closed in its paragraph")
            assert wrapped is not None, f"bookmark {words[1]} wraps no footnote reference"
            out.append((f, wrapped, order[wrapped]))
    return out


def test_repeated_named_note_is_a_cross_reference(example):
    notes = _real_footnotes(example)
    khen = [n for n in notes if "Gồm 06 tập thể" in text_of(n)]
    assert len(khen) == 1, "a note cited twice is written once"
    note_id = int(khen[0].get(w("id")))
    refs = [t for t in _noteref_targets(example) if t[1] == note_id]
    assert len(refs) == 1, "the second citation is one NOTEREF field"
    field_, _, number = refs[0]
    assert "NOTEREF" in field_.instr and "\\f" in field_.instr.split()
    assert field_.result == str(number)
    ref_style = example.styles.id_of("footnote reference")
    for run in field_.runs:
        assert run.find("w:rPr/w:rStyle", NS).get(w("val")) == ref_style


def test_every_cross_reference_shows_its_note_number(example):
    for field_, _, number in _noteref_targets(example):
        assert field_.result == str(number)
    names = [b.get(w("name")) for b in example.document.iter(w("bookmarkStart"))]
    ids = [b.get(w("id")) for b in example.document.iter(w("bookmarkStart"))]
    assert len(set(names)) == len(names) and len(set(ids)) == len(ids)
    assert sorted(ids) == sorted(b.get(w("id")) for b in example.document.iter(w("bookmarkEnd")))


def test_cross_reference_number_counts_earlier_notes(report_dir):
    report = small_report(
        chu_thich={"a": "Chú thích a.", "b": "Chú thích b."},
        noi_dung=[{"tieu_de": "Kết quả", "noi_dung": ["Câu một[^b], câu hai[^a].", "Câu ba[^a][^Ghi chú riêng.]."]}],
    )
    doc = Docx(report_dir.build(report))
    notes = _real_footnotes(doc)
    assert [text_of(n).strip() for n in notes] == ["Chú thích b.", "Chú thích a.", "Ghi chú riêng."]
    targets = _noteref_targets(doc)
    assert len(targets) == 1
    field_, note_id, number = targets[0]
    assert note_id == int(notes[1].get(w("id"))) and number == 2 and field_.result == "2"


# ---------------------------------------------------------------------------- validity


def test_openxml_audit_example(example):
    assert audit_errors(example.path) == []


def test_openxml_audit_variant(official_variant):
    assert audit_errors(official_variant.path) == []


def test_python_docx_reads_it(example):
    doc = Document(str(example.path))
    assert len(doc.tables) == 4  # header grid, the vụ xuân table, closing grid, the appendix
    assert doc.paragraphs[0].text == "BÁO CÁO"
    assert doc.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297), abs=0.1)
    headings = [p for p in doc.paragraphs if p.style.name.startswith("Heading ")]
    assert headings and {p.style.name for p in headings} == {f"Heading {n}" for n in range(1, 6)}


# ---------------------------------------------------------------------------- determinism, writing


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def test_building_twice_gives_identical_parts(report_dir):
    report = report_dir.write(example_text())  # a frozen copy: others may edit the example
    first, _ = build(report, report_dir.path / "a.docx")
    second, _ = build(report, report_dir.path / "b.docx")
    a, b = _members(first), _members(second)
    assert a["word/document.xml"] == b["word/document.xml"]
    assert list(a) == list(b)
    assert a == b


def test_build_replaces_existing_output(report_dir):
    report = report_dir.write(small_report())
    target = report_dir.path / "bao-cao.docx"
    target.write_bytes(b"old contents, not a zip")
    before = sorted(p.name for p in report_dir.path.iterdir())
    build(report, target)
    assert zipfile.is_zipfile(target)
    assert Docx(target).cell_lines(Docx(target).tables[0], 0)[-1] == "Số: 05/BC-UBND"
    assert sorted(p.name for p in report_dir.path.iterdir()) == before, "no temporary file left"


@pytest.mark.parametrize(
    "mo_dau",
    [
        "Có {{ so_lieu.khong_co | so_dv }} hộ.",  # undefined figure
        "Câu có chú thích chưa định nghĩa[^khong_co].",  # undefined named note
        "Có {{ so_lieu.so_ho | khong_co_bo_loc }} hộ.",  # unknown filter
    ],
    ids=["figure", "note", "filter"],
)
def test_failed_build_keeps_existing_output(report_dir, mo_dau):
    target = report_dir.build(small_report())
    old = target.read_bytes()
    report = report_dir.write(small_report(mo_dau=[mo_dau], so_lieu={"so_ho": {"gia_tri": "4.862"}}))
    before = sorted(p.name for p in report_dir.path.iterdir())
    with pytest.raises(BaocaoError):
        build(report, target)
    assert target.read_bytes() == old
    assert sorted(p.name for p in report_dir.path.iterdir()) == before


def test_failed_write_leaves_no_temporary_file(report_dir):
    report = report_dir.write(small_report())
    target = report_dir.path / "bao-cao.docx"
    target.mkdir()  # replacing a directory with a file fails at the last step
    before = sorted(p.name for p in report_dir.path.iterdir())
    with pytest.raises(BaocaoError):
        build(report, target)
    assert target.is_dir()
    assert sorted(p.name for p in report_dir.path.iterdir()) == before
