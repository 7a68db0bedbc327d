"""Help of the command line (`baocao --help`, `baocao LỆNH --help`): what each command and option says.

A command's help is its first line in the list of commands (`baocao --help`); a blank line ends that first part.
"""

from __future__ import annotations

# --- typer's own words, in Vietnamese (cli/app.py) -------------------------------------------------------------

HELP_OPTION = "Hiện hướng dẫn này rồi thoát."
USAGE = "Cách dùng: "
OPTIONS = "[TÙY CHỌN]"  # in a usage line, where the options go
COMMAND = "LỆNH [THAM SỐ]..."  # in a usage line, where a group's command goes
PANELS = {  # typer.rich_utils' name → what it shows
    "ARGUMENTS_PANEL_TITLE": "Tham số",
    "OPTIONS_PANEL_TITLE": "Tùy chọn",
    "COMMANDS_PANEL_TITLE": "Lệnh",
    "ERRORS_PANEL_TITLE": "Lỗi",
    "REQUIRED_LONG_STRING": "[bắt buộc]",
    "DEFAULT_STRING": "[mặc định: {}]",
    "RICH_HELP": "Gõ [blue]'{command_path} {help_option}'[/] để xem hướng dẫn.",
}

# --- the program, and what several commands take (cli/app.py) --------------------------------------------------

BAOCAO = "baocao: soạn dự thảo báo cáo hành chính theo Nghị định 30/2020/NĐ-CP từ tệp YAML."
REPORT_FILES = "Tệp báo cáo .yaml, hoặc thư mục: mọi báo cáo trong các thư mục đơn vị (có don-vi.yaml) bên trong."
ONE_REPORT = "Tệp báo cáo .yaml."
TEMPLATE_FOLDER = (
    "Thư mục mẫu Word dùng chung (ví dụ của tỉnh), thay cho thu_muc_mau của hồ sơ đơn "
    "vị; mẫu trong thư mục đơn vị vẫn được ưu tiên."
)
STRICT = (
    'Coi các cảnh báo về chỗ gõ nhầm (số viết kiểu tiếng Anh, "91,1 %", "%%", chỗ (...) '
    "của bản nháp chưa thay) là lỗi: "
    "có thì không ghi tệp, mã thoát 1."
)
PERIOD = 'Kỳ báo cáo, ví dụ "6 tháng đầu năm 2026", "quý II năm 2026", "năm 2026".'

# --- build and validate (cli/build.py) ---------------------------------------------------------------------------

BUILD = "Soạn tệp Word (.docx) từ tệp báo cáo YAML, hoặc mọi báo cáo trong các thư mục đơn vị."
BUILD_OUTPUT = "Tệp .docx kết quả khi soạn một báo cáo, hoặc thư mục kết quả thay cho output/."
JOBS = "Số báo cáo soạn cùng lúc (mặc định: số nhân CPU)."
PDF = "Xuất thêm tệp PDF cạnh mỗi tệp .docx (cần LibreOffice)."
PDFA = "PDF theo chuẩn lưu trữ PDF/A-2b (nhúng phông chữ), dùng để ký số và lưu trữ; kèm theo --pdf."
TIME_LIMIT = (
    "Mỗi báo cáo được soạn trong tối đa GIAY giây (0: không giới hạn); quá thì báo cáo đó bị dừng, "
    "báo lỗi, các báo cáo khác vẫn được soạn."
)
FIGURE_FILES = "Ghi thêm tệp số liệu cạnh mỗi tệp .docx: <tên>-so-lieu.xlsx và <tên>-so-lieu.json (như lệnh figures)."
ATTACH_FIGURES = (
    "Xuất PDF/A-3 (thay cho PDF/A-2b) có đính kèm tệp số liệu JSON của báo cáo (như lệnh figures), "
    "để hệ thống báo cáo lấy số liệu ngay từ tệp PDF đã ký; kèm theo --pdfa và --so-lieu."
)
VALIDATE = "Kiểm tra tệp báo cáo (mọi bước trừ ghi tệp)."

# --- figures (cli/figures.py) --------------------------------------------------------------------------------------

FIGURES = "Xuất mọi số liệu của báo cáo (giá trị, tỷ lệ so với kế hoạch và cùng kỳ, tổng và thành phần, nguồn)."
FIGURES_OUTPUT = (
    "Tệp kết quả: .xlsx (bảng tính, đọc lại được bằng so_lieu_tu) hoặc .json (cho hệ thống báo cáo); "
    "mặc định: output/<tên báo cáo>-so-lieu.xlsx."
)

# --- check (cli/check.py) ------------------------------------------------------------------------------------------

CHECK = (
    "Kiểm tra thể thức tệp Word (.docx) theo Nghị định 30/2020/NĐ-CP.\n\n"
    "--sua sửa lỗi an toàn, --ghi-chu ghi chú từng lỗi."
)
CHECKED_FILES = "Tệp Word .docx."
JSON = "Chỉ in kết quả dạng JSON (cho chương trình khác đọc)."
RULES = "In bảng các quy tắc được kiểm tra (mã, căn cứ, mức độ, có tự sửa được không) rồi thoát."
FIX = (
    "Ghi bản đã sửa những lỗi sửa được an toàn (khổ giấy, lề, phông, cỡ chữ, màu chữ, "
    "số 0 của ngày tháng, dấu của Nơi nhận, dấu ./., cách viết số), kiểm tra lại bản "
    "đó và liệt kê từng thay đổi; không sửa nội dung."
)
COMMENTS = "Ghi bản có ghi chú (comment) của Word ở từng lỗi, cho người duyệt."
CHECK_OUTPUT = (
    "Tệp ghi ra khi dùng --sua hoặc --ghi-chu với một tệp (mặc định: TEP-da-sua.docx, TEP-ghi-chu.docx cạnh tệp gốc)."
)

