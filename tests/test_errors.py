"""Bad input gets a clear error and loses nothing.

Each test breaks a copy of the example in its own way, builds it through the command line and
checks: exit code 1, the message names the file and the line (and column when known), says in
Vietnamese what is wrong and what to do, and no file is written or replaced.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
import zipfile
from pathlib import Path

import pytest
from helpers import insert_under

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "xa-tan-hoa"
REPORT = "thi-dua-6-thang-2026.yaml"
OLD_OUTPUT = b"an earlier build the clerk may still need"


@pytest.fixture
def report(tmp_path: Path) -> Path:
    """A copy of the example report (with its don-vi.yaml) to break."""
    shutil.copytree(EXAMPLE, tmp_path / "bao-cao")
    return tmp_path / "bao-cao" / REPORT


def set_key(path: Path, key: str, value: str) -> int:
    """Give the top-level `key` this value (adding the key if absent); return its line."""
    text = path.read_text(encoding="utf-8")
    line = f"{key}: {value}"
    text, found = re.subn(rf"^{key}:[^\n]*$", lambda _: line, text, count=1, flags=re.MULTILINE)
    if not found:
        text = text.rstrip("\n") + f"\n{line}\n"
    path.write_text(text, encoding="utf-8")
    return text.splitlines().index(line) + 1


def replace_line(path: Path, pattern: str, line: str) -> int:
    """Replace the first line matching `pattern`; return its number."""
    text = path.read_text(encoding="utf-8")
    match = re.search(pattern, text, re.MULTILINE)
    assert match, f"the example no longer has a line matching {pattern!r}"
    path.write_text(text[: match.start()] + line + text[match.end() :], encoding="utf-8")
    return text.count("\n", 0, match.start()) + 1


def add_figures(report: Path, yaml_lines: str) -> int:
    return insert_under(report, "so_lieu", yaml_lines)


def add_sentence(report: Path, yaml_item: str) -> int:
    """Add a paragraph (a YAML list item, already indented) to mo_dau; return its first line."""
    return insert_under(report, "mo_dau", yaml_item)


def refused(cli, report: Path) -> str:
    """Build `report` to the default place and over an existing file: both fail, nothing is written."""
    existing = report.parent / "da-soan.docx"
    existing.write_bytes(OLD_OUTPUT)
    before = sorted(report.parent.iterdir())
    code, _, err = cli("build", report, "-o", existing)
    assert code == 1, err
    assert existing.read_bytes() == OLD_OUTPUT
    assert sorted(report.parent.iterdir()) == before  # no temporary file left behind either
    code, _, err_default = cli("build", report)
    assert code == 1
    assert not Path("output").exists()
    assert "Traceback" not in err + err_default
    assert f"Không ghi tệp nào cho {report}" in err
    return err


def at(path: Path, line: int, column: int | None = None) -> str:
    """How a message names a place: 'file:line:column' (column only when known)."""
    return f"{path}:{line}:{column}:" if column else f"{path}:{line}:"


# ---- YAML syntax ---------------------------------------------------------------------------


def test_bad_indentation_names_the_line(cli, report):
    first = add_figures(report, "  moi:\n    gia_tri: 5\n     don_vi: ha\n")
    err = refused(cli, report)
    assert at(report, first + 2, 12) in err
    assert "Lỗi cú pháp YAML" in err and "thụt lề cho thẳng hàng" in err


def test_tab_indentation_says_use_spaces(cli, report):
    first = add_figures(report, "  moi:\n\tgia_tri: 5\n")
    err = refused(cli, report)
    assert at(report, first + 1, 1) in err
    assert "Có ký tự Tab" in err and "Dùng dấu cách để thụt lề" in err


def test_sentence_with_colon_read_as_mapping_value(cli, report):
    line = set_key(report, "dong_nghieng", "Số liệu: tính đến hết ngày 10/6/2026")
    err = refused(cli, report)
    assert at(report, line, 22) in err
    assert "dấu hai chấm ':'" in err and 'đặt cả câu trong dấu nháy kép "..."' in err


def test_list_sentence_with_colon_read_as_key(cli, report):
    line = add_sentence(report, "  - Kết quả cụ thể: đạt kế hoạch đề ra\n")
    err = refused(cli, report)
    assert at(report, line, 5) in err
    assert "Khóa 'Kết quả cụ thể' không hợp lệ ở đây" in err
    assert 'đặt cả câu trong dấu nháy kép "..."' in err
    assert "Thiếu khóa bắt buộc" not in err  # the group is a sentence, not a section missing its title


def test_sentence_starting_with_bold_read_as_alias(cli, report):
    line = add_sentence(report, "  - **Kết quả** đạt kế hoạch.\n")
    err = refused(cli, report)
    assert at(report, line, 6) in err
    assert "bắt đầu bằng '*'" in err and 'phải đặt trong dấu nháy kép, ví dụ "**Kết quả** đạt..."' in err


def test_decimal_comma_inside_flow_mapping(cli, report):
    line = add_figures(report, "  moi: {gia_tri: 612,4, don_vi: ha}\n")
    err = refused(cli, report)
    assert at(report, line) in err
    assert "Khóa '4' không hợp lệ ở đây" in err
    assert 'viết số trong dấu nháy ("612,4")' in err


def test_duplicate_key_names_both_lines(cli, report):
    first = add_figures(report, "  moi: 1\n  moi: 2\n")
    err = refused(cli, report)
    assert at(report, first + 1, 3) in err
    assert f"Khóa 'moi' bị khai báo hai lần (lần đầu ở dòng {first})" in err


def test_control_character_names_its_line_and_column(cli, report):
    line = add_sentence(report, "  - Câu có ký tự\x01 lạ.\n")
    err = refused(cli, report)
    assert at(report, line, 17) in err
    assert "Ký tự điều khiển U+0001" in err and "Xóa ký tự này" in err


def test_control_character_from_an_escape(cli, report):
    line = add_sentence(report, '  - "Câu có mã thoát \\x01 lạ."\n')
    err = refused(cli, report)
    assert at(report, line, 5) in err
    assert "Ký tự điều khiển U+0001" in err


LAUGHS = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 9)
)
HOSTILE = [  # YAML that crashed or hung loaders: (text appended to the report, its line offset, message)
    pytest.param("x: " + "[" * 10_000 + "]" * 10_000, 0, "lồng nhau quá 50 cấp", id="flow-10000"),
    pytest.param("x: &x [*x]", 0, "trỏ vào chính nhóm chứa nó", id="alias-loop"),
    pytest.param("x:\n  <<: {a: 1}", 1, "Không dùng khóa gộp '<<'", id="merge-key"),
    pytest.param("? [a, b]\n: c", 0, "Khóa không hợp lệ", id="collection-key"),
    pytest.param("x: !!binary aGVsbG8=", 0, "Kiểu giá trị 'tag:yaml.org,2002:binary' không được hỗ trợ", id="binary"),
    pytest.param("x: " + "9" * 5000, 0, "Khóa 'x'", id="huge-key-number"),
    pytest.param("x: !khong_co gì", 0, "Không đọc được giá trị", id="unknown-tag"),
    pytest.param("x: !!", 0, "bắt đầu bằng '!' bị hiểu là kiểu dữ liệu", id="bare-tag"),
    pytest.param(
        "x:\n  y:\n" + "".join(f"{'  ' * i}- \n" for i in range(2, 60)), 50, "lồng nhau quá 50 cấp", id="block-60"
    ),
    pytest.param("x: 2026-02-31", 0, "Ngày '2026-02-31' không có trên lịch", id="bad-date"),
    pytest.param("x: a\x9cb", 0, "Ký tự điều khiển U+009C", id="c1-control"),
    pytest.param("---\nx: 1", 0, "Tệp có nhiều hơn một tài liệu", id="two-documents"),
]


@pytest.mark.parametrize(("text", "offset", "message"), HOSTILE)
def test_hostile_yaml_is_a_located_error(cli, report, text, offset, message):
    first = report.read_text(encoding="utf-8").rstrip("\n").count("\n") + 2
    report.write_text(report.read_text(encoding="utf-8").rstrip("\n") + "\n" + text + "\n", encoding="utf-8")
    err = refused(cli, report)
    assert at(report, first + offset) in err and message in err


def test_alias_bomb_is_refused(cli, report):
    report.write_text(report.read_text(encoding="utf-8") + LAUGHS, encoding="utf-8")
    assert "Tệp có quá nhiều giá trị" in refused(cli, report)


def test_report_that_is_not_a_group_of_keys(cli, report):
    report.write_text("- một\n- hai\n", encoding="utf-8")
    err = refused(cli, report)
    assert at(report, 1, 1) in err and "Tệp phải là một nhóm khóa" in err


# ---- the model -----------------------------------------------------------------------------


def test_unknown_key_suggests_the_right_one(cli, report):
    line = replace_line(report, r"^so_lieu:", "so_lieuu:")
    err = refused(cli, report)
    assert at(report, line, 1) in err
    assert "Khóa 'so_lieuu' không hợp lệ ở đây" in err and "Có phải bạn muốn viết 'so_lieu'?" in err


def test_unknown_key_in_the_unit_profile(cli, report):
    unit = report.parent / "don-vi.yaml"
    line = replace_line(unit, r"^noi_nhan:", "noi_nhann:")
    err = refused(cli, report)
    assert at(unit, line, 1) in err
    assert "Khóa 'noi_nhann' không hợp lệ ở đây" in err and "Có phải bạn muốn viết 'noi_nhan'?" in err


def test_wrong_type_says_what_is_expected(cli, report):
    line = set_key(report, "so", "mười")
    err = refused(cli, report)
    assert at(report, line, 5) in err
    assert "Giá trị của 'so' phải là một số nguyên" in err and "Viết bằng chữ số" in err


def test_date_where_text_is_expected_says_use_quotes(cli, report):
    line = set_key(report, "dong_nghieng", "2026-06-10")
    err = refused(cli, report)
    assert at(report, line, 15) in err
    assert (
        "Giá trị của 'dong_nghieng' phải là một đoạn văn bản" in err and 'đặt trong dấu nháy kép, ví dụ "2026"' in err
    )


def test_english_decimal_point_says_use_comma(cli, report):
    line = add_figures(report, "  moi: {gia_tri: 1539.72, don_vi: ha}\n")
    err = refused(cli, report)
    assert at(report, line, 18) in err
    assert "'1539.72'" in err and "Dùng dấu phẩy cho phần thập phân" in err


def test_invalid_date(cli, report):
    line = set_key(report, "ngay", "31/2/2026")
    err = refused(cli, report)
    assert at(report, line, 7) in err
    assert "Ngày '31/2/2026' không có trên lịch" in err and "ví dụ 15/6/2026" in err


@pytest.mark.parametrize("period", ["nửa đầu năm 2026", "quý V năm 2026"])
def test_unknown_period_text_lists_the_forms(cli, report, period):
    line = set_key(report, "ky_bao_cao", period)
    err = refused(cli, report)
    assert at(report, line, 13) in err
    assert f"Không hiểu kỳ báo cáo '{period}'" in err and "6 tháng đầu năm 2025" in err


def test_period_year_out_of_range(cli, report):
    line = set_key(report, "ky_bao_cao", "tháng 12 năm 9999")
    err = refused(cli, report)
    assert at(report, line, 13) in err
    assert "Năm 9999 của kỳ báo cáo không hợp lý" in err


def test_district_level_after_the_reform_names_both_files(cli, report):
    unit = report.parent / "don-vi.yaml"
    level_line = replace_line(unit, r"^cap:.*$", "cap: huyện")
    period_line = set_key(report, "ky_bao_cao", "6 tháng đầu năm 2026")
    err = refused(cli, report)
    assert at(unit, level_line, 6) in err and at(report, period_line, 13) in err
    assert "Cấp 'huyện' không còn từ ngày 01/7/2025" in err and "Dùng cấp xã, phường" in err


def test_missing_unit_profile(cli, report):
    (report.parent / "don-vi.yaml").unlink()
    err = refused(cli, report)
    assert f"{report}: Không tìm thấy hồ sơ đơn vị '{report.parent / 'don-vi.yaml'}'" in err
    assert "Đặt tệp don-vi.yaml cạnh tệp báo cáo" in err


# ---- figures -------------------------------------------------------------------------------


def test_total_that_disagrees_with_its_parts_names_both_lines(cli, report):
    first = add_figures(report, "  phan_a: 1\n  phan_b: 2\n  tong:\n    gia_tri: 4\n    tong_cua: [phan_a, phan_b]\n")
    err = refused(cli, report)
    assert at(report, first + 3, 14) in err and at(report, first + 4, 15) in err
    assert "'tong.gia_tri' ghi 4 nhưng tổng các thành phần là 3" in err


def test_total_cycle(cli, report):
    first = add_figures(report, "  tong_a: {tong_cua: [tong_b]}\n  tong_b: {tong_cua: [tong_a]}\n")
    err = refused(cli, report)
    assert at(report, first, 11) in err
    assert "vòng lặp: tong_a → tong_b → tong_a" in err and "Sửa danh sách tong_cua" in err


def test_unknown_figure_in_a_total(cli, report):
    line = add_figures(report, "  phan_a: 1\n  tong: {tong_cua: [phan_a, khong_co]}\n") + 1
    err = refused(cli, report)
    assert at(report, line, 29) in err
    assert "Số liệu 'khong_co' trong tong_cua chưa được khai báo" in err


# ---- sentences -----------------------------------------------------------------------------


def test_undefined_figure_in_a_sentence_suggests_a_close_name(cli, report):
    add_figures(report, "  dien_tich_lua: {gia_tri: 612, don_vi: ha}\n")
    line = add_sentence(report, "  - Diện tích lúa {{ so_lieu.dien_tich_luaa | so }} ha.\n")
    err = refused(cli, report)
    assert at(report, line, 30)  # the column of the misspelt name in err
    assert "Số liệu 'dien_tich_luaa' chưa được khai báo" in err and "Có phải bạn muốn viết 'dien_tich_lua'?" in err


def test_undefined_attribute_of_a_figure(cli, report):
    add_figures(report, "  dien_tich_lua: {gia_tri: 612, don_vi: ha}\n")
    line = add_sentence(report, "  - Diện tích lúa {{ so_lieu.dien_tich_lua.gia_trii }} ha.\n")
    err = refused(cli, report)
    assert at(report, line, 44)  # the column of the misspelt name in err
    assert "không có thuộc tính 'gia_trii'" in err and "Có phải bạn muốn viết 'gia_tri'?" in err


def test_broken_jinja_tag(cli, report):
    add_figures(report, "  dien_tich_lua: {gia_tri: 612, don_vi: ha}\n")
    line = add_sentence(report, "  - Diện tích lúa {{ so_lieu.dien_tich_lua | so với kế hoạch.\n")
    err = refused(cli, report)
    assert at(report, line, 5) in err
    assert "Biểu thức {{ ... }} viết sai" in err and "(gặp 'với')" in err and "Mỗi '{{' phải có '}}' đi kèm" in err


def test_unknown_filter_suggests_a_close_one(cli, report):
    add_figures(report, "  dien_tich_lua: {gia_tri: 612, don_vi: ha}\n")
    line = add_sentence(report, "  - Diện tích lúa {{ so_lieu.dien_tich_lua | so_dvv }}.\n")
    err = refused(cli, report)
    assert at(report, line, 46)  # the column of the misspelt name in err
    assert "Không có bộ lọc 'so_dvv'" in err and "Có phải bạn muốn viết 'so_dv'?" in err


def test_unbalanced_bold(cli, report):
    line = add_sentence(report, "  - Diện tích **lúa tăng mạnh.\n")
    err = refused(cli, report)
    assert at(report, line, 5) in err
    assert "Dấu '**' được mở mà chưa đóng" in err and "Đóng cặp dấu đánh dấu" in err


def test_heading_typed_with_its_number(cli, report):
    line = insert_under(report, "noi_dung", "  - tieu_de: 1. Công tác chung\n    noi_dung: [Câu văn.]\n")
    err = refused(cli, report)
    assert at(report, line, 14) in err
    assert "có ghi số thứ tự" in err and "số được đánh tự động" in err


def test_named_footnote_not_defined(cli, report):
    line = add_sentence(report, "  - Câu có chú thích[^khong_co].\n")
    err = refused(cli, report)
    assert at(report, line, 5) in err
    assert "Chú thích '[^khong_co]' chưa được định nghĩa" in err and "Thêm 'khong_co: nội dung chú thích'" in err


def test_unused_footnote_is_a_warning_only(cli, report):
    line = insert_under(report, "chu_thich", "  thua: Chú thích không ai gọi.\n")
    code, out, err = cli("build", report)
    assert code == 0, err
    assert (Path("output") / f"{report.stem}.docx").is_file() and "Đã soạn" in out
    assert f"Cảnh báo {at(report, line, 9)} Chú thích 'thua' được định nghĩa nhưng không được dùng" in err
    assert "Gọi nó trong câu bằng [^thua] hoặc xóa đi" in err


# ---- lines inside a multi-line sentence ----------------------------------------------------

FOLDED = """\
  - >-
    Dòng đầu của câu,
    dòng hai {}
    dòng ba.
