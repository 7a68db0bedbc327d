"""ND30 conformance check of any .docx, ours or hand-made: `check_docx(path)` lists the findings.

Run properties are resolved as Word does: direct formatting, then the character style, the
paragraph style, the table style (each through its basedOn chain), then the document defaults;
theme fonts count as Times New Roman only when the theme's Latin font is Times New Roman.

Places (`Finding.where`) are counted so a clerk can find them again:
- "đoạn N": the N-th paragraph of the body outside tables, in document order, empty ones
  included, from 1 (python-docx's `Document.paragraphs`, index + 1, when the body has no
  content controls; paragraphs inside block content controls are counted here too);
- "bảng T, ô (R, C)": a table cell: the T-th table in document order (a nested table counted
  where it starts), row R, the C-th cell of that row;
- "chú thích N": a footnote, numbered as Word shows it (order of citation);
- "mục N (section)": the N-th section (a block of pages with its own size and margins).
Text boxes, headers and footers are not checked, nor numbers Word draws itself (automatic list
numbering, footnote marks).
"""

from __future__ import annotations

import json
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property
from itertools import dropwhile, takewhile
from pathlib import Path
from typing import Literal, Protocol

import docx
from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from .errors import BaocaoError, Location, Problem
from .formatting import (
    DOC_TYPE_ABBREVIATIONS,
    VIETNAMESE_LETTERS,
    format_date_short,
    format_doc_number,
    format_number,
    pad_day,
    pad_month,
    roman,
)

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

TNR = "Times New Roman"
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
EXCERPT_LENGTH = 50

# Page geometry in twips.
MM = 1440 / 25.4
A4 = (11906, 16838)
PAPER_TOLERANCE = 20
MARGIN_TOLERANCE_MM = 0.5
MARGINS_MM = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}
SIDE_NAMES = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}
# Readings of a landscape page: which of its sides plays each side of the portrait page.
_READINGS = (
    {"top": "top", "bottom": "bottom", "left": "left", "right": "right"},
    {"top": "left", "right": "top", "bottom": "right", "left": "bottom"},
    {"top": "right", "left": "top", "bottom": "left", "right": "bottom"},
)

BODY_SIZES = (13, 14)
NOTE_SIZES = (10, 12)

_P, _TBL, _SDT, _T = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:t")
_RUN_CHARACTERS = {qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_HIDDEN_RUN_ANCESTORS = {qn("w:del"), qn("w:moveFrom"), qn("w:txbxContent"), _MC_FALLBACK}
_NOTE_SEPARATORS = {"separator", "continuationSeparator", "continuationNotice"}
_OFF = {"0", "false", "off", "none"}
_BORDER_EDGES = ("top", "left", "bottom", "right", "insideH", "insideV")
_BORDER_SYNONYMS = {"left": "start", "right": "end"}

_SO_LINE = re.compile(r"\s*Số\s*:")
_SO = re.compile(r"\s*Số\s*:\s*(?P<so>\d*)\s*/\s*(?P<ky_hieu>\S*)")
_PLACE_DATE = re.compile(
    r"\s*(?P<place>[^,\n]{1,60}),\s*ngày\s*(?P<day>\d*)\s*tháng\s*(?P<month>\d*)\s*năm\s*(?P<year>\d{4})"
)
_SHORT_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_TIEU_NGU_LOOSE = re.compile(r"Độc\s*lập\W*Tự\s*do\W*Hạnh\s*phúc", re.IGNORECASE)
_NOI_NHAN = re.compile(r"\s*Nơi\s+nhận\b", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w.,/-])\d+(?:[.,]\d+)*(?![\d/-])")
_SPACE_PERCENT = re.compile(r"(\d+(?:[.,]\d+)*)\s+%")
_LEADING_LABEL = re.compile(r"\s*\d+(?:\.\d+)*\.?(?=\s)")
_REFERENCE_WORDS = re.compile(
    r"(?:mục|điểm|khoản|tiết|chương|điều|phụ lục|biểu|tiêu chí|chỉ tiêu|phiên bản|công nghiệp|version)\s*$",
    re.IGNORECASE,
)
_TYPED_MARK = re.compile(r"\(?(\d{1,3})\)?")
_UNIT_BEFORE = re.compile(r"(?<!\w)[kcdm]?m$")  # m², km², m³: a superscript that is not a note
_LABEL = re.compile(
    r"(?i:phần)\s+(?:(?i:thứ)\s+(?P<ordinal>\w+)|(?P<part>[IVXLC]+)\b)"
    r"|(?P<roman>[IVXLC]+)\.(?=\s|$)"
    r"|(?P<arabic>\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}\.)(?=\s|$)"
    r"|(?P<letter>[a-zđ])\)"
)
_PART_ORDINALS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười")
_ROMAN_NUMBERS = {roman(n): n for n in range(1, 100)}
PART_RANK, SECTION_RANK, POINT_RANK = 0, 1, 99  # Phần, mục I., điểm a); "1." is 2, "1.1." is 3...


# --- findings ------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One departure from ND30: how serious, which check, what to do, where, under which rule."""

    severity: Severity
    code: str
    message: str
    where: str
    rule: str

    def __str__(self) -> str:
        label = "Lỗi" if self.severity == ERROR else "Cảnh báo"
        return f"{label} [{self.code}] {self.where}: {self.message} ({self.rule})"


def has_errors(findings: Iterable[Finding]) -> bool:
    """True if any finding is an error (not just a warning)."""
    return any(f.severity == ERROR for f in findings)


def findings_to_json(findings: Iterable[Finding]) -> str:
    """A JSON array of objects with severity, code, message, where and rule."""
    return json.dumps([asdict(f) for f in findings], ensure_ascii=False, indent=2)


# --- reading the package -------------------------------------------------------


def _open(path: Path) -> WordDocument:
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise BaocaoError(Problem(
            Location(path), f"Không đọc được tệp Word: {exc}.",
            "Chỉ kiểm tra được tệp .docx; tệp .doc cũ hãy mở bằng Word rồi lưu lại dạng .docx.",
        )) from None


def _related_xml(part, reltype: str):
    """The parsed XML of the part `part` relates to with `reltype`, or None."""
    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return etree.fromstring(rel.target_part.blob)
    return None


def _theme_fonts(theme) -> dict[str, str]:
    """'major'/'minor' -> the theme's Latin typeface."""
    fonts = {}
    for kind in ("major", "minor") if theme is not None else ():
        latin = theme.find(f".//{qn(f'a:{kind}Font')}/{qn('a:latin')}")
        if latin is not None:
            fonts[kind] = latin.get("typeface", "")
    return fonts


