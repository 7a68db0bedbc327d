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

from baocao.conventions import formatting as fmt
from baocao.conventions import numbering
from baocao.figures.compute import Computed
from baocao.document.model import HEADING_KINDS, Appendix, Block, Document, Frame, Heading, Inline, Note, Paragraph, Table, Text
from baocao.errors import BaocaoError, Collector, Location, Problem
from baocao.input.kinds import load_kind
from baocao.input.load import SourceMap
from baocao.input.model import Bang, BaoCao, DonVi, KhoiBang, Muc, NguoiKy, PhuLuc, VanBan
from baocao.compose.narrative import Figures, Narrator
from baocao.compose.tables import build_table
from baocao.compose.trust import NumberSlips
from baocao.input.validate import Sources

REPORT_TYPE_NAME = "BÁO CÁO"
REPORT_TYPE_SIGN = "BC"
_LABEL_KINDS = {"phan": numbering.PART, "muc": numbering.SECTION, "tieu_muc": numbering.ARABIC,
                "tieu_muc_2": numbering.ARABIC, "diem": numbering.POINT}
_FIRST_ARABIC = HEADING_KINDS.index("tieu_muc")  # an arabic label holds the numbers from this depth on: "1.2."
_NOTE_NAME = re.compile(r"^[a-z0-9_]+$")
_BULLET_ROLES = ("bullet", "subbullet")


@dataclass
class Composed:
    """The document model of one report, with the warnings met on the way."""

    document: Document
    warnings: list[Problem] = field(default_factory=list)


