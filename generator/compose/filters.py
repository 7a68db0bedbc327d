"""The filters a clerk's sentence may use (Vietnamese ASCII names; listed with examples in the README).

Each takes a figure (so_lieu.ten) or a plain value and returns text written the Vietnamese way;
what it cannot format raises FilterError with a message for the clerk.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from baocao.conventions import formatting as fmt
from baocao.figures.totals import Figure
from baocao.input.period import parse_issue_date


class FilterError(ValueError):
    """A filter was given something it cannot format (message in Vietnamese)."""


def _value(x: Any) -> Any:
    return x.gia_tri if isinstance(x, Figure) else x


def _need(figure: Any, field: str) -> Figure:
    if not isinstance(figure, Figure):
        raise FilterError(f"Bộ lọc này cần một số liệu (so_lieu.ten), không phải '{figure}'.")
    if getattr(figure, field) is None:
        raise FilterError(f"Số liệu '{figure.name}' chưa có {field}.")
    return figure


def to_number(x: Any) -> Decimal:
    """A figure's value or a plain value as a number; FilterError if there is none."""
    if _value(x) is None:
        raise FilterError("Chưa có số để tính (giá trị trống).")
    try:
        return fmt.parse_vn_number(_value(x))
    except (ValueError, TypeError):
        raise FilterError(f"'{x}' không phải là một số.") from None


def _whole(x: Any) -> int:
    number = to_number(x)
    if number != number.to_integral_value():
        raise FilterError(f"'{x}' không phải là số nguyên.")
    return int(number)


def _decimals(so_le: Any) -> int | None:
    """A number of decimals a clerk asked for: none, or a whole number from 0 to 6."""
    if so_le is not None and (isinstance(so_le, bool) or not isinstance(so_le, int) or not 0 <= so_le <= 6):
        raise FilterError(f"Số chữ số thập phân '{so_le}' không hợp lệ; ghi một số nguyên từ 0 đến 6.")
    return so_le


def so(x: Any, so_le: int | None = None) -> str:
    """1539.72 → '1.539,72'; a figure uses its own so_le unless one is given."""
    if so_le is None and isinstance(x, Figure):
        so_le = x.so_le
    return fmt.format_number(to_number(x), _decimals(so_le))


def so_dv(figure: Any, so_le: int | None = None) -> str:
    """Number with its unit: '1.539,72 ha'."""
    unit = figure.don_vi if isinstance(figure, Figure) else ""
    return f"{so(figure, so_le)} {unit}".strip()


def phan_tram(x: Any, so_le: int = fmt.DEFAULT_PERCENT_DECIMALS) -> str:
    """A percentage number: 43.4 → '43,4%'."""
    return fmt.format_percent(to_number(x), _decimals(so_le))


def ty_le(x: Any, tong: Any, so_le: int = fmt.DEFAULT_PERCENT_DECIMALS) -> str:
    """x as a percentage of tong: '43,4%'."""
    value = fmt.percent_of(to_number(x), to_number(tong), _decimals(so_le))
    if value is None:
        raise FilterError("Không tính được tỷ lệ khi mẫu số bằng 0.")
    return fmt.format_percent(value, so_le)


def so_ke_hoach(figure: Any, viet_tat: bool = False, so_le: int = fmt.DEFAULT_PERCENT_DECIMALS) -> str:
    """'đạt 48,2% kế hoạch' (viet_tat=true: 'đạt 48,2% KH')."""
    f = _need(figure, "ke_hoach")
    return fmt.format_ratio_to_plan(f.gia_tri, f.ke_hoach, short=viet_tat, decimals=_decimals(so_le))


def so_cung_ky(figure: Any, viet_tat: bool = False, so_le: int = fmt.DEFAULT_PERCENT_DECIMALS) -> str:
    """'bằng 101,3% so với cùng kỳ' (viet_tat=true: 'bằng 101,3% CK')."""
    f = _need(figure, "cung_ky")
    return fmt.format_ratio_to_same_period(f.gia_tri, f.cung_ky, short=viet_tat, decimals=_decimals(so_le))


def tang_giam(figure: Any, so_le: int = fmt.DEFAULT_PERCENT_DECIMALS) -> str:
    """'tăng 5,1% so với cùng kỳ' / 'giảm 3,0% so với cùng kỳ' / 'bằng cùng kỳ'."""
    f = _need(figure, "cung_ky")
    return fmt.format_change(f.gia_tri, f.cung_ky, decimals=_decimals(so_le))


def chenh_lech(figure: Any, so_le: int | None = None) -> str:
    """'tăng 12 ha so với cùng kỳ' (absolute difference)."""
    f = _need(figure, "cung_ky")
    return fmt.format_difference(f.gia_tri, f.cung_ky, decimals=_decimals(so_le) if so_le is not None else f.so_le, unit=f.don_vi)


def hai_chu_so(x: Any) -> str:
    """Counts below 10 with a leading zero: 5 → '05'."""
    return fmt.pad2(_whole(x))


def _date(x: Any) -> date:
    try:
        day = parse_issue_date(x).as_date()
    except ValueError as exc:
        raise FilterError(str(exc)) from None
    if day is None:
        raise FilterError(f"'{x}' thiếu ngày.")
    return day


def ngay(x: Any) -> str:
    """'4/6/2020' → 'ngày 04 tháng 6 năm 2020'."""
    return fmt.format_date_long(_date(x))


def ngay_ngan(x: Any) -> str:
    """'4/6/2020' → '04/6/2020'."""
    return fmt.format_date_short(_date(x))


def la_ma(x: Any) -> str:
    """4 → 'IV'."""
    number = _whole(x)
    if not 1 <= number <= 3999:
        raise FilterError(f"Không viết được {number} bằng số La Mã (chỉ từ 1 đến 3999).")
    return fmt.roman(number)


def dong(x: Any) -> str:
    """1306903000 → '1.306.903.000 đồng'."""
    return fmt.format_dong(to_number(x))


def trieu_dong(x: Any, so_le: int | None = None) -> str:
    """An amount in đồng shown in triệu đồng: 1306903000 → '1.306,903 triệu đồng'."""
    return fmt.format_million_dong(to_number(x), _decimals(so_le))


FILTERS: dict[str, Callable[..., str]] = {
    f.__name__: f
    for f in (so, so_dv, phan_tram, ty_le, so_ke_hoach, so_cung_ky, tang_giam, chenh_lech, hai_chu_so, ngay, ngay_ngan, la_ma, dong, trieu_dong)
}

