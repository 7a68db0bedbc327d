"""Tests for baocao.conventions.formatting; expected strings are copied from the reference reports."""

import decimal
import re
import unicodedata
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baocao.conventions.documents import format_doc_reference, format_so_ky_hieu, number_and_sign
from baocao.conventions.formatting import (
    DEFAULT_PERCENT_DECIMALS,
    DRAFT_BLANK,
    ROUNDING,
    VIETNAMESE_LETTERS,
    format_change,
    format_date_long,
    format_date_short,
    format_difference,
    format_doc_number,
    format_dong,
    format_million_dong,
    format_number,
    format_percent,
    format_place_date,
    pad2,
    pad_day,
    pad_month,
    parse_vn_number,
    percent_of,
    point_letter,
    ratio_words,
    roman,
    round_half_up,
)

COMMA_HINT = "Dùng dấu phẩy cho phần thập phân, dấu chấm để phân cách hàng nghìn: 1.539,72"


class TestConstants:
    def test_rounds_half_up_by_default(self):
        assert ROUNDING == decimal.ROUND_HALF_UP
        assert DEFAULT_PERCENT_DECIMALS == 1

    def test_leaves_six_spaces_for_a_draft_blank(self):
        assert DRAFT_BLANK == "      "


class TestRoundHalfUp:
    @pytest.mark.parametrize(
        ("value", "decimals", "expected"),
        [
            (2.25, 1, Decimal("2.3")),
            (Decimal("2.25"), 1, Decimal("2.3")),
            (Decimal("-2.25"), 1, Decimal("-2.3")),
            (Decimal("0.05"), 1, Decimal("0.1")),
            (12.5, 0, Decimal("13")),
            (2.675, 2, Decimal("2.68")),  # binary float 2.675 is 2.67499..., str() keeps 2.675
            (7, 2, Decimal("7.00")),
        ],
    )
    def test_rounds_halves_away_from_zero(self, value, decimals, expected):
        result = round_half_up(value, decimals)
        assert result == expected
        assert result.as_tuple().exponent == -decimals

    def test_refuses_negative_decimals(self):
        with pytest.raises(ValueError):
            round_half_up(1, -1)

    @pytest.mark.parametrize("value", ["1,5", True, None])
    def test_refuses_values_that_are_not_numbers(self, value):
        with pytest.raises(TypeError):
            round_half_up(value, 1)

    def test_refuses_non_finite_floats(self):
        with pytest.raises(ValueError):
            round_half_up(float("nan"), 1)


class TestFormatNumber:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (Decimal("1539.72"), "1.539,72"),
            (1539.72, "1.539,72"),
            (4597, "4.597"),
            (23900, "23.900"),
            (5445000, "5.445.000"),
            (441245000, "441.245.000"),
            (Decimal("0.6"), "0,6"),
            (Decimal("7.041"), "7,041"),
            (Decimal("1507.0"), "1.507"),
            (-1020, "-1.020"),
            (0, "0"),
        ],
    )
    def test_keeps_the_values_own_digits_by_default(self, value, expected):
        assert format_number(value) == expected

    @pytest.mark.parametrize(
        ("value", "decimals", "expected"),
        [
            (1507, 1, "1.507,0"),
            (2.25, 1, "2,3"),
            (Decimal("1306.9035"), 3, "1.306,904"),
            (Decimal("1539.72"), 0, "1.540"),
            (Decimal("-0.04"), 1, "0,0"),
        ],
    )
    def test_rounds_half_up_and_pads_to_fixed_decimals(self, value, decimals, expected):
        assert format_number(value, decimals) == expected


