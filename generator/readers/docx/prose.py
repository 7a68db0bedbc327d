"""Figures read from a report's sentences (`baocao import --so-lieu`).

A number with a unit ("4.597 ha", "09 văn bản", "61,6%") and the ratio phrases right after it ("đạt 101,3% KH,
bằng 100% so CK", "tăng 12 ha so với cùng kỳ") become one figure and the filters that print them; plan and
same-period values come from the stated ratios (`ratios.base_for`) and are commented as derived. Every piece is
checked by calling the build's own filter on the figure as the build will make it: what does not print back
character for character stays as text and is listed (`FigureBook.unplaced`). The sentence is the importer's
markup text (escaped, `**bold**`), so a replaced piece never crosses a mark.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from baocao.compose import filters
from baocao.conventions.figure_words import AND, DOWN, OVER, RATIO_VERBS, SAME_WORDS, SCALES, STOP_WORDS, UNITS, UP
from baocao.figures.figure import Figure
from baocao.messages import readers as msg
from baocao.readers.docx.content import Para
from baocao.readers.docx.figures import FigureBook, read_shown
from baocao.readers.docx.ratios import NUMBER, RATIO, Phrase, alternatives, base_for, house_wording

_SHOWN_UNITS = {"m^2^": "m²", "m^3^": "m³"}  # printed by `so`, the unit's markup kept as text
_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d+)?"  # 4 digits without a dot: a year, a code
_UNIT = rf"(?:(?:{alternatives(SCALES)})\s)?(?:{alternatives(UNITS)})"  # '64,2 nghìn con': the unit is 'nghìn con'
_SAME = alternatives(SAME_WORDS)
_TOKEN = re.compile(
    rf"(?<![\w.,/\\^-])(?:{RATIO}"
    rf"|(?P<change>{UP}|{DOWN})\s(?P<step>{NUMBER})(?:(?P<spct>%)|\s(?P<sunit>{_UNIT}))\s(?P<swords>{_SAME})(?!\w)"
    rf"|(?P<value>{_NUMBER})(?:(?P<pct>%)|(?P<gap>\s?)(?P<unit>{_UNIT}))(?![\w^]))"
)
_NOTE_CITED = re.compile(r"\[\^(?:\\.|[^\]\\])*\]")  # [^…] with its escaped brackets
_NOT_ATTACHED = re.compile(r"[\d.;:!?\n]")
_MAX_GAP = 60  # characters between a number (or its last phrase) and a phrase about it, in one clause
_ENDS_PERCENT = re.compile(rf"\s*(?:$|[.,;:)\[\]]|{AND}\s|\()")  # '61,6%' ends there: a percentage figure
_RATIO_VERB = re.compile(rf"(?:{alternatives([*RATIO_VERBS, OVER, UP, DOWN])})\s$")
_CLAUSE = re.compile(r".*[,;:(.!?\]\n]")
_MARKS = re.compile(r"[*^\\]")
MAX_FIGURES = 2000  # per import: beyond it numbers stay text (the summary says so)
_LOOK_BACK = 80


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
    if groups["value"] is not None:
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

    def __call__(self, text: str, place: str) -> str:
        chains: list[list[Token]] = []
        notes = [(m.start(), m.end()) for m in _NOTE_CITED.finditer(text)]
        starts = [start for start, _ in notes]
        for token in tokens(text):
            inside = bisect.bisect_left(starts, token.start) - 1
            if inside >= 0 and token.start < notes[inside][1]:
                continue  # an inline note: read when the note was (`OutlineReader.cite`)
            chain = chains[-1] if chains else None
            if token.phrase is not None:
                if chain is not None and _attached(text[chain[-1].end : token.start]):
                    chain.append(token)
                else:
                    self.book.unplaced(place, token.text, msg.NO_NUMBER_BEFORE)
            elif token.match["pct"] and not _ENDS_PERCENT.match(text, token.end):
                if _RATIO_VERB.search(text[max(0, token.start - 8) : token.start]):
                    self.book.unplaced(place, token.text, msg.UNKNOWN_BASE)
            else:
                chains.append([token])
        out: list[str] = []
        last = 0
        for chain in chains:
            pieces = self._chain(text, chain, last, place)
            for token, piece in zip(chain, pieces, strict=True):
                out.append(text[last : token.start])
                out.append(token.text if piece is None else piece)
                last = token.end
        out.append(text[last:])
        return "".join(out)

    # ---- one number and its phrases -------------------------------------------------------------

    def _chain(self, text: str, chain: list[Token], after: int, place: str) -> list[str | None]:
        """The replacement of each token of the chain (None: stays text)."""
        value = chain[0]
        if len(self.book.entries) >= MAX_FIGURES:
            if not self.full:
                self.full = True
                self.book.unplaced(place, value.text, msg.too_many_figures(MAX_FIGURES))
            return [None] * len(chain)
        match = value.match
        number, decimals = read_shown(match["value"]) or (Decimal(0), 0)
        unit = "%" if match["pct"] else match["unit"]
        words = _clause(text, max(after, value.start - _LOOK_BACK), value.start)
        name = self.book.add(
            words or " ".join([unit, *text[value.end : value.end + _LOOK_BACK].split()[:4]]),
            gia_tri=number,
            don_vi=_SHOWN_UNITS.get(unit, unit),
            so_le=decimals if decimals and match["value"].endswith("0") else None,
            ten=_title(words),
            place=place,
        )
        printed = self._value(name, value)
        if printed is None:
            self.book.forget(name)
            self.book.unplaced(place, value.text, msg.NOT_PRINTED_BACK)
            return [None] * len(chain)
        pieces: list[str | None] = [printed]
        for token in chain[1:]:
            piece = self._ratio(name, token, place)
            pieces.append(piece)
        return pieces

    def _value(self, name: str, token: Token) -> str | None:
        match, figure = token.match, self.book.figure(name)
        number = match["value"]
        whole = match["pct"] or (match["gap"] and match["unit"] not in _SHOWN_UNITS)
        if whole and filters.so_dv(figure) == token.text:
            return "{{ so_lieu." + name + " | so_dv }}"
        tail = token.text[len(number) :]
        for call in ("so", "hai_chu_so"):
            if _prints(filters.FILTERS[call], figure) == number:
                return "{{ so_lieu." + name + " | " + call + " }}" + tail
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
        for cite, render, part in _calls(phrase, name, _difference(phrase, figure)):
            if _prints(render, figure) == (part or token.text):
                return token.text.replace(part, cite, 1) if part else cite
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
        places = [] if phrase.decimals == 1 else [phrase.decimals]
        call = f"so_ke_hoach{_args([repr(key), *places])}"
        if _prints(lambda f: filters.so_ke_hoach(f, key, *places), self.book.figure(name)) == token.text:
            return "{{ so_lieu." + name + " | " + call + " }}"
        if new:
            self.book.drop(name, f"ke_hoach.{key}")
        self.book.unplaced(place, token.text, msg.NAMED_NOT_PRINTED)
        return None

    def _base(self, name: str, phrase: Phrase) -> Decimal | None:
        figure = self.book.figure(name)
        value = figure.gia_tri
        assert value is not None
        if _difference(phrase, figure):
            if phrase.unit and _SHOWN_UNITS.get(phrase.unit, phrase.unit) != figure.don_vi:
                return None
            base = value - phrase.number if phrase.verb == UP else value + phrase.number
            return base if base >= 0 else None
        if phrase.kind == "over" and phrase.decimals > 1:
            return None
        # at least one decimal: the attribute ty_le_ke_hoach (one decimal) then prints the ratio too
        return base_for(value, phrase.ratio(), max(phrase.decimals, 1))


def _difference(phrase: Phrase, figure: Figure) -> bool:
    """'tăng 12 ha so với cùng kỳ', or a percentage figure's change in points: a difference, not a ratio."""
    return phrase.kind == "change" and bool(phrase.unit or figure.don_vi == "%")


