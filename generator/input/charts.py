"""The `bieu_do:` block of the YAML: a native Word chart drawn from the report's figures (pydantic).

A chart takes its categories from one of three sources (a list of figures, the parts of a total, the
units of a roll-up figure) and one series per value kind (this period, a plan, the same period).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from baocao.input.figure_keys import FIGURE_VALUES, PLAN_PREFIX

#: Chart kinds clerks name → the kind of the document model.
CHART_KINDS = {"cot": "column", "thanh": "bar", "duong": "line", "tron": "pie"}
#: The sources of a chart's categories; exactly one is written (danh_muc: named here, values in chuoi_so).
CATEGORY_SOURCES = ("so_lieu", "thanh_phan_cua", "chi_tiet", "danh_muc")


class ChuoiSo(BaseModel):
    """Một chuỗi số ghi sẵn của biểu đồ: tên ở chú giải và các số theo thứ tự danh_muc."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    ten: str = Field(description="Tên chuỗi ở chú giải, ví dụ 'Thực hiện'.")
    so: list[str | int | float | None] = Field(
        description="Các số viết kiểu Việt Nam, mỗi mục của danh_muc một số, ví dụ ['1.539,7', '375']; trống: null."
    )


class BieuDo(BaseModel):
    """Một biểu đồ (cột, thanh ngang, đường, tròn) vẽ từ số liệu của báo cáo, là biểu đồ thật của Word
    (bấm chuột phải → Edit Data để sửa số); chú thích 'Biểu đồ 1: ...' được đánh số tự động."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    loai: Literal["cot", "thanh", "duong", "tron"] = Field(
        "cot", description="cot (biểu đồ cột), thanh (thanh ngang), duong (đường), tron (hình tròn: các phần của tổng)."
    )
    tieu_de: str = Field(description="Tên biểu đồ, in dưới biểu đồ sau 'Biểu đồ 1: ' (số tự đánh).")
    tieu_de_bieu_do: str = Field("", description="Tiêu đề in bên trong khung biểu đồ (không bắt buộc).")
    so_lieu: list[str] = Field(
        default_factory=list, description="Các số liệu, mỗi số liệu một cột (nhóm cột), ví dụ [lua_xuan, ngo_xuan]."
    )
    thanh_phan_cua: str = Field(
        "", description="Tên một số liệu tổng (tong_cua): mỗi thành phần của tổng là một cột hoặc một phần hình tròn."
    )
    chi_tiet: str = Field(
        "", description="Tên một số liệu tổng hợp từ các xã (tong_tu): mỗi xã một cột (báo cáo tổng hợp của tỉnh)."
    )
    danh_muc: list[str] = Field(
        default_factory=list,
        description="Tên các cột ghi sẵn (không lấy từ số liệu), số ghi trong chuoi_so; "
        "baocao import viết dạng này cho biểu đồ đọc từ tệp Word.",
    )
    chuoi_so: list[ChuoiSo] = Field(
        default_factory=list, description="Các chuỗi số ghi sẵn của danh_muc: [{ten: Thực hiện, so: [...]}, ...]."
    )
    chuoi: list[str] = Field(
        default_factory=lambda: ["gia_tri"],
        description="Các chuỗi số so sánh: gia_tri (thực hiện), ke_hoach, ke_hoach.<tên kế hoạch>, cung_ky. "
        "Mặc định [gia_tri]; biểu đồ tròn chỉ một chuỗi.",
    )
    ten_chuoi: dict[str, str] = Field(
        default_factory=dict,
        description="Tên hiện ở chú giải cho từng chuỗi, ví dụ {gia_tri: Thực hiện 6 tháng, cung_ky: Cùng kỳ 2025}.",
    )
    truc_danh_muc: str = Field("", description="Tên trục danh mục (trục các cột), ví dụ 'Cây trồng'.")
    truc_gia_tri: str = Field("", description="Tên trục giá trị; để trống thì ghi đơn vị tính của số liệu, ví dụ 'ha'.")
    so_le: int | None = Field(None, ge=0, le=6, description="Số chữ số thập phân của nhãn số (mặc định: theo số liệu).")

    @field_validator("chuoi")
    @classmethod
    def _series_kinds(cls, chuoi: list[str], info: ValidationInfo) -> list[str]:
        if not chuoi:
            raise ValueError("Biểu đồ cần ít nhất một chuỗi số (chuoi), ví dụ [gia_tri, ke_hoach].")
        for key in chuoi:
            if key not in FIGURE_VALUES and not key.startswith(PLAN_PREFIX):
                raise ValueError(
                    f"Chuỗi '{key}' không có: ghi gia_tri, ke_hoach, ke_hoach.<tên kế hoạch> hoặc cung_ky."
                )
        if len(set(chuoi)) != len(chuoi):
            raise ValueError("Một chuỗi ghi hai lần trong chuoi.")
        if info.data.get("loai") == "tron" and len(chuoi) != 1:
            raise ValueError("Biểu đồ tròn (loai: tron) chỉ vẽ một chuỗi số; ghi chuoi: [gia_tri] hoặc bỏ chuoi.")
        return chuoi

    @field_validator("ten_chuoi")
    @classmethod
    def _named_series(cls, names: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        for key in names:
            if key not in info.data.get("chuoi", [key]):
                raise ValueError(f"ten_chuoi đặt tên cho chuỗi '{key}' nhưng chuoi không có chuỗi này.")
        return names

    @model_validator(mode="after")
    def _one_source(self) -> BieuDo:
        written = [key for key in CATEGORY_SOURCES if getattr(self, key)]
        if len(written) != 1:
            raise ValueError(
                "Biểu đồ cần đúng một trong so_lieu (danh sách số liệu), thanh_phan_cua (các phần của một tổng), "
                "chi_tiet (các xã của số liệu tổng hợp) hoặc danh_muc (các cột ghi sẵn, với chuoi_so)"
                + (f"; đang ghi cả {' và '.join(written)}." if written else ".")
            )
        if bool(self.danh_muc) != bool(self.chuoi_so):
            raise ValueError(
                "danh_muc và chuoi_so đi cùng nhau: danh_muc là tên các cột, chuoi_so là các số của chúng."
            )
        for series in self.chuoi_so:
            if len(series.so) != len(self.danh_muc):
                raise ValueError(
                    f"Chuỗi '{series.ten}' có {len(series.so)} số nhưng danh_muc có {len(self.danh_muc)} cột."
                )
        if self.danh_muc and ({"chuoi", "ten_chuoi"} & self.model_fields_set):
            raise ValueError("Biểu đồ ghi sẵn số (danh_muc) không dùng chuoi, ten_chuoi: tên chuỗi ghi trong chuoi_so.")
        if self.loai == "tron" and len(self.chuoi_so) > 1:
            raise ValueError("Biểu đồ tròn (loai: tron) chỉ vẽ một chuỗi số; chuoi_so chỉ ghi một chuỗi.")
        return self


class KhoiBieuDo(BaseModel):
    """Một biểu đồ đặt trong đề cương: '- bieu_do: {...}'."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    bieu_do: BieuDo
