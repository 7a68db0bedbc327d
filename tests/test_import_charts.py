"""`baocao import` of charts: chart parts read back as `bieu_do` with their values, in place, and built again."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from handmade import report, run
from lxml import etree

from baocao.pipeline import build
from baocao.readers.docx import import_docx
from baocao.readers.docx.charts import C, chart_parts

DATA = Path(__file__).resolve().parent.parent / "data"
WITH_CHARTS = [DATA / "xa-tan-hoa" / "kt-xh-6-thang-2026.yaml", DATA / "tinh-demo" / "thi-dua-6-thang-2026.yaml"]


def _charts(path: Path) -> list[dict[str, Any]]:
    """What each chart of a .docx draws, in document order: kind, categories, series names and values, titles."""
    document = docx.Document(str(path))
    parts = chart_parts(document)
    found = []
    for element in document.element.body.iter(f"{C}chart"):
        root = parts[element.get(docx.oxml.ns.qn("r:id"))]
        plot = root.find(f"{C}chart/{C}plotArea")
        found.append(
            {
                "kind": [etree.QName(g).localname for g in plot if etree.QName(g).localname.endswith("Chart")],
                "bar": [d.get("val") for d in plot.iter(f"{C}barDir")],
                "series": [[_number(v.text) for v in s.iter(f"{C}v")] for s in plot.iter(f"{C}ser")],
                "formats": [f.text for f in plot.iter(f"{C}formatCode")],
                "axes": ["".join(t.itertext()) for t in plot.iterfind(f"{C}*/{C}title")],
            }
        )
    return found


def _number(text: str | None) -> str | float | None:
    """A cached value as a number ('620.0' and '620' draw alike), other text as it is."""
    try:
        return float(text or "")
    except ValueError:
        return text


@pytest.mark.parametrize("example", WITH_CHARTS, ids=lambda p: p.parent.name)
def test_example_charts_round_trip(example: Path, tmp_path: Path) -> None:
    """build → import → build: the same charts (kind, categories, series, values, axis titles) in the same places."""
    first, _ = build(example, tmp_path / "first.docx")
    done = import_docx(first, tmp_path / "unit")
    data = yaml.safe_load(done.report.read_text(encoding="utf-8"))
    assert "bieu_do" in str(data["noi_dung"]) and done.summary.charts == len(_charts(first)) > 0
    second, _ = build(done.report, tmp_path / "second.docx")
    assert _charts(second) == _charts(first)
    captions = [p.text for p in docx.Document(str(second)).paragraphs if p.text.startswith("Biểu đồ")]
    assert captions == [p.text for p in docx.Document(str(first)).paragraphs if p.text.startswith("Biểu đồ")]


HAND_CHART = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="{C[1:-1]}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">
<c:chart><c:title><c:tx><c:rich><a:p><a:r><a:t>Hộ nghèo</a:t></a:r></a:p></c:rich></c:tx></c:title>
<c:plotArea><c:layout/><c:lineChart><c:grouping val="standard"/>
<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>Số hộ</c:v></c:tx>
<c:cat><c:strLit><c:ptCount val="3"/><c:pt idx="0"><c:v>2023</c:v></c:pt><c:pt idx="1"><c:v>2024</c:v></c:pt>
<c:pt idx="2"><c:v>2025</c:v></c:pt></c:strLit></c:cat>
<c:val><c:numLit><c:formatCode>General</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>131</c:v></c:pt>
<c:pt idx="1"><c:v>112.5</c:v></c:pt><c:pt idx="2"><c:v>96</c:v></c:pt></c:numLit></c:val></c:ser>
<c:axId val="1"/><c:axId val="2"/></c:lineChart>
<c:catAx><c:axId val="1"/><c:title><c:tx><c:rich><a:p><a:r><a:t>Năm</a:t></a:r></a:p></c:rich></c:tx></c:title>
<c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart>
</c:chartSpace>"""


def _with_chart(d) -> None:
    d.add_paragraph("Số hộ nghèo giảm qua các năm.")
    package = d.part.package
    part = Part(
        PackURI("/word/charts/chart1.xml"),
        "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
        HAND_CHART.encode(),
        package,
    )
    rid = d.part.relate_to(part, RT.CHART)
    holder = d.add_paragraph()
    holder._p.append(
        docx.oxml.parse_xml(
            '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:drawing>'
            '<wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
            '<wp:extent cx="5000000" cy="3000000"/><wp:docPr id="50" name="Chart 1"/>'
            '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            f'<a:graphicData uri="{C[1:-1]}"><c:chart xmlns:c="{C[1:-1]}" '
            f'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="{rid}"/>'
            "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
        )
    )
    caption = d.add_paragraph()
    run(caption, "Biểu đồ 1.", bold=True)
    run(caption, " Số hộ nghèo qua các năm", italic=True)


def test_hand_made_chart_read_in_place(tmp_path: Path) -> None:
    """A line chart typed in by hand (literal values, General format, a typed caption) becomes a bieu_do."""
    done = import_docx(report(tmp_path / "bao-cao.docx", _with_chart), tmp_path / "unit")
    data = yaml.safe_load(done.report.read_text(encoding="utf-8"))
    body = data.get("mo_dau") or data["noi_dung"]
    where = next(i for i, item in enumerate(body) if isinstance(item, dict) and "bieu_do" in item)
    assert body[where - 1] == "Số hộ nghèo giảm qua các năm."
    assert body[where]["bieu_do"] == {
        "loai": "duong",
        "tieu_de": "Số hộ nghèo qua các năm",
        "tieu_de_bieu_do": "Hộ nghèo",
        "danh_muc": ["2023", "2024", "2025"],
        "chuoi_so": [{"ten": "Số hộ", "so": ["131", "112,5", "96"]}],
        "truc_danh_muc": "Năm",
    }
    built, _ = build(done.report, tmp_path / "lai.docx")
    (chart,) = _charts(built)
    assert chart["kind"] == ["lineChart"] and chart["series"][0][-3:] == [131, 112.5, 96]


