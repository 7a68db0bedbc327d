"""PDF through LibreOffice headless: one soffice process converts many .docx files."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import Location, fail

INSTALL_HINT = "Cài LibreOffice: trên Debian/Ubuntu 'sudo apt-get install libreoffice-writer', trên Windows tải tại libreoffice.org."


def find_soffice() -> str | None:
    """The LibreOffice command, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(documents: list[Path], outdir: Path, timeout: float = 300) -> list[Path]:
    """Convert .docx files to PDF in `outdir` with a single LibreOffice call; return the PDFs."""
    soffice = find_soffice()
    if soffice is None:
        raise fail(Location(documents[0] if documents else None), "Không tìm thấy LibreOffice để xuất PDF.", INSTALL_HINT)
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="baocao-lo-") as profile:
        # A private profile lets several conversions run at once without LibreOffice's lock.
        command = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(outdir), *map(str, documents)]
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    pdfs = [outdir / f"{doc.stem}.pdf" for doc in documents]
    missing = [pdf for pdf in pdfs if not pdf.is_file()]
    if result.returncode or missing:
        raise fail(Location(documents[0]), f"LibreOffice không xuất được PDF ({result.stderr.strip()[:200] or 'không rõ lỗi'}).",
                   "Đóng các cửa sổ LibreOffice đang mở rồi thử lại.")
    return pdfs
