"""Tables and appendices: body tables, landscape appendix sections, merges, totals, errors, PDF pages."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document as open_docx
from helpers import EXAMPLE_DIR, EXAMPLE_UNIT, NS, R_NS, Docx, example_text, text_of, w
from lxml import etree

from baocao.compose.frame import appendix_labels
from baocao.compose.report import compose
from baocao.conventions.formatting import DRAFT_BLANK
from baocao.conventions.page import TEXT_WIDTH, ColumnNeed
from baocao.errors import BaocaoError
from baocao.figures.compute import compute
from baocao.input.model import PhuLuc
from baocao.input.validate import load_sources
from baocao.pipeline import build, render
from baocao.writers.docx.templates import builtin_template
from baocao.writers.pdf import convert_to_pdf

A4 = ("11906", "16838")
ATTACHED = "(Kèm theo Báo cáo số 142/BC-UBND ngày 15/6/2026 của UBND xã Tân Hòa)"

SMALL = """\
loai: thi-dua
ky_bao_cao: 6 tháng đầu năm 2026
so: 5
ngay: 04/6/2026
so_lieu:
  lua: {ten: Lúa, gia_tri: "612,4", don_vi: ha, ke_hoach: 620, cung_ky: "605,8", so_le: 1}
  ngo: {ten: Ngô, gia_tri: "388,6", don_vi: ha, ke_hoach: 375, cung_ky: "391,2", so_le: 1}
noi_dung:
  - tieu_de: Kết quả
    noi_dung:
      - Các phong trào được triển khai.
      - bang:
          cot:
            - {tieu_de: TT, kieu: stt}
            - {khoa: ten, tieu_de: Cây trồng}
            - {khoa: ke_hoach, tieu_de: Kế hoạch, kieu: so}
            - {khoa: gia_tri, tieu_de: Thực hiện, kieu: so}
            - {tieu_de: Đạt (%), kieu: ty_le_ke_hoach}
          dong:
            - so_lieu: lua
            - so_lieu: ngo
          tong_cong: true
"""

APPENDIX = """\
phu_luc:
  - loai: bieu
    tieu_de: Nhiệm vụ trọng tâm
    bang:
      cot:
        - {tieu_de: TT, kieu: stt}
        - {khoa: don_vi, tieu_de: Đơn vị}
        - {khoa: ket_qua, tieu_de: Kết quả}
        - {khoa: danh_gia, tieu_de: Mức độ (%), kieu: phan_tram}
      dong:
        - nhom: Kinh tế
          dong:
            - {don_vi: Phòng Kinh tế, ket_qua: Xong, danh_gia: 100, trang_thai: đã hoàn thành}
            - {don_vi: Phòng Kinh tế, ket_qua: Đang làm, danh_gia: "40,5", trang_thai: đang thực hiện}
        - nhom: Xã hội
          dong:
            - {don_vi: Phòng Văn hóa - Xã hội, ket_qua: Chưa, danh_gia: Chưa triển khai, trang_thai: chưa thực hiện}
