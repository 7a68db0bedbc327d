"""One run tells every problem (errors and warnings, file:line:col), and typed slips are caught at build.

Each test breaks a copy of the example through the command line, as a clerk would.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import insert_under

from baocao.cli.app import MAX_SHOWN

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "xa-tan-hoa"
REPORT = "thi-dua-6-thang-2026.yaml"


@pytest.fixture
def report(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLE, tmp_path / "bao-cao")
    return tmp_path / "bao-cao" / REPORT


def misspell(path: Path, name: str) -> tuple[int, int]:
    """Misspell the first cite of figure `name` in a sentence; return its line and column."""
    text = path.read_text(encoding="utf-8")
    start = text.index(f"so_lieu.{name} ") + len("so_lieu.")
    path.write_text(text[:start] + name + "x" + text[start + len(name) :], encoding="utf-8")
    return text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start)


def test_three_undefined_names_in_three_sentences_in_one_validate(cli, report):
    places = [misspell(report, name) for name in ("van_ban_chi_dao", "tiem_phong", "bo")]  # "bo" in a named footnote
    assert len({line for line, _ in places}) == 3
    code, out, err = cli("validate", report)
    assert code == 1 and "Hợp lệ" not in out
    for (line, column), name in zip(places, ("van_ban_chi_dao", "tiem_phong", "bo"), strict=True):
        assert f"{report}:{line}:{column}: Số liệu '{name}x' chưa được khai báo trong so_lieu." in err
    assert f"({len(places)} lỗi)" in err
    assert "được định nghĩa nhưng không được dùng" not in err  # a note cited by a failing sentence is not unused


def test_every_unknown_name_of_one_sentence_is_told_with_those_of_other_sentences(cli, report):
    """Three misspelt figures in three sentences and two more in one sentence (plus a misspelt filter and an
    unknown top-level name there): one validate tells all seven, each at its line and column."""
    places = [misspell(report, name) for name in ("van_ban_chi_dao", "tiem_phong", "bo")]
    text = report.read_text(encoding="utf-8")
    sentence = "Tổng đàn vật nuôi cơ bản ổn định, không có dịch bệnh lớn xảy ra[^chan_nuoi]."
    assert text.count(sentence) == 1
    planted = (
        "Tổng đàn {{ so_lieu.tongdan | so_dv }} và {{ so_lieu.trau.gia_trii }} con trâu, "
        "{{ so_lieu.lon | so_dvv }} lợn, năm {{ nam_nay }}[^chan_nuoi]."
    )
    report.write_text(text.replace(sentence, planted), encoding="utf-8")
    line = text.count("\n", 0, text.index(sentence)) + 1
    code, _, err = cli("validate", report)
    err = " ".join(err.split())
    assert code == 1
    for (at, column), name in zip(places, ("van_ban_chi_dao", "tiem_phong", "bo"), strict=True):
        assert f"{report}:{at}:{column}: Số liệu '{name}x' chưa được khai báo trong so_lieu." in err
    column = text.index(sentence) - text.rfind("\n", 0, text.index(sentence))
    for message, needle in (
        ("Số liệu 'tongdan' chưa được khai báo trong so_lieu.", "tongdan"),
        ("Số liệu 'trau' không có thuộc tính 'gia_trii'.", "gia_trii"),
        ("Không có bộ lọc 'so_dvv'.", "so_dvv"),
        ("Tên 'nam_nay' chưa được định nghĩa.", "nam_nay"),
    ):
        assert f"{report}:{line}:{column + planted.index(needle)}: {message}" in err
    assert "(7 lỗi)" in err


def test_model_errors_of_both_files_in_one_run(cli, report):
    text = report.read_text(encoding="utf-8")
    report.write_text(
        text.replace("ky_bao_cao:", "so_trang: 3\nky_bao_cao:", 1).replace("so: ", "so: muoi #", 1), encoding="utf-8"
    )
    unit = report.parent / "don-vi.yaml"
    unit.write_text(unit.read_text(encoding="utf-8") + "dia_chi: xã Tân Hòa\n", encoding="utf-8")
    code, _, err = cli("build", report)
    assert code == 1 and not Path("output").exists()
    assert "Khóa 'so_trang' không hợp lệ" in err and "Khóa 'dia_chi' không hợp lệ" in err and "Giá trị của 'so'" in err
    assert "(3 lỗi)" in err


def test_context_lines_are_not_counted_as_errors(cli, report):
    first = insert_under(
        report, "so_lieu", "  phan_a: 1\n  phan_b: 2\n  tong:\n    gia_tri: 4\n    tong_cua: [phan_a, phan_b]\n"
    )
    code, _, err = cli("build", report)
    assert code == 1 and f"{report}:{first + 4}:15: Các thành phần: phan_a, phan_b." in err
    assert err.count("Lỗi ") == 1 and "(1 lỗi)" in err


def test_many_errors_are_shown_up_to_the_limit(cli, report):
    sentences = "".join(f"  - Số {{{{ so_lieu.khong_co_{i} | so }}}}.\n" for i in range(MAX_SHOWN + 7))
    insert_under(report, "mo_dau", sentences)
    code, _, err = cli("validate", report)
    assert code == 1 and err.count("chưa được khai báo trong so_lieu") == MAX_SHOWN
    assert "… và 7 lỗi khác" in err and f"({MAX_SHOWN + 7} lỗi)" in err


SLIPS = "  - Diện tích gieo trồng tăng 2.08 ha, đạt 91,1 % kế hoạch, tăng 5%% so với cùng kỳ.\n"


def test_typed_number_slips_are_warned_at_build_with_their_line(cli, report):
    line = insert_under(report, "mo_dau", SLIPS)
    code, out, err = cli("build", report)
    assert code == 0 and Path("output", REPORT.replace(".yaml", ".docx")).is_file()
    for token, message in (
        ("2.08", "Số «2.08» viết theo kiểu tiếng Anh; viết «2,08»"),
        ("91,1 %", "«91,1 %» có dấu cách trước «%»; viết liền «91,1%»"),
        ("5%%", "«5%%» thừa dấu «%»; viết «5%»"),
    ):
        assert f"Cảnh báo {report}:{line}:{SLIPS.index(token) + 1}: {message}" in err
    assert "dùng lẫn hai kiểu dấu thập phân" in err


def test_a_slip_in_a_footnote_is_warned_once_at_its_column(cli, report):
    """The note's text is looked at with its sentence, not a second time on its own (at its line only)."""
    second = "    10/6/2026, tăng 2.08 ha.].\n"
    line = insert_under(report, "mo_dau", "  - Diện tích tăng[^Đo đến ngày\n" + second) + 1
    code, _, err = cli("build", report)
    warned = [row for row in err.splitlines() if "Số «2.08» viết theo kiểu tiếng Anh" in row]
    assert code == 0 and len(warned) == 1 and f"{report}:{line}:{second.index('2.08') + 1}:" in warned[0]


