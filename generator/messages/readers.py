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


# --- figures of the sentences (readers/docx/figures.py, prose.py: `import --so-lieu`) ---------------------------


def derived(source: str, place: str) -> str:
    """The comment on a plan or same-period value derived from a stated ratio (`source`, '' when none)."""
    where = f" ({place})" if place else ""
    said = f" từ «{source}»" if source else ""
    return f"suy ra{said}{where}: cần kiểm tra"


def total_of(title: str) -> str:
    """The name of the total of a count out of a total ('07/12 cuộc'): its own figure."""
    return f"{title} (tổng số)" if title else "Tổng số"


# Why a number or a ratio phrase stays as text (listed with its paragraph).
NO_NUMBER_BEFORE = "tỷ lệ không đi sau một số có đơn vị trong cùng vế câu"
UNKNOWN_BASE = "tỷ lệ so với một số chưa nhận ra (không phải kế hoạch, cùng kỳ)"
NOT_PRINTED_BACK = "số không in lại được đúng như bản gốc (cách viết số, đơn vị)"
NO_BASE = "không suy ra được số gốc (tỷ lệ 0, hoặc khác đơn vị với số trước)"
NO_NAMED_PLAN = "không suy ra được kế hoạch từ tỷ lệ này"
PLAN_NOT_NAMED = "số liệu đã có kế hoạch không tên; kế hoạch có tên để nguyên chữ"
NAMED_NOT_PRINTED = "tỷ lệ không in lại được đúng từng chữ (cách viết khác của báo cáo)"
GLUED = "dấu % viết liền chữ sau"
OTHER_WORDING = "cách viết khác cách viết chung của báo cáo"
FRACTION_DISAGREES = "tỷ lệ không khớp với phân số trước nó (số đạt / tổng số)"
SEVERAL_OF_UNIT = (
    "chênh lệch không có số trong cùng vế câu; trong câu có nhiều số liệu cùng đơn vị, không biết nói về số nào"
)
SEVERAL_EARLIER = "tỷ lệ không có số trong cùng vế câu; nhiều số liệu trước đó cùng tên, không biết tỷ lệ nói về số nào"


def not_printed_back(why: str) -> str:
    """A ratio phrase the build's filters do not print back letter for letter."""
    return f"tỷ lệ không in lại được đúng từng chữ ({why})"


def too_many_figures(limit: int) -> str:
    """More numbers than one import makes figures of."""
    return f"quá {limit} số liệu: các số sau để nguyên chữ"
