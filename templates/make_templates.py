"""Build ``templates/bao-cao.docx``, the docxtpl frame of a BÁO CÁO (ND 30/2020/NĐ-CP).

Run ``python templates/make_templates.py`` to regenerate the committed template.
Every built-in kind's template name (thi-dua, kt-xh, nhiem-vu, chung) stands for this file
(``baocao.writers.docx.templates.BUILTIN_FILES``): the kinds differ only in wording.
The output is deterministic: fixed core-property dates and fixed zip timestamps.

Context variables used by the template (all strings or lists of strings):
``co_quan_chu_quan``, ``co_quan_ban_hanh`` (list), ``so_ky_hieu``, ``dia_danh_ngay``,
``ten_loai``, ``trich_yeu``, ``dong_nghieng``, ``kinh_gui`` (list), ``noi_dung``,
``noi_nhan`` (list), ``tham_quyen``, ``chuc_vu``, ``ho_ten``.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, Twips
from lxml import etree

from baocao.conventions.marks import KINH_GUI, QUOC_HIEU, RECIPIENTS_HEAD, TIEU_NGU
from baocao.conventions.page import (
    A4,
    CELL_MARGIN,
    CLOSING_COLS,
    HEADER_COLS,
    HEADER_DISTANCE,
    HEADER_INDENT,
    ISSUER_RULE_LEN,
    KINH_GUI_HANG,
    KINH_GUI_INDENT,
    MARGINS,
    MOTTO_RULE_LEN,
    TABLE_TEXT_SIZE,
    TEXT_WIDTH,
    TITLE_RULE_LEN,
)
from baocao.conventions.styles import HEADING_STYLES, STYLE_NAMES
from baocao.writers.docx.ooxml import reproducible_zip

TEMPLATE_PATH = Path(__file__).with_name("bao-cao.docx")
FONT = "Times New Roman"
LANG = "vi-VN"
FIXED_DATE = dt.datetime(2025, 1, 1, 0, 0, 0)

CENTER = WD_ALIGN_PARAGRAPH.CENTER
LEFT = WD_ALIGN_PARAGRAPH.LEFT

# Successors of w:pBdr inside w:pPr, for schema-ordered insertion.
_PBDR_SUCCESSORS = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


# --------------------------------------------------------------------------- styles


def _fonts_xml() -> str:
    """Return a w:rFonts element naming Times New Roman for every script."""
    return f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'


def _rpr_xml(size: int = 14, bold: bool = False, italic: bool = False, extra: str = "") -> str:
    """Return a style w:rPr: Times New Roman, black, `size` points."""
    flags = ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
    half = size * 2
    return (
        f'<w:rPr>{_fonts_xml()}{flags}<w:color w:val="000000"/>'
        f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>{extra}</w:rPr>'
    )


def _ppr_xml(
    jc: str = "both",
    first_line: int = 720,
    before: int = 0,
    after: int = 120,
    keep_next: bool = False,
    outline: int | None = None,
    tabs: str = "",
) -> str:
    """Return a style w:pPr (single line spacing; spacing in twips)."""
    keep = "<w:keepNext/><w:keepLines/>" if keep_next else ""
    level = f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else ""
    return (
        f"<w:pPr>{keep}{tabs}"
        f'<w:spacing w:before="{before}" w:after="{after}" w:line="240" w:lineRule="auto"/>'
        f'<w:ind w:firstLine="{first_line}"/><w:jc w:val="{jc}"/>{level}</w:pPr>'
    )


def _style_xml(
    kind: str,
    style_id: str,
    name: str,
    body: str = "",
    based_on: str | None = "Normal",
    meta: str = "",
    default: bool = False,
) -> str:
    """Return one w:style element as XML text."""
    dflt = ' w:default="1"' if default else ""
    base = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return f'<w:style w:type="{kind}"{dflt} w:styleId="{style_id}"><w:name w:val="{name}"/>{base}{meta}{body}</w:style>'


def _heading_xml(level: int, bold: bool, italic: bool, centred: bool) -> str:
    """Return the Heading `level` style: black Times New Roman 14, keep with next."""
    ppr = _ppr_xml(
        jc="center" if centred else "left",  # justified headings stretch their words
        first_line=0 if centred else 720,
        before=120 if level == 1 else 0,
        keep_next=True,
        outline=level - 1,
    )
    meta = '<w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>'
    return _style_xml(
        "paragraph",
        f"Heading{level}",
        HEADING_STYLES[level - 1].lower(),  # Word's built-in names are stored in lower case
        ppr + _rpr_xml(14, bold, italic),
        meta=meta,
    )


def _styles_xml() -> list[str]:
    """Return every style of the template, as XML text."""
    hidden = '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
    cell_mar = (
        f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{CELL_MARGIN}" w:type="dxa"/>'
        f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>'
    )
    single = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    edges = ("top", "left", "bottom", "right", "insideH", "insideV")
    grid = "".join(single.format(e) for e in edges)
    hf_tabs = '<w:tabs><w:tab w:val="center" w:pos="4678"/><w:tab w:val="right" w:pos="9355"/></w:tabs>'
    header_footer = _ppr_xml(jc="center", first_line=0, after=0, tabs=hf_tabs) + _rpr_xml()
    return [
        _style_xml(
            "paragraph", "Normal", STYLE_NAMES["body"], _ppr_xml() + _rpr_xml(), None, "<w:qFormat/>", default=True
        ),
        _style_xml(
            "character",
            "DefaultParagraphFont",
            "Default Paragraph Font",
            "",
            None,
            '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>',
            default=True,
        ),
        _style_xml(
            "table",
            "TableNormal",
            "Normal Table",
            f'<w:tblPr><w:tblInd w:w="0" w:type="dxa"/>{cell_mar}</w:tblPr>',
            None,
            hidden,
            default=True,
        ),
        _style_xml("numbering", "NoList", "No List", "", None, hidden, default=True),
        _heading_xml(1, bold=True, italic=False, centred=True),
        _heading_xml(2, bold=True, italic=False, centred=False),
        _heading_xml(3, bold=True, italic=False, centred=False),
        _heading_xml(4, bold=True, italic=True, centred=False),
        _heading_xml(5, bold=False, italic=True, centred=False),
        _style_xml("paragraph", "GachDauDong", STYLE_NAMES["bullet"], _ppr_xml() + _rpr_xml(), meta="<w:qFormat/>"),
        _style_xml("paragraph", "DauCong", STYLE_NAMES["subbullet"], _ppr_xml() + _rpr_xml(), meta="<w:qFormat/>"),
        _style_xml(
            "paragraph",
            "Bang",
            STYLE_NAMES["cell"],
            _ppr_xml(jc="left", first_line=0, before=40, after=40) + _rpr_xml(TABLE_TEXT_SIZE),
            meta="<w:qFormat/>",
        ),
        _style_xml(
            "paragraph",
            "FootnoteText",
            STYLE_NAMES["note"].lower(),
            _ppr_xml(after=0, first_line=0) + _rpr_xml(12),
            meta=hidden,
        ),
        _style_xml(
            "character",
            "FootnoteReference",
            STYLE_NAMES["note_ref"].lower(),
            '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>',
            "DefaultParagraphFont",
            hidden,
        ),
        *(_style_xml("paragraph", name.title(), name, header_footer, meta=hidden) for name in ("header", "footer")),
        _style_xml(
            "table",
            "TableGrid",
            STYLE_NAMES["table"],
            '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            f"<w:tblPr><w:tblBorders>{grid}</w:tblBorders>{cell_mar}</w:tblPr>",
            "TableNormal",
            '<w:uiPriority w:val="59"/>',
        ),
    ]


def _doc_defaults_xml() -> str:
    """Return w:docDefaults: Times New Roman 14, Vietnamese, no theme fonts."""
    lang = f'<w:lang w:val="{LANG}" w:eastAsia="en-US" w:bidi="ar-SA"/>'
    return (
        f"<w:docDefaults {nsdecls('w')}><w:rPrDefault>{_rpr_xml(14, extra=lang)}</w:rPrDefault>"
        '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )


def _set_styles(doc) -> None:
    """Replace the default template's styles with the ND30 set."""
    root = doc.styles.element
    for child in list(root):
        if child.tag != qn("w:latentStyles"):
            root.remove(child)
    root.insert(0, parse_xml(_doc_defaults_xml()))
    for xml in _styles_xml():
        root.append(parse_xml(xml.replace("<w:style ", f"<w:style {nsdecls('w')} ", 1)))