"""


def test_jinja_syntax_error_inside_a_folded_sentence_names_its_own_line(cli, report):
    first = add_sentence(report, FOLDED.format("{{ so_lieu.x | so với chữ thừa,"))
    err = refused(cli, report)
    assert at(report, first + 2) in err
    assert "(gặp 'với')" in err


def test_syntax_error_inside_a_literal_block_names_its_own_line(cli, report):
    first = add_sentence(report, FOLDED.replace(">-", "|").format("{{ so_lieu.x | so với chữ thừa,"))
    err = refused(cli, report)
    assert at(report, first + 2) in err


def test_undefined_figure_inside_a_folded_sentence_names_its_own_line(cli, report):
    first = add_sentence(report, FOLDED.format("{{ so_lieu.khong_co | so }},"))
    err = refused(cli, report)
    assert at(report, first + 2) in err
    assert "Số liệu 'khong_co' chưa được khai báo" in err


def test_markup_error_inside_a_folded_sentence_names_where_it_starts(cli, report):
    first = add_sentence(report, FOLDED.format("**đậm chưa đóng,"))
    err = refused(cli, report)
    assert at(report, first + 1) in err
    assert "Dấu '**' được mở mà chưa đóng" in err


# ---- Unicode -------------------------------------------------------------------------------


def test_nfd_input_gives_an_nfc_document(cli, report):
    nfd = unicodedata.normalize("NFD", report.read_text(encoding="utf-8"))
    assert not unicodedata.is_normalized("NFC", nfd)
    report.write_text(nfd, encoding="utf-8")
    code, _, err = cli("build", report, "-o", "ket-qua.docx")
    assert code == 0, err
    with zipfile.ZipFile("ket-qua.docx") as docx:
        document = docx.read("word/document.xml").decode("utf-8")
        notes = docx.read("word/footnotes.xml").decode("utf-8")
    assert "Tân Hòa" in document
    assert unicodedata.is_normalized("NFC", document) and unicodedata.is_normalized("NFC", notes)
