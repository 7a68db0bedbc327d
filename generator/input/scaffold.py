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

from baocao.conventions.words import PLACE_NAME, SIGNER_NAME, SUPERIOR, UNIT_NAME
from baocao.errors import BaocaoError, Location, Problem
from baocao.input.kinds import KINDS, Kind, load_kind
from baocao.input.load import parse_yaml
from baocao.input.model import UNIT_FILE, BaoCao, DonVi
from baocao.input.period import Period
from baocao.input.roundtrip import commented, dump
from baocao.input.schema import EDITOR_SCHEMAS, REPORT_SCHEMA, SCHEMA_DIR, UNIT_SCHEMA, modeline, write_schemas
from baocao.input.validate import parse_model
from baocao.write import write_atomic

COMMENT_COLUMN = 28
PROFILE_KEYS = {  # key → (value, comment): init's starter profile, comments reused by `import`
    "co_quan_chu_quan": ("", "cơ quan chủ quản (nếu có), ví dụ UBND tỉnh Lạng Sơn; UBND xã, phường để trống"),
    "co_quan_ban_hanh": (
        ["Ủy ban nhân dân", f"xã {UNIT_NAME}"],
        "tên cơ quan ban hành, mỗi dòng một mục (tự viết HOA)",
    ),
    "ten_goi_tat": (f"UBND xã {UNIT_NAME}", "tên gọi tắt, dùng trong câu văn và câu kết"),
    "ky_hieu": ("UBND", "chữ viết tắt trong số, ký hiệu: Số: 05/BC-UBND"),
    "cap": ("xã", "tỉnh, thành phố, xã, phường, đặc khu (huyện chỉ cho kỳ trước 01/7/2025)"),
    "dia_danh": (PLACE_NAME, 'địa danh ở dòng ngày tháng: "Tân Hòa, ngày 15 tháng 6 năm 2026"'),
    "nguoi_ky": (
        {"tham_quyen": "KT.", "thay_cho": "Chủ tịch", "chuc_vu": "Phó Chủ tịch", "ho_ten": SIGNER_NAME},
        "người ký mặc định của các báo cáo",
    ),
    "noi_nhan": ([SUPERIOR, "Thường trực Đảng ủy, HĐND xã"], 'nơi nhận mặc định; dấu "- " và ";" được thêm tự động'),
    "luu": (["VT"], 'nơi lưu, thành dòng cuối "- Lưu: VT."'),
    "thu_muc_mau": ("", "thư mục mẫu Word dùng chung (ví dụ của tỉnh); để trống nếu không có"),
}
SIGNER_COMMENTS = {  # nguoi_ky's keys → comment
    "tham_quyen": "TM., KT., TL., TUQ., Q. hoặc để trống nếu ký trực tiếp",
    "thay_cho": "người đứng đầu hoặc tập thể được ký thay (với KT., TM.)",
    "chuc_vu": "chức vụ người ký",
    "ho_ten": "họ và tên người ký",
}
REPORT_COMMENTS = {  # key → comment; init's values come from the kind's skeleton and the period
    "don_vi": "tệp hồ sơ đơn vị, tính từ thư mục này",
    "loai": "loại báo cáo: " + ", ".join(KINDS),
    "ky_bao_cao": "kỳ: 6 tháng đầu năm 2026, 9 tháng năm 2026, quý II năm 2026, tháng 5 năm 2026, năm 2026",
    "so": "số văn bản; để trống khi là dự thảo (văn thư điền sau)",
    "ngay": "ngày ban hành 15/6/2026; dự thảo chưa có ngày ghi tháng/năm",
    "trich_yeu": "",  # depends on the kind: see _subject_comment
    "dong_nghieng": "dòng in nghiêng dưới trích yếu, ví dụ (Số liệu tính đến hết ngày 10/6/2026)",
    "kinh_gui": "nơi kính gửi (nếu có), mỗi dòng một nơi; khi có, Nơi nhận tự thêm '- Như trên;'",
    "co_phan": "true: cấp đầu của đề cương là Phần I, Phần II",
    "mau": "mẫu Word riêng (tên tệp, không ghi .docx); để trống thì dùng mẫu của loại báo cáo",
    "nguoi_ky": "người ký của riêng báo cáo này (thay cho hồ sơ đơn vị)",
    "so_lieu_tu": "bảng tính số liệu: mỗi dòng một số liệu, tiêu đề cột là tên khóa (ten_so_lieu, gia_tri...)",
    "so_lieu": "số liệu, gọi trong câu bằng {{ so_lieu.ten | so_dv }} (xem ví dụ ở trên)",
    "van_ban": "văn bản được trích dẫn, gọi trong câu bằng {{ van_ban.ten }}",
    "mo_dau": "các đoạn mở đầu, trước mục đầu tiên",
    "noi_dung": "đề cương: các mục lồng nhau; số thứ tự I., 1., a) được đánh tự động",
    "phu_luc": "biểu, phụ lục kèm theo, in sau chữ ký, mỗi biểu một trang ngang",
}
_OUTLINE = {
    "tieu_de": "tiêu đề mục, không ghi số thứ tự",
    "noi_dung": "đoạn văn, danh sách gạch đầu dòng (danh sách lồng) hoặc mục con",
}
_APPENDIX = {
    "loai": "bieu → Biểu số 01; phu_luc → Phụ lục I",
    "khoa": "gọi trong câu bằng {{ phu_luc.nhiem_vu }}",
    "tieu_de": "tên biểu (tự viết HOA)",
    "bang": "bảng của biểu",
}
_TABLE = {
    "cot": "các cột, từ trái sang phải (cột có cùng nhom được gộp dưới một tiêu đề)",
    "dong": "các dòng, chia nhóm I, II... bằng '- nhom: ...'; trang_thai: đã hoàn thành, đang "
    "thực hiện, chưa thực hiện",
}
_FIGURE_EXAMPLE = """Số liệu khai báo ở so_lieu, ví dụ:
  so_lieu:
    lua_xuan: {ten: Lúa vụ xuân, gia_tri: "612,4", don_vi: ha, ke_hoach: 620, cung_ky: "605,8"}
rồi gọi trong câu: {{ so_lieu.lua_xuan | so_dv }}, {{ so_lieu.lua_xuan | so_ke_hoach }},
{{ so_lieu.lua_xuan | tang_giam }}."""


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
        raise BaocaoError(
            Problem(
                Location(report),
                "Tệp báo cáo đã có, không ghi đè.",
                "Xóa hoặc đổi tên tệp cũ, hoặc chọn kỳ khác (--ky).",
            )
        )
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
    data.yaml_set_start_comment(
        modeline(path, path.parent / SCHEMA_DIR / UNIT_SCHEMA) + "\n"
        "Hồ sơ đơn vị: dùng chung cho mọi báo cáo trong thư mục này. Thay các chỗ trong ngoặc (...)."
    )
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
        modeline(path, path.parent / SCHEMA_DIR / REPORT_SCHEMA) + "\n"
        f"Báo cáo {kind.title} (bản nháp do 'baocao init' viết): thay các chỗ trong ngoặc (...),\n"
        "thêm số liệu và câu văn, rồi chạy: baocao build <tệp này>."
    )
    add_comments(data, REPORT_COMMENTS | {"trich_yeu": _subject_comment(kind, period)})
    data.yaml_set_comment_before_after_key("so_lieu", before=_FIGURE_EXAMPLE)
    add_comments(data["noi_dung"][0], _OUTLINE)
    if "nguoi_ky" in data:
        add_comments(data["nguoi_ky"], SIGNER_COMMENTS)
    for appendix in data.get("phu_luc", []):
        add_comments(appendix, _APPENDIX)
        add_comments(appendix["bang"], _TABLE)
        for column in appendix["bang"]["cot"]:
            column.fa.set_flow_style()
    return dump(data)


def _subject_comment(kind: Kind, period: Period) -> str:
    default = kind.subject(period)
    return (
        f"để trống thì dùng: {default}"
        if default
        else "trích yếu: nội dung chính của báo cáo (bắt buộc với loại chung)"
    )


def add_comments(mapping: CommentedMap, comments: dict[str, str]) -> None:
    """Each key of `mapping` named in `comments` gets its comment at the end of its line (empty ones skipped)."""
    for key, comment in comments.items():
        if key in mapping and comment:
            mapping.yaml_add_eol_comment(comment, key, column=COMMENT_COLUMN)
