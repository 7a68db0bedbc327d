"""Footnotes typed by hand: a superscript number (or ¹²³) in the text, the note typed as a paragraph.

The notes are taken out of the body and their markers become citations, so the build writes real
footnotes; m² and m³ stay units. A note may run over several paragraphs where the notes sit together
after the body (after the closing sentence or a separator line): there an unmarked paragraph continues
the note before it, as the multi-paragraph `chu_thich` keeps it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from baocao.conventions import marks
from baocao.conventions.typed_notes import SUPERSCRIPT_NUMBER, TYPED_MARK, is_unit_power, superscript_value
from baocao.document.model import Text
from baocao.readers.docx.content import Block, Cite, Inline, Para, para_at
from baocao.readers.docx.summary import Summary
from baocao.readers.docx.text import lstrip_inlines

_SEPARATOR = re.compile(r"[-_–—\s]*")


def typed_note_number(para: Para) -> int | None:
    """The number of a typed footnote: a paragraph starting with a superscript number (or ¹²³)."""
    first = next((i for i in para.inlines if isinstance(i, Text) and i.text.strip()), None)
    if first is None:
        return None
    if first.superscript:
        match = TYPED_MARK.fullmatch(first.text.strip())
        return int(match.group(1)) if match and len(para.plain) > len(first.text.strip()) + 2 else None
    match = SUPERSCRIPT_NUMBER.match(first.text.lstrip())
    if match and len(para.plain) > len(match.group()) + 2:
        return superscript_value(match.group())
    return None


def is_separator(para: Para) -> bool:
    """An empty line or a typed rule ('______') between the body and the notes."""
    return bool(_SEPARATOR.fullmatch(para.plain))


def note_numbers(blocks: list[Block]) -> list[int | None]:
    """Each block's typed footnote number (typed_note_number), None for a table or a paragraph that is none."""
    return [typed_note_number(block) if isinstance(block, Para) else None for block in blocks]


def notes_zone(blocks: list[Block], numbers: list[int | None] | None = None) -> int | None:
    """Where the notes typed together after the body begin: the first typed note after which only notes,
    their continuations and empty lines follow, and before which a closing or a separator line stands.
    `numbers` are the blocks' note_numbers when already known."""
    numbers = note_numbers(blocks) if numbers is None else numbers
    start = None
    for i in range(len(blocks) - 1, -1, -1):
        para = para_at(blocks, i)
        if para is None:
            break
        if numbers[i] is not None:
            start = i
        elif start is not None and not para.plain:
            continue
        elif start is not None and (is_separator(para) or is_closing(para)):
            return start
    return None


def is_closing(para: Para) -> bool:
    """A report's closing paragraph: "Trên đây …", or one ending with the closing mark."""
    return marks.is_closed(para.plain) or para.plain.startswith("Trên đây")


def take_typed_notes(blocks: list[Block], notes: dict[str, list[Para]], summary: Summary) -> list[Block]:
    """The body without its typed notes (added to `notes`), their markers turned into citations."""
    found: dict[int, list[str]] = {}
    kept: list[Block] = []
    numbers = note_numbers(blocks)
    zone = notes_zone(blocks, numbers)
    last_key = ""
    for i, (block, number) in enumerate(zip(blocks, numbers, strict=True)):
        if number is None or not isinstance(block, Para):
            if zone is not None and i > zone and isinstance(block, Para) and block.plain and last_key:
                notes[last_key].append(block)  # a further paragraph of the note above
            else:
                kept.append(block)
            continue
        last_key = f"typed-{number}-{len(found.get(number, []))}"
        found.setdefault(number, []).append(last_key)
        notes[last_key] = [replace(block, inlines=_without_mark(block.inlines))]
    while found and (last := para_at(kept, len(kept) - 1)) is not None and is_separator(last):
        kept.pop()
    if not found:
        return kept
    marker = _Markers(found, summary)
    for block in kept:
        if isinstance(block, Para):
            block.inlines = marker.marked(block)
    for keys in marker.unused.values():
        for key in keys:
            summary.doubt(
                notes[key][0].place, "Chú thích gõ tay không tìm thấy số đánh dấu trong bài; đã giữ thành đoạn văn."
            )
            kept += notes.pop(key)
    return kept


class _Markers:
    """Turns typed markers into citations of the notes not yet cited (number → note keys, in order)."""

    def __init__(self, found: dict[int, list[str]], summary: Summary):
        self.unused = {n: list(keys) for n, keys in found.items()}
        self.summary = summary

    def marked(self, para: Para) -> list[Inline]:
        out: list[Inline] = []
        for inline in para.inlines:
            if not isinstance(inline, Text):
                out.append(inline)
                continue
            before = "".join(i.text for i in out if isinstance(i, Text))
            match = TYPED_MARK.fullmatch(inline.text.strip()) if inline.superscript else None
            if match and not is_unit_power(before, match[0]) and self.unused.get(int(match[1])):
                out.append(Cite(self.unused[int(match[1])].pop(0)))
                if match[2]:  # a "," typed up with the number belongs to the sentence
                    out.append(replace(inline, text=match[2], superscript=False))
                self.summary.typed_footnotes += 1
                continue
            out += self._unicode_marks(inline, before)
        return out

    def _unicode_marks(self, inline: Text, before: str) -> list[Inline]:
        out: list[Inline] = []
        last = 0
        for match in SUPERSCRIPT_NUMBER.finditer(inline.text):
            number = superscript_value(match.group())
            ahead = before + inline.text[: match.start()]
            if is_unit_power(ahead, match.group()) or not self.unused.get(number):
                continue
            out.append(replace(inline, text=inline.text[last : match.start()]))
            out.append(Cite(self.unused[number].pop(0)))
            self.summary.typed_footnotes += 1
            last = match.end()
        out.append(replace(inline, text=inline.text[last:]))
        return [i for i in out if not isinstance(i, Text) or i.text]


def _without_mark(inlines: list[Inline]) -> list[Inline]:
    out = list(inlines)
    first = next(i for i, x in enumerate(out) if isinstance(x, Text) and x.text.strip())
    text = out[first]
    assert isinstance(text, Text)
    stripped = text.text.strip() if text.superscript else SUPERSCRIPT_NUMBER.sub("", text.text.lstrip(), count=1)
    out[first] = replace(text, text="" if text.superscript else stripped)
    return lstrip_inlines([i for i in out if not isinstance(i, Text) or i.text])
