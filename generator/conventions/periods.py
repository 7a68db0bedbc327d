"""How a report's period (kỳ báo cáo) is written, and read back from what a clerk types."""

from __future__ import annotations

import re

YEAR = "năm"  # the word before a year: 'quý II năm 2026'
# The forms a clerk may type, each with its kind (input/period.py's Period.kind).
PATTERNS = [
    (re.compile(r"^6 tháng đầu năm (\d{4})$"), "6t-dau"),
    (re.compile(r"^6 tháng cuối năm (\d{4})$"), "6t-cuoi"),
    (re.compile(r"^9 tháng(?: đầu)? năm (\d{4})$"), "9t"),
    (re.compile(r"^quý (I|II|III|IV) năm (\d{4})$", re.IGNORECASE), "quy"),
    (re.compile(r"^tháng (\d{1,2}) năm (\d{4})$"), "thang"),
    (re.compile(r"^năm (\d{4})$"), "nam"),
]
WORDS = {
    "6t-dau": "6 tháng đầu năm",
    "6t-cuoi": "6 tháng cuối năm",
    "9t": "9 tháng năm",
    "nam": YEAR,
}  # before the year
EXAMPLES = "6 tháng đầu năm 2025, 6 tháng cuối năm 2025, 9 tháng năm 2025, quý II năm 2025, tháng 5 năm 2025, năm 2025"


def quarter(number: str, year: int) -> str:
    """'quý II năm 2026' (`number` in Roman numerals)."""
    return f"quý {number} {YEAR} {year}"


def month(number: int, year: int) -> str:
    """'tháng 5 năm 2026'."""
    return f"tháng {number} {YEAR} {year}"