# ------------------------------------------------------------------- package parts


def _drop_extra_parts(doc) -> None:
    """Drop parts the template does not need (thumbnail, stylesWithEffects, customXml)."""
    unwanted = {RT.THUMBNAIL, RT.CUSTOM_XML, "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"}
    for rels in (doc.part.package.rels, doc.part.rels):
        for rId in [r.rId for r in rels.values() if r.reltype in unwanted]:
            del rels[rId]


def _empty_numbering(doc) -> None:
    """Empty numbering.xml: its list definitions refer to styles we removed."""
    root = doc.part.numbering_part.element
    for child in list(root):
        root.remove(child)


def _set_theme_fonts(doc) -> None:
    """Make the theme's major and minor Latin fonts Times New Roman."""
    part = doc.part.part_related_by(RT.THEME)
    theme = etree.fromstring(part.blob)
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    for latin in theme.iter(f"{{{a}}}latin"):
        if latin.getparent().tag in (f"{{{a}}}majorFont", f"{{{a}}}minorFont"):
            latin.set("typeface", FONT)
    part._blob = etree.tostring(theme, xml_declaration=True, encoding="UTF-8", standalone=True)


def _footnotes_xml() -> str:
    """Return word/footnotes.xml with only the separator notes, as Word writes it."""
    ppr = '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/></w:pPr>'
    return (
        f"<w:footnotes {nsdecls('w', 'r')}>"
        f'<w:footnote w:type="separator" w:id="-1"><w:p>{ppr}'
        "<w:r><w:separator/></w:r></w:p></w:footnote>"
        f'<w:footnote w:type="continuationSeparator" w:id="0"><w:p>{ppr}'
        "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote></w:footnotes>"
    )


