"""Stage 4, compose: the validated report and what was computed from it become the document model.

Heading numbers, the frame's formatted strings and the Nơi nhận punctuation are all made here,
so no writer and no clerk ever types them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from baocao.compose.charts import build_chart
from baocao.compose.narrative import Figures, Narrator
from baocao.compose.tables import build_table
from baocao.compose.trust import NumberSlips
from baocao.conventions import formatting as fmt
from baocao.conventions import marks, numbering
from baocao.conventions.documents import (
    REPORT_TYPE_NAME,
    REPORT_TYPE_SIGN,
    format_doc_reference,
    format_so_ky_hieu,
    report_sign,
)
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
from baocao.input.model import Bang, BaoCao, DonVi, KhoiBang, Muc, NguoiKy, PhuLuc, VanBan
from baocao.input.validate import Sources

# The heading kind (Word's Heading 1–5) of each label style; a Phần is "phan".
_HEADING_KIND: dict[str, HeadingKind] = {
    "phan": "phan",
    numbering.LA_MA: "muc",
    numbering.SO: "tieu_muc",
    numbering.SO_GHEP: "tieu_muc_2",
    numbering.CHU: "diem",
}
_UNNUMBERED = "khong_so"
# How a run-in title is printed when kieu_tieu_de does not say (ND30: 1.1. bold or bold italic; a) italic).
_LEAD_DEFAULTS = {
    numbering.LA_MA: "dam",
    numbering.SO: "dam",
    numbering.SO_GHEP: "dam_nghieng",
    numbering.CHU: "nghieng",
    _UNNUMBERED: "dam",
}
_NOTE_NAME = re.compile(r"^[a-z0-9_]+$")
_BULLET_ROLES: tuple[ParagraphRole, ...] = ("bullet", "subbullet")


@dataclass
class _Level:
    """The sections of one list: their label style (None when no numbered level is left, "phan" for the
    parts), the number of the "1." item they sit under (for "1.1."), their depth, how many are numbered."""

    style: str | None
    parent_number: int
    depth: int
    count: int = 0


@dataclass
class Composed:
    """The document model of one report, with the warnings met on the way and the notes (Problem.note)."""

    document: Document
    warnings: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    figures: dict[str, Figure] = field(default_factory=dict)  # every figure, computed (for `baocao figures`)


class CitedDocument:
    """A document cited in the narrative: `{{ van_ban.ke_hoach }}` prints its full reference."""

    def __init__(self, spec: VanBan):
        self.spec = spec

    def __str__(self) -> str:
        s = self.spec
        return format_doc_reference(s.loai, s.so, s.ky_hieu, s.ngay.as_date(), s.co_quan or None, s.ve or None)


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
        self.blocks: list[Block] = []
        self.ladder = self.report.kieu_muc or self.unit.kieu_muc or numbering.DEFAULT_LADDER
        self.styles_by_depth: dict[int, tuple[str, Location]] = {}  # the first label style met at each depth
        self.mixed_depths: set[int] = set()
        self.notes: dict[str, Note] = {}
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
            self._blocks(self.report.noi_dung, ("noi_dung",), _Level(top, 0, 0), 0)
            attempt(self._close, None)
        appendices = [
            attempt(partial(self._appendix, spec, label, ("phu_luc", i)), None)
            for i, (spec, label) in enumerate(zip(self.report.phu_luc, self.appendix_labels, strict=True))
        ]
        self._unused_notes()
        frame = None if self.report.chi_phu_luc else attempt(self._frame, None)
        self.warnings += self.slips.warnings + self.slips.mixed()
        self.found.check(self.warnings)
        document = Document(frame, self.blocks, [a for a in appendices if a is not None])
        return Composed(document, self.warnings, figures=dict(self.figures))

    # ---- outline ----------------------------------------------------------------------

    def _blocks(self, items: list, path: tuple, level: _Level | None, bullet: int) -> None:
        for i, item in enumerate(items):
            self.found.attempt(partial(self._block, item, path + (i,), level, bullet), None)

    def _block(self, item: Any, here: tuple, level: _Level | None, bullet: int) -> None:
        """One item of an outline list; its problems are kept and the next item is composed all the same."""
        if isinstance(item, Muc):
            if level is None or bullet:
                raise BaocaoError(
                    Problem(
                        self.places.where(here),
                        "Không đặt mục có tiêu đề ở phần mở đầu hoặc trong danh sách gạch đầu dòng.",
                        "Chuyển mục này vào noi_dung, ngang hàng với các mục khác.",
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
                        "Danh sách lồng quá hai cấp (chỉ có '-' và '+').",
                        "Gộp bớt một cấp danh sách.",
                    )
                )
            self._blocks(item, here, level, bullet + 1)
        else:
            role: ParagraphRole = _BULLET_ROLES[bullet - 1] if bullet else "body"
            self.blocks.append(Paragraph(self._inlines(item, here), role, self.places.where(here)))

    def _section(self, section: Muc, path: tuple, level: _Level) -> None:
        """A section: numbered in its level's style (or not numbered), then its content one level down."""
        first_key = "tieu_de" if section.tieu_de else "doan"
        where = self.places.where(path + (first_key,))
        _refuse_typed_number(section, where)
        if not section.danh_so:
            self.blocks.append(self._unnumbered(section, path))
            self._blocks(section.noi_dung, path + ("noi_dung",), level, 0)  # its numbered children continue the level
            return
        if level.style is None:
            raise BaocaoError(
                Problem(
                    where,
                    "Đề cương quá nhiều cấp (sâu nhất là điểm a), b), c)...).",
                    "Chuyển bớt nội dung thành đoạn văn hoặc gạch đầu dòng.",
                )
            )
        level.count += 1
        _check_count(level.style, level.count, self.report.kieu_phan, where)
        self._note_style(level, where)
        kind = _HEADING_KIND[level.style]
        label = numbering.ladder_label(level.style, level.count, level.parent_number, self.report.kieu_phan == "chu")
        if section.doan:
            if level.style == "phan":
                raise BaocaoError(
                    Problem(
                        where,
                        "Phần (Phần I, Phần II) là tiêu đề riêng một dòng, không viết doan.",
                        "Chuyển đoạn văn vào noi_dung của Phần.",
                    )
                )
            self.blocks.append(self._numbered_paragraph(section, path, kind, label, level.style))
        else:
            title = self._inlines(section.tieu_de, path + ("tieu_de",))
            self.blocks.append(Heading(kind, label, _upper(title) if kind in ("phan", "muc") else title, where))
        self._blocks(section.noi_dung, path + ("noi_dung",), self._children(section, path, level), 0)

    def _children(self, section: Muc, path: tuple, level: _Level) -> _Level:
        """The level of a section's sub-sections: its own choice (kieu_muc_con), else the ladder's next style."""
        own = None if level.style == "phan" else level.style
        style = section.kieu_muc_con or numbering.child_style(own, self.ladder)
        problem = numbering.ladder_problem(own, section.kieu_muc_con) if section.kieu_muc_con else ""
        if problem:
            raise BaocaoError(
                Problem(
                    self.places.where(path + ("kieu_muc_con",)),
                    problem,
                    "Chọn kieu_muc_con thấp hơn kiểu của mục này, hoặc xóa dòng kieu_muc_con.",
                )
            )
        return _Level(style, level.count, level.depth + 1)

    def _note_style(self, level: _Level, where: Location) -> None:
        """Warn once per depth when items at one depth of the outline are labelled in two styles."""
        first = self.styles_by_depth.setdefault(level.depth, (level.style or "", where))
        if first[0] != level.style and level.depth not in self.mixed_depths:
            self.mixed_depths.add(level.depth)
            samples = numbering.STYLE_SAMPLES
            self.warnings.append(
                Problem(
                    where,
                    f"Các mục cùng cấp đánh số hai kiểu: «{samples.get(level.style or '', level.style)}» ở đây "
                    f"và «{samples.get(first[0], first[0])}» ở dòng {first[1].line}.",
                    "Nên dùng một kiểu cho mỗi cấp: sửa kieu_muc_con, hoặc khai báo kieu_muc cho cả báo cáo.",
                )
            )

    def _title(self, section: Muc, path: tuple, style: str) -> tuple[list[Inline], bool, bool]:
        """The title of a run-in heading or an unnumbered sub-head, bold and/or italic (kieu_tieu_de)."""
        lead_style = section.kieu_tieu_de or _LEAD_DEFAULTS[style]
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
            return self._numbered_paragraph(section, path, "diem", "", _UNNUMBERED)
        return Paragraph(self._title(section, path, _UNNUMBERED)[0], "subhead", self.places.where(path + ("tieu_de",)))

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
        if spec.bieu_do is not None:
            blocks.append(self._chart(spec.bieu_do, path + ("bieu_do",)))
        return Appendix(label, title, attached_line(self.report, self.unit), blocks)

    def _check_appendices_only(self) -> None:
        r = self.report
        if not r.phu_luc:
            raise BaocaoError(
                Problem(
                    self.places.where(("chi_phu_luc",)),
                    "Báo cáo chỉ gồm phụ lục (chi_phu_luc: true) nhưng chưa có phụ lục nào.",
                    "Thêm danh sách phu_luc, hoặc bỏ dòng chi_phu_luc.",
                )
            )
        for key in ("mo_dau", "noi_dung"):
            if getattr(r, key):
                raise BaocaoError(
                    Problem(
                        self.places.where((key,)),
                        f"Báo cáo chỉ gồm phụ lục (chi_phu_luc: true) không có {key}.",
                        f"Xóa {key}, hoặc bỏ dòng chi_phu_luc để soạn cả báo cáo.",
                    )
                )

    # ---- text and footnotes -------------------------------------------------------------

    def _inlines(self, text: str, path: tuple) -> list[Inline]:
        """A clerk's text rendered; when it fails, its problem is kept and it renders as nothing."""
        return self.found.attempt(lambda: self.narrator.inlines(text, self.places.where(path), self._note), [])

    def _note(self, body: str, where: Location) -> Note:
        if not _NOTE_NAME.match(body):
            return Note([self.narrator.inlines(body, where)])
        if body not in self.report.chu_thich:
            raise BaocaoError(
                Problem(
                    where,
                    f"Chú thích '[^{body}]' chưa được định nghĩa trong chu_thich.",
                    f"Thêm '{body}: nội dung chú thích' vào nhóm chu_thich.",
                )
            )
        if body not in self.notes:
            paragraphs = self.report.chu_thich[body]
            paths = (
                [("chu_thich", body, i) for i in range(len(paragraphs))]
                if len(paragraphs) > 1
                else [("chu_thich", body)]
            )
            self.notes[body] = Note(
                [
                    self.narrator.inlines(text, self.places.where(path))
                    for text, path in zip(paragraphs, paths, strict=True)
                ],
                body,
            )
        return self.notes[body]

    def _unused_notes(self) -> None:
        """Named notes no sentence cited; after an error (which may have stopped the sentence citing
        one) they are rendered instead, so that their own problems are found too."""
        for name in self.report.chu_thich:
            if name in self.notes:
                continue
            if self.found.problems:
                self.found.attempt(partial(self._note, name, self.places.where(("chu_thich", name))), None)
            else:
                self.warnings.append(
                    Problem(
                        self.places.where(("chu_thich", name)),
                        f"Chú thích '{name}' được định nghĩa nhưng không được dùng.",
                        f"Gọi nó trong câu bằng [^{name}] hoặc xóa đi.",
                    )
                )

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
                    "Báo cáo không có câu kết (ket_luan: false) thì phải kết thúc "
                    "bằng một đoạn văn (dấu './.' đặt cuối đoạn đó).",
                    "Thêm một đoạn văn cuối noi_dung, hoặc bỏ dòng ket_luan: false để có câu kết mặc định.",
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
                    "Báo cáo loại 'chung' cần ghi trich_yeu.",
                    "Thêm dòng 'trich_yeu: ...' (nội dung chính của báo cáo).",
                )
            )
        return "\n".join(self._plain(line, ("trich_yeu",)) for line in subject.splitlines() if line.strip())

    def _plain(self, text: str, path: tuple) -> str:
        """A frame line: its expressions rendered; markup is refused (the template styles the line)."""
        where = self.places.where(path)
        refuse = BaocaoError(
            Problem(
                where,
                f"Dòng '{path[-1]}' không dùng chữ đậm, nghiêng, chỉ số trên hay chú thích.",
                "Xóa các dấu **, *, ^ hoặc [^...] ở dòng này (mẫu Word đã định dạng sẵn).",
            )
        )

        def no_note(_body: str, _where: Location) -> Note:
            raise refuse

        inlines = self.narrator.inlines(text, where, no_note)
        if any(not isinstance(i, Text) or i.bold or i.italic or i.superscript for i in inlines):
            raise refuse
        return "".join(i.text for i in inlines if isinstance(i, Text))

    def _frame(self) -> Frame:
        r, u = self.report, self.unit
        signer = r.nguoi_ky or u.nguoi_ky
        authority, title = _signature(signer)
        return Frame(
            co_quan_chu_quan=u.co_quan_chu_quan.upper(),
            co_quan_ban_hanh=[line.upper() for line in u.co_quan_ban_hanh],
            so_ky_hieu=format_so_ky_hieu(r.so, REPORT_TYPE_SIGN, u.ky_hieu),
            dia_danh_ngay=fmt.format_place_date(u.dia_danh, r.ngay.day, r.ngay.month, r.ngay.year),
            ten_loai=REPORT_TYPE_NAME,
            trich_yeu=self._subject(),
            dong_nghieng=self._plain(r.dong_nghieng, ("dong_nghieng",)),
            kinh_gui=recipients(r.kinh_gui),
            noi_nhan=marks.distribution(r.noi_nhan if r.noi_nhan is not None else u.noi_nhan, u.luu, bool(r.kinh_gui)),
            tham_quyen=authority,
            chuc_vu=title,
            ho_ten=signer.ho_ten,
        )