def _find(element, path: str):
    """element.find for a "w:a/w:b" path; None when element is None."""
    return None if element is None else element.find("/".join(qn(step) for step in path.split("/")))


def _attr(element, name: str = "val") -> str | None:
    """A w: attribute of element; None when element is None."""
    return None if element is None else element.get(qn(f"w:{name}"))


def _val(element, path: str) -> str | None:
    return _attr(_find(element, path))


def _on(element) -> bool:
    """A toggle property (w:b, w:i...): present and not switched off."""
    return element is not None and element.get(qn("w:val"), "true").lower() not in _OFF


def _int(value: str | None, default: int) -> int:
    try:
        return int(float(value)) if value is not None else default
    except ValueError:
        return default


def _norm(text: str) -> str:
    """NFC, whitespace collapsed to single spaces, stripped."""
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _format_mm(twips: float) -> str:
    return format_number(twips / MM, 1)


class _Styles:
    """Style lookup and Word's property inheritance."""

    def __init__(self, root, theme_fonts: dict[str, str]):
        self.by_id = {s.get(qn("w:styleId")): s for s in root.iter(qn("w:style"))}
        self.defaults = _find(root, "w:docDefaults/w:rPrDefault/w:rPr")
        self.theme_fonts = theme_fonts
        self.default_ids = {
            s.get(qn("w:type")): s.get(qn("w:styleId")) for s in self.by_id.values()
            if s.get(qn("w:default")) in ("1", "true", "on")
        }
        self._chains: dict[str | None, list] = {}

    def chain(self, style_id: str | None) -> list:
        """The style and its basedOn ancestors, nearest first."""
        if style_id not in self._chains:
            chain, current = [], style_id
            while current in self.by_id and self.by_id[current] not in chain:
                chain.append(self.by_id[current])
                current = _val(self.by_id[current], "w:basedOn")
            self._chains[style_id] = chain
        return self._chains[style_id]

    def paragraph_chain(self, p) -> list:
        return self.chain(_val(p, "w:pPr/w:pStyle") or self.default_ids.get("paragraph"))

    def table_chain(self, tbl) -> list:
        return self.chain(_val(tbl, "w:tblPr/w:tblStyle") or self.default_ids.get("table"))

    def run_properties(self, run, p) -> tuple:
        """The rPr elements that can set a property of `run`, strongest first."""
        sources = [run] + self.chain(_val(run, "w:rPr/w:rStyle")) + self.paragraph_chain(p)
        tbl = next(run.iterancestors(_TBL), None)
        if tbl is not None:
            sources += self.table_chain(tbl)
        found = [_find(source, "w:rPr") for source in sources] + [self.defaults]
        return tuple(rpr for rpr in found if rpr is not None)

    def is_heading_style(self, p) -> bool:
        chain = self.paragraph_chain(p)
        return bool(chain) and (_val(chain[0], "w:name") or "").lower().startswith("heading")

    def font(self, run: _Run, slot: str) -> str:
        """The font Word uses for `slot` ("ascii" or "hAnsi") of the run; a theme font by its name."""
        for rpr in run.properties:
            fonts = rpr.find(qn("w:rFonts"))
            theme = None if fonts is None else fonts.get(qn(f"w:{slot}Theme"))
            if theme:
                return self._theme_font(theme)
            if fonts is not None and fonts.get(qn(f"w:{slot}")):
                return fonts.get(qn(f"w:{slot}"))
        return TNR  # Word's own default

    def _theme_font(self, theme: str) -> str:
        name = self.theme_fonts.get("major" if theme.startswith("major") else "minor", "")
        return TNR if name.casefold() == TNR.casefold() else f"{name or theme} (phông theo chủ đề)"

    def has_visible_border(self, tbl) -> bool:
        """Whether any cell edge of the table shows a border (cell borders over table and style borders)."""
        sources = [_find(tbl, "w:tblPr/w:tblBorders")] + [_find(s, "w:tblPr/w:tblBorders") for s in self.table_chain(tbl)]
        edges = {edge: next((b for b in (_border(src, edge) for src in sources) if b is not None), None)
                 for edge in _BORDER_EDGES}
        rows = tbl.findall(qn("w:tr"))
        for r, row in enumerate(rows):
            cells = row.findall(qn("w:tc"))
            for c, cell in enumerate(cells):
                own = _find(cell, "w:tcPr/w:tcBorders")
                outer = {"top": r == 0, "bottom": r == len(rows) - 1, "left": c == 0, "right": c == len(cells) - 1}
                for side, is_outer in outer.items():
                    border = _border(own, side)
                    if border is None:
                        border = edges[side if is_outer else ("insideH" if side in ("top", "bottom") else "insideV")]
                    if _visible(border):
                        return True
        return False


def _border(container, side: str):
    if container is None:
        return None
    found = container.find(qn(f"w:{side}"))
    if found is None and side in _BORDER_SYNONYMS:
        found = container.find(qn(f"w:{_BORDER_SYNONYMS[side]}"))
    return found


def _visible(border) -> bool:
    """A border that prints: not none/nil/0, not zero width, not white."""
    return (border is not None and border.get(qn("w:val")) not in ("nil", "none", "0")
            and border.get(qn("w:sz")) != "0" and (border.get(qn("w:color")) or "").upper() != "FFFFFF")


# --- paragraphs and runs with their places ---------------------------------------


@dataclass(frozen=True, eq=False)
class _Run:
    """A run's text, whether a field made it (page numbers, NOTEREF), and its rPr chain."""

    text: str
    generated: bool
    properties: tuple

    def prop(self, tag: str):
        return next((el for rpr in self.properties if (el := rpr.find(qn(tag))) is not None), None)

    @property
    def bold(self) -> bool:
        return _on(self.prop("w:b"))

    @property
    def italic(self) -> bool:
        return _on(self.prop("w:i"))

    @property
    def vertical(self) -> str:
        """The w:vertAlign value: superscript, subscript or baseline."""
        return _attr(self.prop("w:vertAlign")) or "baseline"

    @property
    def size(self) -> Decimal:
        """Size in points (Word's default 10 when nothing sets it)."""
        return Decimal(_int(_attr(self.prop("w:sz")), 20)) / 2


