"""`baocao next` carries the report's workbooks (so_lieu_tu) to the new period; `init --bang-tinh` writes one."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
import yaml
from helpers import HEADER, ROWS, SENTENCE, sentence, small_report, workbook

from baocao.errors import BaocaoError
from baocao.input.next_period import write_next
from baocao.input.period import parse_period
from baocao.pipeline import build
from baocao.writers.figures import starter_workbook

EXPORT_HEADER = [*HEADER, "ty_le_ke_hoach", "nguon"]


def cells(path: Path) -> dict[str, dict[str, object]]:
    rows = list(openpyxl.load_workbook(path)["Số liệu"].iter_rows(values_only=True))
    return {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}


@pytest.fixture
def rolled_report(report_dir):
    workbook(report_dir.path / "so-lieu.xlsx", [EXPORT_HEADER, *[[*row, 98.8, "x.yaml:1"] for row in ROWS]])
    data = small_report(so_lieu_tu="so-lieu.xlsx", noi_dung=[{"tieu_de": "Kết quả", "noi_dung": [SENTENCE]}])
    return report_dir.write(data)


def test_next_year_rolls_the_workbook_like_the_yaml_figures(rolled_report):
    written = write_next(rolled_report, parse_period("6 tháng đầu năm 2027"))
    folder = rolled_report.parent
    new = folder / "so-lieu-6-thang-dau-nam-2027.xlsx"
    assert written.workbooks == [new]
    assert yaml.safe_load(written.path.read_text(encoding="utf-8"))["so_lieu_tu"] == new.name
    rows = cells(new)
    assert rows["lua_xuan"] | {"ten": None} == {
        "ten_so_lieu": "lua_xuan",
        "ten": None,
        "gia_tri": None,
        "don_vi": "ha",
        "ke_hoach": None,  # a new year: a new plan
        "cung_ky": 612.4,  # this period's value
        "so_le": 1,
        "tong_cua": None,
        "ty_le_ke_hoach": None,  # the export's computed columns emptied
        "nguon": None,
    }
    assert rows["gieo_trong"]["tong_cua"] == "lua_xuan, ngo_xuan"
    assert cells(folder / "so-lieu.xlsx")["lua_xuan"]["gia_tri"] == 612.4  # the old workbook is kept
    told = [str(p) for p in written.to_fill]
    assert f"{new}:Số liệu:C2: Chưa điền gia_tri của số liệu 'lua_xuan'." in "\n".join(told)
    assert any(f"{new}:Số liệu:E3: Chưa điền ke_hoach của số liệu 'ngo_xuan'." in t for t in told)
    assert not any("gieo_trong" in t for t in told)


def test_filled_workbook_of_the_new_period_builds(rolled_report):
    written = write_next(rolled_report, parse_period("6 tháng đầu năm 2027"))
    new = written.workbooks[0]
    book = openpyxl.load_workbook(new)
    for row, values in ((2, (650, 640)), (3, (400, 390))):
        book["Số liệu"].cell(row, 3).value, book["Số liệu"].cell(row, 5).value = values
    book.save(new)
    assert sentence(build(written.path, new.with_suffix(".docx"))[0]) == (
        "Lúa 650,0 ha, đạt 101,6% kế hoạch; gieo trồng 1.050,0 ha, tăng 4,9% so với cùng kỳ."
    )


def test_same_year_keeps_plans_and_asks_for_cung_ky(rolled_report):
    written = write_next(rolled_report, parse_period("6 tháng cuối năm 2026"))
    rows = cells(written.workbooks[0])
    assert (rows["lua_xuan"]["ke_hoach"], rows["lua_xuan"]["cung_ky"], rows["lua_xuan"]["gia_tri"]) == (620, None, None)
    assert any("Chưa điền cung_ky của số liệu 'lua_xuan'" in str(p) for p in written.to_fill)


def test_csv_and_cells_layouts_roll_too(report_dir):
    (report_dir.path / "so-lieu.csv").write_text(
        "ten_so_lieu;gia_tri;don_vi;cung_ky\nlua_xuan;612,4;ha;605,8\n", encoding="utf-8-sig"
    )
    workbook(report_dir.path / "phong.xlsx", [["Chỉ tiêu", "Thực hiện", "Cùng kỳ"], ["Ngô", 388.6, "=B2-2"]])
    sources = ["so-lieu.csv", {"tep": "phong.xlsx", "o": {"ngo_xuan": {"gia_tri": "B2", "cung_ky": "C2"}}}]
    report = report_dir.write(small_report(so_lieu_tu=sources))
    with pytest.raises(BaocaoError):  # phong.xlsx's formula has no cached value (never opened): refused
        write_next(report, parse_period("6 tháng đầu năm 2027"))
    workbook(report_dir.path / "phong.xlsx", [["Chỉ tiêu", "Thực hiện", "Cùng kỳ"], ["Ngô", 388.6, 391.2]])
    written = write_next(report, parse_period("6 tháng đầu năm 2027"))
    csv_file, xlsx_file = written.workbooks
    assert csv_file.read_text(encoding="utf-8-sig") == "ten_so_lieu;gia_tri;don_vi;cung_ky\nlua_xuan;;ha;612,4\n"
    sheet = openpyxl.load_workbook(xlsx_file).active
    assert (sheet["B2"].value, sheet["C2"].value) == (None, 388.6)
    names = yaml.safe_load(written.path.read_text(encoding="utf-8"))["so_lieu_tu"]
    assert names == [
        "so-lieu-6-thang-dau-nam-2027.csv",
        {"tep": "phong-6-thang-dau-nam-2027.xlsx", "o": sources[1]["o"]},
    ]


def test_next_refuses_to_overwrite_a_workbook(rolled_report):
    (rolled_report.parent / "so-lieu-6-thang-dau-nam-2027.xlsx").write_bytes(b"x")
    with pytest.raises(BaocaoError) as caught:
        write_next(rolled_report, parse_period("6 tháng đầu năm 2027"))
    assert "Tệp bảng tính của kỳ mới đã có, không ghi đè." in str(caught.value.problems[0])
    assert not (rolled_report.parent / "thi-dua-6-thang-dau-nam-2027.yaml").exists()


def test_init_writes_a_starter_workbook_the_report_reads(tmp_path):
    from baocao.input.scaffold import init_folder

    done = init_folder(tmp_path, "thi-dua", parse_period("6 tháng đầu năm 2026"), workbook=starter_workbook)
    sheet = tmp_path / "so-lieu-6-thang-dau-nam-2026.xlsx"
    report = tmp_path / "thi-dua-6-thang-dau-nam-2026.yaml"
    assert sheet in done.written and report in done.written
    assert "so_lieu_tu: so-lieu-6-thang-dau-nam-2026.xlsx # bảng tính số liệu" in report.read_text(encoding="utf-8")
    first = openpyxl.load_workbook(sheet)["Số liệu"][1]
    assert [c.value for c in first][:4] == ["ten_so_lieu", "ma_chi_tieu", "ten", "gia_tri"]
    assert "Giá trị kỳ này" in first[3].comment.text
    build(report, tmp_path / "a.docx")  # builds at once, with no figure yet
    book = openpyxl.load_workbook(sheet)
    book["Số liệu"].append(["lua_xuan", None, "Lúa", 612.4, "ha"])
    book.save(sheet)
    text = report.read_text(encoding="utf-8").replace(
        "- (Những việc làm tốt.)", "- Lúa {{ so_lieu.lua_xuan | so_dv }}."
    )
    report.write_text(text, encoding="utf-8")
    assert sentence(build(report, tmp_path / "b.docx")[0]) == "Lúa 612,4 ha."
    again = init_folder(tmp_path, "kt-xh", parse_period("6 tháng đầu năm 2026"), workbook=starter_workbook)
    assert sheet in again.kept  # a workbook already there is kept


def test_init_and_next_commands_tell_the_workbooks(cli, tmp_path):
    code, out, err = cli("init", "xa", "--loai", "thi-dua", "--ky", "6 tháng đầu năm 2026", "--bang-tinh")
    assert code == 0, err
    assert "Đã viết xa/so-lieu-6-thang-dau-nam-2026.xlsx" in out
    book = openpyxl.load_workbook(tmp_path / "xa" / "so-lieu-6-thang-dau-nam-2026.xlsx")
    book["Số liệu"].append(["lua_xuan", None, "Lúa", 612.4, "ha"])
    book.save(tmp_path / "xa" / "so-lieu-6-thang-dau-nam-2026.xlsx")
    code, out, err = cli("next", "xa/thi-dua-6-thang-dau-nam-2026.yaml", "--ky", "6 tháng đầu năm 2027")
    assert code == 0, err
    assert "Đã viết xa/so-lieu-6-thang-dau-nam-2027.xlsx" in out
    assert "ô để trống của bảng tính" in out
    assert "xa/so-lieu-6-thang-dau-nam-2027.xlsx:Số liệu:D2: Chưa điền gia_tri của số liệu 'lua_xuan'." in out


def test_a_comma_csv_with_a_semicolon_in_its_text_is_written_back_with_commas(report_dir):
    (report_dir.path / "so-lieu.csv").write_text(
        '"Số liệu nông nghiệp; vụ xuân",,,\nten_so_lieu,gia_tri,don_vi,cung_ky\nlua_xuan,"612,4",ha,"605,8"\n',
        encoding="utf-8-sig",
    )
    report = report_dir.write(small_report(so_lieu_tu=[{"tep": "so-lieu.csv", "dong_tieu_de": 2}]))
    written = write_next(report, parse_period("6 tháng đầu năm 2027"))
    assert written.workbooks[0].read_text(encoding="utf-8-sig") == (
        'Số liệu nông nghiệp; vụ xuân,,,\nten_so_lieu,gia_tri,don_vi,cung_ky\nlua_xuan,,ha,"612,4"\n'
    )
