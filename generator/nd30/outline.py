"""Heading numbering: Phần, mục I., 1., 1.1., điểm a) in sequence and under the right parent.

The ladder is not fixed by depth (ND30 practice: "a)" straight under "1.", "1." straight under a Phần):
what must hold is that labels run in order within their parent and that each parent's children share
one style. Numbered paragraphs ("1. text") and run-in headings count as well as headings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol

from baocao.conventions.formatting import VIETNAMESE_LETTERS
from baocao.conventions.numbering import PART, PART_ORDINALS, POINT, SECTION, Typed, label, read_label
from baocao.messages import nd30 as msg
from baocao.nd30.findings import Finding
from baocao.nd30.reader import Docx, Para
from baocao.nd30.rules import finding

PART_RANK, SECTION_RANK, POINT_RANK = 0, 1, 99  # Phần, mục I., điểm a); "1." is 2, "1.1." is 3...
_RANKS = {PART: PART_RANK, SECTION: SECTION_RANK, POINT: POINT_RANK}


class Numbered(Protocol):
    @property
    def number(self) -> int: ...
    @property
    def label(self) -> str: ...
    @property
    def place(self) -> str: ...


def sequence_problem(current: Numbered, previous: Numbered | None, label_for: Callable[[int], str], first: str) -> str:
    """Why `current` does not follow `previous` in a 1, 2, 3… sequence ("" if it does); `first` says where a
    sequence without a previous item starts."""
    expected = previous.number + 1 if previous else 1
    if current.number == expected:
        return ""
    if previous is None:
        return msg.first_number(current.label, first, label_for(expected))
    if current.number > expected:
        return msg.number_skipped(current.label, previous.label, previous.place, label_for(expected))
    return msg.number_repeated(current.label, previous.label, previous.place, label_for(expected))


@dataclass(frozen=True)
class _Heading:
    """A numbered heading: its label as typed (a điểm's number is its letter's position, 0 when it is not a
    Vietnamese letter), where it is, and whether it is a numbered paragraph ("1. text", or a run-in heading
    "a) Lead-in: text") rather than a heading line."""

    typed: Typed
    place: str
    where: str
    paragraph: bool = False

    @property
    def noun(self) -> str:
        """What the clerk sees: a heading (đề mục), or a paragraph starting with a number (đoạn đánh số)."""
        return msg.NUMBERED_PARAGRAPH if self.paragraph else msg.HEADING

    @property
    def rank(self) -> int:
        return _RANKS.get(self.typed.kind, SECTION_RANK + len(self.typed.numbers))

    @property
    def numbers(self) -> tuple[int, ...]:
        return self.typed.numbers

    @property
    def number(self) -> int:
        return self.typed.number

    @property
    def label(self) -> str:
        return self.typed.text

    @property
    def style(self) -> tuple[str, int]:
        """What its siblings must share: the kind of label, and how many numbers an arabic one has."""
        return self.typed.kind, len(self.numbers)

    def label_for(self, number: int) -> str:
        """This heading's label with its own number replaced by `number`."""
        if self.typed.kind == POINT and number > len(VIETNAMESE_LETTERS):
            return "?"
        words = self.typed.words and number <= len(PART_ORDINALS)
        return label(self.typed.kind, self.numbers[:-1] + (number,), words)


def _heading(doc: Docx, para: Para) -> _Heading | None:
    """The heading a paragraph's label makes, or None when it starts with no label (or "Phần"/a Roman
    numeral that is no number)."""
    typed = read_label(para.text)
    if typed is None or (typed.kind in (PART, SECTION) and not typed.number):
        return None
    return _Heading(typed, para.place, para.where, not _is_heading(doc, para, whole=True))


class _Outline:
    """Follows the open headings (one per rank) and reports numbers that break the hierarchy."""

    def __init__(self):
        self.open: dict[int, _Heading] = {}
        self.first_part: _Heading | None = None
        self.first_child: dict[str, _Heading] = {}  # the first child met under each parent (by its place)

    def see(self, heading: _Heading) -> Iterator[Finding]:
        if heading.rank == PART_RANK:
            yield from self._part_style(heading)
        if heading.rank == POINT_RANK and heading.number == 0:
            yield self._finding(
                heading,
                msg.not_a_vietnamese_letter(heading.label),
            )
            return
        if SECTION_RANK + 1 < heading.rank < POINT_RANK:  # 1.1., 1.1.1.: the parent must be open
            yield from self._parent(heading)
        yield from self._sibling_style(heading)
        problem = sequence_problem(heading, self.open.get(heading.rank), heading.label_for, self._inside(heading.rank))
        if problem:
            yield self._finding(heading, f"{heading.noun} {problem}")
        self.open = {rank: h for rank, h in self.open.items() if rank < heading.rank}
        self.open[heading.rank] = heading

    def _container(self, rank: int) -> _Heading | None:
        """The nearest open heading above `rank`."""
        above = [r for r in self.open if r < rank]
        return self.open[max(above)] if above else None

    def _inside(self, rank: int) -> str:
        container = self._container(rank)
        return msg.inside(msg.labelled_place(container.label, container.place)) if container else msg.OF_THE_DOCUMENT

    def _parent(self, heading: _Heading) -> Iterator[Finding]:
        parent = heading.numbers[:-1]
        ranks = range(SECTION_RANK + 1, heading.rank)
        if tuple(self.open[r].number if r in self.open else 0 for r in ranks) != parent:
            missing = ".".join(map(str, parent)) + "."
            container = self._container(heading.rank - 1)
            under, inside = (
                (msg.labelled_place(container.label, container.place), msg.quoted(container.label))
                if container
                else (msg.START_OF_DOCUMENT, msg.THE_DOCUMENT)
            )
            yield self._finding(
                heading,
                msg.parent_missing(heading.label, under, missing, inside),
            )

    def _sibling_style(self, heading: _Heading) -> Iterator[Finding]:
        container = self._container(heading.rank)
        first = self.first_child.setdefault(container.where if container else "", heading)
        if first.style != heading.style:
            inside = msg.labelled_place(container.label, container.place) if container else msg.THE_DOCUMENT
            yield finding(
                "kieu-muc",
                msg.two_sibling_styles(inside, heading.label, first.label, first.place),
                heading.where,
            )

    def _part_style(self, heading: _Heading) -> Iterator[Finding]:
        first = self.first_part = self.first_part or heading
        if heading.typed.words != first.typed.words:
            yield self._finding(
                heading,
                msg.two_part_styles(heading.label, first.label, first.place),
            )

    @staticmethod
    def _finding(heading: _Heading, message: str) -> Finding:
        return finding("danh-so-muc", message, heading.where)


def _is_heading(doc: Docx, para: Para, whole: bool = False) -> bool:
    """A heading style, or the first run with text bold; with `whole`, every run with text bold (a heading
    line: a run-in heading's text is not)."""
    runs = para.visible_runs if whole else para.visible_runs[:1]
    return doc.styles.is_heading_style(para.element) or (bool(runs) and all(run.bold for run in runs))


def check_outline(doc: Docx) -> Iterator[Finding]:
    """Body paragraphs that start with a label are the outline: headings, numbered paragraphs ("1. text")
    and run-in headings; "Phần …" counts only as a heading (bold or a heading style), as prose may start
    with the word."""
    outline = _Outline()
    for para in doc.body_text:
        heading = _heading(doc, para)
        if heading and (heading.rank != PART_RANK or _is_heading(doc, para)):
            yield from outline.see(heading)
