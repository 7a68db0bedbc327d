"""The checker's rules as data: code, what the rule asks, where ND30 (or practice) states it, severity,
and whether `baocao check --sua` may fix it.

One rule, one code, one severity, one fix class. A *safe* fix changes layout or punctuation only (page,
margins, fonts, sizes, colour, zero padding of dates, Nơi nhận punctuation, the closing ./., numbers
written the English way when their reading is unambiguous); anything that could change what the text says
is *prohibited*: reported for a person to fix. The README's table of rules is `rules_markdown()`
(`baocao check --quy-tac` prints it; a test keeps the README current).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from baocao.messages import nd30_rules as msg
from baocao.nd30.findings import ERROR, WARNING, Finding, Severity

Autofix = Literal["an-toan", "cam"]
SAFE: Autofix = "an-toan"
PROHIBITED: Autofix = "cam"


@dataclass(frozen=True)
class Rule:
    """One rule of the checker; what it asks is worded in messages/nd30_rules.py."""

    code: str
    locator: str
    severity: Severity
    autofix: Autofix

    @property
    def title(self) -> str:
        return msg.TITLES[self.code]

    @property
    def safe(self) -> bool:
        return self.autofix == SAFE


_RULES = (
    Rule("kho-giay", msg.PAPER, ERROR, SAFE),
    Rule("huong-giay", msg.PAPER, ERROR, SAFE),
    Rule("le-trang", msg.MARGINS, ERROR, SAFE),
    Rule("le-trang-ngang", msg.MARGINS, WARNING, PROHIBITED),
    Rule("phong-chu", msg.FONT, ERROR, SAFE),
    Rule("mau-chu", msg.FONT, ERROR, SAFE),
    Rule("co-chu", msg.SIZE, ERROR, SAFE),
    Rule("co-chu-chu-thich", msg.PRACTICE, WARNING, SAFE),
    Rule("so-trang", msg.PAGE_NUMBER, ERROR, SAFE),
    Rule("o-tieu-de", msg.HEADER, ERROR, PROHIBITED),
    Rule("so-ky-hieu", msg.DOC_NUMBER, ERROR, PROHIBITED),
    Rule("ky-hieu-loai", msg.ABBREVIATION, ERROR, PROHIBITED),
    Rule("ngay-thang", msg.DATE, ERROR, PROHIBITED),
    Rule("ngay-thang-so-0", msg.DATE, ERROR, SAFE),
    Rule("ngay-thang-nghieng", msg.DATE, ERROR, SAFE),
    Rule("ngay-viet-tat", msg.NUMBER_STYLE, WARNING, SAFE),
    Rule("ngay-sai", msg.NUMBER_STYLE, WARNING, PROHIBITED),
    Rule("danh-so-muc", msg.OUTLINE, ERROR, PROHIBITED),
    Rule("kieu-muc", msg.OUTLINE, WARNING, PROHIBITED),
    Rule("chu-thich-go-tay", msg.PRACTICE, WARNING, PROHIBITED),
    Rule("chu-thich-thu-tu", msg.PRACTICE, ERROR, PROHIBITED),
    Rule("chu-thich-hong", msg.PRACTICE, ERROR, PROHIBITED),
    Rule("chu-thich-ky-hieu", msg.PRACTICE, WARNING, PROHIBITED),
    Rule("noi-nhan", msg.RECIPIENTS, ERROR, PROHIBITED),
    Rule("noi-nhan-dau", msg.RECIPIENTS, ERROR, SAFE),
    Rule("ket-thuc", msg.PRACTICE, WARNING, SAFE),
    Rule("chu-ky", msg.SIGNATURE, ERROR, PROHIBITED),
    Rule("kieu-so", msg.NUMBER_STYLE, ERROR, SAFE),
    Rule("dau-phan-tram", msg.NUMBER_STYLE, WARNING, SAFE),
    Rule("dau-thap-phan", msg.NUMBER_STYLE, WARNING, PROHIBITED),
    Rule("cho-trong", msg.PRACTICE, WARNING, PROHIBITED),
)
RULES: dict[str, Rule] = {rule.code: rule for rule in _RULES}

README_START = msg.README_START
README_END = "<!-- /quy-tac -->"


def finding(code: str, message: str, where: str, hint: str = "") -> Finding:
    """A finding of rule `code`: its severity and the locator cited come from the rule."""
    rule = RULES[code]
    return Finding(rule.severity, code, message, where, rule.locator, hint)


def rules_markdown() -> str:
    """The rules as a Markdown table: mã, quy tắc, căn cứ, mức độ, tự sửa (--sua)."""
    lines = [msg.TABLE_HEAD, "|---|---|---|---|---|"]
    lines += [
        f"| `{r.code}` | {r.title} | {r.locator} | {msg.SEVERITY_NAMES[r.severity]} | {msg.AUTOFIX_NAMES[r.autofix]} |"
        for r in _RULES
    ]
    return "\n".join(lines) + "\n"