class TestFormatPercent:
    @pytest.mark.parametrize(
        ("value", "decimals", "expected"),
        [
            (43.4, 1, "43,4%"),
            (Decimal("101.3"), 1, "101,3%"),
            (Decimal("99.98"), 2, "99,98%"),
            (99, 0, "99%"),
            (100, 1, "100,0%"),
            (Decimal("0.05"), 1, "0,1%"),
            (Decimal("98.45"), 1, "98,5%"),
            (Decimal("12.5"), 0, "13%"),
            (-3, 1, "-3,0%"),
        ],
    )
    def test_writes_a_percentage_without_a_space(self, value, decimals, expected):
        assert format_percent(value, decimals) == expected

    @pytest.mark.parametrize(
        ("value", "decimals", "expected"),
        [(100, 1, "100%"), (Decimal("98.50"), 2, "98,5%"), (Decimal("101.34"), 1, "101,3%")],
    )
    def test_drops_trailing_zeros_only_when_asked(self, value, decimals, expected):
        assert format_percent(value, decimals, trim=True) == expected


class TestPercentOf:
    def test_rounds_half_up(self):
        assert percent_of(1, 8) == Decimal("12.5")
        assert percent_of(1, 8, decimals=0) == Decimal("13")
        assert percent_of(4597, 4538) == Decimal("101.3")

    def test_is_none_without_a_part_or_a_whole(self):
        assert percent_of(None, 5) is None
        assert percent_of(5, 0) is None
        assert percent_of(5, None) is None
        assert percent_of(5, Decimal("0.0")) is None


class TestRatios:
    def test_writes_a_ratio_in_the_house_wording(self):
        assert ratio_words("đạt", percent_of(482, 1000), "kế hoạch") == "đạt 48,2% kế hoạch"
        assert ratio_words("đạt", Decimal(105), "KH", trim=True) == "đạt 105% KH"
        assert ratio_words("bằng", Decimal(99), "CK", decimals=0) == "bằng 99% CK"

    def test_without_a_verb(self):
        assert ratio_words("", Decimal("98.75"), "CTKH") == "98,8% CTKH"


class TestFormatChange:
    @pytest.mark.parametrize(
        ("value", "previous", "expected"),
        [
            (1051, 1000, "tăng 5,1% so với cùng kỳ"),
            (970, 1000, "giảm 3,0% so với cùng kỳ"),
            (1000, 1000, "bằng cùng kỳ"),
            (10004, 10000, "bằng cùng kỳ"),
        ],
    )
    def test_writes_the_relative_change(self, value, previous, expected):
        assert format_change(value, previous) == expected

    def test_agrees_with_the_ratio_to_the_same_period(self):
        # 96,95% rounds to 97,0%, so the change is 3,0% (not 3,05% rounded to 3,1%).
        assert ratio_words("bằng", percent_of(9695, 10000), "so với cùng kỳ") == "bằng 97,0% so với cùng kỳ"
        assert format_change(9695, 10000) == "giảm 3,0% so với cùng kỳ"

    def test_refuses_a_zero_previous_value(self):
        with pytest.raises(ValueError):
            format_change(5, 0)


class TestFormatDifference:
    def test_writes_the_absolute_change_with_its_unit(self):
        assert format_difference(Decimal("4609"), 4597, unit="ha") == "tăng 12 ha so với cùng kỳ"
        assert format_difference(57417, 58437, unit="người") == "giảm 1.020 người so với cùng kỳ"
        assert format_difference(Decimal("5.48"), 5, unit="g") == "tăng 0,48 g so với cùng kỳ"

    def test_omits_an_empty_unit(self):
        assert format_difference(8, 5) == "tăng 3 so với cùng kỳ"

    def test_is_the_same_period_when_the_rounded_difference_is_zero(self):
        assert format_difference(12, 12, unit="vụ") == "bằng cùng kỳ"
        assert format_difference(Decimal("5.04"), 5, decimals=1) == "bằng cùng kỳ"


class TestPad2:
    @pytest.mark.parametrize(("n", "expected"), [(1, "01"), (5, "05"), (9, "09"), (10, "10"), (16, "16"), (0, "0")])
    def test_zero_pads_counts_below_ten(self, n, expected):
        assert pad2(n) == expected

    def test_groups_large_counts(self):
        assert pad2(1265) == "1.265"

    def test_refuses_negative_or_non_integer_counts(self):
        with pytest.raises(ValueError):
            pad2(-1)
        with pytest.raises(TypeError):
            pad2(2.0)


