"""What an import read, and every place it was unsure of: printed for the clerk and kept in the YAML."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from baocao.messages import readers as msg


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
        levels = ", ".join(msg.sections_of(count, style) for style, count in self.sections.items())
        notes = msg.footnotes(self.footnotes)
        if self.typed_footnotes:
            notes = msg.typed_footnotes(notes, self.typed_footnotes)
        counts = msg.counts(self.paragraphs, self.bullets, notes, self.tables, self.appendices)
        counts += msg.charts(self.charts) if self.charts else ""
        lines = [msg.read_counts(levels or msg.NO_NUMBERED_SECTIONS, counts)]
        lines += self.notes
        if self.figures is not None:
            lines.append(msg.figures_read(self.figures, self.derived))
            if self.unplaced:
                lines.append(msg.unplaced(len(self.unplaced)))
                lines += [f"  - {doubt}" for doubt in self.unplaced]
        if self.doubts:
            lines.append(msg.doubts(len(self.doubts)))
            lines += [f"  - {doubt}" for doubt in self.doubts]
        else:
            lines.append(msg.NO_DOUBTS)
        return lines
