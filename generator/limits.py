"""Budgets: how much time, text and memory any input may cost (every limit of the tool lives here).

A clerk's sentence or a customised Word template must not run forever or fill the memory, and a
.docx handed to `check` or used as a template must not unpack into gigabytes. The sandbox
(compose/sandbox.py) charges its work against the current budget: `check_time()` in every loop
turn, call, operator and printed value; `spend()` for the text a render prints; `turn()` for a
loop turn. Reading a .docx goes through `docx_bytes()` (sizes of the zip parts, declared and real).
Past a limit, `OverBudget` (a Vietnamese reason), which callers turn into a located message.

A whole report (load, compute, compose, render: every stage, not only the sandbox's work) runs within
`report_limit()`: past its seconds an alarm raises `OverTime` in the main thread wherever it is (between two
Python steps: one call into C runs to its end, which the sizes below keep short).
"""

from __future__ import annotations

import _thread
import io
import signal
import threading
import time
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from lxml import etree

from baocao.errors import BaocaoError, Location, fail, os_reason
from baocao.messages import common
from baocao.messages import files as msg

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.opc.part import Part

# --- expressions (sentences and templates) -------------------------------------------
MAX_TEXT = 100_000  # longest string or list an expression may build ('a' * 10**9 is refused)
MAX_NUMBER = 10**30  # largest number an expression may compute (9 ** 9 ** 9 is refused)
MAX_TEMPLATE_OUTPUT = 50_000_000  # characters a Word template may render to (all its parts)
MAX_ITERATIONS = 1_000_000  # loop turns one render may take ({% for %} in a template)
SENTENCE_SECONDS = 2.0  # one sentence (a legitimate one takes microseconds)
TEMPLATE_SECONDS = 10.0  # one Word template's frame (a legitimate one takes milliseconds)
REPORT_SECONDS = 60  # one report, all stages (build --gioi-han-giay; an example report takes 0.1 s)

# --- a clerk's YAML file (input/load.py) -----------------------------------------------------
MAX_YAML_BYTES = 10_000_000  # one file (the largest example is 25 KB; a province's report a few hundred KB)
MAX_SCALAR = 20_000  # characters of one value: a trích yếu, a paragraph (a page of text is ~2,500)
MAX_DEPTH = 50  # nesting of mappings and lists the composer may recurse into
MAX_NODES = 100_000  # values one file may expand to (aliases can multiply a small file)

# --- reading a .docx (check, templates) ------------------------------------------------
MAX_PARTS = 2_000  # files inside the zip
MAX_XML_PART = 16_000_000  # bytes of one XML part unpacked (document.xml of a 300-page report: ~5 MB)
MAX_PART = 64_000_000  # bytes of any other part unpacked (an image)
MAX_TOTAL = 128_000_000  # bytes of all parts unpacked
# Paragraphs, runs and table cells of all XML parts of a .docx read by `check` or `import`. Their time goes with
# these, not with bytes: 16 MB of empty paragraphs (2.5 million) took 46 s to check, 265 s to import and 2 GB.
# A commune's 20-page report holds ~3,000 of them, a 250-page one ~50,000. The worst cases this allows (60,000
# empty paragraphs, or 30,000 of one run each) check and import in about 2 s of CPU: 10-15 s of wall time on this
# 2-core machine at load 10 (100,000 took 17-23 s there: README, bench/attacks.py).
MAX_ITEMS = 60_000
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_ITEMS = tuple(f"{{http://schemas.openxmlformats.org/wordprocessingml/2006/main}}{tag}" for tag in ("p", "r", "tc"))
_P = _ITEMS[0]
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
_MB = 1_000_000
_trees: WeakKeyDictionary[Part, etree._Element] = WeakKeyDictionary()  # part_xml's store


class OverBudget(Exception):
    """A limit was passed; the message says which, in Vietnamese."""


@dataclass
class _Render:
    """What one render may still print, and loop turns it may still take."""

    output: int
    turns: int


_deadline: ContextVar[tuple[float, float] | None] = ContextVar("baocao_deadline", default=None)
_render: ContextVar[_Render | None] = ContextVar("baocao_render", default=None)


class time_limit:  # noqa: N801 - used as a function: `with time_limit(2.0):` (a class: a sentence's cheap entry)
    """Within the block, check_time() fails after `seconds` (or earlier, at an enclosing limit)."""

    def __init__(self, seconds: float):
        self.seconds = seconds

    def __enter__(self) -> None:
        outer = _deadline.get()
        ends = time.monotonic() + self.seconds
        self.token = _deadline.set((ends, self.seconds) if outer is None or ends < outer[0] else outer)

    def __exit__(self, *_exc: object) -> None:
        _deadline.reset(self.token)


