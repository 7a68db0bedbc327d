"""Narrative text: sandboxed Jinja rendering of clerks' sentences, then inline markup.

A sentence may cite figures (`{{ so_lieu.lua | so }}`), use the filters below, and carry
**bold**, *italic*, ^superscript^ and footnotes `[^...]`. It never runs code: the environment
is an immutable sandbox with StrictUndefined, and every failure becomes a located error.
"""

from __future__ import annotations

import math
import re
import traceback
import unicodedata
from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import lru_cache, wraps
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateError, TemplateSyntaxError, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from . import formatting as fmt
from .compute import Figure
from .document import Inline, Note, NoteRef, Text
from .errors import BaocaoError, Location, Problem, suggest
from .load import XML_INVALID

MAX_TEXT = 100_000  # longest string or list an expression may build ('a' * 10**9 is refused)
MAX_NUMBER = 10**30  # largest number an expression may compute (9 ** 9 ** 9 is refused)
# Jinja's own filters kept in the sandbox: none takes a size ('center(10**9)'); results are checked.
_BUILTIN_FILTERS = ("abs", "capitalize", "count", "d", "default", "e", "escape", "first", "float", "int", "last", "length",
                    "list", "lower", "max", "min", "reverse", "round", "sort", "string", "sum", "title", "trim", "unique", "upper", "wordcount")
# What a sentence may hold besides text: {{ ... }} and {% if %}; no loops, macros or variables.
_SENTENCE_STATEMENTS = (nodes.Output, nodes.If)


class FilterError(ValueError):
    """A filter was given something it cannot format (message in Vietnamese)."""


class Refused(SecurityError):
    """Something the sandbox does not allow (message in Vietnamese); `lineno` when found before rendering."""

    def __init__(self, message: str, lineno: int | None = None):
        super().__init__(message)
        self.lineno = lineno


class UnknownFilter(TemplateError):
    """A sentence used a filter that does not exist."""

    def __init__(self, name: str, lineno: int):
        super().__init__(name)
        self.name, self.lineno = name, lineno


class UndefinedName(TemplateError):
    """A sentence used a name that is not defined; keeps the object and the name."""

    def __init__(self, owner: Any, name: str):
        super().__init__(name)
        self.owner, self.name = owner, name


class _Undefined(StrictUndefined):
    """StrictUndefined whose error says which name was missing, and on what; unsafe names are refused."""

    __slots__ = ()

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        owner, name = self._undefined_obj, self._undefined_name or ""
        if self._undefined_exception is SecurityError:  # the sandbox found the name unsafe
            self._undefined_exception = lambda _message: Refused(f"không được dùng '{name}'")
        else:
            self._undefined_exception = lambda _message: UndefinedName(owner, name)


class Figures(dict):
    """The `so_lieu` mapping: figures by name."""


class _Sandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, also refusing work that would build huge strings or numbers."""

    intercepted_binops = frozenset(["*", "**", "%", "+"])

    def getattr(self, obj, attribute):  # type: ignore[override]
        if isinstance(obj, dict) and attribute in obj:  # a figure called 'items' or 'values' wins over dict methods
            return obj[attribute]
        return super().getattr(obj, attribute)

    def call_binop(self, context, operator, left, right):  # type: ignore[override]
        _before_binop(operator, left, right)
        return _checked(super().call_binop(context, operator, left, right))

    def call(self, context, obj, /, *args, **kwargs):  # type: ignore[override]
        if isinstance(getattr(getattr(obj, "__wrapped__", obj), "__self__", None), str):  # str.format comes wrapped
            raise Refused("không gọi hàm của chuỗi; hãy dùng bộ lọc, ví dụ {{ ten | upper }}")
        for argument in (*args, *kwargs.values()):
            _checked(argument, MAX_TEXT)
        return _checked(super().call(context, obj, *args, **kwargs))


def _before_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse an operation whose result would be too big to build at all."""
    if operator == "%" and isinstance(left, str):
        raise Refused("không định dạng chuỗi bằng '%'")
    if operator == "*" and isinstance(right, (str, list, tuple)):
        left, right = right, left
    if operator == "*" and isinstance(left, (str, list, tuple)) and _is_int(right) and len(left) * right > MAX_TEXT:
        raise Refused("chuỗi quá dài")
    if operator == "**" and _is_int(left) and _is_int(right) and right * (abs(left).bit_length() - 1) > MAX_NUMBER.bit_length():
        raise Refused("số quá lớn")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _checked(value: Any, largest: int = MAX_NUMBER) -> Any:
    """`value` if it is small enough to keep computing with; Refused otherwise."""
    if isinstance(value, (str, list, tuple, dict)) and len(value) > MAX_TEXT:
        raise Refused("chuỗi quá dài")
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool) and not _within(value, largest):
        raise Refused("số quá lớn")
    return value


