"""The committed Word template: up to date, ND30 page and styles, renders with docxtpl."""

from __future__ import annotations

import importlib.util
import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docxtpl import DocxTemplate
from helpers import w
from lxml import etree


def _load_builder():
    """Import templates/make_templates.py by path (independent of package mapping)."""
    path = Path(__file__).resolve().parents[1] / "templates" / "make_templates.py"
    spec = importlib.util.spec_from_file_location("make_templates", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_templates = _load_builder()

TEMPLATE = make_templates.TEMPLATE_PATH
TNR = "Times New Roman"
TWIP = 635  # EMU per twip: the XML's resolution

SAMPLE = {
    "co_quan_chu_quan": "",
    "co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", "XÃ HỒ SƠN"],
    "so_ky_hieu": "Số: 05/BC-UBND",
    "dia_danh_ngay": "Hồ Sơn, ngày 04 tháng 6 năm 2025",
    "ten_loai": "BÁO CÁO",
    "trich_yeu": "Sơ kết phong trào thi đua, công tác khen thưởng 6 tháng đầu năm 2025",
    "dong_nghieng": "(Số liệu tính đến hết ngày 15/6/2025)",
    "kinh_gui": [],
    "noi_dung": "(thân báo cáo)",
    "noi_nhan": ["- Sở Nội vụ;", "- Thường trực Đảng ủy xã;", "- Lưu: VT, VP."],
    "tham_quyen": "KT. CHỦ TỊCH",
    "chuc_vu": "PHÓ CHỦ TỊCH",
    "ho_ten": "Nguyễn Văn An",
}


