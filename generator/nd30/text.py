"""Running text: dates, footnote numbers typed by hand, footnote references, the way numbers are written."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from docx.oxml.ns import qn

from baocao.conventions.formatting import format_date_short
from baocao.nd30 import slips
from baocao.nd30.findings import ERROR, RULE_NUMBER_STYLE, RULE_PRACTICE, WARNING, Finding
from baocao.nd30.outline import sequence_problem
from baocao.nd30.reader import SO_LINE, Docx, Para, Run, custom_mark

_SHORT_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_TYPED_MARK = re.compile(r"\(?(\d{1,3})\)?")
_UNIT_BEFORE = re.compile(r"(?<!\w)[kcdm]?m$")  # m², km², m³: a superscript that is not a note


# --- dates -----------------------------------------------------------------------


def check_text_dates(doc: Docx) -> Iterator[Finding]:
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


# --- footnotes -------------------------------------------------------------------


@dataclass(frozen=True)
class _Mark:
    """A footnote number typed by hand as superscript."""

    number: int
    label: str
    place: str
    para: Para
    note_text: bool  # at the start of a paragraph: the note's own text, not a citation


def _typed_marks(para: Para) -> Iterator[_Mark]:
    before, mark = "", ""
    for run in (*para.runs, Run("", False, ())):  # the empty run closes a mark at the end
        if run.vertical == "superscript" and not run.generated:
            mark += run.text
            continue
        found = _TYPED_MARK.fullmatch(mark.strip())
        if found and not (found[0] in ("2", "3") and _UNIT_BEFORE.search(before)):
            yield _Mark(int(found[1]), found[0], para.place, para, not before.strip())
        before, mark = before + mark + (run.text if not run.generated else ""), ""


def check_typed_notes(doc: Docx) -> Iterator[Finding]:
    marks = [mark for para in doc.text_paragraphs for mark in _typed_marks(para)]
    if not marks:
        return
    yield Finding(WARNING, "chu-thich", f"Có {len(marks)} số chú thích gõ tay (chữ nhỏ phía trên), chỗ đầu tiên ở "
                  "đây: chú thích gõ tay, số có thể sai; dùng chú thích thật của Word (Tham chiếu > Chèn chú thích "
                  "cuối trang, References > Insert Footnote).", marks[0].para.where, RULE_PRACTICE)
    previous = None
    for mark in (m for m in marks if not m.note_text):
        problem = sequence_problem(mark, previous, str, "của văn bản")
        if problem:
            yield Finding(ERROR, "chu-thich", f"Số chú thích gõ tay {problem}", mark.para.where, RULE_PRACTICE)
        previous = mark


def check_note_references(doc: Docx) -> Iterator[Finding]:
    for para in doc.text_paragraphs:
        for ref in para.element.iter(qn("w:footnoteReference")):
            if ref.get(qn("w:id")) not in doc.note_ids:
                yield Finding(ERROR, "chu-thich", "Dấu chú thích trỏ tới một chú thích không có trong tệp (đã bị xóa "
                              "hoặc tệp hỏng); xóa dấu này rồi chèn lại chú thích.", para.where, RULE_PRACTICE)
            if custom_mark(ref):
                yield Finding(WARNING, "chu-thich", "Chú thích dùng ký hiệu tự đặt thay cho số tự động; dùng chú "
                              "thích đánh số tự động của Word.", para.where, RULE_PRACTICE)


# --- number style ----------------------------------------------------------------


def check_numbers(doc: Docx) -> Iterator[Finding]:
    first_of: dict[str, tuple[str, str]] = {}
    for para in doc.paragraphs:
        if SO_LINE.match(para.text):
            continue
        for match, kind in slips.number_tokens(para.text):
            first_of.setdefault(kind, (match[0], para.place))
        for slip in slips.number_slips(para.text):
            yield Finding(slip.severity, slip.code, slip.message, para.where, RULE_NUMBER_STYLE)
    mixed = slips.mixed_decimals(first_of)
    if mixed:
        yield Finding(WARNING, slips.NUMBER_STYLE, mixed, "toàn văn bản", RULE_NUMBER_STYLE)


def check_placeholders(doc: Docx) -> Iterator[Finding]:
    """Placeholders of `baocao init` left in the text (shared with the build: slips.py)."""
    for para in doc.paragraphs:
        for slip in slips.placeholder_slips(para.text):
            yield Finding(WARNING, slip.code, slip.message, para.where, RULE_PRACTICE)
