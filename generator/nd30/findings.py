"""What a check finds: a `Finding`, the rules findings cite, and their JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["loi", "canh_bao"]
ERROR: Severity = "loi"
WARNING: Severity = "canh_bao"

_ND30 = "Nghị định 30/2020/NĐ-CP, Phụ lục I – "
RULE_PAPER = _ND30 + "Khổ giấy"
RULE_MARGINS = _ND30 + "Định lề trang văn bản"
RULE_FONT = _ND30 + "Phông chữ"
RULE_SIZE = _ND30 + "Cỡ chữ và kiểu chữ"
RULE_HEADER = _ND30 + "Quốc hiệu và Tiêu ngữ"
RULE_DOC_NUMBER = _ND30 + "Số, ký hiệu của văn bản"
RULE_ABBREVIATION = "Nghị định 30/2020/NĐ-CP, Phụ lục III – Viết tắt tên loại văn bản và bản sao"
RULE_DATE = _ND30 + "Địa danh và thời gian ban hành văn bản"
RULE_OUTLINE = _ND30 + "Nội dung văn bản (bố cục: phần, mục, khoản, điểm)"
RULE_RECIPIENTS = _ND30 + "Nơi nhận"
RULE_PRACTICE = "Thực hành chung (NĐ 30 không quy định)"
RULE_NUMBER_STYLE = "Quy ước trình bày số (TCVN/ thực hành hành chính)"
RULE_CLOSING = "Thực hành hành chính (kết thúc phần nội dung bằng dấu ./.)"


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
        label = "Lỗi" if self.severity == ERROR else "Cảnh báo"
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
