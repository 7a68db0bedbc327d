"""`baocao import --so-lieu`: negative numbers, ungrouped numbers, counts out of a total, numbers in headings,
and ratio phrases about an earlier figure; every form builds back to the same text."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
import yaml
from handmade import report, run
from helpers import docx_texts

from baocao.messages import readers as msg
from baocao.pipeline import build
from baocao.readers.docx import import_docx
from baocao.readers.docx.figures import FigureBook
from baocao.readers.docx.prose import Prose

NEGATIVE = "GRDP bình quân -2,3%; bội chi âm 35 triệu đồng; chỉ số giá tiêu dùng giảm 1,5%."
UNGROUPED = "Trồng mới rừng 1539 ha trong năm 2024, giai đoạn 2021 - 2025; số 1234 ha là mã."
FRACTIONS = (
    "Tuyên truyền lưu động 07/12 cuộc, đạt 58%KH; xã nông thôn mới 15/19 xã; "
    "cải cách hành chính 11/39 nhiệm vụ đạt 29% KH; ngày 07/12 tổ chức hội nghị."
)
TOTAL = "Tổng thu ngân sách 12.345 triệu đồng."
LATER = "Tổng thu ngân sách đạt 48,2% kế hoạch. Trong đó thu nội địa đạt 50,1% kế hoạch."
SAME_UNIT = "Xảy ra 09 vụ tai nạn giao thông, 02 người chết, thiệt hại 20 triệu đồng (giảm 03 vụ so với cùng kỳ)."
HEADING = "Trồng rừng được 1.200 ha"
SENTENCES = (NEGATIVE, UNGROUPED, FRACTIONS, TOTAL, LATER, SAME_UNIT)


def _body(d: docx.document.Document) -> None:
    run(d.add_paragraph(), "I. KẾT QUẢ", bold=True)
    run(d.add_paragraph(), f"1. {HEADING}", bold=True)
    for sentence in SENTENCES:
        d.add_paragraph(sentence)


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("forms")
    done = import_docx(report(folder / "bao-cao.docx", _body), folder / "unit", figures=True)
    return done, yaml.safe_load(done.report.read_text(encoding="utf-8"))


def test_negative_numbers(imported) -> None:
    _, data = imported
    section = data["noi_dung"][0]["noi_dung"][0]
    assert section["noi_dung"][0] == (
        "GRDP bình quân {{ so_lieu.grdp_binh_quan | so_dv }}; "
        "bội chi âm {{ (-so_lieu.boi_chi.gia_tri) | so }} triệu đồng; "
        "chỉ số giá tiêu dùng giảm {{ (-so_lieu.chi_gia_tieu_dung.gia_tri) | phan_tram }}."
    )
    figures = data["so_lieu"]
    assert figures["grdp_binh_quan"] == {
        "ten": "GRDP bình quân",
        "gia_tri": "-2,3",
        "don_vi": "%",
        "cho_phep_am": True,
    }
    assert figures["boi_chi"]["gia_tri"] == -35 and figures["boi_chi"]["cho_phep_am"] is True
    assert figures["chi_gia_tieu_dung"]["gia_tri"] == "-1,5"


def test_ungrouped_numbers_and_years(imported) -> None:
    _, data = imported
    assert data["noi_dung"][0]["noi_dung"][0]["noi_dung"][1] == (
        "Trồng mới rừng {{ so_lieu.trong_rung_2.gia_tri | int }} ha trong năm 2024, giai đoạn 2021 - 2025; "
        "số 1234 ha là mã."
    )
    assert data["so_lieu"]["trong_rung_2"]["gia_tri"] == 1539


def test_counts_out_of_a_total(imported) -> None:
    done, data = imported
    assert data["noi_dung"][0]["noi_dung"][0]["noi_dung"][2] == (
        "Tuyên truyền lưu động {{ so_lieu.tuyen_truyen_luu_dong | hai_chu_so }}/"
        "{{ so_lieu.tuyen_truyen_luu_dong | ke_hoach }}, "
        "đạt {{ so_lieu.tuyen_truyen_luu_dong.ty_le_ke_hoach | phan_tram(0) }}KH; "
        "xã nông thôn mới {{ so_lieu.nong_thon | so }}/{{ so_lieu.nong_thon_tong | so_dv }}; "
        "cải cách hành chính {{ so_lieu.cai_cach_hanh_chinh | so }}/{{ so_lieu.cai_cach_hanh_chinh_tong | so_dv }} "
        "đạt 29% KH; ngày 07/12 tổ chức hội nghị."
    )
    figures = data["so_lieu"]
    assert figures["tuyen_truyen_luu_dong"] == {  # the total is the plan the ratio states: read, not derived
        "ten": "Tuyên truyền lưu động",
        "gia_tri": 7,
        "don_vi": "cuộc",
        "ke_hoach": 12,
    }
    assert figures["nong_thon_tong"] == {"ten": "Nông thôn (tổng số)", "gia_tri": 19, "don_vi": "xã"}
    text = done.report.read_text(encoding="utf-8")
    assert "ke_hoach: 12\n" in text and not any(
        "suy ra" in line for line in text.splitlines() if "ke_hoach: 12" in line
    )
    unplaced = [str(d) for d in done.summary.unplaced]
    assert any("«đạt 29% KH»" in u and "phân số" in u for u in unplaced)


def test_ratio_about_an_earlier_figure(imported) -> None:
    done, data = imported
    _, _, _, total, later, same_unit = data["noi_dung"][0]["noi_dung"][0]["noi_dung"]
    assert total == "Tổng thu ngân sách {{ so_lieu.thu_ngan_sach | so_dv }}."
    assert later == (
        "Tổng thu ngân sách {{ so_lieu.thu_ngan_sach | so_ke_hoach }}. Trong đó thu nội địa đạt 50,1% kế hoạch."
    )
    assert same_unit.endswith(
        "(giảm {{ (so_lieu.xay_ra.cung_ky - so_lieu.xay_ra.gia_tri) | hai_chu_so }} vụ so với cùng kỳ)."
    ) or (same_unit.endswith("({{ so_lieu.xay_ra | chenh_lech }})."))
    assert data["so_lieu"]["xay_ra"]["cung_ky"] == 12
    unplaced = [str(d) for d in done.summary.unplaced]
    assert any("«đạt 50,1% kế hoạch»" in u and "không đi sau" in u for u in unplaced)


def test_number_in_a_heading(imported) -> None:
    _, data = imported
    assert data["noi_dung"][0]["noi_dung"][0]["tieu_de"] == "Trồng rừng được {{ so_lieu.trong_rung | so_dv }}"


def test_forms_build_back_to_the_same_text(imported, tmp_path: Path) -> None:
    done, _ = imported
    built, _ = build(done.report, tmp_path / "b.docx")
    texts = docx_texts(built)
    assert [t for t in texts if t in SENTENCES] == list(SENTENCES)
    assert f"1. {HEADING}" in texts


def test_one_of_several_earlier_figures_is_not_guessed() -> None:
    book = FigureBook()
    prose = Prose(book)
    prose("Thu ngân sách 120 triệu đồng.", "đoạn 1")
    prose("Thu ngân sách 130 triệu đồng.", "đoạn 2")
    assert prose("Thu ngân sách đạt 48,2% kế hoạch.", "đoạn 3") == "Thu ngân sách đạt 48,2% kế hoạch."
    assert book.missed[-1][0] == "đoạn 3" and "nhiều số liệu" in book.missed[-1][2]


def test_a_difference_goes_to_the_one_figure_of_its_unit_in_its_sentence() -> None:
    book = FigureBook()
    text = (
        "Xảy ra 05 vụ đánh bạc; khởi tố 08 vụ 19 đối tượng (giảm 03 vụ so với cùng kỳ). "
        "Bắt 02 vụ, 04 vụ buôn lậu, 30 đối tượng (giảm 01 vụ so với cùng kỳ)."
    )
    out = Prose(book)(text, "đoạn 4")
    assert "(giảm {{ (so_lieu.khoi_to.cung_ky - so_lieu.khoi_to.gia_tri) | hai_chu_so }} vụ so với cùng kỳ)" in out
    assert book.entries["khoi_to"]["cung_ky"] == 11 and "cung_ky" not in book.entries["xay_ra"]
    assert out.endswith("(giảm 01 vụ so với cùng kỳ).")
    assert [why for _, said, why in book.missed] == [msg.SEVERAL_OF_UNIT]


def test_a_dash_is_not_a_sign() -> None:
    """'-' is a minus only after a space or '(': a dash typed as a bullet, or in a range of years, is text."""
    book = FigureBook()
    out = Prose(book)("-15 hộ được hỗ trợ; giai đoạn 2021-2025 có 30 hộ (-2 hộ).", "đoạn 1")
    assert out.startswith("-15 hộ được hỗ trợ; giai đoạn 2021-2025 có {{ so_lieu.giai_doan | so_dv }}")
    assert out.endswith("({{ so_lieu.ho | so_dv }}).") and book.entries["ho"]["gia_tri"] == -2


def test_a_total_is_named_after_its_count() -> None:
    book = FigureBook()
    out = Prose(book)("Đã điều tra làm rõ 05/09 vụ; có 15/19 xã.", "đoạn 2")
    assert out == (
        "Đã điều tra làm rõ {{ so_lieu.dieu_tra_lam_ro | hai_chu_so }}/{{ so_lieu.dieu_tra_lam_ro_tong | hai_chu_so }}"
        " vụ; có {{ so_lieu.so_lieu | so }}/{{ so_lieu.so_lieu_tong | so_dv }}."
    )
    assert book.entries["dieu_tra_lam_ro_tong"]["ten"] == "Điều tra làm rõ (tổng số)"
    assert book.entries["so_lieu_tong"]["ten"] == "Tổng số"
