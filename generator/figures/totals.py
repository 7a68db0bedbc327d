"""Figures: totals, averages, ratios and differences that must never be typed by hand (the compute stage).

A figure is stated (gia_tri, ke_hoach, cung_ky) or computed from others: `tong_cua` (a sum), `trung_binh_cua`
(an average, weighted with `trong_so`), `ty_le_cua` (a percentage), `tong_tu` (a roll-up, rollup.py). A value
stated on a computed figure is checked; one that disagrees is an error, or with `giu_nguyen: reason` a note
(the stated value is then kept). Values are compared slot by slot: gia_tri, cung_ky, the default plan
(`ke_hoach`) and each named plan (`ke_hoach.<name>`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import partial
from typing import Any, TypeGuard

from baocao.conventions.formatting import DEFAULT_PERCENT_DECIMALS, format_number, round_half_up, with_unit
from baocao.errors import BaocaoError, Collector, Location, Problem, suggest, told_elsewhere
from baocao.input.load import SourceMap
from baocao.input.model import SCALES, BaoCao, CachViet, DonVi, SoLieu

PLAN = "ke_hoach"
_PLAN_PREFIX = PLAN + "."
_WORDS = {"gia_tri": "giá trị kỳ này", PLAN: "kế hoạch", "cung_ky": "số cùng kỳ"}


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
            known = ", ".join(self.plans) or "chỉ có một kế hoạch không tên"
            raise ValueError(f"Số liệu '{self.name}' không có kế hoạch '{name}' ({known}).")
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
            **{_PLAN_PREFIX + name: plan for name, plan in self.plans.items()},
        }

    def __str__(self) -> str:
        if self.gia_tri is None:
            return ""
        return with_unit(format_number(self.shown(self.gia_tri), self.so_le), self.unit_shown)


def compute_figures(
    declared: dict[str, SoLieu],
    places: SourceMap,
    given: dict[str, Figure] | None = None,
    style: FigureStyle | None = None,
    warnings: list[Problem] | None = None,
) -> dict[str, Figure]:
    """Resolve every figure, computing totals, averages and ratios (or checking stated ones) in dependency order.

    `given` holds figures already computed elsewhere (roll-up totals); the others may use them. Kept
    discrepancies (giu_nguyen) are appended to `warnings` as notes (Problem.note). Raises BaocaoError with
    the problems of every figure that cannot be resolved.
    """
    figures, problems = resolve_figures(declared, places, given, style, warnings)
    if problems:
        raise BaocaoError(problems)
    return figures


def resolve_figures(
    declared: dict[str, SoLieu],
    places: SourceMap,
    given: dict[str, Figure] | None = None,
    style: FigureStyle | None = None,
    warnings: list[Problem] | None = None,
) -> tuple[dict[str, Figure], list[Problem]]:
    """The figures that can be resolved (as compute_figures), and the problems of the others: a figure
    is left out with a part that fails, whose problem is told once."""
    resolver = _Resolver(declared, places, style or FigureStyle(), given or {})
    found = Collector()
    for name in declared:
        found.attempt(partial(resolver.resolve_deep, name), None)
    found.attempt(resolver.check_plan_names, None)
    if warnings is not None:
        warnings.extend(resolver.warnings)
    return resolver.done, found.problems


Combine = Callable[[str], "Decimal | None"]
_LOOP_HINT = "Sửa danh sách tong_cua (hoặc trung_binh_cua, trong_so, ty_le_cua) cho hết vòng lặp."


def _parts_of(spec: SoLieu) -> list[str]:
    """The names of the figures `spec` is computed from."""
    if spec.tong_cua:
        return spec.tong_cua
    if spec.trung_binh_cua:
        return [*spec.trung_binh_cua, *(weight for weight in spec.trong_so if isinstance(weight, str))]
    return [spec.ty_le_cua.tu_so, spec.ty_le_cua.mau_so] if spec.ty_le_cua else []


class _Resolver:
    def __init__(self, declared: dict[str, SoLieu], places: SourceMap, style: FigureStyle, given: dict[str, Figure]):
        self.declared, self.places, self.style = declared, places, style
        self.done = {name: replace(figure, style=style) for name, figure in given.items()}
        self.failed: set[str] = set()  # figures whose problem (or a part's) is told: never resolved again
        self.warnings: list[Problem] = []

    def where(self, *path: Any) -> Location:
        return self.places.where(("so_lieu", *path))

    def resolve_deep(self, name: str) -> Figure:
        """resolve(name), its parts first, bottom up: a chain of totals 1,000 deep needs no deep recursion.
        Only a loop of figures recurses (as deep as the loop is long); one too long is a located problem."""
        try:
            for part in self._bottom_up(name):
                self.resolve(part, ())
        except BaocaoError:
            self.failed.add(name)
            raise
        except RecursionError:
            self.failed.add(name)
            raise BaocaoError(
                Problem(
                    self.where(name),
                    f"Số liệu '{name}' được tính qua một chuỗi số liệu quá dài, "
                    "có vòng lặp (số liệu được tính từ chính nó).",
                    _LOOP_HINT,
                )
            ) from None
        return self.done[name]

    def _bottom_up(self, name: str) -> list[str]:
        """`name` and the declared figures it is computed from, each after its parts (a part met again on
        the way down, in a loop, is left to resolve, which names the loop)."""
        order, entered, stack = [], {name}, [(name, iter(_parts_of(self.declared[name])))]
        while stack:
            current, parts = stack[-1]
            part = next(parts, None)
            if part is None:
                stack.pop()
                order.append(current)
            elif part in self.declared and part not in self.done and part not in entered and part not in self.failed:
                entered.add(part)
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
                    f"Số liệu '{loop[0]}' được tính từ chính nó (vòng lặp: {' → '.join(loop + loop[:1])}).",
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
                    f"Số liệu '{name}' chưa có giá trị.",
                    "Ghi gia_tri, hoặc tong_cua để tự tính tổng.",
                )
            )
        self._check_sign(name, spec, figure)
        self.done[name] = figure
        return figure

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

    def _parts(self, name: str, key: str, names: list[str], chain: tuple[str, ...], once: bool = True) -> list[Figure]:
        """The figures `names` listed at so_lieu.name.key, resolved; each must be declared (and listed `once`)."""
        seen: dict[str, int] = {}
        for i, part in enumerate(names):
            if part not in self.declared and part not in self.done:
                raise BaocaoError(
                    Problem(
                        self.where(name, key, i),
                        f"Số liệu '{part}' trong {key} chưa được khai báo.",
                        suggest(part, self.declared, "Khai báo số liệu này trong so_lieu hoặc sửa tên."),
                    )
                )
            if once and part in seen:
                raise BaocaoError(
                    Problem(
                        self.where(name, key, i),
                        f"Số liệu '{part}' ghi hai lần trong {key} (lần đầu ở mục thứ {seen[part] + 1}): "
                        "sẽ bị tính hai lần.",
                        "Xóa lần ghi thừa.",
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
                    f"Không cộng được các số liệu khác đơn vị tính: {', '.join(units)}.",
                    "Các thành phần phải cùng đơn vị tính; hoặc ghi don_vi của tổng nếu tổng có đơn vị riêng "
                    "(ví dụ 'tập thể, cá nhân').",
                )
            )
        if len(units) == 1 and spec.don_vi and spec.don_vi != units[0]:
            raise BaocaoError(
                Problem(
                    where,
                    f"Không cộng được các số liệu khác đơn vị tính: {', '.join(sorted({*units, spec.don_vi}))}.",
                    "Các thành phần của tổng phải cùng đơn vị tính với tổng.",
                )
            )
        sources = [Problem(where, f"Các thành phần: {', '.join(p.name for p in parts)}.")]
        return self.combine(
            name,
            spec,
            parts,
            lambda slot: sum_values(p.slots().get(slot) for p in parts),
            "tổng các thành phần",
            sources,
            "tong_cua",
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
            slot.removeprefix(_PLAN_PREFIX): v
            for slot, v in values.items()
            if slot.startswith(_PLAN_PREFIX) and v is not None
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
                    f"Số liệu '{name}' ghi giu_nguyen nhưng các số đã ghi đều khớp với {what}.",
                    "Xóa dòng giu_nguyen.",
                )
            )
        for slot, stated, computed in differences:
            place, label = self.where(name, *slot.split(".")), f"'{name}.{slot}'"
            if spec.giu_nguyen:
                self.warnings.append(
                    Problem(
                        place,
                        f"{label} ghi {format_number(stated)} nhưng {what} ({sources[0].location}) là "
                        f"{format_number(computed)}; giữ số đã ghi vì: {spec.giu_nguyen}.",
                        "Bản thảo in số đã ghi; kiểm tra lại lý do trước khi ban hành.",
                        note=True,
                    )
                )
                continue
            raise BaocaoError(
                Problem(
                    place,
                    f"{label} ghi {format_number(stated)} nhưng {what} là {format_number(computed)}.",
                    "Sửa số ghi ở đây hoặc các số liệu thành phần; có thể bỏ dòng này để tự tính, "
                    'hoặc ghi giu_nguyen: "lý do" để giữ số đã ghi.',
                    tuple(sources),
                )
            )

    def _average(self, name: str, spec: SoLieu, chain: tuple[str, ...]) -> Figure:
        parts = self._parts(name, "trung_binh_cua", spec.trung_binh_cua, chain)
        where = self.where(name, "trung_binh_cua")
        units = sorted({p.don_vi for p in parts} | ({spec.don_vi} if spec.don_vi else set()))
        if len(units) > 1:
            raise BaocaoError(
                Problem(
                    where,
                    f"Không lấy trung bình được các số liệu khác đơn vị tính: {', '.join(units)}.",
                    "Các số liệu lấy trung bình phải cùng đơn vị tính.",
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
                        f"Tổng trọng số của '{name}' ({slot}) không lớn hơn 0.",
                        "Trọng số phải là số dương.",
                    )
                )
            return sum((v * f for v, f in zip(values, factors, strict=True)), Decimal(0)) / total

        what = "trung bình có trọng số" if weights else "trung bình các thành phần"
        sources = [Problem(where, f"Các thành phần: {', '.join(p.name for p in parts)}.")]
        return self.combine(name, spec, parts, value_of, what, sources, "trung_binh_cua", _own_digits(spec))

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
                    f"Không tính được tỷ lệ '{name}': mẫu số '{bottom.name}' bằng "
                    f"{format_number(bottom.gia_tri or 0)}.",
                    "Mẫu số phải lớn hơn 0.",
                )
            )
        sources = [Problem(where, f"Tỷ lệ {top.name} / {bottom.name} × 100.")]
        spec = spec if spec.don_vi else spec.model_copy(update={"don_vi": "%"})
        return self.combine(
            name,
            spec,
            [top],
            lambda slot: percent(top.slots().get(slot), bottom.slots().get(slot), None),
            f"tỷ lệ {top.name}/{bottom.name}",
            sources,
            "ty_le_cua",
            _own_digits(spec),
        )

    # ---- checks -----------------------------------------------------------------------

    def _check_sign(self, name: str, spec: SoLieu, figure: Figure) -> None:
        """A negative value only where the figure allows it (cho_phep_am)."""
        if figure.cho_phep_am:
            return
        for slot, value in figure.slots().items():
            if value is not None and value < 0:
                words = _WORDS.get(slot, f"kế hoạch '{slot.removeprefix(_PLAN_PREFIX)}'")
                raise BaocaoError(
                    Problem(
                        self.where(name, *slot.split(".")),
                        f"{words[0].upper()}{words[1:]} của số liệu '{name}' là số âm ({format_number(value)}).",
                        "Sửa số; nếu số liệu này được phép âm (ví dụ chênh lệch thu chi), ghi cho_phep_am: true.",
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
                            f"Kế hoạch '{plan}' của số liệu '{name}' chưa có tên đầy đủ ở ten_ke_hoach.",
                            suggest(
                                plan,
                                self.style.plan_names,
                                f"Thêm vào ten_ke_hoach (hồ sơ đơn vị hoặc báo cáo), ví dụ "
                                f"ten_ke_hoach: {{{plan}: kế hoạch huyện giao}}.",
                            ),
                        )
                    )


def _weight(weight: Figure | Decimal, slot: str) -> Decimal | None:
    """A weight for one slot: a number, or the weight figure's own value in that slot."""
    return weight.slots().get(slot) if isinstance(weight, Figure) else weight