# --- init, next, import (cli/scaffold.py) --------------------------------------------------------------------------

INIT = "Tạo hồ sơ đơn vị và một tệp báo cáo có chú thích từng khóa, soạn được ngay."
UNIT_FOLDER = "Thư mục của đơn vị (tạo mới nếu chưa có)."
KIND = "Loại báo cáo: thi-dua, kt-xh, nhiem-vu, chung."
FIRST_PERIOD = "Kỳ báo cáo (mặc định: 6 tháng đầu năm nay; từ tháng 7: năm nay)."
WORKBOOK = "Ghi thêm bảng tính số liệu so-lieu-<kỳ>.xlsx (mỗi dòng một số liệu) mà báo cáo lấy số liệu từ đó."
NEXT = "Viết tệp báo cáo kỳ sau từ báo cáo này: cùng đề cương và số liệu, giá trị kỳ mới để trống."
NEXT_OUTPUT = "Tệp .yaml mới (mặc định: <loại>-<kỳ>.yaml cạnh tệp báo cáo)."
IMPORT = "Đọc báo cáo Word đã có thành hồ sơ đơn vị và tệp báo cáo YAML (soạn lại được bằng build)."
IMPORTED_FILE = "Tệp Word của báo cáo (.docx; .doc cũ cần LibreOffice)."
IMPORT_OUTPUT = "Thư mục đơn vị ghi kết quả (tạo mới nếu chưa có; mặc định: thư mục hiện tại)."
IMPORT_FIGURES = (
    "Tách số liệu trong câu văn (số có đơn vị, tỷ lệ so với kế hoạch, cùng kỳ) thành so_lieu; "
    "câu soạn lại vẫn giống hệt bản gốc."
)

# --- schema (cli/schema.py) ----------------------------------------------------------------------------------------

SCHEMA = (
    "Ghi lược đồ JSON (JSON Schema) của hồ sơ đơn vị và tệp báo cáo (để VS Code gợi ý và báo lỗi khi gõ), và\n"
    "của tệp số liệu JSON do lệnh figures ghi (để hệ thống báo cáo kiểm tra)."
)
SCHEMA_FOLDER = "Thư mục ghi lược đồ (mặc định: schema)."

# --- templates (cli/templates.py) ----------------------------------------------------------------------------------

TEMPLATES = "Mẫu Word: mẫu nào được dùng, chép mẫu có sẵn để sửa, kiểm tra mẫu."
TEMPLATES_LIST = "Cho biết báo cáo dùng tệp mẫu nào, và vì sao."
TEMPLATES_COPY = "Chép một mẫu có sẵn thành TEN.docx để sửa trong Word (không ghi đè tệp đã có)."
BUILTIN_NAME = "Tên mẫu có sẵn: bao-cao, hoặc tên loại báo cáo (thi-dua, kt-xh, nhiem-vu, chung)."
COPY_FOLDER = "Thư mục chép đến (mặc định: thư mục hiện tại)."
TEMPLATES_CHECK = (
    "Kiểm tra một mẫu Word trước khi soạn: thẻ hỏng, tên không có, kiểu (style) thiếu, đoạn {{ noi_dung }}."
)
TEMPLATE_FILE = "Tệp mẫu Word .docx."

# --- preview and watch (cli/preview.py) ----------------------------------------------------------------------------

PREVIEW = "Viết bản xem trước của báo cáo: một trang HTML mở bằng trình duyệt, chia trang A4 như bản Word."
PREVIEW_OUTPUT = "Tệp .html kết quả (mặc định: output/<tên báo cáo>.html)."
WATCH = (
    "Xem trước trong trình duyệt khi đang soạn: tự cập nhật mỗi khi lưu tệp báo cáo, hồ sơ đơn vị hoặc mẫu Word,\n"
    "ghi lại tệp .docx mỗi lần. Ctrl-C để dừng."
)
PORT = "Cổng trên 127.0.0.1 (0: một cổng trống bất kỳ)."
NO_BROWSER = "Không tự mở trình duyệt."
WATCH_PDF = "Mỗi lần lưu, xuất lại cả tệp PDF (cần LibreOffice)."
WATCH_OUTPUT = "Tệp .docx ghi lại mỗi lần lưu, hoặc thư mục (mặc định: output/<tên báo cáo>.docx)."

# --- sign (cli/sign.py) --------------------------------------------------------------------------------------------

SIGN = (
    "Ký số tệp PDF của báo cáo (PAdES), khung chữ ký hiện ở chỗ ký của người có thẩm quyền.\n\n"
    "--kiem-tra để kiểm tra chữ ký."
)
SIGNED_FILE = "Tệp PDF cần ký (nên là PDF/A: baocao build --pdfa), hoặc tệp đã ký khi dùng --kiem-tra."
P12 = "Chứng thư số kèm khóa riêng (.p12, .pfx). Mật khẩu: gõ khi được hỏi, hoặc đặt biến môi trường BAOCAO_MAT_KHAU."
SIGN_OUTPUT = "Tệp PDF đã ký (mặc định: TEP-da-ky.pdf cạnh tệp gốc)."
TSA = "Máy chủ dấu thời gian (RFC 3161) gắn thời gian tin cậy vào chữ ký."
VERIFY = "Kiểm tra các chữ ký số của tệp PDF thay vì ký."
TRUST = "Chứng thư gốc tin cậy khi kiểm tra (PEM hoặc DER; dùng nhiều lần được)."
