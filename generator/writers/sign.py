"""Digital signatures on a report's PDF (`baocao sign`): PAdES with pyHanko, a visible box where ND30 puts
the signature (between the signer's position and name, beside Nơi nhận), and checking a signed file.

The box is found in the PDF's own text (pdfminer): the last page with "Nơi nhận", the signer's block in the
right half of that page (its upper-case authority and position lines, then the name); the box fills the
space left for the signature. Lines are rebuilt from characters by baseline, with diacritics folded away,
because LibreOffice may draw a Vietnamese letter from a fallback font as a separate glyph.
"""

from __future__ import annotations

import io
import logging
import os
import shutil
import subprocess
import unicodedata
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pdfminer.psexceptions import PSException
from pyhanko.pdf_utils.misc import PdfError

from baocao.conventions.words import SIGNATURE_STAMP, fold
from baocao.errors import BaocaoError, Location, Problem, os_reason
from baocao.messages import writers as msg
from baocao.write import write_atomic

#: pyHanko imports cryptography's DSA key classes, deprecated from cryptography 51 on (a UserWarning, so
#: printed): nothing a clerk can act on.
DSA_WARNING = "DSA is deprecated"
warnings.filterwarnings("ignore", message=DSA_WARNING, category=UserWarning)

FIELD_NAME = "ChuKySo"
PASSWORD_VARIABLE = "BAOCAO_MAT_KHAU"
STAMP_TIME_FORMAT = "%d/%m/%Y %H:%M:%S %z"
STAMP_FONT_SIZE = 10
BOX_WIDTH_MIN, BOX_HEIGHT_MIN, BOX_HEIGHT_MAX = 170, 36, 70
_AUTHORITY = ("TM.", "KT.", "TL.", "TUQ.", "Q.")
_FONT_FILES = (  # a font with Vietnamese letters for the box's text, by platform
    Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts" / "times.ttf",
    Path("/System/Library/Fonts/Supplemental/Times New Roman.ttf"),
    Path("/Library/Fonts/Times New Roman.ttf"),
    Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"),
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"),
)


@dataclass(frozen=True)
class Segment:
    """A run of text on one baseline of a page, folded to ASCII letters: where it is and how tall."""

    text: str
    x0: float
    x1: float
    baseline: float
    size: float

    @property
    def upper(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)


@dataclass(frozen=True)
class Placement:
    """Where the signature box goes: a page (from 0) and (x1, y1, x2, y2) in PDF points; whether the signer's
    block was found (else the box is at the bottom right of the last page)."""

    page: int
    box: tuple[int, int, int, int]
    found: bool


@dataclass(frozen=True)
class SignatureCheck:
    """What `check_signatures` says of one signature."""

    signer: str
    signed_at: datetime | None
    intact: bool
    valid: bool
    trusted: bool
    whole_file: bool
    timestamped: bool
    roots_given: bool = False  # trusted roots were given (--tin-cay): then `trusted` counts

    @property
    def ok(self) -> bool:
        return self.intact and self.valid and self.whole_file

    @property
    def accepted(self) -> bool:
        """The verdict: ok, and issued by a trusted root when roots were given."""
        return self.ok and (self.trusted or not self.roots_given)


def all_accepted(checks: list[SignatureCheck]) -> bool:
    """A file's verdict: it has signatures and each is accepted."""
    return bool(checks) and all(check.accepted for check in checks)


def signed_name(pdf: Path) -> Path:
    """Where a signed copy goes by default: TEP-da-ky.pdf beside TEP.pdf."""
    return pdf.with_name(f"{pdf.stem}-da-ky.pdf")


def _chars(layout) -> Iterator:
    from pdfminer.layout import LTChar

    for child in layout:
        if isinstance(child, LTChar):
            yield child
        elif hasattr(child, "__iter__"):
            yield from _chars(child)


def segments(page) -> list[Segment]:
    """The page's text as segments: characters grouped by baseline (to 1.5 pt), split where a gap is wider
    than three times the type size (the columns of the closing table); top to bottom, left to right."""
    rows: dict[int, list] = {}
    for char in _chars(page):
        if fold(char.get_text()).strip():
            rows.setdefault(round(char.matrix[5] / 1.5), []).append(char)
    found = []
    for key in sorted(rows, reverse=True):
        chars = sorted(rows[key], key=lambda c: c.x0)
        group = [chars[0]]
        for char in chars[1:] + [None]:
            if char is not None and char.x0 - group[-1].x1 <= 3 * group[-1].size:
                group.append(char)
                continue
            text = "".join(
                c.get_text() + (" " if n is not None and n.x0 - c.x1 > c.size * 0.2 else "")
                for c, n in zip(group, group[1:] + [None], strict=True)
            )
            found.append(Segment(fold(text).strip(), group[0].x0, group[-1].x1, key * 1.5, max(c.size for c in group)))
            group = [char] if char is not None else []
    return found


