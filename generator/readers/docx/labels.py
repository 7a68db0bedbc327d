"""Labels of an imported report's sections ("Phần I", "I.", "1.", "1.1.", "a)"): read, stripped, and placed.

A label's style ranks it in the ladder; `place` puts a section into the tree by it (see outline.py), and the
ladder of styles found per depth becomes `kieu_muc` / `kieu_muc_con` when it is not the default one.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from baocao.conventions import numbering
from baocao.document.model import Text
from baocao.messages import readers as msg
from baocao.readers.docx.content import Inline, Para

KIND_NAMES = {
    "phan": numbering.PART_WORD,
    "la_ma": "I.",
    "so": "1.",
    "so_ghep": "1.1.",
    "chu": "a)",
    "khong_so": msg.UNNUMBERED,
}
RANK = {"phan": 0, "la_ma": 1, "so": 2, "so_ghep": 3, "chu": 5, "khong_so": 99}
DEFAULT_LADDER = ["la_ma", "so", "so_ghep", "chu"]


@dataclass
class Node:
    """A section of the outline being read: its label's style and number, its YAML keys, what it holds."""

    kind: str
    number: int
    place: str
    data: dict[str, Any]
    children: list[Any] = field(default_factory=list)
    depth: int = 0


def default_child(kind: str) -> str:
    index = DEFAULT_LADDER.index(kind) if kind in DEFAULT_LADDER else -1
    return DEFAULT_LADDER[min(index + 1, len(DEFAULT_LADDER) - 1)]


def count_styles(node: Node, by_depth: dict[int, dict[str, int]], depth: int) -> None:
    for child in node.children:
        if isinstance(child, Node):
            if child.kind not in ("phan", "khong_so"):
                counts = by_depth.setdefault(depth, {})
                counts[child.kind] = counts.get(child.kind, 0) + 1
            count_styles(child, by_depth, depth + (0 if child.kind == "khong_so" else 1))


def place(stack: list[Node], node: Node) -> None:
    """Put `node` into the tree: sibling of the open section of its style, else child (after closing lower ranks)."""
    same = next((i for i in range(len(stack) - 1, 0, -1) if stack[i].kind == node.kind), None)
    if same is not None:
        del stack[same:]
    else:
        while len(stack) > 1 and RANK[stack[-1].kind] > RANK[node.kind]:
            stack.pop()
    stack[-1].children.append(node)
    stack.append(node)


def read_label(para: Para) -> tuple[str, int, str] | None:
    """(style, number, the label as written) of a paragraph's label, or None."""
    text = para.plain
    typed = numbering.read_label(text)
    if typed is None:
        return None
    if typed.kind == numbering.ARABIC and any(len(str(n)) > 2 for n in typed.numbers):
        return None  # '15.000 người…' is a number, not a label
    if typed.kind == numbering.ARABIC and len(typed.numbers) > 1 and not typed.text.endswith("."):
        visible = [t for t in para.inlines if isinstance(t, Text) and t.text.strip()]
        if not (visible and all(t.bold or t.italic for t in visible)):
            return None  # '2.5 ha…' is a number; a heading all in bold, '2.2 Công tác…', has a label
    kind = {numbering.PART: "phan", numbering.SECTION: "la_ma", numbering.POINT: "chu"}.get(typed.kind)
    if kind is None:
        kind = "so" if len(typed.numbers) == 1 else "so_ghep"
    return kind, typed.number, typed.text


def strip_label(inlines: list[Inline], label: str) -> list[Inline]:
    """The inlines without the label (or bullet mark) the text starts with (spaces inside it ignored)."""
    want = "".join(label.split())
    out: list[Inline] = []
    k = 0
    for inline in inlines:
        if k < len(want) and isinstance(inline, Text):
            text, j = inline.text, 0
            while j < len(text) and k < len(want) and (text[j].isspace() or text[j] == want[k]):
                k += 0 if text[j].isspace() else 1
                j += 1
            inline = replace(inline, text=text[j:])
            if not inline.text:
                continue
        out.append(inline)
    return out


def unstyled(inline: Inline) -> Inline:
    return replace(inline, bold=False, italic=False) if isinstance(inline, Text) else inline


def lead_style(lead: list[Text]) -> dict[str, str]:
    bold, italic = all(t.bold for t in lead), all(t.italic for t in lead)
    return {"kieu_tieu_de": "dam_nghieng" if bold and italic else "nghieng" if italic else "dam"}
