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


def unknown_filter(name: str) -> str:
    return f"Không có bộ lọc '{name}'."


def check_path_and_rights(reason: str) -> str:
    return f"Kiểm tra đường dẫn và quyền đọc ({reason})."
