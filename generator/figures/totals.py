"""Figures: totals, averages, ratios and differences that must never be typed by hand (the compute stage).

Resolves a report's declared figures in dependency order (figure.py is the Figure they become; combine.py
checks a computed figure against the values written on it).

A figure is stated (gia_tri, ke_hoach, cung_ky) or computed from others: `tong_cua` (a sum), `trung_binh_cua`
(an average, weighted with `trong_so`), `ty_le_cua` (a percentage), `tong_tu` (a roll-up, rollup.py). A value
stated on a computed figure is checked; one that disagrees is an error, or with `giu_nguyen: reason` a note
(the stated value is then kept). Values are compared slot by slot: gia_tri, cung_ky, the default plan
(`ke_hoach`) and each named plan (`ke_hoach.<name>`).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from functools import partial
from typing import TypeGuard

from baocao.conventions.formatting import format_number
from baocao.errors import BaocaoError, Collector, Problem, suggest, told_elsewhere
from baocao.figures.combine import Combiner, own_digits
from baocao.figures.figure import PLAN, SLOT_WORDS, Figure, FigureStyle, percent, sum_values
from baocao.input.figure_keys import PLAN_PREFIX
from baocao.input.figure_model import SoLieu
from baocao.input.load import SourceMap
from baocao.messages import common
from baocao.messages import figures as msg


def compute_figures(
    declared: dict[str, SoLieu],
    places: SourceMap,
    given: dict[str, Figure] | None = None,
    style: FigureStyle | None = None,
    warnings: list[Problem] | None = None,
    check_plan_names: bool = True,
) -> dict[str, Figure]:
    """Resolve every figure, computing totals, averages and ratios (or checking stated ones) in dependency order.

    `given` holds figures already computed elsewhere (roll-up totals); the others may use them. Kept
    discrepancies (giu_nguyen) are appended to `warnings` as notes (Problem.note). Raises BaocaoError with
    the problems of every figure that cannot be resolved. `check_plan_names`: every named plan must have its
    full name in `style` (not for a figure file, whose report checked them when it was written).
    """
    figures, problems = resolve_figures(declared, places, given, style, warnings, check_plan_names)
    if problems:
        raise BaocaoError(problems)
    return figures


def resolve_figures(
    declared: dict[str, SoLieu],
    places: SourceMap,
    given: dict[str, Figure] | None = None,
    style: FigureStyle | None = None,
    warnings: list[Problem] | None = None,
    check_plan_names: bool = True,
) -> tuple[dict[str, Figure], list[Problem]]:
    """The figures that can be resolved (as compute_figures), and the problems of the others: a figure
    is left out with a part that fails, whose problem is told once."""
    resolver = _Resolver(declared, places, style or FigureStyle(), given or {})
    found = Collector()
    for name in declared:
        found.attempt(partial(resolver.resolve_deep, name), None)
    if check_plan_names:
        found.attempt(resolver.check_plan_names, None)
    if warnings is not None:
        warnings.extend(resolver.warnings)
    return resolver.done, found.problems


_SHORT_LOOP = 20  # figures in a loop resolve still names one by one
_LOOP_HINT = msg.LOOP_HINT


def _parts_of(spec: SoLieu) -> list[str]:
    """The names of the figures `spec` is computed from."""
    if spec.tong_cua:
        return spec.tong_cua
    if spec.trung_binh_cua:
        return [*spec.trung_binh_cua, *(weight for weight in spec.trong_so if isinstance(weight, str))]
    return [spec.ty_le_cua.tu_so, spec.ty_le_cua.mau_so] if spec.ty_le_cua else []


class _Resolver(Combiner):
    """Resolves declared figures in dependency order, each by its kind (stated, total, average, ratio)."""

    def __init__(self, declared: dict[str, SoLieu], places: SourceMap, style: FigureStyle, given: dict[str, Figure]):
        super().__init__(places, style)
        self.declared = declared
        self.done = {name: replace(figure, style=style) for name, figure in given.items()}
        self.failed: set[str] = set()  # figures whose problem (or a part's) is told: never resolved again

    def resolve_deep(self, name: str) -> Figure:
        """resolve(name), its parts first, bottom up: a chain of totals 1,000 deep needs no deep recursion.
        Only a short loop of figures recurses (resolve names it); a long one is a located problem at once."""
        try:
            for part in self._bottom_up(name):
                self.resolve(part, ())
        except BaocaoError:
            self.failed.add(name)
            raise
        except RecursionError:
            self.failed.add(name)
            raise self._long_loop(name) from None
        return self.done[name]

    def _long_loop(self, name: str) -> BaocaoError:
        return BaocaoError(
            Problem(
                self.where(name),
                msg.chain_too_long(name),
                _LOOP_HINT,
            )
        )

    def _bottom_up(self, name: str) -> list[str]:
        """`name` and the declared figures it is computed from, each after its parts (a part met again on
        the way down, in a short loop, is left to resolve, which names the loop; a long loop is refused)."""
        order, entered, stack = [], {name}, [(name, iter(_parts_of(self.declared[name])))]
        depth = {name: 0}  # the figures on the stack, by their place in it
        while stack:
            current, parts = stack[-1]
            part = next(parts, None)
            if part is None:
                stack.pop()
                del depth[current]
                order.append(current)
            elif part in depth and len(stack) - depth[part] > _SHORT_LOOP:
                raise self._long_loop(name)
            elif part in self.declared and part not in self.done and part not in entered and part not in self.failed:
                entered.add(part)
                depth[part] = len(stack)
                stack.append((part, iter(_parts_of(self.declared[part]))))
        return order

    def resolve(self, name: str, chain: tuple[str, ...]) -> Figure:
        if name in self.done:
            return self.done[name]
        if name in self.failed:
            raise told_elsewhere()
        try:
            return self._resolve(name, chain)
        except (BaocaoError, RecursionError):
            self.failed.add(name)  # and so every figure computed from it, as the error unwinds
            raise

    def _resolve(self, name: str, chain: tuple[str, ...]) -> Figure:
        spec = self.declared[name]
        if name in chain:  # told once, at the figure of the loop declared first
            loop = chain[chain.index(name) :]
            order = list(self.declared)
            first = loop.index(min(loop, key=order.index))
            loop = loop[first:] + loop[:first]
            self.failed.update(loop)
            raise BaocaoError(
                Problem(
                    self.where(loop[0]),
                    msg.computed_from_itself(loop[0], " → ".join(loop + loop[:1])),
                    _LOOP_HINT,
                )
            )
        if spec.tong_cua:
            figure = self._total(name, spec, chain)
        elif spec.trung_binh_cua:
            figure = self._average(name, spec, chain)
        elif spec.ty_le_cua:
            figure = self._ratio(name, spec, chain)
        else:
            figure = self._figure(
                name, spec, spec.gia_tri, spec.plan, spec.cung_ky, spec.plans, spec.so_le, spec.don_vi
            )
        if figure.gia_tri is None:
            raise BaocaoError(
                Problem(
                    self.where(name),
                    msg.no_value(name),
                    msg.NO_VALUE_HINT,
                )
            )
        self._check_sign(name, spec, figure)
        self.done[name] = figure
        return figure

    def _parts(self, name: str, key: str, names: list[str], chain: tuple[str, ...], once: bool = True) -> list[Figure]:
        """The figures `names` listed at so_lieu.name.key, resolved; each must be declared (and listed `once`)."""
        seen: dict[str, int] = {}
        for i, part in enumerate(names):
            if part not in self.declared and part not in self.done:
                raise BaocaoError(
                    Problem(
                        self.where(name, key, i),
                        msg.undeclared_part(part, key),
                        suggest(part, self.declared, common.DECLARE_FIGURE_HINT),
                    )
                )
            if once and part in seen:
                raise BaocaoError(
                    Problem(
                        self.where(name, key, i),
                        msg.part_twice(part, key, seen[part] + 1),
                        msg.DROP_REPEAT_HINT,
                    )
                )
            seen[part] = i
        return [self.resolve(part, chain + (name,)) for part in names]

    # ---- the computed kinds -----------------------------------------------------------

    def _total(self, name: str, spec: SoLieu, chain: tuple[str, ...]) -> Figure:
        parts = self._parts(name, "tong_cua", spec.tong_cua, chain)
        where = self.where(name, "tong_cua")
        units = sorted({p.don_vi for p in parts})
        if len(units) > 1 and not spec.don_vi:
            raise BaocaoError(
                Problem(
                    where,
                    msg.units_differ(", ".join(units)),
                    msg.UNITS_DIFFER_HINT,
                )
            )
        if len(units) == 1 and spec.don_vi and spec.don_vi != units[0]:
            raise BaocaoError(
                Problem(
                    where,
                    msg.units_differ(", ".join(sorted({*units, spec.don_vi}))),
                    msg.TOTAL_UNIT_HINT,
                )
            )
        sources = [Problem(where, msg.parts_are(", ".join(p.name for p in parts)))]
        return self.combine(
            name,
            spec,
            parts,
            lambda slot: sum_values(p.slots().get(slot) for p in parts),
            msg.SUM_OF_PARTS,
            sources,
            "tong_cua",
        )

    def _average(self, name: str, spec: SoLieu, chain: tuple[str, ...]) -> Figure:
        parts = self._parts(name, "trung_binh_cua", spec.trung_binh_cua, chain)
        where = self.where(name, "trung_binh_cua")
        units = sorted({p.don_vi for p in parts} | ({spec.don_vi} if spec.don_vi else set()))
        if len(units) > 1:
            raise BaocaoError(
                Problem(
                    where,
                    msg.average_units_differ(", ".join(units)),
                    msg.AVERAGE_UNITS_HINT,
                )
            )
        weights = self._weights(name, spec, chain)

        def value_of(slot: str) -> Decimal | None:
            values = [p.slots().get(slot) for p in parts]
            factors: list[Decimal | None] = (
                [_weight(w, slot) for w in weights] if weights else [Decimal(1)] * len(parts)
            )
            if not _all_numbers(values) or not _all_numbers(factors):
                return None
            total = sum(factors, Decimal(0))
            if total <= 0:
                raise BaocaoError(
                    Problem(
                        self.where(name, "trong_so"),
                        msg.weights_not_positive(name, slot),
                        msg.WEIGHTS_HINT,
                    )
                )
            return sum((v * f for v, f in zip(values, factors, strict=True)), Decimal(0)) / total

        what = msg.WEIGHTED_AVERAGE if weights else msg.AVERAGE_OF_PARTS
        sources = [Problem(where, msg.parts_are(", ".join(p.name for p in parts)))]
        return self.combine(name, spec, parts, value_of, what, sources, "trung_binh_cua", own_digits(spec))

    def _weights(self, name: str, spec: SoLieu, chain: tuple[str, ...]) -> list[Figure | Decimal]:
        """The weights of an average: numbers, or figures (resolved)."""
        names = [w for w in spec.trong_so if isinstance(w, str)]
        figures = dict(zip(names, self._parts(name, "trong_so", names, chain, once=False), strict=True))
        return [figures[w] if isinstance(w, str) else w for w in spec.trong_so]

    def _ratio(self, name: str, spec: SoLieu, chain: tuple[str, ...]) -> Figure:
        ratio = spec.ty_le_cua
        assert ratio is not None
        top, bottom = (
            self._parts(name, "ty_le_cua", [ratio.tu_so], chain)[0],
            self._parts(name, "ty_le_cua", [ratio.mau_so], chain)[0],
        )
        where = self.where(name, "ty_le_cua")
        if bottom.gia_tri is None or bottom.gia_tri <= 0:
            raise BaocaoError(
                Problem(
                    where,
                    msg.ratio_base_not_positive(name, bottom.name, format_number(bottom.gia_tri or 0)),
                    msg.RATIO_BASE_HINT,
                )
            )
        sources = [Problem(where, msg.ratio_formula(top.name, bottom.name))]
        spec = spec if spec.don_vi else spec.model_copy(update={"don_vi": "%"})
        return self.combine(
            name,
            spec,
            [top],
            lambda slot: percent(top.slots().get(slot), bottom.slots().get(slot), None),
            msg.ratio_of(top.name, bottom.name),
            sources,
            "ty_le_cua",
            own_digits(spec),
        )

    # ---- checks -----------------------------------------------------------------------

    def _check_sign(self, name: str, spec: SoLieu, figure: Figure) -> None:
        """A negative value only where the figure allows it (cho_phep_am)."""
        if figure.cho_phep_am:
            return
        for slot, value in figure.slots().items():
            if value is not None and value < 0:
                words = SLOT_WORDS.get(slot, msg.named_plan(slot.removeprefix(PLAN_PREFIX)))
                raise BaocaoError(
                    Problem(
                        self.where(name, *slot.split(".")),
                        msg.negative(words, name, format_number(value)),
                        msg.NEGATIVE_HINT,
                    )
                )

    def check_plan_names(self) -> None:
        """Every named plan has its full name in ten_ke_hoach (a misspelt plan name is caught here)."""
        for name, figure in self.done.items():
            for plan in figure.plans:
                if plan not in self.style.plan_names:
                    raise BaocaoError(
                        Problem(
                            self.where(name, PLAN, plan),
                            msg.plan_without_name(plan, name),
                            suggest(
                                plan,
                                self.style.plan_names,
                                msg.add_plan_name(plan),
                            ),
                        )
                    )


def _weight(weight: Figure | Decimal, slot: str) -> Decimal | None:
    """A weight for one slot: a number, or the weight figure's own value in that slot."""
    return weight.slots().get(slot) if isinstance(weight, Figure) else weight


def _all_numbers(values: list[Decimal | None]) -> TypeGuard[list[Decimal]]:
    return all(v is not None for v in values)
