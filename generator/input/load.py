"""Stage 1, load: read a clerk's YAML file into plain data plus a map of where each value is.

Text is normalised to NFC; characters XML cannot hold are rejected with their line. Numbers
written with a dot or comma are kept as their source text, so the model can read them the
Vietnamese way ("1.507" is one thousand five hundred and seven, not 1.507).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer, ComposerError

from baocao import limits
from baocao.conventions.formatting import format_number
from baocao.errors import BaocaoError, Location, fail, os_reason
from baocao.input.stack import on_big_stack
from baocao.messages import common
from baocao.messages import input as msg

Path_ = tuple[str | int, ...]


class _CachedTags:
    """A loader whose plain scalars' tags (YAML's implicit ones: null, bool, int, float, timestamp, str, found by
    trying regular expressions on each scalar) are looked up once per process for each value: a file repeats its
    keys and many of its values."""

    def resolve(self, kind, value, implicit):
        if kind is not yaml.ScalarNode:  # no path resolvers (a safe loader's): a collection's tag is the default
            return _COLLECTION_TAGS[kind]
        return _scalar_tag(value, implicit) if len(value) <= _SHORT else _RESOLVER.resolve(kind, value, implicit)


_RESOLVER = yaml.resolver.Resolver()
_COLLECTION_TAGS = {yaml.SequenceNode: _RESOLVER.DEFAULT_SEQUENCE_TAG, yaml.MappingNode: _RESOLVER.DEFAULT_MAPPING_TAG}
_SHORT = 64  # the values cached: keys, numbers, dates, yes/no (a paragraph recurs seldom and would stay in memory)


@lru_cache(maxsize=4096)
def _scalar_tag(value: str, implicit: tuple[bool, bool]) -> str:
    return _RESOLVER.resolve(yaml.ScalarNode, value, implicit)


try:  # libyaml parses several times faster; PyYAML's composer builds the nodes from its events (see _Loader)

    class _CLoader(_CachedTags, yaml.CSafeLoader):
        """libyaml's safe loader, with _CachedTags."""

    _Parser: type[yaml.CSafeLoader] | type[yaml.SafeLoader] = _CLoader
    _BASES: tuple[type, ...] = (Composer, _Parser)
    # libyaml's own composer is faster still. It recurses in C once per level (~330 bytes of stack), up to
    # libyaml's own limit (from 0.2.5: 1000 levels of brackets and indentation together, up to two nodes each);
    # 1000 levels overflow a 256 KB stack (a thread's, or a small `ulimit -s`), so it runs on a thread of its own
    # with enough stack (input/stack.py). The builder tells the clerk at limits.MAX_DEPTH, as _Loader would.
    _C_COMPOSER = _CLoader if yaml._yaml.get_version() >= (0, 2, 5) else None
except AttributeError:  # pragma: no cover - depends on how PyYAML was built

    class _PyLoader(_CachedTags, yaml.SafeLoader):
        """PyYAML's safe loader, with _CachedTags."""

    _Parser = _PyLoader
    _BASES = (_Parser,)
    _C_COMPOSER = None

# XML 1.0 forbids C0 controls other than tab/newline/return, surrogates, U+FFFE and U+FFFF.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NUMBER_TAGS = ("tag:yaml.org,2002:float", "tag:yaml.org,2002:int")
_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_DATE_TAG = "tag:yaml.org,2002:timestamp"
_PLAIN_TYPES = (str, int, float, bool, type(None), dt.date)  # what SafeConstructor makes of scalars, bar !!binary


class _Loader(*_BASES):  # type: ignore[misc]  # mypy takes no computed bases
    """A safe loader whose composer refuses nesting deeper than limits.MAX_DEPTH when it gets there.

    PyYAML's composer, not libyaml's: the same nodes and marks, in one pass over the events, and
    it can stop before the recursion goes too deep (libyaml's composer would crash first).
    """

    def __init__(self, stream: str):
        _Parser.__init__(self, stream)
        self.anchors: dict = {}  # the composer's own state, which CSafeLoader does not set up
        self.depth = 0

    def compose_sequence_node(self, anchor):
        return self._nested(Composer.compose_sequence_node, anchor)

    def compose_mapping_node(self, anchor):
        return self._nested(Composer.compose_mapping_node, anchor)

    def _nested(self, compose, anchor):
        if self.depth >= limits.MAX_DEPTH:  # reported like libyaml's own limit (parse_yaml)
            raise ComposerError(
                problem=f"nesting depth over {limits.MAX_DEPTH}", problem_mark=self.peek_event().start_mark
            )
        self.depth += 1
        node = compose(self, anchor)
        self.depth -= 1
        return node


