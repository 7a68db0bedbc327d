"""PDF through LibreOffice headless: one soffice process converts many .docx files."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import stat
import subprocess
import tempfile
import time
from pathlib import Path

from baocao import interrupts, leftovers
from baocao.errors import Location, fail
from baocao.messages import writers as msg
from baocao.write import replaceable

INSTALL_HINT = msg.INSTALL_LIBREOFFICE_HINT
# LibreOffice's PDF export options (its JSON form): PDF/A-2b, which embeds every font and says so in the XMP
# metadata (pdfaid:part 2, pdfaid:conformance B).
#: LibreOffice's PDF export as PDF/A-<part>b (2, or 3 to hold attached files).
PDFA_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"%d"}}'
SECONDS_PER_DOCUMENT = 10  # generous: LibreOffice takes about 0.2 s a report
STARTUP_SECONDS = 120
PIPE_FOLDERS = (Path("/tmp"), Path("/var/tmp"))  # where LibreOffice puts its pipes on POSIX, whatever TMPDIR says


def find_soffice() -> str | None:
    """The LibreOffice command, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(documents: list[Path], outdir: Path, pdfa: bool = False) -> list[Path]:
    """Convert .docx files to PDFs (PDF/A-2b with `pdfa`) of the same names in `outdir`; return the PDFs."""
    return convert(documents, [outdir / f"{doc.stem}.pdf" for doc in documents], pdfa)


def convert(documents: list[Path], targets: list[Path], pdfa: bool = False, part: int = 2) -> list[Path]:
    """Convert each .docx to the PDF path facing it (PDF/A-`part`b with `pdfa`), all in a single LibreOffice call;
    return `targets`.

    Documents are copied under unique names into a scratch folder beside the targets (reports of
    different units may share a name), converted there, then moved into place. Nothing is left
    behind on failure, which raises BaocaoError (with how to install LibreOffice when it is missing).
    """
    soffice = find_soffice()
    if soffice is None:
        raise fail(
            Location(documents[0]),
            msg.NO_LIBREOFFICE_DOCX_KEPT,
            INSTALL_HINT,
        )
    for target in targets:
        replaceable(target)
        target.parent.mkdir(parents=True, exist_ok=True)
    scratch_parent = os.path.commonpath([str(target.resolve().parent) for target in targets])
    leftovers.sweep([Path(scratch_parent), Path(tempfile.gettempdir())])
    with tempfile.TemporaryDirectory(prefix=f"{leftovers.prefix()}pdf-", dir=scratch_parent) as scratch:
        staged = [Path(scratch) / f"{i}.docx" for i in range(len(documents))]
        for document, copy in zip(documents, staged, strict=True):
            shutil.copyfile(document, copy)
        succeeded, said = run_soffice(soffice, staged, Path(scratch), PDFA_FILTER % part if pdfa else "pdf")
        made = [copy.with_suffix(".pdf") for copy in staged]
        missing = [doc for doc, pdf in zip(documents, made, strict=True) if not pdf.is_file()]
        if not succeeded or missing:
            raise fail(
                Location((missing or documents)[0]),
                msg.pdf_failed(said),
                msg.PDF_FAILED_HINT,
            )
        for pdf, target in zip(made, targets, strict=True):
            os.replace(pdf, target)
    return targets


