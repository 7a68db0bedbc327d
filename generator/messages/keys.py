"""What each key of the files means, as editors show it while the clerk types (the JSON Schema's descriptions).

One table per model of baocao.input (model.py, figure_model.py, table_model.py, charts.py, figure_file_model.py),
named after the model (SO_LIEU for SoLieu), key → description; `baocao schema` writes them into schema/*.json. An
entry ending in ':' is followed by the allowed values, and a sentence of its own may follow a description shared with
another key (SO_LIEU_TU, fields.LADDER_HELP...). MODELS says what each model's object is, the description over its
keys (the models' docstrings are English, for maintainers).
"""

from __future__ import annotations

TITLES = {  # schema file → its title
    "don-vi.schema.json": "Hồ sơ đơn vị (baocao)",
    "bao-cao.schema.json": "Tệp báo cáo (baocao)",
    "so-lieu.schema.json": "Tệp số liệu của báo cáo (baocao figures)",
}

MODELS = {  # model → what its object is (the description over its keys)
    # the unit profile and the report (model.py)
    "DonVi": "Hồ sơ đơn vị (don-vi.yaml): cơ quan ban hành, địa danh, người ký, nơi nhận mặc định.",
    "NguoiKy": "Người ký: thẩm quyền, chức vụ, họ tên.",
    "BaoCao": "Tệp báo cáo của một kỳ: thông tin văn bản, số liệu và nội dung.",
    "Muc": (
        "Một mục của đề cương (số thứ tự được đánh tự động): tiêu đề riêng một dòng, đoạn văn có số thứ tự,\n"
        "hoặc cả hai (tiêu đề in đậm/nghiêng ở đầu đoạn); danh_so: false cho tiêu đề không đánh số."
    ),
    "PhuLuc": (
        "Một phụ lục (hoặc biểu) ở cuối báo cáo: trang ngang riêng, đánh số trang riêng, một bảng và/hoặc\n"
        "một hay nhiều biểu đồ (bảng trước, biểu đồ sau)."
    ),
    "VanBan": "Một văn bản được trích dẫn: loại, số, ký hiệu, ngày, cơ quan ban hành, trích yếu.",
    "TongHop": "Tổng hợp từ báo cáo của các đơn vị cấp dưới: tệp nào, những đơn vị nào phải có.",
    # figures (figure_model.py)
    "SoLieu": "Một số liệu: giá trị, đơn vị tính, kế hoạch, cùng kỳ năm trước.",
    "TyLe": "Số liệu là tỷ lệ phần trăm của hai số liệu khác: tu_so / mau_so × 100.",
    "NguonSoLieu": (
        "Một bảng tính chứa số liệu (.xlsx, .csv): tệp, trang tính, cách đọc (mặc định: mỗi dòng một số liệu)."
    ),
    "CachViet": "Cách viết tỷ lệ của đơn vị (ghi một lần ở hồ sơ đơn vị; báo cáo có thể ghi đè từng khóa).",
    # tables (table_model.py)
    "Bang": "Một bảng: tên bảng, đơn vị tính, các cột, các dòng (có thể chia nhóm), dòng Tổng cộng.",
    "Cot": "Một cột của bảng: tiêu đề, nhóm cột (tiêu đề hai tầng), kiểu, số chữ số thập phân.",
    "Nhom": "Một nhóm dòng của bảng (I, II, III...): tiêu đề nhóm và các dòng; số thứ tự chạy liên tục qua các nhóm.",
    "KhoiBang": "Một bảng đặt trong đề cương: '- bang: {...}'.",
    # charts (charts.py)
    "BieuDo": (
        "Một biểu đồ (cột, thanh ngang, đường, tròn) vẽ từ số liệu của báo cáo, là biểu đồ thật của Word\n"
        "(bấm chuột phải → Edit Data để sửa số); chú thích 'Biểu đồ 1: ...' được đánh số tự động."
    ),
    "ChuoiSo": "Một chuỗi số ghi sẵn của biểu đồ: tên ở chú giải và các số theo thứ tự danh_muc.",
    "KhoiBieuDo": "Một biểu đồ đặt trong đề cương: '- bieu_do: {...}'.",
    # the figure file (figure_file_model.py)
    "TepSoLieu": "Tệp số liệu của một báo cáo (baocao figures): thông tin báo cáo và mọi số liệu.",
    "ThongTinBaoCao": "Thông tin của báo cáo (để hệ thống báo cáo nhận biết tệp số liệu).",
    "NguoiKyXuat": "Người ký báo cáo.",
    "SoLieuXuat": "Một số liệu: các khóa như trong so_lieu (giá trị tự tính đã ghi vào), rồi các giá trị tính từ đó.",
    "ChiTiet": "Số liệu của một đơn vị cấp dưới trong tổng hợp (tong_tu).",
}

