"""A Word template's looks, as the HTML preview draws them: page size, margins, and the styles the writer uses.

Read from the template's XML alone (lxml, no python-docx): the body's last section (`w:sectPr`: `w:pgSz`,
`w:pgMar`), `word/styles.xml` (the document defaults, then each style down its `w:basedOn` chain, later links
winning) and the theme's fonts for a style that names a theme font. What the template leaves unsaid stays None,
so the preview falls back to ND30's (conventions/page.py, the built-in template's styles).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path

from lxml import etree

from baocao import limits
from baocao.conventions.styles import HEADING_STYLES, STYLE_NAMES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
ROLES = {**{role: name for role, name in STYLE_NAMES.items() if role not in {"note_ref", "table"}}}
ROLES.update({f"heading{n}": name for n, name in enumerate(HEADING_STYLES, 1)})


@dataclass(frozen=True)
class StyleLooks:
    """What a paragraph style says (None: not said): font and size (points), bold, italic, alignment (Word's
    `w:jc`), first-line indent and spacing before and after (twips; a hanging indent is negative), line
    spacing (`line` in 240ths of a line when `exact` is False, else twips)."""

    font: str | None = None
    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    align: str | None = None
    first_line: int | None = None
    before: int | None = None
    after: int | None = None
    line: int | None = None
    exact: bool | None = None

    def over(self, base: StyleLooks) -> StyleLooks:
        """These looks laid over `base`: what this says wins."""
        return replace(base, **{f.name: v for f in fields(self) if (v := getattr(self, f.name)) is not None})


WORD_DEFAULTS = StyleLooks(None, 10, False, False, "left", 0, 0, 0, 240, False)  # what Word takes when nothing says


@dataclass(frozen=True)
class Looks:
    """A template's page (width, height in twips), margins (top, bottom, left, right, header; twips) and styles
    by the writer's role (body, bullet, subbullet, subhead, closing, note, cell, heading1…heading5)."""

    page: tuple[int, int] | None = None
    margins: dict[str, int] = field(default_factory=dict)
    styles: dict[str, StyleLooks] = field(default_factory=dict)