def profile_cache() -> Path:
    """Where a LibreOffice profile filled on a first conversion is kept for the next ones."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "baocao" / "libreoffice-profile"


def run_soffice(soffice: str, documents: list[Path], outdir: Path, target: str = "pdf") -> tuple[bool, str]:
    """Run one LibreOffice conversion to `target` (--convert-to's argument: "pdf", "docx"): whether it exited
    normally, and what it said on stderr (or how long it ran before it was ended).

    LibreOffice is started through `interrupts.spawn` and ended with all it started, whatever stops the
    wait (a Ctrl-C included); its scratch is named by `leftovers.prefix()`. Each run has a private profile,
    so several conversions can run at once without LibreOffice's lock: a copy of the cached one (filling a
    new profile costs LibreOffice about half a second).
    """
    timeout = STARTUP_SECONDS + SECONDS_PER_DOCUMENT * len(documents)
    cached = profile_cache()
    with tempfile.TemporaryDirectory(prefix=f"{leftovers.prefix()}lo-") as scratch:
        profile = Path(scratch) / "profile"
        if cached.is_dir():
            shutil.copytree(cached, profile)
        command = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            *map(str, documents),
        ]
        process = interrupts.spawn(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=office_env(Path(scratch))
        )
        try:
            said = _wait(process, timeout)
        finally:
            interrupts.end(process)  # LibreOffice and what it started, whatever stopped the wait
            remove_pipes(profile)
        if said is None:
            return False, msg.pdf_over_time(timeout)
        succeeded = process.returncode == 0
        _update_cache(profile, cached, succeeded)
    return succeeded, said.strip()[:200]


def _wait(process: subprocess.Popen, timeout: float) -> str | None:
    """What LibreOffice said on stderr once it has ended, or None past `timeout` seconds. Waits a short step at a
    time: a signal another thread took (a progress bar's) is then seen by this one within a step."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return process.communicate(timeout=interrupts.STEP)[1]
        except subprocess.TimeoutExpired:
            if time.monotonic() > deadline:
                return None


def office_env(scratch: Path) -> dict[str, str]:
    """The environment LibreOffice runs in: its temporary files (lu*.tmp, left behind when it is killed) go
    into `scratch`, which this run removes (or the next one, after a kill -9: leftovers)."""
    temporary = scratch / "tmp"
    temporary.mkdir(exist_ok=True)
    return {**os.environ, "TMPDIR": str(temporary), "TMP": str(temporary), "TEMP": str(temporary)}


def pipe_files(profile: Path, *pipes: str) -> list[Path]:
    """The sockets LibreOffice makes on POSIX (`<folder>/OSL_PIPE_<uid>_<name>`) for its single-instance pipe,
    named by the MD5 of its profile's URL as UTF-16 (each byte in hex, unpadded), and for `pipes` (--accept)."""
    if not hasattr(os, "getuid"):
        return []  # Windows: named pipes are not files
    digest = hashlib.md5(profile.as_uri().encode("utf-16-le"), usedforsecurity=False).digest()
    names = ["SingleOfficeIPC_" + "".join(f"{byte:x}" for byte in digest), *pipes]
    return [folder / f"OSL_PIPE_{os.getuid()}_{name}" for folder in PIPE_FOLDERS for name in names]


def remove_pipes(profile: Path, *pipes: str) -> None:
    """Remove the sockets of an ended LibreOffice: one that was killed (a Ctrl-C) leaves them behind."""
    for path in pipe_files(profile, *pipes):
        with contextlib.suppress(OSError):
            if stat.S_ISSOCK(path.lstat().st_mode):
                path.unlink()


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


UNO_HELPER = Path(__file__).with_name("pdf_uno.py")


class WarmConverter:
    """One LibreOffice kept running for many conversions (baocao watch): each PDF costs the conversion alone.

    LibreOffice listens on a private pipe with a private profile; pdf_uno.py, run by a Python that
    has LibreOffice's UNO bridge (Debian/Ubuntu: python3-uno; Windows, macOS: the Python bundled
    with LibreOffice), loads each .docx and stores its PDF. Without such a Python every conversion
    starts LibreOffice (convert(), about a second more). `close()` ends LibreOffice.
    """

    def __init__(self) -> None:
        soffice = find_soffice()
        if soffice is None:
            raise fail(Location(None), msg.NO_LIBREOFFICE, INSTALL_HINT)
        self.python = uno_python(soffice)
        self.helper: subprocess.Popen | None = None
        self.office: subprocess.Popen | None = None
        self.ready = False
        if self.python:
            self._start(soffice, self.python)

    def _start(self, soffice: str, python: str) -> None:
        leftovers.sweep([Path(tempfile.gettempdir())])
        self.scratch = tempfile.TemporaryDirectory(prefix=f"{leftovers.prefix()}lo-")
        self.profile = profile = Path(self.scratch.name) / "profile"
        if profile_cache().is_dir():
            shutil.copytree(profile_cache(), profile)
        self.pipe = pipe = f"baocao-{os.getpid()}-{id(self)}"
        command = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            f"--accept=pipe,name={pipe};urp;",
        ]
        self.office = interrupts.spawn(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=office_env(Path(self.scratch.name))
        )
        self.helper = interrupts.spawn(
            [python, str(UNO_HELPER), pipe],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
        )

    def _answer(self) -> str:
        assert self.helper is not None and self.helper.stdout is not None
        return self.helper.stdout.readline().strip() or msg.LIBREOFFICE_STOPPED

    def convert(self, document: Path, target: Path) -> Path:
        """The PDF of `document` at `target`, replaced atomically; BaocaoError if LibreOffice fails."""
        if self.helper is None or self.helper.stdin is None:
            return convert([document], [target])[0]
        said = "ready" if self.ready else self._answer()
        self.ready = said == "ready"
        if self.ready:
            target.parent.mkdir(parents=True, exist_ok=True)
            replaceable(target)
            partial = target.with_name(f"{leftovers.prefix()}pdf.tmp")
            try:
                self.helper.stdin.write(json.dumps([str(document.resolve()), str(partial.resolve())]) + "\n")
                self.helper.stdin.flush()
                said = self._answer()
                if said == "ok":
                    os.replace(partial, target)
                    return target
            finally:  # whatever stopped it (a signal included): no half-written PDF stays
                partial.unlink(missing_ok=True)
        raise fail(
            Location(document),
            msg.pdf_failed(said.removeprefix("error ")[:200]),
            msg.PDF_FAILED_HINT,
        )

    def close(self) -> None:
        """End the helper and LibreOffice."""
        if self.helper is None or self.office is None:
            return
        with contextlib.suppress(OSError):
            self.helper.stdin.close()  # type: ignore[union-attr]
        for process in (self.helper, self.office):
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
            interrupts.end(process)  # what is left of it (and of what it started)
        remove_pipes(self.profile, self.pipe)
        self.helper.stdout.close()  # type: ignore[union-attr]
        self.scratch.cleanup()
        self.helper = self.office = None


def uno_python(soffice: str) -> str | None:
    """A Python that can import LibreOffice's UNO bridge: LibreOffice's own, else the system's python3."""
    program = Path(soffice).resolve().parent
    for candidate in (program / "python.exe", program / "python", shutil.which("python3"), "/usr/bin/python3"):
        if candidate and Path(candidate).is_file():
            try:
                subprocess.run([str(candidate), "-c", "import uno"], capture_output=True, timeout=20, check=True)
            except (OSError, subprocess.SubprocessError):
                continue
            return str(candidate)
    return None
