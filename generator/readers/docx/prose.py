"""Figures read from a report's sentences (`baocao import --so-lieu`).

A number with a unit ("4.597 ha", "09 văn bản", "61,6%") and the ratio phrases right after it ("đạt 101,3% KH,
bằng 100% so CK", "tăng 12 ha so với cùng kỳ") become one figure and the filters that print them; plan and
same-period values come from the stated ratios (`ratios.base_for`) and are commented as derived. Every piece is
checked by calling the build's own filter on the figure as the build will make it: what does not print back
character for character stays as text and is listed (`FigureBook.unplaced`). The sentence is the importer's
markup text (escaped, `**bold**`), so a replaced piece never crosses a mark.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from baocao.compose import filters
from baocao.figures.figure import Figure
from baocao.readers.docx.content import Para
from baocao.readers.docx.figures import STOP_WORDS, FigureBook, read_shown
from baocao.readers.docx.ratios import NUMBER, RATIO, SAME_WORDS, Phrase, alternatives, base_for, house_wording

#: Units and counted things a number may carry (longest first in the pattern); 'm^3^' is the markup of m³.
UNITS = (
    "ha", "tấn", "tạ", "kg", "km", "m", "m²", "m³", "m^2^", "m^3^", "km²", "tạ/ha", "con", "hộ", "người", "lượt",
    "lượt người", "lượt khách", "lượt tập thể", "triệu đồng", "tỷ đồng", "nghìn đồng", "đồng", "USD", "hồ sơ",
    "văn bản", "sáng kiến", "vụ", "việc", "đơn", "tiêu chí", "công dân", "thôn", "bản", "tổ", "tổ dân phố", "xã",
    "phường", "cuộc", "buổi", "lớp", "học sinh", "trẻ", "cháu", "giáo viên", "trường", "cơ sở", "doanh nghiệp",
    "hợp tác xã", "HTX", "công trình", "dự án", "sản phẩm", "phong trào", "lao động", "liều", "ca", "công", "tập thể",
    "cá nhân", "gia đình", "thủ tục", "cây", "nhà", "căn", "mô hình", "đối tượng", "trường hợp", "khu dân cư",
    "thành viên", "hội viên", "đảng viên", "đoàn viên", "chiến sĩ", "tin", "bài", "chương trình", "kế hoạch",
    "quyết định", "đợt", "lần", "ngày công", "suất", "phần", "tài khoản", "giấy", "tuyến", "cụm", "điểm", "ô tô",
    "thanh niên",
)  # fmt: skip
_SHOWN_UNITS = {"m^2^": "m²", "m^3^": "m³"}  # printed by `so`, the unit's markup kept as text
_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d+)?"  # 4 digits without a dot: a year, a code
_UNIT = rf"(?:(?:nghìn|triệu|tỷ)\s)?(?:{alternatives(UNITS)})"  # '64,2 nghìn con': the unit is 'nghìn con'
_SAME = alternatives(SAME_WORDS)
_TOKEN = re.compile(
    rf"(?<![\w.,/\\^-])(?:{RATIO}"
    rf"|(?P<change>tăng|giảm)\s(?P<step>{NUMBER})(?:(?P<spct>%)|\s(?P<sunit>{_UNIT}))\s(?P<swords>{_SAME})(?!\w)"
    rf"|(?P<value>{_NUMBER})(?:(?P<pct>%)|(?P<gap>\s?)(?P<unit>{_UNIT}))(?![\w^]))"
)
_NOTE_CITED = re.compile(r"\[\^.*?\]")
_NOT_ATTACHED = re.compile(r"[\d.;:!?\n]")
_MAX_GAP = 60  # characters between a number (or its last phrase) and a phrase about it, in one clause
_ENDS_PERCENT = re.compile(r"\s*(?:$|[.,;:)\[\]]|và\s|\()")  # '61,6%' ends there: a percentage figure
_RATIO_VERB = re.compile(r"(?:đạt|bằng|vượt|tăng|giảm)\s$")
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
        number, words, kind, verb, joined = groups["over"], groups["oplan"], "over", "vượt", bool(groups["ojoin"])
        unit = ""
    else:
        number, words, unit = groups["ratio"], groups["plan"] or groups["same"], ""
        kind, verb, joined = ("plan" if groups["plan"] else "same"), groups["verb"] or "", bool(groups["join"])
    shown = read_shown(number)
    if shown is None:
        return None
    return Phrase(kind, verb, shown[0], shown[1], " ".join(words.split()), joined, unit)


class Prose:
    """Rewrites sentences with figures cited in place of their numbers; `__call__(text, place)`."""

    def __init__(self, book: FigureBook):
        self.book = book
        self.full = False

    def __call__(self, text: str, place: str) -> str:
        chains: list[list[Token]] = []
        for token in tokens(text):
            chain = chains[-1] if chains else None
            if token.phrase is not None:
                if chain is not None and _attached(text[chain[-1].end : token.start]):
                    chain.append(token)
                else:
                    self.book.unplaced(place, token.text, "tỷ lệ không đi sau một số có đơn vị trong cùng vế câu")
            elif token.match["pct"] and not _ENDS_PERCENT.match(text, token.end):
                if _RATIO_VERB.search(text[max(0, token.start - 8) : token.start]):
                    self.book.unplaced(
                        place, token.text, "tỷ lệ so với một số chưa nhận ra (không phải kế hoạch, cùng kỳ)"
                    )
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
                self.book.unplaced(place, value.text, f"quá {MAX_FIGURES} số liệu: các số sau để nguyên chữ")
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
            self.book.unplaced(place, value.text, "số không in lại được đúng như bản gốc (cách viết số, đơn vị)")
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
            return _cite(name, "so_dv")
        tail = token.text[len(number) :]
        for call in ("so", "hai_chu_so"):
            if _prints(filters.FILTERS[call], figure) == number:
                return _cite(name, call) + tail
        return None

    def _ratio(self, name: str, token: Token, place: str) -> str | None:
        phrase = token.phrase
        assert phrase is not None
        if not phrase.joined:
            self.book.unplaced(place, token.text, "dấu % viết liền chữ sau; chương trình in có dấu cách")
            return None
        entry = self.book.entries[name]
        new = phrase.slot not in entry
        if new:
            base = self._base(name, phrase)
            if base is None:
                self.book.unplaced(place, token.text, "không suy ra được số gốc từ tỷ lệ này")
                return None
            self.book.derive(name, phrase.slot, base, token.text, place)
        figure = self.book.figure(name)
        for call, render in _calls(phrase, figure):
            printed = _prints(render, figure)
            if printed is not None and printed == _target(phrase, token):
                return token.text.replace(printed, _cite(name, call), 1) if phrase.kind == "over" else _cite(name, call)
        if new:
            self.book.drop(name, phrase.slot)
        self.book.unplaced(place, token.text, "tỷ lệ không in lại được đúng như bản gốc với cách viết của đơn vị")
        return None

    def _base(self, name: str, phrase: Phrase) -> Decimal | None:
        figure = self.book.figure(name)
        value = figure.gia_tri
        assert value is not None
        if phrase.kind == "change" and (phrase.unit or figure.don_vi == "%"):
            if phrase.unit and _SHOWN_UNITS.get(phrase.unit, phrase.unit) != figure.don_vi:
                return None
            base = value - phrase.number if phrase.verb == "tăng" else value + phrase.number
            return base if base >= 0 else None
        if phrase.kind == "over" and phrase.decimals > 1:
            return None
        return base_for(value, phrase.ratio(), max(phrase.decimals, 1) if phrase.kind == "over" else phrase.decimals)


def _calls(phrase: Phrase, figure: Figure) -> list[tuple[str, Callable[[Figure], str]]]:
    """The filter calls that may print the phrase, as written in a sentence and as run here."""
    d = phrase.decimals
    places = [] if d == 1 else [d]
    if phrase.kind == "over":
        return [
            (
                f"(so_lieu.{figure.name}.ty_le_ke_hoach - 100) | phan_tram{_args(places)}",
                lambda f: filters.phan_tram(f.ty_le_ke_hoach - 100, d),
            )
        ]
    if phrase.kind == "change":
        if phrase.unit or figure.don_vi == "%":
            return [("chenh_lech", filters.chenh_lech), (f"chenh_lech({d})", lambda f: filters.chenh_lech(f, d))]
        return [(f"tang_giam{_args(places)}", lambda f: filters.tang_giam(f, d))]
    run = filters.so_ke_hoach if phrase.kind == "plan" else filters.so_cung_ky
    called = "so_ke_hoach" if phrase.kind == "plan" else "so_cung_ky"
    return [
        (f"{called}{_args(places)}", lambda f: run(f, *places)),
        (f"{called}{_args(['true', *places])}", lambda f: run(f, True, *places)),
    ]


def _attached(gap: str) -> bool:
    """A phrase belongs to the number before it: same clause, no other number between, close by."""
    gap = _NOTE_CITED.sub("", gap)
    return len(gap) <= _MAX_GAP and not _NOT_ATTACHED.search(gap)


def _target(phrase: Phrase, token: Token) -> str:
    """What the filter must print: the whole phrase, or for 'vượt R% …' the percentage."""
    if phrase.kind == "over":
        return f"{token.match['over']}%"
    return token.text


def _prints(render: Callable[[Figure], str], figure: Figure) -> str | None:
    try:
        return render(figure)
    except (filters.FilterError, TypeError, ValueError, ArithmeticError):
        return None


def _args(values: list) -> str:
    return f"({', '.join(str(v) for v in values)})" if values else ""


def _cite(name: str, call: str) -> str:
    if call.startswith("("):
        return "{{ " + call + " }}"
    return "{{ so_lieu." + name + " | " + call + " }}"


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
