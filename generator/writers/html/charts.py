"""Charts in the HTML preview: a document `Chart` drawn as inline SVG (no script, nothing loaded).

The same look as the Word chart: grey fills with black outlines, Times New Roman, values written the
Vietnamese way (babel: 1.539,7), a legend under the plot when there are several series or a pie.
"""

from __future__ import annotations

import math
from decimal import Decimal
from html import escape
from itertools import count

from baocao.conventions.formatting import format_number
from baocao.document.model import Chart

WIDTH, HEIGHT = 540, 300
DASHES = ("", "6 3", "2 2", "10 4", "6 3 2 3", "3 3")
LEFT, RIGHT, TOP = 64, 16, 30


def chart_svg(chart: Chart) -> str:
    """The chart as an <svg> element scaled to the page's text width."""
    bottom = HEIGHT - 24 - (22 if chart.has_legend else 0) - (18 if chart.category_axis or chart.kind == "bar" else 0)
    parts = [_text(WIDTH / 2, 18, chart.title, "middle", bold=True)] if chart.title else []
    if chart.kind == "pie":
        parts += _pie(chart, bottom)
    else:
        parts += _plot(chart, bottom)
    if chart.has_legend:
        names = chart.categories if chart.kind == "pie" else [s.name for s in chart.series]
        entries = list(enumerate(names))
        if chart.kind == "bar":  # LibreOffice lists a horizontal bar chart's series last to first
            entries.reverse()
        parts += _legend(entries, HEIGHT - 14, line=chart.kind == "line")
    return (
        f'<svg class="chart-svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(chart.label)}" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="Times New Roman, serif" font-size="12">'
        + "".join(parts)
        + "</svg>"
    )


def _plot(chart: Chart, bottom: float) -> list[str]:
    """Columns, bars or lines over the value scale LibreOffice would choose (axis_scale)."""
    values = [v for s in chart.series for v in s.values if v is not None]
    low, high, step = axis_scale(min(values), max(values))
    bar = chart.kind == "bar"
    left = LEFT + (max(len(c) for c in chart.categories) * 5 if bar else 0)
    top = TOP if chart.title else 14
    span = (WIDTH - RIGHT - left) if bar else (bottom - top)

    def at(value: Decimal) -> float:
        share = float((value - low) / (high - low))
        return left + share * span if bar else bottom - share * span

    out = []
    tick = low
    while tick <= high:
        p = at(tick)
        x1, y1, x2, y2 = (p, top, p, bottom) if bar else (left, p, WIDTH - RIGHT, p)
        out.append(_line(x1, y1, x2, y2, "#D9D9D9"))
        label = format_number(tick, _decimals(step))
        out.append(_text(p, bottom + 14, label, "middle") if bar else _text(left - 6, p + 4, label, "end"))
        tick += step
    slots = len(chart.categories)
    size = ((bottom - top) if bar else (WIDTH - RIGHT - left)) / slots
    zero = at(max(low, Decimal(0)))
    for j, category in enumerate(chart.categories):
        middle = (top if bar else left) + size * (j + 0.5)
        out.append(
            _text(left - 6, middle + 4, category, "end") if bar else _text(middle, bottom + 16, category, "middle")
        )
    if chart.kind == "line":
        out += _lines(chart, left, size, at)
    else:
        out += _bars(chart, (top if bar else left), size, zero, at)
    out.append(_line(left, top, left, bottom, "#000000") if bar else _line(left, zero, WIDTH - RIGHT, zero, "#000000"))
    if chart.category_axis:
        out.append(
            _text(14, (top + bottom) / 2, chart.category_axis, "middle", bold=True, turned=True)
            if bar
            else _text((left + WIDTH - RIGHT) / 2, bottom + 36, chart.category_axis, "middle", bold=True)
        )
    if chart.value_axis:
        out.append(
            _text((left + WIDTH - RIGHT) / 2, bottom + 36, chart.value_axis, "middle", bold=True)
            if bar
            else _text(14, (top + bottom) / 2, chart.value_axis, "middle", bold=True, turned=True)
        )
    return out


def _bars(chart: Chart, start: float, size: float, zero: float, at) -> list[str]:
    out = []
    count = len(chart.series)
    thick = size * 0.8 / count
    horizontal = chart.kind == "bar"
    for i, series in enumerate(chart.series):
        labels = chart.point_labels(i)
        for j, value in enumerate(series.values):
            if value is None:
                continue
            offset = start + size * j + size * 0.1 + thick * i
            end = at(value)
            if horizontal:
                x, w = min(zero, end), abs(end - zero)
                out.append(_rect(x, offset, w, thick, "#" + Chart.fill(i)))
                out.append(_text(max(zero, end) + 3, offset + thick / 2 + 4, labels[j], "start", size=11))
            else:
                y, h = min(zero, end), abs(end - zero)
                out.append(_rect(offset, y, thick, h, "#" + Chart.fill(i)))
                out.append(_text(offset + thick / 2, y - 3, labels[j], "middle", size=11))
    return out