class TestMoney:
    def test_writes_dong(self):
        assert format_dong(441245000) == "441.245.000 đồng"
        assert format_dong(Decimal("157847899.5")) == "157.847.900 đồng"

    def test_converts_dong_to_trieu_dong(self):
        assert format_million_dong(1306903000) == "1.306,903 triệu đồng"
        assert format_million_dong(23900000000) == "23.900 triệu đồng"
        assert format_million_dong(1306903000, decimals=1) == "1.306,9 triệu đồng"


class TestDates:
    @pytest.mark.parametrize(("day", "expected"), [(4, "04"), (10, "10"), (28, "28")])
    def test_pads_every_day_below_ten(self, day, expected):
        assert pad_day(day) == expected

    @pytest.mark.parametrize(("month", "expected"), [(1, "01"), (2, "02"), (3, "3"), (6, "6"), (12, "12")])
    def test_pads_only_january_and_february(self, month, expected):
        assert pad_month(month) == expected

    @pytest.mark.parametrize(("func", "value"), [(pad_day, 0), (pad_day, 32), (pad_month, 0), (pad_month, 13)])
    def test_refuses_impossible_days_and_months(self, func, value):
        with pytest.raises(ValueError):
            func(value)

    def test_writes_long_dates(self):
        assert format_date_long(date(2020, 6, 4)) == "ngày 04 tháng 6 năm 2020"
        assert format_date_long(date(2020, 2, 10)) == "ngày 10 tháng 02 năm 2020"
        assert format_date_long(date(2024, 1, 5)) == "ngày 05 tháng 01 năm 2024"

    @pytest.mark.parametrize(
        ("d", "expected"),
        [
            (date(2020, 6, 4), "04/6/2020"),
            (date(2020, 2, 10), "10/02/2020"),
            (date(2023, 12, 28), "28/12/2023"),
        ],
    )
    def test_writes_short_dates(self, d, expected):
        assert format_date_short(d) == expected

    def test_writes_the_place_and_date_line(self):
        assert format_place_date("Hồ Sơn", 4, 6, 2025) == "Hồ Sơn, ngày 04 tháng 6 năm 2025"
        assert format_place_date("Văn Quan", 5, 1, 2024) == "Văn Quan, ngày 05 tháng 01 năm 2024"

    def test_leaves_the_day_blank_in_a_draft(self):
        assert format_place_date("Hồ Sơn", None, 6, 2025) == "Hồ Sơn, ngày      tháng 6 năm 2025"

    def test_refuses_a_date_that_does_not_exist(self):
        with pytest.raises(ValueError):
            format_place_date("Hồ Sơn", 31, 2, 2025)


class TestParseVnNumber:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("1.539,72", Decimal("1539.72")),
            ("4.597", Decimal("4597")),
            ("1.507", Decimal("1507")),
            ("5.445.000", Decimal("5445000")),
            ("43,4", Decimal("43.4")),
            ("-12", Decimal("-12")),
            ("1507", Decimal("1507")),
            ("  23.900 ", Decimal("23900")),
            (1507, Decimal("1507")),
            (1539.72, Decimal("1539.72")),
            (Decimal("0.6"), Decimal("0.6")),
        ],
    )
    def test_reads_vietnamese_numbers(self, text, expected):
        assert parse_vn_number(text) == expected

    @pytest.mark.parametrize("text", ["1.5", "1539.72", "12.50", "1,507.5", "1.5000", "2.08", "43,4%", "1 507", ",5"])
    def test_refuses_a_dot_that_is_not_a_thousands_separator(self, text):
        with pytest.raises(ValueError, match=re.escape(COMMA_HINT)):
            parse_vn_number(text)

    @pytest.mark.parametrize("text", ["", "   ", True, None, [1], float("inf")])
    def test_refuses_empty_or_non_numbers_with_a_value_error(self, text):
        with pytest.raises(ValueError):
            parse_vn_number(text)

    @given(st.decimals(min_value=-(10**12), max_value=10**12, places=3, allow_nan=False, allow_infinity=False))
    def test_reads_back_what_format_number_writes(self, value):
        assert parse_vn_number(format_number(value)) == value