"""


def rows(table) -> list:
    return table.findall("w:tr", NS)


def cells(row) -> list:
    return row.findall("w:tc", NS)


def row_texts(row) -> list[str]:
    return ["\n".join(text_of(p) for p in c.findall("w:p", NS)) for c in cells(row)]


def tc_value(cell, tag: str) -> str | None:
    el = cell.find(f"w:tcPr/w:{tag}", NS)
    return None if el is None else el.get(w("val"))


@pytest.fixture(scope="module")
def example(example_docx) -> Docx:
    return Docx(example_docx)


@pytest.fixture(scope="module")
def appendix_table(example):
    return example.table_with("Nội dung nhiệm vụ trọng tâm")


@pytest.fixture(scope="module")
def body_table(example):
    return example.table_with("Cây trồng")


# ---------------------------------------------------------------------------- sections


def _size(sect_pr) -> tuple[str, str, str | None]:
    size = sect_pr.find("w:pgSz", NS)
    return size.get(w("w")), size.get(w("h")), size.get(w("orient"))


def test_body_is_portrait_and_the_appendix_landscape(example):
    body, appendix = example.section_breaks()
    assert _size(body)[:2] == A4 and _size(body)[2] in (None, "portrait")
    assert _size(appendix) == (A4[1], A4[0], "landscape")
    margins = appendix.find("w:pgMar", NS)
    assert [margins.get(w(side)) for side in ("top", "bottom", "left", "right")] == ["1134", "1134", "1701", "850"]
    assert appendix.find("w:pgNumType", NS).get(w("start")) == "1"
    assert body.find("w:pgNumType", NS) is None
    refs = [
        [(r.get(w("type")), r.get(f"{{{R_NS}}}id")) for r in s.findall("w:headerReference", NS)]
        for s in (body, appendix)
    ]
    assert refs[0] == refs[1] and len(refs[0]) == 2  # page numbers top centre, none on a first page
    assert appendix.find("w:titlePg", NS) is not None


def test_the_appendix_follows_the_signature(example):
    children = list(example.body)
    closing_grid = next(t for t in example.tables if "Nơi nhận:" in text_of(t))
    section_end = example.body.find("w:p/w:pPr/w:sectPr", NS).getparent().getparent()
    assert (
        children.index(closing_grid)
        < children.index(section_end)
        < children.index(example.table_with("Nội dung nhiệm vụ"))
    )
    assert "Biểu số 01" in [text_of(p) for p in children[children.index(section_end) :]]


def test_each_appendix_is_a_section_numbered_from_one(report_dir):
    second = APPENDIX.replace("phu_luc:\n", "").replace("loai: bieu", "loai: phu_luc")
    doc = Docx(report_dir.build(SMALL + APPENDIX + second + second + second.replace("- loai: phu_luc", "- loai: bieu")))
    sections = doc.section_breaks()
    assert [_size(s)[2] for s in sections] == [None, "landscape", "landscape", "landscape", "landscape"]
    assert all(s.find("w:pgNumType", NS).get(w("start")) == "1" for s in sections[1:])
    labels = [t for t in doc.paragraph_texts() if t.startswith(("Biểu số", "Phụ lục"))]
    assert labels == ["Biểu số 01", "Phụ lục I", "Phụ lục II", "Biểu số 02"]


@pytest.mark.parametrize(
    "kinds, expected",
    [
        (["phu_luc"], ["Phụ lục"]),
        (["phu_luc", "phu_luc", "phu_luc"], ["Phụ lục I", "Phụ lục II", "Phụ lục III"]),
        (["bieu"], ["Biểu số 01"]),
        (["bieu", "phu_luc", "bieu"], ["Biểu số 01", "Phụ lục", "Biểu số 02"]),
    ],
)
def test_appendix_labels(kinds, expected):
    appendices = [PhuLuc(loai=kind, tieu_de="X", bang={"cot": [{"tieu_de": "TT", "kieu": "stt"}]}) for kind in kinds]
    assert appendix_labels(appendices) == expected


# ---------------------------------------------------------------------------- appendix heading


def _heading_block(doc: Docx) -> list:
    start = doc.body.find("w:p/w:pPr/w:sectPr", NS).getparent().getparent()
    following = list(start.itersiblings())
    return following[: following.index(doc.table_with("Nội dung nhiệm vụ trọng tâm"))]


def test_appendix_heading_block(example):
    label, title, attached, rule = _heading_block(example)
    assert text_of(label) == "Biểu số 01"
    assert text_of(title) == "ĐÁNH GIÁ TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ TRỌNG TÂM 6 THÁNG ĐẦU NĂM 2026"
    assert text_of(attached) == ATTACHED
    for p, flag in ((label, "b"), (title, "b"), (attached, "i")):
        assert p.find("w:pPr/w:jc", NS).get(w("val")) == "center"
        assert all(r.find(f"w:rPr/w:{flag}", NS) is not None for r in p.iter(w("r")))
    assert rule.find("w:pPr/w:pBdr/w:bottom", NS) is not None and not text_of(rule)


def test_draft_leaves_number_and_day_blank(report_dir):
    draft = (SMALL + APPENDIX).replace("so: 5\n", "").replace("ngay: 04/6/2026", "ngay: 6/2026")
    texts = Docx(report_dir.build(draft)).paragraph_texts()
    expected = f"(Kèm theo Báo cáo số{DRAFT_BLANK}/BC-UBND ngày{DRAFT_BLANK}/6/2026 của UBND xã Tân Hòa)"
    assert expected == "(Kèm theo Báo cáo số      /BC-UBND ngày      /6/2026 của UBND xã Tân Hòa)"
    assert expected in texts


# ---------------------------------------------------------------------------- merged header, groups, numbering


def test_two_level_header_is_merged(appendix_table):
    top, bottom = rows(appendix_table)[:2]
    assert row_texts(top) == [
        "TT",
        "Tên đơn vị",
        "Nội dung nhiệm vụ trọng tâm",
        "Tóm tắt kết quả triển khai thực hiện 6 tháng đầu năm 2026",
    ]
    assert [tc_value(c, "gridSpan") for c in cells(top)] == [None, None, None, "3"]
    assert [tc_value(c, "vMerge") for c in cells(top)] == ["restart", "restart", "restart", None]
    assert row_texts(bottom) == [
        "",
        "",
        "",
        "Tên loại văn bản triển khai",
        "Khối lượng nhiệm vụ triển khai",
        "Đánh giá mức độ hoàn thành (%)",
    ]
    assert [tc_value(c, "vMerge") for c in cells(bottom)] == ["continue"] * 3 + [None] * 3
    grid = [int(col.get(w("w"))) for col in appendix_table.findall("w:tblGrid/w:gridCol", NS)]
    assert len(grid) == 6 and sum(grid) == 16838 - 1701 - 850
    for row in (top, bottom):
        for cell in cells(row):
            for p in cell.findall("w:p", NS):
                assert p.find("w:pPr/w:jc", NS).get(w("val")) == "center"
                assert all(r.find("w:rPr/w:b", NS) is not None for r in p.iter(w("r")))


def test_columns_fit_their_words_and_the_names_their_lines(outputs):
    """The 8-column table of san-xuat: TT (519 twips by weight) is widened to its heading with twips from the
    number columns, not from the names' column, whose longest name stays on one line; the preview alike."""
    table = Docx(outputs["eight"]).table_with("Năng suất lúa vụ mùa")
    grid = [int(col.get(w("w"))) for col in table.findall("w:tblGrid/w:gridCol", NS)]
    assert grid[0] == ColumnNeed().widen("TT", bold=True, wraps=True).word > TEXT_WIDTH // 18
    assert grid[1] >= ColumnNeed().widen("Năng suất lúa vụ mùa", bold=False, wraps=False).line
    assert grid[1] == TEXT_WIDTH * 5 // 18 and sum(grid) == TEXT_WIDTH
    page = render(EXAMPLE_DIR / "san-xuat-quy-iii-2026.yaml", writer="html").data.decode()
    columns = re.search(r"<colgroup>(.*?)</colgroup>", page)
    assert columns and [float(c) for c in re.findall(r"width:([\d.]+)%", columns[1])] == pytest.approx(
        [100 * twips / TEXT_WIDTH for twips in grid], abs=0.001
    )


