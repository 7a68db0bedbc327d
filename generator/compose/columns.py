"""Compose, a table's columns: which cells a computed column is computed from, its value, its decimals and
how its numbers are printed."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, overload

from baocao.conventions import formatting as fmt
from baocao.figures.figure import percent
from baocao.input.figure_keys import PLAN_PREFIX
from baocao.input.table_model import Cot

#: Computed column kinds → the two cells they are computed from.
COMPUTED = {
    "ty_le_ke_hoach": ("gia_tri", "ke_hoach"),
    "ty_le_cung_ky": ("gia_tri", "cung_ky"),
    "chenh_lech": ("gia_tri", "cung_ky"),
}
PERCENT_KINDS = ("phan_tram", "ty_le_ke_hoach", "ty_le_cung_ky")
COLUMN_NAMES = {key for keys in COMPUTED.values() for key in keys}
DEFAULT_WIDTHS = {"stt": 1, "van_ban": 4}  # other (number) columns: 2


def column_value(column: Cot, values: dict[str, Any]) -> Any:
    """A cell's value: as written, or computed from the row's other cells."""
    if column.kieu not in COMPUTED:
        return values.get(column.khoa)
    part, base = (values.get(k) for k in column_sources(column))
    if not isinstance(part, Decimal) or not isinstance(base, Decimal):
        return None
    if column.kieu == "chenh_lech":
        return part - base
    return percent(part, base, column_decimals(column, fmt.DEFAULT_PERCENT_DECIMALS))


def plan_key(plan: str) -> str:
    """Where a row keeps the value of a named plan (a dot: never a column's key)."""
    return PLAN_PREFIX + plan


def column_sources(column: Cot) -> tuple[str, ...]:
    """The keys a computed column is computed from (a named plan's for ty_le_ke_hoach with ke_hoach)."""
    keys = COMPUTED.get(column.kieu, ())
    return (keys[0], plan_key(column.ke_hoach)) if keys and column.ke_hoach else keys


@overload
def column_decimals(column: Cot, default: int) -> int: ...
@overload
def column_decimals(column: Cot, default: int | None) -> int | None: ...
def column_decimals(column: Cot, default: int | None) -> int | None:
    """Decimals shown in a column: its own so_le, else `default` (the figure's, or 1 for a rate)."""
    return column.so_le if column.so_le is not None else default


def format_cell(column: Cot, value: Decimal, decimals: int | None) -> str:
    """'1.539,7', '98,8%', '+6,6' (a difference always shows its sign); a rate under a header that carries
    the unit ('Tỷ lệ (%)', as the column's title or its group's) is a bare '98,8'."""
    if column.kieu in PERCENT_KINDS:
        text = fmt.format_percent(value, column_decimals(column, fmt.DEFAULT_PERCENT_DECIMALS))
        return text.removesuffix(fmt.PERCENT) if fmt.PERCENT in column.tieu_de + column.nhom else text
    decimals = column_decimals(column, decimals)
    if decimals is not None:
        value = fmt.round_half_up(value, decimals)
    text = fmt.format_number(value, decimals)
    return f"+{text}" if column.kieu == "chenh_lech" and value > 0 else text