@dataclass(frozen=True, eq=False)
class _Para:
    """A paragraph, where it is, its runs and its typed text (field results left out)."""

    element: etree._Element
    area: Literal["body", "table", "note"]
    place: str
    runs: tuple[_Run, ...]
    text: str

    @property
    def where(self) -> str:
        text = " ".join(self.text.split())
        excerpt = text[:EXCERPT_LENGTH] + ("…" if len(text) > EXCERPT_LENGTH else "")
        return f"{self.place}: «{excerpt}»"

    @property
    def visible_runs(self) -> list[_Run]:
        return [run for run in self.runs if run.text.strip()]


def _blocks(container) -> Iterator:
    """Paragraphs and tables of a body, cell or note, looking inside block content controls."""
    for child in container:
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag == _SDT and child.find(qn("w:sdtContent")) is not None:
            yield from _blocks(child.find(qn("w:sdtContent")))


def _run_text(run) -> str:
    return "".join(child.text or "" if child.tag == _T else _RUN_CHARACTERS.get(child.tag, "") for child in run)


def _shown(run, p) -> bool:
    """False for deleted text, text-box content and markup-compatibility fallbacks."""
    for ancestor in run.iterancestors():
        if ancestor is p:
            return True
        if ancestor.tag in _HIDDEN_RUN_ANCESTORS:
            return False
    return True


class _Walker:
    """Collects paragraphs in document order with their places, following complex fields."""

    def __init__(self, styles: _Styles):
        self.styles = styles
        self.paragraphs: list[_Para] = []
        self.tables: dict[etree._Element, int] = {}  # table -> its number, in document order
        self.fields: list[str] = []
        self.body_count = 0

    def body(self, body) -> None:
        for block in _blocks(body):
            if block.tag == _P:
                self.body_count += 1
                self._add(block, "body", f"đoạn {self.body_count}")
            else:
                self._table(block)

    def _table(self, tbl) -> None:
        number = self.tables[tbl] = len(self.tables) + 1
        for r, row in enumerate(tbl.iterchildren(qn("w:tr")), 1):
            for c, cell in enumerate(row.iterchildren(qn("w:tc")), 1):
                for block in _blocks(cell):
                    if block.tag == _P:
                        self._add(block, "table", f"bảng {number}, ô ({r}, {c})")
                    else:
                        self._table(block)

    def notes(self, notes: list, numbers: dict[str, int]) -> None:
        for note in notes:
            note_id = note.get(qn("w:id"))
            for block in _blocks(note):
                if block.tag == _P:
                    self._add(block, "note", f"chú thích {numbers.get(note_id, note_id)}")

    def _add(self, p, area, place: str) -> None:
        runs = tuple(self._run(r, p) for r in p.iter(qn("w:r")) if _shown(r, p))
        text = unicodedata.normalize("NFC", "".join(run.text for run in runs if not run.generated))
        self.paragraphs.append(_Para(p, area, place, runs, text))

    def _run(self, r, p) -> _Run:
        for mark in r.iter(qn("w:fldChar")):
            kind = mark.get(qn("w:fldCharType"))
            if kind == "begin":
                self.fields.append("instruction")
            elif kind == "separate" and self.fields:
                self.fields[-1] = "result"
            elif kind == "end" and self.fields:
                self.fields.pop()
        generated = "result" in self.fields or next(r.iterancestors(qn("w:fldSimple")), None) is not None
        return _Run(_run_text(r), generated, self.styles.run_properties(r, p))


def _notes(footnotes) -> list:
    """The footnotes of word/footnotes.xml, separators left out."""
    if footnotes is None:
        return []
    return [n for n in footnotes.iterchildren(qn("w:footnote")) if n.get(qn("w:type")) not in _NOTE_SEPARATORS]


def _note_numbers(body) -> dict[str, int]:
    """Footnote id -> the number Word shows (order of citation; custom marks are not numbered)."""
    numbers: dict[str, int] = {}
    for ref in body.iter(qn("w:footnoteReference")):
        if not _custom_mark(ref):
            numbers.setdefault(ref.get(qn("w:id")), len(numbers) + 1)
    return numbers


def _custom_mark(ref) -> bool:
    return (ref.get(qn("w:customMarkFollows")) or "").lower() in ("1", "true", "on")


class _Docx:
    """The document as the checks see it: paragraphs with places, styles, sections, notes."""

    def __init__(self, document):
        self.body = document.element.body
        self.styles = _Styles(document.styles.element, _theme_fonts(_related_xml(document.part, RT.THEME)))
        notes = _notes(_related_xml(document.part, RT.FOOTNOTES))
        self.note_ids = {note.get(qn("w:id")) for note in notes}
        walker = _Walker(self.styles)
        walker.body(self.body)
        walker.notes(notes, _note_numbers(self.body))
        self.paragraphs = walker.paragraphs
        self.tables = walker.tables

    @cached_property
    def text_paragraphs(self) -> list[_Para]:
        """Paragraphs of the body and its tables (footnotes left out)."""
        return [p for p in self.paragraphs if p.area != "note"]

    def first(self, test: Callable[[str], object], after: _Para | None = None, within: int | None = None) -> _Para | None:
        """The first body or table paragraph whose text passes `test` (only the `within` after `after`)."""
        candidates = self.text_paragraphs
        if after is not None:
            start = candidates.index(after) + 1
            candidates = candidates[start:start + within if within else None]
        return next((p for p in candidates if test(p.text)), None)

    @cached_property
    def recipients(self) -> _Para | None:
        """The "Nơi nhận:" paragraph."""
        return self.first(_NOI_NHAN.match)

    @cached_property
    def body_text(self) -> list[_Para]:
        """Body paragraphs outside tables before Nơi nhận (the report itself; appendices come after)."""
        end = self.paragraphs.index(self.recipients) if self.recipients else len(self.paragraphs)
        return [p for p in self.paragraphs[:end] if p.area == "body"]

    @cached_property
    def so_line(self) -> _Para | None:
        return self.first(_SO_LINE.match)

    @cached_property
    def first_block(self):
        """The first table or non-empty paragraph of the body."""
        return next((b for b in _blocks(self.body)
                     if b.tag == _TBL or "".join(t.text or "" for t in b.iter(qn("w:t"))).strip()), None)

    @cached_property
    def doc_kind(self) -> tuple[str, str] | None:
        """(tên loại, abbreviation) from the title line ("BÁO CÁO"), None for a công văn."""
        names = {name.upper(): (name, abbr) for name, abbr in DOC_TYPE_ABBREVIATIONS.items()}
        return next((names[_norm(p.text).upper()] for p in self.body_text if _norm(p.text).upper() in names), None)

    def sections(self) -> list:
        return [s for s in self.body.iter(qn("w:sectPr")) if s.getparent().tag in (qn("w:pPr"), self.body.tag)]


