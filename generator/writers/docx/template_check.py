"""Lint a Word template before any build: tags, names, runs, styles and the body paragraph.

docxtpl joins the runs of a paragraph before Jinja reads it, so a tag typed in several runs
renders as long as the runs sit side by side in the paragraph. A tag does not render when it is
cut across paragraphs or table cells, across a hyperlink, field or tracked change (its runs have
different parents), or typed with a space between its braces ('{ {'). Field codes and deleted
text are text to Jinja too, so they are read with the rest. Each problem names its
place as `baocao check` does (nd30.reader: 'đoạn N', 'bảng T, ô (R, C)', 'chú thích N', in the
body, its text boxes, a header or a footer), followed by the paragraph's text as docxtpl reads it.
"""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from jinja2 import TemplateSyntaxError, nodes
from lxml import etree

from baocao.compose.narrative import syntax_message
from baocao.compose.sandbox import make_environment
from baocao.document.model import Document, Frame
from baocao.errors import BaocaoError, Location, Problem, os_reason, suggest
from baocao.messages import common
from baocao.messages import writers as msg
from baocao.nd30.findings import ERROR, Finding
from baocao.nd30.reader import Para, quote, stories
from baocao.writers.docx.frame import BODY_NAME
from baocao.writers.docx.writer import frame_names, missing_styles, template_bytes, write_docx

_P = qn("w:p")
_TEXTS = tuple(qn(f"w:{tag}") for tag in ("t", "instrText", "delText"))  # all text Jinja sees in a run
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_BROKEN = re.compile(r"\{\s*[{%#]|[}%#]\s*\}")  # a tag's brace left over outside whole tags
_DOCXTPL_PREFIX = re.compile(r"^(\{[{%#])(?:tr|tc|p|r) ")  # {%p if %}: docxtpl's paragraph, row... tags
_QUOTES = str.maketrans("“”‘’", "\"\"''")  # docxtpl straightens Word's curly quotes inside tags
_BODY_TAG = re.compile(r"^\{\{-?\s*" + BODY_NAME + r"\s*-?\}\}$")
_BLOCKS = {"if": "endif", "for": "endfor"}
_FITS = {"elif": ("if",), "else": ("if", "for"), "endif": ("if",), "endfor": ("for",)}  # tag → the blocks it may sit in
_STATEMENTS = {"set"}
_ENV = make_environment(autoescape=True)


@dataclass(frozen=True)
class _Tagged:
    """A paragraph as docxtpl reads it: its typed text, and for each character the run's parent."""

    para: Para
    text: str
    parents: tuple

    @property
    def where(self) -> str:
        return f"{self.para.place} {quote(self.text)}"

    @property
    def tags(self) -> list[str]:
        """The paragraph's tags as Jinja reads them."""
        return [_DOCXTPL_PREFIX.sub(r"\1 ", m.group()).translate(_QUOTES) for m in _TAG.finditer(self.text)]


def template_problems(path: Path) -> list[Problem]:
    """Everything that keeps the Word template at `path` from rendering a report."""
    try:
        data = template_bytes(path)
    except OSError as exc:
        return [Problem(Location(path), msg.UNREADABLE_TEMPLATE, common.check_path_and_rights(os_reason(exc)))]
    except BaocaoError as exc:  # too big unpacked, or not a zip
        return exc.problems
    return [
        Problem(Location(path), f"{f.where}: {f.message}" if f.where else f.message, f.hint) for f in _findings(data)
    ]


def trial_problems(path: Path) -> list[Problem]:
    """What a trial render of the template's frame with sample values meets, within the render budgets."""
    values: dict[str, Any] = {
        f.name: [msg.TRIAL_VALUE] if str(f.type).startswith("list") else msg.TRIAL_VALUE
        for f in dataclasses.fields(Frame)
    }
    sample = Frame(**values)
    try:
        write_docx(Document(sample), path)
    except BaocaoError as exc:
        return exc.problems
    return []


def check_template(path: Path) -> None:
    """Raise a located error if the template at `path` cannot render a report."""
    problems = template_problems(path)
    if problems:
        raise BaocaoError(problems)


@lru_cache(maxsize=16)
def _findings(data: bytes) -> tuple[Finding, ...]:
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError):
        return (
            Finding(
                ERROR,
                "tep-hong",
                common.UNREADABLE_DOCX,
                "",
                hint=msg.RESAVE_TEMPLATE_HINT,
            ),
        )
    parts = [[_tagged(para) for para in story] for story in stories(document)]
    found = [finding for paragraphs in parts for para in paragraphs for finding in _tag_findings(para)]
    for paragraphs in parts:
        found += _jinja_findings(paragraphs)
    found += _body_findings([para for paragraphs in parts for para in paragraphs])
    missing = missing_styles(style.name for style in document.styles if style.name)
    if missing:
        found.append(
            Finding(
                ERROR,
                "kieu",
                msg.missing_styles(", ".join(missing)),
                "",
                hint=msg.MISSING_STYLES_HINT,
            )
        )
    return tuple(found)


