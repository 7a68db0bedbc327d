"""How a report's period (kỳ báo cáo) is written, and read back from what a clerk types."""

from __future__ import annotations

import re

YEAR = "năm"  # the word before a year: 'quý II năm 2026'
QUARTER, MONTH = "quý", "tháng"
WORDS = {
    "6t-dau": "6 tháng đầu năm",
    "6t-cuoi": "6 tháng cuối năm",
    "9t": "9 tháng năm",
    "nam": YEAR,
}  # before the year


def _spaced(words: str) -> str:
    return r"\s+".join(map(re.escape, words.split()))


# The words before the year of each kind (input/period.py's Period.kind) as a clerk may type them, a regex (a
# quarter's or a month's number its group 1), in the order tried; quý in any case.
TYPED = {
    "6t-dau": _spaced(WORDS["6t-dau"]),
    "6t-cuoi": _spaced(WORDS["6t-cuoi"]),
    "9t": rf"9\s+{MONTH}(?:\s+đầu)?\s+{YEAR}",
    "quy": rf"{QUARTER}\s+([IV]+)\s+{YEAR}",
    "thang": rf"{MONTH}\s+(\d{{1,2}})\s+{YEAR}",
    "nam": YEAR,
}
PATTERNS = [
    (re.compile(rf"^{typed}\s+(\d{{4}})$", re.IGNORECASE if kind == "quy" else 0), kind)
    for kind, typed in TYPED.items()
]
EXAMPLES = "6 tháng đầu năm 2025, 6 tháng cuối năm 2025, 9 tháng năm 2025, quý II năm 2025, tháng 5 năm 2025, năm 2025"


def quarter(number: str, year: int) -> str:
    """'quý II năm 2026' (`number` in Roman numerals)."""
    return f"{QUARTER} {number} {YEAR} {year}"


def month(number: int, year: int) -> str:
    """'tháng 5 năm 2026'."""
    return f"{MONTH} {number} {YEAR} {year}"
