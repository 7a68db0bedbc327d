"""Benchmarks, run by hand: `python bench/run.py`. Results go in the README's table (not in tests).

In one run, each figure against its target:
- one report of 150 paragraphs, 40 footnotes and a 50-row appendix rendered in process (CPU time: the
  median of ROUNDS blocks of RUNS renders, the two sides' blocks in turn) against plain docxtpl rendering the
  same text with loops in a template: the paragraphs, the notes' text as paragraphs (docxtpl cannot make
  footnotes) and the table's rows;
- a cold `baocao build` of the example (a new process each time; median wall time, and CPU time);
- `baocao build DIR --jobs 2` of 200 generated commune reports (bench/make_units.py);
- PDF of 20 reports through baocao (one LibreOffice process, private profile) against bare
  `soffice --convert-to pdf` of the same files (with a profile already warmed), wall time;
- peak memory: maxrss of the largest process of a command (getrusage of a small launcher's
  children), and of this process after rendering in process.
The package is byte-compiled first, as `pip install .` does. Unix only (resource).
"""

from __future__ import annotations

import compileall
import io
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import docx
from docxtpl import DocxTemplate
from lxml import etree
from make_units import make_units
from tables import appendix
from timing import median_seconds

import baocao
from baocao.batch import plan
from baocao.batch import run as run_jobs
from baocao.pipeline import render
from baocao.writers.pdf import convert, find_soffice

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "xa-tan-hoa" / "thi-dua-6-thang-2026.yaml"
UNIT = ROOT / "data" / "xa-tan-hoa" / "don-vi.yaml"
RUNS = 7
ROUNDS = 5  # blocks of RUNS renders of each side, in turn (row 1)
PARAGRAPHS, NOTES, ROWS = 150, 40, 50
BATCH, PDFS, UNITS = 200, 20, 30
MB = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
TARGETS = {"ratio": 1.0, "units": 1.0, "cold": 0.5, "batch": 6.0, "pdf": 1.2, "memory": 200}


def timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds of a command (it must succeed) and CPU seconds of it and the processes it waited for."""
    before, started = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.perf_counter() - started, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def median_timed(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds of `runs` runs."""
    results = [timed(command) for _ in range(runs)]
    return statistics.median(w for w, _ in results), statistics.median(c for _, c in results)


# A forked child starts with its parent's resident size, so each command is started from this small launcher.
_LAUNCHER = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, "
    "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def peak_mb(command: list[str]) -> float:
    """maxrss of the command's largest process (itself or a child it waited for), in MB."""
    return (
        int(
            subprocess.run(
                [sys.executable, "-c", _LAUNCHER, *command], check=True, capture_output=True, text=True
            ).stdout
        )
        / MB
    )


