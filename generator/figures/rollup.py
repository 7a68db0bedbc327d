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
from baocao.input.figure_keys import FIGURE_VALUES
from baocao.input.figure_model import SoLieu
from baocao.input.load import SourceMap
from baocao.input.model import UNIT_FILE, BaoCao, DonVi, TongHop
from baocao.input.period import Period
from baocao.input.validate import load_model, load_sources
from baocao.messages import figures as msg

_FIX_SOURCE = msg.FIX_SOURCE_HINT


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
                msg.rollup_without_tong_hop(stray),
                msg.ROLLUP_WITHOUT_TONG_HOP_HINT,
            )
        return RollUp()
    return _RollUp(report, report.tong_hop, places).run()


def lower_reports(spec: TongHop, places: SourceMap) -> list[Path]:
    """The files `spec`'s patterns match (in pattern order, each sorted), once each, bar the report `places` maps;
    a pattern matching none is an error.

    '**' is not recursive: a pattern never walks a whole disk.
    """
    base = places.file.parent if places.file else Path()
    own = places.file.resolve() if places.file else None
    found: dict[Path, Path] = {}
    for i, pattern in enumerate(spec.cac_bao_cao):
        matches = [Path(os.path.normpath(base / m)) for m in sorted(glob.glob(pattern, root_dir=base))]
        matches = [m for m in matches if m.is_file()]
        if not matches:
            raise fail(
                places.where(("tong_hop", "cac_bao_cao", i)),
                msg.no_report_matches(pattern, str(base)),
                msg.PATTERN_HINT,
            )
        for match in matches:
            found.setdefault(match.resolve(), match)
    if own is not None:
        found.pop(own, None)
    return list(found.values())


class _RollUp:
    def __init__(self, report: BaoCao, spec: TongHop, places: SourceMap):
        self.report, self.spec, self.places = report, spec, places
        self.warnings: list[Problem] = []

    def run(self) -> RollUp:
        reports = [self._load(path) for path in lower_reports(self.spec, self.places)]
        units = [r for r in reports if r.problem is None]
        failed = [r for r in reports if r.problem is not None]
        self.warnings.extend(
            Problem(
                r.problem.location,
                msg.unit_report_left_out(r.name, r.problem.message),
                r.problem.hint or _FIX_SOURCE,
            )
            for r in failed
            if r.problem is not None
        )
        if not units:
            raise BaocaoError(
                Problem(
                    self._where("cac_bao_cao"),
                    msg.no_usable_unit_report(len(failed)),
                    msg.FIX_UNIT_REPORTS_HINT,
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
                msg.other_period(str(period), str(own)),
                msg.OTHER_PERIOD_HINT,
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
                        msg.unit_twice(unit.name),
                        msg.UNIT_TWICE_HINT,
                        (Problem(Location(first.path), msg.FIRST_REPORT_OF_UNIT),),
                    )
                )

    def _missing(self, reports: list[_Unit]) -> list[str]:
        """Expected units with no report (warned at their line); reports of units not expected are warned too."""
        listed = {_key(entry): i for i, entry in enumerate(self.spec.danh_sach_don_vi)}
        if not listed:
            return []
        for report in reports:
            if not report.keys & listed.keys():
                summed = "" if report.problem else msg.STILL_SUMMED
                self.warnings.append(
                    Problem(
                        self._where("danh_sach_don_vi"),
                        msg.unit_not_listed(str(report.path), report.name, summed),
                        msg.UNIT_NOT_LISTED_HINT,
                    )
                )
        reported = set().union(*(report.keys for report in reports))
        missing = [entry for entry in self.spec.danh_sach_don_vi if _key(entry) not in reported]
        for entry in missing:
            self.warnings.append(
                Problem(
                    self._where("danh_sach_don_vi", listed[_key(entry)]),
                    msg.no_report_of_unit(entry),
                    msg.NO_REPORT_OF_UNIT_HINT,
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
                msg.no_unit_has(source),
                suggest(source, known),
            )
        self._check_summable(name, parts)
        self._check_units(name, spec, parts)
        self._warn_partial(name, source, parts)
        sources = [
            Problem(
                self.places.where(("so_lieu", name, "tong_tu")),
                msg.rolled_total_of(source, len(parts)),
            ),
            *(Problem(u.where(source), msg.unit_values(u.name, _values(part))) for u, part in parts),
        ]
        what = msg.total_of_reports(len(parts))
        total = sum_figure(name, spec, [part for _, part in parts], self.places, what, sources, self.warnings)
        return replace(
            total, ten=spec.ten or parts[0][0].figures[source].ten, chi_tiet=tuple(part for _, part in parts)
        )

    def _check_summable(self, name: str, parts: list[tuple[_Unit, Figure]]) -> None:
        """Percentages and averages are never summed: the province computes them from its own totals."""
        unit, part = parts[0]
        if part.kind in ("ty_le_cua", "trung_binh_cua") or part.don_vi == "%":
            what = msg.AVERAGE if part.kind == "trung_binh_cua" else msg.RATIO
            raise BaocaoError(
                [
                    Problem(
                        self.places.where(("so_lieu", name, "tong_tu")),
                        msg.not_summable(part.name, what, name),
                        msg.NOT_SUMMABLE_HINT,
                    ),
                    Problem(unit.where(part.name), msg.figure_of_unit(part.name, unit.name)),
                ]
            )

    def _has(self, unit: _Unit, name: str, source: str) -> bool:
        if source in unit.figures:
            return True
        self.warnings.append(
            Problem(
                unit.where(),
                msg.unit_lacks(unit.name, source, name),
                msg.declare_or_rename(source),
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
                        msg.unit_measured_otherwise(
                            str(spec.tong_tu), unit.name, _unit(part.don_vi), _unit(expected), name
                        ),
                        msg.SAME_UNIT_HINT,
                        (Problem(reference, msg.unit_stated_here(_unit(expected))),),
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
                        msg.slot_missing_in_unit(source, unit.name, key, name),
                        msg.write_slot(key),
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
    return f"'{unit}'" if unit else msg.NO_UNIT_WRITTEN


def _values(figure: Figure) -> str:
    """'gia_tri 612,4; ke_hoach 620; cung_ky 605,8' (the fields the figure has)."""
    return "; ".join(
        f"{key} {format_number(getattr(figure, key), figure.so_le)}"
        for key in FIGURE_VALUES
        if getattr(figure, key) is not None
    )
