"""Figures read from a report's sentences (`baocao import --so-lieu`).

A number with a unit ("4.597 ha", "09 văn bản", "61,6%", "1539 ha", "-2,3%", "âm 2,3%") or a count out of a total
("07/12 cuộc") and the ratio phrases right after it ("đạt 101,3% KH, bằng 100% so CK", "tăng 12 ha so với cùng
kỳ") become one figure and the filters that print them; plan and same-period values come from the stated ratios
(`ratios.base_for`) and are commented as derived. A phrase with no number before it in its clause is about an
earlier figure only where that is certain: the one figure of its unit in its sentence ("giảm 03 vụ so CK"), or
the one figure named by the words before it. Every piece is checked by calling the build's own filter on the
figure as the build will make it (`citations`): what does not print back character for character stays as text
and is listed (`FigureBook.unplaced`). The sentence is the importer's markup text (escaped, `**bold**`), so a
replaced piece never crosses a mark.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from baocao.conventions import figure_words as words_
from baocao.conventions.figure_words import (
    AND,
    DOWN,
    NEGATIVE,
    OVER,
    RATIO_VERBS,
    SAME_WORDS,
    SCALES,
    STOP_WORDS,
    UNITS,
    UP,
)
from baocao.figures.figure import percent
from baocao.messages import readers as msg
from baocao.readers.docx.citations import (
    difference,
    first_printing,
    named_call,
    plan_calls,
    ratio_calls,
    value_calls,
)
from baocao.readers.docx.content import Para
from baocao.readers.docx.figures import FigureBook, read_shown
from baocao.readers.docx.ratios import NUMBER, RATIO, Phrase, alternatives, base_for, house_wording

_SHOWN_UNITS = {"m^2^": "m²", "m^3^": "m³"}  # printed by `so`, the unit's markup kept as text
_COUNT = r"\d{1,3}(?:\.\d{3})*"
_UNIT = rf"(?:(?:{alternatives(SCALES)})\s)?(?:{alternatives(UNITS)})"  # '64,2 nghìn con': the unit is 'nghìn con'
_SAME = alternatives(SAME_WORDS)
_TOKEN = re.compile(
    rf"(?<![\w.,/\\^-])(?:{RATIO}"
    rf"|(?P<change>{UP}|{DOWN})\s(?P<step>{NUMBER})(?:(?P<spct>%)|\s(?P<sunit>{_UNIT}))\s(?P<swords>{_SAME})(?!\w)"
    rf"|(?P<part>{_COUNT})/(?P<total>{_COUNT})\s(?P<funit>{_UNIT})(?![\w^])"  # a count out of a total: 07/12 cuộc
    rf"|(?P<value>(?:(?<=[\s(])-)?(?:{NUMBER}))(?:(?P<pct>%)|(?P<gap>\s?)(?P<unit>{_UNIT}))(?![\w^]))"
)
_UNGROUPED = re.compile(r"-?\d{4,}")  # '1539': a figure, unless a year or a code (`_not_a_count`)
_YEARS = range(1900, 2101)
_NEGATED = re.compile(rf"(?<!\w)(?P<word>{NEGATIVE}|{DOWN})\s$")  # 'âm 2,3%', 'giảm 2,3%' (a change stated alone)
_NOTE_CITED = re.compile(r"\[\^(?:\\.|[^\]\\])*\]")  # [^…] with its escaped brackets
_NOT_ATTACHED = re.compile(r"[\d.;:!?\n]")
_MAX_GAP = 60  # characters between a number (or its last phrase) and a phrase about it, in one clause
_ENDS_PERCENT = re.compile(rf"\s*(?:$|[.,;:)\[\]]|{AND}\s|\()")  # '61,6%' ends there: a percentage figure
_RATIO_VERB = re.compile(rf"(?:{alternatives([*RATIO_VERBS, OVER, UP, DOWN])})\s$")
_SENTENCE_BREAK = re.compile(r"[;!?]|\.(?!\d)")  # '1.200' is a number, not the end of a sentence
_CLAUSE = re.compile(r".*[,;:(.!?\]\n]")
_MARKS = re.compile(r"[*^\\]")
MAX_FIGURES = 2000  # per import: beyond it numbers stay text (the summary says so)
_LOOK_BACK = 80
_PLAN_KINDS = ("plan", "over", "named")
_Here = dict[str, list[tuple[int, str]]]  # the paragraph's figures by unit: (where the number ends, name)


def _word_before(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternatives(words)})\s+$", re.IGNORECASE)


_AFTER_DATE_WORD, _AFTER_YEAR_WORD = _word_before(words_.DATE_WORDS), _word_before(words_.YEAR_WORDS)


@dataclass(frozen=True)
class Token:
    """A number with its unit (`phrase` None) or a ratio phrase, found at start:end of a sentence."""

    start: int
    end: int
    text: str
    match: re.Match[str]
    phrase: Phrase | None


def tokens(text: str) -> Iterable[Token]:
    for match in _TOKEN.finditer(text):
        yield Token(match.start(), match.end(), match.group(), match, _phrase(match))


def phrases(texts: Iterable[str]) -> Iterable[Phrase]:
    """Every ratio phrase of the texts (to choose the house wording before reading)."""
    for text in texts:
        yield from (t.phrase for t in tokens(text) if t.phrase is not None)


def _phrase(match: re.Match[str]) -> Phrase | None:
    groups = match.groupdict()
    if groups["value"] is not None or groups["part"] is not None:
        return None
    if groups["change"] is not None:
        number, words = groups["step"], groups["swords"]
        kind, verb, joined, unit = "change", groups["change"], True, groups["sunit"] or ""
    elif groups["over"] is not None:
        number, words, kind, verb, joined = groups["over"], groups["oplan"], "over", OVER, bool(groups["ojoin"])
        unit = ""
    elif groups["named"] is not None:
        number, words, kind, verb, joined, unit = (
            groups["named"],
            groups["nplan"],
            "named",
            groups["nverb"] or "",
            True,
            "",
        )
    else:
        number, words, unit = groups["ratio"], groups["plan"] or groups["same"], ""
        kind, verb, joined = ("plan" if groups["plan"] else "same"), groups["verb"] or "", bool(groups["join"])
    shown = read_shown(number)
    if shown is None:
        return None
    return Phrase(kind, verb, shown[0], shown[1], " ".join(words.split()), joined, unit, number)


class Prose:
    """Rewrites sentences with figures cited in place of their numbers; `__call__(text, place)`."""

    def __init__(self, book: FigureBook):
        self.book = book
        self.full = False
        self.titled: dict[str, list[str]] = {}  # a figure's words, lower case → its names (earlier references)
        self.breaks: list[int] | None = None  # where the sentences of the paragraph read start (found once)

    def __call__(self, text: str, place: str) -> str:
        out: list[str] = []
        last = 0
        here: _Here = {}
        self.breaks = None
        for chain in self._chains(text, place):
            if chain[0].phrase is None:
                pieces = self._chain(text, chain, last, place, here)
            else:
                pieces = [self._earlier(text, chain[0], place, here)]
            for token, piece in zip(chain, pieces, strict=True):
                out.append(text[last : token.start])
                out.append(token.text if piece is None else piece)
                last = token.end
        out.append(text[last:])
        return "".join(out)

    def _chains(self, text: str, place: str) -> list[list[Token]]:
        """Each number with the phrases attached to it; a phrase with no number before it in its clause alone."""
        chains: list[list[Token]] = []
        notes = [(m.start(), m.end()) for m in _NOTE_CITED.finditer(text)]
        starts = [start for start, _ in notes]
        for token in tokens(text):
            inside = bisect.bisect_left(starts, token.start) - 1
            if inside >= 0 and token.start < notes[inside][1]:
                continue  # an inline note: read when the note was (`OutlineReader.cite`)
            chain = chains[-1] if chains else None
            if token.phrase is not None:
                if chain is not None and _belongs(text, chain, token):
                    chain.append(token)
                else:
                    chains.append([token])
            elif token.match["pct"] and not _ENDS_PERCENT.match(text, token.end):
                if _RATIO_VERB.search(text[max(0, token.start - 8) : token.start]):
                    self.book.unplaced(place, token.text, msg.UNKNOWN_BASE)
            elif not _not_a_count(text, token):
                chains.append([token])
        return chains

    # ---- one number and its phrases -------------------------------------------------------------

    def _chain(self, text: str, chain: list[Token], after: int, place: str, here: _Here) -> list[str | None]:
        """The replacement of each token of the chain (None: stays text)."""
        head = chain[0]
        if len(self.book.entries) + bool(head.match["part"]) >= MAX_FIGURES:  # a count out of a total: two
            if not self.full:
                self.full = True
                self.book.unplaced(place, head.text, msg.too_many_figures(MAX_FIGURES))
            return [None] * len(chain)
        match = head.match
        shown = match["part"] or match["value"]
        number, decimals = read_shown(shown.lstrip("-")) or (Decimal(0), 0)
        worded = _NEGATED.search(text[max(0, head.start - 8) : head.start]) if match["value"] else None
        negated = worded is not None and (worded["word"] == NEGATIVE or bool(match["pct"]))
        negative = negated or shown.startswith("-")
        unit = "%" if match["pct"] else match["unit"] or match["funit"]
        words = _clause(text, max(after, head.start - _LOOK_BACK), head.start)
        phrase = chain[1].phrase if len(chain) > 1 else None
        total = _number(match["total"]) if match["part"] else None
        plan = total if total is not None and phrase is not None and _agrees(number, total, phrase) else None
        name = self.book.add(
            words or " ".join([unit, *text[head.end : head.end + _LOOK_BACK].split()[:4]]),
            gia_tri=-number if negative else number,
            don_vi=_SHOWN_UNITS.get(unit, unit),
            so_le=decimals if decimals and shown.endswith("0") else None,
            ten=_title(words),
            ke_hoach=plan,
            cho_phep_am=negative,
            place=place,
        )
        if total is not None:
            printed = self._fraction(name, head)
        else:
            whole = match["pct"] or (match["gap"] and match["unit"] not in _SHOWN_UNITS)
            calls = value_calls(name, shown, head.text if whole else "", negated)
            printed = first_printing(calls, self.book.figure(name), head.text)
        if printed is None:
            self.book.forget(name)
            self.book.unplaced(place, head.text, msg.NOT_PRINTED_BACK)
            return [None] * len(chain)
        here.setdefault(self.book.entries[name]["don_vi"], []).append((head.end, name))
        self.titled.setdefault(words.lower(), []).append(name)
        pieces: list[str | None] = [printed]
        for token in chain[1:]:
            assert token.phrase is not None
            if total is not None and plan is None and token.phrase.kind in _PLAN_KINDS:
                self.book.unplaced(place, token.text, msg.FRACTION_DISAGREES)
                pieces.append(None)
            else:
                pieces.append(self._ratio(name, token, place))
        return pieces

    def _fraction(self, name: str, head: Token) -> str | None:
        """'07/12 cuộc': the count, and its total as the plan (when the ratio after it says so) or a figure of its
        own, named after the count's ('x_tong')."""
        match, figure = head.match, self.book.figure(name)
        count = first_printing(value_calls(name, match["part"], "", False), figure, match["part"])
        of = head.text[head.text.index("/") + 1 :]
        if figure.ke_hoach is not None:
            total = first_printing(plan_calls(name, match["total"], of), figure, of)
        else:
            unit = _SHOWN_UNITS.get(match["funit"], match["funit"])
            named = self.book.add(
                name, gia_tri=_number(match["total"]), don_vi=unit, ten=msg.total_of(figure.ten), suffix="tong"
            )
            total = first_printing(value_calls(named, match["total"], of, False), self.book.figure(named), of)
            if total is None:
                self.book.forget(named)
        return f"{count}/{total}" if count is not None and total is not None else None

    def _earlier(self, text: str, token: Token, place: str, here: _Here) -> str | None:
        """A phrase with no number before it in its clause, about an earlier figure where that is certain: the
        one figure of its unit in its sentence ('giảm 03 vụ so CK'), or the one figure its subject names."""
        phrase = token.phrase
        assert phrase is not None
        unit = _SHOWN_UNITS.get(phrase.unit, phrase.unit)
        if self.breaks is None:
            self.breaks = [0] + [m.end() for m in _SENTENCE_BREAK.finditer(text)]
        sentence = self.breaks[bisect.bisect_right(self.breaks, token.start) - 1]
        same_unit = [name for end, name in here.get(unit, [])[-2:] if end > sentence] if unit else []
        subject = _clause(text, max(0, token.start - _LOOK_BACK), token.start).lower()
        named = self.titled.get(subject, []) if subject else []
        found = same_unit if len(same_unit) == 1 else named
        if len(found) == 1:
            return self._ratio(found[0], token, place)
        why = msg.SEVERAL_EARLIER if found else msg.SEVERAL_OF_UNIT if same_unit else msg.NO_NUMBER_BEFORE
        self.book.unplaced(place, token.text, why)
        return None

    def _ratio(self, name: str, token: Token, place: str) -> str | None:
        phrase = token.phrase
        assert phrase is not None
        if phrase.kind == "named":
            return self._named(name, token, place)
        entry = self.book.entries[name]
        new = phrase.slot not in entry
        if new:
            base = self._base(name, phrase)
            if base is None:
                self.book.unplaced(place, token.text, msg.NO_BASE)
                return None
            self.book.derive(name, phrase.slot, base, token.text, place)
        figure = self.book.figure(name)
        printed = first_printing(ratio_calls(phrase, name, difference(phrase, figure)), figure, token.text)
        if printed is not None:
            return printed
        if new:
            self.book.drop(name, phrase.slot)
        why = msg.GLUED if not phrase.joined else msg.OTHER_WORDING
        self.book.unplaced(place, token.text, msg.not_printed_back(why))
        return None

    def _named(self, name: str, token: Token, place: str) -> str | None:
        """'đạt 58% so với dự toán tỉnh giao': a named plan (ten_ke_hoach) printed by so_ke_hoach('name')."""
        phrase = token.phrase
        assert phrase is not None
        key = self.book.plan_key(phrase.words)
        plans = self.book.entries[name].get("ke_hoach", {})
        if not isinstance(plans, dict):
            self.book.unplaced(place, token.text, msg.PLAN_NOT_NAMED)
            return None
        new = key not in plans
        value = self.book.figure(name).gia_tri
        base = base_for(value, phrase.number, max(phrase.decimals, 1)) if new and value is not None else None
        if new and base is None:
            self.book.unplaced(place, token.text, msg.NO_NAMED_PLAN)
            return None
        if new:
            self.book.derive_plan(name, key, base, token.text, place)  # type: ignore[arg-type]
        printed = first_printing([named_call(name, key, phrase.decimals)], self.book.figure(name), token.text)
        if printed is not None:
            return printed
        if new:
            self.book.drop(name, f"ke_hoach.{key}")
        self.book.unplaced(place, token.text, msg.NAMED_NOT_PRINTED)
        return None

    def _base(self, name: str, phrase: Phrase) -> Decimal | None:
        figure = self.book.figure(name)
        value = figure.gia_tri
        assert value is not None
        if difference(phrase, figure):
            if phrase.unit and _SHOWN_UNITS.get(phrase.unit, phrase.unit) != figure.don_vi:
                return None
            base = value - phrase.number if phrase.verb == UP else value + phrase.number
            return base if base >= 0 else None
        if phrase.kind == "over" and phrase.decimals > 1:
            return None
        # at least one decimal: the attribute ty_le_ke_hoach (one decimal) then prints the ratio too
        return base_for(value, phrase.ratio(), max(phrase.decimals, 1))


