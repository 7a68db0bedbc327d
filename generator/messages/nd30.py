"""Messages of the checker (baocao check): paper, margins, fonts, sizes, colours, page numbers, heading numbers."""

from __future__ import annotations

# --- paper and margins (nd30/layout.py) ---------------------------------------------------------------------------

SIDE_NAMES = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}


def section_place(number: int) -> str:
    return f"mục {number} (section)"


PAPER_UNDECLARED = "chưa khai báo"


def not_a4(shown: str) -> str:
    return f"Khổ giấy {shown}, không phải A4 (210 × 297 mm). Chọn Bố cục > Khổ giấy > A4 (Layout > Size > A4)."


FIRST_PAGE_LANDSCAPE = (
    "Trang đầu của văn bản đặt khổ ngang; chỉ phụ lục (bảng rộng) mới được đặt ngang. "
    "Chọn Bố cục > Hướng > Dọc (Layout > Orientation > Portrait)."
)


def margin_out_of_range(side: str, value: str, low: int, high: int) -> str:
    return f"lề {side} {value} mm (phải từ {low} đến {high} mm)"


MARGINS_FIX = "Sửa trong Bố cục > Lề > Lề tùy chỉnh (Layout > Margins > Custom Margins)."


def landscape_margins(problems: str) -> str:
    return f"Trang ngang có lề chưa đúng theo cả hai cách đọc (ngang và xoay dọc): {problems}. {MARGINS_FIX}"


def margins(problems: str) -> str:
    return f"Lề trang chưa đúng: {problems}. {MARGINS_FIX}"


# --- fonts, sizes, colours, page numbers (nd30/layout.py) -----------------------------------------------------------


def other_font(font: str, count: int) -> str:
    return (
        f"Chữ dùng phông «{font}» ({count} đoạn, đoạn đầu tiên ở đây); văn bản phải dùng phông Times New Roman. "
        "Chọn toàn bộ (Ctrl+A) rồi chọn phông Times New Roman."
    )


def heading_style_label(name: str) -> str:
    return f" (đề mục kiểu «{name}»)"


def body_size(size: str, style: str, count: int) -> str:
    fix = ", hoặc sửa cỡ chữ của kiểu đó." if style else "."
    return (
        f"Chữ cỡ {size}{style} ({count} đoạn, đoạn đầu tiên ở đây); phần nội dung, cả đề mục, phải cỡ 13 đến 14: "
        f"chọn các đoạn đó rồi đặt cỡ chữ 14 (hoặc 13){fix}"
    )


def note_size(size: str, count: int) -> str:
    return (
        f"Chú thích cỡ {size} ({count} đoạn, đoạn đầu tiên ở đây); chú thích thường cỡ 10 đến 12: "
        "sửa kiểu «Footnote Text» (Văn bản chú thích) cho cả văn bản."
    )


def colour(colour: str, style: str, count: int) -> str:
    fix = ", hoặc sửa màu của kiểu đó." if style else "."
    return (
        f"Chữ màu «{colour}»{style} ({count} đoạn, đoạn đầu tiên ở đây); chữ trong văn bản phải màu đen: "
        f"chọn chữ đó rồi đặt màu Tự động (Automatic){fix}"
    )


FIRST_PAGE_NUMBER = (
    "Trang đầu đang hiện số trang; văn bản không hiện số trang ở trang thứ nhất. Chọn Bố cục > Thiết lập trang > "
    "Bố trí > Trang đầu khác (Layout > Page Setup > Layout > Different first page)."
)


# --- heading numbers (nd30/outline.py) ------------------------------------------------------------------------------


def first_number(label: str, where: str, expected: str) -> str:
    return f"«{label}» là số đầu tiên {where} nên phải là «{expected}»."


def number_skipped(label: str, previous: str, place: str, expected: str) -> str:
    return f"«{label}» đứng sau «{previous}» ({place}): bỏ sót số thứ tự, phải là «{expected}»."


def number_repeated(label: str, previous: str, place: str, expected: str) -> str:
    return f"«{label}» trùng hoặc lùi số so với «{previous}» ({place}); phải là «{expected}»."


NUMBERED_PARAGRAPH = "Đoạn đánh số"
HEADING = "Đề mục"


def not_a_vietnamese_letter(label: str) -> str:
    return (
        f"Điểm «{label}» dùng chữ không có trong bảng chữ cái tiếng Việt; điểm đánh theo thứ tự "
        "a), b), c), d), đ), e), g), h), i), k)… (không có f, j, w, z)."
    )


