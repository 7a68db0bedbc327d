"""The data model of tables: columns (kinds, groups of headings), rows and groups of rows, the total row."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from baocao.input.fields import Key, Lines, Strict, described
from baocao.messages import keys
from baocao.messages import validate as msg

# Column kinds of a table: the ones a row fills in, and the ones computed from other cells.
INPUT_KINDS = ("van_ban", "so", "phan_tram")
COLUMN_KINDS = ("stt", *INPUT_KINDS, "ty_le_ke_hoach", "ty_le_cung_ky", "chenh_lech")


class Cot(Strict):
    """A column of a table: heading, heading group (two-level headings), kind, decimals."""

    model_config = described(keys.MODELS["Cot"])

    khoa: Key = Field(
        "",
        description=keys.COT["khoa"],
    )
    tieu_de: str = Field(description=keys.COT["tieu_de"])
    nhom: str = Field("", description=keys.COT["nhom"])
    kieu: Literal[COLUMN_KINDS] = Field(  # type: ignore[valid-type]
        "van_ban",
        description=keys.COT["kieu"],
    )
    so_le: int | None = Field(None, ge=0, le=6, description=keys.COT["so_le"])
    do_rong: int | None = Field(None, ge=1, le=20, description=keys.COT["do_rong"])
    ke_hoach: Key = Field(
        "",
        description=keys.COT["ke_hoach"],
    )

    @model_validator(mode="after")
    def _needs_key(self) -> Cot:
        if self.kieu in INPUT_KINDS and not self.khoa:
            raise ValueError(msg.column_needs_key(self.tieu_de))
        if self.ke_hoach and self.kieu not in ("so", "ty_le_ke_hoach"):
            raise ValueError(msg.plan_on_wrong_column(self.tieu_de))
        return self


# One row of a table: cells by column key (a mapping, optionally `so_lieu: name` and `trang_thai`),
# or cells in column order (a list). Cells are checked against the columns when the table is built.
Dong = dict[str, Any] | list[Any]


class Nhom(Strict):
    """A group of rows (I, II, III...): its heading and rows; row numbers run on across groups."""

    model_config = described(keys.MODELS["Nhom"])

    nhom: str = Field(description=keys.NHOM["nhom"])
    dong: list[Dong] = Field(default_factory=list, description=keys.NHOM["dong"])


class Bang(Strict):
    """A table: title, unit, columns, rows (optionally grouped), the total row."""

    model_config = described(keys.MODELS["Bang"])

    tieu_de: str = Field("", description=keys.BANG["tieu_de"])
    don_vi_tinh: str = Field("", description=keys.BANG["don_vi_tinh"])
    cot: list[Cot] = Field(default_factory=list, description=keys.BANG["cot"])
    dong: list[Nhom | Dong] = Field(
        default_factory=list,
        description=keys.BANG["dong"],
    )
    tong_cong: bool | dict[str, Any] = Field(
        False,
        description=keys.BANG["tong_cong"],
    )
    ghi_chu: Lines = Field(default_factory=list, description=keys.BANG["ghi_chu"])


class KhoiBang(Strict):
    """A table placed in the outline: '- bang: {...}'."""

    model_config = described(keys.MODELS["KhoiBang"])

    bang: Bang
