"""Issue 11 figures: named plans, house wording, display scaling, averages, declared ratios, totals of
parts in different units, kept discrepancies (giu_nguyen), repeated parts and negative values.

Each test writes a small report (figures + sentences + maybe a table), builds it in memory and reads the
words of the .docx; each error is checked for its Vietnamese message and its file:line.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml
from helpers import example_unit, w
from lxml import etree

from baocao.errors import BaocaoError
from baocao.input.next_period import write_next
from baocao.input.period import parse_period
from baocao.pipeline import render

ROOT = Path(__file__).resolve().parents[1]
HEAD = """loai: thi-dua
ky_bao_cao: 6 tháng đầu năm 2026
so: 5
ngay: 04/6/2026
"""


def write(tmp_path: Path, figures: str, sentences: list[str], extra: str = "", unit: dict | None = None) -> Path:
    """A report with these figures (YAML lines under so_lieu, indented 2) and one paragraph per sentence."""
    (tmp_path / "don-vi.yaml").write_text(
        yaml.safe_dump(example_unit() | (unit or {}), allow_unicode=True), encoding="utf-8"
    )
    body = "".join(
        f"      - {yaml.safe_dump(s, allow_unicode=True, width=1000).strip().removesuffix('...').strip()}\n"
        for s in sentences
    )
    text = f"{HEAD}{extra}so_lieu:\n{figures}noi_dung:\n  - tieu_de: Kết quả\n    noi_dung:\n{body}"
    path = tmp_path / "bao-cao.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def words(data: bytes) -> str:
    """Every paragraph of the body (tables included), one per line."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    return "\n".join("".join(t.text or "" for t in p.iter(w("t"))) for p in root.iter(w("p")))


def built(
    tmp_path: Path, figures: str, sentences: list[str], extra: str = "", unit: dict | None = None
) -> tuple[str, list[str]]:
    """The draft's words and the warnings (as 'file:line: message')."""
    result = render(write(tmp_path, figures, sentences, extra, unit))
    return words(result.data), [str(w) for w in result.warnings]


def error(tmp_path: Path, figures: str, sentences: list[str], extra: str = "") -> str:
    path = write(tmp_path, figures, sentences, extra)
    with pytest.raises(BaocaoError) as caught:
        render(path)
    return str(caught.value)


def line_of(tmp_path: Path, needle: str) -> str:
    """'file:line' of the first line holding `needle` in the report written."""
    path = tmp_path / "bao-cao.yaml"
    number = next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)
    return f"{path}:{number}:"


def table_words(tmp_path: Path, figures: str, table: str, extra: str = "") -> str:
    """The draft's words for a report whose only section holds `table` (YAML lines, indented 6)."""
    path = write(tmp_path, figures, [], extra)
    path.write_text(path.read_text(encoding="utf-8") + table, encoding="utf-8")
    return words(render(path).data)


# ---- named plans ---------------------------------------------------------------------------------

PLANS = """  lua:
    ten: Lúa cả năm
    gia_tri: 612,4
    don_vi: ha
    so_le: 1
    ke_hoach: {huyen_giao: 600, nghi_quyet: 650}
"""
PLAN_NAMES = "ten_ke_hoach: {huyen_giao: kế hoạch huyện giao, nghi_quyet: Nghị quyết HĐND xã giao}\n"


def test_two_plans_for_one_figure(tmp_path):
    text, warnings = built(
        tmp_path,
        PLANS,
        [
            "Lúa {{ so_lieu.lua|so_dv }}, {{ so_lieu.lua|so_ke_hoach }}, {{ so_lieu.lua|so_ke_hoach('nghi_quyet') }}.",
            "Chỉ tiêu Nghị quyết {{ so_lieu.lua | ke_hoach('nghi_quyet') }}; mặc định {{ so_lieu.lua | ke_hoach }}.",
        ],
        PLAN_NAMES,
    )
    assert "Lúa 612,4 ha, đạt 102,1% kế hoạch huyện giao, đạt 94,2% Nghị quyết HĐND xã giao." in text
    assert "Chỉ tiêu Nghị quyết 650,0 ha; mặc định 600,0 ha." in text
    assert not warnings


