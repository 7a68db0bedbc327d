"""Inline markup of a clerk's sentence: **bold**, *italic*, ^superscript^ and footnotes [^...].

Straight double quotes become the typographic pair Vietnamese print uses ("…" → “…”): opening at the
start or after a space or bracket, closing after a word (so a quote opened in an earlier paragraph
closes here); the sentence is parsed after its Jinja expressions were rendered, so their string
literals are never touched. A quote written \\" stays straight.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from baocao.document.model import Inline, Note, NoteRef, Text
from baocao.messages import compose as msg


class MarkupError(ValueError):
    """Unbalanced inline markup."""


_TOKEN = re.compile(r'\\[*^\[\]\\"]|\*\*|\*|\^|\[\^|"')
_QUOTES = "“”"  # opening, closing
_MARKS = {"**": "bold", "*": "italic", "^": "superscript"}
_MARK_NAMES = {"bold": "**", "italic": "*", "superscript": "^"}


def parse_inline(text: str, note: Callable[[str], Note]) -> list[Inline]:
    """Split text into runs: **bold**, *italic*, ^superscript^, [^footnote]; "quotes" → “quotes”; backslash escapes."""
    if _TOKEN.search(text) is None:  # most sentences: one plain run
        return [Text(text)] if text else []
    out: list[Inline] = []
    style = {"bold": False, "italic": False, "superscript": False}
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            out.append(Text("".join(buffer), **style))
            buffer.clear()

    pos = 0
    while (match := _TOKEN.search(text, pos)) is not None:
        buffer.append(text[pos : match.start()])
        token, pos = match.group(), match.end()
        if token.startswith("\\"):
            buffer.append(token[1])
        elif token == '"':
            buffer.append(_QUOTES[_closes(text, match.start())])
        elif token == "[^":
            end = _closing_bracket(text, pos)
            flush()
            out.append(NoteRef(note(text[pos:end])))
            pos = end + 1
        else:
            flush()
            style[_MARKS[token]] = not style[_MARKS[token]]
    buffer.append(text[pos:])
    flush()
    unclosed = [_MARK_NAMES[k] for k, on in style.items() if on]
    if unclosed:
        raise MarkupError(msg.unclosed_mark(unclosed[0]))
    return [t for t in out if not isinstance(t, Text) or t.text]


def _closes(text: str, at: int) -> bool:
    """Whether the quote at `at` closes: it follows a word or punctuation (markup marks looked through)."""
    before = text[:at].rstrip("*^")
    return bool(before) and not before[-1].isspace() and before[-1] not in "([{“‘/–—-"


_BRACKET = re.compile(r"\\.|[\[\]]", re.DOTALL)  # an escaped character, or a bracket


def _closing_bracket(text: str, start: int) -> int:
    """Index of the ']' closing a note that starts at `start` (nested brackets and escapes skipped)."""
    depth = 0
    for match in _BRACKET.finditer(text, start):
        if match.group() == "[":
            depth += 1
        elif match.group() == "]":
            if depth == 0:
                return match.start()
            depth -= 1
    raise MarkupError(msg.UNCLOSED_NOTE)
