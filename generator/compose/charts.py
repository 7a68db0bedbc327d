"""Charts from YAML: a `bieu_do` block becomes a document `Chart` of figures' values.

Categories are a list of figures, the parts of a total (tong_cua) or the units of a roll-up figure
(tong_tu); each series is one value kind of them (this period, a plan, the same period), in the unit
the figures are shown in. Every error names the file and line of what is wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import partial

from baocao.compose.narrative import breakdown_of, find_figure, plan_of
from baocao.conventions import formatting as fmt
from baocao.conventions.formatting import NumberError
from baocao.conventions.table_words import CHART_LABEL, SERIES_NAMES
from baocao.document.model import Chart, Inline, Series
from baocao.errors import Collector, Location, fail
from baocao.figures.figure import Figure
from baocao.input.charts import CHART_KINDS, BieuDo
from baocao.input.figure_keys import PLAN_PREFIX
from baocao.input.figure_model import SoLieu
from baocao.input.load import SourceMap
from baocao.messages import common
from baocao.messages import compose_tables as msg

Render = Callable[[str, tuple], list[Inline]]
Plain = Callable[[str, tuple], str]


def build_chart(
    spec: BieuDo,
    path: tuple,
    number: int,
    figures: Mapping[str, Figure],
    stated: Mapping[str, SoLieu],
    places: SourceMap,
    render: tuple[Render, Plain],
) -> Chart:
    """The chart `spec` found at `path`, labelled 'Biểu đồ `number`'; `stated` holds the so_lieu as written
    (for the parts of a total); `render` renders a clerk's text as inlines and as plain text."""
    inlines, plain = render
    if spec.danh_muc:
        return _written_chart(spec, path, number, places, render)
    categories = _categories(spec, path, figures, stated, places)
    names = {key: plain(text, path + ("ten_chuoi", key)) for key, text in spec.ten_chuoi.items()}
    found = Collector()
    series = [
        found.attempt(partial(_series, key, names, categories, places.where(path + ("chuoi", i))), None)
        for i, key in enumerate(spec.chuoi)
    ]
    found.check()
    _check_units(categories)
    if spec.loai == "tron":
        _check_parts(categories, series[0])
    unit = categories[0][1].unit_shown
    decimals = spec.so_le
    if decimals is None:
        decimals = max((f.so_le or 0 for _, f in categories), default=0)
    return Chart(
        kind=CHART_KINDS[spec.loai],  # type: ignore[arg-type]
        label=f"{CHART_LABEL} {number}",
        caption=inlines(spec.tieu_de, path + ("tieu_de",)),
        categories=[figure.ten or figure.name for _, figure in categories],
        series=[s for s in series if s is not None],
        decimals=decimals,
        title=plain(spec.tieu_de_bieu_do, path + ("tieu_de_bieu_do",)) if spec.tieu_de_bieu_do else "",
        category_axis=plain(spec.truc_danh_muc, path + ("truc_danh_muc",)) if spec.truc_danh_muc else "",
        value_axis=plain(spec.truc_gia_tri, path + ("truc_gia_tri",)) if spec.truc_gia_tri else unit,
        source=places.where(path),
    )


def _categories(
    spec: BieuDo, path: tuple, figures: Mapping[str, Figure], stated: Mapping[str, SoLieu], places: SourceMap
) -> list[tuple[Location, Figure]]:
    """Each category's figure with the place that names it."""
    if spec.chi_tiet:
        where = places.where(path + ("chi_tiet",))
        name = spec.chi_tiet
        hint = msg.chart_breakdown_hint(name)
        return [(where, part) for part in breakdown_of(figures, name, where, hint)]
    if spec.thanh_phan_cua:
        where = places.where(path + ("thanh_phan_cua",))
        total = find_figure(figures, spec.thanh_phan_cua, where)
        parts = stated[total.name].tong_cua if total.name in stated else []
        if not parts:
            raise fail(
                where,
                msg.not_a_total(total.name),
                msg.not_a_total_hint(total.name),
            )
        return [(where, find_figure(figures, name, where)) for name in parts]

    def named(i: int, name: str) -> tuple[Location, Figure]:
        where = places.where(path + ("so_lieu", i))
        return where, find_figure(figures, name, where)

    found = Collector()
    listed = [found.attempt(partial(named, i, name), None) for i, name in enumerate(spec.so_lieu)]
    found.check()
    return [item for item in listed if item is not None]


