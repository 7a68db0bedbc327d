"""Benchmark, run by hand: `python bench/footnotes.py`. Not a test.

Renders (in process, no file written) a report of 150 paragraphs where every paragraph carries a
footnote citing a figure, against the same report without footnotes; prints CPU-time medians.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from run import PARAGRAPHS, big_report
from timing import median_seconds

from baocao.pipeline import render

RUNS = 9


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        noted, plain = big_report(Path(tmp), notes=PARAGRAPHS, rows=0), big_report(Path(tmp), notes=0, rows=0)
        render(noted), render(plain)  # warm the per-process caches
        with_notes = median_seconds(lambda: render(noted), RUNS, time.process_time)
        without = median_seconds(lambda: render(plain), RUNS, time.process_time)
    print(f"| {PARAGRAPHS} đoạn, {PARAGRAPHS} chú thích | {with_notes * 1000:.0f} ms |")
    print(f"| {PARAGRAPHS} đoạn, không chú thích | {without * 1000:.0f} ms |")
    print(f"| tỷ lệ | {with_notes / without:.2f}× |")


if __name__ == "__main__":
    main()
