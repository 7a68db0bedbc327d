"""The checker's rules as data: each has a code, a locator, a severity and a fix class; the README's table
is generated from them and must be current; `baocao check --quy-tac` prints the same table."""

from __future__ import annotations

import re
from pathlib import Path

from baocao.nd30.findings import ERROR, WARNING
from baocao.nd30.rules import PROHIBITED, README_END, README_START, RULES, SAFE, finding, rules_markdown

ROOT = Path(__file__).resolve().parents[1]
CHECKS = ROOT / "generator" / "nd30"


def test_readme_table_is_current() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start, end = text.index(README_START) + len(README_START), text.index(README_END)
    assert text[start:end].strip() == rules_markdown().strip(), "run: python scripts/readme_rules.py"


def test_rules_are_complete_data() -> None:
    for code, rule in RULES.items():
        assert rule.code == code and re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", code)
        assert rule.title and rule.locator and rule.severity in (ERROR, WARNING) and rule.autofix in (SAFE, PROHIBITED)
    assert {
        "kho-giay",
        "le-trang",
        "phong-chu",
        "co-chu",
        "ngay-thang-so-0",
        "noi-nhan-dau",
        "ket-thuc",
        "kieu-so",
    } <= {code for code, rule in RULES.items() if rule.safe}
    assert not any(
        RULES[code].safe for code in ("danh-so-muc", "so-ky-hieu", "chu-ky", "cho-trong", "chu-thich-go-tay")
    )


def test_every_rule_is_used_by_a_check() -> None:
    sources = "\n".join(path.read_text(encoding="utf-8") for path in CHECKS.glob("*.py") if path.name != "rules.py")
    unused = [code for code in RULES if f'"{code}"' not in sources]
    assert not unused, unused


def test_finding_takes_severity_and_locator_from_its_rule() -> None:
    made = finding("ket-thuc", "thiếu ./.", "đoạn 3")
    assert (made.severity, made.code, made.rule) == (RULES["ket-thuc"].severity, "ket-thuc", RULES["ket-thuc"].locator)


def test_check_rules_command_prints_the_table(cli) -> None:
    code, out, _ = cli("check", "--quy-tac")
    assert code == 0 and out == rules_markdown()