def _add_footnotes(doc) -> None:
    """Add the footnotes part, its relationship and settings' w:footnotePr."""
    package = doc.part.package
    part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(_footnotes_xml()), package)
    doc.part.relate_to(part, RT.FOOTNOTES)
    pr = parse_xml(f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>')
    doc.settings.element.find(qn("w:compat")).addprevious(pr)


def _tune_settings(doc) -> None:
    """Vietnamese theme language, Word 2013+ compatibility, no preview picture."""
    settings = doc.settings.element
    for el in settings.findall(qn("w:savePreviewPicture")):
        settings.remove(el)
    lang = settings.find(qn("w:themeFontLang"))
    lang.attrib.clear()
    lang.set(qn("w:val"), LANG)
    for cs in settings.iter(qn("w:compatSetting")):
        if cs.get(qn("w:name")) == "compatibilityMode":
            cs.set(qn("w:val"), "15")


def _set_core_properties(doc) -> None:
    """Fixed, neutral core properties so repeated builds are identical."""
    props = doc.core_properties
    props.author = "baocao"
    props.last_modified_by = "baocao"
    props.title = "Báo cáo"
    props.comments = ""
    props.revision = 1
    props.created = FIXED_DATE
    props.modified = FIXED_DATE


# ---------------------------------------------------------------- page and header


def _set_page(doc) -> None:
    """A4 portrait, ND30 margins, different first page."""
    section = doc.sections[0]
    section.page_width, section.page_height = Twips(A4[0]), Twips(A4[1])
    for side, value in MARGINS.items():
        setattr(section, f"{side}_margin", Twips(value))
    section.header_distance = section.footer_distance = Twips(HEADER_DISTANCE)
    section.gutter = Twips(0)
    section.different_first_page_header_footer = True


def _page_field_runs(paragraph) -> None:
    """Append a PAGE field (fldChar begin/instrText/separate/result/end)."""
    rpr = f'<w:rPr>{_fonts_xml()}<w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr>'
    parts = [
        '<w:fldChar w:fldCharType="begin"/>',
        '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
        '<w:fldChar w:fldCharType="separate"/>',
        "<w:t>2</w:t>",
        '<w:fldChar w:fldCharType="end"/>',
    ]
    for inner in parts:
        paragraph._p.append(parse_xml(f"<w:r {nsdecls('w')}>{rpr}{inner}</w:r>"))


def _set_headers(doc) -> None:
    """Page number centred in the default header; empty first-page header."""
    section = doc.sections[0]
    number = section.header.paragraphs[0]
    number.alignment = CENTER
    _page_field_runs(number)
    section.first_page_header.paragraphs[0].alignment = CENTER


# ------------------------------------------------------------------ body helpers


def _para(
    container,
    text: str = "",
    size: int = 14,
    bold: bool = False,
    italic: bool = False,
    align=CENTER,
    before: int = 0,
    after: int = 0,
):
    """Add a paragraph with no first-line indent and one run holding `text`."""
    p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = Twips(0)
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if text:
        run = p.add_run(text)
        run.font.size, run.font.bold, run.font.italic = Pt(size), bold or None, italic or None
    return p


def _tag(container, tag: str):
    """Add a paragraph holding only a docxtpl paragraph tag (removed on render)."""
    return _para(container, tag)


def _tiny_para(container, before: int = 0, after: int = 0):
    """Add an empty paragraph whose mark is 1 pt high."""
    p = _para(container, before=before, after=after)
    p._p.get_or_add_pPr().append(parse_xml(f'<w:rPr {nsdecls("w")}><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>'))
    return p


def _rule(container, width: int, length: int, after: int = 0):
    """Add a short centred solid rule: a 1 pt paragraph with a bottom border.

    The 3 pt space before keeps the rule clear of the descenders above it.
    """
    p = _tiny_para(container, before=3, after=after)
    side = Twips((width - length) // 2)
    p.paragraph_format.left_indent = p.paragraph_format.right_indent = side
    border = parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
    )
    p._p.pPr.insert_element_before(border, *_PBDR_SUCCESSORS)
    return p


def _grid(doc, widths: tuple[int, int], indent: int = 0, top: int = 0):
    """Add a borderless, fixed-layout one-row table whose rows cannot split.

    Cells have no side margins; `top` is the cells' top margin in twips.
    """
    table = doc.add_table(rows=1, cols=2)
    tbl = table._tbl
    nil = "".join(f'<w:{e} w:val="nil"/>' for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
    tbl.remove(tbl.tblPr)
    tbl.insert(
        0,
        parse_xml(
            f'<w:tblPr {nsdecls("w")}><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
            f'<w:tblInd w:w="{indent}" w:type="dxa"/><w:tblBorders>{nil}</w:tblBorders>'
            f'<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="{top}" w:type="dxa"/>'
            '<w:left w:w="0" w:type="dxa"/>'
            '<w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
            '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="0" w:noVBand="0"/></w:tblPr>'
        ),
    )
    for col, width in zip(tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(width))
    row = table.rows[0]
    row._tr.get_or_add_trPr().append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))
    for cell, width in zip(row.cells, widths, strict=True):
        tcpr = cell._tc.get_or_add_tcPr()
        tcpr.find(qn("w:tcW")).set(qn("w:w"), str(width))
        tcpr.append(
            parse_xml(
                f"<w:tcBorders {nsdecls('w')}>"
                + "".join(f'<w:{e} w:val="nil"/>' for e in ("top", "left", "bottom", "right"))
                + "</w:tcBorders>"
            )
        )
    return table


