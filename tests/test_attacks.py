"""Hostile input ends quickly with a located Vietnamese message (exit 1), never a hang, a traceback or a file."""

from __future__ import annotations

import errno
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
import yaml
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import XmlPart
from helpers import EXAMPLE, EXAMPLE_DIR, ReportDir, edit_part, killed_run_leftovers, small_report
from hypothesis import given, settings, strategies

from baocao import batch, leftovers, limits, units
from baocao.batch import plan
from baocao.conventions import formatting as fmt
from baocao.figures import compute, totals
from baocao.nd30 import styles
from baocao.nd30.reader import Docx
from baocao.nd30.styles import related_parts, related_xml
from baocao.writers.docx.templates import copy_builtin

if sys.platform != "win32":
    import resource

NESTED_LOOP = "{% for i in range(99999) %}{% for j in range(99999) %}x{% endfor %}{% endfor %}"
HUGE_JOIN = "{{ ([('a'*99999)]*20000) ~ '' }}"
SMALL_STACK = 256 * 1024  # bytes: a thread's stack on some systems; libyaml's C composer needs ~330 per level
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
    assert "Biểu thức vượt giới hạn cho phép (chạy quá 0,05 giây)" in err, err
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


def test_a_word_file_of_too_many_paragraphs_is_refused_quickly(cli, example_docx, tmp_path, monkeypatch):
    """Time goes with paragraphs, runs and cells, not bytes: 16 MB of empty paragraphs is 2.5 million of them."""
    crowded = edit_part(
        shutil.copyfile(example_docx, tmp_path / "dong.docx"),
        "word/document.xml",
        lambda xml: xml.replace("<w:sectPr", "<w:p/>" * 1_000_000 + "<w:sectPr", 1),
    )
    for command in (["check", crowded], ["import", crowded, "-o", tmp_path / "nhap"]):
        said = f"Lỗi {crowded}: Tệp Word quá lớn để đọc: Tệp có hơn 60.000 đoạn văn, đoạn chữ và ô bảng"
        err = _fails_fast(cli, *command)
        assert "".join(said.split()) in "".join(err.split()), err  # however the terminal wraps it
    assert not (tmp_path / "nhap").exists()
    monkeypatch.setattr(limits, "MAX_ITEMS", 10)
    assert "Tệp có hơn 10 đoạn văn" in _fails_fast(cli, "check", example_docx)


def test_paragraphs_crammed_into_one_are_read_in_linear_time(cli, example_docx, tmp_path, monkeypatch):
    """Each run of a paragraph asks the paragraph's style, and reading its w:pPr goes through all the pPr holds:
    paragraphs crammed into one's w:pPr cost their square (minutes for 50,000). The style is asked once a paragraph."""
    one_run = "<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    crammed = edit_part(
        shutil.copyfile(example_docx, tmp_path / "long.docx"),
        "word/document.xml",
        lambda xml: xml.replace("</w:pPr>", one_run * 18_000 + "</w:pPr>", 1),
    )
    asked, val = [], styles._val
    monkeypatch.setattr(styles, "_val", lambda element, path: asked.append(path) or val(element, path))
    code, _, err = cli("check", crammed)
    assert code in (0, 1) and "Traceback" not in err
    assert asked.count("w:pPr/w:pStyle") < 1_000  # once a paragraph of the document, not once each of 18,000 runs
    edit_part(crammed, "word/document.xml", lambda xml: xml.replace(one_run * 18_000, one_run * 21_000, 1))
    assert "Tệp có hơn 60.000 đoạn văn" in _fails_fast(cli, "check", crammed)  # 21,000 × 3: each run is in two


