"""Stage 4, render: the Word writer, one consumer of the document model.

The template (docxtpl) holds the ND30 frame and the styles; this module renders the frame in
the sandbox, then replaces the `{{ noi_dung }}` paragraph with the body built from the model
as OOXML (lxml), puts the appendices after the signature, each a landscape section of its own
(docx_sections), and appends true footnotes to word/footnotes.xml. Tables are docx_tables' work,
charts docx_charts'.
A document without a frame (the appendices alone) drops the template's frame instead.
"""

from __future__ import annotations

import dataclasses
import io
from functools import lru_cache
from itertools import count
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from lxml import etree

from baocao import limits
from baocao.document.model import (
    BULLET_MARKS,
    Appendix,
    Block,
    Chart,
    Document,
    Frame,
    Heading,
    Inline,
    Note,
    NoteRef,
    NumberedParagraph,
    Paragraph,
    Table,
    Text,
)
from baocao.errors import BaocaoError, Location, Problem
from baocao.writers.docx.charts import ChartParts
from baocao.writers.docx.frame import BODY_NAME, FrameTemplate, render_frame
from baocao.writers.docx.ooxml import XML_SPACE, el, paragraph, save_reproducible, text_run, tiny_paragraph
from baocao.writers.docx.sections import appendix_heading, close_section, make_appendix_section, text_width
from baocao.writers.docx.tables import table_elements

if TYPE_CHECKING:
    from baocao.compose.report import Composed
    from baocao.input.validate import Sources

FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
STYLE_NAMES = {
    "body": "Normal",
    "closing": "Normal",
    "subhead": "Normal",
    "bullet": "Gạch đầu dòng",
    "subbullet": "Dấu cộng",
    "note": "Footnote Text",
    "note_ref": "Footnote Reference",
    "cell": "Bảng",
    "table": "Table Grid",
}
REQUIRED_STYLES = tuple(dict.fromkeys([*STYLE_NAMES.values(), *(f"Heading {n}" for n in range(1, 6))]))
_EMPTY_FOOTNOTES = (
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr>'
    "<w:r><w:separator/></w:r></w:p></w:footnote>"
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote></w:footnotes>"
)


def template_bytes(path: Path) -> bytes:
    """The template's bytes, read again when the file changes (a clerk may edit it between builds)."""
    stat = path.stat()
    return _read_template(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=16)
def _read_template(path: Path, _mtime_ns: int, _size: int) -> bytes:
    return limits.docx_bytes(path)


def frame_names() -> tuple[str, ...]:
    """The names a template may use: the frame's fields and the body paragraph's."""
    return (*(f.name for f in dataclasses.fields(Frame)), BODY_NAME)


def missing_styles(names) -> list[str]:
    """The required styles not among `names` (Word matches built-in style names without regard to case)."""
    present = {name.lower() for name in names}
    return [name for name in REQUIRED_STYLES if name.lower() not in present]


class WordWriter:
    """The Word writer (see writers.registry): resolves and checks the report's template, then renders."""

    name = "docx"
    suffix = ".docx"

    def write(self, composed: Composed, sources: Sources, templates: Path | None = None) -> bytes:
        from baocao.writers.docx.templates import template_for  # template_check imports this module

        return write_docx(composed.document, template_for(sources, templates))


WRITER = WordWriter()


def write_docx(document: Document, template: Path) -> bytes:
    """Render `document` through the Word `template`; return the .docx bytes."""
    tpl = FrameTemplate(io.BytesIO(template_bytes(template)))
    marker = None if document.frame is None else render_frame(tpl, document.frame, template)
    if marker is None:
        tpl.init_docx()
        _drop_frame(tpl.docx.element.body)
    word = tpl.docx
    writer = _BodyWriter(_style_ids(word, template), _Notes(word), ChartParts(word))
    final = word.element.body.find(qn("w:sectPr"))
    if marker is not None:
        holder = _marker_paragraph(word, template, marker)
        for element in writer.elements(document.blocks, text_width(final)):
            holder.addprevious(element)
        _keep_with_next(holder.getprevious())  # the last body paragraph stays with Nơi nhận and the signature
        holder.getparent().remove(holder)
    if document.appendices:
        _add_appendices(word.element.body, document.appendices, writer)
    writer.notes.finish(word.element.body)
    return save_reproducible(word)


