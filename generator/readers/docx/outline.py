"""The body of a report read back into the nested outline of the YAML (mo_dau, noi_dung, chu_thich).

A paragraph starting with a label ("Phần I", "I.", "1.", "1.1.", "a)", typed or Word's numbering) opens a
section. Its place in the tree comes from the labels' styles, not from indentation or styles: a label of a
style already open up the tree closes that section and opens a sibling; a new style opens a child (a style
ranked above the open one closes it first). What follows the label decides the form: a title in bold or
italic (or capitals, or a heading style) is a heading; a bold/italic lead-in then plain text a run-in
heading; plain text a numbered paragraph. An unlabelled short line all in bold is an unnumbered sub-head.
"- " and "+ " paragraphs are bullets. Typed footnotes are taken out first (`typed_notes`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from baocao.conventions import numbering
from baocao.conventions.styles import STYLE_NAMES
from baocao.conventions.table_words import TABLE_NOTE, UNIT_LINE_PATTERN
from baocao.conventions.words import norm
from baocao.document.model import Text
from baocao.input.model import BaoCao, Muc
from baocao.messages import common
from baocao.messages import readers as msg
from baocao.readers.docx.chart_figures import cite_figures
from baocao.readers.docx.charts import is_caption, read_chart
from baocao.readers.docx.content import Block, Cite, Inline, Para, Table, para_at
from baocao.readers.docx.figures import FigureBook
from baocao.readers.docx.labels import (
    DEFAULT_LADDER,
    KIND_NAMES,
    RANK,
    Node,
    count_styles,
    default_child,
    lead_style,
    place,
    read_label,
    strip_label,
    unstyled,
)
from baocao.readers.docx.prose import Prose
from baocao.readers.docx.summary import Summary
from baocao.readers.docx.tables import read_table
from baocao.readers.docx.text import escape, lstrip_inlines, markup, plain
from baocao.readers.docx.typed_notes import take_typed_notes

_BULLET = re.compile(r"^\s*([-–+•])\s+")
_TABLE_NOTE_STYLES = (STYLE_NAMES["cell"].lower(), "bang")  # the table text style (also typed without diacritics)
MAX_TITLE = 200
MAX_INLINE_NOTE = 300
MAX_DEPTH = 4  # heading levels below a Phần (I., 1., 1.1., a))


@dataclass
class Body:
    """What the body holds, in the report's keys."""

    mo_dau: list[Any]
    noi_dung: list[Any]
    chu_thich: dict[str, Any]
    keys: dict[str, Any]  # co_phan, kieu_phan, kieu_muc…


def constructs() -> set[str]:
    """The outline keys this version's model accepts (issue 11's forms when they are there)."""
    return set(Muc.model_fields) | set(BaoCao.model_fields)


