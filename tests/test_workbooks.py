"""so_lieu_tu: figures read from workbooks (.xlsx, .ods, .csv), merged with the YAML figures, located errors."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from helpers import HEADER, ROWS, SENTENCE, sentence, small_report, workbook

from baocao.errors import BaocaoError
from baocao.input.validate import load_sources
from baocao.pipeline import build

EXPECTED = "Lúa 612,4 ha, đạt 98,8% kế hoạch; gieo trồng 1.001,0 ha, tăng 0,4% so với cùng kỳ."


def report(**changes: Any) -> dict[str, Any]:
    return small_report(noi_dung=[{"tieu_de": "Kết quả", "noi_dung": [SENTENCE]}], **changes)


def problems(report_dir, data: dict[str, Any]) -> list[str]:
    with pytest.raises(BaocaoError) as caught:
        build(report_dir.write(data), report_dir.path / "x.docx")
    return [str(p) for p in caught.value.problems]


def test_default_layout_builds_like_yaml_figures(report_dir):
    workbook(report_dir.path / "so-lieu.xlsx", [HEADER, *ROWS])
    assert sentence(report_dir.build(report(so_lieu_tu="so-lieu.xlsx"))) == EXPECTED


def test_csv_with_semicolons_and_vietnamese_numbers(report_dir):
    lines = [
        ";".join(HEADER),
        "lua_xuan;Lúa vụ xuân;612,4;ha;620;605,8;1;",
        "ngo_xuan;Ngô vụ xuân;388,6;ha;375;391,2;1;",
        'gieo_trong;Tổng diện tích gieo trồng;;ha;;;;"lua_xuan, ngo_xuan"',
    ]
    (report_dir.path / "so-lieu.csv").write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    assert sentence(report_dir.build(report(so_lieu_tu="so-lieu.csv"))) == EXPECTED


def test_department_sheet_by_headings_and_by_cells(report_dir):
    workbook(
        report_dir.path / "phong-nn.xlsx",
        [
            ["BIỂU SỐ LIỆU TRỒNG TRỌT"],
            ["Mã", "Chỉ tiêu", "ĐVT", "Kế hoạch năm", "Thực hiện", "Cùng kỳ"],
            ["lua_xuan", "Lúa vụ xuân", "ha", 620, 612.4, 605.8],
        ],
        sheet="Trồng trọt",
    )
    workbook(report_dir.path / "phong-kt.xlsx", [["Chỉ tiêu", "Thực hiện", "Cùng kỳ"], ["Ngô", 388.6, 391.2]])
    sources = [
        {
            "tep": "phong-nn.xlsx",
            "trang": "trồng  trọt",
            "dong_tieu_de": 2,
            "cot": {
                "ten_so_lieu": "Mã",
                "ten": "chỉ tiêu",
                "don_vi": "ĐVT",
                "ke_hoach": "Kế hoạch năm",
                "gia_tri": "E",
                "cung_ky": "Cùng kỳ",
            },
        },
        {"tep": "phong-kt.xlsx", "o": {"ngo_xuan": {"gia_tri": "B2", "cung_ky": "$C$2"}}},
    ]
    so_lieu = {
        "lua_xuan": {"so_le": 1, "ghi_de": True},
        "ngo_xuan": {"ten": "Ngô vụ xuân", "don_vi": "ha", "ke_hoach": 375, "so_le": 1, "ghi_de": True},
        "gieo_trong": {"ten": "Tổng", "don_vi": "ha", "tong_cua": ["lua_xuan", "ngo_xuan"]},
    }
    assert sentence(report_dir.build(report(so_lieu_tu=sources, so_lieu=so_lieu))) == EXPECTED


def test_profile_workbook_and_override(report_dir):
    workbook(report_dir.path / "chung.xlsx", [HEADER, *ROWS])
    report_dir.write(report(so_lieu={"lua_xuan": {"gia_tri": 600, "ghi_de": True}}), so_lieu_tu=["chung.xlsx"])
    sources = load_sources(report_dir.path / "bao-cao.yaml")
    lua = sources.report.so_lieu["lua_xuan"]
    assert (lua.gia_tri, lua.ke_hoach, lua.ten) == (600, 620, "Lúa vụ xuân")
    assert (
        str(sources.report_map.where(("so_lieu", "lua_xuan", "ke_hoach")))
        == f"{report_dir.path / 'chung.xlsx'}:Số liệu:E2"
    )
    assert sources.report_map.where(("so_lieu", "lua_xuan", "gia_tri")).line > 0  # the YAML's own value


@pytest.mark.parametrize("weights", ["1,5; 2,25", "1,5, 2,25", "1,5;2,25", " 1,5 ;  2,25 "])
@pytest.mark.parametrize("names", ["lua_xuan, ngo_xuan", "lua_xuan,ngo_xuan", "lua_xuan; ngo_xuan"])
def test_list_cells_split_at_semicolons_or_commas_not_before_a_digit(report_dir, weights, names):
    header = [*HEADER[:-1], "trung_binh_cua", "trong_so"]
    average = ["binh_quan", "Bình quân", None, "ha", None, None, 1, names, weights]
    workbook(report_dir.path / "so-lieu.xlsx", [header, *[[*row[:-1], None, None] for row in ROWS[:2]], average])
    report_dir.write(report(so_lieu_tu="so-lieu.xlsx", so_lieu={"gieo_trong": {"tong_cua": ["lua_xuan", "ngo_xuan"]}}))
    figure = load_sources(report_dir.path / "bao-cao.yaml").report.so_lieu["binh_quan"]
    assert (figure.trung_binh_cua, figure.trong_so) == (["lua_xuan", "ngo_xuan"], [Decimal("1.5"), Decimal("2.25")])


def ods(path: Path, rows: list[list[Any]], sheet: str) -> Path:
    """A minimal OpenDocument spreadsheet (what LibreOffice saves: values in office:value, text in text:p)."""

    def cell(value: Any) -> str:
        if value is None:
            return "<table:table-cell/>"
        if isinstance(value, (int, float)):
            return (
                f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>"
            )
        return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'

    body = "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in rows)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        "<office:body><office:spreadsheet>"
        f'<table:table table:name="{sheet}">{body}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content)
    return path


def test_ods_is_read(report_dir):
    ods(report_dir.path / "so-lieu.ods", [["Biểu"], HEADER, *ROWS], "Trang 1")
    sources = {"tep": "so-lieu.ods", "trang": "Trang 1", "dong_tieu_de": 2}
    assert sentence(report_dir.build(report(so_lieu_tu=sources))) == EXPECTED


@pytest.mark.parametrize(
    ("change", "sources", "expected"),
    [
        (lambda s: s.cell(2, 3, "khoảng 600"), "so-lieu.xlsx", ":Số liệu:C2: Số không hợp lệ: 'khoảng 600'"),
        (lambda s: s.cell(2, 3, "=B2*2"), "so-lieu.xlsx", ":Số liệu:C2: Ô có công thức nhưng chưa có giá trị đã tính."),
        (
            lambda s: s.cell(1, 3, "gia_trj"),
            "so-lieu.xlsx",
            ":Số liệu:C1: Tiêu đề cột 'gia_trj' không phải là khóa của số liệu.",
        ),
        (
            lambda s: s.cell(3, 1, "lua_xuan"),
            "so-lieu.xlsx",
            ":Số liệu:A3: Số liệu 'lua_xuan' có hai lần trong trang tính",
        ),
        (lambda s: s.cell(1, 1, "ten"), "so-lieu.xlsx", ":Số liệu:A1: Không có cột 'ten_so_lieu'"),
        (
            lambda s: s.cell(4, 8, "lua_xuan, bo"),
            "so-lieu.xlsx",
            ":Số liệu:H4: Số liệu 'bo' trong tong_cua chưa được khai báo.",
        ),
        (
            lambda s: s.cell(2, 1, "Lúa xuân"),
            "so-lieu.xlsx",
            ":Số liệu:A2: Tên 'Lúa xuân' chỉ gồm chữ thường không dấu",
        ),
        (
            None,
            {"tep": "so-lieu.xlsx", "trang": "Biểu 2"},
            "bao-cao.yaml:11:10: Tệp 'so-lieu.xlsx' không có trang tính 'Biểu 2'.",
        ),
        (
            None,
            {"tep": "so-lieu.xlsx", "cot": {"ten_so_lieu": "Mã"}},
            "Dòng tiêu đề 1 của trang 'Số liệu' không có cột 'Mã'.",
        ),
        (None, {"tep": "so-lieu.xlsx", "o": {"lua_xuan": "C99999999"}}, "'C99999999' không phải là địa chỉ ô."),
        (None, "khong-co.xlsx", "Không tìm thấy tệp bảng tính"),
        (None, "so-lieu.txt", "chỉ đọc bảng tính .xlsx, .ods, .csv"),
    ],
)
def test_bad_workbooks_are_located_errors_and_nothing_is_written(report_dir, change, sources, expected):
    book = openpyxl.Workbook()
    book.active.title = "Số liệu"
    for row in [HEADER, *ROWS]:
        book.active.append(row)
    if change:
        change(book.active)
    book.save(report_dir.path / "so-lieu.xlsx")
    (report_dir.path / "so-lieu.txt").write_text("x", encoding="utf-8")
    data = report(so_lieu_tu=[sources])
    assert any(expected in p for p in problems(report_dir, data)), problems(report_dir, data)
    with pytest.raises(BaocaoError):
        build(report_dir.path / "bao-cao.yaml", report_dir.path / "x.docx")
    assert not (report_dir.path / "x.docx").exists()


def test_a_name_in_yaml_and_workbook_needs_ghi_de(report_dir):
    workbook(report_dir.path / "so-lieu.xlsx", [HEADER, *ROWS])
    found = problems(report_dir, report(so_lieu_tu="so-lieu.xlsx", so_lieu={"lua_xuan": 600}))
    assert "Số liệu 'lua_xuan' đã có trong bảng tính" in found[0] and found[1].endswith(
        ":Số liệu:A2: Số liệu 'lua_xuan' trong bảng tính."
    )
    found = problems(
        report_dir, report(so_lieu_tu="so-lieu.xlsx", so_lieu={"lua_xuna": {"gia_tri": 1, "ghi_de": True}})
    )
    assert "không bảng tính nào có số liệu này" in found[0] and "lua_xuan" in found[0]


def test_a_name_in_two_workbooks(report_dir):
    workbook(report_dir.path / "a.xlsx", [HEADER, *ROWS])
    workbook(report_dir.path / "b.csv", [])
    (report_dir.path / "b.csv").write_text("ten_so_lieu,gia_tri\nlua_xuan,1\n", encoding="utf-8")
    found = problems(report_dir, report(so_lieu_tu=["a.xlsx", "b.csv"]))
    assert found[0].endswith(
        "b.csv:A2: Số liệu 'lua_xuan' có ở hai bảng tính.\n    → Xóa một trong hai dòng, hoặc đổi tên."
    )
    assert found[1].endswith("a.xlsx:Số liệu:A2: Lần đầu ở đây.")


def test_broken_file_is_a_located_error(report_dir):
    (report_dir.path / "so-lieu.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    assert "Không đọc được tệp bảng tính" in problems(report_dir, report(so_lieu_tu="so-lieu.xlsx"))[0]


@pytest.mark.parametrize(
    ("change", "yaml_problem"),
    [
        ({"khoa_sai": 1}, "Khóa 'khoa_sai' không hợp lệ ở đây."),  # the report fails validation
        ({"so_lieu": {"von": {"gia_tri": None, "don_vi": "triệu đồng"}}}, "Chưa điền giá trị kỳ này (gia_tri)"),
    ],
)
def test_every_workbook_problem_comes_in_one_run_with_the_yaml_problems(report_dir, change, yaml_problem):
    book = openpyxl.Workbook()
    book.active.title = "Số liệu"
    for row in [HEADER, *ROWS]:
        book.active.append(row)
    book.active.cell(2, 3, "khoảng 600")
    book.active.cell(3, 5, "=D3*2")
    book.save(report_dir.path / "a.xlsx")
    workbook(report_dir.path / "b.xlsx", [["ten", "gia_tri"], ["Lúa", 1]])
    found = problems(report_dir, report(so_lieu_tu=["a.xlsx", "b.xlsx"], **change))
    assert any(yaml_problem in p for p in found), found
    assert any(":Số liệu:C2: Số không hợp lệ: 'khoảng 600'" in p for p in found), found
    assert any(":Số liệu:E3: Ô có công thức nhưng chưa có giá trị đã tính." in p for p in found), found
    assert any("b.xlsx:Số liệu:A1: Không có cột 'ten_so_lieu'" in p for p in found), found
