"""Helpers shared by the test modules (conftest.py keeps only pytest's hooks and fixtures).

The example report and its unit folder; `small_report()` and `ReportDir` to write report variants;
`insert_under()` to add YAML lines; `edit_part()` to rewrite one part of a .docx; `make_units()` (from
bench/make_units.py) for batches; `workbook()` and the default-layout rows for so_lieu_tu; `docx_walk()`
for the body text and footnote numbers Word shows. Variants of the example are made from its text
(`example_text()` + str.replace) so its Vietnamese numbers ("4.862", "11.250") are never round-tripped
through a YAML float.
"""

from __future__ import annotations

import importlib.util
import io
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import yaml
from docx import Document
from docx.oxml.ns import qn

from baocao.nd30.reader import norm, stories
from baocao.pipeline import build

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_DIR = ROOT / "data" / "xa-tan-hoa"
EXAMPLE = EXAMPLE_DIR / "thi-dua-6-thang-2026.yaml"
EXAMPLE_UNIT = EXAMPLE_DIR / "don-vi.yaml"
ALL_EXAMPLES = sorted(  # every example report in data/
    p
    for p in (ROOT / "data").rglob("*.yaml")
    if p.name != "don-vi.yaml" and "\nky_bao_cao:" in p.read_text(encoding="utf-8")
)
KIND_EXAMPLES = {  # one example per built-in kind, all in the same unit folder
    "thi-dua": EXAMPLE,
    "kt-xh": EXAMPLE_DIR / "kt-xh-6-thang-2026.yaml",
    "nhiem-vu": EXAMPLE_DIR / "nhiem-vu-6-thang-2026.yaml",
    "chung": EXAMPLE_DIR / "chung-cchc-quy-ii-2026.yaml",
}


def example_text() -> str:
    """The example report's YAML text (its `don_vi` stays don-vi.yaml)."""
    return EXAMPLE.read_text(encoding="utf-8")


def example_unit() -> dict[str, Any]:
    """The example unit profile as a dict (it holds no numbers, so a plain load is safe)."""
    return yaml.safe_load(EXAMPLE_UNIT.read_text(encoding="utf-8"))


def _dump(data: dict[str, Any] | str) -> str:
    if isinstance(data, str):
        return data
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


class ReportDir:
    """A temp directory holding one report and its don-vi.yaml."""

    def __init__(self, path: Path):
        self.path = path

    def write(
        self,
        report: dict[str, Any] | str,
        unit: dict[str, Any] | str | None = None,
        name: str = "bao-cao.yaml",
        **unit_changes: Any,
    ) -> Path:
        """Write the report and the unit profile (the example's, with `unit_changes`); return the report path."""
        if unit is None:
            unit = example_unit() | unit_changes
        (self.path / "don-vi.yaml").write_text(_dump(unit), encoding="utf-8")
        report_path = self.path / name
        report_path.write_text(_dump(report), encoding="utf-8")
        return report_path

    def build(
        self,
        report: dict[str, Any] | str,
        unit: dict[str, Any] | str | None = None,
        output: str = "bao-cao.docx",
        **unit_changes: Any,
    ) -> Path:
        """Write and build; return the .docx path."""
        target, _ = build(self.write(report, unit, **unit_changes), self.path / output)
        return target


def small_report(**changes: Any) -> dict[str, Any]:
    """A minimal valid report (dict) to vary: one section, one paragraph."""
    report: dict[str, Any] = {
        "loai": "thi-dua",
        "ky_bao_cao": "6 tháng đầu năm 2026",
        "so": 5,
        "ngay": "04/6/2026",
        "noi_dung": [{"tieu_de": "Kết quả", "noi_dung": ["Các phong trào được triển khai."]}],
    }
    report.update(changes)
    return report


def insert_under(path: Path, key: str, lines: str) -> int:
    """Insert `lines` right under the top-level `key:` (added at the end if absent); return their first line."""
    text = path.read_text(encoding="utf-8")
    match = re.search(rf"^{key}:[^\n]*\n", text, re.MULTILINE)
    if match is None:
        text = text.rstrip("\n") + f"\n{key}:\n"
        match = re.search(rf"^{key}:\n\Z", text, re.MULTILINE)
    path.write_text(text[: match.end()] + lines + text[match.end() :], encoding="utf-8")
    return text.count("\n", 0, match.end()) + 1


