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


# --- the new period's workbooks (input/next_workbooks.py) ---------------------------------------------------------

FILL_CELL = "Điền số liệu kỳ mới vào ô này (ô đã được để trống)."
ODS_COPIED = "Bảng tính .ods được chép nguyên: cập nhật số liệu kỳ mới trong tệp (gia_tri, cung_ky, ke_hoach)."


def cell_to_fill(key: str, name: str) -> str:
    return f"Chưa điền {key} của số liệu '{name}'."


NEXT_WORKBOOK_EXISTS = "Tệp bảng tính của kỳ mới đã có, không ghi đè."
REMOVE_OLD_HINT = "Xóa hoặc đổi tên tệp cũ."

# --- periods and dates (input/period.py) ----------------------------------------------------------------------------


def unknown_period(text: str, forms: str) -> str:
    return f"Không hiểu kỳ báo cáo '{text}'. Viết theo một trong các dạng: {forms}."


def bad_issue_date(value: str) -> str:
    return (
        f"Ngày '{value}' không hợp lệ. Viết ngày/tháng/năm, ví dụ 15/6/2025; dự thảo chưa "
        f"có ngày thì viết tháng/năm, ví dụ 6/2025."
    )


# --- init's starter files: the comments on their keys (input/scaffold.py; `import` writes the same) ---------------

PROFILE_COMMENTS = {  # key of don-vi.yaml → the comment after it
    "co_quan_chu_quan": "cơ quan chủ quản (nếu có), ví dụ UBND tỉnh Lạng Sơn; UBND xã, phường để trống",
    "co_quan_ban_hanh": "tên cơ quan ban hành, mỗi dòng một mục (tự viết HOA)",
    "ten_goi_tat": "tên gọi tắt, dùng trong câu văn và câu kết",
    "ky_hieu": "chữ viết tắt trong số, ký hiệu: Số: 05/BC-UBND",
    "cap": "tỉnh, thành phố, xã, phường, đặc khu (huyện chỉ cho kỳ trước 01/7/2025)",
    "dia_danh": 'địa danh ở dòng ngày tháng: "Tân Hòa, ngày 15 tháng 6 năm 2026"',
    "nguoi_ky": "người ký mặc định của các báo cáo",
    "noi_nhan": 'nơi nhận mặc định; dấu "- " và ";" được thêm tự động',
    "luu": 'nơi lưu, thành dòng cuối "- Lưu: VT."',
    "thu_muc_mau": "thư mục mẫu Word dùng chung (ví dụ của tỉnh); để trống nếu không có",
}
SIGNER_COMMENTS = {  # nguoi_ky's keys → comment
    "tham_quyen": "TM., KT., TL., TUQ., Q. hoặc để trống nếu ký trực tiếp",
    "thay_cho": "người đứng đầu hoặc tập thể được ký thay (với KT., TM.)",
    "chuc_vu": "chức vụ người ký",
    "ho_ten": "họ và tên người ký",
}
REPORT_COMMENTS = {  # key of a report → comment ('loai' is followed by the kinds; trich_yeu: subject_comment)
    "don_vi": "tệp hồ sơ đơn vị, tính từ thư mục này",
    "loai": "loại báo cáo:",
    "ky_bao_cao": "kỳ: 6 tháng đầu năm 2026, 9 tháng năm 2026, quý II năm 2026, tháng 5 năm 2026, năm 2026",
    "so": "số văn bản; để trống khi là dự thảo (văn thư điền sau)",
    "ngay": "ngày ban hành 15/6/2026; dự thảo chưa có ngày ghi tháng/năm",
    "dong_nghieng": "dòng in nghiêng dưới trích yếu, ví dụ (Số liệu tính đến hết ngày 10/6/2026)",
    "kinh_gui": "nơi kính gửi (nếu có), mỗi dòng một nơi; khi có, Nơi nhận tự thêm '- Như trên;'",
    "co_phan": "true: cấp đầu của đề cương là Phần I, Phần II",
    "mau": "mẫu Word riêng (tên tệp, không ghi .docx); để trống thì dùng mẫu của loại báo cáo",
    "nguoi_ky": "người ký của riêng báo cáo này (thay cho hồ sơ đơn vị)",
    "so_lieu_tu": "bảng tính số liệu: mỗi dòng một số liệu, tiêu đề cột là tên khóa (ten_so_lieu, gia_tri...)",
    "so_lieu": "số liệu, gọi trong câu bằng {{ so_lieu.ten | so_dv }} (xem ví dụ ở trên)",
    "van_ban": "văn bản được trích dẫn, gọi trong câu bằng {{ van_ban.ten }}",
    "mo_dau": "các đoạn mở đầu, trước mục đầu tiên",
    "noi_dung": "đề cương: các mục lồng nhau; số thứ tự I., 1., a) được đánh tự động",
    "phu_luc": "biểu, phụ lục kèm theo, in sau chữ ký, mỗi biểu một trang ngang",
}
OUTLINE_COMMENTS = {  # the first section of the outline
    "tieu_de": "tiêu đề mục, không ghi số thứ tự",
    "noi_dung": "đoạn văn, danh sách gạch đầu dòng (danh sách lồng) hoặc mục con",
}
APPENDIX_COMMENTS = {
    "loai": "bieu → Biểu số 01; phu_luc → Phụ lục I",
    "khoa": "gọi trong câu bằng {{ phu_luc.nhiem_vu }}",
    "tieu_de": "tên biểu (tự viết HOA)",
    "bang": "bảng của biểu",
}
TABLE_COMMENTS = {
    "cot": "các cột, từ trái sang phải (cột có cùng nhom được gộp dưới một tiêu đề)",
    "dong": "các dòng, chia nhóm I, II... bằng '- nhom: ...'; trang_thai: đã hoàn thành, đang "
    "thực hiện, chưa thực hiện",
}
FIGURE_EXAMPLE = """Số liệu khai báo ở so_lieu, ví dụ:
  so_lieu:
    lua_xuan: {ten: Lúa vụ xuân, gia_tri: "612,4", don_vi: ha, ke_hoach: 620, cung_ky: "605,8"}
rồi gọi trong câu: {{ so_lieu.lua_xuan | so_dv }}, {{ so_lieu.lua_xuan | so_ke_hoach }},
{{ so_lieu.lua_xuan | tang_giam }}."""
PROFILE_HEADER = "Hồ sơ đơn vị: dùng chung cho mọi báo cáo trong thư mục này. Thay các chỗ trong ngoặc (...)."


def report_header(kind: str) -> str:
    """The comment at the top of init's report, under the schema line (`kind`: the kind's title)."""
    return (
        f"Báo cáo {kind} (bản nháp do 'baocao init' viết): thay các chỗ trong ngoặc (...),\n"
        "thêm số liệu và câu văn, rồi chạy: baocao build <tệp này>."
    )


def default_subject(subject: str) -> str:
    return f"để trống thì dùng: {subject}"


SUBJECT_REQUIRED = "trích yếu: nội dung chính của báo cáo (bắt buộc với loại chung)"
REPORT_EXISTS = "Tệp báo cáo đã có, không ghi đè."
REPORT_EXISTS_HINT = "Xóa hoặc đổi tên tệp cũ, hoặc chọn kỳ khác (--ky)."
