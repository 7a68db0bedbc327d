"""Word's formatting as it resolves it: style chains (basedOn), the properties a run inherits, theme fonts,
table borders; the small helpers to find elements and attributes and the parts a part relates to."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from baocao import limits
from baocao.messages import nd30 as msg

if TYPE_CHECKING:
    from baocao.nd30.reader import Run

TBL = qn("w:tbl")
TNR = "Times New Roman"
_OFF = {"0", "false", "off", "none"}
_BORDER_EDGES = ("top", "left", "bottom", "right", "insideH", "insideV")
_BORDER_SYNONYMS = {"left": "start", "right": "end"}


def related_parts(part, reltype: str) -> list:
    """The parts `part` relates to with `reltype`, in part-name order."""
    related = (rel.target_part for rel in part.rels.values() if rel.reltype == reltype and not rel.is_external)
    return sorted(related, key=lambda target: target.partname)


def related_xml(part, reltype: str):
    """The parsed XML of the first part `part` relates to with `reltype` (limits.part_xml's), or None."""
    return next((limits.part_xml(target) for target in related_parts(part, reltype)), None)


def _theme_fonts(theme) -> dict[str, str]:
    """'major'/'minor' -> the theme's Latin typeface."""
    fonts = {}
    for kind in ("major", "minor") if theme is not None else ():
        latin = theme.find(f".//{qn(f'a:{kind}Font')}/{qn('a:latin')}")
        if latin is not None:
            fonts[kind] = latin.get("typeface", "")
    return fonts


@cache
def _steps(path: str) -> tuple[str, ...]:
    """qn of each step of a "w:a/w:b" path (remembered: the readers ask for the same few paths millions of times)."""
    return tuple(qn(step) for step in path.split("/"))


def find(element, path: str):
    """The first element down a "w:a/w:b" path (as element.find, twice as fast); None when element is None."""
    for tag in _steps(path):
        if element is None:
            return None
        element = next(element.iterchildren(tag), None)
    return element


def attr(element, name: str = "val") -> str | None:
    """A w: attribute of element; None when element is None."""
    return None if element is None else element.get(qn(f"w:{name}"))


def _val(element, path: str) -> str | None:
    return attr(find(element, path))


def on(element) -> bool:
    """A toggle property (w:b, w:i...): present and not switched off."""
    return element is not None and element.get(qn("w:val"), "true").lower() not in _OFF


def to_int(value: str | None, default: int) -> int:
    """An integer attribute's value (Word sometimes writes "1440.0"); `default` when absent or unreadable."""
    try:
        return int(float(value)) if value is not None else default
    except ValueError:
        return default


class Styles:
    """Style lookup and Word's property inheritance."""

    def __init__(self, root, theme_fonts: dict[str, str]):
        self.by_id = {s.get(qn("w:styleId")): s for s in root.iter(qn("w:style"))}
        self.defaults = find(root, "w:docDefaults/w:rPrDefault/w:rPr")
        self.theme_fonts = theme_fonts
        self.default_ids = {
            s.get(qn("w:type")): s.get(qn("w:styleId"))
            for s in self.by_id.values()
            if s.get(qn("w:default")) in ("1", "true", "on")
        }
        self._chains: dict[str | None, list] = {}
        self._paragraphs: dict[object, list] = {}  # w:p → its chain

    @classmethod
    def of(cls, document: WordDocument) -> Styles:
        return cls(document.styles.element, _theme_fonts(related_xml(document.part, RT.THEME)))

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
        """The paragraph's style chain (remembered: asked for each of its runs, and reading w:pPr goes through all
        its children)."""
        if p not in self._paragraphs:
            self._paragraphs[p] = self.chain(self._known(_val(p, "w:pPr/w:pStyle"), "paragraph"))
        return self._paragraphs[p]

    def table_chain(self, tbl) -> list:
        return self.chain(self._known(_val(tbl, "w:tblPr/w:tblStyle"), "table"))

    def _known(self, style_id: str | None, kind: str) -> str | None:
        """The style id, or the default style of its kind when it names no style (as Word does)."""
        return style_id if style_id in self.by_id else self.default_ids.get(kind)

    def run_properties(self, run, p) -> tuple:
        """The rPr elements that can set a property of `run`, strongest first."""
        sources = [run] + self.chain(_val(run, "w:rPr/w:rStyle")) + self.paragraph_chain(p)
        tbl = next(run.iterancestors(TBL), None)
        if tbl is not None:
            sources += self.table_chain(tbl)
        found = [find(source, "w:rPr") for source in sources] + [self.defaults]
        return tuple(rpr for rpr in found if rpr is not None)

    def is_heading_style(self, p) -> bool:
        chain = self.paragraph_chain(p)
        return bool(chain) and (_val(chain[0], "w:name") or "").lower().startswith("heading")

    def font(self, run: Run, slot: str) -> str:
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
        return TNR if name.casefold() == TNR.casefold() else msg.theme_font(name or theme)

    def has_visible_border(self, tbl) -> bool:
        """Whether any cell edge of the table shows a border (cell borders over table and style borders)."""
        sources = [find(tbl, "w:tblPr/w:tblBorders")] + [find(s, "w:tblPr/w:tblBorders") for s in self.table_chain(tbl)]
        edges = {
            edge: next((b for b in (_border(src, edge) for src in sources) if b is not None), None)
            for edge in _BORDER_EDGES
        }
        rows = tbl.findall(qn("w:tr"))
        for r, row in enumerate(rows):
            cells = row.findall(qn("w:tc"))
            for c, cell in enumerate(cells):
                own = find(cell, "w:tcPr/w:tcBorders")
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
    return (
        border is not None
        and border.get(qn("w:val")) not in ("nil", "none", "0")
        and border.get(qn("w:sz")) != "0"
        and (border.get(qn("w:color")) or "").upper() != "FFFFFF"
    )
