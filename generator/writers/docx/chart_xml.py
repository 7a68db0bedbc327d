"""The chart part of a document `Chart` (DrawingML c:chartSpace), as Word and LibreOffice write them.

One c:barChart (column or bar), c:lineChart or c:pieChart whose series cite the embedded workbook's
cells (Sheet1: categories in column A, one series per column from B, names in row 1) and cache their
values, so the chart draws at once and Word's "Edit Data" opens the same numbers. Sober styling for
an administrative report (ND30): Times New Roman, black text, grey fills, no 3-D, no shadow.

Vietnamese numbers whatever the viewer's locale: Word draws a format code's ',' and '.' with the
separators of Windows' region settings ("1,539.7" on an English Windows), so
- each point's label is the text of a workbook cell (c:dLbl/c:tx/c:strRef, ECMA-376, read by Word 2007
  on): a formula writing the value the Vietnamese way (vietnamese_text), cached as Python writes it;
  "Edit Data" recomputes it. LibreOffice ignores the linked text and applies the labels' format code,
  whose locale tag [$-42A] (Vietnamese) it honours;
- the value axis's format code groups thousands with a quoted, literal dot (AXIS_FORMAT).
"""

from __future__ import annotations

from decimal import Decimal

from lxml import etree

from baocao.conventions.formatting import DECIMAL, GROUP
from baocao.document.model import Chart
from baocao.input.sheets import column_letters

C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NSMAP = {"c": C_NS, "a": A_NS, "r": R_NS}
SHEET = "Sheet1"
FONT = "Times New Roman"
DASHES = ("solid", "dash", "sysDot", "lgDash", "dashDot", "sysDash")
MARKERS = ("circle", "square", "triangle", "diamond", "x", "star")
_AXES = ("111111111", "222222222")  # category axis, value axis
_DOT = f'"{GROUP}"'
#: Whole numbers with thousands grouped by a literal dot: 1.800, 12.000.000 (Excel allows two conditions).
AXIS_FORMAT = f"[>=1000000]#{_DOT}###{_DOT}##0;[>=1000]#{_DOT}##0;0"


def _e(tag: str, *children, **attrs: str):
    """An element `prefix:name` of the chart or drawing namespaces with unqualified attributes."""
    prefix, name = tag.split(":")
    element = etree.Element(f"{{{NSMAP[prefix]}}}{name}", nsmap=NSMAP if prefix == "c" else None)
    for key, value in attrs.items():
        element.set(key, value)
    element.extend(children)
    return element


def _val(tag: str, value: str):
    return _e(tag, val=value)


def chart_space(chart: Chart, workbook_rid: str) -> bytes:
    """The chart part's XML: the chart, its text properties and the link to its workbook."""
    space = _e(
        "c:chartSpace",
        _val("c:date1904", "0"),
        _val("c:lang", "vi-VN"),
        _val("c:roundedCorners", "0"),
        _e("c:chart", *_chart(chart)),
        _shape(None, None),
        _text(1100),
        _e("c:externalData", _val("c:autoUpdate", "0"), **{f"{{{R_NS}}}id": workbook_rid}),
    )
    return etree.tostring(space, xml_declaration=True, encoding="UTF-8", standalone=True)


def cell_range(column: int, first: int, last: int) -> str:
    """Sheet1!$B$2:$B$5 (1-based column and rows)."""
    letter = column_letters(column)
    return f"{SHEET}!${letter}${first}" + (f":${letter}${last}" if last != first else "")


def label_column(chart: Chart, i: int) -> int:
    """The workbook column (1-based) holding the label texts of series i: after every series' values."""
    return len(chart.series) + 2 + i


def vietnamese_text(cell: str, number: str, decimals: int, suffix: str = "") -> str:
    """An Excel formula writing `number` (an expression of `cell`) rounded to `decimals` places the Vietnamese
    way, whatever the locale Excel runs in: FIXED() writes it with the locale's separators, which are found by
    writing 1000 and 0,5, and swapped for GROUP and DECIMAL; '' when `cell` holds no number."""
    local_group, local_decimal = "MID(FIXED(1000,0),2,1)", "MID(FIXED(0.5,1),2,1)"
    text = f'SUBSTITUTE(FIXED({number},{decimals}),{local_group},"|")'
    text = f'SUBSTITUTE(SUBSTITUTE({text},{local_decimal},"{DECIMAL}"),"|","{GROUP}")'
    if suffix:
        text += f'&"{suffix}"'
    return f'=IF(ISNUMBER({cell}),{text},"")'


def number_format(decimals: int) -> str:
    """The Excel number format of `decimals` places with thousands grouping: #,##0.0"""
    return "[$-42A]#,##0" + ("." + "0" * decimals if decimals else "")


