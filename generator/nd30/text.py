"""Running text: dates, footnote numbers typed by hand, footnote references, the way numbers are written,
placeholders left in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from docx.oxml.ns import qn

from baocao.conventions import slips
from baocao.conventions.documents import NUMBER_LINE
from baocao.conventions.formatting import format_date_short
from baocao.conventions.typed_notes import (
    SUPERSCRIPT_NUMBER,
    TYPED_MARK,
    ends_with_unit,
    is_unit_power,
    superscript_value,
)
from baocao.input.placeholders import placeholder_slips
from baocao.nd30.findings import Finding
from baocao.nd30.outline import sequence_problem
from baocao.nd30.reader import Docx, Para, custom_mark, quote
from baocao.nd30.rules import finding

SHORT_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_UNICODE_MARK = re.compile(rf"(?<=\S)[⁽(]?({SUPERSCRIPT_NUMBER.pattern})[⁾)]?")  # glued to the word, "⁽¹⁾" too
# A number glued to the word before it ("hoạch1", "hoạch(1)", "hoạch [1]"): typed as a note mark.
_GLUED_MARK = re.compile(r"(?<=[^\W\d_]{2})(\d{1,2})(?=[\s.,;:!?)]|$)|(?<=[^\W\d_])(?:\(|\s?\[)(\d{1,3})[)\]]")
_WORD_BEFORE = re.compile(r"[^\W\d_]+$")
# Placeholders of hand-made drafts (the build's own are input/placeholders.py): template tags, "[...]",
# dotted leaders, "xxx".
_LEFTOVER = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|[\[(]\s*(?:\.{3}|…)\s*[\])]|\.{4,}|…{2,}|\b[xX]{3,}\b")


# --- dates -----------------------------------------------------------------------


def short_date(text: str) -> str:
    """A dd/mm/yyyy date as written in running text ("04/6/2026"), or "" when it is no date."""
    day, month, year = (int(part) for part in text.split("/"))
    try:
        return format_date_short(date(year, month, day))
    except ValueError:
        return ""


def check_text_dates(doc: Docx) -> Iterator[Finding]:
    for para in doc.paragraphs:
        for match in SHORT_DATE.finditer(para.text):
            expected = short_date(match[0])
            if not expected:
                yield finding(
                    "ngay-sai",
                    f"«{match[0]}» không phải ngày có trong lịch (viết theo thứ tự ngày/tháng/năm).",
                    para.where,
                )
            elif match[0] != expected:
                yield finding(
                    "ngay-viet-tat",
                    f"Ngày viết «{match[0]}», nên viết «{expected}» (ngày dưới 10 và "
                    "tháng 1, 2 thêm số 0; các tháng khác không thêm).",
                    para.where,
                )


# --- footnotes -------------------------------------------------------------------


@dataclass(frozen=True)
class _Mark:
    """A footnote number typed by hand: a superscript, a Unicode superscript digit or a number glued to a word."""

    number: int
    label: str
    place: str
    para: Para
    start: int  # offset in the paragraph's text
    note_text: bool  # at the start of a paragraph: the note's own text, not a citation


def _superscript_marks(para: Para) -> tuple[list[_Mark], str]:
    """The superscript runs that are note numbers, and the paragraph's text with superscripts blanked out."""
    marks, text, mark = [], "", ""
    for run in (*para.runs, None):  # None closes a mark at the end
        if run is not None and run.generated:
            continue
        if run is not None and run.vertical == "superscript":
            mark += run.text
            continue
        found = TYPED_MARK.fullmatch(mark.strip())
        if found and not is_unit_power(text, found[0]):
            marks.append(_Mark(int(found[1]), found[0], para.place, para, len(text), not text.strip()))
        text += " " * len(mark) + (run.text if run is not None else "")
        mark = ""
    return marks, text


