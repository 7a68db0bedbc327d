"""Roll-up: a province report summing its communes' reports (data/tinh-demo).

The demo builds without warnings and its totals equal the sums of the communes' figures; ratios
are recomputed from the sums. Each test below breaks a copy of the demo in one way: a failing or
missing commune is listed and left out (a warning); a disagreeing total, a unit mismatch or a
pattern matching nothing is a located error (exit 1, nothing written).
"""

from __future__ import annotations

import shutil
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from helpers import w
from lxml import etree

from baocao.conventions.formatting import format_number
from baocao.figures.figure import Figure
from baocao.figures.rollup import RollUp, roll_up
from baocao.figures.totals import compute_figures
from baocao.input.validate import load_sources
from baocao.pipeline import build

DEMO = Path(__file__).resolve().parents[1] / "data" / "tinh-demo"
REPORT = "thi-dua-6-thang-2026.yaml"
COMMUNES = ("binh-minh", "dong-tam", "ho-son", "hong-phong")
SUMMED = ("gia_tri", "ke_hoach", "cung_ky")


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """A copy of the demo province report (with its communes) to break."""
    shutil.copytree(DEMO, tmp_path / "tinh")
    return tmp_path / "tinh" / REPORT


def commune(province: Path, folder: str) -> Path:
    return province.parent / "xa" / folder / REPORT


def edit(path: Path, old: str, new: str) -> int:
    """Replace the one occurrence of `old` with `new`; return the line `new` starts on."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path} no longer holds {old!r} once"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text.count("\n", 0, text.index(old)) + 1


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def figures_of(report: Path) -> dict[str, Figure]:
    """A commune's figures, computed on their own."""
    sources = load_sources(report)
    return compute_figures(sources.report.so_lieu, sources.report_map)


def rolled(report: Path) -> RollUp:
    sources = load_sources(report)
    return roll_up(sources.report, sources.report_map)


def sums(province: Path, folders: tuple[str, ...], name: str) -> dict[str, Decimal | None]:
    """gia_tri, ke_hoach, cung_ky of figure `name` summed over the communes' reports (None if one lacks it)."""
    values = [[getattr(figures_of(commune(province, folder))[name], field) for folder in folders] for field in SUMMED]
    return {
        field: None if None in column else sum(column, Decimal(0)) for field, column in zip(SUMMED, values, strict=True)
    }


def percent(part: Decimal, whole: Decimal) -> str:
    """part / whole in percent, one decimal rounded half up, written the Vietnamese way."""
    return str((part * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)).replace(".", ",")


def docx_text(path: Path) -> str:
    """Every paragraph of the body, tables and footnotes, one per line."""
    with zipfile.ZipFile(path) as package:
        parts = [etree.fromstring(package.read(name)) for name in ("word/document.xml", "word/footnotes.xml")]
    return "\n".join("".join(t.text or "" for t in p.iter(w("t"))) for part in parts for p in part.iter(w("p")))


def built(report: Path, tmp_path: Path):
    return build(report, tmp_path / "tinh.docx")


# ---- the demo ------------------------------------------------------------------------------


def test_demo_builds_without_warnings_and_totals_equal_the_sums(tmp_path):
    _, result = built(DEMO / REPORT, tmp_path)
    assert result.warnings == []
    roll = rolled(DEMO / REPORT)
    assert roll.figures.keys() == {
        "lua_xuan",
        "ngo_xuan",
        "rau_mau",
        "thu_ngan_sach",
        "ho_ngheo",
        "khen_thuong",
        "sang_kien",
    }
    for name, figure in roll.figures.items():
        expected = sums(DEMO / REPORT, COMMUNES, name)
        assert {field: getattr(figure, field) for field in SUMMED} == expected, name
    assert roll.summary is not None and roll.summary.so_don_vi == 4 and roll.summary.so_du_kien == 4
    assert roll.summary.thieu == () and roll.summary.loi == ()


def test_ratios_are_recomputed_from_the_sums_not_averaged(tmp_path):
    target, _ = built(DEMO / REPORT, tmp_path)
    text = docx_text(target)
    rice = sums(DEMO / REPORT, COMMUNES, "lua_xuan")
    ratio = percent(rice["gia_tri"], rice["ke_hoach"])
    shares = [figures_of(commune(DEMO / REPORT, c))["lua_xuan"] for c in COMMUNES]
    assert ratio != percent(
        sum(f.gia_tri / f.ke_hoach for f in shares), Decimal(len(shares))
    )  # the demo tells them apart
    assert f"lúa {format_number(rice['gia_tri'], 1)} ha, đạt {ratio}% kế hoạch" in text
    budget = sums(DEMO / REPORT, COMMUNES, "thu_ngan_sach")
    change = percent(budget["gia_tri"], budget["cung_ky"])
    assert (
        f"được {format_number(budget['gia_tri'])} triệu đồng, "
        f"đạt {percent(budget['gia_tri'], budget['ke_hoach'])}% kế hoạch, "
        f"tăng {percent(Decimal(change.replace(',', '.')) - 100, Decimal(100))}% so với cùng kỳ"
    ) in text
    assert (
        "tổng hợp báo cáo của 04/04 xã (UBND xã Bình Minh, UBND xã Đồng Tâm, UBND xã Hồ Sơn, UBND xã Hồng Phong)."
        in text
    )