def test_check_and_import_parse_each_part_once(cli, example_docx, tmp_path, monkeypatch):
    """python-docx's parse is the only one of its parts; the others (footnotes) are parsed once and shared."""
    parsed: list[str] = []
    monkeypatch.setattr(limits, "check_xml", lambda *args: parsed.append("check_xml"))
    load, parts = XmlPart.load.__func__, []
    monkeypatch.setattr(XmlPart, "load", classmethod(lambda cls, name, *a: parts.append(name) or load(cls, name, *a)))
    for command in (["check", example_docx], ["import", example_docx, "-o", tmp_path / "nhap"]):
        parts.clear()
        code, _, err = cli(*command)
        assert code == 0 and not parsed, err
        assert len(parts) == len(set(parts)) and "/word/document.xml" in parts
    document = limits.word_document(example_docx)
    notes = related_parts(document.part, RT.FOOTNOTES)[0]
    assert Docx(document).notes_root is limits.part_xml(notes) is related_xml(document.part, RT.FOOTNOTES)


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
    assert err.count("Lỗi ") == 1  # told once, not once per figure of the loop
    assert not (report_dir.path / "out.docx").exists()


def test_1000_failing_sentences_are_a_bounded_list(cli, report_dir):
    figures = {f"f{i}": {"gia_tri": i, "don_vi": "ha"} for i in range(1000)}  # no plan: so_ke_hoach fails
    sentences = [f"Đạt {{{{ so_lieu.f{i} | so_ke_hoach }}}}." for i in range(1000)]
    path = report_dir.write(small_report(so_lieu=figures, noi_dung=[{"tieu_de": "Kết quả", "noi_dung": sentences}]))
    err = _fails_fast(cli, "validate", path)
    assert err.count(f"Lỗi {path}:") == 50 and "… và 950 lỗi khác" in err and "(1000 lỗi)" in err


# --- injection: text of the clerk's never moves the body, raw tags never write broken OOXML ----------------


@pytest.mark.parametrize("field", ["trich_yeu", "dia_danh"])
def test_the_body_marker_typed_by_a_clerk_is_plain_text(report_dir, field):
    typed = "Tân Hòa \u2063BAOCAO-NOI-DUNG\u2063 BAOCAO-NOI-DUNG-0123456789abcdef0123456789abcdef"
    report = small_report(loai="chung", trich_yeu="Kết quả công tác")
    target = report_dir.build(report | {"trich_yeu": typed} if field == "trich_yeu" else report, dia_danh=typed)
    document = Document(str(target))
    body = [p.text for p in document.paragraphs]
    assert body.index("Các phong trào được triển khai.") > body.index("BÁO CÁO")  # the body stays under the title
    assert typed in "\n".join(body + [cell.text for table in document.tables for cell in table._cells])


def _template_with(report: Path, part: str, old: str, new: str) -> Path:
    template = copy_builtin("thi-dua", report.parent)
    edit_part(template, part, lambda xml: xml.replace(old, new, 1))
    return template


@pytest.mark.parametrize(
    ("part", "old", "new", "message"),
    [
        (
            "word/document.xml",
            "{{ trich_yeu }}",
            "{{r trich_yeu }}",
            "Mẫu Word, phần thân văn bản (word/document.xml), viết chữ «",
        ),
        (  # a block opened in the header's table cell, closed after the table: the table is cut open
            "word/document.xml",
            "{{ so_ky_hieu }}",
            "{% if false %}",
            "Mẫu Word, phần thân văn bản (word/document.xml), viết ra sai cấu trúc (một thẻ mở",
        ),
        ("word/header1.xml", "<w:t>2</w:t>", "<w:t>{{r ho_ten }}</w:t>", "phần đầu trang (word/header1.xml), viết chữ"),
    ],
)
def test_raw_tags_writing_broken_ooxml_are_located_errors(cli, report, part, old, new, message):
    template = _template_with(report, part, old, new)
    if "{% if false %}" in new:
        edit_part(template, part, lambda xml: xml.replace("{{ ten_loai }}", "{% endif %}", 1))
    for command in (["build", report, "-o", report.parent / "out.docx"], ["templates", "check", template]):
        err = _fails_fast(cli, *command)
        assert f"Lỗi {template}: " in err and message in err, err
        assert "Thẻ {{r …}}, {{p …}}" in err
    assert not (report.parent / "out.docx").exists()


