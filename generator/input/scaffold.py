"""`baocao init`: a unit folder with its profile and a first report of a kind, ready to build.

Every key carries a Vietnamese comment; the first line of each file points editors to the JSON
Schema written into the folder's schema/, so completion works wherever the folder is moved.
Existing files are never overwritten: a profile already there is kept, an existing report refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from baocao.conventions.words import STARTER_PROFILE
from baocao.errors import BaocaoError, Location, Problem
from baocao.input.kinds import KINDS, Kind, load_kind
from baocao.input.load import parse_yaml
from baocao.input.model import UNIT_FILE, BaoCao, DonVi
from baocao.input.period import Period
from baocao.input.roundtrip import commented, dump
from baocao.input.schema import EDITOR_SCHEMAS, REPORT_SCHEMA, SCHEMA_DIR, UNIT_SCHEMA, modeline, write_schemas
from baocao.input.validate import parse_model
from baocao.messages import input as msg
from baocao.write import write_atomic

COMMENT_COLUMN = 28
PROFILE_KEYS = {  # key → (value, comment): init's starter profile, comments reused by `import`
    key: (value, msg.PROFILE_COMMENTS[key]) for key, value in STARTER_PROFILE.items()
}
SIGNER_COMMENTS = msg.SIGNER_COMMENTS  # nguoi_ky's keys → comment
# key → comment; init's values come from the kind's skeleton and the period (trich_yeu's: see _subject_comment)
REPORT_COMMENTS = msg.REPORT_COMMENTS | {"loai": f"{msg.REPORT_COMMENTS['loai']} {', '.join(KINDS)}"}


def profile_comments() -> dict[str, str]:
    """The comment `init` writes after each profile key (the importer writes the same ones)."""
    return {key: comment for key, (_, comment) in PROFILE_KEYS.items()}


@dataclass
class Scaffold:
    """What `init` did: the files written and the ones found already there and kept."""

    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)


def default_period(today: date) -> Period:
    """The period `init` starts with: the first half of this year until June, then the whole year."""
    return Period("6t-dau" if today.month <= 6 else "nam", today.year)


def report_name(kind: str, period: Period) -> str:
    """'thi-dua-6-thang-dau-nam-2026.yaml'."""
    return f"{kind}-{period.slug}.yaml"


def workbook_name(period: Period) -> str:
    """The starter workbook of `init --bang-tinh`: 'so-lieu-6-thang-dau-nam-2026.xlsx' (`next` renames it)."""
    return f"so-lieu-{period.slug}.xlsx"


def init_folder(folder: Path, kind: str, period: Period, workbook: Callable[[], bytes] | None = None) -> Scaffold:
    """Write a profile (unless one is there) and a report of `kind` for `period` into `folder`; with
    `workbook` (what makes its bytes: writers.figures.starter_workbook, a later stage), a starter workbook the
    report takes its figures from (so_lieu_tu; kept if there)."""
    report = folder / report_name(kind, period)
    if report.exists():
        raise BaocaoError(Problem(Location(report), msg.REPORT_EXISTS, msg.REPORT_EXISTS_HINT))
    profile = folder / UNIT_FILE
    done = Scaffold()
    sheet = folder / workbook_name(period) if workbook is not None else None
    text = _report_text(report, load_kind(kind), period, sheet.name if sheet else "")
    texts: dict[Path, str | bytes] = {report: _checked(report, text, BaoCao)}
    if profile.exists():
        done.kept.append(profile)
    else:
        texts[profile] = _checked(profile, _profile_text(profile), DonVi)
    if sheet is not None and sheet.exists():
        done.kept.append(sheet)
    elif sheet is not None and workbook is not None:
        texts[sheet] = workbook()
    done.written += write_schemas(folder / SCHEMA_DIR, EDITOR_SCHEMAS)
    for path, content in texts.items():
        write_atomic(path, content if isinstance(content, bytes) else content.encode("utf-8"))
        done.written.append(path)
    return done


def _checked(path: Path, text: str, model) -> str:
    """`text` once the loader and the model accept it (a bug here must not leave a broken file)."""
    parse_model(*parse_yaml(text, path), model)
    return text


def _profile_text(path: Path) -> str:
    """The unit profile with placeholders in brackets, a comment on every key."""
    data = commented({key: value for key, (value, _) in PROFILE_KEYS.items()})
    data.yaml_set_start_comment(f"{modeline(path, path.parent / SCHEMA_DIR / UNIT_SCHEMA)}\n{msg.PROFILE_HEADER}")
    add_comments(data, profile_comments())
    add_comments(data["nguoi_ky"], SIGNER_COMMENTS)
    return dump(data)


def _report_text(path: Path, kind: Kind, period: Period, workbook: str = "") -> str:
    """A draft report of `kind`: the frame keys, the kind's skeleton, a comment on every key; its figures
    from `workbook` when one is named."""
    skeleton = kind.skeleton(period)
    values: dict[str, Any] = {
        "don_vi": UNIT_FILE,
        "loai": kind.name,
        "ky_bao_cao": period.label,
        "so": None,
        "ngay": period.draft_date(),
        "trich_yeu": skeleton.pop("trich_yeu", ""),
        "dong_nghieng": "",
        "kinh_gui": [],
        "co_phan": skeleton.pop("co_phan", False),
        "mau": "",
        **({"so_lieu_tu": workbook} if workbook else {}),
        "so_lieu": {},
        "van_ban": {},
    }
    data = commented(values | skeleton)
    data.yaml_set_start_comment(
        f"{modeline(path, path.parent / SCHEMA_DIR / REPORT_SCHEMA)}\n{msg.report_header(kind.title)}"
    )
    add_comments(data, REPORT_COMMENTS | {"trich_yeu": _subject_comment(kind, period)})
    data.yaml_set_comment_before_after_key("so_lieu", before=msg.FIGURE_EXAMPLE)
    add_comments(data["noi_dung"][0], msg.OUTLINE_COMMENTS)
    if "nguoi_ky" in data:
        add_comments(data["nguoi_ky"], SIGNER_COMMENTS)
    for appendix in data.get("phu_luc", []):
        add_comments(appendix, msg.APPENDIX_COMMENTS)
        add_comments(appendix["bang"], msg.TABLE_COMMENTS)
        for column in appendix["bang"]["cot"]:
            column.fa.set_flow_style()
    return dump(data)


def _subject_comment(kind: Kind, period: Period) -> str:
    default = kind.subject(period)
    return msg.default_subject(default) if default else msg.SUBJECT_REQUIRED


def add_comments(mapping: CommentedMap, comments: dict[str, str]) -> None:
    """Each key of `mapping` named in `comments` gets its comment at the end of its line (empty ones skipped)."""
    for key, comment in comments.items():
        if key in mapping and comment:
            mapping.yaml_add_eol_comment(comment, key, column=COMMENT_COLUMN)
