"""The report as an ND30 document: its kind's name and sign."""

from __future__ import annotations

REPORT_TYPE_NAME = "BÁO CÁO"
REPORT_TYPE_SIGN = "BC"
