"""`baocao check --sua` and `--ghi-chu` of one file: the fixed copy, the commented copy, or the fixed copy
with comments at what is left (fix.py, then comments.py on the fixed copy)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from baocao.nd30.findings import Finding, has_errors

if TYPE_CHECKING:
    from baocao.nd30.fix import Fixed


@dataclass(frozen=True)
class Reviewed:
    """The copy written, what the fix changed (with --sua), how many comments it holds (with --ghi-chu), and its
    findings."""

    target: Path
    fixed: Fixed | None
    comments: int | None
    findings: list[Finding]

    @property
    def failed(self) -> bool:
        """Whether the copy still has errors."""
        return has_errors(self.findings)


def copy_name(document: Path, fix: bool) -> Path:
    """Where the copy goes by default: TEP-da-sua.docx (fixed, commented or not) or TEP-ghi-chu.docx."""
    return document.with_name(f"{document.stem}{'-da-sua' if fix else '-ghi-chu'}.docx")


def review_copy(document: Path, output: Path | None = None, fix: bool = True, comments: bool = False) -> Reviewed:
    """Write the fixed (`fix`) and/or commented (`comments`) copy of `document` to `output` (default: copy_name).

    Raises BaocaoError when the document cannot be read or the copy written.
    """
    target = output or copy_name(document, fix)
    fixed = count = None
    findings: list[Finding] = []
    if fix:
        from baocao.nd30.fix import fix_docx

        fixed = fix_docx(document, target)
        findings = fixed.after
    if comments:
        from baocao.nd30.comments import comment_docx

        findings, count = comment_docx(target if fix else document, target)
    return Reviewed(target, fixed, count, findings)
