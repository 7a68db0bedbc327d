"""Shared fixtures: the example report built once per session, and small report variants.

`example_docx` builds data/xa-tan-hoa/thi-dua-6-thang-2026.yaml once into a session temp dir.
`report_dir` writes a report (dict or YAML text) and a unit profile into a fresh temp dir and
builds it; variants of the example are made from its text (`example_text()` + str.replace)
so its Vietnamese numbers ("4.862", "11.250") are never round-tripped through a YAML float.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from browser import CHROMIUM
from hypothesis import settings

from baocao.cli.main import main
from baocao.pipeline import build
from baocao.writers.pdf import find_soffice

# Hypothesis draws the same examples on every run and machine (no example database, derandomized), so a
# failure in CI replays as it is here. `pytest --hypothesis-profile=explore` searches further, at random.
settings.register_profile("baocao", derandomize=True, database=None, deadline=None, print_blob=True)
settings.register_profile("explore", max_examples=2_000, derandomize=False, database=None, deadline=None)
settings.load_profile("baocao")

# Tests that run LibreOffice or Chromium: slow (`pytest -m "not slow"` leaves them out), and skipped on a
# machine without the program unless the environment requires it (scripts/test.sh and CI do).
_PROGRAMS = {
    "needs_soffice": (lambda: find_soffice() is not None, "BAOCAO_REQUIRE_SOFFICE", "LibreOffice"),
    "needs_chromium": (lambda: CHROMIUM is not None, "BAOCAO_REQUIRE_CHROMIUM", "Chromium"),
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        for marker, (installed, required, program) in _PROGRAMS.items():
            if item.get_closest_marker(marker) is not None:
                item.add_marker(pytest.mark.slow)
                if not os.environ.get(required) and not installed():
                    item.add_marker(
                        pytest.mark.skip(reason=f"{program} is not installed (scripts/test.sh installs it)")
                    )


ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_DIR = ROOT / "data" / "xa-tan-hoa"
EXAMPLE = EXAMPLE_DIR / "thi-dua-6-thang-2026.yaml"
EXAMPLE_UNIT = EXAMPLE_DIR / "don-vi.yaml"
KIND_EXAMPLES = {  # one example per built-in kind, all in the same unit folder
    "thi-dua": EXAMPLE,
    "kt-xh": EXAMPLE_DIR / "kt-xh-6-thang-2026.yaml",
    "nhiem-vu": EXAMPLE_DIR / "nhiem-vu-6-thang-2026.yaml",
    "chung": EXAMPLE_DIR / "chung-cchc-quy-ii-2026.yaml",
}


def example_text() -> str:
    """The example report's YAML text (its `don_vi` stays don-vi.yaml)."""
    return EXAMPLE.read_text(encoding="utf-8")


def example_unit() -> dict[str, Any]:
    """The example unit profile as a dict (it holds no numbers, so a plain load is safe)."""
    return yaml.safe_load(EXAMPLE_UNIT.read_text(encoding="utf-8"))


def _dump(data: dict[str, Any] | str) -> str:
    if isinstance(data, str):
        return data
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


class ReportDir:
    """A temp directory holding one report and its don-vi.yaml."""

    def __init__(self, path: Path):
        self.path = path

    def write(
        self,
        report: dict[str, Any] | str,
        unit: dict[str, Any] | str | None = None,
        name: str = "bao-cao.yaml",
        **unit_changes: Any,
    ) -> Path:
        """Write the report and the unit profile (the example's, with `unit_changes`); return the report path."""
        if unit is None:
            unit = example_unit() | unit_changes
        (self.path / "don-vi.yaml").write_text(_dump(unit), encoding="utf-8")
        report_path = self.path / name
        report_path.write_text(_dump(report), encoding="utf-8")
        return report_path

    def build(
        self,
        report: dict[str, Any] | str,
        unit: dict[str, Any] | str | None = None,
        output: str = "bao-cao.docx",
        **unit_changes: Any,
    ) -> Path:
        """Write and build; return the .docx path."""
        target, _ = build(self.write(report, unit, **unit_changes), self.path / output)
        return target


def small_report(**changes: Any) -> dict[str, Any]:
    """A minimal valid report (dict) to vary: one section, one paragraph."""
    report: dict[str, Any] = {
        "loai": "thi-dua",
        "ky_bao_cao": "6 tháng đầu năm 2026",
        "so": 5,
        "ngay": "04/6/2026",
        "noi_dung": [{"tieu_de": "Kết quả", "noi_dung": ["Các phong trào được triển khai."]}],
    }
    report.update(changes)
    return report


@pytest.fixture
def report_dir(tmp_path: Path) -> ReportDir:
    return ReportDir(tmp_path)


@pytest.fixture(scope="session")
def example_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example report, built once per session."""
    target, built = build(EXAMPLE, tmp_path_factory.mktemp("example") / "thi-dua-6-thang-2026.docx")
    assert not built.warnings, built.warnings
    return target


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path):
    """Run `baocao ARGS...` in tmp_path; return (exit code, stdout, stderr)."""
    monkeypatch.chdir(tmp_path)

    def run(*args: object) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "argv", ["baocao", *map(str, args)])
        with pytest.raises(SystemExit) as exit_info:
            main()
        out, err = capsys.readouterr()
        return exit_info.value.code, out, err

    return run


def insert_under(path: Path, key: str, lines: str) -> int:
    """Insert `lines` right under the top-level `key:` (added at the end if absent); return their first line."""
    text = path.read_text(encoding="utf-8")
    match = re.search(rf"^{key}:[^\n]*\n", text, re.MULTILINE)
    if match is None:
        text = text.rstrip("\n") + f"\n{key}:\n"
        match = re.search(rf"^{key}:\n\Z", text, re.MULTILINE)
    path.write_text(text[: match.end()] + lines + text[match.end() :], encoding="utf-8")
    return text.count("\n", 0, match.end()) + 1
