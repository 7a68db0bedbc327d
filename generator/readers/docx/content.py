"""The content of a .docx as Word shows it: paragraphs of formatted runs and footnote citations, tables, notes.

Formatting is the effective one (direct formatting, then character, paragraph and table styles:
`nd30.styles.Styles`); all caps (w:caps) is applied to the text. Word's automatic numbering is turned
into the label it shows ("1.", "a)", "-"), so typed and automatic labels are read alike. A NOTEREF field
(a footnote cited again) becomes a citation of that footnote. Body paragraphs are numbered as
`baocao check` numbers them ("đoạn N"), so a clerk finds a place named in the import's summary.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TypeAlias

from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from baocao.conventions.formatting import roman
from baocao.document.model import Text
from baocao.nd30.reader import Run
from baocao.nd30.styles import Styles, attr, find, related_xml, to_int

P, TBL, R, SDT = qn("w:p"), qn("w:tbl"), qn("w:r"), qn("w:sdt")
_TEXT_BOX = qn("w:txbxContent")
_CHART = "{http://schemas.openxmlformats.org/drawingml/2006/chart}chart"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIPPED = {qn("w:del"), qn("w:moveFrom"), _MC_FALLBACK, qn("w:pPr"), qn("w:rPr"), _TEXT_BOX}
_NOTEREF = re.compile(r"^\s*NOTEREF\s+(\S+)", re.IGNORECASE)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_NOTE_SEPARATORS = {"separator", "continuationSeparator", "continuationNotice"}


@dataclass(frozen=True)
class Cite:
    """A citation of footnote `note` (its w:id) in the text."""

    note: str


Inline: TypeAlias = Text | Cite


@dataclass
class Para:
    """A paragraph: its place, runs, style, Word's numbering label and the text boxes anchored in it."""

    place: str
    inlines: list[Inline]
    style: str = ""  # the paragraph style's name, lower case
    heading_level: int | None = None  # 1 for Heading 1 (or outline level 0)
    auto_label: str = ""  # what Word's automatic numbering shows before the text ('1.', 'a)', '-')
    align: str = ""
    boxes: list[Para] = field(default_factory=list)
    charts: list[str] = field(default_factory=list)  # relationship ids of the charts drawn in it (c:chart r:id)

    @property
    def text(self) -> str:
        return "".join(i.text for i in self.inlines if isinstance(i, Text))

    @property
    def plain(self) -> str:
        """The text with Word's label, whitespace collapsed, NFC."""
        label = f"{self.auto_label} " if self.auto_label else ""
        return unicodedata.normalize("NFC", " ".join((label + self.text).split()))


@dataclass
class Cell:
    paragraphs: list[Para]
    span: int = 1
    merge: str = ""  # 'restart' / 'continue' (vertical merge)

    @property
    def text(self) -> str:
        return "\n".join(p.plain for p in self.paragraphs if p.plain)


@dataclass
class Table:
    place: str  # 'bảng T'
    rows: list[list[Cell]]
    header_rows: int = 0  # rows marked to repeat as header


Block: TypeAlias = Para | Table


@dataclass
class Content:
    """The body's blocks in order and the footnotes (w:id → paragraphs)."""

    blocks: list[Block]
    notes: dict[str, list[Para]]


def read_content(document: WordDocument) -> Content:
    """The body and the footnotes of `document`."""
    styles = Styles.of(document)
    numbering = _Numbering(document)
    body = document.element.body
    reader = _Reader(styles, numbering, _bookmarked_notes(body))
    blocks = reader.blocks(body)
    notes = {}
    footnotes = related_xml(document.part, RT.FOOTNOTES)
    for note in footnotes.iterchildren(qn("w:footnote")) if footnotes is not None else ():
        if note.get(qn("w:type")) not in _NOTE_SEPARATORS:
            notes[note.get(qn("w:id"))] = [
                b for b in reader.blocks(note, f"chú thích {note.get(qn('w:id'))}") if isinstance(b, Para)
            ]
    return Content(blocks, notes)


def _bookmarked_notes(body) -> dict[str, str]:
    """Bookmark name → the footnote it marks (a bookmark just before a footnote reference in one paragraph)."""
    found: dict[str, str] = {}
    for p in body.iter(P):
        pending: list[str] = []
        for element in p.iter(qn("w:bookmarkStart"), qn("w:footnoteReference")):
            if element.tag == qn("w:bookmarkStart"):
                pending.append(element.get(qn("w:name"), ""))
            else:
                found.update((name, element.get(qn("w:id"))) for name in pending)
                pending = []
    return found


