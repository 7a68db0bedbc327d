"""Narrative text: clerks' sentences rendered in the sandbox, then their inline markup parsed.

A sentence may cite figures (`{{ so_lieu.lua | so }}`), use the filters (filters.py), and carry
**bold**, *italic*, ^superscript^ and footnotes `[^...]` (markup.py). It never runs code (the
sandbox, sandbox.py), and every failure becomes a message located at the file's line.
"""

from __future__ import annotations

import re
import traceback
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

from jinja2 import Template, TemplateSyntaxError
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context as JinjaContext

from baocao import limits
from baocao.compose.filters import FILTERS, FilterError
from baocao.compose.markup import MarkupError, parse_inline
from baocao.compose.sandbox import (
    Refused,
    UndefinedName,
    UnknownFilter,
    compile_sentence,
    undefined_references,
    unknown_filters,
)
from baocao.document.model import Inline, Note
from baocao.errors import BaocaoError, Location, Problem, fail, suggest, told_elsewhere
from baocao.figures.figure import Figure, NoSuchPlan
from baocao.input.load import XML_INVALID
from baocao.limits import OverBudget
from baocao.messages import common
from baocao.messages import compose as msg


class Figures(dict):
    """The `so_lieu` mapping: figures by name, and the names of those that failed (their problems are
    told by the compute stage; citing one is no new problem)."""

    def __init__(self, figures: Mapping[str, Figure], failed: Iterable[str] = ()):
        super().__init__(figures)
        self.failed = frozenset(failed)


def find_figure(figures: Mapping[str, Figure], name: Any, where: Location) -> Figure:
    """The figure called `name` (a table row, a chart category); a located error when there is none."""
    figure = figures.get(str(name))
    if figure is None and isinstance(figures, Figures) and name in figures.failed:
        raise told_elsewhere()
    if figure is None:
        raise BaocaoError(
            Problem(
                where,
                msg.undeclared_figure(str(name)),
                suggest(str(name), figures, common.DECLARE_FIGURE_HINT),
            )
        )
    return figure


def breakdown_of(figures: Mapping[str, Figure], name: Any, where: Location, hint: str) -> list[Figure]:
    """The units of the roll-up figure `name` (a table's or a chart's `chi_tiet`); a located error, with `hint`,
    when the figure is not summed from lower-level reports (tong_tu)."""
    figure = find_figure(figures, name, where)
    if not figure.chi_tiet:
        raise fail(
            where,
            msg.not_rolled_up(figure.name),
            hint,
        )
    return list(figure.chi_tiet)


def plan_of(figure: Figure, plan: str, where: Location, drop: str, about: str = "") -> Decimal | None:
    """The figure's plan named `plan` (a table column's, a chart series'); a located error when it has none,
    its message after `about` ("Cột 'Kế hoạch': "), its hint ending in how to `drop` what asks for it."""
    try:
        return figure.plan(plan)
    except NoSuchPlan as exc:
        raise fail(where, f"{about}{exc}", msg.add_plan_or(drop)) from None


_EXPRESSION = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)