def test_header_rows_repeat_and_no_row_splits(appendix_table, body_table):
    for table, header_rows in ((appendix_table, 2), (body_table, 2)):
        flags = [row.find("w:trPr/w:tblHeader", NS) is not None for row in rows(table)]
        assert flags == [True] * header_rows + [False] * (len(flags) - header_rows)
        assert all(row.find("w:trPr/w:cantSplit", NS) is not None for row in rows(table))
        assert table.find("w:tblPr/w:tblLayout", NS).get(w("type")) == "fixed"
        assert table.find("w:tblPr/w:tblStyle", NS).get(w("val")) == "TableGrid"


def test_group_rows_span_the_table_and_items_number_on(appendix_table):
    body = rows(appendix_table)[2:]
    groups = [row for row in body if len(cells(row)) == 2]
    assert [row_texts(g) for g in groups] == [
        ["I", "Lĩnh vực kinh tế"],
        ["II", "Lĩnh vực văn hóa - xã hội"],
        ["III", "Lĩnh vực cải cách hành chính, chuyển đổi số"],
        ["IV", "Lĩnh vực quốc phòng, an ninh"],
    ]
    assert all(tc_value(cells(g)[1], "gridSpan") == "5" for g in groups)
    assert all(g.find(".//w:keepNext", NS) is not None for g in groups)
    numbers = [row_texts(row)[0] for row in body]
    assert numbers == ["I", "1", "2", "3", "II", "4", "5", "III", "6", "IV", "7", "8"]


