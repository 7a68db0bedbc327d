"""What an import read, and every place it was unsure of: printed for the clerk and kept in the YAML."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Doubt:
    """A place the import was unsure of: where in the Word file, and what to check."""

    place: str
    message: str

    def __str__(self) -> str:
        return f"{self.place}: {self.message}" if self.place else self.message


@dataclass
class Summary:
    """Counts of what was read, and the doubts met on the way."""

    sections: Counter[str] = field(default_factory=Counter)  # label style ('I.', '1.', 'a)'…) → sections
    paragraphs: int = 0
    bullets: int = 0
    footnotes: int = 0
    typed_footnotes: int = 0
    tables: int = 0
    charts: int = 0
    appendices: int = 0
    doubts: list[Doubt] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was decided (kind, period, profile kept…)
    figures: int | None = None  # --so-lieu: figures made; None when not asked for
    derived: int = 0  # plan and same-period values derived from a stated ratio
    unplaced: list[Doubt] = field(default_factory=list)  # numbers and ratios left as text

    def doubt(self, place: str, message: str) -> None:
        self.doubts.append(Doubt(place, message))

    def lines(self) -> list[str]:
        """The summary as lines of text (the CLI prints them; the YAML keeps them as a comment)."""
        levels = ", ".join(f"{count} mục {style}" for style, count in self.sections.items()) or "không có mục đánh số"
        notes = f"{self.footnotes} chú thích cuối trang"
        if self.typed_footnotes:
            notes += f" (trong đó {self.typed_footnotes} chú thích gõ tay đã chuyển thành chú thích thật)"
        counts = (
            f"{self.paragraphs} đoạn văn, {self.bullets} gạch đầu dòng; {notes}; {self.tables} "
            f"bảng; {self.appendices} phụ lục"
        ) + (f"; {self.charts} biểu đồ" if self.charts else "")
        lines = [f"Đã đọc: {levels}; {counts}."]
        lines += self.notes
        if self.figures is not None:
            lines.append(
                f"Số liệu: {self.figures} số liệu tách từ câu văn và bảng ({self.derived} kế hoạch, cùng kỳ suy ra "
                "từ tỷ lệ, có chú thích 'suy ra': cần kiểm tra)."
            )
            if self.unplaced:
                lines.append(f"Chưa tách được {len(self.unplaced)} chỗ (giữ nguyên chữ trong câu):")
                lines += [f"  - {doubt}" for doubt in self.unplaced]
        if self.doubts:
            lines.append(f"Cần xem lại {len(self.doubts)} chỗ:")
            lines += [f"  - {doubt}" for doubt in self.doubts]
        else:
            lines.append("Không có chỗ nào chưa chắc chắn.")
        return lines