class Narrator:
    """Renders clerks' sentences against one report's context; `seen` hears of each sentence typed
    at a place and what it rendered to (the trust checks look there for typed slips)."""

    def __init__(
        self, context: Mapping[str, Any], seen: Callable[[str, str, Location], None] | None = None, text: str = ""
    ):
        self.context = dict(context)
        self.jinja: JinjaContext | None = None  # made with the first sentence (_run)
        self.seen = seen
        self.lines = text.splitlines()  # the report file's, to name the column of a misspelt name

    def render(self, text: str, where: Location) -> str:
        """Render one sentence's Jinja expressions; whitespace runs become single spaces."""
        try:
            rendered = self._render(text, where)
        except BaocaoError:
            if self.seen:  # the slips typed around a failing expression are told with its problem
                self.seen(text, " ".join(_EXPRESSION.sub(" ", text).split()), where)
            raise
        if self.seen:
            self.seen(text, rendered, where)
        return rendered

    def _render(self, text: str, where: Location) -> str:
        if "{" not in text:
            return " ".join(text.split())
        source, lines = _unfold(text, where)
        try:
            with limits.time_limit(limits.SENTENCE_SECONDS), limits.render_budget(limits.MAX_TEXT, 0):
                rendered = " ".join(self._run(compile_sentence(source)).split())
        except Exception as exc:  # every failure of a clerk's expression becomes a located message
            if isinstance(exc, (UndefinedName, UnknownFilter)):
                raise BaocaoError(self._all_unknown(exc, source, where, lines)) from None
            raise BaocaoError(self._problem(exc, _line_of(where, lines, exc))) from None
        bad = XML_INVALID.search(rendered)
        if bad:
            raise BaocaoError(
                Problem(
                    where,
                    msg.control_character(f"{ord(bad.group()):04X}"),
                    msg.CONTROL_CHARACTER_HINT,
                )
            )
        return unicodedata.normalize("NFC", rendered)

    def _all_unknown(
        self, exc: UndefinedName | UnknownFilter, source: str, where: Location, lines: list[int]
    ) -> list[Problem]:
        """Every unknown filter and undefined name of the sentence, not only the one met first (`exc`), each
        at its line and column; a figure that failed to compute is told elsewhere."""
        found: list[tuple[int, UndefinedName | UnknownFilter]] = [
            (line, UnknownFilter(name, line)) for line, name in unknown_filters(source)
        ]
        found += [
            (line, UndefinedName(owner, name)) for line, owner, name in undefined_references(source, self.context)
        ]
        if isinstance(exc, UndefinedName) and not any(
            isinstance(e, UndefinedName) and e.name == exc.name and e.owner is exc.owner for _, e in found
        ):
            found.append((getattr(exc, "lineno", None) or _template_line(exc), exc))
        return [
            self._problem(e, _line_at(where, lines, line))
            for line, e in sorted(found, key=lambda item: item[0])
            if not (isinstance(e, UndefinedName) and isinstance(e.owner, Figures) and e.name in e.owner.failed)
        ]

    def _run(self, template: Template) -> str:
        """template.render(self.context), through one Jinja context for all the report's sentences, made
        once (a sentence sets no variable: it holds only {{ ... }} and {% if %}, see compile_sentence)."""
        if self.jinja is None:
            self.jinja = template.new_context(self.context)
        try:
            return template.environment.concat(template.root_render_func(self.jinja))
        except Exception:
            template.environment.handle_exception()  # as Template.render: the traceback names the sentence's lines

    def _problem(self, exc: Exception, where: Location) -> Problem:
        if isinstance(exc, UndefinedName):
            return self._undefined(exc, self._at(where, exc.name))
        if isinstance(exc, UnknownFilter):
            return Problem(self._at(where, exc.name), common.unknown_filter(exc.name), suggest(exc.name, FILTERS))
        if isinstance(exc, TemplateSyntaxError):
            return Problem(where, msg.bad_expression(syntax_message(exc)), msg.SYNTAX_HINT)
        return Problem(where, *expression_fault(exc))

    def _at(self, where: Location, name: str) -> Location:
        """`where` with the column of `name` on its line (the first one there, from its column on)."""
        line = self.lines[where.line - 1] if 0 < where.line <= len(self.lines) else ""
        found = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)").search(line, max(where.column - 1, 0))
        return Location(where.file, where.line, found.start() + 1, where.word_lines) if found else where

    def _undefined(self, exc: UndefinedName, where: Location) -> Problem:
        owner, name = exc.owner, exc.name
        if isinstance(owner, Figures):
            return Problem(where, msg.undeclared_figure(name), suggest(name, owner))
        if isinstance(owner, Figure):
            fields = ["gia_tri", "don_vi", "ke_hoach", "cung_ky", "ty_le_ke_hoach", "ty_le_cung_ky", "chenh_lech"]
            return Problem(where, msg.no_attribute(owner.name, name), suggest(name, fields))
        if isinstance(owner, Mapping):
            return Problem(where, msg.no_item(name), suggest(name, owner))
        return Problem(
            where,
            msg.undefined_name(name),
            suggest(name, self.context, msg.usable_in_sentences(", ".join(sorted(self.context)))),
        )

    def inlines(self, text: str, where: Location, note: Callable[[str, Location], Note] | None = None) -> list[Inline]:
        """Render a sentence and parse its inline markup; `note` resolves footnotes."""
        return self.markup(self.render(text, where), where, note)

    @staticmethod
    def markup(rendered: str, where: Location, note: Callable[[str, Location], Note] | None = None) -> list[Inline]:
        """Parse the inline markup of a sentence already rendered (a footnote's text within its sentence)."""
        try:
            return parse_inline(rendered, lambda body: note(body, where) if note else _no_note())
        except MarkupError as exc:
            raise BaocaoError(Problem(where, str(exc), msg.CLOSE_MARKUP_HINT)) from None


