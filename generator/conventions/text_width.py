"""How wide a text prints in Times New Roman, ND30's font (and its metric-compatible Liberation Serif and Tinos):
the advance widths of its letters in thousandths of an em, regular and bold."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from itertools import repeat

_PRINTABLE = [chr(code) for code in range(32, 127)]  # space to "~"
_ASCII = {
    False: "250 333 408 500 500 833 778 180 333 333 500 564 250 333 250 278 500 500 500 500 500 500 500 500 500 500 "
    "278 278 564 564 564 444 921 722 667 667 722 611 556 722 722 333 389 722 611 889 722 722 556 722 667 556 611 722 "
    "722 944 722 722 611 333 278 333 469 500 333 444 500 444 500 444 333 500 500 278 278 500 278 778 500 500 500 500 "
    "333 389 278 500 500 722 500 500 444 480 200 480 541",
    True: "250 333 555 500 500 1000 833 278 333 333 500 570 250 333 250 278 500 500 500 500 500 500 500 500 500 500 "
    "333 333 570 570 570 500 930 722 667 722 722 667 611 778 778 389 500 778 667 944 722 778 611 778 722 556 667 722 "
    "722 1000 722 722 667 333 278 333 581 500 333 500 556 444 556 444 333 500 556 278 333 556 278 833 556 500 556 556 "
    "444 389 333 556 500 722 500 500 444 394 220 394 520",
}
_SIGNS = {  # signs beyond ASCII a table may hold, as wide as in bold (in regular the same or narrower)
    "\u00a0": 250,
    "°": 400,
    "–": 500,
    "—": 1000,
    "…": 1000,
    "“": 500,
    "”": 500,
    "‘": 333,
    "’": 333,
    "²": 300,
    "³": 300,
    "×": 570,
}
_LATIN = [chr(code) for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00))]  # accented letters, Vietnamese's
_MARKS = [chr(code) for code in range(0x300, 0x370)]  # combining accents, typed apart from their letter: no width
_BASES = str.maketrans("đĐ", "dD")  # the letters NFD does not take apart


def _widths(bold: bool) -> dict[str, int]:
    """Each letter's width; an accented letter as wide as its base letter (ấ as a, ư as u, đ as d)."""
    widths = dict(zip(_PRINTABLE, map(int, _ASCII[bold].split()), strict=True)) | _SIGNS
    bases = {letter: unicodedata.normalize("NFD", letter)[0].translate(_BASES) for letter in _LATIN}
    return (
        widths | {letter: widths[base] for letter, base in bases.items() if base in widths} | dict.fromkeys(_MARKS, 0)
    )


_WIDTHS = {bold: _widths(bold) for bold in (False, True)}


def text_units(text: str, bold: bool = False) -> int:
    """Thousandths of an em `text` takes on one line; a sign not listed above takes one em (a conservative guess)."""
    return sum(map(_WIDTHS[bold].get, text, repeat(1000)))


@lru_cache(maxsize=16384)  # a table's words recur (Vietnamese syllables, figures' units) from row to row
def _word_units(word: str, bold: bool) -> int:
    return text_units(word, bold)


def measure(text: str, bold: bool = False) -> tuple[int, int]:
    """text_units of the widest word of `text` and of its whole line (ends stripped)."""
    words = text.split()
    if not words:
        return 0, 0
    sizes = list(map(_word_units, words, repeat(bold)))
    line = text.strip()
    if line != " ".join(words):  # other whitespace than single spaces between the words
        return max(sizes), text_units(line, bold)
    return max(sizes), sum(sizes) + (len(words) - 1) * _WIDTHS[bold][" "]


def units_twips(units: int, size: float) -> int:
    """Twips that `units` thousandths of an em take at `size` points."""
    return round(units * size * 20 / 1000)
