"""Vietnamese number, date and document-number formatting (Nghị định 30/2020/NĐ-CP practice).

Pure functions. Separators and signs come from babel's CLDR data for locale "vi", read
once; numbers are laid out by Python's own formatting (ten times faster than babel's,
which a report calls hundreds of times). Rounding is always half up.

>>> format_number(1539.72)
'1.539,72'
>>> ratio_words("đạt", percent_of(4597, 4538), "KH")
'đạt 101,3% KH'
>>> format_date_short(date(2020, 2, 10))
'10/02/2020'
"""

from __future__ import annotations

import decimal
import re
from datetime import date
from decimal import Decimal
from typing import TypeGuard

from babel import Locale
from babel.numbers import get_decimal_symbol, get_group_symbol, get_minus_sign_symbol

Number = int | float | Decimal

LOCALE = "vi"
ROUNDING = decimal.ROUND_HALF_UP
DEFAULT_PERCENT_DECIMALS = 1
GROUP, DECIMAL, MINUS = get_group_symbol(LOCALE), get_decimal_symbol(LOCALE), get_minus_sign_symbol(LOCALE)
PERCENT = Locale.parse(LOCALE).number_symbols["latn"]["percentSign"]
_TO_LOCALE = str.maketrans({",": GROUP, ".": DECIMAL, "-": MINUS})  # Python's separators → CLDR "vi"

#: The whole gap left for a number or day a draft does not know yet
#: ("Số:      /BC-UBND", "ngày      tháng 6"). Change it here to change every draft.
DRAFT_BLANK = " " * 6

#: Letters for điểm a), b), ... in Vietnamese alphabetical order (đ after d; no f, j, w, z).
VIETNAMESE_LETTERS = "abcdđeghiklmnopqrstuvxy"

MAX_ROMAN = 3999  # the largest number Roman numerals write (MMMCMXCIX)
_ROMAN_VALUES = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip

_SAME_PERIOD = "bằng cùng kỳ"
_SAME_PERIOD_WORDS = "so với cùng kỳ"


# --- numbers -------------------------------------------------------------------


_NUMBER_TYPES = frozenset((int, float, Decimal))  # exact types: the common case without isinstance chains


class NumberError(ValueError):
    """A value that is not a number written the Vietnamese way; the message says why, in Vietnamese."""


def _is_number(value: object) -> TypeGuard[Number]:
    if type(value) in _NUMBER_TYPES:
        return True
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _to_decimal(value: Number) -> Decimal:
    """Exact Decimal for an int, float (via str) or Decimal; bools, strings and non-finite values refused."""
    kind = type(value)
    if kind is Decimal and isinstance(value, Decimal):
        if value.is_finite():  # the common case, first
            return value
        number = value
    elif kind is int:
        return Decimal(value)
    elif not _is_number(value):
        raise TypeError(f"Cần một số (int, float hoặc Decimal), nhận được {kind.__name__}: {value!r}")
    else:
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        raise NumberError(f"Giá trị không phải là số hữu hạn: {value!r}")
    return number


def _unsigned_zero(number: Decimal) -> Decimal:
    """Turn -0 (e.g. -0.04 rounded to 1 decimal) into 0 so it never prints as "-0"."""
    return number.copy_abs() if number.is_zero() else number


