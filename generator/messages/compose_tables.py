"""Messages of the compose stage about tables and charts: columns, rows, cells, totals, series (compose/tables.py,
charts.py)."""

from __future__ import annotations

# --- columns (compose/tables.py) ----------------------------------------------------------------------------------

NO_COLUMNS = "Bảng chưa có cột nào."
NO_COLUMNS_HINT = "Thêm danh sách cot: mỗi cột có tieu_de, khoa và kieu."


def reserved_column(key: str) -> str:
    return f"Không đặt tên cột là '{key}' (tên dành riêng)."


RESERVED_COLUMN_HINT = "Chọn tên khác cho cột."


def two_columns_named(key: str) -> str:
    return f"Hai cột cùng tên '{key}'."


TWO_COLUMNS_HINT = "Mỗi cột một khoa riêng."


def no_such_column(key: str) -> str:
    return f"Bảng không có cột '{key}'."


def columns_allowed(keys: str) -> str:
    return f"Các cột ghi được: {keys}."


# --- rows (compose/tables.py) -------------------------------------------------------------------------------------


def breakdown_alone(key: str) -> str:
    return f"Dòng '{key}' không ghi thêm ô nào khác."


def breakdown_alone_hint(key: str) -> str:
    return f"Viết riêng một dòng, ví dụ '- {key}: lua_xuan'."


def cite_figure_instead(key: str, name: str) -> str:
    return f"Dùng '- {key}: {name}' cho số liệu này."


def figure_without_name(name: str) -> str:
    return f"Số liệu '{name}' chưa có tên (ten) để ghi vào bảng."


def figure_without_name_hint(name: str) -> str:
    return f"Thêm 'ten: ...' cho số liệu '{name}' trong so_lieu."


def cells_count(written: int, needed: int, names: str) -> str:
    return f"Dòng có {written} ô nhưng bảng cần {needed} ô (các cột: {names})."


CELLS_COUNT_HINT = 'Thêm hoặc bớt ô cho đủ; ô để trống ghi "".'


def cell_from_figure(key: str, name: str) -> str:
    return f"Ô '{key}' đã lấy từ số liệu '{name}', không ghi tay."


CELL_FROM_FIGURE_HINT = "Xóa ô này, hoặc sửa số liệu trong so_lieu."
DROP_ROW = "bỏ dòng khỏi bảng"


def in_column(title: str) -> str:
    return f"Cột '{title}': "


def cell_not_a_number(title: str) -> str:
    return f"Ô của cột '{title}' phải là một số."


def cell_not_text(title: str) -> str:
    return f"Ô của cột '{title}' phải là một đoạn văn hoặc danh sách các đoạn."


def cell_number(title: str, why: str) -> str:
    return f"Ô của cột '{title}': {why}"


CELL_NUMBER_HINT = "Viết số kiểu Việt Nam, ví dụ 1.539,72 (đặt trong dấu nháy nếu có dấu phẩy)."


def sources_missing(title: str, sources: str, missing: str) -> str:
    return f"Cột '{title}' tính từ {sources}, nhưng dòng này không lấy từ số liệu và bảng không có cột {missing}."


def sources_missing_hint(names: str) -> str:
    return f"Ghi dòng dạng '- so_lieu: ten', hoặc thêm các cột ({names})."


# --- the total (compose/tables.py) --------------------------------------------------------------------------------

NO_LABEL_COLUMN = "Bảng cần một cột chữ ở đầu để ghi 'Tổng cộng'."
NO_LABEL_COLUMN_HINT = "Thêm cột tên (kieu: van_ban) làm cột đầu tiên."


def units_differ(units: str) -> str:
    return f"Không cộng được các dòng khác đơn vị tính: {units}."


UNITS_DIFFER_HINT = "Bỏ dòng Tổng cộng (tong_cong: false), hoặc chỉ cộng các dòng cùng đơn vị tính."


def of_figure(name: str) -> str:
    return f" (số liệu '{name}')"


def total_differs(title: str, given: str, source: str, computed: str) -> str:
    return f"Tổng cộng cột '{title}' ghi {given}{source} nhưng cộng các dòng được {computed}."


TOTAL_DIFFERS_HINT = "Sửa số tổng hoặc số ở các dòng; có thể bỏ số tổng để chương trình tự cộng."


# --- charts (compose/charts.py) -----------------------------------------------------------------------------------


def chart_breakdown_hint(name: str) -> str:
    return f"Dùng 'so_lieu: [{name}]', hoặc khai báo '{name}: {{tong_tu: ...}}' trong so_lieu."


def not_a_total(name: str) -> str:
    return f"Số liệu '{name}' không phải tổng của các số liệu khác (tong_cua)."


def not_a_total_hint(name: str) -> str:
    return f"Khai báo '{name}: {{tong_cua: [...]}}' trong so_lieu, hoặc liệt kê các số liệu trong so_lieu."


DROP_SERIES = "bỏ chuỗi khỏi biểu đồ"


def empty_series(key: str) -> str:
    return f"Chuỗi '{key}' của biểu đồ không có số nào: không số liệu nào của biểu đồ có {key}."


def empty_series_hint(key: str) -> str:
    return f"Ghi {key} cho các số liệu, hoặc bỏ '{key}' khỏi chuoi."


def chart_units_differ(first: str, first_unit: str, other: str, other_unit: str) -> str:
    return f"Biểu đồ vẽ các số liệu khác đơn vị tính: '{first}' ({first_unit}) và '{other}' ({other_unit})."


CHART_UNITS_HINT = "Mỗi biểu đồ chỉ vẽ các số liệu cùng đơn vị tính; tách thành hai biểu đồ."
PIE_NO_VALUE = "chưa có giá trị"
PIE_NEGATIVE = "là số âm"


def pie_part(name: str, state: str) -> str:
    return f"Biểu đồ tròn: phần '{name}' {state}; mỗi phần của hình tròn phải là số không âm."


PIE_PART_HINT = "Dùng biểu đồ cột (loai: cot) cho số âm, hoặc ghi giá trị cho số liệu này."
PIE_NOT_PARTS = "Biểu đồ tròn: mỗi phần của hình tròn phải là số không âm."
PIE_NOT_PARTS_HINT = "Dùng biểu đồ cột (loai: cot) cho số âm, hoặc ghi số cho mọi phần."


def chart_number(why: str) -> str:
    return f"Số của biểu đồ: {why}"


CHART_NUMBER_HINT = "Viết số kiểu Việt Nam, ví dụ 1.539,72 (đặt trong dấu nháy)."