def test_multi_paragraph_cells(appendix_table):
    items = [row for row in rows(appendix_table)[2:] if len(cells(row)) == 6]
    second = cells(items[1])
    assert [text_of(p) for p in second[3].findall("w:p", NS)] == [
        "Kế hoạch số 09/KH-UBND ngày 20/01/2026",
        "Công văn số 35/UBND-KT ngày 02/3/2026",
    ]
    volume = [text_of(p) for p in second[4].findall("w:p", NS)]
    assert volume[0] == "Thu ngân sách được 6.418 triệu đồng, đạt 57,0% KH, tăng 8,7% so với cùng kỳ."
    assert volume[1].startswith("Thu tiền sử dụng đất chưa phát sinh") and len(volume) == 2
    assert second[4].find(".//w:footnoteReference", NS) is not None  # footnotes work in cells
    assert [text_of(p) for p in cells(items[3])[4].findall("w:p", NS)] == [
        "Số hộ nghèo còn 96 hộ, giảm 35 hộ so với cùng kỳ.",
        "Giải quyết việc làm cho 183 lao động, đạt 61,0% KH.",
    ]


def test_percent_column_and_words_in_it(appendix_table):
    items = [row_texts(row) for row in rows(appendix_table)[2:] if len(cells(row)) == 6]
    assert [item[5] for item in items] == [
        "100,0",
        "57,0",
        "60,8",
        "61,0",
        "100,0",
        "Chưa triển khai",
        "100,0",
        "100,0",
    ]
    assert "Kế hoạch số 07/KH-UBND ngày 05/02/2026 của UBND xã" in items[4][3]


# ---------------------------------------------------------------------------- body table


def test_body_table_computes_rates_and_the_total(body_table):
    texts = [row_texts(row) for row in rows(body_table)]
    assert texts[0] == ["TT", "Cây trồng", "Vụ xuân 2026", "Cùng kỳ năm trước", "Tỷ lệ (%)"]
    assert texts[1] == ["", "", "Kế hoạch", "Thực hiện", "", "So với kế hoạch", "So với cùng kỳ"]
    assert texts[2:] == [
        ["1", "Lúa vụ xuân", "620,0", "612,4", "605,8", "98,8", "101,1"],
        ["2", "Ngô vụ xuân", "375,0", "388,6", "391,2", "103,6", "99,3"],
        ["3", "Rau màu các loại", "140,0", "142,0", "136,5", "101,4", "104,0"],
        ["Tổng cộng", "1.135,0", "1.143,0", "1.133,5", "100,7", "100,8"],
    ]  # the unit is in the group header 'Tỷ lệ (%)': bare numbers in the cells
    total = rows(body_table)[-1]
    assert tc_value(cells(total)[0], "gridSpan") == "2"
    assert all(r.find("w:rPr/w:b", NS) is not None for r in total.iter(w("r")))
    lua = cells(rows(body_table)[2])
    assert [c.find("w:p/w:pPr/w:jc", NS).get(w("val")) for c in lua] == ["center", "left"] + ["right"] * 5


def test_difference_column_shows_its_sign(report_dir):
    text = SMALL.replace(
        "            - {tieu_de: Đạt (%), kieu: ty_le_ke_hoach}\n",
        "            - {khoa: cung_ky, tieu_de: Cùng kỳ, kieu: so, so_le: 2}\n"
        "            - {tieu_de: 'Tăng (+), giảm (-)', kieu: chenh_lech}\n"
        "            - {tieu_de: So với cùng kỳ, kieu: ty_le_cung_ky, so_le: 0}\n",
    )
    text = text.replace(
        "            - so_lieu: ngo\n", "            - so_lieu: ngo\n            - [Khoai, 30, 31, 31]\n"
    )
    table = Docx(report_dir.build(text)).table_with("Khoai")
    assert row_texts(rows(table)[3])[2:4] == ["30,0", "31,0"]  # as many decimals as the figures above
    assert [row_texts(r)[4:] for r in rows(table)[1:-1]] == [
        ["605,80", "+6,6", "101%"],
        ["391,20", "-2,6", "99%"],
        ["31,00", "0,0", "100%"],
    ]
    assert row_texts(rows(table)[-1]) == ["Tổng cộng", "1.025,0", "1.032,0", "1.028,00", "+4,0", "100%"]


