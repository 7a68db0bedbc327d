"""A table's inferred layout checked against the build: the YAML must print back the cells it was read from.

The `bang` written for a layout is built with the report's own table builder (no figures); a number,
rate or difference column it prints otherwise than the Word file becomes a text column, and a total
row it prints otherwise stays a written row, until every cell comes back as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from pydantic import ValidationError

from baocao.compose.tables import build_table
from baocao.conventions.words import norm
from baocao.document.model import Cell, Row, Text
from baocao.errors import BaocaoError
from baocao.figures.figure import Figure
from baocao.input.load import SourceMap
from baocao.input.table_model import Bang
from baocao.readers.docx.table_kinds import Layout

Grid = list[list[str]]


def settle(layout: Layout, spec_of: Callable[[], dict[str, Any]], texts: Grid) -> dict[str, Any] | None:
    """The spec of `layout` once the build prints its number cells as `texts` (the item rows' cells, the
    total row's last) has them; `layout` is adjusted on the way. None when the build refuses the table."""
    for _ in range(len(layout.columns) + 2):
        spec = spec_of()
        built = rebuilt(spec)
        if built is None:
            return None
        items, total = built
        expected = texts[:-1] if layout.total else texts
        if len(items) != len(expected):
            return None
        wrong = {
            c
            for row, want in zip(items, expected, strict=True)
            for c, column in enumerate(layout.columns)
            if column.kind != "van_ban" and row[c] != want[c]
        }
        lead = next((c for c, col in enumerate(layout.columns) if col.kind not in ("stt", "van_ban")), 0)
        total_wrong = layout.total and (total is None or total[lead:] != texts[-1][lead:])
        if not wrong and not total_wrong:
            return spec
        if total_wrong:
            layout.drop_total()
        for c in wrong:
            layout.columns[c].as_text()
    return None


def rebuilt(spec: dict[str, Any], figures: Mapping[str, Figure] | None = None) -> tuple[Grid, list[str] | None] | None:
    """The texts the build prints in the item rows and the total row of `spec` (grid columns), its rows citing
    `figures`, or None when the build refuses it."""
    try:
        table = build_table(
            Bang.model_validate(spec), (), dict(figures or {}), SourceMap(None), lambda text, _path: [Text(text)]
        )
    except (BaocaoError, ValidationError):
        return None
    items = [_texts(row) for row in table.rows if row.kind == "item"]
    totals = [_texts(row) for row in table.rows if row.kind == "total"]
    return items, (totals[0] if totals else None)


def _texts(row: Row) -> list[str]:
    out: list[str] = []
    for cell in row.cells:
        out.append(_text(cell))
        out += [""] * (cell.span - 1)
    return out


def _text(cell: Cell) -> str:
    return norm(" ".join("".join(i.text for i in p if isinstance(i, Text)) for p in cell.paragraphs))
