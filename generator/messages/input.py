"""Messages of the input stage: reading the YAML files (load.py)."""

from __future__ import annotations

# --- YAML syntax (input/load.py) -------------------------------------------------------------------------------

COPIED_HINT = "Xóa ký tự này (thường do sao chép từ tệp khác)."
QUOTE_HINT = "đặt cả câu trong dấu nháy kép \"...\" hoặc viết câu trong khối '>-'"
STAR_HINT = (
    "Câu bắt đầu bằng '*' (chữ đậm, nghiêng) hoặc '&' phải đặt trong dấu nháy kép, ví dụ \"**Kết quả** đạt...\"."
)
# A fragment of libyaml's English problem → what is wrong and what to do (the first that matches).
YAML_PROBLEMS = {
    "mapping values are not allowed": (
        "Có dấu hai chấm ':' ở chỗ không được phép",
        f"Nếu đây là câu văn có dấu ':', {QUOTE_HINT}. Nếu là khóa, thụt lề cho thẳng hàng với các khóa cùng cấp.",
    ),
    "could not find expected ':'": (
        "Thiếu dấu hai chấm ':' sau tên khóa",
        "Viết 'khoa: giá trị', hoặc sửa thụt lề của dòng này.",
    ),
    "did not find expected key": (
        "Thụt lề không thẳng hàng",
        "Các khóa cùng cấp phải bắt đầu ở cùng một cột; thụt lề bằng dấu cách.",
    ),
    "tab character": ("Có ký tự Tab", "Dùng dấu cách để thụt lề, không dùng phím Tab."),
    "did not find expected '-'": (
        "Các mục của danh sách thụt lề không thẳng hàng",
        "Các mục cùng danh sách phải cùng thụt lề và bắt đầu bằng '- '.",
    ),
    "did not find expected ','": (
        "Thiếu dấu đóng ngoặc ']' hoặc '}'",
        "Kiểm tra các cặp ngoặc [...] và {...} ở dòng này.",
    ),
    "found unknown escape character": (
        "Dấu '\\' trong dấu nháy kép đi với ký tự không hợp lệ",
        "Dùng dấu nháy đơn '...' hoặc viết '\\\\'.",
    ),
    "cannot start any token": (
        "Giá trị bắt đầu bằng ký tự không được phép (như @ hoặc `)",
        'Đặt giá trị trong dấu nháy kép "...".',
    ),
    "found undefined alias": ("Giá trị bắt đầu bằng '*' bị hiểu là tham chiếu '*ten'", STAR_HINT),
    "expected alphabetic or numeric character": ("Giá trị bắt đầu bằng '*' hoặc '&' bị hiểu là tham chiếu", STAR_HINT),
    "expected comment or line break": (
        "Có chữ thừa sau dấu nháy đóng (hoặc sau '|', '>')",
        f"Nếu đây là một câu, {QUOTE_HINT}.",
    ),
    "block sequence entries are not allowed": (
        "Dấu '- ' của danh sách đặt sai chỗ",
        f"Mỗi mục danh sách viết trên một dòng riêng; câu bắt đầu bằng '-' thì {QUOTE_HINT}.",
    ),
    "mapping keys are not allowed": ("Dấu '?' hoặc khóa đặt sai chỗ", f"Câu có dấu '?' hoặc ':' thì {QUOTE_HINT}."),
    "expected node content": (
        "Thiếu giá trị, hoặc thừa dấu ngoặc, dấu phẩy",
        f"Kiểm tra các cặp ngoặc [...] {{...}}; câu có các dấu này thì {QUOTE_HINT}.",
    ),
    "invalid Unicode character escape": (
        "Mã thoát \\u... trong dấu nháy kép không hợp lệ",
        "Dùng dấu nháy đơn '...', hoặc viết đúng mã \\uXXXX.",
    ),
    "found duplicate anchor": ("Tên '&...' được khai báo hai lần", "Đặt tên khác cho một trong hai."),
    "unexpected end of stream": (
        "Thiếu dấu nháy đóng \" hoặc ' ở cuối câu",
        "Thêm dấu nháy đóng cho câu bắt đầu ở dòng này.",
    ),
    "but found another document": ("Tệp có nhiều hơn một tài liệu (dòng '---')", "Xóa các dòng '---' ở giữa tệp."),
    " tag": ("Giá trị bắt đầu bằng '!' bị hiểu là kiểu dữ liệu (tag)", 'Đặt giá trị trong dấu nháy kép "...".'),
}


