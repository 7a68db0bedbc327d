"""The HTML writer: the document model as one self-contained page of A4 sheets, a preview of the .docx.

The page holds everything (inline CSS and script, no network). Python writes the report as flows,
one per section (the portrait body with its frame, then each landscape appendix), every block a
child of its flow; the script (paginate.js) lays the flows out on sheets the size of the Word
pages with the ND30 margins, and moves each footnote to the foot of the sheet where it is first
cited, as Word does. Notes are numbered as Word numbers them: straight through the document in
order of first citation, a repeated citation showing the first one's number. Without the script
the flows read as long sheets with their notes at the end of each section.

Warnings are listed above the sheets with file:line; a warning about a block the clerk wrote
(same file, a line of it) also marks that block in the page, with its message on hover.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from html import escape
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from baocao.conventions.marks import KINH_GUI, QUOC_HIEU, RECIPIENTS_HEAD, TIEU_NGU
from baocao.conventions.page import column_widths
from baocao.document.model import (
    BULLET_MARKS,
    Appendix,
    Block,
    Cell,
    Chart,
    Document,
    Frame,
    Heading,
    Inline,
    Note,
    NoteRef,
    NumberedParagraph,
    Row,
    Table,
    Text,
    restyle,
)
from baocao.errors import Location, Problem
from baocao.messages import common
from baocao.messages import writers as msg
from baocao.writers.docx.looks import Looks
from baocao.writers.html.charts import chart_svg
from baocao.writers.html.looks_css import looks_for, page_css, text_widths

if TYPE_CHECKING:
    from baocao.compose.report import Composed
    from baocao.input.validate import Sources, Unvalidated

SIGNATURE_ROOM = 4  # empty lines left for the signature, as in the template


class HtmlWriter:
    """The HTML writer (see writers.registry); needs no Word template."""

    name = "html"
    suffix = ".html"

    def write(self, composed: Composed, sources: Sources, templates: Path | None = None) -> bytes:
        assert sources.report_map.file is not None  # the report was loaded from a file
        name = sources.report_map.file.name
        looks = looks_for(sources, templates)
        return page(composed.document, composed.warnings, name, notes=composed.notes, looks=looks).encode()

    def early_problems(self, inputs: Sources | Unvalidated, templates: Path | None = None) -> list[Problem]:
        return []  # the preview only reads the template's looks, and draws ND30's when it cannot


WRITER = HtmlWriter()


def _kept(parts: list[str]) -> list[str]:
    """The body's parts, its last paragraph kept with Nơi nhận and the signature as the .docx keeps it (keep_last)."""
    if parts and parts[-1].startswith('<p class="'):
        return [*parts[:-1], parts[-1].replace('<p class="', '<p class="keep ', 1)]
    return parts


def page(
    document: Document,
    warnings: list[Problem],
    name: str = "",
    script: str = "",
    notes: list[Problem] | None = None,
    looks: Looks | None = None,
) -> str:
    """The whole page; `script` is added at the end of the body (the watch server's reload); `notes`
    (Problem.note) are listed apart from the warnings; `looks` are the Word template's (ND30's when None)."""
    writer = _PageWriter(document, warnings, text_widths(looks))
    sections = "".join(writer.sections())
    title = f"{document.frame.ten_loai} {document.frame.trich_yeu}" if document.frame else name
    notes_banner = banner("notes", common.NOTES, [problem_html(note, " ") for note in notes or []])  # no block marked
    return (
        f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="baocao"><title>{escape(title or msg.UNTITLED)}</title>'
        f"<style>{page_css(looks)}{_asset('page.css')}</style></head>"
        f'<body><noscript><p class="banner">{msg.NO_SCRIPT}</p></noscript>{writer.warnings_banner()}{notes_banner}'
        f'<div id="trang">{sections}</div><script>{_asset("paginate.js")}</script>{script}</body></html>\n'
    )


