"""The `bieu_do:` block of the YAML: a native Word chart drawn from the report's figures (pydantic).

A chart takes its categories from one of three sources (a list of figures, the parts of a total, the
units of a roll-up figure) and one series per value kind (this period, a plan, the same period).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, ValidationInfo, field_validator, model_validator

from baocao.input.fields import described
from baocao.input.figure_keys import FIGURE_VALUES, PLAN_PREFIX
from baocao.messages import keys
from baocao.messages import validate as msg

#: Chart kinds clerks name → the kind of the document model.
CHART_KINDS = {"cot": "column", "thanh": "bar", "duong": "line", "tron": "pie"}
#: The sources of a chart's categories; exactly one is written (danh_muc: named here, values in chuoi_so).
CATEGORY_SOURCES = ("so_lieu", "thanh_phan_cua", "chi_tiet", "danh_muc")


class ChuoiSo(BaseModel):
    """A series written out: its legend name and one number per category of danh_muc."""

    model_config = described(keys.MODELS["ChuoiSo"], extra="forbid", str_strip_whitespace=True, frozen=True)

    ten: str = Field(description=keys.CHUOI_SO["ten"])
    so: list[str | int | float | None] = Field(description=keys.CHUOI_SO["so"])


class BieuDo(BaseModel):
    """A chart (column, bar, line, pie) drawn from the report's figures as a native Word chart (right click,
    Edit Data); its caption is numbered automatically."""

    model_config = described(keys.MODELS["BieuDo"], extra="forbid", str_strip_whitespace=True, frozen=True)

    loai: Literal["cot", "thanh", "duong", "tron"] = Field("cot", description=keys.BIEU_DO["loai"])
    tieu_de: str = Field(description=keys.BIEU_DO["tieu_de"])
    tieu_de_bieu_do: str = Field("", description=keys.BIEU_DO["tieu_de_bieu_do"])
    so_lieu: list[str] = Field(default_factory=list, description=keys.BIEU_DO["so_lieu"])
    thanh_phan_cua: str = Field("", description=keys.BIEU_DO["thanh_phan_cua"])
    chi_tiet: str = Field("", description=keys.BIEU_DO["chi_tiet"])
    danh_muc: list[str] = Field(
        default_factory=list,
        description=keys.BIEU_DO["danh_muc"],
    )
    chuoi_so: list[ChuoiSo] = Field(default_factory=list, description=keys.BIEU_DO["chuoi_so"])
    chuoi: list[str] = Field(
        default_factory=lambda: ["gia_tri"],
        description=keys.BIEU_DO["chuoi"],
    )
    ten_chuoi: dict[str, str] = Field(
        default_factory=dict,
        description=keys.BIEU_DO["ten_chuoi"],
    )
    truc_danh_muc: str = Field("", description=keys.BIEU_DO["truc_danh_muc"])
    truc_gia_tri: str = Field("", description=keys.BIEU_DO["truc_gia_tri"])
    so_le: int | None = Field(None, ge=0, le=6, description=keys.BIEU_DO["so_le"])

    @field_validator("chuoi")
    @classmethod
    def _series_kinds(cls, chuoi: list[str], info: ValidationInfo) -> list[str]:
        if not chuoi:
            raise ValueError(msg.NO_SERIES)
        for key in chuoi:
            if key not in FIGURE_VALUES and not key.startswith(PLAN_PREFIX):
                raise ValueError(msg.unknown_series(key))
        if len(set(chuoi)) != len(chuoi):
            raise ValueError(msg.SERIES_TWICE)
        if info.data.get("loai") == "tron" and len(chuoi) != 1:
            raise ValueError(msg.PIE_SERIES)
        return chuoi

    @field_validator("ten_chuoi")
    @classmethod
    def _named_series(cls, names: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        for key in names:
            if key not in info.data.get("chuoi", [key]):
                raise ValueError(msg.unnamed_series(key))
        return names

    @model_validator(mode="after")
    def _one_source(self) -> BieuDo:
        written = [key for key in CATEGORY_SOURCES if getattr(self, key)]
        if len(written) != 1:
            raise ValueError(msg.one_category_source(msg.AND.join(written)))
        if bool(self.danh_muc) != bool(self.chuoi_so):
            raise ValueError(msg.CATEGORIES_WITH_VALUES)
        for series in self.chuoi_so:
            if len(series.so) != len(self.danh_muc):
                raise ValueError(msg.series_length(series.ten, len(series.so), len(self.danh_muc)))
        if self.danh_muc and ({"chuoi", "ten_chuoi"} & self.model_fields_set):
            raise ValueError(msg.WRITTEN_SERIES_NAMED)
        if self.loai == "tron" and len(self.chuoi_so) > 1:
            raise ValueError(msg.PIE_WRITTEN_SERIES)
        return self


class KhoiBieuDo(BaseModel):
    """A chart placed in the outline: '- bieu_do: {...}'."""

    model_config = described(keys.MODELS["KhoiBieuDo"], extra="forbid", frozen=True)

    bieu_do: BieuDo