def _typed_marks(para: Para) -> list[_Mark]:
    marks, text = _superscript_marks(para)
    for match in _UNICODE_MARK.finditer(text):
        if not is_unit_power(text[: match.start()], match[0]):
            marks.append(_Mark(superscript_value(match[1]), match[0], para.place, para, match.start(), False))
    for match in _GLUED_MARK.finditer(text):
        word = _WORD_BEFORE.search(text, 0, match.start())
        if word and not word[0].isupper() and not ends_with_unit(word[0].lower()):
            marks.append(_Mark(int(match[1] or match[2]), match[0].strip(), para.place, para, match.start(), False))
    return sorted(marks, key=lambda mark: mark.start)


def _context(mark: _Mark) -> str:
    """The mark with the word before it, as it stands in the text."""
    before = mark.para.text[: mark.start].rstrip().split(" ")[-1]
    return f"{before}{mark.para.text[mark.start : mark.start + len(mark.label) + 2].split(' ')[0]}"


def check_typed_notes(doc: Docx) -> Iterator[Finding]:
    marks = [mark for para in doc.text_paragraphs for mark in _typed_marks(para)]
    if not marks:
        return
    yield finding(
        "chu-thich-go-tay",
        f"Có {len(marks)} số chú thích gõ tay (chữ nhỏ phía trên, chữ số nhỏ như «¹», "
        f"hoặc số dính vào chữ), chỗ đầu tiên ở đây: «{_context(marks[0])}». Chú thích gõ tay, số có thể sai; "
        "dùng chú thích thật của Word (Tham chiếu > Chèn chú thích cuối trang, References > Insert "
        "Footnote).",
        marks[0].para.where,
    )
    previous = None
    for mark in (m for m in marks if not m.note_text):
        problem = sequence_problem(mark, previous, str, "của văn bản")
        if problem:
            yield finding("chu-thich-thu-tu", f"Số chú thích gõ tay {problem}", mark.para.where)
        previous = mark


def check_note_references(doc: Docx) -> Iterator[Finding]:
    for para in doc.text_paragraphs:
        for ref in para.element.iter(qn("w:footnoteReference")):
            if ref.get(qn("w:id")) not in doc.note_ids:
                yield finding(
                    "chu-thich-hong",
                    "Dấu chú thích trỏ tới một chú thích không có trong tệp (đã bị xóa "
                    "hoặc tệp hỏng); xóa dấu này rồi chèn lại chú thích.",
                    para.where,
                )
            if custom_mark(ref):
                yield finding(
                    "chu-thich-ky-hieu",
                    "Chú thích dùng ký hiệu tự đặt thay cho số tự động; dùng chú thích đánh số tự động của Word.",
                    para.where,
                )


# --- number style ----------------------------------------------------------------

SLIP_RULES = {"space-percent": "dau-phan-tram", "double-percent": "dau-phan-tram"}  # other number slips: kieu-so


def number_slips(para: Para) -> list[slips.Slip]:
    """The number-style slips of a paragraph (none in the "Số: …" line)."""
    return [] if NUMBER_LINE.match(para.text) else slips.number_slips(para.text)


def check_numbers(doc: Docx) -> Iterator[Finding]:
    """English-style numbers, "%" slips and mixed decimal marks, in the body, tables and footnotes alike."""
    first_of: dict[str, tuple[str, str]] = {}
    for para in doc.paragraphs:
        if NUMBER_LINE.match(para.text):
            continue
        for match, kind in slips.number_tokens(para.text):
            first_of.setdefault(kind, (match[0], para.place))
        for slip in number_slips(para):
            yield finding(SLIP_RULES.get(slip.kind, "kieu-so"), slip.message, para.where)
    mixed = slips.mixed_decimals(first_of)
    if mixed:
        yield finding("dau-thap-phan", mixed, "toàn văn bản")


def check_placeholders(doc: Docx) -> Iterator[Finding]:
    """Placeholders left in the text: those of `baocao init` (input/placeholders.py, shared with the build) and a
    hand-made draft's template tags, "[...]", dotted leaders, "xxx"."""
    for para in doc.paragraphs:
        for slip in placeholder_slips(para.text):
            yield finding("cho-trong", slip.message, para.where)
        for match in _LEFTOVER.finditer(para.text):
            yield finding(
                "cho-trong", f"Còn chỗ giữ chỗ {quote(match[0])} chưa điền; ghi nội dung thật (hoặc xóa).", para.where
            )
