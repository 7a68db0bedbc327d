"""Words of a Vietnamese report that the checks read: what makes a number a reference, what a draft leaves to fill."""

# A number right after one of these is a reference ("mục 1.2", "phụ lục 2.1"), never a number-style slip.
REFERENCE_WORDS = (
    "mục",
    "điểm",
    "khoản",
    "tiết",
    "chương",
    "điều",
    "phụ lục",
    "biểu",
    "tiêu chí",
    "chỉ tiêu",
    "phiên bản",
    "công nghiệp",
    "version",
)

# What `baocao init` writes in a unit profile for the clerk to replace (scaffold.py writes these).
UNIT_NAME = "(tên xã)"
PLACE_NAME = "(Địa danh)"
SIGNER_NAME = "(Họ và tên)"
SUPERIOR = "(Cơ quan cấp trên)"
# The ratio wording of a unit whose profile says no other (cach_viet, input/figure_model.CachViet).
RATIO_WORDS = {
    "dat_ke_hoach": "đạt",
    "ke_hoach": "kế hoạch",
    "ke_hoach_tat": "KH",
    "bang_cung_ky": "bằng",
    "cung_ky": "so với cùng kỳ",
    "cung_ky_tat": "CK",
}
# The word before the unit of a figure shown in thousands, millions, billions (hien_thi).
SCALE_WORDS = {"nghin": "nghìn", "trieu": "triệu", "ty": "tỷ"}