def test_per_commune_values_reach_the_narrative_and_the_tables(tmp_path):
    target, _ = built(DEMO / REPORT, tmp_path)
    text = docx_text(target)
    parts = [
        f"UBND xã {name} {format_number(figures_of(commune(DEMO / REPORT, c))['lua_xuan'].gia_tri, 1)} ha"
        for c, name in zip(COMMUNES, ("Bình Minh", "Đồng Tâm", "Hồ Sơn", "Hồng Phong"), strict=True)
    ]
    assert f"Diện tích lúa vụ xuân theo từng xã: {'; '.join(parts)}." in text  # {{ tong_hop.chi_tiet.lua_xuan }}
    rice = sums(DEMO / REPORT, COMMUNES, "lua_xuan")
    total_row = "Tổng cộng" + "".join(format_number(rice[key], 1) for key in ("ke_hoach", "gia_tri", "cung_ky"))
    assert "UBND xã Đồng Tâm" in text.split("Biểu số 01")[-1]  # a row per commune (- chi_tiet: lua_xuan)
    assert total_row in text.replace("\n", "")


@pytest.mark.parametrize("folder", COMMUNES)
def test_each_commune_report_builds_on_its_own(tmp_path, folder):
    _, result = build(commune(DEMO / REPORT, folder), tmp_path / f"{folder}.docx")
    assert result.warnings == []


# ---- communes failing, missing, incomplete (warnings; the build succeeds) --------------------


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('gia_tri: "468,0"', 'gia_tri: "468.05"', "dấu chấm"),
        ("ky_bao_cao: 6 tháng đầu năm 2026", "ky_bao_cao: quý II năm 2026", "khác kỳ của báo cáo tổng hợp"),
    ],
)
def test_failing_commune_is_listed_and_left_out(demo, tmp_path, old, new, message):
    broken = commune(demo, "dong-tam")
    line = edit(broken, old, new)
    target, result = built(demo, tmp_path)
    [warning] = result.warnings
    assert (warning.location.file, warning.location.line) == (broken, line)
    assert (
        "Báo cáo của UBND xã Đồng Tâm có lỗi nên không được tổng hợp" in warning.message and message in warning.message
    )
    others = ("binh-minh", "ho-son", "hong-phong")
    roll = rolled(demo)
    assert roll.figures["lua_xuan"].gia_tri == sums(demo, others, "lua_xuan")["gia_tri"]
    assert roll.summary is not None and roll.summary.loi == ("UBND xã Đồng Tâm",)
    text = docx_text(target)
    assert "báo cáo của 03/04 xã" in text and "báo cáo của UBND xã Đồng Tâm còn sai sót nên chưa tổng hợp" in text
    assert "UBND xã Đồng Tâm" not in text.split("Biểu số 01")[-1]


def test_failing_commune_with_its_own_profile_file_is_named_by_it(demo, tmp_path):
    broken = commune(demo, "dong-tam")
    (broken.parent / "don-vi.yaml").rename(broken.parent / "ho-so.yaml")
    broken.write_text("don_vi: ho-so.yaml\n" + broken.read_text(encoding="utf-8"), encoding="utf-8")
    edit(broken, "ky_bao_cao: 6 tháng đầu năm 2026", "ky_bao_cao: quý II năm 2026")
    [warning] = built(demo, tmp_path)[1].warnings
    assert "Báo cáo của UBND xã Đồng Tâm có lỗi nên không được tổng hợp" in warning.message


def test_missing_commune_is_listed(demo, tmp_path):
    shutil.rmtree(commune(demo, "hong-phong").parent)
    target, result = built(demo, tmp_path)
    [warning] = result.warnings
    assert (warning.location.file, warning.location.line) == (demo, line_of(demo, "  danh_sach_don_vi: ["))
    assert warning.message == "Chưa có báo cáo của đơn vị 'UBND xã Hồng Phong'."
    text = docx_text(target)
    assert "báo cáo của 03/04 xã" in text and "chưa nhận được báo cáo của UBND xã Hồng Phong." in text
    assert (
        rolled(demo).figures["thu_ngan_sach"].gia_tri
        == sums(demo, ("binh-minh", "dong-tam", "ho-son"), "thu_ngan_sach")["gia_tri"]
    )


