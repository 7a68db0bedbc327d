"""Tables from YAML: columns, rows citing figures or literal cells, computed columns, totals.

A `Bang` becomes a document `Table`: numbers formatted the Vietnamese way, rates and differences
computed, items numbered 1, 2, 3… straight through groups I, II, III…, and the Tổng cộng row
summed (and checked against a stated total). Every error names the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, partial
from itertools import groupby
from typing import Any

from baocao.compose.columns import (
    COLUMN_NAMES,
    COMPUTED,
    DEFAULT_WIDTHS,
    column_decimals,
    column_sources,
    column_value,
    format_cell,
    plan_key,
)
from baocao.compose.narrative import breakdown_of, find_figure, plan_of
from baocao.conventions import formatting as fmt
from baocao.conventions.formatting import NumberError
from baocao.conventions.table_words import TOTAL_ROW, UNIT_LINE
from baocao.document.model import Cell, Inline, Row, Table, Text
from baocao.errors import BaocaoError, Collector, Location, Problem, suggest
from baocao.figures.figure import Figure, differs, sum_values
from baocao.input.figure_keys import FIGURE_VALUES, PLAN_PREFIX
from baocao.input.load import SourceMap
from baocao.input.rows import STATUS_KEY, STATUSES, grouped_rows, read_status
from baocao.input.table_model import INPUT_KINDS, Bang, Cot, Nhom
from baocao.messages import common
from baocao.messages import compose_tables as msg

FIGURE_KEY = "so_lieu"
BREAKDOWN_KEY = "chi_tiet"  # '- chi_tiet: name': one row per unit of a roll-up figure
RESERVED_KEYS = (FIGURE_KEY, BREAKDOWN_KEY, "nhom", "dong")
FIGURE_FIELDS = ("ten", "don_vi", *FIGURE_VALUES)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_DIGIT = re.compile(r"\d")

Inlines = Callable[[str, tuple], list[Inline]]


def build_table(spec: Bang, path: tuple, figures: dict[str, Figure], places: SourceMap, inlines: Inlines) -> Table:
    """The document table of `spec` found at `path`; `inlines` renders a clerk's text at a path."""
    return _TableBuilder(spec, path, figures, places, inlines).build()


@dataclass
class _Item:
    """One row's values by column key, where each was written, and the figure it cites."""

    path: tuple
    values: dict[str, Any] = field(default_factory=dict)
    paths: dict[str, tuple] = field(default_factory=dict)
    figure: Figure | None = None


