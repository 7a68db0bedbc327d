"""Charts read back citing figures (`baocao import --so-lieu`): `so_lieu: [...]` and `chuoi` in place of values.

A chart whose categories are the titles (`ten`) of figures read before it (a table's rows, most often) and whose
every series is one value kind of them (this period, a plan, a named plan, the same period), value for value, is
written in the figure-citing form of `bieu_do`. A series of the same period (or of the plan) that none of the
figures has yet gives them that value, read from the chart. The chart is built both ways: unless the figures draw
it as its written values do (categories, series, decimals, axis titles), it keeps its written values.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from baocao.compose.charts import build_chart
from baocao.conventions import formatting as fmt
from baocao.conventions.table_words import PLAN, SAME_PERIOD
from baocao.document.model import Chart, Inline, Text
from baocao.errors import BaocaoError
from baocao.figures.figure import Figure
from baocao.input.charts import BieuDo
from baocao.input.figure_keys import PLAN_PREFIX
from baocao.input.load import SourceMap
from baocao.readers.docx.figures import FigureBook, yaml_number

_KEPT = ("loai", "tieu_de", "tieu_de_bieu_do")
_AXES = ("truc_danh_muc", "truc_gia_tri")


def cite_figures(chart: dict[str, Any], book: FigureBook) -> dict[str, Any] | None:
    """The figure-citing `bieu_do` of the written chart `chart`, or None; figures given the values they lacked."""
    found = [_named(book, category) for category in chart["danh_muc"]]
    names = [name for name in found if name is not None]
    if not names or len(set(names)) != len(found):
        return None
    figures = {name: book.figure(name) for name in names}
    series: list[str] = []
    for item in chart["chuoi_so"]:
        key = _series(item, [figures[n] for n in names], series)
        if key is None:
            return None
        series.append(key)
    filled = _filled(names, chart["chuoi_so"], series, figures)
    cited = {key: chart[key] for key in _KEPT if key in chart}
    cited |= {
        "so_lieu": names,
        "chuoi": series,
        "ten_chuoi": {k: s["ten"] for k, s in zip(series, chart["chuoi_so"], strict=True)},
    }
    cited |= {key: chart[key] for key in _AXES if key in chart}
    written, drawn = _drawn(chart, {}), _drawn(cited, filled)
    if drawn is None or written is None:
        return None
    if drawn.decimals != written.decimals:
        cited["so_le"] = written.decimals
        drawn = _drawn(cited, filled)
    if drawn is None or _look(drawn) != _look(written):
        return None
    for name, figure in filled.items():
        for slot in ("ke_hoach", "cung_ky"):
            value = getattr(figure, slot)
            if value is not None and slot not in book.entries[name]:
                book.entries[name][slot] = yaml_number(value)
    return cited


def _named(book: FigureBook, category: str) -> str | None:
    """The last figure read whose title is `category`."""
    return next((name for name, entry in reversed(book.entries.items()) if entry.get("ten") == category), None)


def _values(item: dict[str, Any]) -> list[Decimal | None]:
    return [None if v in (None, "") else fmt.parse_vn_number(v) for v in item["so"]]


def _series(item: dict[str, Any], figures: list[Figure], taken: list[str]) -> str | None:
    """The value kind the series shows for every figure; a plan or the same period none of them has, by its name."""
    values = _values(item)
    keys = ["gia_tri", "ke_hoach", *(PLAN_PREFIX + p for p in figures[0].plans), "cung_ky"]
    for key in keys:
        if key not in taken and any(v is not None for v in values) and values == [_slot(f, key) for f in figures]:
            return key
    for key, words in (("cung_ky", SAME_PERIOD), ("ke_hoach", PLAN)):
        if key not in taken and words.search(item["ten"]) and all(getattr(f, key) is None for f in figures):
            return key
    return None


def _slot(figure: Figure, key: str) -> Decimal | None:
    value = figure.plans.get(key.removeprefix(PLAN_PREFIX)) if key.startswith(PLAN_PREFIX) else getattr(figure, key)
    return None if value is None else figure.shown(value)


def _filled(
    names: list[str], items: list[dict[str, Any]], series: list[str], figures: dict[str, Figure]
) -> dict[str, Figure]:
    """The figures with the values of the series they had none of (a plan, the same period) read from the chart."""
    out = dict(figures)
    for item, key in zip(items, series, strict=True):
        for name, value in zip(names, _values(item), strict=True):
            if key == "ke_hoach" and out[name].ke_hoach is None:
                out[name] = dataclasses.replace(out[name], ke_hoach=value)
            elif key == "cung_ky" and out[name].cung_ky is None:
                out[name] = dataclasses.replace(out[name], cung_ky=value)
    return out


def _drawn(spec: dict[str, Any], figures: dict[str, Figure]) -> Chart | None:
    try:
        return build_chart(BieuDo.model_validate(spec), (), 1, figures, {}, SourceMap(None), (_inlines, _plain))
    except (BaocaoError, ValueError):
        return None


def _look(chart: Chart) -> tuple:
    return (
        chart.kind,
        chart.categories,
        [(s.name, s.values) for s in chart.series],
        chart.decimals,
        chart.title,
        chart.category_axis,
        chart.value_axis,
    )


def _inlines(text: str, _path: tuple) -> list[Inline]:
    return [Text(text)]


def _plain(text: str, _path: tuple) -> str:
    return text
