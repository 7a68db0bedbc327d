"""Slips typed into a report's text, defined once for the build (compose/trust.py) and the .docx checker
(nd30/text.py); the placeholders `baocao init` writes are found by input/placeholders.py.

Pure functions over one text: numbers written the English way ("2.08", "1,539.72"), a space before
"%" ("91,1 %"), a doubled "%" ("5%%"). Dates, document numbers (241/KH-UBND), years, m²/m³ and
numbers after "mục", "điểm"… are not slips.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterator
from dataclasses import dataclass
from functools import lru_cache

from baocao.conventions.words import REFERENCE_WORDS
from baocao.messages import nd30 as msg

NUMBER_STYLE = "kieu-so"  # the code of number-style slips (the checker's findings use it too)
PLACEHOLDER = "cho-trong"  # the code of placeholders left in the text
VI_DECIMAL, EN_DECIMAL = "vi-decimal", "en-decimal"  # number kinds by decimal mark (number_kind): 91,1 and 2.08
ENGLISH = (EN_DECIMAL, "en-thousands")  # the number kinds that are slips

# A number with a separator (one without is never a slip); it is checked whole, not in part.
_NUMBER = re.compile(r"(?<![\w.,/-])\d+(?:[.,]\d+)+(?![\d/-])")
_SPACE_PERCENT = re.compile(r"(\d+(?:[.,]\d+)*)\s+%")
_DOUBLE_PERCENT = re.compile(r"(\d+(?:[.,]\d+)*)?%(?:\s*%)+")
_SEPARATED = re.compile(r"\d[.,]\d")  # what every text with a number slip has, or a '%': a fast first look
_PERCENT_SLIP = re.compile(r"\s%|%\s*%")  # … with a '%' slip
_LEADING_LABEL = re.compile(r"\s*\d+(?:\.\d+)*\.?(?=\s)")
_REFERENCE_WORDS = REFERENCE_WORDS
_REFERENCE = re.compile(rf"(?:{'|'.join(_REFERENCE_WORDS)})\s*$", re.IGNORECASE)
_REFERENCE_REACH = max(map(len, _REFERENCE_WORDS))  # IGNORECASE matches letter for letter: a word is never longer


@dataclass(frozen=True)
class Slip:
    """One slip in a text: which rule (`code`, `kind`), the text found at `start`, what to do instead."""

    code: str
    kind: str
    token: str
    start: int
    message: str


# --- number style ----------------------------------------------------------------


@lru_cache(maxsize=4096)  # the same figures recur from sentence to sentence
def number_kind(token: str) -> str:
    """'vi-decimal' (91,1; 1.539,72), 'en-decimal' (2.08; 1,539.72), 'en-thousands' (1,234,567) or ''."""
    separators = re.sub(r"\d", "", token)
    groups = re.split(r"[.,]", token)
    if not separators or any(len(g) != 3 for g in groups[1:-1]) or len(set(separators[:-1])) > 1:
        return ""
    last, inner = separators[-1], set(separators[:-1])
    if inner and inner != {last}:
        return VI_DECIMAL if last == "," else EN_DECIMAL
    if last == ",":
        return VI_DECIMAL if len(separators) == 1 else ("en-thousands" if len(groups[-1]) == 3 else "")
    return EN_DECIMAL if len(separators) == 1 and len(groups[-1]) != 3 else ""


def number_tokens(text: str, kinds: Container[str] = (VI_DECIMAL, *ENGLISH)) -> Iterator[tuple[re.Match[str], str]]:
    """(match, kind) for the decimal and grouped numbers of running text (of `kinds`); a leading list or
    heading number, and numbers after "mục", "điểm", "phiên bản"… are left out."""
    label = _LEADING_LABEL.match(text)
    for match in _NUMBER.finditer(text, label.end() if label else 0):
        kind = number_kind(match[0])
        if kind in kinds and not _after_reference(text, match.start()):
            yield match, kind


def _after_reference(text: str, start: int) -> bool:
    """Whether "mục", "điểm"… (and spaces) come right before `start`; only the letters that can hold one are read."""
    words_end = len(text[:start].rstrip())
    return _REFERENCE.search(text, max(words_end - _REFERENCE_REACH, 0), start) is not None


def number_slips(text: str) -> list[Slip]:
    """English-style numbers, a space before '%', a doubled '%', in the order they occur."""
    if "%" not in text and not _SEPARATED.search(text):
        return []
    slips = [
        Slip(
            NUMBER_STYLE,
            kind,
            match[0],
            match.start(),
            msg.english_number(match[0], match[0].translate(str.maketrans(".,", ",."))),
        )
        for match, kind in number_tokens(text, ENGLISH)
    ]
    if "%" in text and _PERCENT_SLIP.search(text):
        slips += [
            Slip(
                NUMBER_STYLE,
                "space-percent",
                match[0],
                match.start(),
                msg.space_before_percent(match[0], match[1]),
            )
            for match in _SPACE_PERCENT.finditer(text)
        ]
        slips += [
            Slip(
                NUMBER_STYLE,
                "double-percent",
                match[0],
                match.start(),
                msg.double_percent(match[0], match[1] or ""),
            )
            for match in _DOUBLE_PERCENT.finditer(text)
        ]
    return sorted(slips, key=lambda slip: slip.start)


def corrected(slip: Slip) -> str:
    """How a number slip is written right: "2,08" for "2.08", "91,1%" for "91,1 %", "5%" for "5%%"."""
    if slip.kind == "space-percent":
        return re.sub(r"\s+%", "%", slip.token)
    if slip.kind == "double-percent":
        return re.sub(r"%(?:\s*%)+", "%", slip.token)
    return slip.token.translate(str.maketrans(".,", ",."))


def mixed_decimals(first_of: dict[str, tuple[str, str]]) -> str:
    """The message when numbers of both decimal marks were seen, else ''. `first_of` maps a number kind
    (number_kind) to its first token and where that is."""
    if VI_DECIMAL not in first_of or EN_DECIMAL not in first_of:
        return ""
    (comma, comma_place), (dot, dot_place) = first_of[VI_DECIMAL], first_of[EN_DECIMAL]
    return msg.mixed_decimals(comma, comma_place, dot, dot_place)