def _table_of(para: _Para):
    """The innermost table holding the paragraph, or None."""
    return next(para.element.iterancestors(_TBL), None)


def _missing_emphasis(para: _Para, bold: bool = False, italic: bool = False) -> str:
    """What the paragraph's text lacks: "in đậm", "in nghiêng", both or ""."""
    runs = para.visible_runs
    missing = []
    if bold and not all(run.bold for run in runs):
        missing.append("in đậm")
    if italic and not all(run.italic for run in runs):
        missing.append("in nghiêng")
    return " và ".join(missing)


def _first_places(items: Iterable[tuple[object, _Para]]) -> dict[object, tuple[_Para, int]]:
    """key -> (first paragraph where it occurs, number of paragraphs where it occurs)."""
    first: dict[object, _Para] = {}
    seen: dict[object, set[int]] = {}
    for key, para in items:
        first.setdefault(key, para)
        seen.setdefault(key, set()).add(id(para))
    return {key: (para, len(seen[key])) for key, para in first.items()}


# --- 1, 2. paper and margins ---------------------------------------------------


def _check_page(doc: _Docx) -> Iterator[Finding]:
    for number, section in enumerate(doc.sections(), 1):
        where = f"mục {number} (section)"
        size = _find(section, "w:pgSz")
        width, height = _int(_attr(size, "w"), 0), _int(_attr(size, "h"), 0)
        if not _near_a4(width, height):
            shown = "chưa khai báo" if size is None else f"{_format_mm(width)} × {_format_mm(height)} mm"
            yield Finding(ERROR, "kho-giay", f"Khổ giấy {shown}, không phải A4 (210 × 297 mm). Chọn Bố cục > Khổ "
                          "giấy > A4 (Layout > Size > A4).", where, RULE_PAPER)
        landscape = width > height
        if landscape and number == 1:
            yield Finding(ERROR, "kho-giay", "Trang đầu của văn bản đặt khổ ngang; chỉ phụ lục (bảng rộng) mới được "
                          "đặt ngang. Chọn Bố cục > Hướng > Dọc (Layout > Orientation > Portrait).", where, RULE_PAPER)
        yield from _margin_findings(section, where, landscape)


def _near_a4(width: int, height: int) -> bool:
    return all(abs(a - b) <= PAPER_TOLERANCE for a, b in zip(sorted((width, height)), A4))


def _margin_problems(margins: dict[str, int], reading: dict[str, str]) -> list[str]:
    problems = []
    for side, (low, high) in MARGINS_MM.items():
        value = margins[reading[side]]
        if not (low - MARGIN_TOLERANCE_MM) * MM <= value <= (high + MARGIN_TOLERANCE_MM) * MM:
            problems.append(f"lề {SIDE_NAMES[side]} {_format_mm(value)} mm (phải từ {low} đến {high} mm)")
    return problems


def _margin_findings(section, where: str, landscape: bool) -> Iterator[Finding]:
    page_margins = _find(section, "w:pgMar")
    margins = {side: abs(_int(_attr(page_margins, side), 0)) for side in MARGINS_MM}
    readings = _READINGS if landscape else _READINGS[:1]
    if all(_margin_problems(margins, reading) for reading in readings):
        problems = "; ".join(_margin_problems(margins, readings[0]))
        fix = "Sửa trong Bố cục > Lề > Lề tùy chỉnh (Layout > Margins > Custom Margins)."
        if landscape:
            yield Finding(WARNING, "le-trang", f"Trang ngang có lề chưa đúng theo cả hai cách đọc (ngang và xoay dọc): "
                          f"{problems}. {fix}", where, RULE_MARGINS)
        else:
            yield Finding(ERROR, "le-trang", f"Lề trang chưa đúng: {problems}. {fix}", where, RULE_MARGINS)


# --- 3, 4. fonts and sizes -----------------------------------------------------


def _slots(text: str) -> set[str]:
    """rFonts slots Word uses for the text: ascii for U+0000–U+007F, hAnsi for other Latin letters."""
    visible = [c for c in text if not c.isspace()]
    return {"ascii" if c < "\x80" else "hAnsi" for c in visible}


def _check_fonts(doc: _Docx) -> Iterator[Finding]:
    used = ((font, para) for para in doc.paragraphs for run in para.visible_runs
            for font in sorted({doc.styles.font(run, slot) for slot in _slots(run.text)})
            if font.casefold() != TNR.casefold())
    for font, (para, count) in _first_places(used).items():
        yield Finding(ERROR, "phong-chu", f"Chữ dùng phông «{font}» ({count} đoạn, đoạn đầu tiên ở đây); văn bản "
                      "phải dùng phông Times New Roman. Chọn toàn bộ (Ctrl+A) rồi chọn phông Times New Roman.",
                      para.where, RULE_FONT)


def _wrong_sizes(paragraphs: Iterable[_Para], allowed: tuple[int, int]) -> dict[object, tuple[_Para, int]]:
    low, high = allowed
    return _first_places((run.size, para) for para in paragraphs for run in para.visible_runs
                         if run.vertical == "baseline" and not low <= run.size <= high)


def _check_sizes(doc: _Docx) -> Iterator[Finding]:
    for size, (para, count) in _wrong_sizes(doc.body_text, BODY_SIZES).items():
        yield Finding(ERROR, "co-chu", f"Chữ cỡ {format_number(size)} ({count} đoạn, đoạn đầu tiên ở đây); phần nội "
                      "dung phải cỡ 13 đến 14: chọn các đoạn đó rồi đặt cỡ chữ 14 (hoặc 13).", para.where, RULE_SIZE)
    notes = [p for p in doc.paragraphs if p.area == "note"]
    for size, (para, count) in _wrong_sizes(notes, NOTE_SIZES).items():
        yield Finding(WARNING, "co-chu", f"Chú thích cỡ {format_number(size)} ({count} đoạn, đoạn đầu tiên ở đây); "
                      "chú thích thường cỡ 10 đến 12: sửa kiểu «Footnote Text» (Văn bản chú thích) cho cả văn bản.",
                      para.where, RULE_PRACTICE)


# --- 5. header grid ------------------------------------------------------------


def _has_quoc_hieu(text: str) -> bool:
    return QUOC_HIEU in _norm(text).upper().replace("HOÀ", "HÒA")