def _all_numbers(values: list[Decimal | None]) -> TypeGuard[list[Decimal]]:
    return all(v is not None for v in values)


def _stated_slots(spec: SoLieu) -> dict[str, Decimal | None]:
    """The values written on a figure, by slot."""
    if spec.plans:  # the default plan is the first named one: checked once, under its name
        return {
            "gia_tri": spec.gia_tri,
            "cung_ky": spec.cung_ky,
            **{_PLAN_PREFIX + name: plan for name, plan in spec.plans.items()},
        }
    return {"gia_tri": spec.gia_tri, PLAN: spec.plan, "cung_ky": spec.cung_ky}


def _own_digits(spec: SoLieu) -> int:
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
    resolver = _Resolver({name: spec}, places, FigureStyle(), {})
    figure = resolver.combine(
        name, spec, parts, lambda slot: sum_values(p.slots().get(slot) for p in parts), what, sources, "tong_tu"
    )
    if warnings is not None:
        warnings.extend(resolver.warnings)
    return figure


def sum_values(values: Iterable[Any]) -> Decimal | None:
    """The sum of numbers; None when there are none, or when one is missing or not a number."""
    values = list(values)
    return sum(values, Decimal(0)) if values and all(isinstance(v, Decimal) for v in values) else None


def differs(stated: Decimal, computed: Decimal, decimals: int | None) -> bool:
    """Stated totals are compared at the precision they are shown with."""
    if decimals is None:
        return stated != computed
    return round_half_up(stated, decimals) != round_half_up(computed, decimals)
