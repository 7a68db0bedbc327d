"""What the keys of a figure mean (the JSON Schema's descriptions, `baocao schema`, shown by editors) and the
model's own checks (input/figure_model.py); one table a model, by key."""

WORKBOOK_SOURCE = {
    "tep": "Tệp bảng tính (.xlsx, .csv), tính từ thư mục của tệp YAML này.",
    "trang": "Tên trang tính (sheet); để trống thì lấy trang đầu tiên.",
    "dong_tieu_de": "Dòng tiêu đề cột (mặc định dòng 1); số liệu ở các dòng dưới.",
    "cot": "Cột nào là khóa nào, theo tiêu đề cột hoặc chữ cột, ví dụ {ten_so_lieu: Mã, gia_tri: Thực hiện, "
    "ke_hoach: D}; để trống: tiêu đề cột là tên khóa.",
    "o": "Lấy từng ô: {ten_so_lieu: C5} (giá trị), hoặc {ten_so_lieu: {gia_tri: C5, ke_hoach: D5}}.",
}
SO_LIEU_TU = (
    "Lấy số liệu từ bảng tính: 'so-lieu.xlsx' (mỗi dòng một số liệu, tiêu đề cột là tên khóa), hoặc danh sách nguồn."
)
PLAN_NAMES_HELP = (
    "Tên đầy đủ của các kế hoạch có tên, in sau tỷ lệ, ví dụ {nghi_quyet: Nghị quyết HĐND xã, tinh_giao: chỉ tiêu "
    "tỉnh giao}."
)
RATIO_WORDING = {
    "dat_ke_hoach": "Chữ trước tỷ lệ so với kế hoạch: 'đạt' → 'đạt 98,8% kế hoạch'; 'bằng'; để trống → '98,8% CTKH'.",
    "ke_hoach": "Chữ sau tỷ lệ so với kế hoạch, ví dụ 'kế hoạch', 'KH', 'CTKH'.",
    "ke_hoach_tat": "Chữ viết tắt khi gọi so_ke_hoach(true).",
    "bang_cung_ky": "Chữ trước tỷ lệ so với cùng kỳ: 'bằng 101,1% so với cùng kỳ'.",
    "cung_ky": "Chữ sau tỷ lệ, mức tăng giảm so với cùng kỳ, ví dụ 'so với cùng kỳ', 'SVCK', 'CK'.",
    "cung_ky_tat": "Chữ viết tắt khi gọi so_cung_ky(true).",
}
RATIO_OF = {"tu_so": "Tên số liệu ở tử số, ví dụ ho_ngheo.", "mau_so": "Tên số liệu ở mẫu số, ví dụ tong_so_ho."}
FIGURE = {
    "ten": "Tên chỉ tiêu (dùng trong bảng).",
    "gia_tri": "Giá trị kỳ này, viết kiểu Việt Nam: 1.539,72",
    "don_vi": "Đơn vị tính, ví dụ 'ha', 'triệu đồng'.",
    "ke_hoach": "Kế hoạch (chỉ tiêu) của kỳ: một số, hoặc nhiều kế hoạch có tên {nghi_quyet: 620, tinh_giao: 600} "
    "(kế hoạch đầu là mặc định; tên mô tả ở ten_ke_hoach).",
    "cung_ky": "Số liệu cùng kỳ năm trước.",
    "so_le": "Số chữ số thập phân khi hiển thị.",
    "tong_cua": "Tên các số liệu cộng lại thành số liệu này (tự tính, hoặc kiểm tra nếu đã ghi gia_tri). Các số liệu "
    "khác đơn vị tính chỉ cộng được khi ghi don_vi của tổng.",
    "tong_tu": "Tên số liệu trong các báo cáo cấp dưới (khai báo ở tong_hop) được cộng lại thành số liệu này.",
    "ma_chi_tieu": "Mã chỉ tiêu (nếu có), ghi kèm khi xuất số liệu (baocao figures) cho hệ thống báo cáo.",
    "ghi_de": "true: số liệu cùng tên lấy từ bảng tính (so_lieu_tu) được ghi đè, bổ sung bằng các khóa ghi ở đây.",
    "trung_binh_cua": "Tên các số liệu lấy trung bình thành số liệu này (tự tính, hoặc kiểm tra).",
    "trong_so": "Trọng số của từng số liệu trong trung_binh_cua (tên số liệu hoặc số), để tính trung bình có trọng số.",
    "ty_le_cua": "Số liệu là tỷ lệ % của hai số liệu khác (tự tính, hoặc kiểm tra nếu đã ghi gia_tri).",
    "giu_nguyen": "Lý do giữ số đã ghi khi số đó khác số tự tính (tổng, trung bình, tỷ lệ): bản thảo in số đã ghi, "
    "chương trình cảnh báo.",
    "cho_phep_am": "true nếu số liệu được phép âm (ví dụ chênh lệch thu chi).",
    "hien_thi": "In số theo nghìn, triệu hoặc tỷ: 303.100 con → '303,1 nghìn con'.",
    "don_vi_hien_thi": "Đơn vị khi in theo hien_thi (mặc định 'nghìn <don_vi>', ví dụ 'nghìn con').",
}

# --- the model's checks ----------------------------------------------------------------------------------

ONE_LAYOUT = "Chỉ ghi một trong hai: cot (mỗi dòng một số liệu) hoặc o (lấy từng ô)."
EMPTY_PLANS = "Nhóm kế hoạch đang trống: ghi một số, hoặc các kế hoạch có tên, ví dụ {nghi_quyet: 620, tinh_giao: 600}."


def one_computed_key(keys: str, used: str) -> str:
    return f"Số liệu chỉ ghi một trong các khóa {keys} (đang ghi {used})."


def weights_mismatch(weights: int, figures: int) -> str:
    return (
        f"trong_so có {weights} trọng số nhưng trung_binh_cua có {figures} số liệu; "
        "ghi mỗi số liệu một trọng số, theo cùng thứ tự."
    )


KEEP_ONLY_COMPUTED = "giu_nguyen chỉ dùng cho số liệu tự tính (tong_cua, tong_tu, trung_binh_cua, ty_le_cua)."
