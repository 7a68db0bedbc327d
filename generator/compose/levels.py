"""Compose, the outline's levels: which heading each label style makes, how run-in titles are printed, and
the checks of a section's number (typed by hand, or past what its style can count)."""

from __future__ import annotations

from dataclasses import dataclass

from baocao.conventions import formatting as fmt
from baocao.conventions import numbering
from baocao.document.model import HeadingKind
from baocao.errors import BaocaoError, Location, Problem
from baocao.input.model import Muc
from baocao.messages import compose as msg

# The heading kind (Word's Heading 1–5) of each label style; a Phần is "phan".
HEADING_KIND: dict[str, HeadingKind] = {
    "phan": "phan",
    numbering.LA_MA: "muc",
    numbering.SO: "tieu_muc",
    numbering.SO_GHEP: "tieu_muc_2",
    numbering.CHU: "diem",
}
UNNUMBERED = "khong_so"
# How a run-in title is printed when kieu_tieu_de does not say (ND30: 1.1. bold or bold italic; a) italic).
LEAD_DEFAULTS = {
    numbering.LA_MA: "dam",
    numbering.SO: "dam",
    numbering.SO_GHEP: "dam_nghieng",
    numbering.CHU: "nghieng",
    UNNUMBERED: "dam",
}


@dataclass
class Level:
    """The sections of one list: their label style (None when no numbered level is left, "phan" for the
    parts), the number of the "1." item they sit under (for "1.1."), their depth, how many are numbered."""

    style: str | None
    parent_number: int
    depth: int
    count: int = 0


def refuse_typed_number(section: Muc, where: Location) -> None:
    """A title or numbered paragraph must not start with a number typed by hand."""
    typed = numbering.read_label(section.tieu_de or section.doan)
    if typed and (section.tieu_de or typed.text.endswith((".", ")"))):
        raise BaocaoError(
            Problem(
                where,
                msg.typed_number((section.tieu_de or section.doan)[:40]),
                msg.TYPED_NUMBER_HINT,
            )
        )


def check_count(style: str, number: int, part_style: str, where: Location) -> None:
    """Numbering styles that run out: Vietnamese letters (23 points), 'Phần thứ …' words (10 parts),
    Roman numerals (3999 mục or phần)."""
    if (style == numbering.LA_MA or style == "phan" and part_style != "chu") and number > fmt.MAX_ROMAN:
        raise BaocaoError(
            Problem(
                where,
                msg.too_many_roman(
                    fmt.format_number(fmt.MAX_ROMAN),
                    msg.PARTS if style == "phan" else msg.SECTIONS,
                    fmt.roman(fmt.MAX_ROMAN),
                ),
                msg.TOO_MANY_PARTS_HINT if style == "phan" else msg.TOO_MANY_SECTIONS_HINT,
            )
        )
    if style == numbering.CHU and number > len(fmt.VIETNAMESE_LETTERS):
        raise BaocaoError(
            Problem(
                where,
                msg.too_many_points(len(fmt.VIETNAMESE_LETTERS)),
                msg.TOO_MANY_POINTS_HINT,
            )
        )
    if style == "phan" and part_style == "chu" and number > len(numbering.PART_ORDINALS):
        raise BaocaoError(
            Problem(
                where,
                msg.too_many_part_words(len(numbering.PART_ORDINALS)),
                msg.TOO_MANY_PART_WORDS_HINT,
            )
        )
