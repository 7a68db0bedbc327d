"""`baocao init` (a new unit folder that builds at once) and `baocao next` (the next period's report)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from helpers import EXAMPLE, KIND_EXAMPLES

from baocao.cli.app import MAX_SHOWN
from baocao.errors import BaocaoError
from baocao.figures.totals import compute_figures
from baocao.input.kinds import KINDS
from baocao.input.next_period import write_next
from baocao.input.period import Period, parse_period
from baocao.input.placeholders import placeholder_slips
from baocao.input.scaffold import default_period, init_folder
from baocao.input.schema import MODELINE
from baocao.input.validate import load_sources, read_sources
from baocao.pipeline import build

PERIOD = parse_period("6 tháng đầu năm 2026")
_KEY_LINE = re.compile(r"^([a-z_]+):")


def files(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def top_level_keys_without_comment(text: str) -> list[str]:
    return [m.group(1) for line in text.splitlines() if (m := _KEY_LINE.match(line)) and " # " not in line]


# ---- init ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_init_writes_a_draft_that_builds_at_once(tmp_path, kind):
    done = init_folder(tmp_path / "xa", kind, PERIOD)
    report = tmp_path / "xa" / f"{kind}-6-thang-dau-nam-2026.yaml"
    assert {p.name for p in done.written} == {report.name, "don-vi.yaml", "bao-cao.schema.json", "don-vi.schema.json"}
    target, built = build(report, tmp_path / "out.docx")
    # the only warnings: each placeholder left for the clerk, at its file, line and column
    expected = {
        (path, number, line.find(slip.token, slip.start) + 1): slip.token
        for path in (report, tmp_path / "xa" / "don-vi.yaml")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for slip in placeholder_slips("" if line.startswith("#") else line.split(" # ")[0])
    }
    assert len(expected) >= 8
    warned = {
        (w.location.file, w.location.line, w.location.column): w.message
        for w in built.warnings
        if w.code == "cho-trong"
    }
    assert warned.keys() == expected.keys() and len(built.warnings) == len(expected)
    assert all(expected[place][:30] in message for place, message in warned.items())
    audit = pytest.importorskip("openxml_audit")
    assert audit.OpenXmlValidator().validate(str(target)).is_valid
    sources = load_sources(report)
    assert (sources.report.so, sources.report.ngay.day) == (None, None)


@pytest.mark.parametrize("kind", KINDS)
def test_init_comments_every_key_and_points_to_the_schema(tmp_path, kind):
    init_folder(tmp_path, kind, PERIOD)
    for name, schema in (
        (f"{kind}-6-thang-dau-nam-2026.yaml", "bao-cao.schema.json"),
        ("don-vi.yaml", "don-vi.schema.json"),
    ):
        text = (tmp_path / name).read_text(encoding="utf-8")
        first = text.splitlines()[0]
        assert first == f"{MODELINE}schema/{schema}"
        assert (tmp_path / first.removeprefix(MODELINE)).is_file()
        assert top_level_keys_without_comment(text) == []
        nested = [line.strip() for line in text.splitlines() if line.startswith("  ") and ":" in line]
        assert all(
            " # " in line for line in nested if line.split(":")[0] in ("tham_quyen", "thay_cho", "chuc_vu", "ho_ten")
        )


def test_init_explains_the_default_subject(tmp_path):
    init_folder(tmp_path, "nhiem-vu", PERIOD)
    text = (tmp_path / "nhiem-vu-6-thang-dau-nam-2026.yaml").read_text(encoding="utf-8")
    assert (
        "trich_yeu: ''               # để trống thì dùng: Kết quả thực hiện nhiệm vụ trọng tâm 6 tháng đầu năm "
        "và kế hoạch 6 tháng cuối năm 2026"
    ) in text


def test_init_keeps_an_existing_profile_and_refuses_an_existing_report(tmp_path):
    init_folder(tmp_path, "thi-dua", PERIOD)
    profile = tmp_path / "don-vi.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("(Địa danh)", "Tân Hòa"), encoding="utf-8")
    before = files(tmp_path)
    done = init_folder(tmp_path, "kt-xh", PERIOD)
    assert done.kept == [profile] and profile.read_bytes() == before[profile]
    before = files(tmp_path)
    with pytest.raises(BaocaoError, match="không ghi đè"):
        init_folder(tmp_path, "kt-xh", PERIOD)
    assert files(tmp_path) == before


@pytest.mark.parametrize(
    ("today", "period"), [(date(2026, 3, 2), "6 tháng đầu năm 2026"), (date(2026, 11, 20), "năm 2026")]
)
def test_default_period(today, period):
    assert default_period(today).label == period


def test_init_command(cli):
    code, out, err = cli("init", "xa", "--loai", "nhiem-vu", "--ky", "quý II năm 2026")
    assert code == 0, err
    assert "Đã viết xa/nhiem-vu-quy-ii-nam-2026.yaml" in out
    code, out, err = cli("build", "xa/nhiem-vu-quy-ii-nam-2026.yaml")
    assert code == 0 and "Cảnh báo xa/don-vi.yaml:15:11: Còn chỗ «(Họ và tên)» của bản nháp chưa được thay" in err, err
    code, out, err = cli("build", "--strict", "xa/nhiem-vu-quy-ii-nam-2026.yaml")  # strict: the placeholders are errors
    assert code == 1 and "Lỗi xa/don-vi.yaml:15:11: Còn chỗ «(Họ và tên)»" in err and "Cảnh báo" not in err
    code, out, err = cli("init", "xa", "--loai", "nhiem-vu", "--ky", "quý II năm 2026")
    assert code == 1 and "không ghi đè" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--loai", "thi-đua"], "không có loại 'thi-đua'; chọn một trong: thi-dua, kt-xh, nhiem-vu, chung."),
        ([], "Thiếu --loai"),
        (["--loai", "kt-xh", "--ky", "nửa năm 2026"], "Không hiểu kỳ báo cáo 'nửa năm 2026'"),
    ],
)
def test_init_misuse(cli, tmp_path, args, message):
    code, _, err = cli("init", "xa", *args)
    assert code == 2 and message in err
    assert not (tmp_path / "xa").exists()


# ---- next ------------------------------------------------------------------------------


def values(report: Path) -> dict:
    """The figures of a report as the model reads them (empty values allowed)."""
    return read_sources(report).report.so_lieu


def test_next_year_takes_this_years_values_as_cung_ky(unit):
    source = unit / EXAMPLE.name
    written = write_next(source, parse_period("6 tháng đầu năm 2027"))
    assert written.path == unit / "thi-dua-6-thang-dau-nam-2027.yaml"
    old, new = values(source), values(written.path)
    assert list(new) == list(old)  # same figure names, same order
    for name, figure in old.items():
        if figure.gia_tri is not None and not figure.tong_cua:
            assert new[name].cung_ky == figure.gia_tri, name
            assert new[name].gia_tri is None and "gia_tri" in new[name].model_fields_set
        assert new[name].tong_cua == figure.tong_cua
    # totals are summed again: their cung_ky is this year's total
    filled = (
        written.path.read_text(encoding="utf-8")
        .replace("gia_tri: null", "gia_tri: 1")
        .replace("ke_hoach: null", "ke_hoach: 1")
    )
    written.path.write_text(filled, encoding="utf-8")
    old_figures = compute_figures(old, read_sources(source).report_map)
    new_figures = compute_figures(values(written.path), read_sources(written.path).report_map)
    for name in ("dien_tich_gieo_trong", "khen_thuong"):
        assert new_figures[name].cung_ky == old_figures[name].gia_tri


def test_next_keeps_the_clerks_comments_and_outline(unit):
    source = unit / EXAMPLE.name
    written = write_next(source, parse_period("6 tháng đầu năm 2027"))
    text = written.path.read_text(encoding="utf-8")
    comments = [
        line.strip() for line in source.read_text(encoding="utf-8").splitlines() if line.strip().startswith("#")
    ]
    assert comments and all(comment in text for comment in comments)
    assert "# tự cộng, không gõ tay" in text and "# để trống khi là dự thảo" in text
    old, new = yaml.safe_load(source.read_text(encoding="utf-8")), yaml.safe_load(text)
    assert (
        new["noi_dung"] == old["noi_dung"] and new["phu_luc"] == old["phu_luc"] and new["chu_thich"] == old["chu_thich"]
    )


def test_next_leaves_only_values_to_fill(unit, cli):
    source = unit / EXAMPLE.name
    code, out, err = cli("next", source, "--ky", "6 tháng đầu năm 2027")
    assert code == 0, err
    target = unit / "thi-dua-6-thang-dau-nam-2027.yaml"
    count = int(re.search(r"Còn (\d+) giá trị cần điền", out).group(1))
    with pytest.raises(BaocaoError) as error:
        load_sources(target)
    problems = error.value.problems
    assert len(problems) == count > 30
    assert all(p.message.startswith("Chưa điền ") and p.location.file == target for p in problems)
    assert f"{target}:{problems[0].location.line}:{problems[0].location.column}: {problems[0].message}" in out
    lines = target.read_text(encoding="utf-8").splitlines()
    assert all("# cần điền" in lines[p.location.line - 1] for p in problems)
    code, _, err = cli("validate", target)
    shown = min(count, MAX_SHOWN)  # the rest are counted, not shown
    assert code == 1 and err.count("Chưa điền") == shown
    assert count == shown or f"… và {count - shown} lỗi khác" in err
    # once filled, it builds
    target.write_text(target.read_text(encoding="utf-8").replace(": null", ": 5"), encoding="utf-8")
    code, _, err = cli("build", target)
    assert code == 0 and "Cảnh báo" not in err, err


def test_next_clears_number_and_date(unit):
    written = write_next(unit / EXAMPLE.name, parse_period("6 tháng cuối năm 2026"))
    report = read_sources(written.path).report
    assert report.so is None and report.ngay.day is None and (report.ngay.month, report.ngay.year) == (12, 2026)
    assert report.ky_bao_cao == Period("6t-cuoi", 2026) and report.dong_nghieng == ""


def test_next_period_of_the_same_year_keeps_plans_and_asks_for_cung_ky(unit):
    source = unit / EXAMPLE.name
    written = write_next(source, parse_period("6 tháng cuối năm 2026"))
    old, new = values(source), values(written.path)
    assert new["lua_xuan"].ke_hoach == old["lua_xuan"].ke_hoach == Decimal(620)
    assert new["lua_xuan"].cung_ky is None and "cung_ky" in new["lua_xuan"].model_fields_set
    assert "cung_ky" not in new["so_thon"].model_fields_set  # it had none: nothing to ask
    to_fill = {(p.location.line, p.message.split("(")[1].split(")")[0]) for p in written.to_fill}
    assert {key for _, key in to_fill} == {"gia_tri", "cung_ky"}


def test_next_trich_yeu_names_the_new_period(unit):
    source = unit / KIND_EXAMPLES["chung"].name
    written = write_next(source, parse_period("quý III năm 2026"))
    assert read_sources(written.path).report.trich_yeu == "Kết quả thực hiện công tác cải cách hành chính {{ ky }}"
    text = source.read_text(encoding="utf-8").replace("{{ ky }}", "quý II năm 2026")
    source.write_text(text, encoding="utf-8")
    written = write_next(source, parse_period("quý IV năm 2026"))
    assert (
        read_sources(written.path).report.trich_yeu == "Kết quả thực hiện công tác cải cách hành chính quý IV năm 2026"
    )


def test_next_to_another_folder_still_finds_profile_and_schema(unit, tmp_path):
    target = tmp_path / "nam-sau" / "du-thao" / "bao-cao.yaml"
    written = write_next(unit / EXAMPLE.name, parse_period("6 tháng đầu năm 2027"), target)
    schema = (unit / EXAMPLE.name).read_text(encoding="utf-8").splitlines()[0].removeprefix(MODELINE)
    moved = target.read_text(encoding="utf-8").splitlines()[0].removeprefix(MODELINE)
    assert moved != schema and (target.parent / moved).resolve() == (unit / schema).resolve()
    assert read_sources(written.path).unit.ten_goi_tat == "UBND xã Tân Hòa"


@pytest.mark.parametrize(
    ("period", "message"),
    [
        ("6 tháng đầu năm 2026", "không sau kỳ"),
        ("quý I năm 2026", "không sau kỳ"),
    ],
)
def test_next_refuses_to_go_back(unit, period, message):
    before = files(unit)
    with pytest.raises(BaocaoError, match=message):
        write_next(unit / EXAMPLE.name, parse_period(period))
    assert files(unit) == before


def test_next_refuses_to_overwrite(unit, cli):
    write_next(unit / EXAMPLE.name, parse_period("năm 2026"))
    before = files(unit)
    code, _, err = cli("next", unit / EXAMPLE.name, "--ky", "năm 2026")
    assert code == 1 and "không ghi đè" in err
    assert files(unit) == before


def test_next_of_a_bare_number_figure(unit):
    source = unit / EXAMPLE.name
    source.write_text(
        source.read_text(encoding="utf-8").replace("  so_thon: {gia_tri: 14, don_vi: thôn}", "  so_thon: 14"),
        encoding="utf-8",
    )
    written = write_next(source, parse_period("6 tháng đầu năm 2027"))
    assert "  so_thon: {gia_tri: null, cung_ky: 14} # cần điền: gia_tri" in written.path.read_text(encoding="utf-8")


def test_next_comments_each_empty_key_of_a_block_figure(unit):
    source = unit / EXAMPLE.name
    text = source.read_text(encoding="utf-8").replace(
        '  trong_rung: {gia_tri: "215,3", don_vi: ha, ke_hoach: 230, cung_ky: 201, so_le: 1}',
        '  trong_rung:\n    gia_tri: "215,3"         # rừng tập trung\n    don_vi: ha\n  '
        "  ke_hoach: 230\n    cung_ky: 201\n    so_le: 1",
    )
    source.write_text(text, encoding="utf-8")
    written = write_next(source, parse_period("6 tháng đầu năm 2027"))
    lines = written.path.read_text(encoding="utf-8").splitlines()
    places = {p.message: p.location.line for p in written.to_fill if "'trong_rung'" in p.message}
    assert len(places) == 2  # gia_tri and ke_hoach (a new year's plan)
    assert all("# cần điền" in lines[line - 1] for line in places.values())
    assert (
        "# cần điền; rừng tập trung"
        in lines[places["Chưa điền giá trị kỳ này (gia_tri) của số liệu 'trong_rung'."] - 1]
    )


def test_init_where_a_file_has_the_folders_name(cli, tmp_path):
    (tmp_path / "xa").write_text("", encoding="utf-8")
    code, _, err = cli("init", "xa/moi", "--loai", "thi-dua")
    assert code == 1 and "Không ghi được tệp" in err and "Traceback" not in err
