"""WordprocessingML written as text: the Word writer's body, tables and notes.

A report holds a few thousand elements of a few hundred kinds. Made one by one with lxml, each costs
Python calls and a move between documents; written as text they cost a fraction of that. The text is
written as lxml serialises (empty elements self-closed, the same escapes), so the body goes into the
document part's text as it is (splice.py) and the notes are parsed once (parse). Only what the writer
makes is written here: text and a template's style ids are escaped, other values are the writer's own.
"""

from __future__ import annotations

from docx.oxml.parser import element_class_lookup
from lxml import etree

from baocao.document.model import Text

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# python-docx's parser drops blank text (remove_blank_text); a run of spaces must stay.
_PARSER = etree.XMLParser(resolve_entities=False)
_PARSER.set_element_class_lookup(element_class_lookup)
_RUN_PROPERTIES = {  # (bold, italic, superscript) → w:rPr, in schema order
    (bold, italic, sup): (
        "<w:rPr>" + "<w:b/>" * bold + "<w:i/>" * italic + '<w:vertAlign w:val="superscript"/>' * sup + "</w:rPr>"
        if bold or italic or sup
        else ""
    )
    for bold in (False, True)
    for italic in (False, True)
    for sup in (False, True)
}


def escape(text: str) -> str:
    """`text` as XML character data (a carriage return kept: a parser would read it as a line end)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\r", "&#13;") if "\r" in text else text


def attribute(value: str) -> str:
    """`value` as an attribute's text (a template's style id may hold any character)."""
    if "&" in value or "<" in value or '"' in value or ">" in value:
        value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return value


def tag(qname: str, /, *children: str, **attrs: str) -> str:
    """A w: element as text: tag("w:jc", val="center") → '<w:jc w:val="center"/>'."""
    start = "<" + qname + "".join(f' w:{key}="{attribute(value)}"' for key, value in attrs.items())
    return f"{start}>{''.join(children)}</{qname}>" if children else start + "/>"


def paragraph(style_id: str, *properties: str, runs: str = "") -> str:
    """A w:p of a style; `properties` are further w:pPr children, in schema order; then its `runs`."""
    return f'<w:p><w:pPr><w:pStyle w:val="{attribute(style_id)}"/>{"".join(properties)}</w:pPr>{runs}</w:p>'


def text_run(text: Text) -> str:
    """A w:r holding `text` with its bold, italic and superscript."""
    properties = _RUN_PROPERTIES[text.bold, text.italic, text.superscript]
    if not text.text:
        return f'<w:r>{properties}<w:t xml:space="preserve"/></w:r>'
    return f'<w:r>{properties}<w:t xml:space="preserve">{escape(text.text)}</w:t></w:r>'


def parse(xml: str) -> list:
    """The elements written in `xml` (a sequence of w: elements), in order, each a copy declaring the
    namespace itself (lxml moves an element whose namespace is declared above it into another document
    in time growing with the square of its size)."""
    return [element.__copy__() for element in etree.fromstring(f'<w:body xmlns:w="{_W_NS}">{xml}</w:body>', _PARSER)]