# --- program faults on bad input become located errors --------------------------------------------------------


def _broken_part(source: Path, target: Path, part: str) -> Path:
    if source != target:
        shutil.copyfile(source, target)
    return edit_part(target, part, lambda xml: xml + "<junk")


@pytest.mark.parametrize("part", ["word/footnotes.xml", "word/document.xml", "word/_rels/document.xml.rels"])
def test_a_malformed_xml_part_is_a_located_error(cli, example_docx, report, part):
    broken = _broken_part(example_docx, report.parent / "hong.docx", part)
    message = f"Lỗi {broken}: Tệp Word bị hỏng: phần '{part}' không đọc được (dòng "
    for command in (
        ["check", broken],
        ["import", broken, "-o", report.parent / "nhap"],
        ["templates", "check", broken],
    ):
        assert message in _fails_fast(cli, *command)
    assert not (report.parent / "nhap").exists()
    template = copy_builtin("thi-dua", report.parent)
    _broken_part(template, template, part)
    err = _fails_fast(cli, "build", report, "-o", report.parent / "out.docx")
    assert f"Lỗi {template}: Tệp Word bị hỏng: phần '{part}'" in err and not (report.parent / "out.docx").exists()


LONG_NAME = "a" * 5000


@pytest.mark.parametrize(
    "command",
    [
        ["build", f"{LONG_NAME}.yaml"],
        ["validate", f"{LONG_NAME}.yaml"],
        ["build", EXAMPLE, "-o", f"{LONG_NAME}.docx"],
        ["preview", EXAMPLE, "-o", f"{LONG_NAME}.html"],
        ["check", f"{LONG_NAME}.docx"],
        ["import", f"{LONG_NAME}.docx"],
        ["templates", "check", f"{LONG_NAME}.docx"],
        ["templates", "copy", "thi-dua", LONG_NAME],
        ["sign", f"{LONG_NAME}.pdf", "--p12", "x.p12"],
        ["build", EXAMPLE, "--thu-muc-mau", LONG_NAME],
    ],
)
def test_a_5000_character_file_name_is_a_located_error(cli, tmp_path, command):
    err = _fails_fast(cli, *command)
    assert "Lỗi aaaaa" in err and " … aaaa" in err and "tên tệp hoặc đường dẫn quá dài" in err, err
    assert len(err) < 1000  # the name is shown cut
    assert list(tmp_path.iterdir()) == []


def test_templates_copy_into_a_folder_it_cannot_make_is_a_located_error(cli, tmp_path):
    (tmp_path / "tep").write_text("", encoding="utf-8")
    err = _fails_fast(cli, "templates", "copy", "thi-dua", tmp_path / "tep" / "mau")
    assert f"Lỗi {tmp_path / 'tep' / 'mau'}: Không chép được mẫu vào thư mục này (một phần của đường dẫn là tệp" in err


def test_templates_copy_into_a_read_only_folder_is_a_located_error(cli, tmp_path, monkeypatch):
    def read_only(*_args, **_kwargs):  # what a read-only folder answers (tests may run as root, who may write anyway)
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(shutil, "copyfile", read_only)
    err = _fails_fast(cli, "templates", "copy", "thi-dua", tmp_path / "chi-doc")
    assert f"Lỗi {tmp_path / 'chi-doc'}: Không chép được mẫu vào thư mục này (không có quyền)." in err, err


def test_a_missing_templates_folder_is_created(cli, tmp_path):
    code, out, _ = cli("templates", "copy", "thi-dua", tmp_path / "moi" / "mau")
    assert code == 0 and (tmp_path / "moi" / "mau" / "thi-dua.docx").is_file(), out


