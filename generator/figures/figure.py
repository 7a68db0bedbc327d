"""A figure as the narrative and the tables see it: value, unit, plans, same period, and what follows from them.

The value object of the compute stage (totals.py resolves the declared figures into Figures; combine.py checks
a computed figure against the values a clerk wrote on it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from baocao.conventions.formatting import DEFAULT_PERCENT_DECIMALS, format_number, round_half_up, with_unit
from baocao.input.figure_keys import PLAN_PREFIX
from baocao.input.figure_model import SCALES, CachViet
from baocao.input.model import BaoCao, DonVi
from baocao.messages import figures as msg

PLAN = "ke_hoach"
SLOT_WORDS = msg.SLOT_WORDS


class NoSuchPlan(ValueError):
    """A figure asked for a plan it does not have (the message names the plans it has)."""


@dataclass(frozen=True)
class FigureStyle:
    """How a report words its figures: the house wording of ratios and the full names of named plans."""

    wording: CachViet = field(default_factory=lambda: CachViet.model_validate({}))
    plan_names: Mapping[str, str] = field(default_factory=dict)


def figure_style(unit: DonVi, report: BaoCao) -> FigureStyle:
    """The profile's wording and plan names, with the report's own keys taking their place."""
    wording = unit.cach_viet or CachViet.model_validate({})
    if report.cach_viet is not None:
        wording = wording.model_copy(
            update={key: getattr(report.cach_viet, key) for key in report.cach_viet.model_fields_set}
        )
    return FigureStyle(wording, {**unit.ten_ke_hoach, **report.ten_ke_hoach})


def percent(
    part: Decimal | None, base: Decimal | None, decimals: int | None = DEFAULT_PERCENT_DECIMALS
) -> Decimal | None:
    """part / base × 100 (rounded half up, unless decimals is None); None when a side is missing,
    the base is not above 0 or the part is negative (no 'giảm 300%' from a negative same period)."""
    if part is None or base is None or base <= 0 or part < 0:
        return None
    exact = part * 100 / base
    return exact if decimals is None else round_half_up(exact, decimals)


@dataclass(frozen=True)
class Figure:
    """A figure as the narrative sees it: value, unit, plans, same period, and what follows from them."""

    name: str
    gia_tri: Decimal | None
    don_vi: str = ""
    ke_hoach: Decimal | None = None  # the default plan: the only one, or the first named one
    cung_ky: Decimal | None = None
    so_le: int | None = None
    ten: str = ""
    chi_tiet: tuple[Figure, ...] = ()  # a roll-up's parts, one per unit (their `ten` is the unit's name)
    plans: Mapping[str, Decimal | None] = field(default_factory=dict, hash=False)  # named plans, in order
    style: FigureStyle = field(default_factory=FigureStyle, hash=False, compare=False)
    hien_thi: str | None = None  # display scaling: nghin, trieu, ty
    don_vi_hien_thi: str = ""
    cho_phep_am: bool = False
    kind: str = ""  # how it was computed: '', tong_cua, tong_tu, trung_binh_cua, ty_le_cua
    kept: str = ""  # the reason a stated value that disagrees was kept (giu_nguyen)

    @property
    def wording(self) -> CachViet:
        return self.style.wording

    def plan(self, name: str | None = None) -> Decimal | None:
        """The plan called `name` (the default plan when None); ValueError if the figure has no such plan."""
        if name is None:
            return self.ke_hoach
        if name not in self.plans:
            raise NoSuchPlan(msg.no_such_plan(self.name, name, ", ".join(self.plans) or msg.ONE_UNNAMED_PLAN))
        return self.plans[name]

    def plan_label(self, name: str | None = None, short: bool = False) -> str:
        """What follows the percentage: the named plan's full name, or the house word ('kế hoạch', 'KH')."""
        name = name or next(iter(self.plans), None)
        if name is not None:
            return self.style.plan_names.get(name, name)
        return self.wording.ke_hoach_tat if short else self.wording.ke_hoach

    def ratio_to_plan(self, name: str | None = None) -> Decimal | None:
        """Value as a percentage of the plan `name` (rounded half up, one decimal)."""
        return percent(self.gia_tri, self.plan(name))

    @property
    def ty_le_ke_hoach(self) -> Decimal | None:
        """Value as a percentage of the default plan (rounded half up, one decimal)."""
        return percent(self.gia_tri, self.ke_hoach)

    @property
    def ty_le_cung_ky(self) -> Decimal | None:
        """Value as a percentage of the same period last year."""
        return percent(self.gia_tri, self.cung_ky)

    @property
    def chenh_lech(self) -> Decimal | None:
        """Value minus the same period last year."""
        if self.gia_tri is None or self.cung_ky is None:
            return None
        return self.gia_tri - self.cung_ky

    def shown(self, value: Decimal) -> Decimal:
        """A value of this figure as printed: divided by its display scale (hien_thi)."""
        return value / SCALES[self.hien_thi][0] if self.hien_thi else value

    @property
    def unit_shown(self) -> str:
        """The unit printed after a value: 'nghìn con' for a count shown in thousands."""
        if not self.hien_thi:
            return self.don_vi
        return self.don_vi_hien_thi or f"{SCALES[self.hien_thi][1]} {self.don_vi}".strip()

    def slots(self) -> dict[str, Decimal | None]:
        """The values a computation combines: gia_tri, default plan, same period, each named plan."""
        return {
            "gia_tri": self.gia_tri,
            PLAN: self.ke_hoach,
            "cung_ky": self.cung_ky,
            **{PLAN_PREFIX + name: plan for name, plan in self.plans.items()},
        }

    def __str__(self) -> str:
        if self.gia_tri is None:
            return ""
        return with_unit(format_number(self.shown(self.gia_tri), self.so_le), self.unit_shown)


def sum_values(values: Iterable[Any]) -> Decimal | None:
    """The sum of numbers; None when there are none, or when one is missing or not a number."""
    values = list(values)
    return sum(values, Decimal(0)) if values and all(isinstance(v, Decimal) for v in values) else None


def differs(stated: Decimal, computed: Decimal, decimals: int | None) -> bool:
    """Stated totals are compared at the precision they are shown with."""
    if decimals is None:
        return stated != computed
    return round_half_up(stated, decimals) != round_half_up(computed, decimals)