def other_yaml_syntax(said: str) -> str:
    """libyaml's own words, in English, quoted as its words."""
    return f"Cú pháp không hợp lệ (YAML báo: «{said}»)"


OTHER_YAML_SYNTAX_HINT = "Kiểm tra thụt lề, dấu hai chấm và dấu nháy ở dòng này hoặc dòng ngay trên."


def yaml_syntax(what: str) -> str:
    return f"Lỗi cú pháp YAML: {what}."


# --- reading a file (input/load.py) ------------------------------------------------------------------------------


def yaml_too_big(size: str, limit: str) -> str:
    return f"Tệp nặng {size} MB, quá giới hạn {limit} MB của một tệp YAML."


YAML_TOO_BIG_HINT = "Tệp báo cáo thật chỉ vài chục KB: kiểm tra có dán nhầm nội dung lớn vào tệp không."
UNREADABLE = "Không đọc được tệp."


NOT_UTF8 = "Tệp không được lưu theo mã UTF-8."
NOT_UTF8_HINT = "Lưu lại tệp với bảng mã UTF-8 (Unicode)."


def control_character(code: str) -> str:
    return f"Ký tự điều khiển U+{code} không được phép trong văn bản."


ESCAPE_HINT = "Xóa mã thoát (\\x.., \\u...) tạo ra ký tự này."

# --- values (input/load.py) ---------------------------------------------------------------------------------------


def workbook_is_folder(path: str) -> str:
    return f"'{path}' là một thư mục, không phải tệp bảng tính."


WORKBOOK_IS_FOLDER_HINT = (
    "Ghi tên tệp bảng tính trong thư mục đó, ví dụ 'so-lieu.xlsx' (đường dẫn tính từ thư mục của tệp YAML này)."
)


def number_too_long(what: str) -> str:
    return f"{what} là số quá dài (quá 4.300 chữ số)."


NUMBER_TOO_LONG_HINT = "Số báo cáo, số liệu chỉ có vài chữ số: kiểm tra có dán nhầm gì vào đây không."


def invalid_value(what: str, kind: str) -> str:
    return f"{what} không hợp lệ (loại lỗi '{kind}')."


INVALID_VALUE_HINT = "Sửa giá trị ở dòng này cho đúng kiểu của khóa (xem README hoặc baocao schema)."


def value_too_long(length: str, limit: str) -> str:
    return f"Giá trị dài {length} ký tự, quá giới hạn {limit} ký tự của một giá trị."


VALUE_TOO_LONG_HINT = (
    "Chia thành nhiều đoạn (mỗi đoạn một dòng '- ...' trong noi_dung); trích yếu, tên gọi chỉ vài dòng."
)


def too_deep(depth: int) -> str:
    return f"Các nhóm khóa và danh sách lồng nhau quá {depth} cấp."


TOO_DEEP_HINT = "Kiểm tra thụt lề và các cặp ngoặc [...] {...} ở dòng này."
TOO_MANY_VALUES = "Tệp có quá nhiều giá trị (thường do tham chiếu '*...' lồng nhau)."
TOO_MANY_VALUES_HINT = "Viết thẳng các giá trị thay vì dùng tham chiếu '*...'."
ALIAS_LOOP = "Tham chiếu '*...' trỏ vào chính nhóm chứa nó (vòng lặp)."
ALIAS_LOOP_HINT = "Viết thẳng giá trị thay vì tham chiếu."
NO_MERGE_KEY = "Không dùng khóa gộp '<<' trong tệp này."
NO_MERGE_KEY_HINT = "Viết thẳng từng khóa của nhóm."
BAD_KEY = "Khóa không hợp lệ."
BAD_KEY_HINT = "Mỗi khóa là một tên đơn giản, ví dụ: co_quan_ban_hanh:"


def key_twice(key: str, first: int) -> str:
    return f"Khóa '{key}' bị khai báo hai lần (lần đầu ở dòng {first})."


KEY_TWICE_HINT = "Xóa hoặc gộp một trong hai."


def not_a_date(value: str) -> str:
    return f"Ngày '{value}' không có trên lịch."


