"""Helpers shared by the test modules (conftest.py keeps only pytest's hooks and fixtures).

The example report and its unit folder; `small_report()` and `ReportDir` to write report variants;
`insert_under()` to add YAML lines; `edit_part()` to rewrite one part of a .docx; `make_units()` (from
bench/make_units.py) for batches; `workbook()` and the default-layout rows for so_lieu_tu; `docx_walk()`
for the body text and footnote numbers Word shows; `Docx` (a built .docx's parts, `Styles`, `text_of`) and
`w()`, `NS` to read its OOXML. Variants of the example are made from its text
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
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import openpyxl
import psutil
import yaml
from docx import Document
from docx.oxml.ns import nsmap, qn
from lxml import etree

from baocao.conventions.words import norm
from baocao.nd30.reader import stories
from baocao.pipeline import build
from baocao.writers.pdf import pipe_files

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


# --- a built .docx as OOXML: its parts, styles and text -----------------------------------------

W_NS = nsmap["w"]
R_NS = nsmap["r"]
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
NS = {"w": W_NS, "r": R_NS, "rel": PKG_REL_NS, "ct": CT_NS}


def w(tag: str) -> str:
    """A w: name as lxml spells it: w("p") is "{…/wordprocessingml/2006/main}p"."""
    return qn(f"w:{tag}")


def is_on(element) -> bool:
    """A toggle/boolean OOXML property: present and not switched off."""
    return element is not None and element.get(w("val"), "true") not in ("0", "false", "off")


def text_of(p) -> str:
    """A paragraph's visible text: w:t (field results included), w:tab → tab, w:br → newline."""
    parts = []
    for el in p.iter(w("t"), w("tab"), w("br")):
        if el.tag == w("t"):
            parts.append(el.text or "")
        elif el.tag == w("tab"):
            if el.getparent().tag == w("r"):  # not a tab stop definition in w:tabs
                parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


class Styles:
    """styles.xml: names, basedOn chains, and effective paragraph/run properties."""

    def __init__(self, root):
        self.root = root
        self.by_id = {s.get(w("styleId")): s for s in root.iter(w("style"))}
        self.default_paragraph = None
        for s in root.iter(w("style")):
            if s.get(w("type")) == "paragraph" and s.get(w("default")) in ("1", "true", "on"):
                self.default_paragraph = s.get(w("styleId"))

    def name(self, style_id: str | None) -> str:
        style = self.by_id.get(style_id)
        if style is None:
            return ""
        name = style.find("w:name", NS)
        return name.get(w("val")) if name is not None else ""

    def id_of(self, name: str) -> str:
        """Style id of a style by its name, matched without case as Word does."""
        matches = [sid for sid in self.by_id if self.name(sid).lower() == name.lower()]
        assert len(matches) == 1, f"expected one style named {name!r}, found {matches}"
        return matches[0]

    def chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            based = style.find("w:basedOn", NS)
            style_id = based.get(w("val")) if based is not None else None

    def doc_default_rpr(self):
        return self.root.find("w:docDefaults/w:rPrDefault/w:rPr", NS)

    def style_rpr_value(self, style_id: str | None, tag: str):
        for style in self.chain(style_id):
            el = style.find(f"w:rPr/w:{tag}", NS)
            if el is not None:
                return el
        return None

    def para_style(self, p) -> str | None:
        ps = p.find("w:pPr/w:pStyle", NS)
        return ps.get(w("val")) if ps is not None else self.default_paragraph

    def run_prop(self, run, p, tag: str):
        """The element deciding a run property: run rPr, its character style, paragraph style, defaults."""
        rpr = run.find("w:rPr", NS)
        if rpr is not None:
            el = rpr.find(f"w:{tag}", NS)
            if el is not None:
                return el
            rstyle = rpr.find("w:rStyle", NS)
            if rstyle is not None:
                el = self.style_rpr_value(rstyle.get(w("val")), tag)
                if el is not None:
                    return el
        el = self.style_rpr_value(self.para_style(p), tag)
        if el is not None:
            return el
        default = self.doc_default_rpr()
        return default.find(f"w:{tag}", NS) if default is not None else None

    def alignment(self, p) -> str | None:
        jc = p.find("w:pPr/w:jc", NS)
        if jc is not None:
            return jc.get(w("val"))
        for style in self.chain(self.para_style(p)):
            jc = style.find("w:pPr/w:jc", NS)
            if jc is not None:
                return jc.get(w("val"))
        return None

    def text_runs(self, p):
        return [r for r in p.iter(w("r")) if "".join(t.text or "" for t in r.iter(w("t"))).strip()]

    def all_runs(self, p, tag: str) -> bool:
        """Whether every run carrying text in `p` has the toggle `tag` (b, i) on."""
        runs = self.text_runs(p)
        return bool(runs) and all(is_on(self.run_prop(r, p, tag)) for r in runs)

    def any_run(self, p, tag: str) -> bool:
        return any(is_on(self.run_prop(r, p, tag)) for r in self.text_runs(p))


