"""Checks of the end of a document (ND30 Phụ lục I, III.9 and practice): Nơi nhận and its punctuation, the
closing mark ./., the signer's block."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import dropwhile, takewhile

from docx.oxml.ns import qn

from baocao.conventions import marks
from baocao.conventions.documents import RECIPIENTS_LINE
from baocao.conventions.marks import RECIPIENTS_HEAD
from baocao.conventions.words import SIGNER_PLACEHOLDER, norm
from baocao.messages import nd30
from baocao.messages import nd30_frame as msg
from baocao.nd30.findings import Finding
from baocao.nd30.frame import missing_emphasis
from baocao.nd30.reader import Docx, Para
from baocao.nd30.rules import finding

_BULLET = re.compile(r"\s*[-–—‐•+*]?\s*")
_HEAD_TAIL = re.compile(r"\s*[:;,.]?\s*")
_AUTHORITY = re.compile(r"\s*(?:TM|KT|TL|TUQ|Q)\s*\.\s*\S")


def _recipient_lines(doc: Docx, head: Para) -> list[Para]:
    """Non-empty paragraphs after "Nơi nhận:" in the same cell (or body), up to the next empty one."""
    siblings = _siblings(doc, head)
    after = dropwhile(lambda p: not p.text.strip(), siblings[siblings.index(head) + 1 :])
    return list(takewhile(lambda p: p.text.strip(), after))


def _siblings(doc: Docx, para: Para) -> list[Para]:
    """The paragraphs of the cell (or body) holding `para`."""
    parent = para.element.getparent()
    return [p for p in doc.text_paragraphs if p.element.getparent() is parent]


def head_fixable(head: Para) -> bool:
    """Whether "Nơi nhận" is alone in its paragraph, so writing it "Nơi nhận:" changes punctuation only."""
    return _HEAD_TAIL.fullmatch(norm(head.text)[len(RECIPIENTS_HEAD.rstrip(":")) :]) is not None


def recipient_line(text: str, last: bool) -> str:
    """A Nơi nhận line as ND30 writes it: "- " before, ";" after, the last «- Lưu: …» ending with "."."""
    body = _BULLET.sub("", norm(text), count=1).rstrip(" ;,.")
    archive = marks.ARCHIVE_LINE.match(body)
    if last and archive and body.startswith(marks.ARCHIVE):
        body = marks.archive_line(archive["places"])
    return marks.list_line(body, last)


def _recipient_problem(text: str, last: bool) -> tuple[str, str]:
    """(rule code, what is wrong with a Nơi nhận line), or ("", "")."""
    text = norm(text)
    if last and not _BULLET.sub("", text, count=1).startswith(marks.ARCHIVE):
        return "noi-nhan", msg.LAST_NOT_ARCHIVE
    if not text.startswith(marks.BULLET):
        return "noi-nhan-dau", msg.NO_BULLET
    if last and not text.endswith("."):
        return "noi-nhan-dau", msg.ARCHIVE_END
    if not last and not text.endswith(";"):
        return "noi-nhan-dau", msg.LINE_END
    if text != recipient_line(text, last):
        return "noi-nhan-dau", msg.write_line(recipient_line(text, last))
    return "", ""


def recipient_lines(doc: Docx) -> list[tuple[Para, bool]]:
    """The lines under "Nơi nhận:", each with whether it is the last."""
    lines = _recipient_lines(doc, doc.recipients) if doc.recipients else []
    return [(line, i == len(lines) - 1) for i, line in enumerate(lines)]


def check_recipients(doc: Docx) -> Iterator[Finding]:
    head = doc.recipients
    if head is None:
        yield finding("noi-nhan", msg.NO_RECIPIENTS, nd30.END_OF_DOCUMENT)
        return
    if norm(head.text) != RECIPIENTS_HEAD:
        yield finding(
            "noi-nhan-dau" if head_fixable(head) else "noi-nhan",
            msg.write_head(RECIPIENTS_HEAD, norm(head.text)),
            head.where,
        )
    missing = missing_emphasis(head, bold=True, italic=True)
    if missing:
        yield finding("noi-nhan-dau", msg.head_emphasis(RECIPIENTS_HEAD, missing), head.where)
    lines = recipient_lines(doc)
    if not lines:
        yield finding("noi-nhan", msg.NO_RECIPIENT_LINES, head.where)
    for line, last in lines:
        code, problem = _recipient_problem(line.text, last)
        if problem:
            yield finding(code, problem, line.where)


def _is_title_line(text: str) -> bool:
    """An authority or position line of a signature block: "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"."""
    letters = [c for c in text if c.isalpha()]
    return bool(_AUTHORITY.match(text)) or (len(letters) >= 2 and all(c.isupper() for c in letters))


def signature_block(doc: Docx) -> list[Para]:
    """The non-empty paragraphs of the signer's block: the cell beside "Nơi nhận:" in its row; else body
    paragraphs starting with an authority or position line, between the closing ./. and Nơi nhận or right
    after the Nơi nhận lines."""
    head = doc.recipients
    if head is None:
        return []
    cell = head.element.getparent()
    if cell.tag == qn("w:tc"):
        others = [tc for tc in cell.getparent().iterchildren(qn("w:tc")) if tc is not cell]
        beside = [p for p in doc.text_paragraphs if p.element.getparent() in others and p.text.strip()]
        if beside:
            return beside
    lines = _recipient_lines(doc, head)
    at, end = doc.text_paragraphs.index(head), doc.text_paragraphs.index(lines[-1] if lines else head)
    body = [(i, p) for i, p in enumerate(doc.text_paragraphs) if p.area == "body" and p.text.strip()]
    closing = max((i for i, p in body if i < at and marks.is_closed(p.text)), default=at)
    for candidate in ([p for i, p in body if closing < i < at], [p for i, p in body if i > end][:8]):
        if candidate and _is_title_line(candidate[0].text):
            return list(takewhile(lambda p: not RECIPIENTS_LINE.match(p.text), candidate))
    return []


def check_signature(doc: Docx) -> Iterator[Finding]:
    if doc.recipients is None:
        return
    block = signature_block(doc)
    if not block:
        yield finding("chu-ky", msg.NO_SIGNATURE, doc.recipients.where)
        return
    name = block[-1]
    if _is_title_line(name.text):
        yield finding("chu-ky", msg.no_signer_name(norm(name.text)), name.where)
    elif SIGNER_PLACEHOLDER.search(norm(name.text)):
        yield finding("chu-ky", msg.signer_placeholder(norm(name.text)), name.where)


def closing_paragraph(doc: Docx) -> Para | None:
    """The last paragraph of the content: the last non-empty body paragraph before "Nơi nhận:" that is not
    part of the signer's block (None when there is no Nơi nhận to tell where the content ends)."""
    if doc.recipients is None:
        return None
    block = {id(p) for p in signature_block(doc)}
    return next((p for p in reversed(doc.body_text) if p.text.strip() and id(p) not in block), None)


def check_closing(doc: Docx) -> Iterator[Finding]:
    last = closing_paragraph(doc)
    if last is None or marks.is_closed(last.text):
        return
    ending = last.text.rstrip()[-4:]
    yield finding("ket-thuc", msg.not_closed(ending), last.where)
