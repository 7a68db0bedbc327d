"""The filters a clerk's sentence may use (Vietnamese ASCII names; listed with examples in the README).

Each takes a figure (so_lieu.ten) or a plain value and returns text written the Vietnamese way;
what it cannot format raises FilterError with a message for the clerk.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any, overload

from baocao.conventions import formatting as fmt
from baocao.figures.figure import Figure, NoSuchPlan, percent
from baocao.input.period import parse_issue_date
from baocao.messages import compose as msg


class FilterError(ValueError):
    """A filter was given something it cannot format (message in Vietnamese)."""


def _value(x: Any) -> Any:
    return x.gia_tri if isinstance(x, Figure) else x


def _need(figure: Any, field: str) -> Figure:
    if not isinstance(figure, Figure):
        raise FilterError(msg.needs_a_figure(str(figure)))
    if getattr(figure, field) is None:
        raise FilterError(msg.figure_lacks(figure.name, field))
    return figure


def to_number(x: Any) -> Decimal:
    """A figure's value or a plain value as a number; FilterError if there is none."""
    if type(x) is Figure and type(x.gia_tri) is Decimal and x.gia_tri.is_finite():  # the common case
        return x.gia_tri
    if _value(x) is None:
        raise FilterError(msg.NO_NUMBER)
    try:
        return fmt.parse_vn_number(_value(x))
    except (ValueError, TypeError):
        raise FilterError(msg.not_a_number(str(x))) from None


def _whole(x: Any) -> int:
    number = to_number(x)
    if number != number.to_integral_value():
        raise FilterError(msg.not_whole(str(x)))
    return int(number)


@overload
def _decimals(so_le: int) -> int: ...
@overload
def _decimals(so_le: Any) -> int | None: ...
def _decimals(so_le: Any) -> int | None:
    """A number of decimals a clerk asked for: none, or a whole number from 0 to 6."""
    if so_le is not None and (isinstance(so_le, bool) or not isinstance(so_le, int) or not 0 <= so_le <= 6):
        raise FilterError(msg.bad_decimals(str(so_le)))
    return so_le


def so(x: Any, so_le: int | None = None) -> str:
    """1539.72 → '1.539,72'; a figure uses its own so_le unless one is given, and its display scale."""
    if isinstance(x, Figure):
        return fmt.format_number(x.shown(to_number(x)), _decimals(x.so_le if so_le is None else so_le))
    return fmt.format_number(to_number(x), _decimals(so_le))


def so_dv(figure: Any, so_le: int | None = None) -> str:
    """Number with its unit: '1.539,72 ha', '303,1 nghìn con', '2,5%'."""
    return fmt.with_unit(so(figure, so_le), figure.unit_shown if isinstance(figure, Figure) else "")


def ke_hoach(figure: Any, *options: Any, **named: Any) -> str:
    """A plan with its unit: '620 ha'; ke_hoach('nghi_quyet') for a named plan."""
    f = _need(figure, "ke_hoach")
    plan, _, so_le = _options(options, named)
    value = _plan(f, plan)
    number = fmt.format_number(f.shown(value), _decimals(f.so_le if so_le is None else so_le))
    return fmt.with_unit(number, f.unit_shown)


def phan_tram(x: Any, so_le: int = fmt.DEFAULT_PERCENT_DECIMALS) -> str:
    """A percentage number: 43.4 → '43,4%'."""
    return fmt.format_percent(to_number(x), _decimals(so_le))


def ty_le(x: Any, tong: Any, so_le: int = fmt.DEFAULT_PERCENT_DECIMALS) -> str:
    """x as a percentage of tong: '43,4%'."""
    value = fmt.percent_of(to_number(x), to_number(tong), _decimals(so_le))
    if value is None:
        raise FilterError(msg.ZERO_BASE)
    return fmt.format_percent(value, so_le)


def _options(options: tuple, named: dict[str, Any]) -> tuple[str | None, bool, int | None]:
    """A ratio filter's arguments, in any order: a text names the plan, true/false is viet_tat, a whole number so_le."""
    plan, short, so_le = named.pop("ke_hoach", None), named.pop("viet_tat", False), named.pop("so_le", None)
    if named:
        raise FilterError(msg.unknown_option(next(iter(named))))
    for option in options:
        if isinstance(option, bool):
            short = option
        elif isinstance(option, int):
            so_le = option
        elif isinstance(option, str):
            plan = option
        else:
            raise FilterError(msg.bad_option(str(option)))
    return plan, bool(short), so_le


