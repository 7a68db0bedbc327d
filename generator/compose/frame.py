"""Compose, the frame: the header grid, title, Kính gửi, Nơi nhận and signer lines, formatted once here;
also the references printed about the report and its documents (appendix labels, attached line, cited
documents)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from baocao.conventions import formatting as fmt
from baocao.conventions import marks
from baocao.conventions.documents import (
    APPENDIX,
    FORM,
    REPORT_TYPE_NAME,
    REPORT_TYPE_SIGN,
    attached,
    format_doc_reference,
    format_so_ky_hieu,
    report_sign,
)
from baocao.document.model import Frame
from baocao.input.model import BaoCao, DonVi, NguoiKy, PhuLuc, VanBan


class CitedDocument:
    """A document cited in the narrative: `{{ van_ban.ke_hoach }}` prints its full reference."""

    def __init__(self, spec: VanBan):
        self.spec = spec

    def __str__(self) -> str:
        s = self.spec
        return format_doc_reference(s.loai, s.so, s.ky_hieu, s.ngay.as_date(), s.co_quan or None, s.ve or None)


def build_frame(report: BaoCao, unit: DonVi, subject: str, plain: Callable[[str, tuple], str]) -> Frame:
    """The frame's strings; `subject` is the trích yếu as composed, `plain` renders a frame line."""
    r, u = report, unit
    signer = r.nguoi_ky or u.nguoi_ky
    authority, title = signature(signer)
    return Frame(
        co_quan_chu_quan=u.co_quan_chu_quan.upper(),
        co_quan_ban_hanh=[line.upper() for line in u.co_quan_ban_hanh],
        so_ky_hieu=format_so_ky_hieu(r.so, REPORT_TYPE_SIGN, u.ky_hieu),
        dia_danh_ngay=fmt.format_place_date(u.dia_danh, r.ngay.day, r.ngay.month, r.ngay.year),
        ten_loai=REPORT_TYPE_NAME,
        trich_yeu=subject,
        dong_nghieng=plain(r.dong_nghieng, ("dong_nghieng",)),
        kinh_gui=recipients(r.kinh_gui),
        noi_nhan=marks.distribution(r.noi_nhan if r.noi_nhan is not None else u.noi_nhan, u.luu, bool(r.kinh_gui)),
        tham_quyen=authority,
        chuc_vu=title,
        ho_ten=signer.ho_ten,
    )


def signature(signer: NguoiKy) -> tuple[str, str]:
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
            labels.append(f"{FORM} {number:02d}")
        else:
            labels.append(f"{APPENDIX} {fmt.roman(number)}" if totals["phu_luc"] > 1 else APPENDIX)
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
    return attached(reference, day, unit.ten_goi_tat)


def recipients(items: list[str]) -> list[str]:
    """Kính gửi: one recipient as is; several as '- ...;' lines, the last ending with '.'."""
    names = [marks.bare(i) for i in items if marks.bare(i)]
    return names if len(names) <= 1 else marks.list_lines(names)
