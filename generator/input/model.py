"""The data model of the files clerks edit: the unit profile and the report (pydantic).

Keys are ASCII snake_case Vietnamese; descriptions are Vietnamese because they feed the
JSON Schema that editors show while typing.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Discriminator, Field, Tag, model_validator
from typing_extensions import TypeAliasType

from baocao.input.charts import BieuDo, KhoiBieuDo
from baocao.input.fields import LADDER_HELP, STYLE_HELP, DateText, Key, LabelStyle, Ladder, Lines, PeriodText, Strict
from baocao.input.figure_model import (
    PLAN_NAMES_HELP,
    SO_LIEU_TU,
    CachViet,
    NguonSoLieu,
    SoLieu,
    SoLieuTu,
    TyLe,
    figure_shorthand,
)
from baocao.input.kinds import KINDS
from baocao.input.table_model import Bang, Cot, KhoiBang, Nhom

LEVELS = ("tỉnh", "thành phố", "xã", "phường", "đặc khu", "huyện", "quận", "thị xã", "thị trấn", "cơ quan")
# Levels abolished by the two-tier reform of 01/7/2025 (Nghị quyết 203/2025/QH15).
DISTRICT_LEVELS = ("huyện", "quận", "thị xã", "thị trấn")
UNIT_FILE = "don-vi.yaml"  # the unit profile beside a unit's reports
LEAD_STYLES = ("dam", "nghieng", "dam_nghieng")


class NguoiKy(Strict):
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


class DonVi(Strict):
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
    kieu_muc: Ladder = Field(None, description=LADDER_HELP)


class Muc(Strict):
    """Một mục của đề cương (số thứ tự được đánh tự động): tiêu đề riêng một dòng, đoạn văn có số thứ tự,
    hoặc cả hai (tiêu đề in đậm/nghiêng ở đầu đoạn); danh_so: false cho tiêu đề không đánh số."""

    tieu_de: str = Field("", description="Tiêu đề, không ghi số thứ tự.")
    doan: str = Field(
        "",
        description="Đoạn văn mở đầu bằng số thứ tự ('1. nội dung...'); có cả tieu_de thì tiêu đề "
        "đứng đầu đoạn ('a) Về công tác tổ chức: nội dung...').",
    )
    danh_so: bool = Field(True, description="false: tiêu đề in đậm không đánh số (số thứ tự bỏ qua mục này).")
    kieu_muc_con: LabelStyle | None = Field(None, description="Kiểu số thứ tự của các mục con: " + STYLE_HELP + ".")
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
    """Một phụ lục (hoặc biểu) ở cuối báo cáo: trang ngang riêng, đánh số trang riêng, một bảng và/hoặc
    một hay nhiều biểu đồ (bảng trước, biểu đồ sau)."""

    loai: Literal["phu_luc", "bieu"] = Field(
        "phu_luc", description="phu_luc → 'Phụ lục I', 'Phụ lục II' (chỉ một thì 'Phụ lục'); bieu → 'Biểu số 01'."
    )
    khoa: Key = Field("", description="Tên gọi trong câu văn: {{ phu_luc.khoa }} in ra 'Phụ lục I' hoặc 'Biểu số 01'.")
    tieu_de: str = Field(description="Tên phụ lục (in HOA tự động).")
    bang: Bang | None = None
    bieu_do: BieuDo | list[BieuDo] | None = Field(
        None, description="Biểu đồ của phụ lục (xem bieu_do trong đề cương), hoặc danh sách các biểu đồ, in sau bảng."
    )

    @property
    def charts(self) -> list[BieuDo]:
        """The appendix's charts in order (none, one or a list written)."""
        return self.bieu_do if isinstance(self.bieu_do, list) else [] if self.bieu_do is None else [self.bieu_do]

    @model_validator(mode="after")
    def _has_content(self) -> PhuLuc:
        if self.bang is None and not self.charts:
            raise ValueError("Phụ lục cần bang (bảng số liệu), bieu_do (biểu đồ), hoặc cả hai.")
        return self


class VanBan(Strict):
    """Một văn bản được trích dẫn: loại, số, ký hiệu, ngày, cơ quan ban hành, trích yếu."""

    loai: str = Field(description="Tên loại văn bản, ví dụ 'Kế hoạch', 'Quyết định', 'Công văn'.")
    so: int | None = Field(None, ge=1, description="Số văn bản.")
    ky_hieu: str = Field(description="Ký hiệu sau dấu '/', ví dụ 'KH-UBND'.")
    ngay: DateText = Field(description="Ngày ban hành, ví dụ 28/12/2023.")
    co_quan: str = Field("", description="Cơ quan ban hành, ví dụ 'UBND tỉnh Lạng Sơn'.")
    ve: str = Field("", description="Trích yếu (sau chữ 'về'), nếu muốn nêu.")


class TongHop(Strict):
    """Tổng hợp từ báo cáo của các đơn vị cấp dưới: tệp nào, những đơn vị nào phải có."""

    cac_bao_cao: Lines = Field(
        description="Các tệp báo cáo cấp dưới, tính từ thư mục của báo cáo này; được dùng mẫu *, ví dụ "
        "'xa/*/thi-dua-6-thang-2026.yaml'; hoặc tệp số liệu (.json, .xlsx) do 'baocao figures' ghi ra."
    )
    danh_sach_don_vi: Lines = Field(
        default_factory=list,
        description="Các đơn vị phải có báo cáo (tên thư mục hoặc ten_goi_tat), để biết đơn vị nào còn thiếu.",
    )


class BaoCao(Strict):
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
    kieu_muc: Ladder = Field(None, description=LADDER_HELP + " Ghi ở đây nếu khác hồ sơ đơn vị.")
    so_lieu: dict[
        Key, Annotated[SoLieu, BeforeValidator(figure_shorthand, json_schema_input_type=SoLieu | float | str)]
    ] = Field(default_factory=dict, description="Các số liệu, gọi trong câu văn bằng {{ so_lieu.ten }}.")
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
