"""JSON Schema for editors: generated from the models, committed in schema/, pointed to by every example."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import EXAMPLE, ROOT

from baocao.input.figure_file_model import TepSoLieu
from baocao.input.model import BaoCao, DonVi
from baocao.input.schema import (
    EDITOR_SCHEMAS,
    FIGURES_SCHEMA,
    MODELINE,
    REPORT_SCHEMA,
    UNIT_SCHEMA,
    schema_text,
    write_schemas,
)

jsonschema = pytest.importorskip("jsonschema")
DATA_FILES = sorted((ROOT / "data").rglob("*.yaml"))


def validator(name: str):
    return jsonschema.Draft202012Validator(json.loads((ROOT / "schema" / name).read_text(encoding="utf-8")))


def schema_for(path: Path) -> str:
    return UNIT_SCHEMA if path.name == "don-vi.yaml" else REPORT_SCHEMA


@pytest.mark.parametrize(
    ("name", "model", "title"),
    [
        (UNIT_SCHEMA, DonVi, "Hồ sơ đơn vị (baocao)"),
        (REPORT_SCHEMA, BaoCao, "Tệp báo cáo (baocao)"),
        (FIGURES_SCHEMA, TepSoLieu, "Tệp số liệu của báo cáo (baocao figures)"),
    ],
)
def test_committed_schema_matches_the_models(name, model, title):
    committed = (ROOT / "schema" / name).read_text(encoding="utf-8")
    assert committed == schema_text(model, title), f"schema/{name} is stale: run `baocao schema`"


def test_schema_command_writes_every_schema(cli, tmp_path):
    code, out, err = cli("schema")
    assert code == 0, err
    assert sorted(p.name for p in (tmp_path / "schema").iterdir()) == [REPORT_SCHEMA, UNIT_SCHEMA, FIGURES_SCHEMA]
    code, _, _ = cli("schema", "mau/luoc-do")
    assert code == 0 and (tmp_path / "mau" / "luoc-do" / REPORT_SCHEMA).is_file()
    assert write_schemas(tmp_path / "x", EDITOR_SCHEMAS) == [
        tmp_path / "x" / UNIT_SCHEMA,
        tmp_path / "x" / REPORT_SCHEMA,
    ]


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_example_validates_against_the_schema(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert [e.message for e in validator(schema_for(path)).iter_errors(data)] == []


@pytest.mark.parametrize(
    "path",
    [p for p in DATA_FILES if p.read_text(encoding="utf-8").startswith(MODELINE)],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_schema_lines_point_at_the_committed_schema(path):
    target = path.read_text(encoding="utf-8").splitlines()[0].removeprefix(MODELINE)
    assert (path.parent / target).resolve() == ROOT / "schema" / schema_for(path)


def test_the_examples_carry_the_schema_line():
    assert EXAMPLE.read_text(encoding="utf-8").startswith(f"{MODELINE}../../schema/{REPORT_SCHEMA}\n")
    assert (
        (EXAMPLE.parent / "don-vi.yaml")
        .read_text(encoding="utf-8")
        .startswith(f"{MODELINE}../../schema/{UNIT_SCHEMA}\n")
    )


@pytest.mark.parametrize(
    ("change", "valid"),
    [
        ({"so_lieuu": {}}, False),
        ({"loai": "thi-đua"}, False),
        ({"so_lieu": {"lua": {"gia_tri": "612,4", "ke_hoach": 620}, "so_thon": 14, "ho": "4.862"}}, True),
        ({"kinh_gui": "Sở Nội vụ"}, True),
        ({"so_lieu": {"lua": {"gia_tri": 1, "don_vi_tinh": "ha"}}}, False),
    ],
)
def test_schema_accepts_what_the_loader_accepts(change, valid):
    report = {"loai": "thi-dua", "ky_bao_cao": "6 tháng đầu năm 2026", "ngay": "6/2026"} | change
    assert validator(REPORT_SCHEMA).is_valid(report) is valid


def test_schema_requires_period_and_date_and_describes_in_vietnamese():
    schema = json.loads(schema_text(BaoCao, "x"))
    assert set(schema["required"]) == {"ky_bao_cao", "ngay"}
    assert schema["properties"]["ky_bao_cao"] == {
        "description": "Kỳ báo cáo, ví dụ '6 tháng đầu năm 2025'.",
        "type": "string",
    }
    assert all("description" in field for field in schema["properties"].values())
    assert "title" not in schema["properties"]["so_lieu"]  # no 'So Lieu' titles over the Vietnamese descriptions


def test_the_schema_loads_no_later_stage():
    code = (
        "import sys, baocao.input.schema; print(sorted(m for m in sys.modules if m.startswith(('baocao.', 'jinja2'))))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "baocao.input.figure_file_model" in loaded
    assert not any(stage in loaded for stage in ("baocao.figures", "baocao.compose", "baocao.writers", "jinja2"))