def _series(key: str, names: dict[str, str], categories: list[tuple[Location, Figure]], where: Location) -> Series:
    """The values of one value kind over the categories, in the unit shown."""
    values: list[Decimal | None] = []
    for _, figure in categories:
        if key.startswith(PLAN_PREFIX):
            value = plan_of(figure, key.removeprefix(PLAN_PREFIX), where, msg.DROP_SERIES)
        else:
            value = getattr(figure, key)
        values.append(None if value is None else figure.shown(value))
    if all(value is None for value in values):
        raise fail(
            where,
            msg.empty_series(key),
            msg.empty_series_hint(key),
        )
    return Series(names.get(key) or _series_name(key, categories[0][1]), values)


def _series_name(key: str, figure: Figure) -> str:
    if key in SERIES_NAMES:
        return SERIES_NAMES[key]
    label = figure.plan_label(key.removeprefix(PLAN_PREFIX) if key.startswith(PLAN_PREFIX) else None)
    return label[:1].upper() + label[1:]


def _check_units(categories: list[tuple[Location, Figure]]) -> None:
    """One chart, one unit: bars of hectares beside bars of tonnes would mislead."""
    first = categories[0][1]
    for where, figure in categories[1:]:
        if figure.unit_shown != first.unit_shown:
            raise fail(
                where,
                msg.chart_units_differ(
                    first.name, first.unit_shown or common.NONE, figure.name, figure.unit_shown or common.NONE
                ),
                msg.CHART_UNITS_HINT,
            )


def _check_parts(categories: list[tuple[Location, Figure]], series: Series | None) -> None:
    """A pie shows parts of a whole: each part has a value, none is negative."""
    if series is None:
        return
    for (where, figure), value in zip(categories, series.values, strict=True):
        if value is None or value < 0:
            state = msg.PIE_NO_VALUE if value is None else msg.PIE_NEGATIVE
            raise fail(where, msg.pie_part(figure.name, state), msg.PIE_PART_HINT)


def _written_chart(spec: BieuDo, path: tuple, number: int, places: SourceMap, render: tuple[Render, Plain]) -> Chart:
    """A chart whose categories and values are written in it (danh_muc, chuoi_so), as `baocao import` reads one."""
    inlines, plain = render
    found = Collector()
    series = [
        Series(
            plain(item.ten, path + ("chuoi_so", i, "ten")),
            [
                found.attempt(partial(_written_value, value, places.where(path + ("chuoi_so", i, "so", j))), None)
                for j, value in enumerate(item.so)
            ],
        )
        for i, item in enumerate(spec.chuoi_so)
    ]
    found.check()
    if spec.loai == "tron" and any(v is None or v < 0 for v in series[0].values):
        raise fail(
            places.where(path + ("chuoi_so", 0, "so")),
            msg.PIE_NOT_PARTS,
            msg.PIE_NOT_PARTS_HINT,
        )
    decimals = spec.so_le
    if decimals is None:
        exponents = [v.as_tuple().exponent for s in series for v in s.values if v is not None]
        decimals = max((-e for e in exponents if isinstance(e, int) and e < 0), default=0)
    return Chart(
        kind=CHART_KINDS[spec.loai],  # type: ignore[arg-type]
        label=f"{CHART_LABEL} {number}",
        caption=inlines(spec.tieu_de, path + ("tieu_de",)),
        categories=[plain(name, path + ("danh_muc", i)) for i, name in enumerate(spec.danh_muc)],
        series=series,
        decimals=decimals,
        title=plain(spec.tieu_de_bieu_do, path + ("tieu_de_bieu_do",)) if spec.tieu_de_bieu_do else "",
        category_axis=plain(spec.truc_danh_muc, path + ("truc_danh_muc",)) if spec.truc_danh_muc else "",
        value_axis=plain(spec.truc_gia_tri, path + ("truc_gia_tri",)) if spec.truc_gia_tri else "",
        source=places.where(path),
    )


def _written_value(value: str | int | float | None, where: Location) -> Decimal | None:
    """A number written in chuoi_so ('1.539,7'; empty: no value)."""
    if value is None or value == "":
        return None
    try:
        return fmt.parse_vn_number(value if isinstance(value, str) else Decimal(str(value)))
    except NumberError as exc:
        raise fail(where, msg.chart_number(str(exc)), msg.CHART_NUMBER_HINT) from None
