"""The figure file's models (`baocao figures` JSON): what figures/export.py writes and input/figure_files.py
reads back for a roll-up; `baocao schema` generates the file's JSON Schema from them."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from baocao.input.figure_model import SoLieu


class NguoiKyXuat(BaseModel):
    """Người ký báo cáo."""

    tham_quyen: str = Field(description="TM., KT., TL., TUQ., Q. hoặc trống.")
    thay_cho: str = Field(description="Tập thể hoặc người đứng đầu được ký thay.")
    chuc_vu: str = Field(description="Chức vụ người ký.")
    ho_ten: str = Field(description="Họ và tên người ký.")


class ThongTinBaoCao(BaseModel):
    """Thông tin của báo cáo (để hệ thống báo cáo nhận biết tệp số liệu)."""

    model_config = ConfigDict(extra="forbid")

    loai: str = Field(description="Loại báo cáo: thi-dua, kt-xh, nhiem-vu, chung.")
    ky_bao_cao: str = Field(description="Kỳ báo cáo, ví dụ '6 tháng đầu năm 2026'.")
    den_ngay: str = Field(description="Ngày cuối của kỳ báo cáo (YYYY-MM-DD).")
    co_quan_chu_quan: str = Field(description="Cơ quan chủ quản (có thể trống).")
    co_quan: str = Field(description="Tên cơ quan ban hành.")
    don_vi: str = Field(description="Tên gọi tắt của đơn vị (ten_goi_tat).")
    cap: str = Field(description="Cấp của đơn vị: xã, phường, tỉnh...")
    so: int | None = Field(description="Số văn bản; null khi là dự thảo.")
    ky_hieu: str = Field(description="Ký hiệu văn bản, ví dụ 'BC-UBND'.")
    so_ky_hieu: str = Field(description="Số và ký hiệu, ví dụ '05/BC-UBND'; trống khi là dự thảo.")
    ngay: str | None = Field(description="Ngày ban hành (YYYY-MM-DD); null khi dự thảo chưa có ngày.")
    thang: str = Field(description="Tháng ban hành (YYYY-MM).")
    trich_yeu: str = Field(description="Trích yếu nội dung.")
    nguoi_ky: NguoiKyXuat
    tep: str = Field(description="Tên tệp báo cáo (YAML).")


class ChiTiet(BaseModel):
    """Số liệu của một đơn vị cấp dưới trong tổng hợp (tong_tu)."""

    model_config = ConfigDict(extra="forbid")

    don_vi: str = Field(description="Tên gọi tắt của đơn vị cấp dưới.")
    gia_tri: float | None
    ke_hoach: float | None
    cung_ky: float | None


class SoLieuXuat(SoLieu):
    """Một số liệu: các khóa như trong so_lieu (giá trị tự tính đã ghi vào), rồi các giá trị tính từ đó."""

    ty_le_ke_hoach: float | None = Field(None, description="Giá trị / kế hoạch (mặc định) × 100, một chữ số thập phân.")
    ty_le_theo_ke_hoach: dict[str, float | None] = Field(
        default_factory=dict, description="Tỷ lệ % so với từng kế hoạch có tên."
    )
    ty_le_cung_ky: float | None = Field(None, description="Giá trị / cùng kỳ × 100, một chữ số thập phân.")
    chenh_lech: float | None = Field(None, description="Giá trị trừ cùng kỳ.")
    thanh_phan: list[str] = Field(
        default_factory=list, description="Các số liệu thành phần (tổng, trung bình, tỷ lệ) hoặc các đơn vị cấp dưới."
    )
    chi_tiet: list[ChiTiet] = Field(default_factory=list, description="Số liệu của từng đơn vị cấp dưới (tong_tu).")
    nguon: str = Field(description="Nơi có số liệu: tệp:dòng của YAML, hoặc tệp:trang:ô của bảng tính.")


class TepSoLieu(BaseModel):
    """Tệp số liệu của một báo cáo (baocao figures): thông tin báo cáo và mọi số liệu."""

    model_config = ConfigDict(extra="forbid")

    phien_ban: Literal[1] = Field(description="Phiên bản của định dạng tệp.")
    bao_cao: ThongTinBaoCao
    so_lieu: dict[str, SoLieuXuat] = Field(description="Các số liệu theo tên (như trong so_lieu của báo cáo).")