def test_caption_and_unit_line(body_table):
    unit, caption = body_table.getprevious(), body_table.getprevious().getprevious()
    assert text_of(caption) == "Kết quả sản xuất vụ xuân năm 2026"
    assert caption.find("w:pPr/w:jc", NS).get(w("val")) == "center" and caption.find(".//w:b", NS) is not None
    assert text_of(unit) == "Đơn vị tính: ha"
    assert unit.find("w:pPr/w:jc", NS).get(w("val")) == "right" and unit.find(".//w:i", NS) is not None
    assert body_table.getnext().tag == w("p")


def test_the_narrative_counts_tasks(example):
    text = "\n".join(example.paragraph_texts())
    assert (
        "xã hoàn thành 04/08 nhiệm vụ trọng tâm (50,0%), còn 03 nhiệm vụ đang thực hiện và 01 nhiệm vụ chưa thực hiện "
        "(chi tiết tại Biểu số 01 kèm theo); lĩnh vực kinh tế hoàn thành 33,3% số nhiệm vụ."
    ) in text


def test_task_summary_per_group(report_dir):
    narrative = (
        "      - '{{ nhiem_vu.tong.so_nhiem_vu }}/{{ nhiem_vu.tong.da_hoan_thanh }}/{{ nhiem_vu.tong.dang_thuc_hien }}/"
        "{{ nhiem_vu.tong.chua_thuc_hien }}; {{ nhiem_vu.nhom[0].ten }} {{ nhiem_vu.nhom[0].ty_le_hoan_thanh "
        "| phan_tram }}, "
        "{{ nhiem_vu.nhom[0].ty_le_dang_thuc_hien | phan_tram }}; {{ nhiem_vu.nhom[1].ten }} "
        "{{ nhiem_vu.nhom[1].ty_le_chua_thuc_hien | phan_tram }}; {{ nhiem_vu.tong.ty_le_hoan_thanh | phan_tram }}.'\n"
    )
    text = SMALL.replace("      - Các phong trào được triển khai.\n", narrative) + APPENDIX
    assert "3/1/1/1; Kinh tế 50,0%, 50,0%; Xã hội 100,0%; 33,3%." in Docx(report_dir.build(text)).paragraph_texts()


def _keeps(p) -> bool:
    return p.find("w:pPr/w:keepNext", NS) is not None


def test_notes_under_a_table_stay_with_its_last_row(report_dir):
    text = (SMALL + APPENDIX).replace(
        "      dong:\n        - nhom: Kinh tế",
        "      ghi_chu: [Ghi chú một., Ghi chú hai.]\n      dong:\n        - nhom: Kinh tế",
        1,
    )
    doc = Docx(report_dir.build(text))
    table = doc.table_with("Phòng Văn hóa")
    *before, last = rows(table)
    assert all(_keeps(p) for p in last.iter(w("p")))  # the last row keeps with the notes
    items = [row for row in before if text_of(cells(row)[0]).isdigit()]
    assert items and not any(_keeps(p) for row in items for p in row.iter(w("p")))
    notes = [table.getnext(), table.getnext().getnext()]
    assert [text_of(p) for p in notes] == ["Ghi chú một.", "Ghi chú hai."]
    assert [_keeps(p) for p in notes] == [True, False]  # the notes keep together; the last one may end the page


def test_a_table_without_notes_does_not_keep_its_last_row(body_table):
    assert not any(_keeps(p) for p in rows(body_table)[-1].iter(w("p")))


def test_notes_in_tables_are_the_document_notes(report_dir):
    text = SMALL.replace("- {khoa: ten, tieu_de: Cây trồng}", "- {khoa: ten, tieu_de: 'Cây trồng[^Theo thống kê.]'}")
    sources = load_sources(report_dir.write(text))
    document = compose(sources, compute(sources)).document
    assert [n.paragraphs[0][0].text for n in document.notes()] == ["Theo thống kê."]


# ---------------------------------------------------------------------------- standalone appendix


