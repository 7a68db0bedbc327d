"""The hostile inputs of issue 13 as command lines, each in a process of its own.

Each case makes its files in a folder and returns the arguments of `baocao`; `run` runs them and measures the
process. tests/test_hostile_cli.py runs every case (exit 1, or 0 with a valid output; no traceback, no English)
and bench/attacks.py times them (wall time, peak memory) for the README.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from helpers import EXAMPLE, ReportDir, edit_part, small_report

from baocao import limits
from baocao.writers.docx.templates import copy_builtin

NESTED_LOOP = "{% for i in range(99999) %}{% for j in range(99999) %}x{% endfor %}{% endfor %}"
HUGE_JOIN = "{{ ([('a'*99999)]*20000) ~ '' }}"
DOUBLING = (
    "{% set ns = namespace(s='ab') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}"
    "{{ ns.s | length }}"
)
RECURSIVE_MACRO = "{% macro f(n) %}{{ f(n ~ n) }}{% endmacro %}{{ f('a') }}"
Case = Callable[[Path], list[object]]


@dataclass(frozen=True)
class Ran:
    """What one case's process did: exit code, output, wall seconds, peak memory (MB; None where not measured)."""

    code: int
    out: str
    err: str
    seconds: float
    peak_mb: float | None


def run(case: Case, folder: Path) -> Ran:
    """Make the case's files in `folder`, then run `baocao` on them in a process of its own."""
    args = [sys.executable, "-m", "baocao", *map(str, case(folder))]
    environment = os.environ | {"PYTHONIOENCODING": "utf-8"}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        process = subprocess.Popen(args, stdout=out, stderr=err, cwd=folder, env=environment)
        peak = None
        while process.poll() is None:
            peak = _high_water(process.pid, peak)
            time.sleep(0.02)
        seconds = time.monotonic() - started
        out.seek(0), err.seek(0)
        return Ran(process.returncode, out.read().decode("utf-8"), err.read().decode("utf-8"), seconds, peak)


