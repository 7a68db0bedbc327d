"""Stage 2, validate: turn loaded YAML into model objects, with Vietnamese located errors."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import BaocaoError, Problem
from .load import SourceMap, load_yaml
from .model import DISTRICT_LEVELS, BaoCao, DonVi, all_keys

M = TypeVar("M", bound=BaseModel)

_TYPE_NAMES = {
    "string_type": "một đoạn văn bản",
    "int_type": "một số nguyên",
    "int_parsing": "một số nguyên",
    "int_from_float": "một số nguyên",
    "bool_type": "true hoặc false",
    "bool_parsing": "true hoặc false",
    "list_type": "một danh sách (mỗi mục một dòng bắt đầu bằng '- ')",
    "dict_type": "một nhóm khóa (mỗi dòng 'khoa: giá trị')",
    "model_type": "một nhóm khóa (mỗi dòng 'khoa: giá trị')",
    "model_attributes_type": "một nhóm khóa (mỗi dòng 'khoa: giá trị')",
}


@dataclass(frozen=True)
class Sources:
    """Validated inputs of one report, with the maps of where their values are."""

    report: BaoCao
    report_map: SourceMap
    unit: DonVi
    unit_map: SourceMap


def load_model(path: Path, model: type[M]) -> tuple[M, SourceMap]:
    """Load a YAML file and validate it against `model`."""
    data, places = load_yaml(path)
    if not isinstance(data, dict):
        raise BaocaoError(Problem(places.where(()), "Tệp phải là một nhóm khóa (mỗi dòng 'khoa: giá trị').", "Xem tệp mẫu trong thư mục data/."))
    try:
        return model.model_validate(data), places
    except ValidationError as exc:
        raise BaocaoError(_problems(exc, data, places)) from None


def load_sources(report_path: Path) -> Sources:
    """Load and validate a report and the unit profile it names."""
    report, report_map = load_model(report_path, BaoCao)
    unit_path = (report_path.parent / report.don_vi)
    if not unit_path.is_file():
        raise BaocaoError(Problem(report_map.where(("don_vi",)), f"Không tìm thấy hồ sơ đơn vị '{unit_path}'.",
                                  "Đặt tệp don-vi.yaml cạnh tệp báo cáo, hoặc ghi đúng đường dẫn ở khóa don_vi."))
    unit, unit_map = load_model(unit_path, DonVi)
    _check_level(report, report_map, unit, unit_map)
    return Sources(report, report_map, unit, unit_map)


def _check_level(report: BaoCao, report_map: SourceMap, unit: DonVi, unit_map: SourceMap) -> None:
    """A district-level unit cannot report on a period after the 2025 reform."""
    if unit.cap in DISTRICT_LEVELS and report.ky_bao_cao.end.year * 100 + report.ky_bao_cao.end.month > 202506:
        raise BaocaoError([
            Problem(unit_map.where(("cap",)), f"Cấp '{unit.cap}' không còn từ ngày 01/7/2025 (chính quyền địa phương hai cấp).",
                    "Dùng cấp xã, phường, đặc khu hoặc tỉnh cho các kỳ sau ngày 01/7/2025."),
            Problem(report_map.where(("ky_bao_cao",)), f"Kỳ báo cáo '{report.ky_bao_cao}' kết thúc sau ngày 30/6/2025."),
        ])


def _problems(exc: ValidationError, data: Any, places: SourceMap) -> list[Problem]:
    problems: dict[tuple, Problem] = {}
    errors = [e for e in exc.errors() if _branch_fits(data, e["loc"])] or exc.errors()
    for error in errors:
        path, rest = _data_path(data, error["loc"])
        key = path + rest[:1]
        if key not in problems or error["type"] in ("extra_forbidden", "missing"):
            problems[key] = _problem(error, path, rest, places)
    return list(problems.values())


def _branch_fits(data: Any, loc: tuple) -> bool:
    """Whether every union branch named in an error's loc matches the data's type there."""
    node = data
    for item in loc:
        if isinstance(node, dict) and item in node or isinstance(node, list) and isinstance(item, int) and item < len(node):
            node = node[item]
        elif isinstance(item, str) and _branch_type(item) and not isinstance(node, _branch_type(item)):
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
        if isinstance(node, dict) and item in node or isinstance(node, list) and isinstance(item, int) and item < len(node):
            path.append(item)
            node, last = node[item], i
    rest = tuple(x for x in loc[last + 1:] if isinstance(x, str) and x in all_keys())
    return tuple(path), rest[-1:]


def _unknown_key_hint(key: str) -> str:
    if key.isdigit():
        return "Số thập phân có dấu phẩy trong cặp ngoặc {...} bị tách đôi: viết số trong dấu nháy (\"612,4\") hoặc mỗi khóa một dòng."
    if " " in key:
        return "Câu văn có dấu ':' bị hiểu nhầm là tên khóa: đặt cả câu trong dấu nháy kép \"...\"."
    guess = difflib.get_close_matches(key, sorted(all_keys()), n=1)
    return f"Có phải bạn muốn viết '{guess[0]}'?" if guess else "Xóa khóa này hoặc xem các khóa hợp lệ trong README."


def _problem(error: dict, path: tuple, rest: tuple, places: SourceMap) -> Problem:
    kind, where = error["type"], places.where(path)
    key = rest[0] if rest else (path[-1] if path else "")
    if kind == "extra_forbidden":
        return Problem(where, f"Khóa '{key}' không có trong mẫu.", _unknown_key_hint(str(key)))
    if kind == "missing":
        return Problem(where, f"Thiếu khóa bắt buộc '{key}'.", f"Thêm dòng '{key}: ...' vào nhóm này.")
    if kind in _TYPE_NAMES:
        return Problem(where, f"Giá trị của '{key}' phải là {_TYPE_NAMES[kind]}.", "Sửa giá trị ở dòng này.")
    if kind == "literal_error":
        return Problem(where, f"Giá trị của '{key}' không hợp lệ.", f"Chọn một trong: {error['ctx']['expected']}.")
    message = error["msg"].removeprefix("Value error, ")
    return Problem(where, f"Giá trị của '{key}' không hợp lệ: {message}" if kind != "value_error" else message)
