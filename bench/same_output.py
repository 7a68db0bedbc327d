"""Outputs before and after a speed change, compared: `python bench/same_output.py save DIR` renders every
report under data/ (and the benchmark's big report) as .docx and .html into DIR; `... compare DIR` renders
them again and says, for each, whether the bytes are the same, or else whether every .docx member's XML
and the page's text are (a speed change must keep what the clerk gets). Exit 1 on a difference."""

from __future__ import annotations

import difflib
import io
import sys
import tempfile
import zipfile
from pathlib import Path

from lxml import etree
from run import big_report

from baocao.pipeline import render

ROOT = Path(__file__).resolve().parents[1]
WRITERS = ("docx", "html")


def reports(folder: Path) -> dict[str, Path]:
    """Every report of data/ by its relative name, and the benchmark's big report."""
    found = {
        str(p.relative_to(ROOT / "data")): p for p in sorted((ROOT / "data").rglob("*.yaml")) if p.name != "don-vi.yaml"
    }
    found["bench/big.yaml"] = big_report(folder)
    return found


def outputs(folder: Path) -> dict[str, bytes]:
    """Each report rendered by each writer: 'name.writer' → bytes (the checkout's path, which messages in
    a page name, as ROOT)."""
    return {
        f"{name}.{writer}": render(path, writer=writer).data.replace(str(ROOT).encode(), b"ROOT")
        for name, path in reports(folder).items()
        for writer in WRITERS
    }


def members(data: bytes) -> dict[str, str]:
    """A .docx's members, XML ones canonicalised (C14N), others as their length."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        found = {}
        for name in archive.namelist():
            raw = archive.read(name)
            found[name] = (
                etree.tostring(etree.fromstring(raw), method="c14n").decode()
                if name.endswith(".xml") or name.endswith(".rels")
                else str(len(raw))
            )
        return found


def differences(key: str, before: bytes, after: bytes) -> list[str]:
    """What differs between two renderings ([] when the bytes or the canonical XML are the same)."""
    if before == after:
        return []
    if key.endswith(".html"):
        return [
            f"{key}: "
            + "".join(difflib.unified_diff(before.decode().splitlines(True), after.decode().splitlines(True), n=0))[
                :2000
            ]
        ]
    old, new = members(before), members(after)
    if list(old) != list(new):
        return [f"{key}: members {list(old)} → {list(new)}"]
    return [f"{key}: {name} differs" for name in old if old[name] != new[name]]


def main(action: str, store: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        now = outputs(Path(tmp))
    if action == "save":
        store.mkdir(parents=True, exist_ok=True)
        for key, data in now.items():
            (store / key.replace("/", "+")).write_bytes(data)
        print(f"{len(now)} outputs saved in {store}")
        return 0
    problems, same = [], 0
    for key, data in now.items():
        found = differences(key, (store / key.replace("/", "+")).read_bytes(), data)
        problems += found
        same += (store / key.replace("/", "+")).read_bytes() == data
    print("\n".join(problems) or f"all {len(now)} outputs equal ({same} byte for byte, the rest as canonical XML)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2])))