def _high_water(pid: int, before: float | None) -> float | None:
    """The process's largest resident set so far in MB (Linux's VmHWM: what it used, not what it inherited from
    this process, as wait4's ru_maxrss would count), or `before` where it cannot be read."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return before
    kilobytes = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), None)
    return before if kilobytes is None else kilobytes / 1024


def _report(folder: Path, **changes: object) -> Path:
    return ReportDir(folder).write(small_report(**changes))


def _sentence(text: str) -> Case:
    def case(folder: Path) -> list[object]:
        report = _report(folder, noi_dung=[{"tieu_de": "Kết quả", "noi_dung": [text]}])
        return ["build", report, "-o", folder / "ra.docx"]

    return case


def _template(tag: str, command: str = "build") -> Case:
    """The built-in template with `tag` in place of the trích yếu, built with or checked."""

    def case(folder: Path) -> list[object]:
        report = _report(folder)
        template = copy_builtin("thi-dua", folder)
        edit_part(template, "word/document.xml", lambda xml: xml.replace("{{ trich_yeu }}", tag))
        return ["build", report, "-o", folder / "ra.docx"] if command == "build" else ["templates", "check", template]

    return case


def example_docx(folder: Path) -> Path:
    """The example report built into `folder` (in process: a case's own work is what is measured)."""
    from baocao.pipeline import build

    target, _ = build(EXAMPLE, folder / "vi-du.docx")
    return target


def _paragraphs(paragraph: str, count: int, command: str) -> Case:
    """The example report with `count` more copies of `paragraph` at the start of its body, checked or imported."""

    def case(folder: Path) -> list[object]:
        crowded = edit_part(
            example_docx(folder),
            "word/document.xml",
            lambda xml: xml.replace("<w:body>", "<w:body>" + paragraph * count, 1),
        )
        return ["check", crowded] if command == "check" else ["import", crowded, "-o", folder / "nhap"]

    return case


def _zip_bomb(folder: Path) -> list[object]:
    """A .docx whose document.xml unpacks to 200 MB of spaces (200 KB packed)."""
    with zipfile.ZipFile(folder / "bom.docx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("word/document.xml", "w", force_zip64=True) as stream:
            for _ in range(200):
                stream.write(b" " * (1 << 20))
    return ["check", folder / "bom.docx"]


def _chain(depth: int, loop: bool) -> Case:
    """so_lieu f0 … f{depth-1}, each the total of the one before (`loop`: f0 the total of the last)."""

    def case(folder: Path) -> list[object]:
        figures: dict[str, object] = {f"f{i}": {"tong_cua": [f"f{i - 1}"]} for i in range(depth - 1, 0, -1)}
        figures["f0"] = {"tong_cua": [f"f{depth - 1}"]} if loop else {"gia_tri": "1.539,72", "don_vi": "ha"}
        sentence = f"Tổng {{{{ so_lieu.f{depth - 1} | so }}}} ha."
        report = _report(folder, so_lieu=figures, noi_dung=[{"tieu_de": "Kết quả", "noi_dung": [sentence]}])
        return ["build", report, "-o", folder / "ra.docx"]

    return case


def _sections(count: int) -> Case:
    def case(folder: Path) -> list[object]:
        sections = [{"tieu_de": f"Mục {i}", "noi_dung": ["Nội dung."]} for i in range(count)]
        return ["build", _report(folder, noi_dung=sections), "-o", folder / "ra.docx"]

    return case


def _raw_yaml(text: Callable[[str], str], command: str = "validate") -> Case:
    """A report whose YAML text (the small report's, as dumped) is changed by `text`."""

    def case(folder: Path) -> list[object]:
        report = _report(folder)
        report.write_text(text(report.read_text(encoding="utf-8")), encoding="utf-8")
        return [command, report] if command == "validate" else [command, report, "-o", folder / "ra.docx"]

    return case


def _fields(command: str = "validate", **changes: object) -> Case:
    def case(folder: Path) -> list[object]:
        report = _report(folder, **changes)
        return [command, report] if command == "validate" else [command, report, "-o", folder / "ra.docx"]

    return case


def _broken_part(command: str) -> Case:
    def case(folder: Path) -> list[object]:
        broken = edit_part(example_docx(folder), "word/footnotes.xml", lambda xml: xml + "<junk")
        return [command, broken] if command != "import" else [command, broken, "-o", folder / "nhap"]

    return case


def _flow(depth: int) -> Callable[[str], str]:
    return lambda text: text + "so_lieu: " + "[" * depth + "]" * depth + "\n"


LARGEST = limits.MAX_ITEMS - 1_000  # paragraphs and runs the example already has, with room to spare
CASES: dict[str, Case] = {
    "template: nested range loops (build)": _template(NESTED_LOOP),
    "template: nested range loops (templates check)": _template(NESTED_LOOP, "check"),
    "template: namespace string doubling": _template(DOUBLING),
    "template: recursive macro": _template(RECURSIVE_MACRO),
    "template: {{r}} tag writing broken OOXML": _template("{{r trich_yeu }}"),
    "sentence: ~ building a 2-billion-character string": _sentence(HUGE_JOIN),
    "sentence: join, string, e": _sentence("{{ (['a' * 50000] * 2) | string | e }}"),
    "sentence: nested range loops": _sentence(NESTED_LOOP),
    "check: zip bomb (200 MB document.xml)": _zip_bomb,
    "check: 16 MB of empty paragraphs (2.5 million)": _paragraphs("<w:p/>", 2_500_000, "check"),
    f"check: largest allowed, {LARGEST:,} empty paragraphs": _paragraphs("<w:p/>", LARGEST, "check"),
    f"import: largest allowed, {LARGEST:,} empty paragraphs": _paragraphs("<w:p/>", LARGEST, "import"),
    f"check: largest allowed, {LARGEST // 2:,} one-run paragraphs": _paragraphs(
        "<w:p><w:r><w:t>x</w:t></w:r></w:p>", LARGEST // 2, "check"
    ),
    f"import: largest allowed, {LARGEST // 2:,} one-run paragraphs": _paragraphs(
        "<w:p><w:r><w:t>x</w:t></w:r></w:p>", LARGEST // 2, "import"
    ),
    "check: malformed footnotes.xml": _broken_part("check"),
    "import: malformed footnotes.xml": _broken_part("import"),
    "build: total chain 1,000 deep": _chain(1000, loop=False),
    "build: loop of 1,000 totals": _chain(1000, loop=True),
    "build: 4,005 sections": _sections(4005),
    "validate: YAML nested 100,000 deep (flow)": _raw_yaml(_flow(100_000)),
    "validate: YAML nested 3,000 deep (block)": _raw_yaml(
        lambda text: text + "so_lieu:\n" + "".join(" " * (i + 1) + "k:\n" for i in range(3_000))
    ),
    "validate: 2 MB trích yếu": _fields(trich_yeu="Kết quả " * 250_000),
    "validate: 30,000-character key": _raw_yaml(lambda text: text + "k" * 30_000 + ": 1\n"),
    "validate: so of 4,400 digits": _raw_yaml(lambda text: text.replace("so: 5", "so: " + "9" * 4_400)),
    "validate: so_lieu_tu a folder": _fields(so_lieu_tu=["."]),
    "build: 10 MB YAML file": _raw_yaml(lambda text: text + "# " + "x" * 10_000_000 + "\n", "build"),
}
