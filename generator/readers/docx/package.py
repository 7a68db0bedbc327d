"""Opening the Word file to import, safely: sizes checked before anything is read, old .doc converted.

A .docx is a zip; a crafted one can expand to gigabytes, so it is read through `limits.docx_bytes`
(declared and real unpacked sizes, as `check` and templates are). A password-protected .docx is not a zip but an OLE
compound file holding an "EncryptedPackage" stream, like an old .doc: the two are told apart
by that stream's name. Old .doc files are converted by LibreOffice into a scratch folder.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from pathlib import Path

from docx.document import Document as WordDocument
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from baocao import leftovers, limits
from baocao.errors import BaocaoError, Location, Problem
from baocao.writers.pdf import find_soffice, run_soffice

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_DOC_HINT = "Mở tệp bằng Word hoặc LibreOffice, lưu lại dạng .docx rồi nhập lại."


def _refuse(path: Path, message: str, hint: str = _DOC_HINT) -> BaocaoError:
    return BaocaoError(Problem(Location(path), message, hint))


def open_word(path: Path) -> WordDocument:
    """The document at `path` (.docx, or .doc through LibreOffice); a Vietnamese error when it cannot be read."""
    if not path.is_file():
        raise _refuse(path, "Không có tệp này.", "Kiểm tra tên và đường dẫn tệp.")
    with path.open("rb") as stream:
        head = stream.read(len(_OLE_MAGIC))
    if head == _OLE_MAGIC:
        if _ENCRYPTED in path.read_bytes():
            raise _refuse(
                path,
                "Tệp Word có đặt mật khẩu, không đọc được.",
                "Mở tệp bằng Word, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ tài liệu), lưu lại rồi nhập lại.",
            )
        return _converted(path)
    if not zipfile.is_zipfile(path):
        raise _refuse(path, "Tệp không phải tệp Word (.docx hoặc .doc), hoặc đã hỏng.")
    return _opened(path, path, "Không đọc được tệp Word: tệp đã hỏng hoặc không phải dạng .docx.")


def _opened(source: Path, path: Path, message: str) -> WordDocument:
    """The .docx at `source` read within the zip limits; errors name the clerk's file `path`."""
    with zipfile.ZipFile(source) as archive:
        names = archive.namelist()
    if "word/document.xml" not in names:
        raise _refuse(path, "Tệp nén này không phải tệp Word (thiếu word/document.xml).")
    try:
        return limits.word_document(source)
    except BaocaoError as exc:
        if source == path:
            raise
        raise _refuse(path, exc.problems[0].message, exc.problems[0].hint) from None
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError):
        raise _refuse(path, message) from None


def _converted(path: Path) -> WordDocument:
    """An old .doc read through LibreOffice (converted in a scratch folder, removed afterwards, as a PDF is)."""
    soffice = find_soffice()
    if soffice is None:
        raise _refuse(
            path,
            "Tệp .doc (Word cũ) cần LibreOffice để đọc, nhưng máy chưa cài LibreOffice.",
            "Cài LibreOffice (Debian/Ubuntu: sudo apt-get install libreoffice-writer), hoặc lưu "
            "tệp thành .docx bằng Word.",
        )
    leftovers.sweep([Path(tempfile.gettempdir())])
    with tempfile.TemporaryDirectory(prefix=f"{leftovers.prefix()}import-") as scratch:
        source = Path(scratch) / "in.doc"
        shutil.copyfile(path, source)
        succeeded, said = run_soffice(soffice, [source], Path(scratch), "docx")
        target = source.with_suffix(".docx")
        if not target.is_file() and not succeeded:
            raise _refuse(path, f"LibreOffice không chuyển được tệp .doc ({said or 'không rõ lỗi'}).")
        if not target.is_file():
            raise _refuse(
                path,
                "Tệp .doc không đọc được (LibreOffice không chuyển được: tệp hỏng, có mật khẩu hoặc "
                "không phải tệp Word).",
            )
        return _opened(target, path, "Tệp .doc đã chuyển nhưng không đọc được.")
