"""The frame around the text: header grid, Quốc hiệu and Tiêu ngữ, số and ký hiệu, the place and date
line, Nơi nhận, and the closing ./."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from docx.oxml.ns import qn

from baocao.conventions.documents import DOC_TYPE_ABBREVIATIONS, NUMBER_AND_SIGN, PLACE_DATE
from baocao.conventions.formatting import format_doc_number, pad_day, pad_month
from baocao.conventions.marks import MOTTO_LOOSE, QUOC_HIEU, QUOC_HIEU_LOOSE, TIEU_NGU, is_quoc_hieu
from baocao.conventions.words import norm
from baocao.messages import common, nd30
from baocao.messages import nd30_frame as msg
from baocao.nd30.findings import Finding
from baocao.nd30.reader import TBL, Docx, Para, table_of
from baocao.nd30.rules import finding

_BY_TITLE = {name.upper(): (name, abbreviation) for name, abbreviation in DOC_TYPE_ABBREVIATIONS.items()}


def missing_emphasis(para: Para, bold: bool = False, italic: bool = False) -> str:
    """What the paragraph's text lacks: "in đậm", "in nghiêng", both or ""."""
    runs = para.visible_runs
    missing = []
    if bold and not all(run.bold for run in runs):
        missing.append(msg.BOLD)
    if italic and not all(run.italic for run in runs):
        missing.append(msg.ITALIC)
    return common.both(*missing) if len(missing) == 2 else "".join(missing)


# --- header grid -----------------------------------------------------------------


def _quoc_hieu(text: str) -> re.Match[str] | None:
    return QUOC_HIEU_LOOSE.search(norm(text))


def check_header(doc: Docx) -> Iterator[Finding]:
    quoc_hieu = doc.first(_quoc_hieu)
    if quoc_hieu is None:
        yield finding(
            "o-tieu-de",
            msg.no_quoc_hieu(QUOC_HIEU),
            nd30.START_OF_DOCUMENT,
        )
        return
    table = table_of(quoc_hieu)
    if table is None:
        yield finding(
            "o-tieu-de",
            msg.QUOC_HIEU_NOT_IN_TABLE,
            quoc_hieu.where,
        )
    else:
        yield from _grid_findings(doc, table)
    written = _quoc_hieu(quoc_hieu.text)
    if written and not is_quoc_hieu(written[0]):
        yield finding("o-tieu-de", msg.quoc_hieu_written(written[0], QUOC_HIEU), quoc_hieu.where)
    if missing_emphasis(quoc_hieu, bold=True):
        yield finding("o-tieu-de", msg.QUOC_HIEU_NOT_BOLD, quoc_hieu.where)
    yield from _motto_findings(doc, quoc_hieu)


def _grid_findings(doc: Docx, table) -> Iterator[Finding]:
    where = common.table_place(doc.tables[table])
    outermost = ([table] + list(table.iterancestors(TBL)))[-1]
    if outermost is not doc.first_block:
        yield finding("o-tieu-de", msg.HEADER_NOT_FIRST, where)
    grid = table.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")
    columns = len(grid) or max((len(row.findall(qn("w:tc"))) for row in table.iter(qn("w:tr"))), default=0)
    if columns != 2:
        yield finding("o-tieu-de", msg.header_columns(columns), where)
    if doc.styles.has_visible_border(table):
        yield finding("o-tieu-de", msg.HEADER_BORDERS, where)
    if doc.so_line is not None and table_of(doc.so_line) is not table:
        yield finding("o-tieu-de", msg.NUMBER_OUTSIDE_HEADER, doc.so_line.where)


def _motto_findings(doc: Docx, quoc_hieu: Para) -> Iterator[Finding]:
    motto = doc.first(MOTTO_LOOSE.search, after=quoc_hieu, within=3) or (
        quoc_hieu if MOTTO_LOOSE.search(quoc_hieu.text) else None
    )
    if motto is None:
        yield finding("o-tieu-de", msg.no_motto(TIEU_NGU), quoc_hieu.where)
        return
    found = MOTTO_LOOSE.search(motto.text)
    assert found is not None  # motto was picked for this match
    written = norm(found[0])
    if written != TIEU_NGU:
        yield finding("o-tieu-de", msg.motto_written(written, TIEU_NGU), motto.where)
    if missing_emphasis(motto, bold=True):
        yield finding("o-tieu-de", msg.MOTTO_NOT_BOLD, motto.where)


