"""Located errors and warnings shown to the clerk (messages in Vietnamese)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Location:
    """A place in a source file: 1-based line and column (0 = unknown).

    For a value spanning several lines, `word_lines` holds the file line of each of its
    whitespace-separated words, so an error inside the value can name its own line. A place in a
    workbook has no line: `cell` names its sheet and cell ("Số liệu:C5"; "C5" in a .csv file).
    """

    file: Path | None
    line: int = 0
    column: int = 0
    word_lines: tuple[int, ...] = field(default=(), compare=False, repr=False)
    cell: str = ""

    def __str__(self) -> str:
        name = str(self.file) if self.file else "<không rõ tệp>"
        if self.cell:
            return f"{name}:{self.cell}"
        if self.line:
            name += f":{self.line}"
            if self.column:
                name += f":{self.column}"
        return name


@dataclass(frozen=True)
class Problem:
    """One finding: where, what is wrong, and what to do about it."""

    location: Location
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}"
        return f"{text}\n    → {self.hint}" if self.hint else text


class BaocaoError(Exception):
    """Input the tool cannot use; carries one or more located problems."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = problems if isinstance(problems, list) else [problems]
        super().__init__("\n".join(str(p) for p in self.problems))


def fail(location: Location, message: str, hint: str = "") -> BaocaoError:
    """Build a one-problem error (to be raised by the caller)."""
    return BaocaoError(Problem(location, message, hint))


def suggest(name: str, known, otherwise: str = "Khai báo tên này trước khi dùng, hoặc sửa lỗi chính tả.") -> str:
    """A hint for a misspelt name: the closest of `known`, or `otherwise`."""
    guess = difflib.get_close_matches(name, [str(k) for k in known], n=1)
    return f"Có phải bạn muốn viết '{guess[0]}'?" if guess else otherwise