def place_signature(pdf: Path) -> Placement:
    """Where the visible signature goes in `pdf` (see the module's docstring)."""
    from pdfminer.high_level import extract_pages

    pages = list(extract_pages(str(pdf)))
    for number in range(len(pages) - 1, -1, -1):
        page = pages[number]
        found = segments(page)
        head = next((s for s in found if s.text.startswith("Noi nhan")), None)
        if head is not None:
            box = _box(found, head, page.width)
            if box is not None:
                return Placement(number, box, True)
    last = pages[-1]
    right = int(last.width) - 60
    return Placement(len(pages) - 1, (right - BOX_WIDTH_MIN, 60, right, 60 + BOX_HEIGHT_MAX), False)


def _box(found: list[Segment], head: Segment, width: float) -> tuple[int, int, int, int] | None:
    """The box between the signer's title lines and name, in the column right of "Nơi nhận"."""
    column = [s for s in found if s.x0 > max(head.x1, width * 0.4) and s.baseline <= head.baseline + 2 * head.size]
    titles = [s for s in column if s.upper or s.text.startswith(_AUTHORITY)]
    if not titles:
        return None
    lowest = min(titles, key=lambda s: s.baseline)
    name = next((s for s in column if s.baseline < lowest.baseline and not s.upper), None)
    top = lowest.baseline - lowest.size * 0.4
    bottom = name.baseline + name.size * 1.1 if name else top - BOX_HEIGHT_MAX
    if top - bottom < BOX_HEIGHT_MIN:
        bottom = top - BOX_HEIGHT_MIN
    bottom = max(bottom, top - BOX_HEIGHT_MAX)
    block = titles + ([name] if name else [])
    centre = (min(s.x0 for s in block) + max(s.x1 for s in block)) / 2
    half = max(BOX_WIDTH_MIN, max(s.x1 - s.x0 for s in block)) / 2
    return int(centre - half), int(bottom), int(centre + half), int(top)


# --- signing -------------------------------------------------------------------------------


def _font_candidates() -> Iterator[Path]:
    """TrueType fonts for the box's text: fontconfig's choice for Times New Roman, then known files."""
    found = shutil.which("fc-match")
    if found:
        result = subprocess.run(
            [found, "-f", "%{file}", "Times New Roman:lang=vi"], capture_output=True, text=True, check=False, timeout=10
        )
        if result.returncode == 0 and result.stdout.endswith((".ttf", ".otf")):
            yield Path(result.stdout)
    yield from (path for path in _FONT_FILES if path.is_file())


def _font_file(text: str) -> Path | None:
    """A font that has every letter of `text`, with 1000 units to the em (pyHanko writes glyph widths in the
    font's own units, which PDF reads as thousandths: a 2048-unit font would be drawn spaced out). A font
    scaled for this is kept in the cache folder."""
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.scaleUpem import scale_upem

    needed = {ord(c) for c in unicodedata.normalize("NFC", text) if not c.isspace()}
    for path in _font_candidates():
        with TTFont(str(path), lazy=False) as font:
            if not needed <= set(font.getBestCmap() or {}):
                continue
            if font["head"].unitsPerEm == 1000:
                return path
            scaled = _cache_dir() / f"{path.stem}-1000.ttf"
            if not scaled.is_file():
                scale_upem(font, 1000)
                saved = io.BytesIO()
                font.save(saved)
                write_atomic(scaled, saved.getvalue())  # a killed run leaves no half font in the cache
            return scaled
    return None


def _cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "baocao" / "fonts"


def _quiet() -> None:
    """pyHanko and fontTools log what baocao tells the clerk itself (a wrong password, an untrusted chain,
    font tables not subset), with tracebacks: keep them for real failures only."""
    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)
    logging.getLogger("pyhanko_certvalidator").setLevel(logging.CRITICAL)
    logging.getLogger("fontTools").setLevel(logging.ERROR)


def _load_signer(p12: Path, password: str):
    from pyhanko.sign import signers

    signer = signers.SimpleSigner.load_pkcs12(str(p12), passphrase=password.encode("utf-8"))
    if signer is None:
        raise BaocaoError(
            Problem(Location(p12), msg.CANNOT_OPEN_CERTIFICATE, msg.cannot_open_certificate_hint(PASSWORD_VARIABLE))
        )
    return signer


def _stamp_style(signer_name: str):
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    font = _font_file(SIGNATURE_STAMP % {"signer": signer_name, "ts": "0123456789/:+-"})
    if font is None:  # pyHanko's built-in font has no Vietnamese letters: the box says it without diacritics
        return TextStampStyle(stamp_text=fold(SIGNATURE_STAMP), timestamp_format=STAMP_TIME_FORMAT, border_width=1)
    return TextStampStyle(
        stamp_text=SIGNATURE_STAMP,
        timestamp_format=STAMP_TIME_FORMAT,
        border_width=1,
        text_box_style=TextBoxStyle(font=_font_factory(font), font_size=STAMP_FONT_SIZE),
    )


