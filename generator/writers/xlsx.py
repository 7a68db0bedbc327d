"""Reproducible .xlsx bytes (openpyxl): the figure files and the charts' embedded data."""

from __future__ import annotations

import io
import zipfile

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from baocao.writers.docx.ooxml import reproducible_zip, source_date


def xlsx_bytes(book: Workbook) -> bytes:
    """The workbook's bytes, the same on every run: created and modified on the source date, every zip member
    with a fixed timestamp (openpyxl's save_workbook stamps the current time)."""
    book.properties.created = book.properties.modified = source_date()
    out = io.BytesIO()
    ExcelWriter(book, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)).save()
    return reproducible_zip(out.getvalue())
