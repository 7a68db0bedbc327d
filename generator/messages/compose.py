"""Messages of the compose stage: sentences and their expressions, the sandbox's refusals, inline markup."""

from __future__ import annotations

# --- figures named in sentences, tables and charts (compose/narrative.py) --------------------------------------


def undeclared_figure(name: str) -> str:
    return f"Số liệu '{name}' chưa được khai báo trong so_lieu."


def not_rolled_up(name: str) -> str:
    return f"Số liệu '{name}' không tổng hợp từ báo cáo cấp dưới (tong_tu) nên không có chi tiết theo đơn vị."


def add_plan_or(drop: str) -> str:
    return f"Thêm kế hoạch này cho số liệu, hoặc {drop}."


def no_attribute(figure: str, name: str) -> str:
    return f"Số liệu '{figure}' không có thuộc tính '{name}'."


def no_item(name: str) -> str:
    return f"Không có mục '{name}'."


def undefined_name(name: str) -> str:
    return f"Tên '{name}' chưa được định nghĩa."


def usable_in_sentences(names: str) -> str:
    return f"Tên dùng được trong câu: {names}."


# --- expressions (compose/narrative.py) ---------------------------------------------------------------------------

SAFE_HINT = "Câu văn chỉ được gọi số liệu và bộ lọc, ví dụ {{ so_lieu.ten | so }}."
SYNTAX_HINT = (
    "Mỗi '{{' phải có '}}' đi kèm; tên số liệu viết liền, không dấu cách, ví dụ {{ so_lieu.dien_tich_lua | so }}."
)
SYNTAX_MESSAGES = {  # a fragment of Jinja's English message → what is wrong (the first that matches)
    "unexpected end of template": "câu đã hết mà biểu thức chưa được đóng",
    "expected token 'end of print statement'": "thiếu '}}', hoặc tên có dấu cách",
    "unexpected char": "có dấu nháy hoặc ký tự chưa được đóng",
    "Expected an expression": "trong {{ ... }} còn thiếu tên số liệu",
    "expected name or number": "thiếu tên sau dấu chấm",
    "unknown tag": "thẻ {% ... %} không hợp lệ; câu văn chỉ dùng {% if %} ... {% endif %}",
    "expected token": "thiếu hoặc thừa dấu ngoặc, dấu phẩy",
    "unexpected '": "thừa hoặc thiếu dấu ngoặc",
}


def other_syntax(said: str) -> str:
    """Jinja's own words, in English, quoted as its words."""
    return f"cú pháp không hợp lệ (Jinja báo: «{said}»)"


def syntax_got(what: str, got: str) -> str:
    return f"{what} (gặp '{got}')"


def bad_expression(why: str) -> str:
    return f"Biểu thức {{{{ ... }}}} viết sai: {why}."


def control_character(code: str) -> str:
    return f"Biểu thức tạo ra ký tự điều khiển U+{code}, không dùng được trong văn bản."


CONTROL_CHARACTER_HINT = "Xóa mã thoát (\\x.., \\u...) trong {{ ... }}."
CLOSE_MARKUP_HINT = "Đóng cặp dấu đánh dấu, hoặc viết \\* để có dấu * thường."
BLOCKED = "thao tác bị chặn"


def refused(reason: str) -> str:
    return f"Biểu thức không được phép vì lý do an toàn ({reason})."


TOO_DEEP = "lồng nhau quá sâu hoặc tự gọi lại chính nó"


def over_limit(reason: str) -> str:
    return f"Biểu thức vượt giới hạn cho phép ({reason})."


OVER_LIMIT_HINT = (
    "Viết biểu thức ngắn gọn hơn: không lặp quá nhiều lần, không tạo chuỗi quá dài, macro không gọi lại chính nó."
)
FILTER_LIST_HINT = "Xem danh sách bộ lọc trong README."
ARITHMETIC = "Không tính được biểu thức: chia cho 0, hoặc số quá lớn."
ARITHMETIC_HINT = "Kiểm tra phép tính trong {{ ... }}."
WRONG_TYPE = "Không tính được biểu thức: phép tính hoặc bộ lọc gặp giá trị không đúng kiểu (chữ thay cho số...)."
WRONG_TYPE_HINT = (
    "Kiểm tra thứ tự phép tính và bộ lọc; bộ lọc | so đặt ở cuối, ví dụ {{ (so_lieu.a.gia_tri * 2) | so }}."
)


