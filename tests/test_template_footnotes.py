"""A commune's template that already holds a footnote keeps it, and numbering stays right."""

from __future__ import annotations

import io
import shutil
import zipfile

from helpers import EXAMPLE_DIR, NS, W_NS, w
from lxml import etree

from baocao.pipeline import build
from baocao.writers.docx.templates import builtin_template

FIXED_NOTE = "Mẫu báo cáo theo hướng dẫn của UBND tỉnh."


def _with_fixed_note(template: bytes) -> bytes:
    """The template with a footnote (id 1) cited from the 'BÁO CÁO' title line."""
    parts = {}
    with zipfile.ZipFile(io.BytesIO(template)) as source:
        for name in source.namelist():
            parts[name] = source.read(name)
    document = etree.fromstring(parts["word/document.xml"])
    title = next(p for p in document.iter(w("p")) if "ten_loai" in "".join(p.itertext()))
    title.append(
        etree.fromstring(
            f'<w:r xmlns:w="{W_NS}"><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference '
            f'w:id="1"/></w:r>'
        )
    )
    notes = etree.fromstring(parts["word/footnotes.xml"])
    notes.append(
        etree.fromstring(
            f'<w:footnote xmlns:w="{W_NS}" w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {FIXED_NOTE}</w:t></w:r></w:p></w:footnote>'
        )
    )
    parts["word/document.xml"] = etree.tostring(document, xml_declaration=True, encoding="UTF-8", standalone=True)
    parts["word/footnotes.xml"] = etree.tostring(notes, xml_declaration=True, encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return out.getvalue()


def _build_with_fixed_note(tmp_path):
    unit = tmp_path / "don-vi"
    shutil.copytree(EXAMPLE_DIR, unit)
    (unit / "thi-dua.docx").write_bytes(_with_fixed_note(builtin_template().read_bytes()))
    target, _ = build(unit / "thi-dua-6-thang-2026.yaml", tmp_path / "out.docx")
    with zipfile.ZipFile(target) as docx:
        return etree.fromstring(docx.read("word/document.xml")), etree.fromstring(docx.read("word/footnotes.xml"))


def test_the_templates_note_is_kept_first_and_ids_stay_unique(tmp_path):
    document, notes = _build_with_fixed_note(tmp_path)
    ids = [n.get(w("id")) for n in notes.iter(w("footnote"))]
    assert len(ids) == len(set(ids))
    cited = [r.get(w("id")) for r in document.iter(w("footnoteReference"))]
    assert cited[0] == "1" and len(cited) == len(set(cited)) == len(ids) - 2  # all but the two separators
    first = next(n for n in notes.iter(w("footnote")) if n.get(w("id")) == "1")
    assert FIXED_NOTE in "".join(first.itertext())


def test_cross_references_count_the_templates_note(tmp_path):
    document, _ = _build_with_fixed_note(tmp_path)
    order = {r.get(w("id")): n for n, r in enumerate(document.iter(w("footnoteReference")), 1)}
    runs = list(document.iter(w("r")))
    for i, run in enumerate(runs):
        instr = run.find("w:instrText", NS)
        if instr is None or "NOTEREF" not in instr.text:
            continue
        bookmark = instr.text.split()[1]
        start = next(b for b in document.iter(w("bookmarkStart")) if b.get(w("name")) == bookmark)
        note_id = start.getnext().find("w:footnoteReference", NS).get(w("id"))
        result = runs[i + 2].find("w:t", NS).text  # begin, instr, separate, result, end
        assert result == str(order[note_id])
        assert result != "1"  # the template's own note is number 1


def test_note_bookmarks_follow_the_templates_own(tmp_path):
    """A bookmark the clerk left in the template keeps its id; the notes' bookmarks take the next ones."""
    unit = tmp_path / "don-vi"
    shutil.copytree(EXAMPLE_DIR, unit)
    template = builtin_template().read_bytes()
    with zipfile.ZipFile(io.BytesIO(template)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"<w:t>{{ ho_ten }}",
        b'<w:t></w:t></w:r><w:bookmarkStart w:id="1" w:name="NguoiKy"/><w:bookmarkEnd w:id="1"/><w:r><w:t>{{ ho_ten }}',
        1,
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    (unit / "thi-dua.docx").write_bytes(out.getvalue())
    built, _ = build(unit / "thi-dua-6-thang-2026.yaml", tmp_path / "out.docx")
    with zipfile.ZipFile(built) as docx:
        document = etree.fromstring(docx.read("word/document.xml"))
    starts = {b.get(w("name")): b.get(w("id")) for b in document.iter(w("bookmarkStart"))}
    assert starts["NguoiKy"] == "1" and len(starts) > 1
    assert len(set(starts.values())) == len(starts)
