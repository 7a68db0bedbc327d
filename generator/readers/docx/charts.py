"""Charts of a .docx read back as `bieu_do` blocks with their values written in (danh_muc, chuoi_so).

A chart part (c:chartSpace, as Word, LibreOffice and baocao write them) gives its kind (column, bar,
line, pie), the title inside its frame, its axis titles, the categories and each series' name and
cached values; the decimals come from the values' number format. The caption under it ("Biểu đồ 1:
…", as baocao writes it) becomes the chart's `tieu_de`.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from baocao import limits
from baocao.conventions import formatting as fmt
from baocao.conventions.table_words import CHART_LABEL, UNNAMED_SERIES
from baocao.conventions.words import norm
from baocao.readers.docx.content import Para
from baocao.readers.docx.text import escape

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_KINDS = {  # plot element → (loai, element holding the direction or None)
    "barChart": "cot",
    "bar3DChart": "cot",
    "lineChart": "duong",
    "line3DChart": "duong",
    "pieChart": "tron",
    "pie3DChart": "tron",
    "doughnutChart": "tron",
}
CAPTION = re.compile(rf"^{CHART_LABEL}\s+\d+\s*[:.]\s*", re.IGNORECASE)
_DECIMALS = re.compile(r"0\.(0+)")


def chart_parts(document: WordDocument) -> dict[str, etree._Element]:
    """The document's chart parts' XML by relationship id."""
    return {
        rid: limits.part_xml(rel.target_part)
        for rid, rel in document.part.rels.items()
        if rel.reltype == RT.CHART and not rel.is_external
    }


def is_caption(para: Para | None) -> bool:
    return para is not None and bool(CAPTION.match(para.plain))


def read_chart(root: etree._Element, caption: Para | None) -> dict[str, Any] | None:
    """The `bieu_do` of a chart part's XML (None when it holds no chart baocao can draw)."""
    plot = root.find(f"{C}chart/{C}plotArea")
    group = next((g for g in plot if etree.QName(g).localname in _KINDS), None) if plot is not None else None
    if group is None:
        return None
    kind = _KINDS[etree.QName(group).localname]
    direction = group.find(f"{C}barDir")
    if kind == "cot" and direction is not None and direction.get("val") == "bar":
        kind = "thanh"
    series = group.findall(f"{C}ser")
    if not series:
        return None
    categories = _texts(series[0].find(f"{C}cat"))
    chart: dict[str, Any] = {"loai": kind, "tieu_de": _caption(caption)}
    title = _title(root.find(f"{C}chart/{C}title"))
    if title:
        chart["tieu_de_bieu_do"] = escape(title)
    chart["danh_muc"] = [escape(c) for c in categories]
    chart["chuoi_so"] = [
        {"ten": escape(_series_name(s, i)), "so": _values(s.find(f"{C}val"), len(categories))}
        for i, s in enumerate(series if kind != "tron" else series[:1])
    ]
    for key, axis in (("truc_danh_muc", "catAx"), ("truc_gia_tri", "valAx")):
        text = _title(plot.find(f"{C}{axis}/{C}title"))
        if text:
            chart[key] = escape(text)
    return chart


def _caption(caption: Para | None) -> str:
    return escape(CAPTION.sub("", caption.plain)) if caption is not None else ""


def _title(title) -> str:
    if title is None:
        return ""
    return norm(" ".join(t.text or "" for t in title.iter(f"{A}t", f"{C}v")))


def _series_name(series, i: int) -> str:
    return norm(" ".join(v.text or "" for v in series.iterfind(f"{C}tx//{C}v"))) or f"{UNNAMED_SERIES} {i + 1}"


def _points(data) -> tuple[dict[int, str], str]:
    """A cache's points by index, and its number format."""
    if data is None:
        return {}, ""
    cache = next((c for c in data.iter(f"{C}strCache", f"{C}numCache", f"{C}strLit", f"{C}numLit")), None)
    if cache is None:
        return {}, ""
    points = {int(p.get("idx", "0")): (p.findtext(f"{C}v") or "") for p in cache.iterfind(f"{C}pt")}
    return points, cache.findtext(f"{C}formatCode") or ""


def _texts(data) -> list[str]:
    points, _ = _points(data)
    return [norm(points.get(i, "")) for i in range(max(points, default=-1) + 1)]


def _values(data, count: int) -> list[str | None]:
    """The series' values as Vietnamese numbers at the decimals of its format ('1.539,7'), None where empty."""
    points, code = _points(data)
    match = _DECIMALS.search(code)
    decimals = len(match.group(1)) if match else None if "General" in code or not code else 0
    out: list[str | None] = []
    for i in range(count):
        try:
            value = Decimal(points[i]) if points.get(i, "").strip() else None
        except InvalidOperation:
            value = None
        out.append(None if value is None else fmt.format_number(value, decimals))
    return out
