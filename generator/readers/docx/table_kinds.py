"""The column kinds of a table read back: numbers as printed, the columns baocao computes, the total row.

A column of Vietnamese numbers ("1.539,72") is `so` (with `so_le` when every cell shows that many
decimals), a column of rates whose '%' sits in the cells or in the header is `phan_tram`. A column
that equals, row by row and at the precision it shows, what the build computes from two number
columns is computed: `ty_le_ke_hoach` / `ty_le_cung_ky` (part / base × 100) or `chenh_lech` (part −
base, signed); its part column becomes `gia_tri`, its base `ke_hoach` (a second plan a named plan,
`ke_hoach: <name>`) or `cung_ky`. A last row labelled "Tổng cộng"/"Cộng" whose numbers are the sums
(and the rates of the sums) becomes `tong_cong: true`. A printed value that disagrees with the
computation stays as written and is told, with its cell, as a doubt.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from baocao.conventions import formatting as fmt
from baocao.conventions.table_words import PLAN, SAME_PERIOD, TOTAL_LABEL
from baocao.figures.figure import percent, sum_values
from baocao.input.table_model import INPUT_KINDS
from baocao.messages import readers as msg
from baocao.readers.docx.text import slug, unique

_RATE_HEADER = re.compile(r"%")
_NUMBER = re.compile(r"^([+-]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$")
RATES = ("ty_le_ke_hoach", "ty_le_cung_ky")
COMPUTED = (*RATES, "chenh_lech")
WRITTEN_NUMBERS = ("so", "phan_tram")
RESERVED = ("so_lieu", "chi_tiet", "nhom", "dong", "don_vi")  # keys the build reads otherwise (don_vi: a row's unit)


@dataclass(frozen=True)
class Shown:
    """A number as a cell prints it: its value, decimals, a '%' after it, a '+' before it."""

    value: Decimal
    decimals: int
    percent: bool = False
    plus: bool = False


def read_shown(text: str) -> Shown | None:
    """'1.539,72' → 1539.72 (2 decimals); '98,8%' a rate; '+6,6' signed; None when not a number.

    >>> read_shown("1.539,72"), read_shown("98,8%").percent, read_shown("+6,6").plus, read_shown("2.08")
    (Shown(value=Decimal('1539.72'), decimals=2, percent=False, plus=False), True, True, None)
    """
    text = text.strip()
    rate = text.endswith("%")
    match = _NUMBER.match(text.removesuffix("%").rstrip() if rate else text)
    if not match:
        return None
    sign, whole, fraction = match.groups()
    if whole.startswith("0") and len(whole) > 1:  # '05', '0.500': the build would print them otherwise
        return None
    value = Decimal(sign.replace("+", "") + whole.replace(".", "") + (f".{fraction}" if fraction else ""))
    return Shown(value, len(fraction or ""), rate, sign == "+")


@dataclass
class Column:
    """One column as the YAML will write it."""

    title: str
    group: str = ""
    kind: str = "van_ban"
    key: str = ""
    so_le: int | None = None
    plan: str = ""  # ke_hoach: the named plan of a second plan column (and of its rate)
    part: int = -1  # a computed column: the columns it is computed from
    base: int = -1

    def as_text(self) -> None:
        """Written as the Word file shows it (a text column)."""
        self.kind, self.so_le, self.plan = "van_ban", None, ""


@dataclass
class Layout:
    """The columns' kinds, whether the last row is a computed total, and the doubts met."""

    columns: list[Column]
    total: bool = False
    doubts: list[tuple[int, int, str]] = field(default_factory=list)  # (row, column, message), 0-based

    def drop_total(self) -> None:
        """The total row stays a written row: a numbered column would number it, so it is written too."""
        self.total = False
        if self.columns and self.columns[0].kind == "stt":
            self.columns[0].as_text()


def infer(
    titles: list[str], groups: list[str], rows: list[list[str]], total: list[str] | None, numbered: bool
) -> Layout:
    """The layout of a table: `rows` hold each item row's cell texts (grid columns), `total` the last row's
    when it is labelled as a total; `numbered` when column 0 is a TT column numbered 1, 2, 3…"""
    columns = [Column(t, g) for t, g in zip(titles, groups, strict=True)]
    layout = Layout(columns)
    if numbered:
        columns[0].kind = "stt"
    shown = [[read_shown(row[c]) for row in rows] for c in range(len(columns))]
    for c, column in enumerate(columns):
        if column.kind != "stt":
            _written_kind(column, [row[c] for row in rows], shown[c])
    _computed(layout, rows, shown)
    if total is not None and not _total(layout, shown, total):
        layout.drop_total()
    elif total is not None:
        layout.total = True
    return layout


