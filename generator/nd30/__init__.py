"""ND30 conformance check of any .docx, ours or hand-made: `check_docx(path)` lists the findings.

`reader` reads the document as Word shows it and names each place (its docstring states how places are
counted; `templates check` names them the same way); the checks are grouped by what they look at:
`layout` (page, margins, fonts, sizes), `frame` (header grid, số and ký hiệu, date line, Nơi nhận,
closing), `outline` (heading numbers), `text` (dates, typed footnote numbers, footnote references,
number style). Text boxes, headers and footers are not checked, nor numbers Word draws itself
(automatic list numbering, footnote marks).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from baocao.errors import BaocaoError, Problem
from baocao.nd30.findings import ERROR, WARNING, Finding, findings_to_json, has_errors
from baocao.nd30.reader import Docx, open_document

__all__ = [
    "ERROR",
    "WARNING",
    "FileCheck",
    "Finding",
    "check_docx",
    "check_files",
    "file_checks_to_json",
    "findings_to_json",
    "has_errors",
]


def _checks() -> tuple[Callable[[Docx], Iterable[Finding]], ...]:
    """The checks in the order they report; imported here, so a build (which reads templates with `reader`)
    does not load them."""
    from baocao.nd30 import closing, frame, layout, outline, text

    return (
        layout.check_page,
        layout.check_page_number,
        layout.check_fonts,
        layout.check_sizes,
        layout.check_colours,
        frame.check_header,
        frame.check_doc_number,
        frame.check_date_line,
        text.check_text_dates,
        outline.check_outline,
        text.check_typed_notes,
        text.check_note_references,
        closing.check_recipients,
        closing.check_signature,
        text.check_numbers,
        text.check_placeholders,
        closing.check_closing,
    )


def check_docx(path: Path) -> list[Finding]:
    """Check a .docx against ND30's layout rules; findings in check order, each in document order.

    Raises BaocaoError when the file is not a readable .docx.
    """
    return check_document(Docx(open_document(Path(path))))


def check_document(doc: Docx) -> list[Finding]:
    """The findings of a document already read (see check_docx)."""
    return [finding for check in _checks() for finding in check(doc)]


@dataclass(frozen=True)
class FileCheck:
    """The check of one file: its findings, or the problems that kept it from being read."""

    path: Path
    findings: list[Finding]
    problems: list[Problem]

    @property
    def failed(self) -> bool:
        """Unreadable, or an error (not just warnings) found."""
        return bool(self.problems) or has_errors(self.findings)


def check_files(paths: Iterable[Path]) -> list[FileCheck]:
    """check_docx of each file; an unreadable file is recorded, not raised."""
    results = []
    for path in map(Path, paths):
        try:
            results.append(FileCheck(path, check_docx(path), []))
        except BaocaoError as exc:
            results.append(FileCheck(path, [], exc.problems))
    return results


def file_checks_to_json(results: Iterable[FileCheck]) -> str:
    """A JSON array, one object a file: file, error (why it is unreadable, or null), findings (as findings_to_json)."""
    return json.dumps(
        [
            {
                "file": str(result.path),
                "error": " ".join(f"{p.message} {p.hint}".strip() for p in result.problems) or None,
                "findings": [f.as_dict() for f in result.findings],
            }
            for result in results
        ],
        ensure_ascii=False,
        indent=2,
    )