# --- the unit profile and the report (input/model.py) ------------------------------------------------------------

NGUOI_KY = {
    "tham_quyen": (
        "TM. (thay mặt tập thể), KT. (ký thay), TL. (thừa lệnh), TUQ. (thừa ủy quyền), Q. (quyền); để trống nếu ký "
        "trực tiếp."
    ),
    "thay_cho": (
        "Tập thể hoặc người đứng đầu được ký thay, ví dụ 'Ủy ban nhân dân' (với TM.) hoặc 'Chủ tịch' (với KT.)."
    ),
    "chuc_vu": "Chức vụ người ký, ví dụ 'Phó Chủ tịch'.",
    "ho_ten": "Họ và tên người ký.",
}

DON_VI = {
    "co_quan_chu_quan": "Tên cơ quan chủ quản (nếu có), ví dụ 'UBND tỉnh Lạng Sơn'.",
    "co_quan_ban_hanh": "Tên cơ quan ban hành, mỗi dòng một mục, ví dụ ['Ủy ban nhân dân', 'xã Hồ Sơn'].",
    "ten_goi_tat": "Tên gọi tắt dùng trong câu văn và trích dẫn, ví dụ 'UBND xã Hồ Sơn'.",
    "ky_hieu": "Chữ viết tắt tên cơ quan trong ký hiệu văn bản, ví dụ 'UBND' (Số: 05/BC-UBND).",
    "cap": "Cấp hành chính:",
    "dia_danh": "Địa danh ghi ở đầu văn bản, ví dụ 'Hồ Sơn'.",
    "noi_nhan": "Nơi nhận mặc định, mỗi dòng một nơi; dấu '- ' và ';' được thêm tự động.",
    "luu": "Nơi lưu, ví dụ ['VT', 'VP'] → 'Lưu: VT, VP.'",
    "thu_muc_mau": (
        "Thư mục mẫu Word dùng chung (ví dụ của tỉnh), tính từ thư mục của hồ sơ này; mẫu trong thư mục đơn vị được "
        "ưu tiên hơn."
    ),
    "so_lieu_tu": "Dùng cho mọi báo cáo của đơn vị.",
    "cach_viet": "Cách viết tỷ lệ của đơn vị: 'đạt … kế hoạch', 'bằng … so với cùng kỳ', viết tắt KH, CK, SVCK...",
}

MUC = {  # a section of the outline
    "tieu_de": "Tiêu đề, không ghi số thứ tự.",
    "doan": (
        "Đoạn văn mở đầu bằng số thứ tự ('1. nội dung...'); có cả tieu_de thì tiêu đề đứng đầu đoạn ('a) Về công tác "
        "tổ chức: nội dung...')."
    ),
    "danh_so": "false: tiêu đề in đậm không đánh số (số thứ tự bỏ qua mục này).",
    "kieu_muc_con": "Kiểu số thứ tự của các mục con:",
    "kieu_tieu_de": "Tiêu đề đứng đầu đoạn hoặc tiêu đề không đánh số in dam (đậm), nghieng (nghiêng) hay dam_nghieng.",
    "noi_dung": "Đoạn văn, danh sách gạch đầu dòng (danh sách lồng) hoặc mục con.",
}

PHU_LUC = {
    "loai": "phu_luc → 'Phụ lục I', 'Phụ lục II' (chỉ một thì 'Phụ lục'); bieu → 'Biểu số 01'.",
    "khoa": "Tên gọi trong câu văn: {{ phu_luc.khoa }} in ra 'Phụ lục I' hoặc 'Biểu số 01'.",
    "tieu_de": "Tên phụ lục (in HOA tự động).",
    "bieu_do": "Biểu đồ của phụ lục (xem bieu_do trong đề cương), hoặc danh sách các biểu đồ, in sau bảng.",
}

VAN_BAN = {  # a document cited
    "loai": "Tên loại văn bản, ví dụ 'Kế hoạch', 'Quyết định', 'Công văn'.",
    "so": "Số văn bản.",
    "ky_hieu": "Ký hiệu sau dấu '/', ví dụ 'KH-UBND'.",
    "ngay": "Ngày ban hành, ví dụ 28/12/2023.",
    "co_quan": "Cơ quan ban hành, ví dụ 'UBND tỉnh Lạng Sơn'.",
    "ve": "Trích yếu (sau chữ 'về'), nếu muốn nêu.",
}

