"""The data model of the files clerks edit: the unit profile and the report (pydantic).

Keys are ASCII snake_case Vietnamese; descriptions are Vietnamese because they feed the
JSON Schema that editors show while typing.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, Tag, model_validator
from typing_extensions import TypeAliasType

from baocao.conventions.formatting import parse_vn_number
from baocao.conventions.numbering import LADDER_STYLES, ladder_problem
from baocao.input.charts import BieuDo, KhoiBieuDo
from baocao.input.figure_keys import FIGURE_VALUES as FIGURE_VALUES  # re-exported (charts.py, below, uses them too)
from baocao.input.figure_keys import PLAN_PREFIX as PLAN_PREFIX
from baocao.input.kinds import KINDS
from baocao.input.period import IssueDate, Period, parse_issue_date, parse_period


def _number(value: Any) -> Any:
    return value if value is None else parse_vn_number(value)


def _lines(value: Any) -> Any:
    """Accept one string where a list of lines is expected."""
    return [value] if isinstance(value, str) else value


# json_schema_input_type: what a clerk may type, for the JSON Schema editors read (schema.py).
VnNumber = Annotated[Decimal, BeforeValidator(_number, json_schema_input_type=float | str)]
Lines = Annotated[list[str], BeforeValidator(_lines, json_schema_input_type=str | list[str])]
PeriodText = Annotated[Period, BeforeValidator(parse_period, json_schema_input_type=str)]
DateText = Annotated[IssueDate, BeforeValidator(parse_issue_date, json_schema_input_type=str)]
LEVELS = ("tỉnh", "thành phố", "xã", "phường", "đặc khu", "huyện", "quận", "thị xã", "thị trấn", "cơ quan")
# Levels abolished by the two-tier reform of 01/7/2025 (Nghị quyết 203/2025/QH15).
DISTRICT_LEVELS = ("huyện", "quận", "thị xã", "thị trấn")
# Column kinds of a table: the ones a row fills in, and the ones computed from other cells.
INPUT_KINDS = ("van_ban", "so", "phan_tram")
COLUMN_KINDS = ("stt", *INPUT_KINDS, "ty_le_ke_hoach", "ty_le_cung_ky", "chenh_lech")
_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
UNIT_FILE = "don-vi.yaml"  # the unit profile beside a unit's reports
LEAD_STYLES = ("dam", "nghieng", "dam_nghieng")
_STYLE_HELP = "la_ma (I.), so (1.), so_ghep (1.1.), chu (a))"


def _key(value: str) -> str:
    if value and not _KEY.match(value):
        raise ValueError(f"Tên '{value}' chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, ví dụ 'ke_hoach'.")
    return value


# A name clerks give to a column or an appendix, to refer to it ('ke_hoach', 'nhiem_vu').
Key = Annotated[str, AfterValidator(_key)]
LabelStyle = Literal[LADDER_STYLES]  # type: ignore[valid-type]


def _ladder(value: list[str] | None) -> list[str] | None:
    """A `kieu_muc` ladder runs downwards: each style may number the children of the one before."""
    for parent, child in zip([None, *(value or [])], value or [], strict=False):
        problem = ladder_problem(parent, child)
        if problem:
            raise ValueError(f"kieu_muc [{', '.join(value or [])}]: {problem}")
    return value


Ladder = Annotated[list[LabelStyle] | None, AfterValidator(_ladder)]
_LADDER_HELP = (
    "Kiểu số thứ tự của các cấp mục, từ cấp cao nhất xuống: "
    + _STYLE_HELP
    + ". Mặc định [la_ma, so, so_ghep, chu]; có Phần thì Phần đứng trên các cấp này."
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class NguoiKy(_Strict):
    """Người ký: thẩm quyền, chức vụ, họ tên."""

    tham_quyen: Literal["", "TM.", "KT.", "TL.", "TUQ.", "Q."] = Field(
        "",
        description="TM. (thay mặt tập thể), KT. (ký thay), TL. (thừa lệnh), TUQ. (thừa ủy quyền), Q. "
        "(quyền); để trống nếu ký trực tiếp.",
    )
    thay_cho: str = Field(
        "",
        description="Tập thể hoặc người đứng đầu được ký thay, ví dụ 'Ủy ban nhân dân' (với TM.) hoặc "
        "'Chủ tịch' (với KT.).",
    )
    chuc_vu: str = Field(description="Chức vụ người ký, ví dụ 'Phó Chủ tịch'.")
    ho_ten: str = Field(description="Họ và tên người ký.")

    @model_validator(mode="after")
    def _needs_principal(self) -> NguoiKy:
        if self.tham_quyen not in ("", "Q.") and not self.thay_cho:
            raise ValueError(
                f"Với thẩm quyền '{self.tham_quyen}' cần ghi 'thay_cho' (ví dụ: Chủ tịch, Ủy ban nhân dân)."
            )
        return self


def _sources(value: Any) -> Any:
    """One workbook (a file name, or one source) where a list of sources is expected."""
    return [value] if isinstance(value, (str, dict)) else value


def _source(value: Any) -> Any:
    """A bare file name is shorthand for {tep: name} (the default layout)."""
    return {"tep": value} if isinstance(value, str) else value


class NguonSoLieu(_Strict):
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


class CachViet(_Strict):
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


class DonVi(_Strict):
    """Hồ sơ đơn vị (don-vi.yaml): cơ quan ban hành, địa danh, người ký, nơi nhận mặc định."""

    co_quan_chu_quan: str = Field("", description="Tên cơ quan chủ quản (nếu có), ví dụ 'UBND tỉnh Lạng Sơn'.")
    co_quan_ban_hanh: Lines = Field(
        description="Tên cơ quan ban hành, mỗi dòng một mục, ví dụ ['Ủy ban nhân dân', 'xã Hồ Sơn']."
    )
    ten_goi_tat: str = Field(description="Tên gọi tắt dùng trong câu văn và trích dẫn, ví dụ 'UBND xã Hồ Sơn'.")
    ky_hieu: str = Field(description="Chữ viết tắt tên cơ quan trong ký hiệu văn bản, ví dụ 'UBND' (Số: 05/BC-UBND).")
    cap: Literal[LEVELS] = Field(description="Cấp hành chính: " + ", ".join(LEVELS) + ".")  # type: ignore[valid-type]
    dia_danh: str = Field(description="Địa danh ghi ở đầu văn bản, ví dụ 'Hồ Sơn'.")
    nguoi_ky: NguoiKy
    noi_nhan: Lines = Field(
        default_factory=list, description="Nơi nhận mặc định, mỗi dòng một nơi; dấu '- ' và ';' được thêm tự động."
    )
    luu: Lines = Field(default_factory=lambda: ["VT"], description="Nơi lưu, ví dụ ['VT', 'VP'] → 'Lưu: VT, VP.'")
    thu_muc_mau: str = Field(
        "",
        description="Thư mục mẫu Word dùng chung (ví dụ của tỉnh), tính từ thư mục của hồ sơ này; "
        "mẫu trong thư mục đơn vị được ưu tiên hơn.",
    )
    so_lieu_tu: SoLieuTu = Field(default_factory=list, description=SO_LIEU_TU + " Dùng cho mọi báo cáo của đơn vị.")
    cach_viet: CachViet | None = Field(
        None,
        description="Cách viết tỷ lệ của đơn vị: 'đạt … kế hoạch', 'bằng … so với cùng kỳ', viết tắt KH, CK, SVCK...",
    )
    ten_ke_hoach: dict[Key, str] = Field(default_factory=dict, description=PLAN_NAMES_HELP)
    kieu_muc: Ladder = Field(None, description=_LADDER_HELP)


def _plans(value: Any) -> Any:
    """One plan (a number) or named plans {name: number}; a named plan may be left empty (to fill)."""
    if not isinstance(value, dict):
        return _number(value)
    if not value:
        raise ValueError(
            "Nhóm kế hoạch đang trống: ghi một số, hoặc các kế hoạch có tên, ví dụ {nghi_quyet: 620, tinh_giao: 600}."
        )
    return {_key(str(name)): _number(plan) for name, plan in value.items()}


def _weight(value: Any) -> Any:
    """A weight: a figure's name, or a number."""
    return value if isinstance(value, str) and _KEY.match(value) else parse_vn_number(value)