def _within(number: int | float | Decimal, largest: int) -> bool:
    if isinstance(number, int):
        return abs(number) <= largest
    return math.isfinite(number) and abs(number) <= largest


def _bounded(jinja_filter: Callable[..., Any]) -> Callable[..., Any]:
    """A builtin filter whose result is checked (wraps keeps Jinja's pass_* marks)."""

    @wraps(jinja_filter)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        return _checked(jinja_filter(*args, **kwargs))

    return bounded


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
    if _value(x) is None:
        raise FilterError("Chưa có số để tính (giá trị trống).")
    try:
        return fmt.parse_vn_number(_value(x))
    except (ValueError, TypeError):
        raise FilterError(f"'{x}' không phải là một số.") from None


def _whole(x: Any) -> int:
    number = _number(x)
    if number != number.to_integral_value():
        raise FilterError(f"'{x}' không phải là số nguyên.")
    return int(number)


def _decimals(so_le: Any) -> int | None:
    """A number of decimals a clerk asked for: none, or a whole number from 0 to 6."""
    if so_le is not None and (isinstance(so_le, bool) or not isinstance(so_le, int) or not 0 <= so_le <= 6):
        raise FilterError(f"Số chữ số thập phân '{so_le}' không hợp lệ; ghi một số nguyên từ 0 đến 6.")
    return so_le


def so(x: Any, so_le: int | None = None) -> str:
    """1539.72 → '1.539,72'; a figure uses its own so_le unless one is given."""
    if so_le is None and isinstance(x, Figure):
        so_le = x.so_le
    return fmt.format_number(_number(x), _decimals(so_le))


def so_dv(figure: Any, so_le: int | None = None) -> str:
    """Number with its unit: '1.539,72 ha'."""
    unit = figure.don_vi if isinstance(figure, Figure) else ""
    return f"{so(figure, so_le)} {unit}".strip()


def phan_tram(x: Any, so_le: int = fmt.DEFAULT_PERCENT_DECIMALS) -> str:
    """A percentage number: 43.4 → '43,4%'."""
    return fmt.format_percent(_number(x), _decimals(so_le))


def ty_le(x: Any, tong: Any, so_le: int = fmt.DEFAULT_PERCENT_DECIMALS) -> str:
    """x as a percentage of tong: '43,4%'."""
    value = fmt.percent_of(_number(x), _number(tong), _decimals(so_le))
    if value is None:
        raise FilterError("Không tính được tỷ lệ khi mẫu số bằng 0.")
    return fmt.format_percent(value, so_le)


def so_ke_hoach(figure: Any, viet_tat: bool = False, so_le: int = fmt.DEFAULT_PERCENT_DECIMALS) -> str:
    """'đạt 48,2% kế hoạch' (viet_tat=true: 'đạt 48,2% KH')."""
    f = _need(figure, "ke_hoach")
    return fmt.format_ratio_to_plan(f.gia_tri, f.ke_hoach, short=viet_tat, decimals=_decimals(so_le))


