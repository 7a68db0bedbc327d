"""Located errors and warnings shown to the clerk (messages in Vietnamese)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Location:
    """A place in a source file: 1-based line and column (0 = unknown)."""

    file: Path | None
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        name = str(self.file) if self.file else "<không rõ tệp>"
        if self.line:
            name += f":{self.line}"
            if self.column:
                name += f":{self.column}"
        return name

    def shifted(self, lines: int) -> Location:
        """The location `lines` lines further down the same file."""
        return Location(self.file, self.line + lines, 0 if lines else self.column)


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
