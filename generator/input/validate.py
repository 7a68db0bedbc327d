"""Stage 2, validate: turn loaded YAML into model objects, with Vietnamese located errors."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from baocao.errors import BaocaoError, Collector, Location, Problem, suggest
from baocao.input.figure_keys import FIGURE_VALUES
from baocao.input.figure_model import NguonSoLieu, SoLieu
from baocao.input.load import SourceMap, load_yaml
from baocao.input.model import DISTRICT_LEVELS, UNIT_FILE, BaoCao, DonVi, all_keys
from baocao.input.workbooks import merge_workbooks, read_workbooks

M = TypeVar("M", bound=BaseModel)

_INTEGER = ("một số nguyên", "Viết bằng chữ số, ví dụ 12; để trống nếu chưa có.")
_GROUP = ("một nhóm khóa", "Viết mỗi dòng một cặp 'khoa: giá trị', thụt lề vào trong so với dòng trên.")
_TYPES = {  # pydantic error type → (what the value must be, what to do)
    "string_type": (
        "một đoạn văn bản",
        'Văn bản chỉ gồm số, ngày hoặc true/false thì đặt trong dấu nháy kép, ví dụ "2026".',
    ),
    "int_type": _INTEGER,
    "int_parsing": _INTEGER,
    "int_from_float": _INTEGER,
    "bool_type": ("true hoặc false", "Ghi true (có) hoặc false (không)."),
    "bool_parsing": ("true hoặc false", "Ghi true (có) hoặc false (không)."),
    "list_type": ("một danh sách", "Viết mỗi mục một dòng bắt đầu bằng '- '."),
    "dict_type": _GROUP,
    "model_type": _GROUP,
    "model_attributes_type": _GROUP,
}
_VALUE_HINTS = {
    "ngay": "Viết ngày có trên lịch theo dạng ngày/tháng/năm, ví dụ 15/6/2026; dự thảo chưa có ngày ghi 6/2026."
}
FIRST_YEAR, LAST_YEAR = 1945, 2100  # years a report period may plausibly fall in
_FIGURE_WORDS = dict(zip(FIGURE_VALUES, ("giá trị kỳ này", "kế hoạch", "số cùng kỳ"), strict=True))


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
        raise BaocaoError(
            Problem(
                places.where(()),
                "Tệp phải là một nhóm khóa (mỗi dòng 'khoa: giá trị').",
                "Xem tệp mẫu trong thư mục data/.",
            )
        )
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
                    f"Không tìm thấy hồ sơ đơn vị '{unit_path}'.",
                    "Đặt tệp don-vi.yaml cạnh tệp báo cáo, hoặc ghi đúng đường dẫn ở khóa don_vi.",
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
        read_workbooks(_raw_sources(data, report_map), found)
    if found.problems:
        loaded = Unvalidated(data, unit_path, unit_data[0] if unit_data is not None else {})
        raise InvalidSources(found.problems, found.warnings, loaded)
    assert merged is not None and unit is not None and unit_map is not None  # else there were problems
    return Sources(merged, report_map, unit, unit_map)


def _raw_sources(data: Any, places: SourceMap) -> list[tuple[NguonSoLieu, SourceMap, int]]:
    """The workbooks a report that failed validation names, those that are valid (the others are told)."""
    raw = data.get("so_lieu_tu") if isinstance(data, dict) else None
    sources = []
    for i, item in enumerate(raw if isinstance(raw, list) else [raw] if raw else []):
        try:
            sources.append((NguonSoLieu.model_validate({"tep": item} if isinstance(item, str) else item), places, i))
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
            f"Chưa điền {words} ({path[-1]}) của số liệu '{name}'" + (f" ({spec.ten})." if spec.ten else "."),
            "Ghi số kiểu Việt Nam, ví dụ 1.539,72; nếu không có số này thì xóa khóa " + path[-1] + ".",
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
    return empty + [(("ke_hoach", plan), f"kế hoạch '{plan}'") for plan, value in spec.plans.items() if value is None]


def _check_year(report: BaoCao, report_map: SourceMap) -> None:
    year = report.ky_bao_cao.year
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise BaocaoError(
            Problem(
                report_map.where(("ky_bao_cao",)),
                f"Năm {year} của kỳ báo cáo không hợp lý.",
                f"Ghi năm từ {FIRST_YEAR} đến {LAST_YEAR}, ví dụ '6 tháng đầu năm 2026'.",
            )
        )


def _check_level(report: BaoCao, report_map: SourceMap, unit: DonVi, unit_map: SourceMap) -> None:
    """A district-level unit cannot report on a period after the 2025 reform."""
    if unit.cap in DISTRICT_LEVELS and report.ky_bao_cao.end.year * 100 + report.ky_bao_cao.end.month > 202506:
        raise BaocaoError(
            Problem(
                unit_map.where(("cap",)),
                f"Cấp '{unit.cap}' không còn từ ngày 01/7/2025 (chính quyền địa phương hai cấp).",
                "Dùng cấp xã, phường, đặc khu hoặc tỉnh cho các kỳ sau ngày 01/7/2025.",
                (
                    Problem(
                        report_map.where(("ky_bao_cao",)),
                        f"Kỳ báo cáo '{report.ky_bao_cao}' kết thúc sau ngày 30/6/2025.",
                    ),
                ),
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
        return (
            "Số thập phân có dấu phẩy trong cặp ngoặc {...} bị tách đôi: viết số trong dấu nháy "
            '("612,4") hoặc mỗi khóa một dòng.'
        )
    if " " in key:
        return "Câu văn có dấu ':' bị hiểu nhầm là tên khóa: đặt cả câu trong dấu nháy kép \"...\"."
    if key in all_keys():
        return (
            "Khóa này thuộc một nhóm khác (hoặc thuộc hồ sơ đơn vị don-vi.yaml, không thuộc tệp báo cáo): "
            "kiểm tra thụt lề và tệp đã chọn."
        )
    return suggest(key, sorted(all_keys()), "Xóa khóa này hoặc xem các khóa hợp lệ trong README.")


def _problem(error: ErrorDetails, path: tuple, rest: tuple, places: SourceMap) -> Problem:
    kind, where = error["type"], places.where(path)
    key = rest[0] if rest else (path[-1] if path else "")
    value = "Mục này" if isinstance(key, int) else f"Giá trị của '{key}'"
    if kind == "extra_forbidden":
        return Problem(places.key(path), f"Khóa '{key}' không hợp lệ ở đây.", _unknown_key_hint(str(key)))
    if kind == "missing":
        return Problem(where, f"Thiếu khóa bắt buộc '{key}'.", f"Thêm dòng '{key}: ...' vào nhóm này.")
    if kind in _TYPES:
        must, hint = _TYPES[kind]
        return Problem(where, f"{value} phải là {must}.", hint)
    if kind == "literal_error":
        return Problem(
            where, f"{value} không hợp lệ.", f"Chọn một trong: {error['ctx']['expected'].replace(' or ', ' hoặc ')}."
        )
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = error["ctx"].get("ge", error["ctx"].get("le"))
        return Problem(
            where,
            f"{value} phải {'từ' if kind == 'greater_than_equal' else 'không quá'} {bound}.",
            "Sửa số ở dòng này.",
        )
    if kind == "value_error":
        return Problem(where, error["msg"].removeprefix("Value error, "), _VALUE_HINTS.get(str(key), ""))
    return Problem(where, f"{value} không hợp lệ ({error['msg']}).", "Sửa giá trị ở dòng này.")