def _parts(data: bytes) -> list[tuple[str, bytes]]:
    """Zip members in order with their uncompressed bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(name, z.read(name)) for name in z.namelist()]


def _render(context: dict) -> Document:
    """Render the template with docxtpl and reopen it with python-docx."""
    tpl = DocxTemplate(str(TEMPLATE))
    tpl.render(context)
    out = io.BytesIO()
    tpl.save(out)
    return Document(io.BytesIO(out.getvalue()))


def _cell_lines(cell) -> list[str]:
    """Non-empty paragraph texts of a table cell."""
    return [p.text for p in cell.paragraphs if p.text.strip()]


@pytest.fixture(scope="module")
def doc():
    return Document(str(TEMPLATE))


def test_committed_template_matches_fresh_build():
    assert _parts(TEMPLATE.read_bytes()) == _parts(make_templates.build_bytes()), (
        "templates/bao-cao.docx is stale: run `python templates/make_templates.py`"
    )


def test_build_is_deterministic():
    assert make_templates.build_bytes() == make_templates.build_bytes()


def test_page_is_a4_with_nd30_margins(doc):
    section = doc.sections[0]
    expected = {
        "page_width": Mm(210),
        "page_height": Mm(297),
        "top_margin": Mm(20),
        "bottom_margin": Mm(20),
        "left_margin": Mm(30),
        "right_margin": Mm(15),
    }
    for attr, value in expected.items():
        assert abs(getattr(section, attr) - value) < TWIP, attr
    assert section.page_width < section.page_height


def test_page_number_in_header_not_on_first_page(doc):
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    header = section.header._element
    instr = "".join(t.text for t in header.iter(qn("w:instrText")))
    assert instr.strip() == "PAGE"
    kinds = [f.get(qn("w:fldCharType")) for f in header.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"]
    paragraph = section.header.paragraphs[0]
    assert paragraph.alignment == make_templates.CENTER
    fonts = header.find(".//" + w("rFonts"))
    assert fonts.get(qn("w:ascii")) == TNR
    assert header.find(".//" + w("sz")).get(qn("w:val")) == "28"
    first = section.first_page_header
    assert not first.is_linked_to_previous
    assert all(not p.text for p in first.paragraphs)
    assert not list(first._element.iter(qn("w:fldChar")))


@pytest.mark.parametrize(
    "name, size, bold, italic",
    [
        ("Normal", 14, None, None),
        ("Heading 1", 14, True, None),
        ("Heading 2", 14, True, None),
        ("Heading 3", 14, True, None),
        ("Heading 4", 14, True, True),
        ("Heading 5", 14, None, True),
        ("Gạch đầu dòng", 14, None, None),
        ("Dấu cộng", 14, None, None),
        ("footnote text", 12, None, None),
    ],
)
def test_paragraph_styles_are_black_times_new_roman(doc, name, size, bold, italic):
    style = doc.styles[name]
    assert style.font.size == Pt(size)
    assert (style.font.bold, style.font.italic) == (bold, italic)
    assert str(style.font.color.rgb) == "000000"
    fonts = style.element.rPr.find(qn("w:rFonts"))
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        assert fonts.get(qn(f"w:{attr}")) == TNR
    assert not [a for a in fonts.attrib if "Theme" in a or "theme" in a]


def test_no_theme_fonts_anywhere_in_styles(doc):
    xml = etree.tostring(doc.styles.element).decode()
    assert "Theme" not in xml.replace("w:themeFontLang", "")
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(".//" + w("rPr"))
    assert defaults.find(qn("w:rFonts")).get(qn("w:ascii")) == TNR
    assert defaults.find(qn("w:lang")).get(qn("w:val")) == "vi-VN"


def test_normal_is_justified_body_text(doc):
    fmt = doc.styles["Normal"].paragraph_format
    assert fmt.alignment == make_templates.WD_ALIGN_PARAGRAPH.JUSTIFY
    assert abs(fmt.first_line_indent - Mm(12.7)) < TWIP
    assert (fmt.space_before, fmt.space_after) == (Pt(0), Pt(6))
    assert fmt.line_spacing == 1.0


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5])
def test_headings_have_outline_levels_and_keep_with_next(doc, level):
    style = doc.styles[f"Heading {level}"]
    assert style.style_id == f"Heading{level}"
    assert style.paragraph_format.keep_with_next
    assert style.paragraph_format.space_after == Pt(6)
    outline = style.element.pPr.find(qn("w:outlineLvl"))
    assert outline.get(qn("w:val")) == str(level - 1)
    centred = style.paragraph_format.alignment == make_templates.CENTER
    assert centred == (level == 1)


def test_footnote_styles(doc):
    text = doc.styles["footnote text"]
    assert text.style_id == "FootnoteText"
    assert text.paragraph_format.first_line_indent == 0
    assert text.paragraph_format.space_after == Pt(0)
    ref = doc.styles["footnote reference"]
    assert ref.style_id == "FootnoteReference" and ref.font.superscript


def test_footnotes_part_has_separators(doc):
    parts = [r.target_part for r in doc.part.rels.values() if r.reltype.endswith("/footnotes")]
    assert len(parts) == 1
    assert parts[0].content_type.endswith("wordprocessingml.footnotes+xml")
    notes = etree.fromstring(parts[0].blob).findall(qn("w:footnote"))
    assert [(n.get(qn("w:id")), n.get(qn("w:type"))) for n in notes] == [
        ("-1", "separator"),
        ("0", "continuationSeparator"),
    ]
    pr = doc.settings.element.find(qn("w:footnotePr"))
    assert [f.get(qn("w:id")) for f in pr.findall(qn("w:footnote"))] == ["-1", "0"]


def test_body_placeholder_is_alone_in_its_paragraph(doc):
    hits = [p for p in doc.paragraphs if "noi_dung" in p.text]
    assert len(hits) == 1 and hits[0].text == "{{ noi_dung }}" and len(hits[0].runs) == 1
    assert hits[0].style.name == "Normal"


def test_every_jinja_tag_sits_in_one_run(doc):
    body = doc.element.body
    for paragraph in body.iter(qn("w:p")):
        for run in paragraph.iter(qn("w:r")):
            text = "".join(t.text or "" for t in run.iter(qn("w:t")))
            assert text.count("{") == text.count("}"), text


def test_grids_are_borderless_fixed_tables(doc):
    assert len(doc.tables) == 2
    for table in doc.tables:
        tbl_pr = table._tbl.tblPr
        assert tbl_pr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        borders = tbl_pr.find(qn("w:tblBorders"))
        assert {b.get(qn("w:val")) for b in borders} == {"nil"}
        assert table._tbl.tr_lst[0].trPr.find(qn("w:cantSplit")) is not None
    header, closing = doc.tables
    widths = [c.get(qn("w:w")) for c in header._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert widths == ["3827", "5669"]  # 6.75 cm and 10.0 cm


def test_rendered_header_grid():
    rendered = _render(SAMPLE)
    left, right = rendered.tables[0].rows[0].cells
    assert _cell_lines(left) == ["ỦY BAN NHÂN DÂN", "XÃ HỒ SƠN", "Số: 05/BC-UBND"]
    assert _cell_lines(right) == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hồ Sơn, ngày 04 tháng 6 năm 2025",
    ]
    issuer = [p for p in left.paragraphs if p.text == "XÃ HỒ SƠN"][0]
    assert issuer.runs[0].bold and issuer.runs[0].font.size == Pt(13)


def test_rendered_title_and_closing_grid():
    rendered = _render(dict(SAMPLE, co_quan_chu_quan="UBND HUYỆN VĂN QUAN"))
    texts = [p.text for p in rendered.paragraphs if p.text]
    assert texts == [
        "BÁO CÁO",
        SAMPLE["trich_yeu"],
        SAMPLE["dong_nghieng"],
        "(thân báo cáo)",
    ]
    assert _cell_lines(rendered.tables[0].rows[0].cells[0])[0] == "UBND HUYỆN VĂN QUAN"
    left, right = rendered.tables[1].rows[0].cells
    assert _cell_lines(left) == ["Nơi nhận:", *SAMPLE["noi_nhan"]]
    assert _cell_lines(right) == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"]
    assert "{" not in "".join(p.text for p in rendered.paragraphs)


@pytest.mark.parametrize(
    "recipients, expected",
    [
        (["UBND tỉnh Lạng Sơn"], ["Kính gửi: UBND tỉnh Lạng Sơn"]),
        (["- UBND huyện;", "- Sở Nội vụ."], ["Kính gửi:\t- UBND huyện;", "- Sở Nội vụ."]),
    ],
)
def test_rendered_kinh_gui(recipients, expected):
    rendered = _render(dict(SAMPLE, kinh_gui=recipients, dong_nghieng="", tham_quyen=""))
    texts = [p.text for p in rendered.paragraphs if p.text]
    assert texts[2:-1] == expected
    right = rendered.tables[1].rows[0].cells[1]
    assert _cell_lines(right) == ["PHÓ CHỦ TỊCH", "Nguyễn Văn An"]


def test_template_and_rendering_pass_openxml_audit(tmp_path):
    audit = pytest.importorskip("openxml_audit")
    rendered = tmp_path / "rendered.docx"
    tpl = DocxTemplate(str(TEMPLATE))
    tpl.render(dict(SAMPLE, kinh_gui=["- UBND huyện;", "- Sở Nội vụ."]))
    tpl.save(str(rendered))
    for path in (TEMPLATE, rendered):
        result = audit.OpenXmlValidator().validate(str(path))
        assert result.is_valid, [str(e) for e in result.errors]


def test_every_built_in_template_name_is_a_generated_file():
    """Each kind has a named template (a unit overrides one kind); all are files make_templates writes."""
    from baocao.input.kinds import KINDS
    from baocao.writers.docx.templates import BUILTIN_FILES, builtin_template

    assert set(KINDS) <= set(BUILTIN_FILES)
    assert set(BUILTIN_FILES.values()) == {TEMPLATE.name}
    assert all(builtin_template(name).read_bytes() == TEMPLATE.read_bytes() for name in BUILTIN_FILES)