class _Reader:
    def __init__(self, styles: Styles, numbering: _Numbering, bookmarks: dict[str, str]):
        self.styles, self.numbering, self.bookmarks = styles, numbering, bookmarks
        self.tables = 0

    def blocks(self, container, place: str = "") -> list[Block]:
        """Paragraphs and tables of a body, note, cell or text box (block content controls opened)."""
        found: list[Block] = []
        count = 0
        for child in _children(container):
            if child.tag == P:
                count += 1
                found.append(self.paragraph(child, f"{place}, đoạn {count}" if place else f"đoạn {count}"))
            else:
                self.tables += 1
                found.append(self.table(child, f"bảng {self.tables}"))
        return found

    def table(self, tbl, place: str) -> Table:
        rows, header = [], 0
        for r, tr in enumerate(tbl.iterchildren(qn("w:tr")), 1):
            if find(tr, "w:trPr/w:tblHeader") is not None and header == r - 1:
                header = r
            cells = []
            for c, tc in enumerate(tr.iterchildren(qn("w:tc")), 1):
                merge = find(tc, "w:tcPr/w:vMerge")
                cells.append(
                    Cell(
                        [b for b in self.blocks(tc, f"{place}, ô ({r}, {c})") if isinstance(b, Para)],
                        to_int(attr(find(tc, "w:tcPr/w:gridSpan")), 1),
                        "" if merge is None else (attr(merge) or "continue"),
                    )
                )
            rows.append(cells)
        return Table(place, rows, header)

    def paragraph(self, p, place: str) -> Para:
        inlines = _Runs(self, p).read()
        chain = self.styles.paragraph_chain(p)
        name = (attr(find(chain[0], "w:name")) or "").lower() if chain else ""
        level = _outline_level(p, chain, name)
        boxes = [box for box in p.iter(_TEXT_BOX) if not any(a.tag == _MC_FALLBACK for a in box.iterancestors())]
        para = Para(place, inlines, name, level, self.numbering.label(p, chain), _alignment(p, chain))
        para.charts = [c.get(qn("r:id")) for c in p.iter(_CHART)]
        for number, box in enumerate(boxes, 1):
            para.boxes += [b for b in self.blocks(box, f"{place}, hộp văn bản {number}") if isinstance(b, Para)]
        return para


def _children(container):
    for child in container:
        if child.tag in (P, TBL):
            yield child
        elif child.tag == SDT and child.find(qn("w:sdtContent")) is not None:
            yield from _children(child.find(qn("w:sdtContent")))


def _outline_level(p, chain: list, name: str) -> int | None:
    match = re.fullmatch(r"heading (\d)", name)
    if match:
        return int(match.group(1))
    for source in [p, *chain]:
        level = attr(find(source, "w:pPr/w:outlineLvl"))
        if level is not None and level.isdigit() and int(level) < 9:
            return int(level) + 1
    return None


def _alignment(p, chain: list) -> str:
    for source in [p, *chain]:
        value = attr(find(source, "w:pPr/w:jc"))
        if value:
            return value
    return ""