def test_plan_names_from_the_profile_and_options_in_any_order(tmp_path):
    unit = {"ten_ke_hoach": {"huyen_giao": "kế hoạch huyện giao", "nghi_quyet": "Nghị quyết"}}
    text, _ = built(
        tmp_path,
        PLANS,
        ["{{ so_lieu.lua | so_ke_hoach(0, 'nghi_quyet') }}; {{ so_lieu.lua | so_ke_hoach(so_le=2) }}."],
        "ten_ke_hoach: {nghi_quyet: Nghị quyết HĐND xã giao}\n",
        unit,
    )
    assert "đạt 94% Nghị quyết HĐND xã giao; đạt 102,07% kế hoạch huyện giao." in text


def test_a_plan_name_not_described_is_located(tmp_path):
    message = error(tmp_path, PLANS.replace("nghi_quyet: 650", "nghi_quyett: 650"), ["Có."], PLAN_NAMES)
    assert line_of(tmp_path, "nghi_quyett: 650") in message
    assert "Kế hoạch 'nghi_quyett' của số liệu 'lua' chưa có tên đầy đủ ở ten_ke_hoach" in message
    assert "Có phải bạn muốn viết 'nghi_quyet'?" in message


def test_a_plan_the_figure_does_not_have(tmp_path):
    message = error(tmp_path, PLANS, ["{{ so_lieu.lua | so_ke_hoach('tinh_giao') }}"], PLAN_NAMES)
    assert line_of(tmp_path, "tinh_giao") in message
    assert "Số liệu 'lua' không có kế hoạch 'tinh_giao' (huyen_giao, nghi_quyet)" in message


def test_a_table_column_uses_a_named_plan(tmp_path):
    table = """      - bang:
          cot:
            - {khoa: ten, tieu_de: Chỉ tiêu}
            - {khoa: ke_hoach, tieu_de: Huyện giao, kieu: so}
            - {khoa: kh_nq, tieu_de: Nghị quyết, kieu: so, ke_hoach: nghi_quyet}
            - {khoa: gia_tri, tieu_de: Thực hiện, kieu: so}
            - {tieu_de: So với huyện giao (%), kieu: ty_le_ke_hoach}
            - {tieu_de: So với Nghị quyết (%), kieu: ty_le_ke_hoach, ke_hoach: nghi_quyet}
          dong:
            - so_lieu: lua
            - {ten: Ngô, ke_hoach: 100, kh_nq: 80, gia_tri: 90}
          tong_cong: true
"""
    text = table_words(tmp_path, PLANS, table, PLAN_NAMES)
    assert "Lúa cả năm\n600,0\n650,0\n612,4\n102,1\n94,2" in text
    assert "Ngô\n100,0\n80,0\n90,0\n90,0\n112,5" in text  # other rows take the figures' decimals
    assert "Tổng cộng\n700,0\n730,0\n702,4\n100,3\n96,2" in text


def test_a_table_column_of_a_plan_the_figure_does_not_have(tmp_path):
    table = """      - bang:
          cot:
            - {khoa: ten, tieu_de: Chỉ tiêu}
            - {khoa: kh_tinh, tieu_de: Tỉnh giao, kieu: so, ke_hoach: tinh_giao}
          dong:
            - so_lieu: lua
"""
    path = write(tmp_path, PLANS, [], PLAN_NAMES)
    path.write_text(path.read_text(encoding="utf-8") + table, encoding="utf-8")
    with pytest.raises(BaocaoError) as caught:
        render(path)
    message = str(caught.value)
    assert line_of(tmp_path, "- so_lieu: lua") in message
    assert "Cột 'Tỉnh giao': Số liệu 'lua' không có kế hoạch 'tinh_giao'" in message
    assert "Thêm kế hoạch này cho số liệu, hoặc bỏ dòng khỏi bảng." in message


def test_named_plans_are_summed_by_name(tmp_path):
    figures = (
        PLANS
        + """  ngo: {gia_tri: 300, don_vi: ha, ke_hoach: {huyen_giao: 320, nghi_quyet: 310}}
  tong: {tong_cua: [lua, ngo], ke_hoach: {huyen_giao: 920, nghi_quyet: 960}}
"""
    )
    text, warnings = built(
        tmp_path,
        figures,
        ["Tổng {{ so_lieu.tong | so_dv }}, {{ so_lieu.tong | so_ke_hoach('nghi_quyet') }}."],
        PLAN_NAMES,
    )
    assert "Tổng 912,4 ha, đạt 95,0% Nghị quyết HĐND xã giao." in text and not warnings
    message = error(tmp_path, figures.replace("nghi_quyet: 960", "nghi_quyet: 970"), ["Có."], PLAN_NAMES)
    assert line_of(tmp_path, "nghi_quyet: 970") in message
    assert "'tong.ke_hoach.nghi_quyet' ghi 970 nhưng tổng các thành phần là 960" in message


