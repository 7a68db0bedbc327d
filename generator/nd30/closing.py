"""Checks of the end of a document (ND30 Phụ lục I, III.9 and practice): Nơi nhận and its punctuation, the
closing mark ./., the signer's block."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import dropwhile, takewhile

from docx.oxml.ns import qn

from baocao.conventions import marks
from baocao.conventions.marks import RECIPIENTS_HEAD
from baocao.nd30.findings import Finding
from baocao.nd30.frame import missing_emphasis
from baocao.nd30.reader import Docx, Para, norm
from baocao.nd30.rules import finding

_BULLET = re.compile(r"\s*[-–—‐•+*]?\s*")
_HEAD_TAIL = re.compile(r"\s*[:;,.]?\s*")
_LUU = re.compile(r"Lưu\b\s*:?\s*")
_AUTHORITY = re.compile(r"\s*(?:TM|KT|TL|TUQ|Q)\s*\.\s*\S")
_NAME_PLACEHOLDER = re.compile(
    r"họ\s*(?:và\s*)?tên|ký\s*,?\s*ghi\s*rõ|ký\s*tên|\{\{|\}\}|\.{3}|…|x{3}|\[|\]|^\(.*\)$|(?<=\s)[A-ZĐ]$",
    re.IGNORECASE,
)


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
    return _HEAD_TAIL.fullmatch(norm(head.text)[len("Nơi nhận") :]) is not None


def recipient_line(text: str, last: bool) -> str:
    """A Nơi nhận line as ND30 writes it: "- " before, ";" after, the last «- Lưu: …» ending with "."."""
    body = _BULLET.sub("", norm(text), count=1).rstrip(" ;,.")
    if last:
        body = _LUU.sub(marks.archive_line(""), body, count=1)
    return marks.list_line(body, last)


def _recipient_problem(text: str, last: bool) -> tuple[str, str]:
    """(rule code, what is wrong with a Nơi nhận line), or ("", "")."""
    text = norm(text)
    if last and not _BULLET.sub("", text, count=1).startswith("Lưu"):
        return "noi-nhan", "Dòng cuối của nơi nhận phải là «- Lưu: VT, …» (văn thư và đơn vị soạn thảo)."
    if not text.startswith("- "):
        return "noi-nhan-dau", "Mỗi dòng nơi nhận bắt đầu bằng gạch đầu dòng «- » (gạch nối và một dấu cách)."
    if last and not text.endswith("."):
        return "noi-nhan-dau", "Dòng «- Lưu: …» phải kết thúc bằng dấu chấm «.»."
    if not last and not text.endswith(";"):
        return "noi-nhan-dau", "Mỗi dòng nơi nhận (trừ dòng cuối «- Lưu: …») phải kết thúc bằng dấu chấm phẩy «;»."
    if text != recipient_line(text, last):
        return "noi-nhan-dau", f"Viết «{recipient_line(text, last)}» (dấu hai chấm sau «Lưu», không thừa dấu)."
    return "", ""


def recipient_lines(doc: Docx) -> list[tuple[Para, bool]]:
    """The lines under "Nơi nhận:", each with whether it is the last."""
    lines = _recipient_lines(doc, doc.recipients) if doc.recipients else []
    return [(line, i == len(lines) - 1) for i, line in enumerate(lines)]


def check_recipients(doc: Docx) -> Iterator[Finding]:
    head = doc.recipients
    if head is None:
        yield finding(
            "noi-nhan",
            "Không thấy «Nơi nhận:»; đặt ở cột trái bảng cuối văn bản, ngang hàng với chức vụ người ký.",
            "cuối văn bản",
        )
        return
    if norm(head.text) != RECIPIENTS_HEAD:
        yield finding(
            "noi-nhan-dau" if head_fixable(head) else "noi-nhan",
            f"Viết «{RECIPIENTS_HEAD}» (có dấu hai chấm) trên một dòng riêng, không viết «{norm(head.text)}».",
            head.where,
        )
    missing = missing_emphasis(head, bold=True, italic=True)
    if missing:
        yield finding(
            "noi-nhan-dau", f"«{RECIPIENTS_HEAD}» phải in đậm và in nghiêng (đang chưa {missing}).", head.where
        )
    lines = recipient_lines(doc)
    if not lines:
        yield finding(
            "noi-nhan",
            "Dưới «Nơi nhận:» chưa có dòng nào; mỗi nơi nhận một dòng «- …;», dòng cuối «- Lưu: VT, …».",
            head.where,
        )
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
            return list(takewhile(lambda p: not _NOI_NHAN_LINE.match(p.text), candidate))
    return []


_NOI_NHAN_LINE = re.compile(r"\s*Nơi\s+nhận\b", re.IGNORECASE)


def check_signature(doc: Docx) -> Iterator[Finding]:
    if doc.recipients is None:
        return
    block = signature_block(doc)
    if not block:
        yield finding(
            "chu-ky",
            "Không thấy khối chữ ký (quyền hạn, chức vụ, họ tên người ký) ngang hàng với «Nơi "
            "nhận:»; đặt ở cột phải bảng cuối văn bản.",
            doc.recipients.where,
        )
        return
    name = block[-1]
    if _is_title_line(name.text):
        yield finding(
            "chu-ky",
            f"Khối chữ ký chưa có họ tên người ký: dòng cuối «{norm(name.text)}» là chức vụ. Ghi "
            "họ tên người ký (in đậm) dưới chỗ ký.",
            name.where,
        )
    elif _NAME_PLACEHOLDER.search(norm(name.text)):
        yield finding(
            "chu-ky",
            f"Họ tên người ký còn là chỗ giữ chỗ «{norm(name.text)}»; ghi họ tên thật của người ký.",
            name.where,
        )


def closing_paragraph(doc: Docx) -> Para | None:
    """The last paragraph of the content: the last non-empty body paragraph before "Nơi nhận:" that is not
    part of the signer's block (None when there is no Nơi nhận to tell where the content ends)."""
    if doc.recipients is None:
        return None
    block = {id(p) for p in signature_block(doc)}
    return next((p for p in reversed(doc.body_text) if p.text.strip() and id(p) not in block), None)


def closed(text: str) -> str:
    """The text ending with "./." in place of a missing, partial or spaced closing mark."""
    return marks.CLOSING_TAIL.sub(marks.CLOSING_MARK, text, count=1)


def check_closing(doc: Docx) -> Iterator[Finding]:
    last = closing_paragraph(doc)
    if last is None or marks.is_closed(last.text):
        return
    ending = last.text.rstrip()[-4:]
    yield finding(
        "ket-thuc",
        f"Đoạn cuối của phần nội dung (trước Nơi nhận và chữ ký) kết thúc bằng «…{ending}», "
        "chưa đúng dấu «./.»; viết «./.» liền sau chữ cuối.",
        last.where,
    )
