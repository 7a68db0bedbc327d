"""`baocao check --ghi-chu`: a copy of a .docx with one Word comment (the comments part, with its range
marks and reference) at each finding, in Vietnamese, for a reviewer.

A comment sits on the runs of the paragraph the finding names; a footnote's finding on the footnote's
mark in the text (Word keeps comments in the main text); a section's, a table's or the whole document's on
the first paragraph with text of that section or table (or of the document).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from docx.document import Document as WordDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run as RunProxy
from lxml import etree

from baocao.messages import common
from baocao.messages import nd30 as msg
from baocao.nd30 import check_document
from baocao.nd30.edit import save_copy
from baocao.nd30.findings import ERROR, Finding
from baocao.nd30.reader import TBL, Docx, Para, open_document

AUTHOR, INITIALS = "baocao", "BC"


def comment_text(finding: Finding) -> str:
    """What a comment says: severity, code and message, what to do, the rule cited."""
    label = common.ERRORS if finding.severity == ERROR else common.WARNINGS
    lines = [msg.comment(label, finding.code, finding.message)]
    lines += [msg.how_to_fix(finding.hint)] if finding.hint else []
    lines += [msg.rule_cited(finding.rule)] if finding.rule else []
    return "\n".join(lines)


class _Anchors:
    """Where each finding's comment goes: the w:p it is attached to."""

    def __init__(self, doc: Docx):
        self.doc = doc
        self.by_where: dict[str, Para] = {}
        for para in doc.paragraphs:
            self.by_where.setdefault(para.where, para)
        self.with_text = [p for p in doc.text_paragraphs if p.text.strip()]
        self.note_marks = {ref.get(qn("w:id")): ref for ref in doc.body.iter(qn("w:footnoteReference"))}

    def paragraph(self, where: str) -> etree._Element | None:
        """The w:p of the body a comment at `where` goes on (None for an empty document)."""
        para = self.by_where.get(where)
        if para is not None and para.area == "note":
            note = next(para.element.iterancestors(qn("w:footnote")))
            mark = self.note_marks.get(note.get(qn("w:id")))
            return None if mark is None else next(mark.iterancestors(qn("w:p")))
        if para is not None:
            return para.element
        table = next((t for t, n in self.doc.tables.items() if where == common.table_place(n)), None)
        if table is not None:
            return next((p.element for p in self.with_text if table in p.element.iterancestors(TBL)), None)
        sections = range(1, len(self.doc.sections()) + 1)
        section = next((number for number in sections if where == msg.section_place(number)), None)
        if section is not None:
            return self._section_start(section)
        first = self.with_text[0] if self.with_text else None
        return None if first is None else (self.with_text[-1] if where == msg.END_OF_DOCUMENT else first).element

    def _section_start(self, number: int) -> etree._Element | None:
        """The first paragraph with text of section `number` (sections end at their sectPr's paragraph)."""
        ends = [s.getparent().getparent() for s in self.doc.sections()[: number - 1]]
        body_order = list(self.doc.body.iter(qn("w:p")))
        start = body_order.index(ends[-1]) + 1 if ends and ends[-1].tag == qn("w:p") else 0
        after = set(body_order[start:])
        return next((p.element for p in self.with_text if p.element in after), None)


def _runs(document: WordDocument, p: etree._Element) -> list[RunProxy]:
    """The runs of a paragraph to hang a comment on (an empty run is added to a paragraph without any)."""
    paragraph = Paragraph(p, document._body)
    runs = [RunProxy(r, paragraph) for r in p.iterchildren(qn("w:r"))]
    return runs or [paragraph.add_run("")]


_COMMENT_STYLES = {  # Word's own comment styles, as python-docx's comments cite them
    "CommentText": (
        '<w:style {ns} w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/>'
        '{based_on}<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:sz w:val="20"/></w:rPr></w:style>'
    ),
    "CommentReference": (
        '<w:style {ns} w:type="character" w:styleId="CommentReference"><w:name w:val="annotation '
        'reference"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:sz '
        'w:val="16"/></w:rPr></w:style>'
    ),
}


def _comment_styles(document: WordDocument, doc: Docx) -> None:
    """Add the comment styles the document lacks."""
    normal = doc.styles.default_ids.get("paragraph")
    based_on = f'<w:basedOn w:val="{normal}"/>' if normal else ""
    for style_id, xml in _COMMENT_STYLES.items():
        if style_id not in doc.styles.by_id:
            document.styles.element.append(parse_xml(xml.format(ns=nsdecls("w"), based_on=based_on)))


def add_comments(document: WordDocument, doc: Docx, findings: Iterable[Finding]) -> int:
    """One comment at each finding; the number of comments added."""
    _comment_styles(document, doc)
    anchors, count = _Anchors(doc), 0
    for finding in findings:
        p = anchors.paragraph(finding.where)
        if p is None:
            continue
        runs = _runs(document, p)
        document.add_comment(runs, text=comment_text(finding), author=AUTHOR, initials=INITIALS)
        count += 1
    return count


def comment_docx(source: Path, target: Path) -> tuple[list[Finding], int]:
    """Write to `target` a copy of `source` with a comment at each finding; the findings and the number of
    comments. Written beside `target` then moved into place (nothing half-written on failure)."""
    document = open_document(source)
    doc = Docx(document)
    findings = check_document(doc)
    count = add_comments(document, doc, findings)
    save_copy(document, target)
    return findings, count
