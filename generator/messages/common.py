"""Wording more than one stage says (each sentence is written once, so a fix reaches every place)."""

from __future__ import annotations

DECLARE_FIGURE_HINT = "Khai báo số liệu này trong so_lieu hoặc sửa tên."
UNREADABLE_DOCX = "Không đọc được tệp Word (.docx)."
OUTPUT_TOO_LONG = "kết quả quá dài"
FILE_EXISTS = "Tệp đã có, không ghi đè."
ERRORS = "Lỗi"
WARNINGS = "Cảnh báo"
NOTES = "Ghi chú"
OR = " hoặc "  # between choices
NONE = "không có"  # a unit, a file... that is not there
FIX_VALUE_HINT = "Sửa giá trị ở dòng này."


def both(first: str, second: str) -> str:
    """Two things named together ("in đậm và in nghiêng")."""
    return f"{first} và {second}"


def unknown_filter(name: str) -> str:
    return f"Không có bộ lọc '{name}'."


def check_path_and_rights(reason: str) -> str:
    return f"Kiểm tra đường dẫn và quyền đọc ({reason})."


# --- places in a Word file, as `baocao check` and `baocao import` name them (nd30/reader.py, readers/docx) ------


def paragraph_place(number: int) -> str:
    return f"đoạn {number}"


def table_place(number: int) -> str:
    return f"bảng {number}"


def cell_place(table: int, row: int, column: int) -> str:
    return f"bảng {table}, ô ({row}, {column})"


def note_place(number: str) -> str:
    return f"chú thích {number}"


def inner_place(outer: str, inner: str) -> str:
    """A place inside another ("đầu trang 2, đoạn 1", "bảng 1, ô (2, 1), đoạn 3")."""
    return f"{outer}, {inner}"


def text_box_place(number: int) -> str:
    return f"hộp văn bản {number}"


HEADER_PLACE = "đầu trang"
FOOTER_PLACE = "chân trang"