class CitedDocument:
    """A document cited in the narrative: `{{ van_ban.ke_hoach }}` prints its full reference."""

    def __init__(self, spec: VanBan):
        self.spec = spec

    def __str__(self) -> str:
        s = self.spec
        return fmt.format_doc_reference(s.loai, s.so, s.ky_hieu, s.ngay.as_date(), s.co_quan or None, s.ve or None)


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
        self.numbers = [0] * len(HEADING_KINDS)  # the current number at each heading depth
        self.notes: dict[str, Note] = {}
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
            self._blocks(self.report.mo_dau, ("mo_dau",), depth=None, bullet=0)
            first = 0 if self.report.co_phan else 1
            self._blocks(self.report.noi_dung, ("noi_dung",), depth=first, bullet=0)
            attempt(lambda: self.blocks.append(Paragraph(self._closing(), "closing")), None)
        appendices = [attempt(partial(self._appendix, spec, label, ("phu_luc", i)), None)
                      for i, (spec, label) in enumerate(zip(self.report.phu_luc, self.appendix_labels, strict=True))]
        self._unused_notes()
        frame = None if self.report.chi_phu_luc else attempt(self._frame, None)
        self.warnings += self.slips.warnings + self.slips.mixed()
        self.found.check(self.warnings)
        return Composed(Document(frame, self.blocks, [a for a in appendices if a is not None]), self.warnings)

    # ---- outline ----------------------------------------------------------------------

    def _blocks(self, items: list, path: tuple, depth: int | None, bullet: int) -> None:
        counter = 0
        for i, item in enumerate(items):
            counter += isinstance(item, Muc)
            self.found.attempt(partial(self._block, item, path + (i,), depth, bullet, counter), None)

    def _block(self, item: Any, here: tuple, depth: int | None, bullet: int, counter: int) -> None:
        """One item of an outline list; its problems are kept and the next item is composed all the same."""
        if isinstance(item, Muc):
            if depth is None or bullet:
                raise BaocaoError(Problem(self.places.where(here), "Không đặt mục có tiêu đề ở phần mở đầu hoặc trong danh sách gạch đầu dòng.", "Chuyển mục này vào noi_dung, ngang hàng với các mục khác."))
            self._section(item, here, depth, counter)
        elif isinstance(item, KhoiBang):
            self.blocks.append(replace(self._table(item.bang, here + ("bang",)), source=self.places.where(here)))
        elif isinstance(item, list):
            if bullet >= len(_BULLET_ROLES):
                raise BaocaoError(Problem(self.places.where(here), "Danh sách lồng quá hai cấp (chỉ có '-' và '+').", "Gộp bớt một cấp danh sách."))
            self._blocks(item, here, depth, bullet + 1)
        else:
            role = _BULLET_ROLES[bullet - 1] if bullet else "body"
            self.blocks.append(Paragraph(self._inlines(item, here), role, self.places.where(here)))

    def _section(self, section: Muc, path: tuple, depth: int, number: int) -> None:
        where = self.places.where(path + ("tieu_de",))
        if depth >= len(HEADING_KINDS):
            raise BaocaoError(Problem(where, "Đề cương quá nhiều cấp (sâu nhất là điểm a), b), c)...).", "Chuyển bớt nội dung thành đoạn văn hoặc gạch đầu dòng."))
        if numbering.read_label(section.tieu_de):
            raise BaocaoError(Problem(where, f"Tiêu đề '{section.tieu_de[:40]}' có ghi số thứ tự.", "Xóa số thứ tự ở đầu tiêu đề; số được đánh tự động."))
        kind = HEADING_KINDS[depth]
        _check_count(kind, number, self.report.kieu_phan, where)
        self.numbers[depth] = number
        title = self._inlines(section.tieu_de, path + ("tieu_de",))
        if kind in ("phan", "muc"):
            title = _upper(title)
        self.blocks.append(Heading(kind, self._label(kind, depth), title, where))
        self._blocks(section.noi_dung, path + ("noi_dung",), depth + 1, 0)

    def _label(self, kind: str, depth: int) -> str:
        """'Phần I' (or 'Phần thứ nhất'), 'I.', '1.', '1.1.', 'a)' from the numbers of the open headings."""
        label_kind = _LABEL_KINDS[kind]
        numbers = self.numbers[_FIRST_ARABIC if label_kind == numbering.ARABIC else depth:depth + 1]
        return numbering.label(label_kind, numbers, self.report.kieu_phan == "chu")

    # ---- tables and appendices ---------------------------------------------------------

    def _table(self, spec: Bang, path: tuple) -> Table:
        return build_table(spec, path, self.figures, self.places, self._inlines)

    def _appendix(self, spec: PhuLuc, label: str, path: tuple) -> Appendix:
        title = _upper(self._inlines(spec.tieu_de, path + ("tieu_de",)))
        return Appendix(label, title, attached_line(self.report, self.unit), [self._table(spec.bang, path + ("bang",))])

    def _check_appendices_only(self) -> None:
        r = self.report
        if not r.phu_luc:
            raise BaocaoError(Problem(self.places.where(("chi_phu_luc",)), "Báo cáo chỉ gồm phụ lục (chi_phu_luc: true) nhưng chưa có phụ lục nào.",
                                      "Thêm danh sách phu_luc, hoặc bỏ dòng chi_phu_luc."))
        for key in ("mo_dau", "noi_dung"):
            if getattr(r, key):
                raise BaocaoError(Problem(self.places.where((key,)), f"Báo cáo chỉ gồm phụ lục (chi_phu_luc: true) không có {key}.",
                                          f"Xóa {key}, hoặc bỏ dòng chi_phu_luc để soạn cả báo cáo."))

    # ---- text and footnotes -------------------------------------------------------------

    def _inlines(self, text: str, path: tuple) -> list[Inline]:
        """A clerk's text rendered; when it fails, its problem is kept and it renders as nothing."""
        return self.found.attempt(lambda: self.narrator.inlines(text, self.places.where(path), self._note), [])

    def _note(self, body: str, where: Location) -> Note:
        if not _NOTE_NAME.match(body):
            return Note([self.narrator.inlines(body, where)])
        if body not in self.report.chu_thich:
            raise BaocaoError(Problem(where, f"Chú thích '[^{body}]' chưa được định nghĩa trong chu_thich.",
                                      f"Thêm '{body}: nội dung chú thích' vào nhóm chu_thich."))
        if body not in self.notes:
            text_path = ("chu_thich", body)
            self.notes[body] = Note([self.narrator.inlines(self.report.chu_thich[body], self.places.where(text_path))], body)
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
                self.warnings.append(Problem(self.places.where(("chu_thich", name)), f"Chú thích '{name}' được định nghĩa nhưng không được dùng.",
                                             f"Gọi nó trong câu bằng [^{name}] hoặc xóa đi."))

    def _closing(self) -> list[Inline]:
        text = self.report.ket_luan or load_kind(self.report.loai).closing(self._subject(), self.unit.ten_goi_tat)
        inlines = self._inlines(text, ("ket_luan",))
        last = inlines[-1] if inlines else None
        if isinstance(last, Text):
            inlines[-1] = replace(last, text=last.text.rstrip(" .;/") + "./.")
        else:
            inlines.append(Text("./."))
        return inlines

    # ---- frame ------------------------------------------------------------------------

    def _subject(self) -> str:
        subject = self.report.trich_yeu or load_kind(self.report.loai).subject(self.report.ky_bao_cao)
        if not subject:
            raise BaocaoError(Problem(self.places.where(("loai",)), "Báo cáo loại 'chung' cần ghi trich_yeu.", "Thêm dòng 'trich_yeu: ...' (nội dung chính của báo cáo)."))
        return self._plain(subject, ("trich_yeu",))

    def _plain(self, text: str, path: tuple) -> str:
        """A frame line: its expressions rendered; markup is refused (the template styles the line)."""
        where = self.places.where(path)
        refuse = BaocaoError(Problem(where, f"Dòng '{path[-1]}' không dùng chữ đậm, nghiêng, chỉ số trên hay chú thích.",
                                     "Xóa các dấu **, *, ^ hoặc [^...] ở dòng này (mẫu Word đã định dạng sẵn)."))

        def no_note(_body: str, _where: Location) -> Note:
            raise refuse

        inlines = self.narrator.inlines(text, where, no_note)
        if any(not isinstance(i, Text) or i.bold or i.italic or i.superscript for i in inlines):
            raise refuse
        return "".join(i.text for i in inlines)

    def _frame(self) -> Frame:
        r, u = self.report, self.unit
        signer = r.nguoi_ky or u.nguoi_ky
        authority, title = _signature(signer)
        return Frame(
            co_quan_chu_quan=u.co_quan_chu_quan.upper(),
            co_quan_ban_hanh=[line.upper() for line in u.co_quan_ban_hanh],
            so_ky_hieu=fmt.format_so_ky_hieu(r.so, REPORT_TYPE_SIGN, u.ky_hieu),
            dia_danh_ngay=fmt.format_place_date(u.dia_danh, r.ngay.day, r.ngay.month, r.ngay.year),
            ten_loai=REPORT_TYPE_NAME,
            trich_yeu=self._subject(),
            dong_nghieng=self._plain(r.dong_nghieng, ("dong_nghieng",)),
            kinh_gui=recipients(r.kinh_gui),
            noi_nhan=distribution(r.noi_nhan if r.noi_nhan is not None else u.noi_nhan, u.luu, bool(r.kinh_gui)),
            tham_quyen=authority,
            chuc_vu=title,
            ho_ten=signer.ho_ten,
        )