TONG_HOP = {  # a roll-up
    "cac_bao_cao": (
        "Các tệp báo cáo cấp dưới, tính từ thư mục của báo cáo này; được dùng mẫu *, ví dụ "
        "'xa/*/thi-dua-6-thang-2026.yaml'; hoặc tệp số liệu (.json, .xlsx) do 'baocao figures' ghi ra."
    ),
    "danh_sach_don_vi": "Các đơn vị phải có báo cáo (tên thư mục hoặc ten_goi_tat), để biết đơn vị nào còn thiếu.",
}

BAO_CAO = {
    "$schema": "Đường dẫn lược đồ cho trình soạn thảo (không bắt buộc).",
    "don_vi": "Tệp hồ sơ đơn vị, tính từ thư mục của báo cáo.",
    "loai": "Loại báo cáo:",
    "ky_bao_cao": "Kỳ báo cáo, ví dụ '6 tháng đầu năm 2025'.",
    "so": "Số văn bản; để trống khi là dự thảo (văn thư điền sau).",
    "ngay": "Ngày ban hành '15/6/2025'; dự thảo chưa có ngày ghi '6/2025'.",
    "trich_yeu": "Trích yếu nội dung; để trống thì dùng câu mặc định của loại báo cáo.",
    "dong_nghieng": "Dòng in nghiêng dưới trích yếu, ví dụ '(Số liệu tính đến hết ngày 15/6/2025)'.",
    "kinh_gui": "Nơi kính gửi (nếu có), mỗi dòng một nơi.",
    "kieu_phan": "Cách ghi Phần: 'so' → Phần I, Phần II; 'chu' → Phần thứ nhất, Phần thứ hai.",
    "co_phan": "true nếu cấp cao nhất của đề cương là Phần (Phần I, Phần II).",
    "kieu_muc": "Ghi ở đây nếu khác hồ sơ đơn vị.",
    "so_lieu": "Các số liệu, gọi trong câu văn bằng {{ so_lieu.ten }}.",
    "cach_viet": (
        "Cách viết tỷ lệ riêng của báo cáo này (thay từng khóa của hồ sơ đơn vị): 'đạt … kế hoạch', 'bằng … so với "
        "cùng kỳ', viết tắt KH, CK, SVCK..."
    ),
    "tong_hop": "Tổng hợp số liệu từ báo cáo của các đơn vị cấp dưới (số liệu ghi tong_tu).",
    "van_ban": "Các văn bản được trích dẫn, gọi trong câu bằng {{ van_ban.ten }}.",
    "mo_dau": "Các đoạn mở đầu, trước mục đầu tiên.",
    "noi_dung": "Đề cương báo cáo: các mục lồng nhau.",
    "chu_thich": (
        "Chú thích (footnote) có tên, gọi trong câu bằng [^ten]; nhiều đoạn thì viết danh sách; chú thích ngắn có "
        "thể viết thẳng [^nội dung]."
    ),
    "ket_luan": (
        "Câu kết; để trống thì dùng câu mặc định; false: không có câu kết (đoạn cuối kết thúc bằng './.'). Dấu './.' "
        "được thêm tự động."
    ),
    "noi_nhan": "Nơi nhận của riêng báo cáo này (thay cho hồ sơ đơn vị).",
    "nguoi_ky": "Người ký của riêng báo cáo này (thay cho hồ sơ đơn vị).",
    "phu_luc": "Phụ lục, biểu kèm theo, in sau chữ ký, mỗi phụ lục một phần trang ngang.",
    "chi_phu_luc": "true: chỉ soạn các phụ lục (không có phần đầu, nội dung và chữ ký).",
    "mau": (
        "Tên mẫu Word (không ghi .docx) thay cho mẫu của loại báo cáo, tìm trong thư mục đơn vị, thư mục mẫu chung "
        "rồi các mẫu có sẵn."
    ),
}

# --- figures (input/figure_model.py) ------------------------------------------------------------------------------