def _plan(figure: Figure, name: str | None) -> Decimal:
    try:
        value = figure.plan(name)
    except NoSuchPlan as exc:
        raise FilterError(str(exc)) from None
    if value is None:
        raise FilterError(msg.no_plan(figure.name))
    return value


def _percent(figure: Figure, base: Decimal, base_name: str, decimals: int) -> Decimal:
    """The figure's value as a percentage of `base`, refused when it means nothing (base ≤ 0, negative value)."""
    value = to_number(figure)
    ratio = percent(value, base, decimals)
    if ratio is None:
        raise FilterError(
            msg.meaningless_percent(figure.name, base_name, fmt.format_number(value), fmt.format_number(base))
        )
    return ratio


def _percent_decimals(so_le: int | None) -> int:
    """Decimals of a percentage: the ones asked for, else one."""
    decimals = _decimals(so_le)
    return fmt.DEFAULT_PERCENT_DECIMALS if decimals is None else decimals


def so_ke_hoach(figure: Any, *options: Any, **named: Any) -> str:
    """'đạt 48,2% kế hoạch' in the house wording; options: plan name, viet_tat (true: 'đạt 48,2% KH'), so_le."""
    f = _need(figure, "ke_hoach")
    plan, short, so_le = _options(options, named)
    decimals = _percent_decimals(so_le)
    ratio = _percent(f, _plan(f, plan), msg.PLAN_BASE, decimals)
    return fmt.ratio_words(f.wording.dat_ke_hoach, ratio, f.plan_label(plan, short), decimals)


def so_cung_ky(figure: Any, *options: Any, **named: Any) -> str:
    """'bằng 101,3% so với cùng kỳ' in the house wording (viet_tat=true: 'bằng 101,3% CK')."""
    f = _need(figure, "cung_ky")
    _, short, so_le = _options(options, named)
    decimals = _percent_decimals(so_le)
    ratio = _percent(f, f.cung_ky, msg.SAME_PERIOD_BASE, decimals)  # type: ignore[arg-type]
    words = f.wording.cung_ky_tat if short else f.wording.cung_ky
    return fmt.ratio_words(f.wording.bang_cung_ky, ratio, words, decimals)


def tang_giam(figure: Any, so_le: int = fmt.DEFAULT_PERCENT_DECIMALS) -> str:
    """'tăng 5,1% so với cùng kỳ' / 'giảm 3,0% so với cùng kỳ' / 'bằng cùng kỳ' (house wording)."""
    f = _need(figure, "cung_ky")
    decimals = _percent_decimals(so_le)
    ratio = _percent(f, f.cung_ky, msg.SAME_PERIOD_BASE, decimals)  # type: ignore[arg-type]
    return fmt.change_words(ratio, decimals, words=f.wording.cung_ky)


def chenh_lech(figure: Any, so_le: int | None = None) -> str:
    """'tăng 12 ha so với cùng kỳ' (absolute difference, in the figure's display scale)."""
    f = _need(figure, "cung_ky")
    decimals = _decimals(so_le) if so_le is not None else f.so_le
    return fmt.format_difference(
        f.shown(to_number(f)),
        f.shown(f.cung_ky),  # type: ignore[arg-type]
        decimals=decimals,
        unit=f.unit_shown,
        words=f.wording.cung_ky,
    )


def hai_chu_so(x: Any) -> str:
    """Counts below 10 with a leading zero: 5 → '05'."""
    return fmt.pad2(_whole(x))


def _date(x: Any) -> date:
    try:
        day = parse_issue_date(x).as_date()
    except ValueError as exc:
        raise FilterError(str(exc)) from None
    if day is None:
        raise FilterError(msg.no_day(str(x)))
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
    if not 1 <= number <= fmt.MAX_ROMAN:
        raise FilterError(msg.not_roman(number, fmt.MAX_ROMAN))
    return fmt.roman(number)


def dong(x: Any) -> str:
    """1306903000 → '1.306.903.000 đồng'."""
    return fmt.format_dong(to_number(x))


def trieu_dong(x: Any, so_le: int | None = None) -> str:
    """An amount in đồng shown in triệu đồng: 1306903000 → '1.306,903 triệu đồng'."""
    return fmt.format_million_dong(to_number(x), _decimals(so_le))


FILTERS: dict[str, Callable[..., str]] = {
    f.__name__: f
    for f in (
        so,
        so_dv,
        ke_hoach,
        phan_tram,
        ty_le,
        so_ke_hoach,
        so_cung_ky,
        tang_giam,
        chenh_lech,
        hai_chu_so,
        ngay,
        ngay_ngan,
        la_ma,
        dong,
        trieu_dong,
    )
}
