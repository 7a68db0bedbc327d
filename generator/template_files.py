"""Where Word templates come from: the built-in ones shipped in the package."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

DEFAULT_TEMPLATE = "bao-cao"


def builtin_template(name: str = DEFAULT_TEMPLATE) -> Path:
    """Path of a built-in template (works after a non-editable install, from any directory)."""
    return Path(str(files("baocao.templates") / f"{name}.docx"))