def edit_part(docx: Path, part: str, change: Callable[[str], str]) -> Path:
    """Rewrite one part of a .docx in place."""
    source = zipfile.ZipFile(io.BytesIO(docx.read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, change(data.decode("utf-8")).encode("utf-8") if item.filename == part else data)
    docx.write_bytes(out.getvalue())
    return docx


def _make_units() -> Callable[..., list[Path]]:
    """bench/make_units.py's make_units (the bench folder is not a package)."""
    spec = importlib.util.spec_from_file_location("make_units", ROOT / "bench" / "make_units.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_units


make_units = _make_units()

# so_lieu_tu in its default layout: a header row, then one row per figure.
HEADER = ["ten_so_lieu", "ten", "gia_tri", "don_vi", "ke_hoach", "cung_ky", "so_le", "tong_cua"]
ROWS = [
    ["lua_xuan", "Lúa vụ xuân", 612.4, "ha", 620, 605.8, 1, None],
    ["ngo_xuan", "Ngô vụ xuân", 388.6, "ha", 375, 391.2, 1, None],
    ["gieo_trong", "Tổng diện tích gieo trồng", None, "ha", None, None, None, "lua_xuan, ngo_xuan"],
]
SENTENCE = (
    "Lúa {{ so_lieu.lua_xuan | so_dv }}, {{ so_lieu.lua_xuan | so_ke_hoach }}; "
    "gieo trồng {{ so_lieu.gieo_trong | so_dv }}, {{ so_lieu.gieo_trong | tang_giam }}."
)


def workbook(path: Path, rows: list[list[Any]], sheet: str = "Số liệu") -> Path:
    """An .xlsx of one sheet holding `rows`."""
    book = openpyxl.Workbook()
    book.active.title = sheet
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def sentence(docx: Path) -> str:
    """The built paragraph that SENTENCE became."""
    return next(p.text for p in Document(str(docx)).paragraphs if p.text.startswith("Lúa"))


def docx_walk(docx: Path) -> tuple[list[str], list[str]]:
    """The body's paragraphs (their text without footnote marks, whitespace dropped) and the footnote
    numbers Word shows, in order: a reference is numbered by its place, a NOTEREF shows its result."""
    body = Document(str(docx)).element.body
    paragraphs, shown, count = [], [], 0
    for p in body.iter(qn("w:p")):
        text, field = "", ""
        for node in p.iter(qn("w:footnoteReference"), qn("w:instrText"), qn("w:t"), qn("w:fldChar")):
            if node.tag == qn("w:footnoteReference"):
                count += 1
                shown.append(str(count))
            elif node.tag == qn("w:instrText"):
                field = "NOTEREF" if "NOTEREF" in (node.text or "") else "other"
            elif node.tag == qn("w:fldChar"):
                field = "" if node.get(qn("w:fldCharType")) == "end" else field
            elif field == "NOTEREF":
                shown.append(node.text)
            else:
                text += node.text or ""
        if text.strip():
            paragraphs.append(re.sub(r"\s+", "", text))
    return paragraphs, shown


def docx_texts(path: Path) -> list[str]:
    """Every non-empty paragraph of the body, its tables and its footnotes, whitespace-normalised."""
    found = stories(Document(str(path)))
    return [norm(p.text) for story in (found[0], found[-1]) for p in story if norm(p.text)]


def pdf_pages(pdf: Path) -> int:
    """The page count of a PDF (poppler's pdfinfo)."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))


def killed_run_leftovers(folder: Path) -> list[Path]:
    """Scratch entries (a file, a folder) that a killed baocao run would have left in `folder`: named with the
    pid of a process that has ended (see baocao.leftovers)."""
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    folder.mkdir(parents=True, exist_ok=True)
    stale = [folder / f".baocao-{int(ended.stdout)}-x1y2.tmp", folder / f".baocao-{int(ended.stdout)}-pdf-abc"]
    stale[0].write_bytes(b"half a file")
    stale[1].mkdir()
    (stale[1] / "0.docx").write_bytes(b"copy")
    return stale
