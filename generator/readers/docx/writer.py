"""The imported values as YAML, commented like `baocao init`'s files, checked with the model before writing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml.scalarstring import LiteralScalarString

from baocao.errors import BaocaoError, Location, Problem
from baocao.input.load import parse_yaml
from baocao.input.roundtrip import commented, dump
from baocao.input.scaffold import REPORT_COMMENTS, SIGNER_COMMENTS, add_comments, profile_comments
from baocao.input.schema import REPORT_SCHEMA, SCHEMA_DIR, UNIT_SCHEMA, modeline
from baocao.input.validate import parse_model
from baocao.readers.docx.summary import Summary

_PROFILE_ORDER = (
    "co_quan_chu_quan",
    "co_quan_ban_hanh",
    "ten_goi_tat",
    "ky_hieu",
    "cap",
    "dia_danh",
    "nguoi_ky",
    "noi_nhan",
    "luu",
    "cach_viet",
)
_IMPORTED = {
    "kieu_phan": "so → Phần I; chu → Phần thứ nhất",
    "kieu_muc": "nhãn các cấp mục, từ cấp trên xuống (đọc từ bản gốc)",
    "chu_thich": "chú thích cuối trang có tên, gọi trong câu bằng [^ten]",
    "ket_luan": "câu kết; './.' được thêm tự động",
    "so_lieu": "số liệu tách từ câu văn và bảng (--so-lieu); số có chú thích 'suy ra' tính từ tỷ lệ: cần kiểm tra",
}
_WORDING = "cách viết tỷ lệ của đơn vị, đọc từ bản Word (đạt … KH, bằng … CK)"


def profile_text(path: Path, values: dict[str, Any], source: Path) -> str:
    data = commented(
        {key: values[key] for key in _PROFILE_ORDER if key in values and (values[key] or key != "co_quan_chu_quan")}
    )
    data.yaml_set_start_comment(
        modeline(path, path.parent / SCHEMA_DIR / UNIT_SCHEMA) + "\n"
        f"Hồ sơ đơn vị, đọc từ {source.name} bằng 'baocao import': kiểm tra lại từng dòng."
    )
    add_comments(data, profile_comments())
    add_comments(data["nguoi_ky"], SIGNER_COMMENTS)
    add_comments(data, {"cach_viet": _WORDING})
    for key in ("luu",):
        if key in data:
            data[key].fa.set_flow_style()
    return dump(data)


def report_text(
    path: Path, values: dict[str, Any], source: Path, summary: Summary, figure_notes: dict[str, dict[str, str]]
) -> str:
    """The report YAML; `figure_notes`: figure → slot → comment (values derived from a ratio)."""
    data = commented(values)
    if "\n" in data.get("trich_yeu", ""):
        data["trich_yeu"] = LiteralScalarString(data["trich_yeu"])
    lines = [
        modeline(path, path.parent / SCHEMA_DIR / REPORT_SCHEMA),
        f"Báo cáo đọc từ {source.name} bằng 'baocao import'. Soạn lại: baocao build <tệp này>.",
        *summary.lines(),
    ]
    data.yaml_set_start_comment("\n".join(lines))
    add_comments(data, REPORT_COMMENTS | _IMPORTED | {"trich_yeu": "trích yếu, mỗi dòng xuống dòng trong tên báo cáo"})
    for name, notes in figure_notes.items():
        for slot, comment in notes.items():  # 'ke_hoach.tinh_giao': a named plan, one level down
            *up, key = slot.split(".")
            add_comments(data["so_lieu"][name][up[0]] if up else data["so_lieu"][name], {key: comment})
    for table in _tables(data):
        for column in table.get("cot", []):
            column.fa.set_flow_style()
        for row in _rows(table.get("dong", [])):
            row.fa.set_flow_style()
    return dump(data)


def validated(path: Path, text: str, model: type[BaseModel]) -> str:
    """`text` once it reads back and the model accepts it; otherwise an error and nothing is written."""
    try:
        parse_model(*parse_yaml(text, path), model)
    except BaocaoError as exc:
        first = exc.problems[0]
        raise BaocaoError(
            Problem(
                Location(path),
                f"Nội dung đọc được chưa tạo thành tệp hợp lệ ({first.message}); không ghi tệp nào.",
                "Đây là lỗi của chương trình hoặc cấu trúc tệp Word chưa hỗ trợ: hãy gửi báo lỗi kèm tệp.",
            )
        ) from None
    return text


def _tables(data: Any):
    """Every `bang` mapping in the report (outline and appendices)."""
    if isinstance(data, dict):
        if isinstance(data.get("bang"), dict):
            yield data["bang"]
        for value in data.values():
            yield from _tables(value)
    elif isinstance(data, list):
        for item in data:
            yield from _tables(item)


def _rows(rows: list[Any]):
    for row in rows:
        if isinstance(row, dict) and "dong" in row:
            yield from _rows(row["dong"])
        elif isinstance(row, list) and all(isinstance(cell, str) for cell in row):
            yield row
