"""Located errors and warnings shown to the clerk (messages in Vietnamese)."""

from __future__ import annotations

import difflib
import errno
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from baocao.messages import files as msg

T = TypeVar("T")
D = TypeVar("D")


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
        name = shown_path(self.file) if self.file else msg.UNKNOWN_FILE
        if self.cell:
            return f"{name}:{self.cell}"
        if self.line:
            name += f":{self.line}"
            if self.column:
                name += f":{self.column}"
        return name


def shown_path(path: Path | str, longest: int = 200) -> str:
    """`path` as messages show it: a name longer than `longest` cut in its middle.

    >>> shown_path("/tmp/" + "a" * 300, longest=20)
    '/tmp/aaaaa … aaaaa'
    """
    name = str(path)
    return name if len(name) <= longest else f"{name[: longest // 2]} … {name[-longest // 4 :]}"


def os_reason(exc: OSError) -> str:
    """Why the system refused a file, in Vietnamese (the system's own words when not one of the usual).

    >>> os_reason(OSError(errno.ENAMETOOLONG, "File name too long"))
    'tên tệp hoặc đường dẫn quá dài'
    """
    return msg.OS_REASONS.get(errno.errorcode.get(exc.errno or 0, "")) or exc.strerror or str(exc)


def file_problem(exc: OSError, hint: str = msg.READ_OR_WRITE_HINT) -> Problem:
    """The located problem of a file the system refused to read or write."""
    name = exc.filename if isinstance(exc.filename, str) else None
    return Problem(Location(Path(name) if name else None), msg.cannot_read_or_write(os_reason(exc)), hint)


@dataclass(frozen=True)
class Problem:
    """One finding: where, what is wrong, and what to do about it; `see` holds the other places it
    involves (shown under it, not counted as problems of their own); `code` names the trust check
    (compose/trust.py) a warning comes from, which `--strict` turns into an error. A `note` is no warning
    but the record of a clerk's deliberate choice (a kept discrepancy, giu_nguyen): shown apart as
    "Ghi chú", never counted as a warning nor failing `--strict`."""

    location: Location
    message: str
    hint: str = ""
    see: tuple[Problem, ...] = ()
    code: str = ""
    note: bool = False

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}"
        if self.hint:
            text += f"\n    → {self.hint}"
        return text + "".join(f"\n    ({other.location}: {other.message})" for other in self.see)


class BaocaoError(Exception):
    """Input the tool cannot use; carries one or more located problems, and the warnings met before."""

    def __init__(self, problems: list[Problem] | Problem, warnings: Iterable[Problem] = ()):
        self.problems = problems if isinstance(problems, list) else [problems]
        self.warnings = list(warnings)
        super().__init__("\n".join(str(p) for p in self.problems))


class Misuse(Exception):
    """A command-line value the pipeline cannot use, found below the CLI: exit 2, nothing written, told as typer's
    own usage errors are; `option` is the option it concerns ('-o')."""

    def __init__(self, option: str, message: str):
        self.option, self.message = option, message
        super().__init__(message)


class Collector:
    """Problems (and warnings) gathered over steps that do not depend on each other, so one run
    reports them all."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self._kept: set[Problem] = set()

    def add(self, problems: Iterable[Problem]) -> None:
        """Keep `problems`, each once (a thousand problems are kept in linear time)."""
        for problem in problems:
            if problem not in self._kept:
                self._kept.add(problem)
                self.problems.append(problem)

    def attempt(self, action: Callable[[], T], default: D) -> T | D:
        """`action()`, or `default` once the problems and warnings it raised are kept."""
        try:
            return action()
        except BaocaoError as exc:
            self.add(exc.problems)
            self.warnings += [w for w in exc.warnings if w not in self.warnings]
            return default

    def check(self, warnings: Iterable[Problem] = ()) -> None:
        """Raise every problem kept, with the warnings (`warnings`, then those kept), if there is one."""
        if self.problems:
            raise BaocaoError(self.problems, [*warnings, *self.warnings])


def split_notes(warnings: Iterable[Problem]) -> tuple[list[Problem], list[Problem]]:
    """The warnings proper, and the notes (Problem.note) among `warnings`."""
    warnings = list(warnings)
    return [w for w in warnings if not w.note], [w for w in warnings if w.note]


def told_elsewhere() -> BaocaoError:
    """An error whose problem is already told (a figure that failed, cited in a sentence): the step
    fails, and no second message is added for it."""
    return BaocaoError([])


def fail(location: Location, message: str, hint: str = "") -> BaocaoError:
    """Build a one-problem error (to be raised by the caller)."""
    return BaocaoError(Problem(location, message, hint))


def suggest(name: str, known, otherwise: str = msg.UNKNOWN_NAME_HINT) -> str:
    """A hint for a misspelt name: the closest of `known`, or `otherwise`."""
    guess = difflib.get_close_matches(name, [str(k) for k in known], n=1)
    return msg.did_you_mean(guess[0]) if guess else otherwise
