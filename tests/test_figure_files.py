"""Figure files (`baocao figures`, `build --so-lieu`): every figure with its computed values, as a workbook that
reads back as `so_lieu_tu` unchanged, and as JSON that validates against the shipped schema."""

from __future__ import annotations

import json
import shutil
import time
import zipfile
from decimal import Decimal
from pathlib import Path

import jsonschema
import openpyxl
import pytest
import yaml
from docx import Document
from helpers import EXAMPLE, ROOT, small_report

from baocao.conventions.formatting import format_number
from baocao.pipeline import build

EXAMPLES = [
    ROOT / "data" / "xa-tan-hoa" / "thi-dua-6-thang-2026.yaml",
    ROOT / "data" / "xa-tan-hoa" / "kt-xh-6-thang-2026.yaml",
    ROOT / "data" / "xa-tan-hoa" / "nhiem-vu-6-thang-2026.yaml",
    ROOT / "data" / "xa-tan-hoa" / "chung-cchc-quy-ii-2026.yaml",
    ROOT / "data" / "xa-tan-hoa" / "san-xuat-quy-iii-2026.yaml",  # figures from the departments' workbooks
    ROOT / "data" / "tinh-demo" / "thi-dua-6-thang-2026.yaml",  # a roll-up (tong_tu over the communes)
]
FIGURES = {
    "lua": {"ten": "Lúa", "gia_tri": "612,4", "don_vi": "ha", "ke_hoach": {"nq": 620, "tg": 600}, "cung_ky": "605,8"},
    "ngo": {"ten": "Ngô", "gia_tri": "388,6", "don_vi": "ha", "ke_hoach": {"nq": 375, "tg": 380}, "cung_ky": 391},
    "tong": {"ten": "Tổng", "tong_cua": ["lua", "ngo"], "ma_chi_tieu": "NN.01"},
    "ty_le": {"ty_le_cua": {"tu_so": "lua", "mau_so": "tong"}},
    "binh_quan": {"trung_binh_cua": ["lua", "ngo"], "trong_so": ["lua", "ngo"], "don_vi": "ha"},
    "von": {"gia_tri": "1.539,72", "don_vi": "triệu đồng", "hien_thi": "ty", "giu_nguyen": ""},
}
SCHEMA = json.loads((ROOT / "schema" / "so-lieu.schema.json").read_text(encoding="utf-8"))  # the shipped schema
SENTENCE = (
    "Lúa {{ so_lieu.lua | so_dv }}, {{ so_lieu.lua | so_ke_hoach('tg') }}; tổng {{ so_lieu.tong | so_dv }}, "
    "{{ so_lieu.tong | so_ke_hoach }}, {{ so_lieu.tong | tang_giam }}; tỷ lệ {{ so_lieu.ty_le | so_dv }}; "
    "bình quân {{ so_lieu.binh_quan | so_dv }}; vốn {{ so_lieu.von | so_dv }}."
)


def texts(docx: Path) -> list[str]:
    document = Document(str(docx))
    return [p.text for p in document.paragraphs] + [
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    ]


def figures_report() -> dict:
    figures = {name: {k: v for k, v in spec.items() if v != ""} for name, spec in FIGURES.items()}
    return small_report(
        so_lieu=figures,
        ten_ke_hoach={"nq": "Nghị quyết", "tg": "kế hoạch tỉnh giao"},
        noi_dung=[{"tieu_de": "Kết quả", "noi_dung": [SENTENCE]}],
    )


def read_back(report: Path, workbook: str) -> None:
    """The report with its YAML figures removed and `so_lieu_tu` pointing at `workbook`."""
    data = yaml.safe_load(report.read_text(encoding="utf-8"))
    data.pop("so_lieu", None)
    data["so_lieu_tu"] = workbook
    report.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def round_trip(report: Path, tmp: Path) -> tuple[list[str], list[str]]:
    before, _ = build(report, tmp / "truoc.docx")
    build(report, report.parent / "so-lieu-xuat.xlsx", writer="xlsx")
    read_back(report, "so-lieu-xuat.xlsx")
    after, _ = build(report, tmp / "sau.docx")
    return texts(before), texts(after)


def test_workbook_reads_back_as_so_lieu_tu_unchanged(report_dir, tmp_path):
    report = report_dir.write(figures_report())
    before, after = round_trip(report, tmp_path)
    assert any(line.startswith("Lúa 612,4 ha") for line in before)
    assert after == before


