"""Benchmarks, run by hand: `python bench/run.py`. Results go in the README (not in tests).

Measures the example's cold `baocao build` (a new process each time), the in-process render,
and a generated report of 150 paragraphs with and without one footnote each.
"""

from __future__ import annotations

import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from baocao.pipeline import render

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "xa-tan-hoa" / "thi-dua-6-thang-2026.yaml"
UNIT = ROOT / "data" / "xa-tan-hoa" / "don-vi.yaml"


def median_seconds(action, runs: int) -> float:
    """Median wall time of `runs` calls of `action`."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def generated_report(folder: Path, paragraphs: int, with_notes: bool) -> Path:
    """A report of `paragraphs` paragraphs under 10 sections, each citing a figure (and a footnote)."""
    shutil.copy(UNIT, folder / "don-vi.yaml")
    note = "[^Ghi chú số {{ so_lieu.a | so }} cho đoạn %d, nêu chi tiết số liệu.]"
    lines = ["ky_bao_cao: 6 tháng đầu năm 2026", "ngay: 6/2026", "loai: thi-dua",
             "so_lieu:", "  a: {gia_tri: 1.539, don_vi: ha, ke_hoach: 1.600, cung_ky: 1.480}", "noi_dung:"]
    for section in range(10):
        lines += [f"  - tieu_de: Mục thử số {section + 1}", "    noi_dung:"]
        for i in range(paragraphs // 10):
            text = "Diện tích {{ so_lieu.a | so_dv }}, {{ so_lieu.a | so_ke_hoach }}, {{ so_lieu.a | tang_giam }}"
            text += (note % i) if with_notes else ""
            lines.append(f"      - '{text}.'")
    report = folder / f"bench-{paragraphs}-{int(with_notes)}.yaml"
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return report


def main() -> None:
    print(f"Máy: {platform.processor() or platform.machine()}, Python {platform.python_version()}, {platform.system()}")
    cold = median_seconds(lambda: subprocess.run([sys.executable, "-m", "baocao", "validate", str(EXAMPLE)],
                                                 check=True, capture_output=True), 5)
    out = Path(tempfile.mkdtemp()) / "x.docx"
    cold_build = median_seconds(lambda: subprocess.run([sys.executable, "-m", "baocao", "build", str(EXAMPLE), "-o", str(out)],
                                                       check=True, capture_output=True), 5)
    render(EXAMPLE)  # warm the caches once
    warm = median_seconds(lambda: render(EXAMPLE), 20)
    with tempfile.TemporaryDirectory() as tmp:
        plain = generated_report(Path(tmp), 150, with_notes=False)
        noted = generated_report(Path(tmp), 150, with_notes=True)
        without_notes = median_seconds(lambda: render(plain), 10)
        with_notes = median_seconds(lambda: render(noted), 10)
    rows = [
        ("baocao build ví dụ, tiến trình mới (cold)", cold_build),
        ("baocao validate ví dụ, tiến trình mới (cold)", cold),
        ("render ví dụ trong tiến trình (warm)", warm),
        ("150 đoạn, không chú thích", without_notes),
        ("150 đoạn, 150 chú thích", with_notes),
    ]
    for label, seconds in rows:
        print(f"| {label} | {seconds * 1000:.0f} ms |")
    print(f"| tỷ lệ có/không chú thích | {with_notes / without_notes:.2f}× |")


if __name__ == "__main__":
    main()
