"""The body's XML text put into the rendered frame: the document part's text, made without parsing it again.

The writer writes the body and the appendices as XML text (fragments.py), in the form lxml itself
serialises (self-closed empty elements, the same escapes), each piece ending with a paragraph of its
own. Parsing them and moving the elements into the frame's document would cost more than writing
them (lxml moves an element whose namespace is declared above it in time growing with the square of
its size), and the part would then be serialised again. So each place is marked in the frame by a
comment, the frame is serialised once, and each piece's text takes its comment's place; what must be
set on a piece's last paragraph (keep with next, the end of a section) is set in its text.
"""

from __future__ import annotations

import re
import secrets

from lxml import etree

_PARAGRAPH_PROPERTIES_END = "</w:pPr>"
_KEEP = "<w:keepNext/>"
_NAMESPACE = re.compile(r' xmlns:(\w+)="([^"]*)"')
_XML_DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"  # python-docx's, for a part


class Splice:
    """Pieces of body XML text, each to go before an element of the frame (put), written out at once (text)."""

    def __init__(self) -> None:
        self.token = secrets.token_hex(8)  # no text of a template's or a clerk's (escaped) holds it
        self.pieces: dict[str, str] = {}

    def put(self, anchor, xml: str) -> None:
        """`xml` goes right before element `anchor` (pieces at one anchor in the order put)."""
        mark = f"{self.token}:{len(self.pieces)}"
        anchor.addprevious(etree.Comment(mark))
        self.pieces[f"<!--{mark}-->"] = xml

    def text(self, root) -> str:
        """The XML text of the part whose root element is `root`, with the pieces in place."""
        text = etree.tostring(root, encoding="unicode")
        for mark, xml in self.pieces.items():
            text = text.replace(mark, xml, 1)
        return text


def part_bytes(text: str) -> bytes:
    """A part's XML text as python-docx writes it (declaration, UTF-8)."""
    return (_XML_DECLARATION + text).encode("utf-8")


def keep_last(xml: str) -> str:
    """`xml` whose last paragraph keeps with what follows (w:keepNext right after its w:pStyle)."""
    start = xml.rindex("<w:p><w:pPr><w:pStyle ")
    style_end = xml.index("/>", start) + 2
    return xml if xml.startswith(_KEEP, style_end) else xml[:style_end] + _KEEP + xml[style_end:]


def end_section(xml: str, section: str) -> str:
    """`xml` whose last paragraph ends a section laid out as `section` (a w:sectPr's text, last in its w:pPr)."""
    end = xml.rindex(_PARAGRAPH_PROPERTIES_END)
    return xml[:end] + section + xml[end:]


def section_text(sect_pr) -> str:
    """The text of a w:sectPr as it is written inside the document (the root's namespace declarations left out)."""
    declared = sect_pr.getroottree().getroot().nsmap
    text = etree.tostring(sect_pr, encoding="unicode", with_tail=False)
    return _NAMESPACE.sub(lambda m: "" if declared.get(m[1]) == m[2] else m[0], text)