# ---- house wording -----------------------------------------------------------------------------

WORDED = """  thu: {gia_tri: 6.418, don_vi: triệu đồng, ke_hoach: 11.250, cung_ky: 5.902}
"""
SENTENCE = (
    "{{ so_lieu.thu | so_ke_hoach }}; {{ so_lieu.thu | so_ke_hoach(true) }}; {{ so_lieu.thu | so_cung_ky }}; "
    "{{ so_lieu.thu | so_cung_ky(true) }}; {{ so_lieu.thu | tang_giam }}; {{ so_lieu.thu | chenh_lech }}."
)


def test_default_wording_is_unchanged(tmp_path):
    text, _ = built(tmp_path, WORDED, [SENTENCE])
    assert (
        "đạt 57,0% kế hoạch; đạt 57,0% KH; bằng 108,7% so với cùng kỳ; bằng 108,7% CK; "
        "tăng 8,7% so với cùng kỳ; tăng 516 triệu đồng so với cùng kỳ."
    ) in text


def test_house_wording_from_the_profile(tmp_path):
    unit = {
        "cach_viet": {"dat_ke_hoach": "bằng", "ke_hoach": "kế hoạch năm", "cung_ky": "SVCK", "cung_ky_tat": "cùng kỳ"}
    }
    text, _ = built(tmp_path, WORDED, [SENTENCE], unit=unit)
    assert (
        "bằng 57,0% kế hoạch năm; bằng 57,0% KH; bằng 108,7% SVCK; bằng 108,7% cùng kỳ; "
        "tăng 8,7% SVCK; tăng 516 triệu đồng SVCK."
    ) in text


def test_report_overrides_the_profile_key_by_key(tmp_path):
    unit = {"cach_viet": {"ke_hoach": "kế hoạch năm", "cung_ky": "SVCK"}}
    text, _ = built(
        tmp_path,
        WORDED,
        ["{{ so_lieu.thu | so_ke_hoach }}; {{ so_lieu.thu | tang_giam }}."],
        "cach_viet: {dat_ke_hoach: '', ke_hoach: CTKH}\n",
        unit,
    )
    assert "57,0% CTKH; tăng 8,7% SVCK." in text


def test_unknown_wording_key_is_located(tmp_path):
    message = error(tmp_path, WORDED, ["Có."], "cach_viet: {ke_hoachh: KH}\n")
    assert line_of(tmp_path, "cach_viet") in message and "Khóa 'ke_hoachh' không hợp lệ" in message


# ---- display scaling -----------------------------------------------------------------------------


def test_display_scaling_with_the_unit_of_the_scaled_figure(tmp_path):
    figures = """  dan_gia_cam: {gia_tri: 303.100, don_vi: con, cung_ky: 290.000, hien_thi: nghin}
  von: {gia_tri: 1.250.000.000, don_vi: đồng, hien_thi: ty, so_le: 2}
  dau_tu: {gia_tri: 45.600.000, don_vi: đồng, hien_thi: trieu, don_vi_hien_thi: triệu đồng (vốn ngân sách)}
"""
    text, _ = built(
        tmp_path,
        figures,
        [
            (
                "Đàn gia cầm {{ so_lieu.dan_gia_cam }}, {{ so_lieu.dan_gia_cam | chenh_lech }}, "
                "{{ so_lieu.dan_gia_cam | tang_giam }}."
            ),
            "Vốn {{ so_lieu.von|so_dv }}; đầu tư {{ so_lieu.dau_tu|so_dv }}; số {{ so_lieu.dan_gia_cam.gia_tri|so }}.",
        ],
    )
    assert "Đàn gia cầm 303,1 nghìn con, tăng 13,1 nghìn con so với cùng kỳ, tăng 4,5% so với cùng kỳ." in text
    assert "Vốn 1,25 tỷ đồng; đầu tư 45,6 triệu đồng (vốn ngân sách); số 303.100." in text


