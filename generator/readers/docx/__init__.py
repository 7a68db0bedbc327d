"""`baocao import`: a BÁO CÁO .docx (made by baocao or by hand) read back into a unit profile and a report YAML.

Stages: `package` opens the file safely (sizes checked before reading, old .doc through LibreOffice),
`content` reads its paragraphs, tables and footnotes as Word shows them, `frame` finds the ND30 frame
(header grid, title, Nơi nhận, signer, appendices), `outline` rebuilds the nested sections of the body,
`tables` the tables, `figures` (opt-in) the figures of the sentences, and `writer` writes commented YAML.
"""

from baocao.readers.docx.api import Imported, import_docx, read_docx

__all__ = ["Imported", "import_docx", "read_docx"]
