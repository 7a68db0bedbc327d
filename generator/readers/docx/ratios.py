"""Ratio phrases of a report's prose and what they say about a figure (`baocao import --so-lieu`).

A phrase states a plan ("đạt 48,2% kế hoạch", "vượt 5% KH") or the same period ("bằng 101,3% CK", "tăng 5,1%
so với cùng kỳ", "giảm 35 hộ so với cùng kỳ") relative to the number before it. `base_for` finds the plan or
same-period value that makes the build print the stated ratio (the simplest one: fewest decimals, nearest to
the exact quotient); `house_wording` picks the unit's `cach_viet` from the phrases a report uses most.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from baocao.conventions.figure_words import (
    AND,
    COMPARED_TO,
    NAMED_PLAN_HEADS,
    OVER,
    PLAN_WORDS,
    RATIO_VERBS,
    SAME_WORDS,
    UP,
)
from baocao.figures.figure import percent
from baocao.input.figure_model import CachViet

NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
MAX_DECIMALS = 6


def alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s") for w in sorted(words, key=len, reverse=True))


_PLAN, _SAME, _VERB = alternatives(PLAN_WORDS), alternatives(SAME_WORDS), alternatives(RATIO_VERBS)
#: A named plan: 'Nghị quyết HĐND xã', 'so với dự toán tỉnh giao', 'chỉ tiêu huyện giao' (to the clause end).
_NAMED = (
    rf"(?:{alternatives([COMPARED_TO])}\s)?(?:{alternatives(NAMED_PLAN_HEADS)})(?:\s[^\s,;.:()\[\]]+){{0,5}}?"
    rf"(?=\s*(?:$|[,;.:()\[\]])|\s{AND}\s)"
)
#: A ratio phrase; `join` is the space between '%' and the words (none: 'đạt 127%KH' cannot be printed back).
RATIO = (
    rf"(?:(?P<verb>{_VERB})\s)?(?P<ratio>{NUMBER})%(?P<join>\s?)(?:(?P<plan>{_PLAN})|(?P<same>{_SAME}))(?!\w)"
    rf"|{OVER}\s(?P<over>{NUMBER})%(?P<ojoin>\s?)(?P<oplan>{_PLAN})(?!\w)"
    rf"|(?:(?P<nverb>{_VERB})\s)?(?P<named>{NUMBER})%\s(?P<nplan>{_NAMED})"
)


@dataclass(frozen=True)
class Phrase:
    """A ratio phrase: its kind (plan, same, change, over, named: a named plan), verb, stated number and its
    decimals, words."""

    kind: str
    verb: str
    number: Decimal
    decimals: int
    words: str
    joined: bool = True  # a space between '%' and the words, as the build writes it
    unit: str = ""  # a change stated in the figure's unit ('tăng 12 ha'): its unit
    shown: str = ""  # the number as written ('101,3')

    @property
    def slot(self) -> str:
        return "ke_hoach" if self.kind in ("plan", "over", "named") else "cung_ky"

    def ratio(self) -> Decimal:
        """The value as a percentage of the plan or same period the phrase implies."""
        if self.kind == "over":
            return 100 + self.number
        if self.kind == "change":
            return 100 + self.number if self.verb == UP else 100 - self.number
        return self.number


def base_for(value: Decimal, ratio: Decimal, decimals: int) -> Decimal | None:
    """The simplest base (plan, same period) for which `value` is `ratio`% once rounded half up to `decimals`.

    >>> base_for(Decimal(4597), Decimal("101.3"), 1), base_for(Decimal("1507.0"), Decimal(99), 0)
    (Decimal('4538'), Decimal('1522'))
    """
    if value <= 0 or ratio <= 0:
        return None
    target = value * 100 / ratio
    for places in range(MAX_DECIMALS + 1):
        step = Decimal(1).scaleb(-places)
        middle = (target / step).to_integral_value(ROUND_HALF_UP) * step
        found = [c for c in (middle, middle - step, middle + step) if c > 0 and percent(value, c, decimals) == ratio]
        if found:
            return min(found, key=lambda c: abs(c - target))
    return None


def house_wording(phrases: Iterable[Phrase], known: CachViet | None = None) -> CachViet:
    """The wording a report uses most: verbs and words for plans and the same period (two forms each: the most
    used and, shorter, the next); the same period's long form is the one 'tăng/giảm … so với cùng kỳ' uses."""
    verbs: dict[str, Counter[str]] = {"plan": Counter(), "same": Counter()}
    words: dict[str, Counter[str]] = {"plan": Counter(), "same": Counter(), "change": Counter()}
    for phrase in phrases:
        if not phrase.joined:
            continue
        kind = "plan" if phrase.kind in ("over", "named") else phrase.kind
        if kind in verbs and phrase.kind != "over":
            verbs[kind][phrase.verb] += 1
        if phrase.kind != "named":  # its words name the plan (ten_ke_hoach)
            words[kind][phrase.words] += 1
    chosen = (known or CachViet.model_validate({})).model_dump()
    if verbs["plan"]:
        chosen["dat_ke_hoach"] = verbs["plan"].most_common(1)[0][0]
    if verbs["same"]:
        chosen["bang_cung_ky"] = verbs["same"].most_common(1)[0][0]
    chosen["ke_hoach"], chosen["ke_hoach_tat"] = _long_short(words["plan"], chosen["ke_hoach"], chosen["ke_hoach_tat"])
    same = words["same"]
    if words["change"]:
        long = words["change"].most_common(1)[0][0]
        others = Counter({w: n for w, n in same.items() if w != long})
        short = others.most_common(1)[0][0] if others else chosen["cung_ky_tat"]
        chosen["cung_ky"], chosen["cung_ky_tat"] = long, short
    else:
        chosen["cung_ky"], chosen["cung_ky_tat"] = _long_short(same, chosen["cung_ky"], chosen["cung_ky_tat"])
    return CachViet.model_validate(chosen)


def _long_short(counts: Counter[str], long: str, short: str) -> tuple[str, str]:
    """The two most used forms, the shorter as the abbreviation; one form takes the slot its default has."""
    top = [w for w, _ in counts.most_common(2)]
    if len(top) == 2:
        a, b = top
        return (a, b) if len(a) >= len(b) else (b, a)
    if len(top) == 1:
        (only,) = top
        return (long, only) if only == short else (only, short)
    return long, short
