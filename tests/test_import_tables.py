"""`baocao import` of tables: number columns, computed columns, typed totals, as baocao would build them back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from handmade import grid_table, report

from baocao.conventions.words import norm
from baocao.pipeline import build
from baocao.readers.docx import import_docx
from baocao.readers.docx.summary import Summary

DATA = Path(__file__).resolve().parent.parent / "data"
EXAMPLES = sorted(
    p for p in DATA.rglob("*.yaml") if p.name != "don-vi.yaml" and "\nky_bao_cao:" in p.read_text(encoding="utf-8")
)
#: Tables whose rows cite figures of different decimals ('995,0' above '11.250'): without figures a column prints
#: one precision, so their number columns stay text and their rates are kept as written (`--so-lieu` reads them).
NEEDS_FIGURES = {("kt-xh-6-thang-2026.yaml", 1)}


def _tables(node: Any):
    """Every `bang` of an outline, in reading order."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "bang" and isinstance(value, dict):
                yield value
            else:
                yield from _tables(value)
    elif isinstance(node, list):
        for value in node:
            yield from _tables(value)


def _kinds(bang: dict[str, Any]) -> tuple[list[str], bool]:
    return [c.get("kieu", "van_ban") for c in bang["cot"]], bool(bang.get("tong_cong"))


def _all_tables(report_yaml: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(report_yaml.read_text(encoding="utf-8"))
    return [*_tables(data.get("mo_dau")), *_tables(data.get("noi_dung")), *_tables(data.get("phu_luc"))]


def _cells(path: Path) -> list[list[list[str]]]:
    """The text of every cell (as Word holds them: one per w:tc) of every table with more than one row."""
    tables = [t for t in docx.Document(str(path)).tables if len(t.rows) > 1]
    return [[[norm(tc.xpath("string(.)")) for tc in row._tr.tc_lst] for row in t.rows] for t in tables]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: str(p.relative_to(DATA)))
def test_example_tables_come_back_with_their_kinds(example: Path, tmp_path: Path) -> None:
    """build → import: each table has the column kinds and total of its source; → build: every cell the same."""
    first, _ = build(example, tmp_path / "first.docx")
    done = import_docx(first, tmp_path / "unit")
    source, imported = _all_tables(example), _all_tables(done.report)
    assert len(source) == len(imported)
    for i, (mine, theirs) in enumerate(zip(source, imported, strict=True)):
        if (example.name, i) in NEEDS_FIGURES:
            assert _kinds(theirs)[0][-2:] == ["phan_tram", "phan_tram"]
        else:
            assert _kinds(theirs) == _kinds(mine), f"bảng {i + 1}"
    second, _ = build(done.report, tmp_path / "second.docx")
    assert _cells(second) == _cells(first)


# ---- hand-made tables ----------------------------------------------------------------------------


def _imported(tmp_path: Path, body) -> tuple[dict[str, Any], Summary, Path, Path]:
    source = report(tmp_path / "bao-cao.docx", body)
    done = import_docx(source, tmp_path / "unit")
    (bang,) = _all_tables(done.report)
    rebuilt, _ = build(done.report, tmp_path / "lai.docx")
    return bang, done.summary, source, rebuilt


HEADER = [
    ["TT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Cùng kỳ năm trước", "Tỷ lệ (%)", "", "Tăng (+), giảm (-)"],
    [None, None, None, None, None, "So với KH", "So với CK", None],
]


def test_hand_made_table_read_as_baocao_computes_it(tmp_path: Path) -> None:
    """Two header rows, numbers with two decimals, rates and a signed difference, a merged typed total."""
    rows = [
        ["1", "Lúa", "1.200,00", "1.215,50", "1.190,25", "101,3", "102,1", "+25,25"],
        ["2", "Ngô", "339,72", "324,22", "330,00", "95,4", "98,2", "-5,78"],
        ["Tổng cộng", "1.539,72", "1.539,72", "1.520,25", "100,0", "101,3", "+19,47"],
    ]
    bang, summary, source, rebuilt = _imported(tmp_path, lambda d: grid_table(d, HEADER, rows))
    cot = bang["cot"]
    assert [c.get("kieu", "van_ban") for c in cot] == [
        "stt",
        "van_ban",
        "so",
        "so",
        "so",
        "ty_le_ke_hoach",
        "ty_le_cung_ky",
        "chenh_lech",
    ]
    assert [c.get("khoa") for c in cot[2:5]] == ["ke_hoach", "gia_tri", "cung_ky"]
    assert [c.get("so_le") for c in cot[2:5]] == [2, 2, 2] and cot[7]["so_le"] == 2
    assert [c.get("nhom") for c in cot[5:7]] == ["Tỷ lệ (%)", "Tỷ lệ (%)"]
    assert bang["dong"] == [["Lúa", "1.200,00", "1.215,50", "1.190,25"], ["Ngô", "339,72", "324,22", "330,00"]]
    assert bang["tong_cong"] is True
    assert not summary.doubts
    assert _cells(rebuilt) == _cells(source)


