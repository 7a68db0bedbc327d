"""`baocao check --sua`: a corrected copy of a .docx for the rules whose fix is safe (rules.py), checked
again, with each change listed. Text meaning is never touched: a fix changes page setup, fonts, sizes,
colours, emphasis, zero padding of dates, punctuation of Nơi nhận and of the closing, and numbers written
the English way when they read only one way. Findings of other rules are left for a person.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Length, Pt, RGBColor, Twips
from docx.text.run import Run as RunProxy

from baocao.conventions import slips
from baocao.conventions.formatting import format_number
from baocao.conventions.marks import ARCHIVE, BULLET, RECIPIENTS_HEAD, close
from baocao.conventions.page import A4, MARGINS
from baocao.messages import nd30 as msg
from baocao.nd30 import check_document, check_docx, closing, frame, layout, text
from baocao.nd30.edit import drop_theme_fonts, save_copy, set_text
from baocao.nd30.findings import Finding
from baocao.nd30.reader import Docx, Para, Run, open_document
from baocao.nd30.rules import RULES
from baocao.nd30.styles import TNR

MM = layout.MM


@dataclass(frozen=True)
class Change:
    """One change made to the copy: under which rule, where, what it was and what it became."""

    code: str
    where: str
    before: str
    after: str

    def __str__(self) -> str:
        return f"[{self.code}] {self.where}: {self.before} → {self.after}"


@dataclass(frozen=True)
class Fixed:
    """The result of `fix_docx`: the copy, the changes, the findings before and those of the copy."""

    target: Path
    changes: list[Change]
    before: list[Finding]
    after: list[Finding]

    @property
    def left_to_people(self) -> list[Finding]:
        """Findings of the copy whose rule is not fixed by the program."""
        return [f for f in self.after if not RULES[f.code].safe]


def fix_docx(source: Path, target: Path) -> Fixed:
    """Write to `target` a copy of `source` with the safe fixes made, then check it again.

    Raises BaocaoError when `source` is not a readable .docx or `target` cannot be written (nothing is left
    half-written: see edit.save_copy).
    """
    document = open_document(source)
    doc = Docx(document)
    before = check_document(doc)
    codes = {f.code for f in before if RULES[f.code].safe}
    changes: list[Change] = []
    for fixer in dict.fromkeys(fixer for code, fixer in FIXERS.items() if code in codes):
        made = list(fixer(doc))
        if made:  # read again: the next fixer edits text by offsets into what this one left
            changes += made
            doc.save_notes()
            doc = Docx(document)
    save_copy(document, target)
    return Fixed(target, changes, before, check_docx(target))


# --- page ------------------------------------------------------------------------------


def _sections(doc: Docx) -> Iterator[tuple[str, Section]]:
    for number, sect in enumerate(doc.sections(), 1):
        yield msg.section_place(number), Section(sect, doc.document.part)


def _mm(twips: int) -> str:
    return f"{format_number(twips / MM, 1)} mm"


def _twips(length: Length | None) -> int:
    return 0 if length is None else length.twips


def _fix_paper(doc: Docx) -> Iterator[Change]:
    for number, (where, section) in enumerate(_sections(doc), 1):
        width, height = _twips(section.page_width), _twips(section.page_height)
        landscape = width > height and number > 1  # only an appendix may stay landscape
        new = (A4[1], A4[0]) if landscape else A4
        if layout.near_a4(width, height) and (width > height) == landscape:
            continue
        section.page_width, section.page_height = Twips(new[0]), Twips(new[1])
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        yield Change("kho-giay", where, f"{_mm(width)} × {_mm(height)}", f"{_mm(new[0])} × {_mm(new[1])}")


def _fix_margins(doc: Docx) -> Iterator[Change]:
    for where, section in _sections(doc):
        if _twips(section.page_width) > _twips(section.page_height):
            continue  # a landscape appendix: which side is which is for a person to say
        for side, (low, high) in layout.MARGINS_MM.items():
            value = _twips(getattr(section, f"{side}_margin"))
            if not (low - layout.MARGIN_TOLERANCE_MM) * MM <= value <= (high + layout.MARGIN_TOLERANCE_MM) * MM:
                setattr(section, f"{side}_margin", Twips(MARGINS[side]))
                yield Change("le-trang", where, msg.margin(layout.SIDE_NAMES[side], _mm(value)), _mm(MARGINS[side]))


def _fix_page_number(doc: Docx) -> Iterator[Change]:
    section = next(_sections(doc))[1]
    if not section.different_first_page_header_footer:
        section.different_first_page_header_footer = True
        yield Change(
            "so-trang",
            msg.section_place(1),
            msg.FIRST_PAGE_SHOWS_NUMBER,
            msg.DIFFERENT_FIRST_PAGE,
        )
        return
    for part in layout.first_page_parts(doc):
        if layout.shows_page_number(part):
            layout.remove_page_fields(part)
            yield Change("so-trang", msg.section_place(1), msg.FIRST_PAGE_NUMBER_FIELD, msg.REMOVED)


# --- runs: fonts, sizes, colours, emphasis ------------------------------------------------


def _run_changes(
    code: str, items: Iterator[tuple[Para, Run, str, str]], apply: Callable[[RunProxy, str], None]
) -> Iterator[Change]:
    """Apply `apply(run, after)` to each (para, run, before, after); one change per (before, after) pair, at its
    first paragraph, with the number of paragraphs."""
    first: dict[tuple[str, str], tuple[Para, set[int]]] = {}
    for para, run, before, after in items:
        apply(RunProxy(run.element, None), after)  # type: ignore[arg-type]
        first.setdefault((before, after), (para, set()))[1].add(id(para))
    for (before, after), (para, paragraphs) in first.items():
        yield Change(code, para.where, msg.in_paragraphs(before, len(paragraphs)), after)


def _set_font(run: RunProxy, font: str) -> None:
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    drop_theme_fonts(fonts)
    run.font.name = font
    fonts.set(qn("w:cs"), font)


def _wrong_font(doc: Docx, run: Run) -> str:
    """The first font other than Times New Roman the run's text is shown in, or ""."""
    shown = (doc.styles.font(run, slot) for slot in sorted(layout.slots(run.text)))
    return next((font for font in shown if font.casefold() != TNR.casefold()), "")