def _tagged(para: Para) -> _Tagged:
    """The paragraph's text as docxtpl reads it: its runs' text, field codes and deleted text (not a text box's)."""
    p = para.element
    texts = [t for t in p.iter(*_TEXTS) if next(t.iterancestors(_P)) is p]
    parents = [t.getparent().getparent() for t in texts for _ in (t.text or "")]
    return _Tagged(para, "".join(t.text or "" for t in texts), tuple(parents))


# ---- the checks ------------------------------------------------------------------------


def _tag_findings(para: _Tagged) -> Iterator[Finding]:
    """Tags that docxtpl cannot put back together."""
    rest = _TAG.sub(" ", para.text)
    broken = _BROKEN.search(rest)
    if broken:
        fragment = rest[max(broken.start() - 15, 0) : broken.end() + 15].strip()
        yield Finding(
            ERROR,
            "the-hong",
            msg.broken_tag(fragment),
            para.where,
            hint=msg.RETYPE_TAG_HINT,
        )
    for match in _TAG.finditer(para.text):
        if len({id(parent) for parent in para.parents[match.start() : match.end()]}) > 1:
            yield Finding(
                ERROR,
                "the-tach",
                msg.split_tag(match.group()),
                para.where,
                hint=msg.RETYPE_TAG_HINT,
            )


def _jinja_findings(paragraphs: list[_Tagged]) -> list[Finding]:
    """Blocks that do not close, then Jinja's own syntax errors, then unknown names and filters."""
    found = _block_findings(paragraphs)
    if found:
        return found
    try:  # one line per paragraph: Jinja's line number names the paragraph
        tree = _ENV.parse("\n".join(" ".join(para.tags) for para in paragraphs))
    except TemplateSyntaxError as exc:
        return [
            Finding(
                ERROR,
                "cu-phap",
                msg.tag_syntax(syntax_message(exc)),
                paragraphs[exc.lineno - 1].where,
                hint=msg.FIX_TAG_HERE_HINT,
            )
        ]
    return list(_name_findings(tree, paragraphs))


def _block_findings(paragraphs: list[_Tagged]) -> list[Finding]:
    found: list[Finding] = []
    open_blocks: list[tuple[str, _Tagged]] = []
    for para in paragraphs:
        for tag in para.tags:
            word = tag[2:-2].strip(" -+").split(" ", 1)[0] if tag.startswith("{%") else ""
            if not word or word in _STATEMENTS:
                continue
            if word in _BLOCKS:
                open_blocks.append((word, para))
            elif word in _FITS:
                if not open_blocks or open_blocks[-1][0] not in _FITS[word]:
                    found.append(_block_finding(msg.unmatched_block_tag(word), para))
                elif word.startswith("end"):
                    open_blocks.pop()
            else:
                found.append(_block_finding(msg.unusable_block_tag(word), para))
    return found + [_block_finding(msg.unclosed_block(word, _BLOCKS[word]), para) for word, para in open_blocks]


def _block_finding(message: str, para: _Tagged) -> Finding:
    return Finding(ERROR, "khoi-the", message, para.where, hint=msg.BLOCK_HINT)


def _name_findings(tree: nodes.Template, paragraphs: list[_Tagged]) -> Iterator[Finding]:
    names = frame_names()
    known = (
        set(names)
        | set(_ENV.globals)
        | {"loop"}
        | {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
    )
    for node in tree.find_all((nodes.Name, nodes.Filter)):
        where = paragraphs[node.lineno - 1].where
        if isinstance(node, nodes.Name) and node.ctx == "load" and node.name not in known:
            yield Finding(
                ERROR,
                "ten",
                msg.unknown_template_name(node.name),
                where,
                hint=_hint(node.name, names, msg.usable_names(", ".join(names))),
            )
        elif isinstance(node, nodes.Filter) and node.name not in _ENV.filters:
            yield Finding(
                ERROR,
                "bo-loc",
                common.unknown_filter(node.name),
                where,
                hint=_hint(node.name, _ENV.filters, msg.UNKNOWN_FILTER_HINT),
            )


def _hint(name: str, known, otherwise: str) -> str:
    """'Có phải bạn muốn viết …?' when a known name is close, then `otherwise`."""
    guess = suggest(name, known, "")
    return f"{guess} {otherwise}".strip()


def _body_findings(paragraphs: list[_Tagged]) -> list[Finding]:
    """Exactly one `{{ noi_dung }}`, alone in a paragraph of the body, outside tables."""
    holders = [para for para in paragraphs if any(re.search(rf"\b{BODY_NAME}\b", tag) for tag in para.tags)]
    if not holders:
        return [
            Finding(
                ERROR,
                "noi-dung",
                msg.no_body_paragraph(BODY_NAME),
                "",
                hint=msg.add_body_paragraph(BODY_NAME),
            )
        ]
    found = [
        Finding(ERROR, "noi-dung", msg.body_twice(BODY_NAME), para.where, hint=msg.DROP_EXTRA_TAG_HINT)
        for para in holders[1:]
    ]
    first = holders[0]
    if first.para.area != "body" or not _BODY_TAG.match(first.text.strip()):
        found.append(
            Finding(
                ERROR,
                "noi-dung",
                msg.body_not_alone(BODY_NAME),
                first.where,
                hint=msg.BODY_ALONE_HINT,
            )
        )
    return found