class TestRoman:
    @pytest.mark.parametrize(
        ("n", "expected"),
        [(1, "I"), (2, "II"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"), (1994, "MCMXCIV"), (3999, "MMMCMXCIX")],
    )
    def test_writes_roman_numerals(self, n, expected):
        assert roman(n) == expected

    @pytest.mark.parametrize("n", [0, -1, 4000])
    def test_refuses_numbers_out_of_range(self, n):
        with pytest.raises(ValueError):
            roman(n)


class TestPointLetter:
    def test_follows_the_vietnamese_alphabet(self):
        letters = [point_letter(i) for i in range(len(VIETNAMESE_LETTERS))]
        assert letters[:8] == ["a", "b", "c", "d", "đ", "e", "g", "h"]
        assert letters[-1] == "y"
        assert len(letters) == 23

    def test_has_no_f_j_w_z(self):
        assert not set("fjwz") & set(VIETNAMESE_LETTERS)

    def test_is_written_in_nfc(self):
        assert unicodedata.is_normalized("NFC", VIETNAMESE_LETTERS)

    @pytest.mark.parametrize("index", [-1, 23])
    def test_refuses_an_index_outside_the_alphabet(self, index):
        with pytest.raises(ValueError):
            point_letter(index)


class TestDocumentNumbers:
    @pytest.mark.parametrize(("so", "expected"), [(5, "05"), (15, "15"), (759, "759"), (1408, "1408")])
    def test_pads_numbers_below_ten_and_never_groups(self, so, expected):
        assert format_doc_number(so) == expected

    def test_refuses_number_zero(self):
        with pytest.raises(ValueError):
            format_doc_number(0)

    def test_writes_the_so_ky_hieu_line(self):
        assert format_so_ky_hieu(5, "BC", "UBND") == "Số: 05/BC-UBND"
        assert format_so_ky_hieu(15, "BC", "UBND") == "Số: 15/BC-UBND"

    def test_leaves_the_number_blank_in_a_draft(self):
        assert format_so_ky_hieu(None, "BC", "UBND") == "Số:      /BC-UBND"

    def test_writes_a_cong_van_sign_without_a_type(self):
        assert format_so_ky_hieu(1408, None, "UBND-VP") == "Số: 1408/UBND-VP"

    def test_number_and_sign_without_a_label(self):  # the figure file's so_ky_hieu
        assert number_and_sign(5, "BC-UBND") == "05/BC-UBND"
        assert number_and_sign(5, "BC-UBND", "Số:") == format_so_ky_hieu(5, "BC", "UBND")

    def test_cites_a_document_in_full(self):
        cited = format_doc_reference(
            "Kế hoạch",
            241,
            "KH-UBND",
            date(2023, 12, 28),
            issuer="UBND tỉnh Lạng Sơn",
            about="công tác thi đua",
        )
        assert cited == "Kế hoạch số 241/KH-UBND ngày 28/12/2023 của UBND tỉnh Lạng Sơn về công tác thi đua"

    def test_cites_a_document_briefly(self):
        report = format_doc_reference("Báo cáo", 759, "BC-UBND", date(2024, 9, 27))
        plan = format_doc_reference("Kế hoạch", 25, "KH-UBND", date(2020, 2, 10))
        assert report == "Báo cáo số 759/BC-UBND ngày 27/9/2024"
        assert plan == "Kế hoạch số 25/KH-UBND ngày 10/02/2020"

    def test_keeps_a_party_number_as_written(self):
        cited = format_doc_reference("Công văn", " 1408-CV ", "HU", date(2020, 6, 4), issuer="Huyện ủy Văn Quan")
        assert cited == "Công văn số 1408-CV/HU ngày 04/6/2020 của Huyện ủy Văn Quan"

    def test_cites_a_draft_without_number_or_date(self):
        assert format_doc_reference("Báo cáo", None, "BC-UBND", None) == "Báo cáo số      /BC-UBND"
