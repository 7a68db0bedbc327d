"""Stage 4, the frame: the template's ND30 frame rendered in the sandbox, each part checked.

docxtpl renders each XML part of the template (body, headers, footers, footnotes) as text with
Jinja. Its raw tags ({{r …}}, {{p …}}, {%tr …%}…) move the tag out of its run, paragraph or row,
so a customised template can write XML that is broken, or text where Word allows none (a value
straight inside a paragraph), and docxtpl would repair the body silently and save the rest as it
is. Every rendered part is therefore parsed and checked here: a file Word would refuse or repair
is never written; the clerk is told which part, near which text.
"""

from __future__ import annotations

import dataclasses
import io
import re
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Any

from docx.opc.package import Unmarshaller
from docx.opc.part import PartFactory
from docx.opc.pkgreader import PackageReader
from docx.package import Package
from docxtpl import DocxTemplate
from jinja2 import TemplateError, TemplateSyntaxError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from lxml import etree

from baocao import limits
from baocao.compose.filters import FilterError
from baocao.compose.narrative import expression_fault, syntax_message
from baocao.compose.sandbox import UndefinedName, make_environment
from baocao.document.model import Frame
from baocao.errors import BaocaoError, Location, Problem
from baocao.messages import writers as msg

BODY_NAME = "noi_dung"  # the template's paragraph `{{ noi_dung }}` becomes the body
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT_HOLDERS = {_W + tag for tag in ("t", "delText", "instrText", "delInstrText", "fldData")}
_MARKER = re.compile(r"BAOCAO-NOI-DUNG-[0-9a-f]{32}")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_FAULTS = (TemplateError, FilterError, ArithmeticError, TypeError, limits.OverBudget, RecursionError, MemoryError)


class BrokenPart(Exception):
    """A rendered part that is not valid WordprocessingML; `message` says where, in Vietnamese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class FrameTemplate(DocxTemplate):
    """docxtpl's template of the .docx bytes `data`: its package read (unzipped, its relationships found)
    and each distinct part's XML cleaned for Jinja once per process; each part it renders checked."""

    _patched: dict[str, str] = {}
    docx: Any  # docxtpl's attributes, typed (a python-docx Document once opened)
    is_rendered: bool

    def __init__(self, data: bytes):
        super().__init__(io.BytesIO(data))
        self.data = data

    def init_docx(self, reload: bool = True) -> None:
        """docxtpl's, the parts made anew (each render changes them) from the package read once. (docx.Document
        would refuse a package whose main part is not a Word document's: template_check.check_template did already.)"""
        if not self.docx or (self.is_rendered and reload):
            self.docx = template_document(self.data)
            self.is_rendered = False

    def patch_xml(self, src_xml: str) -> str:
        if src_xml not in self._patched:
            self._patched[src_xml] = super().patch_xml(src_xml)
        return self._patched[src_xml]

    def render_xml_part(self, src_xml, part, context, jinja_env=None):
        xml = super().render_xml_part(src_xml, part, context, jinja_env)
        check_part(xml, str(part.partname))
        return xml


def template_document(data: bytes) -> Any:
    """A new python-docx Document of the template `data`, its parts made from the package read once per process."""
    package = Package()
    Unmarshaller.unmarshal(_package_reader(data), package, PartFactory)
    return package.main_document_part.document


@lru_cache(maxsize=16)
def _package_reader(data: bytes) -> PackageReader:
    """A template's package as read from its bytes (python-docx's reader keeps bytes only, never changed)."""
    return PackageReader.from_file(io.BytesIO(data))


@lru_cache(maxsize=1)
def frame_environment() -> ImmutableSandboxedEnvironment:
    """The sandbox frames render in, compiling each distinct part once per process (a batch shares them)."""
    env = make_environment(autoescape=True)
    env.from_string = lru_cache(maxsize=64)(env.from_string)  # type: ignore[assignment] # docxtpl compiles on every render
    return env