Plans = Annotated[
    Decimal | dict[str, Decimal | None],
    BeforeValidator(_plans, json_schema_input_type=float | str | dict[str, float | str | None]),
]
Weight = Annotated[str | Decimal, BeforeValidator(_weight, json_schema_input_type=str | float)]
#: Display scaling of a figure → (divisor, word before the unit).
SCALES = {"nghin": (Decimal(1000), "nghìn"), "trieu": (Decimal(10**6), "triệu"), "ty": (Decimal(10**9), "tỷ")}
#: The keys that make a figure computed from other figures (at most one per figure).
COMPUTED_KEYS = ("tong_cua", "tong_tu", "trung_binh_cua", "ty_le_cua")


class TyLe(_Strict):
    """Số liệu là tỷ lệ phần trăm của hai số liệu khác: tu_so / mau_so × 100."""

    tu_so: str = Field(description="Tên số liệu ở tử số, ví dụ ho_ngheo.")
    mau_so: str = Field(description="Tên số liệu ở mẫu số, ví dụ tong_so_ho.")


class SoLieu(_Strict):
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


def _figure(value: Any) -> Any:
    """A bare number is shorthand for {gia_tri: number}."""
    return {"gia_tri": value} if isinstance(value, (int, float, str, Decimal)) else value


class Muc(_Strict):
    """Một mục của đề cương (số thứ tự được đánh tự động): tiêu đề riêng một dòng, đoạn văn có số thứ tự,
    hoặc cả hai (tiêu đề in đậm/nghiêng ở đầu đoạn); danh_so: false cho tiêu đề không đánh số."""

    tieu_de: str = Field("", description="Tiêu đề, không ghi số thứ tự.")
    doan: str = Field(
        "",
        description="Đoạn văn mở đầu bằng số thứ tự ('1. nội dung...'); có cả tieu_de thì tiêu đề "
        "đứng đầu đoạn ('a) Về công tác tổ chức: nội dung...').",
    )
    danh_so: bool = Field(True, description="false: tiêu đề in đậm không đánh số (số thứ tự bỏ qua mục này).")
    kieu_muc_con: LabelStyle | None = Field(None, description="Kiểu số thứ tự của các mục con: " + _STYLE_HELP + ".")
    kieu_tieu_de: Literal[LEAD_STYLES] | None = Field(  # type: ignore[valid-type]
        None,
        description="Tiêu đề đứng đầu đoạn hoặc tiêu đề không đánh số in dam (đậm), nghieng (nghiêng) hay dam_nghieng.",
    )
    noi_dung: list[Khoi] = Field(  # type: ignore[misc]
        default_factory=list, description="Đoạn văn, danh sách gạch đầu dòng (danh sách lồng) hoặc mục con."
    )

    @model_validator(mode="after")
    def _has_text(self) -> Muc:
        if not self.tieu_de and not self.doan:
            raise ValueError("Mục cần tieu_de (tiêu đề), doan (đoạn văn có số thứ tự), hoặc cả hai.")
        if not self.danh_so and self.kieu_muc_con:
            raise ValueError(
                "Mục không đánh số (danh_so: false) không chọn kieu_muc_con: các mục con của nó đánh số "
                "tiếp theo mục cha."
            )
        return self


