"""The data model of figures: a figure (so_lieu) and how it is computed, the workbooks figures are read
from (so_lieu_tu), and the unit's wording of ratios (cach_viet)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from baocao.conventions.formatting import parse_vn_number
from baocao.input.fields import KEY, Key, Strict, VnNumber, check_key, parse_number


def _sources(value: Any) -> Any:
    """One workbook (a file name, or one source) where a list of sources is expected."""
    return [value] if isinstance(value, (str, dict)) else value


def _source(value: Any) -> Any:
    """A bare file name is shorthand for {tep: name} (the default layout)."""
    return {"tep": value} if isinstance(value, str) else value


class NguonSoLieu(Strict):
    """Một bảng tính chứa số liệu (.xlsx, .csv): tệp, trang tính, cách đọc (mặc định: mỗi dòng một số liệu)."""

    tep: str = Field(description="Tệp bảng tính (.xlsx, .csv), tính từ thư mục của tệp YAML này.")
    trang: str = Field("", description="Tên trang tính (sheet); để trống thì lấy trang đầu tiên.")
    dong_tieu_de: int = Field(
        1, ge=1, le=1000, description="Dòng tiêu đề cột (mặc định dòng 1); số liệu ở các dòng dưới."
    )
    cot: dict[str, str] = Field(
        default_factory=dict,
        description="Cột nào là khóa nào, theo tiêu đề cột hoặc chữ cột, ví dụ "
        "{ten_so_lieu: Mã, gia_tri: Thực hiện, ke_hoach: D}; để trống: tiêu đề cột là tên khóa.",
    )
    o: dict[Key, str | dict[str, str]] = Field(
        default_factory=dict,
        description="Lấy từng ô: {ten_so_lieu: C5} (giá trị), hoặc {ten_so_lieu: {gia_tri: C5, ke_hoach: D5}}.",
    )

    @model_validator(mode="after")
    def _one_layout(self) -> NguonSoLieu:
        if self.cot and self.o:
            raise ValueError("Chỉ ghi một trong hai: cot (mỗi dòng một số liệu) hoặc o (lấy từng ô).")
        return self


SoLieuTu = Annotated[
    list[Annotated[NguonSoLieu, BeforeValidator(_source, json_schema_input_type=NguonSoLieu | str)]],
    BeforeValidator(_sources, json_schema_input_type=NguonSoLieu | str | list[NguonSoLieu | str]),
]
SO_LIEU_TU = (
    "Lấy số liệu từ bảng tính: 'so-lieu.xlsx' (mỗi dòng một số liệu, tiêu đề cột là tên khóa), hoặc danh sách nguồn."
)
PLAN_NAMES_HELP = (
    "Tên đầy đủ của các kế hoạch có tên, in sau tỷ lệ, "
    "ví dụ {nghi_quyet: Nghị quyết HĐND xã, tinh_giao: chỉ tiêu tỉnh giao}."
)


class CachViet(Strict):
    """Cách viết tỷ lệ của đơn vị (ghi một lần ở hồ sơ đơn vị; báo cáo có thể ghi đè từng khóa)."""

    dat_ke_hoach: str = Field(
        "đạt",
        description="Chữ trước tỷ lệ so với kế hoạch: 'đạt' → 'đạt 98,8% kế hoạch'; 'bằng'; để trống → '98,8% CTKH'.",
    )
    ke_hoach: str = Field("kế hoạch", description="Chữ sau tỷ lệ so với kế hoạch, ví dụ 'kế hoạch', 'KH', 'CTKH'.")
    ke_hoach_tat: str = Field("KH", description="Chữ viết tắt khi gọi so_ke_hoach(true).")
    bang_cung_ky: str = Field("bằng", description="Chữ trước tỷ lệ so với cùng kỳ: 'bằng 101,1% so với cùng kỳ'.")
    cung_ky: str = Field(
        "so với cùng kỳ",
        description="Chữ sau tỷ lệ, mức tăng giảm so với cùng kỳ, ví dụ 'so với cùng kỳ', 'SVCK', 'CK'.",
    )
    cung_ky_tat: str = Field("CK", description="Chữ viết tắt khi gọi so_cung_ky(true).")


def _plans(value: Any) -> Any:
    """One plan (a number) or named plans {name: number}; a named plan may be left empty (to fill)."""
    if not isinstance(value, dict):
        return parse_number(value)
    if not value:
        raise ValueError(
            "Nhóm kế hoạch đang trống: ghi một số, hoặc các kế hoạch có tên, ví dụ {nghi_quyet: 620, tinh_giao: 600}."
        )
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
SCALES = {"nghin": (Decimal(1000), "nghìn"), "trieu": (Decimal(10**6), "triệu"), "ty": (Decimal(10**9), "tỷ")}
#: The keys that make a figure computed from other figures (at most one per figure).
COMPUTED_KEYS = ("tong_cua", "tong_tu", "trung_binh_cua", "ty_le_cua")


class TyLe(Strict):
    """Số liệu là tỷ lệ phần trăm của hai số liệu khác: tu_so / mau_so × 100."""

    tu_so: str = Field(description="Tên số liệu ở tử số, ví dụ ho_ngheo.")
    mau_so: str = Field(description="Tên số liệu ở mẫu số, ví dụ tong_so_ho.")


class SoLieu(Strict):
    """Một số liệu: giá trị, đơn vị tính, kế hoạch, cùng kỳ năm trước."""

    ten: str = Field("", description="Tên chỉ tiêu (dùng trong bảng).")
    gia_tri: VnNumber | None = Field(None, description="Giá trị kỳ này, viết kiểu Việt Nam: 1.539,72")
    don_vi: str = Field("", description="Đơn vị tính, ví dụ 'ha', 'triệu đồng'.")
    ke_hoach: Plans | None = Field(
        None,
        description="Kế hoạch (chỉ tiêu) của kỳ: một số, hoặc nhiều kế hoạch có tên "
        "{nghi_quyet: 620, tinh_giao: 600} (kế hoạch đầu là mặc định; "
        "tên mô tả ở ten_ke_hoach).",
    )
    cung_ky: VnNumber | None = Field(None, description="Số liệu cùng kỳ năm trước.")
    so_le: int | None = Field(None, ge=0, le=6, description="Số chữ số thập phân khi hiển thị.")
    tong_cua: list[str] = Field(
        default_factory=list,
        description="Tên các số liệu cộng lại thành số liệu này "
        "(tự tính, hoặc kiểm tra nếu đã ghi gia_tri). "
        "Các số liệu khác đơn vị tính chỉ cộng được khi ghi don_vi của tổng.",
    )
    tong_tu: str = Field(
        "", description="Tên số liệu trong các báo cáo cấp dưới (khai báo ở tong_hop) được cộng lại thành số liệu này."
    )
    ma_chi_tieu: str = Field(
        "", description="Mã chỉ tiêu (nếu có), ghi kèm khi xuất số liệu (baocao figures) cho hệ thống báo cáo."
    )
    ghi_de: bool = Field(
        False,
        description="true: số liệu cùng tên lấy từ bảng tính (so_lieu_tu) được ghi đè, bổ sung bằng các "
        "khóa ghi ở đây.",
    )
    trung_binh_cua: list[str] = Field(
        default_factory=list, description="Tên các số liệu lấy trung bình thành số liệu này (tự tính, hoặc kiểm tra)."
    )
    trong_so: list[Weight] = Field(
        default_factory=list,
        description="Trọng số của từng số liệu trong trung_binh_cua "
        "(tên số liệu hoặc số), "
        "để tính trung bình có trọng số.",
    )
    ty_le_cua: TyLe | None = Field(
        None, description="Số liệu là tỷ lệ % của hai số liệu khác (tự tính, hoặc kiểm tra nếu đã ghi gia_tri)."
    )
    giu_nguyen: str = Field(
        "",
        description="Lý do giữ số đã ghi khi số đó khác số tự tính (tổng, trung bình, tỷ lệ): "
        "bản thảo in số đã ghi, chương trình cảnh báo.",
    )
    cho_phep_am: bool = Field(False, description="true nếu số liệu được phép âm (ví dụ chênh lệch thu chi).")
    hien_thi: Literal["nghin", "trieu", "ty"] | None = Field(
        None, description="In số theo nghìn, triệu hoặc tỷ: 303.100 con → '303,1 nghìn con'."
    )
    don_vi_hien_thi: str = Field(
        "", description="Đơn vị khi in theo hien_thi (mặc định 'nghìn <don_vi>', ví dụ 'nghìn con')."
    )

    @model_validator(mode="after")
    def _one_source(self) -> SoLieu:
        used = [key for key in COMPUTED_KEYS if getattr(self, key)]
        if len(used) > 1:
            raise ValueError(
                f"Số liệu chỉ ghi một trong các khóa {', '.join(COMPUTED_KEYS)} (đang ghi {' và '.join(used)})."
            )
        if self.trong_so and len(self.trong_so) != len(self.trung_binh_cua):
            raise ValueError(
                f"trong_so có {len(self.trong_so)} trọng số nhưng trung_binh_cua có "
                f"{len(self.trung_binh_cua)} số liệu; "
                "ghi mỗi số liệu một trọng số, theo cùng thứ tự."
            )
        if self.giu_nguyen and not used:
            raise ValueError("giu_nguyen chỉ dùng cho số liệu tự tính (tong_cua, tong_tu, trung_binh_cua, ty_le_cua).")
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
