"""PDF through LibreOffice headless: one soffice process converts many .docx files."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from baocao.errors import Location, fail

INSTALL_HINT = ("Cài LibreOffice rồi chạy lại lệnh: trên Debian/Ubuntu 'sudo apt-get install libreoffice-writer', "
                "trên Windows và macOS tải tại https://www.libreoffice.org/download/.")
SECONDS_PER_DOCUMENT = 10  # generous: LibreOffice takes about 0.2 s a report
STARTUP_SECONDS = 120


def find_soffice() -> str | None:
    """The LibreOffice command, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(documents: list[Path], outdir: Path) -> list[Path]:
    """Convert .docx files to PDFs of the same names in `outdir`; return the PDFs."""
    return convert(documents, [outdir / f"{doc.stem}.pdf" for doc in documents])


def convert(documents: list[Path], targets: list[Path]) -> list[Path]:
    """Convert each .docx to the PDF path facing it, all in a single LibreOffice call; return `targets`.

    Documents are copied under unique names into a scratch folder beside the targets (reports of
    different units may share a name), converted there, then moved into place. Nothing is left
    behind on failure, which raises BaocaoError (with how to install LibreOffice when it is missing).
    """
    soffice = find_soffice()
    if soffice is None:
        raise fail(Location(documents[0]), "Không tìm thấy LibreOffice nên chưa xuất được PDF (các tệp .docx vẫn được ghi).", INSTALL_HINT)
    for target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
    scratch_parent = os.path.commonpath([str(target.resolve().parent) for target in targets])
    with tempfile.TemporaryDirectory(prefix=".baocao-pdf-", dir=scratch_parent) as scratch:
        staged = [Path(scratch) / f"{i}.docx" for i in range(len(documents))]
        for document, copy in zip(documents, staged, strict=True):
            shutil.copyfile(document, copy)
        succeeded, said = _run(soffice, staged, Path(scratch))
        made = [copy.with_suffix(".pdf") for copy in staged]
        missing = [doc for doc, pdf in zip(documents, made, strict=True) if not pdf.is_file()]
        if not succeeded or missing:
            raise fail(Location((missing or documents)[0]), f"LibreOffice không xuất được PDF ({said or 'không rõ lỗi'}).",
                       "Đóng các cửa sổ LibreOffice đang mở rồi thử lại.")
        for pdf, target in zip(made, targets, strict=True):
            os.replace(pdf, target)
    return targets


def profile_cache() -> Path:
    """Where a LibreOffice profile filled on a first conversion is kept for the next ones."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "baocao" / "libreoffice-profile"


def _run(soffice: str, documents: list[Path], outdir: Path) -> tuple[bool, str]:
    """Run one LibreOffice conversion: whether it exited normally, and what it said on stderr.

    Each run has a private profile, so several conversions can run at once without LibreOffice's
    lock: a copy of the cached one (filling a new profile costs LibreOffice about half a second).
    """
    timeout = STARTUP_SECONDS + SECONDS_PER_DOCUMENT * len(documents)
    cached = profile_cache()
    with tempfile.TemporaryDirectory(prefix="baocao-lo-") as scratch:
        profile = Path(scratch) / "profile"
        if cached.is_dir():
            shutil.copytree(cached, profile)
        command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(outdir), *map(str, documents)]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            return False, f"chạy quá {timeout} giây"
        succeeded = result.returncode == 0
        _update_cache(profile, cached, succeeded)
    return succeeded, result.stderr.strip()[:200]


def _update_cache(profile: Path, cached: Path, succeeded: bool) -> None:
    """Keep a first good profile; drop a cached one LibreOffice failed with. Best effort, never fatal."""
    try:
        if not succeeded:
            shutil.rmtree(cached, ignore_errors=True)
        elif not cached.is_dir() and profile.is_dir():
            cached.parent.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".profile-", dir=cached.parent))
            try:
                shutil.copytree(profile, staging, dirs_exist_ok=True)
                os.replace(staging, cached)  # fails if another conversion kept one first: theirs stays
            finally:
                shutil.rmtree(staging, ignore_errors=True)  # only left when the rename failed
    except OSError:
        pass
