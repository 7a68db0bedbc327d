"""Narrative text: sandboxed Jinja rendering of clerks' sentences, then inline markup.

A sentence may cite figures (`{{ so_lieu.lua | so }}`), use the filters below, and carry
**bold**, *italic*, ^superscript^ and footnotes `[^...]`. It never runs code: the environment
is an immutable sandbox with StrictUndefined, and every failure becomes a located error.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from . import formatting as fmt
from .compute import Figure
from .document import Inline, Note, NoteRef, Text
from .errors import BaocaoError, Location, Problem

MAX_TEXT = 100_000  # longest string an expression may build ('a' * 10**9 is refused)


class FilterError(ValueError):
    """A filter was given something it cannot format (message in Vietnamese)."""


class UndefinedName(TemplateError):
    """A sentence used a name that is not defined; keeps the object and the name."""

    def __init__(self, owner: Any, name: str):
        super().__init__(name)
        self.owner, self.name = owner, name


class _Undefined(StrictUndefined):
    """StrictUndefined whose error says which name was missing, and on what."""

    __slots__ = ()

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        owner, name = self._undefined_obj, self._undefined_name or ""
        self._undefined_exception = lambda _message: UndefinedName(owner, name)


class Figures(dict):
    """The `so_lieu` mapping: figures by name."""


class _Sandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, also refusing arithmetic that builds huge strings or numbers."""

    intercepted_binops = frozenset(["*", "**"])

    def call_binop(self, context, operator, left, right):  # type: ignore[override]
        if operator == "**" and isinstance(right, (int, float, Decimal)) and abs(right) > 100:
            raise SecurityError("số mũ quá lớn")
        result = super().call_binop(context, operator, left, right)
        if isinstance(result, (str, list, tuple)) and len(result) > MAX_TEXT:
            raise SecurityError("chuỗi quá dài")
        return result


# ---- filters (Vietnamese ASCII names; listed with examples in the README) -------------


def _value(x: Any) -> Any:
    return x.gia_tri if isinstance(x, Figure) else x


def _need(figure: Any, field: str) -> Figure:
    if not isinstance(figure, Figure):
        raise FilterError(f"Bộ lọc này cần một số liệu (so_lieu.ten), không phải '{figure}'.")
    if getattr(figure, field) is None:
        raise FilterError(f"Số liệu '{figure.name}' chưa có {field}.")
    return figure


def _number(x: Any) -> Decimal:
    try:
        return fmt.parse_vn_number(_value(x))
    except (ValueError, TypeError):
        raise FilterError(f"'{x}' không phải là một số.") from None


def so(x: Any, so_le: int | None = None) -> str:
    """1539.72 → '1.539,72'; a figure uses its own so_le unless one is given."""
    if so_le is None and isinstance(x, Figure):
        so_le = x.so_le
    return fmt.format_number(_number(x), so_le)


def so_dv(figure: Any, so_le: int | None = None) -> str:
    """Number with its unit: '1.539,72 ha'."""
    unit = figure.don_vi if isinstance(figure, Figure) else ""
    return f"{so(figure, so_le)} {unit}".strip()


def phan_tram(x: Any, so_le: int = fmt.DEFAULT_PERCENT_DECIMALS) -> str:
    """A percentage number: 43.4 → '43,4%'."""
    return fmt.format_percent(_number(x), so_le)


def ty_le(x: Any, tong: Any, so_le: int = fmt.DEFAULT_PERCENT_DECIMALS) -> str:
    """x as a percentage of tong: '43,4%'."""
    value = fmt.percent_of(_number(x), _number(tong), so_le)
    if value is None:
        raise FilterError("Không tính được tỷ lệ khi mẫu số bằng 0.")
    return fmt.format_percent(value, so_le)


def so_ke_hoach(figure: Any, viet_tat: bool = False, so_le: int = fmt.DEFAULT_PERCENT_DECIMALS) -> str:
    """'đạt 48,2% kế hoạch' (viet_tat=true: 'đạt 48,2% KH')."""
    f = _need(figure, "ke_hoach")
    return fmt.format_ratio_to_plan(f.gia_tri, f.ke_hoach, short=viet_tat, decimals=so_le)


