"""Figures from workbooks (so_lieu_tu): files, sheets, columns, cells (input/fields.py, workbooks.py, sheets.py,
cells.py)."""


def workbook_is_folder(path: str) -> str:
    return f"'{path}' là một thư mục, không phải tệp bảng tính."


WORKBOOK_IS_FOLDER_HINT = (
    "Ghi tên tệp bảng tính trong thư mục đó, ví dụ 'so-lieu.xlsx' (đường dẫn tính từ thư mục của tệp YAML này)."
)


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
