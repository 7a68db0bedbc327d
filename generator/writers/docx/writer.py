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
import re
import secrets
from functools import lru_cache
from itertools import count
from pathlib import Path
from typing import TYPE_CHECKING

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import nsmap, qn
from lxml import etree

from baocao import limits
from baocao.conventions.styles import HEADING_STYLES, STYLE_NAMES
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
from baocao.messages import writers as msg
from baocao.writers.docx import fragments
from baocao.writers.docx.charts import ChartParts
from baocao.writers.docx.fragments import attribute, paragraph, tag, text_run
from baocao.writers.docx.frame import BODY_NAME, FrameTemplate, render_frame, template_document
from baocao.writers.docx.ooxml import el, save_reproducible, tiny_paragraph
from baocao.writers.docx.sections import appendix_heading, close_section, make_appendix_section, text_width
from baocao.writers.docx.splice import Splice, end_section, keep_last, part_bytes, section_text
from baocao.writers.docx.tables import table_xml

if TYPE_CHECKING:
    from baocao.compose.report import Composed
    from baocao.input.validate import Sources, Unvalidated

FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
REQUIRED_STYLES = tuple(dict.fromkeys([*STYLE_NAMES.values(), *HEADING_STYLES]))
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

    def early_problems(self, inputs: Sources | Unvalidated, templates: Path | None = None) -> list[Problem]:
        from baocao.writers.docx.templates import early_template_problems

        return early_template_problems(inputs, templates)


WRITER = WordWriter()


def write_docx(document: Document, template: Path) -> bytes:
    """Render `document` through the Word `template`; return the .docx bytes."""
    tpl = FrameTemplate(template_bytes(template))
    marker = None if document.frame is None else render_frame(tpl, document.frame, template)
    if marker is None:
        tpl.init_docx()
        _drop_frame(tpl.docx.element.body)
    word = tpl.docx
    writer = _BodyWriter(_style_ids(tpl.data, template), _Notes(word), ChartParts(word))
    final = word.element.body.find(qn("w:sectPr"))
    splice, body_xml = Splice(), ""
    closes_body = final.getprevious()  # what the portrait section ends with, before appendices
    if marker is not None:
        holder = _marker_paragraph(word, template, marker)
        body_xml = writer.blocks(document.blocks, text_width(final))
        if body_xml:  # its last paragraph stays with Nơi nhận and the signature
            body_xml = keep_last(body_xml)
        else:
            _keep_with_next(holder.getprevious())
        if closes_body is holder:
            closes_body = None if body_xml else holder.getprevious()
    if document.appendices:
        body_xml = _close_body(closes_body, body_xml, final, writer)
    if marker is not None:
        splice.put(holder, body_xml)
        holder.getparent().remove(holder)
    if document.appendices:
        _add_appendices(final, document.appendices, writer, splice)
    text = writer.notes.finish(splice.text(word.element))
    return save_reproducible(word, {word.part.partname: part_bytes(text)})


def _keep_with_next(p) -> None:
    """Keep paragraph `p` on the page of what follows it (w:keepNext right after w:pStyle, schema order)."""
    if p is not None and p.tag == qn("w:p") and p.find(qn("w:pPr")) is not None and p[0].find(qn("w:keepNext")) is None:
        p[0].insert(1 if p[0].find(qn("w:pStyle")) is not None else 0, el("w:keepNext"))


def _style_ids(data: bytes, template: Path) -> dict[str, str]:
    """The style id of each role (STYLE_NAMES) and heading level in the template `data`; a located error
    naming the styles it lacks."""
    by_name = _ids_by_name(data)
    missing = missing_styles(by_name)
    if missing:
        raise BaocaoError(
            Problem(
                Location(template),
                msg.template_missing_styles(", ".join(missing)),
                msg.REMAKE_TEMPLATE_HINT,
            )
        )
    ids = {role: by_name[name.lower()] for role, name in STYLE_NAMES.items()}
    ids.update({f"h{n}": by_name[f"heading {n}"] for n in range(1, 6)})
    return ids