def _chart(chart: Chart) -> list:
    parts = [_title(chart.title, 1200)] if chart.title else []
    parts.append(_val("c:autoTitleDeleted", "0" if chart.title else "1"))
    plot = _e("c:plotArea", _e("c:layout"), _plot(chart))
    if chart.kind != "pie":
        plot.extend(_axes(chart))
    plot.append(_shape(None, None))
    parts.append(plot)
    if chart.has_legend:
        parts.append(_e("c:legend", _val("c:legendPos", "b"), _val("c:overlay", "0")))
    parts += [_val("c:plotVisOnly", "1"), _val("c:dispBlanksAs", "gap")]
    return parts


def _plot(chart: Chart):
    """The c:barChart, c:lineChart or c:pieChart with its series."""
    series = [_series(chart, i) for i in range(len(chart.series))]
    axes = [_val("c:axId", axis) for axis in _AXES]
    if chart.kind == "pie":
        return _e("c:pieChart", _val("c:varyColors", "1"), *series, _val("c:firstSliceAng", "0"))
    if chart.kind == "line":
        return _e(
            "c:lineChart",
            _val("c:grouping", "standard"),
            _val("c:varyColors", "0"),
            *series,
            _val("c:marker", "1"),
            *axes,
        )
    direction = "col" if chart.kind == "column" else "bar"
    return _e(
        "c:barChart",
        _val("c:barDir", direction),
        _val("c:grouping", "clustered"),
        _val("c:varyColors", "0"),
        *series,
        _val("c:gapWidth", "80"),
        *axes,
    )


def _series(chart: Chart, i: int):
    """Series `i`: name, look, data labels, categories (column A) and values (column i + 2)."""
    one = chart.series[i]
    last = len(chart.categories) + 1
    ser = _e(
        "c:ser",
        _val("c:idx", str(i)),
        _val("c:order", str(i)),
        _e("c:tx", _strings(cell_range(i + 2, 1, 1), [one.name])),
    )
    if chart.kind == "line":
        ser.append(_shape(None, "000000", width=22225, dash=DASHES[i % len(DASHES)]))
        ser.append(
            _e(
                "c:marker",
                _val("c:symbol", MARKERS[i % len(MARKERS)]),
                _val("c:size", "6"),
                _shape(chart.fill(i), "000000"),
            )
        )
    elif chart.kind == "pie":
        ser.extend(
            _e("c:dPt", _val("c:idx", str(j)), _val("c:bubble3D", "0"), _shape(chart.fill(j), "000000"))
            for j in range(len(chart.categories))
        )
    else:
        ser.append(_shape(chart.fill(i), "000000"))
        ser.append(_val("c:invertIfNegative", "0"))
    ser.append(_labels(chart, i))
    ser.append(_e("c:cat", _strings(cell_range(1, 2, last), chart.categories)))
    ser.append(_e("c:val", _numbers(cell_range(i + 2, 2, last), one.values, chart.decimals)))
    if chart.kind == "line":
        ser.append(_val("c:smooth", "0"))
    return ser


def _labels(chart: Chart, i: int):
    """Each point's value above it (pie: its share of the whole, in %), in the report's precision: the text of
    its cell in the workbook's label column (LibreOffice: the value in the Vietnamese format code)."""
    pie = chart.kind == "pie"
    fmt = "[$-42A]0.0%" if pie else number_format(chart.decimals)
    position = {"pie": "outEnd", "line": "t"}.get(chart.kind, "outEnd")
    flags = [
        ("c:showLegendKey", False),
        ("c:showVal", not pie),
        ("c:showCatName", False),
        ("c:showSerName", False),
        ("c:showPercent", pie),
        ("c:showBubbleSize", False),
    ]

    def look() -> list:
        return [
            _e("c:spPr", _e("a:noFill"), _e("a:ln", _e("a:noFill"))),
            _text(1000),
            _val("c:dLblPos", position),
            *(_val(tag, "1" if on else "0") for tag, on in flags),
        ]

    column = label_column(chart, i)
    points = [
        _e("c:dLbl", _val("c:idx", str(j)), _e("c:tx", _strings(cell_range(column, j + 2, j + 2), [text])), *look())
        for j, text in enumerate(chart.point_labels(i))
        if text
    ]
    labels = _e("c:dLbls", *points, _e("c:numFmt", formatCode=fmt, sourceLinked="0"), *look())
    if pie:
        labels.append(_val("c:showLeaderLines", "1"))
    return labels