def _belongs(text: str, chain: list[Token], phrase: Token) -> bool:
    """A phrase is about the number of the chain before it: attached to it, and in its unit if it names one."""
    head = chain[0].match
    unit = phrase.phrase.unit if phrase.phrase is not None else ""
    return (
        chain[0].phrase is None
        and _attached(text[chain[-1].end : phrase.start])
        and (not unit or unit in (head["unit"], head["funit"]))
    )


def _number(shown: str) -> Decimal:
    read = read_shown(shown)
    assert read is not None  # the token's pattern reads only numbers written the Vietnamese way
    return read[0]


def _agrees(count: Decimal, total: Decimal, phrase: Phrase) -> bool:
    """A plan phrase after '07/12 cuộc' says the total is the plan: 7 of 12 is the ratio it states."""
    return phrase.kind in ("plan", "over") and percent(count, total, phrase.decimals) == phrase.ratio()


def _not_a_count(text: str, token: Token) -> bool:
    """A year or a code ('năm 2024', '2023 công'), or a day and month ('ngày 07/12 tổ chức'): not a figure."""
    match = token.match
    before = text[max(0, token.start - 12) : token.start]
    if match["part"] is not None:
        count, total = _number(match["part"]), _number(match["total"])
        return bool(_AFTER_DATE_WORD.search(before)) or not 0 < total or count > total
    if not _UNGROUPED.fullmatch(match["value"]):
        return False
    return int(match["value"]) in _YEARS or bool(_AFTER_YEAR_WORD.search(before))


def _attached(gap: str) -> bool:
    """A phrase belongs to the number before it: same clause, no other number between, close by."""
    gap = _NOTE_CITED.sub("", gap)
    return len(gap) <= _MAX_GAP and not _NOT_ATTACHED.search(gap)


def _clause(text: str, start: int, end: int) -> str:
    """The words before a number, back to the start of its clause (markup marks dropped)."""
    before = text[start:end]
    cut = _CLAUSE.match(before)
    words = _MARKS.sub("", before[cut.end() :] if cut else before).split()
    while words and words[-1].lower() in STOP_WORDS:
        words.pop()
    while words and words[0].lower() in STOP_WORDS:
        words.pop(0)
    return " ".join(words)


def _title(words: str) -> str:
    return words[:1].upper() + words[1:]


def figure_book(blocks: Iterable[object], notes: dict[str, list[Para]]) -> FigureBook:
    """A book for one import, worded as the report's ratio phrases are worded most (paragraphs and notes)."""
    texts = [b.plain for b in blocks if isinstance(b, Para)] + [p.plain for paras in notes.values() for p in paras]
    return FigureBook(wording=house_wording(phrases(texts)))