def _check_count(kind: str, number: int, part_style: str, where: Location) -> None:
    """Numbering styles that run out: Vietnamese letters (23 points), 'Phần thứ …' words (10 parts)."""
    if kind == "diem" and number > len(fmt.VIETNAMESE_LETTERS):
        raise BaocaoError(Problem(where, f"Quá {len(fmt.VIETNAMESE_LETTERS)} điểm a), b), c)... trong một mục.",
                                  "Chuyển bớt các điểm thành gạch đầu dòng hoặc chia thành nhiều mục."))
    if kind == "phan" and part_style == "chu" and number > len(numbering.PART_ORDINALS):
        raise BaocaoError(Problem(where, f"Cách ghi 'Phần thứ …' chỉ dùng cho tối đa {len(numbering.PART_ORDINALS)} phần.",
                                  "Dùng kieu_phan: so (Phần I, Phần II, ...) cho báo cáo nhiều phần."))


def _upper(inlines: list[Inline]) -> list[Inline]:
    return [replace(t, text=t.text.upper()) if isinstance(t, Text) else t for t in inlines]


def _bare(item: str) -> str:
    return item.strip().lstrip("-+ ").rstrip(" ;.")


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
    reference = fmt.format_doc_reference(REPORT_TYPE_NAME.capitalize(), report.so, f"{REPORT_TYPE_SIGN}-{unit.ky_hieu}", None)
    date = report.ngay.as_date()
    day = f" {fmt.format_date_short(date)}" if date else f"{fmt.DRAFT_BLANK}/{fmt.pad_month(report.ngay.month)}/{report.ngay.year}"
    return f"(Kèm theo {reference} ngày{day} của {unit.ten_goi_tat})"


def recipients(items: list[str]) -> list[str]:
    """Kính gửi: one recipient as is; several as '- ...;' lines, the last ending with '.'."""
    names = [_bare(i) for i in items if _bare(i)]
    if len(names) <= 1:
        return names
    return [f"- {n};" for n in names[:-1]] + [f"- {names[-1]}."]


def distribution(items: list[str], archive: list[str], sent_up: bool) -> list[str]:
    """Nơi nhận lines: '- X;' each, 'Như trên' first for a report sent upward, '- Lưu: VT, ....' last."""
    names = [_bare(i) for i in items if _bare(i)]
    if sent_up and not any(n.lower() == "như trên" for n in names):
        names.insert(0, "Như trên")
    keep = ", ".join(_bare(a) for a in archive if _bare(a)) or "VT"
    return [f"- {n};" for n in names] + [f"- Lưu: {keep}."]
