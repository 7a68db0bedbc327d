"""Built-in report kinds: the default trích yếu each builds from the period."""

from __future__ import annotations

from .period import Period

# Default trích yếu by kind; "chung" (generic) has none, so the report must write its own.
_SUBJECTS = {
    "thi-dua": "công tác thi đua, khen thưởng",
    "kt-xh": "tình hình kinh tế - xã hội",
    "nhiem-vu": "tình hình thực hiện các nhiệm vụ trọng tâm",
}


def default_subject(kind: str, period: Period) -> str:
    """'Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2025' and the like; '' for 'chung'."""
    subject = _SUBJECTS.get(kind)
    if not subject:
        return ""
    if kind == "thi-dua":
        verb = "Tổng kết" if period.kind == "nam" else "Sơ kết"
        return f"{verb} {subject} {period.label}"
    return f"{subject[0].upper()}{subject[1:]} {period.label}"