def so_cung_ky(figure: Any, viet_tat: bool = False, so_le: int = fmt.DEFAULT_PERCENT_DECIMALS) -> str:
    """'bằng 101,3% so với cùng kỳ' (viet_tat=true: 'bằng 101,3% CK')."""
    f = _need(figure, "cung_ky")
    return fmt.format_ratio_to_same_period(f.gia_tri, f.cung_ky, short=viet_tat, decimals=_decimals(so_le))


def tang_giam(figure: Any, so_le: int = fmt.DEFAULT_PERCENT_DECIMALS) -> str:
    """'tăng 5,1% so với cùng kỳ' / 'giảm 3,0% so với cùng kỳ' / 'bằng cùng kỳ'."""
    f = _need(figure, "cung_ky")
    return fmt.format_change(f.gia_tri, f.cung_ky, decimals=_decimals(so_le))


def chenh_lech(figure: Any, so_le: int | None = None) -> str:
    """'tăng 12 ha so với cùng kỳ' (absolute difference)."""
    f = _need(figure, "cung_ky")
    return fmt.format_difference(f.gia_tri, f.cung_ky, decimals=_decimals(so_le) if so_le is not None else f.so_le, unit=f.don_vi)


def hai_chu_so(x: Any) -> str:
    """Counts below 10 with a leading zero: 5 → '05'."""
    return fmt.pad2(_whole(x))


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
    number = _whole(x)
    if not 1 <= number <= 3999:
        raise FilterError(f"Không viết được {number} bằng số La Mã (chỉ từ 1 đến 3999).")
    return fmt.roman(number)


def dong(x: Any) -> str:
    """1306903000 → '1.306.903.000 đồng'."""
    return fmt.format_dong(_number(x))


def trieu_dong(x: Any, so_le: int | None = None) -> str:
    """An amount in đồng shown in triệu đồng: 1306903000 → '1.306,903 triệu đồng'."""
    return fmt.format_million_dong(_number(x), _decimals(so_le))


FILTERS: dict[str, Callable[..., str]] = {
    f.__name__: f
    for f in (so, so_dv, phan_tram, ty_le, so_ke_hoach, so_cung_ky, tang_giam, chenh_lech, hai_chu_so, ngay, ngay_ngan, la_ma, dong, trieu_dong)
}


def _printable(value: Any) -> Any:
    """What `{{ ... }}` prints in a sentence: decimals the Vietnamese way; no Python reprs."""
    if isinstance(value, bool) or value is None:
        raise FilterError("Giá trị này không in được (trống hoặc đúng/sai); dùng một số liệu có giá trị.")
    if isinstance(value, int):
        return str(value)  # whole numbers print as typed, so years stay '2026' ('| so' groups thousands)
    if isinstance(value, (float, Decimal)):
        number = _number(value)
        if number.as_tuple().exponent < -6:
            raise FilterError(f"Kết quả {number:.8f}… có quá nhiều chữ số thập phân; làm tròn bằng bộ lọc, ví dụ {{{{ ... | so(1) }}}}.")
        return fmt.format_number(number)
    if isinstance(value, str) or type(value).__str__ is not object.__str__:
        return value
    raise FilterError("Không in trực tiếp được cả một nhóm; gọi một mục hoặc thuộc tính của nó, "
                      "ví dụ {{ so_lieu.ten | so }} hoặc {{ nhiem_vu.tong.da_hoan_thanh }}.")


def make_environment(autoescape: bool = False) -> ImmutableSandboxedEnvironment:
    """The sandbox every sentence and template renders in (sentences print through _printable)."""
    env = _Sandbox(undefined=_Undefined, autoescape=autoescape, keep_trailing_newline=False,
                   finalize=None if autoescape else _printable)
    env.filters = {name: _bounded(env.filters[name]) for name in _BUILTIN_FILTERS} | FILTERS
    del env.globals["lipsum"]  # Lorem ipsum has no place in a report, and lipsum(10**6) takes minutes
    return env


# ---- rendering with located errors -------------------------------------------------------


_SENTENCES = make_environment()