class _TableBuilder:
    def __init__(self, spec: Bang, path: tuple, figures: dict[str, Figure], places: SourceMap, inlines: Inlines):
        self.spec, self.path, self.figures, self.places, self.inlines = spec, path, figures, places, inlines
        self.columns = spec.cot
        self.inputs = [c for c in spec.cot if c.kieu in INPUT_KINDS]
        self._input = {c.khoa: c for c in reversed(self.inputs)}  # the first column of a key, as written
        self._allowed = [c.khoa for c in self.inputs] + [FIGURE_KEY, BREAKDOWN_KEY, STATUS_KEY]
        self._plan_columns = {c.khoa for c in self.inputs if c.ke_hoach}
        self.decimals: int | None = None  # decimals of the figures cited, for the other rows and the total

    def build(self) -> Table:
        self._check_columns()
        found = Collector()  # every row's problem, not only the first
        groups = [
            (
                group,
                path,
                [item for raw, row_path in entries for item in found.attempt(partial(self._items, raw, row_path), [])],
            )
            for group, path, entries in grouped_rows(self.spec, self.path, self.places)
        ]
        items = [item for _, _, group_items in groups for item in group_items]
        self.decimals = max(
            (item.figure.so_le for item in items if item.figure and item.figure.so_le is not None), default=None
        )
        rows = self._header_rows()
        number = 0  # items are numbered straight through the groups
        for roman, (group, path, group_items) in enumerate(groups, 1):
            if group is not None:
                rows.append(self._group_row(group, path, roman))
            for item in group_items:
                number += 1
                rows.append(Row([self._cell(c, item, number) for c in self.columns]))
        if self.spec.tong_cong is not False and not found.problems:  # a total of rows in error would tell more errors
            rows.append(found.attempt(partial(self._total_row, items), Row([])))
        found.check()
        return Table(
            widths=[c.do_rong or DEFAULT_WIDTHS.get(c.kieu, 2) for c in self.columns],
            rows=rows,
            caption=self.inlines(self.spec.tieu_de, self.path + ("tieu_de",)),
            unit=self.inlines(UNIT_LINE.format(unit=self.spec.don_vi_tinh), self.path + ("don_vi_tinh",))
            if self.spec.don_vi_tinh
            else [],
            notes=[self.inlines(note, self.path + ("ghi_chu", i)) for i, note in enumerate(self.spec.ghi_chu)],
        )

    def _where(self, path: tuple) -> Location:
        return self.places.where(path)

    def _fail(self, path: tuple, message: str, hint: str = "") -> BaocaoError:
        return BaocaoError(Problem(self._where(path), message, hint))

    # ---- columns and header ------------------------------------------------------------

    def _check_columns(self) -> None:
        if not self.columns:
            raise self._fail(self.path, msg.NO_COLUMNS, msg.NO_COLUMNS_HINT)
        seen: set[str] = set()
        for i, column in enumerate(self.columns):
            if column.khoa in RESERVED_KEYS:
                raise self._fail(
                    self.path + ("cot", i, "khoa"),
                    msg.reserved_column(column.khoa),
                    msg.RESERVED_COLUMN_HINT,
                )
            if column.khoa and column.khoa in seen:
                raise self._fail(
                    self.path + ("cot", i, "khoa"), msg.two_columns_named(column.khoa), msg.TWO_COLUMNS_HINT
                )
            seen.add(column.khoa)

    def _header_rows(self) -> list[Row]:
        """One header row, or two when columns are grouped under a common title (nhom)."""
        titles = [self.inlines(c.tieu_de, self.path + ("cot", i, "tieu_de")) for i, c in enumerate(self.columns)]
        if not any(c.nhom for c in self.columns):
            return [Row([Cell([t], "center") for t in titles], "header")]
        top: list[Cell] = []
        bottom: list[Cell] = []
        for name, members in groupby(range(len(self.columns)), key=lambda i: self.columns[i].nhom):
            run = list(members)
            if name:
                top.append(Cell([self.inlines(name, self.path + ("cot", run[0], "nhom"))], "center", span=len(run)))
                bottom.extend(Cell([titles[i]], "center") for i in run)
            else:
                top.extend(Cell([titles[i]], "center", merge="restart") for i in run)
                bottom.extend(Cell([[]], "center", merge="continue") for _ in run)
        return [Row(top, "header"), Row(bottom, "header")]

    def _group_row(self, group: Nhom, path: tuple, number: int) -> Row:
        """'I' under the number column and the bold title across the others (or 'I. title' across all)."""
        title = self.inlines(group.nhom, path + ("nhom",))
        width = len(self.columns)
        if self.columns[0].kieu == "stt" and width > 1:
            return Row([Cell([[Text(fmt.roman(number))]], "center"), Cell([title], span=width - 1)], "group")
        return Row([Cell([[Text(f"{fmt.roman(number)}. "), *title]], span=width)], "group")

    # ---- rows ------------------------------------------------------------------------

    def _items(self, raw: Any, path: tuple) -> list[_Item]:
        """A row, or one row per unit for '- chi_tiet: name' (the parts of a roll-up figure)."""
        if not isinstance(raw, dict) or BREAKDOWN_KEY not in raw:
            return [self._item(raw, path)]
        here = path + (BREAKDOWN_KEY,)
        if len(raw) > 1:
            raise self._fail(
                path,
                msg.breakdown_alone(BREAKDOWN_KEY),
                msg.breakdown_alone_hint(BREAKDOWN_KEY),
            )
        name = raw[BREAKDOWN_KEY]
        parts = breakdown_of(self.figures, name, self._where(here), msg.cite_figure_instead(FIGURE_KEY, name))
        items = [_Item(here) for _ in parts]
        for item, part in zip(items, parts, strict=True):
            self._fill_from_figure(item, part, here)
        return items

    def _item(self, raw: Any, path: tuple) -> _Item:
        item = self._listed(raw, path) if isinstance(raw, list) else self._keyed(raw, path)
        if item.figure is None:
            self._check_computable(path)
        elif not item.figure.ten and any(c.khoa == "ten" for c in self.inputs):
            raise self._fail(
                path + (FIGURE_KEY,),
                msg.figure_without_name(item.figure.name),
                msg.figure_without_name_hint(item.figure.name),
            )
        return item

    def _listed(self, raw: list, path: tuple) -> _Item:
        """A row written as a list: one cell per column that is not numbered or computed."""
        if len(raw) != len(self.inputs):
            names = ", ".join(c.tieu_de for c in self.inputs)
            raise self._fail(
                path,
                msg.cells_count(len(raw), len(self.inputs), names),
                msg.CELLS_COUNT_HINT,
            )
        item = _Item(path)
        for i, (column, value) in enumerate(zip(self.inputs, raw, strict=True)):
            self._put(item, column.khoa, value, path + (i,))
        return item

    def _keyed(self, raw: dict, path: tuple) -> _Item:
        """A row written as 'column: value' pairs, optionally filled from a figure (so_lieu: name)."""
        allowed = self._allowed
        for key in raw:
            if key not in allowed:
                raise self._fail(
                    path + (key,),
                    msg.no_such_column(key),
                    suggest(key, allowed, msg.columns_allowed(", ".join(allowed))),
                )
        item = _Item(path)
        if FIGURE_KEY in raw:
            self._fill_from_figure(item, self._figure(raw[FIGURE_KEY], path + (FIGURE_KEY,)), path + (FIGURE_KEY,))
        for key, value in raw.items():
            if item.figure is not None and (key in FIGURE_VALUES or key in self._plan_columns):
                raise self._fail(
                    path + (key,),
                    msg.cell_from_figure(key, item.figure.name),
                    msg.CELL_FROM_FIGURE_HINT,
                )
            if key != FIGURE_KEY:
                self._put(item, key, value, path + (key,))
        return item

    def _figure(self, name: Any, path: tuple) -> Figure:
        return find_figure(self.figures, name, self._where(path))

    def _fill_from_figure(self, item: _Item, figure: Figure, path: tuple) -> None:
        """The row's cells from a figure, in its display scale (so a '303,1 nghìn con' row reads 303,1)."""
        item.figure = figure
        for key in FIGURE_FIELDS:
            value = getattr(figure, key)
            item.values[key], item.paths[key] = figure.shown(value) if isinstance(value, Decimal) else value, path
        item.values["don_vi"] = figure.unit_shown
        for column in self.columns:
            if column.ke_hoach:
                where, about = self._where(path), msg.in_column(column.tieu_de)
                plan = plan_of(figure, column.ke_hoach, where, msg.DROP_ROW, about)
                item.values[plan_key(column.ke_hoach)] = None if plan is None else figure.shown(plan)
                if column.kieu == "so":
                    item.values[column.khoa], item.paths[column.khoa] = item.values[plan_key(column.ke_hoach)], path

    def _put(self, item: _Item, key: str, value: Any, path: tuple) -> None:
        column = self._input.get(key)
        if key == STATUS_KEY and value not in (None, ""):
            words = STATUSES[read_status(value, self._where(path))]
            value = words[0].upper() + words[1:]
        item.values[key], item.paths[key] = self._read(column, value, path) if column else value, path
        if column is not None and column.ke_hoach:
            item.values[plan_key(column.ke_hoach)] = item.values[key]

    def _read(self, column: Cot, value: Any, path: tuple) -> Any:
        """A written cell as the column wants it: text (or a list of paragraphs), or a number."""
        if value is None or value == "":
            return None
        if column.kieu == "van_ban":
            return self._text(column, value, path)
        if isinstance(value, (bool, dict, list)):
            raise self._fail(path, msg.cell_not_a_number(column.tieu_de), common.FIX_VALUE_HINT)
        return self._number(column, value, path)

    def _text(self, column: Cot, value: Any, path: tuple) -> str | list[str]:
        if isinstance(value, list) and all(isinstance(v, (str, int, Decimal)) for v in value):
            return [str(v) for v in value]
        if isinstance(value, (dict, list)):
            raise self._fail(
                path,
                msg.cell_not_text(column.tieu_de),
                common.FIX_VALUE_HINT,
            )
        return str(value)

    def _number(self, column: Cot, value: Any, path: tuple) -> Decimal | str:
        """A number written the Vietnamese way; words without digits ('Chưa triển khai') stay text."""
        text = str(value).strip()
        if column.kieu == "phan_tram":
            text = text.removesuffix("%").rstrip()
        try:
            return fmt.parse_vn_number(value if isinstance(value, (int, Decimal)) else text)
        except NumberError as exc:
            if _DIGIT.search(text):
                raise self._fail(path, msg.cell_number(column.tieu_de, str(exc)), msg.CELL_NUMBER_HINT) from None
            return text

    def _check_computable(self, path: tuple) -> None:
        """A row with no figure needs the cells its computed columns are computed from."""
        lacking = self._lacking
        if lacking:
            column, missing = lacking
            names = ", ".join(
                k if k in COLUMN_NAMES else f"kieu: so, ke_hoach: {k.removeprefix(PLAN_PREFIX)}" for k in missing
            )
            raise self._fail(
                path,
                msg.sources_missing(column.tieu_de, common.both(*COMPUTED[column.kieu]), ", ".join(missing)),
                msg.sources_missing_hint(names),
            )

    @cached_property
    def _lacking(self) -> tuple[Cot, list[str]] | None:
        """The first computed column whose sources no column holds, and those sources (the same for every row)."""
        keys = {c.khoa for c in self.inputs} | {plan_key(c.ke_hoach) for c in self.inputs if c.ke_hoach}
        for column in self.columns:
            missing = [k for k in column_sources(column) if k not in keys]
            if missing:
                return column, missing
        return None

    # ---- cells -----------------------------------------------------------------------

    def _cell(self, column: Cot, item: _Item, number: int) -> Cell:
        if column.kieu == "stt":
            return Cell([[Text(str(number))]], "center")
        if column.kieu == "van_ban":
            return Cell(self._paragraphs(item.values.get(column.khoa), item.paths.get(column.khoa, item.path)))
        return self._number_cell(
            column, column_value(column, item.values), item.figure.so_le if item.figure else self.decimals
        )

    def _paragraphs(self, value: Any, path: tuple) -> list[list[Inline]]:
        """A text cell: a list is one paragraph per item, a text splits at blank lines."""
        if value is None:
            return [[]]
        if isinstance(value, list):
            return [self.inlines(text, path + (i,)) for i, text in enumerate(value)] or [[]]
        return [self.inlines(part, path) for part in _PARAGRAPH_BREAK.split(value.strip())]

    def _number_cell(self, column: Cot, value: Any, decimals: int | None) -> Cell:
        if value is None:
            return Cell([[]], "right")
        if isinstance(value, str):
            return Cell([[Text(value)]], "center")
        return Cell([[Text(format_cell(column, value, decimals))]], "right")

    # ---- total -----------------------------------------------------------------------

    def _total_row(self, items: list[_Item]) -> Row:
        """'Tổng cộng' across the leading text columns, then the sums and what follows from them."""
        path = self.path + ("tong_cong",)
        lead = next((i for i, c in enumerate(self.columns) if c.kieu not in ("stt", "van_ban")), len(self.columns))
        if lead == 0:
            raise self._fail(path, msg.NO_LABEL_COLUMN, msg.NO_LABEL_COLUMN_HINT)
        self._check_units(items, path)
        keys = (
            {c.khoa for c in self.inputs if c.kieu == "so"}
            | set(FIGURE_VALUES)
            | {plan_key(c.ke_hoach) for c in self.columns if c.ke_hoach}
        )
        totals = {key: sum_values(item.values.get(key) for item in items) for key in keys}
        if isinstance(self.spec.tong_cong, dict):
            self._check_stated(self._keyed(self.spec.tong_cong, path), totals)
        cells = [Cell([[Text(TOTAL_ROW)]], "center", span=lead)]
        for column in self.columns[lead:]:
            cells.append(
                self._number_cell(column, column_value(column, totals), self.decimals)
                if column.kieu in ("so", *COMPUTED)
                else Cell([[]])
            )
        return Row(cells, "total")

    def _check_units(self, items: list[_Item], path: tuple) -> None:
        units = {
            item.values["don_vi"]
            for item in items
            if isinstance(item.values.get("don_vi"), str) and item.values["don_vi"]
        }
        if len(units) > 1:
            raise self._fail(
                path,
                msg.units_differ(", ".join(sorted(units))),
                msg.UNITS_DIFFER_HINT,
            )

    def _check_stated(self, stated: _Item, totals: dict[str, Decimal | None]) -> None:
        """A total written in the YAML (or cited from a figure) must equal the sum of the rows; a figure that
        keeps a stated value (giu_nguyen) is printed as stated."""
        for column in self.inputs:
            given, computed = stated.values.get(column.khoa), totals.get(column.khoa)
            kept = stated.figure is not None and stated.figure.kept  # warned where the figure is declared
            if isinstance(given, Decimal) and (computed is None or kept) and column.kieu == "so":
                totals[column.khoa] = given
            elif (
                isinstance(given, Decimal)
                and computed is not None
                and differs(given, computed, column_decimals(column, self.decimals))
            ):
                source = msg.of_figure(stated.figure.name) if stated.figure else ""
                raise self._fail(
                    stated.paths[column.khoa],
                    msg.total_differs(column.tieu_de, fmt.format_number(given), source, fmt.format_number(computed)),
                    msg.TOTAL_DIFFERS_HINT,
                )