def _axes(chart: Chart) -> list:
    """The category axis and the value axis, with their titles; bars list the first category on top."""
    bar = chart.kind == "bar"
    category = _e(
        "c:catAx",
        _val("c:axId", _AXES[0]),
        _e("c:scaling", _val("c:orientation", "maxMin" if bar else "minMax")),
        _val("c:delete", "0"),
        _val("c:axPos", "l" if bar else "b"),
        *([_title(chart.category_axis, 1000)] if chart.category_axis else []),
        _e("c:numFmt", formatCode="General", sourceLinked="0"),
        _val("c:majorTickMark", "none"),
        _val("c:minorTickMark", "none"),
        _val("c:tickLblPos", "nextTo"),
        _shape(None, "000000"),
        _text(1000),
        _val("c:crossAx", _AXES[1]),
        _val("c:crosses", "autoZero"),
        _val("c:auto", "1"),
        _val("c:lblAlgn", "ctr"),
        _val("c:lblOffset", "100"),
        _val("c:noMultiLvlLbl", "0"),
    )
    value = _e(
        "c:valAx",
        _val("c:axId", _AXES[1]),
        _e("c:scaling", _val("c:orientation", "minMax")),
        _val("c:delete", "0"),
        _val("c:axPos", "b" if bar else "l"),
        _e("c:majorGridlines", _shape(None, "D9D9D9")),
        *([_title(chart.value_axis, 1000, vertical=not bar)] if chart.value_axis else []),
        _e("c:numFmt", formatCode=AXIS_FORMAT, sourceLinked="0"),
        _val("c:majorTickMark", "none"),
        _val("c:minorTickMark", "none"),
        _val("c:tickLblPos", "nextTo"),
        _shape(None, None),
        _text(1000),
        _val("c:crossAx", _AXES[0]),
        _val("c:crosses", "max" if bar else "autoZero"),
        _val("c:crossBetween", "between"),
    )
    return [category, value]


def _strings(ref: str, texts: list[str]):
    cache = _e("c:strCache", _val("c:ptCount", str(len(texts))))
    for i, text in enumerate(texts):
        cache.append(_e("c:pt", _v(text), idx=str(i)))
    return _e("c:strRef", _f(ref), cache)


def _numbers(ref: str, values: list[Decimal | None], decimals: int):
    cache = _e("c:numCache", _e("c:formatCode"), _val("c:ptCount", str(len(values))))
    cache[0].text = number_format(decimals)
    for i, value in enumerate(values):
        if value is not None:  # a missing value is a gap
            cache.append(_e("c:pt", _v(format(value, "f")), idx=str(i)))
    return _e("c:numRef", _f(ref), cache)


def _f(ref: str):
    f = _e("c:f")
    f.text = ref
    return f


def _v(text: str):
    v = _e("c:v")
    v.text = text
    return v


def _title(text: str, size: int, vertical: bool = False):
    """A chart or axis title in bold Times New Roman (an axis title along a vertical axis turned)."""
    body = _e("a:bodyPr", rot="-5400000", vert="horz") if vertical else _e("a:bodyPr")
    run = _e("a:r", _run_props("a:rPr", size, bold=True), _e("a:t"))
    run[-1].text = text
    paragraph = _e("a:p", _e("a:pPr", _run_props("a:defRPr", size, bold=True)), run)
    return _e("c:title", _e("c:tx", _e("c:rich", body, _e("a:lstStyle"), paragraph)), _val("c:overlay", "0"))


def _text(size: int):
    """Text properties: Times New Roman of `size` hundredths of a point, black."""
    paragraph = _e("a:p", _e("a:pPr", _run_props("a:defRPr", size)), _e("a:endParaRPr", lang="vi-VN"))
    return _e("c:txPr", _e("a:bodyPr"), _e("a:lstStyle"), paragraph)


def _run_props(tag: str, size: int, bold: bool = False):
    return _e(
        tag,
        _e("a:solidFill", _e("a:srgbClr", val="000000")),
        _e("a:latin", typeface=FONT),
        _e("a:ea", typeface=FONT),
        _e("a:cs", typeface=FONT),
        sz=str(size),
        b="1" if bold else "0",
        lang="vi-VN",
    )


def _shape(fill: str | None, line: str | None, width: int = 9525, dash: str = "solid"):
    """c:spPr: a solid `fill` (none when None) and a thin `line` (none when None); never a shadow."""
    fill_el = _e("a:solidFill", _e("a:srgbClr", val=fill)) if fill else _e("a:noFill")
    if line:
        outline = _e("a:ln", _e("a:solidFill", _e("a:srgbClr", val=line)), _val("a:prstDash", dash), w=str(width))
    else:
        outline = _e("a:ln", _e("a:noFill"))
    return _e("c:spPr", fill_el, outline)