def labelled_place(label: str, place: str) -> str:
    return f"«{label}» ({place})"


def inside(container: str) -> str:
    return f"trong {container}"


OF_THE_DOCUMENT = "của văn bản"
START_OF_DOCUMENT = "đầu văn bản"
END_OF_DOCUMENT = "cuối văn bản"
THE_DOCUMENT = "văn bản"


def quoted(label: str) -> str:
    return f"«{label}»"


def parent_missing(label: str, under: str, missing: str, inside: str) -> str:
    return (
        f"Mục «{label}» nằm dưới {under} nhưng chưa có mục «{missing}» trong {inside}. Sửa số thứ tự theo đúng mục cha."
    )


def two_sibling_styles(inside: str, label: str, first: str, place: str) -> str:
    return (
        f"Các mục con của {inside} đánh số hai kiểu: «{label}» và «{first}» ({place}); các mục cùng một cấp dùng "
        "một kiểu."
    )


def two_part_styles(label: str, first: str, place: str) -> str:
    return (
        f"«{label}» và «{first}» ({place}) dùng hai kiểu đánh số Phần khác nhau; cả văn bản chỉ dùng một kiểu: "
        "«Phần I», «Phần II»… hoặc «Phần thứ nhất», «Phần thứ hai»…."
    )


# --- number slips and placeholders (conventions/slips.py, input/placeholders.py: check and build) ---------------


def english_number(token: str, right: str) -> str:
    return (
        f"Số «{token}» viết theo kiểu tiếng Anh; viết «{right}» "
        "(dấu chấm ngăn cách hàng nghìn, dấu phẩy trước phần thập phân)."
    )


def space_before_percent(token: str, number: str) -> str:
    return f"«{token}» có dấu cách trước «%»; viết liền «{number}%»."


def double_percent(token: str, number: str) -> str:
    return f"«{token}» thừa dấu «%»; viết «{number}%» (bộ lọc phan_tram, so_ke_hoach... đã in dấu %)."


def mixed_decimals(comma: str, comma_place: str, dot: str, dot_place: str) -> str:
    return (
        f"Văn bản dùng lẫn hai kiểu dấu thập phân: dấu phẩy «{comma}» ({comma_place}) và dấu chấm «{dot}» "
        f"({dot_place}); thống nhất dùng dấu phẩy."
    )


def placeholder_left(placeholder: str) -> str:
    return f"Còn chỗ «{placeholder}» của bản nháp chưa được thay; ghi nội dung thật (hoặc xóa)."


# --- reading the file (nd30/reader.py, styles.py) -------------------------------------------------------------------

NOT_A_DOCX = "Không đọc được tệp Word: tệp không phải dạng .docx, hoặc đã hỏng."
NOT_A_DOCX_HINT = "Chỉ kiểm tra được tệp .docx; tệp .doc cũ hãy mở bằng Word rồi lưu lại dạng .docx."


def theme_font(name: str) -> str:
    return f"{name} (phông theo chủ đề)"


# --- comments on the findings (nd30/comments.py: baocao check --ghi-chu) ---------------------------------------------


def comment(label: str, code: str, message: str) -> str:
    return f"{label} [{code}]: {message}"


def how_to_fix(hint: str) -> str:
    return f"Cách sửa: {hint}"


def rule_cited(rule: str) -> str:
    return f"Căn cứ: {rule}"


# --- what `baocao check --sua` changed (nd30/fix.py): before → after ---------------------------------------------


def margin(side: str, value: str) -> str:
    return f"lề {side} {value}"


FIRST_PAGE_SHOWS_NUMBER = "trang đầu hiện số trang"
DIFFERENT_FIRST_PAGE = "Trang đầu khác (Different first page): trang 1 không có đầu trang, chân trang"
FIRST_PAGE_NUMBER_FIELD = "số trang ở đầu/chân trang của trang 1"
REMOVED = "đã bỏ"


def in_paragraphs(what: str, count: int) -> str:
    return f"{what} ({count} đoạn)"


def font(name: str) -> str:
    return f"phông «{name}»"


def size(points: str) -> str:
    return f"cỡ {points}"


def colour_named(colour: str) -> str:
    return f"màu «{colour}»"


BLACK = "màu đen"


def lacking(emphasis: str) -> str:
    return f"chưa {emphasis}"