def test_appendix_chart_round_trips(tmp_path: Path) -> None:
    """A chart in a Biểu (after its table) is read into the appendix's bieu_do and built again."""
    unit = tmp_path / "tinh"
    shutil.copytree(DATA / "tinh-demo", unit)
    source = unit / "thi-dua-6-thang-2026.yaml"
    text = source.read_text(encoding="utf-8")
    chart = "    bieu_do: {loai: thanh, tieu_de: Lúa vụ xuân theo xã, chi_tiet: lua_xuan, chuoi: [ke_hoach, gia_tri]}\n"
    text = text.replace("    khoa: lua_xuan\n", "    khoa: lua_xuan\n" + chart, 1)
    source.write_text(text, encoding="utf-8")
    first, _ = build(source, tmp_path / "first.docx")
    done = import_docx(first, tmp_path / "unit")
    appendix = yaml.safe_load(done.report.read_text(encoding="utf-8"))["phu_luc"][0]
    assert appendix["bieu_do"]["loai"] == "thanh" and "bang" in appendix
    assert appendix["bieu_do"]["danh_muc"][0] == "UBND xã Bình Minh"
    second, _ = build(done.report, tmp_path / "second.docx")
    assert _charts(second) == _charts(first) and len(_charts(first)) == 2


def test_several_charts_in_one_appendix_round_trip(tmp_path: Path) -> None:
    """An appendix with two charts after its table (bieu_do as a list) is read back with both, in order."""
    unit = tmp_path / "tinh"
    shutil.copytree(DATA / "tinh-demo", unit)
    source = unit / "thi-dua-6-thang-2026.yaml"
    charts = (
        "    bieu_do:\n"
        "      - {loai: thanh, tieu_de: Lúa vụ xuân theo xã, chi_tiet: lua_xuan, chuoi: [ke_hoach, gia_tri]}\n"
        "      - {loai: cot, tieu_de: Lúa vụ xuân so với cùng kỳ, chi_tiet: lua_xuan, chuoi: [gia_tri, cung_ky]}\n"
    )
    source.write_text(
        source.read_text(encoding="utf-8").replace("    khoa: lua_xuan\n", "    khoa: lua_xuan\n" + charts, 1),
        encoding="utf-8",
    )
    first, _ = build(source, tmp_path / "first.docx")
    done = import_docx(first, tmp_path / "unit")
    appendix = yaml.safe_load(done.report.read_text(encoding="utf-8"))["phu_luc"][0]
    assert [c["loai"] for c in appendix["bieu_do"]] == ["thanh", "cot"] and "bang" in appendix
    assert [c["tieu_de"] for c in appendix["bieu_do"]] == ["Lúa vụ xuân theo xã", "Lúa vụ xuân so với cùng kỳ"]
    second, _ = build(done.report, tmp_path / "second.docx")
    assert _charts(second) == _charts(first) and len(_charts(first)) == 3


@pytest.mark.parametrize("example", WITH_CHARTS, ids=lambda p: p.parent.name)
def test_example_charts_cite_figures_with_so_lieu(example: Path, tmp_path: Path) -> None:
    """build → import --so-lieu → build: a chart of figures read before it (a table's rows) cites them
    (so_lieu, chuoi); every chart draws the same."""
    first, _ = build(example, tmp_path / "first.docx")
    done = import_docx(first, tmp_path / "unit", figures=True)
    second, _ = build(done.report, tmp_path / "second.docx")
    assert _charts(second) == _charts(first)
    if example.name.startswith("kt-xh"):
        data = yaml.safe_load(done.report.read_text(encoding="utf-8"))
        charts = [c for c in _blocks(data["noi_dung"]) if "bieu_do" in c]
        cited, written = charts[0]["bieu_do"], charts[1]["bieu_do"]
        assert cited["chuoi"] == ["ke_hoach", "ke_hoach.tinh_giao", "gia_tri", "cung_ky"]
        assert [data["so_lieu"][name]["ten"] for name in cited["so_lieu"]] == ["Lúa vụ xuân", "Ngô vụ xuân"]
        assert data["so_lieu"][cited["so_lieu"][0]]["cung_ky"] == "605,8"  # read from the chart
        assert "danh_muc" in written  # the parts of a total no figure was read for: values written


def test_chart_of_no_figure_keeps_its_values_with_so_lieu(tmp_path: Path) -> None:
    done = import_docx(report(tmp_path / "bao-cao.docx", _with_chart), tmp_path / "unit", figures=True)
    (chart,) = [c for c in _blocks(yaml.safe_load(done.report.read_text(encoding="utf-8"))) if "bieu_do" in c]
    assert chart["bieu_do"]["danh_muc"] == ["2023", "2024", "2025"] and "so_lieu" not in chart["bieu_do"]


def _blocks(node: Any):
    """Every mapping of an outline, in reading order."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _blocks(value)
    elif isinstance(node, list):
        for value in node:
            yield from _blocks(value)