def _check_header(doc: _Docx) -> Iterator[Finding]:
    quoc_hieu = doc.first(_has_quoc_hieu)
    if quoc_hieu is None:
        yield Finding(ERROR, "o-tieu-de", f"Không thấy Quốc hiệu «{QUOC_HIEU}». Đầu trang đầu phải có bảng 2 cột "
                      "không viền: trái là tên cơ quan và số, ký hiệu; phải là Quốc hiệu, Tiêu ngữ, địa danh và "
                      "ngày tháng.", "đầu văn bản", RULE_HEADER)
        return
    table = _table_of(quoc_hieu)
    if table is None:
        yield Finding(ERROR, "o-tieu-de", "Quốc hiệu nằm trong đoạn văn thường (căn bằng dấu tab hoặc dấu cách), "
                      "không nằm trong bảng. Dùng bảng 2 cột không viền: trái là tên cơ quan và số, ký hiệu; phải là "
                      "Quốc hiệu, Tiêu ngữ, địa danh và ngày tháng.", quoc_hieu.where, RULE_HEADER)
    else:
        yield from _grid_findings(doc, table)
    if _missing_emphasis(quoc_hieu, bold=True):
        yield Finding(ERROR, "o-tieu-de", "Quốc hiệu phải in đậm.", quoc_hieu.where, RULE_HEADER)
    yield from _motto_findings(doc, quoc_hieu)


def _grid_findings(doc: _Docx, table) -> Iterator[Finding]:
    where = f"bảng {doc.tables[table]}"
    outermost = ([table] + list(table.iterancestors(_TBL)))[-1]
    if outermost is not doc.first_block:
        yield Finding(ERROR, "o-tieu-de", "Bảng Quốc hiệu phải ở trên cùng trang đầu, trước mọi nội dung khác.",
                      where, RULE_HEADER)
    grid = table.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")
    columns = len(grid) or max((len(row.findall(qn("w:tc"))) for row in table.iter(qn("w:tr"))), default=0)
    if columns != 2:
        yield Finding(ERROR, "o-tieu-de", f"Bảng Quốc hiệu có {columns} cột; phải là bảng 2 cột (trái: tên cơ quan, "
                      "số, ký hiệu; phải: Quốc hiệu, Tiêu ngữ, địa danh và ngày tháng).", where, RULE_HEADER)
    if doc.styles.has_visible_border(table):
        yield Finding(ERROR, "o-tieu-de", "Bảng Quốc hiệu đang hiện đường viền; chọn bảng rồi bỏ viền "
                      "(Đường viền > Không viền, Borders > No Border).", where, RULE_HEADER)
    if doc.so_line is not None and _table_of(doc.so_line) is not table:
        yield Finding(ERROR, "o-tieu-de", "Dòng «Số: …» nằm ngoài bảng Quốc hiệu; đặt nó ở cột trái, dưới tên cơ "
                      "quan ban hành.", doc.so_line.where, RULE_HEADER)


def _motto_findings(doc: _Docx, quoc_hieu: _Para) -> Iterator[Finding]:
    motto = doc.first(_TIEU_NGU_LOOSE.search, after=quoc_hieu, within=3) or (
        quoc_hieu if _TIEU_NGU_LOOSE.search(quoc_hieu.text) else None)
    if motto is None:
        yield Finding(ERROR, "o-tieu-de", f"Không thấy Tiêu ngữ «{TIEU_NGU}» ngay dưới Quốc hiệu.",
                      quoc_hieu.where, RULE_HEADER)
        return
    written = _norm(_TIEU_NGU_LOOSE.search(motto.text)[0])
    if written != TIEU_NGU:
        yield Finding(ERROR, "o-tieu-de", f"Tiêu ngữ viết «{written}»; phải là «{TIEU_NGU}» (gạch nối «-» có dấu "
                      "cách hai bên, không dùng gạch dài «–», viết hoa chữ đầu mỗi cụm).", motto.where, RULE_HEADER)
    if _missing_emphasis(motto, bold=True):
        yield Finding(ERROR, "o-tieu-de", "Tiêu ngữ phải in đậm.", motto.where, RULE_HEADER)


# --- 6. số, ký hiệu ------------------------------------------------------------


def _check_doc_number(doc: _Docx) -> Iterator[Finding]:
    line = doc.so_line
    match = _SO.match(line.text) if line else None
    if match is None:
        where = line.where if line else "đầu văn bản"
        yield Finding(ERROR, "so-ky-hieu", "Không thấy dòng số, ký hiệu đúng mẫu «Số: 05/BC-UBND» (dự thảo: "
                      "«Số:      /BC-UBND»); đặt ở cột trái bảng Quốc hiệu, dưới tên cơ quan.", where, RULE_DOC_NUMBER)
        return
    problem = _doc_number_problem(match["so"])
    if problem:
        yield Finding(ERROR, "so-ky-hieu", problem, line.where, RULE_DOC_NUMBER)
    yield from _sign_findings(doc, line, match["ky_hieu"])


def _doc_number_problem(so: str) -> str:
    """Why the number is wrong ("" if right or left blank in a draft)."""
    if not so:
        return ""
    if int(so) < 1:
        return f"Số văn bản «{so}» không hợp lệ; số văn bản bắt đầu từ 01."
    expected = format_doc_number(int(so))
    return "" if so == expected else (f"Số văn bản viết «{so}», phải là «{expected}» (số dưới 10 thêm số 0 ở "
                                      "trước; từ 10 trở lên không thêm).")


def _sign_findings(doc: _Docx, line: _Para, sign: str) -> Iterator[Finding]:
    if "-" not in sign:
        yield Finding(ERROR, "so-ky-hieu", f"Ký hiệu «{sign}» chưa đủ: sau dấu «/» là chữ viết tắt tên loại và tên "
                      "cơ quan nối bằng «-» (ví dụ «BC-UBND»; công văn: «UBND-VP»).", line.where, RULE_DOC_NUMBER)
        return
    kind = doc.doc_kind
    if kind and sign.split("-")[0] != kind[1]:
        name, abbreviation = kind
        yield Finding(ERROR, "so-ky-hieu", f"Ký hiệu «{sign}» phải bắt đầu bằng «{abbreviation}», chữ viết tắt của "
                      f"tên loại «{name}» (ví dụ «{abbreviation}-UBND»).", line.where, RULE_ABBREVIATION)


# --- 7. dates ------------------------------------------------------------------


