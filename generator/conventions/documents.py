"""The report as an ND30 document: its kind's name and sign, its number and sign, citing a document."""

from __future__ import annotations

import re
from datetime import date

from baocao.conventions.formatting import DRAFT_BLANK, format_date_short, format_doc_number

REPORT_TYPE_NAME = "BÁO CÁO"
# The place-and-date line ("Hồ Sơn, ngày 04 tháng 6 năm 2026", formatting.format_place_date writes it) as the
# checker and the importer read it back: every part loosely spaced, day and month possibly blank (a draft).
PLACE_DATE = re.compile(
    r"\s*(?P<place>[^,\n]{1,60}),\s*ngày\s*(?P<day>\d*)\s*tháng\s*(?P<month>\d*)\s*năm\s*(?P<year>\d{4})"
)
# Lines of the frame as the checker and the importer find them: "Số: 05/BC-UBND" (the number and the sign
# loosely spaced, either left blank in a draft) and the "Nơi nhận:" head (any case; `sub` drops it and its colon).
NUMBER_LABEL = "Số:"
NUMBER_LINE = re.compile(rf"\s*{NUMBER_LABEL[:-1]}\s*:")
_NUMBER = rf"{NUMBER_LINE.pattern}\s*(?P<so>\d*)\s*/\s*"  # "Số: 05/", the number blank in a draft
# The number and the sign as written (the checker: ky_hieu "BC-UBND"); a report's whole line read in parts
# (the importer: kind "BC", issuer "UBND", spaces around the dash and a final full stop allowed).
NUMBER_AND_SIGN = re.compile(rf"{_NUMBER}(?P<ky_hieu>\S*)")
NUMBER_KIND_ISSUER = re.compile(rf"{_NUMBER}(?P<kind>[A-ZĐ]+)\s*-\s*(?P<issuer>\S+?)\.?$")
RECIPIENTS_LINE = re.compile(r"\s*Nơi\s+nhận\b\s*:?", re.IGNORECASE)
REPORT_TYPE_SIGN = "BC"
#: Tên loại văn bản -> chữ viết tắt in the ký hiệu (Phụ lục III). A công văn has none.
DOC_TYPE_ABBREVIATIONS = {
    "Báo cáo": "BC",
    "Kế hoạch": "KH",
    "Quyết định": "QĐ",
    "Thông báo": "TB",
    "Tờ trình": "TTr",
    "Chỉ thị": "CT",
    "Nghị quyết": "NQ",
    "Hướng dẫn": "HD",
    "Đề án": "ĐA",
    "Phương án": "PA",
    "Chương trình": "CTr",
    "Quy chế": "QC",
    "Quy định": "QyĐ",
    "Thông cáo": "TC",
    "Biên bản": "BB",
    "Hợp đồng": "HĐ",
    "Công điện": "CĐ",
    "Giấy mời": "GM",
    "Giấy giới thiệu": "GGT",
    "Giấy nghỉ phép": "GNP",
    "Phiếu gửi": "PG",
    "Phiếu chuyển": "PC",
    "Phiếu báo": "PB",
    "Dự án": "DA",
    "Bản ghi nhớ": "BGN",
    "Bản thỏa thuận": "BTT",
    "Giấy ủy quyền": "GUQ",
    "Bản sao y": "SY",
    "Bản trích sao": "TrS",
    "Bản sao lục": "SL",
}


def document_sign(ky_hieu_loai: str | None, ky_hieu_co_quan: str) -> str:
    """The sign after the number: the kind's sign, then the issuer's ("BC-UBND"); a công văn has no kind sign.

    >>> document_sign("BC", "UBND"), document_sign(None, "UBND-VP")
    ('BC-UBND', 'UBND-VP')
    """
    return "-".join(part for part in (ky_hieu_loai, ky_hieu_co_quan) if part)


def report_sign(ky_hieu_co_quan: str) -> str:
    """A report's sign: "BC-UBND"."""
    return document_sign(REPORT_TYPE_SIGN, ky_hieu_co_quan)


