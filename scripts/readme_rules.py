"""Rewrite the table of checker rules in README.md from baocao.nd30.rules (run after changing a rule).

python scripts/readme_rules.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from baocao.nd30.rules import README_END, README_START, rules_markdown

README = Path(__file__).resolve().parents[1] / "README.md"


def main() -> int:
    text = README.read_text(encoding="utf-8")
    start, end = text.index(README_START) + len(README_START), text.index(README_END)
    README.write_text(text[:start] + "\n" + rules_markdown() + text[end:], encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