def _long_date_problems(day: str, month: str, year: str) -> list[str]:
    """What is wrong with "ngày <day> tháng <month> năm <year>" (a blank day is a draft)."""
    if not month or not 1 <= int(month) <= 12:
        return [f"Tháng «{month}» không hợp lệ; tháng phải từ 1 đến 12."]
    problems = []
    if day:
        try:
            date(int(year), int(month), int(day))
        except ValueError:
            return [f"Ngày {day} tháng {month} năm {year} không có trong lịch."]
        if day != pad_day(int(day)):
            problems.append(f"Viết «ngày {day}», phải là «ngày {pad_day(int(day))}» (ngày dưới 10 thêm số 0 ở trước).")
    if month != pad_month(int(month)):
        problems.append(f"Viết «tháng {month}», phải là «tháng {pad_month(int(month))}» (chỉ tháng 1 và tháng 2 "
                        "thêm số 0: «tháng 01», «tháng 02»; các tháng khác không thêm).")
    return problems


def _check_date_line(doc: _Docx) -> Iterator[Finding]:
    line = doc.first(_PLACE_DATE.match)
    if line is None:
        yield Finding(ERROR, "ngay-thang", "Không thấy dòng địa danh và ngày tháng (ví dụ «Tân Hòa, ngày 05 tháng 6 "
                      "năm 2026»); đặt ở cột phải bảng Quốc hiệu, dưới Tiêu ngữ.", "đầu văn bản", RULE_DATE)
        return
    match = _PLACE_DATE.match(line.text)
    for problem in _long_date_problems(match["day"], match["month"], match["year"]):
        yield Finding(ERROR, "ngay-thang", problem, line.where, RULE_DATE)
    if _missing_emphasis(line, italic=True):
        yield Finding(ERROR, "ngay-thang", "Dòng địa danh và ngày tháng phải in nghiêng.", line.where, RULE_DATE)


def _check_text_dates(doc: _Docx) -> Iterator[Finding]:
    for para in doc.paragraphs:
        for match in _SHORT_DATE.finditer(para.text):
            day, month, year = (int(part) for part in match.groups())
            try:
                expected = format_date_short(date(year, month, day))
            except ValueError:
                yield Finding(WARNING, "ngay-thang", f"«{match[0]}» không phải ngày có trong lịch (viết theo thứ tự "
                              "ngày/tháng/năm).", para.where, RULE_NUMBER_STYLE)
                continue
            if match[0] != expected:
                yield Finding(WARNING, "ngay-thang", f"Ngày viết «{match[0]}», nên viết «{expected}» (ngày dưới 10 và "
                              "tháng 1, 2 thêm số 0; các tháng khác không thêm).", para.where, RULE_NUMBER_STYLE)


# --- 8. heading numbering ------------------------------------------------------


class _Numbered(Protocol):
    number: int
    label: str
    place: str


@dataclass(frozen=True)
class _Heading:
    """A numbered heading: its rank (PART_RANK…POINT_RANK), its numbers and its label as written."""

    rank: int
    numbers: tuple[int, ...]  # a điểm's number is its letter's position (0: not a Vietnamese letter)
    label: str
    place: str
    where: str
    style: str = ""  # Phần only: "La Mã" (Phần I) or "chữ" (Phần thứ nhất)

    @property
    def number(self) -> int:
        return self.numbers[-1]

    def label_for(self, number: int) -> str:
        """This heading's label with its own number replaced by `number`."""
        if self.rank == PART_RANK:
            words = self.style == "chữ" and number <= len(_PART_ORDINALS)
            return f"Phần thứ {_PART_ORDINALS[number - 1]}" if words else f"Phần {roman(number)}"
        if self.rank == SECTION_RANK:
            return f"{roman(number)}."
        if self.rank == POINT_RANK:
            return f"{VIETNAMESE_LETTERS[number - 1]})" if number <= len(VIETNAMESE_LETTERS) else "?"
        return ".".join(map(str, self.numbers[:-1] + (number,))) + "."


def _part_number(match: re.Match) -> tuple[int | None, str]:
    """The number of a "Phần" label and its style ("chữ" for "Phần thứ nhất", "La Mã" for "Phần I")."""
    if match["ordinal"] is not None:
        word = match["ordinal"].lower()
        return (_PART_ORDINALS.index(word) + 1 if word in _PART_ORDINALS else None), "chữ"
    return _ROMAN_NUMBERS.get(match["part"]), "La Mã"


def _heading(para: _Para) -> _Heading | None:
    """The heading a paragraph's label makes, or None when it starts with no label."""
    match = _LABEL.match(para.text.lstrip())
    if match is None:
        return None
    label = match[0].strip()
    if match["ordinal"] or match["part"]:
        number, style = _part_number(match)
        return _Heading(PART_RANK, (number,), label, para.place, para.where, style) if number else None
    if match["roman"]:
        number = _ROMAN_NUMBERS.get(match["roman"])
        return _Heading(SECTION_RANK, (number,), label, para.place, para.where) if number else None
    if match["arabic"]:
        numbers = tuple(int(n) for n in match["arabic"].rstrip(".").split("."))
        return _Heading(SECTION_RANK + len(numbers), numbers, label, para.place, para.where)
    return _Heading(POINT_RANK, (VIETNAMESE_LETTERS.find(match["letter"]) + 1,), label, para.place, para.where)


def _sequence_problem(current: _Numbered, previous: _Numbered | None, label_for: Callable[[int], str], first: str) -> str:
    """Why `current` does not follow `previous` in a 1, 2, 3… sequence ("" if it does); `first` says where a
    sequence without a previous item starts."""
    expected = previous.number + 1 if previous else 1
    if current.number == expected:
        return ""
    if previous is None:
        return f"«{current.label}» là số đầu tiên {first} nên phải là «{label_for(expected)}»."
    if current.number > expected:
        return (f"«{current.label}» đứng sau «{previous.label}» ({previous.place}): bỏ sót số thứ tự, phải là "
                f"«{label_for(expected)}».")
    return (f"«{current.label}» trùng hoặc lùi số so với «{previous.label}» ({previous.place}); phải là "
            f"«{label_for(expected)}».")


