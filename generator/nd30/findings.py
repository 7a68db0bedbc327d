"""What a check finds: a `Finding` and its JSON (the rules findings cite are in `rules`)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Literal

from baocao.messages import common

Severity = Literal["loi", "canh_bao"]
ERROR: Severity = "loi"
WARNING: Severity = "canh_bao"


@dataclass(frozen=True)
class Finding:
    """One departure from a rule: how serious, which check, what is wrong, where, under which rule
    (none for a template's), and what to do when the message does not say it."""

    severity: Severity
    code: str
    message: str
    where: str
    rule: str = ""
    hint: str = ""

    def __str__(self) -> str:
        label = common.ERRORS if self.severity == ERROR else common.WARNINGS
        text = f"{label} [{self.code}] {self.where}: {self.message}" + (f" ({self.rule})" if self.rule else "")
        return text + (f"\n    → {self.hint}" if self.hint else "")

    def as_dict(self) -> dict[str, str]:
        """severity, code, message, where and rule; the hint when there is one."""
        data = asdict(self)
        if not self.hint:
            del data["hint"]
        return data


def has_errors(findings: Iterable[Finding]) -> bool:
    """True if any finding is an error (not just a warning)."""
    return any(f.severity == ERROR for f in findings)


def findings_to_json(findings: Iterable[Finding]) -> str:
    """A JSON array of the findings' `as_dict()`."""
    return json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2)
