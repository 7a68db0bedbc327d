"""Writing clerks' YAML with ruamel.yaml (init, next): comments, flow mappings, quotes and block texts kept.

A build reads YAML with load.py (positions, Vietnamese numbers); ruamel only writes, and what it
writes is read back with load.py before it reaches the disk.
"""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

WIDTH = 4096  # long texts stay on one line: folding them could cut a {{ ... }} in two


def round_trip() -> YAML:
    """A ruamel YAML in round-trip mode, indented like the examples (two spaces, '  - ' lists)."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = WIDTH
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def dump(data: Any) -> str:
    """`data` (ruamel's commented mappings or plain Python values) as YAML text."""
    out = io.StringIO()
    round_trip().dump(data, out)
    return out.getvalue()


def commented(value: Any) -> Any:
    """Plain dicts and lists as ruamel's commented ones, so comments and flow style can be set on them."""
    if isinstance(value, dict):
        return CommentedMap((key, commented(item)) for key, item in value.items())
    if isinstance(value, list):
        return CommentedSeq(commented(item) for item in value)
    return value
