"""The data model of tables: columns (kinds, groups of headings), rows and groups of rows, the total row."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from baocao.input.fields import Key, Lines, Strict

# Column kinds of a table: the ones a row fills in, and the ones computed from other cells.
INPUT_KINDS = ("van_ban", "so", "phan_tram")
COLUMN_KINDS = ("stt", *INPUT_KINDS, "ty_le_ke_hoach", "ty_le_cung_ky", "chenh_lech")


class Cot(Strict):
    """Một cột của bảng: tiêu đề, nhóm cột (tiêu đề hai tầng), kiểu, số chữ số thập phân."""

    khoa: Key = Field(
        "",
        description="Tên cột, viết không dấu, để ghi ô theo tên (bắt buộc với cột van_ban, so, phan_tram). "
        "Dòng so_lieu điền các cột: ten, gia_tri, don_vi, ke_hoach, cung_ky; cột trang_thai hiện trạng thái nhiệm vụ.",
    )
    tieu_de: str = Field(description="Tiêu đề cột.")
    nhom: str = Field(
        "", description="Tiêu đề chung ở tầng trên; các cột liền nhau cùng nhom được gộp dưới tiêu đề này."
    )
    kieu: Literal[COLUMN_KINDS] = Field(  # type: ignore[valid-type]
        "van_ban",
        description="stt (số thứ tự tự đánh), van_ban, so, phan_tram (tỷ lệ ghi sẵn), "
        "ty_le_ke_hoach, ty_le_cung_ky (tự tính, %), chenh_lech (tự tính: gia_tri - cung_ky).",
    )
    so_le: int | None = Field(
        None, ge=0, le=6, description="Số chữ số thập phân (mặc định: theo số liệu; tỷ lệ 1 chữ số)."
    )
    do_rong: int | None = Field(
        None, ge=1, le=20, description="Độ rộng tương đối của cột (mặc định 1 cho stt, 2 cho cột số, 4 cho cột chữ)."
    )
    ke_hoach: Key = Field(
        "",
        description="Tên một kế hoạch có tên của số liệu: cột so hiện kế hoạch này, "
        "cột ty_le_ke_hoach tính tỷ lệ so với kế hoạch này "
        "(mặc định: kế hoạch đầu tiên).",
    )

    @model_validator(mode="after")
    def _needs_key(self) -> Cot:
        if self.kieu in INPUT_KINDS and not self.khoa:
            raise ValueError(f"Cột '{self.tieu_de}' cần khoa (tên cột không dấu, ví dụ khoa: ten_don_vi).")
        if self.ke_hoach and self.kieu not in ("so", "ty_le_ke_hoach"):
            raise ValueError(f"Cột '{self.tieu_de}': ke_hoach chỉ dùng cho cột kieu so hoặc ty_le_ke_hoach.")
        return self


# One row of a table: cells by column key (a mapping, optionally `so_lieu: name` and `trang_thai`),
# or cells in column order (a list). Cells are checked against the columns when the table is built.
Dong = dict[str, Any] | list[Any]


class Nhom(Strict):
    """Một nhóm dòng của bảng (I, II, III...): tiêu đề nhóm và các dòng; số thứ tự chạy liên tục qua các nhóm."""

    nhom: str = Field(description="Tiêu đề nhóm, ví dụ 'Lĩnh vực kinh tế'.")
    dong: list[Dong] = Field(default_factory=list, description="Các dòng của nhóm.")


class Bang(Strict):
    """Một bảng: tên bảng, đơn vị tính, các cột, các dòng (có thể chia nhóm), dòng Tổng cộng."""

    tieu_de: str = Field("", description="Tên bảng, in đậm ở giữa phía trên bảng.")
    don_vi_tinh: str = Field("", description="Đơn vị tính chung, ví dụ 'ha' → dòng 'Đơn vị tính: ha'.")
    cot: list[Cot] = Field(default_factory=list, description="Các cột, từ trái sang phải.")
    dong: list[Nhom | Dong] = Field(
        default_factory=list,
        description="Các dòng: '- so_lieu: ten' (lấy số liệu), "
        "'- {khoa_cot: giá trị, ...}', '- [ô 1, ô 2, ...]', hoặc nhóm '- nhom: ...' với dong: [...].",
    )
    tong_cong: bool | dict[str, Any] = Field(
        False,
        description="true: thêm dòng Tổng cộng tự tính; hoặc ghi tổng đã biết để "
        "kiểm tra, ví dụ {so_lieu: tong_dien_tich} hoặc {gia_tri: 1.143}.",
    )
    ghi_chu: Lines = Field(default_factory=list, description="Ghi chú dưới bảng, mỗi dòng một đoạn.")


class KhoiBang(Strict):
    """Một bảng đặt trong đề cương: '- bang: {...}'."""

    bang: Bang
