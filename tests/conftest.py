"""pytest's hooks and fixtures: the hypothesis profiles, the slow/needs_* markers, the example report built
once per session (`example_docx`), a report folder (`report_dir`), a copy of the example unit
folder (`unit`), the command line (`cli`).

Plain helpers shared by the test modules live in helpers.py (`from helpers import ...`).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from browser import CHROMIUM
from helpers import EXAMPLE, EXAMPLE_DIR, ReportDir
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


@pytest.fixture
def unit(tmp_path: Path) -> Path:
    """A copy of the example unit folder (data/xa-tan-hoa), to change."""
    shutil.copytree(EXAMPLE_DIR, tmp_path / "xa")
    return tmp_path / "xa"
