"""Save → refreshed preview, by hand: `python bench/watch.py [--pdf]`. Results go in the README (not in tests).

Runs `baocao watch --no-browser` on a copy of the example, then saves a changed sentence RUNS times
and measures, each time from the save: the event that tells the open page to reload, the new page
fetched, and (with --pdf) the PDF rewritten by the warm LibreOffice. The browser's share, laying
the page out on sheets, is read from the page itself (Chromium, data-layout-ms). Medians, wall time.
"""

from __future__ import annotations

import http.client
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "xa-tan-hoa" / "thi-dua-6-thang-2026.yaml"
RUNS = 9
SENTENCE = "Tổng đàn vật nuôi"


def _get(port: int, path: str) -> bytes:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path)
    return connection.getresponse().read()


def _reload_event(port: int, version: int) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", f"/su-kien?v={version}")
    return connection.getresponse()


def one_save(port: int, report: Path, n: int, pdf: Path | None) -> tuple[float, float, float]:
    """Seconds from a save to: the reload event, the new page fetched, the PDF rewritten (0 without)."""
    version = json.loads(_get(port, "/trang-thai"))["version"]
    events = _reload_event(port, version)
    before = pdf.stat().st_mtime_ns if pdf else 0
    text = report.read_text(encoding="utf-8")
    saved = time.perf_counter()
    report.write_text(
        text.replace(f"{SENTENCE} ({n - 1})" if n else SENTENCE, f"{SENTENCE} ({n})", 1), encoding="utf-8"
    )
    while not events.readline().startswith(b"data:"):
        pass
    told = time.perf_counter() - saved
    assert f"{SENTENCE} ({n})" in _get(port, "/").decode()
    fetched = time.perf_counter() - saved
    while pdf and pdf.stat().st_mtime_ns == before:
        time.sleep(0.005)
    done = time.perf_counter() - saved if pdf else 0.0
    time.sleep(0.3 if not pdf else 0.6)  # let the build finish writing before the next save
    return told, fetched, done


def layout_ms(page: bytes, folder: Path) -> int:
    """How long the page's script takes to lay the example out on sheets in headless Chromium."""
    path = folder / "xem-truoc.html"
    path.write_bytes(page)
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    dom = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={folder / 'c'}",
            "--virtual-time-budget=5000",
            "--dump-dom",
            path.as_uri(),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return int(dom.split('data-layout-ms="', 1)[1].split('"', 1)[0])


def main() -> None:
    pdf = "--pdf" in sys.argv
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        report = Path(shutil.copy(EXAMPLE, folder / EXAMPLE.name))
        shutil.copy(EXAMPLE.with_name("don-vi.yaml"), folder / "don-vi.yaml")
        watch = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "baocao",
                "watch",
                str(report),
                "--no-browser",
                "--port",
                "0",
                *(["--pdf"] if pdf else []),
            ],
            cwd=folder,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            line = ""
            while "http://" not in line:
                line = watch.stdout.readline()
            port = int(line.split("http://127.0.0.1:", 1)[1].split("/", 1)[0])
            runs = [
                one_save(port, report, n, folder / "output" / f"{EXAMPLE.stem}.pdf" if pdf else None)
                for n in range(RUNS)
            ]
            layout = layout_ms(_get(port, "/"), folder)
        finally:
            watch.terminate()
            watch.wait(30)
            watch.stdout.close()
    told, fetched, done = (statistics.median(r[i] for r in runs) * 1000 for i in range(3))
    print(
        f"save → reload event {told:.0f} ms; → new page fetched {fetched:.0f} ms;"
        f" page laid out in the browser {layout} ms; total ≈ {fetched + layout:.0f} ms (target ≤ 300 ms)"
    )
    if pdf:
        print(f"save → PDF rewritten {done:.0f} ms (target ≤ 1500 ms)")


if __name__ == "__main__":
    main()