DATE_HINT = "Viết ngày/tháng/năm, ví dụ 15/6/2026."


def unreadable_value(value: str) -> str:
    return f"Không đọc được giá trị '{value}'."


UNREADABLE_VALUE_HINT = 'Sửa giá trị này; văn bản có ký tự đặc biệt thì đặt trong dấu nháy kép "...".'


def unsupported_tag(tag: str) -> str:
    return f"Kiểu giá trị '{tag}' không được hỗ trợ."


UNSUPPORTED_TAG_HINT = "Chỉ ghi văn bản, số, ngày, true/false."


# --- tables' rows and groups (input/rows.py) ----------------------------------------------------------------------

ROW_OUTSIDE_GROUPS = "Bảng đã chia nhóm thì mọi dòng phải nằm trong một nhóm."
ROW_OUTSIDE_GROUPS_HINT = "Chuyển dòng này vào 'dong' của một nhóm (nhom: ...)."


def empty_group(group: str) -> str:
    return f"Nhóm '{group}' chưa có dòng nào."


EMPTY_GROUP_HINT = "Thêm các dòng vào 'dong' của nhóm, hoặc xóa nhóm này."


def bad_status(value: str) -> str:
    return f"Trạng thái '{value}' không hợp lệ."


def choose_one_of(choices: str) -> str:
    return f"Chọn một trong: {choices}."


# --- figure files read back (input/figure_files.py) ---------------------------------------------------------------

MADE_BY = "Tệp số liệu do lệnh 'baocao figures' (hoặc 'baocao build --so-lieu') ghi ra."


def not_a_figure_file(item: str) -> str:
    return f"Tệp JSON không phải tệp số liệu của baocao (sai ở mục '{item}')."


NOT_JSON = "Tệp JSON không phải tệp số liệu của baocao (sai cú pháp JSON)."


def identity_rows_missing(sheet: str, keys: str) -> str:
    return f"Trang '{sheet}' thiếu dòng {keys}."


IDENTITY_ROWS_HINT = "Ghi mỗi dòng một khóa (cột A) và giá trị (cột B): don_vi (tên gọi tắt), ky_bao_cao."


# --- the next period's report (input/next_period.py) ---------------------------------------------------------------

TO_FILL = "cần điền"  # marks, in a comment, each value the clerk must fill


def not_after(period: str, old: str) -> str:
    return f"Kỳ mới '{period}' không sau kỳ '{old}' của báo cáo này."


def write_next_period(following: str) -> str:
    return f'Ghi kỳ tiếp theo, ví dụ --ky "{following}".'


NEXT_EXISTS_HINT = "Chọn tên khác bằng -o, hoặc xóa, đổi tên tệp cũ."
REWRITE_CUTOFF_NOTE = "ghi lại ngày chốt số liệu của kỳ mới (nếu có)"


def next_header(period: str, source: str) -> str:
    return (
        f"# Báo cáo {period} viết từ {source} bằng 'baocao next': điền các số liệu ghi '{TO_FILL}', "
        "sửa câu văn, bảng cho kỳ mới.\n"
    )


# --- figures from workbooks (input/fields.py, workbooks.py, sheets.py, cells.py) ------------------------------


def bad_key_name(value: str) -> str:
    return f"Tên '{value}' chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, ví dụ 'ke_hoach'."


def ladder_help(styles: str) -> str:
    return (
        f"Kiểu số thứ tự của các cấp mục, từ cấp cao nhất xuống: {styles}. Mặc định [la_ma, so, so_ghep, chu]; "
        "có Phần thì Phần đứng trên các cấp này."
    )


def figure_in_two_workbooks(name: str) -> str:
    return f"Số liệu '{name}' có ở hai bảng tính."


TWO_ROWS_HINT = "Xóa một trong hai dòng, hoặc đổi tên."
FIRST_HERE = "Lần đầu ở đây."


def override_without_workbook(name: str) -> str:
    return f"Số liệu '{name}' ghi ghi_de nhưng không bảng tính nào có số liệu này."


OVERRIDE_WITHOUT_WORKBOOK_HINT = "Kiểm tra tên số liệu trong bảng tính, hoặc xóa dòng ghi_de."