def _font_factory(font: Path):
    """pyHanko's font engine for `font`, fed from memory: its own factory opens the file and never closes it.
    Its size must be the text box's (pyHanko #733)."""
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory

    class _InMemory(GlyphAccumulatorFactory):
        def create_font_engine(self, writer, obj_stream=None) -> GlyphAccumulator:
            if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
                obj_stream = writer.prepare_object_stream()
            return GlyphAccumulator(
                writer=writer,
                font_handle=io.BytesIO(Path(self.font_file).read_bytes()),
                font_size=self.font_size,
                obj_stream=obj_stream,
            )

    return _InMemory(str(font), font_size=STAMP_FONT_SIZE)


def sign_pdf(source: Path, target: Path, p12: Path, password: str, timestamp_url: str | None = None) -> Placement:
    """Sign `source` (PAdES, SHA-256) into `target` with the key and certificate of `p12`, a visible box at
    the signer's block showing the signer's name and the signing time; a timestamp from `timestamp_url` when
    given. Signed in memory, then written atomically (write_atomic). BaocaoError when the certificate cannot be opened
    or the file cannot be signed."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers, timestamps

    _quiet()
    signer = _load_signer(p12, password)
    try:
        placement = place_signature(source)
    except (OSError, ValueError, PSException) as exc:
        raise _unreadable(source, exc) from None
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME, subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256"
    )
    stamper = timestamps.HTTPTimeStamper(timestamp_url) if timestamp_url else None
    name = signer.signing_cert.subject.native.get("common_name", "")
    pdf_signer = signers.PdfSigner(
        meta,
        signer,
        timestamper=stamper,
        stamp_style=_stamp_style(name),
        new_field_spec=fields.SigFieldSpec(FIELD_NAME, on_page=placement.page, box=placement.box),
    )
    signed = io.BytesIO()
    try:
        with source.open("rb") as infile:
            pdf_signer.sign_pdf(IncrementalPdfFileWriter(infile, strict=False), output=signed)
    except (OSError, ValueError, PdfError) as exc:  # pyHanko's errors, a refused timestamp
        raise BaocaoError(Problem(Location(source), msg.cannot_sign(_why(exc)), msg.CANNOT_SIGN_HINT)) from None
    write_atomic(target, signed.getvalue())
    return placement


def check_signatures(pdf: Path, trust: list[Path] | None = None) -> list[SignatureCheck]:
    """Validate every signature of `pdf`; `trust`: certificates (PEM or DER) to trust as roots."""
    from asn1crypto import x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    _quiet()
    roots = [x509.Certificate.load(_der_certificate(path)) for path in trust or []]
    context = ValidationContext(trust_roots=roots, allow_fetching=False)  # no roots given: nothing is trusted
    try:
        with pdf.open("rb") as handle:
            reader = PdfFileReader(handle, strict=False)
            signatures = reader.embedded_signatures
            return [_check(validate_pdf_signature(signature, context), bool(roots)) for signature in signatures]
    except (OSError, ValueError, PdfError) as exc:  # an unreadable or damaged PDF
        raise _unreadable(pdf, exc) from None


def _der_certificate(path: Path) -> bytes:
    """A trusted certificate's DER bytes, from PEM or DER; BaocaoError when the file holds none."""
    from cryptography import x509 as crypto_x509
    from cryptography.hazmat.primitives.serialization import Encoding

    data = path.read_bytes()
    try:
        loaded = (
            crypto_x509.load_pem_x509_certificate(data)
            if b"-----BEGIN" in data
            else crypto_x509.load_der_x509_certificate(data)
        )
    except ValueError:
        raise BaocaoError(
            Problem(Location(path), msg.UNREADABLE_TRUSTED_CERTIFICATE, msg.UNREADABLE_TRUSTED_CERTIFICATE_HINT)
        ) from None
    return loaded.public_bytes(Encoding.DER)


def _unreadable(pdf: Path, exc: Exception) -> BaocaoError:
    return BaocaoError(Problem(Location(pdf), msg.unreadable_pdf(type(exc).__name__), msg.UNREADABLE_PDF_HINT))


def _why(exc: Exception) -> str:
    """Why signing failed, as far as it can be told in Vietnamese: the system's reason, else the error's kind."""
    return os_reason(exc) if isinstance(exc, OSError) else type(exc).__name__


def _check(status, roots_given: bool) -> SignatureCheck:
    from pyhanko.sign.validation import SignatureCoverageLevel

    return SignatureCheck(
        signer=status.signing_cert.subject.native.get("common_name", status.signing_cert.subject.human_friendly),
        signed_at=status.signer_reported_dt,
        intact=status.intact,
        valid=status.valid,
        trusted=status.trusted,
        whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        timestamped=status.timestamp_validity is not None,
        roots_given=roots_given,
    )


def password_from_environment() -> str | None:
    """The certificate's password from BAOCAO_MAT_KHAU, if set."""
    return os.environ.get(PASSWORD_VARIABLE)