def _keep_with_next(p) -> None:
    """Keep paragraph `p` on the page of what follows it (w:keepNext right after w:pStyle, schema order)."""
    if p is not None and p.tag == qn("w:p") and p.find(qn("w:pPr")) is not None and p[0].find(qn("w:keepNext")) is None:
        p[0].insert(1 if p[0].find(qn("w:pStyle")) is not None else 0, el("w:keepNext"))


def _style_ids(word, template: Path) -> dict[str, str]:
    # Word matches built-in style names without regard to case ("footnote text" = "Footnote Text").
    by_name = {style.name.lower(): style.style_id for style in word.styles if style.name}
    missing = missing_styles(by_name)
    if missing:
        raise BaocaoError(
            Problem(
                Location(template),
                f"Mẫu Word thiếu kiểu (style): {', '.join(missing)}.",
                "Tạo lại mẫu từ mẫu có sẵn: baocao templates copy.",
            )
        )
    ids = {role: by_name[name.lower()] for role, name in STYLE_NAMES.items()}
    ids.update({f"h{n}": by_name[f"heading {n}"] for n in range(1, 6)})
    return ids


def _drop_frame(body) -> None:
    """Keep only the final w:sectPr (page setup and headers) of the template's body."""
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _add_appendices(body, appendices: list[Appendix], writer: _BodyWriter) -> None:
    """After the signature: close the portrait section, then one landscape section per appendix."""
    final = body.find(qn("w:sectPr"))
    last = final.getprevious()
    if last is not None:  # the body to close (there is none when the frame was dropped)
        if last.tag != qn("w:p"):  # a template whose body ends with a table
            last.addnext(tiny_paragraph(writer.styles["body"]))
            last = last.getnext()
        close_section(last, final)
    make_appendix_section(final)
    width = text_width(final)
    for i, appendix in enumerate(appendices):
        # Ends with a paragraph to hold the section's end: docx_tables follows every table with one.
        elements = [
            *appendix_heading(appendix, writer.styles["body"], width, writer),
            *writer.elements(appendix.blocks, width),
        ]
        if i < len(appendices) - 1:
            close_section(elements[-1], final)
        for element in elements:
            final.addprevious(element)


def _marker_paragraph(word, template: Path, marker: str):
    for p in word.element.body.iter(qn("w:p")):
        if marker in "".join(p.itertext()):
            return p
    raise BaocaoError(
        Problem(
            Location(template),
            "Mẫu Word không có đoạn {{ noi_dung }} (chỗ đặt thân báo cáo).",
            "Thêm một đoạn chỉ chứa {{ noi_dung }} vào mẫu.",
        )
    )


class _BodyWriter:
    """Turns model blocks into w:p and w:tbl elements."""

    def __init__(self, styles: dict[str, str], notes: _Notes, charts: ChartParts):
        self.styles = styles
        self.notes = notes
        self.charts = charts

    def elements(self, blocks: list[Block], width: int):
        """The elements of `blocks`; tables are `width` twips wide."""
        for block in blocks:
            if isinstance(block, Table):
                yield from table_elements(block, width, self)
            elif isinstance(block, Chart):
                yield from self.charts.elements(block, width, self)
            elif isinstance(block, Heading):
                yield self._heading(block)
            elif isinstance(block, NumberedParagraph):
                yield self._numbered(block)
            else:
                yield self._paragraph(block)

    def _heading(self, heading: Heading):
        p = paragraph(self.styles[f"h{heading.level}"])
        p.append(text_run(Text(heading.label if heading.kind == "phan" else heading.label + " ")))
        if heading.kind == "phan":
            p.append(el("w:r", el("w:br")))
        self.inlines(p, heading.inlines)
        return p

    def _numbered(self, block: NumberedParagraph):
        """'1. text' or 'a) Lead-in: text' in one body paragraph; the label printed as its lead-in."""
        p = paragraph(self.styles["body"])
        if block.label:
            p.append(text_run(Text(block.label + " ", bold=block.bold, italic=block.italic)))
        self.inlines(p, [*block.lead, *block.inlines])
        return p

    def _paragraph(self, block: Paragraph):
        p = paragraph(self.styles[block.role], *([el("w:keepNext")] if block.role == "subhead" else []))
        mark = BULLET_MARKS.get(block.role)
        if mark:
            p.append(text_run(Text(mark)))
        self.inlines(p, block.inlines)
        return p

    def inlines(self, p, inlines: list[Inline]) -> None:
        """Append the runs of `inlines` to paragraph `p` (footnote references included)."""
        for inline in inlines:
            if isinstance(inline, NoteRef):
                p.extend(self.notes.cite(inline.note, self))
            else:
                p.append(text_run(inline))

    def note_paragraphs(self, note: Note):
        for i, inlines in enumerate(note.paragraphs):
            p = paragraph(self.styles["note"])
            if i == 0:
                p.append(self.notes.run(self.styles["note_ref"], el("w:footnoteRef")))
                p.append(text_run(Text(" ")))
            self.inlines(p, inlines)
            yield p