def figure_already_in_workbook(name: str) -> str:
    return f"Số liệu '{name}' đã có trong bảng tính, không khai báo lại ở đây."


ALREADY_IN_WORKBOOK_HINT = (
    "Xóa số liệu này khỏi so_lieu, hoặc ghi thêm 'ghi_de: true' để các khóa ghi ở đây thay cho bảng tính."
)


def figure_in_workbook(name: str) -> str:
    return f"Số liệu '{name}' trong bảng tính."


def not_a_workbook(name: str, suffixes: str) -> str:
    return f"Không đọc được tệp '{name}': chỉ đọc bảng tính {suffixes}."


NOT_A_WORKBOOK_HINT = "Lưu bảng tính dưới dạng Excel (.xlsx), LibreOffice (.ods) hoặc CSV UTF-8 (.csv)."


def workbook_missing(path: str) -> str:
    return f"Không tìm thấy tệp bảng tính '{path}'."


WORKBOOK_PATH_HINT = "Ghi đường dẫn tính từ thư mục của tệp YAML này."


def workbook_too_big(megabytes: int) -> str:
    return f"Tệp bảng tính lớn quá {megabytes} MB."


WORKBOOK_TOO_BIG_HINT = "Chỉ giữ trang tính số liệu trong tệp."
CSV_ONE_SHEET = "Tệp .csv chỉ có một trang, không ghi trang."
CSV_ONE_SHEET_HINT = "Xóa dòng trang."


def sheet_too_long(rows: int) -> str:
    return f"Trang tính có hơn {rows} dòng."


SHEET_TOO_LONG_HINT = "Chỉ giữ các dòng số liệu trong trang tính."


def no_such_sheet(name: str, sheet: str) -> str:
    return f"Tệp '{name}' không có trang tính '{sheet}'."


def sheets_present(names: str) -> str:
    return f"Các trang có: {names}."


UNREADABLE_WORKBOOK = "Không đọc được tệp bảng tính (tệp hỏng hoặc không đúng định dạng)."
UNREADABLE_WORKBOOK_HINT = "Mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dưới dạng .xlsx (hoặc .ods, .csv)."
REOPEN_HINT = "Mở tệp bằng Excel hoặc LibreOffice rồi lưu lại (để có giá trị đã tính), hoặc ghi số thay cho công thức."


def no_name_column(key: str, header: int) -> str:
    return f"Không có cột '{key}' (tên số liệu, như trong so_lieu) ở dòng tiêu đề {header}."


def add_name_column(key: str) -> str:
    return f"Thêm cột có tiêu đề {key}."


def add_or_map_name_column(key: str) -> str:
    return f"Thêm cột có tiêu đề {key}, hoặc ghi cot: {{{key}: <tiêu đề cột tên>}}."


def not_a_figure_key(key: str) -> str:
    return f"'{key}' không phải là khóa của số liệu."


def not_a_cell(address: str) -> str:
    return f"'{address}' không phải là địa chỉ ô."


CELL_ADDRESS_HINT = "Ghi địa chỉ ô như C5 (cột C, dòng 5)."


def heading_not_a_key(heading: str) -> str:
    return f"Tiêu đề cột '{heading}' không phải là khóa của số liệu."


HEADING_HINT = "Sửa tiêu đề, hoặc dùng cot: để chọn cột theo tiêu đề của bạn."


def no_such_column(header: int, sheet: str, heading: str) -> str:
    return f"Dòng tiêu đề {header} của trang '{sheet}' không có cột '{heading}'."


def columns_present(shown: str) -> str:
    return f"Các cột có: {shown}."


HEADER_ROW_HINT = "Kiểm tra dong_tieu_de (dòng có tiêu đề cột)."
ROW_WITHOUT_NAME = "Dòng có số liệu nhưng chưa có tên số liệu."
ROW_WITHOUT_NAME_HINT = "Ghi tên không dấu, ví dụ lua_xuan, như khóa trong so_lieu."


def figure_twice_in_sheet(name: str, first: str) -> str:
    return f"Số liệu '{name}' có hai lần trong trang tính (lần đầu ở {first})."


CONTROL_CHARACTER_IN_CELL = "Ô có ký tự điều khiển không được phép trong văn bản."
FORMULA_WITHOUT_VALUE = "Ô có công thức nhưng chưa có giá trị đã tính."
