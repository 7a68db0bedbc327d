"""`baocao import --so-lieu` of tables and charts: rows become figures the table cites, charts cite them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from handmade import grid_table, report
from helpers import ALL_EXAMPLES, ROOT

from baocao.conventions.words import norm
from baocao.pipeline import build
from baocao.readers.docx import import_docx

KT_XH = ROOT / "data" / "xa-tan-hoa" / "kt-xh-6-thang-2026.yaml"


def _tables(node: Any):
    """Every `bang` of an outline or appendix list, in reading order."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from [value] if key == "bang" and isinstance(value, dict) else _tables(value)
    elif isinstance(node, list):
        for value in node:
            yield from _tables(value)


def _read(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _cells(path: Path) -> list[list[list[str]]]:
    """The text of every cell of every table with more than one row (the header grid has one)."""
    tables = [t for t in docx.Document(str(path)).tables if len(t.rows) > 1]
    return [[[norm(tc.xpath("string(.)")) for tc in row._tr.tc_lst] for row in t.rows] for t in tables]


def _kinds(bang: dict[str, Any]) -> list[str]:
    return [c.get("kieu", "van_ban") for c in bang["cot"]]


@pytest.mark.parametrize("example", ALL_EXAMPLES, ids=lambda p: str(p.relative_to(ROOT / "data")))
def test_example_tables_cite_figures_and_print_the_same(example: Path, tmp_path: Path) -> None:
    """build → import --so-lieu → build: every table cell the same; the tables whose rows cite figures in the
    source cite figures again, with the source's column kinds (its rates computed)."""
    first, _ = build(example, tmp_path / "first.docx")
    done = import_docx(first, tmp_path / "unit", figures=True)
    source, imported = list(_tables(_read(example))), list(_tables(_read(done.report)))
    assert len(source) == len(imported)
    for mine, theirs in zip(source, imported, strict=True):
        if all(isinstance(row, dict) and set(row) == {"so_lieu"} for row in mine["dong"]):
            assert all("so_lieu" in row for row in theirs["dong"]) and _kinds(theirs) == _kinds(mine)
    second, _ = build(done.report, tmp_path / "second.docx")
    assert _cells(second) == _cells(first)


def test_kt_xh_indicator_table_reads_with_its_computed_columns(tmp_path: Path) -> None:
    """'Kết quả thực hiện một số chỉ tiêu': rows of mixed decimals (995,0 above 11.250) and a rate to a same
    period the table does not show: figures with their own decimals, the same period derived and commented."""
    first, _ = build(KT_XH, tmp_path / "first.docx")
    done = import_docx(first, tmp_path / "unit", figures=True)
    data = _read(done.report)
    bang = next(b for b in _tables(data) if b.get("tieu_de", "").startswith("Kết quả thực hiện"))
    assert _kinds(bang) == ["stt", "van_ban", "van_ban", "so", "so", "ty_le_ke_hoach", "ty_le_cung_ky"]
    assert [c.get("khoa") for c in bang["cot"][1:5]] == ["ten", "don_vi", "ke_hoach", "gia_tri"]
    names = [row["so_lieu"] for row in bang["dong"]]
    figures = data["so_lieu"]
    area, budget = figures[names[0]], figures[names[2]]
    assert (area["ten"], area["gia_tri"], area["ke_hoach"], area["so_le"]) == (
        "Tổng diện tích gieo trồng vụ xuân",
        1001,
        995,
        1,
    )
    assert (budget["ten"], budget["don_vi"], budget["gia_tri"], budget["ke_hoach"]) == (
        "Thu ngân sách trên địa bàn",
        "triệu đồng",
        6418,
        11250,
    )
    assert "so_le" not in budget and budget["cung_ky"] == 5904
    text = done.report.read_text(encoding="utf-8")
    assert "cung_ky: 5904           # suy ra từ «So với cùng kỳ (%): 108,7»" in text
    second, _ = build(done.report, tmp_path / "second.docx")
    assert _cells(second) == _cells(first)


HEADER = [
    ["TT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Cùng kỳ năm trước", "Tỷ lệ (%)", "", "Tăng (+), giảm (-)"],
    [None, None, None, None, None, "So với KH", "So với CK", None],
]
ROWS = [
    ["1", "Lúa", "1.200,00", "1.215,50", "1.190,25", "101,3", "102,1", "+25,25"],
    ["2", "Ngô", "339,72", "324,22", "330,00", "95,4", "98,2", "-5,78"],
    ["Tổng cộng", "1.539,72", "1.539,72", "1.520,25", "100,0", "101,3", "+19,47"],
]


def test_hand_made_table_rows_become_figures(tmp_path: Path) -> None:
    """Two header rows, two decimals, rates and a signed difference, a typed total: a figure per row, the
    rates, the difference and the total computed again, every cell as typed."""
    source = report(tmp_path / "bao-cao.docx", lambda d: grid_table(d, HEADER, ROWS))
    done = import_docx(source, tmp_path / "unit", figures=True)
    data = _read(done.report)
    (bang,) = _tables(data)
    assert _kinds(bang) == ["stt", "van_ban", "so", "so", "so", "ty_le_ke_hoach", "ty_le_cung_ky", "chenh_lech"]
    assert bang["dong"] == [{"so_lieu": "lua"}, {"so_lieu": "ngo"}] and bang["tong_cong"] is True
    assert data["so_lieu"]["lua"] == {
        "ten": "Lúa",
        "gia_tri": "1.215,5",
        "ke_hoach": 1200,
        "cung_ky": "1.190,25",
        "so_le": 2,
    }
    assert done.summary.figures == 2 and not done.summary.doubts
    rebuilt, _ = build(done.report, tmp_path / "lai.docx")
    assert _cells(rebuilt) == _cells(source)


def test_table_without_a_value_column_or_that_prints_otherwise_stays_written(tmp_path: Path) -> None:
    """A list of awards (no value compared with anything), and a table whose numbers the figures would print
    otherwise ('05'), keep their written cells, no figure left behind; negative values are allowed (cho_phep_am),
    a same period derived below zero too (5 now, 12 more than then)."""

    def body(d) -> None:
        grid_table(d, [["TT", "Hình thức", "Số lượt"]], [["1", "Giấy khen", "23"], ["2", "Bằng khen", "6"]])
        header = [["TT", "Chỉ tiêu", "Kế hoạch", "Thực hiện"]]
        grid_table(d, header, [["1", "Đường trục thôn", "05", "4"], ["2", "Đường ngõ", "12", "12"]], "Đường")
        header = [["TT", "Chỉ tiêu", "Thực hiện", "Tăng (+), giảm (-)"]]
        grid_table(d, header, [["1", "Dân số cơ học", "-37", "+15"], ["2", "Số vụ cháy", "5", "+12"]], "Dân số")

    source = report(tmp_path / "bao-cao.docx", body)
    done = import_docx(source, tmp_path / "unit", figures=True)
    data = _read(done.report)
    awards, roads, people = _tables(data)
    assert awards["dong"] == [["Giấy khen", "23"], ["Bằng khen", "6"]]
    assert roads["dong"][0] == ["Đường trục thôn", "05", "4"]
    assert "so_lieu" in people["dong"][0] and data["so_lieu"][people["dong"][0]["so_lieu"]]["cho_phep_am"] is True
    assert list(data["so_lieu"]) == [row["so_lieu"] for row in people["dong"]]  # only that table's figures
    rebuilt, _ = build(done.report, tmp_path / "lai.docx")
    assert _cells(rebuilt) == _cells(source)


def test_without_the_option_tables_keep_written_rows(tmp_path: Path) -> None:
    source = report(tmp_path / "bao-cao.docx", lambda d: grid_table(d, HEADER, ROWS))
    done = import_docx(source, tmp_path / "unit")
    (bang,) = _tables(_read(done.report))
    assert bang["dong"][0] == ["Lúa", "1.200,00", "1.215,50", "1.190,25"] and done.summary.figures is None


def test_a_table_row_shares_the_figure_of_a_sentence_before_it(tmp_path: Path) -> None:
    """'Thu ngân sách trên địa bàn 6.418 triệu đồng' said in a sentence, then a table row of the same title, value
    and unit: one figure, cited by both; it takes the plan the table states; the sentence prints the same."""
    sentence = "Thu ngân sách trên địa bàn 6.418 triệu đồng, tăng 8,7% so với cùng kỳ."

    def body(d) -> None:
        d.add_paragraph(sentence)
        header = [["TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "So với kế hoạch (%)"]]
        rows = [
            ["1", "Thu ngân sách trên địa bàn", "triệu đồng", "11.250", "6.418", "57,0"],
            ["2", "Chi ngân sách xã", "triệu đồng", "21.480", "9.735", "45,3"],
        ]
        grid_table(d, header, rows, "Thu, chi ngân sách")

    source = report(tmp_path / "bao-cao.docx", body)
    done = import_docx(source, tmp_path / "unit", figures=True)
    data = _read(done.report)
    (bang,) = _tables(data)
    shared, other = (row["so_lieu"] for row in bang["dong"])
    assert f"{{{{ so_lieu.{shared} |" in str(data["mo_dau"] or data["noi_dung"])
    assert len(data["so_lieu"]) == 2 and other in data["so_lieu"]
    figure = data["so_lieu"][shared]
    assert (figure["gia_tri"], figure["ke_hoach"], figure["cung_ky"]) == (6418, 11250, 5904)
    rebuilt, _ = build(done.report, tmp_path / "lai.docx")
    assert sentence in [p.text for p in docx.Document(str(rebuilt)).paragraphs]
    assert _cells(rebuilt) == _cells(source)


def test_a_row_shares_the_figure_of_an_earlier_table_row(tmp_path: Path) -> None:
    """The same crop with the same value, plan and unit in two tables: one figure, cited by both; the second
    table's same period is added to it."""
    header = [["TT", "Cây trồng", "Kế hoạch", "Thực hiện", "So với KH (%)"]]
    second = [["TT", "Cây trồng", "Thực hiện", "Cùng kỳ", "So với CK (%)"]]

    def body(d) -> None:
        grid_table(d, header, [["1", "Lúa", "620,0", "612,4", "98,8"], ["2", "Ngô", "375,0", "388,6", "103,6"]])
        grid_table(d, second, [["1", "Lúa", "612,4", "605,8", "101,1"]], "Cùng kỳ")

    source = report(tmp_path / "bao-cao.docx", body)
    data = _read(import_docx(source, tmp_path / "unit", figures=True).report)
    first, again = _tables(data)
    assert again["dong"] == [first["dong"][0]]
    lua = data["so_lieu"][first["dong"][0]["so_lieu"]]
    assert (lua["ke_hoach"], lua["cung_ky"], lua["so_le"]) == (620, "605,8", 1) and len(data["so_lieu"]) == 2
