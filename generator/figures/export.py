"""Figures out (`baocao figures`, `build --so-lieu`): every figure of a report with its computed values.

A record per figure, keyed by its name: first the figure's own keys as `so_lieu` takes them, with the
computed values (totals, averages, ratios, roll-ups) written in at the decimals they are shown with, so
that reading a record back computes the same figure; then what follows from them (ratio to each plan
and to the same period, difference, parts) and where the figure comes from (YAML file:line or workbook
file:sheet:cell). writers/figures.py writes the records as a workbook in the default layout of
`so_lieu_tu`, or as JSON under a header of the report's identity; the JSON's schema is generated from
the models of input/figure_file_model.py (`baocao schema`), which also reads the file back for a roll-up.
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from baocao.conventions.documents import number_and_sign, report_sign
from baocao.errors import Location
from baocao.figures.figure import Figure
from baocao.input.figure_keys import FIGURE_VALUES
from baocao.input.figure_model import SoLieu
from baocao.input.validate import Sources

FORMAT_VERSION = 1
OVERRIDE = "ghi_de"  # a key of the YAML figure only (workbook merging): never exported
#: Keys every record carries (empty when the figure has none), for a reporting system to find them.
CORE_KEYS = ("ma_chi_tieu", "ten", "gia_tri", "don_vi", "ke_hoach", "cung_ky")
#: Keys of a figure whose value is computed when the figure is (written with the figure's own decimals).
_COMPUTED_VALUES = (*FIGURE_VALUES, "so_le", "don_vi", "ten")


def identity(sources: Sources, subject: str) -> dict[str, Any]:
    """The report's identity (ThongTinBaoCao); `subject` is its trích yếu as composed."""
    report, unit = sources.report, sources.unit
    signer = report.nguoi_ky or unit.nguoi_ky
    sign = report_sign(unit.ky_hieu)
    day = report.ngay.as_date()
    return {
        "loai": report.loai,
        "ky_bao_cao": str(report.ky_bao_cao),
        "den_ngay": report.ky_bao_cao.end.isoformat(),
        "co_quan_chu_quan": unit.co_quan_chu_quan,
        "co_quan": " ".join(unit.co_quan_ban_hanh),
        "don_vi": unit.ten_goi_tat,
        "cap": unit.cap,
        "so": report.so,
        "ky_hieu": sign,
        "so_ky_hieu": number_and_sign(report.so, sign) if report.so else "",
        "ngay": day.isoformat() if day else None,
        "thang": f"{report.ngay.year:04d}-{report.ngay.month:02d}",
        "trich_yeu": subject,
        "nguoi_ky": {
            "tham_quyen": signer.tham_quyen,
            "thay_cho": signer.thay_cho,
            "chuc_vu": signer.chuc_vu,
            "ho_ten": signer.ho_ten,
        },
        "tep": sources.report_map.file.name if sources.report_map.file else "",
    }


def figure_records(sources: Sources, figures: dict[str, Figure]) -> dict[str, dict[str, Any]]:
    """Every figure of the report (in its order) as a record: its keys, computed values, parts and source."""
    places = sources.report_map
    base = places.file.parent if places.file else Path()
    return {
        name: _record(
            spec, figures[name], _source(places.where(("so_lieu", name)), places.key(("so_lieu", name)), base)
        )
        for name, spec in sources.report.so_lieu.items()
        if name in figures
    }


def _record(spec: SoLieu, figure: Figure, source: str) -> dict[str, Any]:
    stated = {key: getattr(spec, key) for key in spec.model_fields_set if key != OVERRIDE}
    if figure.kind:  # a computed figure: its values as shown, so that reading them back checks equal
        stated |= {key: getattr(figure, key) for key in _COMPUTED_VALUES if getattr(figure, key) not in (None, "")}
        if figure.plans:
            stated["ke_hoach"] = dict(figure.plans)
    else:
        stated["ke_hoach"] = spec.ke_hoach
    if isinstance(stated.get("ty_le_cua"), BaseModel):
        stated["ty_le_cua"] = stated["ty_le_cua"].model_dump()
    record = {key: stated.get(key, "" if key in ("ma_chi_tieu", "ten", "don_vi") else None) for key in CORE_KEYS}
    record |= {key: value for key, value in stated.items() if key not in CORE_KEYS}
    record |= {
        "ty_le_ke_hoach": figure.ty_le_ke_hoach,
        "ty_le_theo_ke_hoach": {plan: figure.ratio_to_plan(plan) for plan in figure.plans},
        "ty_le_cung_ky": figure.ty_le_cung_ky,
        "chenh_lech": figure.chenh_lech,
        "thanh_phan": _parts(spec, figure),
        "chi_tiet": [
            {"don_vi": part.ten, **{key: getattr(part, key) for key in FIGURE_VALUES}} for part in figure.chi_tiet
        ],
        "nguon": source,
    }
    return record


def _parts(spec: SoLieu, figure: Figure) -> list[str]:
    if figure.chi_tiet:
        return [part.ten for part in figure.chi_tiet]
    if spec.ty_le_cua:
        return [spec.ty_le_cua.tu_so, spec.ty_le_cua.mau_so]
    return list(spec.tong_cua or spec.trung_binh_cua)


def _source(value: Location, key: Location, base: Path) -> str:
    """Where a figure is (its workbook cell, else its key in the YAML), the file named from the report's folder:
    'bao-cao.yaml:12:3', 'so-lieu.xlsx:Số liệu:A3'."""
    where = value if value.cell else key
    if where.file is None:
        return str(where)
    try:
        shown = Path(os.path.relpath(where.file, base))
    except ValueError:  # another drive (Windows)
        shown = where.file
    return str(Location(Path(shown.as_posix()), where.line, where.column, cell=where.cell))


def plain_number(value: Decimal) -> int | float | str:
    """A value as a JSON or spreadsheet number: an int, a float that reads back as the same Decimal, else text."""
    if value == value.to_integral_value() and abs(value) < 10**15:
        return int(value)
    number = float(value)
    return number if Decimal(repr(number)) == value.normalize() else str(value)