def test_wrong_typed_total_stays_as_written_and_is_told(tmp_path: Path) -> None:
    """A 'Cộng' row that does not add up is kept as typed (the TT column then written too) and listed to check."""
    rows = [["1", "Giấy khen", "23"], ["2", "Bằng khen", "6"], ["", "Cộng", "30"]]
    bang, summary, source, rebuilt = _imported(
        tmp_path, lambda d: grid_table(d, [["TT", "Hình thức", "Số lượt"]], rows)
    )
    assert "tong_cong" not in bang
    assert [c.get("kieu", "van_ban") for c in bang["cot"]] == ["van_ban", "van_ban", "so"]
    assert bang["dong"] == [["1", "Giấy khen", "23"], ["2", "Bằng khen", "6"], ["", "Cộng", "30"]]
    (doubt,) = summary.doubts
    assert doubt.place == "bảng 2, ô (4, 3)"
    assert "«30»" in doubt.message and "«29»" in doubt.message
    assert _cells(rebuilt) == _cells(source)


def test_a_matching_cong_row_becomes_the_computed_total(tmp_path: Path) -> None:
    rows = [["1", "Giấy khen", "23"], ["2", "Bằng khen", "6"], ["", "Cộng", "29"]]
    bang, summary, _, rebuilt = _imported(tmp_path, lambda d: grid_table(d, [["TT", "Hình thức", "Số lượt"]], rows))
    assert bang["tong_cong"] is True and bang["cot"][0]["kieu"] == "stt"
    assert bang["dong"] == [["Giấy khen", "23"], ["Bằng khen", "6"]]
    assert _cells(rebuilt)[0][-1] == ["Tổng cộng", "29"]  # the build's own label, across TT and the name


def test_wrong_rate_stays_as_written_and_is_told(tmp_path: Path) -> None:
    header = [["TT", "Đơn vị", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)"]]
    rows = [
        ["1", "Thôn Nà Pàn", "120", "96", "80,0"],
        ["2", "Thôn Bản Chu", "80", "84", "105,0"],
        ["3", "Thôn Khun Lết", "50", "45", "95,0"],  # 90,0 in fact
    ]
    bang, summary, source, rebuilt = _imported(tmp_path, lambda d: grid_table(d, header, rows))
    assert [c.get("kieu", "van_ban") for c in bang["cot"]] == ["stt", "van_ban", "so", "so", "phan_tram"]
    assert [row[-1] for row in bang["dong"]] == ["80,0", "105,0", "95,0"]
    (doubt,) = summary.doubts
    assert doubt.place == "bảng 2, ô (4, 5)"
    assert "«95,0»" in doubt.message and "«90,0»" in doubt.message
    assert _cells(rebuilt) == _cells(source)


def test_numbers_the_build_cannot_print_alike_stay_text(tmp_path: Path) -> None:
    """'12,50' above '3': one column prints one precision, so the cells stay as typed; so does '05'."""
    header = [["TT", "Nội dung", "Số lượng", "Số hộ"]]
    rows = [["1", "Đường trục thôn", "12,50", "05"], ["2", "Đường ngõ xóm", "3", "12"]]
    bang, summary, source, rebuilt = _imported(tmp_path, lambda d: grid_table(d, header, rows))
    assert [c.get("kieu", "van_ban") for c in bang["cot"]] == ["stt", "van_ban", "van_ban", "van_ban"]
    assert _cells(rebuilt) == _cells(source)
