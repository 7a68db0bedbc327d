"""Typed slips: number styles (conventions/slips.py) and init placeholders (input/placeholders.py), the rules
shared by build and check."""

from __future__ import annotations

from pathlib import Path

import pytest

from baocao.conventions.slips import number_slips
from baocao.input.placeholders import may_hold_placeholders, placeholder_slips, placeholders
from baocao.nd30 import WARNING, check_docx
from baocao.pipeline import build


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Diện tích 2.08 ha.", [("en-decimal", "2.08")]),
        ("Tổng 1,539.72 ha.", [("en-decimal", "1,539.72")]),
        ("Thu 1,234,567 đồng.", [("en-thousands", "1,234,567")]),
        ("Đạt 91,1 % kế hoạch.", [("space-percent", "91,1 %")]),
        ("Tăng 5%% so với cùng kỳ.", [("double-percent", "5%%")]),
        ("Đạt 43,4% % kế hoạch.", [("double-percent", "43,4% %")]),
    ],
)
def test_number_slips_found(text: str, expected: list[tuple[str, str]]) -> None:
    found = number_slips(text)
    assert [(s.kind, s.token) for s in found] == expected
    assert all(text[s.start : s.start + len(s.token)] == s.token for s in found)


@pytest.mark.parametrize(
    "text",
    [
        "Diện tích 1.539,72 ha, đạt 91,1%, tăng 15 m² (120 m^3^).",
        "Theo Kế hoạch số 241/KH-UBND ngày 04/6/2026, năm 2026 có 1.507 hộ.",
        "Thực hiện mục 1.2 và điểm 2.3 của phiên bản 2.0.",
        "Mức độ hoàn thành (%)",
    ],
)
def test_what_is_written_right_is_no_slip(text: str) -> None:
    assert number_slips(text) == [] and placeholder_slips(text) == []


def test_placeholders_cover_profile_and_every_kind_skeleton() -> None:
    known = placeholders()
    assert {"(tên xã)", "(Họ và tên)", "(Địa danh)", "(Cơ quan cấp trên)", "(...)"} <= known
    assert "(Nhiệm vụ thứ hai)" in known and "(văn bản yêu cầu báo cáo)" in known
    assert "(%)" not in known  # a column header's unit is no placeholder
    found = placeholder_slips("UBND xã (tên xã) báo cáo (...)")
    assert [(s.token, s.start) for s in found] == [("(tên xã)", 8), ("(...)", 25)]
    assert "(tên xã)" in found[0].message


def test_check_flags_what_an_untouched_init_draft_leaves(cli, tmp_path: Path) -> None:
    assert cli("init", "xa", "--loai", "thi-dua", "--ky", "6 tháng đầu năm 2026")[0] == 0
    report = next((tmp_path / "xa").glob("thi-dua-*.yaml"))
    target, _ = build(report, tmp_path / "nhap.docx")
    flagged = [f for f in check_docx(target) if f.code == "cho-trong"]
    assert flagged and all(f.severity == WARNING for f in flagged)
    messages = " ".join(f.message for f in flagged)
    assert "(tên xã)" in messages and "(Họ và tên)" in messages and "(Những việc làm tốt.)" in messages


@pytest.mark.parametrize(
    "sentence",
    [
        "UBND xã (tên\n      xã) báo cáo",  # folded across lines: the value holds it, the file's lines do not
        '"UBND xã \\u0028tên xã) báo cáo"',  # made by an escape
    ],
)
def test_placeholders_made_by_folding_or_escapes_are_found(report_dir, sentence: str) -> None:
    report = report_dir.write(
        f"loai: thi-dua\nky_bao_cao: 6 tháng đầu năm 2026\nso: 12\nngay: 15/6/2026\nnoi_dung:\n  - {sentence}\n"
    )
    _, built = build(report, report_dir.path / "nhap.docx")
    assert [(w.code, w.location.line) for w in built.warnings] == [("cho-trong", 6)]


def test_the_quick_look_at_a_file_finds_what_its_values_hold() -> None:
    assert may_hold_placeholders("ten: UBND xã (tên\n   xã)\n")
    assert may_hold_placeholders('ten: "\\u0028tên xã)"\n')
    assert not may_hold_placeholders("ten: UBND xã Tân Hòa (huyện cũ)\n")