@lru_cache(maxsize=8192)
def _compiled(source: str) -> Template:
    """Compile a sentence once per process (a batch shares them), refusing what a sentence may not hold."""
    tree = _SENTENCES.parse(source)
    for node in tree.find_all((nodes.Stmt, nodes.Getattr, nodes.Filter)):
        if isinstance(node, nodes.Stmt) and not isinstance(node, _SENTENCE_STATEMENTS):
            raise Refused(f"câu văn không dùng thẻ {{% {type(node).__name__.lower()} %}}", node.lineno)
        if isinstance(node, nodes.Getattr) and node.attr.startswith("_"):
            raise Refused(f"không được dùng '{node.attr}'", node.lineno)
        if isinstance(node, nodes.Filter) and node.name not in _SENTENCES.filters:
            raise UnknownFilter(node.name, node.lineno)
    return _SENTENCES.from_string(tree)


_SAFE_HINT = "Câu văn chỉ được gọi số liệu và bộ lọc, ví dụ {{ so_lieu.ten | so }}."
_SYNTAX_HINT = "Mỗi '{{' phải có '}}' đi kèm; tên số liệu viết liền, không dấu cách, ví dụ {{ so_lieu.dien_tich_lua | so }}."
_SYNTAX_MESSAGES = {  # Jinja's message → what is wrong, in Vietnamese (the first that matches)
    "unexpected end of template": "câu đã hết mà biểu thức chưa được đóng",
    "expected token 'end of print statement'": "thiếu '}}', hoặc tên có dấu cách",
    "unexpected char": "có dấu nháy hoặc ký tự chưa được đóng",
    "Expected an expression": "trong {{ ... }} còn thiếu tên số liệu",
    "expected name or number": "thiếu tên sau dấu chấm",
    "unknown tag": "thẻ {% ... %} không hợp lệ; câu văn chỉ dùng {% if %} ... {% endif %}",
    "expected token": "thiếu hoặc thừa dấu ngoặc, dấu phẩy",
    "unexpected '": "thừa hoặc thiếu dấu ngoặc",
}


