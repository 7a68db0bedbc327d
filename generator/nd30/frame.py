"""The frame around the text: header grid, Quốc hiệu and Tiêu ngữ, số and ký hiệu, the place and date
line, Nơi nhận, and the closing ./."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from itertools import dropwhile, takewhile

from docx.oxml.ns import qn

from baocao.conventions.formatting import format_doc_number, pad_day, pad_month
from baocao.nd30.findings import (
    ERROR,
    RULE_ABBREVIATION,
    RULE_CLOSING,
    RULE_DATE,
    RULE_DOC_NUMBER,
    RULE_HEADER,
    RULE_RECIPIENTS,
    WARNING,
    Finding,
)
from baocao.nd30.reader import TBL, Docx, Para, norm, table_of

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"

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
_PLACE_DATE = re.compile(
    r"\s*(?P<place>[^,\n]{1,60}),\s*ngày\s*(?P<day>\d*)\s*tháng\s*(?P<month>\d*)\s*năm\s*(?P<year>\d{4})"
)
_TIEU_NGU_LOOSE = re.compile(r"Độc\s*lập\W*Tự\s*do\W*Hạnh\s*phúc", re.IGNORECASE)


def _missing_emphasis(para: Para, bold: bool = False, italic: bool = False) -> str:
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
        yield Finding(ERROR, "o-tieu-de", f"Không thấy Quốc hiệu «{QUOC_HIEU}». Đầu trang đầu phải có bảng 2 cột "
                      "không viền: trái là tên cơ quan và số, ký hiệu; phải là Quốc hiệu, Tiêu ngữ, địa danh và "
                      "ngày tháng.", "đầu văn bản", RULE_HEADER)
        return
    table = table_of(quoc_hieu)
    if table is None:
        yield Finding(ERROR, "o-tieu-de", "Quốc hiệu nằm trong đoạn văn thường (căn bằng dấu tab hoặc dấu cách), "
                      "không nằm trong bảng. Dùng bảng 2 cột không viền: trái là tên cơ quan và số, ký hiệu; phải là "
                      "Quốc hiệu, Tiêu ngữ, địa danh và ngày tháng.", quoc_hieu.where, RULE_HEADER)
    else:
        yield from _grid_findings(doc, table)
    if _missing_emphasis(quoc_hieu, bold=True):
        yield Finding(ERROR, "o-tieu-de", "Quốc hiệu phải in đậm.", quoc_hieu.where, RULE_HEADER)
    yield from _motto_findings(doc, quoc_hieu)


def _grid_findings(doc: Docx, table) -> Iterator[Finding]:
    where = f"bảng {doc.tables[table]}"
    outermost = ([table] + list(table.iterancestors(TBL)))[-1]
    if outermost is not doc.first_block:
        yield Finding(ERROR, "o-tieu-de", "Bảng Quốc hiệu phải ở trên cùng trang đầu, trước mọi nội dung khác.",
                      where, RULE_HEADER)
    grid = table.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")
    columns = len(grid) or max((len(row.findall(qn("w:tc"))) for row in table.iter(qn("w:tr"))), default=0)
    if columns != 2:
        yield Finding(ERROR, "o-tieu-de", f"Bảng Quốc hiệu có {columns} cột; phải là bảng 2 cột (trái: tên cơ quan, "
                      "số, ký hiệu; phải: Quốc hiệu, Tiêu ngữ, địa danh và ngày tháng).", where, RULE_HEADER)
    if doc.styles.has_visible_border(table):
        yield Finding(ERROR, "o-tieu-de", "Bảng Quốc hiệu đang hiện đường viền; chọn bảng rồi bỏ viền "
                      "(Đường viền > Không viền, Borders > No Border).", where, RULE_HEADER)
    if doc.so_line is not None and table_of(doc.so_line) is not table:
        yield Finding(ERROR, "o-tieu-de", "Dòng «Số: …» nằm ngoài bảng Quốc hiệu; đặt nó ở cột trái, dưới tên cơ "
                      "quan ban hành.", doc.so_line.where, RULE_HEADER)


def _motto_findings(doc: Docx, quoc_hieu: Para) -> Iterator[Finding]:
    motto = doc.first(_TIEU_NGU_LOOSE.search, after=quoc_hieu, within=3) or (
        quoc_hieu if _TIEU_NGU_LOOSE.search(quoc_hieu.text) else None)
    if motto is None:
        yield Finding(ERROR, "o-tieu-de", f"Không thấy Tiêu ngữ «{TIEU_NGU}» ngay dưới Quốc hiệu.",
                      quoc_hieu.where, RULE_HEADER)
        return
    written = norm(_TIEU_NGU_LOOSE.search(motto.text)[0])
    if written != TIEU_NGU:
        yield Finding(ERROR, "o-tieu-de", f"Tiêu ngữ viết «{written}»; phải là «{TIEU_NGU}» (gạch nối «-» có dấu "
                      "cách hai bên, không dùng gạch dài «–», viết hoa chữ đầu mỗi cụm).", motto.where, RULE_HEADER)
    if _missing_emphasis(motto, bold=True):
        yield Finding(ERROR, "o-tieu-de", "Tiêu ngữ phải in đậm.", motto.where, RULE_HEADER)


# --- số, ký hiệu -----------------------------------------------------------------


def check_doc_number(doc: Docx) -> Iterator[Finding]:
    line = doc.so_line
    match = _SO.match(line.text) if line else None
    if match is None:
        where = line.where if line else "đầu văn bản"
        yield Finding(ERROR, "so-ky-hieu", "Không thấy dòng số, ký hiệu đúng mẫu «Số: 05/BC-UBND» (dự thảo: "
                      "«Số:      /BC-UBND»); đặt ở cột trái bảng Quốc hiệu, dưới tên cơ quan.", where, RULE_DOC_NUMBER)
        return
    problem = _doc_number_problem(match["so"])
    if problem:
        yield Finding(ERROR, "so-ky-hieu", problem, line.where, RULE_DOC_NUMBER)
    yield from _sign_findings(doc, line, match["ky_hieu"])


def _doc_number_problem(so: str) -> str:
    """Why the number is wrong ("" if right or left blank in a draft)."""
    if not so:
        return ""
    if int(so) < 1:
        return f"Số văn bản «{so}» không hợp lệ; số văn bản bắt đầu từ 01."
    expected = format_doc_number(int(so))
    return "" if so == expected else (f"Số văn bản viết «{so}», phải là «{expected}» (số dưới 10 thêm số 0 ở "
                                      "trước; từ 10 trở lên không thêm).")


def _doc_kind(doc: Docx) -> tuple[str, str] | None:
    """(tên loại, abbreviation) from the title line ("BÁO CÁO"), None for a công văn."""
    return next((_BY_TITLE[norm(p.text).upper()] for p in doc.body_text if norm(p.text).upper() in _BY_TITLE), None)


def _sign_findings(doc: Docx, line: Para, sign: str) -> Iterator[Finding]:
    if "-" not in sign:
        yield Finding(ERROR, "so-ky-hieu", f"Ký hiệu «{sign}» chưa đủ: sau dấu «/» là chữ viết tắt tên loại và tên "
                      "cơ quan nối bằng «-» (ví dụ «BC-UBND»; công văn: «UBND-VP»).", line.where, RULE_DOC_NUMBER)
        return
    kind = _doc_kind(doc)
    if kind and sign.split("-")[0] != kind[1]:
        name, abbreviation = kind
        yield Finding(ERROR, "so-ky-hieu", f"Ký hiệu «{sign}» phải bắt đầu bằng «{abbreviation}», chữ viết tắt của "
                      f"tên loại «{name}» (ví dụ «{abbreviation}-UBND»).", line.where, RULE_ABBREVIATION)


# --- place and date ----------------------------------------------------------------


def _long_date_problems(day: str, month: str, year: str) -> list[str]:
    """What is wrong with "ngày <day> tháng <month> năm <year>" (a blank day is a draft)."""
    if not month or not 1 <= int(month) <= 12:
        return [f"Tháng «{month}» không hợp lệ; tháng phải từ 1 đến 12."]
    problems = []
    if day:
        try:
            date(int(year), int(month), int(day))
        except ValueError:
            return [f"Ngày {day} tháng {month} năm {year} không có trong lịch."]
        if day != pad_day(int(day)):
            problems.append(f"Viết «ngày {day}», phải là «ngày {pad_day(int(day))}» (ngày dưới 10 thêm số 0 ở trước).")
    if month != pad_month(int(month)):
        problems.append(f"Viết «tháng {month}», phải là «tháng {pad_month(int(month))}» (chỉ tháng 1 và tháng 2 "
                        "thêm số 0: «tháng 01», «tháng 02»; các tháng khác không thêm).")
    return problems


def check_date_line(doc: Docx) -> Iterator[Finding]:
    line = doc.first(_PLACE_DATE.match)
    if line is None:
        yield Finding(ERROR, "ngay-thang", "Không thấy dòng địa danh và ngày tháng (ví dụ «Tân Hòa, ngày 05 tháng 6 "
                      "năm 2026»); đặt ở cột phải bảng Quốc hiệu, dưới Tiêu ngữ.", "đầu văn bản", RULE_DATE)
        return
    match = _PLACE_DATE.match(line.text)
    for problem in _long_date_problems(match["day"], match["month"], match["year"]):
        yield Finding(ERROR, "ngay-thang", problem, line.where, RULE_DATE)
    if _missing_emphasis(line, italic=True):
        yield Finding(ERROR, "ngay-thang", "Dòng địa danh và ngày tháng phải in nghiêng.", line.where, RULE_DATE)


# --- Nơi nhận and the closing --------------------------------------------------------


def _recipient_lines(doc: Docx, head: Para) -> list[Para]:
    """Non-empty paragraphs after "Nơi nhận:" in the same cell (or body), up to the next empty one."""
    parent = head.element.getparent()
    siblings = [p for p in doc.text_paragraphs if p.element.getparent() is parent]
    after = dropwhile(lambda p: not p.text.strip(), siblings[siblings.index(head) + 1:])
    return list(takewhile(lambda p: p.text.strip(), after))


def _recipient_problem(text: str, last: bool) -> str:
    text = norm(text)
    if last and not text.startswith("- Lưu"):
        return "Dòng cuối của nơi nhận phải là «- Lưu: VT, …» (văn thư và đơn vị soạn thảo)."
    if last and not text.endswith("."):
        return "Dòng «- Lưu: …» phải kết thúc bằng dấu chấm «.»."
    if not text.startswith("- "):
        return "Mỗi dòng nơi nhận bắt đầu bằng gạch đầu dòng «- » (gạch nối và một dấu cách)."
    if not last and not text.endswith(";"):
        return "Mỗi dòng nơi nhận (trừ dòng cuối «- Lưu: …») phải kết thúc bằng dấu chấm phẩy «;»."
    return ""


def check_recipients(doc: Docx) -> Iterator[Finding]:
    head = doc.recipients
    if head is None:
        yield Finding(ERROR, "noi-nhan", "Không thấy «Nơi nhận:»; đặt ở cột trái bảng cuối văn bản, ngang hàng với "
                      "chức vụ người ký.", "cuối văn bản", RULE_RECIPIENTS)
        return
    if norm(head.text) != "Nơi nhận:":
        yield Finding(ERROR, "noi-nhan", f"Viết «Nơi nhận:» (có dấu hai chấm), không viết «{norm(head.text)}».",
                      head.where, RULE_RECIPIENTS)
    missing = _missing_emphasis(head, bold=True, italic=True)
    if missing:
        yield Finding(ERROR, "noi-nhan", f"«Nơi nhận:» phải in đậm và in nghiêng (đang chưa {missing}).",
                      head.where, RULE_RECIPIENTS)
    lines = _recipient_lines(doc, head)
    if not lines:
        yield Finding(ERROR, "noi-nhan", "Dưới «Nơi nhận:» chưa có dòng nào; mỗi nơi nhận một dòng «- …;», dòng cuối "
                      "«- Lưu: VT, …».", head.where, RULE_RECIPIENTS)
    for i, line in enumerate(lines):
        problem = _recipient_problem(line.text, last=i == len(lines) - 1)
        if problem:
            yield Finding(ERROR, "noi-nhan", problem, line.where, RULE_RECIPIENTS)


def check_closing(doc: Docx) -> Iterator[Finding]:
    last = next((p for p in reversed(doc.body_text) if p.text.strip()), None)
    if doc.recipients is not None and last is not None and not last.text.rstrip().endswith("./."):
        yield Finding(WARNING, "ket-thuc", "Đoạn cuối của phần nội dung (trước Nơi nhận và chữ ký) chưa kết thúc "
                      "bằng dấu «./.»; thêm «./.» vào cuối đoạn.", last.where, RULE_CLOSING)
