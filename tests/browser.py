"""Headless Chromium for the tests: the DOM after the page's scripts ran, screenshots, printed PDFs.

Screenshots go to the test's folder, and also to $BAOCAO_SCREENSHOTS when it is set (to look at them).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import lxml.html
import pytest

CHROMIUM = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
needs_chromium = pytest.mark.needs_chromium  # skipped without Chromium unless required; slow (conftest.py)


def chromium(url: str, *options: str, wait: str = "--virtual-time-budget=10000") -> subprocess.CompletedProcess:
    """Run headless Chromium on `url` with a throwaway profile; `wait` says when the page is done
    (a page with an open event stream never goes idle: give it a --timeout instead)."""
    assert CHROMIUM, "Chromium is not installed: apt-get install chromium"
    with tempfile.TemporaryDirectory(prefix="baocao-chromium-") as profile:
        command = [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            f"--user-data-dir={profile}",
            wait,
            *options,
            url,
        ]
        return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


def rendered(url: str, live: bool = False) -> lxml.html.HtmlElement:
    """The page's DOM once its scripts have run (`live`: a page of the watch server, its event stream open)."""
    return lxml.html.fromstring(chromium(url, "--dump-dom", **({"wait": "--timeout=5000"} if live else {})).stdout)


def screenshot(url: str, target: Path, width: int = 900, height: int = 1300) -> Path:
    """A PNG of the top of the page (copied to $BAOCAO_SCREENSHOTS if set)."""
    chromium(url, f"--window-size={width},{height}", f"--screenshot={target}")
    return _keep(target)


def printed(url: str, target: Path) -> Path:
    """The page printed to PDF by Chromium (each sheet a PDF page)."""
    chromium(url, "--no-pdf-header-footer", f"--print-to-pdf={target}")
    return _keep(target)


def _keep(target: Path) -> Path:
    folder = os.environ.get("BAOCAO_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(target, Path(folder) / target.name)
    return target
