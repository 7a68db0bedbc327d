"""The Word template's looks as the preview's CSS: the page's geometry as variables, a rule per style the writer uses.

The portrait sheets take the template's page size and margins (its body's section), the landscape appendix ND30's
A4 and margins, as the Word writer gives it (writers/docx/sections.py); the frame's grids stay ND30's. Each style
role's font, size, weight, slant, alignment, first-line indent, spacing and line spacing override page.css (whose
values are the built-in template's, so a template that says nothing draws as ND30 asks).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from baocao.conventions.page import (
    A4,
    CLOSING_COLS,
    HEADER_COLS,
    HEADER_DISTANCE,
    HEADER_INDENT,
    ISSUER_RULE_LEN,
    KINH_GUI_HANG,
    KINH_GUI_INDENT,
    MARGINS,
    MOTTO_RULE_LEN,
    TITLE_RULE_LEN,
)
from baocao.errors import BaocaoError
from baocao.writers.docx.looks import Looks, StyleLooks, template_looks

if TYPE_CHECKING:
    from baocao.input.validate import Sources

SELECTORS = {  # zero specificity (:where), so page.css's layout rules (a sheet's first line, a cell's alignment) win
    "body": ":where(p, h1, h2, h3, h4, h5)",
    "bullet": ":where(p.bullet)",
    "subbullet": ":where(p.subbullet)",
    **{f"heading{n}": f":where(h{n})" for n in range(1, 6)},
    "note": ":where(.fn p)",
    "cell": ":where(.tbl td p)",
}
SINGLE_LINE = 1.15  # CSS line-height of Word's single line spacing in Times New Roman (ascent + descent + gap)
ALIGN = {"both": "justify", "distribute": "justify", "center": "center", "left": "left", "start": "left"}
ALIGN |= {"right": "right", "end": "right"}
# Metric-compatible fonts (same widths, so the same line breaks) a browser may have in place of Word's fonts.
FALLBACKS = {
    "times new roman": ["Tinos", '"Liberation Serif"', "serif"],
    "arial": ["Arimo", '"Liberation Sans"', "sans-serif"],
    "calibri": ["Carlito", "sans-serif"],
    "cambria": ["Caladea", "serif"],
    "courier new": ["Cousine", '"Liberation Mono"', "monospace"],
}
DEFAULT_FONT = "Times New Roman"


def looks_for(sources: Sources, shared: Path | None = None) -> Looks:
    """The looks of the template the Word writer would use for the report (the built-in one's when none is found)."""
    from baocao.writers.docx.templates import resolve  # the Word stage, only when a report is previewed

    try:
        chosen = resolve(sources, shared).chosen
    except BaocaoError:  # the Word writer tells what is wrong
        chosen = None
    return template_looks(chosen.path) if chosen else builtin_looks()


def builtin_looks() -> Looks:
    """The built-in template's looks: ND30's, what a template leaves unsaid falls back to."""
    from baocao.writers.docx.templates import builtin_template

    return template_looks(builtin_template())


def page_css(looks: Looks | None = None) -> str:
    """The CSS that comes before page.css: the geometry variables and the styles' rules."""
    fallback = builtin_looks()
    return geometry_css(looks or fallback) + styles_css(looks or fallback, fallback)


def text_widths(looks: Looks | None = None) -> dict[str, int]:
    """The text width in twips of the portrait sheets (as the template's section says) and of the landscape ones."""
    looks = looks or builtin_looks()
    width, _ = looks.page or A4
    margins = {**MARGINS, **looks.margins}
    return {
        "portrait": width - margins["left"] - margins["right"],
        "landscape": A4[1] - MARGINS["left"] - MARGINS["right"],
    }


def _pt(twips: int) -> str:
    return f"{twips / 20:g}pt"


def geometry_css(looks: Looks) -> str:
    """The page geometry and the frame's grids as CSS variables: portrait sheets as the template's section says
    (ND30's where it is silent), landscape ones ND30's A4 and margins."""
    width, height = looks.page or A4
    margins = {**MARGINS, "header": HEADER_DISTANCE, **looks.margins}
    values = {
        "page-w": width,
        "page-h": height,
        "header-distance": margins["header"],
        **{f"margin-{side}": margins[side] for side in MARGINS},
        "land-w": A4[1],
        "land-h": A4[0],
        **{f"land-margin-{side}": twips for side, twips in MARGINS.items()},
        "header-left": HEADER_COLS[0],
        "header-right": HEADER_COLS[1],
        "header-indent": HEADER_INDENT,
        "closing-left": CLOSING_COLS[0],
        "closing-right": CLOSING_COLS[1],
        "issuer-rule": ISSUER_RULE_LEN,
        "motto-rule": MOTTO_RULE_LEN,
        "title-rule": TITLE_RULE_LEN,
        "kinh-gui-indent": KINH_GUI_INDENT,
        "kinh-gui-hang": KINH_GUI_HANG,
    }
    return ":root{" + ";".join(f"--{name}:{_pt(twips)}" for name, twips in values.items()) + "}"


def styles_css(looks: Looks, fallback: Looks) -> str:
    """One rule per style role, in the order of SELECTORS (Normal first: every paragraph starts from it); what
    the template does not say comes from `fallback` (the built-in template's looks)."""
    styles = {
        role: looks.styles.get(role, StyleLooks()).over(fallback.styles.get(role, StyleLooks())) for role in SELECTORS
    }
    body = styles["body"]
    page = [f"font-family:{font_family(body.font or DEFAULT_FONT)}"] + (
        [f"font-size:{body.size:g}pt"] if body.size else []
    )
    rules = [(":where(body)", page), *((selector, _declarations(styles[role])) for role, selector in SELECTORS.items())]
    return "".join(f"{selector}{{{';'.join(said)}}}" for selector, said in rules if said)


def font_family(font: str) -> str:
    """`font`, then the metric-compatible fonts and the generic family; an unknown font falls back as Times does.

    >>> font_family("Arial")
    '"Arial", Arimo, "Liberation Sans", sans-serif'
    """
    fallbacks = FALLBACKS.get(font.lower(), ['"Times New Roman"', *FALLBACKS["times new roman"]])
    return ", ".join([f'"{font}"', *fallbacks])


def _declarations(style: StyleLooks) -> list[str]:
    said = []
    if style.font:
        said.append(f"font-family:{font_family(style.font)}")
    if style.size:
        said.append(f"font-size:{style.size:g}pt")
    if style.bold is not None:
        said.append(f"font-weight:{'bold' if style.bold else 'normal'}")
    if style.italic is not None:
        said.append(f"font-style:{'italic' if style.italic else 'normal'}")
    if style.align in ALIGN:
        said.append(f"text-align:{ALIGN[style.align]}")
    if style.first_line is not None:
        said.append(f"text-indent:{_pt(style.first_line)}")
    if style.before is not None:
        said.append(f"margin-top:{_pt(style.before)}")
    if style.after is not None:
        said.append(f"margin-bottom:{_pt(style.after)}")
    if style.line:
        said.append(f"line-height:{_pt(style.line) if style.exact else f'{SINGLE_LINE * style.line / 240:.4g}'}")
    return said
