"""Messages of validation: the YAML files checked against the model (input/validate.py, the models' own checks)."""

from __future__ import annotations

# --- a value of the wrong kind (input/validate.py) -----------------------------------------------------------------

_INTEGER = ("một số nguyên", "Viết bằng chữ số, ví dụ 12; để trống nếu chưa có.")
_GROUP = ("một nhóm khóa", "Viết mỗi dòng một cặp 'khoa: giá trị', thụt lề vào trong so với dòng trên.")
_BOOL = ("true hoặc false", "Ghi true (có) hoặc false (không).")
TYPES = {  # pydantic error type → (what the value must be, what to do)
    "string_type": (
        "một đoạn văn bản",
        'Văn bản chỉ gồm số, ngày hoặc true/false thì đặt trong dấu nháy kép, ví dụ "2026".',
    ),
    "int_type": _INTEGER,
    "int_parsing": _INTEGER,
    "int_from_float": _INTEGER,
    "bool_type": _BOOL,
    "bool_parsing": _BOOL,
    "list_type": ("một danh sách", "Viết mỗi mục một dòng bắt đầu bằng '- '."),
    "dict_type": _GROUP,
    "model_type": _GROUP,
    "model_attributes_type": _GROUP,
}
VALUE_HINTS = {  # key → what to do when the model's own check refuses its value
    "ngay": "Viết ngày có trên lịch theo dạng ngày/tháng/năm, ví dụ 15/6/2026; dự thảo chưa có ngày ghi 6/2026."
}
THIS_ITEM = "Mục này"


def value_of(key: str) -> str:
    """The subject of a message about one key's value."""
    return f"Giá trị của '{key}'"


def must_be(value: str, must: str) -> str:
    return f"{value} phải là {must}."


def invalid(value: str) -> str:
    return f"{value} không hợp lệ."


def at_least(value: str, bound: str) -> str:
    return f"{value} phải từ {bound}."


def at_most(value: str, bound: str) -> str:
    return f"{value} phải không quá {bound}."


FIX_NUMBER_HINT = "Sửa số ở dòng này."


# --- keys (input/validate.py) -----------------------------------------------------------------------------------------

NOT_A_GROUP = "Tệp phải là một nhóm khóa (mỗi dòng 'khoa: giá trị')."
SEE_EXAMPLES_HINT = "Xem tệp mẫu trong thư mục data/."


def unknown_key(key: str) -> str:
    return f"Khóa '{key}' không hợp lệ ở đây."


def missing_key(key: str) -> str:
    return f"Thiếu khóa bắt buộc '{key}'."


def add_key_hint(key: str) -> str:
    return f"Thêm dòng '{key}: ...' vào nhóm này."


SPLIT_DECIMAL_HINT = (
    "Số thập phân có dấu phẩy trong cặp ngoặc {...} bị tách đôi: viết số trong dấu nháy "
    '("612,4") hoặc mỗi khóa một dòng.'
)
SENTENCE_KEY_HINT = "Câu văn có dấu ':' bị hiểu nhầm là tên khóa: đặt cả câu trong dấu nháy kép \"...\"."
OTHER_GROUP_HINT = (
    "Khóa này thuộc một nhóm khác (hoặc thuộc hồ sơ đơn vị don-vi.yaml, không thuộc tệp báo cáo): "
    "kiểm tra thụt lề và tệp đã chọn."
)
UNKNOWN_KEY_HINT = "Xóa khóa này hoặc xem các khóa hợp lệ trong README."

# --- the report and its profile together (input/validate.py) -------------------------------------------------------


def no_profile(path: str) -> str:
    return f"Không tìm thấy hồ sơ đơn vị '{path}'."


NO_PROFILE_HINT = "Đặt tệp don-vi.yaml cạnh tệp báo cáo, hoặc ghi đúng đường dẫn ở khóa don_vi."


def unfilled(words: str, key: str, name: str, title: str) -> str:
    """A figure's value left empty (`title`: the figure's name as written, or empty)."""
    return f"Chưa điền {words} ({key}) của số liệu '{name}'" + (f" ({title})." if title else ".")


def unfilled_hint(key: str) -> str:
    return f"Ghi số kiểu Việt Nam, ví dụ 1.539,72; nếu không có số này thì xóa khóa {key}."