def test_mixed_decimal_marks_are_told_once_at_the_first_english_decimal(cli, report):
    # the build looks for a right-written decimal only until its first: a later sentence's English one still counts
    line = insert_under(report, "mo_dau", "  - Đạt 91,1% kế hoạch.\n  - Tăng 2.08 ha.\n  - Tăng 3.25 ha.\n")
    code, _, err = cli("build", report)
    mixed = [row for row in err.splitlines() if "dùng lẫn hai kiểu dấu thập phân" in row]
    assert code == 0 and len(mixed) == 1 and f"{report}:{line + 1}:" in mixed[0]
    assert "«2.08»" in mixed[0] and "«3.25»" not in mixed[0]


def test_strict_turns_slips_into_errors_and_writes_nothing(cli, report):
    insert_under(report, "mo_dau", SLIPS)
    code, _, err = cli("build", "--strict", report)
    assert code == 1 and not Path("output").exists()
    assert "Lỗi" in err and "«2.08»" in err and "Cảnh báo" not in err and "(4 lỗi)" in err
    code, _, err = cli("validate", "--strict", report)
    assert code == 1 and "«91,1 %»" in err


def test_numbers_printed_by_filters_and_written_right_are_no_slips(cli, report):
    insert_under(
        report,
        "mo_dau",
        "  - Theo Kế hoạch số 241/KH-UBND ngày 04/6/2026, diện tích 1.539,72 ha (15 m^2^), "
        "đạt {{ so_lieu.lua_xuan | so_ke_hoach }}, {{ 43.4 | phan_tram }} số hộ.\n",
    )
    code, _, err = cli("build", "--strict", report)
    assert code == 0, err
    assert "Cảnh báo" not in err


def test_slips_in_a_table_cell_are_warned_at_their_line(cli, report):
    text = report.read_text(encoding="utf-8")
    typed = "cơ cấu giống lúa chất lượng cao chiếm trên 60% diện tích lúa."
    report.write_text(text.replace(typed, typed.replace("60%", "60 %, 1,539.72 ha"), 1), encoding="utf-8")
    line = text[: text.index(typed)].count("\n") + 1
    code, _, err = cli("validate", report)
    assert code == 0
    assert f"{report}:{line}:" in err and "«60 %»" in err and "Số «1,539.72» viết theo kiểu tiếng Anh" in err


def test_batch_summary_counts_errors_and_warnings_of_a_failed_report(cli, report):
    root = report.parent.parent / "cac-xa"
    for unit in ("xa-dung", "xa-sai"):
        (root / unit).mkdir(parents=True)
        for name in ("don-vi.yaml", REPORT):
            shutil.copy(report.parent / name, root / unit / name)
    for name in ("van_ban_chi_dao", "tiem_phong"):
        misspell(root / "xa-sai" / REPORT, name)
    insert_under(root / "xa-sai" / REPORT, "mo_dau", SLIPS)
    code, out, err = cli("build", root, "-j", "1")
    assert code == 1 and "Đã soạn 1/2 báo cáo" in out
    row = next(line for line in out.splitlines() if "xa-sai" in line)
    assert "Lỗi (2)" in row and row.split("Lỗi (2)")[1].split("│")[1].strip() == "4"  # the slips' warnings too
    assert "(2 lỗi, 4 cảnh báo)" in err
