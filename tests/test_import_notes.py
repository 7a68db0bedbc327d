"""`baocao import`: footnotes typed by hand that run over several paragraphs."""

from __future__ import annotations

from pathlib import Path

import docx
from handmade import cited, report, run, typed_note

from baocao.conventions.words import norm
from baocao.nd30.reader import stories
from baocao.pipeline import build
from baocao.readers.docx import import_docx, read_docx


def _body(d) -> None:
    run(d.add_paragraph(), "I. KẾT QUẢ", bold=True)
    cited(d, "Khen thưởng 29 lượt tập thể, cá nhân", 1, "; ban hành 09 văn bản", 2, ".")
    d.add_paragraph("Công tác tuyên truyền được quan tâm.")


def _notes(d) -> None:
    d.add_paragraph("__________")
    typed_note(d, 1, "Trong đó:")
    d.add_paragraph("- 06 tập thể;")
    d.add_paragraph("")
    d.add_paragraph("- 23 cá nhân.")
    typed_note(d, 2, "Gồm 05 kế hoạch và 04 hướng dẫn.")


def test_typed_note_of_several_paragraphs_kept_as_paragraphs(tmp_path: Path) -> None:
    read = read_docx(report(tmp_path / "a.docx", _body, _notes))
    assert read.report["noi_dung"][0]["noi_dung"] == [
        "Khen thưởng 29 lượt tập thể, cá nhân[^ct_1]; ban hành 09 văn bản[^Gồm 05 kế hoạch và 04 hướng dẫn.].",
        "Công tác tuyên truyền được quan tâm.",
    ]
    assert read.report["chu_thich"] == {"ct_1": ["Trong đó:", "- 06 tập thể;", "- 23 cá nhân."]}
    assert read.report["ket_luan"].startswith("Trên đây")  # the closing is found before the notes
    assert read.summary.typed_footnotes == 2 and not read.summary.doubts


def test_typed_note_paragraphs_built_as_one_footnote(tmp_path: Path) -> None:
    done = import_docx(report(tmp_path / "a.docx", _body, _notes), tmp_path / "unit")
    built, _ = build(done.report, tmp_path / "b.docx")
    foot = [norm(p.text) for p in stories(docx.Document(str(built)))[-1] if norm(p.text)]
    assert foot == ["Trong đó:", "- 06 tập thể;", "- 23 cá nhân.", "Gồm 05 kế hoạch và 04 hướng dẫn."]


def test_unmarked_paragraph_in_body_not_taken_into_a_note(tmp_path: Path) -> None:
    """A typed note in the middle of the body (notes typed at each page's foot): the next paragraph is body text."""

    def body(d) -> None:
        cited(d, "Khen thưởng 29 lượt", 1, ".")
        typed_note(d, 1, "Trong đó 06 tập thể.")
        d.add_paragraph("Công tác tuyên truyền được quan tâm.")

    read = read_docx(report(tmp_path / "a.docx", body))
    assert read.report["mo_dau"] == [
        "Khen thưởng 29 lượt[^Trong đó 06 tập thể.].",
        "Công tác tuyên truyền được quan tâm.",
    ]


def test_typed_marks_read_by_the_checkers_rules(tmp_path: Path) -> None:
    """The importer and the checker share the marker rules (conventions/typed_notes.py): a "," typed up with
    the number stays in the sentence, "[2]" is a mark, and only a ² or ³ after m, km… is a unit."""

    def body(d) -> None:
        p = d.add_paragraph("Diện tích 15 m")
        run(p, "2", superscript=True)
        run(p, " đất ở")
        run(p, "1,", superscript=True)
        run(p, " 20 km")
        run(p, "[2]", superscript=True)
        run(p, ".")
        typed_note(d, 1, "Theo đo đạc.")
        typed_note(d, 2, "Đường liên xã.")

    read = read_docx(report(tmp_path / "a.docx", body))
    assert read.report["mo_dau"] == ["Diện tích 15 m^2^ đất ở[^Theo đo đạc.], 20 km[^Đường liên xã.]."]
    assert read.summary.typed_footnotes == 2