class _Outline:
    """Follows the open headings (one per rank) and reports numbers that break the hierarchy."""

    def __init__(self):
        self.open: dict[int, _Heading] = {}
        self.first_part: _Heading | None = None

    def see(self, heading: _Heading) -> Iterator[Finding]:
        if heading.rank == PART_RANK:
            yield from self._part_style(heading)
        if heading.rank == POINT_RANK and heading.number == 0:
            yield self._finding(heading, f"Điểm «{heading.label}» dùng chữ không có trong bảng chữ cái tiếng Việt; "
                                "điểm đánh theo thứ tự a), b), c), d), đ), e), g), h), i), k)… (không có f, j, w, z).")
            return
        if SECTION_RANK + 1 < heading.rank < POINT_RANK:  # 1.1., 1.1.1.: the parent must be open
            yield from self._parent(heading)
        problem = _sequence_problem(heading, self.open.get(heading.rank), heading.label_for, self._inside(heading.rank))
        if problem:
            yield self._finding(heading, f"Đề mục {problem}")
        self.open = {rank: h for rank, h in self.open.items() if rank < heading.rank}
        self.open[heading.rank] = heading

    def _container(self, rank: int) -> _Heading | None:
        """The nearest open heading above `rank`."""
        above = [r for r in self.open if r < rank]
        return self.open[max(above)] if above else None

    def _inside(self, rank: int) -> str:
        container = self._container(rank)
        return f"trong «{container.label}» ({container.place})" if container else "của văn bản"

    def _parent(self, heading: _Heading) -> Iterator[Finding]:
        parent = heading.numbers[:-1]
        ranks = range(SECTION_RANK + 1, heading.rank)
        if tuple(self.open[r].number if r in self.open else 0 for r in ranks) != parent:
            missing = ".".join(map(str, parent)) + "."
            container = self._container(heading.rank - 1)
            under, inside = (f"«{container.label}» ({container.place})", f"«{container.label}»") if container \
                else ("đầu văn bản", "văn bản")
            yield self._finding(heading, f"Mục «{heading.label}» nằm dưới {under} nhưng chưa có mục «{missing}» "
                                f"trong {inside}. Sửa số thứ tự theo đúng mục cha.")

    def _part_style(self, heading: _Heading) -> Iterator[Finding]:
        first = self.first_part = self.first_part or heading
        if heading.style != first.style:
            yield self._finding(heading, f"«{heading.label}» và «{first.label}» ({first.place}) dùng hai kiểu đánh số "
                                "Phần khác nhau; cả văn bản chỉ dùng một kiểu: «Phần I», «Phần II»… hoặc «Phần thứ "
                                "nhất», «Phần thứ hai»….")

    @staticmethod
    def _finding(heading: _Heading, message: str) -> Finding:
        return Finding(ERROR, "danh-so-muc", message, heading.where, RULE_OUTLINE)


def _is_heading(doc: _Docx, para: _Para) -> bool:
    """Heading style, or the first run with text is bold."""
    runs = para.visible_runs
    return doc.styles.is_heading_style(para.element) or (bool(runs) and runs[0].bold)


def _check_outline(doc: _Docx) -> Iterator[Finding]:
    outline = _Outline()
    for para in doc.body_text:
        heading = _heading(para) if _is_heading(doc, para) else None
        if heading:
            yield from outline.see(heading)


# --- 9. footnotes --------------------------------------------------------------


@dataclass(frozen=True)
class _Mark:
    """A footnote number typed by hand as superscript."""

    number: int
    label: str
    place: str
    para: _Para
    note_text: bool  # at the start of a paragraph: the note's own text, not a citation


def _typed_marks(para: _Para) -> Iterator[_Mark]:
    before, mark = "", ""
    for run in (*para.runs, _Run("", False, ())):  # the empty run closes a mark at the end
        if run.vertical == "superscript" and not run.generated:
            mark += run.text
            continue
        found = _TYPED_MARK.fullmatch(mark.strip())
        if found and not (found[0] in ("2", "3") and _UNIT_BEFORE.search(before)):
            yield _Mark(int(found[1]), found[0], para.place, para, not before.strip())
        before, mark = before + mark + (run.text if not run.generated else ""), ""


def _check_typed_notes(doc: _Docx) -> Iterator[Finding]:
    marks = [mark for para in doc.text_paragraphs for mark in _typed_marks(para)]
    if not marks:
        return
    yield Finding(WARNING, "chu-thich", f"Có {len(marks)} số chú thích gõ tay (chữ nhỏ phía trên), chỗ đầu tiên ở "
                  "đây: chú thích gõ tay, số có thể sai; dùng chú thích thật của Word (Tham chiếu > Chèn chú thích "
                  "cuối trang, References > Insert Footnote).", marks[0].para.where, RULE_PRACTICE)
    previous = None
    for mark in (m for m in marks if not m.note_text):
        problem = _sequence_problem(mark, previous, str, "của văn bản")
        if problem:
            yield Finding(ERROR, "chu-thich", f"Số chú thích gõ tay {problem}", mark.para.where, RULE_PRACTICE)
        previous = mark


def _check_note_references(doc: _Docx) -> Iterator[Finding]:
    for para in doc.text_paragraphs:
        for ref in para.element.iter(qn("w:footnoteReference")):
            if ref.get(qn("w:id")) not in doc.note_ids:
                yield Finding(ERROR, "chu-thich", "Dấu chú thích trỏ tới một chú thích không có trong tệp (đã bị xóa "
                              "hoặc tệp hỏng); xóa dấu này rồi chèn lại chú thích.", para.where, RULE_PRACTICE)
            if _custom_mark(ref):
                yield Finding(WARNING, "chu-thich", "Chú thích dùng ký hiệu tự đặt thay cho số tự động; dùng chú "
                              "thích đánh số tự động của Word.", para.where, RULE_PRACTICE)


# --- 10. Nơi nhận --------------------------------------------------------------


def _recipient_lines(doc: _Docx, head: _Para) -> list[_Para]:
    """Non-empty paragraphs after "Nơi nhận:" in the same cell (or body), up to the next empty one."""
    parent = head.element.getparent()
    siblings = [p for p in doc.text_paragraphs if p.element.getparent() is parent]
    after = dropwhile(lambda p: not p.text.strip(), siblings[siblings.index(head) + 1:])
    return list(takewhile(lambda p: p.text.strip(), after))


def _recipient_problem(text: str, last: bool) -> str:
    text = _norm(text)
    if last and not text.startswith("- Lưu"):
        return "Dòng cuối của nơi nhận phải là «- Lưu: VT, …» (văn thư và đơn vị soạn thảo)."
    if last and not text.endswith("."):
        return "Dòng «- Lưu: …» phải kết thúc bằng dấu chấm «.»."
    if not text.startswith("- "):
        return "Mỗi dòng nơi nhận bắt đầu bằng gạch đầu dòng «- » (gạch nối và một dấu cách)."
    if not last and not text.endswith(";"):
        return "Mỗi dòng nơi nhận (trừ dòng cuối «- Lưu: …») phải kết thúc bằng dấu chấm phẩy «;»."
    return ""


