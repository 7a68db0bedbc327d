"""The page of a report under ND30, in twips (1 cm = 567 twips): A4, the decree's margins, the frame's grids,
a table's columns.

The Word template (templates/make_templates.py) and the HTML preview both draw the frame from these.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from baocao.conventions.text_width import text_twips

A4 = (11906, 16838)  # width, height of a portrait page (210 × 297 mm)
MARGINS = {"top": 1134, "bottom": 1134, "left": 1701, "right": 850}  # 20, 20, 30, 15 mm, portrait or landscape
HEADER_DISTANCE = 567  # the page number's line, 1 cm from the top edge
TEXT_WIDTH = A4[0] - MARGINS["left"] - MARGINS["right"]  # 9355 = 16.5 cm

# Grids: (left, right) column widths and the header grid's indent.
HEADER_COLS = (3827, 5669)  # 6.75 cm + 10.0 cm, the decree's sample
HEADER_INDENT = TEXT_WIDTH - sum(HEADER_COLS)  # -141: right edge on the right margin
CLOSING_COLS = (3969, TEXT_WIDTH - 3969)  # 7.0 cm + 9.5 cm: Nơi nhận, signature

# Short rules: length, centred in their column (or the text width).
ISSUER_RULE_LEN = 1247  # ~2.2 cm
MOTTO_RULE_LEN = 3459  # ~6.1 cm
TITLE_RULE_LEN = 2835  # ~5.0 cm, also under an appendix's heading

# Several recipients: "Kính gửi:" hangs, the list starts after the colon.
KINH_GUI_INDENT = 2835  # 5.0 cm: where recipients start
KINH_GUI_HANG = 1276  # 2.25 cm: room for "Kính gửi:"

# A table's cells: the "Bảng" style's size and each cell's left and right margins (the template's Table Grid).
TABLE_TEXT_SIZE = 13  # points
CELL_MARGIN = 108  # 0.19 cm
ALLOWANCE = 1.05  # a text measured 5% wider than Times New Roman prints it: another font, rounding


@dataclass(frozen=True)
class ColumnNeed:
    """Twips a column's cells need on one line, their margins included: its longest word, its longest line."""

    word: int = 0
    line: int = 0

    def widen(self, text: str, bold: bool, wraps: bool) -> ColumnNeed:
        """The need with a paragraph `text` added; one that `wraps` (a heading's) adds its longest word only."""
        words = [_cell_twips(word, bold) for word in text.split()] or [0]
        line = self.line if wraps else max(self.line, _cell_twips(text, bold))
        return ColumnNeed(max(self.word, *words), line)


def _cell_twips(text: str, bold: bool) -> int:
    return round(text_twips(text.strip(), TABLE_TEXT_SIZE, bold) * ALLOWANCE) + 2 * CELL_MARGIN


def column_widths(weights: Sequence[int], width: int, needs: Sequence[ColumnNeed]) -> list[int]:
    """Twips per table column, summing exactly to `width`. The rule: columns share the width in proportion to
    their weights, except that one narrower than its longest word is widened to it, the twips coming from the
    others in proportion to what they can spare beyond their longest line (beyond their longest word if that
    line wraps anyway); no column gives more than it can spare, so a narrow one gets what there is.

    >>> tt, name, number = ColumnNeed(580, 450), ColumnNeed(800, 2598), ColumnNeed(914, 830)
    >>> column_widths([1, 5, 2, 2, 2, 2, 2, 2], TEXT_WIDTH, [tt, name] + [number] * 6)  # TT: 519 by weight
    [580, 2598, 1029, 1029, 1029, 1029, 1029, 1032]
    """
    total = sum(weights)
    shares = [width * weight // total for weight in weights]
    shares[-1] += width - sum(shares)
    short = [max(need.word - share, 0) for need, share in zip(needs, shares, strict=True)]
    spare = [
        0 if lack else share - max(need.word, need.line if need.line <= share else 0)
        for need, share, lack in zip(needs, shares, short, strict=True)
    ]
    wanted, room = sum(short), sum(spare)
    if not wanted or not room:
        return shares
    moved = min(wanted, room)
    gets = [moved * lack // wanted for lack in short]
    gives = [moved * free // room for free in spare]
    widths = [share + get - give for share, get, give in zip(shares, gets, gives, strict=True)]
    widths[spare.index(max(spare))] += width - sum(widths)  # what rounding left, to or from the roomiest
    return widths
