"""The command line: Vietnamese help, exit codes (0 ok, 1 input error, 2 misuse), where files go."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import EXAMPLE, EXAMPLE_DIR


@pytest.fixture
def report(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLE_DIR, tmp_path / "bao-cao")
    return tmp_path / "bao-cao" / EXAMPLE.name


def files_under(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*"))


@pytest.mark.parametrize(("args", "exit_code"), [(["--help"], 0), (["-h"], 0), ([], 2)])
def test_main_help_is_vietnamese(cli, args, exit_code):
    code, out, _ = cli(*args)
    assert code == exit_code
    assert "Cách dùng:" in out and "Tùy chọn" in out and "Lệnh" in out
    assert "Soạn tệp Word" in out and "Kiểm tra tệp báo cáo" in out
    assert out.count("Cách dùng:") == 1, "help is shown once"


@pytest.mark.parametrize("command", ["build", "validate"])
def test_command_help_is_vietnamese(cli, command):
    code, out, _ = cli(command, "--help")
    assert code == 0
    assert "Tùy chọn" in out and "Hiện hướng dẫn này rồi thoát." in out
    assert ("Soạn tệp Word" if command == "build" else "Kiểm tra tệp báo cáo") in out


def test_unknown_option_is_misuse(cli, report):
    code, out, err = cli("build", report, "--khong-co")
    assert code == 2
    assert "Không có tùy chọn '--khong-co'" in err and "baocao --help" in err
    assert not Path("output").exists()


def test_missing_file_argument_is_misuse(cli):
    code, _, err = cli("build")
    assert code == 2
    assert "Thiếu tên tệp báo cáo" in err


def test_file_that_does_not_exist_is_misuse(cli, tmp_path):
    code, _, err = cli("validate", tmp_path / "khong-co.yaml")
    assert code == 2
    assert "không có tệp" in err and "khong-co.yaml" in err


def test_a_folder_where_a_file_is_needed_is_told_as_such(cli, tmp_path):
    code, _, err = cli("preview", tmp_path)
    assert code == 2 and "là một thư mục" in err and "không có tệp" not in err


def test_output_option_with_several_reports_is_misuse(cli, report, tmp_path):
    second = report.with_name("ban-sao.yaml")
    shutil.copy(report, second)
    before = files_under(tmp_path)
    code, _, err = cli("build", report, second, "-o", tmp_path / "mot.docx")
    assert code == 2
    assert "-o TEP.docx chỉ dùng khi soạn một tệp báo cáo" in err
    assert files_under(tmp_path) == before


@pytest.mark.parametrize(
    ("command", "name", "instead"),
    [
        ("build", "bao-cao.pdf", "Ghi -o bao-cao.docx (thêm --pdf để có cả tệp PDF)"),
        ("build", "bao-cao.doc", "Ghi -o bao-cao.docx, hoặc tên một thư mục"),
        ("preview", "xem.docx", "Ghi -o xem.html."),
        ("preview", "xem.pdf", "Ghi -o xem.html."),  # no '--pdf' told: preview has none
        ("figures", "so-lieu.docx", "Ghi -o so-lieu.xlsx hoặc -o so-lieu.json."),
    ],
)
def test_output_option_of_another_kind_is_misuse(cli, report, tmp_path, command, name, instead):
    before = files_under(tmp_path)
    code, _, err = cli(command, report, "-o", tmp_path / name)
    assert code == 2
    assert "không phải tên tệp" in err and instead in err
    assert "--pdf" not in err or command == "build"
    assert files_under(tmp_path) == before


def test_output_suffix_is_read_in_any_case(cli, report, tmp_path):
    code, _, err = cli("preview", report, "-o", tmp_path / "XEM.HTML")
    assert code == 0, err
    assert (tmp_path / "XEM.HTML").is_file()


def test_output_option_may_be_an_existing_folder_with_a_dot(cli, report, tmp_path):
    (tmp_path / "ket-qua.2026").mkdir()
    code, _, err = cli("build", report, "-o", tmp_path / "ket-qua.2026")
    assert code == 0, err
    assert (tmp_path / "ket-qua.2026" / f"{report.stem}.docx").is_file()


def test_validate_a_valid_report_writes_nothing(cli, report, tmp_path):
    before = files_under(tmp_path)
    code, out, err = cli("validate", report)
    assert code == 0, err
    assert f"Hợp lệ {report}" in out
    assert files_under(tmp_path) == before


def test_validate_reports_each_bad_file_and_exits_1(cli, report):
    broken = report.with_name("hong.yaml")
    broken.write_text("ky_bao_cao: 6 tháng đầu năm 2026\nngay: 31/2/2026\n", encoding="utf-8")
    code, out, err = cli("validate", report, broken)
    assert code == 1
    assert f"Hợp lệ {report}" in out
    assert f"{broken}:2:7: Ngày '31/2/2026' không có trên lịch" in err


def test_build_writes_output_folder_of_the_current_directory(cli, report, tmp_path):
    code, out, err = cli("build", report)
    assert code == 0, err
    target = Path("output") / f"{report.stem}.docx"
    assert (tmp_path / target).is_file()
    assert f"Đã soạn {target}" in out


def test_build_with_output_option(cli, report, tmp_path):
    code, _, err = cli("build", report, "-o", tmp_path / "ket-qua" / "bao-cao.docx")
    assert code == 0, err
    assert (tmp_path / "ket-qua" / "bao-cao.docx").is_file()
    assert not (tmp_path / "output").exists()


def test_one_bad_report_does_not_stop_the_others(cli, report, tmp_path):
    broken = report.with_name("hong.yaml")
    broken.write_text("so_lieuu: {}\n", encoding="utf-8")
    code, _, err = cli("build", broken, report)
    assert code == 1
    assert (tmp_path / "output" / f"{report.stem}.docx").is_file()
    assert not (tmp_path / "output" / "hong.docx").exists()
    assert f"Không ghi tệp nào cho {broken}" in err


def test_clerk_text_is_not_read_as_console_markup(cli, report):
    """Messages quote the clerk's text; '[/]' or '[bold]' in it must print as typed."""
    text = report.read_text(encoding="utf-8")
    report.write_text(text + '"[bold]x[/]": 1\n', encoding="utf-8")
    code, _, err = cli("validate", report)
    assert code == 1
    assert "Khóa '[bold]x[/]' không hợp lệ ở đây" in err