class OutlineReader:
    """Reads body blocks into the outline; footnotes are named or written in place as they are cited."""

    def __init__(self, notes: dict[str, list[Para]], summary: Summary, book: FigureBook | None = None):
        self.notes = dict(notes)
        self.summary = summary
        self.book = book  # --so-lieu: the figures made from the sentences (and table rows)
        self.prose = Prose(book) if book is not None else None
        self.keys = constructs()
        self.chu_thich: dict[str, Any] = {}
        self.cited: dict[str, str] = {}  # note id → what a citation writes
        self.counts: dict[str, int] = {}
        self.parts_in_words: bool | None = None
        self.chart_parts: dict[str, bytes] = {}  # relationship id → chart part (api.py fills it)

    # ---- notes ------------------------------------------------------------------

    def cite(self, cite: Cite) -> str:
        if cite.note in self.cited:
            return self.cited[cite.note]
        self.summary.footnotes += 1
        paragraphs = [
            self.sentence(
                markup(_strip_lead(p.inlines), self.cite_in_note, in_note=True),
                common.note_place(str(self.summary.footnotes)),
            )
            for p in self.notes.get(cite.note, [])
        ]
        paragraphs = [p for p in paragraphs if p]
        if not paragraphs:
            self.summary.doubt("", msg.empty_note(self.summary.footnotes))
            self.cited[cite.note] = ""
            return ""
        once = self.counts.get(cite.note, 0) <= 1
        if (
            once
            and len(paragraphs) == 1
            and len(paragraphs[0]) <= MAX_INLINE_NOTE
            and not re.fullmatch(r"[a-z0-9_]+", paragraphs[0])
        ):
            return f"[^{paragraphs[0]}]"
        name = f"ct_{len(self.chu_thich) + 1}"
        if len(paragraphs) > 1 and not _accepts_list():
            self.summary.doubt("", msg.note_joined(name, len(paragraphs)))
        self.chu_thich[name] = paragraphs if len(paragraphs) > 1 and _accepts_list() else " ".join(paragraphs)
        self.cited[cite.note] = f"[^{name}]"
        return self.cited[cite.note]

    def cite_in_note(self, _cite: Cite) -> str:
        return ""

    def sentence(self, text: str, place: str) -> str:
        """A sentence as the YAML holds it; with --so-lieu its figures cited (`prose`)."""
        return self.prose(text, place) if self.prose is not None else text

    def count_citations(self, blocks: list[Block]) -> None:
        for inline in (i for p in _all_paras(blocks) for i in p.inlines):
            if isinstance(inline, Cite):
                self.counts[inline.note] = self.counts.get(inline.note, 0) + 1

    # ---- outline ------------------------------------------------------------------

    def read(self, blocks: list[Block]) -> Body:
        blocks = take_typed_notes(blocks, self.notes, self.summary)
        self.count_citations(blocks)
        root = Node("", 0, "", {}, depth=-1)
        stack = [root]
        mo_dau: list[Any] = []
        opened = False
        i = 0
        while i < len(blocks):
            block = blocks[i]
            if isinstance(block, Table) or self._caption_of_table(blocks, i):
                i, item = self.table(blocks, i)
                (stack[-1].children if opened else mo_dau).append(item)
                continue
            assert isinstance(block, Para)
            i += 1
            if block.charts:
                i = self.chart_blocks(block, blocks, i, stack[-1].children if opened else mo_dau)
            if not block.plain:
                continue
            section = self._section(block, blocks, i)
            if section is not None:
                node, i = section
                place(stack, node)
                opened = True
                continue
            target = stack[-1].children if opened else mo_dau
            self._paragraph(block, target)
        self._check_numbers(root)
        keys = self._ladder(root)
        return Body(mo_dau, [self._item(c) for c in root.children], self.chu_thich, keys)

    def _paragraph(self, para: Para, target: list[Any]) -> None:
        bullet = _BULLET.match(para.plain) if not para.auto_label else None
        level = 0
        if para.auto_label in ("-", "+") or bullet:
            mark = para.auto_label or bullet.group(1)  # type: ignore[union-attr]
            level = 2 if mark == "+" else 1
        text = self.sentence(
            markup(strip_label(para.inlines, bullet.group(1) if bullet else ""), self.cite), para.place
        )
        if not text:
            return
        if not level:
            self.summary.paragraphs += 1
            target.append(text)
            return
        self.summary.bullets += 1
        if not (target and isinstance(target[-1], list)):
            target.append([])
        group = target[-1]
        if level == 2:
            if not (group and isinstance(group[-1], list)):
                group.append([])
            group = group[-1]
        group.append(text)

    def _section(self, para: Para, blocks: list[Block], i: int) -> tuple[Node, int] | None:
        typed = read_label(para)
        if typed is None:
            return self._subhead(para, i)
        kind, number, label_text = typed
        rest = para.inlines if para.auto_label else strip_label(para.inlines, label_text)
        rest = lstrip_inlines(rest, ".:-– \n")
        visible = [t for t in rest if isinstance(t, Text) and t.text.strip()]
        if kind == "phan":
            self.parts_in_words = self.parts_in_words or numbering.ORDINAL in label_text.lower()
            title = para_at(blocks, i)
            if not visible and title is not None and title.plain and read_label(title) is None:
                rest, i = title.inlines, i + 1
                visible = [t for t in rest if isinstance(t, Text) and t.text.strip()]
        data = self._form(para, kind, rest, visible)
        if data is None:
            return None
        return Node(kind, number, para.place, data), i

    def _form(self, para: Para, kind: str, rest: list[Inline], visible: list[Text]) -> dict[str, Any] | None:
        """tieu_de (heading), tieu_de + doan (run-in), or doan (numbered paragraph)."""

        def title(inlines):
            return self.sentence(markup([unstyled(t) for t in inlines], self.cite), para.place)

        text = plain(rest)
        formatted = [t.bold or t.italic for t in visible]
        if para.heading_level or kind == "phan" or (visible and all(formatted)) or (text.isupper() and kind == "la_ma"):
            return {"tieu_de": title(rest)}
        lead = 0
        while lead < len(visible) and formatted[lead]:
            lead += 1
        first = next((t for t in para.inlines if isinstance(t, Text) and t.text.strip()), None)
        if not lead and first is not None and first.bold and "doan" in self.keys:
            self.summary.paragraphs += 1  # only the label in bold ('**1.** Tiếp tục…'): a numbered paragraph
            return {"doan": self.sentence(markup(rest, self.cite), para.place)}
        if lead and "doan" in self.keys:
            split = rest.index(visible[lead])
            self.summary.paragraphs += 1
            return {
                "tieu_de": title(rest[:split]).rstrip(),
                "doan": self.sentence(markup(rest[split:], self.cite), para.place),
                **lead_style(visible[:lead]),
            }
        if len(text) <= MAX_TITLE and not text.endswith((".", ";", ",")) and not lead:
            self.summary.doubt(
                para.place,
                msg.title_not_bold(text[:40]),
            )
            return {"tieu_de": title(rest)}
        if "doan" in self.keys:
            self.summary.paragraphs += 1
            return {"doan": self.sentence(markup(rest, self.cite), para.place)}
        self.summary.doubt(
            para.place,
            msg.NUMBERED_PARAGRAPH_KEPT,
        )
        return None

    def _subhead(self, para: Para, i: int) -> tuple[Node, int] | None:
        visible = [t for t in para.inlines if isinstance(t, Text) and t.text.strip()]
        text = para.plain
        if (
            "danh_so" not in self.keys
            or not visible
            or not all(t.bold for t in visible)
            or _BULLET.match(text)
            or len(text) > MAX_TITLE
            or text.endswith((".", ";", ","))
            or para.align == "center"
        ):
            return None
        data = {
            "tieu_de": self.sentence(markup([unstyled(t) for t in para.inlines], self.cite), para.place),
            "danh_so": False,
        }
        return Node("khong_so", 0, para.place, data), i

    def chart_blocks(self, para: Para, blocks: list[Block], i: int, target: list[Any]) -> int:
        """The charts drawn in `para` as bieu_do blocks (the caption after them read as their title)."""
        for rid in para.charts:
            caption = para_at(blocks, i) if is_caption(para_at(blocks, i)) else None
            chart = read_chart(self.chart_parts[rid], caption) if rid in self.chart_parts else None
            if chart is None:
                self.summary.doubt(para.place, msg.UNREAD_CHART)
                continue
            i += caption is not None
            self.summary.charts += 1
            if self.book is not None:
                chart = cite_figures(chart, self.book) or chart
            target.append({"bieu_do": chart})
        return i

    def _caption_of_table(self, blocks: list[Block], i: int) -> bool:
        """A short bold paragraph (or the 'Đơn vị tính' line) right before a table."""
        block = blocks[i]
        if not isinstance(block, Para) or not block.plain or read_label(block) is not None:
            return False
        j = i + 1
        if UNIT_LINE_PATTERN.match(block.plain):
            return j < len(blocks) and isinstance(blocks[j], Table)
        visible = [t for t in block.inlines if isinstance(t, Text) and t.text.strip()]
        if not visible or not all(t.bold for t in visible) or len(block.plain) > MAX_TITLE:
            return False
        if j < len(blocks) and isinstance(blocks[j], Para) and UNIT_LINE_PATTERN.match(blocks[j].plain):  # type: ignore[union-attr]
            j += 1
        return j < len(blocks) and isinstance(blocks[j], Table)

    def table(self, blocks: list[Block], i: int) -> tuple[int, dict[str, Any]]:
        bang: dict[str, Any] = {}
        while isinstance(blocks[i], Para):
            para = blocks[i]
            unit = UNIT_LINE_PATTERN.match(para.plain)  # type: ignore[union-attr]
            if unit:
                bang["don_vi_tinh"] = norm(unit.group(1))
            elif para.plain:  # type: ignore[union-attr]
                bang["tieu_de"] = markup([unstyled(t) for t in para.inlines], self.cite)  # type: ignore[union-attr]
            i += 1
        table = blocks[i]
        assert isinstance(table, Table)
        self.summary.tables += 1
        bang |= read_table(
            table, self.summary, lambda p: markup(p.inlines, self.cite), self.book, bang.get("don_vi_tinh", "")
        )
        i += 1
        notes = []
        while i < len(blocks) and isinstance(blocks[i], Para):
            para = blocks[i]
            if para.plain and (TABLE_NOTE.match(para.plain) or para.style in _TABLE_NOTE_STYLES):  # type: ignore[union-attr]
                notes.append(markup(para.inlines, self.cite))  # type: ignore[union-attr]
            elif para.plain or notes or para.charts:  # type: ignore[union-attr]
                break
            i += 1
        if notes:
            bang["ghi_chu"] = notes
        return i, {"bang": bang}

    # ---- numbers and label styles ---------------------------------------------------------

    def _check_numbers(self, node: Node) -> None:
        expected = 0
        for child in node.children:
            if not isinstance(child, Node):
                continue
            child.depth = node.depth + (0 if child.kind == "khong_so" else 1)
            self.summary.sections[KIND_NAMES[child.kind]] += 1
            if child.kind != "khong_so":
                expected += 1
                if child.number and child.number != expected:
                    self.summary.doubt(
                        child.place,
                        msg.renumbered(child.number, expected),
                    )
            self._check_numbers(child)

    def _ladder(self, root: Node) -> dict[str, Any]:
        keys: dict[str, Any] = {}
        top = [c for c in root.children if isinstance(c, Node)]
        if any(c.kind == "phan" for c in top):
            keys["co_phan"] = True
            if self.parts_in_words:
                keys["kieu_phan"] = "chu"
        by_depth: dict[int, dict[str, int]] = {}
        count_styles(root, by_depth, 0 if keys.get("co_phan") else 1)
        ladder = [max(styles, key=lambda k: styles[k]) for _, styles in sorted(by_depth.items())]
        if ladder and ladder != DEFAULT_LADDER[: len(ladder)]:
            if "kieu_muc" in self.keys:
                keys["kieu_muc"] = ladder + [k for k in DEFAULT_LADDER if RANK[k] > RANK[ladder[-1]]]
            else:
                self.summary.doubt(
                    "",
                    msg.other_ladder(", ".join(KIND_NAMES[k] for k in ladder)),
                )
        return keys

    def _item(self, node: Node) -> dict[str, Any]:
        data = dict(node.data)
        children = [self._item(c) if isinstance(c, Node) else c for c in node.children]
        if children:
            data["noi_dung"] = children
        kinds = {c.kind for c in node.children if isinstance(c, Node) and c.kind != "khong_so"}
        if len(kinds) == 1 and "kieu_muc_con" in self.keys and node.kind not in ("phan", "khong_so"):
            (kind,) = kinds
            if kind != default_child(node.kind):
                data["kieu_muc_con"] = kind
        return data


def _strip_lead(inlines: list[Inline]) -> list[Inline]:
    return lstrip_inlines([i for i in inlines if not isinstance(i, Cite)], " \t")


def _all_paras(blocks: list[Block]):
    for block in blocks:
        if isinstance(block, Para):
            yield block
        else:
            yield from (p for row in block.rows for cell in row for p in cell.paragraphs)


def _accepts_list() -> bool:
    return "list" in str(BaoCao.model_fields["chu_thich"].annotation)


__all__ = ["Body", "OutlineReader", "escape"]
