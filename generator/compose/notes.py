"""Compose, footnotes: a sentence's `[^text]` or `[^name]` becomes a Note; a named note (chu_thich) is
composed once and shared by every sentence citing it; notes no sentence cites are warned about."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import partial

from baocao.compose.narrative import Narrator
from baocao.document.model import Note
from baocao.errors import BaocaoError, Collector, Location, Problem
from baocao.input.load import SourceMap
from baocao.messages import compose as msg

_NOTE_NAME = re.compile(r"^[a-z0-9_]+$")


class Notes:
    """The report's footnotes: `note` is the narrator's footnote resolver."""

    def __init__(self, defined: Mapping[str, list[str]], narrator: Narrator, places: SourceMap):
        self.defined = defined
        self.narrator = narrator
        self.places = places
        self.notes: dict[str, Note] = {}

    def note(self, body: str, where: Location) -> Note:
        if not _NOTE_NAME.match(body):  # the note's own text, rendered with its sentence
            return Note([self.narrator.markup(" ".join(body.split()), where)])
        if body not in self.defined:
            raise BaocaoError(
                Problem(
                    where,
                    msg.undefined_note(body),
                    msg.undefined_note_hint(body),
                )
            )
        if body not in self.notes:
            paragraphs = self.defined[body]
            paths = (
                [("chu_thich", body, i) for i in range(len(paragraphs))]
                if len(paragraphs) > 1
                else [("chu_thich", body)]
            )
            self.notes[body] = Note(
                [
                    self.narrator.inlines(text, self.places.where(path))
                    for text, path in zip(paragraphs, paths, strict=True)
                ],
                body,
            )
        return self.notes[body]

    def unused(self, found: Collector) -> list[Problem]:
        """Warnings for the named notes no sentence cited; after an error (which may have stopped the sentence
        citing one) they are rendered instead, so that their own problems are found too."""
        warnings = []
        for name in self.defined:
            if name in self.notes:
                continue
            where = self.places.where(("chu_thich", name))
            if found.problems:
                found.attempt(partial(self.note, name, where), None)
            else:
                warnings.append(
                    Problem(
                        where,
                        msg.unused_note(name),
                        msg.unused_note_hint(name),
                    )
                )
        return warnings
