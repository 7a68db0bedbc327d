"""Built-in report kinds: each one's default trích yếu, Word template and outline skeleton.

The trích yếu is built from the period; the skeleton is what `baocao init` writes (section titles,
a line in brackets saying what to write there); the template is looked up by the kind's name
(thi-dua.docx, kt-xh.docx…), so a unit can give one kind a template of its own (template_files).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .period import Period

Skeleton = dict[str, Any]  # report keys (mo_dau, noi_dung, co_phan…) to start a report of a kind


@dataclass(frozen=True)
class Kind:
    """A built-in kind of report: its name, what it is, its trích yếu and its skeleton."""

    name: str
    title: str  # what the kind is, in the clerk's words
    subject: Callable[[Period], str]  # the default trích yếu ('' when the report must write its own)
    skeleton: Callable[[Period], Skeleton]

    @property
    def template(self) -> str:
        """The name its Word template is looked up by (NAME.docx)."""
        return self.name


def _section(title: str, *content: Any) -> dict[str, Any]:
    return {"tieu_de": title, "noi_dung": list(content)}


def _and_then(period: Period, words: str) -> str:
    """'6 tháng đầu năm, {words} 6 tháng cuối năm 2026': the year said once when both share it."""
    now, then = period.label, period.following()
    if then.year == period.year:  # '6 tháng đầu năm' keeps its 'năm'; 'quý II năm 2026' drops it
        now = now.removesuffix(f" {period.year}" if period.kind == "6t-dau" else f" năm {period.year}")
    return f"{now}, {words} {then.label}"


def _thi_dua_subject(period: Period) -> str:
    verb = "Tổng kết" if period.kind == "nam" else "Sơ kết"
    return f"{verb} công tác thi đua, khen thưởng {period.label}"


def _thi_dua(period: Period) -> Skeleton:
    return {
        "co_phan": True,
        "mo_dau": ["Thực hiện (kế hoạch thi đua của cấp trên và của đơn vị), {{ ten_don_vi }} báo cáo kết quả công tác "
                   "thi đua, khen thưởng {{ ky }} như sau:"],
        "noi_dung": [
            _section("Kết quả thực hiện phong trào thi đua, công tác khen thưởng {{ ky }}",
                     _section("Công tác lãnh đạo, chỉ đạo, tổ chức thực hiện",
                              "(Các văn bản chỉ đạo, hướng dẫn đã ban hành; hoạt động của Hội đồng Thi đua - Khen thưởng.)"),
                     _section("Kết quả các phong trào thi đua", "(Kết quả từng phong trào thi đua, kèm số liệu.)"),
                     _section("Công tác khen thưởng", "(Số tập thể, cá nhân được khen thưởng theo từng hình thức.)"),
                     _section("Đánh giá chung",
                              _section("Ưu điểm", "(Những kết quả nổi bật.)"),
                              _section("Hạn chế, nguyên nhân", "(Những việc chưa làm được và nguyên nhân.)"))),
            _section(f"Phương hướng, nhiệm vụ {period.following().label}",
                     _section("Nhiệm vụ trọng tâm", "(Các phong trào thi đua sẽ phát động, các việc cần làm.)"),
                     _section("Giải pháp thực hiện", "(Các giải pháp chủ yếu.)")),
        ],
    }


def _kt_xh(period: Period) -> Skeleton:
    return {
        "mo_dau": ["{{ ten_don_vi }} báo cáo tình hình kinh tế - xã hội {{ ky }} như sau:"],
        "noi_dung": [
            _section("Công tác chỉ đạo, điều hành", "(Các văn bản chỉ đạo, điều hành đã ban hành; các cuộc họp, kiểm tra.)"),
            _section("Lĩnh vực kinh tế",
                     _section("Sản xuất nông, lâm nghiệp", "(Diện tích gieo trồng, chăn nuôi, trồng rừng, so với kế hoạch và cùng kỳ.)"),
                     _section("Tài chính, ngân sách", "(Thu, chi ngân sách so với dự toán và cùng kỳ.)"),
                     _section("Xây dựng, giao thông, tài nguyên và môi trường", "(Các công trình, dự án; quản lý đất đai.)")),
            _section("Lĩnh vực văn hóa - xã hội",
                     _section("Giáo dục, y tế", "(Kết quả năm học, công tác khám chữa bệnh, tiêm chủng.)"),
                     _section("Văn hóa, thông tin, thể thao", "(Các hoạt động văn hóa, tuyên truyền.)"),
                     _section("Lao động, việc làm, an sinh xã hội", "(Giải quyết việc làm, giảm nghèo, chính sách xã hội.)")),
            _section("Quốc phòng - an ninh",
                     _section("Quốc phòng, quân sự địa phương", "(Tuyển quân, huấn luyện dân quân.)"),
                     _section("An ninh chính trị, trật tự an toàn xã hội", "(Tình hình an ninh, tội phạm, tai nạn giao thông.)")),
            _section(f"Nhiệm vụ trọng tâm {period.following().label}", "(Các nhiệm vụ trọng tâm của kỳ tới.)"),
        ],
    }


# The Biểu of reference 003: tasks by group, what was done, how far along (percent and status).
_SUMMARY = "Tóm tắt kết quả triển khai thực hiện {{ ky }}"
_TASK_TABLE = {
    "cot": [
        {"tieu_de": "TT", "kieu": "stt"},
        {"khoa": "don_vi", "tieu_de": "Tên đơn vị", "do_rong": 3},
        {"khoa": "nhiem_vu", "tieu_de": "Nội dung nhiệm vụ trọng tâm", "do_rong": 5},
        {"khoa": "van_ban", "tieu_de": "Tên loại văn bản triển khai", "nhom": _SUMMARY, "do_rong": 4},
        {"khoa": "khoi_luong", "tieu_de": "Khối lượng nhiệm vụ triển khai", "nhom": _SUMMARY, "do_rong": 9},
        {"khoa": "danh_gia", "tieu_de": "Đánh giá mức độ hoàn thành (%)", "kieu": "phan_tram", "nhom": _SUMMARY, "do_rong": 2},
    ],
}


def _nhiem_vu(period: Period) -> Skeleton:
    row = {"don_vi": "(Tên đơn vị)", "nhiem_vu": "(Nội dung nhiệm vụ trọng tâm)", "van_ban": "(Kế hoạch số .../KH-UBND ngày ...)",
           "khoi_luong": "(Khối lượng đã thực hiện)", "danh_gia": "", "trang_thai": "đang thực hiện"}
    return {
        "nguoi_ky": {"tham_quyen": "", "chuc_vu": "Chủ tịch", "ho_ten": "(Họ và tên Chủ tịch)"},
        "mo_dau": ["Thực hiện (văn bản yêu cầu báo cáo), {{ ten_don_vi }} báo cáo tình hình, tiến độ thực hiện các nhiệm vụ "
                   "trọng tâm {{ ky }} như sau:"],
        "noi_dung": [
            _section("Kết quả triển khai, thực hiện",
                     "Đến nay đã hoàn thành {{ nhiem_vu.tong.da_hoan_thanh | hai_chu_so }}/{{ nhiem_vu.tong.so_nhiem_vu | hai_chu_so }} "
                     "nhiệm vụ trọng tâm (chi tiết tại {{ phu_luc.nhiem_vu }} kèm theo).",
                     _section("(Nhiệm vụ trọng tâm thứ nhất, ghi đúng như kế hoạch giao)",
                              "(Văn bản triển khai; kết quả đạt được; chỉ tiêu chưa hoàn thành và lý do.)"),
                     _section("(Nhiệm vụ trọng tâm thứ hai)", "(...)")),
            _section("Nhận xét, đánh giá",
                     _section("Thuận lợi", "(...)"),
                     _section("Những khó khăn, vướng mắc, tồn tại",
                              _section("Khó khăn, vướng mắc", "(...)"),
                              _section("Nguyên nhân", "(...)"))),
            _section(f"Phương hướng, giải pháp thực hiện nhiệm vụ trọng tâm {period.following().label}",
                     _section("Phương hướng", "(...)"),
                     _section("Giải pháp", _section("(Tên cơ quan, đơn vị)", "(Các việc cơ quan, đơn vị này phải làm.)"))),
        ],
        "phu_luc": [{"loai": "bieu", "khoa": "nhiem_vu", "tieu_de": "Đánh giá tiến độ thực hiện nhiệm vụ trọng tâm {{ ky }}",
                     "bang": _TASK_TABLE | {"dong": [{"nhom": "Lĩnh vực kinh tế", "dong": [row]}]}}],
    }


def _chung(period: Period) -> Skeleton:
    return {
        "trich_yeu": "(Nội dung chính của báo cáo) {{ ky }}",
        "noi_dung": [
            _section("Kết quả thực hiện", "(...)"),
            _section("Tồn tại, hạn chế và nguyên nhân", "(...)"),
            _section(f"Phương hướng, nhiệm vụ {period.following().label}", "(...)"),
        ],
    }


_KINDS = (
    Kind("thi-dua", "sơ kết, tổng kết thi đua, khen thưởng", _thi_dua_subject, _thi_dua),
    Kind("kt-xh", "tình hình kinh tế - xã hội", lambda p: "Tình hình kinh tế - xã hội " + _and_then(p, "nhiệm vụ trọng tâm"), _kt_xh),
    Kind("nhiem-vu", "tình hình thực hiện các nhiệm vụ trọng tâm",
         lambda p: "Tình hình thực hiện các nhiệm vụ trọng tâm " + _and_then(p, "phương hướng nhiệm vụ"), _nhiem_vu),
    Kind("chung", "báo cáo khác (tự ghi trích yếu)", lambda p: "", _chung),
)
KIND_BY_NAME = {kind.name: kind for kind in _KINDS}
KINDS = tuple(KIND_BY_NAME)


def default_subject(kind: str, period: Period) -> str:
    """'Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2025' and the like; '' for 'chung'."""
    return KIND_BY_NAME[kind].subject(period)
