"""Reporting periods (kỳ báo cáo) and issue dates, parsed from what clerks type."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from baocao.conventions import periods
from baocao.conventions.formatting import roman
from baocao.conventions.words import fold
from baocao.messages import input as msg

_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4}
PERIOD_EXAMPLES = periods.EXAMPLES


class UnknownPeriod(ValueError):
    """A period written in none of the forms (a ValueError, so the model's validator reports it)."""


@dataclass(frozen=True)
class Period:
    """A reporting period: kind ('6t-dau', '6t-cuoi', '9t', 'quy', 'thang', 'nam'), number, year."""

    kind: str
    year: int
    number: int = 0  # quarter or month

    @property
    def label(self) -> str:
        """The period as written in a report, e.g. '6 tháng đầu năm 2025'."""
        if self.kind == "quy":
            return periods.quarter(roman(self.number), self.year)
        if self.kind == "thang":
            return periods.month(self.number, self.year)
        return f"{periods.WORDS[self.kind]} {self.year}"

    @property
    def end(self) -> dt.date:
        """The last day the period covers."""
        month = {"6t-dau": 6, "6t-cuoi": 12, "9t": 9, "nam": 12, "quy": 3 * self.number, "thang": self.number}[
            self.kind
        ]
        first_of_next = dt.date(self.year + month // 12, month % 12 + 1, 1)
        return first_of_next - dt.timedelta(days=1)

    def __str__(self) -> str:
        return self.label

    def following(self) -> Period:
        """The period a report's 'phương hướng' looks to: the next half, quarter, month or year."""
        if self.kind in ("6t-dau", "6t-cuoi"):
            return Period("6t-cuoi", self.year) if self.kind == "6t-dau" else Period("6t-dau", self.year + 1)
        if self.kind in ("quy", "thang"):
            last = 4 if self.kind == "quy" else 12
            return Period(self.kind, self.year + self.number // last, self.number % last + 1)
        return Period("quy", self.year, 4) if self.kind == "9t" else Period("nam", self.year + 1)

    @property
    def slug(self) -> str:
        """The label for a file name: '6-thang-dau-nam-2026'."""
        return re.sub(r"[^a-z0-9]+", "-", fold(self.label).lower()).strip("-")

    def draft_date(self) -> str:
        """The date line of a draft of this period's report: month/year of its last day ('6/2026')."""
        return f"{self.end.month}/{self.end.year}"


def parse_period(text: str) -> Period:
    """Parse '6 tháng đầu năm 2025' and the other forms of PERIOD_EXAMPLES (a quarter in any case).

    >>> parse_period("quý iv năm 2026").label, parse_period("9 tháng đầu năm 2025").label
    ('quý IV năm 2026', '9 tháng năm 2025')
    """
    cleaned = " ".join(str(text).split())
    for pattern, kind in periods.PATTERNS:
        match = pattern.match(cleaned)
        if not match:
            continue
        if kind == "quy":
            if match.group(1).upper() not in _QUARTERS:
                break
            return Period(kind, int(match.group(2)), _QUARTERS[match.group(1).upper()])
        if kind == "thang":
            month = int(match.group(1))
            if not 1 <= month <= 12:
                break
            return Period(kind, int(match.group(2)), month)
        return Period(kind, int(match.group(1)))
    raise UnknownPeriod(msg.unknown_period(str(text), PERIOD_EXAMPLES))


@dataclass(frozen=True)
class IssueDate:
    """The date a report is signed; a draft leaves the day blank."""

    day: int | None
    month: int
    year: int

    def as_date(self) -> dt.date | None:
        return dt.date(self.year, self.month, self.day) if self.day else None


def parse_issue_date(value: object) -> IssueDate:
    """Read '15/6/2025', a YAML date, or '6/2025' (a draft: day left blank)."""
    if isinstance(value, dt.date):
        return IssueDate(value.day, value.month, value.year)
    parts = str(value).strip().split("/")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        numbers = []
    if len(numbers) == 3:
        day, month, year = numbers
        try:
            dt.date(year, month, day)
        except ValueError:
            raise ValueError(msg.not_a_date(str(value))) from None
        return IssueDate(day, month, year)
    if len(numbers) == 2 and 1 <= numbers[0] <= 12:
        return IssueDate(None, numbers[0], numbers[1])
    raise ValueError(msg.bad_issue_date(str(value)))
