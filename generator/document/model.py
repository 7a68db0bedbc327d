"""The document model between the YAML and the writers (as Pandoc's AST is).

Writers consume this tree and nothing else: the Word writer turns it into OOXML, other
writers (PDF through Word, previews) reuse it. Nodes carry final text: numbers are
formatted and headings numbered before a writer sees them. Nothing changes a node once composed; the
nodes a report makes by the thousand (Text, Paragraph, Cell, Row) are plain dataclasses, as a frozen one
takes four times as long to make.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any, Literal

from baocao.conventions.formatting import format_number, format_percent
from baocao.conventions.page import ColumnNeed
from baocao.errors import Location


@dataclass
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


Inline = Text | NoteRef


def restyle(inlines: list[Inline], **changes: bool) -> list[Inline]:
    """The inlines with every text run changed alike: restyle(title, bold=True)."""
    fields: dict[str, Any] = changes  # replace() checks keywords against every field's type
    return [replace(i, **fields) if isinstance(i, Text) else i for i in inlines]


ParagraphRole = Literal["body", "bullet", "subbullet", "subhead", "closing"]
HeadingKind = Literal["phan", "muc", "tieu_muc", "tieu_muc_2", "diem"]
HEADING_KINDS: tuple[HeadingKind, ...] = ("phan", "muc", "tieu_muc", "tieu_muc_2", "diem")
BULLET_MARKS = {"bullet": "- ", "subbullet": "+ "}  # ND30 bullets: '-' then '+' one level down


@dataclass
class Paragraph:
    """A body paragraph; bullets carry their marker ('-' or '+') in `role`; a "subhead" is an unnumbered
    sub-heading (its inlines already bold or italic) kept with the paragraph after it."""

    inlines: list[Inline]
    role: ParagraphRole = "body"
    source: Location | None = field(default=None, compare=False)  # where the clerk wrote it


@dataclass(frozen=True)
class Heading:
    """A numbered heading: `label` is the computed number ('I.', '1.1.', 'a)', 'Phần I')."""

    kind: HeadingKind
    label: str
    inlines: list[Inline]
    source: Location | None = field(default=None, compare=False)

    @property
    def level(self) -> int:
        """Outline level, 1 for a part (Phần) down to 5 for a point (điểm)."""
        return HEADING_KINDS.index(self.kind) + 1


@dataclass(frozen=True)
class NumberedParagraph:
    """A body paragraph that starts with its label: "1. text", or a run-in heading "a) Lead-in: text".

    `lead` (the run-in title, already styled and punctuated) is empty for a paragraph without title;
    `bold`/`italic` say how the label is printed (as its lead-in); `label` is "" for an unnumbered lead-in.
    """

    kind: HeadingKind
    label: str
    lead: list[Inline]
    inlines: list[Inline]
    bold: bool = False
    italic: bool = False
    source: Location | None = field(default=None, compare=False)


CellAlign = Literal["left", "center", "right"]
VerticalMerge = Literal["", "restart", "continue"]
RowKind = Literal["header", "group", "item", "total"]


@dataclass
class Cell:
    """A table cell: paragraphs of inlines; `span` columns wide; `merge` joins it with the cell below."""

    paragraphs: list[list[Inline]]
    align: CellAlign = "left"
    span: int = 1
    merge: VerticalMerge = ""  # "restart" on the top cell, "continue" on the cells it covers


@dataclass
class Row:
    """A table row; header rows repeat on every page, a group row keeps with the row below it."""

    cells: list[Cell]
    kind: RowKind = "item"


@dataclass(frozen=True)
class Table:
    """A table with its caption, 'Đơn vị tính' line and notes; `widths` are relative column widths."""

    widths: list[int]
    rows: list[Row]
    caption: list[Inline] = field(default_factory=list)
    unit: list[Inline] = field(default_factory=list)
    notes: list[list[Inline]] = field(default_factory=list)
    source: Location | None = field(default=None, compare=False)

    def inline_lists(self) -> Iterator[list[Inline]]:
        """Every run of inlines in reading order: caption, unit line, cells, notes."""
        yield self.caption
        yield self.unit
        for row in self.rows:
            for cell in row.cells:
                yield from cell.paragraphs
        yield from self.notes

    def column_needs(self) -> list[ColumnNeed]:
        """What each column's own cells (not those spanning several) need; a header row's text may wrap, and a
        paragraph with a bold run, or in a bold row, is measured bold."""
        columns: list[list[tuple[str, bool, bool]]] = [[] for _ in self.widths]
        for row in self.rows:
            column = 0
            for cell in row.cells:
                for paragraph in cell.paragraphs if cell.span == 1 else []:
                    texts = [inline for inline in paragraph if isinstance(inline, Text)]
                    bold = row.kind != "item" or any(text.bold for text in texts)
                    columns[column].append(("".join(text.text for text in texts), bold, row.kind == "header"))
                column += cell.span
        return [ColumnNeed.of(paragraphs) for paragraphs in columns]


ChartKind = Literal["column", "bar", "line", "pie"]
CHART_FILLS = ("404040", "A6A6A6", "D9D9D9", "7F7F7F", "FFFFFF", "262626")  # dark to light greys, told apart in print


@dataclass(frozen=True)
class Series:
    """One series of a chart: its legend name and one value per category (None: no value)."""

    name: str
    values: list[Decimal | None]


@dataclass(frozen=True)
class Chart:
    """A chart drawn from figures: categories, series of values (in the unit shown), axis titles and the
    caption under it ('Biểu đồ 1: ...'); `decimals` is the precision of its number labels."""

    kind: ChartKind
    label: str  # 'Biểu đồ 1'
    caption: list[Inline]
    categories: list[str]
    series: list[Series]
    decimals: int = 0
    title: str = ""  # printed inside the chart frame
    category_axis: str = ""
    value_axis: str = ""
    source: Location | None = field(default=None, compare=False)

    @staticmethod
    def fill(i: int) -> str:
        """The grey (RRGGBB) of the i-th series, or of a pie's i-th slice: the same in Word and the preview."""
        return CHART_FILLS[i % len(CHART_FILLS)]

    @property
    def has_legend(self) -> bool:
        """A legend under the plot: a pie's slices, or several series."""
        return self.kind == "pie" or len(self.series) > 1

    def point_labels(self, i: int) -> list[str]:
        """Series i's label at each point, written the Vietnamese way: its value in the chart's precision
        (1.539,7), or a pie slice's share of the whole (43,4%); '' where there is no value."""
        values = self.series[i].values
        if self.kind == "pie":
            total = sum(v or Decimal(0) for v in values) or Decimal(1)
            return [format_percent((v or Decimal(0)) * 100 / total, 1) for v in values]
        return ["" if v is None else format_number(v, self.decimals) for v in values]

    @property
    def caption_line(self) -> list[Inline]:
        """The caption under the chart: its label in bold, then the caption ('**Biểu đồ 1:** Diện tích …')."""
        return [Text(self.label + ": ", bold=True), *self.caption]