# --- số, ký hiệu -----------------------------------------------------------------


def check_doc_number(doc: Docx) -> Iterator[Finding]:
    line = doc.so_line
    match = NUMBER_AND_SIGN.match(line.text) if line else None
    if line is None or match is None:
        yield finding("so-ky-hieu", msg.NO_NUMBER_LINE, line.where if line else nd30.START_OF_DOCUMENT)
        return
    problem = _doc_number_problem(match["so"])
    if problem:
        yield finding("so-ky-hieu", problem, line.where)
    yield from _sign_findings(doc, line, match["ky_hieu"])


def _doc_number_problem(so: str) -> str:
    """Why the number is wrong ("" if right or left blank in a draft)."""
    if not so:
        return ""
    if int(so) < 1:
        return msg.number_below_one(so)
    expected = format_doc_number(int(so))
    return "" if so == expected else msg.number_padding(so, expected)


def _doc_kind(doc: Docx) -> tuple[str, str] | None:
    """(tên loại, abbreviation) from the title line ("BÁO CÁO"), None for a công văn."""
    return next((_BY_TITLE[norm(p.text).upper()] for p in doc.body_text if norm(p.text).upper() in _BY_TITLE), None)


def _sign_findings(doc: Docx, line: Para, sign: str) -> Iterator[Finding]:
    if "-" not in sign:
        yield finding("so-ky-hieu", msg.sign_incomplete(sign), line.where)
        return
    kind = _doc_kind(doc)
    if kind and sign.split("-")[0] != kind[1]:
        name, abbreviation = kind
        yield finding("ky-hieu-loai", msg.sign_kind(sign, abbreviation, name), line.where)


# --- place and date ----------------------------------------------------------------


def _long_date_problems(day: str, month: str, year: str) -> list[tuple[str, str]]:
    """(rule code, what is wrong) with "ngày <day> tháng <month> năm <year>" (a blank day is a draft)."""
    if not month or not 1 <= int(month) <= 12:
        return [("ngay-thang", msg.bad_month(month))]
    problems = []
    if day:
        try:
            date(int(year), int(month), int(day))
        except ValueError:
            return [("ngay-thang", msg.no_such_day(day, month, year))]
        if day != pad_day(int(day)):
            problems.append(("ngay-thang-so-0", msg.day_padding(day, pad_day(int(day)))))
    if month != pad_month(int(month)):
        problems.append(("ngay-thang-so-0", msg.month_padding(month, pad_month(int(month)))))
    return problems


def date_line(doc: Docx) -> tuple[Para, re.Match[str]] | None:
    """The place and date line and its match (groups place, day, month, year)."""
    line = doc.first(PLACE_DATE.match)
    return None if line is None else (line, PLACE_DATE.match(line.text))  # type: ignore[return-value]


def padded_date(match: re.Match[str]) -> dict[str, str]:
    """The day and month of a date line's match as they must be written ("" for a draft's blank day)."""
    day, month = match["day"], match["month"]
    return {
        "day": pad_day(int(day)) if day and 1 <= int(day) <= 31 else day,
        "month": pad_month(int(month)) if month and 1 <= int(month) <= 12 else month,
    }


def check_date_line(doc: Docx) -> Iterator[Finding]:
    found = date_line(doc)
    if found is None:
        yield finding("ngay-thang", msg.NO_DATE_LINE, nd30.START_OF_DOCUMENT)
        return
    line, match = found
    for code, problem in _long_date_problems(match["day"], match["month"], match["year"]):
        yield finding(code, problem, line.where)
    if missing_emphasis(line, italic=True):
        yield finding("ngay-thang-nghieng", msg.DATE_LINE_NOT_ITALIC, line.where)