def _fix_fonts(doc: Docx) -> Iterator[Change]:
    wrong = (
        (para, run, msg.font(font), msg.font(TNR))
        for para in doc.paragraphs
        for run in para.visible_runs
        if (font := _wrong_font(doc, run))
    )
    return _run_changes("phong-chu", wrong, lambda run, _: _set_font(run, TNR))


def _resize(code: str, paragraphs: list[Para], allowed: tuple[int, int]) -> Iterator[Change]:
    low, high = allowed
    wrong = (
        (para, run, msg.size(format_number(run.size)), msg.size(str(min(max(run.size, Decimal(low)), Decimal(high)))))
        for para in paragraphs
        for run in para.visible_runs
        if layout.wrong_size(run, allowed)
    )
    return _run_changes(code, wrong, lambda run, after: setattr(run.font, "size", Pt(float(after.split()[-1]))))


def _fix_sizes(doc: Docx) -> Iterator[Change]:
    return _resize("co-chu", doc.body_text, layout.BODY_SIZES)


def _fix_note_sizes(doc: Docx) -> Iterator[Change]:
    return _resize("co-chu-chu-thich", doc.notes, layout.NOTE_SIZES)


def _fix_colours(doc: Docx) -> Iterator[Change]:
    wrong = (
        (para, run, msg.colour_named(run.colour), msg.BLACK)
        for para in doc.paragraphs
        for run in para.visible_runs
        if run.colour
    )
    return _run_changes("mau-chu", wrong, lambda run, _: setattr(run.font.color, "rgb", RGBColor(0, 0, 0)))


def _emphasise(code: str, para: Para, bold: bool = False, italic: bool = False) -> Iterator[Change]:
    missing = frame.missing_emphasis(para, bold=bold, italic=italic)
    if not missing:
        return
    for run in para.visible_runs:
        proxy = RunProxy(run.element, None)  # type: ignore[arg-type]
        if bold:
            proxy.bold = True
        if italic:
            proxy.italic = True
    yield Change(code, para.where, msg.lacking(missing), missing)


