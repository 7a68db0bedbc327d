"""`baocao watch`: the board and its server, rebuilds on save (report, profile, template), located errors
with the last good draft kept, the page in a browser, a warm LibreOffice, Ctrl-C."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import psutil
import pytest
from browser import needs_chromium, rendered
from helpers import EXAMPLE, EXAMPLE_DIR, EXAMPLE_UNIT, ROOT, office_pipes

from baocao.errors import Location, Problem
from baocao.watch import Build, Watch
from baocao.writers.docx.templates import builtin_template
from baocao.writers.html.server import Board, PreviewServer
from baocao.writers.pdf import WarmConverter, find_soffice, pipe_files, uno_python

WAIT = 20  # seconds a rebuild may take on a busy machine before a test fails


def _get(server: PreviewServer, path: str = "/", host: str | None = None) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=WAIT)
    connection.request("GET", path, headers={"Host": host} if host else {})
    response = connection.getresponse()
    return response.status, response.read().decode()


def _until(condition, what: str) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def test_board_keeps_the_last_draft_under_the_errors():
    board = Board()
    board.publish([Problem(Location(Path("a.yaml"), 3), "Sai.")])
    assert "a.yaml:3: Sai." in board.page() and "Chưa có bản nào" in board.page()
    assert '<aside class="banner error" id="loi"><b>Lỗi (1)</b><ul><li>a.yaml:3: Sai.</li></ul>' in board.page()
    board.publish([], "<!DOCTYPE html><html><body><p>Bản một</p></body></html>")
    assert "Bản một" in board.page() and "Lỗi" not in board.page()
    board.publish([Problem(Location(Path("a.yaml"), 7, 2), "Thiếu <tên>.", "Thêm tên.")])
    page = board.page()
    assert (
        "Bản một" in page
        and "a.yaml:7:2: Thiếu &lt;tên&gt;." in page
        and "→ Thêm tên." in page
        and "bản đúng gần nhất" in page
    )
    assert board.state() == {"version": 3, "ok": False, "problems": ["a.yaml:7:2: Thiếu <tên>.\n    → Thêm tên."]}
    assert 'EventSource("/su-kien?v=3")' in page


@pytest.fixture
def server() -> Iterator[PreviewServer]:
    running = PreviewServer(Board(), 0)
    running.start()
    yield running
    running.stop()


def test_server_pages_state_events_and_hosts(server):
    server.board.publish([], "<!DOCTYPE html><html><body><p>Bản nháp</p></body></html>")
    assert _get(server)[0] == 200 and "Bản nháp" in _get(server)[1]
    assert json.loads(_get(server, "/trang-thai")[1]) == {"version": 1, "ok": True, "problems": []}
    assert _get(server, "/khong-co")[0] == 404
    assert _get(server, "/", host="evil.example:80")[0] == 403
    assert _get(server, "/", host=f"localhost:{server.server_address[1]}")[0] == 200
    stream = socket.create_connection(server.server_address, timeout=WAIT)
    stream.sendall(b"GET /su-kien?v=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    time.sleep(0.2)
    server.board.publish([], "<!DOCTYPE html><html><body><p>Bản hai</p></body></html>")
    received = b""
    while b"data:" not in received:
        received += stream.recv(4096)
    assert b"text/event-stream" in received and b"data: 2" in received
    stream.close()


@pytest.fixture
def watched(tmp_path) -> Iterator[tuple[Watch, list[Build]]]:
    """The example copied to tmp_path and watched in a thread (stopped at the end)."""
    with _watching(tmp_path, EXAMPLE) as session:
        yield session


@contextlib.contextmanager
def _watching(tmp_path: Path, example: Path, *files: str) -> Iterator[tuple[Watch, list[Build]]]:
    """`example` (with its profile and `files` of its folder) copied to tmp_path and watched in a thread."""
    report = Path(shutil.copy(example, tmp_path / example.name))
    for name in ("don-vi.yaml", *files):
        shutil.copy(example.parent / name, tmp_path / name)
    session = Watch(report, tmp_path / "output" / "bao-cao.docx", Board())
    builds: list[Build] = []
    stop = threading.Event()
    thread = threading.Thread(target=session.run, args=(builds.append, stop), daemon=True)
    thread.start()
    _until(lambda: builds, "the first build")
    time.sleep(0.3)  # the watcher is set up
    yield session, builds
    stop.set()
    thread.join(WAIT)
    assert not thread.is_alive()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_save_rebuilds_the_draft_and_the_docx(watched):
    session, builds = watched
    assert not builds[0].problems and session.board.version >= 1 and session.output.is_file()
    before = session.output.read_bytes()
    _edit(session.report, "Tổng đàn vật nuôi", "Tổng đàn gia súc, gia cầm")
    _until(lambda: "Tổng đàn gia súc, gia cầm" in session.board.page(), "the rebuilt draft")
    _until(lambda: len(builds) >= 2, "the .docx")
    assert session.output.read_bytes() != before and not builds[-1].problems


def test_a_typo_shows_the_located_error_over_the_last_good_draft(watched):
    session, builds = watched
    _edit(session.report, "{{ so_lieu.lua_xuan", "{{ so_lieu.lua_xuann")
    _until(lambda: session.board.problems, "the error")
    page = session.board.page()
    assert f"{session.report}:" in page and "lua_xuann" in page and "Có phải bạn muốn viết" in page
    assert "Tổng đàn vật nuôi" in page and "bản đúng gần nhất" in page  # the last good draft stays
    assert builds[-1].problems and builds[-1].problems[0].location.line > 0
    _edit(session.report, "{{ so_lieu.lua_xuann", "{{ so_lieu.lua_xuan")
    _until(lambda: not session.board.problems, "the fixed draft")
    assert "Lỗi" not in session.board.page().split("<noscript>")[0]


def test_the_profile_and_a_new_unit_template_are_watched(watched):
    session, _ = watched
    _edit(session.report.parent / "don-vi.yaml", "Lê Thị Minh Hạnh", "Trần Văn Bình")
    _until(lambda: "Trần Văn Bình" in session.board.page(), "the profile's change")
    version = session.board.version
    shutil.copy(builtin_template(), session.report.parent / "thi-dua.docx")  # the unit's own template now
    _until(lambda: session.board.version > version, "the template's build")
    assert session.report.parent / "thi-dua.docx" in session.files


WORKBOOKS = ("phong-kinh-te-quy-iii-nam-2026.xlsx", "phong-tai-chinh-quy-iii-nam-2026.xlsx")  # san-xuat's


def test_a_saved_workbook_rebuilds_the_draft(tmp_path):
    """Figures read from a workbook (so_lieu_tu): saving the workbook rebuilds, as saving the YAML does."""
    with _watching(tmp_path, EXAMPLE_DIR / "san-xuat-quy-iii-2026.yaml", *WORKBOOKS) as (session, _):
        assert {tmp_path / name for name in WORKBOOKS} <= session.files
        assert "628,5 ha" in session.board.page()
        book = openpyxl.load_workbook(tmp_path / WORKBOOKS[0])
        assert book["Trồng trọt"]["E5"].value == 628.5
        book["Trồng trọt"]["E5"] = 633.5
        book.save(tmp_path / WORKBOOKS[0])
        _until(lambda: "633,5 ha" in session.board.page(), "the workbook's change")


def test_a_report_failing_validation_still_watches_the_workbooks_it_names(tmp_path):
    report = tmp_path / "bao-cao.yaml"
    text = (EXAMPLE_DIR / "san-xuat-quy-iii-2026.yaml").read_text(encoding="utf-8")
    report.write_text(text.replace("so: 212\n", "so: 212\nkhoa_sai: 1\n", 1), encoding="utf-8")
    shutil.copy(EXAMPLE_UNIT, tmp_path / "don-vi.yaml")
    session = Watch(report, tmp_path / "output" / "bao-cao.docx", Board())
    assert "khoa_sai" in str(session.build().problems[0])
    assert session.files == {report, tmp_path / "don-vi.yaml", *(tmp_path / name for name in WORKBOOKS)}


def test_a_rollup_watches_its_lower_reports(tmp_path):
    """A province's report: saving a commune's report (or its profile) rebuilds the province's draft."""
    province = ROOT / "data" / "tinh-demo"
    shutil.copytree(province / "xa", tmp_path / "xa")
    with _watching(tmp_path, province / "thi-dua-6-thang-2026.yaml") as (session, _):
        commune = tmp_path / "xa" / "binh-minh"
        assert {commune / "thi-dua-6-thang-2026.yaml", commune / "don-vi.yaml"} <= session.files
        assert "705,8" in session.board.page()
        _edit(commune / "thi-dua-6-thang-2026.yaml", 'gia_tri: "705,8"', 'gia_tri: "715,8"')
        _until(lambda: "715,8" in session.board.page(), "the commune's change")


