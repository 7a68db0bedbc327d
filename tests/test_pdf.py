"""The example as a reader sees it: LibreOffice's PDF, page by page."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from docx import Document as open_docx
from docx.oxml.ns import qn

from baocao.pipeline import build
from baocao.writers.pdf import convert_to_pdf

EXAMPLE = Path(__file__).parents[1] / "data" / "xa-tan-hoa" / "thi-dua-6-thang-2026.yaml"

pytestmark = pytest.mark.needs_soffice


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def example_pdf(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("pdf")
    docx, _ = build(EXAMPLE, folder / "example.docx")
    return docx, convert_to_pdf([docx], folder)[0]


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [_squash(page) for page in text.split("\f")]


def _citations(docx: Path) -> list[tuple[str, str]]:
    """(text just before each first footnote reference, start of that note's text), in order."""
    word = open_docx(str(docx))
    notes_part = next(rel.target_part for rel in word.part.rels.values() if rel.reltype.endswith("/footnotes"))
    from lxml import etree

    notes = {n.get(qn("w:id")): "".join(n.itertext()) for n in etree.fromstring(notes_part.blob).iter(qn("w:footnote"))}
    pairs = []
    for p in word.element.body.iter(qn("w:p")):
        before = ""
        for node in p.iter(qn("w:t"), qn("w:footnoteReference")):
            if node.tag == qn("w:t"):
                before += node.text or ""
            else:
                pairs.append((_squash(before)[-12:], _squash(notes[node.get(qn("w:id"))])[:30]))
    return pairs


def test_every_footnote_is_on_the_page_of_its_reference(example_pdf):
    docx, pdf = example_pdf
    pages = _pages(pdf)
    citations = _citations(docx)
    assert len(citations) >= 20
    for before, note in citations:
        cited_on = [i for i, page in enumerate(pages) if before in page]
        noted_on = [i for i, page in enumerate(pages) if note in page]
        assert cited_on and noted_on, (before, note)
        assert set(cited_on) & set(noted_on), f"note «{note}» is not on the page citing it («{before}»)"


def _landscape(pdf: Path) -> list[bool]:
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info, re.MULTILINE)
    return [float(width) > float(height) for width, height in sizes]


def test_pages_are_numbered_from_page_two_and_each_appendix_on_its_own(example_pdf):
    _, pdf = example_pdf
    raw = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = [page.strip() for page in raw.split("\f") if page.strip()]
    landscape = _landscape(pdf)
    assert len(pages) == len(landscape) >= 2
    first_appendix = landscape.index(True) if True in landscape else len(pages)
    for part in (range(first_appendix), range(first_appendix, len(pages))):
        for number, index in enumerate(part, start=1):
            top = pages[index].splitlines()[0].strip()
            assert top != "1" if number == 1 else top == str(number), (index, top)
    assert not any(landscape[:first_appendix]) and all(landscape[first_appendix:])
