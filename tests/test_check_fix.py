"""`check --sua` (a corrected copy for the safe rules) and `check --ghi-chu` (a copy with Word comments).

Documents are the hand-made corpus (handmade.clean_report) with slips planted; a corrected copy must pass the
check with the same text (letters and words unchanged: only layout, punctuation, zero padding and number
marks move); prohibited fixes are only reported. The commented copy must pass openxml-audit and open in
LibreOffice with its comments.
"""

from __future__ import annotations

import os
import re
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from handmade import clean_report
from helpers import audit_errors, killed_run_leftovers

from baocao import leftovers
from baocao.nd30 import check_docx
from baocao.nd30.comments import comment_docx
from baocao.nd30.fix import FIXERS, fix_docx
from baocao.nd30.review import review_copy
from baocao.nd30.rules import RULES
from baocao.writers.pdf import find_soffice


def letters(path: Path) -> list[str]:
    """Each paragraph's words without digits, punctuation and spacing: what a fix must never change."""
    doc = Document(str(path))
    paragraphs = list(doc.element.body.iter(qn("w:p")))
    with zipfile.ZipFile(path) as z:
        if "word/footnotes.xml" in z.namelist():
            from lxml import etree

            paragraphs += list(etree.fromstring(z.read("word/footnotes.xml")).iter(qn("w:p")))
    texts = ("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in paragraphs)
    return [re.sub(r"[\W\d_]", "", unicodedata.normalize("NFC", text)) for text in texts]


def sloppy(tmp_path: Path) -> Path:
    """A hand-made report with every safe slip: paper, margins, fonts and sizes, date padding, Nơi nhận
    punctuation, closing mark, English numbers, a space before %, short dates, heading colour, page number."""
    doc = clean_report(
        recipients=["– UBND thành phố", "- Thường trực Đảng ủy phường,", "- Lưu VT"],
        date_line="Đông Sơn, ngày 5 tháng 04 năm 2026",
        first_page_number=True,
    )
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(215.9), Mm(279.4)
    section.left_margin, section.top_margin = Mm(25), Mm(28)
    for paragraph in doc.paragraphs[2:6]:
        for run in paragraph.runs:
            run.font.name, run.font.size = "Arial", Pt(12)
    replacements = {"Đông Sơn./.": "Đông Sơn", "97,5%": "97,5 %", "12.450,5": "12,450.5", "04/3/2026": "4/3/2026"}
    for paragraph in doc.paragraphs:
        for run in paragraph.runs:
            for old, new in replacements.items():
                run.text = run.text.replace(old, new)
    doc.tables[1].cell(0, 0).paragraphs[0].runs[0].italic = False
    target = tmp_path / "sloppy.docx"
    doc.save(str(target))
    return target


def test_every_safe_rule_has_a_fixer() -> None:
    assert set(FIXERS) == {code for code, rule in RULES.items() if rule.safe}


def test_fixed_copy_passes_with_the_same_text(tmp_path: Path) -> None:
    source = sloppy(tmp_path)
    before = {f.code for f in check_docx(source)}
    assert {
        "kho-giay",
        "le-trang",
        "phong-chu",
        "co-chu",
        "ngay-thang-so-0",
        "noi-nhan-dau",
        "ket-thuc",
        "kieu-so",
        "dau-phan-tram",
        "ngay-viet-tat",
        "so-trang",
    } <= before
    fixed = fix_docx(source, tmp_path / "da-sua.docx")
    assert fixed.after == [], "\n".join(map(str, fixed.after))
    assert check_docx(fixed.target) == []
    assert letters(fixed.target) == letters(source)
    assert {change.code for change in fixed.changes} == {code for code in before if RULES[code].safe}
    shown = "\n".join(map(str, fixed.changes))
    for expected in (
        "[le-trang] mục 1 (section): lề trái 25,0 mm → 30,0 mm",
        "[kho-giay] mục 1 (section): 215,9 mm × 279,4 mm → 210,0 mm × 297,0 mm",
        "«…g Sơn, ngày 5 tháng 04 năm 2026» → «…g Sơn, ngày 05 tháng 4 năm 2026»",
        "«– UBND thành phố» → «- UBND thành phố;»",
        "«- Lưu VT» → «- Lưu: VT.»",
        "phông «Arial» (4 đoạn) → phông «Times New Roman»",
        "cỡ 12 (4 đoạn) → cỡ 13",
        "«…ờng Đông Sơn» → «…ờng Đông Sơn./.»",
        "12,450.5",
        "12.450,5",
        "ngày 4/3/2026 và …» → «…H-UBND ngày 04/3/2026",
    ):
        assert expected in shown, shown
    assert source.read_bytes() != fixed.target.read_bytes() and check_docx(source)  # the original is untouched


def test_formatting_of_untouched_text_is_kept(tmp_path: Path) -> None:
    doc = clean_report()
    paragraph = next(p for p in doc.paragraphs if p.text.startswith("Thu ngân sách"))
    paragraph.runs[0].text = paragraph.runs[0].text.replace("12.450,5", "12,450.5")
    paragraph.add_run(" Ghi chú in nghiêng.").italic = True
    source = tmp_path / "a.docx"
    doc.save(str(source))
    fixed = fix_docx(source, tmp_path / "b.docx")
    runs = next(p for p in Document(str(fixed.target)).paragraphs if p.text.startswith("Thu ngân sách")).runs
    assert [(r.text.startswith("Thu ngân sách đạt 12.450,5 triệu"), bool(r.italic)) for r in runs if r.text] == [
        (True, False),
        (False, True),
    ]


def test_prohibited_fixes_are_only_reported(tmp_path: Path) -> None:
    doc = clean_report(signature=["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Nguyễn Văn A"])
    next(p for p in doc.paragraphs if p.text.startswith("2. Công tác")).runs[0].text = "3. Công tác chuyên môn"
    doc.sections[0].right_margin = Mm(10)
    source = tmp_path / "a.docx"
    doc.save(str(source))
    fixed = fix_docx(source, tmp_path / "b.docx")
    assert [c.code for c in fixed.changes] == ["le-trang"]
    assert sorted(f.code for f in fixed.after) == ["chu-ky", "danh-so-muc"]
    assert fixed.left_to_people == fixed.after
    texts = [p.text for p in Document(str(fixed.target)).paragraphs]
    assert "3. Công tác chuyên môn" in texts


def test_clean_report_is_copied_unchanged(tmp_path: Path, example_docx: Path) -> None:
    fixed = fix_docx(example_docx, tmp_path / "copy.docx")
    assert fixed.changes == [] and fixed.after == []


def test_the_copy_is_written_through_a_swept_temporary(
    tmp_path: Path, example_docx: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The temporary file carries this run's pid (leftovers), so a killed run's is swept by the next."""
    replaced: list[str] = []
    real = os.replace
    monkeypatch.setattr(os, "replace", lambda a, b: (replaced.append(Path(a).name), real(a, b))[1])
    killed_run_leftovers(tmp_path)  # a killed run's are removed by the next write into the folder
    fix_docx(example_docx, tmp_path / "copy.docx")
    comment_docx(example_docx, tmp_path / "ghi-chu.docx")
    assert [leftovers.owner(name) for name in replaced] == [os.getpid()] * 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.docx", "ghi-chu.docx"]


def test_footnote_size_and_page_number_in_first_page_header(tmp_path: Path) -> None:
    doc = clean_report(note="Chú thích cỡ chữ quá lớn.")
    section = doc.sections[0]
    first = section.first_page_header.paragraphs[0]  # a first-page header with its own PAGE field
    for child in section.header.paragraphs[0]._p.iterchildren(qn("w:r")):
        first._p.append(child.__copy__())
    source = tmp_path / "a.docx"
    doc.save(str(source))
    with zipfile.ZipFile(source) as z:
        notes = z.read("word/footnotes.xml").replace(b'w:val="24"', b'w:val="28"')
        files = {name: z.read(name) for name in z.namelist()}
    files["word/footnotes.xml"] = notes
    with zipfile.ZipFile(source, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    assert {f.code for f in check_docx(source)} == {"co-chu-chu-thich", "so-trang"}
    fixed = fix_docx(source, tmp_path / "b.docx")
    assert fixed.after == [] and {c.code for c in fixed.changes} == {"co-chu-chu-thich", "so-trang"}
    assert letters(fixed.target) == letters(source)


def test_cli_fix_writes_beside_and_lists_changes(cli, tmp_path: Path) -> None:
    source = sloppy(tmp_path)
    code, out, _ = cli("check", source, "--sua")
    assert code == 0, out
    target = tmp_path / "sloppy-da-sua.docx"
    assert target.is_file() and check_docx(target) == []
    assert "Đã sửa" in out and "[le-trang] mục 1 (section): lề trái 25,0 mm → 30,0 mm" in out and "Đạt" in out


def test_cli_fix_exit_code_and_usage(cli, tmp_path: Path) -> None:
    doc = clean_report(signature=["CHỦ TỊCH"])
    source = tmp_path / "a.docx"
    doc.save(str(source))
    code, out, _ = cli("check", source, "--sua", "-o", tmp_path / "out.docx")
    assert code == 1 and "chu-ky" in out and (tmp_path / "out.docx").is_file()
    code, _, err = cli("check", source, "-o", tmp_path / "x.docx")
    assert code == 2 and "-o chỉ dùng cùng --sua hoặc --ghi-chu" in err


def test_fix_then_comment_chains_on_the_fixed_copy(tmp_path: Path) -> None:
    """--sua --ghi-chu: the fixed copy, with a comment at each finding left (nd30.review)."""
    doc = clean_report(signature=["CHỦ TỊCH"], date_line="Đông Sơn, ngày 5 tháng 04 năm 2026")
    source = tmp_path / "a.docx"
    doc.save(str(source))
    done = review_copy(source, fix=True, comments=True)
    assert done.target == tmp_path / "a-da-sua.docx" and done.fixed is not None and done.fixed.changes
    assert done.findings == check_docx(done.target) and [f.code for f in done.findings] == ["chu-ky"]
    assert done.comments == 1 and done.failed
    only_comments = review_copy(source, fix=False, comments=True)
    assert only_comments.target == tmp_path / "a-ghi-chu.docx" and only_comments.fixed is None
    assert {f.code for f in only_comments.findings} > {"chu-ky"} and only_comments.comments == len(
        only_comments.findings
    )


# --- comments -----------------------------------------------------------------------------


def _example_with_slips(example_docx: Path, tmp_path: Path) -> Path:
    doc = Document(str(example_docx))
    doc.sections[0].left_margin = Mm(25)
    paragraph = next(p for p in doc.paragraphs if p.text.startswith("Tăng cường kiểm tra"))
    paragraph.add_run(" Diện tích tăng 2.08 ha, đạt 91,1 % kế hoạch.")
    source = tmp_path / "slips.docx"
    doc.save(str(source))
    return source


def test_comments_one_per_finding_at_its_place(tmp_path: Path, example_docx: Path) -> None:
    source = _example_with_slips(example_docx, tmp_path)
    findings, count = comment_docx(source, tmp_path / "ghi-chu.docx")
    assert count == len(findings) == 4  # le-trang, kieu-so, dau-phan-tram, dau-thap-phan
    commented = Document(str(tmp_path / "ghi-chu.docx"))
    comments = list(commented.comments)
    assert [c.author for c in comments] == ["baocao"] * 4
    assert (
        comments[0].text.startswith("Lỗi [le-trang]: Lề trang chưa đúng") and "Căn cứ: NĐ 30/2020" in comments[0].text
    )
    body = commented.element.body
    starts = {e.get(qn("w:id")) for e in body.iter(qn("w:commentRangeStart"))}
    assert (
        starts
        == {e.get(qn("w:id")) for e in body.iter(qn("w:commentReference"))}
        == {str(c.comment_id) for c in comments}
    )
    paragraph = next(p for p in commented.paragraphs if p.text.startswith("Tăng cường kiểm tra"))
    assert len(list(paragraph._p.iter(qn("w:commentReference")))) == 2  # kieu-so, dau-phan-tram
    assert check_docx(tmp_path / "ghi-chu.docx") == findings  # comments change nothing the check sees
    assert audit_errors(tmp_path / "ghi-chu.docx") == []


def test_comment_on_a_footnote_goes_on_its_mark(tmp_path: Path) -> None:
    doc = clean_report(note="Diện tích 3.25 ha.")
    source = tmp_path / "a.docx"
    doc.save(str(source))
    comment_docx(source, tmp_path / "b.docx")
    commented = Document(str(tmp_path / "b.docx"))
    marked = [p for p in commented.paragraphs if list(p._p.iter(qn("w:commentReference")))]
    assert len(marked) == 1 and list(marked[0]._p.iter(qn("w:footnoteReference")))
    assert "[kieu-so]" in next(iter(commented.comments)).text


@pytest.mark.needs_soffice
def test_libreoffice_opens_the_comments(tmp_path: Path, example_docx: Path) -> None:
    findings, count = comment_docx(_example_with_slips(example_docx, tmp_path), tmp_path / "ghi-chu.docx")
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [
            find_soffice(),
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "odt",
            "--outdir",
            str(tmp_path / "odt"),
            str(tmp_path / "ghi-chu.docx"),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    with zipfile.ZipFile(tmp_path / "odt" / "ghi-chu.odt") as z:
        content = z.read("content.xml").decode("utf-8")
    assert content.count("<office:annotation ") + content.count("<office:annotation>") == count == len(findings)
    assert "Lề trang chưa đúng" in content


def test_cli_comments(cli, tmp_path: Path, example_docx: Path) -> None:
    source = _example_with_slips(example_docx, tmp_path)
    code, out, _ = cli("check", source, "--ghi-chu")
    assert code == 1 and "4 ghi chú" in out and (tmp_path / "slips-ghi-chu.docx").is_file()


def test_fixing_the_fixed_copy_changes_nothing(tmp_path: Path) -> None:
    first = fix_docx(sloppy(tmp_path), tmp_path / "1.docx")
    second = fix_docx(first.target, tmp_path / "2.docx")
    assert first.changes and second.changes == [] and second.after == []
