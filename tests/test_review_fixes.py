"""Inputs that used to come out wrong without an error (found in review)."""

from __future__ import annotations

import io
import os
import stat
import zipfile

import pytest
from helpers import small_report

from baocao.errors import BaocaoError
from baocao.pipeline import build, render


def _text(data: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()


def _render(report_dir, report: dict | str, **unit_changes) -> str:
    return _text(render(report_dir.write(report, **unit_changes)).data)


def _refused(report_dir, report: dict | str, **unit_changes) -> BaocaoError:
    with pytest.raises(BaocaoError) as caught:
        render(report_dir.write(report, **unit_changes))
    return caught.value


def test_yaml_octal_looking_numbers_are_read_as_written(report_dir):
    yaml_text = (
        "loai: thi-dua\nky_bao_cao: 6 tháng đầu năm 2026\nso: 010\nngay: 4/6/2026\n"
        "so_lieu:\n  a: {gia_tri: 012, don_vi: ha}\n"
        "noi_dung:\n  - tieu_de: Kết quả\n    noi_dung: ['Diện tích {{ so_lieu.a | so_dv }}.']\n"
    )
    document = _render(report_dir, yaml_text)
    assert "Số: 10/BC-UBND" in document and "Diện tích 12 ha." in document


def test_base_sixty_and_hex_are_not_numbers(report_dir):
    yaml_text = "loai: thi-dua\nky_bao_cao: 6 tháng đầu năm 2026\nngay: 6/2026\nso_lieu:\n  a: 0x1F\n"
    assert "0x1F" in str(_refused(report_dir, yaml_text))


def test_a_deputy_signature_needs_its_principal(report_dir):
    signer = {"tham_quyen": "KT.", "chuc_vu": "Phó Chủ tịch", "ho_ten": "Lê Văn Bình"}
    error = _refused(report_dir, small_report(nguoi_ky=signer))
    assert "thay_cho" in str(error)


@pytest.mark.parametrize(
    "sentence, printed",
    [
        ("{{ so_lieu.a.gia_tri }}", "1.539,72"),
        ("{{ so_lieu.a.ty_le_ke_hoach }}", "96,2"),
        ("năm {{ nam }}", "năm 2026"),
        ("{{ (so_lieu.a.gia_tri / 3) | so(1) }}", "513,2"),
    ],
)
def test_raw_values_print_the_vietnamese_way(report_dir, sentence, printed):
    report = small_report(so_lieu={"a": {"gia_tri": "1.539,72", "ke_hoach": "1.600"}}, mo_dau=[sentence])
    assert printed in _render(report_dir, report)


@pytest.mark.parametrize(
    "sentence, message",
    [
        ("{{ so_lieu }}", "cả một nhóm"),
        ("{{ so_lieu.a.gia_tri / 11 }}", "quá nhiều chữ số thập phân"),
        ("{{ so_lieu.a | so(-1) }}", "từ 0 đến 6"),
        ("{{ 1.5 | la_ma }}", "không phải là số nguyên"),
        ("{{ so_lieu.a.cung_ky }}", "trống"),
    ],
)
def test_values_that_cannot_be_printed_are_located_errors(report_dir, sentence, message):
    report = small_report(so_lieu={"a": {"gia_tri": "1.539,72"}}, mo_dau=[sentence])
    error = _refused(report_dir, report)
    assert message in str(error) and error.problems[0].location.line > 0


@pytest.mark.parametrize(
    "title", ["100 ngày cao điểm cải cách hành chính", "Phần mềm quản lý văn bản", "Ia Grai và các xã lân cận"]
)
def test_titles_that_merely_start_with_a_number_or_phan_are_accepted(report_dir, title):
    report = small_report(noi_dung=[{"tieu_de": title, "noi_dung": ["Đoạn."]}])
    assert title.upper() in _render(report_dir, report)


@pytest.mark.parametrize("title", ["1. Công tác chung", "II. KẾT QUẢ", "a) Về nông nghiệp", "Phần thứ hai"])
def test_titles_with_a_typed_number_are_refused(report_dir, title):
    error = _refused(report_dir, small_report(noi_dung=[{"tieu_de": title, "noi_dung": ["Đoạn."]}]))
    assert "số thứ tự" in str(error)


def test_default_closing_keeps_acronyms(report_dir):
    report = small_report(loai="chung", trich_yeu="ODA và FDI trên địa bàn 6 tháng đầu năm 2026")
    assert "báo cáo ODA và FDI" in _render(report_dir, report)


def test_outputs_keep_ordinary_permissions(report_dir, tmp_path):
    old = os.umask(0o022)
    try:
        target, _ = build(report_dir.write(small_report()), tmp_path / "out.docx")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_a_replaced_output_keeps_its_permissions(report_dir, tmp_path):
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")
    target.chmod(0o664)
    build(report_dir.write(small_report()), target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o664


def test_non_ascii_figure_names_are_refused(report_dir):
    error = _refused(report_dir, small_report(so_lieu={"Lúa Xuân": 5}))
    assert "Lúa Xuân" in str(error) and "không dấu" in str(error)


def test_a_profile_key_in_a_report_is_not_suggested_as_itself(report_dir):
    error = _refused(report_dir, small_report(cap="xã"))
    assert "Có phải bạn muốn viết 'cap'" not in str(error) and "hồ sơ đơn vị" in str(error)


def test_validate_skips_the_profile_named_by_a_glob(cli, report_dir):
    report = report_dir.write(small_report())
    code, out, err = cli("validate", report.parent / "don-vi.yaml", report)
    assert code == 0, err
    code, _, err = cli("validate", report.parent / "don-vi.yaml")
    assert code == 1 and "hồ sơ đơn vị" in err


def test_a_report_saved_with_a_bom_is_found_in_its_folder(cli, report_dir):
    report = report_dir.write(small_report())
    report.write_bytes(b"\xef\xbb\xbf" + report.read_bytes())
    code, _, err = cli("validate", report.parent)
    assert code == 0, err