def test_report_of_an_unlisted_unit_is_summed_with_a_warning(demo, tmp_path):
    edit(demo, "UBND xã Hồ Sơn, UBND xã Hồng Phong]", "ho-son]")  # a folder's name also names its unit
    _, result = built(demo, tmp_path)
    [warning] = result.warnings
    assert "của UBND xã Hồng Phong không có trong danh_sach_don_vi (vẫn được tổng hợp)" in warning.message
    assert rolled(demo).figures["lua_xuan"].gia_tri == sums(demo, COMMUNES, "lua_xuan")["gia_tri"]


def test_figure_missing_in_one_commune_names_its_file(demo, tmp_path):
    lacking = commune(demo, "ho-son")
    edit(lacking, "  sang_kien: {gia_tri: 12, don_vi: sáng kiến, cung_ky: 9}\n", "")
    _, result = built(demo, tmp_path)
    [warning] = result.warnings
    assert warning.location.file == lacking
    assert "Báo cáo của UBND xã Hồ Sơn không có số liệu 'sang_kien'" in warning.message
    assert (
        rolled(demo).figures["sang_kien"].gia_tri
        == sums(demo, ("binh-minh", "dong-tam", "hong-phong"), "sang_kien")["gia_tri"]
    )


def test_plan_given_by_some_communes_only_is_not_summed(demo):
    lacking = commune(demo, "binh-minh")
    line = edit(lacking, "ke_hoach: 270, ", "")
    roll = rolled(demo)
    assert roll.figures["ngo_xuan"].ke_hoach is None
    [warning] = roll.warnings
    assert (warning.location.file, warning.location.line) == (lacking, line)
    assert "không có ke_hoach nên 'ngo_xuan' không có tổng ke_hoach" in warning.message


# ---- errors (exit 1, nothing written) --------------------------------------------------------


def refused(cli, report: Path) -> str:
    code, out, err = cli("build", report)
    assert code == 1, out
    assert f"Không ghi tệp nào cho {report}" in err and "Traceback" not in err
    assert not Path("output").exists()
    return err


def test_stated_total_that_disagrees_names_both_places(cli, demo):
    line = edit(demo, "lua_xuan: {tong_tu: lua_xuan}", 'lua_xuan: {tong_tu: lua_xuan, gia_tri: "2.300"}')
    err = refused(cli, demo)
    total = format_number(sums(demo, COMMUNES, "lua_xuan")["gia_tri"], 1)
    assert (
        f"{demo}:{line}:" in err and f"'lua_xuan.gia_tri' ghi 2.300 nhưng tổng của 4 báo cáo cấp dưới là {total}" in err
    )
    for folder in COMMUNES:
        source = commune(demo, folder)
        assert f"{source}:{line_of(source, 'lua_xuan:')}:" in err


def test_stated_total_that_agrees_is_accepted(demo, tmp_path):
    total = format_number(sums(demo, COMMUNES, "lua_xuan")["gia_tri"], 1)
    edit(demo, "lua_xuan: {tong_tu: lua_xuan}", f'lua_xuan: {{tong_tu: lua_xuan, gia_tri: "{total}"}}')
    _, result = built(demo, tmp_path)
    assert result.warnings == []


@pytest.mark.parametrize(
    ("name", "unit", "odd_unit", "stated_here"),
    [
        ("ho_ngheo", "hộ", "người", False),  # no unit stated in the province: the first commune's is the reference
        ("thu_ngan_sach", "triệu đồng", "nghìn đồng", True),
    ],
)
def test_unit_mismatch_names_the_first_disagreeing_commune(cli, demo, name, unit, odd_unit, stated_here):
    odd = commune(demo, "dong-tam")
    line = edit(odd, f"don_vi: {unit},", f"don_vi: {odd_unit},")
    err = refused(cli, demo)
    assert (
        f"{odd}:{line}:" in err
        and f"Số liệu '{name}' của UBND xã Đồng Tâm tính bằng '{odd_unit}', khác đơn vị '{unit}'" in err
    )
    reference = demo if stated_here else commune(demo, "binh-minh")
    assert f"{reference}:{line_of(reference, f'  {name}: {{')}:" in err


def test_pattern_matching_nothing_is_a_clear_error(cli, demo):
    line = edit(demo, "cac_bao_cao: xa/*/thi-dua-6-thang-2026.yaml", "cac_bao_cao: xa/*/thi-dua-6-thang-2025.yaml")
    err = refused(cli, demo)
    assert f"{demo}:{line}:" in err and "Không có tệp báo cáo nào khớp 'xa/*/thi-dua-6-thang-2025.yaml'" in err