@pytest.mark.parametrize(("co_phan", "what"), [(False, "mục"), (True, "phần")])
def test_4005_sections_are_refused_at_the_first_past_the_roman_numerals(cli, report_dir, co_phan, what):
    sections = [{"tieu_de": f"Mục {i}", "noi_dung": ["Nội dung."]} for i in range(4005)]
    if co_phan:
        sections = [
            {"tieu_de": f"Phần {i}", "noi_dung": [{"tieu_de": "Mục", "noi_dung": ["Nội dung."]}]} for i in range(4005)
        ]
    path = report_dir.write(small_report(co_phan=co_phan, noi_dung=sections))
    err = _fails_fast(cli, "build", path, "-o", report_dir.path / "out.docx")
    lines = path.read_text(encoding="utf-8").splitlines()
    first = next(n for n, line in enumerate(lines, 1) if line.endswith(f" {'Phần' if co_phan else 'Mục'} 3999"))
    assert f"Lỗi {path}:{first}:" in err, err
    assert f"Quá 3.999 {what} đánh số La Mã ở cùng một cấp: số La Mã chỉ viết được đến MMMCMXCIX." in err
    assert err.count("Lỗi ") == 6 and not (report_dir.path / "out.docx").exists()


# --- huge and deep YAML ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("trich_yeu", "Kết quả " * 250_000),  # 2 MB
        ("dong_nghieng", "(" + "x" * 20_001 + ")"),
        ("so", "9" * 30_000),  # a plain scalar that YAML reads as a number
    ],
    ids=["trich-yeu-2MB", "dong-nghieng-20001", "so-30000-digits"],
)
def test_a_huge_value_is_refused_with_its_line(cli, report_dir, field, value):
    path = report_dir.write(small_report(loai="chung", trich_yeu="Kết quả") | {field: value})
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text.startswith(field))
    err = _fails_fast(cli, "build", path, "-o", report_dir.path / "out.docx")
    assert f"Lỗi {path}:{line}:" in err and f"Giá trị dài {fmt.format_number(len(value))} ký tự, quá giới hạn" in err
    assert not (report_dir.path / "out.docx").exists()


def test_a_huge_key_is_refused(cli, report_dir):
    path = report_dir.write(small_report() | {"k" * 30_000: 1})
    assert "quá giới hạn 20.000 ký tự của một giá trị" in _fails_fast(cli, "validate", path)


def test_a_huge_yaml_file_is_refused_before_it_is_read(cli, report_dir, monkeypatch):
    monkeypatch.setattr(limits, "MAX_YAML_BYTES", 1_000_000)
    path = report_dir.write(small_report(noi_dung=[{"tieu_de": "Kết quả", "noi_dung": ["x" * 19_000] * 80}]))
    err = _fails_fast(cli, "build", path, "-o", report_dir.path / "out.docx")
    assert f"Lỗi {path}: Tệp nặng 1,5 MB, quá giới hạn 1 MB của một tệp YAML." in err, err


def _small_stack() -> None:  # pragma: no cover - runs in the child, before it starts Python
    resource.setrlimit(resource.RLIMIT_STACK, (SMALL_STACK, resource.getrlimit(resource.RLIMIT_STACK)[1]))


@pytest.mark.parametrize(
    ("nested", "stack"),
    [
        ("so_lieu: " + "[" * 100_000 + "]" * 100_000, None),  # flow
        ("[" * 100_000 + "]" * 100_000, None),  # the whole file: past libyaml's own limit (1000 levels)
        ("so_lieu: " + "[" * 998 + "]" * 998, SMALL_STACK),  # just under it: 1000 levels of libyaml's C stack
        ("so_lieu:\n" + "".join(" " * (i + 1) + "k:\n" for i in range(3_000)), None),  # block
    ],
    ids=["flow-100000", "bare-flow-100000", "flow-998-small-stack", "block-3000"],
)
def test_deep_yaml_nesting_is_a_located_error(report_dir, nested, stack):
    """In a process of its own (a crash fails this test only), `ulimit -s` small for libyaml's deepest nesting."""
    head = "" if nested.startswith("[") else yaml.safe_dump(small_report(), allow_unicode=True, sort_keys=False)
    path = report_dir.write(head + nested + "\n")
    small = stack is not None and sys.platform != "win32"
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "baocao", "validate", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=os.environ | {"PYTHONIOENCODING": "utf-8"},
        preexec_fn=_small_stack if small else None,
    )
    assert time.monotonic() - started < 15
    assert done.returncode == 1 and "Traceback" not in done.stderr + done.stdout, (done.returncode, done.stderr)
    assert f"Lỗi {path}:" in done.stderr and "Các nhóm khóa và danh sách lồng nhau quá 50 cấp." in done.stderr


