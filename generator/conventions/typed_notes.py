"""Footnote numbers typed by hand rather than inserted by Word, as the checker flags them (nd30/text.py) and
the importer turns them into real footnotes (readers/docx/typed_notes.py): a superscript run holding a
number ("1", "(1)", "[1]"), Unicode superscript digits ("¹", "⁴⁰"); a ² or ³ after m, km… is a unit."""

from __future__ import annotations

import re

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPERSCRIPT_NUMBER = re.compile(f"[{SUPERSCRIPT_DIGITS}]{{1,3}}")  # "¹", "⁴⁰": a note number in Unicode digits
# The text of a superscript run that is a note number: "1", "(1)", "[1]", a stray "," typed up with it.
TYPED_MARK = re.compile(r"[(\[]?(\d{1,3})[)\]]?([.,;:]?)")
_UNIT = re.compile(r"(?<![^\W\d_])[kcdm]?m\s?$")  # m, km, cm, dm, mm ending a text (one space allowed)
_POWERS = ("2", "3", "²", "³")
_TO_DIGITS = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")


def superscript_value(digits: str) -> int:
    """The number Unicode superscript digits write: "⁴⁰" → 40."""
    return int(digits.translate(_TO_DIGITS))


def ends_with_unit(text: str) -> bool:
    """Whether `text` ends with a length unit (m, km, cm, dm, mm) that a ² or ³ would raise."""
    return _UNIT.search(text) is not None


def is_unit_power(before: str, mark: str) -> bool:
    """Whether a superscript `mark` after the text `before` is a unit's power (m², km³), not a note number."""
    return mark in _POWERS and ends_with_unit(before)
