"""Page and type: paper size and orientation, margins, fonts, font sizes and colours, page numbers."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import TypeVar

from docx.oxml.ns import qn

from baocao.conventions.formatting import format_number
from baocao.conventions.page import A4
from baocao.messages import nd30 as msg
from baocao.nd30.findings import Finding
from baocao.nd30.reader import Docx, Para, Run
from baocao.nd30.rules import finding
from baocao.nd30.styles import TNR, attr, find, on, to_int

K = TypeVar("K")

# Page geometry in twips.
MM = 1440 / 25.4
PAPER_TOLERANCE = 20
MARGIN_TOLERANCE_MM = 0.5
MARGINS_MM = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}
SIDE_NAMES = msg.SIDE_NAMES
# Readings of a landscape page: which of its sides plays each side of the portrait page.
_READINGS = (
    {"top": "top", "bottom": "bottom", "left": "left", "right": "right"},
    {"top": "left", "right": "top", "bottom": "right", "left": "bottom"},
    {"top": "right", "left": "top", "bottom": "left", "right": "bottom"},
)

BODY_SIZES = (13, 14)
NOTE_SIZES = (10, 12)


def _format_mm(twips: float) -> str:
    return format_number(twips / MM, 1)


def _first_places(items: Iterable[tuple[K, Para]]) -> dict[K, tuple[Para, int]]:
    """key -> (first paragraph where it occurs, number of paragraphs where it occurs)."""
    first: dict[K, Para] = {}
    seen: dict[K, set[int]] = {}
    for key, para in items:
        first.setdefault(key, para)
        seen.setdefault(key, set()).add(id(para))
    return {key: (para, len(seen[key])) for key, para in first.items()}


# --- paper and margins ---------------------------------------------------------


def check_page(doc: Docx) -> Iterator[Finding]:
    for number, section in enumerate(doc.sections(), 1):
        where = msg.section_place(number)
        size = find(section, "w:pgSz")
        width, height = to_int(attr(size, "w"), 0), to_int(attr(size, "h"), 0)
        if not near_a4(width, height):
            shown = msg.PAPER_UNDECLARED if size is None else f"{_format_mm(width)} × {_format_mm(height)} mm"
            yield finding(
                "kho-giay",
                msg.not_a4(shown),
                where,
            )
        landscape = width > height
        if landscape and number == 1:
            yield finding(
                "huong-giay",
                msg.FIRST_PAGE_LANDSCAPE,
                where,
            )
        yield from _margin_findings(section, where, landscape)


def near_a4(width: int, height: int) -> bool:
    return all(abs(a - b) <= PAPER_TOLERANCE for a, b in zip(sorted((width, height)), A4, strict=True))


def _margin_problems(margins: dict[str, int], reading: dict[str, str]) -> list[str]:
    problems = []
    for side, (low, high) in MARGINS_MM.items():
        value = margins[reading[side]]
        if not (low - MARGIN_TOLERANCE_MM) * MM <= value <= (high + MARGIN_TOLERANCE_MM) * MM:
            problems.append(msg.margin_out_of_range(SIDE_NAMES[side], _format_mm(value), low, high))
    return problems


def _margin_findings(section, where: str, landscape: bool) -> Iterator[Finding]:
    page_margins = find(section, "w:pgMar")
    margins = {side: abs(to_int(attr(page_margins, side), 0)) for side in MARGINS_MM}
    readings = _READINGS if landscape else _READINGS[:1]
    if all(_margin_problems(margins, reading) for reading in readings):
        problems = "; ".join(_margin_problems(margins, readings[0]))
        if landscape:
            yield finding(
                "le-trang-ngang",
                msg.landscape_margins(problems),
                where,
            )
        else:
            yield finding("le-trang", msg.margins(problems), where)


# --- fonts and sizes -------------------------------------------------------------


def slots(text: str) -> set[str]:
    """rFonts slots Word uses for the text: ascii for U+0000–U+007F, hAnsi for other Latin letters."""
    visible = [c for c in text if not c.isspace()]
    return {"ascii" if c < "\x80" else "hAnsi" for c in visible}


def check_fonts(doc: Docx) -> Iterator[Finding]:
    used = (
        (font, para)
        for para in doc.paragraphs
        for run in para.visible_runs
        for font in sorted({doc.styles.font(run, slot) for slot in slots(run.text)})
        if font.casefold() != TNR.casefold()
    )
    for font, (para, count) in _first_places(used).items():
        yield finding(
            "phong-chu",
            msg.other_font(font, count),
            para.where,
        )


def _style_label(doc: Docx, para: Para) -> str:
    """' (đề mục kiểu «Heading 1»)' for a paragraph of a Heading style, else ''."""
    if not doc.styles.is_heading_style(para.element):
        return ""
    name = attr(find(doc.styles.paragraph_chain(para.element)[0], "w:name")) or ""
    return msg.heading_style_label(name[:1].upper() + name[1:])  # Word shows built-in "heading 1" as "Heading 1"


def wrong_size(run: Run, allowed: tuple[int, int]) -> bool:
    """A baseline run whose size is outside `allowed` (superscripts and subscripts are not judged)."""
    low, high = allowed
    return run.vertical == "baseline" and not low <= run.size <= high


def _wrong_sizes(doc: Docx, paragraphs: Iterable[Para], allowed: tuple[int, int]) -> dict[tuple[Decimal, str], tuple]:
    """(size, heading style label) -> (first paragraph, count) of the runs outside `allowed`."""
    return _first_places(
        ((run.size, _style_label(doc, para)), para)
        for para in paragraphs
        for run in para.visible_runs
        if wrong_size(run, allowed)
    )


def check_sizes(doc: Docx) -> Iterator[Finding]:
    for (size, style), (para, count) in _wrong_sizes(doc, doc.body_text, BODY_SIZES).items():
        yield finding(
            "co-chu",
            msg.body_size(format_number(size), style, count),
            para.where,
        )
    for (size, _), (para, count) in _wrong_sizes(doc, doc.notes, NOTE_SIZES).items():
        yield finding(
            "co-chu-chu-thich",
            msg.note_size(format_number(size), count),
            para.where,
        )


def check_colours(doc: Docx) -> Iterator[Finding]:
    coloured = (
        ((run.colour, _style_label(doc, para)), para)
        for para in doc.paragraphs
        for run in para.visible_runs
        if run.colour
    )
    for (colour, style), (para, count) in _first_places(coloured).items():
        yield finding(
            "mau-chu",
            msg.colour(colour, style, count),
            para.where,
        )


# --- page numbers -------------------------------------------------------------------


def first_page_parts(doc: Docx) -> list:
    """The header and footer parts shown on page 1 (the first section's "first" ones when it has a
    different first page, else its default ones)."""
    sections = doc.sections()
    if not sections:
        return []
    kind = "first" if on(find(sections[0], "w:titlePg")) else "default"
    related = doc.document.part.related_parts
    return [
        related[ref.get(qn("r:id"))]
        for ref in sections[0]
        if ref.tag in (qn("w:headerReference"), qn("w:footerReference"))
        and ref.get(qn("w:type"), "default") == kind
        and ref.get(qn("r:id")) in related
    ]


def shows_page_number(part) -> bool:
    """Whether a header or footer part holds a PAGE field."""
    instructions = [t.text or "" for t in part.element.iter(qn("w:instrText"))]
    instructions += [f.get(qn("w:instr"), "") for f in part.element.iter(qn("w:fldSimple"))]
    return any(_PAGE_FIELD.match(text) for text in instructions)


def remove_page_fields(part) -> None:
    """Remove the PAGE fields of a header or footer part (simple fields, and complex ones from begin to end)."""
    for simple in list(part.element.iter(qn("w:fldSimple"))):
        if _PAGE_FIELD.match(simple.get(qn("w:instr"), "")):
            simple.getparent().remove(simple)
    for paragraph in part.element.iter(qn("w:p")):
        field: list = []
        for run in list(paragraph.iter(qn("w:r"))):
            kind = next((mark.get(qn("w:fldCharType")) for mark in run.iter(qn("w:fldChar"))), None)
            if kind == "begin" or field:
                field.append(run)
            if kind == "end" and field:
                instruction = "".join(t.text or "" for r in field for t in r.iter(qn("w:instrText")))
                if _PAGE_FIELD.match(instruction):
                    for done in field:
                        done.getparent().remove(done)
                field = []


_PAGE_FIELD = re.compile(r"\s*PAGE\b", re.IGNORECASE)


def check_page_number(doc: Docx) -> Iterator[Finding]:
    if any(shows_page_number(part) for part in first_page_parts(doc)):
        yield finding(
            "so-trang",
            msg.FIRST_PAGE_NUMBER,
            msg.section_place(1),
        )
