"""The HTML writer (preview): the same text and footnote numbers as the .docx, frame, tables, warnings,
a self-contained page; the writer interface (suffix, templates resolved only by the Word writer)."""

from __future__ import annotations

import re
import subprocess
from decimal import Decimal
from pathlib import Path

import lxml.html
import pytest
from docx import Document as open_docx
from docx.oxml.ns import qn
from helpers import ALL_EXAMPLES, EXAMPLE, KIND_EXAMPLES, ROOT, docx_walk, example_text, small_report
from lxml import etree

from baocao.batch import plan
from baocao.errors import Location, Problem
from baocao.pipeline import build, compose_report, render
from baocao.writers.html.charts import axis_scale
from baocao.writers.html.writer import page
from baocao.writers.pdf import convert_to_pdf
from baocao.writers.registry import WRITER_NAMES, writer_for


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def example_html(tmp_path_factory) -> lxml.html.HtmlElement:
    target, built = build(EXAMPLE, tmp_path_factory.mktemp("html") / "example.html", writer="html")
    assert target.suffix == ".html" and not built.warnings
    return lxml.html.fromstring(target.read_bytes())


def _html_paragraphs(tree: lxml.html.HtmlElement) -> list[str]:
    """The preview's paragraphs in order (notes and citation marks left out), whitespace dropped."""
    tree = lxml.html.fromstring(lxml.html.tostring(tree))
    for node in tree.cssselect(".fnstore, sup.fnref"):
        node.drop_tree()
    texts = (
        re.sub(r"\s+", "", p.text_content()).replace("\xa0", "")
        for p in tree.cssselect("section.flow p, h1, h2, h3, h4, h5")
    )
    return [text for text in texts if text]


def _docx_notes(docx: Path) -> list[str]:
    word = open_docx(str(docx))
    part = next(rel.target_part for rel in word.part.rels.values() if rel.reltype.endswith("/footnotes"))
    notes = etree.fromstring(part.blob).iter(qn("w:footnote"))
    return [_squash("".join(n.itertext())) for n in notes if not n.get(qn("w:type"))]


def test_every_paragraph_of_the_docx_is_in_the_preview_in_order(example_docx, example_html):
    assert _html_paragraphs(example_html) == docx_walk(example_docx)[0]


def test_footnote_numbers_are_the_ones_word_shows(example_docx, example_html):
    cited = [sup.text for sup in example_html.cssselect("sup.fnref")]
    assert cited == docx_walk(example_docx)[1]
    assert any(sup.get("class") == "fnref repeat" for sup in example_html.cssselect("sup.fnref"))
    notes = example_html.cssselect(".fnstore .fn")
    assert [n.get("data-note") for n in notes] == [str(i) for i in range(1, len(notes) + 1)]
    assert [_squash(n.text_content()) for n in notes] == [
        _squash(f"{i} {text}") for i, text in enumerate(_docx_notes(example_docx), 1)
    ]


@pytest.mark.parametrize("example", ALL_EXAMPLES, ids=lambda p: str(p.relative_to(ROOT / "data")))
def test_every_example_previews_every_paragraph_and_note_of_its_docx(example, tmp_path):
    docx = build(example, tmp_path / "bao-cao.docx")[0]
    tree = lxml.html.fromstring(build(example, tmp_path / "bao-cao.html", writer="html")[0].read_bytes())
    paragraphs, numbers = docx_walk(docx)
    assert _html_paragraphs(tree) == paragraphs and [sup.text for sup in tree.cssselect("sup.fnref")] == numbers
    notes = [_squash(n.text_content()) for n in tree.cssselect(".fnstore .fn")]
    assert notes == [_squash(f"{i} {text}") for i, text in enumerate(_docx_notes(docx), 1)]