class Cot(_Strict):
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


class Nhom(_Strict):
    """Một nhóm dòng của bảng (I, II, III...): tiêu đề nhóm và các dòng; số thứ tự chạy liên tục qua các nhóm."""

    nhom: str = Field(description="Tiêu đề nhóm, ví dụ 'Lĩnh vực kinh tế'.")
    dong: list[Dong] = Field(default_factory=list, description="Các dòng của nhóm.")


class Bang(_Strict):
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


class KhoiBang(_Strict):
    """Một bảng đặt trong đề cương: '- bang: {...}'."""

    bang: Bang


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


class PhuLuc(_Strict):
    """Một phụ lục (hoặc biểu) ở cuối báo cáo: trang ngang riêng, đánh số trang riêng, một bảng và/hoặc
    một biểu đồ (bảng trước, biểu đồ sau)."""

    loai: Literal["phu_luc", "bieu"] = Field(
        "phu_luc", description="phu_luc → 'Phụ lục I', 'Phụ lục II' (chỉ một thì 'Phụ lục'); bieu → 'Biểu số 01'."
    )
    khoa: Key = Field("", description="Tên gọi trong câu văn: {{ phu_luc.khoa }} in ra 'Phụ lục I' hoặc 'Biểu số 01'.")
    tieu_de: str = Field(description="Tên phụ lục (in HOA tự động).")
    bang: Bang | None = None
    bieu_do: BieuDo | None = Field(None, description="Biểu đồ của phụ lục (xem bieu_do trong đề cương).")

    @model_validator(mode="after")
    def _has_content(self) -> PhuLuc:
        if self.bang is None and self.bieu_do is None:
            raise ValueError("Phụ lục cần bang (bảng số liệu), bieu_do (biểu đồ), hoặc cả hai.")
        return self


