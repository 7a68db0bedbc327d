"""`baocao import` of forms met in real hand-made reports (bench/import_reference.py's trial)."""

from __future__ import annotations

import difflib
from pathlib import Path

import docx
from handmade import cited, report, run, typed_note

from baocao.conventions.words import norm
from baocao.nd30 import check_docx
from baocao.nd30.findings import ERROR
from baocao.nd30.reader import stories
from baocao.pipeline import build
from baocao.readers.docx import import_docx, read_docx


def _body(d) -> None:
    run(d.add_paragraph(), "1. Kinh tế", bold=True)
    run(d.add_paragraph(), "1.1. Nông nghiệp", bold=True)
    d.add_paragraph("Gieo trồng 612 ha.")
    run(d.add_paragraph(), "1.2 Tài nguyên và môi trường", bold=True)  # compound label without its last dot
    cited(d, "Khai thác cát 306m", 3, ", đá 12 m", 3, "; hiến 370m", 2, " đất", 1, ".")
    p = d.add_paragraph()
    run(p, "2.", bold=True)  # only the label in bold: a numbered paragraph, not a heading
    run(p, " Tiếp tục quán triệt các nghị quyết của Trung ương, của tỉnh; các văn bản hướng dẫn về thi đua")


def _notes(d) -> None:
    d.add_paragraph("______")
    typed_note(d, 1, "Gồm 02 hộ ở thôn Nà Lọ.")


def test_bold_compound_label_without_dot_and_bold_label_paragraph(tmp_path: Path) -> None:
    read = read_docx(report(tmp_path / "a.docx", _body, _notes))
    economy, task = read.report["noi_dung"]
    assert [s["tieu_de"] for s in economy["noi_dung"]] == ["Nông nghiệp", "Tài nguyên và môi trường"]
    assert economy["noi_dung"][1]["noi_dung"] == [
        "Khai thác cát 306m^3^, đá 12 m^3^; hiến 370m^2^ đất[^Gồm 02 hộ ở thôn Nà Lọ.]."
    ]
    assert task == {
        "doan": "Tiếp tục quán triệt các nghị quyết của Trung ương, của tỉnh; các văn bản hướng dẫn về thi đua"
    }


def test_units_after_digits_pass_check(tmp_path: Path) -> None:
    """306m³ in the built draft is a unit, not a typed note number (the checker once said so)."""
    done = import_docx(report(tmp_path / "a.docx", _body, _notes), tmp_path / "unit")
    built, _ = build(done.report, tmp_path / "b.docx")
    codes = {f.code for f in check_docx(built)}
    assert not {"chu-thich-go-tay", "chu-thich-thu-tu"} & codes


# A report typed by hand with the number forms of real ones (our own words): figures in sentences and typed notes.
FIGURE_BODY = (
    ("I. KẾT QUẢ THỰC HIỆN", True),
    ("1. Nông nghiệp", True),
    ("Tổng diện tích gieo trồng 1.507,0 ha, đạt 98,8% KH, bằng 101,3% CK; trồng mới rừng 1539 ha.", False),
    ("Tuyên truyền lưu động 07/12 cuộc, đạt 58%KH; 15/19 xã đạt chuẩn nông thôn mới.", False),
    ("2. Tài chính, an ninh", True),
    ("Tổng thu ngân sách 12.345 triệu đồng. Tổng thu ngân sách đạt 48,2% kế hoạch; bội chi âm 35 triệu đồng.", False),
    ("Xảy ra 09 vụ tai nạn giao thông, thiệt hại 20 triệu đồng (giảm 03 vụ so CK); tăng trưởng -2,3%.", False),
)
FIGURE_NOTES = ("Gồm 02 hộ ở thôn Nà Lọ, 1.200 m² đất.", "Đàn trâu 1.200 con, bằng 98,5% CK.")


def _figure_body(d) -> None:
    for i, (text, bold) in enumerate(FIGURE_BODY):
        p = d.add_paragraph()
        run(p, text, bold=bold)
        if i in (2, 5):
            run(p, str(1 if i == 2 else 2), superscript=True)


def _figure_notes(d) -> None:
    d.add_paragraph("______")
    for number, text in enumerate(FIGURE_NOTES, 1):
        typed_note(d, number, text)


def test_figures_done_when(tmp_path: Path) -> None:
    """Issue 12's "done when" with --so-lieu: import then build keeps ≥ 97% of the paragraph text (here all of
    it), every footnote in order, and the draft passes `baocao check`."""
    done = import_docx(report(tmp_path / "a.docx", _figure_body, _figure_notes), tmp_path / "unit", figures=True)
    assert done.summary.figures >= 12 and done.summary.derived >= 3
    built, _ = build(done.report, tmp_path / "b.docx")
    found = stories(docx.Document(str(built)))
    body = [norm(p.text) for p in found[0] if norm(p.text)]
    wanted = [text for text, bold in FIGURE_BODY if not bold]
    matcher = difflib.SequenceMatcher(None, wanted, body, autojunk=False)
    assert sum(block.size for block in matcher.get_matching_blocks()) / len(wanted) >= 0.97
    assert [norm(p.text) for p in found[-1] if norm(p.text)] == list(FIGURE_NOTES)
    assert not [f for f in check_docx(built) if f.severity == ERROR]
