"""What may print a piece of a sentence from a figure (`baocao import --so-lieu`; used by `prose`).

Each candidate is a `Call`: the citation as the sentence writes it, the same call run here on the figure as the
build makes it, and the part of the piece it prints ('' for all of it; the rest stays as text). `prose` keeps the
first candidate that prints the piece back character for character.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import NamedTuple

from baocao.compose import filters
from baocao.conventions.figure_words import DOWN, UP
from baocao.figures.figure import Figure
from baocao.readers.docx.ratios import Phrase


class Call(NamedTuple):
    """A citation, the same call run on a figure, and the part of the piece it prints ('': all of it)."""

    cite: str
    render: Callable[[Figure], str]
    part: str = ""


def prints(render: Callable[[Figure], str], figure: Figure) -> str | None:
    """What `render` prints for `figure`; None where the build's filter refuses it."""
    try:
        return render(figure)
    except (filters.FilterError, TypeError, ValueError, ArithmeticError):
        return None


def args(values: list) -> str:
    return f"({', '.join(str(v) for v in values)})" if values else ""


def _cite(expression: str, call: str) -> str:
    return "{{ " + expression + " | " + call + " }}"


def value_calls(name: str, number: str, whole: str, negated: bool) -> list[Call]:
    """What may print a figure's number `number` (written as in the text); `whole`: the number with its unit when
    so_dv may print both ('4.597 ha', '61,6%'), else ''. `negated`: the text says the sign in a word ('âm 2,3%',
    'giảm 2,3%'), so the number printed is the value with its sign turned."""
    figure = f"so_lieu.{name}"
    decimals = len(number.partition(",")[2])
    places = [decimals] if decimals else []
    if negated:
        opposite = f"(-{figure}.gia_tri)"
        if whole.endswith("%"):
            percent = [] if decimals == 1 else [decimals]
            return [
                Call(_cite(opposite, "phan_tram" + args(percent)), lambda f: filters.phan_tram(-_value(f), decimals))
            ]
        return [Call(_cite(opposite, "so" + args(places)), lambda f: filters.so(-_value(f), *places), number)]
    calls = [Call(_cite(figure, "so_dv"), filters.so_dv)] if whole else []
    calls += [
        Call(_cite(figure, "so"), filters.so, number),
        Call(_cite(figure, "hai_chu_so"), filters.hai_chu_so, number),
        Call(_cite(f"{figure}.gia_tri", "int"), lambda f: str(int(_value(f))), number),  # '1539 ha', typed ungrouped
    ]
    return calls


def plan_calls(name: str, number: str, with_unit: str) -> list[Call]:
    """What may print a figure's plan written `number` (the total of '07/12 cuộc'); `with_unit`: '12 cuộc'."""
    plan = f"so_lieu.{name}.ke_hoach"
    return [
        Call(_cite(f"so_lieu.{name}", "ke_hoach"), filters.ke_hoach, with_unit),
        Call(_cite(plan, "so"), lambda f: filters.so(f.ke_hoach), number),
        Call(_cite(plan, "hai_chu_so"), lambda f: filters.hai_chu_so(f.ke_hoach), number),
    ]


def named_call(name: str, plan: str, decimals: int) -> Call:
    """What prints a ratio to the named plan `plan`: 'đạt 58% so với dự toán tỉnh giao'."""
    places = [] if decimals == 1 else [decimals]
    return Call(
        _cite(f"so_lieu.{name}", "so_ke_hoach" + args([repr(plan), *places])),
        lambda f: filters.so_ke_hoach(f, plan, *places),
    )


def _value(figure: Figure) -> Decimal:
    assert figure.gia_tri is not None
    return figure.gia_tri


def difference(phrase: Phrase, figure: Figure) -> bool:
    """'tăng 12 ha so với cùng kỳ', or a percentage figure's change in points: a difference, not a ratio."""
    return phrase.kind == "change" and bool(phrase.unit or figure.don_vi == "%")


def _change_printer(call: str, up: bool) -> Callable[[Figure], str]:
    """The filter `call` on the figure's change from the same period ('tăng': value − same period, else reverse)."""

    def printed(figure: Figure) -> str:
        value, previous = figure.gia_tri, figure.cung_ky
        assert value is not None and previous is not None
        return filters.FILTERS[call](value - previous if up else previous - value)

    return printed


def ratio_calls(phrase: Phrase, name: str, is_difference: bool) -> list[Call]:
    """What may print the phrase. The house wording's filter first; then the ratio attribute printed by
    phan_tram (or the difference by so, hai_chu_so), the words kept as text (another wording, '127%KH' written
    together, 'vượt 5%', 'tăng 03 vụ')."""
    d = phrase.decimals
    places = [] if d == 1 else [d]
    figure = f"so_lieu.{name}"
    if is_difference:
        up = phrase.verb == UP
        change = f"{figure}.chenh_lech" if up else f"({figure}.cung_ky - {figure}.gia_tri)"
        calls = [
            Call(_cite(figure, "chenh_lech"), filters.chenh_lech),
            Call(_cite(figure, f"chenh_lech({d})"), lambda f: filters.chenh_lech(f, d)),
        ]
        if phrase.unit:
            calls += [
                Call(_cite(change, call), _change_printer(call, up), phrase.shown) for call in ("so", "hai_chu_so")
            ]
        return calls
    calls = []
    if phrase.joined and phrase.kind in ("plan", "same"):
        called = "so_ke_hoach" if phrase.kind == "plan" else "so_cung_ky"
        run = filters.FILTERS[called]
        calls += [
            Call(_cite(figure, called + args(places)), lambda f: run(f, *places)),
            Call(_cite(figure, called + args(["true", *places])), lambda f: run(f, True, *places)),
        ]
    if phrase.joined and phrase.kind == "change":
        calls.append(Call(_cite(figure, "tang_giam" + args(places)), lambda f: filters.tang_giam(f, d)))
    if d <= 1:
        attribute = "ty_le_ke_hoach" if phrase.slot == "ke_hoach" else "ty_le_cung_ky"
        ratio = f"{figure}.{attribute}"
        if phrase.kind in ("plan", "same"):
            expression, number = ratio, lambda f: getattr(f, attribute)
        elif phrase.verb == DOWN:
            expression, number = f"(100 - {ratio})", lambda f: 100 - getattr(f, attribute)
        else:  # vượt, tăng
            expression, number = f"({ratio} - 100)", lambda f: getattr(f, attribute) - 100
        calls.append(
            Call(
                _cite(expression, "phan_tram" + args(places)),
                lambda f: filters.phan_tram(number(f), d),
                f"{phrase.shown}%",
            )
        )
    return calls


def first_printing(calls: list[Call], figure: Figure, piece: str) -> str | None:
    """The piece with the first candidate that prints its part (or all of it) in place; None if none does."""
    for call in calls:
        if prints(call.render, figure) == (call.part or piece):
            return piece.replace(call.part, call.cite, 1) if call.part else call.cite
    return None