# --- the gate: a failure replays -------------------------------------------------------------------------------


def _drawn() -> list[str]:
    """The examples Hypothesis draws for a small property, in order."""
    seen: list[str] = []

    @given(strategies.text())
    def record(value: str) -> None:
        seen.append(value)

    record()
    return seen


def test_hypothesis_draws_the_same_examples_on_every_run():
    if not settings.default.derandomize:
        pytest.skip("--hypothesis-profile=explore draws at random on purpose")
    first = _drawn()
    assert len(set(first)) > 10 and _drawn() == first


def test_a_recursive_macro_in_a_template_is_a_located_error(cli, report):
    template = _template_with(
        report, "word/document.xml", "{{ trich_yeu }}", "{% macro f(n) %}{{ f(n ~ n) }}{% endmacro %}{{ f('a') }}"
    )
    for command in (["build", report, "-o", report.parent / "out.docx"], ["templates", "check", template]):
        err = _fails_fast(cli, *command)
        assert f"Lỗi {template}: đoạn " in err and "Thẻ {% macro %} không dùng được trong mẫu." in err, err
    assert not (report.parent / "out.docx").exists()


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


def test_linked_unit_folders_are_followed_once_and_told(tmp_path, monkeypatch):
    root = tmp_path / "cac-xa"
    _unit(root / "xa-a")
    outside = _unit(tmp_path / "ngoai" / "xa-b")
    (root / "xa-b").symlink_to(outside.parent, target_is_directory=True)  # followed: built
    (root / "ban-sao").symlink_to(root / "xa-a", target_is_directory=True)  # a second name: told
    (root / "xa-a" / "vong").symlink_to(root, target_is_directory=True)  # a loop: told, not followed
    (root / "mat").symlink_to(tmp_path / "khong-co")  # broken: told
    notes: list = []
    walks, walk = [], os.walk
    monkeypatch.setattr(units.os, "walk", lambda *args, **kwargs: walks.append(args) or walk(*args, **kwargs))
    jobs = plan([root], tmp_path / "ra", notes=notes)
    assert len(walks) == 1  # the tree is walked once
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
    live_pid = os.getppid()
    output = tmp_path / "output"
    killed_run_leftovers(output)
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


def test_the_time_limit_flag_reaches_every_report(cli, monkeypatch, tmp_path):
    """--gioi-han-giay 1: each job gets 1 s; the report past it fails alone (the others are built)."""
    slow, fast = _unit(tmp_path / "lon"), _unit(tmp_path / "nho")
    _slow_figures(monkeypatch, 30)
    planned: list[batch.Job] = []
    run = batch.run

    def recorded(jobs, *args, **kwargs):
        planned.extend(jobs)
        return run(jobs, *args, **kwargs)

    monkeypatch.setattr(batch, "run", recorded)
    code, _, err = cli("build", slow.parent, fast.parent, "-j", "1", "--gioi-han-giay", "1", "-o", tmp_path / "ra")
    assert [job.seconds for job in planned] == [1, 1]
    assert code == 1 and f"Lỗi {slow}: Báo cáo soạn quá 1 giây nên bị dừng (đang tính số liệu)." in err, err
    assert (tmp_path / "ra" / "nho" / "bao-cao.docx").is_file() and not (tmp_path / "ra" / "lon").exists()
