"""Words of a report's tables and charts that tell what a row, a column or a series is (`baocao import`)."""

from __future__ import annotations

import re

#: The label of a total row: 'Tổng cộng', 'Cộng', 'Tổng số', 'Tổng' (a colon after it allowed).
TOTAL_LABEL = re.compile(r"^(tổng\s+cộng|cộng|tổng\s+số|tổng)\s*:?$", re.IGNORECASE)
#: A header naming the same period of last year ('Cùng kỳ năm trước', 'So với CK').
SAME_PERIOD = re.compile(r"cùng\s+k[ỳìy]|\bCK\b|năm\s+trước", re.IGNORECASE)
#: A header naming a plan ('Kế hoạch', 'KH', 'Chỉ tiêu', 'Dự toán', 'Nghị quyết', 'Tỉnh giao').
PLAN = re.compile(r"kế\s+hoạch|\bKH\b|chỉ\s+tiêu|dự\s+toán|nghị\s+quyết|giao", re.IGNORECASE)
#: The header of a numbered column ('TT', 'STT', 'S.T.T', 'Số TT').
NUMBER_HEADER = re.compile(r"^(S\.?\s*)?T\.?\s*T\.?$|^Số\s+TT$", re.IGNORECASE)
#: The name given to a chart's series that has none ('Chuỗi 2').
UNNAMED_SERIES = "Chuỗi"