def big_report(folder: Path, notes: int = NOTES, rows: int = ROWS) -> Path:
    """PARAGRAPHS paragraphs in 10 sections citing a figure, `notes` with a footnote, a `rows`-row appendix."""
    shutil.copy(UNIT, folder / "don-vi.yaml")
    lines = [
        "loai: nhiem-vu",
        "ky_bao_cao: 6 tháng đầu năm 2026",
        "so: 142",
        "ngay: 15/6/2026",
        "so_lieu:",
        "  a: {gia_tri: 1.539, don_vi: ha, ke_hoach: 1.600, cung_ky: 1.480}",
        "  thu: {gia_tri: 6.418, don_vi: triệu đồng, ke_hoach: 11.250, cung_ky: 5.902}",
        "noi_dung:",
    ]
    for n in range(PARAGRAPHS):
        if n % (PARAGRAPHS // 10) == 0:
            lines += [f"  - tieu_de: Mục thử số {n // (PARAGRAPHS // 10) + 1}", "    noi_dung:"]
        text = (
            f"Đoạn {n + 1}: diện tích {{{{ so_lieu.a | so_dv }}}}, {{{{ so_lieu.a | so_ke_hoach "
            f"}}}}, {{{{ so_lieu.a | tang_giam }}}}"
        )
        note = (
            f"[^Ghi chú {n + 1}: số liệu {{{{ so_lieu.a | so }}}} ha theo báo cáo của các thôn.]" if n < notes else ""
        )
        lines.append(f"      - '{text}{note}.'")
    report = folder / f"bench-{notes}-{rows}.yaml"
    report.write_text("\n".join(lines) + "\n" + (appendix(rows, 5) if rows else ""), encoding="utf-8")
    return report


def plain_template(folder: Path, columns: int) -> Path:
    """The plain docxtpl template: paragraphs and note texts through `{%p for %}` loops, table rows of
    `columns` cells through a `{%tr for %}` loop (docxtpl has no footnotes: notes become paragraphs)."""
    template = folder / "plain.docx"
    word = docx.Document()
    for line in (
        "{%p for doan in cac_doan %}",
        "{{ doan }}",
        "{%p endfor %}",
        "{%p for doan in chu_thich %}",
        "{{ doan }}",
        "{%p endfor %}",
    ):
        word.add_paragraph(line)
    table = word.add_table(rows=3, cols=columns)
    table.rows[0].cells[0].text = "{%tr for dong in bang %}"
    for i, cell in enumerate(table.rows[1].cells):
        cell.text = f"{{{{ dong[{i}] }}}}"
    table.rows[2].cells[0].text = "{%tr endfor %}"
    word.save(str(template))
    return template


def plain_render(template: Path, texts: list[str], notes: list[str], rows: list[list[str]]) -> bytes:
    """docxtpl rendering the same text through the plain template."""
    plain = DocxTemplate(str(template))
    plain.render({"cac_doan": texts, "chu_thich": notes, "bang": rows})
    out = io.BytesIO()
    plain.save(out)
    return out.getvalue()


def plain_docxtpl(
    folder: Path, texts: list[str], notes: list[str], rows: list[list[str]], clock=time.process_time
) -> float:
    """Median time of docxtpl rendering the same text (plain_render), warmed by one render first as baocao is."""
    template = plain_template(folder, len(rows[0]))
    plain_render(template, texts, notes, rows)
    return median_seconds(lambda: plain_render(template, texts, notes, rows), RUNS, clock)


def same_text(data: bytes) -> tuple[list[str], list[str], list[list[str]]]:
    """The body paragraphs, footnote texts and appendix rows of a rendered report."""
    word = docx.Document(io.BytesIO(data))
    texts = [p.text for p in word.paragraphs if p.text.startswith("Đoạn ")]
    notes_part = next(rel.target_part for rel in word.part.rels.values() if rel.reltype.endswith("/footnotes"))
    notes = [t for t in (" ".join(n.itertext()) for n in etree.fromstring(notes_part.blob)) if t.strip()]
    rows = [[cell.text for cell in row.cells] for row in word.tables[-1].rows]
    return texts, notes, rows


def per_report(folder: Path) -> tuple[float, float]:
    """CPU seconds, medians of ROUNDS blocks of RUNS renders each: baocao for the big report, plain docxtpl for the
    same text, the blocks taken in turn (a drift of the machine's speed falls on both), each side warmed first."""
    report = big_report(folder)
    data = render(report).data  # also warms the per-process caches, as a batch worker's first report does
    texts, notes, rows = same_text(data)
    assert len(texts) == PARAGRAPHS and len(notes) == NOTES and len(rows) >= ROWS, (len(texts), len(notes), len(rows))
    template = plain_template(folder, len(rows[0]))
    plain_render(template, texts, notes, rows)
    ours, theirs = [], []
    for _ in range(ROUNDS):
        ours.append(median_seconds(lambda: render(report), RUNS, time.process_time))
        theirs.append(median_seconds(lambda: plain_render(template, texts, notes, rows), RUNS, time.process_time))
    return statistics.median(ours), statistics.median(theirs)


def thirty_units(folder: Path) -> tuple[float, float]:
    """Wall seconds: batch.run of UNITS unit folders (each the big report) with 2 workers, against UNITS
    plain docxtpl renders of the same text in this process (docxtpl has no batch runner)."""
    for n in range(UNITS):
        unit = folder / "thirty" / f"xa-{n:02d}"
        unit.mkdir(parents=True)
        big_report(unit)
    jobs = plan([folder / "thirty"], folder / "thirty-out")
    texts, notes, rows = same_text(render(jobs[0].report).data)
    single = plain_docxtpl(folder, texts, notes, rows, time.perf_counter)
    started = time.perf_counter()
    outcomes = run_jobs(jobs, 2)
    assert all(o.ok for o in outcomes) and len(outcomes) == UNITS
    return time.perf_counter() - started, single * UNITS


def pdf_times(folder: Path, documents: list[Path]) -> tuple[float, float]:
    """(baocao, bare soffice) median seconds converting the same documents to PDF."""
    flat = folder / "pdf-in"
    flat.mkdir()
    copies = [Path(shutil.copy(doc, flat / f"bao-cao-{i:02d}.docx")) for i, doc in enumerate(documents)]
    targets = [folder / "ours" / f"{i}.pdf" for i in range(len(copies))]
    profile = (folder / "lo-profile").as_uri()
    bare = [
        find_soffice(),
        f"-env:UserInstallation={profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(folder / "bare"),
        *copies,
    ]
    convert(copies, targets)  # LibreOffice fills each profile on its first start
    timed(bare)
    return median_seconds(lambda: convert(copies, targets), 3), median_timed(bare, 3)[0]


def row(measure: str, value: str, target: str, met: bool) -> str:
    return f"| {measure} | {value} | {target} | {'yes' if met else '**no**'} |"


def main() -> None:
    compileall.compile_dir(str(Path(baocao.__file__).parent), quiet=1)
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()}; "
        f"load average before: {os.getloadavg()[0]:.2f}"
    )
    baocao_cli = [sys.executable, "-m", "baocao"]
    rows = ["| Measure | Result | Target | Met |", "|---|---|---|---|"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ours, plain = per_report(folder)
        rows.append(
            row(
                f"one report, {PARAGRAPHS} paragraphs + {NOTES} footnotes + {ROWS}-row appendix, in "
                f"process (CPU), vs plain docxtpl "
                "rendering the same text (notes as paragraphs: docxtpl makes no footnotes; rows by "
                "a `{%tr for %}` loop)",
                f"{ours * 1000:.0f} ms vs {plain * 1000:.0f} ms: {ours / plain:.2f}×",
                f"≤ {TARGETS['ratio']}×",
                ours / plain <= TARGETS["ratio"],
            )
        )
        units, plain_units = thirty_units(folder)
        rows.append(
            row(
                f"{UNITS}-unit batch (each the report above), 2 worker processes, in process (wall), "
                f"vs {UNITS} plain docxtpl "
                "renders of the same text in one process",
                f"{units:.2f} s vs {plain_units:.2f} s: {units / plain_units:.2f}×",
                f"≤ {TARGETS['units']}×",
                units / plain_units <= TARGETS["units"],
            )
        )
        cold_build = [*baocao_cli, "build", str(EXAMPLE), "-o", str(folder / "cold.docx")]
        timed(cold_build)  # the file cache, as a clerk's second build finds it
        (cold, cold_cpu), cold_memory = median_timed(cold_build, RUNS), peak_mb(cold_build)
        rows.append(
            row(
                "`baocao build` of the example, new process (cold)",
                f"{cold * 1000:.0f} ms (CPU {cold_cpu * 1000:.0f} ms)",
                f"≤ {TARGETS['cold'] * 1000:.0f} ms",
                cold <= TARGETS["cold"],
            )
        )
        make_units(folder / "units", BATCH, broken=0)
        batch_build = [*baocao_cli, "build", str(folder / "units"), "--jobs", "2", "-o", str(folder / "out")]
        (batch, batch_cpu), batch_memory = median_timed(batch_build, 3), peak_mb(batch_build)
        rows.append(
            row(
                f"`baocao build DIR --jobs 2`, {BATCH} commune reports",
                f"{batch:.2f} s (CPU {batch_cpu:.2f} s, all processes)",
                f"≤ {TARGETS['batch']:.0f} s",
                batch <= TARGETS["batch"],
            )
        )
        if find_soffice():
            ours_pdf, bare_pdf = pdf_times(folder, sorted((folder / "out").rglob("*.docx"))[:PDFS])
            rows.append(
                row(
                    f"PDF of {PDFS} reports vs bare `soffice --convert-to pdf`",
                    f"{ours_pdf:.2f} s vs {bare_pdf:.2f} s: {ours_pdf / bare_pdf:.2f}×",
                    f"≤ {TARGETS['pdf']}×",
                    ours_pdf / bare_pdf <= TARGETS["pdf"],
                )
            )
    itself = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / MB
    rows.append(
        row(
            "peak memory, largest process: cold build / batch (parent or worker) / in-process renders",
            f"{cold_memory:.0f} / {batch_memory:.0f} / {itself:.0f} MB",
            f"≤ {TARGETS['memory']} MB",
            max(cold_memory, batch_memory, itself) <= TARGETS["memory"],
        )
    )
    print("\n".join(rows))
    print(f"Load average after: {os.getloadavg()[0]:.2f} (wall times grow when other processes share the cores)")


if __name__ == "__main__":
    main()
