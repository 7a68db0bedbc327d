"""Stage 3, compute (roll-up): figures summed over the reports of lower-level units.

A province report names the communes' reports in `tong_hop` (files or `*` patterns, and optionally
the units expected; a commune's figure file, the .json or .xlsx of `baocao figures`, may stand for its
report) and declares figures with `tong_tu: <figure in the communes' reports>`. Each
commune report goes through load, validate and compute like any report (it is not rendered); one
that fails is left out and listed, with a warning at its first error. Value, plan and same period
are summed, so ratios follow from the sums (never averaged); a stated total must equal the sum.

The narrative reads the outcome as `tong_hop`: `.so_don_vi` (reports summed), `.so_du_kien` (units
expected), `.don_vi`, `.thieu`, `.loi` (names of the units summed, missing, failing; printed as
"A, B, C") and `.chi_tiet.<figure>` (one figure per unit, each with `.ten`, the unit's name).
A table row `- chi_tiet: <figure>` becomes one row per unit (see tables.py).
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from baocao.conventions.formatting import format_number
from baocao.errors import BaocaoError, Location, Problem, fail, suggest
from baocao.figures.combine import sum_figure
from baocao.figures.figure import Figure, figure_style
from baocao.figures.totals import compute_figures
from baocao.input.load import SourceMap
from baocao.input.model import FIGURE_VALUES, UNIT_FILE, BaoCao, DonVi, SoLieu, TongHop
from baocao.input.period import Period
from baocao.input.validate import load_model, load_sources

_FIX_SOURCE = "Sửa lỗi trong báo cáo của đơn vị rồi soạn lại báo cáo này."


class Names(tuple):
    """Unit names; a sentence prints them as 'A, B, C'."""

    def __str__(self) -> str:
        return ", ".join(self)


class Breakdown(tuple):
    """A roll-up's parts, one figure per unit; a sentence prints 'UBND xã A 612,4 ha; UBND xã B 598 ha'."""

    def __str__(self) -> str:
        return "; ".join(f"{part.ten} {part}" for part in self)


@dataclass(frozen=True)
class Summary:
    """`tong_hop` in the narrative: who was summed, who is missing, who failed, and the parts."""

    don_vi: Names
    thieu: Names
    loi: Names
    so_du_kien: int
    chi_tiet: dict[str, Breakdown]

    @property
    def so_don_vi(self) -> int:
        """How many units' reports were summed."""
        return len(self.don_vi)


@dataclass
class RollUp:
    """The roll-up totals by figure name, `tong_hop` for the narrative (None without tong_hop), warnings."""

    figures: dict[str, Figure] = field(default_factory=dict)
    summary: Summary | None = None
    warnings: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class _Unit:
    """A lower-level report: its file, its unit's name, its figures and where they are, or its first problem."""

    path: Path
    name: str
    figures: dict[str, Figure]
    places: SourceMap
    problem: Problem | None = None

    @property
    def keys(self) -> set[str]:
        """The names danh_sach_don_vi may call the unit by: its folder's, its ten_goi_tat."""
        return {_key(self.path.parent.name), _key(self.name)}

    def where(self, *path: str) -> Location:
        return self.places.where(("so_lieu", *path))


def roll_up(report: BaoCao, places: SourceMap) -> RollUp:
    """Sum the figures declared with `tong_tu` over the reports named in `tong_hop`."""
    if report.tong_hop is None:
        stray = next((name for name, spec in report.so_lieu.items() if spec.tong_tu), None)
        if stray:
            raise fail(
                places.where(("so_lieu", stray, "tong_tu")),
                f"Số liệu '{stray}' ghi tong_tu nhưng báo cáo chưa khai báo tong_hop.",
                "Thêm nhóm tong_hop với cac_bao_cao (các tệp báo cáo cấp dưới), hoặc xóa dòng tong_tu.",
            )
        return RollUp()
    return _RollUp(report, report.tong_hop, places).run()


