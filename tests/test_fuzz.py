"""Whatever a report file holds, the tool answers with a report or a located error, never a traceback.

`baocao validate` catches BaocaoError only, so "exit 0 or 1 and no exception out of main()" is
"success or BaocaoError" for every stage from reading the file to rendering the document.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import sys
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from baocao.cli.main import main
from baocao.input.model import all_keys

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "xa-tan-hoa"
EXAMPLE_LINES = (EXAMPLE / "thi-dua-6-thang-2026.yaml").read_text(encoding="utf-8").splitlines()
FUZZ = settings(max_examples=70, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

# Scalars that have broken YAML loaders: tags, aliases, huge numbers, dates, escapes, Jinja.
TRICKY = [
    "~",
    "null",
    "true",
    "yes",
    "1.539,72",
    "1539.72",
    "612,4",
    "9" * 5000,
    "-0",
    ".inf",
    ".nan",
    "0x1F",
    "1e400",
    "2026-02-31",
    "2026-06-15",
    "15/6/2026",
    "31/2/2026",
    "6/99999",
    "năm 0000",
    "tháng 12 năm 9999",
    "6 tháng đầu năm 2026",
    "!!binary aGVsbG8=",
    "!!int abc",
    "!!float x",
    "!!timestamp 2026-13-45",
    "!foo bar",
    "!!set {a, b}",
    "!!omap [a: 1]",
    "&a x",
    "*a",
    "&x [*x]",
    "<<: *a",
    "? [a]",
    "[1, 2",
    "{a: 1}",
    "{gia_tri: 612,4}",
    "[[[[[]]]]]",
    "'q",
    '"\\x01"',
    '"\\ud800"',
    '"e\\u0301"',
    "|",
    ">-",
    "- - -",
    "---",
    "%YAML 1.1",
    "{{ so_lieu.x }}",
    "{{ so_lieu.x | so ",
    "**đậm",
    "[^ghi_chu]",
    "[^",
    "{{ 9 ** 9 ** 9 }}",
    "{{ ''.__class__ }}",
    "{% for i in range(9) %}",
    "\\*",
    "\t",
    "\x01",
]
printable = st.text(
    st.characters(blacklist_categories=("Cc", "Cs")), max_size=12
)  # control characters stop at the first check
words = st.text("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạếệ ", min_size=1, max_size=12).map(str.strip).filter(bool)
scalars = st.one_of(words, st.integers().map(str), st.sampled_from(TRICKY), printable)
keys = st.one_of(st.sampled_from(sorted(all_keys())), st.from_regex(r"[a-z_]{1,8}", fullmatch=True))
# Nested groups and lists of the model's keys, with raw scalars written as they come.
trees = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=5)),
    max_leaves=25,
)
FRAGMENTS = [
    "{{",
    "}}",
    "{%",
    "%}",
    ":",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "*",
    "**",
    "^",
    "[^",
    "\\",
    "'",
    '"',
    "&a ",
    "*a",
    "<<: ",
    "\t",
    "#",
    "|",
    ">",
    "!!binary ",
    "~",
    ",",
    ".",
    "0",
    "99999999999999999999",
    "__class__",
    "so_lieu.",
    "| so",
    "(",
    ")",
    "tong_cua: [",
    "gia_tri: ",
    "   ",
    "\n",
    "\n  - ",
    "so_le: 9",
    "ke_hoach: 0",
    "cung_ky: 0",
]
line_edits = st.tuples(
    st.integers(0, len(EXAMPLE_LINES) - 1),
    st.integers(0, 120),
    st.booleans(),
    st.one_of(st.sampled_from(FRAGMENTS), printable),
)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where each example is written, next to a valid don-vi.yaml."""
    folder = tmp_path_factory.mktemp("fuzz")
    shutil.copy(EXAMPLE / "don-vi.yaml", folder)
    return folder / "bao-cao.yaml"


def validate(report: Path, text: str) -> None:
    report.write_text(text, encoding="utf-8", errors="surrogatepass")
    stdout, stderr = io.StringIO(), io.StringIO()
    with (
        mock.patch.object(sys, "argv", ["baocao", "validate", str(report)]),
        contextlib.redirect_stdout(stdout),
        contextlib.redirect_stderr(stderr),
        pytest.raises(SystemExit) as exit_info,
    ):
        main()
    assert exit_info.value.code in (0, 1), stderr.getvalue()
    assert "Traceback" not in stderr.getvalue()
    assert ("Hợp lệ" in stdout.getvalue()) == (exit_info.value.code == 0)


def mutate(changes: list[tuple[int, int, bool, str]]) -> str:
    """The example with fragments inserted into (or replacing the end of) some lines."""
    lines = list(EXAMPLE_LINES)
    for row, column, insert, fragment in changes:
        line = lines[row]
        lines[row] = line[:column] + fragment + (line[column:] if insert else "")
    return "\n".join(lines) + "\n"


@FUZZ
@given(text=st.text())
def test_any_text(report, text):
    validate(report, text)


def block(tree: object, indent: int = 0) -> str:
    """`tree` in YAML block style, its scalars written raw."""
    pad = " " * indent
    if isinstance(tree, dict):
        return "".join(f"{pad}{key}:" + _child(value, indent) for key, value in tree.items())
    if isinstance(tree, list):
        return "".join(f"{pad}-" + _child(value, indent) for value in tree)
    return f"{pad}{tree}\n"


def _child(value: object, indent: int) -> str:
    return f" {value}\n" if isinstance(value, str) else "\n" + block(value, indent + 2)


@FUZZ
@given(tree=st.dictionaries(keys, trees, max_size=6), with_period=st.booleans())
def test_yaml_like_text(report, tree, with_period):
    head = "ky_bao_cao: 6 tháng đầu năm 2026\nngay: 15/6/2026\nloai: thi-dua\n" if with_period else ""
    validate(report, head + block(tree))


@FUZZ
@given(changes=st.lists(line_edits, min_size=1, max_size=4))
def test_damaged_example(report, changes):
    validate(report, mutate(changes))
