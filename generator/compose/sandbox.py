"""The sandbox every clerk's sentence and every Word template renders in.

An immutable sandbox with StrictUndefined: no attribute starting with '_', no method of a string,
no expression building huge strings or numbers; a sentence holds only {{ ... }} and {% if %} and
prints numbers the Vietnamese way. Failures are Jinja errors, or the ones below (narrative.py
turns them into located messages).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache, wraps
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateError, Undefined, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.runtime import markup_join, str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment

from baocao import limits
from baocao.compose.filters import FILTERS, FilterError, to_number
from baocao.conventions import formatting as fmt
from baocao.limits import MAX_NUMBER, MAX_TEXT, OverBudget
from baocao.messages import common
from baocao.messages import compose as msg

# Jinja's own filters kept in the sandbox: none takes a size ('center(10**9)'); results are checked.
_BUILTIN_FILTERS = (
    "abs",
    "capitalize",
    "count",
    "d",
    "default",
    "e",
    "escape",
    "first",
    "float",
    "int",
    "last",
    "length",
    "list",
    "lower",
    "max",
    "min",
    "reverse",
    "round",
    "sort",
    "string",
    "sum",
    "title",
    "trim",
    "unique",
    "upper",
    "wordcount",
)
# What a sentence may hold besides text: {{ ... }} and {% if %}; no loops, macros or variables.
_SENTENCE_STATEMENTS = (nodes.Output, nodes.If)


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
            self._undefined_exception = lambda _message: Refused(msg.not_allowed(name))  # type: ignore[assignment]
        else:
            self._undefined_exception = lambda _message: UndefinedName(owner, name)  # type: ignore[assignment]


class _BudgetedCode(CodeGenerator):
    """Jinja's code generator, charging each loop turn and each `~` to the budget (baocao.limits)."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        fixed = sum(len(data.data) for child in node.body for data in child.find_all(nodes.TemplateData))
        budgeted = nodes.Call(
            nodes.EnvironmentAttribute("budgeted_loop"),
            [node.iter, nodes.Const(fixed)],
            [],
            None,
            None,
            lineno=node.iter.lineno,
        )
        super().visit_For(
            nodes.For(node.target, budgeted, node.body, node.else_, node.test, node.recursive, lineno=node.lineno),
            frame,
        )

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.joined(context, (")
        for argument in node.nodes:
            self.visit(argument, frame)
            self.write(", ")
        self.write("))")


class _Sandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, also refusing work that would build huge strings or numbers, or take too long."""

    intercepted_binops = frozenset(["*", "**", "%", "+"])
    code_generator_class = _BudgetedCode
    max_output = MAX_TEXT  # characters one render may print

    @staticmethod
    def budgeted_loop(items: Any, fixed: int) -> Any:
        """A loop's items, each turn charged with the fixed text of the loop's body."""
        return limits.loop(items, fixed)

    @staticmethod
    def joined(context: Any, values: tuple[Any, ...]) -> str:
        """`a ~ b`, refused before it is built when too long."""
        if sum(limits.weight(value) for value in values) > MAX_TEXT:
            raise Refused(msg.STRING_TOO_LONG)
        return (markup_join if context.eval_ctx.autoescape else str_join)(values)

    def concat(self, pieces: Any) -> str:  # Template.render joins its output with it
        kept, size = [], 0
        for piece in pieces:
            size += len(piece)
            if size > self.max_output:
                raise OverBudget(common.OUTPUT_TOO_LONG)
            kept.append(piece)
        return "".join(kept)

    def getattr(self, obj, attribute):
        if isinstance(obj, dict) and attribute in obj:  # a figure called 'items' or 'values' wins over dict methods
            return obj[attribute]
        return super().getattr(obj, attribute)

    def call_binop(self, context, operator, left, right):
        limits.check_time()
        _before_binop(operator, left, right)
        return _checked(super().call_binop(context, operator, left, right))

    def call(self, context, obj, /, *args, **kwargs):
        if isinstance(getattr(getattr(obj, "__wrapped__", obj), "__self__", None), str):  # str.format comes wrapped
            raise Refused(msg.NO_STRING_METHODS)
        limits.check_time()
        for argument in (*args, *kwargs.values()):
            _checked(argument, MAX_TEXT)
        return _checked(super().call(context, obj, *args, **kwargs))


def _before_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse an operation whose result would be too big to build at all."""
    if operator == "%" and isinstance(left, str):
        raise Refused(msg.NO_PERCENT_FORMAT)
    if operator == "*" and isinstance(right, (str, list, tuple)):
        left, right = right, left
    if (
        operator == "*"
        and isinstance(left, (str, list, tuple))
        and _is_int(right)
        and limits.weight(left) * right > MAX_TEXT
    ):
        raise Refused(msg.STRING_TOO_LONG)
    if operator == "+" and limits.weight(left) + limits.weight(right) > 2 * MAX_TEXT:
        raise Refused(msg.STRING_TOO_LONG)
    if (
        operator == "**"
        and _is_int(left)
        and _is_int(right)
        and right * (abs(left).bit_length() - 1) > MAX_NUMBER.bit_length()
    ):
        raise Refused(msg.NUMBER_TOO_BIG)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _checked(value: Any, largest: int = MAX_NUMBER) -> Any:
    """`value` if it is small enough to keep computing with; Refused otherwise."""
    if isinstance(value, (str, list, tuple, dict)) and limits.weight(value) > MAX_TEXT:
        raise Refused(msg.STRING_TOO_LONG)
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool) and not _within(value, largest):
        raise Refused(msg.NUMBER_TOO_BIG)
    return value


def _within(number: int | float | Decimal, largest: int) -> bool:
    if isinstance(number, int):
        return abs(number) <= largest
    return math.isfinite(number) and abs(number) <= largest  # type: ignore[operator]  # mypy: abs() of a union is object


def _bounded(jinja_filter: Callable[..., Any]) -> Callable[..., Any]:
    """A builtin filter whose arguments and result are checked (wraps keeps Jinja's pass_* marks)."""

    @wraps(jinja_filter)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        limits.check_time()
        if sum(limits.weight(argument) for argument in (*args, *kwargs.values())) > MAX_TEXT:
            raise Refused(msg.STRING_TOO_LONG)
        return _checked(jinja_filter(*args, **kwargs))

    return bounded


def _charged(value: Any) -> Any:
    """What `{{ ... }}` prints in a Word template: the value, charged to the render's budget."""
    limits.spend(limits.weight(value, MAX_TEXT))
    return value


def _printable(value: Any) -> Any:
    """What `{{ ... }}` prints in a sentence: decimals the Vietnamese way; no Python reprs."""
    limits.spend(limits.weight(value, MAX_TEXT))
    if type(value) is str:  # the common case: a filter's text
        return value
    if isinstance(value, bool) or value is None:
        raise FilterError(msg.NOT_PRINTABLE)
    if isinstance(value, int):
        return str(value)  # whole numbers print as typed, so years stay '2026' ('| so' groups thousands)
    if isinstance(value, (float, Decimal)):
        number = to_number(value)
        exponent = number.as_tuple().exponent
        assert isinstance(exponent, int)  # to_number's numbers are finite
        if exponent < -6:
            raise FilterError(msg.too_many_decimals(f"{number:.8f}".replace(".", ",")))
        return fmt.format_number(number)
    if isinstance(value, str) or type(value).__str__ is not object.__str__:
        return value
    raise FilterError(msg.WHOLE_GROUP)


def make_environment(autoescape: bool = False) -> ImmutableSandboxedEnvironment:
    """The sandbox every sentence and template renders in (sentences print through _printable)."""
    env = _Sandbox(
        undefined=_Undefined,
        autoescape=autoescape,
        keep_trailing_newline=False,
        finalize=_charged if autoescape else _printable,
    )
    env.max_output = limits.MAX_TEMPLATE_OUTPUT if autoescape else MAX_TEXT
    env.filters = {name: _bounded(env.filters[name]) for name in _BUILTIN_FILTERS} | FILTERS
    del env.globals["lipsum"]  # Lorem ipsum has no place in a report, and lipsum(10**6) takes minutes
    return env


_SENTENCES = make_environment()


@lru_cache(maxsize=8192)
def compile_sentence(source: str) -> Template:
    """Compile a sentence once per process (a batch shares them), refusing what a sentence may not hold."""
    tree = _SENTENCES.parse(source)
    for node in tree.find_all((nodes.Stmt, nodes.Getattr, nodes.Filter)):
        if isinstance(node, nodes.Stmt) and not isinstance(node, _SENTENCE_STATEMENTS):
            raise Refused(msg.no_tag_in_sentences(type(node).__name__.lower()), node.lineno)
        if isinstance(node, nodes.Getattr) and node.attr.startswith("_"):
            raise Refused(msg.not_allowed(node.attr), node.lineno)
        if isinstance(node, nodes.Filter) and node.name not in _SENTENCES.filters:
            raise UnknownFilter(node.name, node.lineno)
    return _SENTENCES.from_string(tree)


def undefined_references(source: str, context: dict[str, Any]) -> list[tuple[int, Any, str]]:
    """Every name a sentence reads that `context` lacks, in the order written: (template line, the
    mapping or object it was looked up on (None for a top-level name), the name).

    Rendering stops at the first undefined name; this reads the whole sentence, so all of them are told.
    A lookup on something not known without rendering (a filter's result, a computed key) is skipped.
    """
    missing: list[tuple[int, Any, str]] = []

    def value(node: nodes.Node) -> Any:
        """What `node` reads (an Undefined when missing), or None when it cannot be known without rendering."""
        if isinstance(node, nodes.Name):
            if node.name in context:
                return context[node.name]
            missing.append((node.lineno, None, node.name))
            return None
        if isinstance(node, (nodes.Getattr, nodes.Getitem)):
            owner = value(node.node)
            key = node.attr if isinstance(node, nodes.Getattr) else getattr(node.arg, "value", None)
            if owner is None or not isinstance(key, str) or key.startswith("_"):
                return None
            found = (
                _SENTENCES.getattr(owner, key) if isinstance(node, nodes.Getattr) else _SENTENCES.getitem(owner, key)
            )
            if isinstance(found, Undefined):
                missing.append((node.lineno, owner, key))
                return None
            return found
        for child in node.iter_child_nodes():
            value(child)
        return None

    value(_SENTENCES.parse(source))
    return _unique(missing)


def unknown_filters(source: str) -> list[tuple[int, str]]:
    """Every filter a sentence uses that does not exist: (template line, name), in the order written."""
    return [
        (node.lineno, node.name)
        for node in _SENTENCES.parse(source).find_all(nodes.Filter)
        if node.name not in _SENTENCES.filters
    ]


def _unique(found: list[tuple[int, Any, str]]) -> list[tuple[int, Any, str]]:
    """Each (line, owner, name) once, by line then order written."""
    seen: set[tuple[int, int, str]] = set()
    kept = []
    for line, owner, name in found:
        if (line, id(owner), name) not in seen:
            seen.add((line, id(owner), name))
            kept.append((line, owner, name))
    return sorted(kept, key=lambda item: item[0])
