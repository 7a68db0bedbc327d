"""Small WordprocessingML builders shared by the Word writer's modules (lxml elements)."""

from __future__ import annotations

import datetime
import io
import os
import zipfile
from collections.abc import Mapping
from functools import lru_cache

from docx.opc.pkgwriter import PackageWriter
from docx.oxml.ns import qn
from docx.oxml.parser import oxml_parser

_ZIP_EPOCH = 315532800  # 1980-01-01, the earliest date a zip member can carry


def el(tag: str, *children, **attrs: str):
    """A w: element with w: attributes and children: el("w:jc", val="center") (python-docx's classes)."""
    element = _bare(tag, tuple(attrs.items())).__copy__()
    if children:
        element.extend(children)
    return element


@lru_cache(maxsize=1024)
def _bare(tag: str, attrs: tuple[tuple[str, str], ...]):
    """The element once per tag and attributes: el copies it, several times faster than making it node by node
    (the few elements made on the frame itself; the body is text: fragments.py)."""
    return oxml_parser.makeelement(qn(tag), {qn(f"w:{name}"): value for name, value in attrs})


def tiny_paragraph(style_id: str):
    """An empty paragraph 1 pt high (to close a section or follow a table)."""
    tiny = el("w:rPr", el("w:sz", val="2"), el("w:szCs", val="2"))
    return el("w:p", el("w:pPr", el("w:pStyle", val=style_id), el("w:spacing", before="0", after="0"), tiny))


COMPRESS_LEVEL = 3  # zlib's: half the time of its default 6 on a report's parts, 10% larger (17 KB, not 15)


def source_date() -> datetime.datetime:
    """The date every written package carries (zip members, a workbook's created and modified dates), the same
    on every run: SOURCE_DATE_EPOCH if set (1980 at the earliest, as zip allows), else 1980-01-01; UTC, naive."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    seconds = max(int(epoch), _ZIP_EPOCH) if epoch.isdigit() else _ZIP_EPOCH
    return datetime.datetime.fromtimestamp(seconds, tz=datetime.timezone.utc).replace(tzinfo=None)


def _zip_date() -> tuple[int, int, int, int, int, int]:
    """Timestamp of every zip member: the source date."""
    day = source_date()
    return (day.year, day.month, day.day, day.hour, day.minute, day.second)


def _member(name: str, date: tuple[int, int, int, int, int, int]) -> zipfile.ZipInfo:
    """A zip member with a fixed timestamp and attributes: the same bytes on every platform."""
    member = zipfile.ZipInfo(name, date_time=date)
    member.compress_type = zipfile.ZIP_DEFLATED
    member.create_system = 0
    return member


def reproducible_zip(data: bytes) -> bytes:
    """Re-pack a .docx with fixed timestamps and attributes, keeping member order."""
    out = io.BytesIO()
    date = _zip_date()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(_member(info.filename, date), src.read(info.filename), compresslevel=COMPRESS_LEVEL)
    return out.getvalue()


class _FixedDateZip:
    """What python-docx's package writer writes through (its `write`), stamping every member alike;
    a part named in `blobs` is written with those bytes instead of its own."""

    def __init__(self, archive: zipfile.ZipFile, blobs: Mapping[str, bytes]):
        self.archive, self.date, self.blobs = archive, _zip_date(), blobs

    def write(self, pack_uri, blob: bytes) -> None:
        member, data = _member(pack_uri.membername, self.date), self.blobs.get(pack_uri, blob)
        self.archive.writestr(member, data, compresslevel=COMPRESS_LEVEL)


def save_reproducible(document, blobs: Mapping[str, bytes] | None = None) -> bytes:
    """The .docx bytes of a python-docx document, zipped once: what `Document.save` writes, in its
    order, with reproducible_zip's fixed timestamps (save stamps the current time, and re-packing
    its output would compress every part twice). `blobs`: parts (by name) whose bytes are already made."""
    package = document.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        writer = _FixedDateZip(archive, blobs or {})
        PackageWriter._write_content_types_stream(writer, parts)
        PackageWriter._write_pkg_rels(writer, package.rels)
        PackageWriter._write_parts(writer, parts)  # type: ignore[arg-type]  # duck-types its zip writer
    return out.getvalue()
