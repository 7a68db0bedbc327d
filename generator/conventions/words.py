"""Words of a Vietnamese report that the checks and the importer read: what makes a number a reference, what a draft
leaves to fill, how a trích yếu names the period and the kind, how the closing names the issuer; the signature
box's text."""

import re
import unicodedata

from baocao.conventions import periods
from baocao.conventions.levels import COMMUNE

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
# The unit profile `baocao init` writes (input/scaffold.py): a commune's, the placeholders above to replace.
STARTER_PROFILE = {
    "co_quan_chu_quan": "",
    "co_quan_ban_hanh": ["Ủy ban nhân dân", f"xã {UNIT_NAME}"],
    "ten_goi_tat": f"UBND xã {UNIT_NAME}",
    "ky_hieu": "UBND",
    "cap": COMMUNE,
    "dia_danh": PLACE_NAME,
    "nguoi_ky": {"tham_quyen": "KT.", "thay_cho": "Chủ tịch", "chuc_vu": "Phó Chủ tịch", "ho_ten": SIGNER_NAME},
    "noi_nhan": [SUPERIOR, "Thường trực Đảng ủy, HĐND xã"],
    "luu": ["VT"],
    "thu_muc_mau": "",
}

# What `baocao import` reads in a report's own words: the period and the kind in the trích yếu, the issuer in
# the closing sentence ("… của UBND xã Tân Hòa"), the words opening the closing ("Trên đây …").
PERIOD = re.compile(rf"(?P<words>{'|'.join(periods.TYPED.values())})(?:\s+(?P<year>\d{{4}}))?", re.IGNORECASE)
WHOLE_YEAR = periods.YEAR  # PERIOD's words for a whole year's report
KIND_WORDS = {  # report kind -> words of the trích yếu that tell it
    "thi-dua": re.compile(r"thi\s+đua", re.IGNORECASE),
    "kt-xh": re.compile(r"kinh\s+tế\s*-\s*xã\s+hội|KT\s*-\s*XH", re.IGNORECASE),
    "nhiem-vu": re.compile(r"nhiệm\s+vụ\s+trọng\s+tâm", re.IGNORECASE),
}
CLOSING_ISSUER = re.compile(r"\bcủa\s+((?:UBND|Ủy ban nhân dân|HĐND)\s+.+?)\s*\.?$")  # in a closing without its mark
CLOSING_OPENER = "Trên đây"
PEOPLES_COMMITTEE = ("ủy ban nhân dân", "uỷ ban nhân dân")  # an issuer's first line, shortened to "UBND"
ISSUER_NAME = "(Tên cơ quan)"  # what an import writes for what it could not read
POSITION = "(Chức vụ)"

# A signer's name still to fill in a hand-made draft: "(Họ và tên)", "(Ký, ghi rõ họ tên)", "{{ }}", "...", "xxx",
# "[ ]", a bracketed line, a lone capital after a space ("Nguyễn Văn A").
SIGNER_PLACEHOLDER = re.compile(
    r"họ\s*(?:và\s*)?tên|ký\s*,?\s*ghi\s*rõ|ký\s*tên|\{\{|\}\}|\.{3}|…|x{3}|\[|\]|^\(.*\)$|(?<=\s)[A-ZĐ]$",
    re.IGNORECASE,
)

# Words an imported header line keeps in capitals ('UBND xã', 'TM. ỦY BAN NHÂN DÂN'), the bodies whose names it
# writes in sentence case, and the title it writes with a capital ('Phó Chủ tịch').
UPPER_WORDS = ("UBND", "HĐND", "MTTQ", "TM.", "KT.", "TL.", "TUQ.", "Q.")
BODY_NAMES = ("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN")
CHAIR = "Chủ tịch"

# The text of a digital signature's box on the PDF (pyHanko's fields: the signer's name, the time).
SIGNATURE_STAMP = "Ký số bởi: %(signer)s\nThời gian: %(ts)s"


def norm(text: str) -> str:
    """NFC, whitespace (line breaks and tabs too) collapsed to single spaces, stripped: a paragraph's text as
    the checks and the importer compare it."""
    return unicodedata.normalize("NFC", " ".join(text.split()))


def fold(text: str) -> str:
    """Letters without their diacritics (đ → d), combining marks dropped.

    >>> fold("Ủy ban nhân dân xã Đông")
    'Uy ban nhan dan xa Dong'
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c) and unicodedata.category(c) != "Sk")
