"""Every hostile case of issue 13 (tests/hostile.py) through the command line, in a process of its own: exit 1
with a Vietnamese message, or 0 with a valid output; never 3, no traceback, no English sentence. (Where each
message points and what it says: tests/test_attacks.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from docx import Document
from hostile import CASES, run
from literals import english


@pytest.mark.parametrize("name", list(CASES))
def test_a_hostile_case_ends_cleanly_in_vietnamese(tmp_path, name):
    ran = run(CASES[name], tmp_path)
    said = (ran.out + ran.err).replace(str(tmp_path), "THU_MUC")  # a folder's name is no sentence
    assert ran.code in (0, 1) and "Traceback" not in said, (ran.code, said[-3000:])
    assert not english(said), (english(said), said[-3000:])
    assert ran.code == 0 or "Lỗi" in said, said[-3000:]  # a located error, or a finding of `check`
    _valid_outputs(tmp_path)


def _valid_outputs(folder: Path) -> None:
    """Whatever the case wrote opens: the built .docx, the imported YAML."""
    for docx in folder.glob("ra.docx"):
        assert Document(str(docx)).paragraphs
    for written in folder.glob("nhap/*.yaml"):
        assert yaml.safe_load(written.read_text(encoding="utf-8"))