# ---- averages ------------------------------------------------------------------------------------

AVERAGE = """  ns_xuan: {gia_tri: 62, don_vi: tạ/ha, cung_ky: 60}
  ns_mua: {gia_tri: 55, don_vi: tạ/ha, cung_ky: 56}
  dt_xuan: {gia_tri: 300, don_vi: ha, cung_ky: 310}
  dt_mua: {gia_tri: 100, don_vi: ha, cung_ky: 90}
  ns_tb: {trung_binh_cua: [ns_xuan, ns_mua]}
  ns_tb_ts: {trung_binh_cua: [ns_xuan, ns_mua], trong_so: [dt_xuan, dt_mua]}
  ns_hs: {trung_binh_cua: [ns_xuan, ns_mua], trong_so: [3, 1], so_le: 2}
"""


def test_average_and_weighted_average(tmp_path):
    text, warnings = built(
        tmp_path,
        AVERAGE,
        [
            (
                "Bình quân {{ so_lieu.ns_tb | so_dv }}; theo diện tích {{ so_lieu.ns_tb_ts | so_dv }}, "
                "{{ so_lieu.ns_tb_ts | tang_giam }}; hệ số {{ so_lieu.ns_hs | so_dv }}."
            )
        ],
    )
    # (62·300 + 55·100) / 400 = 60,25 → 60,3; same period (60·310 + 56·90) / 400 = 59,1
    assert "Bình quân 58,5 tạ/ha; theo diện tích 60,3 tạ/ha, tăng 2,0% so với cùng kỳ; hệ số 60,25 tạ/ha." in text
    assert not warnings


def test_a_stated_average_is_checked_at_the_digits_written(tmp_path):
    text, _ = built(
        tmp_path,
        AVERAGE.replace("trong_so: [3, 1], so_le: 2}", "trong_so: [3, 1], gia_tri: '60,25'}"),
        ["{{ so_lieu.ns_hs }}"],
    )
    assert "60,3 tạ/ha" not in text  # so_le 1 by default, stated 60,25 kept as is
    message = error(
        tmp_path,
        AVERAGE.replace(
            "ns_tb: {trung_binh_cua: [ns_xuan, ns_mua]}", "ns_tb: {trung_binh_cua: [ns_xuan, ns_mua], gia_tri: '58,6'}"
        ),
        ["Có."],
    )
    assert line_of(tmp_path, "gia_tri: '58,6'") in message
    assert "'ns_tb.gia_tri' ghi 58,6 nhưng trung bình các thành phần là 58,5" in message


def test_average_of_different_units_is_refused(tmp_path):
    message = error(
        tmp_path, AVERAGE.replace("trung_binh_cua: [ns_xuan, ns_mua]}", "trung_binh_cua: [ns_xuan, dt_mua]}"), ["Có."]
    )
    assert line_of(tmp_path, "ns_tb: {") in message
    assert "Không lấy trung bình được các số liệu khác đơn vị tính: ha, tạ/ha" in message


def test_weights_must_match_the_parts(tmp_path):
    message = error(tmp_path, AVERAGE.replace("trong_so: [3, 1]", "trong_so: [3]"), ["Có."])
    assert (
        line_of(tmp_path, "ns_hs:") in message and "trong_so có 1 trọng số nhưng trung_binh_cua có 2 số liệu" in message
    )


# ---- totals of parts in different units; repeated parts ------------------------------------------

AWARDS = """  tap_the: {gia_tri: 12, don_vi: tập thể}
  ca_nhan: {gia_tri: 35, don_vi: cá nhân}
  khen_thuong: {tong_cua: [tap_the, ca_nhan], don_vi: 'tập thể, cá nhân'}
"""


def test_a_total_of_parts_in_different_units_states_its_own(tmp_path):
    text, _ = built(tmp_path, AWARDS, ["Khen thưởng {{ so_lieu.khen_thuong | so_dv }}."])
    assert "Khen thưởng 47 tập thể, cá nhân." in text
    message = error(tmp_path, AWARDS.replace(", don_vi: 'tập thể, cá nhân'}", "}"), ["Có."])
    assert line_of(tmp_path, "khen_thuong:") in message
    assert (
        "Không cộng được các số liệu khác đơn vị tính: cá nhân, tập thể" in message and "ghi don_vi của tổng" in message
    )


