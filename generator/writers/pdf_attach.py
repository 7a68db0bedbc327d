"""The figure file (JSON) inside the report's PDF/A-3 (`build --pdfa --kem-so-lieu`), for a reporting system to
take the figures from the signed PDF itself.

LibreOffice writes the PDF/A-3b (writers/pdf, SelectPdfVersion 3); pyHanko appends, as an incremental update
(the same way `baocao sign` appends its signature after it), an embedded file that PDF/A-3 (ISO 19005-3, 6.8)
accepts: a file specification with /F and /UF, /Desc and /AFRelationship /Data, listed in the catalog's /AF
array and its /EmbeddedFiles name tree; the stream with its MIME type (/Subtype application/json) and /Params
(/ModDate, /Size, /CheckSum).
"""

from __future__ import annotations

import datetime
import io
from pathlib import Path

from baocao.conventions.marks import FIGURES_ATTACHMENT
from baocao.write import write_atomic
from baocao.writers.docx.ooxml import source_date

MIME_TYPE = "application/json"
RELATIONSHIP = "/Data"  # the file holds the data the document presents (ISO 32000-2, 14.13.2)


def attach_figures(pdf: Path, figures: Path) -> None:
    """Embed the figure file `figures` (JSON) into the PDF/A-3 at `pdf` as its associated data file."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.embed import EmbeddedFileObject, EmbeddedFileParams, FileSpec, embed_file
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf.read_bytes()))
    stamped = source_date().replace(tzinfo=datetime.timezone.utc)
    params = EmbeddedFileParams(creation_date=stamped, modification_date=stamped)
    stream = EmbeddedFileObject.from_file_data(writer, figures.read_bytes(), params=params, mime_type=MIME_TYPE)
    spec = FileSpec(
        file_spec_string=figures.name,
        file_name=figures.name,
        embedded_data=stream,
        description=FIGURES_ATTACHMENT,
        af_relationship=generic.pdf_name(RELATIONSHIP),
    )
    version, catalog_version = writer.output_version, writer.root.get("/Version")
    embed_file(writer, spec)
    # pyHanko marks /AF as PDF 2.0; a PDF/A-3 stays PDF 1.7 (ISO 19005-3 brings /AF to it)
    writer.output_version = version
    if catalog_version is None:
        del writer.root["/Version"]
    else:
        writer.root["/Version"] = catalog_version
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    write_atomic(pdf, out.getvalue())