def _written_kind(column: Column, texts: list[str], shown: list[Shown | None]) -> None:
    """`so` or `phan_tram` when the cells are numbers (words without digits allowed) the build prints alike."""
    numbers = [s for s in shown if s is not None]
    words = [t for t, s in zip(texts, shown, strict=True) if t and s is None]
    if not numbers or len(numbers) < len(words) or any(re.search(r"\d", t) for t in words):
        return
    digits = {s.decimals for s in numbers}
    rates = {s.percent for s in numbers}
    header_rate = bool(_RATE_HEADER.search(column.title + column.group))
    if rates == {True} and not header_rate or rates == {False} and header_rate:
        if len(digits) == 1:
            column.kind, column.so_le = "phan_tram", _rate_decimals(digits.pop())
        return
    if rates != {False}:
        return
    if len(digits) == 1:
        column.kind, column.so_le = "so", digits.pop() or None
    elif not any(s.decimals and s.value == round(s.value, s.decimals - 1) for s in numbers):
        column.kind = "so"  # as each number has it (no trailing zero that only so_le would print)


def _rate_decimals(digits: int) -> int | None:
    return None if digits == fmt.DEFAULT_PERCENT_DECIMALS else digits


def columns_yaml(columns: list[Column]) -> list[dict[str, Any]]:
    """The `cot` of a table: each column's title, kind, group, decimals and named plan; a key for each column a
    row fills (its own, else one made from its title)."""
    taken = set(RESERVED) | {c.key for c in columns if c.key}
    cot: list[dict[str, Any]] = []
    for column in columns:
        entry: dict[str, Any] = {"tieu_de": column.title}
        if column.kind in INPUT_KINDS:
            entry = {"khoa": column.key or unique(_key(column.title), taken), **entry}
        if column.kind != "van_ban":
            entry["kieu"] = column.kind
        if column.group or (column.kind == "stt" and any(c.group for c in columns)):
            entry["nhom"] = column.group
        if column.so_le is not None:
            entry["so_le"] = column.so_le
        if column.plan:
            entry["ke_hoach"] = column.plan
        cot.append(entry)
    return cot


def _key(title: str) -> str:
    key = slug(title or "cot")
    return f"cot_{key}" if key in RESERVED else key


# ---- computed columns ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Relation:
    column: int
    kind: str
    part: int
    base: int
    matches: int
    misses: list[tuple[int, str, str]]  # (row, written, computed)


def _computed(layout: Layout, rows: list[list[str]], shown: list[list[Shown | None]]) -> None:
    """Find the columns equal to a rate or difference of two number columns; name the roles they imply."""
    columns = layout.columns
    signed = {c for c, col in enumerate(columns) if any(s and s.plus for s in shown[c])}
    numbers = [c for c, col in enumerate(columns) if col.kind == "so" and c not in signed]
    found: list[_Relation] = []
    for c, column in enumerate(columns):
        signs = any(s is not None and (s.plus or s.value < 0) for s in shown[c])
        kinds = RATES if column.kind == "phan_tram" else ("chenh_lech",) if column.kind == "so" and signs else ()
        best = [
            relation
            for kind in kinds
            for a in numbers
            for b in numbers
            if len({a, b, c}) == 3 and (relation := _relate(columns, c, kind, a, b, rows, shown)) is not None
        ]
        if best:
            found.append(max(best, key=lambda r: r.matches - len(r.misses)))
    weight: Counter[int] = Counter()
    for relation in found:
        weight[relation.part] += relation.matches
    part = weight.most_common(1)[0][0] if weight else -1
    roles: dict[int, str] = {part: "gia_tri"}
    for relation in sorted((r for r in found if r.part == part), key=lambda r: r.column):
        role = "ke_hoach" if relation.kind == "ty_le_ke_hoach" else "cung_ky"
        if roles.get(relation.base, role) != role or (role == "cung_ky" and _taken(roles, role, relation.base)):
            continue
        roles[relation.base] = role
        column = columns[relation.column]
        for row, written, computed in relation.misses:
            layout.doubts.append((row, relation.column, _disagrees(columns, relation, written, computed)))
        if not relation.misses:
            column.kind, column.part, column.base = relation.kind, relation.part, relation.base
    for c in signed:
        if columns[c].kind == "so":
            columns[c].kind, columns[c].so_le = "van_ban", None  # '+6,6' written: only a computed column prints '+'
    if weight:
        _name_roles(columns, roles)


def _taken(roles: dict[int, str], role: str, column: int) -> bool:
    return any(r == role and c != column for c, r in roles.items())


