"""Each ND30 convention has one definition (issue 14): generator/conventions/ defines the fixed words and marks (Quốc
hiệu, Tiêu ngữ, "Nơi nhận:", "Kính gửi:", the closing mark "./.", "BÁO CÁO"), the place-and-date line, the
patterns derived from them (the closing mark as typed, the "Số:" and "Lưu:" lines, Quốc hiệu and Tiêu ngữ typed
loosely, a Phần label, a period), the rules of footnote numbers typed by hand and the Word style names; the
writers, the checker, the importer and the template builder import them. A string literal equal to one of them
elsewhere, or a regex written for one of them (in conventions/ too, outside its own module), is a second
definition."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from literals import string_literals

from baocao.conventions import documents, levels, marks, numbering, periods, typed_notes
from baocao.conventions.styles import HEADING_STYLES, STYLE_NAMES

ROOT = Path(__file__).resolve().parents[1]
HOMES = ("generator/conventions/", "generator/messages/")  # the definitions, and wording that quotes them
FIXED = {
    marks.QUOC_HIEU,
    marks.TIEU_NGU,
    marks.RECIPIENTS_HEAD,
    marks.KINH_GUI,
    marks.CLOSING_MARK,
    marks.ARCHIVE,
    marks.DEFAULT_ARCHIVE,
    documents.REPORT_TYPE_NAME,
    documents.NUMBER_LABEL,
    levels.COMMUNE,
}
PLACE_DATE_PATTERN = re.compile(r"ngày\\s\*.*tháng\\s\*.*năm")  # a regex of the place-and-date line
# Regexes written for a convention: the closing mark ("\.\s*/\s*\.", "\.?/\."), superscript digits, units (m², km³).
COPIED_PATTERNS = {
    "marks.CLOSING_TAIL": re.compile(r"\\\.(?:\\s\*|\?)?/(?:\\s\*)?\\\."),
    "typed_notes.SUPERSCRIPT_DIGITS": re.compile(f"[{typed_notes.SUPERSCRIPT_DIGITS}]{{4}}"),
    "typed_notes.is_unit_power": re.compile(r"\[kcdm\]\??m|\(\?:k\|c\|d\|m\)"),
    "marks.close": re.compile(r"\.;/"),  # the end `close` replaces
    # The frame's lines: "Số:" and "Lưu" loosely spaced, Quốc hiệu's letters toned any way, "Phần"/"thứ" any case.
    "documents.NUMBER_LINE": re.compile(r"Số\\s\*:"),
    "marks.ARCHIVE_LINE": re.compile(r"Lưu\\[sb]"),
    "marks.QUOC_HIEU_LOOSE": re.compile(r"C\[[ỘO]|H\[[ÒO]|HOÀ"),
    "marks.MOTTO_LOOSE": re.compile(r"(?:Độc|Tự|Hạnh)\\s", re.IGNORECASE),
    "numbering.PART_WORD": re.compile(r"^Phần\b|\(\?i:(?:phần|thứ)\)"),  # "Phần thứ …", "(?i:phần)"
    "periods.TYPED": re.compile(r"(?:tháng|quý)(?:\\s\+| \(|\(\?:)", re.IGNORECASE),  # a period as a regex reads it
}
# Word style names (Word matches them in any case): "Normal" is also every template's style id, so not counted.
STYLES = {name.casefold() for name in (*STYLE_NAMES.values(), *HEADING_STYLES) if name != STYLE_NAMES["body"]}


def _literals(path: Path) -> list[tuple[int, str]]:
    return string_literals(ast.parse(path.read_text(encoding="utf-8")))


def _sources() -> list[Path]:
    paths = [*(ROOT / "generator").rglob("*.py"), ROOT / "templates" / "make_templates.py"]
    return [p for p in paths if not p.relative_to(ROOT).as_posix().startswith(HOMES)]


def test_the_fixed_words_are_defined_once():
    copies = [
        f"{path.relative_to(ROOT)}:{line}: {text!r}"
        for path in _sources()
        for line, text in _literals(path)
        if text.strip() in FIXED
    ]
    assert not copies, f"import these from baocao.conventions (marks, documents) instead: {copies}"


def test_the_place_and_date_line_is_read_by_one_pattern():
    copies = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in _sources()
        for line, text in _literals(path)
        if PLACE_DATE_PATTERN.search(text)
    ]
    assert not copies, f"use conventions.documents.PLACE_DATE: {copies}"
    assert documents.PLACE_DATE.match("Hồ Sơn, ngày 04 tháng 6 năm 2026")


def test_patterns_and_style_names_are_defined_once():
    copies = [
        f"{path.relative_to(ROOT)}:{line}: use {home}"
        for path in _sources()
        for line, text in _literals(path)
        for home, pattern in (*COPIED_PATTERNS.items(), ("conventions.styles", None))
        if (pattern.search(text) if pattern else text.casefold() in STYLES)
    ]
    assert not copies, copies


def test_conventions_hold_each_pattern_once():
    """Within generator/conventions/ too, a pattern is written in its own module only (each home exists)."""
    modules = {m.__name__.rsplit(".", 1)[-1]: m for m in (documents, marks, numbering, periods, typed_notes)}
    assert all(hasattr(modules[module], name) for module, name in (home.split(".") for home in COPIED_PATTERNS))
    conventions = sorted((ROOT / "generator" / "conventions").glob("*.py"))
    copies = [
        f"{path.relative_to(ROOT)}:{line}: use {home}"
        for home, pattern in COPIED_PATTERNS.items()
        for path in conventions
        if path.stem != home.split(".")[0]
        for line, text in _literals(path)
        if pattern.search(text)
    ]
    assert not copies, copies


def test_the_guard_sees_a_copy(tmp_path):
    """The scan finds a copy written the way one would slip in."""
    module = tmp_path / "copy.py"
    module.write_text('"""Doc."""\nHEAD = "Nơi nhận:"\nDATE = r"ngày\\s*(\\d*)\\s*tháng\\s*(\\d*)\\s*năm"\n')
    found = [text for _, text in _literals(module)]
    assert marks.RECIPIENTS_HEAD in found and any(PLACE_DATE_PATTERN.search(t) for t in found)
    assert "Doc." not in found


def test_the_guard_sees_a_pattern_copy():
    """Each pattern finds the copies this issue removed (as their literals read), not its own definitions."""
    removed = {
        "marks.CLOSING_TAIL": r"\s*(?:\.\s*/\s*\.|/\s*\.|\.\s*/|\.)?\s*$",
        "typed_notes.SUPERSCRIPT_DIGITS": "⁰¹²³⁴⁵⁶⁷⁸⁹",
        "typed_notes.is_unit_power": r"(?:^|[\s\d(])(?:k|c|d|m)?m$",
        "marks.close": " .;/",
        "documents.NUMBER_LINE": r"^Số\s*:\s*(\d*)\s*/\s*([A-ZĐ]+)\s*-\s*(\S+?)\.?$",
        "marks.ARCHIVE_LINE": r"^[-–]?\s*Lưu\s*:\s*(.*?)\.?$",
        "marks.QUOC_HIEU_LOOSE": r"^C[ỘO]NG\s+H[ÒO]A\s+X[ÃA]\s+H[ỘO]I",
        "marks.MOTTO_LOOSE": r"Độc\s*lập\W*Tự\s*do\W*Hạnh\s*phúc",
        "numbering.PART_WORD": r"(?i:phần)\s+(?:(?i:thứ)\s+(?P<ordinal>\w+)|(?P<part>[IVXLC]+)\b)",
        "periods.TYPED": r"(6 tháng đầu năm|6 tháng cuối năm|9 tháng(?: đầu)? năm|quý\s+[IV]+\s+năm|năm)",
    }
    assert all(COPIED_PATTERNS[home].search(text) for home, text in removed.items())
    assert COPIED_PATTERNS["marks.CLOSING_TAIL"].search(r"\s*\.?/\.$")
    assert not COPIED_PATTERNS["marks.CLOSING_TAIL"].search(marks.CLOSING_TAIL.pattern[:4])
    copies = {  # the other copies removed: the checker's Quốc hiệu and "Lưu", a label and the periods typed
        "marks.QUOC_HIEU_LOOSE": "HOÀ",
        "marks.ARCHIVE_LINE": r"Lưu\b\s*:?\s*",
        "numbering.PART_WORD": "Phần thứ ",
        "periods.TYPED": r"^quý (I|II|III|IV) năm (\d{4})$",
    }
    assert all(COPIED_PATTERNS[home].search(text) for home, text in copies.items())
    assert "footnote text" in STYLES and "bảng" in STYLES and "normal" not in STYLES
