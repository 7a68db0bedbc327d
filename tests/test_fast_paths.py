"""The faster paths of the speed work (issue 14) give what the slower ones gave."""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from docx.oxml.ns import qn
from helpers import W_NS, small_report
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from baocao.document.model import Text
from baocao.errors import BaocaoError
from baocao.input import load
from baocao.limits import MAX_DEPTH
from baocao.writers.docx import fragments
from baocao.writers.docx.templates import builtin_template


def _problem(text: str) -> str:
    with pytest.raises(BaocaoError) as caught:
        load.parse_yaml(text)
    return str(caught.value.problems[0])


@pytest.mark.parametrize("depth", [MAX_DEPTH + 5, 1_500])  # below and past libyaml's own limit (1000)
def test_too_deep_nesting_is_told_where_our_composer_tells_it(depth, monkeypatch):
    text = "so_lieu: " + "[" * depth + "]" * depth + "\n"
    fast = _problem(text)
    monkeypatch.setattr(load, "_C_COMPOSER", None)
    assert fast == _problem(text) and f"lồng nhau quá {MAX_DEPTH} cấp" in fast


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nb: [x, {c: 'y', d: \"z\\u0301\"}]\ne: |\n  line one\n  line two\nf: >-\n  folded\n  words\n",
        "a: &x {b: 1}\nc: *x\nd: 2026-06-15\ne: 1.507\nf: ~\ng: true\n",
    ],
)
def test_libyaml_composer_builds_what_ours_builds(text, monkeypatch):
    fast = load.parse_yaml(text)
    monkeypatch.setattr(load, "_C_COMPOSER", None)
    slow = load.parse_yaml(text)
    assert fast[0] == slow[0]
    assert fast[1]._places == slow[1]._places and fast[1]._keys == slow[1]._keys  # places with their word lines


@pytest.mark.parametrize("text", ["a: *x\n", "a: &x 1\nb: &x 2\n", "a: 1\n---\nb: 2\n"])
def test_libyaml_composer_errors_read_as_ours(text, monkeypatch):
    fast = _problem(text)
    monkeypatch.setattr(load, "_C_COMPOSER", None)
    assert fast == _problem(text)
    assert yaml.__with_libyaml__  # else both paths were ours


# --- the Word writer: body and appendices written as XML text and spliced into the frame ----------------------


def _document(path: Path):
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def _appendix(title: str, cell: str) -> dict:
    return {
        "loai": "bieu",
        "tieu_de": title,
        "bang": {"cot": [{"khoa": "noi_dung", "tieu_de": "Nội dung"}], "dong": [{"noi_dung": cell}]},
    }


def test_cross_references_in_appendix_cells_show_the_notes_number(report_dir):
    report = small_report(
        chu_thich={"a": "Chú thích a."},
        noi_dung=[{"tieu_de": "Kết quả", "noi_dung": ["Câu một[^Ghi chú riêng.], câu hai[^a]."]}],
        phu_luc=[_appendix("Biểu một", "Ô một[^a]"), _appendix("Biểu hai", "Ô hai[^a] & <b>")],
    )
    root = _document(report_dir.build(report))
    instr = [i for i in root.iter(qn("w:instrText")) if "NOTEREF" in i.text]
    results = [i.getparent().getnext().getnext().find(qn("w:t")).text for i in instr]  # begin, instr, separate, result
    assert results == ["2", "2"]
    assert "& <b>" in "".join(root.itertext())
    body = root.find(qn("w:body"))
    closed = [p for p in body if p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None]
    assert len(closed) == 2  # the portrait body, the first appendix; the last is the body's own sectPr
    assert not any(isinstance(child, etree._Comment) for child in body)


def test_a_template_ending_with_the_body_keeps_and_closes_its_last_paragraph(report_dir):
    """`{{ noi_dung }}` as the template's last paragraph: the report's last paragraph keeps with what follows
    and ends the portrait section when appendices follow."""
    template = report_dir.path / "thi-dua.docx"  # the unit folder's template for its kind
    word = docx.Document(str(builtin_template()))
    body = word.element.body
    holder = next(p for p in body.iter(qn("w:p")) if "noi_dung" in "".join(p.itertext()))
    for child in [c for c in body if c is not holder and c.tag != qn("w:sectPr")]:
        body.remove(child)
    word.save(str(template))
    report = small_report(
        noi_dung=[{"tieu_de": "Kết quả", "noi_dung": ["Câu cuối."]}], phu_luc=[_appendix("Biểu", "Ô")]
    )
    body = _document(report_dir.build(report)).find(qn("w:body"))
    closing = next(p for p in body if p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None)
    texts = ["".join(p.itertext()) for p in body]
    assert texts.index("Câu cuối.") < list(body).index(closing) and "".join(closing.itertext()).strip()
    assert closing.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None
    assert texts[list(body).index(closing) + 1] == "Biểu số 01"  # the appendix starts its own section


@pytest.mark.parametrize("text", ["", " ", "a & b < c > d \"q\" 'x'", "dòng\r\nhai\ttab", "Tiếng Việt ơ\u0300"])
def test_written_xml_is_what_lxml_writes(text):
    """The body's text goes into the document part as written: it must be lxml's own serialisation."""
    xml = fragments.paragraph(
        'Kiểu&"1"', "<w:keepNext/>", runs=fragments.text_run(Text(text, bold=True)) + fragments.text_run(Text(text))
    )
    wrapped = f'<w:body xmlns:w="{W_NS}">{xml}{fragments.tag("w:p", fragments.tag("w:pPr"))}</w:body>'
    assert etree.tostring(etree.fromstring(wrapped), encoding="unicode") == wrapped


_LETTERS = "aâăeêoôơuưyđAĐ \u0300\u0301\u0303\u0309\u0323"  # letters and tone marks typed apart (NFD)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(alphabet=_LETTERS, min_size=1, max_size=10).map(str.strip).filter(bool), min_size=2, max_size=5)
)
def test_text_read_as_the_file_holds_it_stays_normalised(words: list[str]) -> None:
    """Only a double-quoted scalar's text is normalised again: every other one is the normalised file's text with
    its line breaks folded, which is NFC already."""
    lines = "\n  ".join(words)
    text = unicodedata.normalize(
        "NFC",
        f"plain: {' '.join(words)}\nsingle: '{words[0]}'\nfolded: >-\n  {lines}\nliteral: |\n  {lines}\n"
        f'folded_plain: x\n  {lines}\nquoted: "{words[0]}\\u0301 {words[-1]}"\n',
    )
    data, _ = load.parse_yaml(text)
    assert data == {key: unicodedata.normalize("NFC", value) for key, value in yaml.safe_load(text).items()}
