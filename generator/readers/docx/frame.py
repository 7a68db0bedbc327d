"""The ND30 frame of a report read back: header grid, title, trích yếu, Kính gửi, closing, Nơi nhận, signer.

Lines are told apart by what they say, not where they sit, so a header made as a table, as text boxes,
or as paragraphs split by tabs reads alike: "Số: …/BC-…" is the number, "…, ngày … tháng … năm …" the
date line, Quốc hiệu and Tiêu ngữ are left out, and the capitals left are the issuer (a first line not
in bold above bold ones is the cơ quan chủ quản). At the end, lines starting "- " are Nơi nhận, capitals
are the signer's titles, the last other line the signer's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from baocao.conventions import marks, words
from baocao.conventions.documents import (
    ADDRESSED,
    APPENDIX_HEAD,
    ATTACHED,
    FORM_WORD,
    NUMBER_KIND_ISSUER,
    PLACE_DATE,
    RECIPIENTS_LINE,
    REPORT_TYPE_SIGN,
    SIGNATURE_PLACE,
    TITLE_SPACED,
)
from baocao.conventions.numbering import read_label
from baocao.conventions.words import norm
from baocao.document.model import Text
from baocao.messages import readers as msg
from baocao.readers.docx.content import Block, Para, Table, para_at
from baocao.readers.docx.summary import Summary
from baocao.readers.docx.text import issuer_line, level_of, sentence_case

_AUTHORITY = re.compile(r"^(TM|KT|TL|TUQ|Q)\.\s*(.*)$")
_SEPARATOR = re.compile(r"^[-_–—=.*\s]+$")
MAX_SUBJECT_LINES = 4


@dataclass
class Frame:
    """What the frame of the document says, and where its body lies."""

    profile: dict[str, Any] = field(default_factory=dict)
    report: dict[str, Any] = field(default_factory=dict)
    body: list[Block] = field(default_factory=list)
    appendices: list[list[Block]] = field(default_factory=list)
    subject: str = ""


def read_frame(blocks: list[Block], summary: Summary) -> Frame:
    """Split `blocks` into frame, body and appendices; the frame's values in profile and report keys."""
    title = next((i for i, b in enumerate(blocks) if isinstance(b, Para) and TITLE_SPACED.match(b.plain.upper())), None)
    if title is None:
        raise LookupError("no title")
    frame = Frame()
    _header(_lines(blocks[:title]), frame, summary)
    start = _subject(blocks, title + 1, frame)
    end = _recipients_block(blocks, start)
    if end is None:
        summary.doubt("", msg.NO_RECIPIENTS)
        end = len(blocks)
        tail: list[Block] = []
    else:
        tail = blocks[end:]
    appendix_start = next((i for i, b in enumerate(tail) if i and _starts_appendix(b)), len(tail))
    _signature(_lines(tail[:appendix_start]), frame, summary)
    frame.appendices = _split_appendices(tail[appendix_start:])
    body = blocks[start:end]
    while body and isinstance(body[-1], Para) and not body[-1].plain:
        body.pop()
    frame.body = body
    return frame


# ---- header ------------------------------------------------------------------------


def _lines(blocks: list[Block]) -> list[tuple[str, bool, str]]:
    """(text, bold, place) of every line of `blocks`: cells, text boxes, tab-separated pieces."""
    lines = []
    for block in blocks:
        paragraphs = (
            [p for row in block.rows for cell in row for p in cell.paragraphs] if isinstance(block, Table) else [block]
        )
        for para in paragraphs:
            for inner in [para, *para.boxes]:
                lines += [(text, bold, inner.place) for text, bold in _pieces(inner)]
    return lines