class SourceMap:
    """Where each value of a loaded file sits: path of keys/indexes → Location; the file's `text`; `borrowed`:
    whether some values come from elsewhere (put: a workbook's cells), not from `text`.

    The loader records places as (line, column, word_lines); a Location is made when one is asked for (most
    never are: they name the place of a problem)."""

    def __init__(self, file: Path | None, text: str = ""):
        self.file = file
        self.text = text
        self.borrowed = False
        self._places: dict[Path_, Location | tuple[int, int, tuple[int, ...]]] = {}
        self._keys: dict[Path_, Location | tuple[int, int]] = {}

    def add(self, path: Path_, line: int, column: int, word_lines: tuple[int, ...] = ()) -> None:
        self._places[path] = (line, column, word_lines)

    def put(self, path: Path_, where: Location) -> None:
        """Record a value that comes from elsewhere (a workbook's cell) as if it were at `path`."""
        self._places[tuple(path)] = where
        self.borrowed = True

    def add_key(self, path: Path_, line: int, column: int) -> None:
        self._keys[path] = (line, column)

    def where(self, path: Path_) -> Location:
        """Location of `path`, or of its nearest located parent."""
        path = tuple(path)
        while path not in self._places and path:
            path = path[:-1]
        place = self._places.get(path)
        if place is None:
            return Location(self.file)
        if not isinstance(place, Location):
            place = self._places[path] = Location(self.file, *place)
        return place

    def key(self, path: Path_) -> Location:
        """Location of the key naming `path` (of its value for a list item or the whole file)."""
        key = self._keys.get(tuple(path))
        return Location(self.file, *key) if isinstance(key, tuple) else key or self.where(path)


def read_text(path: Path) -> str:
    """Read a UTF-8 file, NFC-normalised, refusing characters XML cannot hold."""
    try:
        size = path.stat().st_size
        if size > limits.MAX_YAML_BYTES:
            raise fail(
                Location(path),
                msg.yaml_too_big(format_number(size / 1e6, 1), format_number(limits.MAX_YAML_BYTES / 1e6)),
                msg.YAML_TOO_BIG_HINT,
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise fail(Location(path), msg.UNREADABLE, common.check_path_and_rights(os_reason(exc))) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise fail(Location(path, line), msg.NOT_UTF8, msg.NOT_UTF8_HINT) from None
    text = unicodedata.normalize("NFC", text)
    bad = XML_INVALID.search(text)
    if bad:
        raise _control_char(bad.group(), _position(text, bad.start(), path), msg.COPIED_HINT)
    return text


def _position(text: str, index: int, path: Path | None) -> Location:
    """The line and column of character `index` of `text`."""
    return Location(path, text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1)


def _control_char(char: str, where: Location, hint: str) -> BaocaoError:
    return fail(where, msg.control_character(f"{ord(char):04X}"), hint)


def load_yaml(path: Path) -> tuple[Any, SourceMap]:
    """Load one YAML document; return its data and the map of where each value is."""
    return parse_yaml(read_text(path), path)


def parse_yaml(text: str, path: Path | None = None) -> tuple[Any, SourceMap]:
    """Parse YAML text into data and a SourceMap. The text is read_text's: NFC, no character XML refuses
    (a scalar's value is taken from it as it is, _Builder._written)."""
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        if "nesting depth" in (exc.problem or ""):  # ours (_Loader), or libyaml's own (0.2.5+: 1000)
            raise _too_deep(_location(path, exc.problem_mark)) from None
        raise _syntax_error(exc, text, path) from None
    except (
        yaml.reader.ReaderError
    ) as exc:  # a character YAML refuses (C1 controls such as U+009C); its first is the one
        char = chr(exc.character)
        raise _control_char(char, _position(text, text.find(char), path), msg.COPIED_HINT) from None
    places = SourceMap(path, text)
    if node is None:
        return {}, places
    return _Builder(places, text).build(node, ()), places


def _compose(text: str) -> yaml.Node | None:
    """The node tree of one YAML document: libyaml's composer, or ours (_Loader) when there is none, or
    to tell where nesting too deep for libyaml first went past limits.MAX_DEPTH."""
    if _C_COMPOSER is not None:
        try:
            return on_big_stack(yaml.compose, text, Loader=_C_COMPOSER)
        except yaml.MarkedYAMLError as exc:
            if "nesting depth" not in (exc.problem or ""):
                raise
    return yaml.compose(text, Loader=_Loader)


def _check_length(value: str, path: Path | None, mark) -> None:
    """Refuse a value longer than limits.MAX_SCALAR (a 2 MB trích yếu), at its `mark`."""
    if len(value) > limits.MAX_SCALAR:
        raise fail(
            _location(path, mark),
            msg.value_too_long(format_number(len(value)), format_number(limits.MAX_SCALAR)),
            msg.VALUE_TOO_LONG_HINT,
        )


def _too_deep(where: Location):
    return fail(
        where,
        msg.too_deep(limits.MAX_DEPTH),
        msg.TOO_DEEP_HINT,
    )


def _location(path: Path | None, mark) -> Location:
    return Location(path, mark.line + 1, mark.column + 1)


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, path: Path | None) -> BaocaoError:
    problem = f"{exc.context or ''} {exc.problem or ''}"
    # A missing ':' is noticed on a later line; the key it belongs to is where scanning started.
    mark = exc.context_mark if "expected ':'" in problem and exc.context_mark else exc.problem_mark or exc.context_mark
    if mark and text[mark.index : mark.index + 1] == "\t":
        problem = "tab character"
    what, hint = next(
        (v for key, v in msg.YAML_PROBLEMS.items() if key in problem),
        (msg.other_yaml_syntax((exc.problem or exc.context or "").strip()), msg.OTHER_YAML_SYNTAX_HINT),
    )
    return fail(_location(path, mark) if mark else Location(path), msg.yaml_syntax(what), hint)


