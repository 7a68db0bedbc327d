"""Messages of the readers stage: `baocao import` (readers/docx/)."""

from __future__ import annotations

# --- tables read back (readers/docx/table_kinds.py) ------------------------------------------------------------

KEPT = "giữ số đã ghi, cần xem lại."


def rate_disagrees(column: str, written: str, part: str, base: str, computed: str) -> str:
    """A cell of a rate column that is not the rate of its two columns."""
    return _disagrees(column, written, "tỷ lệ", part, base, computed)


def difference_disagrees(column: str, written: str, part: str, base: str, computed: str) -> str:
    """A cell of a difference column that is not the difference of its two columns."""
    return _disagrees(column, written, "hiệu", part, base, computed)


def _disagrees(column: str, written: str, what: str, part: str, base: str, computed: str) -> str:
    return f"cột «{column}» ghi «{written}» nhưng {what} của «{part}» và «{base}» là «{computed or 'trống'}»; {KEPT}"


def total_disagrees(column: str, written: str, computed: str) -> str:
    """A typed total that is not the sum of the rows."""
    return f"dòng Tổng cộng, cột «{column}» ghi «{written}» nhưng cộng các dòng được «{computed}»; {KEPT}"


# --- tables read back (readers/docx/tables.py) ----------------------------------------------------------------


def cell_place(table: str, row: int, column: int) -> str:
    """Where a cell is: 'bảng 2, ô (4, 3)' (row and column counted from 1, the header rows included)."""
    return f"{table}, ô ({row}, {column})"


MERGED_ROW_CELLS = "Bảng có ô gộp trong các dòng: nội dung ô gộp ghi vào ô đầu, các ô còn lại để trống; cần xem lại."


# --- appendices read back (readers/docx/api.py) --------------------------------------------------------------

APPENDIX_EMPTY = "Phụ lục không có bảng, biểu đồ; chưa nhập được phần này."
APPENDIX_TABLES = "Phụ lục có nhiều bảng; chỉ nhập bảng đầu tiên (các biểu đồ đều được nhập)."


# --- charts read back (readers/docx/outline.py, charts.py) -----------------------------------------------------

UNREAD_CHART = (
    "Đoạn có biểu đồ không đọc được số liệu (không phải biểu đồ cột, thanh, đường, tròn); chưa nhập biểu đồ này."
)
