"""Native Word charts (`bieu_do`): the chart parts and their embedded workbooks, the caption numbering,
the LibreOffice PDF, the HTML preview's SVG, and the located errors of bad charts (nothing written)."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from helpers import ROOT, W_NS, ReportDir, audit_errors, small_report
from lxml import etree
from openpyxl import load_workbook

from baocao.errors import BaocaoError
from baocao.pipeline import build
from baocao.writers.docx.templates import copy_builtin
from baocao.writers.html.writer import WRITER as HTML
from baocao.writers.pdf import convert_to_pdf

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
NS = {
    "c": C,
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "w": W_NS,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
}
FIGURES = {
    "lua": {"ten": "Lúa vụ xuân", "gia_tri": "1.612,4", "don_vi": "ha", "ke_hoach": 1620, "cung_ky": "1.605,8"},
    "ngo": {"ten": "Ngô vụ xuân", "gia_tri": "388,6", "don_vi": "ha", "ke_hoach": 375, "cung_ky": "391,2"},
    "rau": {"ten": "Rau màu", "gia_tri": 143, "don_vi": "ha", "so_le": 0},
    "gieo_trong": {"ten": "Tổng diện tích", "tong_cua": ["lua", "ngo", "rau"]},
    "lao_dong": {"ten": "Lao động", "gia_tri": 183, "don_vi": "người"},
    "chenh": {"gia_tri": -5, "don_vi": "ha", "cho_phep_am": True},
}
COLUMN = {
    "loai": "cot",
    "tieu_de": "Diện tích vụ xuân {{ nam }}",
    "so_lieu": ["lua", "ngo"],
    "chuoi": ["ke_hoach", "gia_tri", "cung_ky"],
    "truc_danh_muc": "Cây trồng",
    "truc_gia_tri": "Diện tích (ha)",
    "so_le": 1,
}
PIE = {"loai": "tron", "tieu_de": "Cơ cấu diện tích gieo trồng", "thanh_phan_cua": "gieo_trong"}


def chart_report(*charts: dict, appendix: dict | None = None) -> dict:
    """A small report whose section holds `charts`; `appendix` is an appendix's bieu_do."""
    blocks: list = ["Kết quả sản xuất."] + [{"bieu_do": chart} for chart in charts]
    report = small_report(so_lieu=FIGURES, noi_dung=[{"tieu_de": "Kết quả", "noi_dung": blocks}])
    if appendix is not None:
        report["phu_luc"] = [{"loai": "bieu", "tieu_de": "Biểu đồ theo cây trồng", "bieu_do": appendix}]
    return report


