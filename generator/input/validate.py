"""Stage 2, validate: turn loaded YAML into model objects, with Vietnamese located errors."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from baocao.conventions.levels import DISTRICT_LEVELS
from baocao.errors import BaocaoError, Collector, Location, Problem, suggest
from baocao.input.figure_keys import FIGURE_VALUES
from baocao.input.figure_model import NguonSoLieu, SoLieu
from baocao.input.load import SourceMap, load_yaml
from baocao.input.model import UNIT_FILE, BaoCao, DonVi, all_keys
from baocao.input.workbooks import merge_workbooks, read_workbooks
from baocao.messages import common
from baocao.messages import validate as msg
from baocao.messages.figures import SLOT_WORDS, named_plan
from baocao.messages.input import choose_one_of

M = TypeVar("M", bound=BaseModel)

FIRST_YEAR, LAST_YEAR = 1945, 2100  # years a report period may plausibly fall in
_FIGURE_WORDS = {key: SLOT_WORDS[key] for key in FIGURE_VALUES}


@dataclass(frozen=True)
class Sources:
    """Validated inputs of one report, with the maps of where their values are."""

    report: BaoCao
    report_map: SourceMap
    unit: DonVi
    unit_map: SourceMap


@dataclass(frozen=True)
class Unvalidated:
    """A report and its unit profile as loaded, when either failed validation: the YAML data (a profile that
    could not be read: {}) and the profile's file. Later stages may still read them (the Word writer: the
    template they name, so a broken one is told with the YAML's problems)."""

    report: Any
    unit_file: Path
    unit: Any


class InvalidSources(BaocaoError):
    """The problems of a report and its profile, with what was loaded of them (Unvalidated)."""

    def __init__(self, problems: list[Problem], warnings: list[Problem], loaded: Unvalidated):
        super().__init__(problems, warnings)
        self.loaded = loaded


def load_model(path: Path, model: type[M]) -> tuple[M, SourceMap]:
    """Load a YAML file and validate it against `model`."""
    return parse_model(*load_yaml(path), model)


def parse_model(data: Any, places: SourceMap, model: type[M]) -> tuple[M, SourceMap]:
    """Validate loaded YAML data against `model`."""
    if not isinstance(data, dict):
        raise BaocaoError(Problem(places.where(()), msg.NOT_A_GROUP, msg.SEE_EXAMPLES_HINT))
    try:
        return model.model_validate(data), places
    except ValidationError as exc:
        raise BaocaoError(model_problems(exc, data, places)) from None


def load_sources(report_path: Path) -> Sources:
    """Load and validate a report and the unit profile it names; every value must be filled in."""
    return read_sources(report_path, filled=True)


def read_sources(report_path: Path, filled: bool = False) -> Sources:
    """Load and validate a report and the unit profile it names (every value filled in, if `filled`).

    The problems of both files are raised together, not only the first (InvalidSources, with what was loaded).
    """
    found = Collector()
    data, report_map = load_yaml(report_path)  # a syntax error ends the reading here
    report = found.attempt(lambda: parse_model(data, report_map, BaoCao)[0], None)
    if report is not None:
        found.attempt(lambda: _check_year(report, report_map), None)
        if filled:
            found.add(unfilled_values(report, report_map))
    unit_name = report.don_vi if report is not None else _named_unit(data)
    unit_path = report_path.parent / unit_name
    unit = unit_map = unit_data = None
    if not unit_path.is_file():
        named = isinstance(data, dict) and "don_vi" in data
        found.add(
            [
                Problem(
                    report_map.where(("don_vi",)) if named else Location(report_path),
                    msg.no_profile(str(unit_path)),
                    msg.NO_PROFILE_HINT,
                )
            ]
        )
    else:
        unit_data = found.attempt(lambda: load_yaml(unit_path), None)
        if unit_data is not None:
            unit, unit_map = found.attempt(lambda: parse_model(*unit_data, DonVi), (None, None))
    merged = None
    if report is not None and unit is not None and unit_map is not None:
        found.attempt(lambda: _check_level(report, report_map, unit, unit_map), None)
        merged = found.attempt(lambda: merge_workbooks(report, report_map, unit, unit_map), None)
    elif report is None:  # the workbooks' problems are told with the report's
        read_workbooks([(source, report_map, i) for i, source in named_workbooks(data)], found)
    if found.problems:
        loaded = Unvalidated(data, unit_path, unit_data[0] if unit_data is not None else {})
        raise InvalidSources(found.problems, found.warnings, loaded)
    assert merged is not None and unit is not None and unit_map is not None  # else there were problems
    return Sources(merged, report_map, unit, unit_map)


def named_workbooks(data: Any) -> list[tuple[int, NguonSoLieu]]:
    """The workbooks (so_lieu_tu) a YAML that failed validation names, those that are valid (the others are
    told), with their index."""
    raw = data.get("so_lieu_tu") if isinstance(data, dict) else None
    sources = []
    for i, item in enumerate(raw if isinstance(raw, list) else [raw] if raw else []):
        try:
            sources.append((i, NguonSoLieu.model_validate({"tep": item} if isinstance(item, str) else item)))
        except ValidationError:
            continue
    return sources


def _named_unit(data: Any) -> str:
    """The unit profile a report that failed validation names, for its problems to be found too."""
    name = data.get("don_vi") if isinstance(data, dict) else None
    return name if isinstance(name, str) and name.strip() else UNIT_FILE


def unfilled_values(report: BaoCao, places: SourceMap) -> list[Problem]:
    """Figure values written but left empty (as `baocao next` leaves them): one problem each."""
    return [
        Problem(
            places.where(("so_lieu", name, *path)),
            msg.unfilled(words, path[-1], name, spec.ten),
            msg.unfilled_hint(path[-1]),
        )
        for name, spec in report.so_lieu.items()
        for path, words in _empty_values(spec)
    ]


