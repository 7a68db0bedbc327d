"""Stage 1, load: read a clerk's YAML file into plain data plus a map of where each value is.

Text is normalised to NFC; characters XML cannot hold are rejected with their line. Numbers
written with a dot or comma are kept as their source text, so the model can read them the
Vietnamese way ("1.507" is one thousand five hundred and seven, not 1.507).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from .errors import Location, fail

Path_ = tuple[str | int, ...]

try:  # libyaml's composer is several times faster; same nodes and marks
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

# XML 1.0 forbids C0 controls other than tab/newline/return, surrogates, U+FFFE and U+FFFF.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_FLOAT_TAG = "tag:yaml.org,2002:float"
_STR_TAG = "tag:yaml.org,2002:str"

_YAML_HINTS = {
    "mapping values are not allowed": "Có dấu hai chấm ':' ở chỗ không hợp lệ. Nếu câu văn có dấu ':', "
    "hãy đặt cả câu trong dấu nháy kép \"...\" hoặc dùng khối '|'.",
    "could not find expected ':'": "Thiếu dấu hai chấm ':' sau tên khóa, hoặc thụt lề chưa đúng.",
    "did not find expected key": "Thụt lề chưa thẳng hàng: các khóa cùng cấp phải bắt đầu ở cùng một cột.",
    "found character '\\t'": "Dùng dấu cách để thụt lề, không dùng phím Tab.",
    "found a tab character": "Dùng dấu cách để thụt lề, không dùng phím Tab.",
    "did not find expected '-'": "Các mục của danh sách phải cùng thụt lề và bắt đầu bằng '- '.",
    "found undefined alias": "Tên tham chiếu '*...' chưa được khai báo bằng '&...'.",
    "found unexpected end of stream": "Thiếu dấu nháy đóng \" hoặc ' ở cuối câu.",
}


class SourceMap:
    """Where each value of a loaded file sits: path of keys/indexes → Location."""

    def __init__(self, file: Path | None):
        self.file = file
        self._places: dict[Path_, Location] = {}

    def add(self, path: Path_, line: int, column: int) -> None:
        self._places[path] = Location(self.file, line, column)

    def where(self, path: Path_) -> Location:
        """Location of `path`, or of its nearest located parent."""
        path = tuple(path)
        while path not in self._places and path:
            path = path[:-1]
        return self._places.get(path, Location(self.file))


def read_text(path: Path) -> str:
    """Read a UTF-8 file, NFC-normalised, refusing characters XML cannot hold."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise fail(Location(path), "Không đọc được tệp.", f"Kiểm tra đường dẫn và quyền đọc ({exc.strerror}).")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise fail(Location(path, line), "Tệp không được lưu theo mã UTF-8.", "Lưu lại tệp với bảng mã UTF-8 (Unicode).")
    text = unicodedata.normalize("NFC", text)
    bad = _XML_INVALID.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise fail(
            Location(path, line, column),
            f"Ký tự điều khiển U+{ord(bad.group()):04X} không được phép trong văn bản.",
            "Xóa ký tự này (thường do sao chép từ tệp khác).",
        )
    return text


def load_yaml(path: Path) -> tuple[Any, SourceMap]:
    """Load one YAML document; return its data and the map of where each value is."""
    return parse_yaml(read_text(path), path)


def parse_yaml(text: str, path: Path | None = None) -> tuple[Any, SourceMap]:
    """Parse YAML text (already normalised) into data and a SourceMap."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, path)
    except yaml.YAMLError as exc:
        raise fail(Location(path), f"Tệp YAML không hợp lệ ({exc}).", "Kiểm tra cú pháp YAML.")
    places = SourceMap(path)
    if node is None:
        return {}, places
    return _Builder(places, yaml.constructor.SafeConstructor()).build(node, ()), places


def _syntax_error(exc: yaml.MarkedYAMLError, path: Path | None):
    mark = exc.problem_mark or exc.context_mark
    location = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
    problem = exc.problem or exc.context or "lỗi cú pháp"
    hint = next((h for key, h in _YAML_HINTS.items() if key in problem), "Kiểm tra thụt lề, dấu hai chấm và dấu nháy ở dòng này hoặc dòng ngay trên.")
    return fail(location, f"Lỗi cú pháp YAML: {problem}.", hint)


class _Builder:
    """Turn composed YAML nodes into Python data, recording each node's place."""

    def __init__(self, places: SourceMap, constructor: yaml.constructor.SafeConstructor):
        self.places = places
        self.constructor = constructor

    def build(self, node: yaml.Node, path: Path_) -> Any:
        mark = node.start_mark
        # A block scalar's text starts on the line after its '|' or '>' indicator.
        block = isinstance(node, yaml.ScalarNode) and node.style in ("|", ">")
        self.places.add(path, mark.line + 1 + block, 0 if block else mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for key_node, value_node in node.value:
            here = Location(self.places.file, key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                raise fail(here, "Khóa không hợp lệ.", "Mỗi khóa là một tên đơn giản, ví dụ: co_quan_ban_hanh:")
            key = str(self._scalar(key_node))
            if key in data:
                first = self.places.where(path + (key,))
                raise fail(here, f"Khóa '{key}' bị khai báo hai lần (lần đầu ở dòng {first.line}).", "Xóa hoặc gộp một trong hai.")
            data[key] = self.build(value_node, path + (key,))
        return data

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag == _FLOAT_TAG and not node.style:  # plain (libyaml says "", PyYAML None)
            return node.value  # keep "1.507" as written; the model reads it the Vietnamese way
        if node.tag == _STR_TAG:
            return node.value
        return self.constructor.construct_object(node)