def expression_failed(said: str) -> str:
    """Python's own words, in English, quoted as its words."""
    return f"Không tính được biểu thức (Python báo: «{said}»)."


EXPRESSION_HINT = "Kiểm tra biểu thức trong {{ ... }}."

# --- the sandbox (compose/sandbox.py) -----------------------------------------------------------------------------


def not_allowed(name: str) -> str:
    return f"không được dùng '{name}'"


STRING_TOO_LONG = "chuỗi quá dài"
NUMBER_TOO_BIG = "số quá lớn"
NO_STRING_METHODS = "không gọi hàm của chuỗi; hãy dùng bộ lọc, ví dụ {{ ten | upper }}"
NO_PERCENT_FORMAT = "không định dạng chuỗi bằng '%'"


def no_tag_in_sentences(tag: str) -> str:
    return f"câu văn không dùng thẻ {{% {tag} %}}"


NOT_PRINTABLE = "Giá trị này không in được (trống hoặc đúng/sai); dùng một số liệu có giá trị."


def too_many_decimals(number: str) -> str:
    return f"Kết quả {number}… có quá nhiều chữ số thập phân; làm tròn bằng bộ lọc, ví dụ {{{{ ... | so(1) }}}}."


WHOLE_GROUP = (
    "Không in trực tiếp được cả một nhóm; gọi một mục hoặc thuộc tính của nó, "
    "ví dụ {{ so_lieu.ten | so }} hoặc {{ nhiem_vu.tong.da_hoan_thanh }}."
)

# --- inline markup (compose/markup.py, narrative.py) --------------------------------------------------------------


def unclosed_mark(mark: str) -> str:
    return f"Dấu '{mark}' được mở mà chưa đóng trong câu."


UNCLOSED_NOTE = "Chú thích '[^' chưa có dấu ']' đóng."
NOTE_IN_NOTE = "Không được đặt chú thích [^...] bên trong một chú thích khác hoặc ở chỗ này."


# --- filters (compose/filters.py) ---------------------------------------------------------------------------------


def needs_a_figure(value: str) -> str:
    return f"Bộ lọc này cần một số liệu (so_lieu.ten), không phải '{value}'."


def figure_lacks(name: str, field: str) -> str:
    return f"Số liệu '{name}' chưa có {field}."


NO_NUMBER = "Chưa có số để tính (giá trị trống)."


def not_a_number(value: str) -> str:
    return f"'{value}' không phải là một số."


def not_whole(value: str) -> str:
    return f"'{value}' không phải là số nguyên."


def bad_decimals(value: str) -> str:
    return f"Số chữ số thập phân '{value}' không hợp lệ; ghi một số nguyên từ 0 đến 6."


ZERO_BASE = "Không tính được tỷ lệ khi mẫu số bằng 0."


def unknown_option(name: str) -> str:
    return f"Bộ lọc không có tham số '{name}' (dùng ke_hoach, viet_tat, so_le)."


def bad_option(value: str) -> str:
    return f"Tham số '{value}' không hợp lệ: ghi tên kế hoạch ('nghi_quyet'), true (viết tắt) hoặc số chữ số thập phân."


def no_plan(name: str) -> str:
    return f"Số liệu '{name}' chưa có kế hoạch."


PLAN_BASE = "kế hoạch"
SAME_PERIOD_BASE = "cùng kỳ"


def meaningless_percent(name: str, base_name: str, value: str, base: str) -> str:
    return (
        f"Không tính tỷ lệ % của '{name}' so với {base_name}: giá trị {value}, {base_name} {base} "
        f"(tỷ lệ chỉ có nghĩa khi cả hai không âm và {base_name} lớn hơn 0)."
    )


def no_day(value: str) -> str:
    return f"'{value}' thiếu ngày."


def not_roman(number: int, largest: int) -> str:
    return f"Không viết được {number} bằng số La Mã (chỉ từ 1 đến {largest})."


# --- the outline (compose/report.py, levels.py) -------------------------------------------------------------------

