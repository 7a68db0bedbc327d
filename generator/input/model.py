"""The data model of the files clerks edit: the unit profile and the report (pydantic).

Keys are ASCII snake_case Vietnamese; the descriptions of keys and models are Vietnamese, worded in
baocao.messages.keys, because they feed the JSON Schema that editors show while typing.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Discriminator, Field, Tag, model_validator
from typing_extensions import TypeAliasType

from baocao.conventions.levels import LEVELS
from baocao.conventions.marks import DEFAULT_ARCHIVE
from baocao.input.charts import BieuDo, KhoiBieuDo
from baocao.input.fields import (
    LADDER_HELP,
    STYLE_HELP,
    DateText,
    Key,
    LabelStyle,
    Ladder,
    Lines,
    PeriodText,
    Strict,
    described,
)
from baocao.input.figure_model import (
    CachViet,
    NguonSoLieu,
    SoLieu,
    SoLieuTu,
    TyLe,
    figure_shorthand,
)
from baocao.input.kinds import KINDS
from baocao.input.table_model import Bang, Cot, KhoiBang, Nhom
from baocao.messages import keys
from baocao.messages import validate as msg

UNIT_FILE = "don-vi.yaml"  # the unit profile beside a unit's reports
LEAD_STYLES = ("dam", "nghieng", "dam_nghieng")


class NguoiKy(Strict):
    """The signer: authority (TM., KT...), on whose behalf, position, name."""

    model_config = described(keys.MODELS["NguoiKy"])

    tham_quyen: Literal["", "TM.", "KT.", "TL.", "TUQ.", "Q."] = Field(
        "",
        description=keys.NGUOI_KY["tham_quyen"],
    )
    thay_cho: str = Field(
        "",
        description=keys.NGUOI_KY["thay_cho"],
    )
    chuc_vu: str = Field(description=keys.NGUOI_KY["chuc_vu"])
    ho_ten: str = Field(description=keys.NGUOI_KY["ho_ten"])

    @model_validator(mode="after")
    def _needs_principal(self) -> NguoiKy:
        if self.tham_quyen not in ("", "Q.") and not self.thay_cho:
            raise ValueError(msg.needs_principal(self.tham_quyen))
        return self


class DonVi(Strict):
    """The unit profile (don-vi.yaml): issuing body, place name, signer, default recipients."""

    model_config = described(keys.MODELS["DonVi"])

    co_quan_chu_quan: str = Field("", description=keys.DON_VI["co_quan_chu_quan"])
    co_quan_ban_hanh: Lines = Field(description=keys.DON_VI["co_quan_ban_hanh"])
    ten_goi_tat: str = Field(description=keys.DON_VI["ten_goi_tat"])
    ky_hieu: str = Field(description=keys.DON_VI["ky_hieu"])
    cap: Literal[LEVELS] = Field(description=f"{keys.DON_VI['cap']} {', '.join(LEVELS)}.")  # type: ignore[valid-type]
    dia_danh: str = Field(description=keys.DON_VI["dia_danh"])
    nguoi_ky: NguoiKy
    noi_nhan: Lines = Field(default_factory=list, description=keys.DON_VI["noi_nhan"])
    luu: Lines = Field(default_factory=lambda: [DEFAULT_ARCHIVE], description=keys.DON_VI["luu"])
    thu_muc_mau: str = Field(
        "",
        description=keys.DON_VI["thu_muc_mau"],
    )
    so_lieu_tu: SoLieuTu = Field(default_factory=list, description=f"{keys.SO_LIEU_TU} {keys.DON_VI['so_lieu_tu']}")
    cach_viet: CachViet | None = Field(
        None,
        description=keys.DON_VI["cach_viet"],
    )
    ten_ke_hoach: dict[Key, str] = Field(default_factory=dict, description=keys.TEN_KE_HOACH)
    kieu_muc: Ladder = Field(None, description=LADDER_HELP)


class Muc(Strict):
    """A section of the outline (numbered automatically): a heading on its own line, a numbered paragraph, or
    both (a bold or italic lead heading); danh_so: false for an unnumbered heading."""

    model_config = described(keys.MODELS["Muc"])

    tieu_de: str = Field("", description=keys.MUC["tieu_de"])
    doan: str = Field(
        "",
        description=keys.MUC["doan"],
    )
    danh_so: bool = Field(True, description=keys.MUC["danh_so"])
    kieu_muc_con: LabelStyle | None = Field(None, description=f"{keys.MUC['kieu_muc_con']} {STYLE_HELP}.")
    kieu_tieu_de: Literal[LEAD_STYLES] | None = Field(  # type: ignore[valid-type]
        None,
        description=keys.MUC["kieu_tieu_de"],
    )
    noi_dung: list[Khoi] = Field(  # type: ignore[misc]
        default_factory=list, description=keys.MUC["noi_dung"]
    )

    @model_validator(mode="after")
    def _has_text(self) -> Muc:
        if not self.tieu_de and not self.doan:
            raise ValueError(msg.SECTION_WITHOUT_TEXT)
        if not self.danh_so and self.kieu_muc_con:
            raise ValueError(msg.UNNUMBERED_WITH_STYLE)
        return self


def _block_kind(value: Any) -> str:
    """Which branch of Khoi a value belongs to, so that errors name only that branch."""
    if isinstance(value, list):
        return "list[Khoi]"
    if isinstance(value, dict):
        return "KhoiBang" if "bang" in value else "KhoiBieuDo" if "bieu_do" in value else "Muc"
    return "str"


# A block of the outline: a paragraph, a nested list (bullets "-", then "+"), a table or a sub-section.
Khoi = TypeAliasType(  # type: ignore[misc]
    "Khoi",
    Annotated[
        Annotated[str, Tag("str")]
        | Annotated[Muc, Tag("Muc")]
        | Annotated[KhoiBang, Tag("KhoiBang")]
        | Annotated[KhoiBieuDo, Tag("KhoiBieuDo")]
        | Annotated[list["Khoi"], Tag("list[Khoi]")],  # type: ignore[misc]
        Discriminator(_block_kind),
    ],
)
Muc.model_rebuild()


class PhuLuc(Strict):
    """An appendix (or form) after the signature: its own landscape section and page numbers, a table and/or
    one or more charts (table first)."""

    model_config = described(keys.MODELS["PhuLuc"])

    loai: Literal["phu_luc", "bieu"] = Field("phu_luc", description=keys.PHU_LUC["loai"])
    khoa: Key = Field("", description=keys.PHU_LUC["khoa"])
    tieu_de: str = Field(description=keys.PHU_LUC["tieu_de"])
    bang: Bang | None = None
    bieu_do: BieuDo | list[BieuDo] | None = Field(None, description=keys.PHU_LUC["bieu_do"])

    @property
    def charts(self) -> list[BieuDo]:
        """The appendix's charts in order (none, one or a list written)."""
        return self.bieu_do if isinstance(self.bieu_do, list) else [] if self.bieu_do is None else [self.bieu_do]

    @model_validator(mode="after")
    def _has_content(self) -> PhuLuc:
        if self.bang is None and not self.charts:
            raise ValueError(msg.EMPTY_APPENDIX)
        return self