def check_time() -> None:
    """OverBudget when the current time limit has passed."""
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline[0]:
        raise OverBudget(msg.over_time(deadline[1]))


class render_budget:  # noqa: N801 - used as a function, as time_limit
    """Within the block, a render may print `output` characters and take `turns` loop turns."""

    def __init__(self, output: int, turns: int = MAX_ITERATIONS):
        self.budget = _Render(output, turns)

    def __enter__(self) -> None:
        self.token = _render.set(self.budget)

    def __exit__(self, *_exc: object) -> None:
        _render.reset(self.token)


def spend(characters: int) -> None:
    """Charge printed text to the current render; OverBudget past its output or time."""
    check_time()
    budget = _render.get()
    if budget is not None:
        budget.output -= characters
        if budget.output < 0:
            raise OverBudget(common.OUTPUT_TOO_LONG)


def turn(characters: int = 0) -> None:
    """Charge one loop turn (and the fixed text its body prints) to the current render."""
    budget = _render.get()
    if budget is not None:
        budget.turns -= 1
        if budget.turns < 0:
            raise OverBudget(msg.too_many_turns(MAX_ITERATIONS))
    spend(characters)


def loop(items: Iterable[object], characters: int = 0) -> Iterator[object]:
    """`items`, charging a loop turn of `characters` fixed text for each."""
    for item in items:
        turn(characters)
        yield item


def weight(value: object, largest: int = MAX_TEXT) -> int:
    """The size of a value as text would hold it: a string's length, a container's items' weights
    (each at least 1), nested; counting stops once past `largest`."""
    if type(value) is str:  # the common case: what a filter prints
        return max(len(value), 1)
    total, stack = 0, [value]
    while stack and total <= largest:
        item = stack.pop()
        if isinstance(item, str):
            total += max(len(item), 1)
        elif isinstance(item, (list, tuple, set, frozenset, range)):
            if isinstance(item, range):
                total += len(item)
            else:
                stack.extend(item)
                total += 0 if item else 1
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
            total += 0 if item else 1
        else:
            total += 1
    return total


# --- a whole report ----------------------------------------------------------------------


class OverTime(BaseException):
    """A report ran past report_limit's seconds (a BaseException: no `except Exception` on the way may keep it)."""

    def __init__(self, seconds: float):
        super().__init__(seconds)
        self.seconds = seconds


@contextmanager
def report_limit(seconds: float | None) -> Iterator[None]:
    """Within the block, OverTime after `seconds` (None or 0: no limit).

    In the main thread an alarm raises it wherever the report is, between two Python steps (one call into
    C, such as an XML parse, ends first: sizes bound those, and a batch's parent kills a worker past its
    deadline, see workers): POSIX's interval timer (setitimer), elsewhere (Windows) a timer thread that
    interrupts the main one. In another thread, where no alarm can reach, only the checks of check_time()
    (every step of a sentence or a template) stop it, with OverBudget.
    """
    if not seconds:
        yield
        return
    with time_limit(seconds):
        if threading.current_thread() is not threading.main_thread():
            yield
        elif hasattr(signal, "setitimer") and hasattr(signal, "SIGALRM"):
            with _interval_timer(seconds):
                yield
        else:
            with _timer_thread(seconds):
                yield


@contextmanager
def _interval_timer(seconds: float) -> Iterator[None]:
    def ring(_signum: int, _frame: object) -> None:
        raise OverTime(seconds)

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# The timer thread's alarm: a real signal to the main thread where there is one, else a simulated Ctrl-C.
_ringing: list[float] = []  # the seconds of the alarm that has rung and not yet been raised
_outer: list[object] = [signal.SIG_DFL]  # the handler the alarm's replaced (Windows: Ctrl-C's)


@contextmanager
def _timer_thread(seconds: float) -> Iterator[None]:
    alarm = getattr(signal, "SIGALRM", signal.SIGINT)
    previous = signal.getsignal(alarm)
    if previous is not _on_alarm:
        _outer[0] = previous
        signal.signal(alarm, _on_alarm)
    timer = threading.Timer(seconds, _ring, (seconds, alarm))
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        timer.join()
        _ringing.clear()
        if alarm == signal.SIGINT:  # Windows: Ctrl-C is Ctrl-C again (a SIGALRM handler stays, harmless)
            signal.signal(alarm, previous)


def _ring(seconds: float, alarm: signal.Signals) -> None:
    _ringing.append(seconds)
    if hasattr(signal, "pthread_kill"):
        signal.pthread_kill(threading.main_thread().ident or 0, alarm)
    else:
        _thread.interrupt_main(alarm)


def _on_alarm(signum: int, frame: object) -> None:
    if _ringing:
        raise OverTime(_ringing.pop())
    if callable(_outer[0]):  # a real Ctrl-C on Windows
        _outer[0](signum, frame)


