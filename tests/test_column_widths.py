"""Table column widths (conventions/page.column_widths): shared by weight, a column narrower than its longest word
widened with twips the others can spare beyond their longest line (or word, when that line wraps anyway)."""

from __future__ import annotations

import pytest

from baocao.conventions.page import CELL_MARGIN, ColumnNeed, column_widths
from baocao.conventions.text_width import measure, text_units, units_twips
from baocao.document.model import Cell, Row, Table, Text

NONE = ColumnNeed()


def need(text: str, bold: bool = False, wraps: bool = False) -> ColumnNeed:
    return ColumnNeed.of([(text, bold, wraps)])


def test_columns_wide_enough_stay_in_proportion():
    assert column_widths([1, 5, 2, 2], 9000, [NONE] * 4) == [900, 4500, 1800, 1800]
    assert column_widths([1, 1, 1], 2000, [ColumnNeed(600, 600)] * 3) == [666, 666, 668]


def test_a_narrow_column_takes_from_the_spare_room_of_the_others():
    """TT gets 200 twips by weight and needs 400; the name's line fits exactly (nothing to spare); the two number
    columns spare 300 and 100 beyond their lines, and give in that proportion."""
    needs = [ColumnNeed(400, 400), ColumnNeed(500, 1000), ColumnNeed(300, 500), ColumnNeed(300, 700)]
    assert column_widths([1, 5, 4, 4], 2800, needs) == [400, 1000, 650, 750]


def test_a_column_whose_line_wraps_anyway_spares_what_is_beyond_its_longest_word():
    needs = [ColumnNeed(400, 400), ColumnNeed(500, 5000), ColumnNeed(800, 800)]
    assert column_widths([1, 5, 4], 2000, needs) == [400, 800, 800]  # the name: 1000 by weight, gives 200


def test_when_the_others_cannot_spare_enough_the_narrow_column_gets_what_there_is():
    needs = [ColumnNeed(500, 500), ColumnNeed(950, 950), ColumnNeed(900, 900)]
    widths = column_widths([1, 2, 2], 2500, needs)  # 500, 1000, 1000 by weight: 150 to spare, 0 lacking
    assert widths == [500, 1000, 1000]
    widths = column_widths([1, 4, 4], 2700, needs)  # 300, 1200, 1200: TT lacks 200, the others spare 250 + 300
    assert widths == [500, 1110, 1090] and sum(widths) == 2700
    widths = column_widths([1, 3, 3], 2100, needs)  # 300, 900, 900: nothing to spare, TT stays as its weight says
    assert widths == [300, 900, 900]
    widths = column_widths([2, 3, 3], 2400, needs)  # 600, 900, 900: TT spares 100, the others lack 50 and 0
    assert widths == [550, 950, 900]


def text_twips(text: str, size: float, bold: bool = False) -> int:
    return units_twips(text_units(text, bold), size)


def test_a_cell_needs_its_text_in_times_new_roman_with_its_margins():
    assert text_twips("TT", 13, bold=True) == 347  # 2 × 667 thousandths of 13 pt
    assert text_twips("Năng suất lúa", 13) == text_twips("Nang suat lua", 13)  # a letter as wide as its base
    assert text_twips("đĐ", 13) == text_twips("dD", 13)
    assert text_twips("中", 10) == 200  # not listed: one em
    tt = need("TT", bold=True, wraps=True)
    assert tt == ColumnNeed(round(347 * 1.05) + 2 * CELL_MARGIN, 0)  # a heading may wrap: its words only
    assert need("Năng suất lúa vụ mùa").line > need("Năng suất lúa vụ mùa").word == need("Năng").word
    assert need("Lúa", bold=True).word > need("Lúa").word
    assert need("12.345,6") == ColumnNeed.of([("12.345,6", False, False), ("1,5", False, False)])  # the longest stays


def test_a_table_measures_each_column_by_its_own_cells():
    """The header's words, the items' lines; a cell spanning two columns (a group's name) counts in neither."""
    header = Row([Cell([[Text("TT")]]), Cell([[Text("Chỉ tiêu")]]), Cell([[Text("Kế hoạch")]])], "header")
    group = Row([Cell([[Text("VIII")]]), Cell([[Text("Lĩnh vực kinh tế, xã hội và môi trường")]], span=2)], "group")
    item = Row([Cell([[Text("1")]]), Cell([[Text("Lúa "), Text("vụ mùa", bold=True)]]), Cell([[Text("640,0")]])])
    needs = Table([1, 5, 2], [header, group, item]).column_needs()
    assert needs[0] == ColumnNeed.of([("TT", True, True), ("VIII", True, False), ("1", False, False)])
    assert needs[1] == ColumnNeed.of([("Chỉ tiêu", True, True), ("Lúa vụ mùa", True, False)])  # one bold run: bold
    assert needs[2] == ColumnNeed.of([("Kế hoạch", True, True), ("640,0", False, False)])


@pytest.mark.parametrize("text", ["Lúa vụ mùa", " Lúa  vụ\u00a0mùa ", "a\tb", "Năng suất"])
def test_a_paragraph_is_measured_as_typed(text: str) -> None:
    """measure adds its words' cached widths and the spaces between when they are single spaces; any other
    whitespace is measured as it is."""
    for bold in (False, True):
        assert measure(text, bold) == (max(text_units(w, bold) for w in text.split()), text_units(text.strip(), bold))
