"""Hand-made-looking Word reports for the import tests: a header table typed in, direct bold, typed labels."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt


def run(paragraph, text: str, bold: bool = False, italic: bool = False, superscript: bool = False):
    """A run with direct formatting, as a clerk types it."""
    added = paragraph.add_run(text)
    added.bold, added.italic = bold or None, italic or None
    if superscript:
        added.font.superscript = True
    return added


def cited(document: Document, *parts: str | int) -> None:
    """A paragraph of text with typed note markers: each int becomes a superscript number."""
    p = document.add_paragraph()
    for part in parts:
        run(p, str(part), superscript=isinstance(part, int))


def typed_note(document: Document, number: int, text: str) -> None:
    """A note typed at the end: superscript number, then its text."""
    p = document.add_paragraph()
    run(p, str(number), superscript=True)
    p.add_run(f" {text}")


def report(path: Path, body: Callable[[Document], None], after: Callable[[Document], None] | None = None) -> Path:
    """A thi đua report of xã An Sơn for the first half of 2024: `body` writes its content; `after` what follows
    the closing sentence (typed notes)."""
    d = docx.Document()
    d.styles["Normal"].font.size = Pt(14)
    head = d.add_table(rows=1, cols=2)
    left, right = head.rows[0].cells
    run(left.paragraphs[0], "ỦY BAN NHÂN DÂN", bold=True)
    run(left.add_paragraph(), "XÃ AN SƠN", bold=True)
    left.add_paragraph("Số:      /BC-UBND")
    run(right.paragraphs[0], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True)
    run(right.add_paragraph(), "Độc lập - Tự do - Hạnh phúc", bold=True)
    run(right.add_paragraph(), "An Sơn, ngày      tháng 6 năm 2024", italic=True)
    for text in ("BÁO CÁO", "Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2024"):
        p = d.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run(p, text, bold=True)
    body(d)
    d.add_paragraph("Trên đây là báo cáo sơ kết công tác thi đua, khen thưởng của UBND xã An Sơn./.")
    if after:
        after(d)
    sign = d.add_table(rows=1, cols=2)
    recipients, signer = sign.rows[0].cells
    run(recipients.paragraphs[0], "Nơi nhận:", bold=True, italic=True)
    for line in ("- UBND huyện;", "- Lưu: VT."):
        recipients.add_paragraph(line)
    run(signer.paragraphs[0], "CHỦ TỊCH", bold=True)
    run(signer.add_paragraph(), "Hoàng Văn Bình", bold=True)
    d.save(str(path))
    return path