def test_a_repeated_part_is_an_error(tmp_path):
    figures = """  a: {gia_tri: 1, don_vi: ha}
  b: {gia_tri: 2, don_vi: ha}
  tong:
    tong_cua:
      - a
      - b
      - a
"""
    message = error(tmp_path, figures, ["Có."])
    lines = (tmp_path / "bao-cao.yaml").read_text(encoding="utf-8").splitlines()
    third = max(i for i, line in enumerate(lines, 1) if line == "      - a")
    assert f"{tmp_path / 'bao-cao.yaml'}:{third}:" in message
    assert "Số liệu 'a' ghi hai lần trong tong_cua (lần đầu ở mục thứ 1): sẽ bị tính hai lần." in message


# ---- declared ratios ---------------------------------------------------------------------------

RATIO = """  ho_ngheo: {gia_tri: 96, don_vi: hộ, cung_ky: 131}
  tong_so_ho: {gia_tri: 3.840, don_vi: hộ, cung_ky: 3.790}
  ty_le_ho_ngheo: {ty_le_cua: {tu_so: ho_ngheo, mau_so: tong_so_ho}, so_le: 2}
"""


def test_a_declared_ratio_is_computed(tmp_path):
    text, warnings = built(
        tmp_path,
        RATIO,
        ["Tỷ lệ hộ nghèo {{ so_lieu.ty_le_ho_ngheo }} (cùng kỳ {{ so_lieu.ty_le_ho_ngheo.cung_ky | phan_tram(2) }})."],
    )
    assert "Tỷ lệ hộ nghèo 2,50% (cùng kỳ 3,46%)." in text and not warnings


def test_a_stated_ratio_is_checked(tmp_path):
    text, _ = built(tmp_path, RATIO.replace("so_le: 2}", "gia_tri: '2,5'}"), ["{{ so_lieu.ty_le_ho_ngheo }}"])
    assert "2,5%" in text
    message = error(tmp_path, RATIO.replace("so_le: 2}", "gia_tri: '2,6'}"), ["Có."])
    assert line_of(tmp_path, "ty_le_ho_ngheo:") in message
    assert "'ty_le_ho_ngheo.gia_tri' ghi 2,6 nhưng tỷ lệ ho_ngheo/tong_so_ho là 2,5" in message


def test_a_ratio_over_zero_is_refused(tmp_path):
    message = error(tmp_path, RATIO.replace("gia_tri: 3.840", "gia_tri: 0"), ["Có."])
    assert line_of(tmp_path, "ty_le_ho_ngheo:") in message and "mẫu số 'tong_so_ho' bằng 0" in message


# ---- kept discrepancies ------------------------------------------------------------------------


KEPT_TOTAL = """  a: {gia_tri: 10, don_vi: ha}
  b: {gia_tri: 20, don_vi: ha}
  tong:
    tong_cua: [a, b]
    gia_tri: 31
    giu_nguyen: số của Chi cục Thống kê, đã gồm diện tích xen canh
"""


def kept(tmp_path: Path, figures: str, sentences: list[str]) -> tuple[str, list[str]]:
    """The draft's words and its notes (kept discrepancies); the draft has no warning."""
    result = render(write(tmp_path, figures, sentences))
    assert not result.warnings, result.warnings
    return words(result.data), [str(n) for n in result.notes]


def test_a_kept_total_is_a_note_naming_both_places_and_prints_the_stated_value(tmp_path):
    text, notes = kept(tmp_path, KEPT_TOTAL, ["Tổng {{ so_lieu.tong | so_dv }}."])
    assert "Tổng 31 ha." in text
    assert len(notes) == 1
    assert notes[0].startswith(line_of(tmp_path, "gia_tri: 31"))
    assert line_of(tmp_path, "tong_cua: [a, b]")[:-1] in notes[0]
    assert (
        "'tong.gia_tri' ghi 31 nhưng tổng các thành phần" in notes[0]
        and "là 30; giữ số đã ghi vì: số của Chi cục Thống kê" in notes[0]
    )


