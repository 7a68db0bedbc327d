"""Text as the YAML holds it: inline markup and escapes, recased frame lines, ASCII keys."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from baocao.conventions.levels import LEVELS
from baocao.conventions.words import BODY_NAMES, CHAIR, UPPER_WORDS, fold, norm
from baocao.document.model import Text
from baocao.readers.docx.content import Cite, Inline

_MARKUP = re.compile(r"([\\*^])")
_NOTE_MARKUP = re.compile(r"([\\*^\[\]])")
_OPEN_NOTE = re.compile(r"\[(?=\^)")
_JINJA = re.compile(r"\{(?=[{%#])")
_CHAIR = re.compile(rf"\b{CHAIR.lower()}\b")
_LEVEL_LINE = re.compile(r"^(" + "|".join(sorted(LEVELS, key=len, reverse=True)) + r")\s+(.+)$", re.IGNORECASE)


def escape(text: str, in_note: bool = False) -> str:
    """`text` as a sentence that renders back to itself: markup characters and Jinja openings escaped."""
    text = (_NOTE_MARKUP if in_note else _MARKUP).sub(r"\\\1", text)
    if not in_note:
        text = _OPEN_NOTE.sub(r"\\[", text)
    return _JINJA.sub("{{ '{' }}", text)


def markup(inlines: Sequence[Inline], cite: Callable[[Cite], str], in_note: bool = False) -> str:
    """The inlines as one sentence: **bold**, *italic*, ^superscript^, notes by `cite`; whitespace collapsed.

    Spaces at the edges of a formatted run go outside its marks (' **x** ', not '** x **').
    """
    out: list[str] = []
    state = (False, False, False)
    space = ""  # whitespace not yet written: it goes after closing marks and before opening ones
    for inline in inlines:
        if isinstance(inline, Cite):
            core, wanted, written = cite(inline), (False, False, False), True
        else:
            text = inline.text.replace("\n", " ").replace("\t", " ")
            core = text.strip()
            if not core:
                space += text
                continue
            space += text[: len(text) - len(text.lstrip())]
            wanted, written = (inline.bold, inline.italic, inline.superscript), False
        out.append(_marks(state, wanted, closing=True) + space + _marks(state, wanted, closing=False))
        state, space = wanted, (text[len(text.rstrip()) :] if not written else "")
        out.append(core if written else escape(core, in_note))
    out.append(_marks(state, (False, False, False), closing=True) + space)
    return " ".join("".join(out).split())


def _marks(old: tuple[bool, bool, bool], new: tuple[bool, bool, bool], closing: bool) -> str:
    """The marks closing (innermost first) or opening the formatting that changes from `old` to `new`."""
    marks = ("**", "*", "^")
    if closing:
        return "".join(m for m, a, b in zip(marks[::-1], old[::-1], new[::-1], strict=True) if a and not b)
    return "".join(m for m, a, b in zip(marks, old, new, strict=True) if b and not a)


def lstrip_inlines(inlines: Sequence[Inline], chars: str = " \t") -> list[Inline]:
    """The inlines without the `chars` they start with (empty leading runs dropped)."""
    out = list(inlines)
    while out and isinstance(out[0], Text):
        text = out[0].text.lstrip(chars)
        if text:
            out[0] = replace(out[0], text=text)
            break
        out.pop(0)
    return out


def plain(inlines: Sequence[Inline]) -> str:
    return norm("".join(i.text for i in inlines if isinstance(i, Text)))


def sentence_case(line: str) -> str:
    """'PHÓ CHỦ TỊCH' → 'Phó Chủ tịch'; 'ỦY BAN NHÂN DÂN' → 'Ủy ban nhân dân' (acronyms kept)."""
    words = [w if w in UPPER_WORDS else w.lower() for w in norm(line).split()]
    text = _CHAIR.sub(CHAIR, " ".join(words))
    return text[:1].upper() + text[1:]


def issuer_line(line: str) -> str:
    """An issuer line as the profile writes it: 'XÃ TÂN HÒA' → 'xã Tân Hòa'; others in sentence case
    when they are a known body's name, else as written (the build writes them in capitals anyway)."""
    line = norm(line)
    match = _LEVEL_LINE.match(line)
    if match and line.isupper():
        return f"{match.group(1).lower()} {title_case(match.group(2))}"
    if line.upper() in BODY_NAMES:
        return sentence_case(line)
    return line


def title_case(name: str) -> str:
    """'TÂN HÒA' → 'Tân Hòa' (place names)."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in name.split())


def level_of(line: str) -> str:
    """The administrative level a line names ('xã', 'huyện'…), or ''."""
    match = _LEVEL_LINE.match(norm(line))
    return match.group(1).lower() if match else ""


def slug(text: str, fallback: str = "cot") -> str:
    """An ASCII snake_case key from Vietnamese text: 'Cây trồng' → 'cay_trong'."""
    ascii_text = fold(text).lower()
    key = "_".join(re.findall(r"[a-z0-9]+", ascii_text))[:30].strip("_")
    return key if key and key[0].isalpha() else f"{fallback}_{key}".strip("_")


def unique(key: str, taken: set[str]) -> str:
    """`key`, or `key_2`, `key_3`… when taken; the result is added to `taken`."""
    candidate, n = key, 1
    while candidate in taken:
        n += 1
        candidate = f"{key}_{n}"
    taken.add(candidate)
    return candidate