# --- text: dates, Nơi nhận, closing, numbers -------------------------------------------------


def _retype(code: str, para: Para, new: str) -> Iterator[Change]:
    """Set the paragraph's text to `new` (smallest edits); the change, or nothing when it cannot be made safely."""
    old = para.text
    if new != old and set_text(para, new):
        yield Change(code, para.where, *_changed_span(old, new))


def _changed_span(old: str, new: str, context: int = 12) -> tuple[str, str]:
    """«…what changed…» in the old and the new text, with a little of the text around it."""
    prefix = len(os.path.commonprefix([old, new]))
    suffix = len(os.path.commonprefix([old[prefix:][::-1], new[prefix:][::-1]]))
    start = max(prefix - context, 0)

    def span(text: str) -> str:
        end = min(len(text) - suffix + context, len(text))
        return f"«{'…' if start else ''}{text[start:end]}{'…' if end < len(text) else ''}»"

    return span(old), span(new)


def _fix_date_line(doc: Docx) -> Iterator[Change]:
    found = frame.date_line(doc)
    if found is None:
        return
    line, match = found
    padded = frame.padded_date(match)
    new = line.text
    for group in ("month", "day"):  # right to left: offsets stay valid
        new = new[: match.start(group)] + padded[group] + new[match.end(group) :]
    yield from _retype("ngay-thang-so-0", line, new)


def _fix_date_italic(doc: Docx) -> Iterator[Change]:
    found = frame.date_line(doc)
    return _emphasise("ngay-thang-nghieng", found[0], italic=True) if found else iter(())


def _fix_text_dates(doc: Docx) -> Iterator[Change]:
    for para in doc.paragraphs:
        new = text.SHORT_DATE.sub(lambda m: text.short_date(m[0]) or m[0], para.text)
        yield from _retype("ngay-viet-tat", para, new)


def _fix_recipients(doc: Docx) -> Iterator[Change]:
    head = doc.recipients
    if head is None:
        return
    if closing.head_fixable(head):
        yield from _retype("noi-nhan-dau", head, RECIPIENTS_HEAD)
    yield from _emphasise("noi-nhan-dau", head, bold=True, italic=True)
    for line, last in closing.recipient_lines(doc):
        fixed = closing.recipient_line(line.text, last)
        if not last or fixed.startswith(BULLET + ARCHIVE):  # a last line that is no «Lưu» line is for a person
            yield from _retype("noi-nhan-dau", line, fixed)


def _fix_closing(doc: Docx) -> Iterator[Change]:
    last = closing.closing_paragraph(doc)
    if last is not None:
        yield from _retype("ket-thuc", last, close(last.text))


def _fix_numbers(doc: Docx, rule: str) -> Iterator[Change]:
    for para in doc.paragraphs:
        new = para.text
        for slip in reversed(text.number_slips(para)):
            if text.SLIP_RULES.get(slip.kind, "kieu-so") == rule:
                new = new[: slip.start] + slips.corrected(slip) + new[slip.start + len(slip.token) :]
        yield from _retype(rule, para, new)


FIXERS: dict[str, Callable[[Docx], Iterator[Change]]] = {
    "kho-giay": _fix_paper,
    "huong-giay": _fix_paper,
    "le-trang": _fix_margins,
    "so-trang": _fix_page_number,
    "phong-chu": _fix_fonts,
    "co-chu": _fix_sizes,
    "co-chu-chu-thich": _fix_note_sizes,
    "mau-chu": _fix_colours,
    "ngay-thang-so-0": _fix_date_line,
    "ngay-thang-nghieng": _fix_date_italic,
    "ngay-viet-tat": _fix_text_dates,
    "noi-nhan-dau": _fix_recipients,
    "ket-thuc": _fix_closing,
    "kieu-so": lambda doc: _fix_numbers(doc, "kieu-so"),
    "dau-phan-tram": lambda doc: _fix_numbers(doc, "dau-phan-tram"),
}
