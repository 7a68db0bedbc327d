"""Benchmark, run by hand: `python bench/instructions.py` (needs valgrind: `apt-get install valgrind`).

Row 1 of bench/run.py (one report vs plain docxtpl rendering the same text) counted in instructions instead of
CPU time: the same count on every run whatever else the machine is doing, so a change of a few per cent shows
on a shared machine. Each side runs under callgrind twice, with 1 and with 4 renders after a warm one; the
difference over 3 is one render's count. Instructions are not time: Python's own steps cost more time per
instruction than lxml's and zlib's C, which plain docxtpl spends most of its time in (README, Benchmarks).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from run import big_report, plain_render, plain_template, same_text

from baocao.pipeline import render

SIDES = ("baocao", "docxtpl")


def render_times(side: str, times: int, folder: Path) -> None:
    """Render one side `times` times after a first, warming render (this is what callgrind counts)."""
    report = big_report(folder)
    texts, notes, rows = same_text(render(report).data)
    template = plain_template(folder, len(rows[0]))
    plain_render(template, texts, notes, rows)
    for _ in range(times):
        if side == "baocao":
            render(report)
        else:
            plain_render(template, texts, notes, rows)


def counted(side: str, times: int) -> int:
    """Instructions callgrind counts for a process rendering `side` `times` times (and starting up)."""
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__]
    result = subprocess.run(
        [*command, side, str(times)],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ | {"PYTHONHASHSEED": "0"},
    )
    return int(re.search(r"Collected : (\d+)", result.stderr)[1])  # type: ignore[index]


def main() -> None:
    per_render = {side: (counted(side, 4) - counted(side, 1)) / 3 for side in SIDES}
    for side, count in per_render.items():
        print(f"{side}: {count / 1e6:.0f} M instructions a render")
    print(f"ratio: {per_render['baocao'] / per_render['docxtpl']:.2f}")


if __name__ == "__main__":
    if len(sys.argv) == 3:
        with tempfile.TemporaryDirectory() as scratch:
            render_times(sys.argv[1], int(sys.argv[2]), Path(scratch))
    else:
        main()