class VanBan(Strict):
    """A document cited: kind, number, symbol, date, issuing body, summary."""

    model_config = described(keys.MODELS["VanBan"])

    loai: str = Field(description=keys.VAN_BAN["loai"])
    so: int | None = Field(None, ge=1, description=keys.VAN_BAN["so"])
    ky_hieu: str = Field(description=keys.VAN_BAN["ky_hieu"])
    ngay: DateText = Field(description=keys.VAN_BAN["ngay"])
    co_quan: str = Field("", description=keys.VAN_BAN["co_quan"])
    ve: str = Field("", description=keys.VAN_BAN["ve"])


class TongHop(Strict):
    """A roll-up of the lower units' reports: which files, which units must have one."""

    model_config = described(keys.MODELS["TongHop"])

    cac_bao_cao: Lines = Field(description=keys.TONG_HOP["cac_bao_cao"])
    danh_sach_don_vi: Lines = Field(
        default_factory=list,
        description=keys.TONG_HOP["danh_sach_don_vi"],
    )


class BaoCao(Strict):
    """The report of one period: the document's particulars, its figures and its content."""

    model_config = described(keys.MODELS["BaoCao"])

    schema_: str = Field("", alias="$schema", description=keys.BAO_CAO["$schema"])
    don_vi: str = Field(UNIT_FILE, description=keys.BAO_CAO["don_vi"])
    loai: Literal[KINDS] = Field("chung", description=f"{keys.BAO_CAO['loai']} {', '.join(KINDS)}.")  # type: ignore[valid-type]
    ky_bao_cao: PeriodText = Field(description=keys.BAO_CAO["ky_bao_cao"])
    so: int | None = Field(None, ge=1, description=keys.BAO_CAO["so"])
    ngay: DateText = Field(description=keys.BAO_CAO["ngay"])
    trich_yeu: str = Field("", description=keys.BAO_CAO["trich_yeu"])
    dong_nghieng: str = Field("", description=keys.BAO_CAO["dong_nghieng"])
    kinh_gui: Lines = Field(default_factory=list, description=keys.BAO_CAO["kinh_gui"])
    kieu_phan: Literal["so", "chu"] = Field("so", description=keys.BAO_CAO["kieu_phan"])
    co_phan: bool = Field(False, description=keys.BAO_CAO["co_phan"])
    kieu_muc: Ladder = Field(None, description=f"{LADDER_HELP} {keys.BAO_CAO['kieu_muc']}")
    so_lieu: dict[
        Key, Annotated[SoLieu, BeforeValidator(figure_shorthand, json_schema_input_type=SoLieu | float | str)]
    ] = Field(default_factory=dict, description=keys.BAO_CAO["so_lieu"])
    so_lieu_tu: SoLieuTu = Field(default_factory=list, description=keys.SO_LIEU_TU)
    cach_viet: CachViet | None = Field(
        None,
        description=keys.BAO_CAO["cach_viet"],
    )
    ten_ke_hoach: dict[Key, str] = Field(default_factory=dict, description=keys.TEN_KE_HOACH)
    tong_hop: TongHop | None = Field(None, description=keys.BAO_CAO["tong_hop"])
    van_ban: dict[Key, VanBan] = Field(default_factory=dict, description=keys.BAO_CAO["van_ban"])
    mo_dau: list[Khoi] = Field(default_factory=list, description=keys.BAO_CAO["mo_dau"])
    noi_dung: list[Khoi] = Field(default_factory=list, description=keys.BAO_CAO["noi_dung"])
    chu_thich: dict[Key, Lines] = Field(
        default_factory=dict,
        description=keys.BAO_CAO["chu_thich"],
    )
    ket_luan: str | Literal[False] = Field(
        "",
        description=keys.BAO_CAO["ket_luan"],
    )
    noi_nhan: Lines | None = Field(None, description=keys.BAO_CAO["noi_nhan"])
    nguoi_ky: NguoiKy | None = Field(None, description=keys.BAO_CAO["nguoi_ky"])
    phu_luc: list[PhuLuc] = Field(default_factory=list, description=keys.BAO_CAO["phu_luc"])
    chi_phu_luc: bool = Field(False, description=keys.BAO_CAO["chi_phu_luc"])
    mau: str = Field(
        "",
        description=keys.BAO_CAO["mau"],
    )


@cache
def all_keys() -> frozenset[str]:
    """Every key any model accepts (for 'did you mean' suggestions)."""
    models = (
        DonVi,
        NguoiKy,
        CachViet,
        TyLe,
        SoLieu,
        NguonSoLieu,
        Muc,
        Cot,
        Nhom,
        Bang,
        KhoiBang,
        PhuLuc,
        VanBan,
        TongHop,
        BaoCao,
    )
    return frozenset(f.alias or name for model in models for name, f in model.model_fields.items())
