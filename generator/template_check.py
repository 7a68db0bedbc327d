"""Lint a Word template before any build: tags, names, runs, styles and the body paragraph.

docxtpl joins the runs of a paragraph before Jinja reads it, so a tag typed in several runs
renders as long as the runs sit side by side in the paragraph. A tag does not render when it is
cut across paragraphs or table cells, across a hyperlink, field or tracked change (its runs have
different parents), or typed with a space between its braces ('{ {'). Field codes and deleted
text are text to Jinja too, so they are read with the rest. Each problem names its
place as the clerk finds it in Word: 'đoạn N' (paragraphs outside tables, counted from 1) or
'bảng T, ô (R, C)', in the body, a header (đầu trang), a footer (chân trang) or the footnotes
(chú thích), followed by the paragraph's text.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from jinja2 import TemplateSyntaxError, nodes
from lxml import etree

from .docx_writer import BODY_NAME, frame_names, missing_styles
from .errors import BaocaoError, Location, Problem, suggest
from .narrative import make_environment, syntax_message

_P, _TBL, _TR, _TC = (qn(f"w:{tag}") for tag in ("p", "tbl", "tr", "tc"))
_TEXTS = tuple(qn(f"w:{tag}") for tag in ("t", "instrText", "delText"))  # all text Jinja sees in a run
_AREAS = {RT.HEADER: "đầu trang", RT.FOOTER: "chân trang", RT.FOOTNOTES: "chú thích"}
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_BROKEN = re.compile(r"\{\s*[{%#]|[}%#]\s*\}")  # a tag's brace left over outside whole tags
_DOCXTPL_PREFIX = re.compile(r"^(\{[{%#])(?:tr|tc|p|r) ")  # {%p if %}: docxtpl's paragraph, row... tags
_QUOTES = str.maketrans("“”‘’", "\"\"''")  # docxtpl straightens Word's curly quotes inside tags
_BODY_TAG = re.compile(r"^\{\{-?\s*" + BODY_NAME + r"\s*-?\}\}$")
_BLOCKS = {"if": "endif", "for": "endfor"}
_FITS = {"elif": ("if",), "else": ("if", "for"), "endif": ("if",), "endfor": ("for",)}  # tag → the blocks it may sit in
_STATEMENTS = {"set"}
EXCERPT = 60
_ENV = make_environment(autoescape=True)
_RETYPE = "Xóa cả thẻ rồi gõ lại liền một lần, ví dụ {{ trich_yeu }} (tắt Theo dõi thay đổi, không chèn liên kết vào giữa thẻ)."
_BLOCK_HINT = "Mẫu dùng {% if … %} … {% endif %} và {% for … in … %} … {% endfor %}; mỗi khối mở phải có thẻ đóng."


@dataclass(frozen=True)
class _Para:
    """A paragraph as docxtpl reads it: its typed text, and for each character the run's parent."""

    place: str
    text: str
    parents: tuple
    area: str
    in_table: bool

    @property
    def where(self) -> str:
        text = " ".join(self.text.split())
        return f"{self.place} «{text[:EXCERPT]}{'…' if len(text) > EXCERPT else ''}»"

    @property
    def tags(self) -> list[str]:
        """The paragraph's tags as Jinja reads them."""
        return [_DOCXTPL_PREFIX.sub(r"\1 ", m.group()).translate(_QUOTES) for m in _TAG.finditer(self.text)]


Finding = tuple[str, str, str]  # where, what is wrong, what to do


