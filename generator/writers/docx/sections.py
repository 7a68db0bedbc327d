"""Sections in OOXML: the portrait body, then each appendix on landscape pages numbered from 1.

A section's properties sit at its end: in the w:pPr of its last paragraph, except for the last
section, whose w:sectPr is the body's final child. So the body (with the signature) is closed by
a paragraph holding a copy of the template's final, portrait sectPr; the final sectPr becomes the
landscape one; and every appendix but the last is closed by a paragraph holding a copy of it.
Copies keep the template's header references, so page numbers stay top centre.
"""

from __future__ import annotations

import copy

from docx.oxml.ns import qn

from baocao.conventions.page import A4, MARGINS, TITLE_RULE_LEN
from baocao.document.model import Appendix, Text, restyle
from baocao.writers.docx.fragments import paragraph, tag
from baocao.writers.docx.ooxml import el

A4_LANDSCAPE = {"w": str(A4[1]), "h": str(A4[0]), "orient": "landscape"}
APPENDIX_MARGINS = {side: str(twips) for side, twips in MARGINS.items()}  # ND30 gives landscape pages the same margins
# w:sectPr children after w:pgNumType, for schema-ordered insertion.
_AFTER_PAGE_NUMBERS = {
    qn(tag)
    for tag in (
        "w:cols",
        "w:formProt",
        "w:vAlign",
        "w:noEndnote",
        "w:titlePg",
        "w:textDirection",
        "w:bidi",
        "w:rtlGutter",
        "w:docGrid",
        "w:printerSettings",
        "w:sectPrChange",
    )
}


def close_section(p, sect_pr) -> None:
    """Make paragraph `p` the last of a section laid out as `sect_pr` (a copy goes in its w:pPr)."""
    p_pr = p.find(qn("w:pPr"))
    if p_pr is None:
        p_pr = el("w:pPr")
        p.insert(0, p_pr)
    p_pr.append(copy.deepcopy(sect_pr))  # w:sectPr follows w:rPr, the last child the writer puts there


def make_appendix_section(sect_pr):
    """Turn `sect_pr` into an appendix's: A4 landscape, ND30 margins, pages numbered from 1; return it."""
    size = sect_pr.find(qn("w:pgSz"))
    for name, value in A4_LANDSCAPE.items():
        size.set(qn(f"w:{name}"), value)
    margins = sect_pr.find(qn("w:pgMar"))
    for name, value in APPENDIX_MARGINS.items():
        margins.set(qn(f"w:{name}"), value)
    for old in sect_pr.findall(qn("w:pgNumType")):
        sect_pr.remove(old)
    numbering = el("w:pgNumType", start="1")
    following = next((child for child in sect_pr if child.tag in _AFTER_PAGE_NUMBERS), None)
    if following is None:
        sect_pr.append(numbering)
    else:
        following.addprevious(numbering)
    return sect_pr


def text_width(sect_pr) -> int:
    """Width between the margins of a section, in twips."""
    margins = sect_pr.find(qn("w:pgMar"))
    return (
        int(sect_pr.find(qn("w:pgSz")).get(qn("w:w")))
        - int(margins.get(qn("w:left")))
        - int(margins.get(qn("w:right")))
    )


def appendix_heading(appendix: Appendix, style_id: str, width: int, writer) -> str:
    """'Phụ lục I' (bold), the title (bold, upper case), '(Kèm theo ...)' (italic), a short rule; as XML text."""
    lines = [
        [Text(appendix.label, bold=True)],
        restyle(appendix.title, bold=True),
        [Text(appendix.attached, italic=True)],
    ]
    properties = (
        tag("w:keepNext"),
        tag("w:spacing", before="0", after="0"),
        tag("w:ind", firstLine="0"),
        tag("w:jc", val="center"),
    )
    return "".join(paragraph(style_id, *properties, runs=writer.runs(inlines)) for inlines in lines) + _rule(
        style_id, width
    )


def _rule(style_id: str, width: int) -> str:
    """A short centred rule: a 1 pt paragraph with a bottom border, 12 pt above what follows."""
    side = str((width - TITLE_RULE_LEN) // 2)
    return paragraph(
        style_id,
        tag("w:keepNext"),
        tag("w:pBdr", tag("w:bottom", val="single", sz="6", space="1", color="000000")),
        tag("w:spacing", before="60", after="240"),
        tag("w:ind", left=side, right=side, firstLine="0"),
        tag("w:rPr", tag("w:sz", val="2"), tag("w:szCs", val="2")),
    )