def _empty_values(spec: SoLieu) -> list[tuple[tuple[str, ...], str]]:
    """The values of a figure written but left empty: (path under the figure, what it is)."""
    empty = [
        ((key,), words)
        for key, words in _FIGURE_WORDS.items()
        if key in spec.model_fields_set and getattr(spec, key) is None
    ]
    return empty + [(("ke_hoach", plan), named_plan(plan)) for plan, value in spec.plans.items() if value is None]


def _check_year(report: BaoCao, report_map: SourceMap) -> None:
    year = report.ky_bao_cao.year
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise BaocaoError(
            Problem(
                report_map.where(("ky_bao_cao",)),
                msg.implausible_year(year),
                msg.plausible_years(FIRST_YEAR, LAST_YEAR),
            )
        )


def _check_level(report: BaoCao, report_map: SourceMap, unit: DonVi, unit_map: SourceMap) -> None:
    """A district-level unit cannot report on a period after the 2025 reform."""
    if unit.cap in DISTRICT_LEVELS and report.ky_bao_cao.end.year * 100 + report.ky_bao_cao.end.month > 202506:
        raise BaocaoError(
            Problem(
                unit_map.where(("cap",)),
                msg.abolished_level(unit.cap),
                msg.ABOLISHED_LEVEL_HINT,
                (Problem(report_map.where(("ky_bao_cao",)), msg.period_after_reform(str(report.ky_bao_cao))),),
            )
        )


def model_problems(exc: ValidationError, data: Any, places: SourceMap) -> list[Problem]:
    """Located Vietnamese problems for a model's validation errors of `data` (loaded at `places`)."""
    problems: dict[tuple, Problem] = {}
    found = exc.errors(include_url=False)
    errors = [e for e in found if _branch_fits(data, e["loc"])] or found
    for error in errors:
        path, rest = _data_path(data, error["loc"])
        if error["type"] == "missing" and _holds_sentence_key(data, path):
            continue  # "- Kết quả: tốt" read as a key; the unknown-key message explains it
        key = path + rest[:1]
        if key not in problems or error["type"] in ("extra_forbidden", "missing"):
            problems[key] = _problem(error, path, rest, places)
    return list(problems.values())


def _holds_sentence_key(data: Any, path: tuple) -> bool:
    """Whether the group at `path` has a key with spaces: a sentence whose ':' YAML read as a key."""
    for item in path:
        data = data[item]
    return isinstance(data, dict) and any(" " in key for key in data)


def _has_item(node: Any, item: str | int) -> bool:
    """Whether `item` of a pydantic loc is a key of the group, or an index of the list, `node`."""
    return (
        isinstance(node, dict) and item in node or isinstance(node, list) and isinstance(item, int) and item < len(node)
    )


def _branch_fits(data: Any, loc: tuple) -> bool:
    """Whether every union branch named in an error's loc matches the data's type there."""
    node = data
    for item in loc:
        if _has_item(node, item):
            node = node[item]
        elif isinstance(item, str) and (kind := _branch_type(item)) and not isinstance(node, kind):
            return False
    return True


def _branch_type(tag: str) -> type | None:
    """The data type a pydantic union-branch tag stands for ('Muc' → dict), None if not a tag."""
    if tag.startswith("list["):
        return list
    if tag[:1].isupper():
        return dict
    return str if "str" in tag else None


def _data_path(data: Any, loc: tuple) -> tuple[tuple, tuple]:
    """Split a pydantic loc into the part that exists in the data and a missing key after it."""
    path: list = []
    node, last = data, -1
    for i, item in enumerate(loc):
        if _has_item(node, item):
            path.append(item)
            node, last = node[item], i
    rest = tuple(x for x in loc[last + 1 :] if x in all_keys())
    return tuple(path), rest[-1:]


def _unknown_key_hint(key: str) -> str:
    if key.isdigit():
        return msg.SPLIT_DECIMAL_HINT
    if " " in key:
        return msg.SENTENCE_KEY_HINT
    if key in all_keys():
        return msg.OTHER_GROUP_HINT
    return suggest(key, sorted(all_keys()), msg.UNKNOWN_KEY_HINT)


def _problem(error: ErrorDetails, path: tuple, rest: tuple, places: SourceMap) -> Problem:
    kind, where = error["type"], places.where(path)
    key = rest[0] if rest else (path[-1] if path else "")
    value = msg.THIS_ITEM if isinstance(key, int) else msg.value_of(str(key))
    if kind == "extra_forbidden":
        return Problem(places.key(path), msg.unknown_key(str(key)), _unknown_key_hint(str(key)))
    if kind == "missing":
        return Problem(where, msg.missing_key(str(key)), msg.add_key_hint(str(key)))
    if kind in msg.TYPES:
        must, hint = msg.TYPES[kind]
        return Problem(where, msg.must_be(value, must), hint)
    if kind == "literal_error":
        return Problem(where, msg.invalid(value), choose_one_of(error["ctx"]["expected"].replace(" or ", common.OR)))
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = str(error["ctx"].get("ge", error["ctx"].get("le")))
        said = msg.at_least(value, bound) if kind == "greater_than_equal" else msg.at_most(value, bound)
        return Problem(where, said, msg.FIX_NUMBER_HINT)
    if kind == "value_error":
        return Problem(where, error["msg"].removeprefix("Value error, "), msg.VALUE_HINTS.get(str(key), ""))
    if kind == "int_parsing_size":
        return Problem(where, msg.number_too_long(value), msg.NUMBER_TOO_LONG_HINT)
    return Problem(where, msg.invalid_value(value, kind), msg.INVALID_VALUE_HINT)