def expression_fault(exc: Exception) -> tuple[str, str]:
    """What went wrong computing an expression, and what to do (a sentence's; a Word template's
    frame shows the message): refused by the sandbox, a filter's own message, a bad operation."""
    if isinstance(exc, SecurityError):
        return msg.refused(str(exc) if isinstance(exc, Refused) else msg.BLOCKED), msg.SAFE_HINT
    if isinstance(exc, (OverBudget, RecursionError, MemoryError)):
        return msg.over_limit(str(exc) if isinstance(exc, OverBudget) else msg.TOO_DEEP), msg.OVER_LIMIT_HINT
    if isinstance(exc, FilterError):
        return str(exc), msg.FILTER_LIST_HINT
    if isinstance(exc, ArithmeticError):
        return msg.ARITHMETIC, msg.ARITHMETIC_HINT
    if isinstance(exc, TypeError):
        return msg.WRONG_TYPE, msg.WRONG_TYPE_HINT
    return msg.expression_failed(str(exc)), msg.EXPRESSION_HINT


def syntax_message(exc: TemplateSyntaxError) -> str:
    """What is wrong in a Jinja syntax error, in Vietnamese (sentences and Word templates)."""
    message = exc.message or ""
    what = next((vi for en, vi in msg.SYNTAX_MESSAGES.items() if en in message), msg.other_syntax(message.rstrip(".")))
    got = re.search(r"got '([^']+)'", message)
    return msg.syntax_got(what, got.group(1)) if got else what


def _unfold(text: str, where: Location) -> tuple[str, list[int]]:
    """The sentence with its file line breaks back, and the file line of each of its lines.

    YAML folds a '>-' sentence into one line. Rendering it unfolded gives the same text (runs of
    whitespace become one space afterwards) and lets Jinja's line numbers name the file line.
    """
    word_lines = where.word_lines
    words = text.split() if word_lines else []
    if not word_lines or len(words) != len(word_lines):
        return text, [where.line + i for i in range(text.count("\n") + 1)] if where.line else []
    parts = [words[0]]
    for word, line, previous in zip(words[1:], word_lines[1:], word_lines[:-1], strict=True):
        parts.append(("\n" if line != previous else " ") + word)
    return "".join(parts), list(dict.fromkeys(word_lines))


def _line_of(where: Location, lines: list[int], exc: Exception) -> Location:
    """Where in the file an error of the template unfolded from `where` lies."""
    return _line_at(where, lines, getattr(exc, "lineno", None) or _template_line(exc))


def _line_at(where: Location, lines: list[int], lineno: int) -> Location:
    """Where in the file line `lineno` of the template unfolded from `where` lies."""
    if not lines or not 1 <= lineno <= len(lines):
        return where
    return Location(where.file, lines[lineno - 1], where.column if lineno == 1 else 0)


def _template_line(exc: Exception) -> int:
    """The template line a rendering error was raised on (Jinja rewrites tracebacks to show it)."""
    lines = [line for frame, line in traceback.walk_tb(exc.__traceback__) if frame.f_code.co_filename == "<template>"]
    return lines[-1] if lines else 1


def _no_note() -> Note:
    raise MarkupError(msg.NOTE_IN_NOTE)