class _Runs:
    """The inlines of one paragraph: formatted text, footnote citations, field results."""

    def __init__(self, reader: _Reader, p):
        self.reader, self.p = reader, p
        self.out: list[Inline] = []
        self.fields: list[list[str]] = []  # per open field: [instruction, state]

    def read(self) -> list[Inline]:
        self._walk(self.p)
        return _merged(self.out)

    def _walk(self, element) -> None:
        for child in element:
            if child.tag in _SKIPPED:
                continue
            if child.tag == R:
                self._run(child)
            elif child.tag == qn("w:fldSimple"):
                self._simple_field(child)
            elif child.tag not in (P, TBL):
                self._walk(child)

    def _simple_field(self, element) -> None:
        match = _NOTEREF.match(element.get(qn("w:instr"), ""))
        if match and match.group(1) in self.reader.bookmarks:
            self.out.append(Cite(self.reader.bookmarks[match.group(1)]))
        else:
            self._walk(element)

    def _run(self, r) -> None:
        run = Run("", False, self.reader.styles.run_properties(r, self.p))
        caps = bool(
            run.prop("w:caps") is not None and (attr(run.prop("w:caps")) or "true") not in ("0", "false", "off")
        )
        for child in r:
            tag = child.tag
            if tag == qn("w:fldChar"):
                self._field_mark(child.get(qn("w:fldCharType")))
            elif tag == qn("w:instrText") and self.fields:
                self.fields[-1][0] += child.text or ""
            elif self.fields and self.fields[-1][1] == "instruction":
                continue
            elif self.fields and _NOTEREF.match(self.fields[-1][0]):
                continue  # the number shown by a NOTEREF: the citation is added at the field's end
            elif tag == qn("w:footnoteReference"):
                self.out.append(Cite(child.get(qn("w:id"))))
            elif tag in (qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen"), qn("w:sym")):
                text = _character(child)
                if text:
                    self.out.append(
                        Text(text.upper() if caps else text, run.bold, run.italic, run.vertical == "superscript")
                    )

    def _field_mark(self, kind: str | None) -> None:
        if kind == "begin":
            self.fields.append(["", "instruction"])
        elif kind == "separate" and self.fields:
            self.fields[-1][1] = "result"
        elif kind == "end" and self.fields:
            instruction = self.fields.pop()[0]
            match = _NOTEREF.match(instruction)
            if match and match.group(1) in self.reader.bookmarks:
                self.out.append(Cite(self.reader.bookmarks[match.group(1)]))


def _character(element) -> str:
    tag = element.tag
    if tag == qn("w:t"):
        return element.text or ""
    if tag == qn("w:tab"):
        return "\t"
    if tag == qn("w:br"):
        return "" if element.get(qn("w:type")) in ("page", "column") else "\n"
    if tag == qn("w:cr"):
        return "\n"
    if tag == qn("w:noBreakHyphen"):
        return "-"
    char = element.get(qn("w:char"), "")  # w:sym: a symbol font's private-use code; F0xx is its ASCII
    try:
        code = int(char, 16)
    except ValueError:
        return ""
    return chr(code - 0xF000) if 0xF020 <= code <= 0xF07E else ""


def _merged(inlines: list[Inline]) -> list[Inline]:
    """Adjacent runs of one formatting joined."""
    out: list[Inline] = []
    for inline in inlines:
        last = out[-1] if out else None
        if (
            isinstance(inline, Text)
            and isinstance(last, Text)
            and (last.bold, last.italic, last.superscript) == (inline.bold, inline.italic, inline.superscript)
        ):
            out[-1] = Text(last.text + inline.text, last.bold, last.italic, last.superscript)
        else:
            out.append(inline)
    return out


class _Numbering:
    """Word's automatic numbering: the label each numbered paragraph shows, counted in document order."""

    def __init__(self, document: WordDocument):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId → ilvl → (format, text, start)
        root = related_xml(document.part, RT.NUMBERING)
        self.counters: dict[str, list[int]] = defaultdict(lambda: [0] * 9)
        if root is None:
            return
        abstract = {a.get(qn("w:abstractNumId")): a for a in root.iterchildren(qn("w:abstractNum"))}
        for num in root.iterchildren(qn("w:num")):
            base = abstract.get(attr(find(num, "w:abstractNumId")))
            if base is None:
                continue
            levels = {to_int(lvl.get(qn("w:ilvl")), 0): _level(lvl) for lvl in base.iterchildren(qn("w:lvl"))}
            for override in num.iterchildren(qn("w:lvlOverride")):
                ilvl = to_int(override.get(qn("w:ilvl")), 0)
                lvl = override.find(qn("w:lvl"))
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
                start = find(override, "w:startOverride")
                if start is not None and ilvl in levels:
                    kind, text, _ = levels[ilvl]
                    levels[ilvl] = (kind, text, to_int(attr(start), 1))
            self.levels[num.get(qn("w:numId"))] = levels

    def label(self, p, chain: list) -> str:
        num_id, ilvl = None, 0
        for source in [p, *chain]:
            numpr = find(source, "w:pPr/w:numPr")
            if numpr is not None:
                num_id = num_id or attr(find(numpr, "w:numId"))
                ilvl = to_int(attr(find(numpr, "w:ilvl")), ilvl)
                if num_id:
                    break
        levels = self.levels.get(num_id or "")
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters[num_id or ""]
        kind, text, start = levels[ilvl]
        counters[ilvl] = max(counters[ilvl], start - 1) + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        if kind == "bullet":
            return "+" if ilvl % 2 else "-"
        shown = re.sub(
            r"%(\d)",
            lambda m: _number(
                levels.get(int(m.group(1)) - 1, ("decimal", "", 1))[0], counters[int(m.group(1)) - 1] or 1
            ),
            text,
        )
        return shown.strip()


def _level(lvl) -> tuple[str, str, int]:
    return (
        attr(find(lvl, "w:numFmt")) or "decimal",
        attr(find(lvl, "w:lvlText")) or "",
        to_int(attr(find(lvl, "w:start")), 1),
    )


def _number(kind: str, n: int) -> str:
    if kind == "upperRoman":
        return roman(n)
    if kind == "lowerRoman":
        return roman(n).lower()
    if kind in ("lowerLetter", "upperLetter"):
        letter = _LETTERS[(n - 1) % 26]
        return letter.upper() if kind == "upperLetter" else letter
    if kind == "none":
        return ""
    return str(n)


def para_at(blocks: list[Block], i: int) -> Para | None:
    """The paragraph at `i`, or None for a table or past the end."""
    block = blocks[i] if 0 <= i < len(blocks) else None
    return block if isinstance(block, Para) else None
