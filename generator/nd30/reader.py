"""Reading a .docx as Word shows it: effective run formatting, paragraphs and their places.

Run properties are resolved as Word does: direct formatting, then the character style, the
paragraph style, the table style (each through its basedOn chain), then the document defaults;
theme fonts count as Times New Roman only when the theme's Latin font is Times New Roman.

Places (`Para.place`) are counted so a clerk can find them again; `baocao check` and
`baocao templates check` both name paragraphs this way:
- "đoạn N": the N-th paragraph of the story outside tables, in document order, empty ones
  included, from 1 (in the body, python-docx's `Document.paragraphs` index + 1 when the body has
  no content controls; paragraphs inside block content controls are counted too);
- "bảng T, ô (R, C)": a table cell: the T-th table of the story in document order (a nested table
  counted where it starts), row R, the C-th cell of that row;
- "chú thích N": a footnote, numbered as Word shows it (order of citation; one never cited, by its id);
- "mục N (section)": the N-th section (a block of pages with its own size and margins);
- a header or footer puts its name before its places ("đầu trang 2, đoạn 1", "chân trang, đoạn 1":
  numbered when there are several), a text box its own after its anchor's ("đoạn 4, hộp văn bản 1,
  đoạn 2"), so neither shifts the count of the body.
A quoted paragraph shows its first EXCERPT_LENGTH characters, whitespace collapsed.
"""

from __future__ import annotations

import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Literal

import docx
from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from baocao import limits
from baocao.conventions.documents import NUMBER_LINE, RECIPIENTS_LINE
from baocao.errors import BaocaoError, Location, Problem
from baocao.messages import common
from baocao.messages import nd30 as msg
from baocao.nd30.styles import TBL, Styles, attr, find, on, related_parts, related_xml, to_int

EXCERPT_LENGTH = 50
Area = Literal["body", "table", "note", "header", "footer", "textbox"]  # "body": a body paragraph outside tables

P = qn("w:p")
_SDT, _T = qn("w:sdt"), qn("w:t")
_RUN_CHARACTERS = {qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_TEXT_BOX = qn("w:txbxContent")
_HIDDEN_RUN_ANCESTORS = {qn("w:del"), qn("w:moveFrom"), _TEXT_BOX, _MC_FALLBACK}
_NOTE_SEPARATORS = {"separator", "continuationSeparator", "continuationNotice"}
_HEADERS_AND_FOOTERS: dict[str, tuple[str, Area]] = {
    RT.HEADER: (common.HEADER_PLACE, "header"),
    RT.FOOTER: (common.FOOTER_PLACE, "footer"),
}
_BLACK_THEME_COLOURS = {"text1", "dark1"}


def open_document(path: Path) -> WordDocument:
    """The .docx at `path`; a located error when it is not one."""
    try:
        if zipfile.is_zipfile(path):  # sizes checked before python-docx unpacks it all (a zip bomb is refused)
            return limits.word_document(path)
        return docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError):
        raise BaocaoError(
            Problem(
                Location(path),
                msg.NOT_A_DOCX,
                msg.NOT_A_DOCX_HINT,
            )
        ) from None


def quote(text: str) -> str:
    """«the text's first EXCERPT_LENGTH characters…», whitespace collapsed: how a place shows its paragraph."""
    text = " ".join(text.split())
    return f"«{text[:EXCERPT_LENGTH]}{'…' if len(text) > EXCERPT_LENGTH else ''}»"


# --- paragraphs and runs with their places ---------------------------------------


@dataclass(frozen=True, eq=False)
class Run:
    """A run's text, whether a field made it (page numbers, NOTEREF), its rPr chain and its w:r."""

    text: str
    generated: bool
    properties: tuple
    element: etree._Element | None = None

    def prop(self, tag: str):
        return next((el for rpr in self.properties if (el := find(rpr, tag)) is not None), None)

    @property
    def bold(self) -> bool:
        return on(self.prop("w:b"))

    @property
    def italic(self) -> bool:
        return on(self.prop("w:i"))

    @property
    def vertical(self) -> str:
        """The w:vertAlign value: superscript, subscript or baseline."""
        return attr(self.prop("w:vertAlign")) or "baseline"

    @property
    def colour(self) -> str:
        """The colour Word shows when it is not black ("" for automatic, black, or the theme's text colour)."""
        colour = self.prop("w:color")
        value, theme = (attr(colour) or "auto").upper(), attr(colour, "themeColor") or ""
        if theme and theme not in _BLACK_THEME_COLOURS:
            return f"{theme} ({value})" if value != "AUTO" else theme
        return "" if value in ("AUTO", "000000") else value

    @property
    def size(self) -> Decimal:
        """Size in points (Word's default 10 when nothing sets it)."""
        return Decimal(to_int(attr(self.prop("w:sz")), 20)) / 2


