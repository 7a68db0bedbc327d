"""The values a figure states, and how a named plan is keyed (below model.py and charts.py, which both use them)."""

from __future__ import annotations

#: What a figure states: this period, the plan, the same period last year (what a total adds up).
FIGURE_VALUES = ("gia_tri", "ke_hoach", "cung_ky")
#: A named plan's key: 'ke_hoach.nghi_quyet' (in tables, charts and workbook headings).
PLAN_PREFIX = "ke_hoach."