def test_a_kept_total_passes_strict_and_is_told_as_a_note(tmp_path, cli):
    """A kept discrepancy is the clerk's decision: `build --strict` writes the draft, the note is shown
    apart ("Ghi chú"), and it is not counted as a warning."""
    report = write(tmp_path, KEPT_TOTAL, ["Tổng {{ so_lieu.tong | so_dv }}."])
    code, out, err = cli("build", "--strict", report, "-o", tmp_path / "out.docx")
    assert code == 0, err
    assert (tmp_path / "out.docx").is_file()
    assert f"Ghi chú {line_of(tmp_path, 'gia_tri: 31')}" in " ".join(err.split())
    assert "Cảnh báo" not in err


def test_the_preview_lists_a_kept_total_as_a_note_not_a_warning(tmp_path):
    page = render(write(tmp_path, KEPT_TOTAL, ["Tổng {{ so_lieu.tong | so_dv }}."]), writer="html").data.decode()
    assert '<aside class="banner notes"><b>Ghi chú (1)</b>' in page and "giữ số đã ghi vì" in page
    assert '<aside class="banner warnings"' not in page and ' data-warning="' not in page


def test_a_kept_ratio(tmp_path):
    text, notes = kept(
        tmp_path,
        RATIO.replace("so_le: 2}", "gia_tri: '2,4', giu_nguyen: theo rà soát cuối năm}"),
        ["{{ so_lieu.ty_le_ho_ngheo }}"],
    )
    assert "2,4%" in text and len(notes) == 1 and "giữ số đã ghi vì: theo rà soát cuối năm" in notes[0]


def test_giu_nguyen_with_nothing_to_keep_warns(tmp_path):
    figures = AWARDS.replace("cá nhân'}", "cá nhân', gia_tri: 47, giu_nguyen: số đã duyệt}")
    _, warnings = built(tmp_path, figures, ["Có."])
    assert len(warnings) == 1 and "ghi giu_nguyen nhưng các số đã ghi đều khớp" in warnings[0]


def test_giu_nguyen_on_a_stated_figure_is_refused(tmp_path):
    message = error(tmp_path, "  a: {gia_tri: 10, giu_nguyen: vì sao}\n", ["Có."])
    assert line_of(tmp_path, "a: {") in message and "giu_nguyen chỉ dùng cho số liệu tự tính" in message


# ---- negative values -----------------------------------------------------------------------------


def test_a_negative_value_needs_cho_phep_am(tmp_path):
    figures = "  can_doi:\n    don_vi: triệu đồng\n    gia_tri: -120\n"
    message = error(tmp_path, figures, ["Có."])
    assert line_of(tmp_path, "gia_tri: -120") in message
    assert "Giá trị kỳ này của số liệu 'can_doi' là số âm (-120)" in message and "cho_phep_am: true" in message
    text, _ = built(tmp_path, figures + "    cho_phep_am: true\n", ["Cân đối {{ so_lieu.can_doi | so_dv }}."])
    assert "Cân đối -120 triệu đồng." in text


def test_a_computed_negative_total_is_refused(tmp_path):
    figures = "  a: {gia_tri: -5, cho_phep_am: true}\n  b: {gia_tri: 2}\n  tong: {tong_cua: [a, b]}\n"
    message = error(tmp_path, figures, ["Có."])
    assert line_of(tmp_path, "tong: {") in message and "Giá trị kỳ này của số liệu 'tong' là số âm (-3)" in message


def test_no_percentage_from_a_negative_same_period(tmp_path):
    figures = "  dt: {gia_tri: 10, don_vi: ha, cung_ky: -5, cho_phep_am: true}\n"
    text, _ = built(tmp_path, figures, ["Diện tích {{ so_lieu.dt | chenh_lech }}."])
    assert "Diện tích tăng 15 ha so với cùng kỳ." in text
    message = error(tmp_path, figures, ["Diện tích {{ so_lieu.dt | tang_giam }}."])
    assert line_of(tmp_path, "tang_giam") in message
    assert "Không tính tỷ lệ % của 'dt' so với cùng kỳ: giá trị 10, cùng kỳ -5" in message