@needs_chromium
def test_the_served_page_in_a_browser(watched):
    session, _ = watched
    server = PreviewServer(session.board, 0)
    server.start()
    try:
        tree = rendered(server.url, live=True)
        assert tree.body.get("data-ready") == "1" and int(tree.body.get("data-pages")) >= 5
        _edit(session.report, "{{ so_lieu.lua_xuan", "{{ so_lieu.lua_xuann")
        _until(lambda: session.board.problems, "the error")
        tree = rendered(server.url, live=True)
        assert "lua_xuann" in tree.cssselect("aside.error")[0].text_content()
        assert tree.cssselect("#trang > .page") and "Tổng đàn vật nuôi" in tree.text_content()
    finally:
        server.stop()


def _start_watch(tmp_path: Path, *options: str) -> subprocess.Popen:
    report = shutil.copy(EXAMPLE, tmp_path / EXAMPLE.name)
    shutil.copy(EXAMPLE_UNIT, tmp_path / "don-vi.yaml")
    scratch = tmp_path / "tmp"  # the run's own temporary folder, to see that it is left empty
    scratch.mkdir(exist_ok=True)
    return subprocess.Popen(
        [sys.executable, "-m", "baocao", "watch", report, "--no-browser", *options],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        env={**os.environ, "TMPDIR": str(scratch), "TEMP": str(scratch), "TMP": str(scratch)},
    )