def test_frame_and_sections(example_html):
    text = _squash(example_html.text_content())
    for words in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 142/BC-UBND",
        "Tân Hòa, ngày 15 tháng 6 năm 2026",
        "BÁO CÁO",
        "Nơi nhận:",
        "- Lưu: VT, VHXH.",
        "KT. CHỦ TỊCH",
        "Lê Thị Minh Hạnh",
        "Biểu số 01",
        "(Kèm theo Báo cáo số 142/BC-UBND ngày 15/6/2026 của UBND xã Tân Hòa)",
    ):
        assert words in text
    flows = example_html.cssselect("section.flow")
    assert [f.get("class") for f in flows] == ["flow portrait", "flow landscape"]
    assert flows[0].cssselect("h1")[0].text_content().startswith("Phần I")
    assert flows[0].cssselect("p.bullet")[0].text_content().startswith("- ")
    assert _squash(flows[0].cssselect("p.closing")[0].text_content()).endswith("./.")
    assert flows[0].cssselect("p.closing")[0].get("class") == "keep closing"  # with Nơi nhận, as in the .docx


def test_table_merges_become_spans(example_html):
    header = example_html.cssselect("table.tbl")[0].cssselect("tr.header")
    first = header[0].cssselect("td")
    assert first[0].get("rowspan") == "2" and first[0].text_content() == "TT"
    assert any(td.get("colspan") == "2" and "Vụ xuân 2026" in td.text_content() for td in first)
    assert len(header[1].cssselect("td")) == 4  # the cells under the groups; the merged ones are not repeated
    assert example_html.cssselect("tr.total td")[0].get("colspan") == "2"


def test_the_page_is_self_contained(example_html):
    html = lxml.html.tostring(example_html, encoding="unicode")
    assert not example_html.cssselect("link, img, iframe, [src]")
    assert not re.search(r"https?:|url\(|@import", html)
    assert "Times New Roman" in html and "Liberation Serif" in html and "Tinos" in html


def test_clerk_text_is_escaped(report_dir):
    report = report_dir.write(
        small_report(noi_dung=[{"tieu_de": "Kết quả", "noi_dung": ["Thẻ <script>alert(1)</script> & <b>x</b>."]}])
    )
    html = render(report, writer="html").data.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;x&lt;/b&gt;." in html
    assert "<script>alert" not in html


def test_warnings_are_listed_with_file_and_line(report_dir):
    report = report_dir.write(small_report(chu_thich={"thua": "Không dùng."}))
    html = render(report, writer="html").data.decode()
    banner = lxml.html.fromstring(html).cssselect("aside.warnings")[0]
    assert "Cảnh báo (1)" in banner.text_content()
    assert re.search(
        r"bao-cao\.yaml:\d+:\d+: Chú thích 'thua' được định nghĩa nhưng không được dùng", banner.text_content()
    )


def test_a_warning_about_a_block_marks_it_in_the_page():
    sources, composed = compose_report(EXAMPLE)
    heading = composed.document.blocks[2]
    warning = Problem(heading.source, "Thử cảnh báo ở đây.")
    tree = lxml.html.fromstring(page(composed.document, [warning]))
    marked = tree.cssselect("[data-warning]")
    assert (
        len(marked) == 1
        and marked[0].tag == f"h{heading.level}"
        and marked[0].get("data-warning") == "Thử cảnh báo ở đây."
    )
    link = tree.cssselect("aside.warnings a")[0]
    assert link.get("href") == "#" + marked[0].get("id") and str(sources.report_map.file) in link.text_content()
    elsewhere = Problem(Location(heading.source.file, 9999), "Không ở khối nào.")
    tree = lxml.html.fromstring(page(composed.document, [elsewhere]))
    assert (
        not tree.cssselect("[data-warning]")
        and "Không ở khối nào." in tree.cssselect("aside.warnings")[0].text_content()
    )


@pytest.mark.parametrize("kind", sorted(KIND_EXAMPLES))
def test_every_kind_previews(kind):
    tree = lxml.html.fromstring(render(KIND_EXAMPLES[kind], writer="html").data)
    assert tree.cssselect("section.flow .grid.header") and tree.cssselect("section.flow .grid.closing")