def test_line_numbers_are_not_turned_into_emoji(cli, report):
    """rich would print 'bao-cao.yaml:100:' as a 💯 emoji."""
    report.write_text("#\n" * 99 + "so_lieuu: {}\n" + report.read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = cli("validate", report)
    assert code == 1
    assert f"{report}:100:1: Khóa 'so_lieuu'" in err


def test_python_dash_m_runs_without_traceback(report, tmp_path):
    report.write_text("so: [\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "baocao", "build", str(report)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert result.returncode == 1
    assert "Lỗi cú pháp YAML" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "output").exists()


def test_a_fault_of_the_program_is_told_plainly_without_a_traceback(cli, report, monkeypatch):
    import baocao.pipeline

    def broken(*_args, **_kwargs):
        raise RuntimeError("hỏng giả lập")

    monkeypatch.setattr(baocao.pipeline, "render", broken)
    monkeypatch.setattr(baocao.pipeline, "build", broken)
    monkeypatch.delenv("BAOCAO_DEBUG", raising=False)
    code, _, err = cli("validate", report)
    assert code == 3
    assert "Lỗi trong chương trình baocao" in err and "hỏng giả lập" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "-j", "0", "."], "Tham số -j/--jobs không hợp lệ: cần một số lớn hơn hoặc bằng 1."),
        (["build", "-j", "hai", "."], "Tham số -j/--jobs không hợp lệ: cần một số nguyên."),
        (["frob"], "Không có lệnh 'frob'."),
        (["build", ".", "-j"], "Tùy chọn '-j' cần một giá trị ngay sau nó."),
        (["build", ".", "--pdf=1"], "Tùy chọn '--pdf' không nhận giá trị; chỉ gõ '--pdf'."),
    ],
)
def test_typers_own_usage_errors_are_vietnamese(cli, args, message):
    code, _, err = cli(*args)
    assert code == 2 and message in err and "Input should" not in err


@pytest.mark.parametrize("command", [[], ["build"], ["check"], ["templates", "check"]])
def test_help_shows_no_python_types(cli, command):
    _, out, _ = cli(*command, "--help")
    assert (
        "Cách dùng:" in out and "<bool>" not in out and "<list" not in out and "<path>" not in out and "x>=" not in out
    )


def test_cli_sign_without_file_says_so_in_vietnamese(cli) -> None:
    code, _, err = cli("sign")
    assert code == 2 and "Thiếu tên tệp PDF." in err