class _Builder:
    """Turn composed YAML nodes into Python data, recording each node's place."""

    def __init__(self, places: SourceMap, text: str):
        self.places = places
        self.text = text
        self.constructor = yaml.constructor.SafeConstructor()
        self.open: list[yaml.Node] = []  # collections being built, outermost first
        self.count = 0

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.count += 1
        if self.count > limits.MAX_NODES:
            raise fail(
                Location(self.places.file),
                msg.TOO_MANY_VALUES,
                msg.TOO_MANY_VALUES_HINT,
            )
        start = node.start_mark
        if isinstance(node, yaml.ScalarNode) and start.line != node.end_mark.line:
            block = node.style in ("|", ">")  # a block scalar's text starts on the line after its '|' or '>'
            self.places.add(
                path, start.line + 1 + block, 0 if block else start.column + 1, self._word_lines(node, block)
            )
        else:
            self.places.add(path, start.line + 1, start.column + 1)
        return self._scalar(node) if isinstance(node, yaml.ScalarNode) else self._collection(node, path)

    def _word_lines(self, node: yaml.Node, block: bool) -> tuple[int, ...]:
        """The file line of each word of a scalar that spans lines."""
        lines = self.text[node.start_mark.index : node.end_mark.index].split("\n")[block:]
        first = node.start_mark.line + 1 + block
        return tuple(first + i for i, line in enumerate(lines) for _ in line.split())

    def _collection(self, node: yaml.Node, path: Path_) -> Any:
        if any(node is parent for parent in self.open):
            raise fail(
                _location(self.places.file, node.start_mark),
                msg.ALIAS_LOOP,
                msg.ALIAS_LOOP_HINT,
            )
        if len(self.open) >= limits.MAX_DEPTH:
            raise _too_deep(_location(self.places.file, node.start_mark))
        self.open.append(node)
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, path)
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        finally:
            self.open.pop()

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for key_node, value_node in node.value:
            mark = key_node.start_mark
            if key_node.tag == _MERGE_TAG:
                raise fail(_location(self.places.file, mark), msg.NO_MERGE_KEY, msg.NO_MERGE_KEY_HINT)
            if not isinstance(key_node, yaml.ScalarNode):
                raise fail(_location(self.places.file, mark), msg.BAD_KEY, msg.BAD_KEY_HINT)
            _check_length(key_node.value, self.places.file, key_node.start_mark)
            key = self._written(key_node)  # a key is kept as written: 'null:' is the key 'null'
            here = path + (key,)
            if key in data:
                raise fail(
                    _location(self.places.file, mark),
                    msg.key_twice(key, self.places.key(here).line),
                    msg.KEY_TWICE_HINT,
                )
            self.places.add_key(here, mark.line + 1, mark.column + 1)
            data[key] = self.build(value_node, here)
        return data

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        _check_length(node.value, self.places.file, node.start_mark)
        if node.tag in _NUMBER_TAGS and not node.style:  # plain (libyaml says "", PyYAML None)
            # Kept as written: the model reads "1.507" the Vietnamese way, and YAML 1.1's
            # octal "010", hex "0x1F" and base-60 "1:30" never turn into other numbers.
            return node.value
        if node.tag == _STR_TAG:
            return self._written(node)
        here = _location(self.places.file, node.start_mark)
        try:
            value = self.constructor.construct_object(node)
        except (ValueError, yaml.YAMLError):
            if node.tag == _DATE_TAG:
                raise fail(here, msg.not_a_date(node.value), msg.DATE_HINT) from None
            raise fail(
                here,
                msg.unreadable_value(node.value[:40]),
                msg.UNREADABLE_VALUE_HINT,
            ) from None
        if isinstance(value, str):
            return self._text(value, node.start_mark)
        if not isinstance(value, _PLAIN_TYPES):
            raise fail(here, msg.unsupported_tag(node.tag), msg.UNSUPPORTED_TAG_HINT)
        return value

    def _written(self, node: yaml.ScalarNode) -> str:
        """A scalar's text. Unless double-quoted (whose escapes make any character: _text), it is the file's text
        with line breaks folded, already checked and normalised (read_text): it stays NFC, its lines joined by a
        space or a line break, which never combine with a letter."""
        return self._text(node.value, node.start_mark) if node.style == '"' else node.value

    def _text(self, value: str, mark) -> str:
        """Text from an escape ("\\u0301", "\\x01") is normalised and checked like the file itself."""
        bad = XML_INVALID.search(value)
        if bad:
            raise _control_char(bad.group(), _location(self.places.file, mark), msg.ESCAPE_HINT)
        return unicodedata.normalize("NFC", value)
