"""`baocao next`: the next period's report written from this one, with its values left to fill.

Same outline, texts, tables and figure names; the file is edited as a round trip (ruamel.yaml) so
the clerk's comments stay. For each figure given a value (gia_tri):
- the value becomes `cung_ky` when the new period is the same period a year later; otherwise a
  `cung_ky` already there is left empty, to fill;
- `gia_tri` is left empty, and so is `ke_hoach` when the new period falls in another year (a new
  plan); a comment on the line says what to fill.
A total (tong_cua, or a roll-up's tong_tu) loses the values it stated for checking: they are
computed again from its parts. The report's workbooks (so_lieu_tu) are rolled alike, into
copies named for the new period (next_workbooks.py). The number and the date are cleared (a draft dated by the new
period's last month) and the italic line under the title, which names a cut-off date, is emptied.
A value left empty is an error for `validate` and `build` (validate.unfilled_values), so the new
file's only problems are the values to fill, which `next` lists.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from baocao.errors import BaocaoError, Location, Problem
from baocao.input.figure_keys import FIGURE_VALUES
from baocao.input.figure_model import COMPUTED_KEYS
from baocao.input.load import parse_yaml
from baocao.input.model import BaoCao
from baocao.input.next_workbooks import existing, point_to_rolled, roll_workbooks, write_rolled
from baocao.input.period import Period
from baocao.input.roundtrip import dump, round_trip
from baocao.input.scaffold import COMMENT_COLUMN, report_name
from baocao.input.schema import MODELINE, modeline
from baocao.input.validate import load_sources, parse_model, unfilled_values
from baocao.messages import common
from baocao.messages import input as msg
from baocao.write import write_atomic

TO_FILL = msg.TO_FILL


@dataclass
class Written:
    """The next report: where it was written and the values left to fill."""

    path: Path
    to_fill: list[Problem]
    workbooks: list[Path] = field(default_factory=list)  # so_lieu_tu's workbooks, rolled (next_workbooks.py)


def write_next(source: Path, period: Period, output: Path | None = None) -> Written:
    """Write the report for `period` from `source`; refuse to overwrite or to go back in time."""
    sources = load_sources(source)
    old = sources.report.ky_bao_cao
    if period.end <= old.end:
        raise BaocaoError(
            Problem(
                sources.report_map.where(("ky_bao_cao",)),
                msg.not_after(str(period), str(old)),
                msg.write_next_period(old.following().label),
            )
        )
    target = output or source.parent / report_name(sources.report.loai, period)
    if target.exists():
        raise BaocaoError(Problem(Location(target), common.FILE_EXISTS, msg.NEXT_EXISTS_HINT))
    data = round_trip().load(source.read_text(encoding="utf-8"))
    _frame(data, old, period)
    for name, figure in data.get("so_lieu", {}).items():
        data["so_lieu"][name] = _figure(data["so_lieu"], name, figure, old, period)
    if target.parent.resolve() != source.parent.resolve():
        assert sources.unit_map.file is not None  # the profile was loaded from a file
        _point_to_unit(data, sources.unit_map.file, target)
    rolled = roll_workbooks(sources.report, sources.report_map, old, period)
    if problems := existing(rolled):
        raise BaocaoError(problems)
    point_to_rolled(data, rolled, target)
    text = _header(dump(data), source, target, period)
    report, places = parse_model(*parse_yaml(unicodedata.normalize("NFC", text), target), BaoCao)
    write_rolled(rolled)
    write_atomic(target, text.encode("utf-8"))
    return Written(target, unfilled_values(report, places) + rolled.to_fill, list(rolled.files))


def _frame(data: CommentedMap, old: Period, new: Period) -> None:
    """The new period, a draft's number and date; the old period's name in trích yếu replaced."""
    data["ky_bao_cao"] = new.label
    data["ngay"] = new.draft_date()
    if "so" in data:
        data["so"] = None
    if data.get("dong_nghieng"):
        data["dong_nghieng"] = ""
        _note(data, "dong_nghieng", msg.REWRITE_CUTOFF_NOTE)
    if old.label in data.get("trich_yeu", ""):
        data["trich_yeu"] = data["trich_yeu"].replace(old.label, new.label)


def _figure(parent: CommentedMap, name: str, figure, old: Period, new: Period):
    """The figure for the new period (a bare number becomes a flow mapping)."""
    if not isinstance(figure, dict):
        figure = CommentedMap(gia_tri=figure)
        figure.fa.set_flow_style()
    new_year = new.year != old.year
    if any(key in figure for key in COMPUTED_KEYS):
        for key in ("gia_tri", "cung_ky", "giu_nguyen", *(("ke_hoach",) if new_year else ())):
            figure.pop(key, None)
        return figure
    if figure.get("gia_tri") is not None:
        if new == Period(old.kind, old.year + 1, old.number):
            figure["cung_ky"] = figure["gia_tri"]
        elif "cung_ky" in figure:
            figure["cung_ky"] = None
        figure["gia_tri"] = None
    plans = figure.get("ke_hoach")
    if new_year and isinstance(plans, dict):  # named plans: each one to fill, the names kept
        for plan in plans:
            plans[plan] = None
    elif new_year and plans is not None:
        figure["ke_hoach"] = None
    empty = [key for key in FIGURE_VALUES if key in figure and (figure[key] is None or _all_empty(figure[key]))]
    if figure.fa.flow_style():  # all on one line: the comment names the keys
        if empty:
            _note(parent, name, f"{TO_FILL}: {', '.join(empty)}")
    else:
        for key in empty:
            _note(figure, key, TO_FILL)
    return figure


def _all_empty(value) -> bool:
    """Named plans all left to fill."""
    return isinstance(value, dict) and all(plan is None for plan in value.values())


def _point_to_unit(data: CommentedMap, unit: Path, target: Path) -> None:
    """`don_vi` naming the same profile from the new file's folder."""
    relative = Path(os.path.relpath(unit, target.parent)).as_posix()
    if "don_vi" in data:
        data["don_vi"] = relative
    else:
        data.insert(0, "don_vi", relative)


def _note(mapping: CommentedMap, key: str, text: str) -> None:
    """A comment at the end of the key's line, before the clerk's own comment if there is one."""
    token = mapping.ca.items.get(key, [None, None, None])[2]
    if token is not None and token.value.lstrip().startswith("#"):
        token.value = f"# {text}; " + token.value.lstrip()[1:].lstrip()
    else:
        mapping.yaml_add_eol_comment(text, key, column=COMMENT_COLUMN)


def _header(text: str, source: Path, target: Path, period: Period) -> str:
    """A line saying where the file comes from and what to do, after the schema line (which keeps
    pointing at the schema when the file goes to another folder)."""
    note = msg.next_header(str(period), source.name)
    first, _, rest = text.partition("\n")
    if not first.startswith(MODELINE):
        return note + text
    schema = source.parent / first.removeprefix(MODELINE).strip()
    return f"{modeline(target, schema)}\n{note}{rest}"
