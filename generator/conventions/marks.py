"""The fixed words and marks of an ND30 document, defined once for the writers and the checker.

Quốc hiệu and Tiêu ngữ (Phụ lục I, mục II), the "Nơi nhận:" block (each line "- X;", the archive line
"- Lưu: VT, ….", "Như trên" first when the report names its addressees) and the closing mark "./.".
"""

from __future__ import annotations

import re
import string
import unicodedata

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
_TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")  # none, huyền, sắc, ngã, hỏi, nặng
_SHAPES = ("", "\u0302", "\u0306", "\u031b")  # none, the hat (Â), the breve (Ă), the horn (Ơ)


def _any_tone(letter: str) -> str:
    """A regex of `letter` with any tone mark and shape of its vowel, or none ("Ộ": O, Ô, Ơ, Ò, Ồ, …)."""
    base = unicodedata.normalize("NFD", letter)[0]
    if base not in "AEIOUYaeiouy":
        return re.escape(letter)
    forms = {unicodedata.normalize("NFC", base + shape + tone) for shape in _SHAPES for tone in _TONES}
    return f"[{''.join(sorted(f for f in forms if len(f) == 1))}]"


# Quốc hiệu as a line may hold it: any case and spacing, the tone marks anywhere or left out ("CONG HOA XA HOI
# …", "CỘNG HOÀ …"); is_quoc_hieu tells whether what it finds is written right.
QUOC_HIEU_LOOSE = re.compile(r"\s+".join("".join(map(_any_tone, word)) for word in QUOC_HIEU.split()), re.IGNORECASE)


# Tiêu ngữ as written by hand: any case and spacing, any dash between its three parts.
MOTTO_LOOSE = re.compile(
    r"\W*".join(r"\s*".join(map(re.escape, part.split())) for part in TIEU_NGU.split(" - ")), re.IGNORECASE
)


def is_quoc_hieu(written: str) -> bool:
    """Whether Quốc hiệu as QUOC_HIEU_LOOSE found it is written right, in any case; "HOÀ" (the tone mark placed the
    old way) reads as "HÒA"."""
    return " ".join(written.upper().split()).replace("HOÀ", "HÒA") == QUOC_HIEU


# The archive line as typed ("- Lưu: VT, VP."): bullet, any case and spacing, the colon perhaps left out (`colon`
# says), the places after it (`places`, without the final full stop).
ARCHIVE_LINE = re.compile(rf"[-–]?\s*{ARCHIVE}\b\s*(?P<colon>:?)\s*(?P<places>.*?)\.?$", re.IGNORECASE)


def _tail(mark: str) -> re.Pattern[str]:
    """The end of a text holding `mark` spaced out, a part of it (a start or an end: "./", "/.", "."), or none."""
    parts = {mark[:i] for i in range(1, len(mark) + 1)} | {mark[-i:] for i in range(1, len(mark) + 1)}
    loose = (r"\s*".join(map(re.escape, part)) for part in sorted(parts, key=lambda part: (-len(part), part)))
    return re.compile(rf"\s*(?:{'|'.join(loose)})?\s*$")


CLOSING_TAIL = _tail(CLOSING_MARK)  # the closing mark as typed at a text's end, which the importer drops
_CLOSING_END = f"{string.whitespace}.;/"  # what `close` replaces by the closing mark


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
    """The last sentence of the body ending with the closing mark: the spaces, full stops, semicolons and slashes
    it ends with (a mark missing, partial, spaced out or doubled) replaced by one "./." (compose writes it, the
    checker's fix retypes it).

    >>> close("… của UBND xã X"), close("… xã X. / ."), close("… xã X;"), close("… xã X./.")
    ('… của UBND xã X./.', '… xã X./.', '… xã X./.', '… xã X./.')
    """
    return text.rstrip(_CLOSING_END) + CLOSING_MARK


def is_closed(text: str) -> bool:
    """Whether the body's last paragraph ends with the closing mark."""
    return text.rstrip().endswith(CLOSING_MARK)