@dataclass
class Docx:
    """A built .docx: its parts, parsed on demand."""

    path: Path
    parts: dict[str, bytes] = field(init=False)

    def __post_init__(self):
        with zipfile.ZipFile(self.path) as z:
            self.parts = {name: z.read(name) for name in z.namelist()}

    def xml(self, name: str):
        return etree.fromstring(self.parts[name])

    @cached_property
    def document(self):
        return self.xml("word/document.xml")

    @cached_property
    def footnotes(self):
        return self.xml("word/footnotes.xml")

    @cached_property
    def styles(self) -> Styles:
        return Styles(self.xml("word/styles.xml"))

    @cached_property
    def body(self):
        return self.document.find("w:body", NS)

    @cached_property
    def tables(self) -> list:
        return self.body.findall("w:tbl", NS)

    def table_with(self, text: str):
        """The first table holding `text`."""
        return next(t for t in self.tables if text in text_of(t))

    def section_breaks(self) -> list:
        """The w:sectPr of every section, in order (paragraph ones, then the body's final one)."""
        return self.body.findall("w:p/w:pPr/w:sectPr", NS) + [self.body.find("w:sectPr", NS)]

    def paragraph_texts(self) -> list[str]:
        """The text of every paragraph of the body, in tables too."""
        return [text_of(p) for p in self.body.iter(w("p"))]

    @cached_property
    def closing(self):
        """The Nơi nhận / signature grid (appendix tables may follow it)."""
        return next(t for t in self.tables if "Nơi nhận:" in text_of(t))

    @cached_property
    def body_sect(self):
        """The portrait body section's settings: the first section break, else the final sectPr."""
        first = self.body.find("w:p/w:pPr/w:sectPr", NS)
        return first if first is not None else self.body.find("w:sectPr", NS)

    def cell_paragraphs(self, table, column: int, non_empty: bool = True) -> list:
        cell = table.findall("w:tr", NS)[0].findall("w:tc", NS)[column]
        paragraphs = cell.findall("w:p", NS)
        return [p for p in paragraphs if text_of(p).strip()] if non_empty else paragraphs

    def cell_lines(self, table, column: int) -> list[str]:
        return [text_of(p) for p in self.cell_paragraphs(table, column)]

    @cached_property
    def body_paragraphs(self) -> list:
        """Top-level paragraphs between the header grid and the closing grid."""
        children = list(self.body)
        start = children.index(self.tables[0]) + 1
        end = children.index(self.closing)
        return [c for c in children[start:end] if c.tag == w("p")]

    @cached_property
    def headings(self) -> list[tuple[int, str, object]]:
        """(level, text, paragraph) of every paragraph in a Heading n style."""
        out = []
        for p in self.body_paragraphs:
            match = re.fullmatch(r"heading ([1-9])", self.styles.name(self.styles.para_style(p)).lower())
            if match:
                out.append((int(match.group(1)), text_of(p), p))
        return out

    def style_name(self, p) -> str:
        return self.styles.name(self.styles.para_style(p))

    def all_text(self) -> str:
        """Text of document.xml and footnotes.xml, paragraph by paragraph."""
        paragraphs = list(self.document.iter(w("p"))) + list(self.footnotes.iter(w("p")))
        return "\n".join(text_of(p) for p in paragraphs)

    def rels(self, source: str) -> list:
        directory, name = source.rsplit("/", 1)
        return self.xml(f"{directory}/_rels/{name}.rels").findall("rel:Relationship", NS)

    def header(self, kind: str):
        ref = self.body_sect.find(f"w:headerReference[@w:type='{kind}']", NS)
        assert ref is not None, f"no {kind} header reference"
        rid = ref.get(f"{{{R_NS}}}id")
        target = next(r.get("Target") for r in self.rels("word/document.xml") if r.get("Id") == rid)
        return self.xml(f"word/{target}")


def audit_errors(path: Path) -> list[str]:
    """openxml-audit's errors in a .docx (its stylesWithEffects findings are heuristics, left out)."""
    from openxml_audit import OpenXmlValidator
    from openxml_audit.errors import ValidationSeverity

    result = OpenXmlValidator(max_errors=0).validate(str(path))
    return [
        str(e)
        for e in result.errors
        if e.severity == ValidationSeverity.ERROR and "styleswitheffects" not in str(e).lower()
    ]


def office_pipes(process: psutil.Process) -> list[Path]:
    """The pipe files of `process` if it is a LibreOffice (named by its profile and its --accept pipe)."""
    try:
        command = process.cmdline()
    except psutil.Error:  # ended meanwhile
        return []
    profile = next((a.split("=", 1)[1] for a in command if a.startswith("-env:UserInstallation=")), None)
    accept = next((a.split("name=", 1)[1].split(";")[0] for a in command if a.startswith("--accept=")), None)
    if profile is None:
        return []
    return pipe_files(Path(unquote(urlsplit(profile).path)), *([accept] if accept else []))