Block = Heading | NumberedParagraph | Paragraph | Table | Chart


@dataclass
class Appendix:
    """An appendix (Phụ lục, Biểu): a section of its own after the signature, landscape, paged from 1."""

    label: str  # 'Phụ lục I', 'Biểu số 01'
    title: list[Inline]  # already upper case
    attached: str  # '(Kèm theo Báo cáo số 142/BC-UBND ngày 15/6/2026 của UBND xã Tân Hòa)'
    blocks: list[Block] = field(default_factory=list)


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
    """A whole report: the frame values, the body blocks and the appendices, in order.

    A document without a frame is the appendices alone (no header grid, body or signature).
    """

    frame: Frame | None
    blocks: list[Block] = field(default_factory=list)
    appendices: list[Appendix] = field(default_factory=list)

    def notes(self) -> list[Note]:
        """Notes in order of first citation."""
        seen: dict[int, Note] = {}
        for inlines in self._inline_lists():
            for inline in inlines:
                if isinstance(inline, NoteRef):
                    seen.setdefault(id(inline.note), inline.note)
        return list(seen.values())

    def _inline_lists(self) -> Iterator[list[Inline]]:
        yield from _block_inline_lists(self.blocks)
        for appendix in self.appendices:
            yield appendix.title
            yield from _block_inline_lists(appendix.blocks)


def _block_inline_lists(blocks: list[Block]) -> Iterator[list[Inline]]:
    for block in blocks:
        if isinstance(block, Table):
            yield from block.inline_lists()
        elif isinstance(block, Chart):
            yield block.caption
        else:
            if isinstance(block, NumberedParagraph):
                yield block.lead
            yield block.inlines
