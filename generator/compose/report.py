"""Stage 4, compose: the validated report and what was computed from it become the document model.

Heading numbers, the frame's formatted strings and the Nơi nhận punctuation are all made here,
so no writer and no clerk ever types them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from baocao.compose.charts import build_chart
from baocao.compose.frame import CitedDocument, appendix_labels, attached_line, build_frame
from baocao.compose.levels import (
    HEADING_KIND,
    LEAD_DEFAULTS,
    UNNUMBERED,
    Level,
    check_count,
    refuse_typed_number,
)
from baocao.compose.narrative import Figures, Narrator
from baocao.compose.notes import Notes
from baocao.compose.tables import build_table
from baocao.compose.trust import NumberSlips
from baocao.conventions import marks, numbering
from baocao.document.model import (
    Appendix,
    Block,
    Chart,
    Document,
    Frame,
    Heading,
    HeadingKind,
    Inline,
    Note,
    NumberedParagraph,
    Paragraph,
    ParagraphRole,
    Table,
    Text,
    restyle,
)
from baocao.errors import BaocaoError, Collector, Location, Problem
from baocao.figures.compute import Computed
from baocao.figures.figure import Figure
from baocao.input.charts import BieuDo, KhoiBieuDo
from baocao.input.kinds import load_kind
from baocao.input.load import SourceMap
from baocao.input.model import BaoCao, DonVi, Muc, PhuLuc
from baocao.input.table_model import Bang, KhoiBang
from baocao.input.validate import Sources
from baocao.messages import compose as msg

_BULLET_ROLES: tuple[ParagraphRole, ...] = ("bullet", "subbullet")


@dataclass
class Composed:
    """The document model of one report, with the warnings met on the way and the notes (Problem.note)."""

    document: Document
    warnings: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    figures: dict[str, Figure] = field(default_factory=dict)  # every figure, computed (for `baocao figures`)


def compose(sources: Sources, computed: Computed) -> Composed:
    """Build the document model of a validated report from what was computed for it."""
    return _Composer(sources, computed).run()


class _Composer:
    def __init__(self, sources: Sources, computed: Computed):
        self.report: BaoCao = sources.report
        self.unit: DonVi = sources.unit
        self.places: SourceMap = sources.report_map
        self.figures = Figures(computed.figures, computed.failed)
        self.appendix_labels = appendix_labels(self.report.phu_luc)
        self.slips = NumberSlips(self.places)
        self.narrator = Narrator(self._context(computed), self.slips.scan, self.places.text)
        self.notes = Notes(self.report.chu_thich, self.narrator, self.places)
        self.blocks: list[Block] = []
        self.ladder = self.report.kieu_muc or self.unit.kieu_muc or numbering.DEFAULT_LADDER
        self.styles_by_depth: dict[int, tuple[str, Location]] = {}  # the first label style met at each depth
        self.mixed_depths: set[int] = set()
        self.charts = 0  # charts composed so far
        self.warnings: list[Problem] = list(computed.warnings)
        self.found = Collector()  # every problem of the sentences, tables, frame: all told at the end

    def _context(self, computed: Computed) -> dict[str, Any]:
        r, u = self.report, self.unit
        return {
            "so_lieu": self.figures,
            "van_ban": {name: CitedDocument(spec) for name, spec in r.van_ban.items()},
            "nhiem_vu": computed.tasks,
            "phu_luc": {a.khoa: label for a, label in zip(r.phu_luc, self.appendix_labels, strict=True) if a.khoa},
            "ky": r.ky_bao_cao.label,
            "ky_toi": r.ky_bao_cao.following().label,
            "nam": r.ky_bao_cao.year,
            "ten_don_vi": u.ten_goi_tat,
            "dia_danh": u.dia_danh,
        } | ({"tong_hop": computed.rollup} if computed.rollup else {})

    def run(self) -> Composed:
        """The document; raises BaocaoError with every problem found (and the warnings) if there is one."""
        attempt = self.found.attempt
        if self.report.chi_phu_luc:
            attempt(self._check_appendices_only, None)
        else:
            self._blocks(self.report.mo_dau, ("mo_dau",), None, 0)
            top = "phan" if self.report.co_phan else numbering.child_style(None, self.ladder)
            self._blocks(self.report.noi_dung, ("noi_dung",), Level(top, 0, 0), 0)
            attempt(self._close, None)
        appendices = [
            attempt(partial(self._appendix, spec, label, ("phu_luc", i)), None)
            for i, (spec, label) in enumerate(zip(self.report.phu_luc, self.appendix_labels, strict=True))
        ]
        self.warnings += self.notes.unused(self.found)
        frame = None if self.report.chi_phu_luc else attempt(self._frame, None)
        self.warnings += self.slips.warnings + self.slips.mixed()
        self.found.check(self.warnings)
        document = Document(frame, self.blocks, [a for a in appendices if a is not None])
        return Composed(document, self.warnings, figures=dict(self.figures))

    # ---- outline ----------------------------------------------------------------------

    def _blocks(self, items: list, path: tuple, level: Level | None, bullet: int) -> None:
        for i, item in enumerate(items):
            self.found.attempt(partial(self._block, item, path + (i,), level, bullet), None)

    def _block(self, item: Any, here: tuple, level: Level | None, bullet: int) -> None:
        """One item of an outline list; its problems are kept and the next item is composed all the same."""
        if isinstance(item, Muc):
            if level is None or bullet:
                raise BaocaoError(
                    Problem(
                        self.places.where(here),
                        msg.SECTION_MISPLACED,
                        msg.SECTION_MISPLACED_HINT,
                    )
                )
            self._section(item, here, level)
        elif isinstance(item, KhoiBang):
            self.blocks.append(replace(self._table(item.bang, here + ("bang",)), source=self.places.where(here)))
        elif isinstance(item, KhoiBieuDo):
            self.blocks.append(self._chart(item.bieu_do, here + ("bieu_do",)))
        elif isinstance(item, list):
            if bullet >= len(_BULLET_ROLES):
                raise BaocaoError(
                    Problem(
                        self.places.where(here),
                        msg.LIST_TOO_DEEP,
                        msg.LIST_TOO_DEEP_HINT,
                    )
                )
            self._blocks(item, here, level, bullet + 1)
        else:
            role: ParagraphRole = _BULLET_ROLES[bullet - 1] if bullet else "body"
            self.blocks.append(Paragraph(self._inlines(item, here), role, self.places.where(here)))

    def _section(self, section: Muc, path: tuple, level: Level) -> None:
        """A section: numbered in its level's style (or not numbered), then its content one level down."""
        first_key = "tieu_de" if section.tieu_de else "doan"
        where = self.places.where(path + (first_key,))
        refuse_typed_number(section, where)
        if not section.danh_so:
            self.blocks.append(self._unnumbered(section, path))
            self._blocks(section.noi_dung, path + ("noi_dung",), level, 0)  # its numbered children continue the level
            return
        if level.style is None:
            raise BaocaoError(
                Problem(
                    where,
                    msg.OUTLINE_TOO_DEEP,
                    msg.OUTLINE_TOO_DEEP_HINT,
                )
            )
        level.count += 1
        check_count(level.style, level.count, self.report.kieu_phan, where)
        self._note_style(level, where)
        kind = HEADING_KIND[level.style]
        label = numbering.ladder_label(level.style, level.count, level.parent_number, self.report.kieu_phan == "chu")
        if section.doan:
            if level.style == "phan":
                raise BaocaoError(
                    Problem(
                        where,
                        msg.PART_WITH_TEXT,
                        msg.PART_WITH_TEXT_HINT,
                    )
                )
            self.blocks.append(self._numbered_paragraph(section, path, kind, label, level.style))
        else:
            title = self._inlines(section.tieu_de, path + ("tieu_de",))
            self.blocks.append(Heading(kind, label, _upper(title) if kind in ("phan", "muc") else title, where))
        self._blocks(section.noi_dung, path + ("noi_dung",), self._children(section, path, level), 0)

    def _children(self, section: Muc, path: tuple, level: Level) -> Level:
        """The level of a section's sub-sections: its own choice (kieu_muc_con), else the ladder's next style."""
        own = None if level.style == "phan" else level.style
        style = section.kieu_muc_con or numbering.child_style(own, self.ladder)
        problem = numbering.ladder_problem(own, section.kieu_muc_con) if section.kieu_muc_con else ""
        if problem:
            raise BaocaoError(
                Problem(
                    self.places.where(path + ("kieu_muc_con",)),
                    problem,
                    msg.CHILD_STYLE_HINT,
                )
            )
        return Level(style, level.count, level.depth + 1)

    def _note_style(self, level: Level, where: Location) -> None:
        """Warn once per depth when items at one depth of the outline are labelled in two styles."""
        first = self.styles_by_depth.setdefault(level.depth, (level.style or "", where))
        if first[0] != level.style and level.depth not in self.mixed_depths:
            self.mixed_depths.add(level.depth)
            samples = numbering.STYLE_SAMPLES
            self.warnings.append(
                Problem(
                    where,
                    msg.two_styles_at_level(
                        str(samples.get(level.style or "", level.style)),
                        samples.get(first[0], first[0]),
                        first[1].line,
                    ),
                    msg.TWO_STYLES_HINT,
                )
            )

    def _title(self, section: Muc, path: tuple, style: str) -> tuple[list[Inline], bool, bool]:
        """The title of a run-in heading or an unnumbered sub-head, bold and/or italic (kieu_tieu_de)."""
        lead_style = section.kieu_tieu_de or LEAD_DEFAULTS[style]
        bold, italic = "dam" in lead_style, "nghieng" in lead_style
        title = self._inlines(section.tieu_de, path + ("tieu_de",))
        return restyle(title, **{k: True for k, on in (("bold", bold), ("italic", italic)) if on}), bold, italic

    def _numbered_paragraph(
        self, section: Muc, path: tuple, kind: HeadingKind, label: str, style: str
    ) -> NumberedParagraph:
        """'1. text', or a run-in heading 'a) Lead-in: text' (':' added unless the lead-in ends with : . ? !)."""
        text = self._inlines(section.doan, path + ("doan",))
        source = self.places.where(path + ("tieu_de" if section.tieu_de else "doan",))
        if not section.tieu_de:
            return NumberedParagraph(kind, label, [], text, source=source)
        lead, bold, italic = self._title(section, path, style)
        last = lead[-1] if lead else None
        if isinstance(last, Text) and not last.text.rstrip().endswith((":", ".", "?", "!")):
            lead[-1] = replace(last, text=last.text.rstrip() + ":")
        return NumberedParagraph(kind, label, lead, [Text(" "), *text], bold, italic, source)

    def _unnumbered(self, section: Muc, path: tuple) -> NumberedParagraph | Paragraph:
        """An unnumbered sub-head on its own line, or an unnumbered run-in heading."""
        if section.doan:
            return self._numbered_paragraph(section, path, "diem", "", UNNUMBERED)
        return Paragraph(self._title(section, path, UNNUMBERED)[0], "subhead", self.places.where(path + ("tieu_de",)))

    # ---- tables and appendices ---------------------------------------------------------

    def _table(self, spec: Bang, path: tuple) -> Table:
        return build_table(spec, path, self.figures, self.places, self._inlines)

    def _chart(self, spec: BieuDo, path: tuple) -> Chart:
        self.charts += 1  # numbered in document order: the body's, then the appendices'
        render = (self._inlines, self._plain)
        return build_chart(spec, path, self.charts, self.figures, self.report.so_lieu, self.places, render)

    def _appendix(self, spec: PhuLuc, label: str, path: tuple) -> Appendix:
        title = _upper(self._inlines(spec.tieu_de, path + ("tieu_de",)))
        blocks: list[Block] = [] if spec.bang is None else [self._table(spec.bang, path + ("bang",))]
        for i, chart in enumerate(spec.charts):
            blocks.append(self._chart(chart, path + ("bieu_do", *((i,) if isinstance(spec.bieu_do, list) else ()))))
        return Appendix(label, title, attached_line(self.report, self.unit), blocks)

    def _check_appendices_only(self) -> None:
        r = self.report
        if not r.phu_luc:
            raise BaocaoError(
                Problem(
                    self.places.where(("chi_phu_luc",)),
                    msg.NO_APPENDIX,
                    msg.NO_APPENDIX_HINT,
                )
            )
        for key in ("mo_dau", "noi_dung"):
            if getattr(r, key):
                raise BaocaoError(
                    Problem(
                        self.places.where((key,)),
                        msg.appendices_only_with(key),
                        msg.appendices_only_with_hint(key),
                    )
                )

    # ---- text and footnotes -------------------------------------------------------------

    def _inlines(self, text: str, path: tuple) -> list[Inline]:
        """A clerk's text rendered; when it fails, its problem is kept and it renders as nothing."""
        return self.found.attempt(lambda: self.narrator.inlines(text, self.places.where(path), self.notes.note), [])

    def _close(self) -> None:
        """The closing sentence ending with './.'; with ket_luan: false the last body paragraph ends with it."""
        if self.report.ket_luan is not False:
            text = self.report.ket_luan or load_kind(self.report.loai).closing(
                " ".join(self._subject().split()), self.unit.ten_goi_tat
            )
            self.blocks.append(Paragraph(_end_mark(self._inlines(text, ("ket_luan",))), "closing"))
            return
        last = self.blocks[-1] if self.blocks else None
        if not isinstance(last, (Paragraph, NumberedParagraph)):
            raise BaocaoError(
                Problem(
                    self.places.where(("ket_luan",)),
                    msg.NO_CLOSING_PARAGRAPH,
                    msg.NO_CLOSING_PARAGRAPH_HINT,
                )
            )
        self.blocks[-1] = replace(last, inlines=_end_mark(last.inlines))

    # ---- frame ------------------------------------------------------------------------

    def _subject(self) -> str:
        subject = self.report.trich_yeu or load_kind(self.report.loai).subject(self.report.ky_bao_cao)
        if not subject:
            raise BaocaoError(
                Problem(
                    self.places.where(("loai",)),
                    msg.NO_SUBJECT,
                    msg.NO_SUBJECT_HINT,
                )
            )
        return "\n".join(self._plain(line, ("trich_yeu",)) for line in subject.splitlines() if line.strip())

    def _plain(self, text: str, path: tuple) -> str:
        """A frame line: its expressions rendered; markup is refused (the template styles the line)."""
        where = self.places.where(path)
        refuse = BaocaoError(
            Problem(
                where,
                msg.markup_in_frame_line(str(path[-1])),
                msg.MARKUP_IN_FRAME_LINE_HINT,
            )
        )

        def no_note(_body: str, _where: Location) -> Note:
            raise refuse

        inlines = self.narrator.inlines(text, where, no_note)
        if any(not isinstance(i, Text) or i.bold or i.italic or i.superscript for i in inlines):
            raise refuse
        return "".join(i.text for i in inlines if isinstance(i, Text))

    def _frame(self) -> Frame:
        return build_frame(self.report, self.unit, self._subject(), self._plain)


def _end_mark(inlines: list[Inline]) -> list[Inline]:
    """The inlines ending with the closing mark './.' (marks.close)."""
    last = inlines[-1] if inlines else None
    if isinstance(last, Text):
        return [*inlines[:-1], replace(last, text=marks.close(last.text))]
    return [*inlines, Text(marks.CLOSING_MARK)]


def _upper(inlines: list[Inline]) -> list[Inline]:
    return [replace(t, text=t.text.upper()) if isinstance(t, Text) else t for t in inlines]
