"""The data model of figures: a figure (so_lieu) and how it is computed, the workbooks figures are read
from (so_lieu_tu), and the unit's wording of ratios (cach_viet)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from baocao.conventions.formatting import parse_vn_number
from baocao.conventions.words import RATIO_WORDS, SCALE_WORDS
from baocao.input.fields import KEY, Key, Strict, VnNumber, check_key, described, parse_number
from baocao.messages import input_figures as msg
from baocao.messages import keys


def _sources(value: Any) -> Any:
    """One workbook (a file name, or one source) where a list of sources is expected."""
    return [value] if isinstance(value, (str, dict)) else value


def _source(value: Any) -> Any:
    """A bare file name is shorthand for {tep: name} (the default layout)."""
    return {"tep": value} if isinstance(value, str) else value


class NguonSoLieu(Strict):
    """A workbook holding figures (.xlsx, .csv): file, sheet, how to read it (default: one figure a row)."""

    model_config = described(keys.MODELS["NguonSoLieu"])

    tep: str = Field(description=keys.NGUON_SO_LIEU["tep"])
    trang: str = Field("", description=keys.NGUON_SO_LIEU["trang"])
    dong_tieu_de: int = Field(1, ge=1, le=1000, description=keys.NGUON_SO_LIEU["dong_tieu_de"])
    cot: dict[str, str] = Field(default_factory=dict, description=keys.NGUON_SO_LIEU["cot"])
    o: dict[Key, str | dict[str, str]] = Field(default_factory=dict, description=keys.NGUON_SO_LIEU["o"])

    @model_validator(mode="after")
    def _one_layout(self) -> NguonSoLieu:
        if self.cot and self.o:
            raise ValueError(msg.ONE_LAYOUT)
        return self


SoLieuTu = Annotated[
    list[Annotated[NguonSoLieu, BeforeValidator(_source, json_schema_input_type=NguonSoLieu | str)]],
    BeforeValidator(_sources, json_schema_input_type=NguonSoLieu | str | list[NguonSoLieu | str]),
]


class CachViet(Strict):
    """The unit's wording of ratios (written once in the profile; a report may override each key)."""

    model_config = described(keys.MODELS["CachViet"])

    dat_ke_hoach: str = Field(RATIO_WORDS["dat_ke_hoach"], description=keys.CACH_VIET["dat_ke_hoach"])
    ke_hoach: str = Field(RATIO_WORDS["ke_hoach"], description=keys.CACH_VIET["ke_hoach"])
    ke_hoach_tat: str = Field(RATIO_WORDS["ke_hoach_tat"], description=keys.CACH_VIET["ke_hoach_tat"])
    bang_cung_ky: str = Field(RATIO_WORDS["bang_cung_ky"], description=keys.CACH_VIET["bang_cung_ky"])
    cung_ky: str = Field(RATIO_WORDS["cung_ky"], description=keys.CACH_VIET["cung_ky"])
    cung_ky_tat: str = Field(RATIO_WORDS["cung_ky_tat"], description=keys.CACH_VIET["cung_ky_tat"])


def _plans(value: Any) -> Any:
    """One plan (a number) or named plans {name: number}; a named plan may be left empty (to fill)."""
    if not isinstance(value, dict):
        return parse_number(value)
    if not value:
        raise ValueError(msg.EMPTY_PLANS)
    return {check_key(str(name)): parse_number(plan) for name, plan in value.items()}


def _weight(value: Any) -> Any:
    """A weight: a figure's name, or a number."""
    return value if isinstance(value, str) and KEY.match(value) else parse_vn_number(value)


Plans = Annotated[
    Decimal | dict[str, Decimal | None],
    BeforeValidator(_plans, json_schema_input_type=float | str | dict[str, float | str | None]),
]
Weight = Annotated[str | Decimal, BeforeValidator(_weight, json_schema_input_type=str | float)]
#: Display scaling of a figure → (divisor, word before the unit).
SCALES = {key: (Decimal(10 ** (3 * power)), SCALE_WORDS[key]) for power, key in enumerate(SCALE_WORDS, 1)}
#: The keys that make a figure computed from other figures (at most one per figure).
COMPUTED_KEYS = ("tong_cua", "tong_tu", "trung_binh_cua", "ty_le_cua")


class TyLe(Strict):
    """A figure that is the percentage of two others: tu_so / mau_so * 100."""

    model_config = described(keys.MODELS["TyLe"])

    tu_so: str = Field(description=keys.TY_LE["tu_so"])
    mau_so: str = Field(description=keys.TY_LE["mau_so"])


class SoLieu(Strict):
    """A figure: value, unit, plan(s), the same period last year, or how it is computed from others."""

    model_config = described(keys.MODELS["SoLieu"])

    ten: str = Field("", description=keys.SO_LIEU["ten"])
    gia_tri: VnNumber | None = Field(None, description=keys.SO_LIEU["gia_tri"])
    don_vi: str = Field("", description=keys.SO_LIEU["don_vi"])
    ke_hoach: Plans | None = Field(None, description=keys.SO_LIEU["ke_hoach"])
    cung_ky: VnNumber | None = Field(None, description=keys.SO_LIEU["cung_ky"])
    so_le: int | None = Field(None, ge=0, le=6, description=keys.SO_LIEU["so_le"])
    tong_cua: list[str] = Field(default_factory=list, description=keys.SO_LIEU["tong_cua"])
    tong_tu: str = Field("", description=keys.SO_LIEU["tong_tu"])
    ma_chi_tieu: str = Field("", description=keys.SO_LIEU["ma_chi_tieu"])
    ghi_de: bool = Field(False, description=keys.SO_LIEU["ghi_de"])
    trung_binh_cua: list[str] = Field(default_factory=list, description=keys.SO_LIEU["trung_binh_cua"])
    trong_so: list[Weight] = Field(default_factory=list, description=keys.SO_LIEU["trong_so"])
    ty_le_cua: TyLe | None = Field(None, description=keys.SO_LIEU["ty_le_cua"])
    giu_nguyen: str = Field("", description=keys.SO_LIEU["giu_nguyen"])
    cho_phep_am: bool = Field(False, description=keys.SO_LIEU["cho_phep_am"])
    hien_thi: Literal["nghin", "trieu", "ty"] | None = Field(None, description=keys.SO_LIEU["hien_thi"])
    don_vi_hien_thi: str = Field("", description=keys.SO_LIEU["don_vi_hien_thi"])

    @model_validator(mode="after")
    def _one_source(self) -> SoLieu:
        used = [key for key in COMPUTED_KEYS if getattr(self, key)]
        if len(used) > 1:
            raise ValueError(msg.one_computed_key(", ".join(COMPUTED_KEYS), ", ".join(used)))
        if self.trong_so and len(self.trong_so) != len(self.trung_binh_cua):
            raise ValueError(msg.weights_mismatch(len(self.trong_so), len(self.trung_binh_cua)))
        if self.giu_nguyen and not used:
            raise ValueError(msg.KEEP_ONLY_COMPUTED)
        return self

    @property
    def plans(self) -> dict[str, Decimal | None]:
        """The named plans in order ({} for one plan without a name)."""
        return dict(self.ke_hoach) if isinstance(self.ke_hoach, dict) else {}

    @property
    def plan(self) -> Decimal | None:
        """The default plan: the only one, or the first named one."""
        if isinstance(self.ke_hoach, dict):
            return next(iter(self.ke_hoach.values()))
        return self.ke_hoach


def figure_shorthand(value: Any) -> Any:
    """A bare number is shorthand for {gia_tri: number}."""
    return {"gia_tri": value} if isinstance(value, (int, float, str, Decimal)) else value
