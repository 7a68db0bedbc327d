"""`baocao import`: read a report's .docx and write don-vi.yaml (unless the folder has one) and the report YAML.

`read_docx` reads (nothing written); `import_docx` writes. Both files are validated with the model
before anything reaches the disk, and written atomically.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from baocao.conventions import levels, marks, words
from baocao.conventions.table_words import UNIT_LINE_PATTERN
from baocao.conventions.words import norm
from baocao.errors import BaocaoError, Location, Problem
from baocao.input.kinds import load_kind
from baocao.input.model import UNIT_FILE, BaoCao, DonVi
from baocao.input.period import Period, parse_period
from baocao.input.scaffold import default_period, report_name
from baocao.input.validate import load_model
from baocao.messages import readers as msg
from baocao.messages.input import REPORT_EXISTS
from baocao.readers.docx.charts import chart_parts
from baocao.readers.docx.content import Block, Para, Table, read_content
from baocao.readers.docx.figures import FigureBook
from baocao.readers.docx.frame import Frame, appendix_kind, is_attached_line, read_frame
from baocao.readers.docx.outline import OutlineReader, constructs
from baocao.readers.docx.package import open_word
from baocao.readers.docx.prose import figure_book
from baocao.readers.docx.summary import Summary
from baocao.readers.docx.typed_notes import is_closing, is_separator, notes_zone, typed_note_number
from baocao.readers.docx.writer import profile_text, report_text, validated
from baocao.write import write_atomic

_YEAR = re.compile(r"\b(19|20)\d{2}\b")


@dataclass
class Read:
    """What was read from a .docx: the profile and report values, and the summary."""

    profile: dict[str, Any]
    report: dict[str, Any]
    period: Period
    summary: Summary
    book: FigureBook | None = None


@dataclass
class Imported:
    """What `import_docx` did: files written, the profile kept, and what was read."""

    report: Path
    summary: Summary
    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)


def read_docx(path: Path, today: date | None = None, figures: bool = False) -> Read:
    """Read the report at `path`; a Vietnamese error when it is not a readable BÁO CÁO.

    `figures` (--so-lieu): numbers of the sentences become figures cited in place (`prose`)."""
    document = open_word(path)
    content = read_content(document)
    summary = Summary()
    try:
        frame = read_frame(content.blocks, summary)
    except LookupError:
        raise BaocaoError(
            Problem(
                Location(path),
                msg.NO_REPORT,
                msg.NO_REPORT_HINT,
            )
        ) from None
    report = frame.report
    period = _period(frame, summary, today or date.today())
    kind = _kind(frame.subject, summary)
    closing = _closing(frame, summary)
    book = figure_book(frame.body, content.notes) if figures else None
    reader = OutlineReader(content.notes, summary, book)
    reader.chart_parts = chart_parts(document)
    body = reader.read(frame.body)
    profile = frame.profile
    profile.setdefault("ky_hieu", "UBND")
    profile["ten_goi_tat"] = _short_name(profile, closing)
    profile.setdefault("dia_danh", words.PLACE_NAME)
    if not profile.get("cap"):
        summary.doubt("", msg.level_guessed(levels.COMMUNE))
        profile["cap"] = levels.COMMUNE
    out: dict[str, Any] = {
        "don_vi": UNIT_FILE,
        "loai": kind,
        "ky_bao_cao": period.label,
        "so": report.get("so"),
        "ngay": report.get("ngay") or period.draft_date(),
    }
    subject = report.get("trich_yeu", "")
    if kind == "chung" or norm(subject) != norm(load_kind(kind).subject(period)):
        out["trich_yeu"] = subject
    for key in ("dong_nghieng", "kinh_gui"):
        if report.get(key):
            out[key] = report[key]
    out |= body.keys
    if body.chu_thich:
        out["chu_thich"] = body.chu_thich
    if body.mo_dau:
        out["mo_dau"] = body.mo_dau
    out["noi_dung"] = body.noi_dung
    if closing is not None:
        default = load_kind(kind).closing(
            out.get("trich_yeu") or load_kind(kind).subject(period), profile["ten_goi_tat"]
        )
        if norm(closing) != norm(default):
            out["ket_luan"] = closing
    elif "ket_luan" in constructs() and "bool" in str(BaoCao.model_fields["ket_luan"].annotation):
        out["ket_luan"] = False
    appendices = [_appendix(group, reader, summary) for group in frame.appendices]
    if appendices:
        out["phu_luc"] = [a for a in appendices if a]
    summary.appendices = len(out.get("phu_luc", []))
    if book is not None:
        book.report(summary, out, profile)
    return Read(profile, out, period, summary, book)


def import_docx(path: Path, folder: Path, today: date | None = None, figures: bool = False) -> Imported:
    """Read `path` and write the profile (unless `folder` has one) and the report YAML into `folder`."""
    read = read_docx(path, today, figures)
    target = folder / report_name(read.report["loai"], read.period)
    if target.exists():
        raise BaocaoError(
            Problem(
                Location(target),
                REPORT_EXISTS,
                msg.REPORT_EXISTS_HINT,
            )
        )
    profile_path = folder / UNIT_FILE
    done = Imported(target, read.summary)
    texts: dict[Path, str] = {}
    if profile_path.exists():
        _compare_profile(profile_path, read)
        done.kept.append(profile_path)
    else:
        texts[profile_path] = validated(profile_path, profile_text(profile_path, read.profile, path), DonVi)
    notes = read.book.comments() if read.book else {}
    texts[target] = validated(target, report_text(target, read.report, path, read.summary, notes), BaoCao)
    from baocao.input.schema import EDITOR_SCHEMAS, SCHEMA_DIR, write_schemas

    folder.mkdir(parents=True, exist_ok=True)
    done.written += write_schemas(folder / SCHEMA_DIR, EDITOR_SCHEMAS)
    for file, text in texts.items():
        write_atomic(file, text.encode("utf-8"))
        done.written.append(file)
    return done


def _period(frame: Frame, summary: Summary, today: date) -> Period:
    """The period the trích yếu names (its year, or the next year it writes, or the date's)."""
    subject = frame.subject.replace("\n", " ")
    for match in words.PERIOD.finditer(subject):
        year = match["year"] or next((m.group() for m in _YEAR.finditer(subject, match.end())), None)
        if year is None and match["words"].lower() == words.WHOLE_YEAR:
            continue
        year = year or frame.report.get("ngay", "").rsplit("/", 1)[-1] or str(today.year)
        try:
            period = parse_period(f"{' '.join(match['words'].split())} {year}")
        except ValueError:
            continue
        summary.notes.append(msg.period_read(period.label))
        return period
    period = default_period(today)
    summary.doubt("", msg.period_guessed(period.label))
    return period


def _kind(subject: str, summary: Summary) -> str:
    for kind, told in words.KIND_WORDS.items():
        if told.search(subject):
            summary.notes.append(msg.kind_read(kind, msg.KIND_REASONS[kind]))
            return kind
    summary.notes.append(msg.GENERAL_KIND)
    return "chung"


def _closing(frame: Frame, summary: Summary) -> str | None:
    """The closing sentence taken off the body (without './.'), or None."""
    body = frame.body
    zone = notes_zone(body)
    last = (len(body) if zone is None else zone) - 1
    while last >= 0 and isinstance(body[last], Para) and _after_closing(body[last]):  # type: ignore[arg-type]
        last -= 1
    if last < 0 or not isinstance(body[last], Para):
        return None
    para = body[last]
    assert isinstance(para, Para)
    if is_closing(para):
        del body[last]
        return marks.CLOSING_TAIL.sub("", para.plain, count=1)
    summary.doubt(para.place, msg.NO_CLOSING)
    return None


def _after_closing(para: Para) -> bool:
    """What may follow the closing in a hand-made file: empty lines, a separator, typed footnotes."""
    return is_separator(para) or typed_note_number(para) is not None


def _short_name(profile: dict[str, Any], closing: str | None) -> str:
    """ten_goi_tat: the unit as the closing names it, else made from the issuer lines ('UBND xã Tân Hòa')."""
    match = words.CLOSING_ISSUER.search(closing) if closing else None
    if match:
        return match.group(1)
    names = profile.get("co_quan_ban_hanh", [])
    if len(names) >= 2 and names[0].lower() in words.PEOPLES_COMMITTEE:
        return "UBND " + " ".join(names[1:])
    return " ".join(names) or words.ISSUER_NAME


def _appendix(group: list[Block], reader: OutlineReader, summary: Summary) -> dict[str, Any] | None:
    label = group[0]
    assert isinstance(label, Para)
    titles: list[str] = []
    i = 1
    while i < len(group) and isinstance(group[i], Para) and not is_attached_line(group[i].plain):  # type: ignore[union-attr]
        if group[i].plain:  # type: ignore[union-attr]
            titles.append(group[i].plain)  # type: ignore[union-attr]
        i += 1
    tables = [j for j in range(i, len(group)) if isinstance(group[j], Table)]
    charts: list[Any] = []
    for j in range(i, len(group)):
        if isinstance(group[j], Para) and group[j].charts:  # type: ignore[union-attr]
            reader.chart_blocks(group[j], group, j + 1, charts)  # type: ignore[arg-type]
    if not tables and not charts:
        summary.doubt(label.place, msg.APPENDIX_EMPTY)
        return None
    if len(tables) > 1:
        summary.doubt(label.place, msg.APPENDIX_TABLES)
    appendix: dict[str, Any] = {"loai": appendix_kind(label.plain), "tieu_de": " ".join(titles) or label.plain}
    if tables:
        units = [j for j in range(i, tables[0]) if UNIT_LINE_PATTERN.match(group[j].plain)]  # type: ignore[union-attr]
        appendix["bang"] = reader.table(group, units[-1] if units else tables[0])[1]["bang"]
    if charts:
        found = [c["bieu_do"] for c in charts]
        appendix["bieu_do"] = found[0] if len(found) == 1 else found
    return appendix


def _compare_profile(path: Path, read: Read) -> None:
    """Keep the folder's profile; say what differs from the Word file; the report overrides signer and Nơi nhận."""
    unit, _ = load_model(path, DonVi)
    if read.book is not None:
        read.book.keep_profile(unit.cach_viet, read.report)
    found = read.profile
    differs = []
    for key in ("co_quan_ban_hanh", "ky_hieu", "dia_danh", "noi_nhan", "luu", "nguoi_ky"):
        ours = unit.model_dump()[key]
        theirs = found.get(key) or []
        same = (
            [norm(x).upper() for x in ours] == [norm(x).upper() for x in theirs]
            if isinstance(ours, list)
            else ours == theirs
            if isinstance(ours, dict)
            else norm(str(ours)) == norm(str(theirs))
        )
        if not same:
            differs.append(key)
            if key in ("noi_nhan", "nguoi_ky"):
                read.report[key] = theirs
    kept = msg.profile_kept(path.name)
    read.summary.notes.append(msg.profile_differs(kept, ", ".join(differs)) if differs else msg.profile_same(kept))
