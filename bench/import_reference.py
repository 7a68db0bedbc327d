"""Trial, run by hand: `python bench/import_reference.py [REFERENCE_DIR] [--so-lieu] [-v]`. Not a test.

Makes a hand-made-looking .docx from each real report converted to text in ../shared/reference (000, 001):
the header typed in a table, headings in direct bold, typed superscript footnote markers with the notes typed
after the closing, the Nơi nhận and signature in a table. Then, as a clerk would: `baocao import`, `baocao
build`, `baocao check`. Prints paragraph text similarity (difflib, whitespace normalised: paragraphs equal, and
characters), footnotes in order, labels kept, and whether `check` passes. `--so-lieu` imports with the figures
of the sentences (issue 12) and adds the figures made and the places left as text.
"""

from __future__ import annotations

import difflib
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import docx

from baocao.nd30.reader import norm, stories

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from handmade import report, run  # noqa: E402  (tests/handmade.py: the hand-made report the import tests use)

REPORTS = ("000_c8c6177dd7007ddf.txt", "001_a2b00ce3a1f28bad.txt")
_INLINE = re.compile(r"\\\*|\*\*\*(.+?)\*\*\*|\*\*(.+?)\*\*|\*(.+?)\*|<sup>(.+?)</sup>")
_NOTE = re.compile(r"^<sup>\(?(\d+)\)?</sup>\s*")
_LABEL = re.compile(r"^(Phần\s+(?:thứ\s+\S+|[IVX]+)|[IVX]+\.|\d+\.(?:\d+\.?)*|[a-zđ]\))(?=\s|$)")
_STRAIGHT = str.maketrans("“”", '""')
_MARK = re.compile(r"^\(?\d{1,3}\)?$")


def runs(line: str) -> list[tuple[str, bool, bool, bool]]:
    """(text, bold, italic, superscript) runs of a converted line: **bold**, *italic*, <sup>n</sup>."""
    out, last = [], 0
    for match in _INLINE.finditer(line):
        out.append((line[last : match.start()], False, False, False))
        both, bold, italic, sup = match.groups()
        if match.group() == "\\*":
            out.append(("*", False, False, False))
        elif both:
            out.append((both, True, True, False))
        elif bold:
            out.append((bold, True, False, False))
        elif italic:
            out.append((italic, False, True, False))
        else:
            out.append((sup, False, False, True))
        last = match.end()
    out.append((line[last:], False, False, False))
    return [r for r in out if r[0]]