def _check_recipients(doc: _Docx) -> Iterator[Finding]:
    head = doc.recipients
    if head is None:
        yield Finding(ERROR, "noi-nhan", "Không thấy «Nơi nhận:»; đặt ở cột trái bảng cuối văn bản, ngang hàng với "
                      "chức vụ người ký.", "cuối văn bản", RULE_RECIPIENTS)
        return
    if _norm(head.text) != "Nơi nhận:":
        yield Finding(ERROR, "noi-nhan", f"Viết «Nơi nhận:» (có dấu hai chấm), không viết «{_norm(head.text)}».",
                      head.where, RULE_RECIPIENTS)
    missing = _missing_emphasis(head, bold=True, italic=True)
    if missing:
        yield Finding(ERROR, "noi-nhan", f"«Nơi nhận:» phải in đậm và in nghiêng (đang chưa {missing}).",
                      head.where, RULE_RECIPIENTS)
    lines = _recipient_lines(doc, head)
    if not lines:
        yield Finding(ERROR, "noi-nhan", "Dưới «Nơi nhận:» chưa có dòng nào; mỗi nơi nhận một dòng «- …;», dòng cuối "
                      "«- Lưu: VT, …».", head.where, RULE_RECIPIENTS)
    for i, line in enumerate(lines):
        problem = _recipient_problem(line.text, last=i == len(lines) - 1)
        if problem:
            yield Finding(ERROR, "noi-nhan", problem, line.where, RULE_RECIPIENTS)


# --- 11. number style ----------------------------------------------------------


def _number_kind(token: str) -> str:
    """'vi-decimal' (91,1; 1.539,72), 'en-decimal' (2.08; 1,539.72), 'en-thousands' (1,234,567) or ''."""
    separators = re.sub(r"\d", "", token)
    groups = re.split(r"[.,]", token)
    if not separators or any(len(g) != 3 for g in groups[1:-1]) or len(set(separators[:-1])) > 1:
        return ""
    last, inner = separators[-1], set(separators[:-1])
    if inner and inner != {last}:
        return "vi-decimal" if last == "," else "en-decimal"
    if last == ",":
        return "vi-decimal" if len(separators) == 1 else ("en-thousands" if len(groups[-1]) == 3 else "")
    return "en-decimal" if len(separators) == 1 and len(groups[-1]) != 3 else ""


def _number_tokens(text: str) -> Iterator[tuple[str, str]]:
    """(number, kind) for the decimal and grouped numbers of running text; a leading list or heading
    number, and numbers after "mục", "điểm", "phiên bản"… are left out."""
    label = _LEADING_LABEL.match(text)
    for match in _NUMBER.finditer(text, label.end() if label else 0):
        kind = _number_kind(match[0])
        if kind and not _REFERENCE_WORDS.search(text, 0, match.start()):
            yield match[0], kind


def _check_numbers(doc: _Docx) -> Iterator[Finding]:
    first_of: dict[str, tuple[str, _Para]] = {}
    for para in doc.paragraphs:
        if _SO_LINE.match(para.text):
            continue
        for token, kind in _number_tokens(para.text):
            first_of.setdefault(kind, (token, para))
            if kind.startswith("en-"):
                yield Finding(ERROR, "kieu-so", f"Số «{token}» viết theo kiểu tiếng Anh; viết «"
                              f"{token.translate(str.maketrans('.,', ',.'))}» (dấu chấm ngăn cách hàng nghìn, dấu "
                              "phẩy trước phần thập phân).", para.where, RULE_NUMBER_STYLE)
        for match in _SPACE_PERCENT.finditer(para.text):
            yield Finding(WARNING, "kieu-so", f"«{match[0]}» có dấu cách trước «%»; viết liền «{match[1]}%».",
                          para.where, RULE_NUMBER_STYLE)
    if "vi-decimal" in first_of and "en-decimal" in first_of:
        (comma, comma_para), (dot, dot_para) = first_of["vi-decimal"], first_of["en-decimal"]
        yield Finding(WARNING, "kieu-so", f"Văn bản dùng lẫn hai kiểu dấu thập phân: dấu phẩy «{comma}» "
                      f"({comma_para.place}) và dấu chấm «{dot}» ({dot_para.place}); thống nhất dùng dấu phẩy.",
                      "toàn văn bản", RULE_NUMBER_STYLE)


# --- 12. closing ---------------------------------------------------------------


def _check_closing(doc: _Docx) -> Iterator[Finding]:
    last = next((p for p in reversed(doc.body_text) if p.text.strip()), None)
    if doc.recipients is not None and last is not None and not last.text.rstrip().endswith("./."):
        yield Finding(WARNING, "ket-thuc", "Đoạn cuối của phần nội dung (trước Nơi nhận và chữ ký) chưa kết thúc "
                      "bằng dấu «./.»; thêm «./.» vào cuối đoạn.", last.where, RULE_CLOSING)


_CHECKS: tuple[Callable[[_Docx], Iterable[Finding]], ...] = (
    _check_page, _check_fonts, _check_sizes, _check_header, _check_doc_number, _check_date_line,
    _check_text_dates, _check_outline, _check_typed_notes, _check_note_references, _check_recipients,
    _check_numbers, _check_closing,
)


def check_docx(path: Path) -> list[Finding]:
    """Check a .docx against ND30's layout rules; findings in check order, each in document order.

    Raises BaocaoError when the file is not a readable .docx.
    """
    doc = _Docx(_open(Path(path)))
    return [finding for check in _CHECKS for finding in check(doc)]


@dataclass(frozen=True)
class FileCheck:
    """The check of one file: its findings, or the problems that kept it from being read."""

    path: Path
    findings: list[Finding]
    problems: list[Problem]

    @property
    def failed(self) -> bool:
        """Unreadable, or an error (not just warnings) found."""
        return bool(self.problems) or has_errors(self.findings)


def check_files(paths: Iterable[Path]) -> list[FileCheck]:
    """check_docx of each file; an unreadable file is recorded, not raised."""
    results = []
    for path in map(Path, paths):
        try:
            results.append(FileCheck(path, check_docx(path), []))
        except BaocaoError as exc:
            results.append(FileCheck(path, [], exc.problems))
    return results


def file_checks_to_json(results: Iterable[FileCheck]) -> str:
    """A JSON array, one object a file: file, error (why it is unreadable, or null), findings (as findings_to_json)."""
    return json.dumps([{"file": str(result.path),
                        "error": " ".join(f"{p.message} {p.hint}".strip() for p in result.problems) or None,
                        "findings": [asdict(f) for f in result.findings]} for result in results],
                      ensure_ascii=False, indent=2)
