"""`baocao import` of forms met in real hand-made reports (bench/import_reference.py's trial)."""

from __future__ import annotations

from pathlib import Path

from handmade import cited, report, run, typed_note

from baocao.nd30 import check_docx
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