SECTION_MISPLACED = "Không đặt mục có tiêu đề ở phần mở đầu hoặc trong danh sách gạch đầu dòng."
SECTION_MISPLACED_HINT = "Chuyển mục này vào noi_dung, ngang hàng với các mục khác."
LIST_TOO_DEEP = "Danh sách lồng quá hai cấp (chỉ có '-' và '+')."
LIST_TOO_DEEP_HINT = "Gộp bớt một cấp danh sách."
OUTLINE_TOO_DEEP = "Đề cương quá nhiều cấp (sâu nhất là điểm a), b), c)...)."
OUTLINE_TOO_DEEP_HINT = "Chuyển bớt nội dung thành đoạn văn hoặc gạch đầu dòng."
PART_WITH_TEXT = "Phần (Phần I, Phần II) là tiêu đề riêng một dòng, không viết doan."
PART_WITH_TEXT_HINT = "Chuyển đoạn văn vào noi_dung của Phần."
CHILD_STYLE_HINT = "Chọn kieu_muc_con thấp hơn kiểu của mục này, hoặc xóa dòng kieu_muc_con."


def two_styles_at_level(here: str, first: str, line: int) -> str:
    return f"Các mục cùng cấp đánh số hai kiểu: «{here}» ở đây và «{first}» ở dòng {line}."


TWO_STYLES_HINT = "Nên dùng một kiểu cho mỗi cấp: sửa kieu_muc_con, hoặc khai báo kieu_muc cho cả báo cáo."


def typed_number(start: str) -> str:
    return f"«{start}» có ghi số thứ tự."


TYPED_NUMBER_HINT = "Xóa số thứ tự ở đầu; số được đánh tự động."
PARTS = "phần"
SECTIONS = "mục"


def too_many_roman(count: str, what: str, largest: str) -> str:
    return f"Quá {count} {what} đánh số La Mã ở cùng một cấp: số La Mã chỉ viết được đến {largest}."


TOO_MANY_PARTS_HINT = "Gộp các phần lại."
TOO_MANY_SECTIONS_HINT = "Gộp các mục, hoặc đánh số cấp này kiểu 1., 2. (kieu_muc)."


def too_many_points(count: int) -> str:
    return f"Quá {count} điểm a), b), c)... trong một mục."


TOO_MANY_POINTS_HINT = "Chuyển bớt các điểm thành gạch đầu dòng hoặc chia thành nhiều mục."


def too_many_part_words(count: int) -> str:
    return f"Cách ghi 'Phần thứ …' chỉ dùng cho tối đa {count} phần."


TOO_MANY_PART_WORDS_HINT = "Dùng kieu_phan: so (Phần I, Phần II, ...) cho báo cáo nhiều phần."

# --- the report as a whole (compose/report.py) --------------------------------------------------------------------

NO_APPENDIX = "Báo cáo chỉ gồm phụ lục (chi_phu_luc: true) nhưng chưa có phụ lục nào."
NO_APPENDIX_HINT = "Thêm danh sách phu_luc, hoặc bỏ dòng chi_phu_luc."


def appendices_only_with(key: str) -> str:
    return f"Báo cáo chỉ gồm phụ lục (chi_phu_luc: true) không có {key}."


def appendices_only_with_hint(key: str) -> str:
    return f"Xóa {key}, hoặc bỏ dòng chi_phu_luc để soạn cả báo cáo."


NO_CLOSING_PARAGRAPH = (
    "Báo cáo không có câu kết (ket_luan: false) thì phải kết thúc bằng một đoạn văn (dấu './.' đặt cuối đoạn đó)."
)
NO_CLOSING_PARAGRAPH_HINT = "Thêm một đoạn văn cuối noi_dung, hoặc bỏ dòng ket_luan: false để có câu kết mặc định."
NO_SUBJECT = "Báo cáo loại 'chung' cần ghi trich_yeu."
NO_SUBJECT_HINT = "Thêm dòng 'trich_yeu: ...' (nội dung chính của báo cáo)."


def markup_in_frame_line(key: str) -> str:
    return f"Dòng '{key}' không dùng chữ đậm, nghiêng, chỉ số trên hay chú thích."


MARKUP_IN_FRAME_LINE_HINT = "Xóa các dấu **, *, ^ hoặc [^...] ở dòng này (mẫu Word đã định dạng sẵn)."

# --- footnotes (compose/notes.py) ---------------------------------------------------------------------------------


def undefined_note(name: str) -> str:
    return f"Chú thích '[^{name}]' chưa được định nghĩa trong chu_thich."


def undefined_note_hint(name: str) -> str:
    return f"Thêm '{name}: nội dung chú thích' vào nhóm chu_thich."


def unused_note(name: str) -> str:
    return f"Chú thích '{name}' được định nghĩa nhưng không được dùng."


def unused_note_hint(name: str) -> str:
    return f"Gọi nó trong câu bằng [^{name}] hoặc xóa đi."
