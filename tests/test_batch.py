"""Batches (`baocao build DIR...`), PDF export and `baocao check`, through the command line.

The units are made by bench/make_units.py from the example: a few communes, one broken on purpose
(a sentence cites an undefined figure).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import docx
import pytest
from helpers import EXAMPLE_DIR, make_units

from baocao import batch, workers
from baocao.batch import Job, build_one, plan
from baocao.compose import sandbox
from baocao.errors import Misuse
from baocao.writers.docx.frame import FrameTemplate, frame_environment

REPORT = "thi-dua-6-thang-2026.yaml"
UNITS, BROKEN = 5, 1


@pytest.fixture(scope="module")
def units(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Unit folders under one folder; the last is broken."""
    return make_units(tmp_path_factory.mktemp("units") / "cac-xa", UNITS, BROKEN)


@pytest.fixture(scope="module")
def two_jobs(units: list[Path], tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess, Path]:
    """`python -m baocao build FOLDER --jobs 2 -o OUT`, run once for the module."""
    out = tmp_path_factory.mktemp("jobs2") / "ket-qua"
    result = subprocess.run(
        [sys.executable, "-m", "baocao", "build", str(units[0].parent), "--jobs", "2", "-o", str(out)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    return result, out


def broken_line(unit: Path) -> int:
    """The line of the broken unit's report that cites the undefined figure."""
    lines = (unit / REPORT).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if "so_thon_moi" in line)


def outputs(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()
    }


# --- batches -------------------------------------------------------------------------


def test_batch_writes_the_good_units_and_reports_the_broken_one(two_jobs, units):
    result, out = two_jobs
    assert result.returncode == 1, result.stderr
    good, broken = units[:-BROKEN], units[-1]
    assert sorted(outputs(out)) == sorted(f"{unit.name}/thi-dua-6-thang-2026.docx" for unit in good)
    assert f"{broken / REPORT}:{broken_line(broken)}:" in result.stderr
    assert "Số liệu 'so_thon_moi' chưa được khai báo trong so_lieu." in result.stderr
    assert "Có phải bạn muốn viết 'so_thon'?" in result.stderr
    assert f"Không ghi tệp nào cho {broken / REPORT}" in result.stderr
    assert not (out / broken.name).exists()
    assert "Tổng hợp" in result.stdout and "Đơn vị" in result.stdout and "Tệp kết quả" in result.stdout
    assert f"Đã soạn {UNITS - BROKEN}/{UNITS} báo cáo; {BROKEN} báo cáo có lỗi" in result.stdout
    assert "Traceback" not in result.stderr


def test_one_job_and_two_jobs_write_the_same_bytes(cli, two_jobs, units, tmp_path):
    _, out = two_jobs
    code, _, err = cli("build", units[0].parent, "--jobs", "1", "-o", tmp_path / "mot")
    assert code == 1, err
    assert outputs(tmp_path / "mot") == outputs(out)


def test_this_process_builds_too_and_a_crash_fails_one_report(units, monkeypatch, tmp_path):
    jobs = plan(units[:-BROKEN], tmp_path)[:3]  # the workers take jobs 0 and 1 first, this process job 2

    render, parent = batch.pipeline.render, os.getpid()

    def crash(*args):
        if os.getpid() != parent:  # a worker (a copy of this process where workers fork) renders as usual
            return render(*args)
        raise RuntimeError("hỏng")

    monkeypatch.setattr(batch.pipeline, "render", crash)
    outcomes = batch.run(jobs, 2)
    assert [o.job for o in outcomes] == jobs
    assert outcomes[0].ok and outcomes[1].ok
    assert "Chương trình gặp lỗi khi soạn báo cáo này (RuntimeError: hỏng)" in outcomes[2].problems[0].message


def test_a_process_compiles_the_template_and_the_sentences_once(tmp_path):
    """A worker's second report compiles nothing: the frame's parts and the sentences are cached."""
    first, second = (Job(EXAMPLE_DIR / REPORT, tmp_path / f"{n}.docx", "xa") for n in (1, 2))
    build_one(first)

    def compiled() -> tuple[int, int, int]:
        return (
            frame_environment().from_string.cache_info().misses,
            len(FrameTemplate._patched),
            sandbox.compile_sentence.cache_info().misses,
        )

    before = compiled()
    assert build_one(second).ok
    assert compiled() == before


def test_batch_output_defaults_to_output_folder_per_unit(cli, units, tmp_path):
    code, out, _ = cli("build", units[0], units[1] / REPORT, "--jobs", "1")
    assert code == 0
    assert (tmp_path / "output" / units[0].name / "thi-dua-6-thang-2026.docx").is_file()
    assert (tmp_path / "output" / "thi-dua-6-thang-2026.docx").is_file()  # a file named on the command line
    assert "Đã soạn 2/2 báo cáo." in out


def test_validate_takes_folders_too(cli, units, tmp_path):
    code, out, err = cli("validate", units[0].parent)
    assert code == 1
    assert out.count("Hợp lệ") == UNITS - BROKEN
    assert f"{units[-1] / REPORT}:{broken_line(units[-1])}:" in err
    assert not (tmp_path / "output").exists()


def test_only_reports_in_unit_folders_are_built(cli, tmp_path):
    unit = tmp_path / "xa"
    shutil.copytree(EXAMPLE_DIR, unit, ignore=shutil.ignore_patterns("*-2026.yaml"))
    shutil.copy(EXAMPLE_DIR / REPORT, unit)
    (unit / "ghi-chu.yaml").write_text("danh_sach: [a, b]\n", encoding="utf-8")  # no ky_bao_cao: not a report
    (unit / "ban-nhap").mkdir()
    shutil.copy(EXAMPLE_DIR / REPORT, unit / "ban-nhap")  # no don-vi.yaml beside it: not a unit
    code, out, err = cli("build", tmp_path)
    assert code == 0, err
    assert sorted(outputs(tmp_path / "output")) == ["xa/thi-dua-6-thang-2026.docx"]


def test_folder_without_reports_is_an_error(cli, tmp_path):
    (tmp_path / "trong").mkdir()
    code, _, err = cli("build", tmp_path / "trong")
    assert code == 1
    assert "Không tìm thấy tệp báo cáo nào trong thư mục này" in err and "don-vi.yaml" in err
    assert not (tmp_path / "output").exists()


def test_two_reports_writing_the_same_file_are_refused(cli, units, tmp_path):
    code, _, err = cli("build", units[0] / REPORT, units[1] / REPORT)
    assert code == 1
    assert f"Báo cáo này và '{units[0] / REPORT}' cùng ghi ra tệp 'output/thi-dua-6-thang-2026.docx'" in err
    assert not (tmp_path / "output").exists()


def test_validate_accepts_reports_that_build_would_write_to_the_same_file(cli, units, tmp_path):
    """validate writes nothing, so two units' reports of the same name are no clash for it."""
    code, out, err = cli("validate", units[0] / REPORT, units[1] / REPORT)
    assert code == 0, err
    assert out.count("Hợp lệ") == 2 and "cùng ghi ra tệp" not in err
    assert not (tmp_path / "output").exists()


def test_docx_output_name_with_a_folder_is_misuse(cli, units, tmp_path):
    code, _, err = cli("build", units[0], "-o", tmp_path / "mot.docx")
    assert code == 2
    assert "-o TEP.docx chỉ dùng khi soạn một tệp báo cáo" in err


# --- PDF -----------------------------------------------------------------------------


@pytest.mark.needs_soffice
def test_plan_makes_every_job_with_the_commands_settings(units, tmp_path):
    """build's options reach each job through plan (0 seconds: no limit), the CLI rewrites none."""
    jobs = plan(units[:2], tmp_path, strict=True, seconds=0, figures=True)
    assert [(job.strict, job.seconds, job.figures) for job in jobs] == [(True, None, True)] * 2
    assert jobs[0].figure_targets == [
        jobs[0].target.with_name(f"{jobs[0].target.stem}-so-lieu{suffix}") for suffix in (".xlsx", ".json")
    ]
    assert plan(units[:1], tmp_path)[0].figure_targets == []
    asked = {
        (False, False, False): ("", False),
        (True, False, False): ("pdf", False),
        (False, True, False): ("pdfa-2b", False),  # --pdfa alone: a PDF/A (--pdf implied)
        (False, False, True): ("pdfa-3b", True),  # --kem-so-lieu: a PDF/A-3b holding the figure files it writes
    }
    for (pdf, pdfa, attach), expected in asked.items():
        job = plan(units[:1], tmp_path, pdf=pdf, pdfa=pdfa, attach=attach)[0]
        assert (job.pdf, job.figures) == expected


def test_plan_refuses_one_output_file_for_several_reports(units, tmp_path):
    with pytest.raises(Misuse, match="-o TEP.html chỉ dùng khi soạn một tệp báo cáo") as caught:
        plan([units[0]], tmp_path / "mot.html", writer="html")
    assert caught.value.option == "-o"
    reports = [unit / REPORT for unit in units[:2]]
    with pytest.raises(Misuse):
        plan(reports, tmp_path / "mot.docx")
    assert plan(reports[:1], tmp_path / "mot.docx")[0].target == tmp_path / "mot.docx"


def test_pdf_beside_each_docx_in_one_batch(cli, units, tmp_path):
    code, out, err = cli("build", units[0], units[1], "--pdf", "-o", tmp_path / "ra")
    assert code == 0, err
    for unit in units[:2]:
        pdf = tmp_path / "ra" / unit.name / "thi-dua-6-thang-2026.pdf"
        assert pdf.read_bytes().startswith(b"%PDF"), pdf
    assert not list((tmp_path / "ra").glob(".baocao-*"))  # the scratch folder is gone
    assert "Đã soạn 2/2 báo cáo (kèm 2 tệp PDF)." in out


@pytest.mark.needs_soffice
def test_pdf_of_one_report_keeps_the_libreoffice_profile_for_next_time(cli, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    code, out, err = cli("build", EXAMPLE_DIR / REPORT, "--pdf")
    assert code == 0, err
    assert (tmp_path / "output" / "thi-dua-6-thang-2026.pdf").read_bytes().startswith(b"%PDF")
    assert "Đã xuất PDF output/thi-dua-6-thang-2026.pdf" in out
    assert (tmp_path / "cache" / "baocao" / "libreoffice-profile" / "user").is_dir()
    assert [p.name for p in (tmp_path / "cache" / "baocao").iterdir()] == ["libreoffice-profile"]


def test_pdf_without_libreoffice_says_how_to_install_it(cli, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path / "khong-co-gi"))
    code, out, err = cli("build", EXAMPLE_DIR / REPORT, "--pdf")
    assert code == 1
    assert "Không tìm thấy LibreOffice" in err and "sudo apt-get install libreoffice-writer" in err
    assert "libreoffice.org" in err
    assert (tmp_path / "output" / "thi-dua-6-thang-2026.docx").is_file()  # the .docx is still written
    assert not (tmp_path / "output" / "thi-dua-6-thang-2026.pdf").exists()


# --- check ---------------------------------------------------------------------------


@pytest.fixture
def letter_docx(tmp_path: Path) -> Path:
    """A document Word makes by default: Letter paper, Calibri: not ND30."""
    path = tmp_path / "thu.docx"
    word = docx.Document()
    word.add_paragraph("Kính gửi: Ủy ban nhân dân tỉnh.")
    word.save(str(path))
    return path


def test_everything_build_writes_passes_check(cli, two_jobs, example_docx):
    _, out = two_jobs
    written = [example_docx, *sorted(out.rglob("*.docx"))]
    code, stdout, err = cli("check", *written)
    assert code == 0, stdout + err
    assert all(f"{path}: " in stdout for path in written)


def test_check_exit_code_and_table_for_a_file_with_errors(cli, letter_docx):
    code, out, _ = cli("check", letter_docx)
    assert code == 1
    for header in ("Mức độ", "Mã", "Vị trí", "Nội dung", "Căn cứ"):
        assert header in out
    assert "kho-giay" in out and "Lỗi" in out


def test_check_json_is_json_only(cli, letter_docx, example_docx):
    code, out, _ = cli("check", letter_docx, example_docx, "--json")
    assert code == 1
    results = json.loads(out)
    assert [r["file"] for r in results] == [str(letter_docx), str(example_docx)]
    assert results[0]["error"] is None and {"loi"} <= {f["severity"] for f in results[0]["findings"]}
    assert {"severity", "code", "message", "where", "rule"} == set(results[0]["findings"][0])
    assert not any(f["severity"] == "loi" for f in results[1]["findings"])


def test_check_of_a_good_file_exits_0_even_in_json(cli, example_docx):
    code, out, _ = cli("check", example_docx, "--json")
    assert code == 0
    assert json.loads(out)[0]["file"] == str(example_docx)


def test_check_of_an_unreadable_file(cli, tmp_path):
    fake = tmp_path / "khong-phai.docx"
    fake.write_text("không phải tệp Word", encoding="utf-8")
    code, _, err = cli("check", fake)
    assert code == 1
    assert f"{fake}: Không đọc được tệp Word" in err
    code, out, _ = cli("check", fake, "--json")
    assert code == 1
    assert json.loads(out)[0]["error"].startswith("Không đọc được tệp Word")


def test_an_unreadable_file_is_told_in_vietnamese(cli, tmp_path):
    fake = tmp_path / "ban-cu.docx"
    fake.write_bytes(b"\xd0\xcf\x11\xe0 a .doc of Word 97")
    code, _, err = cli("check", fake)
    assert code == 1
    assert "không phải dạng .docx" in err and "zip" not in err and "Package" not in err


def test_check_usage_errors(cli, tmp_path):
    code, _, err = cli("check")
    assert code == 2 and "Thiếu tên tệp Word (.docx)" in err
    code, _, err = cli("check", tmp_path / "khong-co.docx")
    assert code == 2 and "không có tệp" in err


def test_workers_are_copies_of_this_process_only_where_that_is_safe(monkeypatch):
    """fork on Linux from a process with no other thread (whose locks the copy would keep held); spawn otherwise."""
    monkeypatch.setattr(workers.sys, "platform", "linux")
    monkeypatch.setattr(workers.threading, "active_count", lambda: 1)
    assert workers.start_method() == "fork"
    monkeypatch.setattr(workers.threading, "active_count", lambda: 2)  # e.g. a progress bar's own thread
    assert workers.start_method() == "spawn"
    monkeypatch.setattr(workers.threading, "active_count", lambda: 1)
    monkeypatch.setattr(workers.sys, "platform", "darwin")
    assert workers.start_method() == "spawn"
    monkeypatch.setattr(workers.sys, "platform", "linux")
    monkeypatch.delattr(workers.os, "fork")
    assert workers.start_method() == "spawn"


def test_the_progress_bar_runs_no_thread(capsys):
    """Its workers can then be copies of this process (the bar is redrawn as reports end)."""
    from rich.console import Console

    from baocao.cli.views import progress

    before = threading.active_count()
    with progress(Console(), 2) as done:
        assert threading.active_count() == before
        done(None)
