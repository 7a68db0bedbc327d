"""Page and type: paper size and orientation, margins, fonts, font sizes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from baocao.conventions.formatting import format_number
from baocao.conventions.page import A4
from baocao.nd30.findings import ERROR, RULE_FONT, RULE_MARGINS, RULE_PAPER, RULE_PRACTICE, RULE_SIZE, WARNING, Finding
from baocao.nd30.reader import TNR, Docx, Para, attr, find, to_int

# Page geometry in twips.
MM = 1440 / 25.4
PAPER_TOLERANCE = 20
MARGIN_TOLERANCE_MM = 0.5
MARGINS_MM = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}
SIDE_NAMES = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}
# Readings of a landscape page: which of its sides plays each side of the portrait page.
_READINGS = (
    {"top": "top", "bottom": "bottom", "left": "left", "right": "right"},
    {"top": "left", "right": "top", "bottom": "right", "left": "bottom"},
    {"top": "right", "left": "top", "bottom": "left", "right": "bottom"},
)

BODY_SIZES = (13, 14)
NOTE_SIZES = (10, 12)


def _format_mm(twips: float) -> str:
    return format_number(twips / MM, 1)


def _first_places(items: Iterable[tuple[object, Para]]) -> dict[object, tuple[Para, int]]:
    """key -> (first paragraph where it occurs, number of paragraphs where it occurs)."""
    first: dict[object, Para] = {}
    seen: dict[object, set[int]] = {}
    for key, para in items:
        first.setdefault(key, para)
        seen.setdefault(key, set()).add(id(para))
    return {key: (para, len(seen[key])) for key, para in first.items()}


# --- paper and margins ---------------------------------------------------------


def check_page(doc: Docx) -> Iterator[Finding]:
    for number, section in enumerate(doc.sections(), 1):
        where = f"mục {number} (section)"
        size = find(section, "w:pgSz")
        width, height = to_int(attr(size, "w"), 0), to_int(attr(size, "h"), 0)
        if not _near_a4(width, height):
            shown = "chưa khai báo" if size is None else f"{_format_mm(width)} × {_format_mm(height)} mm"
            yield Finding(ERROR, "kho-giay", f"Khổ giấy {shown}, không phải A4 (210 × 297 mm). Chọn Bố cục > Khổ "
                          "giấy > A4 (Layout > Size > A4).", where, RULE_PAPER)
        landscape = width > height
        if landscape and number == 1:
            yield Finding(ERROR, "kho-giay", "Trang đầu của văn bản đặt khổ ngang; chỉ phụ lục (bảng rộng) mới được "
                          "đặt ngang. Chọn Bố cục > Hướng > Dọc (Layout > Orientation > Portrait).", where, RULE_PAPER)
        yield from _margin_findings(section, where, landscape)


def _near_a4(width: int, height: int) -> bool:
    return all(abs(a - b) <= PAPER_TOLERANCE for a, b in zip(sorted((width, height)), A4, strict=True))


def _margin_problems(margins: dict[str, int], reading: dict[str, str]) -> list[str]:
    problems = []
    for side, (low, high) in MARGINS_MM.items():
        value = margins[reading[side]]
        if not (low - MARGIN_TOLERANCE_MM) * MM <= value <= (high + MARGIN_TOLERANCE_MM) * MM:
            problems.append(f"lề {SIDE_NAMES[side]} {_format_mm(value)} mm (phải từ {low} đến {high} mm)")
    return problems


def _margin_findings(section, where: str, landscape: bool) -> Iterator[Finding]:
    page_margins = find(section, "w:pgMar")
    margins = {side: abs(to_int(attr(page_margins, side), 0)) for side in MARGINS_MM}
    readings = _READINGS if landscape else _READINGS[:1]
    if all(_margin_problems(margins, reading) for reading in readings):
        problems = "; ".join(_margin_problems(margins, readings[0]))
        fix = "Sửa trong Bố cục > Lề > Lề tùy chỉnh (Layout > Margins > Custom Margins)."
        if landscape:
            yield Finding(WARNING, "le-trang", f"Trang ngang có lề chưa đúng theo cả hai cách đọc (ngang và xoay dọc): "
                          f"{problems}. {fix}", where, RULE_MARGINS)
        else:
            yield Finding(ERROR, "le-trang", f"Lề trang chưa đúng: {problems}. {fix}", where, RULE_MARGINS)


# --- fonts and sizes -------------------------------------------------------------


def _slots(text: str) -> set[str]:
    """rFonts slots Word uses for the text: ascii for U+0000–U+007F, hAnsi for other Latin letters."""
    visible = [c for c in text if not c.isspace()]
    return {"ascii" if c < "\x80" else "hAnsi" for c in visible}


def check_fonts(doc: Docx) -> Iterator[Finding]:
    used = ((font, para) for para in doc.paragraphs for run in para.visible_runs
            for font in sorted({doc.styles.font(run, slot) for slot in _slots(run.text)})
            if font.casefold() != TNR.casefold())
    for font, (para, count) in _first_places(used).items():
        yield Finding(ERROR, "phong-chu", f"Chữ dùng phông «{font}» ({count} đoạn, đoạn đầu tiên ở đây); văn bản "
                      "phải dùng phông Times New Roman. Chọn toàn bộ (Ctrl+A) rồi chọn phông Times New Roman.",
                      para.where, RULE_FONT)


def _wrong_sizes(paragraphs: Iterable[Para], allowed: tuple[int, int]) -> dict[object, tuple[Para, int]]:
    low, high = allowed
    return _first_places((run.size, para) for para in paragraphs for run in para.visible_runs
                         if run.vertical == "baseline" and not low <= run.size <= high)


def check_sizes(doc: Docx) -> Iterator[Finding]:
    for size, (para, count) in _wrong_sizes(doc.body_text, BODY_SIZES).items():
        yield Finding(ERROR, "co-chu", f"Chữ cỡ {format_number(size)} ({count} đoạn, đoạn đầu tiên ở đây); phần nội "
                      "dung phải cỡ 13 đến 14: chọn các đoạn đó rồi đặt cỡ chữ 14 (hoặc 13).", para.where, RULE_SIZE)
    notes = [p for p in doc.paragraphs if p.area == "note"]
    for size, (para, count) in _wrong_sizes(notes, NOTE_SIZES).items():
        yield Finding(WARNING, "co-chu", f"Chú thích cỡ {format_number(size)} ({count} đoạn, đoạn đầu tiên ở đây); "
                      "chú thích thường cỡ 10 đến 12: sửa kiểu «Footnote Text» (Văn bản chú thích) cho cả văn bản.",
                      para.where, RULE_PRACTICE)
