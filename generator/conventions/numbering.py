"""Heading labels as ND30 reports write them: "Phần I" or "Phần thứ nhất", "I.", "1.", "1.1.", "a)".

compose writes them; the check reads them back from any document. Roman numerals and the letters
of the điểm come from formatting.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from baocao.conventions.formatting import VIETNAMESE_LETTERS, point_letter, roman

# Kinds of label: Phần, mục (I.), arabic (1., 1.1., …), điểm (a)).
PART, SECTION, ARABIC, POINT = "phan", "muc", "so", "diem"
PART_WORD, ORDINAL = "Phần", "thứ"  # "Phần I", "Phần thứ nhất"
PART_ORDINALS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười")
_ROMAN_NUMBERS = {roman(n): n for n in range(1, 100)}
_LABEL = re.compile(
    rf"(?i:{PART_WORD})\s+(?:(?i:{ORDINAL})\s+(?P<ordinal>\w+)|(?P<part>[IVXLC]+)\b)"
    r"|(?P<roman>[IVXLC]+)\.(?=\s|$)"
    r"|(?P<arabic>\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}\.)(?=\s|$)"
    r"|(?P<letter>[a-zđ])\)"
)


def label(kind: str, numbers: Sequence[int], words: bool = False) -> str:
    """The label of a heading of `kind`; `numbers` are all of an arabic label's ((1, 2) → "1.2."), the
    number alone for the others; `words` writes a part "Phần thứ nhất" rather than "Phần I"."""
    number = numbers[-1]
    if kind == PART:
        return f"{PART_WORD} {ORDINAL} {PART_ORDINALS[number - 1]}" if words else f"{PART_WORD} {roman(number)}"
    if kind == SECTION:
        return f"{roman(number)}."
    if kind == POINT:
        return f"{point_letter(number - 1)})"
    return ".".join(map(str, numbers)) + "."


@dataclass(frozen=True)
class Typed:
    """A label typed at the start of a text: its kind, its numbers (as for `label`; 0 where the numeral
    is not one of its kind: "f)", "IIII.", "Phần thứ nhì"), whether a part is in words, and its text."""

    kind: str
    numbers: tuple[int, ...]
    words: bool
    text: str

    @property
    def number(self) -> int:
        return self.numbers[-1]


def read_label(text: str) -> Typed | None:
    """The label `text` starts with, or None."""
    match = _LABEL.match(text.lstrip())
    if match is None:
        return None
    written = match[0].strip()
    if match["ordinal"] is not None:
        word = match["ordinal"].lower()
        return Typed(PART, (PART_ORDINALS.index(word) + 1 if word in PART_ORDINALS else 0,), True, written)
    if match["part"] or match["roman"]:
        return Typed(
            PART if match["part"] else SECTION,
            (_ROMAN_NUMBERS.get(match["part"] or match["roman"], 0),),
            False,
            written,
        )
    if match["arabic"]:
        return Typed(ARABIC, tuple(int(n) for n in match["arabic"].rstrip(".").split(".")), False, written)
    return Typed(POINT, (VIETNAMESE_LETTERS.find(match["letter"]) + 1,), False, written)


# ---- the ladder: which label style numbers the children of an item ------------------------------

#: Label styles a clerk chooses for a level of the outline (YAML `kieu_muc`, `kieu_muc_con`), from the top
#: down: "I.", "1.", "1.1.", "a)". A Phần sits above them all.
LA_MA, SO, SO_GHEP, CHU = "la_ma", "so", "so_ghep", "chu"
LADDER_STYLES = (LA_MA, SO, SO_GHEP, CHU)
DEFAULT_LADDER = LADDER_STYLES
STYLE_SAMPLES = {LA_MA: "I.", SO: "1.", SO_GHEP: "1.1.", CHU: "a)"}


def ladder_problem(parent: str | None, child: str) -> str:
    """Why items labelled in style `child` cannot be the children of an item labelled `parent` ("" when
    they can; `parent` None: the top of the outline or a Phần)."""
    sample = STYLE_SAMPLES[child]
    if parent is not None and LADDER_STYLES.index(child) <= LADDER_STYLES.index(parent):
        return (
            f"Mục con kiểu «{sample}» không đặt dưới mục «{STYLE_SAMPLES[parent]}»: cấp dưới phải là kiểu thấp "
            f"hơn, theo thứ tự I. → 1. → 1.1. → a)."
        )
    if child == SO_GHEP and parent != SO:
        return f"Mục kiểu «{sample}» chỉ đặt ngay dưới một mục kiểu «1.» (số ghép lấy số của mục cha)."
    return ""


def child_style(parent: str | None, ladder: Sequence[str]) -> str | None:
    """The style numbering the children of a `parent`-labelled item: the first of `ladder` that fits."""
    return next((style for style in ladder if not ladder_problem(parent, style)), None)


def ladder_label(style: str, number: int, parent_number: int = 0, words: bool = False) -> str:
    """The label of the `number`-th item in `style` ("phan" for a Phần); `parent_number` is the number of
    the "1." item a "1.1." item sits under."""
    if style == "phan":
        return label(PART, (number,), words)
    if style == SO_GHEP:
        return label(ARABIC, (parent_number, number))
    return label({LA_MA: SECTION, SO: ARABIC, CHU: POINT}[style], (number,))