def render_frame(tpl: DocxTemplate, frame: Frame, template: Path) -> str:
    """Render the frame; return the marker the `{{ noi_dung }}` paragraph now holds.

    The marker is new for each render, so no text of the clerk's (a trích yếu, a địa danh) can be
    taken for it and move the body."""
    marker = f"BAOCAO-NOI-DUNG-{secrets.token_hex(16)}"  # _MARKER
    context = dataclasses.asdict(frame) | {BODY_NAME: marker}
    try:
        with limits.time_limit(limits.TEMPLATE_SECONDS), limits.render_budget(limits.MAX_TEMPLATE_OUTPUT):
            tpl.render(context, jinja_env=frame_environment(), autoescape=True)
    except TemplateSyntaxError as exc:
        excerpt = " ".join(" ".join(getattr(exc, "docx_context", [])).split())[:120]
        raise _error(
            template,
            msg.jinja_syntax(syntax_message(exc)),
            msg.fix_tag_near(excerpt) if excerpt else msg.FIX_TAG_HINT,
        ) from None
    except UndefinedName as exc:
        raise _error(
            template, msg.template_unknown_name(exc.name), msg.usable_names(", ".join(sorted(context)))
        ) from None
    except _FAULTS as exc:
        # refused, over budget, or a filter or operation failed
        raise _error(
            template,
            msg.template_cannot_render(expression_fault(exc)[0]),
            msg.TEMPLATE_EXPRESSION_HINT,
        ) from None
    except BrokenPart as exc:
        raise _error(template, exc.message, msg.RAW_TAG_HINT) from None
    return marker


def _error(template: Path, message: str, hint: str) -> BaocaoError:
    return BaocaoError(Problem(Location(template), message, hint))


def check_part(xml: str, partname: str) -> None:
    """BrokenPart unless `xml` parses and holds text only where WordprocessingML allows it."""
    try:
        root = etree.fromstring(xml.encode("utf-8"), _PARSER)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position
        offset = sum(len(text) + 1 for text in xml.split("\n")[: line - 1]) + column
        raise BrokenPart(msg.part_badly_nested(_where(partname), _near(xml[:offset]))) from None
    if not any(_stray(text) for text in _TEXTS(root)):  # the usual case, found without a Python loop over elements
        return
    for element in root.iter():  # the first stray text, as Word would meet it
        if not _holds_no_text(element):
            continue
        stray = [element.text, *(child.tail for child in element)]
        text = next((t for t in stray if t and t.strip()), None)
        if text is not None:
            raise BrokenPart(msg.text_outside_paragraph(_where(partname), " ".join(text.split())[:60]))


_TEXTS = etree.XPath("//text()[normalize-space()]")  # XML whitespace only: a superset of what str.strip() keeps


def _holds_no_text(element) -> bool:
    """A WordprocessingML element that may hold no text of its own (comments, other markup: not checked)."""
    return isinstance(element.tag, str) and element.tag.startswith(_W) and element.tag not in _TEXT_HOLDERS


def _stray(text) -> bool:
    """Whether a text node of the tree is text where WordprocessingML allows none."""
    owner = text.getparent()
    return bool(text.strip()) and _holds_no_text(owner.getparent() if text.is_tail else owner)


def _where(partname: str) -> str:
    """'Mẫu Word, phần đầu trang (word/header1.xml),'."""
    name = partname.lstrip("/")
    kind = re.sub(r"\d*\.xml$", "", name.rsplit("/", 1)[-1])
    return msg.part_place(msg.PART_NAMES.get(kind, msg.OTHER_PART), name)


def _near(xml_before: str) -> str:
    """'gần chữ «…»': the last words of text before the fault, or the start of the part."""
    words = " ".join(re.sub(r"<[^>]*>?", " ", _MARKER.sub("{{ noi_dung }}", xml_before)).split())
    return msg.near_words(words[-60:]) if words else msg.AT_PART_START