def test_decimal_weights_read_back_unchanged(report_dir, tmp_path):
    """A weight with a decimal comma ("1,5") is not split at its comma when the workbook is read back."""
    data = figures_report()
    data["so_lieu"]["binh_quan"]["trong_so"] = ["1,5", "lua"]
    report = report_dir.write(data)
    before, after = round_trip(report, tmp_path)
    rows = list(openpyxl.load_workbook(report_dir.path / "so-lieu-xuat.xlsx")["Số liệu"].iter_rows(values_only=True))
    weights = next(dict(zip(rows[0], row, strict=True)) for row in rows[1:] if row[0] == "binh_quan")["trong_so"]
    assert weights == "1,5; lua"
    average = (Decimal("1.5") * Decimal("612.4") + Decimal("612.4") * Decimal("388.6")) / (
        Decimal("1.5") + Decimal("612.4")
    )
    assert f"bình quân {format_number(average, 1)} ha" in " ".join(before)
    assert after == before


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_examples_read_back_unchanged(example, tmp_path):
    folder = tmp_path / example.parent.name
    shutil.copytree(example.parent, folder)
    before, after = round_trip(folder / example.name, tmp_path)
    assert after == before


def test_workbook_layout_and_computed_columns(report_dir):
    report = report_dir.write(figures_report())
    target, _ = build(report, report_dir.path / "so-lieu.xlsx", writer="xlsx")
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Số liệu", "Thông tin"]
    rows = list(book["Số liệu"].iter_rows(values_only=True))
    header, by_name = rows[0], {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert header[:8] == (
        "ten_so_lieu",
        "ma_chi_tieu",
        "ten",
        "gia_tri",
        "don_vi",
        "ke_hoach",
        "ke_hoach.nq",
        "ke_hoach.tg",
    )
    tong = by_name["tong"]
    assert (tong["gia_tri"], tong["ke_hoach.nq"], tong["cung_ky"], tong["ma_chi_tieu"]) == (1001, 995, 996.8, "NN.01")
    assert (tong["tong_cua"], tong["thanh_phan"], tong["ty_le_ke_hoach.tg"]) == ("lua; ngo", "lua; ngo", 102.1)
    assert (tong["ty_le_ke_hoach"], tong["ty_le_cung_ky"], tong["chenh_lech"]) == (100.6, 100.4, 4.2)
    assert by_name["ty_le"]["gia_tri"] == 61.2 and by_name["ty_le"]["don_vi"] == "%"
    assert by_name["lua"]["nguon"] == "bao-cao.yaml:10:3"
    about = dict(book["Thông tin"].iter_rows(min_row=2, values_only=True))
    assert (about["so_ky_hieu"], about["ngay"], about["nguoi_ky.ho_ten"]) == (
        "05/BC-UBND",
        "2026-06-04",
        "Lê Thị Minh Hạnh",
    )


def test_json_has_the_identity_and_validates_against_the_schema(report_dir):
    report = report_dir.write(figures_report())
    target, _ = build(report, report_dir.path / "so-lieu.json", writer="json")
    data = json.loads(target.read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "schema" / "so-lieu.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["bao_cao"] | {"nguoi_ky": None, "trich_yeu": None} == {
        "loai": "thi-dua",
        "ky_bao_cao": "6 tháng đầu năm 2026",
        "den_ngay": "2026-06-30",
        "co_quan_chu_quan": "",
        "co_quan": "Ủy ban nhân dân xã Tân Hòa",
        "don_vi": "UBND xã Tân Hòa",
        "cap": "xã",
        "so": 5,
        "ky_hieu": "BC-UBND",
        "so_ky_hieu": "05/BC-UBND",
        "ngay": "2026-06-04",
        "thang": "2026-06",
        "trich_yeu": None,
        "nguoi_ky": None,
        "tep": "bao-cao.yaml",
    }
    tong = data["so_lieu"]["tong"]
    assert (tong["gia_tri"], tong["ke_hoach"], tong["ty_le_theo_ke_hoach"]) == (
        1001,
        {"nq": 995, "tg": 980},
        {
            "nq": 100.6,
            "tg": 102.1,
        },
    )
    broken = data | {"so_lieu": {"lua": data["so_lieu"]["lua"] | {"gia_tri": [1]}}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(broken)


def test_roll_up_json_validates(tmp_path):
    folder = tmp_path / "tinh-demo"
    shutil.copytree(ROOT / "data" / "tinh-demo", folder)
    target, _ = build(folder / "thi-dua-6-thang-2026.yaml", tmp_path / "tinh.json", writer="json")
    data = json.loads(target.read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "schema" / "so-lieu.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    lua = data["so_lieu"]["lua_xuan"]
    assert [part["don_vi"] for part in lua["chi_tiet"]] == lua["thanh_phan"]
    assert sum(part["gia_tri"] for part in lua["chi_tiet"]) == pytest.approx(lua["gia_tri"])


def test_roll_up_workbook_lists_the_units_values_in_vietnamese(tmp_path):
    folder = tmp_path / "tinh-demo"
    shutil.copytree(ROOT / "data" / "tinh-demo", folder)
    target, _ = build(folder / "thi-dua-6-thang-2026.yaml", tmp_path / "tinh.xlsx", writer="xlsx")
    rows = list(openpyxl.load_workbook(target)["Số liệu"].iter_rows(values_only=True))
    parts = {row[0]: dict(zip(rows[0], row, strict=True))["thanh_phan"] for row in rows[1:]}
    assert "UBND xã Hồ Sơn: 612,4" in parts["lua_xuan"]
    assert "UBND xã Bình Minh: 7.860;" in parts["thu_ngan_sach"]  # thousands grouped as the report writes them


def test_roll_up_from_figure_files_equals_roll_up_from_reports(tmp_path):
    folder = tmp_path / "tinh-demo"
    shutil.copytree(ROOT / "data" / "tinh-demo", folder)
    province = folder / "thi-dua-6-thang-2026.yaml"
    from_reports, _ = build(province, tmp_path / "tu-bao-cao.docx")
    figures_from_reports, _ = build(province, tmp_path / "tu-bao-cao.json", writer="json")
    for i, commune in enumerate(sorted((folder / "xa").iterdir())):
        writer = ("json", "xlsx")[i % 2]
        build(commune / "thi-dua-6-thang-2026.yaml", folder / "so-lieu-xa" / f"{commune.name}.{writer}", writer=writer)
    shutil.rmtree(folder / "xa")
    text = province.read_text(encoding="utf-8")
    province.write_text(text.replace("cac_bao_cao: xa/*/thi-dua-6-thang-2026.yaml", "cac_bao_cao: so-lieu-xa/*"))
    from_files, built = build(province, tmp_path / "tu-tep-so-lieu.docx")
    assert texts(from_files) == texts(from_reports)
    assert not built.warnings
    # the province's own figure file too: every value, ratio and commune's part the same, valid against the schema
    figures_from_files, _ = build(province, tmp_path / "tu-tep-so-lieu.json", writer="json")
    records = [json.loads(path.read_text(encoding="utf-8")) for path in (figures_from_reports, figures_from_files)]
    for record in records:
        jsonschema.Draft202012Validator(SCHEMA).validate(record)
    assert records[0] == records[1]
    assert len(records[0]["so_lieu"]) >= 3 and any(f.get("chi_tiet") for f in records[0]["so_lieu"].values())


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_example_figure_file_validates_against_the_shipped_schema(example, tmp_path):
    target, _ = build(example, tmp_path / "so-lieu.json", writer="json")
    data = json.loads(target.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert data["so_lieu"] and data["bao_cao"]["ky_bao_cao"]


@pytest.mark.parametrize("writer", ["json", "xlsx"])
def test_a_figure_file_with_named_plans_is_rolled_up(tmp_path, writer):
    """The file's plans were named in its own report (checked when it was written): not asked again."""
    folder = tmp_path / "tinh-demo"
    shutil.copytree(ROOT / "data" / "tinh-demo", folder)
    commune = folder / "xa" / "ho-son" / "thi-dua-6-thang-2026.yaml"
    text = commune.read_text(encoding="utf-8").replace(
        "so_lieu:\n",
        "ten_ke_hoach: {huyen: kế hoạch huyện giao}\nso_lieu:\n  rau_vu: {gia_tri: 10, ke_hoach: {huyen: 12}}\n",
    )
    commune.write_text(text, encoding="utf-8")
    build(commune, commune.with_name(f"so-lieu.{writer}"), writer=writer)
    commune.unlink()
    province = folder / "thi-dua-6-thang-2026.yaml"
    patterns = f"cac_bao_cao: [xa/*/thi-dua-6-thang-2026.yaml, xa/ho-son/so-lieu.{writer}]"
    text = province.read_text(encoding="utf-8")
    province.write_text(text.replace("cac_bao_cao: xa/*/thi-dua-6-thang-2026.yaml", patterns), encoding="utf-8")
    _, built = build(province, tmp_path / "x.docx")
    assert not built.warnings


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("a.json", "{", "a.json: Báo cáo của a có lỗi nên không được tổng hợp: Tệp JSON không phải tệp số liệu"),
        ("a.json", '{"phien_ban": 1}', "a.json:bao_cao: Báo cáo của a có lỗi nên không được tổng hợp: Tệp JSON"),
        ("a.xlsx", "", "a.xlsx: Báo cáo của a có lỗi nên không được tổng hợp: Không đọc được tệp bảng tính"),
    ],
)
def test_a_bad_figure_file_is_left_out_with_a_located_warning(tmp_path, name, content, expected):
    folder = tmp_path / "tinh-demo"
    shutil.copytree(ROOT / "data" / "tinh-demo", folder)
    (folder / "xa" / "ho-son" / "thi-dua-6-thang-2026.yaml").unlink()
    (folder / "xa" / "ho-son" / name).write_text(content, encoding="utf-8")
    province = folder / "thi-dua-6-thang-2026.yaml"
    text = province.read_text(encoding="utf-8")
    patterns = f"cac_bao_cao: [xa/*/thi-dua-6-thang-2026.yaml, xa/ho-son/{name}]"
    province.write_text(text.replace("cac_bao_cao: xa/*/thi-dua-6-thang-2026.yaml", patterns), encoding="utf-8")
    _, built = build(province, tmp_path / "x.docx")
    assert any(expected in str(p) for p in built.warnings), built.warnings


def test_figures_command(cli, tmp_path, report_dir):
    report = report_dir.write(figures_report())
    code, out, err = cli("figures", report)
    assert code == 0, err
    assert "Đã ghi số liệu output/bao-cao-so-lieu.xlsx" in out
    assert openpyxl.load_workbook(tmp_path / "output" / "bao-cao-so-lieu.xlsx").sheetnames == ["Số liệu", "Thông tin"]
    code, out, err = cli("figures", report, "-o", "so-lieu.json")
    assert code == 0 and json.loads((tmp_path / "so-lieu.json").read_text(encoding="utf-8"))["phien_ban"] == 1
    code, out, err = cli("figures", report, "-o", "so-lieu.pdf")
    assert code == 2 and "Ghi -o so-lieu.xlsx hoặc -o so-lieu.json." in err
    assert not (tmp_path / "so-lieu.pdf").exists()


def test_figures_workbook_is_the_same_bytes_every_run(cli, tmp_path, report_dir, monkeypatch):
    report = report_dir.write(figures_report())
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    written = []
    for _ in range(2):
        assert cli("figures", report, "-o", "x.xlsx")[0] == 0
        written.append((tmp_path / "x.xlsx").read_bytes())
        time.sleep(1.1)  # a timestamp would differ (zip and workbook dates have one-second steps)
    assert written[0] == written[1]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01: the workbook's dates and the zip's
    assert cli("figures", report, "-o", "x.xlsx")[0] == 0
    with zipfile.ZipFile(tmp_path / "x.xlsx") as package:
        core = package.read("docProps/core.xml").decode("utf-8")
        assert "2026-01-01T00:00:00Z</dcterms:created>" in core and "2026-01-01T00:00:00Z</dcterms:modified>" in core
        assert {info.date_time for info in package.infolist()} == {(2026, 1, 1, 0, 0, 0)}


def test_build_writes_figure_files_beside_each_docx(cli, tmp_path, report_dir):
    report = report_dir.write(figures_report())
    code, out, err = cli("build", report, "-o", "bc.docx", "--so-lieu")
    assert code == 0, err
    assert (tmp_path / "bc-so-lieu.xlsx").is_file() and (tmp_path / "bc-so-lieu.json").is_file()
    assert "Đã ghi số liệu bc-so-lieu.xlsx, bc-so-lieu.json" in out
    units = tmp_path / "cac-xa"
    shutil.copytree(ROOT / "data" / "tinh-demo" / "xa", units)
    code, out, err = cli("build", units, "--so-lieu")
    assert code == 0, err
    written = sorted(p.relative_to(tmp_path / "output").as_posix() for p in (tmp_path / "output").rglob("*-so-lieu.*"))
    assert len(written) == 8 and "ho-son/thi-dua-6-thang-2026-so-lieu.json" in written


def test_a_report_with_a_bad_workbook_writes_no_figure_file(cli, tmp_path, report_dir):
    book = openpyxl.Workbook()
    book.active.append(["ten_so_lieu", "gia_tri"])
    book.active.append(["lua", "khoảng 600"])
    book.save(report_dir.path / "so-lieu.xlsx")
    report = report_dir.write(small_report(so_lieu_tu="so-lieu.xlsx"))
    code, out, err = cli("figures", report, "-o", "x.json")
    assert code == 1 and "so-lieu.xlsx:Sheet:B2: Số không hợp lệ: 'khoảng 600'" in err
    code, out, err = cli("build", report, "-o", "x.docx", "--so-lieu")
    assert code == 1 and not list(tmp_path.glob("x*"))


def test_figure_records_made_once_for_both_files(tmp_path, monkeypatch):
    """`build --so-lieu` writes the workbook and the JSON from one set of records."""
    from baocao.writers import figures as writer

    made = []
    records = writer.figure_records
    monkeypatch.setattr(writer, "figure_records", lambda *args: made.append(1) or records(*args))
    _, built = build(EXAMPLE, tmp_path / "a.docx", figures=True)
    assert sorted(built.figure_files) == ["json", "xlsx"] and len(made) == 1
    assert "lua_xuan" in json.loads(built.figure_files["json"])["so_lieu"]