def so_cung_ky(figure: Any, viet_tat: bool = False, so_le: int = fmt.DEFAULT_PERCENT_DECIMALS) -> str:
    """'bằng 101,3% so với cùng kỳ' (viet_tat=true: 'bằng 101,3% CK')."""
    f = _need(figure, "cung_ky")
    return fmt.format_ratio_to_same_period(f.gia_tri, f.cung_ky, short=viet_tat, decimals=so_le)


def tang_giam(figure: Any, so_le: int = fmt.DEFAULT_PERCENT_DECIMALS) -> str:
    """'tăng 5,1% so với cùng kỳ' / 'giảm 3,0% so với cùng kỳ' / 'bằng cùng kỳ'."""
    f = _need(figure, "cung_ky")
    return fmt.format_change(f.gia_tri, f.cung_ky, decimals=so_le)


def chenh_lech(figure: Any, so_le: int | None = None) -> str:
    """'tăng 12 ha so với cùng kỳ' (absolute difference)."""
    f = _need(figure, "cung_ky")
    return fmt.format_difference(f.gia_tri, f.cung_ky, decimals=so_le if so_le is not None else f.so_le, unit=f.don_vi)


def hai_chu_so(x: Any) -> str:
    """Counts below 10 with a leading zero: 5 → '05'."""
    number = _number(x)
    if number != number.to_integral_value():
        raise FilterError(f"'{x}' không phải là số nguyên.")
    return fmt.pad2(int(number))


def _date(x: Any):
    from .period import parse_issue_date

    try:
        date = parse_issue_date(x).as_date()
    except ValueError as exc:
        raise FilterError(str(exc)) from None
    if date is None:
        raise FilterError(f"'{x}' thiếu ngày.")
    return date


def ngay(x: Any) -> str:
    """'4/6/2020' → 'ngày 04 tháng 6 năm 2020'."""
    return fmt.format_date_long(_date(x))


def ngay_ngan(x: Any) -> str:
    """'4/6/2020' → '04/6/2020'."""
    return fmt.format_date_short(_date(x))


def la_ma(x: Any) -> str:
    """4 → 'IV'."""
    return fmt.roman(int(_number(x)))


def dong(x: Any) -> str:
    """1306903000 → '1.306.903.000 đồng'."""
    return fmt.format_dong(_number(x))


def trieu_dong(x: Any, so_le: int | None = None) -> str:
    """An amount in đồng shown in triệu đồng: 1306903000 → '1.306,903 triệu đồng'."""
    return fmt.format_million_dong(_number(x), so_le)


FILTERS: dict[str, Callable[..., str]] = {
    f.__name__: f
    for f in (so, so_dv, phan_tram, ty_le, so_ke_hoach, so_cung_ky, tang_giam, chenh_lech, hai_chu_so, ngay, ngay_ngan, la_ma, dong, trieu_dong)
}


def make_environment(autoescape: bool = False) -> ImmutableSandboxedEnvironment:
    """The sandbox every sentence and template renders in."""
    env = _Sandbox(undefined=_Undefined, autoescape=autoescape, keep_trailing_newline=False)
    env.filters.update(FILTERS)
    return env


# ---- rendering with located errors -------------------------------------------------------


_SENTENCES = make_environment()


@lru_cache(maxsize=8192)
def _compiled(text: str):
    """Sentences are compiled once per process (a batch shares them across reports)."""
    return _SENTENCES.from_string(text)


