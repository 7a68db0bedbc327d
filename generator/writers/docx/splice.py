"""The body's XML text put into the rendered frame: the whole document parsed once, with the pieces in place.

The writer writes the body and the appendices as XML text (fragments.py). Parsing them apart and moving
the elements into the frame's document would cost more than writing them: lxml moves an element whose
namespace is declared above it in time growing with the square of its size. So each place is marked
in the frame by a pair of comments, the frame is serialised, each piece's text put between its pair,
and the whole is parsed into the document part. The comments then tell what each piece holds and what
came before it (the writer keeps and closes sections there), and are removed.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn
from lxml import etree

from baocao.writers.docx.fragments import parse_document


@dataclass
class Piece:
    """A piece's place in the parsed body: the element before it, its elements, its last or the one before."""

    before: Any = None
    elements: list = field(default_factory=list)
    last: Any = None


class Splice:
    """Pieces of body XML text, each to go before an element of the frame (put), in one parse (done)."""

    def __init__(self) -> None:
        self.token = secrets.token_hex(8)  # no text of a template or a clerk's (escaped) holds it
        self.pieces: dict[str, str] = {}

    def put(self, anchor, name: str, xml: str) -> None:
        """`xml` goes right before element `anchor` (pieces at one anchor in the order put)."""
        anchor.addprevious(etree.Comment(self._mark("start", name)))
        anchor.addprevious(etree.Comment(self._mark("end", name)))
        self.pieces[name] = xml

    def done(self, word) -> tuple[Any, dict[str, Piece]]:
        """Parse the document of python-docx's `word` with the pieces in place; its new body, and each piece."""
        text = etree.tostring(word.element, encoding="unicode")
        for name, xml in self.pieces.items():
            end = f"<!--{self._mark('end', name)}-->"
            text = text.replace(end, xml + end, 1)
        root = parse_document(text)
        word.part._element = word._element = root  # the part serialises its element when saved
        body = root.find(qn("w:body"))
        return body, self._pieces(body)

    def _pieces(self, body) -> dict[str, Piece]:
        found: dict[str, Piece] = {}
        current, last = None, None
        for child in list(body):
            if isinstance(child, etree._Comment) and child.text and child.text.startswith(self.token):
                _, side, name = child.text.split(":", 2)
                if side == "start":
                    current = found[name] = Piece(before=last)
                else:
                    current.last, current = last, None  # type: ignore[union-attr]  # an end follows its start
                body.remove(child)
            else:
                last = child
                if current is not None:
                    current.elements.append(child)
        return found

    def _mark(self, side: str, name: str) -> str:
        return f"{self.token}:{side}:{name}"