def _pieces(para: Para) -> list[tuple[str, bool]]:
    """The paragraph split at tabs and line breaks, each piece with whether it is all bold."""
    pieces: list[tuple[str, bool]] = []
    text, bold = "", True
    for inline in para.inlines:
        if not isinstance(inline, Text):
            continue
        for i, part in enumerate(re.split(r"[\t\n]", inline.text)):
            if i:
                pieces.append((text, bold))
                text, bold = "", True
            text += part
            if part.strip():
                bold = bold and inline.bold
    pieces.append((text, bold))
    label = [(para.auto_label, False)] if para.auto_label else []
    return [(norm(t), b) for t, b in label + pieces if norm(t)]


def _header(lines: list[tuple[str, bool, str]], frame: Frame, summary: Summary) -> None:
    issuer: list[tuple[str, bool]] = []
    profile, report = frame.profile, frame.report
    for text, bold, place in lines:
        number, date = NUMBER_KIND_ISSUER.match(text), PLACE_DATE.match(text)
        if number:
            report["so"] = int(number["so"]) if number["so"] else None
            profile["ky_hieu"] = number["issuer"]
            if number["kind"] != REPORT_TYPE_SIGN:
                summary.doubt(place, msg.not_a_report_sign(number["kind"]))
        elif date:
            profile["dia_danh"] = norm(date["place"])
            month, year = date["month"], date["year"]
            if not month:
                summary.doubt(place, msg.NO_MONTH)
            else:
                report["ngay"] = f"{date['day']}/{month}/{year}" if date["day"] else f"{month}/{year}"
        elif (
            not (marks.QUOC_HIEU_LOOSE.match(text) or marks.MOTTO_LOOSE.match(text) or _SEPARATOR.match(text))
            and text.isupper()
        ):
            issuer.append((text, bold))
    if "so" not in report:
        summary.doubt("", msg.NO_NUMBER_LINE)
    if "ngay" not in report:
        summary.doubt("", msg.NO_DATE_LINE)
    if len(issuer) >= 2 and not issuer[0][1] and all(bold for _, bold in issuer[1:]):
        profile["co_quan_chu_quan"] = issuer[0][0]
        issuer = issuer[1:]
    names = [issuer_line(text) for text, _ in issuer]
    if not names:
        summary.doubt("", msg.NO_ISSUER)
    profile["co_quan_ban_hanh"] = names
    profile["cap"] = next((level_of(n) for n in reversed(names) if level_of(n)), "") or level_of(
        issuer_line(profile.get("co_quan_chu_quan", ""))
    )


def _subject(blocks: list[Block], start: int, frame: Frame) -> int:
    """Read trích yếu, the italic line and Kính gửi after the title; the index where the body starts."""
    lines: list[str] = []
    i = start
    while (line := para_at(blocks, i)) is not None and len(lines) < MAX_SUBJECT_LINES:
        visible = [t for t in line.inlines if isinstance(t, Text) and t.text.strip()]
        if (
            not line.plain
            or line.auto_label
            or read_label(line.plain)
            or ADDRESSED.match(line.plain)
            or line.plain.startswith("(")
            or not visible
            or not all(t.bold for t in visible)
            and line.align != "center"
        ):
            break
        lines.append("\n".join(norm(part) for part in line.text.split("\n") if norm(part)))
        i += 1
    frame.subject = "\n".join(lines)
    frame.report["trich_yeu"] = frame.subject
    while (para := para_at(blocks, i)) is not None and (not para.plain or _SEPARATOR.match(para.plain)):
        i += 1
    if (para := para_at(blocks, i)) is not None and _italic_line(para):
        frame.report["dong_nghieng"] = para.plain
        i += 1
    while (para := para_at(blocks, i)) is not None and not para.plain:
        i += 1
    return _addressees(blocks, i, frame)


def _italic_line(para: Para) -> bool:
    visible = [t for t in para.inlines if isinstance(t, Text) and t.text.strip()]
    return para.plain.startswith("(") and para.plain.endswith(")") and bool(visible) and all(t.italic for t in visible)