def _layout(number: Decimal, decimals: int | None) -> str:
    """Grouped digits with the locale's signs: exactly `decimals` fraction digits, or the number's own
    without trailing zeros (None). Exact: no Decimal context rounding."""
    if decimals is None:
        text = format(number, ",f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    else:
        text = format(number, _SPECS[decimals] if decimals < len(_SPECS) else f",.{decimals}f")
    return text.translate(_TO_LOCALE)


_SPECS = tuple(f",.{decimals}f" for decimals in range(10))  # format specs of 0 to 9 fraction digits: made once


_QUANTA = tuple(Decimal(1).scaleb(-decimals) for decimals in range(10))  # 1, 0.1, 0.01...: made once


def round_half_up(value: Number, decimals: int) -> Decimal:
    """Round to `decimals` fraction digits, halves away from zero.

    >>> round_half_up(2.25, 1), round_half_up(Decimal("-2.25"), 1)
    (Decimal('2.3'), Decimal('-2.3'))
    """
    if decimals < 0:
        raise ValueError(f"decimals must be >= 0, got {decimals}")
    quantum = _QUANTA[decimals] if decimals < len(_QUANTA) else Decimal(1).scaleb(-decimals)
    return _to_decimal(value).quantize(quantum, rounding=ROUNDING)


def format_number(value: Number, decimals: int | None = None) -> str:
    """Format with "." for thousands and "," for decimals.

    With decimals=None the value keeps its own fraction digits (trailing zeros dropped);
    otherwise it is rounded half up and padded to exactly `decimals` digits.

    >>> format_number(Decimal("1539.72")), format_number(4597), format_number(1507, 1)
    ('1.539,72', '4.597', '1.507,0')
    """
    number = _to_decimal(value) if decimals is None else round_half_up(value, decimals)
    return _layout(_unsigned_zero(number), decimals)


def format_percent(value: Number, decimals: int = DEFAULT_PERCENT_DECIMALS, trim: bool = False) -> str:
    """Format a value that is already a percentage, with no space before "%".

    Rounded half up to `decimals` digits; trim=True drops trailing fraction zeros
    ("100,0%" -> "100%", "98,50%" -> "98,5%"), the default keeps them as the reports do.

    >>> format_percent(43.4), format_percent(100), format_percent(100, trim=True)
    ('43,4%', '100,0%', '100%')
    """
    number = _unsigned_zero(round_half_up(value, decimals))
    return _layout(number, None if trim else decimals) + PERCENT


def percent_of(part: Number | None, whole: Number | None, decimals: int = DEFAULT_PERCENT_DECIMALS) -> Decimal | None:
    """part / whole * 100 rounded half up; None when part is None, or whole is None or 0.

    >>> percent_of(1, 8), percent_of(1, 8, 0), percent_of(5, 0)
    (Decimal('12.5'), Decimal('13'), None)
    """
    if part is None or whole is None or _to_decimal(whole).is_zero():
        return None
    return round_half_up(_to_decimal(part) * 100 / _to_decimal(whole), decimals)


def _required_percent(value: Number, base: Number | None, base_name: str, decimals: int) -> Decimal:
    """percent_of that refuses a missing or zero base with a message naming it."""
    ratio = percent_of(value, base, decimals)
    if ratio is None:
        raise ValueError(f"Không tính được tỷ lệ: số liệu {base_name} bằng 0 hoặc bị bỏ trống.")
    return ratio


def ratio_words(
    verb: str, ratio: Number, words: str, decimals: int = DEFAULT_PERCENT_DECIMALS, trim: bool = False
) -> str:
    """A percentage in the house wording: 'đạt 48,2% KH', 'bằng 101,3% SVCK'; no verb: '98,8% CTKH'.

    >>> ratio_words("", Decimal("98.75"), "CTKH")
    '98,8% CTKH'
    """
    return " ".join([part for part in (verb, format_percent(ratio, decimals, trim), words) if part])


def with_unit(number: str, unit: str) -> str:
    """A number followed by its unit: '612,4 ha'; a percent sign follows directly: '2,5%'."""
    if not unit:
        return number
    return number + unit if unit == PERCENT else f"{number} {unit}"


def format_change(
    value: Number,
    previous: Number | None,
    decimals: int = DEFAULT_PERCENT_DECIMALS,
    *,
    trim: bool = False,
    words: str = _SAME_PERIOD_WORDS,
) -> str:
    """Relative change: "tăng 5,1% so với cùng kỳ", "giảm 3,0% so với cùng kỳ" or "bằng cùng kỳ".

    The change is the rounded ratio minus 100, so it always agrees with
    the ratio to the same period for the same figures (bằng 97,0% <-> giảm 3,0%).
    `words` name the same period in the house wording ("SVCK").

    >>> format_change(105.1, 100), format_change(97, 100, words="SVCK"), format_change(8, 8)
    ('tăng 5,1% so với cùng kỳ', 'giảm 3,0% SVCK', 'bằng cùng kỳ')
    """
    return change_words(_required_percent(value, previous, "cùng kỳ", decimals), decimals, trim=trim, words=words)


def change_words(
    ratio: Decimal, decimals: int = DEFAULT_PERCENT_DECIMALS, *, trim: bool = False, words: str = _SAME_PERIOD_WORDS
) -> str:
    """What a ratio to the same period (a percentage rounded to `decimals`) says as a change (format_change).

    >>> change_words(Decimal("97.0"), words="SVCK")
    'giảm 3,0% SVCK'
    """
    change = ratio - 100
    if change.is_zero():
        return _SAME_PERIOD
    word = "tăng" if change > 0 else "giảm"
    return f"{word} {format_percent(abs(change), decimals, trim)} {words}".rstrip()


def format_difference(
    value: Number, previous: Number, decimals: int | None = None, unit: str = "", words: str = _SAME_PERIOD_WORDS
) -> str:
    """Absolute change: "tăng 12 ha so với cùng kỳ", "giảm 1.020 người so với cùng kỳ" or "bằng cùng kỳ".

    decimals as in format_number; a difference that rounds to 0 is "bằng cùng kỳ".

    >>> format_difference(1143, 1131, unit="ha"), format_difference(96, 131, unit="hộ")
    ('tăng 12 ha so với cùng kỳ', 'giảm 35 hộ so với cùng kỳ')
    """
    difference = _to_decimal(value) - _to_decimal(previous)
    if decimals is not None:
        difference = round_half_up(difference, decimals)
    if difference.is_zero():
        return _SAME_PERIOD
    word = "tăng" if difference > 0 else "giảm"
    return f"{word} {with_unit(format_number(abs(difference), decimals), unit)} {words}".rstrip()


def pad2(n: int) -> str:
    """A count as written in administrative prose: 1..9 get a leading 0, 0 stays "0", 1000+ are grouped.

    >>> pad2(5), pad2(12), pad2(0), pad2(1265)
    ('05', '12', '0', '1.265')
    """
    _require_int(n, "Số đếm", minimum=0)
    return f"{n:02d}" if 0 < n < 10 else format_number(n)


def format_dong(value: Number) -> str:
    """An amount in đồng, rounded half up to whole đồng: "1.306.903.000 đồng"."""
    return f"{format_number(value, 0)} đồng"


def format_million_dong(value_in_dong: Number, decimals: int | None = None) -> str:
    """An amount given in đồng, written in triệu đồng: 1306903000 -> "1.306,903 triệu đồng"."""
    return f"{format_number(_to_decimal(value_in_dong).scaleb(-6), decimals)} triệu đồng"


def _invalid_number_message(text: str) -> str:
    example = format_number(Decimal("1539.72"))
    return f"Số không hợp lệ: {text!r}. Dùng dấu phẩy cho phần thập phân, dấu chấm để phân cách hàng nghìn: {example}"


def _vn_number_regex() -> re.Pattern[str]:
    """Optional sign, digits grouped by exactly three (or not grouped), optional fraction."""
    group, decimal_sign, minus = re.escape(GROUP), re.escape(DECIMAL), re.escape(MINUS)
    return re.compile(rf"({minus}|\+)?([0-9]{{1,3}}({group}[0-9]{{3}})+|[0-9]+)({decimal_sign}[0-9]+)?")


_VN_NUMBER = _vn_number_regex()


def parse_vn_number(text: str | Number) -> Decimal:
    """Read a number written the Vietnamese way; int, float and Decimal pass through.

    A dot only separates thousands, so "1.5" and "1539.72" are refused. Every refusal is a NumberError, a
    ValueError (also for a bool, None or list), so pydantic validators report it.

    >>> parse_vn_number("1.539,72"), parse_vn_number("1.507")
    (Decimal('1539.72'), Decimal('1507'))
    """
    if _is_number(text):
        return _to_decimal(text)
    if not isinstance(text, str):
        raise NumberError("Ở đây cần một số (ví dụ 1.539,72), không phải một danh sách hay nhóm khóa.")
    stripped = text.strip()
    if not stripped:
        raise NumberError("Thiếu số liệu: ô số để trống.")
    if not _VN_NUMBER.fullmatch(stripped):
        raise NumberError(_invalid_number_message(stripped))
    plain = stripped.replace(GROUP, "").replace(DECIMAL, ".")
    return Decimal(plain.replace(MINUS, "-"))


# --- numbering -----------------------------------------------------------------


def _require_int(n: int, what: str, minimum: int, maximum: int | None = None) -> None:
    """ValueError/TypeError unless n is an int (not bool) within [minimum, maximum]."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"{what} phải là số nguyên, nhận được {type(n).__name__}: {n!r}")
    if n < minimum or (maximum is not None and n > maximum):
        upper = "" if maximum is None else f" đến {maximum}"
        raise ValueError(f"{what} phải từ {minimum}{upper}, nhận được {n}.")


def roman(n: int) -> str:
    """Roman numeral for 1..MAX_ROMAN.

    >>> roman(14), roman(2026), roman(MAX_ROMAN)
    ('XIV', 'MMXXVI', 'MMMCMXCIX')
    """
    _require_int(n, "Số La Mã", minimum=1, maximum=MAX_ROMAN)
    digits = []
    for amount, symbol in _ROMAN_VALUES:
        count, n = divmod(n, amount)
        digits.append(symbol * count)
    return "".join(digits)


def point_letter(index: int) -> str:
    """Letter of the 0-based điểm: 0 -> "a", 4 -> "đ", 5 -> "e", 6 -> "g".

    Only the 23 letters of VIETNAMESE_LETTERS exist; index 23 or more raises ValueError.
    """
    _require_int(index, "Thứ tự điểm", minimum=0, maximum=len(VIETNAMESE_LETTERS) - 1)
    return VIETNAMESE_LETTERS[index]


# --- dates ---------------------------------------------------------------------


def pad_day(day: int) -> str:
    """Day of month, always two digits: 4 -> "04"."""
    _require_int(day, "Ngày", minimum=1, maximum=31)
    return f"{day:02d}"


def pad_month(month: int) -> str:
    """Month as ND30 writes it: 1 and 2 get a leading 0 ("01", "02"), others do not ("6", "12")."""
    _require_int(month, "Tháng", minimum=1, maximum=12)
    return f"{month:02d}" if month <= 2 else str(month)


def format_date_long(d: date) -> str:
    """Long date: "ngày 04 tháng 6 năm 2020"."""
    return f"ngày {pad_day(d.day)} tháng {pad_month(d.month)} năm {d.year}"


def format_date_short(d: date) -> str:
    """Short date: "04/6/2020", "10/02/2020"."""
    return f"{pad_day(d.day)}/{pad_month(d.month)}/{d.year}"


def format_place_date(place: str, day: int | None, month: int, year: int) -> str:
    """Place and date: "Hồ Sơn, ngày 04 tháng 6 năm 2025"; a draft (day None) gets DRAFT_BLANK instead.

    >>> format_place_date("Hồ Sơn", 4, 6, 2025), format_date_long(date(2026, 1, 20))
    ('Hồ Sơn, ngày 04 tháng 6 năm 2025', 'ngày 20 tháng 01 năm 2026')
    """
    if day is None:
        return f"{place}, ngày{DRAFT_BLANK}tháng {pad_month(month)} năm {year}"
    return f"{place}, {format_date_long(date(year, month, day))}"


# --- document numbers (with signs and references: documents.py) ----------------


def format_doc_number(so: int) -> str:
    """Số văn bản: below 10 with a leading 0 ("05"), never grouped ("1408")."""
    _require_int(so, "Số văn bản", minimum=1)
    return f"{so:02d}"
