"""Editing a paragraph's text in place, run by run, so the formatting of what is not changed stays; saving
the edited copy.

Offsets are those of `Para.text` (the reader's text: field results left out, a tab or a break one
character). Only the text of w:t elements is edited; an edit that would cross a tab, a break or a
field, or a paragraph whose text Unicode normalisation changed, is refused (`False`), never guessed.
"""

from __future__ import annotations

import difflib
import io
import unicodedata
from pathlib import Path

from docx.oxml.ns import qn

from baocao.nd30.reader import Para, is_text_node, run_pieces
from baocao.write import write_atomic

_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _pieces(para: Para) -> list[tuple[object, int, int]] | None:
    """(node, start, end) of each character-bearing piece, or None when offsets would not match."""
    pieces, position = [], 0
    for run in para.runs:
        if run.generated or run.element is None:
            continue
        for node, text in run_pieces(run.element):
            pieces.append((node, position, position + len(text)))
            position += len(text)
    raw = "".join((node.text or "") if is_text_node(node) else "?" for node, _, _ in pieces)
    return pieces if len(raw) == len(para.text) and unicodedata.is_normalized("NFC", raw) else None


def _touched(pieces: list, start: int, end: int) -> list | None:
    """The w:t pieces holding para.text[start:end] (for an insertion, the piece it extends); None when a tab,
    a break or nothing is there."""
    if end > start:
        touched = [p for p in pieces if p[1] < end and p[2] > start]
    else:
        touched = [p for p in pieces if p[1] < start <= p[2]][:1] or [p for p in pieces if p[1] == start][:1]
    return touched if touched and all(is_text_node(node) for node, _, _ in touched) else None


def _replace(touched: list, start: int, end: int, new: str) -> None:
    for i, (node, piece_start, _) in enumerate(touched):
        text = node.text or ""
        cut_from, cut_to = max(start - piece_start, 0), min(end - piece_start, len(text))
        node.text = text[:cut_from] + (new if i == 0 else "") + text[cut_to:]
        node.set(_SPACE, "preserve")


def set_text(para: Para, new: str) -> bool:
    """Change the paragraph's text to `new` by the smallest edits, each made in the runs it falls in (their
    formatting kept); False, and nothing changed, when an edit cannot be made safely."""
    pieces = _pieces(para)
    if pieces is None:
        return False
    matcher = difflib.SequenceMatcher(None, para.text, new, autojunk=False)
    edits = [
        (start, end, new[new_start:new_end], _touched(pieces, start, end))
        for tag, start, end, new_start, new_end in matcher.get_opcodes()
        if tag != "equal"
    ]
    if any(touched is None for *_, touched in edits):
        return False
    for start, end, text, touched in reversed(edits):
        _replace(touched, start, end, text)
    return True


def drop_theme_fonts(fonts) -> None:
    """Remove theme font attributes of a w:rFonts, which Word prefers to the named fonts."""
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.attrib.pop(qn(f"w:{slot}Theme"), None)


def save_copy(document, target: Path) -> None:
    """Save a python-docx document to `target` atomically (write_atomic), so a failure leaves no
    half-written file; BaocaoError when it cannot be written."""
    saved = io.BytesIO()
    document.save(saved)
    write_atomic(target, saved.getvalue())