def _drop_first_paragraph(cell) -> None:
    """Remove the empty paragraph python-docx puts in every new cell."""
    cell._tc.remove(cell.paragraphs[0]._p)


# ------------------------------------------------------------------- body blocks


def _issuer_cell(cell, width: int) -> None:
    """Left header cell: cơ quan chủ quản, cơ quan ban hành, rule, số ký hiệu."""
    _tag(cell, "{%p if co_quan_chu_quan %}")
    _para(cell, "{{ co_quan_chu_quan }}", size=13)
    _tag(cell, "{%p endif %}")
    _tag(cell, "{%p for dong in co_quan_ban_hanh %}")
    _para(cell, "{{ dong }}", size=13, bold=True)
    _tag(cell, "{%p endfor %}")
    _rule(cell, width, ISSUER_RULE_LEN)
    _para(cell, "{{ so_ky_hieu }}", size=13, before=6)
    _drop_first_paragraph(cell)


def _motto_cell(cell, width: int) -> None:
    """Right header cell: Quốc hiệu, Tiêu ngữ, rule, địa danh và ngày."""
    _para(cell, QUOC_HIEU, size=13, bold=True)  # the words `baocao check` looks for
    _para(cell, TIEU_NGU, size=14, bold=True)
    _rule(cell, width, MOTTO_RULE_LEN)
    _para(cell, "{{ dia_danh_ngay }}", size=14, italic=True, before=6)
    _drop_first_paragraph(cell)


def _add_header_grid(doc) -> None:
    """First-page header grid: issuer on the left, Quốc hiệu on the right."""
    table = _grid(doc, HEADER_COLS, HEADER_INDENT)
    left, right = table.rows[0].cells
    _issuer_cell(left, HEADER_COLS[0])
    _motto_cell(right, HEADER_COLS[1])


