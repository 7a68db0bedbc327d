"""Running text: dates, footnote numbers typed by hand, footnote references, the way numbers are written."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from docx.oxml.ns import qn

from ..formatting import format_date_short
from .findings import ERROR, RULE_NUMBER_STYLE, RULE_PRACTICE, WARNING, Finding
from .outline import sequence_problem
from .reader import SO_LINE, Docx, Para, Run, custom_mark

_SHORT_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_NUMBER = re.compile(r"(?<![\w.,/-])\d+(?:[.,]\d+)*(?![\d/-])")
_SPACE_PERCENT = re.compile(r"(\d+(?:[.,]\d+)*)\s+%")
_LEADING_LABEL = re.compile(r"\s*\d+(?:\.\d+)*\.?(?=\s)")
_REFERENCE_WORDS = re.compile(
    r"(?:mục|điểm|khoản|tiết|chương|điều|phụ lục|biểu|tiêu chí|chỉ tiêu|phiên bản|công nghiệp|version)\s*$",
    re.IGNORECASE,
)
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
                yield finding("ngay-thang", f"«{match[0]}» không phải ngày có trong lịch (viết theo thứ tự "
                              "ngày/tháng/năm).", para.where)
                continue
            if match[0] != expected:
                yield finding("ngay-thang", f"Ngày viết «{match[0]}», nên viết «{expected}» (ngày dưới 10 và "
                              "tháng 1, 2 thêm số 0; các tháng khác không thêm).", para.where)


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
    yield finding("chu-thich", f"Có {len(marks)} số chú thích gõ tay (chữ nhỏ phía trên), chỗ đầu tiên ở "
                  "đây: chú thích gõ tay, số có thể sai; dùng chú thích thật của Word (Tham chiếu > Chèn chú thích "
                  "cuối trang, References > Insert Footnote).", marks[0].para.where)
    previous = None
    for mark in (m for m in marks if not m.note_text):
        problem = sequence_problem(mark, previous, str, "của văn bản")
        if problem:
            yield finding("chu-thich", f"Số chú thích gõ tay {problem}", mark.para.where)
        previous = mark


def check_note_references(doc: Docx) -> Iterator[Finding]:
    for para in doc.text_paragraphs:
        for ref in para.element.iter(qn("w:footnoteReference")):
            if ref.get(qn("w:id")) not in doc.note_ids:
                yield finding("chu-thich", "Dấu chú thích trỏ tới một chú thích không có trong tệp (đã bị xóa "
                              "hoặc tệp hỏng); xóa dấu này rồi chèn lại chú thích.", para.where)
            if custom_mark(ref):
                yield finding("chu-thich", "Chú thích dùng ký hiệu tự đặt thay cho số tự động; dùng chú "
                              "thích đánh số tự động của Word.", para.where)


# --- number style ----------------------------------------------------------------


def _number_kind(token: str) -> str:
    """'vi-decimal' (91,1; 1.539,72), 'en-decimal' (2.08; 1,539.72), 'en-thousands' (1,234,567) or ''."""
    separators = re.sub(r"\d", "", token)
    groups = re.split(r"[.,]", token)
    if not separators or any(len(g) != 3 for g in groups[1:-1]) or len(set(separators[:-1])) > 1:
        return ""
    last, inner = separators[-1], set(separators[:-1])
    if inner and inner != {last}:
        return "vi-decimal" if last == "," else "en-decimal"
    if last == ",":
        return "vi-decimal" if len(separators) == 1 else ("en-thousands" if len(groups[-1]) == 3 else "")
    return "en-decimal" if len(separators) == 1 and len(groups[-1]) != 3 else ""


def _number_tokens(text: str) -> Iterator[tuple[str, str]]:
    """(number, kind) for the decimal and grouped numbers of running text; a leading list or heading
    number, and numbers after "mục", "điểm", "phiên bản"… are left out."""
    label = _LEADING_LABEL.match(text)
    for match in _NUMBER.finditer(text, label.end() if label else 0):
        kind = _number_kind(match[0])
        if kind and not _REFERENCE_WORDS.search(text, 0, match.start()):
            yield match[0], kind


def check_numbers(doc: Docx) -> Iterator[Finding]:
    first_of: dict[str, tuple[str, Para]] = {}
    for para in doc.paragraphs:
        if SO_LINE.match(para.text):
            continue
        for token, kind in _number_tokens(para.text):
            first_of.setdefault(kind, (token, para))
            if kind.startswith("en-"):
                yield finding("kieu-so", f"Số «{token}» viết theo kiểu tiếng Anh; viết «"
                              f"{token.translate(str.maketrans('.,', ',.'))}» (dấu chấm ngăn cách hàng nghìn, dấu "
                              "phẩy trước phần thập phân).", para.where)
        for match in _SPACE_PERCENT.finditer(para.text):
            yield finding("kieu-so", f"«{match[0]}» có dấu cách trước «%»; viết liền «{match[1]}%».",
                          para.where)
    if "vi-decimal" in first_of and "en-decimal" in first_of:
        (comma, comma_para), (dot, dot_para) = first_of["vi-decimal"], first_of["en-decimal"]
        yield finding("kieu-so", f"Văn bản dùng lẫn hai kiểu dấu thập phân: dấu phẩy «{comma}» "
                      f"({comma_para.place}) và dấu chấm «{dot}» ({dot_para.place}); thống nhất dùng dấu phẩy.",
                      "toàn văn bản")
