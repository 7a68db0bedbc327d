"""Hostile input ends quickly with a located Vietnamese message (exit 1), never a hang, a traceback or a file."""

from __future__ import annotations

import os
import shutil
import stat
import struct
import subprocess
import sys
import time
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import EXAMPLE, EXAMPLE_DIR, ReportDir, small_report
from docx import Document
from test_template_resolution import edit_part

from baocao import batch, leftovers, limits
from baocao.batch import plan
from baocao.figures import compute, totals
from baocao.writers.docx.templates import copy_builtin

NESTED_LOOP = "{% for i in range(99999) %}{% for j in range(99999) %}x{% endfor %}{% endfor %}"
HUGE_JOIN = "{{ ([('a'*99999)]*20000) ~ '' }}"
DOUBLING = (
    "{% set ns = namespace(s='ab') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}"
    "{{ ns.s | length }}"
)


@pytest.fixture
def report(tmp_path) -> Path:
    shutil.copytree(EXAMPLE_DIR, tmp_path / "xa")
    return tmp_path / "xa" / EXAMPLE.name


def _fails_fast(cli, *args: object) -> str:
    started = time.monotonic()
    code, out, err = cli(*args)
    assert time.monotonic() - started < 15
    assert code == 1 and "Traceback" not in err + out
    return err


@pytest.mark.parametrize(
    ("tag", "reason"),
    [
        (NESTED_LOOP, "vòng lặp chạy quá 1.000.000 lần"),
        (HUGE_JOIN, "chuỗi quá dài"),
        (DOUBLING, "chuỗi quá dài"),
        ("{% for x in [1] recursive %}{{ loop([1]) }}{% endfor %}", "lồng nhau quá sâu hoặc tự gọi lại chính nó"),
    ],
)
def test_template_over_budget_is_a_located_error(cli, report, tag, reason):
    template = copy_builtin("thi-dua", report.parent)
    edit_part(template, "word/document.xml", lambda xml: xml.replace("{{ trich_yeu }}", tag))
    for command in (["build", report, "-o", report.parent / "out.docx"], ["templates", "check", template]):
        err = _fails_fast(cli, *command)
        assert f"Lỗi {template}: Mẫu Word không hiển thị được. Biểu thức" in err and f"({reason})" in err
    assert not (report.parent / "out.docx").exists()


def test_template_past_its_time_is_a_located_error(cli, report, monkeypatch):
    monkeypatch.setattr(limits, "TEMPLATE_SECONDS", 0.05)
    template = copy_builtin("thi-dua", report.parent)
    slow = "{% for i in range(900) %}{% for j in range(900) %}{% endfor %}{% endfor %}"  # under the turn limit
    edit_part(template, "word/document.xml", lambda xml: xml.replace("{{ trich_yeu }}", slow))
    err = _fails_fast(cli, "build", report, "-o", report.parent / "out.docx")
    assert "Biểu thức vượt giới hạn cho phép (chạy quá 0.05 giây)" in err, err
    assert not (report.parent / "out.docx").exists()


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        (HUGE_JOIN, "chuỗi quá dài"),
        ("{{ (('a' * 99999) ~ ('b' * 99999)) | length }}", "chuỗi quá dài"),
        ("{{ (['a' * 50000] * 2) | string | e }}", "chuỗi quá dài"),
        (NESTED_LOOP, "câu văn không dùng thẻ {% for %}"),
    ],
)
def test_sentence_over_budget_is_a_located_error(cli, report_dir, sentence, reason):
    path = report_dir.write(small_report(noi_dung=[{"tieu_de": "Kết quả", "noi_dung": [sentence]}]))
    err = _fails_fast(cli, "build", path, "-o", report_dir.path / "out.docx")
    assert f"Lỗi {path}:" in err and reason in err, err
    assert not (report_dir.path / "out.docx").exists()