class VanBan(_Strict):
    """Một văn bản được trích dẫn: loại, số, ký hiệu, ngày, cơ quan ban hành, trích yếu."""

    loai: str = Field(description="Tên loại văn bản, ví dụ 'Kế hoạch', 'Quyết định', 'Công văn'.")
    so: int | None = Field(None, ge=1, description="Số văn bản.")
    ky_hieu: str = Field(description="Ký hiệu sau dấu '/', ví dụ 'KH-UBND'.")
    ngay: DateText = Field(description="Ngày ban hành, ví dụ 28/12/2023.")
    co_quan: str = Field("", description="Cơ quan ban hành, ví dụ 'UBND tỉnh Lạng Sơn'.")
    ve: str = Field("", description="Trích yếu (sau chữ 'về'), nếu muốn nêu.")


class TongHop(_Strict):
    """Tổng hợp từ báo cáo của các đơn vị cấp dưới: tệp nào, những đơn vị nào phải có."""

    cac_bao_cao: Lines = Field(
        description="Các tệp báo cáo cấp dưới, tính từ thư mục của báo cáo này; được dùng mẫu *, ví dụ "
        "'xa/*/thi-dua-6-thang-2026.yaml'; hoặc tệp số liệu (.json, .xlsx) do 'baocao figures' ghi ra."
    )
    danh_sach_don_vi: Lines = Field(
        default_factory=list,
        description="Các đơn vị phải có báo cáo (tên thư mục hoặc ten_goi_tat), để biết đơn vị nào còn thiếu.",
    )


