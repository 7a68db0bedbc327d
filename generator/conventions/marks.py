"""The fixed words and marks of an ND30 document, defined once for the writers and the checker.

Quốc hiệu and Tiêu ngữ (Phụ lục I, mục II), the "Nơi nhận:" block (each line "- X;", the archive line
"- Lưu: VT, ….", "Như trên" first when the report names its addressees) and the closing mark "./.".
"""

from __future__ import annotations

import re

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
RECIPIENTS_HEAD = "Nơi nhận:"
KINH_GUI = "Kính gửi:"  # before the recipients a report is addressed to
AS_ADDRESSED = "Như trên"  # the recipients named after "Kính gửi"
FIGURES_ATTACHMENT = "Số liệu của báo cáo (tệp JSON như lệnh baocao figures ghi)"  # /Desc of the PDF's attached file
CHART_LABELS = "Nhãn: {series}"  # heading of a chart workbook's column of label texts, one per series
ARCHIVE = "Lưu"
DEFAULT_ARCHIVE = "VT"  # văn thư
BULLET = "- "
CLOSING_MARK = "./."


def _tail(mark: str) -> re.Pattern[str]:
    """The end of a text holding `mark` spaced out, a part of it (a start or an end: "./", "/.", "."), or none."""
    parts = {mark[:i] for i in range(1, len(mark) + 1)} | {mark[-i:] for i in range(1, len(mark) + 1)}
    loose = (r"\s*".join(map(re.escape, part)) for part in sorted(parts, key=lambda part: (-len(part), part)))
    return re.compile(rf"\s*(?:{'|'.join(loose)})?\s*$")


CLOSING_TAIL = _tail(CLOSING_MARK)  # what the checker's fix replaces by the closing mark (nd30/closing.py)


def has_quoc_hieu(line: str) -> bool:
    """Whether an upper-case line holds Quốc hiệu; "HOÀ" (the tone mark placed the old way) reads as "HÒA"."""
    return QUOC_HIEU in line.replace("HOÀ", "HÒA")


def bare(item: str) -> str:
    """A list item as a clerk may type it ("- Sở Nội vụ;") reduced to its words."""
    return item.strip().lstrip("-+ ").rstrip(" ;.")


def list_line(item: str, last: bool) -> str:
    """One line of a list under a heading (Nơi nhận, several Kính gửi): '- X;', the last '- X.'."""
    return f"{BULLET}{item}{'.' if last else ';'}"


def list_lines(names: list[str]) -> list[str]:
    """Lines of a list under a heading: '- X;' each, the last ending with '.'."""
    return [list_line(n, i == len(names) - 1) for i, n in enumerate(names)]


def distribution(items: list[str], archive: list[str], sent_up: bool) -> list[str]:
    """Nơi nhận lines: '- X;' each, 'Như trên' first for a report with Kính gửi, '- Lưu: VT, ….' last."""
    names = [bare(i) for i in items if bare(i)]
    if sent_up and not any(n.lower() == AS_ADDRESSED.lower() for n in names):
        names.insert(0, AS_ADDRESSED)
    keep = ", ".join(bare(a) for a in archive if bare(a)) or DEFAULT_ARCHIVE
    return list_lines([*names, archive_line(keep)])


def archive_line(places: str) -> str:
    """The last Nơi nhận item, without its bullet and end: 'Lưu: VT, VP'."""
    return f"{ARCHIVE}: {places}"


def close(text: str) -> str:
    """The last sentence of the body with its closing mark ("… của UBND xã X./.")."""
    return text.rstrip(" .;/") + CLOSING_MARK


def is_closed(text: str) -> bool:
    """Whether the body's last paragraph ends with the closing mark."""
    return text.rstrip().endswith(CLOSING_MARK)
