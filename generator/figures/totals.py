"""Figures: totals, ratios and differences that must never be typed by hand (the compute stage)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from baocao.errors import BaocaoError, Problem
from baocao.conventions.formatting import format_number, percent_of, round_half_up
from baocao.input.load import SourceMap
from baocao.input.model import FIGURE_VALUES, SoLieu


@dataclass(frozen=True)
class Figure:
    """A figure as the narrative sees it: value, unit, plan, same period, and what follows from them."""

    name: str
    gia_tri: Decimal | None
    don_vi: str = ""
    ke_hoach: Decimal | None = None
    cung_ky: Decimal | None = None
    so_le: int | None = None
    ten: str = ""
    chi_tiet: tuple[Figure, ...] = ()  # a roll-up's parts, one per unit (their `ten` is the unit's name)

    @property
    def ty_le_ke_hoach(self) -> Decimal | None:
        """Value as a percentage of the plan (rounded half up, one decimal)."""
        return percent_of(self.gia_tri, self.ke_hoach)

    @property
    def ty_le_cung_ky(self) -> Decimal | None:
        """Value as a percentage of the same period last year."""
        return percent_of(self.gia_tri, self.cung_ky)

    @property
    def chenh_lech(self) -> Decimal | None:
        """Value minus the same period last year."""
        if self.gia_tri is None or self.cung_ky is None:
            return None
        return self.gia_tri - self.cung_ky

    def __str__(self) -> str:
        text = format_number(self.gia_tri, self.so_le) if self.gia_tri is not None else ""
        return f"{text} {self.don_vi}".strip()


def compute_figures(declared: dict[str, SoLieu], places: SourceMap, given: dict[str, Figure] | None = None) -> dict[str, Figure]:
    """Resolve every figure, computing totals (or checking stated ones) in dependency order.

    `given` holds figures already computed elsewhere (roll-up totals); the others may sum them.
    """
    figures: dict[str, Figure] = dict(given or {})
    for name in declared:
        _resolve(name, declared, places, figures, ())
    return figures


def _resolve(name: str, declared: dict[str, SoLieu], places: SourceMap, done: dict[str, Figure], chain: tuple[str, ...]) -> Figure:
    if name in done:
        return done[name]
    spec = declared[name]
    where = places.where(("so_lieu", name))
    if name in chain:
        raise BaocaoError(Problem(where, f"Số liệu '{name}' là tổng của chính nó (vòng lặp: {' → '.join(chain + (name,))}).", "Sửa danh sách tong_cua."))
    parts = []
    for i, part in enumerate(spec.tong_cua):
        if part not in declared:
            raise BaocaoError(Problem(places.where(("so_lieu", name, "tong_cua", i)), f"Số liệu '{part}' trong tong_cua chưa được khai báo.", "Khai báo số liệu này trong so_lieu hoặc sửa tên."))
        parts.append(_resolve(part, declared, places, done, chain + (name,)))
    figure = _total(name, spec, parts, places) if parts else _plain(name, spec)
    if figure.gia_tri is None:
        raise BaocaoError(Problem(where, f"Số liệu '{name}' chưa có giá trị.", "Ghi gia_tri, hoặc tong_cua để tự tính tổng."))
    done[name] = figure
    return figure


def _plain(name: str, spec: SoLieu) -> Figure:
    return Figure(name, spec.gia_tri, spec.don_vi, spec.ke_hoach, spec.cung_ky, spec.so_le, spec.ten)


def _total(name: str, spec: SoLieu, parts: list[Figure], places: SourceMap) -> Figure:
    """Sum the parts; a stated value, plan or same period must agree with the sum."""
    where = places.where(("so_lieu", name, "tong_cua"))
    units = {p.don_vi for p in parts} | ({spec.don_vi} if spec.don_vi else set())
    if len(units) > 1:
        raise BaocaoError(Problem(where, f"Không cộng được các số liệu khác đơn vị tính: {', '.join(sorted(units))}.", "Các thành phần của tổng phải cùng đơn vị tính."))
    sources = [Problem(where, f"Các thành phần: {', '.join(p.name for p in parts)}.")]
    return sum_figure(name, spec, parts, places, "tổng các thành phần", sources)


def sum_figure(name: str, spec: SoLieu, parts: list[Figure], places: SourceMap, what: str, sources: list[Problem]) -> Figure:
    """Figure `name` as the sum of `parts` (`what` they are, `sources` where they are shown).

    A stated value, plan or same period must agree with the sum (else an error naming both places).
    """
    sums = {field: sum_values(getattr(p, field) for p in parts) for field in FIGURE_VALUES}
    for field, computed in sums.items():
        stated = getattr(spec, field)
        if stated is not None and computed is not None and differs(stated, computed, spec.so_le):
            raise BaocaoError([
                Problem(places.where(("so_lieu", name, field)), f"'{name}.{field}' ghi {format_number(stated)} nhưng {what} là {format_number(computed)}.",
                        "Sửa số ghi ở đây hoặc các số liệu thành phần; có thể bỏ dòng này để tự tính."),
                *sources,
            ])
        sums[field] = stated if stated is not None else computed
    so_le = spec.so_le if spec.so_le is not None else max((p.so_le or 0 for p in parts), default=None) or None
    return Figure(name, sums["gia_tri"], spec.don_vi or parts[0].don_vi, sums["ke_hoach"], sums["cung_ky"], so_le, spec.ten)


def sum_values(values: Iterable[Any]) -> Decimal | None:
    """The sum of numbers; None when there are none, or when one is missing or not a number."""
    values = list(values)
    return sum(values, Decimal(0)) if values and all(isinstance(v, Decimal) for v in values) else None


def differs(stated: Decimal, computed: Decimal, decimals: int | None) -> bool:
    """Stated totals are compared at the precision they are shown with."""
    if decimals is None:
        return stated != computed
    return round_half_up(stated, decimals) != round_half_up(computed, decimals)
