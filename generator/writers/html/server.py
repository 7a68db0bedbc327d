"""The preview server: serves the latest draft on 127.0.0.1 and tells open pages when a new one is ready.

A `Board` holds what the page shows: the last good draft, the problems of the last build (shown
above the draft, which stays visible) and a version number. The server (stdlib http.server, one
thread a connection) answers
- `/` the page, with a small script that reloads it when the version changes (keeping the scroll);
- `/su-kien?v=N` a Server-Sent Events stream: one message as soon as the version is not N;
- `/trang-thai` the state as JSON (version, ok, problems), for tools and tests.
Requests naming another host are refused (a web page elsewhere cannot read the draft through DNS
rebinding).
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from baocao.errors import Problem
from baocao.messages import common
from baocao.messages import writers as msg
from baocao.writers.html.writer import banner, problem_html

HOST = "127.0.0.1"
KEEP_ALIVE_SECONDS = 15
NO_DRAFT = (
    '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>baocao</title><style>'
    ".banner { font: 11pt/1.4 sans-serif; padding: 8px 12px; background: #ffe3e3;"
    " border-left: 6px solid #c62828; }"
    "</style></head><body></body></html>"
)
RELOAD = """<script>(function () {
  var key = "baocao-cuon:" + location.pathname;
  var y = sessionStorage.getItem(key);
  if (y !== null) window.scrollTo(0, +y);
  var events = new EventSource("/su-kien?v=%d");
  events.onmessage = function () {
    sessionStorage.setItem(key, String(window.scrollY));
    events.close();
    location.reload();
  };
})();</script>"""


@dataclass
class Board:
    """What the page shows; `publish` moves to a new version and wakes the waiting streams."""

    html: str = ""  # the last good draft (a whole page), empty before the first one
    problems: list[Problem] = field(default_factory=list)
    version: int = 0
    built_at: str = ""
    _changed: threading.Condition = field(default_factory=threading.Condition, repr=False)

    def publish(self, problems: list[Problem], html: str | None = None) -> None:
        """A build's outcome: its problems, and the new draft when there is one."""
        with self._changed:
            if html is not None:
                self.html = html
                self.built_at = time.strftime("%H:%M:%S")
            self.problems = problems
            self.version += 1
            self._changed.notify_all()

    def wait(self, seen: int, timeout: float) -> int:
        """The version once it is not `seen`, or after `timeout` seconds."""
        with self._changed:
            self._changed.wait_for(lambda: self.version != seen, timeout)
            return self.version

    def wake(self) -> None:
        """Wake the waiting streams (the server is closing)."""
        with self._changed:
            self._changed.notify_all()

    def page(self) -> str:
        """The draft with the problems above it and the reload script."""
        with self._changed:
            html, problems, version, built_at = self.html or NO_DRAFT, list(self.problems), self.version, self.built_at
        banner = _problems_banner(problems, built_at)
        return html.replace("<body>", "<body>" + banner, 1).replace("</body>", RELOAD % version + "</body>", 1)

    def state(self) -> dict:
        with self._changed:
            return {"version": self.version, "ok": not self.problems, "problems": [str(p) for p in self.problems]}


def _problems_banner(problems: list[Problem], built_at: str) -> str:
    kept = msg.last_good_draft(built_at) if built_at else msg.NO_DRAFT_YET
    return banner("error", common.ERRORS, [problem_html(p) for p in problems], kept, anchor="loi")


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer

    def do_GET(self) -> None:
        if self.headers.get("Host", "").rsplit(":", 1)[0] not in (HOST, "localhost"):
            self.send_error(HTTPStatus.FORBIDDEN)
            return
        url = urlsplit(self.path)
        if url.path == "/":
            self._send(self.server.board.page().encode(), "text/html; charset=utf-8")
        elif url.path == "/trang-thai":
            state = json.dumps(self.server.board.state(), ensure_ascii=False)
            self._send(state.encode(), "application/json; charset=utf-8")
        elif url.path == "/su-kien":
            self._events(int(parse_qs(url.query).get("v", ["0"])[0] or 0))
        else:
            self.send_error(HTTPStatus.NOT_FOUND)

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _events(self, seen: int) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        try:
            while not self.server.closing.is_set():
                version = self.server.board.wait(seen, KEEP_ALIVE_SECONDS)
                self.wfile.write(f"data: {version}\n\n".encode() if version != seen else b": cho\n\n")
                self.wfile.flush()
                if version != seen:
                    return
        except (BrokenPipeError, ConnectionResetError):  # the page was closed or reloaded
            return

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base class names it so)
        """Quiet: the terminal shows builds, not requests."""


class PreviewServer(ThreadingHTTPServer):
    """The HTTP server of one board, on 127.0.0.1."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, board: Board, port: int = 0):
        super().__init__((HOST, port), _Handler)
        self.board = board
        self.closing = threading.Event()

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}/"

    def start(self) -> threading.Thread:
        """Serve in a background thread."""
        thread = threading.Thread(target=self.serve_forever, name="baocao-xem-truoc", daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        self.closing.set()
        self.board.wake()
        self.shutdown()
        self.server_close()