def test_a_negative_base_leaves_the_table_rate_empty(tmp_path):
    figures = "  dt: {ten: Diện tích, gia_tri: 10, don_vi: ha, cung_ky: -5, cho_phep_am: true}\n"
    text = table_words(
        tmp_path,
        figures,
        """      - bang:
          cot:
            - {khoa: ten, tieu_de: Chỉ tiêu}
            - {khoa: gia_tri, tieu_de: Thực hiện, kieu: so}
            - {tieu_de: So với cùng kỳ (%), kieu: ty_le_cung_ky}
            - {tieu_de: Chênh lệch, kieu: chenh_lech}
          dong: [{so_lieu: dt}]
""",
    )
    assert "Diện tích\n10\n\n+15" in text


# ---- display scaling in a table; next period; roll-up; the examples ------------------------------


def test_a_scaled_figure_in_a_table(tmp_path):
    figures = (
        "  gia_cam: {ten: Đàn gia cầm, gia_tri: 303.100, don_vi: con, cung_ky: 290.000, hien_thi: nghin, so_le: 1}\n"
    )
    text = table_words(
        tmp_path,
        figures,
        """      - bang:
          cot:
            - {khoa: ten, tieu_de: Chỉ tiêu}
            - {khoa: don_vi, tieu_de: Đơn vị tính}
            - {khoa: gia_tri, tieu_de: Thực hiện, kieu: so}
            - {tieu_de: So với cùng kỳ (%), kieu: ty_le_cung_ky}
            - {tieu_de: Chênh lệch, kieu: chenh_lech}
          dong: [{so_lieu: gia_cam}]
""",
    )
    assert "Đàn gia cầm\nnghìn con\n303,1\n104,5\n+13,1" in text


def test_a_rate_column_without_the_unit_in_its_header_prints_the_percent_sign(tmp_path):
    figures = "  gia_cam: {ten: Đàn gia cầm, gia_tri: 303.100, don_vi: con, cung_ky: 290.000}\n"
    text = table_words(
        tmp_path,
        figures,
        """      - bang:
          cot:
            - {khoa: ten, tieu_de: Chỉ tiêu}
            - {tieu_de: So với cùng kỳ, kieu: ty_le_cung_ky}
            - {tieu_de: Cùng kỳ, kieu: ty_le_cung_ky, nhom: So sánh (%)}
          dong: [{so_lieu: gia_cam}]
""",
    )
    assert "Đàn gia cầm\n104,5%\n104,5\n" in text


def test_next_period_keeps_plan_names_and_asks_for_each_plan(tmp_path):
    source = write(tmp_path, PLANS, ["Có."], PLAN_NAMES)
    written = write_next(source, parse_period("6 tháng đầu năm 2027"))
    text = written.path.read_text(encoding="utf-8")
    assert "ke_hoach: {huyen_giao: null, nghi_quyet: null}" in text
    assert {p.message for p in written.to_fill} >= {
        "Chưa điền kế hoạch 'huyen_giao' (huyen_giao) của số liệu 'lua' (Lúa cả năm).",
        "Chưa điền kế hoạch 'nghi_quyet' (nghi_quyet) của số liệu 'lua' (Lúa cả năm).",
    }


def test_a_kept_roll_up_total(tmp_path):
    demo = ROOT / "data" / "tinh-demo"
    shutil.copytree(demo, tmp_path / "tinh")
    report = tmp_path / "tinh" / "thi-dua-6-thang-2026.yaml"
    text = report.read_text(encoding="utf-8")
    old = "lua_xuan: {tong_tu: lua_xuan}"
    assert text.count(old) == 1
    report.write_text(
        text.replace(old, 'lua_xuan: {tong_tu: lua_xuan, gia_tri: "2.300", giu_nguyen: số Cục Thống kê công bố}'),
        encoding="utf-8",
    )
    result = render(report)
    notes = [str(n) for n in result.notes]
    assert not [w for w in result.warnings if "giữ số đã ghi" in str(w)]
    assert len(notes) == 1 and "'lua_xuan.gia_tri' ghi 2.300 nhưng tổng của 4 báo cáo cấp dưới" in notes[0]
    assert "vì: số Cục Thống kê công bố" in notes[0]
    assert "Tổng cộng\n2.350,0\n2.300,0\n" in words(result.data)  # plan, then the kept value: the appendix total


