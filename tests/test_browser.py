"""The preview in a real browser (headless Chromium): sheets, notes at the foot of their sheet, the
same text as the .docx, as many pages as LibreOffice's PDF (within one), screenshots."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from browser import needs_chromium, printed, rendered, screenshot
from helpers import KIND_EXAMPLES, docx_walk, pdf_pages

from baocao.pipeline import build
from baocao.writers.pdf import convert_to_pdf

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    """Each kind's example as .docx and as preview."""
    folder = tmp_path_factory.mktemp("browser")
    return {
        kind: (build(report, folder / f"{kind}.docx")[0], build(report, folder / f"{kind}.html", writer="html")[0])
        for kind, report in KIND_EXAMPLES.items()
    }


@pytest.mark.needs_soffice
@pytest.mark.parametrize("kind", sorted(KIND_EXAMPLES))
def test_as_many_sheets_as_libreoffice_pages(built, kind, tmp_path):
    docx, html = built[kind]
    tree = rendered(html.as_uri())
    assert tree.body.get("data-ready") == "1"
    sheets = tree.cssselect("#trang > .page")
    assert int(tree.body.get("data-pages")) == len(sheets)
    assert abs(len(sheets) - pdf_pages(convert_to_pdf([docx], tmp_path)[0])) <= 1
    assert not tree.cssselect(".page.tran"), "a sheet overflows"
    assert not tree.cssselect("section.flow"), "every flow was laid out"


def test_sheets_hold_the_docx_text_and_each_note_under_its_citation(built):
    docx, html = built["thi-dua"]
    tree = rendered(html.as_uri())
    sheets = tree.cssselect("#trang > .page")
    placed = []
    for sheet in sheets:
        cited = [sup.get("data-note") for sup in sheet.cssselect(".than sup.fnref:not(.repeat)")]
        notes = [note.get("data-note") for note in sheet.cssselect(".chu-thich .fn")]
        assert notes == cited  # the notes first cited on a sheet, at its foot, in order
        placed += notes
    assert placed == [str(n) for n in range(1, len(placed) + 1)] and len(placed) == 25
    assert tree.cssselect("tr.header.lap"), "the appendix table goes on over two sheets, its header repeated"
    for node in tree.cssselect("sup.fnref, .chu-thich sup, tr.lap"):
        node.drop_tree()
    text = "".join(
        re.sub(r"\s+", "", p.text_content()).replace("\xa0", "")
        for p in tree.cssselect(".than p, .than h1, .than h2, .than h3, .than h4, .than h5")
    )
    assert text == "".join(docx_walk(docx)[0])


def test_the_last_paragraph_stays_with_the_signature(built):
    """As the .docx keeps it (w:keepNext): in kt-xh, LibreOffice moves it over to the signature's page."""
    tree = rendered(built["kt-xh"][1].as_uri())
    signed = [sheet for sheet in tree.cssselect("#trang > .page") if sheet.cssselect(".grid.closing")]
    assert len(signed) == 1 and signed[0].cssselect(".than > p.closing")
    assert signed[0].cssselect(".than > *")[0].get("class") == "keep closing"


def test_page_numbers_and_landscape_appendix(built, tmp_path):
    _, html = built["thi-dua"]
    tree = rendered(html.as_uri())
    sheets = tree.cssselect("#trang > .page")
    orientation = [sheet.get("class").split()[1] for sheet in sheets]
    first_landscape = orientation.index("landscape")
    assert set(orientation[:first_landscape]) == {"portrait"} and set(orientation[first_landscape:]) == {"landscape"}
    numbers = [sheet.cssselect(".so-trang")[0].text_content() for sheet in sheets]
    assert numbers[:first_landscape] == ["", *map(str, range(2, first_landscape + 1))]
    assert numbers[first_landscape:] == ["", *map(str, range(2, len(sheets) - first_landscape + 1))]
    pdf = printed(html.as_uri(), tmp_path / "thi-dua-chromium.pdf")
    sizes = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", str(len(sheets)), str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    pages = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", sizes)
    assert len(pages) == len(sheets)
    assert all(float(w) < float(h) for w, h in pages[:first_landscape]) and all(
        float(w) > float(h) for w, h in pages[first_landscape:]
    )


def test_screenshots(built, tmp_path):
    for kind in ("thi-dua", "nhiem-vu"):
        shot = screenshot(built[kind][1].as_uri(), tmp_path / f"xem-truoc-{kind}.png")
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