@dataclass(frozen=True, eq=False)
class Para:
    """A paragraph, where it is, its runs and its typed text (field results left out)."""

    element: etree._Element
    area: Area
    place: str
    runs: tuple[Run, ...]
    text: str

    @property
    def where(self) -> str:
        return f"{self.place}: {quote(self.text)}"

    @property
    def visible_runs(self) -> list[Run]:
        return [run for run in self.runs if run.text.strip()]


def _blocks(container) -> Iterator:
    """Paragraphs and tables of a body, cell or note, looking inside block content controls."""
    for child in container:
        if child.tag in (P, TBL):
            yield child
        elif child.tag == _SDT and child.find(qn("w:sdtContent")) is not None:
            yield from _blocks(child.find(qn("w:sdtContent")))


def run_pieces(run) -> Iterator[tuple[etree._Element, str]]:
    """The children of a w:r that show text, each with its text (w:t, tabs, breaks...)."""
    for child in run:
        if child.tag == _T:
            yield child, child.text or ""
        elif child.tag in _RUN_CHARACTERS:
            yield child, _RUN_CHARACTERS[child.tag]


def is_text_node(element) -> bool:
    """A w:t, whose text can be edited (tabs and breaks cannot)."""
    return element.tag == _T


def _run_text(run) -> str:
    return "".join(text for _, text in run_pieces(run))


def _shown(run, p) -> bool:
    """False for deleted text, text-box content and markup-compatibility fallbacks."""
    for ancestor in run.iterancestors():
        if ancestor is p:
            return True
        if ancestor.tag in _HIDDEN_RUN_ANCESTORS:
            return False
    return True


def _text_boxes(p) -> list:
    """The text boxes anchored in paragraph `p` (their markup-compatibility fallbacks left out)."""
    return [box for box in p.iter(_TEXT_BOX) if _shown(box, p)]


class Walker:
    """Collects the paragraphs of a story in document order with their places, following complex fields.

    `name` ("đầu trang 2") goes before each place; `text_boxes` adds the paragraphs of text boxes
    after their anchor's.
    """

    def __init__(self, styles: Styles, name: str = "", area: Area = "body", text_boxes: bool = False):
        self.styles = styles
        self.name = name
        self.area = area
        self.text_boxes = text_boxes
        self.paragraphs: list[Para] = []
        self.tables: dict[etree._Element, int] = {}  # table -> its number, in document order
        self.fields: list[str] = []
        self.count = 0

    def story(self, root) -> Walker:
        for block in _blocks(root):
            if block.tag == P:
                self.count += 1
                self._add(block, self.area, common.paragraph_place(self.count))
            else:
                self._table(block)
        return self

    def _table(self, tbl) -> None:
        number = self.tables[tbl] = len(self.tables) + 1
        area = "table" if self.area == "body" else self.area
        for r, row in enumerate(tbl.iterchildren(qn("w:tr")), 1):
            for c, cell in enumerate(row.iterchildren(qn("w:tc")), 1):
                for block in _blocks(cell):
                    if block.tag == P:
                        self._add(block, area, common.cell_place(common.table_place(number), r, c))
                    else:
                        self._table(block)

    def notes(self, notes: list, numbers: dict[str, int]) -> Walker:
        for note in notes:
            note_id = note.get(qn("w:id"))
            for block in _blocks(note):
                if block.tag == P:
                    self._add(block, "note", common.note_place(str(numbers.get(note_id, note_id))))
        return self

    def _add(self, p, area: Area, place: str) -> None:
        place = common.inner_place(self.name, place)
        runs = tuple(self._run(r, p) for r in p.iter(qn("w:r")) if _shown(r, p))
        text = unicodedata.normalize("NFC", "".join(run.text for run in runs if not run.generated))
        self.paragraphs.append(Para(p, area, place, runs, text))
        for number, box in enumerate(_text_boxes(p) if self.text_boxes else (), 1):
            self.paragraphs += (
                Walker(self.styles, common.inner_place(place, common.text_box_place(number)), "textbox", True)
                .story(box)
                .paragraphs
            )

    def _run(self, r, p) -> Run:
        for mark in r.iter(qn("w:fldChar")):
            kind = mark.get(qn("w:fldCharType"))
            if kind == "begin":
                self.fields.append("instruction")
            elif kind == "separate" and self.fields:
                self.fields[-1] = "result"
            elif kind == "end" and self.fields:
                self.fields.pop()
        generated = "result" in self.fields or next(r.iterancestors(qn("w:fldSimple")), None) is not None
        return Run(_run_text(r), generated, self.styles.run_properties(r, p), r)