class Package:
    """The parts of a built .docx that hold its charts."""

    def __init__(self, path: Path):
        self.zip = zipfile.ZipFile(path)
        self.document = etree.fromstring(self.zip.read("word/document.xml"))
        self.types = etree.fromstring(self.zip.read("[Content_Types].xml"))

    def rels(self, part: str) -> dict[str, str]:
        folder, name = part.rsplit("/", 1)
        root = etree.fromstring(self.zip.read(f"{folder}/_rels/{name}.rels"))
        return {r.get("Id"): r.get("Target") for r in root.iterfind("rel:Relationship", NS)}

    def charts(self) -> list[tuple[str, etree._Element]]:
        """(part name, chartSpace) of each chart drawn in the body, in order."""
        rels = self.rels("word/document.xml")
        found = []
        for ref in self.document.iterfind(".//wp:inline/a:graphic/a:graphicData/c:chart", NS):
            name = "word/" + rels[ref.get(f"{{{NS['r']}}}id")]
            found.append((name, etree.fromstring(self.zip.read(name))))
        return found

    def workbook(self, chart_part: str, space) -> list[list]:
        """The rows of the workbook a chart cites (c:externalData)."""
        rid = space.find("c:externalData", NS).get(f"{{{NS['r']}}}id")
        target = self.rels(chart_part)[rid]
        name = os.path.normpath(os.path.join(os.path.dirname(chart_part), target))
        sheet = load_workbook(io.BytesIO(self.zip.read(name))).active
        return [list(row) for row in sheet.iter_rows(values_only=True)]

    def captions(self) -> list[str]:
        texts = ["".join(p.itertext()) for p in self.document.iter(f"{{{NS['w']}}}p")]
        return [t for t in texts if t.startswith("Biểu đồ ")]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A report with a column chart, a line chart and a bar chart in the body and a pie in an appendix."""
    folder = ReportDir(tmp_path_factory.mktemp("charts"))
    line = COLUMN | {"loai": "duong", "tieu_de": "Xu hướng", "chuoi": ["cung_ky", "gia_tri"]}
    bar = {"loai": "thanh", "tieu_de": "Thực hiện", "so_lieu": ["lua", "ngo", "rau"]}
    return folder.build(chart_report(COLUMN, line, bar, appendix=PIE))


def test_each_chart_is_a_chart_part_drawn_inline(built):
    package = Package(built)
    charts = package.charts()
    assert [space.find("c:chart/c:plotArea", NS)[1].tag for _, space in charts] == [
        f"{{{C}}}{kind}" for kind in ("barChart", "lineChart", "barChart", "pieChart")
    ]
    bars = [space.find("c:chart/c:plotArea/c:barChart/c:barDir", NS) for _, space in charts]
    assert [bar.get("val") for bar in bars if bar is not None] == ["col", "bar"]
    overrides = {o.get("PartName"): o.get("ContentType") for o in package.types.iterfind("ct:Override", NS)}
    for name, space in charts:
        assert overrides["/" + name].endswith("drawingml.chart+xml")
        assert space.find("c:roundedCorners", NS).get("val") == "0"
        assert space.find(".//c:view3D", NS) is None and space.find(".//a:effectLst", NS) is None  # sober
        fonts = {f.get("typeface") for f in space.iter(f"{{{NS['a']}}}latin")}
        assert fonts == {"Times New Roman"}
    defaults = {d.get("Extension"): d.get("ContentType") for d in package.types.iterfind("ct:Default", NS)}
    assert defaults["xlsx"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_the_embedded_workbook_holds_the_figures(built):
    package = Package(built)
    name, space = package.charts()[0]
    rows = package.workbook(name, space)
    series = ["Kế hoạch", "Thực hiện", "Cùng kỳ năm trước"]
    assert rows[0] == ["Cây trồng", *series, *(f"Nhãn: {s}" for s in series)]
    assert [r[0] for r in rows[1:]] == ["Lúa vụ xuân", "Ngô vụ xuân"]
    numbers = [[Decimal(str(v)) for v in r[1:4]] for r in rows[1:]]
    assert numbers == [
        [Decimal("1620"), Decimal("1612.4"), Decimal("1605.8")],
        [Decimal("375"), Decimal("388.6"), Decimal("391.2")],
    ]
    # The cached values the chart draws equal the workbook's cells, and cite them.
    first = space.find(".//c:ser", NS)
    assert first.findtext("c:val/c:numRef/c:f", None, NS) == "Sheet1!$B$2:$B$3"
    assert first.findtext("c:cat/c:strRef/c:f", None, NS) == "Sheet1!$A$2:$A$3"
    cached = [Decimal(v.text) for v in first.iterfind("c:val/c:numRef/c:numCache/c:pt/c:v", NS)]
    assert cached == [row[0] for row in numbers]
    assert first.find("c:dLbls/c:numFmt", NS).get("formatCode") == "[$-42A]#,##0.0"  # Vietnamese: 1.612,4


def test_a_pie_shows_the_parts_of_a_total(built):
    package = Package(built)
    name, space = package.charts()[-1]
    rows = package.workbook(name, space)
    assert [r[0] for r in rows[1:]] == ["Lúa vụ xuân", "Ngô vụ xuân", "Rau màu"]
    assert [Decimal(str(r[1])) for r in rows[1:]] == [Decimal("1612.4"), Decimal("388.6"), Decimal("143")]
    assert len(space.findall(".//c:pieChart/c:ser/c:dPt", NS)) == 3


def test_captions_are_numbered_through_body_and_appendices(built):
    assert Package(built).captions() == [
        "Biểu đồ 1: Diện tích vụ xuân 2026",
        "Biểu đồ 2: Xu hướng",
        "Biểu đồ 3: Thực hiện",
        "Biểu đồ 4: Cơ cấu diện tích gieo trồng",
    ]


def test_charts_pass_openxml_audit(built):
    assert audit_errors(built) == []


def test_charts_take_free_part_names_after_a_template_holding_chart1_and_chart3(built, report_dir):
    """A customised template that already holds chart parts with a gap in their numbering."""
    template = copy_builtin("thi-dua", report_dir.path)
    word, source = Document(str(template)), Document(str(built))
    held = [rel.target_part for rel in source.part.rels.values() if rel.reltype == RT.CHART][:2]
    for part, n in zip(held, (1, 3), strict=True):
        part.partname = PackURI(f"/word/charts/chart{n}.xml")
        (book,) = [rel.target_part for rel in part.rels.values()]
        book.partname = PackURI(f"/word/embeddings/Microsoft_Excel_Worksheet{n}.xlsx")
        word.part.relate_to(part, RT.CHART)
    word.save(str(template))

    target = report_dir.build(chart_report(COLUMN, PIE))
    names = zipfile.ZipFile(target).namelist()
    assert len(names) == len(set(names))
    assert sorted(n for n in names if n.startswith("word/charts/chart")) == [
        f"word/charts/chart{n}.xml" for n in range(1, 5)
    ]
    assert sum(n.startswith("word/embeddings/Microsoft_Excel_Worksheet") for n in names) == 4
    package = Package(target)
    drawn = package.charts()
    assert [name for name, _ in drawn] == ["word/charts/chart2.xml", "word/charts/chart4.xml"]
    assert [r[0] for r in package.workbook(*drawn[1])[1:]] == ["Lúa vụ xuân", "Ngô vụ xuân", "Rau màu"]
    assert audit_errors(target) == []


def test_the_same_report_builds_the_same_bytes(built, tmp_path):
    again = tmp_path / "again.docx"
    shutil.copy(built.parent / "bao-cao.yaml", tmp_path / "bao-cao.yaml")
    shutil.copy(built.parent / "don-vi.yaml", tmp_path / "don-vi.yaml")
    build(tmp_path / "bao-cao.yaml", again)
    assert again.read_bytes() == built.read_bytes()


def test_each_label_is_the_text_of_its_workbook_cell(built):
    """Word draws a format code's separators as Windows' region settings say: the labels are cell texts instead."""
    package = Package(built)
    name, space = package.charts()[0]
    rows = package.workbook(name, space)
    first = space.find(".//c:ser", NS)
    labels = first.findall("c:dLbls/c:dLbl", NS)
    assert [label.findtext("c:tx/c:strRef/c:f", None, NS) for label in labels] == ["Sheet1!$E$2", "Sheet1!$E$3"]
    texts = [label.findtext("c:tx/c:strRef/c:strCache/c:pt/c:v", None, NS) for label in labels]
    assert texts == ["1.620,0", "375,0"]
    assert rows[1][4].startswith("=IF(ISNUMBER(B2),") and "FIXED(B2,1)" in rows[1][4]
    pie = package.charts()[-1][1].findall(".//c:pieChart/c:ser/c:dLbls/c:dLbl/c:tx/c:strRef/c:strCache/c:pt/c:v", NS)
    assert [v.text for v in pie] == ["75,2%", "18,1%", "6,7%"]  # of 2.144 ha
    axes = {space.find(".//c:valAx/c:numFmt", NS).get("formatCode") for _, space in package.charts()[:3]}
    assert axes == {'[>=1000000]#"."###"."##0;[>=1000]#"."##0;0'}  # literal dots: 1.800 in any locale


@pytest.mark.needs_soffice
@pytest.mark.parametrize("locale", ["en-US", "de-DE", "fr-FR"])
def test_the_label_formulas_write_vietnamese_numbers_in_any_locale(built, tmp_path, locale):
    """What "Edit Data" recomputes: the label cells, computed by a spreadsheet (LibreOffice Calc) set to `locale`,
    equal the labels the chart caches, though FIXED() writes 1,539.7 (en), 1.539,7 (de), 1 539,7 (fr)."""
    package = Package(built)
    books, expected = [], []
    for i, (name, space) in enumerate(package.charts()):
        rid = space.find("c:externalData", NS).get(f"{{{NS['r']}}}id")
        target = os.path.normpath(os.path.join(os.path.dirname(name), package.rels(name)[rid]))
        books.append(tmp_path / f"bieu-do-{i}.xlsx")
        probe = load_workbook(io.BytesIO(package.zip.read(target)))
        probe.active["Z1"] = "=FIXED(1539.7,1)"  # the locale's own separators, to show it is in force
        probe.save(books[-1])
        cached = [c.text for c in space.iterfind(".//c:ser/c:dLbls/c:dLbl/c:tx/c:strRef/c:strCache/c:pt/c:v", NS)]
        expected.append((len(space.findall(".//c:ser", NS)), cached))
    profile = tmp_path / "profile" / "user"
    profile.mkdir(parents=True)
    (profile / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry">'
        '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">'
        f"<value>{locale}</value></prop></item></oor:items>",
        encoding="utf-8",
    )
    subprocess.run(
        [
            shutil.which("soffice") or "soffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(tmp_path / "csv"),
            *map(str, books),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    fixed = {"en-US": "1,539.7", "de-DE": "1.539,7", "fr-FR": "1\u00a0539,7"}[locale]
    for book, (series, cached) in zip(books, expected, strict=True):
        rows = list(csv.reader((tmp_path / "csv" / f"{book.stem}.csv").read_text(encoding="utf-8").splitlines()))
        computed = [row[1 + series + i] for i in range(series) for row in rows[1:] if row[1 + series + i]]
        assert computed == cached
        assert rows[0][-1] == fixed


@pytest.mark.needs_soffice
def test_libreoffice_draws_the_charts_with_vietnamese_numbers(built, tmp_path):
    (pdf,) = convert_to_pdf([built], tmp_path)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True).stdout
    flat = re.sub(r"\s+", " ", text)
    for label in ("Biểu đồ 1: Diện tích vụ xuân 2026", "Cây trồng", "Diện tích (ha)", "Cùng kỳ năm trước"):
        assert label in flat
    assert "1.612,4" in flat and "388,6" in flat  # data labels: Vietnamese format, drawn by the chart
    assert "1612.4" not in flat and "388.6" not in flat


def test_the_preview_draws_each_chart_as_svg(built):
    from baocao.compose.report import compose
    from baocao.figures.compute import compute
    from baocao.input.validate import load_sources

    sources = load_sources(built.parent / "bao-cao.yaml")
    page = HTML.write(compose(sources, compute(sources)), sources).decode()
    assert page.count("<svg") == 4
    figure = page[page.index('<figure class="chart') : page.index("</figure>")]
    assert "1.612,4" in figure and "Cây trồng" in figure and "Diện tích (ha)" in figure and "<rect" in figure
    assert "<path" in page  # the pie's slices
    assert "Biểu đồ 4:" in page


def test_the_preview_and_the_word_chart_share_the_palette_and_legend_rule(built):
    from baocao.compose.report import compose
    from baocao.figures.compute import compute
    from baocao.input.validate import load_sources

    sources = load_sources(built.parent / "bao-cao.yaml")
    page = HTML.write(compose(sources, compute(sources)), sources).decode()
    pie = page[page.rindex('<figure class="chart') :]
    slices = re.findall(r'<path d="M[^"]*" fill="#(\w+)"', pie)
    (_, space) = Package(built).charts()[-1]
    points = space.iterfind(".//c:pieChart/c:ser/c:dPt/c:spPr/a:solidFill/a:srgbClr", NS)
    assert slices == [p.get("val") for p in points] == ["404040", "A6A6A6", "D9D9D9"]
    legends = [space.find("c:chart/c:legend", NS) is not None for _, space in Package(built).charts()]
    assert legends == [True, True, False, True]  # several series, or a pie; not the bar chart's one series


# ---- bad charts: located errors, nothing written ----------------------------------------------


@pytest.mark.parametrize(
    ("chart", "message", "line_of"),
    [
        (COLUMN | {"so_lieu": ["lua", "ngoo"]}, "Số liệu 'ngoo' chưa được khai báo", "ngoo"),
        (PIE | {"thanh_phan_cua": None, "so_lieu": ["lua", "chenh"]}, "phần 'chenh' là số âm", "chenh"),
        (COLUMN | {"chuoi": ["ke_hoach"], "so_lieu": ["rau"]}, "Chuỗi 'ke_hoach' của biểu đồ không có số", "ke_hoach"),
        (COLUMN | {"so_lieu": ["lua", "lao_dong"]}, "khác đơn vị tính", "lao_dong"),
        (PIE | {"chuoi": ["gia_tri", "cung_ky"]}, "chỉ vẽ một chuỗi", "- gia_tri"),
        (COLUMN | {"chuoi": ["gia_tri", "ke_hoach_x"]}, "Chuỗi 'ke_hoach_x' không có", "- gia_tri"),
        (COLUMN | {"ten_chuoi": {"cung": "Cùng kỳ"}}, "chuoi không có chuỗi này", "cung: Cùng kỳ"),
        (COLUMN | {"chi_tiet": "lua"}, "đúng một trong so_lieu", "loai"),  # the chart's first line
        (PIE | {"thanh_phan_cua": "lua"}, "không phải tổng", "thanh_phan_cua"),
        (COLUMN | {"chuoi": ["ke_hoach.tinh"]}, "không có kế hoạch 'tinh'", "ke_hoach.tinh"),
        (COLUMN | {"so_lieu": None, "chi_tiet": "lua"}, "không tổng hợp từ báo cáo cấp dưới (tong_tu)", "chi_tiet"),
    ],
)
def test_a_bad_chart_is_a_located_error(report_dir, chart, message, line_of):
    chart = {k: v for k, v in chart.items() if v is not None}
    path = report_dir.write(chart_report(chart))
    target = report_dir.path / "bao-cao.docx"
    with pytest.raises(BaocaoError) as caught:
        build(path, target)
    problem = next(p for p in caught.value.problems if message in p.message)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert line_of in lines[problem.location.line - 1], (problem, lines[problem.location.line - 1])
    assert not target.exists()


def test_an_appendix_needs_a_table_or_a_chart(report_dir):
    report = chart_report()
    report["phu_luc"] = [{"loai": "bieu", "tieu_de": "Trống"}]
    with pytest.raises(BaocaoError) as caught:
        build(report_dir.write(report), report_dir.path / "x.docx")
    assert "bang (bảng số liệu), bieu_do (biểu đồ)" in str(caught.value.problems[0].message)


def test_the_examples_carry_charts():
    """kt-xh has a column chart and a pie; the province roll-up a bar chart of its communes."""
    for example, kinds in [
        (ROOT / "data" / "xa-tan-hoa" / "kt-xh-6-thang-2026.yaml", ["cot", "tron"]),
        (ROOT / "data" / "tinh-demo" / "thi-dua-6-thang-2026.yaml", ["thanh"]),
    ]:
        found = re.findall(r"^\s+(?:- )?bieu_do:.*\n\s+loai: (\w+)", example.read_text(encoding="utf-8"), re.M)
        assert found == kinds, example


def test_a_rollup_chart_has_one_bar_per_commune(tmp_path):
    target, _ = build(ROOT / "data" / "tinh-demo" / "thi-dua-6-thang-2026.yaml", tmp_path / "tinh.docx")
    package = Package(target)
    ((name, space),) = package.charts()
    rows = package.workbook(name, space)
    assert [r[0] for r in rows[1:]] == ["UBND xã Bình Minh", "UBND xã Đồng Tâm", "UBND xã Hồ Sơn", "UBND xã Hồng Phong"]
    assert rows[0][1:3] == ["Kế hoạch", "Thực hiện"]
    assert sum(Decimal(str(r[2])) for r in rows[1:]) == Decimal("2326.4")  # the total of the roll-up