@lru_cache(maxsize=16)
def _ids_by_name(data: bytes) -> dict[str, str]:
    """Style ids by lower-case style name (Word matches built-in names in any case: "footnote text" =
    "Footnote Text"), of a template's styles: read once per process (rendering the frame changes none)."""
    return {style.name.lower(): style.style_id for style in template_document(data).styles if style.name}


def _drop_frame(body) -> None:
    """Keep only the final w:sectPr (page setup and headers) of the template's body."""
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _close_body(last, body_xml: str, final, writer: _BodyWriter) -> str:
    """Close the portrait section before the appendices: at the frame's `last` element, or else (the template
    ends with `{{ noi_dung }}`) at the body's last paragraph; return the body's XML."""
    if last is not None:
        if last.tag != qn("w:p"):  # a template whose body ends with a table
            last.addnext(tiny_paragraph(writer.styles["body"]))
            last = last.getnext()
        close_section(last, final)
    elif body_xml:
        body_xml = end_section(body_xml, section_text(final))
    return body_xml


def _add_appendices(final, appendices: list[Appendix], writer: _BodyWriter, splice: Splice) -> None:
    """After the signature, one landscape section per appendix (`final` becomes the last one's)."""
    make_appendix_section(final)
    width, landscape = text_width(final), section_text(final)
    for i, appendix in enumerate(appendices):
        xml = appendix_heading(appendix, writer.styles["body"], width, writer) + writer.blocks(appendix.blocks, width)
        # each ends with a paragraph to hold its section's end (tables.py follows every table with one)
        splice.put(final, end_section(xml, landscape) if i < len(appendices) - 1 else xml)


_HOLDING = etree.XPath("(.//w:p[contains(string(.), $marker)])[1]", namespaces={"w": nsmap["w"]})


def _marker_paragraph(word, template: Path, marker: str):
    """The first paragraph whose text holds `marker` (its runs may split it)."""
    for p in _HOLDING(word.element.body, marker=marker):
        return p
    raise BaocaoError(
        Problem(
            Location(template),
            msg.NO_BODY_IN_TEMPLATE,
            msg.NO_BODY_IN_TEMPLATE_HINT,
        )
    )


class _BodyWriter:
    """Turns model blocks into w:p and w:tbl elements: their XML written as text, then parsed at once
    (fragments.py)."""

    def __init__(self, styles: dict[str, str], notes: _Notes, charts: ChartParts):
        self.styles = styles
        self.notes = notes
        self.charts = charts

    def blocks(self, blocks: list[Block], width: int) -> str:
        """The XML of `blocks`; tables are `width` twips wide."""
        out = []
        for block in blocks:
            if isinstance(block, Table):
                out.append(table_xml(block, width, self))
            elif isinstance(block, Chart):
                out.append(self.charts.xml(block, width, self))
            elif isinstance(block, Heading):
                out.append(self._heading(block))
            elif isinstance(block, NumberedParagraph):
                out.append(self._numbered(block))
            else:
                out.append(self._paragraph(block))
        return "".join(out)

    def _heading(self, heading: Heading) -> str:
        label = text_run(Text(heading.label if heading.kind == "phan" else heading.label + " "))
        if heading.kind == "phan":
            label += "<w:r><w:br/></w:r>"
        return paragraph(self.styles[f"h{heading.level}"], runs=label + self.runs(heading.inlines))

    def _numbered(self, block: NumberedParagraph) -> str:
        """'1. text' or 'a) Lead-in: text' in one body paragraph; the label printed as its lead-in."""
        label = text_run(Text(block.label + " ", bold=block.bold, italic=block.italic)) if block.label else ""
        return paragraph(self.styles["body"], runs=label + self.runs([*block.lead, *block.inlines]))

    def _paragraph(self, block: Paragraph) -> str:
        mark = BULLET_MARKS.get(block.role)
        runs = (text_run(Text(mark)) if mark else "") + self.runs(block.inlines)
        return paragraph(self.styles[block.role], *(["<w:keepNext/>"] if block.role == "subhead" else []), runs=runs)

    def runs(self, inlines: list[Inline]) -> str:
        """The runs of `inlines` (footnote references included)."""
        return "".join(
            self.notes.cite(inline.note, self) if isinstance(inline, NoteRef) else text_run(inline)
            for inline in inlines
        )

    def note_paragraphs(self, note: Note) -> str:
        out = []
        for i, inlines in enumerate(note.paragraphs):
            lead = self.notes.run(self.styles["note_ref"], "<w:footnoteRef/>") + text_run(Text(" ")) if i == 0 else ""
            out.append(paragraph(self.styles["note"], runs=lead + self.runs(inlines)))
        return "".join(out)


