"""Trust checks at build: the slips of conventions/slips.py and input/placeholders.py (the rules `baocao check`
applies to a .docx)
found in the clerk's YAML, each located at the file, line and column it was typed at.

Placeholders are looked for in every text of the report and of the unit profile. Number styles
are looked for in the sentences as rendered, so numbers that figures print through filters are
never taken for slips; a slip is then found back in the sentence as typed to name its line.
The warnings carry the slip's code: `--strict` turns them into errors (pipeline.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from baocao.conventions.slips import (
    EN_DECIMAL,
    NUMBER_STYLE,
    VI_DECIMAL,
    Slip,
    mixed_decimals,
    number_slips,
    number_tokens,
)
from baocao.errors import Location, Problem
from baocao.input.load import SourceMap
from baocao.input.placeholders import may_hold_placeholders, placeholder_slips
from baocao.input.validate import Sources


def placeholder_warnings(sources: Sources) -> list[Problem]:
    """The placeholders of `baocao init` left in the report or in the unit profile, in file order."""
    found = []
    for model, places in ((sources.report, sources.report_map), (sources.unit, sources.unit_map)):
        if not places.borrowed and not may_hold_placeholders(places.text):
            continue
        for path, text in _texts(model, ()):
            slips = placeholder_slips(text)
            if slips:
                where = places.where(path)
                found += [_warning(slip, locate(places, where, text, slip.token, slip.start)) for slip in slips]
    return sorted(found, key=lambda w: (w.location.file != sources.report_map.file, w.location.line, w.location.column))


class NumberSlips:
    """Number-style slips of the sentences of one report file, gathered as they are rendered."""

    def __init__(self, places: SourceMap):
        self.places = places
        self.warnings: list[Problem] = []
        self.first_of: dict[str, tuple[str, str]] = {}  # decimal kind (VI_, EN_DECIMAL) → first token, where
        self.first_at: dict[str, Location] = {}

    def scan(self, source: str, rendered: str, where: Location) -> None:
        """Look for slips in a sentence as `rendered` from `source`, the text typed at `where`."""
        for slip in number_slips(rendered):
            place = self._where(source, slip.token, where)
            warning = _warning(slip, place)
            if warning not in self.warnings:
                self.warnings.append(warning)
            if slip.kind == EN_DECIMAL:
                self._first(slip.kind, slip.token, place)
        if VI_DECIMAL not in self.first_of:  # numbers written right are no slips: only the first counts, for mixed()
            token = next((match[0] for match, _ in number_tokens(rendered, (VI_DECIMAL,))), None)
            if token:
                self._first(VI_DECIMAL, token, self._where(source, token, where))

    def mixed(self) -> list[Problem]:
        """One warning when the sentences use both decimal marks (none otherwise)."""
        message = mixed_decimals(self.first_of)
        if not message:
            return []
        return [Problem(self.first_at[EN_DECIMAL], message, code=NUMBER_STYLE)]

    def _first(self, kind: str, token: str, place: Location) -> None:
        if kind not in self.first_of:
            self.first_at[kind], self.first_of[kind] = place, (token, str(place))

    def _where(self, source: str, token: str, where: Location) -> Location:
        return locate(self.places, where, source, token, source.find(token))


def locate(places: SourceMap, where: Location, source: str, token: str, offset: int) -> Location:
    """Where `token`, found at `offset` of the text `source` typed at `where`, is in the file (the
    text's own place when it is not in it: it came out of an expression)."""
    if offset < 0 or not where.line:
        return where
    line = where.line
    words, word_lines = source.split(), where.word_lines
    if word_lines and len(words) == len(word_lines):
        index = len(source[:offset].split()) - (0 if offset == 0 or source[offset - 1].isspace() else 1)
        line = word_lines[min(max(index, 0), len(word_lines) - 1)]
    elif "\n" in source:
        line += source.count("\n", 0, offset)
    lines = places.text.splitlines()
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    column = text.find(token, where.column - 1 if line == where.line and where.column else 0)
    return Location(where.file, line, column + 1 if column >= 0 else 0)


def _warning(slip: Slip, where: Location) -> Problem:
    return Problem(where, slip.message, code=slip.code)


def _texts(value: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    """Every text the clerk wrote in validated data (models, lists, groups), with its path of keys and indexes."""
    if isinstance(value, BaseModel):
        fields = type(value).model_fields
        value = {fields[name].alias or name: getattr(value, name) for name in value.model_fields_set}
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, path + (i,))
    elif isinstance(value, str):
        yield path, value