@pytest.mark.parametrize(
    ("old", "new", "place", "message"),
    [
        (
            "tong_hop:\n  cac_bao_cao: xa/*/thi-dua-6-thang-2026.yaml\n  danh_sach_don_vi: [UBND "
            "xã Bình Minh, UBND xã Đồng Tâm, UBND xã Hồ Sơn, "
            "UBND xã Hồng Phong]\n",
            "",
            "lua_xuan: {tong_tu",
            "Số liệu 'lua_xuan' ghi tong_tu nhưng báo cáo chưa khai báo tong_hop.",
        ),
        (
            "{tong_tu: ngo_xuan}",
            "{tong_tu: ngo_xuann}",
            "ngo_xuann",
            "Không báo cáo cấp dưới nào có số liệu 'ngo_xuann'.",
        ),
        (
            "{tong_tu: rau_mau}",
            "{tong_tu: rau_mau, tong_cua: [lua_xuan]}",
            "tong_cua: [lua_xuan]}",
            "Số liệu chỉ ghi một trong các khóa tong_cua, tong_tu",
        ),
        (
            "- chi_tiet: lua_xuan",
            "- chi_tiet: dien_tich_gieo_trong",
            "chi_tiet: dien_tich",
            "không tổng hợp từ báo cáo cấp dưới (tong_tu)",
        ),
    ],
)
def test_roll_up_mistakes_are_located_errors(cli, demo, old, new, place, message):
    edit(demo, old, new)
    err = refused(cli, demo)
    assert f"{demo}:{line_of(demo, place)}:" in err and message in err


def test_two_reports_of_one_unit_would_count_twice(cli, demo):
    copy = demo.parent / "xa" / "ho-son-2"
    shutil.copytree(commune(demo, "ho-son").parent, copy)
    err = refused(cli, demo)
    assert "Hai báo cáo của cùng đơn vị 'UBND xã Hồ Sơn'" in err and str(copy / REPORT) in err


def test_all_communes_failing_is_an_error(cli, demo):
    for folder in COMMUNES:
        edit(commune(demo, folder), "ky_bao_cao: 6 tháng đầu năm 2026", "ky_bao_cao: năm 2025")
    err = refused(cli, demo)
    assert "Không có báo cáo cấp dưới nào dùng được để tổng hợp (4 báo cáo có lỗi)" in err
    assert err.count("khác kỳ của báo cáo tổng hợp") == 4


def _chain(depth: int, loop: bool) -> str:
    """YAML lines of `depth` figures, each the total of the next one; the last stated, or (`loop`) the first's total."""
    lines = [f"  chuoi_{i}: {{tong_cua: [chuoi_{i + 1}]}}" for i in range(depth - 1)]
    end = "{tong_cua: [chuoi_0]}" if loop else "{gia_tri: 7, don_vi: ha}"
    return "\n".join([*lines, f"  chuoi_{depth - 1}: {end}"]) + "\n"


def test_commune_with_a_yaml_error_is_left_out_with_a_located_warning(demo, tmp_path):
    broken = commune(demo, "dong-tam")
    line = edit(broken, "so: 64\n", "so: 64\n  lech: 1\n") + 1
    target, result = built(demo, tmp_path)
    [warning] = result.warnings
    assert (warning.location.file, warning.location.line) == (broken, line), warning
    assert warning.message == (
        "Báo cáo của UBND xã Đồng Tâm có lỗi nên không được tổng hợp: Lỗi cú pháp YAML: Có dấu hai chấm ':' ở chỗ "
        "không được phép."
    )
    assert rolled(demo).summary.loi == ("UBND xã Đồng Tâm",)
    assert "báo cáo của 03/04 xã" in docx_text(target)


@pytest.mark.parametrize("loop", [False, True])
def test_commune_with_a_1000_deep_total_chain(demo, tmp_path, loop):
    """A chain 1,000 deep is computed (the commune is summed); one that loops leaves the commune out (a warning)."""
    deep = commune(demo, "dong-tam")
    edit(deep, "so_lieu:\n", "so_lieu:\n" + _chain(1000, loop))
    target, result = built(demo, tmp_path)
    if not loop:
        assert not result.warnings and rolled(demo).summary.loi == () and "báo cáo của 04/04 xã" in docx_text(target)
        return
    [warning] = result.warnings
    assert warning.location.file == deep and "Báo cáo của UBND xã Đồng Tâm có lỗi nên không được tổng hợp" in (
        warning.message
    )
    assert "chuỗi số liệu quá dài, có vòng lặp" in warning.message, warning.message
    text = docx_text(target)
    assert "báo cáo của 03/04 xã" in text and "báo cáo của UBND xã Đồng Tâm còn sai sót nên chưa tổng hợp" in text
