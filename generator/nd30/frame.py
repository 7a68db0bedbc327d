"""The frame around the text: header grid, Quốc hiệu and Tiêu ngữ, số and ký hiệu, the place and date
line, Nơi nhận, and the closing ./."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from docx.oxml.ns import qn

from baocao.conventions.documents import PLACE_DATE
from baocao.conventions.formatting import format_doc_number, pad_day, pad_month
from baocao.conventions.marks import QUOC_HIEU, TIEU_NGU
from baocao.nd30.findings import Finding
from baocao.nd30.reader import TBL, Docx, Para, norm, table_of
from baocao.nd30.rules import finding

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
_BY_TITLE = {name.upper(): (name, abbreviation) for name, abbreviation in DOC_TYPE_ABBREVIATIONS.items()}

_SO = re.compile(r"\s*Số\s*:\s*(?P<so>\d*)\s*/\s*(?P<ky_hieu>\S*)")
_TIEU_NGU_LOOSE = re.compile(r"Độc\s*lập\W*Tự\s*do\W*Hạnh\s*phúc", re.IGNORECASE)


def missing_emphasis(para: Para, bold: bool = False, italic: bool = False) -> str:
    """What the paragraph's text lacks: "in đậm", "in nghiêng", both or ""."""
    runs = para.visible_runs
    missing = []
    if bold and not all(run.bold for run in runs):
        missing.append("in đậm")
    if italic and not all(run.italic for run in runs):
        missing.append("in nghiêng")
    return " và ".join(missing)


# --- header grid -----------------------------------------------------------------


def _has_quoc_hieu(text: str) -> bool:
    return QUOC_HIEU in norm(text).upper().replace("HOÀ", "HÒA")


def check_header(doc: Docx) -> Iterator[Finding]:
    quoc_hieu = doc.first(_has_quoc_hieu)
    if quoc_hieu is None:
        yield finding(
            "o-tieu-de",
            f"Không thấy Quốc hiệu «{QUOC_HIEU}». Đầu trang đầu phải có bảng 2 cột "
            "không viền: trái là tên cơ quan và số, ký hiệu; phải là Quốc hiệu, Tiêu ngữ, địa danh và "
            "ngày tháng.",
            "đầu văn bản",
        )
        return
    table = table_of(quoc_hieu)
    if table is None:
        yield finding(
            "o-tieu-de",
            "Quốc hiệu nằm trong đoạn văn thường (căn bằng dấu tab hoặc dấu cách), "
            "không nằm trong bảng. Dùng bảng 2 cột không viền: trái là tên cơ quan và số, ký hiệu; phải là "
            "Quốc hiệu, Tiêu ngữ, địa danh và ngày tháng.",
            quoc_hieu.where,
        )
    else:
        yield from _grid_findings(doc, table)
    if missing_emphasis(quoc_hieu, bold=True):
        yield finding("o-tieu-de", "Quốc hiệu phải in đậm.", quoc_hieu.where)
    yield from _motto_findings(doc, quoc_hieu)


def _grid_findings(doc: Docx, table) -> Iterator[Finding]:
    where = f"bảng {doc.tables[table]}"
    outermost = ([table] + list(table.iterancestors(TBL)))[-1]
    if outermost is not doc.first_block:
        yield finding("o-tieu-de", "Bảng Quốc hiệu phải ở trên cùng trang đầu, trước mọi nội dung khác.", where)
    grid = table.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")
    columns = len(grid) or max((len(row.findall(qn("w:tc"))) for row in table.iter(qn("w:tr"))), default=0)
    if columns != 2:
        yield finding(
            "o-tieu-de",
            f"Bảng Quốc hiệu có {columns} cột; phải là bảng 2 cột (trái: tên cơ quan, "
            "số, ký hiệu; phải: Quốc hiệu, Tiêu ngữ, địa danh và ngày tháng).",
            where,
        )
    if doc.styles.has_visible_border(table):
        yield finding(
            "o-tieu-de",
            "Bảng Quốc hiệu đang hiện đường viền; chọn bảng rồi bỏ viền "
            "(Đường viền > Không viền, Borders > No Border).",
            where,
        )
    if doc.so_line is not None and table_of(doc.so_line) is not table:
        yield finding(
            "o-tieu-de",
            "Dòng «Số: …» nằm ngoài bảng Quốc hiệu; đặt nó ở cột trái, dưới tên cơ quan ban hành.",
            doc.so_line.where,
        )