def _end_mark(inlines: list[Inline]) -> list[Inline]:
    """The inlines ending with the closing mark './.' (a final '.', ';' or '/' replaced)."""
    last = inlines[-1] if inlines else None
    if isinstance(last, Text):
        return [*inlines[:-1], replace(last, text=marks.close(last.text))]
    return [*inlines, Text(marks.CLOSING_MARK)]


def _refuse_typed_number(section: Muc, where: Location) -> None:
    """A title or numbered paragraph must not start with a number typed by hand."""
    typed = numbering.read_label(section.tieu_de or section.doan)
    if typed and (section.tieu_de or typed.text.endswith((".", ")"))):
        raise BaocaoError(
            Problem(
                where,
                f"«{(section.tieu_de or section.doan)[:40]}» có ghi số thứ tự.",
                "Xóa số thứ tự ở đầu; số được đánh tự động.",
            )
        )


def _check_count(style: str, number: int, part_style: str, where: Location) -> None:
    """Numbering styles that run out: Vietnamese letters (23 points), 'Phần thứ …' words (10 parts),
    Roman numerals (3999 mục or phần)."""
    if (style == numbering.LA_MA or style == "phan" and part_style != "chu") and number > fmt.MAX_ROMAN:
        raise BaocaoError(
            Problem(
                where,
                f"Quá {fmt.MAX_ROMAN:,} {'phần' if style == 'phan' else 'mục'} đánh số La Mã ở cùng một cấp: số La Mã "
                f"chỉ viết được đến {fmt.roman(fmt.MAX_ROMAN)}.".replace(",", "."),
                "Gộp các phần lại." if style == "phan" else "Gộp các mục, hoặc đánh số cấp này kiểu 1., 2. (kieu_muc).",
            )
        )
    if style == numbering.CHU and number > len(fmt.VIETNAMESE_LETTERS):
        raise BaocaoError(
            Problem(
                where,
                f"Quá {len(fmt.VIETNAMESE_LETTERS)} điểm a), b), c)... trong một mục.",
                "Chuyển bớt các điểm thành gạch đầu dòng hoặc chia thành nhiều mục.",
            )
        )
    if style == "phan" and part_style == "chu" and number > len(numbering.PART_ORDINALS):
        raise BaocaoError(
            Problem(
                where,
                f"Cách ghi 'Phần thứ …' chỉ dùng cho tối đa {len(numbering.PART_ORDINALS)} phần.",
                "Dùng kieu_phan: so (Phần I, Phần II, ...) cho báo cáo nhiều phần.",
            )
        )