def _stop_watch(tmp_path: Path, number: int, *options: str) -> tuple[int, str, list[psutil.Process], list[Path]]:
    """Start `baocao watch`, wait for its first build, send it `number`: its exit code, what it said, the
    processes it had started that are still running (killed here, so none outlives the test) and the pipe
    files of its LibreOffice still there (in /tmp)."""
    with _start_watch(tmp_path, "--port", "0", *options) as watch:
        said = ""
        assert watch.stdout is not None
        for line in watch.stdout:
            said += line
            if "Ctrl-C" in line:
                break
        assert "http://127.0.0.1:" in said and (tmp_path / "output" / f"{EXAMPLE.stem}.docx").is_file(), said
        family = psutil.Process(watch.pid).children(recursive=True)
        pipes = [path for process in family for path in office_pipes(process)]
        watch.send_signal(number)
        code = watch.wait(WAIT)
        said += watch.stdout.read()
    time.sleep(0.2)
    left = [p for p in family if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    for process in left:
        process.kill()
    return code, said, left, [path for path in pipes if path.exists()]


def _scratch_left(tmp_path: Path) -> list[Path]:
    return [p for p in tmp_path.rglob("*") if p.name.startswith(".baocao-") or p.suffix == ".tmp"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals sent to a child process")
@pytest.mark.parametrize(("number", "code"), [("SIGINT", 130), ("SIGTERM", 143), ("SIGHUP", 129)])
def test_a_signal_ends_it_cleanly(tmp_path, number, code):
    ended, said, left, _ = _stop_watch(tmp_path, getattr(signal, number))
    assert ended == code, said
    assert "Đã dừng xem trước." in said and "Đã dừng" in said and "Traceback" not in said
    assert not left and not _scratch_left(tmp_path)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals sent to a child process")
@pytest.mark.parametrize(
    ("options", "written"), [(("-o", "nhap"), f"nhap/{EXAMPLE.stem}.docx"), (("-o", "a.docx"), "a.docx")]
)
def test_the_docx_goes_where_build_o_writes_it(tmp_path, options, written):
    """-o as `build` takes it (batch.plan): a folder, or the .docx itself."""
    with _start_watch(tmp_path, "--port", "0", *options) as watch:
        assert watch.stdout is not None
        said = ""
        for line in watch.stdout:
            said += line
            if "Ctrl-C" in line:
                break
        assert (tmp_path / written).is_file() and not (tmp_path / "output").exists(), said
        watch.send_signal(signal.SIGINT)
        assert watch.wait(WAIT) == 130


def test_a_busy_port_is_told_in_vietnamese(tmp_path, server):
    with _start_watch(tmp_path, "--port", str(server.server_address[1])) as watch:
        said = watch.stdout.read()
        assert watch.wait(WAIT) == 1 and "Không mở được cổng" in said and "--port" in said


needs_uno = pytest.mark.skipif(
    (find_soffice() is None or uno_python(find_soffice()) is None) and not os.environ.get("BAOCAO_REQUIRE_SOFFICE"),
    reason="LibreOffice with its Python bridge is not installed (scripts/test.sh installs it)",
)


@needs_uno
@pytest.mark.needs_soffice
def test_a_warm_libreoffice_converts_again_and_again(tmp_path, example_docx):
    converter = WarmConverter()
    try:
        assert converter.python
        for n in range(2):
            pdf = converter.convert(example_docx, tmp_path / f"{n}.pdf")
            assert pdf.read_bytes().startswith(b"%PDF") and not list(tmp_path.glob(".*.tmp"))
        if sys.platform != "win32":  # its two pipes are the sockets named so (removed after a kill)
            assert len([p for p in pipe_files(converter.profile, converter.pipe) if p.is_socket()]) == 2
        office = converter.office
    finally:
        converter.close()
    assert office is not None and office.poll() is not None  # LibreOffice has ended


@needs_uno
@pytest.mark.needs_soffice
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals sent to a child process")
@pytest.mark.parametrize(("number", "code"), [("SIGINT", 130), ("SIGTERM", 143)])
def test_a_signal_ends_the_warm_libreoffice(tmp_path, number, code):
    ended, said, left, pipes = _stop_watch(tmp_path, getattr(signal, number), "--pdf")
    assert ended == code and f"{EXAMPLE.stem}.pdf" in said, said
    assert not left, [process.name() for process in left]  # LibreOffice, its UNO helper: all ended
    assert not pipes  # nor its sockets in /tmp, which a killed LibreOffice cannot remove
    assert (tmp_path / "output" / f"{EXAMPLE.stem}.pdf").read_bytes().startswith(b"%PDF")
    assert not _scratch_left(tmp_path)