def test_writers_name_their_suffix(tmp_path):
    assert {name: writer_for(name).suffix for name in WRITER_NAMES} == {
        "docx": ".docx",
        "html": ".html",
        "json": ".json",
        "xlsx": ".xlsx",
    }
    assert plan([EXAMPLE], writer="html")[0].target == Path("output") / "thi-dua-6-thang-2026.html"
    assert plan([EXAMPLE.parent], tmp_path, writer="html")[0].target.suffix == ".html"
    assert plan([EXAMPLE], tmp_path / "x.html", writer="html")[0].target == tmp_path / "x.html"


def test_only_the_word_writer_looks_for_the_template(report_dir):
    report = report_dir.write(example_text().replace("loai: thi-dua", "loai: thi-dua\nmau: khong-co-mau", 1))
    assert render(report, writer="html").data.startswith(b"<!DOCTYPE html>")
    with pytest.raises(Exception, match="Không tìm thấy mẫu Word 'khong-co-mau.docx'"):
        render(report)


def test_preview_command(cli, tmp_path):
    code, out, _ = cli("preview", EXAMPLE)
    assert code == 0 and "Đã viết bản xem trước" in out
    assert (tmp_path / "output" / "thi-dua-6-thang-2026.html").read_bytes().startswith(b"<!DOCTYPE html>")
    code, _, _ = cli("preview", EXAMPLE, "-o", "xem.html")
    assert code == 0 and (tmp_path / "xem.html").is_file()


def test_preview_of_a_broken_report_says_where_and_writes_nothing(cli, tmp_path):
    broken = tmp_path / "bao-cao.yaml"
    broken.write_text(example_text().replace("{{ so_lieu.lua_xuan", "{{ so_lieu.lua_xuann", 1), encoding="utf-8")
    (tmp_path / "don-vi.yaml").write_text(
        EXAMPLE.with_name("don-vi.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    code, _, err = cli("preview", broken)
    assert code == 1 and re.search(r"bao-cao\.yaml:\d+", err) and "lua_xuann" in err
    assert not (tmp_path / "output").exists()


@pytest.mark.parametrize(
    ("least", "most", "scale"),
    [
        ("375", "620", ("0", "700", "100")),  # LibreOffice's PDF of kt-xh-6-thang-2026: 0 to 700 by 100
        ("468", "705.8", ("0", "800", "100")),  # within 1/21 of 700? no, but 705.8 needs the next step
        ("95", "97.2", ("93.5", "97.5", "0.5")),  # narrow values: the minimum goes down half the range
        ("-30", "-5", ("-35", "0", "5")),  # all negative, mirrored; -30 near the bottom adds a step
        ("-12.5", "40", ("-20", "50", "10")),  # 40 fills the span: one step more above
        ("1539.7", "1539.7", ("0", "1800", "200")),  # one value: from 0, 1539.7 near 1600 adds a step
    ],
)
def test_the_preview_value_axis_follows_libreoffices_automatic_scale(least, most, scale):
    assert axis_scale(Decimal(least), Decimal(most)) == tuple(Decimal(v) for v in scale)


@pytest.mark.needs_soffice
def test_the_preview_bar_chart_shows_libreoffices_axis_and_legend(tmp_path):
    example = ROOT / "data" / "tinh-demo" / "thi-dua-6-thang-2026.yaml"
    target, _ = build(example, tmp_path / "tinh.docx")
    (pdf,) = convert_to_pdf([target], tmp_path)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert re.search(r"^\s+0\s+100\s.*\s800\s*$", text, re.M)  # LibreOffice: 0 to 800 by 100
    assert re.search(r"Th\s?ự\s?c hiện\s+Kế ho\s?ạch", text)  # the legend lists the last series first
    preview, _ = build(example, tmp_path / "tinh.html", writer="html")
    svg = preview.read_text(encoding="utf-8")
    svg = svg[svg.index("<svg") : svg.index("</svg>")]
    ticks = re.findall(r'text-anchor="middle" font-size="12">([\d.]+)</text>', svg)
    assert ticks == [str(n) for n in range(0, 900, 100)]
    legend = re.findall(r'text-anchor="start" font-size="12">([^<]+)</text>', svg)
    assert legend == ["Thực hiện", "Kế hoạch"]
