"""The page of a report under ND30, in twips (1 cm = 567 twips): A4, the decree's margins, the frame's grids,
a table's columns.

The Word template (templates/make_templates.py) and the HTML preview both draw the frame from these.
"""

from __future__ import annotations

from collections.abc import Sequence

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

# The narrowest table column (1.3 cm): "STT" or "VIII" in bold 13 pt and the cell's margins (2 × 0.19 cm) on one line.
MIN_COLUMN = 737


def column_widths(weights: Sequence[int], width: int) -> list[int]:
    """Twips per table column in proportion to `weights`, summing exactly to `width`; a column that would be
    narrower than MIN_COLUMN gets that much and the others share the rest (when the width allows it).

    >>> column_widths([1, 5, 2, 2, 2, 2, 2, 2], TEXT_WIDTH)  # STT, a name, six numbers: 1/18 would be 519
    [737, 2534, 1013, 1013, 1013, 1013, 1013, 1019]
    """
    narrow: set[int] = set()
    while True:
        rest = width - MIN_COLUMN * len(narrow)
        total = sum(weight for i, weight in enumerate(weights) if i not in narrow)
        widths = [MIN_COLUMN if i in narrow else rest * weight // total for i, weight in enumerate(weights)]
        below = {i for i, twips in enumerate(widths) if twips < MIN_COLUMN} - narrow
        if not below or MIN_COLUMN * len(weights) > width:
            break
        narrow |= below
    widths[-1] += width - sum(widths)
    return widths
