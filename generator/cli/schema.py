"""`baocao schema`: the JSON Schema of the YAML files, for editors (VS Code) to suggest keys and flag errors,
and of the figure files (`baocao figures`), for reporting systems."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from baocao.cli.app import Command, app, or_exit, out
from baocao.messages import cli as msg
from baocao.messages import help as guide


@app.command(cls=Command, options_metavar=guide.OPTIONS, help=guide.SCHEMA)
def schema(
    folder: Annotated[
        Path | None,
        typer.Argument(help=guide.SCHEMA_FOLDER, metavar="[THU_MUC]", show_default=False),
    ] = None,
) -> None:
    """Write the JSON Schemas of the profile, the report and the figure file."""
    from baocao.input.schema import SCHEMA_DIR, write_schemas

    for path in or_exit(lambda: write_schemas(folder or SCHEMA_DIR)):
        out.print(f"[green]{msg.WROTE}[/] {escape(str(path))}")