def _relate(
    columns: list[Column], c: int, kind: str, a: int, b: int, rows: list[list[str]], shown: list[list[Shown | None]]
) -> _Relation | None:
    """How column `c` compares, row by row, with `kind` computed from columns `a` and `b`."""
    column = columns[c]
    if kind in RATES and (kind == "ty_le_cung_ky") != _same_period(column, columns[b]):
        return None
    matches, misses = 0, []
    for r, row in enumerate(rows):
        part, base = shown[a][r], shown[b][r]
        expected = _print(column, kind, part.value if part else None, base.value if base else None)
        written = row[c]
        if expected is None and not written:
            continue
        if expected == written:
            matches += 1
        else:
            misses.append((r, written, expected or ""))
            if len(misses) > max(matches, 2):  # not this pair: stop early (wide tables try many pairs)
                return None
    if not matches or len(misses) >= matches:
        return None
    return _Relation(c, kind, a, b, matches, misses)


def _same_period(column: Column, base: Column) -> bool:
    """A rate to the same period: its header says so, or (when it names no plan either) its base column's."""
    own = f"{column.title} {column.group}"
    if SAME_PERIOD.search(own) or PLAN.search(own):
        return bool(SAME_PERIOD.search(own))
    return bool(SAME_PERIOD.search(f"{base.title} {base.group}"))


def _print(column: Column, kind: str, part: Decimal | None, base: Decimal | None) -> str | None:
    """What the build prints in `column` for `kind` of `part` and `base`, or None for an empty cell."""
    if part is None or base is None:
        return None
    if kind == "chenh_lech":
        value = part - base
        if column.so_le is not None:
            value = fmt.round_half_up(value, column.so_le)
        text = fmt.format_number(value, column.so_le)
        return f"+{text}" if value > 0 else text
    decimals = fmt.DEFAULT_PERCENT_DECIMALS if column.so_le is None else column.so_le
    rate = percent(part, base, decimals)
    if rate is None:
        return None
    text = fmt.format_percent(rate, decimals)
    return text.removesuffix(fmt.PERCENT) if _RATE_HEADER.search(column.title + column.group) else text


def _disagrees(columns: list[Column], relation: _Relation, written: str, computed: str) -> str:
    told = msg.rate_disagrees if relation.kind in RATES else msg.difference_disagrees
    return told(
        columns[relation.column].title, written, columns[relation.part].title, columns[relation.base].title, computed
    )


def _name_roles(columns: list[Column], roles: dict[int, str]) -> None:
    """The part column is gia_tri, the first plan ke_hoach (later plans named after their titles), the same
    period cung_ky; the computed columns of a named plan cite it."""
    first_plan = min((c for c, role in roles.items() if role == "ke_hoach"), default=None)
    for c, role in roles.items():
        if role == "ke_hoach" and c != first_plan:
            columns[c].plan = _plan_name(columns[c].title, c)
        else:
            columns[c].key = role
    for column in columns:
        if column.kind == "ty_le_ke_hoach":
            column.plan = columns[column.base].plan


def _plan_name(title: str, c: int) -> str:
    return slug(title, f"ke_hoach_{c + 1}")


# ---- the total row ---------------------------------------------------------------------------


def _total(layout: Layout, shown: list[list[Shown | None]], total: list[str]) -> bool:
    """True when every number of the total row is what the build prints for the sums (told when not)."""
    columns = layout.columns
    lead = next((c for c, col in enumerate(columns) if col.kind not in ("stt", "van_ban")), len(columns))
    if lead == 0 or lead == len(columns):
        return False
    sums = {
        c: sum_values(s.value if s else None for s in shown[c]) for c, col in enumerate(columns) if col.kind == "so"
    }
    ok = True
    for c in range(lead, len(columns)):
        column = columns[c]
        if column.kind == "so":
            expected = _format_sum(sums[c], column.so_le)
        elif column.kind in COMPUTED:
            expected = _print(column, column.kind, sums.get(column.part), sums.get(column.base)) or ""
        else:
            expected = ""
        if total[c] != expected:
            ok = False
            if column.kind == "so" and expected and read_shown(total[c]) is not None:
                layout.doubts.append(
                    (
                        -1,
                        c,
                        msg.total_disagrees(column.title, total[c], expected),
                    )
                )
    return ok


def _format_sum(value: Decimal | None, so_le: int | None) -> str:
    if value is None:
        return ""
    return fmt.format_number(fmt.round_half_up(value, so_le) if so_le is not None else value, so_le)


def total_label(text: str) -> bool:
    """'Tổng cộng', 'Cộng', 'Tổng số', 'Tổng' (a colon after it allowed)."""
    return bool(TOTAL_LABEL.match(" ".join(text.replace("*", "").split())))
