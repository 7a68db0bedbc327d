"""Benchmark, run by hand: `python bench/import_docx.py [--so-lieu]`. Not a test.

Builds a report of 150 paragraphs with 40 footnotes and a 50-row appendix, then times `baocao import` of its
.docx in a new process (what a clerk waits for) and in process (CPU), and checks the round trip. `--so-lieu`
imports with the figures of the sentences (issue 12) and prints how many were made.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from run import big_report
from timing import median_seconds

from baocao.pipeline import build
from baocao.readers.docx import import_docx, read_docx

NOTES, ROWS, RUNS = 40, 50, 5
TARGET_SECONDS = 2.0


def main() -> None:
    figures = "--so-lieu" in sys.argv
    flag = ["--so-lieu"] if figures else []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source, _ = build(big_report(folder, notes=NOTES, rows=ROWS), folder / "bao-cao.docx")
        read_docx(source, figures=figures)  # warm imports
        in_process = median_seconds(lambda: read_docx(source, figures=figures), RUNS, time.process_time)
        walls = []
        for n in range(RUNS):
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "baocao", "import", str(source), "-o", str(folder / f"u{n}"), *flag],
                check=True,
                capture_output=True,
            )
            walls.append(time.perf_counter() - start)
        done = import_docx(source, folder / "check", figures=figures)
        print(
            f"| import{' --so-lieu' if figures else ''}, {NOTES} chú thích, {ROWS} dòng phụ lục, "
            "tiến trình mới (wall, trung vị) | "
            f"{sorted(walls)[RUNS // 2]:.2f} s | ≤ {TARGET_SECONDS:.0f} s |"
        )
        print(f"| đọc trong tiến trình (CPU) | {in_process * 1000:.0f} ms | |")
        print(f"| chú thích đọc được | {done.summary.footnotes} | {NOTES} |")
        if figures:
            print(f"| số liệu tách từ câu / chưa tách được | {done.summary.figures} / {len(done.summary.unplaced)} | |")


if __name__ == "__main__":
    main()
