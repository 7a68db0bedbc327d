"""The document model between the YAML and the writers (as Pandoc's AST is).

Writers consume this tree and nothing else: the Word writer turns it into OOXML, other
writers (PDF through Word, previews) reuse it. Nodes carry final text: numbers are
formatted and headings numbered before a writer sees them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union


@dataclass(frozen=True)
class Text:
    """A run of text with its inline formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    superscript: bool = False


@dataclass(eq=False)
class Note:
    """A footnote: its paragraphs; numbered by the writer's target (Word numbers them)."""

    paragraphs: list[list[Inline]]
    key: str = ""  # the name it was defined under, empty for an inline note


@dataclass(frozen=True, eq=False)
class NoteRef:
    """A citation of a note; a note cited again refers back to its first citation."""

    note: Note


Inline = Union[Text, NoteRef]

ParagraphRole = Literal["body", "bullet", "subbullet", "closing"]
HeadingKind = Literal["phan", "muc", "tieu_muc", "tieu_muc_2", "diem"]
HEADING_KINDS: tuple[HeadingKind, ...] = ("phan", "muc", "tieu_muc", "tieu_muc_2", "diem")


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph; bullets carry their marker ('-' or '+') in `role`."""

    inlines: list[Inline]
    role: ParagraphRole = "body"


@dataclass(frozen=True)
class Heading:
    """A numbered heading: `label` is the computed number ('I.', '1.1.', 'a)', 'Phần I')."""

    kind: HeadingKind
    label: str
    inlines: list[Inline]

    @property
    def level(self) -> int:
        """Outline level, 1 for a part (Phần) down to 5 for a point (điểm)."""
        return HEADING_KINDS.index(self.kind) + 1


Block = Union[Heading, Paragraph]


@dataclass
class Frame:
    """What the template's frame shows: header grid, title, recipients, signature (formatted)."""

    co_quan_chu_quan: str
    co_quan_ban_hanh: list[str]
    so_ky_hieu: str
    dia_danh_ngay: str
    ten_loai: str
    trich_yeu: str
    dong_nghieng: str
    kinh_gui: list[str]
    noi_nhan: list[str]
    tham_quyen: str
    chuc_vu: str
    ho_ten: str


@dataclass
class Document:
    """A whole report: the frame values and the body blocks in order."""

    frame: Frame
    blocks: list[Block] = field(default_factory=list)

    def notes(self) -> list[Note]:
        """Notes in order of first citation."""
        seen: dict[int, Note] = {}
        for block in self.blocks:
            for inline in block.inlines:
                if isinstance(inline, NoteRef):
                    seen.setdefault(id(inline.note), inline.note)
        return list(seen.values())