class Narrator:
    """Renders clerks' sentences against one report's context."""

    def __init__(self, context: Mapping[str, Any]):
        self.context = dict(context)

    def render(self, text: str, where: Location) -> str:
        """Render one sentence's Jinja expressions; whitespace runs become single spaces."""
        if "{" not in text:
            return " ".join(text.split())
        source, lines = _unfold(text, where)
        try:
            rendered = " ".join(_compiled(source).render(self.context).split())
        except Exception as exc:  # every failure of a clerk's expression becomes a located message
            raise BaocaoError(self._problem(exc, _line_of(where, lines, exc))) from None
        bad = XML_INVALID.search(rendered)
        if bad:
            raise BaocaoError(Problem(where, f"Biểu thức tạo ra ký tự điều khiển U+{ord(bad.group()):04X}, không dùng được trong văn bản.",
                                      "Xóa mã thoát (\\x.., \\u...) trong {{ ... }}."))
        return unicodedata.normalize("NFC", rendered)

    def _problem(self, exc: Exception, where: Location) -> Problem:
        if isinstance(exc, UndefinedName):
            return self._undefined(exc, where)
        if isinstance(exc, UnknownFilter):
            return Problem(where, f"Không có bộ lọc '{exc.name}'.", suggest(exc.name, FILTERS))
        if isinstance(exc, TemplateSyntaxError):
            return Problem(where, f"Biểu thức {{{{ ... }}}} viết sai: {syntax_message(exc)}.", _SYNTAX_HINT)
        if isinstance(exc, SecurityError):
            reason = str(exc) if isinstance(exc, Refused) else "thao tác bị chặn"
            return Problem(where, f"Biểu thức không được phép vì lý do an toàn ({reason}).", _SAFE_HINT)
        if isinstance(exc, FilterError):
            return Problem(where, str(exc), "Xem danh sách bộ lọc trong README.")
        if isinstance(exc, ArithmeticError):
            return Problem(where, "Không tính được biểu thức: chia cho 0, hoặc số quá lớn.", "Kiểm tra phép tính trong {{ ... }}.")
        if isinstance(exc, TypeError):
            return Problem(where, "Không tính được biểu thức: phép tính hoặc bộ lọc gặp giá trị không đúng kiểu (chữ thay cho số...).",
                           "Kiểm tra thứ tự phép tính và bộ lọc; bộ lọc | so đặt ở cuối, ví dụ {{ (so_lieu.a.gia_tri * 2) | so }}.")
        return Problem(where, f"Không tính được biểu thức ({exc}).", "Kiểm tra biểu thức trong {{ ... }}.")

    def _undefined(self, exc: UndefinedName, where: Location) -> Problem:
        owner, name = exc.owner, exc.name
        if isinstance(owner, Figures):
            return Problem(where, f"Số liệu '{name}' chưa được khai báo trong so_lieu.", suggest(name, owner))
        if isinstance(owner, Figure):
            fields = ["gia_tri", "don_vi", "ke_hoach", "cung_ky", "ty_le_ke_hoach", "ty_le_cung_ky", "chenh_lech"]
            return Problem(where, f"Số liệu '{owner.name}' không có thuộc tính '{name}'.", suggest(name, fields))
        if isinstance(owner, Mapping):
            return Problem(where, f"Không có mục '{name}'.", suggest(name, owner))
        return Problem(where, f"Tên '{name}' chưa được định nghĩa.",
                       suggest(name, self.context, "Tên dùng được trong câu: " + ", ".join(sorted(self.context)) + "."))

    def inlines(self, text: str, where: Location, note: Callable[[str, Location], Note] | None = None) -> list[Inline]:
        """Render a sentence and parse its inline markup; `note` resolves footnotes."""
        try:
            return parse_inline(self.render(text, where), lambda body: note(body, where) if note else _no_note())
        except MarkupError as exc:
            raise BaocaoError(Problem(where, str(exc), "Đóng cặp dấu đánh dấu, hoặc viết \\* để có dấu * thường.")) from None


def syntax_message(exc: TemplateSyntaxError) -> str:
    """What is wrong in a Jinja syntax error, in Vietnamese (sentences and Word templates)."""
    message = exc.message or ""
    what = next((vi for en, vi in _SYNTAX_MESSAGES.items() if en in message), f"cú pháp không hợp lệ ({message.rstrip('.')})")
    got = re.search(r"got '([^']+)'", message)
    return f"{what} (gặp '{got.group(1)}')" if got else what


def _unfold(text: str, where: Location) -> tuple[str, list[int]]:
    """The sentence with its file line breaks back, and the file line of each of its lines.

    YAML folds a '>-' sentence into one line. Rendering it unfolded gives the same text (runs of
    whitespace become one space afterwards) and lets Jinja's line numbers name the file line.
    """
    words, word_lines = text.split(), where.word_lines
    if not word_lines or len(words) != len(word_lines):
        return text, [where.line + i for i in range(text.count("\n") + 1)] if where.line else []
    parts = [words[0]]
    for word, line, previous in zip(words[1:], word_lines[1:], word_lines):
        parts.append(("\n" if line != previous else " ") + word)
    return "".join(parts), list(dict.fromkeys(word_lines))


def _line_of(where: Location, lines: list[int], exc: Exception) -> Location:
    """Where in the file an error of the template unfolded from `where` lies."""
    lineno = getattr(exc, "lineno", None) or _template_line(exc)
    if not lines or not 1 <= lineno <= len(lines):
        return where
    return Location(where.file, lines[lineno - 1], where.column if lineno == 1 else 0)


def _template_line(exc: Exception) -> int:
    """The template line a rendering error was raised on (Jinja rewrites tracebacks to show it)."""
    lines = [line for frame, line in traceback.walk_tb(exc.__traceback__) if frame.f_code.co_filename == "<template>"]
    return lines[-1] if lines else 1


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