def test_appendix_alone(report_dir):
    text = SMALL[: SMALL.index("noi_dung:")] + "chi_phu_luc: true\n" + APPENDIX
    doc = Docx(report_dir.build(text))
    texts = doc.paragraph_texts()
    assert "Biểu số 01" in texts and "(Kèm theo Báo cáo số 05/BC-UBND ngày 04/6/2026 của UBND xã Tân Hòa)" in texts
    all_text = "\n".join(texts)
    assert "CỘNG HÒA" not in all_text and "Nơi nhận" not in all_text and "./." not in all_text
    assert len(doc.tables) == 1
    assert [_size(s)[2] for s in doc.section_breaks()] == ["landscape"]


# ---------------------------------------------------------------------------- errors


def _located(text: str) -> tuple[str, int]:
    """The YAML without its '#<' marker, and the marked line's number."""
    lines = text.splitlines()
    line = next(i for i, item in enumerate(lines, 1) if "#<" in item)
    return re.sub(r"\s*#<", "", text), line


BAD = {
    "wrong number of cells": (
        SMALL.replace("            - so_lieu: ngo\n", "            - [Khoai, 30]  #<\n"),
        "Dòng có 2 ô nhưng bảng cần 3 ô",
    ),
    "group with no items": (
        SMALL + APPENDIX.replace("        - nhom: Xã hội\n", "        - nhom: Trống  #<\n        - nhom: Xã hội\n"),
        "Nhóm 'Trống' chưa có dòng nào",
    ),
    "unknown figure": (SMALL.replace("- so_lieu: ngo\n", "- so_lieu: ngoo  #<\n"), "Số liệu 'ngoo' chưa được khai báo"),
    "stated total": (
        SMALL.replace("tong_cong: true", 'tong_cong: {gia_tri: "1.002"}  #<'),
        "ghi 1.002 nhưng cộng các dòng được 1.001",
    ),
    "unknown column": (
        SMALL
        + APPENDIX.replace(
            "danh_gia: 100, trang_thai: đã hoàn thành}", "danh_gai: 100, trang_thai: đã hoàn thành}  #<"
        ),
        "Bảng không có cột 'danh_gai'",
    ),
    "bad status": (
        SMALL + APPENDIX.replace("trang_thai: đã hoàn thành}", "trang_thai: xong}  #<"),
        "Trạng thái 'xong' không hợp lệ",
    ),
    "missing status": (SMALL + APPENDIX.replace(", trang_thai: đang thực hiện}", "}  #<"), "chưa ghi trạng thái"),
    "stray row": (
        SMALL
        + APPENDIX.replace(
            "        - nhom: Xã hội\n", "        - {don_vi: A, ket_qua: B, danh_gia: 1}  #<\n        - nhom: Xã hội\n"
        ),
        "mọi dòng phải nằm trong một nhóm",
    ),
    "not a number": (
        SMALL.replace("            - so_lieu: ngo\n", '            - [Khoai, "30.5", 31]  #<\n'),
        "Số không hợp lệ: '30.5'",
    ),
    "rate without its cells": (
        SMALL.replace(
            "- {khoa: ke_hoach, tieu_de: Kế hoạch, kieu: so}", "- {khoa: kh, tieu_de: Kế hoạch, kieu: so}"
        ).replace("            - so_lieu: ngo\n", "            - [Khoai, 30, 31]  #<\n"),
        "tính từ gia_tri và ke_hoach",
    ),
    "column without key": (
        SMALL.replace("- {khoa: ten, tieu_de: Cây trồng}", "- {tieu_de: Cây trồng}  #<"),
        "Cột 'Cây trồng' cần khoa",
    ),
    "figure cell typed by hand": (
        SMALL.replace("- so_lieu: ngo\n", "- {so_lieu: ngo, gia_tri: 400}  #<\n"),
        "đã lấy từ số liệu 'ngo'",
    ),
    "mixed units": (
        SMALL.replace("don_vi: ha, ke_hoach: 375", "don_vi: tấn, ke_hoach: 375").replace(
            "tong_cong: true", "tong_cong: true  #<"
        ),
        "khác đơn vị tính: ha, tấn",
    ),
    "appendices only without any": (
        SMALL[: SMALL.index("noi_dung:")] + "chi_phu_luc: true  #<\n",
        "chưa có phụ lục nào",
    ),
    "appendices only with a body": (
        SMALL.replace("noi_dung:\n  - tieu_de: Kết quả\n", "chi_phu_luc: true\nnoi_dung:\n  - tieu_de: Kết quả  #<\n")
        + APPENDIX,
        "không có noi_dung",
    ),
    "bad column kind": (SMALL.replace("kieu: stt}", "kieu: sst}  #<"), "Giá trị của 'kieu' không hợp lệ"),
}