EXAMPLES = sorted(p for p in (ROOT / "data").rglob("*.yaml") if p.name != "don-vi.yaml")
#: Every figure construct of issue 11 is used by some example (README points to them).
CONSTRUCTS = (
    "ten_ke_hoach:",
    "cach_viet:",
    "ke_hoach: {nghi_quyet:",
    "so_ke_hoach('tinh_giao')",
    "ke_hoach: tinh_giao",
    "hien_thi:",
    "trung_binh_cua:",
    "trong_so:",
    "ty_le_cua:",
    "cho_phep_am: true",
    "don_vi: lượt tập thể, cá nhân",
)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: str(p.relative_to(ROOT / "data")))
def test_every_example_builds_without_warnings(example):
    assert not render(example).warnings


def test_the_examples_use_each_figure_construct():
    text = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "data").rglob("*.yaml"))
    assert [c for c in CONSTRUCTS if c not in text] == []


def test_a_roll_up_never_sums_percentages(tmp_path):
    shutil.copytree(ROOT / "data" / "tinh-demo", tmp_path / "tinh")
    for report in (tmp_path / "tinh" / "xa").glob("*/thi-dua-6-thang-2026.yaml"):
        text = report.read_text(encoding="utf-8")
        ratio = "  ty_le: {ty_le_cua: {tu_so: ho_ngheo, mau_so: ho_ngheo}}\n"
        report.write_text(text.replace("so_lieu:\n", "so_lieu:\n" + ratio, 1), encoding="utf-8")
    province = tmp_path / "tinh" / "thi-dua-6-thang-2026.yaml"
    text = province.read_text(encoding="utf-8")
    added = "  ho_ngheo: {tong_tu: ho_ngheo}\n  ty_le: {tong_tu: ty_le}\n"
    province.write_text(text.replace("  ho_ngheo: {tong_tu: ho_ngheo}\n", added), encoding="utf-8")
    with pytest.raises(BaocaoError) as caught:
        render(province)
    message = str(caught.value)
    line = province.read_text(encoding="utf-8").splitlines().index("  ty_le: {tong_tu: ty_le}") + 1
    assert f"{province}:{line}:" in message
    assert "Số liệu 'ty_le' của các báo cáo cấp dưới là tỷ lệ, không cộng được thành 'ty_le'" in message


def test_next_year_of_the_example_keeps_computed_figures_computed(tmp_path):
    shutil.copytree(ROOT / "data" / "xa-tan-hoa", tmp_path / "xa")
    written = write_next(tmp_path / "xa" / "kt-xh-6-thang-2026.yaml", parse_period("6 tháng đầu năm 2027"))
    text = written.path.read_text(encoding="utf-8")
    assert "ke_hoach: {nghi_quyet: null, tinh_giao: null}" in text
    report = yaml.safe_load(text)["so_lieu"]
    assert report["ty_le_ho_ngheo"] == {"ty_le_cua": {"tu_so": "ho_ngheo", "mau_so": "tong_so_ho"}, "so_le": 2}
    assert "gia_tri" not in report["nang_suat_bq"] and report["nang_suat_bq"]["trong_so"] == ["lua", "ngo"]
    assert report["dan_so_co_hoc"]["cung_ky"] == -37 and report["dan_so_co_hoc"]["cho_phep_am"] is True


def test_a_named_plan_some_units_lack_is_warned(tmp_path):
    shutil.copytree(ROOT / "data" / "tinh-demo", tmp_path / "tinh")
    commune = tmp_path / "tinh" / "xa" / "ho-son" / "thi-dua-6-thang-2026.yaml"
    text = commune.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("  lua_xuan:"))
    plan = old.split("ke_hoach: ")[1].split(",")[0]
    new = old.replace(f"ke_hoach: {plan}", f"ke_hoach: {{nghi_quyet: {plan}}}")
    commune.write_text(text.replace(old, new) + "ten_ke_hoach: {nghi_quyet: Nghị quyết HĐND xã}\n", encoding="utf-8")
    warnings = [str(w) for w in render(tmp_path / "tinh" / "thi-dua-6-thang-2026.yaml").warnings]
    lacking = [w for w in warnings if "không có ke_hoach.nghi_quyet" in w]
    assert len(lacking) == 3 and all("'lua_xuan' không có tổng ke_hoach.nghi_quyet" in w for w in lacking)