NGUON_SO_LIEU = {
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
TEN_KE_HOACH = (
    "Tên đầy đủ của các kế hoạch có tên, in sau tỷ lệ, ví dụ {nghi_quyet: Nghị quyết HĐND xã, tinh_giao: chỉ tiêu "
    "tỉnh giao}."
)
CACH_VIET = {
    "dat_ke_hoach": "Chữ trước tỷ lệ so với kế hoạch: 'đạt' → 'đạt 98,8% kế hoạch'; 'bằng'; để trống → '98,8% CTKH'.",
    "ke_hoach": "Chữ sau tỷ lệ so với kế hoạch, ví dụ 'kế hoạch', 'KH', 'CTKH'.",
    "ke_hoach_tat": "Chữ viết tắt khi gọi so_ke_hoach(true).",
    "bang_cung_ky": "Chữ trước tỷ lệ so với cùng kỳ: 'bằng 101,1% so với cùng kỳ'.",
    "cung_ky": "Chữ sau tỷ lệ, mức tăng giảm so với cùng kỳ, ví dụ 'so với cùng kỳ', 'SVCK', 'CK'.",
    "cung_ky_tat": "Chữ viết tắt khi gọi so_cung_ky(true).",
}
TY_LE = {"tu_so": "Tên số liệu ở tử số, ví dụ ho_ngheo.", "mau_so": "Tên số liệu ở mẫu số, ví dụ tong_so_ho."}
SO_LIEU = {
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

# --- tables (input/table_model.py) --------------------------------------------------------------------------------

COT = {
    "khoa": (
        "Tên cột, viết không dấu, để ghi ô theo tên (bắt buộc với cột van_ban, so, phan_tram). Dòng so_lieu điền các "
        "cột: ten, gia_tri, don_vi, ke_hoach, cung_ky; cột trang_thai hiện trạng thái nhiệm vụ."
    ),
    "tieu_de": "Tiêu đề cột.",
    "nhom": "Tiêu đề chung ở tầng trên; các cột liền nhau cùng nhom được gộp dưới tiêu đề này.",
    "kieu": (
        "stt (số thứ tự tự đánh), van_ban, so, phan_tram (tỷ lệ ghi sẵn), ty_le_ke_hoach, ty_le_cung_ky (tự tính, "
        "%), chenh_lech (tự tính: gia_tri - cung_ky)."
    ),
    "so_le": "Số chữ số thập phân (mặc định: theo số liệu; tỷ lệ 1 chữ số).",
    "do_rong": "Độ rộng tương đối của cột (mặc định 1 cho stt, 2 cho cột số, 4 cho cột chữ).",
    "ke_hoach": (
        "Tên một kế hoạch có tên của số liệu: cột so hiện kế hoạch này, cột ty_le_ke_hoach tính tỷ lệ so với kế "
        "hoạch này (mặc định: kế hoạch đầu tiên)."
    ),
}

NHOM = {
    "nhom": "Tiêu đề nhóm, ví dụ 'Lĩnh vực kinh tế'.",
    "dong": "Các dòng của nhóm.",
}

BANG = {
    "tieu_de": "Tên bảng, in đậm ở giữa phía trên bảng.",
    "don_vi_tinh": "Đơn vị tính chung, ví dụ 'ha' → dòng 'Đơn vị tính: ha'.",
    "cot": "Các cột, từ trái sang phải.",
    "dong": (
        "Các dòng: '- so_lieu: ten' (lấy số liệu), '- {khoa_cot: giá trị, ...}', '- [ô 1, ô 2, ...]', hoặc nhóm '- "
        "nhom: ...' với dong: [...]."
    ),
    "tong_cong": (
        "true: thêm dòng Tổng cộng tự tính; hoặc ghi tổng đã biết để kiểm tra, ví dụ {so_lieu: tong_dien_tich} hoặc "
        "{gia_tri: 1.143}."
    ),
    "ghi_chu": "Ghi chú dưới bảng, mỗi dòng một đoạn.",
}

# --- charts (input/charts.py) -------------------------------------------------------------------------------------

CHUOI_SO = {
    "ten": "Tên chuỗi ở chú giải, ví dụ 'Thực hiện'.",
    "so": "Các số viết kiểu Việt Nam, mỗi mục của danh_muc một số, ví dụ ['1.539,7', '375']; trống: null.",
}

BIEU_DO = {
    "loai": "cot (biểu đồ cột), thanh (thanh ngang), duong (đường), tron (hình tròn: các phần của tổng).",
    "tieu_de": "Tên biểu đồ, in dưới biểu đồ sau 'Biểu đồ 1: ' (số tự đánh).",
    "tieu_de_bieu_do": "Tiêu đề in bên trong khung biểu đồ (không bắt buộc).",
    "so_lieu": "Các số liệu, mỗi số liệu một cột (nhóm cột), ví dụ [lua_xuan, ngo_xuan].",
    "thanh_phan_cua": "Tên một số liệu tổng (tong_cua): mỗi thành phần của tổng là một cột hoặc một phần hình tròn.",
    "chi_tiet": "Tên một số liệu tổng hợp từ các xã (tong_tu): mỗi xã một cột (báo cáo tổng hợp của tỉnh).",
    "danh_muc": (
        "Tên các cột ghi sẵn (không lấy từ số liệu), số ghi trong chuoi_so; baocao import viết dạng này cho biểu đồ "
        "đọc từ tệp Word."
    ),
    "chuoi_so": "Các chuỗi số ghi sẵn của danh_muc: [{ten: Thực hiện, so: [...]}, ...].",
    "chuoi": (
        "Các chuỗi số so sánh: gia_tri (thực hiện), ke_hoach, ke_hoach.<tên kế hoạch>, cung_ky. Mặc định [gia_tri]; "
        "biểu đồ tròn chỉ một chuỗi."
    ),
    "ten_chuoi": "Tên hiện ở chú giải cho từng chuỗi, ví dụ {gia_tri: Thực hiện 6 tháng, cung_ky: Cùng kỳ 2025}.",
    "truc_danh_muc": "Tên trục danh mục (trục các cột), ví dụ 'Cây trồng'.",
    "truc_gia_tri": "Tên trục giá trị; để trống thì ghi đơn vị tính của số liệu, ví dụ 'ha'.",
    "so_le": "Số chữ số thập phân của nhãn số (mặc định: theo số liệu).",
}

# --- the figure file `baocao figures` writes (input/figure_file_model.py) ----------------------------------------

NGUOI_KY_XUAT = {
    "tham_quyen": "TM., KT., TL., TUQ., Q. hoặc trống.",
    "thay_cho": "Tập thể hoặc người đứng đầu được ký thay.",
    "chuc_vu": "Chức vụ người ký.",
    "ho_ten": "Họ và tên người ký.",
}

THONG_TIN_BAO_CAO = {
    "loai": "Loại báo cáo: thi-dua, kt-xh, nhiem-vu, chung.",
    "ky_bao_cao": "Kỳ báo cáo, ví dụ '6 tháng đầu năm 2026'.",
    "den_ngay": "Ngày cuối của kỳ báo cáo (YYYY-MM-DD).",
    "co_quan_chu_quan": "Cơ quan chủ quản (có thể trống).",
    "co_quan": "Tên cơ quan ban hành.",
    "don_vi": "Tên gọi tắt của đơn vị (ten_goi_tat).",
    "cap": "Cấp của đơn vị: xã, phường, tỉnh...",
    "so": "Số văn bản; null khi là dự thảo.",
    "ky_hieu": "Ký hiệu văn bản, ví dụ 'BC-UBND'.",
    "so_ky_hieu": "Số và ký hiệu, ví dụ '05/BC-UBND'; trống khi là dự thảo.",
    "ngay": "Ngày ban hành (YYYY-MM-DD); null khi dự thảo chưa có ngày.",
    "thang": "Tháng ban hành (YYYY-MM).",
    "trich_yeu": "Trích yếu nội dung.",
    "tep": "Tên tệp báo cáo (YAML).",
}

CHI_TIET = {
    "don_vi": "Tên gọi tắt của đơn vị cấp dưới.",
}

SO_LIEU_XUAT = {
    "ty_le_ke_hoach": "Giá trị / kế hoạch (mặc định) × 100, một chữ số thập phân.",
    "ty_le_theo_ke_hoach": "Tỷ lệ % so với từng kế hoạch có tên.",
    "ty_le_cung_ky": "Giá trị / cùng kỳ × 100, một chữ số thập phân.",
    "chenh_lech": "Giá trị trừ cùng kỳ.",
    "thanh_phan": "Các số liệu thành phần (tổng, trung bình, tỷ lệ) hoặc các đơn vị cấp dưới.",
    "chi_tiet": "Số liệu của từng đơn vị cấp dưới (tong_tu).",
    "nguon": "Nơi có số liệu: tệp:dòng của YAML, hoặc tệp:trang:ô của bảng tính.",
}

TEP_SO_LIEU = {
    "phien_ban": "Phiên bản của định dạng tệp.",
    "so_lieu": "Các số liệu theo tên (như trong so_lieu của báo cáo).",
}