def implausible_year(year: int) -> str:
    return f"Năm {year} của kỳ báo cáo không hợp lý."


def plausible_years(first: int, last: int) -> str:
    return f"Ghi năm từ {first} đến {last}, ví dụ '6 tháng đầu năm 2026'."


def abolished_level(level: str) -> str:
    return f"Cấp '{level}' không còn từ ngày 01/7/2025 (chính quyền địa phương hai cấp)."


ABOLISHED_LEVEL_HINT = "Dùng cấp xã, phường, đặc khu hoặc tỉnh cho các kỳ sau ngày 01/7/2025."


def period_after_reform(period: str) -> str:
    return f"Kỳ báo cáo '{period}' kết thúc sau ngày 30/6/2025."


# --- the models' own checks (input/model.py, table_model.py, charts.py) -------------------------------------------


def needs_principal(authority: str) -> str:
    return f"Với thẩm quyền '{authority}' cần ghi 'thay_cho' (ví dụ: Chủ tịch, Ủy ban nhân dân)."


SECTION_WITHOUT_TEXT = "Mục cần tieu_de (tiêu đề), doan (đoạn văn có số thứ tự), hoặc cả hai."
UNNUMBERED_WITH_STYLE = (
    "Mục không đánh số (danh_so: false) không chọn kieu_muc_con: các mục con của nó đánh số tiếp theo mục cha."
)
EMPTY_APPENDIX = "Phụ lục cần bang (bảng số liệu), bieu_do (biểu đồ), hoặc cả hai."


def column_needs_key(title: str) -> str:
    return f"Cột '{title}' cần khoa (tên cột không dấu, ví dụ khoa: ten_don_vi)."


def plan_on_wrong_column(title: str) -> str:
    return f"Cột '{title}': ke_hoach chỉ dùng cho cột kieu so hoặc ty_le_ke_hoach."


NO_SERIES = "Biểu đồ cần ít nhất một chuỗi số (chuoi), ví dụ [gia_tri, ke_hoach]."


def unknown_series(key: str) -> str:
    return f"Chuỗi '{key}' không có: ghi gia_tri, ke_hoach, ke_hoach.<tên kế hoạch> hoặc cung_ky."


SERIES_TWICE = "Một chuỗi ghi hai lần trong chuoi."
PIE_SERIES = "Biểu đồ tròn (loai: tron) chỉ vẽ một chuỗi số; ghi chuoi: [gia_tri] hoặc bỏ chuoi."


def unnamed_series(key: str) -> str:
    return f"ten_chuoi đặt tên cho chuỗi '{key}' nhưng chuoi không có chuỗi này."


AND = " và "


def one_category_source(written: str) -> str:
    """`written`: the sources written, joined by AND (empty: none)."""
    return (
        "Biểu đồ cần đúng một trong so_lieu (danh sách số liệu), thanh_phan_cua (các phần của một tổng), "
        "chi_tiet (các xã của số liệu tổng hợp) hoặc danh_muc (các cột ghi sẵn, với chuoi_so)"
        + (f"; đang ghi cả {written}." if written else ".")
    )


CATEGORIES_WITH_VALUES = "danh_muc và chuoi_so đi cùng nhau: danh_muc là tên các cột, chuoi_so là các số của chúng."


def series_length(name: str, count: int, categories: int) -> str:
    return f"Chuỗi '{name}' có {count} số nhưng danh_muc có {categories} cột."


WRITTEN_SERIES_NAMED = "Biểu đồ ghi sẵn số (danh_muc) không dùng chuoi, ten_chuoi: tên chuỗi ghi trong chuoi_so."
PIE_WRITTEN_SERIES = "Biểu đồ tròn (loai: tron) chỉ vẽ một chuỗi số; chuoi_so chỉ ghi một chuỗi."


def number_too_long(what: str) -> str:
    return f"{what} là số quá dài (quá 4.300 chữ số)."


NUMBER_TOO_LONG_HINT = "Số báo cáo, số liệu chỉ có vài chữ số: kiểm tra có dán nhầm gì vào đây không."


def invalid_value(what: str, kind: str) -> str:
    return f"{what} không hợp lệ (loại lỗi '{kind}')."


INVALID_VALUE_HINT = "Sửa giá trị ở dòng này cho đúng kiểu của khóa (xem README hoặc baocao schema)."