class _Notes:
    """The footnotes part: appends notes after the template's own, cross-references repeats."""

    def __init__(self, word):
        self.part = _footnotes_part(word)
        self.root = etree.fromstring(self.part.blob)
        self.next_id = count(_largest_id(self.root.iter(qn("w:footnote"))) + 1)
        marks = [*word.element.body.iter(qn("w:bookmarkStart")), *self.root.iter(qn("w:bookmarkStart"))]
        self.bookmark_ids = count(_largest_id(marks) + 1)  # after the template's own: Word repairs a w:id used twice
        self.first: dict[int, tuple[str, str]] = {}  # id(note) → (footnote id, bookmark name)
        self.pending: list[tuple[Any, str]] = []  # cross-reference results waiting for numbers

    @staticmethod
    def run(style_id: str, *children):
        return el("w:r", el("w:rPr", el("w:rStyle", val=style_id)), *children)

    def cite(self, note: Note, writer: _BodyWriter) -> list:
        """The runs citing `note`: a footnote reference the first time, a NOTEREF field after."""
        style = writer.styles["note_ref"]
        if id(note) in self.first:
            return self._cross_reference(style, *self.first[id(note)])
        note_id = str(next(self.next_id))
        bookmark = f"_RefNote{note_id}"
        self.first[id(note)] = (note_id, bookmark)
        footnote = el("w:footnote", id=note_id)
        footnote.extend(writer.note_paragraphs(note))
        self.root.append(footnote)
        mark_id = str(next(self.bookmark_ids))
        return [
            el("w:bookmarkStart", id=mark_id, name=bookmark),
            self.run(style, el("w:footnoteReference", id=note_id)),
            el("w:bookmarkEnd", id=mark_id),
        ]

    def _cross_reference(self, style: str, note_id: str, bookmark: str) -> list:
        """NOTEREF field (\\f: footnote-reference format, \\h: link) showing the note's number."""
        instr = el("w:instrText")
        instr.text = f" NOTEREF {bookmark} \\f \\h "
        instr.set(XML_SPACE, "preserve")
        result = el("w:t")
        self.pending.append((result, note_id))
        return [
            self.run(style, el("w:fldChar", fldCharType="begin")),
            self.run(style, instr),
            self.run(style, el("w:fldChar", fldCharType="separate")),
            self.run(style, result),
            self.run(style, el("w:fldChar", fldCharType="end")),
        ]

    def finish(self, body) -> None:
        """Store the part; give each cross-reference the number Word will show (document order)."""
        numbers = {ref.get(qn("w:id")): str(n) for n, ref in enumerate(body.iter(qn("w:footnoteReference")), 1)}
        for result, note_id in self.pending:
            result.text = numbers[note_id]
        self.part._blob = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _largest_id(elements) -> int:
    """The largest w:id among `elements`, 0 when there is none (new ids follow it)."""
    return max((int(e.get(qn("w:id"))) for e in elements), default=0)


def _footnotes_part(word) -> Part:
    for rel in word.part.rels.values():
        if rel.reltype == RT.FOOTNOTES:
            return rel.target_part
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, _EMPTY_FOOTNOTES.encode(), word.part.package)
    word.part.relate_to(part, RT.FOOTNOTES)
    return part
