"""The checker's rules as a clerk reads them (baocao check, --quy-tac, the README's table): what each rule asks,
and where ND30 (or practice) states it (nd30/rules.py)."""

from __future__ import annotations

_ND30 = "NĐ 30/2020/NĐ-CP, Phụ lục I, Phần I, "
PAPER = _ND30 + "mục II.1 Khổ giấy; mục II.2 Kiểu trình bày"
MARGINS = _ND30 + "mục II.3 Định lề trang văn bản"
FONT = _ND30 + "mục II.4 Phông chữ (Unicode TCVN 6909:2001, màu đen)"
SIZE = _ND30 + "mục II.5 Cỡ chữ và kiểu chữ"
PAGE_NUMBER = _ND30 + "mục II.7 Số trang văn bản"
HEADER = _ND30 + "mục III.1 Quốc hiệu và Tiêu ngữ"
DOC_NUMBER = _ND30 + "mục III.3 Số, ký hiệu của văn bản"
ABBREVIATION = "NĐ 30/2020/NĐ-CP, Phụ lục III: Viết tắt tên loại văn bản"
DATE = _ND30 + "mục III.4 Địa danh và thời gian ban hành văn bản"
OUTLINE = _ND30 + "mục III.6 Nội dung văn bản (phần, mục, khoản, điểm)"
SIGNATURE = _ND30 + "mục III.7 Chức vụ, họ tên và chữ ký của người có thẩm quyền"
RECIPIENTS = _ND30 + "mục III.9 Nơi nhận"
PRACTICE = "Thực hành hành chính (NĐ 30 không quy định)"
NUMBER_STYLE = "Quy ước trình bày số, ngày (TCVN 6909; thực hành hành chính)"

TITLES = {  # rule code -> what the rule asks
    "kho-giay": "Khổ giấy A4 (210 × 297 mm)",
    "huong-giay": "Trang đầu đặt khổ dọc; chỉ phụ lục (bảng rộng) được đặt ngang",
    "le-trang": "Lề trên, dưới 20–25 mm; lề trái 30–35 mm; lề phải 15–20 mm",
    "le-trang-ngang": "Trang ngang (phụ lục): lề đúng khi đọc ngang hoặc xoay dọc",
    "phong-chu": "Phông Times New Roman",
    "mau-chu": "Chữ màu đen, cả đề mục (kiểu Heading của Word mặc định màu xanh)",
    "co-chu": "Phần nội dung, cả đề mục, cỡ chữ 13–14",
    "co-chu-chu-thich": "Chú thích cỡ chữ 10–12",
    "so-trang": "Không hiện số trang ở trang đầu",
    "o-tieu-de": "Bảng 2 cột không viền trên cùng trang đầu; Quốc hiệu, Tiêu ngữ đúng chữ, in đậm",
    "so-ky-hieu": "Số, ký hiệu đúng mẫu «Số: 05/BC-UBND»",
    "ky-hieu-loai": "Ký hiệu bắt đầu bằng chữ viết tắt tên loại văn bản",
    "ngay-thang": "Có dòng địa danh và ngày tháng; ngày tháng có trong lịch",
    "ngay-thang-so-0": "Ngày dưới 10 và tháng 1, 2 thêm số 0 («ngày 04 tháng 02»); tháng khác không thêm",
    "ngay-thang-nghieng": "Dòng địa danh và ngày tháng in nghiêng",
    "ngay-viet-tat": "Ngày trong câu viết «04/6/2026», «10/02/2026»",
    "ngay-sai": "Ngày trong câu có trong lịch (ngày/tháng/năm)",
    "danh-so-muc": "Đề mục, đoạn đánh số («1. …», «a) …») đúng thứ tự, đúng cấp",
    "kieu-muc": "Các mục con của một mục dùng một kiểu số thứ tự (1.1. hoặc a))",
    "chu-thich-go-tay": "Không gõ tay số chú thích (chữ nhỏ phía trên, ¹ ² ³, số dính vào chữ)",
    "chu-thich-thu-tu": "Số chú thích gõ tay không lặp, không bỏ sót",
    "chu-thich-hong": "Dấu chú thích trỏ tới chú thích có trong tệp",
    "chu-thich-ky-hieu": "Chú thích đánh số tự động, không dùng ký hiệu tự đặt",
    "noi-nhan": "Có «Nơi nhận:» và các dòng nơi nhận; dòng cuối «- Lưu: VT, …»",
    "noi-nhan-dau": "«Nơi nhận:» in đậm nghiêng, có dấu hai chấm; mỗi dòng «- …;», dòng cuối kết thúc «.»",
    "ket-thuc": "Phần nội dung kết thúc bằng «./.»",
    "chu-ky": "Khối chữ ký có chức vụ và họ tên thật của người ký",
    "kieu-so": "Số viết kiểu Việt: «1.539,72» (chấm ngăn hàng nghìn, phẩy trước phần thập phân)",
    "dau-phan-tram": "Viết liền «43,4%»: không dấu cách trước «%», không «%%»",
    "dau-thap-phan": "Cả văn bản (thân, bảng, chú thích) một kiểu dấu thập phân",
    "cho-trong": "Không còn chỗ giữ chỗ chưa điền («(tên xã)», «(Họ và tên)», «[...]», «{{ }}»)",
}

AUTOFIX_NAMES = {"an-toan": "an toàn", "cam": "cấm (chỉ báo)"}
SEVERITY_NAMES = {"loi": "lỗi", "canh_bao": "cảnh báo"}
README_START = "<!-- quy-tac: bảng sinh từ baocao.nd30.rules (python scripts/readme_rules.py) -->"
TABLE_HEAD = "| Mã | Quy tắc | Căn cứ | Mức độ | Tự sửa (`--sua`) |"
