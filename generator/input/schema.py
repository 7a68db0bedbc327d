"""JSON Schema of the files clerks edit, for editors: `baocao schema [DIR]`.

Generated from the pydantic models (model.py), whose descriptions are Vietnamese. VS Code's YAML
extension (yaml-language-server) finds it through a comment line at the top of a YAML file,
`# yaml-language-server: $schema=<path relative to that file>`, and then completes keys, shows
the descriptions and underlines mistakes as the clerk types.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema

from baocao.input.figure_file_model import TepSoLieu
from baocao.input.model import BaoCao, DonVi
from baocao.messages import keys
from baocao.write import write_atomic

SCHEMA_DIR = Path("schema")
REPORT_SCHEMA = "bao-cao.schema.json"
UNIT_SCHEMA = "don-vi.schema.json"
FIGURES_SCHEMA = "so-lieu.schema.json"  # the JSON `baocao figures` writes, for a reporting system to check
MODELINE = "# yaml-language-server: $schema="
_TITLES: dict[str, tuple[type[BaseModel], str]] = {
    UNIT_SCHEMA: (DonVi, keys.TITLES[UNIT_SCHEMA]),
    REPORT_SCHEMA: (BaoCao, keys.TITLES[REPORT_SCHEMA]),
    FIGURES_SCHEMA: (TepSoLieu, keys.TITLES[FIGURES_SCHEMA]),
}
_DIALECT = "https://json-schema.org/draft/2020-12/schema"


class _NoFieldTitles(GenerateJsonSchema):
    """Field titles would only repeat the ASCII keys ('Tieu De'); the descriptions say what they are."""

    def field_title_should_be_set(self, _schema) -> bool:
        return False


def schema_text(model: type[BaseModel], title: str) -> str:
    """The JSON Schema of `model` as text."""
    schema = {"$schema": _DIALECT} | model.model_json_schema(schema_generator=_NoFieldTitles) | {"title": title}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


#: The schemas of the files clerks edit (what `init` and `import` write beside them).
EDITOR_SCHEMAS = (UNIT_SCHEMA, REPORT_SCHEMA)


def write_schemas(folder: Path = SCHEMA_DIR, names: tuple[str, ...] = tuple(_TITLES)) -> list[Path]:
    """Write the schemas `names` (all: the profile's, the report's and the figure file's) into `folder`;
    return their paths."""
    written = []
    for name in names:
        model, title = _TITLES[name]
        write_atomic(folder / name, schema_text(model, title).encode("utf-8"))
        written.append(folder / name)
    return written


def modeline(yaml_file: Path, schema: Path) -> str:
    """The comment line pointing an editor from `yaml_file` to `schema` (a relative path)."""
    return MODELINE + Path(os.path.relpath(schema, yaml_file.parent)).as_posix()
