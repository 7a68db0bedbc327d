"""Words of a report's tables and charts that tell what a row, a column or a series is (`baocao import`)."""

from __future__ import annotations

import re

#: The label of a total row: 'Tổng cộng', 'Cộng', 'Tổng số', 'Tổng' (a colon after it allowed).
TOTAL_LABEL = re.compile(r"^(tổng\s+cộng|cộng|tổng\s+số|tổng)\s*:?$", re.IGNORECASE)
#: A header naming the same period of last year ('Cùng kỳ năm trước', 'So với CK').
SAME_PERIOD = re.compile(r"cùng\s+k[ỳìy]|\bCK\b|năm\s+trước", re.IGNORECASE)
#: A header naming a plan ('Kế hoạch', 'KH', 'Chỉ tiêu', 'Dự toán', 'Nghị quyết', 'Tỉnh giao').
PLAN = re.compile(r"kế\s+hoạch|\bKH\b|chỉ\s+tiêu|dự\s+toán|nghị\s+quyết|giao", re.IGNORECASE)
#: The header of a unit column ('Đơn vị tính', 'ĐVT').
UNIT_HEADER = re.compile(r"^(đơn\s+vị\s+tính|đvt)$", re.IGNORECASE)
#: A header naming the value of the period ('Thực hiện', 'Kết quả', 'Ước thực hiện', 'TH').
VALUE_HEADER = re.compile(r"thực\s+hiện|kết\s+quả|ước\s+(?:tính|đạt)|\bTH\b", re.IGNORECASE)
#: The header of a numbered column ('TT', 'STT', 'S.T.T', 'Số TT').
NUMBER_HEADER = re.compile(r"^(S\.?\s*)?T\.?\s*T\.?$|^Số\s+TT$", re.IGNORECASE)
#: The name given to a chart's series that has none ('Chuỗi 2').
UNNAMED_SERIES = "Chuỗi"
#: The label compose writes on a table's total row (TOTAL_LABEL reads it, and other ways of writing it, back).
TOTAL_ROW = "Tổng cộng"
#: The line above a table naming its unit ('Đơn vị tính: ha'), as compose writes it and the importer reads it.
UNIT_LINE = "Đơn vị tính: {unit}"
UNIT_LINE_PATTERN = re.compile(r"^\s*Đơn\s+vị\s+tính\s*:\s*(.+)$", re.IGNORECASE)
#: A note under a table ('Ghi chú: …', 'Nguồn: …', '(*) …').
TABLE_NOTE = re.compile(r"^\s*(\*?\s*Ghi\s+chú|Nguồn\s*:|\(\*\))", re.IGNORECASE)
#: A chart's label ('Biểu đồ 1'), and the names of its series of this period's and last year's values.
CHART_LABEL = "Biểu đồ"
SERIES_NAMES = {"gia_tri": "Thực hiện", "cung_ky": "Cùng kỳ năm trước"}
