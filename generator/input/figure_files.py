"""A lower-level unit's figure file (.json or .xlsx, as `baocao figures` writes it) read for a roll-up.

A province may sum its communes' figure files in place of their reports (tong_hop.cac_bao_cao names
either). The file gives the unit's name and period (its identity: the JSON header, the workbook's
"Thông tin" sheet) and its figures, read like `so_lieu` (the workbook through workbooks.read_source, the
default layout). Roll-up links (`tong_tu`) are dropped: their values are written in the file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from baocao.conventions.sheets import IDENTITY_SHEET
from baocao.errors import Location, fail
from baocao.input.figure_file_model import TepSoLieu
from baocao.input.figure_model import NguonSoLieu, SoLieu
from baocao.input.load import SourceMap, read_text
from baocao.input.period import Period, UnknownPeriod, parse_period
from baocao.input.sheets import read_sheet
from baocao.input.workbooks import read_source
from baocao.messages import input as msg

FIGURE_FILE_SUFFIXES = (".json", ".xlsx")
_IDENTITY_KEYS = ("don_vi", "ky_bao_cao")
_MADE_BY = msg.MADE_BY


@dataclass(frozen=True)
class FigureFile:
    """A unit's name, its period, its figures (as declared in so_lieu) and where each is."""

    unit: str
    period: Period
    figures: dict[str, SoLieu]
    places: SourceMap


def is_figure_file(path: Path) -> bool:
    return path.suffix.lower() in FIGURE_FILE_SUFFIXES


def read_figure_file(path: Path) -> FigureFile:
    """The figure file at `path`; BaocaoError (located at the file, sheet and cell) when it cannot be used."""
    if path.suffix.lower() == ".json":
        return _json_file(path)
    return _workbook_file(path)


def _json_file(path: Path) -> FigureFile:
    try:
        data = json.loads(read_text(path))
        model = TepSoLieu.model_validate(data)
    except (ValueError, ValidationError) as exc:
        first = exc.errors()[0] if isinstance(exc, ValidationError) else None
        where = ".".join(str(item) for item in first["loc"]) if first else ""
        raise fail(
            Location(path, cell=where),
            msg.not_a_figure_file(where) if first else msg.NOT_JSON,
            _MADE_BY,
        ) from None
    places = SourceMap(path)
    figures = {}
    for name, record in model.so_lieu.items():
        places.put(("so_lieu", name), Location(path, cell=f"so_lieu.{name}"))
        figures[name] = _declared(record)
    return FigureFile(model.bao_cao.don_vi, _period(model.bao_cao.ky_bao_cao, Location(path)), figures, places)


def _declared(record: SoLieu) -> SoLieu:
    """The figure's own keys (the export's computed ones left out), without its roll-up link."""
    keys = {key: getattr(record, key) for key in record.model_fields_set & set(SoLieu.model_fields)}
    keys.pop("tong_tu", None)
    return SoLieu.model_validate(keys)


def _workbook_file(path: Path) -> FigureFile:
    identity = _identity(path)
    places = SourceMap(path)
    read = read_source(NguonSoLieu.model_validate({"tep": path.name}), path.parent, lambda _: Location(path))
    for name, cells in read.places.items():
        for key, cell in cells.items():
            places.put(("so_lieu", name, *key), cell)
    figures = {name: _declared(spec) for name, spec in read.figures.items()}
    return FigureFile(identity["don_vi"][0], _period(*identity["ky_bao_cao"]), figures, places)


def _identity(path: Path) -> dict[str, tuple[str, Location]]:
    """The unit's name and period from the workbook's identity sheet (key, value rows), with their cells."""
    sheet = read_sheet(path, IDENTITY_SHEET, lambda _: Location(path))
    found: dict[str, tuple[str, Location]] = {}
    for row in range(2, len(sheet.rows) + 1):
        key, value = sheet.value(row, 1), sheet.value(row, 2)
        if key in _IDENTITY_KEYS and isinstance(value, str) and value.strip():
            found[key] = (value.strip(), sheet.at(row, 2))
    missing = [key for key in _IDENTITY_KEYS if key not in found]
    if missing:
        raise fail(
            sheet.at(1, 1),
            msg.identity_rows_missing(IDENTITY_SHEET, ", ".join(missing)),
            f"{msg.IDENTITY_ROWS_HINT} {_MADE_BY}",
        )
    return found


def _period(text: str, where: Location) -> Period:
    try:
        return parse_period(text)
    except UnknownPeriod as exc:
        raise fail(where, str(exc)) from None