def _lines(chart: Chart, left: float, size: float, at) -> list[str]:
    out = []
    for i, series in enumerate(chart.series):
        points = [(left + size * (j + 0.5), at(v)) for j, v in enumerate(series.values) if v is not None]
        dash = f' stroke-dasharray="{DASHES[i % len(DASHES)]}"' if DASHES[i % len(DASHES)] else ""
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        out.append(f'<polyline points="{path}" fill="none" stroke="#000" stroke-width="1.75"{dash}/>')
        labels = [label for label in chart.point_labels(i) if label]
        for (x, y), label in zip(points, labels, strict=True):
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="#{Chart.fill(i)}" stroke="#000"/>')
            out.append(_text(x, y - 8, label, "middle", size=11))
    return out


def _pie(chart: Chart, bottom: float) -> list[str]:
    """Slices clockwise from twelve o'clock, each labelled with its share (43,4%)."""
    values = [v or Decimal(0) for v in chart.series[0].values]
    total = sum(values) or Decimal(1)
    top = TOP if chart.title else 14
    radius = (bottom - top) / 2 - 12
    cx, cy = WIDTH / 2, top + 12 + radius
    out, angle = [], 0.0
    shares = chart.point_labels(0)
    for j, value in enumerate(values):
        sweep = float(value / total) * 2 * math.pi
        a, b = _point(cx, cy, radius, angle), _point(cx, cy, radius, angle + sweep)
        large = 1 if sweep > math.pi else 0
        fill = "#" + Chart.fill(j)
        if sweep >= 2 * math.pi - 1e-9:
            out.append(f'<circle cx="{cx}" cy="{cy}" r="{radius:.1f}" fill="{fill}" stroke="#000"/>')
        elif sweep > 0:
            out.append(
                f'<path d="M{cx},{cy} L{a[0]:.1f},{a[1]:.1f} A{radius:.1f},{radius:.1f} 0 {large} 1 '
                f'{b[0]:.1f},{b[1]:.1f} Z" fill="{fill}" stroke="#000"/>'
            )
        x, y = _point(cx, cy, radius + 14, angle + sweep / 2)
        out.append(_text(x, y + 4, shares[j], "start" if x >= cx else "end", size=11))
        angle += sweep
    return out


def _legend(entries: list[tuple[int, str]], y: float, line: bool) -> list[str]:
    """The legend's entries (fill index, name) side by side, centred."""
    widths = [len(name) * 6 + 30 for _, name in entries]
    x = (WIDTH - sum(widths)) / 2
    out = []
    for (i, name), width in zip(entries, widths, strict=True):
        if line:
            out.append(_line(x, y - 4, x + 14, y - 4, "#000000"))
        else:
            out.append(_rect(x, y - 10, 10, 10, "#" + Chart.fill(i)))
        out.append(_text(x + 16, y, name, "start"))
        x += width
    return out


def axis_scale(least: Decimal, most: Decimal, intervals: int = 10) -> tuple[Decimal, Decimal, Decimal]:
    """The automatic value axis (minimum, maximum, major step) LibreOffice draws for these values.

    Our own rendering of the rule in LibreOffice's chart2/source/view/axes/ScaleAutomatism.cxx
    (calculateExplicitIncrementAndScaleForLinear, with the options a value axis turns on): all-negative
    values are mirrored; a positive minimum drops to 0 unless it is at least 5/6 of the maximum, else it
    moves down by half the range; the step is 1, 2 or 5 × 10^n giving at most `intervals` intervals; the
    bounds go out to whole steps, one step more when a value lies within 1/21 of the axis span of a bound.
    """
    mirrored = least < 0 and most <= 0
    if mirrored:
        least, most = -most, -least
    low, high = least, most
    if low > 0:
        low = Decimal(0) if low == high or low / high < Decimal(5) / 6 else low - (high - low) / 2
    if low == high:
        high = high * 2 if high else Decimal(1)
    distance = (high - low) / intervals
    magnitude = Decimal(10) ** int(distance.log10().to_integral_value(rounding="ROUND_FLOOR"))
    steps = (m * magnitude * 10**k for k in count() for m in (1, 2, 5))
    for step in (s for s in steps if s >= distance):
        bottom = _whole(low, step, "ROUND_FLOOR")
        if bottom and (high - least) / (high - bottom) > Decimal(20) / 21:
            bottom -= step
        top = _whole(high, step, "ROUND_CEILING")
        if top and (most - bottom) / (top - bottom) > Decimal(20) / 21:
            top += step
        if (top - bottom) // step <= intervals:
            break
    return (-top, -bottom, step) if mirrored else (bottom, top, step)


def _whole(value: Decimal, step: Decimal, rounding: str) -> Decimal:
    return (value / step).to_integral_value(rounding=rounding) * step


def _decimals(step: Decimal) -> int:
    exponent = step.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _point(cx: float, cy: float, r: float, angle: float) -> tuple[float, float]:
    return cx + r * math.sin(angle), cy - r * math.cos(angle)


def _rect(x: float, y: float, w: float, h: float, fill: str) -> str:
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{fill}" stroke="#000"/>'


def _line(x1: float, y1: float, x2: float, y2: float, colour: str) -> str:
    return f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}"/>'


def _text(x: float, y: float, text: str, anchor: str, bold: bool = False, size: int = 12, turned: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    turn = f' transform="rotate(-90 {x:.1f} {y:.1f})"' if turned else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}"{weight}{turn}>{escape(text)}</text>'
    )
