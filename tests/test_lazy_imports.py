"""A cold `baocao build` loads no library it does not use (issue 14: ≈ 540 → ≈ 460 ms, README's bench figures)."""

from __future__ import annotations

import os
import subprocess
import sys

from helpers import EXAMPLE

# What a build of a report without a chart, roll-up or PDF never needs; each is imported where it is used.
UNUSED_BY_A_BUILD = (
    "openpyxl",  # chart workbooks (writers/docx/charts.py), so_lieu_tu, figure files
    "psutil",  # ending process trees (interrupts.py), a leftover's owner (leftovers.py)
    "baocao.input.figure_files",  # a commune's figure file in a roll-up (figures/rollup.py)
    "watchfiles",  # baocao watch
    "pyhanko",  # baocao sign
    "pdfminer",
    "ruamel",  # init, next, import
    "python_calamine",  # .ods workbooks
)


def test_a_cold_build_imports_only_what_it_uses(tmp_path):
    script = (
        "import sys\n"
        "from baocao.cli.main import run\n"
        f"sys.argv = ['baocao', 'build', {str(EXAMPLE)!r}, '-o', {str(tmp_path / 'out.docx')!r}]\n"
        "try:\n    run()\nexcept SystemExit as exit:\n    assert not exit.code, exit.code\n"
        f"print(sorted(m for m in {UNUSED_BY_A_BUILD!r} if m in sys.modules))\n"
    )
    scratch = tmp_path / "tmp"  # a temporary folder of its own: another run's scratch files would need psutil
    scratch.mkdir()
    environment = {**os.environ, "TMPDIR": str(scratch), "TEMP": str(scratch), "TMP": str(scratch)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=environment)
    assert (tmp_path / "out.docx").is_file()
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout + done.stderr