class Narrator:
    """Renders clerks' sentences against one report's context."""

    def __init__(self, context: Mapping[str, Any]):
        self.context = dict(context)

    def render(self, text: str, where: Location) -> str:
        """Render one sentence's Jinja expressions; whitespace runs become single spaces."""
        if "{" not in text:
            return " ".join(text.split())
        try:
            return " ".join(_compiled(text).render(self.context).split())
        except TemplateSyntaxError as exc:
            raise BaocaoError(Problem(where.shifted((exc.lineno or 1) - 1), f"Biểu thức {{{{ ... }}}} viết sai: {(exc.message or '').rstrip('.')}.",
                                      "Mỗi '{{' phải có '}}' đi kèm; tên số liệu viết liền, không dấu, ví dụ {{ so_lieu.dien_tich_lua | so }}.")) from None
        except UndefinedName as exc:
            raise BaocaoError(self._undefined(exc, where)) from None
        except SecurityError as exc:
            raise BaocaoError(Problem(where, f"Biểu thức không được phép vì lý do an toàn ({exc}).",
                                      "Câu văn chỉ được gọi số liệu và bộ lọc, ví dụ {{ so_lieu.ten | so }}.")) from None
        except FilterError as exc:
            raise BaocaoError(Problem(where, str(exc), "Xem danh sách bộ lọc trong README.")) from None
        except Exception as exc:  # any other failure of an expression stays a located message
            raise BaocaoError(Problem(where, f"Không tính được biểu thức: {exc}.", "Kiểm tra biểu thức trong {{ ... }}.")) from None

    def _undefined(self, exc: UndefinedName, where: Location) -> Problem:
        owner, name = exc.owner, exc.name
        if name.startswith("_"):
            return Problem(where, f"Không được truy cập '{name}' vì lý do an toàn.",
                           "Câu văn chỉ được gọi số liệu và bộ lọc, ví dụ {{ so_lieu.ten | so }}.")
        if isinstance(owner, Figures):
            return Problem(where, f"Số liệu '{name}' chưa được khai báo trong so_lieu.", _suggest(name, owner))
        if isinstance(owner, Figure):
            fields = ["gia_tri", "don_vi", "ke_hoach", "cung_ky", "ty_le_ke_hoach", "ty_le_cung_ky", "chenh_lech"]
            return Problem(where, f"Số liệu '{owner.name}' không có thuộc tính '{name}'.", _suggest(name, fields))
        if isinstance(owner, Mapping):
            return Problem(where, f"Không có mục '{name}'.", _suggest(name, owner))
        return Problem(where, f"Tên '{name}' chưa được định nghĩa.", _suggest(name, self.context))

    def inlines(self, text: str, where: Location, note: Callable[[str, Location], Note] | None = None) -> list[Inline]:
        """Render a sentence and parse its inline markup; `note` resolves footnotes."""
        try:
            return parse_inline(self.render(text, where), lambda body: note(body, where) if note else _no_note())
        except MarkupError as exc:
            raise BaocaoError(Problem(where, str(exc), "Đóng cặp dấu đánh dấu, hoặc viết \\* để có dấu * thường.")) from None


def _suggest(name: str, known) -> str:
    guess = difflib.get_close_matches(name, [str(k) for k in known], n=1)
    return f"Có phải bạn muốn viết '{guess[0]}'?" if guess else "Khai báo tên này trước khi dùng, hoặc sửa lỗi chính tả."


# ---- inline markup -----------------------------------------------------------------------


class MarkupError(ValueError):
    """Unbalanced inline markup."""


def _no_note() -> Note:
    raise MarkupError("Không được đặt chú thích [^...] bên trong một chú thích khác hoặc ở chỗ này.")


_TOKEN = re.compile(r"\\[*^\[\]\\]|\*\*|\*|\^|\[\^")
_MARKS = {"**": "bold", "*": "italic", "^": "superscript"}
_MARK_NAMES = {"bold": "**", "italic": "*", "superscript": "^"}


def parse_inline(text: str, note: Callable[[str], Note]) -> list[Inline]:
    """Split text into runs: **bold**, *italic*, ^superscript^, [^footnote]; backslash escapes."""
    out: list[Inline] = []
    style = {"bold": False, "italic": False, "superscript": False}
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            out.append(Text("".join(buffer), **style))
            buffer.clear()

    pos = 0
    while (match := _TOKEN.search(text, pos)) is not None:
        buffer.append(text[pos:match.start()])
        token, pos = match.group(), match.end()
        if token.startswith("\\"):
            buffer.append(token[1])
        elif token == "[^":
            end = _closing_bracket(text, pos)
            flush()
            out.append(NoteRef(note(text[pos:end])))
            pos = end + 1
        else:
            flush()
            style[_MARKS[token]] = not style[_MARKS[token]]
    buffer.append(text[pos:])
    flush()
    unclosed = [_MARK_NAMES[k] for k, on in style.items() if on]
    if unclosed:
        raise MarkupError(f"Dấu '{unclosed[0]}' được mở mà chưa đóng trong câu.")
    return [t for t in out if not isinstance(t, Text) or t.text]


def _closing_bracket(text: str, start: int) -> int:
    depth = 0
    i = start
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            if depth == 0:
                return i
            depth -= 1
        i += 1
    raise MarkupError("Chú thích '[^' chưa có dấu ']' đóng.")
