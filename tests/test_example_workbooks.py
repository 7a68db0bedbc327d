"""The example whose figures come from the departments' own workbooks (data/xa-tan-hoa/san-xuat-quy-iii-2026.yaml):
the committed .xlsx files hold what scripts/example_workbooks.py writes, the report builds from their cells (by
column headings and by cell addresses), and `baocao next` carries both workbooks to the next quarter."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from helpers import EXAMPLE_DIR, ROOT

from baocao.errors import BaocaoError
from baocao.input.next_period import write_next
from baocao.input.period import parse_period
from baocao.input.validate import load_sources
from baocao.pipeline import build

REPORT = EXAMPLE_DIR / "san-xuat-quy-iii-2026.yaml"


def script():
    spec = importlib.util.spec_from_file_location("example_workbooks", ROOT / "scripts" / "example_workbooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cells(path: Path) -> dict[str, tuple[list[tuple], list[str]]]:
    book = openpyxl.load_workbook(path)
    return {
        sheet.title: (list(sheet.iter_rows(values_only=True)), sorted(str(r) for r in sheet.merged_cells.ranges))
        for sheet in book.worksheets
    }


def test_the_committed_workbooks_are_what_the_script_writes(tmp_path):
    written = script().main(tmp_path)
    assert [p.name for p in written] == ["phong-kinh-te-quy-iii-nam-2026.xlsx", "phong-tai-chinh-quy-iii-nam-2026.xlsx"]
    for path in written:
        assert cells(EXAMPLE_DIR / path.name) == cells(path), path.name


def test_the_report_takes_its_figures_from_the_departments_cells(tmp_path):
    sources = load_sources(REPORT)
    where = sources.report_map.where
    kinh_te, tai_chinh = (EXAMPLE_DIR / f"phong-{d}-quy-iii-nam-2026.xlsx" for d in ("kinh-te", "tai-chinh"))
    assert str(where(("so_lieu", "lua_mua", "gia_tri"))) == f"{kinh_te}:Trồng trọt:E5"  # column "Thực hiện quý III"
    assert str(where(("so_lieu", "ngo_mua", "ma_chi_tieu"))) == f"{kinh_te}:Trồng trọt:G6"
    assert str(where(("so_lieu", "thu_khac", "ke_hoach"))) == f"{tai_chinh}:Thu ngân sách:C8"  # o: {ke_hoach: C8}
    lua = sources.report.so_lieu["lua_mua"]
    assert (lua.ten, lua.don_vi, lua.ma_chi_tieu, lua.so_le) == ("Lúa vụ mùa", "ha", "NN.02", 1)  # so_le from YAML
    target, built = build(REPORT, tmp_path / "san-xuat.docx")
    assert not built.warnings
    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "Tổng diện tích gieo trồng vụ mùa 940,3 ha, đạt 99,5% kế hoạch, tăng 2,6% so với cùng kỳ" in text
    assert "Thu ngân sách trên địa bàn quý III 3.386 triệu đồng, tăng 9,0% so với cùng kỳ" in text


def test_a_department_total_that_disagrees_is_located_at_its_cell(tmp_path):
    folder = tmp_path / "xa"
    shutil.copytree(EXAMPLE_DIR, folder)
    book_path = folder / "phong-tai-chinh-quy-iii-nam-2026.xlsx"
    book = openpyxl.load_workbook(book_path)
    book["Thu ngân sách"]["D6"] = 3390
    book.save(book_path)
    with pytest.raises(BaocaoError) as caught:
        build(folder / REPORT.name, tmp_path / "x.docx")
    problems = [str(p) for p in caught.value.problems]
    assert any(p.startswith(f"{book_path}:Thu ngân sách:D6:") and "3.386" in p for p in problems), problems
    assert not (tmp_path / "x.docx").exists()


def test_next_carries_both_workbooks_to_the_next_quarter(tmp_path):
    folder = tmp_path / "xa"
    shutil.copytree(EXAMPLE_DIR, folder)
    written = write_next(folder / REPORT.name, parse_period("quý IV năm 2026"))
    names = sorted(p.name for p in written.workbooks)
    assert names == ["phong-kinh-te-quy-iv-nam-2026.xlsx", "phong-tai-chinh-quy-iv-nam-2026.xlsx"]
    crops = openpyxl.load_workbook(folder / names[0])["Trồng trọt"]
    assert (crops["B5"].value, crops["D5"].value, crops["E5"].value, crops["F5"].value) == (
        "Lúa vụ mùa",
        640,
        None,
        None,
    )
    told = "\n".join(str(p) for p in written.to_fill)
    assert f"{folder / names[0]}:Trồng trọt:E5: Chưa điền gia_tri của số liệu 'lua_mua'." in told
    assert f"{folder / names[1]}:Thu ngân sách:D7: Chưa điền gia_tri của số liệu 'thu_thue_phi'." in told
    assert openpyxl.load_workbook(folder / "phong-kinh-te-quy-iii-nam-2026.xlsx")["Trồng trọt"]["E5"].value == 628.5