def _upper(inlines: list[Inline]) -> list[Inline]:
    return [replace(t, text=t.text.upper()) if isinstance(t, Text) else t for t in inlines]


def _signature(signer: NguoiKy) -> tuple[str, str]:
    """The two title lines: 'KT. CHỦ TỊCH' / 'PHÓ CHỦ TỊCH'; 'Q.' prefixes the title itself."""
    title = signer.chuc_vu.upper()
    if signer.tham_quyen == "Q.":
        return "", f"Q. {title}"
    if signer.tham_quyen:
        return f"{signer.tham_quyen} {signer.thay_cho.upper()}", title
    return "", title


def appendix_labels(appendices: list[PhuLuc]) -> list[str]:
    """'Biểu số 01', 'Biểu số 02'…; 'Phụ lục I', 'Phụ lục II'… ('Phụ lục' alone when there is one)."""
    totals = Counter(a.loai for a in appendices)
    seen: Counter[str] = Counter()
    labels = []
    for appendix in appendices:
        seen[appendix.loai] += 1
        number = seen[appendix.loai]
        if appendix.loai == "bieu":
            labels.append(f"Biểu số {number:02d}")
        else:
            labels.append(f"Phụ lục {fmt.roman(number)}" if totals["phu_luc"] > 1 else "Phụ lục")
    return labels


def attached_line(report: BaoCao, unit: DonVi) -> str:
    """'(Kèm theo Báo cáo số 142/BC-UBND ngày 15/6/2026 của UBND xã Tân Hòa)'; a draft leaves blanks."""
    reference = format_doc_reference(REPORT_TYPE_NAME.capitalize(), report.so, report_sign(unit.ky_hieu), None)
    date = report.ngay.as_date()
    day = (
        f" {fmt.format_date_short(date)}"
        if date
        else f"{fmt.DRAFT_BLANK}/{fmt.pad_month(report.ngay.month)}/{report.ngay.year}"
    )
    return f"(Kèm theo {reference} ngày{day} của {unit.ten_goi_tat})"


def recipients(items: list[str]) -> list[str]:
    """Kính gửi: one recipient as is; several as '- ...;' lines, the last ending with '.'."""
    names = [marks.bare(i) for i in items if marks.bare(i)]
    return names if len(names) <= 1 else marks.list_lines(names)