def _addressees(blocks: list[Block], i: int, frame: Frame) -> int:
    block = para_at(blocks, i)
    match = ADDRESSED.match(block.plain) if block is not None else None
    if match is None:
        return i
    names = [match.group(1)] if match.group(1) else []
    i += 1
    while (para := para_at(blocks, i)) is not None and para.plain.startswith(("-", "–")):
        names.append(para.plain)
        i += 1
    frame.report["kinh_gui"] = [marks.bare(n) for n in names if marks.bare(n)]
    return i


# ---- end: Nơi nhận, signer ------------------------------------------------------------


def _recipients_block(blocks: list[Block], start: int) -> int | None:
    """Index of the block holding 'Nơi nhận:' (a table's cell or a paragraph)."""
    for i in range(start, len(blocks)):
        if any(RECIPIENTS_LINE.match(text) for text, _, _ in _lines([blocks[i]])):
            return i
    return None


def _signature(lines: list[tuple[str, bool, str]], frame: Frame, summary: Summary) -> None:
    recipients: list[str] = []
    titles: list[str] = []
    names: list[str] = []
    for text, _, _ in lines:
        archive = marks.ARCHIVE_LINE.match(text)
        if RECIPIENTS_LINE.match(text):
            rest = RECIPIENTS_LINE.sub("", text, count=1).strip()
            if rest:
                recipients.append(rest)
        elif archive and archive["colon"]:
            places = [marks.bare(x) for x in archive["places"].split(",") if marks.bare(x)]
            frame.profile["luu"] = places or [marks.DEFAULT_ARCHIVE]
        elif text.startswith(("-", "–", "+")):
            recipients.append(text)
        elif SIGNATURE_PLACE.match(text) or _SEPARATOR.match(text):
            continue
        elif text.isupper():
            titles.append(text)
        else:
            names.append(text)
    recipients = [marks.bare(r) for r in recipients if marks.bare(r)]
    if frame.report.get("kinh_gui"):
        recipients = [r for r in recipients if r.lower() != marks.AS_ADDRESSED.lower()]
    frame.profile["noi_nhan"] = recipients
    frame.profile.setdefault("luu", [marks.DEFAULT_ARCHIVE])
    frame.profile["nguoi_ky"] = _signer(titles, names[-1] if names else "", summary)


def _signer(titles: list[str], name: str, summary: Summary) -> dict[str, str]:
    signer = {"tham_quyen": "", "thay_cho": "", "chuc_vu": "", "ho_ten": name}
    if not name:
        summary.doubt("", msg.NO_SIGNER_NAME)
        signer["ho_ten"] = words.SIGNER_NAME
    if titles:
        authority = _AUTHORITY.match(titles[0])
        if authority and authority.group(1) == "Q":
            signer["tham_quyen"], signer["chuc_vu"] = "Q.", sentence_case(authority.group(2))
        elif authority:
            signer["tham_quyen"], signer["thay_cho"] = f"{authority.group(1)}.", sentence_case(authority.group(2))
            signer["chuc_vu"] = sentence_case(titles[1]) if len(titles) > 1 else ""
        else:
            signer["chuc_vu"] = sentence_case(titles[0])
    if not signer["chuc_vu"]:
        summary.doubt("", msg.NO_SIGNER_POSITION)
        signer["chuc_vu"] = words.POSITION
    return signer


# ---- appendices ---------------------------------------------------------------------


def _starts_appendix(block: Block) -> bool:
    return isinstance(block, Para) and bool(APPENDIX_HEAD.match(block.plain))


def _split_appendices(blocks: list[Block]) -> list[list[Block]]:
    groups: list[list[Block]] = []
    for block in blocks:
        if _starts_appendix(block):
            groups.append([block])
        elif groups:
            groups[-1].append(block)
    return groups


def appendix_kind(label: str) -> str:
    """'bieu' for 'Biểu số 01', 'phu_luc' for 'Phụ lục I'."""
    match = APPENDIX_HEAD.match(norm(label))
    return "bieu" if match and match.group("kind").lower() == FORM_WORD.lower() else "phu_luc"


def is_attached_line(text: str) -> bool:
    return bool(ATTACHED.match(text))