def _motto_findings(doc: Docx, quoc_hieu: Para) -> Iterator[Finding]:
    motto = doc.first(_TIEU_NGU_LOOSE.search, after=quoc_hieu, within=3) or (
        quoc_hieu if _TIEU_NGU_LOOSE.search(quoc_hieu.text) else None
    )
    if motto is None:
        yield finding("o-tieu-de", f"Không thấy Tiêu ngữ «{TIEU_NGU}» ngay dưới Quốc hiệu.", quoc_hieu.where)
        return
    found = _TIEU_NGU_LOOSE.search(motto.text)
    assert found is not None  # motto was picked for this match
    written = norm(found[0])
    if written != TIEU_NGU:
        yield finding(
            "o-tieu-de",
            f"Tiêu ngữ viết «{written}»; phải là «{TIEU_NGU}» (gạch nối «-» có dấu "
            "cách hai bên, không dùng gạch dài «–», viết hoa chữ đầu mỗi cụm).",
            motto.where,
        )
    if missing_emphasis(motto, bold=True):
        yield finding("o-tieu-de", "Tiêu ngữ phải in đậm.", motto.where)


# --- số, ký hiệu -----------------------------------------------------------------


def check_doc_number(doc: Docx) -> Iterator[Finding]:
    line = doc.so_line
    match = _SO.match(line.text) if line else None
    if line is None or match is None:
        where = line.where if line else "đầu văn bản"
        yield finding(
            "so-ky-hieu",
            "Không thấy dòng số, ký hiệu đúng mẫu «Số: 05/BC-UBND» (dự thảo: "
            "«Số:      /BC-UBND»); đặt ở cột trái bảng Quốc hiệu, dưới tên cơ quan.",
            where,
        )
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
        return f"Số văn bản «{so}» không hợp lệ; số văn bản bắt đầu từ 01."
    expected = format_doc_number(int(so))
    return (
        ""
        if so == expected
        else (f"Số văn bản viết «{so}», phải là «{expected}» (số dưới 10 thêm số 0 ở trước; từ 10 trở lên không thêm).")
    )


def _doc_kind(doc: Docx) -> tuple[str, str] | None:
    """(tên loại, abbreviation) from the title line ("BÁO CÁO"), None for a công văn."""
    return next((_BY_TITLE[norm(p.text).upper()] for p in doc.body_text if norm(p.text).upper() in _BY_TITLE), None)


def _sign_findings(doc: Docx, line: Para, sign: str) -> Iterator[Finding]:
    if "-" not in sign:
        yield finding(
            "so-ky-hieu",
            f"Ký hiệu «{sign}» chưa đủ: sau dấu «/» là chữ viết tắt tên loại và tên "
            "cơ quan nối bằng «-» (ví dụ «BC-UBND»; công văn: «UBND-VP»).",
            line.where,
        )
        return
    kind = _doc_kind(doc)
    if kind and sign.split("-")[0] != kind[1]:
        name, abbreviation = kind
        yield finding(
            "ky-hieu-loai",
            f"Ký hiệu «{sign}» phải bắt đầu bằng «{abbreviation}», chữ viết tắt của "
            f"tên loại «{name}» (ví dụ «{abbreviation}-UBND»).",
            line.where,
        )


# --- place and date ----------------------------------------------------------------


def _long_date_problems(day: str, month: str, year: str) -> list[tuple[str, str]]:
    """(rule code, what is wrong) with "ngày <day> tháng <month> năm <year>" (a blank day is a draft)."""
    if not month or not 1 <= int(month) <= 12:
        return [("ngay-thang", f"Tháng «{month}» không hợp lệ; tháng phải từ 1 đến 12.")]
    problems = []
    if day:
        try:
            date(int(year), int(month), int(day))
        except ValueError:
            return [("ngay-thang", f"Ngày {day} tháng {month} năm {year} không có trong lịch.")]
        if day != pad_day(int(day)):
            message = f"Viết «ngày {day}», phải là «ngày {pad_day(int(day))}» (ngày dưới 10 thêm số 0 ở trước)."
            problems.append(("ngay-thang-so-0", message))
    if month != pad_month(int(month)):
        message = (
            f"Viết «tháng {month}», phải là «tháng {pad_month(int(month))}» (chỉ tháng 1 và tháng 2 thêm số 0: "
            "«tháng 01», «tháng 02»; các tháng khác không thêm)."
        )
        problems.append(("ngay-thang-so-0", message))
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
        yield finding(
            "ngay-thang",
            "Không thấy dòng địa danh và ngày tháng (ví dụ «Tân Hòa, ngày 05 tháng 6 "
            "năm 2026»); đặt ở cột phải bảng Quốc hiệu, dưới Tiêu ngữ.",
            "đầu văn bản",
        )
        return
    line, match = found
    for code, problem in _long_date_problems(match["day"], match["month"], match["year"]):
        yield finding(code, problem, line.where)
    if missing_emphasis(line, italic=True):
        yield finding("ngay-thang-nghieng", "Dòng địa danh và ngày tháng phải in nghiêng.", line.where)