@lru_cache(maxsize=4)
def _asset(name: str) -> str:
    return (files("baocao.writers.html") / name).read_text(encoding="utf-8")


class _PageWriter:
    """Renders the model's nodes as HTML text; numbers the notes and places the warnings."""

    def __init__(self, document: Document, warnings: list[Problem], widths: dict[str, int]):
        self.document = document
        self.widths = widths  # the text width (twips) by orientation, as the Word writer lays the tables out
        self.width = widths["portrait"]  # the section being written's
        self.numbers = {id(note): n for n, note in enumerate(document.notes(), 1)}
        self.cited: list[Note] = []  # first citations of the section being written
        self.seen: set[int] = set()
        self.warnings = warnings
        self.placed: dict[int, int] = {}  # warning index → the block it marks

    # ---- sections ---------------------------------------------------------------------

    def sections(self) -> Iterator[str]:
        """The body's flow (with the frame) if there is one, then one flow per appendix."""
        if self.document.frame is not None:
            frame = self.document.frame
            body = [*self._header(frame), *_kept(list(self._blocks(self.document.blocks))), self._closing(frame)]
            yield self._flow("portrait", body)
        self.width = self.widths["landscape"]
        for appendix in self.document.appendices:
            yield self._flow("landscape", [*self._appendix_heading(appendix), *self._blocks(appendix.blocks)])

    def _flow(self, orientation: str, parts: list[str]) -> str:
        notes = "".join(self._note(note) for note in self.cited)
        self.cited = []
        return f'<section class="flow {orientation}">{"".join(parts)}<div class="fnstore">{notes}</div></section>'

    # ---- frame ------------------------------------------------------------------------

    def _header(self, frame: Frame) -> Iterator[str]:
        issuer = [_line(frame.co_quan_chu_quan, "cqcq")] if frame.co_quan_chu_quan else []
        issuer += [_line(line, "cqbh") for line in frame.co_quan_ban_hanh]
        issuer += ['<div class="rule issuer-rule"></div>', _line(frame.so_ky_hieu, "so")]
        motto = [
            _line(QUOC_HIEU, "qh"),
            _line(TIEU_NGU, "tn"),
            '<div class="rule motto-rule"></div>',
            _line(frame.dia_danh_ngay, "ngay"),
        ]
        yield f'<div class="grid header"><div>{"".join(issuer)}</div><div>{"".join(motto)}</div></div>'
        yield _line(frame.ten_loai, "ten-loai keep")
        yield _line(frame.trich_yeu, "trich-yeu keep")
        yield '<div class="rule title-rule keep"></div>'
        if frame.dong_nghieng:
            yield _line(frame.dong_nghieng, "dong-nghieng")
        if len(frame.kinh_gui) == 1:
            yield _line(f"{KINH_GUI} {frame.kinh_gui[0]}", "kinh-gui")
        elif frame.kinh_gui:
            lines = "".join(f"<p>{escape(item)}</p>" for item in frame.kinh_gui)
            yield f'<div class="kinh-gui-list"><span>{KINH_GUI}</span><div>{lines}</div></div>'

    def _closing(self, frame: Frame) -> str:
        recipients = "".join(_line(line, "nn") for line in frame.noi_nhan)
        signer = [_line(frame.tham_quyen, "ky")] if frame.tham_quyen else []
        room = ['<p class="ky">&nbsp;</p>'] * SIGNATURE_ROOM
        signer += [_line(frame.chuc_vu, "ky"), *room, _line(frame.ho_ten, "ky")]
        return (
            f'<div class="grid closing"><div><p class="nn-title">{RECIPIENTS_HEAD}</p>{recipients}</div>'
            f"<div>{''.join(signer)}</div></div>"
        )

    def _appendix_heading(self, appendix: Appendix) -> Iterator[str]:
        yield f'<p class="pl keep">{self.inlines([Text(appendix.label, bold=True)])}</p>'
        yield f'<p class="pl keep">{self.inlines(restyle(appendix.title, bold=True))}</p>'
        yield f'<p class="pl keep">{self.inlines([Text(appendix.attached, italic=True)])}</p>'
        yield '<div class="rule pl-rule keep"></div>'

    # ---- blocks -----------------------------------------------------------------------

    def _blocks(self, blocks: list[Block]) -> Iterator[str]:
        for block in blocks:
            mark = self._warning_mark(block)
            if isinstance(block, Table):
                yield from self._table(block, mark)
            elif isinstance(block, Chart):
                yield f'<figure class="chart keep"{mark}>{chart_svg(block)}</figure>'
                yield f'<p class="caption">{self.inlines(block.caption_line)}</p>'
            elif isinstance(block, Heading):
                label = escape(block.label) + ("<br>" if block.kind == "phan" else " ")
                yield f'<h{block.level} class="keep"{mark}>{label}{self.inlines(block.inlines)}</h{block.level}>'
            elif isinstance(block, NumberedParagraph):
                number = [Text(block.label + " ", block.bold, block.italic)] if block.label else []
                yield f'<p class="body"{mark}>{self.inlines([*number, *block.lead, *block.inlines])}</p>'
            else:
                bullet = escape(BULLET_MARKS.get(block.role, ""))
                keep = " keep" if block.role == "subhead" else ""
                yield f'<p class="{block.role}{keep}"{mark}>{bullet}{self.inlines(block.inlines)}</p>'

    def _table(self, table: Table, mark: str) -> Iterator[str]:
        if table.caption:
            yield f'<p class="caption keep"{mark}>{self.inlines(restyle(table.caption, bold=True))}</p>'
            mark = ""
        if table.unit:
            yield f'<p class="unit keep">{self.inlines(restyle(table.unit, italic=True))}</p>'
        widths = column_widths(table.widths, self.width, table.column_needs())
        columns = "".join(f'<col style="width:{100 * w / self.width:.3f}%">' for w in widths)
        rows = "".join(self._row(row, spans) for row, spans in zip(table.rows, _row_spans(table.rows), strict=True))
        yield f'<table class="tbl"{mark}><colgroup>{columns}</colgroup><tbody>{rows}</tbody></table>'
        for note in table.notes:
            yield f'<p class="tnote">{self.inlines(note)}</p>'
        if not table.notes:
            yield '<p class="tspace"></p>'

    def _row(self, row: Row, spans: list[int]) -> str:
        cells = []
        for cell, down in zip(row.cells, spans, strict=True):
            if cell.merge == "continue":
                continue
            cells.append(self._cell(cell, row, down))
        return f'<tr class="{row.kind}">{"".join(cells)}</tr>'

    def _cell(self, cell: Cell, row: Row, down: int) -> str:
        spans = (f' colspan="{cell.span}"' if cell.span > 1 else "") + (f' rowspan="{down}"' if down > 1 else "")
        paragraphs = "".join(
            f"<p>{self.inlines(restyle(p, bold=True) if row.kind != 'item' else p)}</p>" for p in cell.paragraphs
        )
        return f'<td class="{cell.align}"{spans}>{paragraphs}</td>'

    # ---- inlines and notes ------------------------------------------------------------

    def inlines(self, inlines: Iterable[Inline]) -> str:
        """Runs as HTML: <b>, <i>, <sup>; a note citation as its number (a repeat marked as one)."""
        out = []
        for inline in inlines:
            if isinstance(inline, NoteRef):
                out.append(self._citation(inline.note))
                continue
            text = escape(inline.text)
            if inline.superscript:
                text = f"<sup>{text}</sup>"
            if inline.italic:
                text = f"<i>{text}</i>"
            if inline.bold:
                text = f"<b>{text}</b>"
            out.append(text)
        return "".join(out)

    def _citation(self, note: Note) -> str:
        number = self.numbers.get(id(note))
        if number is None:  # a note cited only from another note: Word numbers it after the others
            number = self.numbers[id(note)] = len(self.numbers) + 1
        repeat = id(note) in self.seen
        if not repeat:
            self.seen.add(id(note))
            self.cited.append(note)
        return f'<sup class="fnref{" repeat" if repeat else ""}" data-note="{number}">{number}</sup>'

    def _note(self, note: Note) -> str:
        number = self.numbers[id(note)]
        paragraphs = "".join(
            f"<p>{f'<sup>{number}</sup> ' if i == 0 else ''}{self.inlines(p)}</p>"
            for i, p in enumerate(note.paragraphs)
        )
        return f'<div class="fn" id="fn-{number}" data-note="{number}">{paragraphs}</div>'

    # ---- warnings ---------------------------------------------------------------------

    def _warning_mark(self, block: Block) -> str:
        """Attributes marking a block that a warning is about; the banner links to it."""
        found = [i for i, w in enumerate(self.warnings) if i not in self.placed and _within(w.location, block.source)]
        if not found:
            return ""
        anchor = len(set(self.placed.values()))
        for i in found:
            self.placed[i] = anchor
        said = " | ".join(self.warnings[i].message for i in found)
        return f' id="canh-bao-{anchor}" data-warning="{escape(said)}" title="{escape(said)}"'

    def warnings_banner(self) -> str:
        """The warnings above the sheets (filled after the sections are written), each with file:line and a
        link to the block it is about."""
        items = []
        for i, warning in enumerate(self.warnings):
            text = problem_html(warning, " ")
            items.append(f'<a href="#canh-bao-{self.placed[i]}">{text}</a>' if i in self.placed else text)
        return banner("warnings", common.WARNINGS, items)


