"""The preview follows the Word template in use (issue 14): page size and margins from its section, the default
font and size, the styles the writer uses (body, bullets, headings, footnotes, table cells); ND30's where the
template is silent. In Chromium, a customised template's preview has as many sheets as LibreOffice's PDF."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from browser import needs_chromium, rendered
from helpers import EXAMPLE, EXAMPLE_DIR, edit_part, pdf_pages

from baocao.conventions.page import A4, HEADER_DISTANCE, MARGINS
from baocao.pipeline import build
from baocao.writers.docx.looks import Looks, looks_of, template_looks
from baocao.writers.docx.templates import builtin_template, copy_builtin
from baocao.writers.html.looks_css import geometry_css, styles_css
from baocao.writers.pdf import convert_to_pdf

CUSTOM_MARGINS = {"top": 1701, "bottom": 1701, "left": 2552, "right": 1418}  # 3, 3, 4.5, 2.5 cm


def customised(folder: Path) -> Path:
    """The example's unit folder copied to `folder`, with a thi-dua.docx of its own: wider margins, Arial 16 pt
    body text, 18 pt level-1 headings."""
    shutil.copytree(EXAMPLE_DIR, folder, dirs_exist_ok=True)
    template = copy_builtin("thi-dua", folder)
    margins = " ".join(f'w:{side}="{twips}"' for side, twips in CUSTOM_MARGINS.items())
    edit_part(
        template,
        "word/document.xml",
        lambda xml: re.sub(
            r'<w:pgMar w:top="\d+" w:right="\d+" w:bottom="\d+" w:left="\d+"', f"<w:pgMar {margins}", xml
        ),
    )

    def styles(xml: str) -> str:
        xml = xml.replace("Times New Roman", "Arial")
        xml = re.sub(r'(w:styleId="Normal".*?<w:sz w:val=")28("/><w:szCs w:val=")28', r"\g<1>32\g<2>32", xml, count=1)
        return re.sub(
            r'(w:styleId="Heading1".*?<w:sz w:val=")28("/><w:szCs w:val=")28', r"\g<1>36\g<2>36", xml, count=1
        )

    edit_part(template, "word/styles.xml", styles)
    return folder / EXAMPLE.name


def test_the_builtin_template_reads_as_nd30():
    looks = template_looks(builtin_template())
    assert looks.page == A4 and looks.margins == {**MARGINS, "header": HEADER_DISTANCE}
    body = looks.styles["body"]
    assert (body.font, body.size, body.align, body.first_line, body.before, body.after) == (
        "Times New Roman",
        14,
        "both",
        720,
        0,
        120,
    )
    assert (body.line, body.exact) == (240, False)
    heading1, heading5 = looks.styles["heading1"], looks.styles["heading5"]
    assert (heading1.bold, heading1.align, heading1.first_line, heading1.before) == (True, "center", 0, 120)
    assert (heading5.bold, heading5.italic, heading5.align) == (False, True, "left")
    assert (looks.styles["note"].size, looks.styles["cell"].size, looks.styles["cell"].before) == (12, 13, 40)
    assert looks.styles["bullet"].first_line == 720


def test_builtin_css_draws_nd30():
    looks = template_looks(builtin_template())
    css = geometry_css(looks) + styles_css(looks, looks)
    assert "--page-w:595.3pt;--page-h:841.9pt;--header-distance:28.35pt;--margin-top:56.7pt" in css
    assert "--margin-left:85.05pt;--margin-right:42.5pt" in css
    font = 'font-family:"Times New Roman", Tinos, "Liberation Serif", serif'
    assert (
        f":where(p, h1, h2, h3, h4, h5){{{font};font-size:14pt;font-weight:normal;font-style:normal;"
        "text-align:justify;text-indent:36pt;margin-top:0pt;margin-bottom:6pt;line-height:1.15}"
    ) in css
    assert ":where(h1){" in css and "text-align:center;text-indent:0pt;margin-top:6pt" in css
    assert re.search(r":where\(\.fn p\)\{[^}]*font-size:12pt", css)
    assert re.search(r":where\(\.tbl td p\)\{[^}]*font-size:13pt[^}]*margin-top:2pt;margin-bottom:2pt", css)


def test_a_customised_template_restyles_the_preview(tmp_path):
    report = customised(tmp_path / "xa")
    html = build(report, tmp_path / "bao-cao.html", writer="html")[0].read_text(encoding="utf-8")
    assert "--margin-top:85.05pt;--margin-bottom:85.05pt;--margin-left:127.6pt;--margin-right:70.9pt" in html
    assert "--land-margin-left:85.05pt" in html  # the landscape appendix keeps ND30's margins, as in the .docx
    assert re.search(
        r':where\(p, h1, h2, h3, h4, h5\)\{font-family:"Arial", Arimo, "Liberation Sans", sans-serif;font-size:16pt',
        html,
    )
    assert re.search(r":where\(h1\)\{[^}]*font-size:18pt", html)
    assert re.search(r":where\(\.fn p\)\{[^}]*font-size:12pt", html)  # what the template keeps stays


def test_preview_takes_the_shared_template_folder(cli, tmp_path):
    """`preview --thu-muc-mau` finds the template as `build --thu-muc-mau` does (the unit folder has none)."""
    customised(tmp_path / "mau-tinh")
    margins = "--margin-top:85.05pt;--margin-bottom:85.05pt;--margin-left:127.6pt"
    assert cli("preview", EXAMPLE, "--thu-muc-mau", "mau-tinh", "-o", "xem.html")[0] == 0
    assert margins in (tmp_path / "xem.html").read_text(encoding="utf-8")
    assert cli("preview", EXAMPLE, "-o", "xem.html")[0] == 0
    assert margins not in (tmp_path / "xem.html").read_text(encoding="utf-8")


def test_unreadable_or_silent_templates_fall_back_to_nd30(tmp_path):
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"not a zip")
    assert template_looks(broken) == Looks() == template_looks(tmp_path / "khong-co.docx")
    builtin = template_looks(builtin_template())
    assert styles_css(Looks(), builtin) == styles_css(builtin, builtin)
    assert geometry_css(Looks()) == geometry_css(builtin)


def test_a_style_inherits_down_its_chain():
    styles = (
        '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/></w:rPr></w:rPrDefault></w:docDefaults>'
        '<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/>'
        '<w:pPr><w:ind w:hanging="360"/><w:spacing w:line="300" w:lineRule="exact"/></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
        '<w:rPr><w:b w:val="0"/><w:i/></w:rPr></w:style></w:styles>'
    )

    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("word/styles.xml", styles)
    looks = looks_of(data.getvalue())
    assert (looks.page, looks.margins, looks.styles["body"].align, looks.styles["body"].after) == (None, {}, "left", 0)
    heading = looks.styles["heading1"]
    assert (heading.size, heading.first_line, heading.line, heading.exact, heading.bold, heading.italic) == (
        12,
        -360,
        300,
        True,
        False,
        True,
    )
    assert "line-height:15pt" in styles_css(looks, Looks())


@needs_chromium
@pytest.mark.needs_soffice
def test_a_customised_template_pages_as_libreoffice(tmp_path):
    report = customised(tmp_path / "xa")
    docx = build(report, tmp_path / "tuy-bien.docx")[0]
    html = build(report, tmp_path / "tuy-bien.html", writer="html")[0]
    tree = rendered(html.as_uri())
    sheets = tree.cssselect("#trang > .page")
    custom_pages = pdf_pages(convert_to_pdf([docx], tmp_path)[0])
    default_pages = pdf_pages(convert_to_pdf([build(EXAMPLE, tmp_path / "mac-dinh.docx")[0]], tmp_path)[0])
    assert custom_pages >= default_pages + 2, "the customised template changes the page count, so the test can fail"
    assert abs(len(sheets) - custom_pages) <= 1
    assert not tree.cssselect(".page.tran"), "a sheet overflows"
