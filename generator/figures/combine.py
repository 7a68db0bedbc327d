"""A figure computed from others (a total, an average, a ratio), checked against the values written on it.

A value stated on a computed figure is compared slot by slot (gia_tri, cung_ky, the default plan and each named
plan) at the precision it is shown with; one that disagrees is an error, or with `giu_nguyen: reason` a note
(the stated value is then kept).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from baocao.conventions.formatting import DEFAULT_PERCENT_DECIMALS, format_number, round_half_up
from baocao.errors import BaocaoError, Location, Problem
from baocao.figures.figure import PLAN, Figure, FigureStyle, differs, sum_values
from baocao.input.figure_keys import PLAN_PREFIX
from baocao.input.figure_model import SoLieu
from baocao.input.load import SourceMap
from baocao.messages import figures as msg

Combine = Callable[[str], "Decimal | None"]


class Combiner:
    """Makes Figures of one report's declared figures (`places` locates them; notes gather in `warnings`)."""

    def __init__(self, places: SourceMap, style: FigureStyle):
        self.places, self.style = places, style
        self.warnings: list[Problem] = []

    def where(self, *path: Any) -> Location:
        return self.places.where(("so_lieu", *path))

    def _figure(
        self,
        name: str,
        spec: SoLieu,
        value: Decimal | None,
        plan: Decimal | None,
        previous: Decimal | None,
        plans: Mapping[str, Decimal | None],
        so_le: int | None,
        unit: str,
        kind: str = "",
    ) -> Figure:
        return Figure(
            name,
            value,
            unit,
            plan,
            previous,
            so_le,
            spec.ten,
            plans=dict(plans),
            style=self.style,
            hien_thi=spec.hien_thi,
            don_vi_hien_thi=spec.don_vi_hien_thi,
            cho_phep_am=spec.cho_phep_am,
            kind=kind,
            kept=spec.giu_nguyen,
        )

    def combine(
        self,
        name: str,
        spec: SoLieu,
        parts: list[Figure],
        value_of: Combine,
        what: str,
        sources: list[Problem],
        kind: str,
        decimals: int | None = None,
    ) -> Figure:
        """Figure `name` from `parts`: each slot computed by `value_of`, a stated one checked against it.

        `decimals`: an average's or a ratio's precision (its stated values compare at the digits written).
        """
        slots = list(dict.fromkeys(slot for p in parts for slot in p.slots()))
        exact = {slot: value_of(slot) for slot in slots}
        stated = _stated_slots(spec)
        differences = []
        for slot, given in stated.items():
            computed = exact.get(slot)
            if given is None or computed is None:
                continue
            digits = spec.so_le if decimals is None else _written_digits(spec, given)
            if differs(given, computed, digits):
                differences.append((slot, given, computed if digits is None else round_half_up(computed, digits)))
        self._settle(name, spec, differences, what, sources)
        if decimals is not None:  # an average or a ratio: as many decimals as it is shown with
            decimals = (
                _written_digits(spec, spec.gia_tri) if spec.so_le is None and spec.gia_tri is not None else decimals
            )
            exact = {slot: None if v is None else round_half_up(v, decimals) for slot, v in exact.items()}
        values = {**exact, **{slot: v for slot, v in stated.items() if v is not None}}
        plans = spec.plans or {
            slot.removeprefix(PLAN_PREFIX): v
            for slot, v in values.items()
            if slot.startswith(PLAN_PREFIX) and v is not None
        }
        if spec.ke_hoach is not None and not isinstance(spec.ke_hoach, dict):
            plans = {}
        plan = next(iter(plans.values())) if plans else values.get(PLAN)
        so_le = (
            spec.so_le
            if spec.so_le is not None
            else decimals
            if decimals is not None
            else max((p.so_le or 0 for p in parts), default=None) or None
        )
        unit = spec.don_vi or parts[0].don_vi
        return self._figure(name, spec, values.get("gia_tri"), plan, values.get("cung_ky"), plans, so_le, unit, kind)

    def _settle(
        self,
        name: str,
        spec: SoLieu,
        differences: list[tuple[str, Decimal, Decimal]],
        what: str,
        sources: list[Problem],
    ) -> None:
        """Stated values that disagree: an error, or with giu_nguyen a note naming both places (the clerk's
        choice, told in the build's summary, not a warning)."""
        if spec.giu_nguyen and not differences:
            self.warnings.append(
                Problem(
                    self.where(name, "giu_nguyen"),
                    msg.kept_but_agrees(name, what),
                    msg.DROP_KEEP_HINT,
                )
            )
        for slot, stated, computed in differences:
            place, label = self.where(name, *slot.split(".")), f"'{name}.{slot}'"
            if spec.giu_nguyen:
                self.warnings.append(
                    Problem(
                        place,
                        msg.kept_difference(
                            label,
                            format_number(stated),
                            what,
                            str(sources[0].location),
                            format_number(computed),
                            spec.giu_nguyen,
                        ),
                        msg.KEPT_HINT,
                        note=True,
                    )
                )
                continue
            raise BaocaoError(
                Problem(
                    place,
                    msg.stated_differs(label, format_number(stated), what, format_number(computed)),
                    msg.STATED_DIFFERS_HINT,
                    tuple(sources),
                )
            )


def _stated_slots(spec: SoLieu) -> dict[str, Decimal | None]:
    """The values written on a figure, by slot."""
    if spec.plans:  # the default plan is the first named one: checked once, under its name
        return {
            "gia_tri": spec.gia_tri,
            "cung_ky": spec.cung_ky,
            **{PLAN_PREFIX + name: plan for name, plan in spec.plans.items()},
        }
    return {"gia_tri": spec.gia_tri, PLAN: spec.plan, "cung_ky": spec.cung_ky}


def own_digits(spec: SoLieu) -> int:
    """An average's or a ratio's decimals: its so_le, else one."""
    return spec.so_le if spec.so_le is not None else DEFAULT_PERCENT_DECIMALS


def _written_digits(spec: SoLieu, stated: Decimal) -> int:
    """The precision a stated average or ratio is compared at: its so_le, else the digits written."""
    if spec.so_le is not None:
        return spec.so_le
    exponent = stated.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def sum_figure(
    name: str,
    spec: SoLieu,
    parts: list[Figure],
    places: SourceMap,
    what: str,
    sources: list[Problem],
    warnings: list[Problem] | None = None,
) -> Figure:
    """Figure `name` as the sum of `parts` (`what` they are, `sources` where they are shown).

    A stated value, plan or same period must agree with the sum (else an error naming both places), unless
    the figure keeps it with giu_nguyen (a note, appended to `warnings`: see Problem.note).
    """
    resolver = Combiner(places, FigureStyle())
    figure = resolver.combine(
        name, spec, parts, lambda slot: sum_values(p.slots().get(slot) for p in parts), what, sources, "tong_tu"
    )
    if warnings is not None:
        warnings.extend(resolver.warnings)
    return figure
