"""`baocao schema`: the JSON Schema of the YAML files, for editors (VS Code) to suggest keys and flag errors,
and of the figure files (`baocao figures`), for reporting systems."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from baocao.cli.app import Command, app, or_exit, out


@app.command(cls=Command, options_metavar="[TÙY CHỌN]")
def schema(
    folder: Annotated[
        Path | None,
        typer.Argument(help="Thư mục ghi lược đồ (mặc định: schema).", metavar="[THU_MUC]", show_default=False),
    ] = None,
) -> None:
    """Ghi lược đồ JSON (JSON Schema) của hồ sơ đơn vị và tệp báo cáo (để VS Code gợi ý và báo lỗi khi gõ), và
    của tệp số liệu JSON do lệnh figures ghi (để hệ thống báo cáo kiểm tra)."""
    from baocao.input.schema import SCHEMA_DIR, write_schemas

    for path in or_exit(lambda: write_schemas(folder or SCHEMA_DIR)):
        out.print(f"[green]Đã viết[/] {escape(str(path))}")