def _footnotes(document: WordDocument) -> list:
    """The footnotes of word/footnotes.xml, separators left out."""
    return _notes_of(related_xml(document.part, RT.FOOTNOTES))


def _notes_of(footnotes) -> list:
    if footnotes is None:
        return []
    return [n for n in footnotes.iterchildren(qn("w:footnote")) if n.get(qn("w:type")) not in _NOTE_SEPARATORS]


def _note_numbers(body) -> dict[str, int]:
    """Footnote id -> the number Word shows (order of citation; custom marks are not numbered)."""
    numbers: dict[str, int] = {}
    for ref in body.iter(qn("w:footnoteReference")):
        if not custom_mark(ref):
            numbers.setdefault(ref.get(qn("w:id")), len(numbers) + 1)
    return numbers


def custom_mark(ref) -> bool:
    """A footnote reference shown with a symbol of the author's, not Word's number."""
    return (ref.get(qn("w:customMarkFollows")) or "").lower() in ("1", "true", "on")


def stories(document: WordDocument) -> list[list[Para]]:
    """The paragraphs of every story, text boxes included: the body, each header, each footer, the footnotes."""
    styles, body = Styles.of(document), document.element.body
    found = [Walker(styles, text_boxes=True).story(body).paragraphs]
    for reltype, (name, area) in _HEADERS_AND_FOOTERS.items():
        parts = related_parts(document.part, reltype)
        for number, part in enumerate(parts, 1):
            label = f"{name} {number}" if len(parts) > 1 else name
            found.append(Walker(styles, label, area, True).story(limits.part_xml(part)).paragraphs)
    found.append(Walker(styles, text_boxes=True).notes(_footnotes(document), _note_numbers(body)).paragraphs)
    return found


class Docx:
    """The document as the checks see it: paragraphs of the body and footnotes with places, styles,
    sections and the landmarks the checks start from (text boxes, headers and footers left out)."""

    def __init__(self, document: WordDocument):
        self.document = document
        self.body = document.element.body
        self.styles = Styles.of(document)
        self.notes_part = next(iter(related_parts(document.part, RT.FOOTNOTES)), None)
        self.notes_root = None if self.notes_part is None else limits.part_xml(self.notes_part)
        notes = _notes_of(self.notes_root)
        self.note_ids = {note.get(qn("w:id")) for note in notes}
        walker = Walker(self.styles).story(self.body).notes(notes, _note_numbers(self.body))
        self.paragraphs = walker.paragraphs
        self.tables = walker.tables

    def save_notes(self) -> None:
        """Put the footnotes' tree, changed in place, back into its part (python-docx keeps it as bytes)."""
        if self.notes_part is not None:
            self.notes_part._blob = etree.tostring(
                self.notes_root, xml_declaration=True, encoding="UTF-8", standalone=True
            )

    @cached_property
    def notes(self) -> list[Para]:
        """Paragraphs of the footnotes."""
        return [p for p in self.paragraphs if p.area == "note"]

    @cached_property
    def text_paragraphs(self) -> list[Para]:
        """Paragraphs of the body and its tables (footnotes left out)."""
        return [p for p in self.paragraphs if p.area != "note"]

    def first(self, test: Callable[[str], object], after: Para | None = None, within: int | None = None) -> Para | None:
        """The first body or table paragraph whose text passes `test` (only the `within` after `after`)."""
        candidates = self.text_paragraphs
        if after is not None:
            start = candidates.index(after) + 1
            candidates = candidates[start : start + within if within else None]
        return next((p for p in candidates if test(p.text)), None)

    @cached_property
    def recipients(self) -> Para | None:
        """The "Nơi nhận:" paragraph."""
        return self.first(RECIPIENTS_LINE.match)

    @cached_property
    def body_text(self) -> list[Para]:
        """Body paragraphs outside tables before Nơi nhận (the report itself; appendices come after)."""
        end = self.paragraphs.index(self.recipients) if self.recipients else len(self.paragraphs)
        return [p for p in self.paragraphs[:end] if p.area == "body"]

    @cached_property
    def so_line(self) -> Para | None:
        """The "Số: …" paragraph."""
        return self.first(NUMBER_LINE.match)

    @cached_property
    def first_block(self):
        """The first table or non-empty paragraph of the body."""
        return next(
            (b for b in _blocks(self.body) if b.tag == TBL or "".join(t.text or "" for t in b.iter(_T)).strip()), None
        )

    def sections(self) -> list:
        return [s for s in self.body.iter(qn("w:sectPr")) if s.getparent().tag in (qn("w:pPr"), self.body.tag)]


def table_of(para: Para):
    """The innermost table holding the paragraph, or None."""
    return next(para.element.iterancestors(TBL), None)