class _RollUp:
    def __init__(self, report: BaoCao, spec: TongHop, places: SourceMap):
        self.report, self.spec, self.places = report, spec, places
        self.warnings: list[Problem] = []

    def run(self) -> RollUp:
        reports = [self._load(path) for path in self._files()]
        units = [r for r in reports if r.problem is None]
        failed = [r for r in reports if r.problem is not None]
        self.warnings.extend(
            Problem(
                r.problem.location,
                f"Báo cáo của {r.name} có lỗi nên không được tổng hợp: {r.problem.message}",
                r.problem.hint or _FIX_SOURCE,
            )
            for r in failed
            if r.problem is not None
        )
        if not units:
            raise BaocaoError(
                Problem(
                    self._where("cac_bao_cao"),
                    f"Không có báo cáo cấp dưới nào dùng được để tổng hợp ({len(failed)} báo cáo có lỗi).",
                    "Sửa các lỗi nêu dưới đây trong báo cáo của các đơn vị.",
                    tuple(self.warnings),
                )
            )
        self._check_duplicates(units)
        missing = self._missing(reports)
        figures = {name: self._figure(name, spec, units) for name, spec in self.report.so_lieu.items() if spec.tong_tu}
        summary = Summary(
            Names(u.name for u in units),
            Names(missing),
            Names(r.name for r in failed),
            len(self.spec.danh_sach_don_vi) or len(reports),
            {name: Breakdown(figure.chi_tiet) for name, figure in figures.items()},
        )
        return RollUp(figures, summary, self.warnings)

    def _where(self, *path: str | int) -> Location:
        return self.places.where(("tong_hop", *path))

    # ---- the reports --------------------------------------------------------------------

    def _files(self) -> list[Path]:
        """The files the patterns match (in pattern order, each sorted), once each, bar this report.

        '**' is not recursive: a pattern never walks a whole disk.
        """
        base = self.places.file.parent if self.places.file else Path()
        own = self.places.file.resolve() if self.places.file else None
        found: dict[Path, Path] = {}
        for i, pattern in enumerate(self.spec.cac_bao_cao):
            matches = [Path(os.path.normpath(base / m)) for m in sorted(glob.glob(pattern, root_dir=base))]
            matches = [m for m in matches if m.is_file()]
            if not matches:
                raise fail(
                    self._where("cac_bao_cao", i),
                    f"Không có tệp báo cáo nào khớp '{pattern}' (tính từ thư mục {base}).",
                    "Kiểm tra đường dẫn: tính từ thư mục của báo cáo này; '*' thay cho một tên thư mục hoặc tên tệp.",
                )
            for match in matches:
                found.setdefault(match.resolve(), match)
        if own is not None:
            found.pop(own, None)
        return list(found.values())

    def _load(self, path: Path) -> _Unit:
        """A unit's report (or figure file) loaded, validated and computed (or its first problem)."""
        from baocao.input.figure_files import is_figure_file  # figure files' models, only for a roll-up

        if is_figure_file(path):
            return self._load_figure_file(path)
        sources = None
        try:
            sources = load_sources(path)
            self._check_period(sources.report.ky_bao_cao, sources.report_map.where(("ky_bao_cao",)))
            style = figure_style(sources.unit, sources.report)
            figures = compute_figures(sources.report.so_lieu, sources.report_map, style=style, warnings=self.warnings)
        except BaocaoError as exc:
            name = sources.unit.ten_goi_tat if sources else _name_beside(path)
            return _Unit(path, name, {}, SourceMap(path), exc.problems[0])
        return _Unit(path, sources.unit.ten_goi_tat, figures, sources.report_map)

    def _load_figure_file(self, path: Path) -> _Unit:
        """A unit's figure file (baocao figures: .json, .xlsx) in place of its report."""
        from baocao.input.figure_files import read_figure_file

        read = None
        try:
            read = read_figure_file(path)
            self._check_period(read.period, read.places.where(()))
            figures = compute_figures(read.figures, read.places, warnings=self.warnings, check_plan_names=False)
        except BaocaoError as exc:
            return _Unit(path, read.unit if read else path.stem, {}, SourceMap(path), exc.problems[0])
        return _Unit(path, read.unit, figures, read.places)

    def _check_period(self, period: Period, where: Location) -> None:
        own = self.report.ky_bao_cao
        if period != own:
            raise fail(
                where,
                f"Kỳ báo cáo '{period}' khác kỳ của báo cáo tổng hợp ('{own}').",
                "Chỉ tổng hợp các báo cáo cùng kỳ; sửa kỳ báo cáo hoặc mẫu cac_bao_cao.",
            )

    def _check_duplicates(self, units: list[_Unit]) -> None:
        """Two reports of one unit would be counted twice."""
        seen: dict[str, _Unit] = {}
        for unit in units:
            first = seen.setdefault(_key(unit.name), unit)
            if first is not unit:
                raise BaocaoError(
                    Problem(
                        Location(unit.path),
                        f"Hai báo cáo của cùng đơn vị '{unit.name}' (ten_goi_tat); số liệu sẽ bị cộng hai lần.",
                        "Chỉ để một báo cáo cho mỗi đơn vị: sửa mẫu cac_bao_cao hoặc ten_goi_tat trong hồ sơ đơn vị.",
                        (Problem(Location(first.path), "Báo cáo thứ nhất của đơn vị này."),),
                    )
                )

    def _missing(self, reports: list[_Unit]) -> list[str]:
        """Expected units with no report (warned at their line); reports of units not expected are warned too."""
        listed = {_key(entry): i for i, entry in enumerate(self.spec.danh_sach_don_vi)}
        if not listed:
            return []
        for report in reports:
            if not report.keys & listed.keys():
                summed = "" if report.problem else " (vẫn được tổng hợp)"
                self.warnings.append(
                    Problem(
                        self._where("danh_sach_don_vi"),
                        f"Báo cáo '{report.path}' của {report.name} không có trong danh_sach_don_vi{summed}.",
                        "Thêm đơn vị này (tên thư mục hoặc ten_goi_tat) vào danh_sach_don_vi, "
                        "hoặc sửa mẫu cac_bao_cao.",
                    )
                )
        reported = set().union(*(report.keys for report in reports))
        missing = [entry for entry in self.spec.danh_sach_don_vi if _key(entry) not in reported]
        for entry in missing:
            self.warnings.append(
                Problem(
                    self._where("danh_sach_don_vi", listed[_key(entry)]),
                    f"Chưa có báo cáo của đơn vị '{entry}'.",
                    "Kiểm tra tên thư mục của đơn vị và mẫu cac_bao_cao, hoặc chờ đơn vị gửi báo cáo.",
                )
            )
        return missing

    # ---- the figures --------------------------------------------------------------------

    def _figure(self, name: str, spec: SoLieu, units: list[_Unit]) -> Figure:
        """The sum of figure `tong_tu` over the units' reports; its parts keep each unit's name."""
        source = spec.tong_tu
        parts = [(u, replace(u.figures[source], ten=u.name)) for u in units if self._has(u, name, source)]
        if not parts:
            known = {figure for u in units for figure in u.figures}
            raise fail(
                self.places.where(("so_lieu", name, "tong_tu")),
                f"Không báo cáo cấp dưới nào có số liệu '{source}'.",
                suggest(source, known),
            )
        self._check_summable(name, parts)
        self._check_units(name, spec, parts)
        self._warn_partial(name, source, parts)
        sources = [
            Problem(
                self.places.where(("so_lieu", name, "tong_tu")),
                f"Tổng của số liệu '{source}' trong {len(parts)} báo cáo:",
            ),
            *(Problem(u.where(source), f"{u.name}: {_values(part)}.") for u, part in parts),
        ]
        what = f"tổng của {len(parts)} báo cáo cấp dưới"
        total = sum_figure(name, spec, [part for _, part in parts], self.places, what, sources, self.warnings)
        return replace(
            total, ten=spec.ten or parts[0][0].figures[source].ten, chi_tiet=tuple(part for _, part in parts)
        )

    def _check_summable(self, name: str, parts: list[tuple[_Unit, Figure]]) -> None:
        """Percentages and averages are never summed: the province computes them from its own totals."""
        unit, part = parts[0]
        if part.kind in ("ty_le_cua", "trung_binh_cua") or part.don_vi == "%":
            what = "trung bình" if part.kind == "trung_binh_cua" else "tỷ lệ"
            raise BaocaoError(
                [
                    Problem(
                        self.places.where(("so_lieu", name, "tong_tu")),
                        f"Số liệu '{part.name}' của các báo cáo cấp dưới là {what}, không cộng được thành '{name}'.",
                        "Cộng các số liệu gốc (tong_tu), rồi khai báo ty_le_cua hoặc trung_binh_cua từ các tổng.",
                    ),
                    Problem(unit.where(part.name), f"Số liệu '{part.name}' của {unit.name}."),
                ]
            )

    def _has(self, unit: _Unit, name: str, source: str) -> bool:
        if source in unit.figures:
            return True
        self.warnings.append(
            Problem(
                unit.where(),
                f"Báo cáo của {unit.name} không có số liệu '{source}'; '{name}' được cộng mà không có đơn vị này.",
                f"Khai báo '{source}' trong so_lieu của báo cáo này, hoặc sửa tên ở tong_tu của báo cáo tổng hợp.",
            )
        )
        return False

    def _check_units(self, name: str, spec: SoLieu, parts: list[tuple[_Unit, Figure]]) -> None:
        """Every unit's figure in the same unit of measure (the one stated here, or the first unit's)."""
        first, first_part = parts[0]
        expected = spec.don_vi or first_part.don_vi
        for unit, part in parts:
            if part.don_vi != expected:
                reference = self.places.where(("so_lieu", name, "don_vi")) if spec.don_vi else first.where(spec.tong_tu)
                raise BaocaoError(
                    Problem(
                        unit.where(spec.tong_tu, "don_vi"),
                        f"Số liệu '{spec.tong_tu}' của {unit.name} tính bằng "
                        f"{_unit(part.don_vi)}, khác đơn vị {_unit(expected)} của '{name}'.",
                        "Các số liệu được cộng phải cùng đơn vị tính: sửa đơn vị hoặc quy đổi số liệu.",
                        (Problem(reference, f"Đơn vị tính {_unit(expected)} ghi ở đây."),),
                    )
                )

    def _warn_partial(self, name: str, source: str, parts: list[tuple[_Unit, Figure]]) -> None:
        """A plan (named or not) or same period some units give and others not cannot be summed: say which lack it."""
        keys = dict.fromkeys(key for _, part in parts for key in part.slots() if key != FIGURE_VALUES[0])
        for key in keys:
            lacking = [unit for unit, part in parts if part.slots().get(key) is None]
            if 0 < len(lacking) < len(parts):
                self.warnings.extend(
                    Problem(
                        unit.where(source),
                        f"Số liệu '{source}' của {unit.name} không có {key} nên '{name}' không có tổng {key}.",
                        f"Ghi {key} cho số liệu này (các đơn vị khác có ghi).",
                    )
                    for unit in lacking
                )


def _name_beside(path: Path) -> str:
    """The unit of a report that failed to load: ten_goi_tat of the profile beside it if that loads, else its folder."""
    try:
        return load_model(path.parent / UNIT_FILE, DonVi)[0].ten_goi_tat
    except BaocaoError:
        return path.parent.name


def _key(name: str) -> str:
    """Names compared the way a clerk would: case and spacing ignored."""
    return " ".join(name.split()).casefold()


def _unit(unit: str) -> str:
    return f"'{unit}'" if unit else "(không ghi đơn vị)"


def _values(figure: Figure) -> str:
    """'gia_tri 612,4; ke_hoach 620; cung_ky 605,8' (the fields the figure has)."""
    return "; ".join(
        f"{key} {format_number(getattr(figure, key), figure.so_le)}"
        for key in FIGURE_VALUES
        if getattr(figure, key) is not None
    )
