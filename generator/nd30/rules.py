"""The checker's rules as data: code, what the rule asks, where ND30 (or practice) states it, severity,
and whether `baocao check --sua` may fix it.

One rule, one code, one severity, one fix class. A *safe* fix changes layout or punctuation only (page,
margins, fonts, sizes, colour, zero padding of dates, Nơi nhận punctuation, the closing ./., numbers
written the English way when their reading is unambiguous); anything that could change what the text says
is *prohibited*: reported for a person to fix. The README's table of rules is `rules_markdown()`
(`baocao check --quy-tac` prints it; a test keeps the README current).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from baocao.nd30.findings import ERROR, WARNING, Finding, Severity

Autofix = Literal["an-toan", "cam"]
SAFE: Autofix = "an-toan"
PROHIBITED: Autofix = "cam"

_ND30 = "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, "
PAPER = _ND30 + "mục II.1 Khổ giấy; mục II.2 Kiểu trình bày"
MARGINS = _ND30 + "mục II.3 Định lề trang văn bản"
FONT = _ND30 + "mục II.4 Phông chữ (Unicode TCVN 6909:2001, màu đen)"
SIZE = _ND30 + "mục II.5 Cỡ chữ và kiểu chữ"
PAGE_NUMBER = _ND30 + "mục II.7 Số trang văn bản"
HEADER = _ND30 + "mục III.1 Quốc hiệu và Tiêu ngữ"
DOC_NUMBER = _ND30 + "mục III.3 Số, ký hiệu của văn bản"
ABBREVIATION = "NĐ 30/2020/NĐ-CP, Phụ lục III: Viết tắt tên loại văn bản"
DATE = _ND30 + "mục III.4 Địa danh và thời gian ban hành văn bản"
OUTLINE = _ND30 + "mục III.6 Nội dung văn bản (phần, mục, khoản, điểm)"
SIGNATURE = _ND30 + "mục III.7 Chức vụ, họ tên và chữ ký của người có thẩm quyền"
RECIPIENTS = _ND30 + "mục III.9 Nơi nhận"
PRACTICE = "Thực hành hành chính (NĐ 30 không quy định)"
NUMBER_STYLE = "Quy ước trình bày số, ngày (TCVN 6909; thực hành hành chính)"


@dataclass(frozen=True)
class Rule:
    """One rule of the checker."""

    code: str
    title: str
    locator: str
    severity: Severity
    autofix: Autofix

    @property
    def safe(self) -> bool:
        return self.autofix == SAFE


_RULES = (
    Rule("kho-giay", "Khổ giấy A4 (210 × 297 mm)", PAPER, ERROR, SAFE),
    Rule("huong-giay", "Trang đầu đặt khổ dọc; chỉ phụ lục (bảng rộng) được đặt ngang", PAPER, ERROR, SAFE),
    Rule("le-trang", "Lề trên, dưới 20–25 mm; lề trái 30–35 mm; lề phải 15–20 mm", MARGINS, ERROR, SAFE),
    Rule("le-trang-ngang", "Trang ngang (phụ lục): lề đúng khi đọc ngang hoặc xoay dọc", MARGINS, WARNING, PROHIBITED),
    Rule("phong-chu", "Phông Times New Roman", FONT, ERROR, SAFE),
    Rule("mau-chu", "Chữ màu đen, cả đề mục (kiểu Heading của Word mặc định màu xanh)", FONT, ERROR, SAFE),
    Rule("co-chu", "Phần nội dung, cả đề mục, cỡ chữ 13–14", SIZE, ERROR, SAFE),
    Rule("co-chu-chu-thich", "Chú thích cỡ chữ 10–12", PRACTICE, WARNING, SAFE),
    Rule("so-trang", "Không hiện số trang ở trang đầu", PAGE_NUMBER, ERROR, SAFE),
    Rule(
        "o-tieu-de",
        "Bảng 2 cột không viền trên cùng trang đầu; Quốc hiệu, Tiêu ngữ đúng chữ, in đậm",
        HEADER,
        ERROR,
        PROHIBITED,
    ),
    Rule("so-ky-hieu", "Số, ký hiệu đúng mẫu «Số: 05/BC-UBND»", DOC_NUMBER, ERROR, PROHIBITED),
    Rule("ky-hieu-loai", "Ký hiệu bắt đầu bằng chữ viết tắt tên loại văn bản", ABBREVIATION, ERROR, PROHIBITED),
    Rule("ngay-thang", "Có dòng địa danh và ngày tháng; ngày tháng có trong lịch", DATE, ERROR, PROHIBITED),
    Rule(
        "ngay-thang-so-0",
        "Ngày dưới 10 và tháng 1, 2 thêm số 0 («ngày 04 tháng 02»); tháng khác không thêm",
        DATE,
        ERROR,
        SAFE,
    ),
    Rule("ngay-thang-nghieng", "Dòng địa danh và ngày tháng in nghiêng", DATE, ERROR, SAFE),
    Rule("ngay-viet-tat", "Ngày trong câu viết «04/6/2026», «10/02/2026»", NUMBER_STYLE, WARNING, SAFE),
    Rule("ngay-sai", "Ngày trong câu có trong lịch (ngày/tháng/năm)", NUMBER_STYLE, WARNING, PROHIBITED),
    Rule("danh-so-muc", "Đề mục, đoạn đánh số («1. …», «a) …») đúng thứ tự, đúng cấp", OUTLINE, ERROR, PROHIBITED),
    Rule("kieu-muc", "Các mục con của một mục dùng một kiểu số thứ tự (1.1. hoặc a))", OUTLINE, WARNING, PROHIBITED),
    Rule(
        "chu-thich-go-tay",
        "Không gõ tay số chú thích (chữ nhỏ phía trên, ¹ ² ³, số dính vào chữ)",
        PRACTICE,
        WARNING,
        PROHIBITED,
    ),
    Rule("chu-thich-thu-tu", "Số chú thích gõ tay không lặp, không bỏ sót", PRACTICE, ERROR, PROHIBITED),
    Rule("chu-thich-hong", "Dấu chú thích trỏ tới chú thích có trong tệp", PRACTICE, ERROR, PROHIBITED),
    Rule("chu-thich-ky-hieu", "Chú thích đánh số tự động, không dùng ký hiệu tự đặt", PRACTICE, WARNING, PROHIBITED),
    Rule("noi-nhan", "Có «Nơi nhận:» và các dòng nơi nhận; dòng cuối «- Lưu: VT, …»", RECIPIENTS, ERROR, PROHIBITED),
    Rule(
        "noi-nhan-dau",
        "«Nơi nhận:» in đậm nghiêng, có dấu hai chấm; mỗi dòng «- …;», dòng cuối kết thúc «.»",
        RECIPIENTS,
        ERROR,
        SAFE,
    ),
    Rule("ket-thuc", "Phần nội dung kết thúc bằng «./.»", PRACTICE, WARNING, SAFE),
    Rule("chu-ky", "Khối chữ ký có chức vụ và họ tên thật của người ký", SIGNATURE, ERROR, PROHIBITED),
    Rule(
        "kieu-so",
        "Số viết kiểu Việt: «1.539,72» (chấm ngăn hàng nghìn, phẩy trước phần thập phân)",
        NUMBER_STYLE,
        ERROR,
        SAFE,
    ),
    Rule("dau-phan-tram", "Viết liền «43,4%»: không dấu cách trước «%», không «%%»", NUMBER_STYLE, WARNING, SAFE),
    Rule(
        "dau-thap-phan", "Cả văn bản (thân, bảng, chú thích) một kiểu dấu thập phân", NUMBER_STYLE, WARNING, PROHIBITED
    ),
    Rule(
        "cho-trong",
        "Không còn chỗ giữ chỗ chưa điền («(tên xã)», «(Họ và tên)», «[...]», «{{ }}»)",
        PRACTICE,
        WARNING,
        PROHIBITED,
    ),
)
RULES: dict[str, Rule] = {rule.code: rule for rule in _RULES}

README_START = "<!-- quy-tac: bảng sinh từ baocao.nd30.rules (python scripts/readme_rules.py) -->"
README_END = "<!-- /quy-tac -->"
_AUTOFIX_NAMES = {SAFE: "an toàn", PROHIBITED: "cấm (chỉ báo)"}
_SEVERITY_NAMES = {ERROR: "lỗi", WARNING: "cảnh báo"}


def finding(code: str, message: str, where: str, hint: str = "") -> Finding:
    """A finding of rule `code`: its severity and the locator cited come from the rule."""
    rule = RULES[code]
    return Finding(rule.severity, code, message, where, rule.locator, hint)


def rules_markdown() -> str:
    """The rules as a Markdown table: mã, quy tắc, căn cứ, mức độ, tự sửa (--sua)."""
    lines = ["| Mã | Quy tắc | Căn cứ | Mức độ | Tự sửa (`--sua`) |", "|---|---|---|---|---|"]
    lines += [
        f"| `{r.code}` | {r.title} | {r.locator} | {_SEVERITY_NAMES[r.severity]} | {_AUTOFIX_NAMES[r.autofix]} |"
        for r in _RULES
    ]
    return "\n".join(lines) + "\n"
