"""Figures from workbooks (`so_lieu_tu`): .xlsx, .ods and .csv sheets read into `SoLieu` figures.

A source names a file, a sheet and a layout:
- default: a header row of figure keys (`ten_so_lieu` for the name, then `ten`, `gia_tri`, `don_vi`,
  `ke_hoach`, ...: any key of `SoLieu`; `a.b` is key b of mapping a, e.g. `ke_hoach.nghi_quyet`; list
  keys such as `tong_cua` hold items separated by ';', or by ',' not before a digit), one figure a row. What
  `baocao figures -o x.xlsx` writes.
- `cot`: a department's own table, each figure key mapped to a column heading (or column letter).
- `o`: single cells, `{name: C5}` (its value) or `{name: {gia_tri: C5, ke_hoach: D5}}`.

Each figure is validated by the model like one written in YAML, and every value keeps its place:
`so-lieu.xlsx:Số liệu:C5` (errors.Location.cell). Numbers are the cached values Excel or LibreOffice
stored; a formula without one (a file written by a program and never opened) is refused, as is text
that is not a number (text that reads as a Vietnamese number, "1.539,72", is taken as in YAML).

merge_workbooks() puts them beside the YAML figures: a name in both is an error unless the YAML
figure says `ghi_de: true` (its keys then replace or complete the workbook's).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from baocao.errors import BaocaoError, Collector, Location, Problem, fail, suggest
from baocao.input.cells import OVERRIDE, CellReader, Read
from baocao.input.figure_model import NguonSoLieu, SoLieu
from baocao.input.load import SourceMap
from baocao.input.model import BaoCao, DonVi
from baocao.input.sheets import Path_, read_sheet
from baocao.messages import workbooks as msg

# ---- merging with the YAML figures ------------------------------------------------------------


def merge_workbooks(report: BaoCao, places: SourceMap, unit: DonVi, unit_map: SourceMap) -> BaoCao:
    """The report with the figures of its (and its profile's) workbooks among its own; `places` learns their cells.

    Raises the problems of every workbook and of the merging together (BaocaoError).
    """
    sources = [(s, unit_map, i) for i, s in enumerate(unit.so_lieu_tu)] + [
        (s, places, i) for i, s in enumerate(report.so_lieu_tu)
    ]
    if not sources:
        return report
    found = Collector()
    read = read_workbooks(sources, found)
    merged: dict[str, SoLieu] = {}
    for name, (figure, cells) in read.items():
        merged[name] = found.attempt(partial(_merged, name, figure, cells, report.so_lieu.get(name), places), figure)
    for name, spec in report.so_lieu.items():
        if spec.ghi_de and name not in read:
            found.add(
                fail(
                    places.where(("so_lieu", name, OVERRIDE)),
                    msg.override_without_workbook(name),
                    suggest(name, read, msg.OVERRIDE_WITHOUT_WORKBOOK_HINT),
                ).problems
            )
        merged.setdefault(name, spec)
    found.check()
    return report.model_copy(update={"so_lieu": merged})


def read_workbooks(
    sources: list[tuple[NguonSoLieu, SourceMap, int]], found: Collector
) -> dict[str, tuple[SoLieu, dict[Path_, Location]]]:
    """The figures of every source (each with the YAML it is named in, and its index in so_lieu_tu), by name,
    with their cells; the problems of all the sources are kept in `found`."""
    figures: dict[str, tuple[SoLieu, dict[Path_, Location]]] = {}
    for source, where, i in sources:
        place = partial(_source_place, where, i)
        read = found.attempt(partial(read_source, source, _base(where), place), Read())
        for name, figure in read.figures.items():
            if name in figures:
                found.add(
                    [
                        Problem(read.places[name][()], msg.figure_in_two_workbooks(name), msg.TWO_ROWS_HINT),
                        Problem(figures[name][1][()], msg.FIRST_HERE),
                    ]
                )
                continue
            figures[name] = (figure, read.places[name])
    return figures


def _source_place(places: SourceMap, index: int, path: Path_) -> Location:
    return places.where(("so_lieu_tu", index, *path))


def _base(places: SourceMap) -> Path:
    return places.file.parent if places.file else Path()


def _merged(name: str, figure: SoLieu, cells: dict[Path_, Location], own: SoLieu | None, places: SourceMap) -> SoLieu:
    """The workbook's figure, with the YAML figure's keys over it when it says ghi_de; cells recorded in `places`."""
    if own is not None and not own.ghi_de:
        raise BaocaoError(
            [
                Problem(
                    places.key(("so_lieu", name)), msg.figure_already_in_workbook(name), msg.ALREADY_IN_WORKBOOK_HINT
                ),
                Problem(cells[()], msg.figure_in_workbook(name)),
            ]
        )
    stated = own.model_fields_set - {OVERRIDE} if own else set()
    for path, cell in cells.items():
        if not path or path[0] not in stated:
            places.put(("so_lieu", name, *path), cell)
    return figure.model_copy(update={key: getattr(own, key) for key in stated}) if own else figure


# ---- one source ---------------------------------------------------------------------------------


def read_source(source: NguonSoLieu, base: Path, where: Callable[[Path_], Location]) -> Read:
    """The figures of one source; `where` gives the place of a key of the source's YAML (for its errors)."""
    sheet = read_sheet(base / source.tep, source.trang, where)
    reader = CellReader(sheet, where)
    if source.o:
        reader.cells(source.o)
    else:
        reader.rows(source.dong_tieu_de, source.cot)
    reader.check_formulas()
    if reader.problems:
        raise BaocaoError(reader.problems)
    return reader.read