class BaoCao(_Strict):
    """Tệp báo cáo của một kỳ: thông tin văn bản, số liệu và nội dung."""

    schema_: str = Field("", alias="$schema", description="Đường dẫn lược đồ cho trình soạn thảo (không bắt buộc).")
    don_vi: str = Field(UNIT_FILE, description="Tệp hồ sơ đơn vị, tính từ thư mục của báo cáo.")
    loai: Literal[KINDS] = Field("chung", description="Loại báo cáo: " + ", ".join(KINDS) + ".")  # type: ignore[valid-type]
    ky_bao_cao: PeriodText = Field(description="Kỳ báo cáo, ví dụ '6 tháng đầu năm 2025'.")
    so: int | None = Field(None, ge=1, description="Số văn bản; để trống khi là dự thảo (văn thư điền sau).")
    ngay: DateText = Field(description="Ngày ban hành '15/6/2025'; dự thảo chưa có ngày ghi '6/2025'.")
    trich_yeu: str = Field("", description="Trích yếu nội dung; để trống thì dùng câu mặc định của loại báo cáo.")
    dong_nghieng: str = Field(
        "", description="Dòng in nghiêng dưới trích yếu, ví dụ '(Số liệu tính đến hết ngày 15/6/2025)'."
    )
    kinh_gui: Lines = Field(default_factory=list, description="Nơi kính gửi (nếu có), mỗi dòng một nơi.")
    kieu_phan: Literal["so", "chu"] = Field(
        "so", description="Cách ghi Phần: 'so' → Phần I, Phần II; 'chu' → Phần thứ nhất, Phần thứ hai."
    )
    co_phan: bool = Field(False, description="true nếu cấp cao nhất của đề cương là Phần (Phần I, Phần II).")
    kieu_muc: Ladder = Field(None, description=_LADDER_HELP + " Ghi ở đây nếu khác hồ sơ đơn vị.")
    so_lieu: dict[Key, Annotated[SoLieu, BeforeValidator(_figure, json_schema_input_type=SoLieu | float | str)]] = (
        Field(default_factory=dict, description="Các số liệu, gọi trong câu văn bằng {{ so_lieu.ten }}.")
    )
    so_lieu_tu: SoLieuTu = Field(default_factory=list, description=SO_LIEU_TU)
    cach_viet: CachViet | None = Field(
        None,
        description="Cách viết tỷ lệ riêng của báo cáo này (thay từng khóa của "
        "hồ sơ đơn vị): 'đạt … kế hoạch', 'bằng … so với cùng kỳ', viết tắt KH, CK, SVCK...",
    )
    ten_ke_hoach: dict[Key, str] = Field(default_factory=dict, description=PLAN_NAMES_HELP)
    tong_hop: TongHop | None = Field(
        None, description="Tổng hợp số liệu từ báo cáo của các đơn vị cấp dưới (số liệu ghi tong_tu)."
    )
    van_ban: dict[Key, VanBan] = Field(
        default_factory=dict, description="Các văn bản được trích dẫn, gọi trong câu bằng {{ van_ban.ten }}."
    )
    mo_dau: list[Khoi] = Field(default_factory=list, description="Các đoạn mở đầu, trước mục đầu tiên.")
    noi_dung: list[Khoi] = Field(default_factory=list, description="Đề cương báo cáo: các mục lồng nhau.")
    chu_thich: dict[Key, Lines] = Field(
        default_factory=dict,
        description="Chú thích (footnote) có tên, gọi trong câu bằng [^ten]; "
        "nhiều đoạn thì viết danh sách; chú thích ngắn có thể viết thẳng [^nội dung].",
    )
    ket_luan: str | Literal[False] = Field(
        "",
        description="Câu kết; để trống thì dùng câu mặc định; false: không có câu kết "
        "(đoạn cuối kết thúc bằng './.'). Dấu './.' được thêm tự động.",
    )
    noi_nhan: Lines | None = Field(None, description="Nơi nhận của riêng báo cáo này (thay cho hồ sơ đơn vị).")
    nguoi_ky: NguoiKy | None = Field(None, description="Người ký của riêng báo cáo này (thay cho hồ sơ đơn vị).")
    phu_luc: list[PhuLuc] = Field(
        default_factory=list, description="Phụ lục, biểu kèm theo, in sau chữ ký, mỗi phụ lục một phần trang ngang."
    )
    chi_phu_luc: bool = Field(False, description="true: chỉ soạn các phụ lục (không có phần đầu, nội dung và chữ ký).")
    mau: str = Field(
        "",
        description="Tên mẫu Word (không ghi .docx) thay cho mẫu của loại báo cáo, tìm trong thư mục đơn vị, "
        "thư mục mẫu chung rồi các mẫu có sẵn.",
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