def parse(text: str) -> dict:
    """The converted report's parts: subject, body lines (heading flag), closing, notes, recipients, signer."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title = next(i for i, line in enumerate(lines) if line.lstrip("#* ").startswith("BÁO CÁO"))
    subject = lines[title + 1].lstrip("# ").strip("*")
    body: list[tuple[str, bool]] = []
    notes: list[str] = []
    i = title + 2
    while not lines[i].startswith("Trên đây"):
        line = lines[i]
        if _NOTE.match(line):
            notes.append(line)
        else:
            heading = line.startswith("#")
            body.append((line.lstrip("# "), heading))
        i += 1
    closing = lines[i]
    recipients, signer = [], []
    for line in lines[i + 1 :]:
        if line.startswith("- "):
            recipients.append(line)
        elif "Nơi nhận" not in line:
            signer += [part.strip("* ") for part in re.split(r"\s{2,}|<br>", line) if part.strip("* ")]
    return {
        "subject": subject,
        "body": body,
        "closing": closing,
        "notes": notes,
        "recipients": recipients,
        "signer": signer,
    }


def hand_made(parts: dict, path: Path) -> None:
    """The report typed by hand in Word (tests/handmade.py): direct formatting, typed labels and typed notes."""
    year = re.findall(r"\b20\d\d\b", parts["subject"])[-1]

    def body(d) -> None:
        for line, heading in parts["body"]:
            p = d.add_paragraph()
            for text, bold, italic, sup in runs(line):
                run(p, text, bold or heading, italic, sup)

    def notes(d) -> None:
        d.add_paragraph("_______________")
        for note in parts["notes"]:
            match = _NOTE.match(note)
            assert match
            p = d.add_paragraph()
            run(p, match.group(1), superscript=True)
            for text, bold, italic, sup in runs(" " + note[match.end() :]):
                run(p, text, bold, italic, sup)

    *titles, name = parts["signer"]
    report(
        path,
        body,
        notes,
        parent="UBND TỈNH LẠNG SƠN",
        agency=("ỦY BAN NHÂN DÂN", "HUYỆN VĂN QUAN"),
        date_line=f"Văn Quan, ngày      tháng 6 năm {year}",
        subject=parts["subject"],
        closing=parts["closing"],
        recipients=parts["recipients"],
        signer=(*titles, "", name),
    )


def texts(path: Path, typed: bool) -> tuple[list[str], list[str]]:
    """Body paragraphs (typed markers left out, the typed notes apart) and the footnotes, whitespace normalised."""
    found = stories(docx.Document(str(path)))
    body, notes = [], []
    for p in found[0]:
        text = ""
        for piece in p.runs:
            before = text.rstrip()
            if (
                typed
                and piece.vertical == "superscript"
                and _MARK.match(piece.text.strip())
                and not re.search(r"(?:^|[\s\d])[kcdm]?m$", before)
            ):
                continue
            text += piece.text
        lines = [norm(line) for line in text.split("\n") if norm(line)]  # a line break counts as a paragraph's
        if typed and p.runs and p.runs[0].vertical == "superscript" and _MARK.match(p.runs[0].text.strip()):
            notes += lines
        elif not (typed and set(text.strip()) <= set("_")):
            body += lines
    if not typed:
        notes = [norm(p.text) for p in found[-1] if norm(p.text)]
    return body, notes


def fold(paragraphs: list[str]) -> list[str]:
    """Typographic quotes as typed ones (the build writes “…” for "…"), '2.2 ' as '2.2. ' (it writes the dot)."""
    return [re.sub(r"^(\d+\.\d+) ", r"\1. ", t.translate(_STRAIGHT)) for t in paragraphs]


def labels(paragraphs: list[str]) -> list[str]:
    """The outline labels in order ('2.2' typed without its last dot counts as '2.2.', which the build writes)."""
    return [
        m.group(1).rstrip(".") + ("." if m.group(1)[0].isdigit() else "") for t in paragraphs if (m := _LABEL.match(t))
    ]


def trial(source: Path, folder: Path) -> None:
    parts = parse(source.read_text(encoding="utf-8"))
    original = folder / f"{source.stem}.docx"
    hand_made(parts, original)
    baocao = [sys.executable, "-m", "baocao"]
    start = time.perf_counter()
    flag = ["--so-lieu"] if "--so-lieu" in sys.argv else []
    imported = subprocess.run(
        [*baocao, "import", str(original), "-o", str(folder / source.stem), *flag], capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    print(imported.stdout[-3000:], imported.stderr[-2000:])
    report = next(p for p in (folder / source.stem).glob("*.yaml") if p.name != "don-vi.yaml")
    built = folder / f"{source.stem}-built.docx"
    done = subprocess.run([*baocao, "build", str(report), "-o", str(built)], capture_output=True, text=True)
    print(done.stdout[-1500:], done.stderr[-1500:])
    check = subprocess.run([*baocao, "check", str(built)], capture_output=True, text=True)
    body_a, notes_a = texts(original, typed=True)
    body_b, notes_b = texts(built, typed=False)
    para = difflib.SequenceMatcher(None, body_a, body_b, autojunk=False).ratio()
    folded = difflib.SequenceMatcher(None, fold(body_a), fold(body_b), autojunk=False).ratio()
    chars = difflib.SequenceMatcher(None, "\n".join(body_a), "\n".join(body_b), autojunk=False).ratio()
    notes = difflib.SequenceMatcher(None, fold(notes_a), fold(notes_b), autojunk=False).ratio()
    print(
        f"| {source.name[:3]} | {len(body_a)} / {len(body_b)} | {para:.1%} ({folded:.1%}) | {chars:.2%} | "
        f"{len(notes_a)} / {len(notes_b)}, {notes:.1%} equal in order | "
        f"{labels(body_a) == labels(body_b)} ({len(labels(body_a))}) | exit {check.returncode} | {seconds:.2f} s |"
        + (f" {_figures(imported.stdout)} |" if flag else "")
    )
    if labels(body_a) != labels(body_b):
        for op in difflib.ndiff(labels(body_a), labels(body_b)):
            if op[0] in "+-":
                print("   label", op)
    if "-v" in sys.argv:
        for line in difflib.unified_diff(body_a, body_b, lineterm="", n=0):
            print("  ", line[:160])
        print(check.stdout[-3000:])


def _figures(printed: str) -> str:
    """'N figures, K left as text' from the import's summary."""
    made = re.search(r"Số liệu: (\d+) số liệu tách từ câu văn(?: và bảng)? \((\d+) ", printed)
    left = re.search(r"Chưa tách được (\d+) chỗ", printed)
    return (
        f"{made.group(1) if made else '?'} ({made.group(2) if made else '?'} derived), {left.group(1) if left else 0}"
    )


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    here = Path(__file__).resolve().parent
    found = [d / "shared" / "reference" for d in here.parents if (d / "shared" / "reference").is_dir()]
    reference = Path(args[0]) if args else (found[0] if found else here)
    if not reference.is_dir():
        sys.exit(f"no reference folder at {reference}")
    print(
        "| report | paragraphs original / built | paragraphs equal (quotes, label dots folded) | characters | "
        "footnotes | labels kept | "
        "check | import |" + (" figures (derived), left as text |" if "--so-lieu" in sys.argv else "")
    )
    with tempfile.TemporaryDirectory() as tmp:
        for name in REPORTS:
            trial(reference / name, Path(tmp))


if __name__ == "__main__":
    main()