class _Notes:
    """The footnotes part: appends notes after the template's own, cross-references repeats."""

    def __init__(self, word):
        self.part = _footnotes_part(word)
        self.root = etree.fromstring(self.part.blob)
        self.next_id = count(_largest_id(self.root.iter(qn("w:footnote"))) + 1)
        marks = [*word.element.body.iter(qn("w:bookmarkStart")), *self.root.iter(qn("w:bookmarkStart"))]
        self.bookmark_ids = count(_largest_id(marks) + 1)  # after the template's own: Word repairs a w:id used twice
        self.first: dict[int, tuple[str, str]] = {}  # id(note) → (footnote id, bookmark name)
        self.footnotes: list[str] = []  # the XML of the notes made, in order
        self.token = secrets.token_hex(8)  # holds a cross-reference's place until the numbers are known
        self.crossed = False

    @staticmethod
    def run(style_id: str, *children: str) -> str:
        return f'<w:r><w:rPr><w:rStyle w:val="{attribute(style_id)}"/></w:rPr>{"".join(children)}</w:r>'

    def cite(self, note: Note, writer: _BodyWriter) -> str:
        """The runs citing `note`: a footnote reference the first time, a NOTEREF field after."""
        style = writer.styles["note_ref"]
        if id(note) in self.first:
            self.crossed = True
            return self._cross_reference(style, *self.first[id(note)])
        note_id = str(next(self.next_id))
        bookmark = f"_RefNote{note_id}"
        self.first[id(note)] = (note_id, bookmark)
        self.footnotes.append(f'<w:footnote w:id="{note_id}">{writer.note_paragraphs(note)}</w:footnote>')
        mark_id = str(next(self.bookmark_ids))
        return (
            tag("w:bookmarkStart", id=mark_id, name=bookmark)
            + self.run(style, tag("w:footnoteReference", id=note_id))
            + tag("w:bookmarkEnd", id=mark_id)
        )

    def _cross_reference(self, style: str, note_id: str, bookmark: str) -> str:
        """NOTEREF field (\\f: footnote-reference format, \\h: link) showing the note's number (finish)."""
        return (
            self.run(style, tag("w:fldChar", fldCharType="begin"))
            + self.run(style, f'<w:instrText xml:space="preserve"> NOTEREF {bookmark} \\f \\h </w:instrText>')
            + self.run(style, tag("w:fldChar", fldCharType="separate"))
            + self.run(style, f"<w:t>{self.token}:{note_id}</w:t>")
            + self.run(style, tag("w:fldChar", fldCharType="end"))
        )

    def finish(self, document: str) -> str:
        """Store the part; the document's text with each cross-reference showing the number Word will show
        (the order of the footnote references in the document)."""
        self.root.extend(fragments.parse("".join(self.footnotes)))
        self.part._blob = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)
        if not self.crossed:
            return document
        numbers = {note_id: str(n) for n, note_id in enumerate(_REFERENCE.findall(document), 1)}
        return re.sub(f"{self.token}:(\\d+)", lambda m: numbers[m[1]], document)


_REFERENCE = re.compile(r'<w:footnoteReference [^>]*?w:id="(\d+)"')


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