def _zip_bomb(path: Path, part_mb: int = 200) -> Path:
    """A .docx whose document.xml unpacks to `part_mb` MB of spaces (a few hundred KB packed)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("word/document.xml", "w", force_zip64=True) as stream:
            block = b" " * (1 << 20)
            for _ in range(part_mb):
                stream.write(block)
    return path


def _lying_zip(path: Path) -> Path:
    """A .docx whose document.xml declares 1 KB but unpacks to 40 MB (its header edited)."""
    _zip_bomb(path, 40)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("word/document.xml")
    real = struct.pack("<I", info.file_size)
    for at in [i for i in range(len(data) - 3) if data[i : i + 4] == real]:
        data[at : at + 4] = struct.pack("<I", 1024)
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_zip_bomb, "Tệp Word quá lớn để đọc: Phần 'word/document.xml' giải nén ra quá 16 MB."),
        (_lying_zip, "Không đọc được tệp Word (.docx)."),  # unpacking stops at the declared size: the check sum fails
    ],
)
def test_check_refuses_a_zip_bomb_quickly(cli, tmp_path, make, message):
    bomb = make(tmp_path / "bom.docx")
    assert bomb.stat().st_size < 1_000_000
    started = time.monotonic()
    code, out, err = cli("check", bomb)
    assert time.monotonic() - started < 10 and code == 1 and "Traceback" not in out + err
    assert f"Lỗi {bomb}: {message}" in err, err


def test_a_template_zip_bomb_is_refused(cli, report):
    bomb = _zip_bomb(report.parent / "thi-dua.docx")
    code, out, err = cli("templates", "check", bomb)
    assert code == 1 and "Traceback" not in out + err
    assert "Tệp Word quá lớn để đọc: Phần 'word/document.xml' giải nén ra quá 16 MB." in err, err
    err = _fails_fast(cli, "build", report, "-o", report.parent / "out.docx")
    assert f"Lỗi {bomb}: Tệp Word quá lớn để đọc" in err and not (report.parent / "out.docx").exists()


def _chain(depth: int, loop: bool = False) -> dict[str, dict[str, object]]:
    """so_lieu: f0 stated, each next one the total of the one before, listed from the top of the chain down."""
    figures: dict[str, dict[str, object]] = {f"f{i}": {"tong_cua": [f"f{i - 1}"]} for i in range(depth - 1, 0, -1)}
    figures["f0"] = {"tong_cua": [f"f{depth - 1}"]} if loop else {"gia_tri": "1.539,72", "don_vi": "ha"}
    return figures


def test_a_total_chain_1000_deep_is_computed(report_dir):
    sentence = "Tổng {{ so_lieu.f999 | so }} ha."
    report = small_report(so_lieu=_chain(1000), noi_dung=[{"tieu_de": "Kết quả", "noi_dung": [sentence]}])
    target = report_dir.build(report)
    assert "Tổng 1.539,72 ha." in "\n".join(p.text for p in Document(str(target)).paragraphs)


def test_a_loop_of_1000_totals_is_a_located_error(cli, report_dir):
    path = report_dir.write(small_report(so_lieu=_chain(1000, loop=True)))
    err = _fails_fast(cli, "build", path, "-o", report_dir.path / "out.docx")
    assert f"Lỗi {path}:" in err and "được tính qua một chuỗi số liệu quá dài, có vòng lặp" in err, err
    assert not (report_dir.path / "out.docx").exists()


# --- batches: clashing reports, linked folders, what may be replaced, leftovers, time limit ---------


def _unit(folder: Path, name: str = "bao-cao.yaml") -> Path:
    """A unit folder holding the small report under `name`; returns the report."""
    folder.mkdir(parents=True)
    return ReportDir(folder).write(small_report(), name=name)


def test_clashing_reports_are_skipped_and_the_others_built(cli, tmp_path):
    first, second = _unit(tmp_path / "a"), _unit(tmp_path / "b")
    other = _unit(tmp_path / "c", "khac.yaml")
    code, out, err = cli("build", first, second, other, "-j", "1")
    assert code == 1
    for report, clashing in ((first, second), (second, first)):
        assert f"Lỗi {report}: Báo cáo này và '{clashing}' cùng ghi ra tệp 'output/bao-cao.docx'" in err, err
    assert sorted(p.name for p in (tmp_path / "output").iterdir()) == ["khac.docx"]
    assert "Đã soạn 1/3 báo cáo; 2 báo cáo có lỗi" in out


def test_linked_unit_folders_are_followed_once_and_told(tmp_path):
    root = tmp_path / "cac-xa"
    _unit(root / "xa-a")
    outside = _unit(tmp_path / "ngoai" / "xa-b")
    (root / "xa-b").symlink_to(outside.parent, target_is_directory=True)  # followed: built
    (root / "ban-sao").symlink_to(root / "xa-a", target_is_directory=True)  # a second name: told
    (root / "xa-a" / "vong").symlink_to(root, target_is_directory=True)  # a loop: told, not followed
    (root / "mat").symlink_to(tmp_path / "khong-co")  # broken: told
    notes: list = []
    jobs = plan([root], tmp_path / "ra", notes=notes)
    assert sorted(job.unit for job in jobs) == ["xa-a", "xa-b"]
    told = {note.location.file.name: note.message for note in notes}
    assert told["ban-sao"] == "Thư mục này là liên kết tới 'xa-a' (đọc ở đó): bỏ qua để không soạn hai lần."
    assert told["vong"] == f"Thư mục này là liên kết tới '{root}' (đọc ở đó): bỏ qua để không soạn hai lần."
    assert "Liên kết hỏng" in told["mat"]


@pytest.mark.parametrize("kind", ["thư mục", "ống dẫn (fifo)", "liên kết (symlink)", "tệp thiết bị"])
def test_only_a_regular_file_is_replaced(cli, tmp_path, kind):
    report = _unit(tmp_path / "xa")
    target = tmp_path / "ra.docx"
    if kind == "thư mục":
        target.mkdir()
    elif kind == "ống dẫn (fifo)":
        os.mkfifo(target)
    elif kind == "liên kết (symlink)":
        (tmp_path / "that.docx").write_bytes(b"giu nguyen")
        target.symlink_to(tmp_path / "that.docx")
    else:
        if os.geteuid() != 0:
            pytest.skip("making a device file needs root (the fifo case covers special files)")
        os.mknod(target, 0o600 | stat.S_IFCHR, os.makedev(1, 3))
    before = os.lstat(target)
    code, _, err = cli("build", report, "-o", target)
    assert code == 1 and "Traceback" not in err
    assert f"Lỗi {target}: Không ghi đè được: 'ra.docx' ở đây là một {kind}, không phải tệp thường." in err, err
    after = os.lstat(target)
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".baocao-")]


def test_scratch_files_of_a_killed_run_are_removed_next_time(cli, tmp_path):
    report = _unit(tmp_path / "xa")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid, live_pid = int(dead.stdout), os.getppid()
    output = tmp_path / "output"
    output.mkdir()
    stale = [output / f".baocao-{dead_pid}-x1y2.tmp", output / f".baocao-{dead_pid}-pdf-abc"]
    stale[0].write_bytes(b"half a report")
    stale[1].mkdir()
    (stale[1] / "0.docx").write_bytes(b"copy")
    busy = output / f".baocao-{live_pid}-q9.tmp"  # another baocao still running: left alone
    busy.write_bytes(b"")
    mine = output / "ghi-chu.tmp"  # not ours
    mine.write_bytes(b"")
    assert cli("build", report)[0] == 0
    assert sorted(p.name for p in output.iterdir()) == sorted(["bao-cao.docx", busy.name, mine.name])
    assert leftovers.owner(busy.name) == live_pid and leftovers.owner("ghi-chu.tmp") is None


def _slow_figures(monkeypatch, seconds: float) -> list[float]:
    """Make the first report's figures take `seconds` (a stage no sentence or template budget covers)."""
    calls: list[float] = []
    resolve = totals.resolve_figures

    def slow(*args, **kwargs):
        calls.append(time.monotonic())
        if len(calls) == 1:
            time.sleep(seconds)
        return resolve(*args, **kwargs)

    monkeypatch.setattr(compute, "resolve_figures", slow)
    return calls


def test_a_report_past_its_time_fails_alone_and_the_batch_goes_on(monkeypatch, tmp_path):
    slow, fast = _unit(tmp_path / "a"), _unit(tmp_path / "b")
    _slow_figures(monkeypatch, 30)
    jobs = [replace(job, seconds=0.5) for job in plan([slow.parent, fast.parent], tmp_path / "ra")]
    started = time.monotonic()
    first, second = batch.run(jobs, 1)
    assert time.monotonic() - started < 10
    [problem] = first.problems
    assert (problem.location.file, problem.message) == (
        slow,
        "Báo cáo soạn quá 0.5 giây nên bị dừng (đang tính số liệu).",
    )
    assert "--gioi-han-giay" in problem.hint
    assert not jobs[0].target.exists() and second.ok and jobs[1].target.is_file()
