"""The figure file's models (`baocao figures` JSON): what figures/export.py writes and input/figure_files.py
reads back for a roll-up; `baocao schema` generates the file's JSON Schema from them."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from baocao.input.fields import described
from baocao.input.figure_model import SoLieu
from baocao.messages import keys


class NguoiKyXuat(BaseModel):
    """The report's signer."""

    model_config = described(keys.MODELS["NguoiKyXuat"])

    tham_quyen: str = Field(description=keys.NGUOI_KY_XUAT["tham_quyen"])
    thay_cho: str = Field(description=keys.NGUOI_KY_XUAT["thay_cho"])
    chuc_vu: str = Field(description=keys.NGUOI_KY_XUAT["chuc_vu"])
    ho_ten: str = Field(description=keys.NGUOI_KY_XUAT["ho_ten"])


class ThongTinBaoCao(BaseModel):
    """The report's particulars (for a reporting system to identify the figure file)."""

    model_config = described(keys.MODELS["ThongTinBaoCao"], extra="forbid")

    loai: str = Field(description=keys.THONG_TIN_BAO_CAO["loai"])
    ky_bao_cao: str = Field(description=keys.THONG_TIN_BAO_CAO["ky_bao_cao"])
    den_ngay: str = Field(description=keys.THONG_TIN_BAO_CAO["den_ngay"])
    co_quan_chu_quan: str = Field(description=keys.THONG_TIN_BAO_CAO["co_quan_chu_quan"])
    co_quan: str = Field(description=keys.THONG_TIN_BAO_CAO["co_quan"])
    don_vi: str = Field(description=keys.THONG_TIN_BAO_CAO["don_vi"])
    cap: str = Field(description=keys.THONG_TIN_BAO_CAO["cap"])
    so: int | None = Field(description=keys.THONG_TIN_BAO_CAO["so"])
    ky_hieu: str = Field(description=keys.THONG_TIN_BAO_CAO["ky_hieu"])
    so_ky_hieu: str = Field(description=keys.THONG_TIN_BAO_CAO["so_ky_hieu"])
    ngay: str | None = Field(description=keys.THONG_TIN_BAO_CAO["ngay"])
    thang: str = Field(description=keys.THONG_TIN_BAO_CAO["thang"])
    trich_yeu: str = Field(description=keys.THONG_TIN_BAO_CAO["trich_yeu"])
    nguoi_ky: NguoiKyXuat
    tep: str = Field(description=keys.THONG_TIN_BAO_CAO["tep"])


class ChiTiet(BaseModel):
    """One lower unit's figures in a roll-up (tong_tu)."""

    model_config = described(keys.MODELS["ChiTiet"], extra="forbid")

    don_vi: str = Field(description=keys.CHI_TIET["don_vi"])
    gia_tri: float | None
    ke_hoach: float | None
    cung_ky: float | None


class SoLieuXuat(SoLieu):
    """A figure as exported: the keys of so_lieu (computed values filled in), then the values derived from them."""

    model_config = described(keys.MODELS["SoLieuXuat"])

    ty_le_ke_hoach: float | None = Field(None, description=keys.SO_LIEU_XUAT["ty_le_ke_hoach"])
    ty_le_theo_ke_hoach: dict[str, float | None] = Field(
        default_factory=dict, description=keys.SO_LIEU_XUAT["ty_le_theo_ke_hoach"]
    )
    ty_le_cung_ky: float | None = Field(None, description=keys.SO_LIEU_XUAT["ty_le_cung_ky"])
    chenh_lech: float | None = Field(None, description=keys.SO_LIEU_XUAT["chenh_lech"])
    thanh_phan: list[str] = Field(default_factory=list, description=keys.SO_LIEU_XUAT["thanh_phan"])
    chi_tiet: list[ChiTiet] = Field(default_factory=list, description=keys.SO_LIEU_XUAT["chi_tiet"])
    nguon: str = Field(description=keys.SO_LIEU_XUAT["nguon"])


class TepSoLieu(BaseModel):
    """The figure file of one report (baocao figures): the report's particulars and every figure."""

    model_config = described(keys.MODELS["TepSoLieu"], extra="forbid")

    phien_ban: Literal[1] = Field(description=keys.TEP_SO_LIEU["phien_ban"])
    bao_cao: ThongTinBaoCao
    so_lieu: dict[str, SoLieuXuat] = Field(description=keys.TEP_SO_LIEU["so_lieu"])
