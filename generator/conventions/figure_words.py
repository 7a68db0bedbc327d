"""Words around the numbers of a report's sentences, as `baocao import --so-lieu` reads them (readers/docx/prose).

Units and counted things, the words of ratio phrases (plan, same period, named plans), the verbs before them,
and the words that say a number is a date or a change rather than a count.
"""

from __future__ import annotations

#: Units and counted things a number may carry ('m^3^' is the importer's markup of m³).
UNITS = (
    "ha", "tấn", "tạ", "kg", "km", "m", "m²", "m³", "m^2^", "m^3^", "km²", "tạ/ha", "con", "hộ", "người", "lượt",
    "lượt người", "lượt khách", "lượt tập thể", "triệu đồng", "tỷ đồng", "nghìn đồng", "đồng", "USD", "hồ sơ",
    "văn bản", "sáng kiến", "vụ", "việc", "đơn", "tiêu chí", "công dân", "thôn", "bản", "tổ", "tổ dân phố", "xã",
    "phường", "cuộc", "buổi", "lớp", "học sinh", "trẻ", "cháu", "giáo viên", "trường", "cơ sở", "doanh nghiệp",
    "hợp tác xã", "HTX", "công trình", "dự án", "sản phẩm", "phong trào", "lao động", "liều", "ca", "công", "tập thể",
    "cá nhân", "gia đình", "thủ tục", "cây", "nhà", "căn", "mô hình", "đối tượng", "trường hợp", "khu dân cư",
    "thành viên", "hội viên", "đảng viên", "đoàn viên", "chiến sĩ", "tin", "bài", "chương trình", "kế hoạch",
    "quyết định", "đợt", "lần", "ngày công", "suất", "phần", "tài khoản", "giấy", "tuyến", "cụm", "điểm", "ô tô",
    "thanh niên", "cái", "chiếc", "viên", "nhiệm vụ", "biên chế", "phòng", "đơn vị", "khẩu",
)  # fmt: skip
#: Scale words before a unit: '64,2 nghìn con' has the unit 'nghìn con'.
SCALES = ("nghìn", "triệu", "tỷ")
#: Words that say nothing about what is counted: dropped from figure names ('được', 'đạt', 'có'…).
STOP_WORDS = frozenset(
    "được đạt có là và với trong đó ước tính tổng số toàn xã phường huyện tỉnh gồm cho đến nay khoảng trên dưới "
    "hơn gần tới lên thêm bằng tăng giảm so cùng kỳ kế hoạch đã mới thực hiện năm tháng quý các những một "
    "của tại về theo như trên âm".split()
)
#: What follows a percentage to the plan (not "chỉ tiêu tỉnh giao": a named plan).
PLAN_WORDS = ("chỉ tiêu kế hoạch", "kế hoạch", "CTKH", "KH")
#: What follows a percentage or a change to the same period.
SAME_WORDS = (
    "so với cùng kỳ năm trước",
    "so với cùng kỳ",
    "so cùng kỳ",
    "cùng kỳ năm trước",
    "cùng kỳ",
    "so với CK",
    "SVCK",
    "so CK",
    "CK",
)
#: The words a named plan starts with ('so với dự toán tỉnh giao', 'Nghị quyết HĐND xã', 'chỉ tiêu huyện giao').
NAMED_PLAN_HEADS = ("dự toán", "Nghị quyết", "chỉ tiêu")
#: What a named plan may start with before its name ('so với dự toán…'): left out of the plan's key.
COMPARED_TO = "so với"
#: Verbs of a ratio to the plan or the same period ('đạt 48,2% KH', 'bằng 101,3% CK'), of a plan exceeded, and of
#: a change ('tăng 5,1%', 'giảm 35 hộ').
RATIO_VERBS = ("đạt", "bằng")
OVER = "vượt"
UP, DOWN = "tăng", "giảm"
#: The word joining two phrases of one clause ('đạt 58% dự toán tỉnh giao và 53% dự toán huyện giao').
AND = "và"
#: The word of a negative number written in words ('tăng trưởng âm 2,3%').
NEGATIVE = "âm"
#: Words right before a day/month ('ngày 07/12', 'đến 12/5'): what follows is a date, not a count out of a total.
DATE_WORDS = ("ngày", "đến", "từ", "hết", "tháng", "trước", "sau", "vào", "hạn", "đêm", "sáng", "chiều", "tối")
#: Words right before a year or a code ('năm 2024', 'số 1234'): a long number after them is never a figure.
YEAR_WORDS = ("năm", "giai đoạn", "nhiệm kỳ", "khóa", "số", "mã")