def banner(css_class: str, title: str, items: list[str], tail: str = "", anchor: str = "") -> str:
    """A banner above the sheets: 'title (count)', the `items` (HTML) listed, then `tail` (HTML); `anchor` its
    id. Empty when there are no items."""
    if not items:
        return ""
    lines = "".join(f"<li>{item}</li>" for item in items)
    where = f' id="{anchor}"' if anchor else ""
    return f'<aside class="banner {css_class}"{where}><b>{title} ({len(items)})</b><ul>{lines}</ul>{tail}</aside>'


def problem_html(problem: Problem, before_hint: str = "<br>") -> str:
    """'file:line: message → hint', escaped."""
    hint = f"{before_hint}→ {escape(problem.hint)}" if problem.hint else ""
    return escape(f"{problem.location}: {problem.message}") + hint


def _line(text: str, classes: str) -> str:
    return f'<p class="{classes}">{escape(text)}</p>'


def _within(place: Location, source: Location | None) -> bool:
    """Whether `place` is in the text written at `source` (same file, one of its lines)."""
    if source is None or not place.line or place.file != source.file:
        return False
    last = max(source.word_lines, default=source.line)
    return source.line <= place.line <= last


def _row_spans(rows: list[Row]) -> list[list[int]]:
    """For each cell, how many rows it covers downwards (a 'restart' cell and the 'continue' cells below it)."""
    starts = [_grid_columns(row) for row in rows]
    spans = []
    for r, row in enumerate(rows):
        spans.append(
            [
                _covered(rows, starts, r, column) if cell.merge == "restart" else 1
                for cell, column in zip(row.cells, starts[r], strict=True)
            ]
        )
    return spans


def _grid_columns(row: Row) -> list[int]:
    columns, column = [], 0
    for cell in row.cells:
        columns.append(column)
        column += cell.span
    return columns


def _covered(rows: list[Row], starts: list[list[int]], top: int, column: int) -> int:
    count = 1
    for r in range(top + 1, len(rows)):
        below = dict(zip(starts[r], rows[r].cells, strict=True)).get(column)
        if below is None or below.merge != "continue":
            break
        count += 1
    return count