@pytest.mark.parametrize("case", list(BAD), ids=list(BAD))
def test_bad_input_is_located_and_writes_nothing(report_dir, case):
    text, line = _located(BAD[case][0])
    message = BAD[case][1]
    report = report_dir.write(text)
    target = report_dir.path / "out.docx"
    with pytest.raises(BaocaoError) as caught:
        build(report, target)
    problem = caught.value.problems[0]
    assert message in problem.message, problem
    assert (problem.location.file, problem.location.line) == (report, line), problem
    assert not target.exists()


# ---------------------------------------------------------------------------- validity and pages


def test_template_has_the_table_text_style():
    with zipfile.ZipFile(builtin_template()) as z:
        styles = etree.fromstring(z.read("word/styles.xml"))
    style = styles.find("w:style[@w:styleId='Bang']", NS)
    assert style.find("w:name", NS).get(w("val")) == "Bảng"
    assert style.find("w:rPr/w:sz", NS).get(w("val")) == "26"
    assert style.find("w:pPr/w:ind", NS).get(w("firstLine")) == "0"


@pytest.fixture(scope="module")
def outputs(example_docx, tmp_path_factory) -> dict[str, Path]:
    """The example, the example's appendix alone and a report with an 8-column table, as .docx files."""
    folder = tmp_path_factory.mktemp("outputs")
    (folder / "don-vi.yaml").write_bytes(EXAMPLE_UNIT.read_bytes())
    text = example_text()
    alone = re.sub(r"(?ms)^mo_dau:.*?(?=^# Phụ lục)", "", text).replace("\nphu_luc:", "\nchi_phu_luc: true\nphu_luc:")
    report = folder / "bieu.yaml"
    report.write_text(alone, encoding="utf-8")
    eight = build(EXAMPLE_DIR / "san-xuat-quy-iii-2026.yaml", folder / "tam-cot.docx")[0]
    return {"example": example_docx, "alone": build(report, folder / "bieu.docx")[0], "eight": eight}


@pytest.mark.parametrize("name", ["example", "alone"])
def test_openxml_audit_finds_no_errors(outputs, name):
    audit = pytest.importorskip("openxml_audit")
    result = audit.OpenXmlValidator().validate(str(outputs[name]))
    assert result.is_valid, [str(e) for e in result.errors]


def _page_sizes(pdf: Path) -> list[tuple[float, float]]:
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    return [(float(a), float(b)) for a, b in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


def _page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")


@pytest.mark.needs_soffice
def test_appendix_pages_are_landscape_in_the_pdf(outputs, tmp_path):
    pdfs = dict(zip(outputs, convert_to_pdf(list(outputs.values()), tmp_path), strict=True))
    sizes = _page_sizes(pdfs["example"])
    landscape = [width > height for width, height in sizes]
    first = landscape.index(True)
    assert first >= 2 and not any(landscape[:first]) and all(landscape[first:])
    pages = _page_texts(pdfs["example"])
    assert "Nơi nhận:" in pages[first - 1]
    assert pages[first].lstrip().startswith("Biểu số 01")
    assert pages[first + 1].lstrip().startswith("2")  # numbered on its own, from its own page 1
    assert all(width > height for width, height in _page_sizes(pdfs["alone"]))
    assert _page_texts(pdfs["alone"])[0].lstrip().startswith("Biểu số 01")
    eight = _page_texts(pdfs["eight"])[0]
    assert "\nTT\n" in eight and "\nT\nT\n" not in eight  # the TT heading on one line (it wrapped at 1/18)
    assert "\nNăng suất lúa vụ mùa\n" in eight  # the longest name too (it wrapped when TT took from it)


def test_built_bytes_open_with_python_docx(outputs):
    word = open_docx(io.BytesIO(outputs["example"].read_bytes()))
    assert [s.orientation for s in word.sections] == [0, 1]  # WD_ORIENT.PORTRAIT, LANDSCAPE