def _add_title(doc) -> None:
    """Tên loại, trích yếu, a short rule and the optional italic line."""
    _para(doc, "{{ ten_loai }}", bold=True, before=12)
    _para(doc, "{{ trich_yeu }}", bold=True)
    _rule(doc, TEXT_WIDTH, TITLE_RULE_LEN, after=6)
    _tag(doc, "{%p if dong_nghieng %}")
    _para(doc, "{{ dong_nghieng }}", italic=True, after=6)
    _tag(doc, "{%p endif %}")


def _add_kinh_gui(doc) -> None:
    """Kính gửi: one centred line, or a list aligned after the colon."""
    _tag(doc, "{%p if kinh_gui|length == 1 %}")
    _para(doc, f"{KINH_GUI} {{{{ kinh_gui[0] }}}}", before=6, after=6)
    _tag(doc, "{%p elif kinh_gui %}")
    first = _para(doc, KINH_GUI, align=LEFT, before=6)
    first.runs[0].add_tab()
    first.add_run("{{ kinh_gui[0] }}")
    fmt = first.paragraph_format
    fmt.left_indent, fmt.first_line_indent = Twips(KINH_GUI_INDENT), Twips(-KINH_GUI_HANG)
    fmt.tab_stops.add_tab_stop(Twips(KINH_GUI_INDENT))
    _tag(doc, "{%p for muc in kinh_gui[1:] %}")
    item = _para(doc, "{{ muc }}", align=LEFT)
    item.paragraph_format.left_indent = Twips(KINH_GUI_INDENT)
    _tag(doc, "{%p endfor %}")
    _tiny_para(doc, after=5)  # gap under the list, whatever its length
    _tag(doc, "{%p endif %}")


def _add_body_placeholder(doc) -> None:
    """The paragraph the writer replaces with the generated body."""
    doc.add_paragraph().add_run("{{ noi_dung }}")


def _recipients_cell(cell) -> None:
    """Left closing cell: Nơi nhận and one line per recipient."""
    _para(cell, RECIPIENTS_HEAD, size=12, bold=True, italic=True, align=LEFT)
    _tag(cell, "{%p for dong in noi_nhan %}")
    _para(cell, "{{ dong }}", size=11, align=LEFT)
    _tag(cell, "{%p endfor %}")
    _drop_first_paragraph(cell)


def _signature_cell(cell) -> None:
    """Right closing cell: quyền hạn, chức vụ, room to sign, họ tên."""
    _tag(cell, "{%p if tham_quyen %}")
    _para(cell, "{{ tham_quyen }}", bold=True)
    _tag(cell, "{%p endif %}")
    _para(cell, "{{ chuc_vu }}", bold=True)
    for _ in range(4):
        _para(cell)
    _para(cell, "{{ ho_ten }}", bold=True)
    _drop_first_paragraph(cell)


def _add_closing_grid(doc) -> None:
    """Last-page grid: Nơi nhận on the left, the signature on the right.

    A 6 pt top cell margin (not paragraph spacing) keeps both first lines level
    whether or not the optional quyền hạn line is present.
    """
    table = _grid(doc, CLOSING_COLS, top=120)
    left, right = table.rows[0].cells
    _recipients_cell(left)
    _signature_cell(right)
    _tiny_para(doc)  # Word needs a paragraph after a table; keep it 1 pt high


# ------------------------------------------------------------------------ output


def _build_document():
    """Return the python-docx Document of the template."""
    doc = Document()
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _drop_extra_parts(doc)
    _set_styles(doc)
    _empty_numbering(doc)
    _set_theme_fonts(doc)
    _add_footnotes(doc)
    _tune_settings(doc)
    _set_core_properties(doc)
    _set_page(doc)
    _set_headers(doc)
    _add_header_grid(doc)
    _add_title(doc)
    _add_kinh_gui(doc)
    _add_body_placeholder(doc)
    _add_closing_grid(doc)
    return doc


def build_bytes() -> bytes:
    """Return the template as .docx bytes (deterministic)."""
    buffer = io.BytesIO()
    _build_document().save(buffer)
    return reproducible_zip(buffer.getvalue())


def build_template(path: str | Path = TEMPLATE_PATH) -> Path:
    """Write the template to `path` and return the path."""
    path = Path(path)
    path.write_bytes(build_bytes())
    return path


def main(argv: list[str] | None = None) -> int:
    """Command line entry: ``python templates/make_templates.py [OUTPUT]``."""
    args = sys.argv[1:] if argv is None else argv
    print(build_template(args[0] if args else TEMPLATE_PATH))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