# --- reading a .docx -----------------------------------------------------------------


def docx_bytes(path: Path) -> bytes:
    """The bytes of the .docx at `path`, after check_zip and check_xml; BaocaoError naming the file otherwise."""
    data = _zip_bytes(path)
    check_xml(data, path)
    return data


def word_document(path: Path) -> WordDocument:
    """The .docx at `path` opened by python-docx within the limits, each XML part parsed once: python-docx's own
    parts by it, the others (footnotes, theme, charts) into part_xml's store. A part that does not parse, or
    more than MAX_ITEMS paragraphs, runs and cells in all: BaocaoError naming the file (and the part)."""
    import docx  # not for `validate`, which reads no Word file

    data = _zip_bytes(path)
    try:
        document = docx.Document(io.BytesIO(data))
    except etree.XMLSyntaxError:
        check_xml(data, path)  # only now: names the broken part
        raise
    items = 0
    for part in document.part.package.iter_parts():
        if str(part.partname).lower().endswith(".xml"):
            try:
                items += _items(part_xml(part), MAX_ITEMS - items)
            except etree.XMLSyntaxError as exc:
                line, column = exc.position
                name = str(part.partname).lstrip("/")
                raise fail(Location(path), msg.broken_docx_part(name, line, column), msg.BROKEN_DOCX_HINT) from None
    if items > MAX_ITEMS:
        raise _too_big(path, msg.too_many_items(MAX_ITEMS))
    return document


def _items(root: etree._Element, room: int) -> int:
    """The paragraphs, runs and cells of a part, each counted once for every paragraph it is in (a paragraph's
    checks go through all it holds: paragraphs crammed into one would cost their square); stops past `room`."""
    items = 0
    for element in root.iter(*_ITEMS):
        items += max(1, sum(1 for _ in element.iterancestors(_P)))
        if items > room:
            break
    return items


def part_xml(part: Part) -> etree._Element:
    """The parsed XML of a part: python-docx's tree for its own parts, else the bytes parsed once (as python-docx
    parses, so its proxies work on it) and kept with the part."""
    element = getattr(part, "element", None)
    if element is not None:
        return element
    if part not in _trees:
        from docx.oxml.parser import parse_xml

        _trees[part] = parse_xml(part.blob)
    return _trees[part]


def _zip_bytes(path: Path) -> bytes:
    """The bytes of the .docx at `path`, after check_zip."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise fail(Location(path), msg.cannot_read(os_reason(exc)), msg.READ_HINT) from None
    if size > MAX_TOTAL:
        raise _too_big(path, msg.file_megabytes(round(size / _MB), MAX_TOTAL // _MB))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise fail(Location(path), msg.cannot_read(os_reason(exc)), msg.READ_HINT) from None
    check_zip(data, path)
    return data


def check_zip(data: bytes, path: Path) -> None:
    """Refuse a .docx whose zip holds too many parts, or parts too big unpacked (declared or real)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_PARTS:
                raise _too_big(path, msg.too_many_parts(len(infos), MAX_PARTS))
            total = 0
            for info in infos:
                total += _part_size(archive, info, path, declared=True)
            if total > MAX_TOTAL:
                raise _too_big(path, msg.unpacks_to(round(total / _MB), MAX_TOTAL // _MB))
            for info in infos:
                _part_size(archive, info, path, declared=False)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError) as exc:
        if isinstance(exc, RecursionError):
            raise
        raise fail(Location(path), common.UNREADABLE_DOCX, msg.UNREADABLE_DOCX_HINT) from None


def check_xml(data: bytes, path: Path) -> None:
    """Refuse a .docx (sizes already checked) one of whose XML parts does not parse, naming the part and line."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if not info.filename.lower().endswith((".xml", ".rels")):
                continue
            try:
                etree.fromstring(archive.read(info), _PARSER)
            except etree.XMLSyntaxError as exc:
                line, column = exc.position
                raise fail(
                    Location(path), msg.broken_docx_part(info.filename, line, column), msg.BROKEN_DOCX_HINT
                ) from None


def _part_size(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path, *, declared: bool) -> int:
    """A part's unpacked size, as declared or as really unpacked (read in chunks, stopped past the limit)."""
    largest = MAX_XML_PART if info.filename.lower().endswith(_XML_SUFFIXES) else MAX_PART
    size = info.file_size
    if not declared:
        size = 0
        with archive.open(info) as stream:
            while size <= largest and (chunk := stream.read(1 << 20)):
                size += len(chunk)
    if size > largest:
        raise _too_big(path, msg.part_unpacks_over(info.filename, largest // _MB))
    return size


def _too_big(path: Path, message: str) -> BaocaoError:
    return fail(Location(path), msg.docx_too_big(message), msg.DOCX_TOO_BIG_HINT)