def _change_printer(call: str, up: bool) -> Callable[[Figure], str]:
    """The filter `call` on the figure's change from the same period ('tăng': value − same period, else reverse)."""

    def printed(figure: Figure) -> str:
        value, previous = figure.gia_tri, figure.cung_ky
        assert value is not None and previous is not None
        return filters.FILTERS[call](value - previous if up else previous - value)

    return printed


def _calls(phrase: Phrase, name: str, difference: bool) -> list[tuple[str, Callable[[Figure], str], str]]:
    """What may print the phrase: (the citation as a sentence writes it, the same call run here, the part of the
    phrase it prints: '' for all of it). The house wording's filter first; then the ratio attribute printed by
    phan_tram (or the difference by so, hai_chu_so), the words kept as text (another wording, '127%KH' written
    together, 'vượt 5%', 'tăng 03 vụ')."""
    d = phrase.decimals
    places = [] if d == 1 else [d]
    calls: list[tuple[str, Callable[[Figure], str], str]] = []

    def cite(call: str) -> str:
        return "{{ so_lieu." + name + " | " + call + " }}"

    if difference:
        up = phrase.verb == UP
        change = f"so_lieu.{name}.chenh_lech" if up else f"(so_lieu.{name}.cung_ky - so_lieu.{name}.gia_tri)"
        calls += [
            (cite("chenh_lech"), filters.chenh_lech, ""),
            (cite(f"chenh_lech({d})"), lambda f: filters.chenh_lech(f, d), ""),
        ]
        if phrase.unit:
            for call in ("so", "hai_chu_so"):
                calls.append(("{{ " + change + " | " + call + " }}", _change_printer(call, up), phrase.shown))
        return calls
    if phrase.joined and phrase.kind in ("plan", "same"):
        called = "so_ke_hoach" if phrase.kind == "plan" else "so_cung_ky"
        run = filters.FILTERS[called]
        calls += [
            (cite(called + _args(places)), lambda f: run(f, *places), ""),
            (cite(called + _args(["true", *places])), lambda f: run(f, True, *places), ""),
        ]
    if phrase.joined and phrase.kind == "change":
        calls.append((cite("tang_giam" + _args(places)), lambda f: filters.tang_giam(f, d), ""))
    if d <= 1:
        attribute = "ty_le_ke_hoach" if phrase.slot == "ke_hoach" else "ty_le_cung_ky"
        ratio = f"so_lieu.{name}.{attribute}"
        if phrase.kind in ("plan", "same"):
            expression, number = ratio, lambda f: getattr(f, attribute)
        elif phrase.verb == DOWN:
            expression, number = f"(100 - {ratio})", lambda f: 100 - getattr(f, attribute)
        else:  # vượt, tăng
            expression, number = f"({ratio} - 100)", lambda f: getattr(f, attribute) - 100
        calls.append(
            (
                "{{ " + expression + " | phan_tram" + _args(places) + " }}",
                lambda f: filters.phan_tram(number(f), d),
                f"{phrase.shown}%",
            )
        )
    return calls


def _attached(gap: str) -> bool:
    """A phrase belongs to the number before it: same clause, no other number between, close by."""
    gap = _NOTE_CITED.sub("", gap)
    return len(gap) <= _MAX_GAP and not _NOT_ATTACHED.search(gap)


def _prints(render: Callable[[Figure], str], figure: Figure) -> str | None:
    try:
        return render(figure)
    except (filters.FilterError, TypeError, ValueError, ArithmeticError):
        return None


def _args(values: list) -> str:
    return f"({', '.join(str(v) for v in values)})" if values else ""


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