def template_problems(path: Path) -> list[Problem]:
    """Everything that keeps the Word template at `path` from rendering a report."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [Problem(Location(path), "Không đọc được tệp mẫu.", f"Kiểm tra đường dẫn và quyền đọc ({exc.strerror}).")]
    return [Problem(Location(path), f"{where}: {message}" if where else message, hint) for where, message, hint in _findings(data)]


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
        return (("", "Không đọc được tệp Word (.docx).", "Mở mẫu bằng Word và lưu lại dạng Word Document (.docx)."),)
    parts = list(_parts(document))
    found = [finding for _, paragraphs in parts for para in paragraphs for finding in _tag_findings(para)]
    for _, paragraphs in parts:
        found += _jinja_findings(paragraphs)
    found += _body_findings([para for _, paragraphs in parts for para in paragraphs])
    missing = missing_styles(style.name for style in document.styles if style.name)
    if missing:
        found.append(("", f"Mẫu thiếu kiểu (style): {', '.join(missing)}.", "Sửa trên bản sao của mẫu có sẵn (baocao templates copy), đừng xóa các kiểu này."))
    return tuple(found)


# ---- where the paragraphs are ----------------------------------------------------------


def _parts(document) -> Iterator[tuple[str, list[_Para]]]:
    """The body, then each header, footer and the footnotes, with their paragraphs."""
    yield "", _paragraphs(document.element.body, "")
    for reltype, label in _AREAS.items():
        parts = sorted((rel.target_part for rel in document.part.rels.values() if rel.reltype == reltype and not rel.is_external),
                       key=lambda part: part.partname)
        for number, part in enumerate(parts, 1):
            area = f"{label} {number}" if len(parts) > 1 else label
            yield area, _paragraphs(etree.fromstring(part.blob), area)


def _paragraphs(root, area: str) -> list[_Para]:
    tables = {table: n for n, table in enumerate(root.iter(_TBL), 1)}
    paragraphs, count = [], 0
    for p in root.iter(_P):
        cell = next(p.iterancestors(_TC), None)
        if cell is None:
            count += 1
            place = f"đoạn {count}"
        else:
            row = next(cell.iterancestors(_TR))
            table = next(row.iterancestors(_TBL))
            place = f"bảng {tables[table]}, ô ({_position(row, table)}, {_position(cell, row)})"
        paragraphs.append(_para(p, f"{area}, {place}" if area else place, area, cell is not None))
    return paragraphs


def _position(element, container) -> int:
    """1-based position of `element` among its kind whose nearest container is `container`."""
    own = [e for e in container.iter(element.tag) if next(e.iterancestors(container.tag)) is container]
    return own.index(element) + 1


def _para(p, place: str, area: str, in_table: bool) -> _Para:
    texts = [t for t in p.iter(*_TEXTS) if next(t.iterancestors(_P)) is p]
    parents = [t.getparent().getparent() for t in texts for _ in (t.text or "")]
    return _Para(place, "".join(t.text or "" for t in texts), tuple(parents), area, in_table)


# ---- the checks ------------------------------------------------------------------------


def _tag_findings(para: _Para) -> Iterator[Finding]:
    """Tags that docxtpl cannot put back together."""
    rest = _TAG.sub(" ", para.text)
    broken = _BROKEN.search(rest)
    if broken:
        fragment = rest[max(broken.start() - 15, 0):broken.end() + 15].strip()
        yield (para.where, f"Thẻ hỏng ở «{fragment}»: thiếu dấu đóng, bị tách sang đoạn hoặc ô khác, hay có dấu cách giữa hai dấu ngoặc.",
               _RETYPE)
    for match in _TAG.finditer(para.text):
        if len({id(parent) for parent in para.parents[match.start():match.end()]}) > 1:
            yield (para.where, f"Thẻ {match.group()} bị tách qua liên kết, trường hoặc phần theo dõi thay đổi nên không hiển thị được.", _RETYPE)


def _jinja_findings(paragraphs: list[_Para]) -> list[Finding]:
    """Blocks that do not close, then Jinja's own syntax errors, then unknown names and filters."""
    found = _block_findings(paragraphs)
    if found:
        return found
    try:  # one line per paragraph: Jinja's line number names the paragraph
        tree = _ENV.parse("\n".join(" ".join(para.tags) for para in paragraphs))
    except TemplateSyntaxError as exc:
        return [(paragraphs[exc.lineno - 1].where, f"Thẻ viết sai: {syntax_message(exc)}.", "Sửa thẻ ở đoạn này trong Word.")]
    return list(_name_findings(tree, paragraphs))


def _block_findings(paragraphs: list[_Para]) -> list[Finding]:
    found: list[Finding] = []
    open_blocks: list[tuple[str, _Para]] = []
    for para in paragraphs:
        for tag in para.tags:
            word = tag[2:-2].strip(" -+").split(" ", 1)[0] if tag.startswith("{%") else ""
            if not word or word in _STATEMENTS:
                continue
            if word in _BLOCKS:
                open_blocks.append((word, para))
            elif word in _FITS:
                if not open_blocks or open_blocks[-1][0] not in _FITS[word]:
                    found.append((para.where, f"Thẻ {{% {word} %}} không khớp với khối nào đang mở.", _BLOCK_HINT))
                elif word.startswith("end"):
                    open_blocks.pop()
            else:
                found.append((para.where, f"Thẻ {{% {word} %}} không dùng được trong mẫu.", _BLOCK_HINT))
    found += [(para.where, f"Khối {{% {word} %}} chưa có thẻ đóng {{% {_BLOCKS[word]} %}}.", _BLOCK_HINT) for word, para in open_blocks]
    return found


def _name_findings(tree: nodes.Template, paragraphs: list[_Para]) -> Iterator[Finding]:
    names = frame_names()
    known = set(names) | set(_ENV.globals) | {"loop"} | {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
    for node in tree.find_all((nodes.Name, nodes.Filter)):
        where = paragraphs[node.lineno - 1].where
        if isinstance(node, nodes.Name) and node.ctx == "load" and node.name not in known:
            yield (where, f"Mẫu dùng tên '{node.name}' không có.", _hint(node.name, names, f"Tên dùng được: {', '.join(names)}."))
        elif isinstance(node, nodes.Filter) and node.name not in _ENV.filters:
            yield (where, f"Không có bộ lọc '{node.name}'.", _hint(node.name, _ENV.filters, "Xóa bộ lọc này hoặc sửa lỗi chính tả."))


def _hint(name: str, known, otherwise: str) -> str:
    """'Có phải bạn muốn viết …?' when a known name is close, then `otherwise`."""
    guess = suggest(name, known, "")
    return f"{guess} {otherwise}".strip()


def _body_findings(paragraphs: list[_Para]) -> list[Finding]:
    """Exactly one `{{ noi_dung }}`, alone in a paragraph of the body, outside tables."""
    holders = [para for para in paragraphs if any(re.search(rf"\b{BODY_NAME}\b", tag) for tag in para.tags)]
    if not holders:
        return [("", f"Mẫu không có đoạn {{{{ {BODY_NAME} }}}} (chỗ đặt thân báo cáo).",
                 f"Thêm một đoạn riêng chỉ gõ {{{{ {BODY_NAME} }}}}, sau trích yếu và trước Nơi nhận.")]
    found = [(para.where, f"Thẻ {{{{ {BODY_NAME} }}}} chỉ được có một lần.", "Xóa thẻ thừa.") for para in holders[1:]]
    first = holders[0]
    if first.area or first.in_table or not _BODY_TAG.match(first.text.strip()):
        found.append((first.where, f"Thẻ {{{{ {BODY_NAME} }}}} phải đứng riêng một đoạn của thân văn bản (ngoài bảng, đầu trang, chân trang).",
                      "Chuyển thẻ ra một đoạn riêng, không có chữ nào khác."))
    return found