def number_and_sign(so: int | str | None, sign: str, label: str = "") -> str:
    """Number and sign, after `label` if any: "05/BC-UBND", "Số: 05/BC-UBND"; DRAFT_BLANK replaces " 05"
    when so is None ("Số:      /BC-UBND"). A str so is kept as written.

    >>> number_and_sign(5, "BC-UBND"), number_and_sign(1408, "UBND-VP", "Số:")
    ('05/BC-UBND', 'Số: 1408/UBND-VP')
    """
    if so is None:
        return f"{label}{DRAFT_BLANK}/{sign}"
    number = so.strip() if isinstance(so, str) else format_doc_number(so)
    return f"{label} {number}/{sign}" if label else f"{number}/{sign}"


def format_so_ky_hieu(so: int | None, ky_hieu_loai: str | None, ky_hieu_co_quan: str) -> str:
    """Number and sign line: "Số: 05/BC-UBND", draft "Số:      /BC-UBND".

    A công văn has no ky_hieu_loai.

    >>> format_so_ky_hieu(5, "BC", "UBND"), format_so_ky_hieu(1408, None, "UBND-VP")
    ('Số: 05/BC-UBND', 'Số: 1408/UBND-VP')
    """
    return number_and_sign(so, document_sign(ky_hieu_loai, ky_hieu_co_quan), NUMBER_LABEL)


def format_doc_reference(
    kind_name: str,
    so: int | str | None,
    sign: str,
    day_date: date | None,
    issuer: str | None = None,
    about: str | None = None,
) -> str:
    """Cite a document: "Kế hoạch số 18/KH-UBND ngày 20/01/2026 của UBND xã Tân Hòa về ...".

    `sign` is everything after the slash ("KH-UBND"); `so` may be a str for Party numbers
    ("52-CV" with sign "ĐU"). No date omits "ngày ..."; `about` is given without "về".

    >>> format_doc_reference("Kế hoạch", 18, "KH-UBND", date(2026, 1, 20), "UBND tỉnh", "công tác thi đua")
    'Kế hoạch số 18/KH-UBND ngày 20/01/2026 của UBND tỉnh về công tác thi đua'
    """
    parts = [kind_name, number_and_sign(so, sign, "số")]
    if day_date is not None:
        parts.append(f"ngày {format_date_short(day_date)}")
    if issuer:
        parts.append(f"của {issuer}")
    if about:
        parts.append(f"về {about}")
    return " ".join(parts)


# Appendices: "Phụ lục I" ("Phụ lục" alone when there is one) or "Biểu số 01", with the line under the heading
# "(Kèm theo Báo cáo số … ngày … của …)"; as compose writes them, and the patterns the importer reads them by.
APPENDIX = "Phụ lục"
FORM_WORD = "Biểu"
FORM = f"{FORM_WORD} số"
APPENDIX_HEAD = re.compile(r"^(?P<kind>phụ\s+lục|biểu)(?:\s+số)?(?:\s+(?P<number>[0-9]+|[IVXLC]+))?\s*$", re.IGNORECASE)
ATTACHED = re.compile(r"^\(\s*Kèm\s+theo", re.IGNORECASE)


def attached(reference: str, day: str, issuer: str) -> str:
    """The line under an appendix's heading; `day` is " 15/6/2026" or a draft's blanks."""
    return f"(Kèm theo {reference} ngày{day} của {issuer})"


# The frame's lines as the importer reads them from a hand-made file.
TITLE_SPACED = re.compile(r"^B\s*Á\s*O\s*C\s*Á\s*O$")  # "BÁO CÁO", letters spaced out by hand
ADDRESSED = re.compile(r"^Kính\s+gửi\s*:?\s*(.*)$", re.IGNORECASE)
SIGNATURE_PLACE = re.compile(r"^\((đã\s+)?ký.*\)$|^\(chữ\s+ký", re.IGNORECASE)  # "(Đã ký)", "(chữ ký, dấu)"