def template_looks(path: Path) -> Looks:
    """The looks of the template at `path`, read again when the file changes; no looks when it cannot be read
    (the Word writer tells why)."""
    try:
        stat = path.stat()
    except OSError:
        return Looks()
    return _cached_looks(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _cached_looks(path: Path, _mtime_ns: int, _size: int) -> Looks:
    try:
        return looks_of(limits.docx_bytes(path))
    except Exception:  # noqa: BLE001 - a broken template is the Word writer's to report, the preview draws ND30's
        return Looks()


def looks_of(data: bytes) -> Looks:
    """The looks of a .docx given as bytes (already checked against the size limits): a style's property said
    nowhere down its chain nor in the document defaults is Word's own default (WORD_DEFAULTS)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        document = _xml(archive, "word/document.xml", names)
        styles = _xml(archive, "word/styles.xml", names)
        theme = _xml(archive, "word/theme/theme1.xml", names)
    sections = document.findall(f"{W}body/{W}sectPr") if document is not None else []
    page, margins = _page(sections[-1]) if sections else (None, {})
    return Looks(page, margins, _styles(styles, _theme_fonts(theme)) if styles is not None else {})


def _xml(archive: zipfile.ZipFile, name: str, names: set[str]):
    return etree.fromstring(archive.read(name), _PARSER) if name in names else None


def _int(element, name: str) -> int | None:
    value = element.get(f"{W}{name}") if element is not None else None
    try:
        return round(float(value)) if value is not None else None
    except ValueError:
        return None


def _page(sect_pr) -> tuple[tuple[int, int] | None, dict[str, int]]:
    size = sect_pr.find(f"{W}pgSz")
    width, height = _int(size, "w"), _int(size, "h")
    margins = sect_pr.find(f"{W}pgMar")
    sides = {side: _int(margins, side) for side in ("top", "bottom", "left", "right", "header")}
    page = (width, height) if width and height else None
    return page, {side: abs(twips) for side, twips in sides.items() if twips is not None}


def _theme_fonts(theme) -> dict[str, str]:
    """The theme's Latin fonts: minorHAnsi / majorHAnsi (and their Ascii twins) → typeface."""
    if theme is None:
        return {}
    found = {}
    for kind in ("minor", "major"):
        latin = theme.find(f".//{A}{kind}Font/{A}latin")
        if latin is not None and latin.get("typeface"):
            found[f"{kind}HAnsi"] = found[f"{kind}Ascii"] = latin.get("typeface")
    return found


def _styles(root, theme_fonts: dict[str, str]) -> dict[str, StyleLooks]:
    """Each role's looks: the document defaults, then its style's chain from the root down."""
    by_id = {s.get(f"{W}styleId"): s for s in root.findall(f"{W}style")}
    by_name = {
        (s.find(f"{W}name").get(f"{W}val") or "").lower(): s for s in by_id.values() if s.find(f"{W}name") is not None
    }
    defaults = root.find(f"{W}docDefaults")
    base = WORD_DEFAULTS
    if defaults is not None:
        pdefault, rdefault = defaults.find(f"{W}pPrDefault/{W}pPr"), defaults.find(f"{W}rPrDefault/{W}rPr")
        base = _said(pdefault, rdefault, theme_fonts).over(base)
    looks = {}
    for role, name in ROLES.items():
        style = by_name.get(name.lower())
        if style is None:
            continue
        result = base
        for link in reversed(_chain(style, by_id)):
            result = _said(link.find(f"{W}pPr"), link.find(f"{W}rPr"), theme_fonts).over(result)
        looks[role] = result
    return looks


def _chain(style, by_id: dict) -> list:
    """`style` and the styles it is based on, nearest first (a loop in the chain is cut)."""
    chain = [style]
    while (based := chain[-1].find(f"{W}basedOn")) is not None:
        parent = by_id.get(based.get(f"{W}val"))
        if parent is None or parent in chain:
            break
        chain.append(parent)
    return chain


def _said(ppr, rpr, theme_fonts: dict[str, str]) -> StyleLooks:
    """What one pPr / rPr pair says."""
    spacing = ppr.find(f"{W}spacing") if ppr is not None else None
    indent = ppr.find(f"{W}ind") if ppr is not None else None
    jc = ppr.find(f"{W}jc") if ppr is not None else None
    first_line = _int(indent, "firstLine")
    hanging = _int(indent, "hanging")
    rule = spacing.get(f"{W}lineRule") if spacing is not None else None
    size = _int(rpr.find(f"{W}sz"), "val") if rpr is not None else None
    return StyleLooks(
        font=_font(rpr.find(f"{W}rFonts") if rpr is not None else None, theme_fonts),
        size=size / 2 if size else None,
        bold=_flag(rpr, "b"),
        italic=_flag(rpr, "i"),
        align=jc.get(f"{W}val") if jc is not None else None,
        first_line=-hanging if hanging else first_line,
        before=_int(spacing, "before"),
        after=_int(spacing, "after"),
        line=_int(spacing, "line"),
        exact=None if spacing is None or spacing.get(f"{W}line") is None else rule in {"exact", "atLeast"},
    )


def _font(fonts, theme_fonts: dict[str, str]) -> str | None:
    if fonts is None:
        return None
    return fonts.get(f"{W}ascii") or theme_fonts.get(fonts.get(f"{W}asciiTheme") or "")


def _flag(rpr, name: str) -> bool | None:
    """A toggle property (w:b, w:i): on unless its val says off; None when absent."""
    element = rpr.find(f"{W}{name}") if rpr is not None else None
    if element is None:
        return None
    return element.get(f"{W}val", "true").lower() not in {"0", "false", "off"}
