"""A sentence never runs code or exhausts the machine: every attempt is a Vietnamese error, at once."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from helpers import insert_under

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "xa-tan-hoa"
REPORT = "thi-dua-6-thang-2026.yaml"
SECURITY = "Biểu thức không được phép vì lý do an toàn"

PAYLOADS = [
    # reaching Python internals
    ("{{ ''.__class__.__mro__ }}", "'__mro__'"),
    ("{{ so_lieu.__class__ }}", "'__class__'"),
    ("{{ cycler.__init__.__globals__ }}", "'__globals__'"),
    ("{{ lipsum.__globals__ }}", "'__globals__'"),
    ("{{ self.__init__ }}", "'__init__'"),
    ("{{ so_lieu.lua.__dict__ }}", "'__dict__'"),
    ("{{ so_lieu['__class__'] }}", "'__class__'"),
    # changing the data
    ("{{ so_lieu.update({}) }}", "'update'"),
    ("{{ so_lieu.pop('lua') }}", "'pop'"),
    # exhausting time or memory
    ("{{ range(10**9) | list }}", "số quá lớn"),
    ("{{ 'a' * 10**8 }}", "chuỗi quá dài"),
    ("{{ [1] * 10**8 }}", "chuỗi quá dài"),
    ("{{ 9 ** 9 ** 9 }}", "số quá lớn"),
    ("{{ 10**100 * 10**100 }}", "số quá lớn"),
    ("{% for i in range(99999999) %}{% endfor %}", "{% for %}"),
    ("{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}", "{% macro %}"),
    ("{% set x = 'a' * 99999 %}{{ x }}", "{% assign %}"),
    ("{{ 'a'.ljust(10**9) }}", "không gọi hàm của chuỗi"),
    ("{{ '{0:>999999999}'.format(1) }}", "không gọi hàm của chuỗi"),
    ("{{ '%0999999999d' % 1 }}", "không định dạng chuỗi bằng '%'"),
    ("{{ ('&' * 99999) | e | string | e | string | e }}", "chuỗi quá dài"),
]


@pytest.fixture
def report(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLE, tmp_path / "bao-cao")
    path = tmp_path / "bao-cao" / REPORT
    insert_under(path, "so_lieu", "  lua: {gia_tri: 612, don_vi: ha, cung_ky: 600}\n")
    return path


def add_sentence(report: Path, sentence: str) -> int:
    """Add `sentence` to mo_dau (as a JSON string, which YAML reads as is); return its line."""
    return insert_under(report, "mo_dau", f"  - {json.dumps(sentence, ensure_ascii=False)}\n")


@pytest.mark.parametrize(("payload", "reason"), PAYLOADS)
def test_payload_is_refused_quickly_in_vietnamese(cli, report, payload, reason):
    line = add_sentence(report, f"Câu có {payload} ở giữa.")
    started = time.process_time()  # the build's own work (in this process), not the machine's load
    code, _, err = cli("build", report)
    assert time.process_time() - started < 1
    assert code == 1
    assert f"{report}:{line}:5: {SECURITY}" in err and reason in err
    assert "Câu văn chỉ được gọi số liệu và bộ lọc" in err
    assert "Traceback" not in err
    assert not Path("output").exists()


def test_ordinary_expressions_still_work(cli, report):
    add_sentence(
        report,
        "Lúa {% if so_lieu.lua.gia_tri > so_lieu.lua.cung_ky %}tăng{% else %}giảm{% endif %} "
        "{{ (so_lieu.lua.gia_tri - so_lieu.lua.cung_ky) | so }} {{ so_lieu.lua.don_vi | upper }}, "
        "{{ so_lieu.lua | tang_giam }}{% if so_lieu | length > 0 %}; có số liệu{% endif %}.",
    )
    code, _, err = cli("validate", report)
    assert code == 0, err


def test_a_figure_may_be_named_like_a_dict_method(cli, report):
    insert_under(report, "so_lieu", "  items: {gia_tri: 7, don_vi: hộ}\n")
    add_sentence(report, "Có {{ so_lieu.items | so_dv }}.")
    code, _, err = cli("validate", report)
    assert code == 0, err


def test_division_by_zero_is_a_plain_vietnamese_error(cli, report):
    line = add_sentence(report, "Tỷ lệ {{ so_lieu.lua.gia_tri / 0 }}.")
    code, _, err = cli("build", report)
    assert code == 1
    assert f"{report}:{line}:5: Không tính được biểu thức: chia cho 0" in err


def test_expression_that_makes_a_control_character(cli, report):
    line = add_sentence(report, 'Ký tự {{ "\\x01" }} lạ.')
    code, _, err = cli("build", report)
    assert code == 1
    assert f"{report}:{line}:5: Biểu thức tạo ra ký tự điều khiển U+0001" in err
