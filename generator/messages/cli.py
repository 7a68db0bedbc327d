"""Messages of the command line: what the commands print (labels coloured by the caller), misuse of options.

The help of the commands is in help.py; the labels Lỗi, Cảnh báo, Ghi chú in common.py.
"""

from __future__ import annotations

# --- shown by every command (cli/app.py) ---------------------------------------------------------------------------


def more_problems(count: int, label: str) -> str:
    """After the first problems shown: how many more (`label`: errors or warnings, in lower case)."""
    return f"… và {count} {label} khác"


SEE_THE_REST = "(sửa các chỗ trên rồi chạy lại để xem tiếp)."
EITHER = " hay "  # between the kinds of file a command writes


def not_of_suffix(output: str, suffixes: str, options: str) -> str:
    """-o names a file no writer of the command writes (`suffixes`, `options`: joined by common.OR)."""
    return f"'{output}' không phải tên tệp {suffixes}: lệnh này chỉ ghi tệp {options}."


def write_instead(options: str) -> str:
    return f"Ghi {options}"


AND_PDF = " (thêm --pdf để có cả tệp PDF)"
OR_A_FOLDER = ", hoặc tên một thư mục (không có đuôi) để ghi kết quả vào đó."


def no_folder(folder: str) -> str:
    return f"không có thư mục '{folder}'."


def no_file(path: str) -> str:
    return f"không có tệp '{path}'."


def folder_not_file(path: str) -> str:
    return f"'{path}' là một thư mục; lệnh này cần một tệp (chỉ build, validate nhận cả thư mục)."


# --- build and validate (cli/build.py, cli/views.py) ---------------------------------------------------------------

BUILT = "Đã soạn"
VALID = "Hợp lệ"
INVALID = "Không hợp lệ"
FIGURES_WRITTEN = "Đã ghi số liệu"
EXPORTING_PDF = "Đang xuất PDF bằng LibreOffice..."


def nothing_written(report: str) -> str:
    return f"Không ghi tệp nào cho {report}"


def took(seconds: str) -> str:
    return f"({seconds} giây)"


def counts(errors: int) -> str:
    """'3 lỗi' of one report (warnings_count follows when there are some)."""
    return f"{errors} lỗi"


def warnings_count(warnings: int) -> str:
    return f", {warnings} cảnh báo"


def exported(kind: str) -> str:
    return f"Đã xuất {kind}"


# What exported() names for each kind of PDF (batch.Job.pdf).
PDF_KINDS = {"pdf": "PDF", "pdfa-2b": "PDF/A-2b", "pdfa-3b": "PDF/A-3b kèm số liệu"}
BUILDING = "Đang soạn"  # the progress bar: Đang soạn ━━━ 3/20 báo cáo
REPORTS = "báo cáo"
SUMMARY = "Tổng hợp"
SUMMARY_COLUMNS = ("Đơn vị", "Báo cáo", "Kết quả", "Cảnh báo", "Tệp kết quả")


def failed(errors: int) -> str:
    return f"Lỗi ({errors})"


def built_count(done: int, total: int) -> str:
    return f"Đã soạn {done}/{total} báo cáo"


def with_pdfs(count: int) -> str:
    return f" (kèm {count} tệp PDF)"


def failed_count(count: int) -> str:
    return f"{count} báo cáo có lỗi"


NOT_WRITTEN = "(không ghi tệp)."

# --- stopped by a signal (cli/views.py) ----------------------------------------------------------------------------

STOPPED = "Đã dừng"


def stopped_because(reason: str) -> str:
    return f"vì {reason}; các tiến trình con (LibreOffice...) và tệp tạm đã được xóa."


def stopped_in_pdf(done: int) -> str:
    return f"Đã soạn {done} tệp .docx; việc xuất PDF bị dừng giữa chừng (không có tệp PDF dở dang)."


def stopped_after(done: int, total: int, left: int) -> str:
    return f"Trước khi dừng đã soạn {done}/{total} báo cáo; {left} báo cáo chưa soạn."


# --- check (cli/check.py, cli/views.py) ----------------------------------------------------------------------------

OUTPUT_ONLY_TO_FIX = "-o chỉ dùng cùng --sua hoặc --ghi-chu."
OUTPUT_FOR_ONE = "-o chỉ dùng khi sửa hoặc ghi chú một tệp."
JSON_NOT_TO_FIX = "--json không dùng cùng --sua hoặc --ghi-chu."
WRITTEN = "Đã ghi"


def comments_written(count: int) -> str:
    return f"{count} ghi chú (comment) ở các lỗi."


FINDINGS_COLUMNS = ("Mức độ", "Mã", "Vị trí", "Nội dung", "Căn cứ")
PASSED = "Đạt:"
NO_FINDINGS = "không có lỗi hay cảnh báo thể thức."


def check_counts(errors: int, warnings: int) -> str:
    return f"{errors} lỗi, {warnings} cảnh báo."


FIXED = "Đã sửa"


def changes(count: int) -> str:
    return f"{count} thay đổi."


def left_to_people(count: int) -> str:
    return (
        f"Còn {count} lỗi, cảnh báo chương trình không tự sửa (có thể làm đổi nội dung); "
        "người soạn sửa theo bảng dưới đây."
    )


# --- init, next, import, schema (cli/scaffold.py, cli/schema.py) -----------------------------------------------------


def no_kind(kind: str, kinds: str) -> str:
    return f"không có loại '{kind}'; chọn một trong: {kinds}."


def kept(path: str) -> str:
    return f"Giữ nguyên {path} (đã có)."


WROTE = "Đã viết"
AND_EMPTY_CELLS = " và ô để trống của bảng tính"


def values_to_fill(count: int, mark: str, cells: str) -> str:
    """After `next`: how many values are left to fill (`mark`: input.TO_FILL; `cells`: AND_EMPTY_CELLS or empty)."""
    return (
        f"Còn {count} giá trị cần điền (dòng có chú thích '{mark}'{cells}); "
        "'baocao validate' báo từng chỗ cho đến khi điền xong:"
    )


# --- templates (cli/templates.py) ------------------------------------------------------------------------------------


def template_nowhere(name: str) -> str:
    return f"Không tìm thấy mẫu '{name}' ở chỗ nào."


def no_builtin(name: str, names: str) -> str:
    return f"không có mẫu '{name}'; các mẫu có sẵn: {names}."


COPIED = "Đã chép"


def edit_copy(target: str) -> str:
    return (
        f"Sửa trong Word, giữ nguyên các thẻ {{{{ ... }}}} và {{% ... %}}; "
        f"kiểm tra bằng: baocao templates check {target}"
    )


TEMPLATE_USABLE = "Mẫu dùng được"

# --- usage errors (cli/main.py) ------------------------------------------------------------------------------------

MISSING = {  # a required argument left out, by its name; other commands: report files
    "documents": "Thiếu tên tệp Word (.docx).",
    "pdf": "Thiếu tên tệp PDF.",
    "folder": "Thiếu tên thư mục.",
    "kind": "Thiếu --loai (loại báo cáo: thi-dua, kt-xh, nhiem-vu, chung).",
    "period": 'Thiếu --ky (kỳ báo cáo mới, ví dụ "6 tháng đầu năm 2027").',
    "name": "Thiếu tên mẫu (bao-cao, thi-dua, kt-xh, nhiem-vu, chung).",
    "template": "Thiếu tên tệp mẫu Word (.docx).",
}
MISSING_REPORT = "Thiếu tên tệp báo cáo (.yaml)."
TYPER_SAYS = {  # typer's own English messages, by what they say (cli/main.py matches them); \\1: the name or value
    "integer": "cần một số nguyên.",
    "at_least": r"cần một số lớn hơn hoặc bằng \1.",
    "no_command": r"Không có lệnh '\1'.",
    "extra": r"Thừa tham số: \1.",
    "needs_value": r"Tùy chọn '\1' cần một giá trị ngay sau nó.",
    "no_value": r"Tùy chọn '\1' không nhận giá trị; chỉ gõ '\1'.",
}


def invalid_option(option: str, reason: str) -> str:
    return f"Tham số '{option}' không hợp lệ: {reason}"


def no_such_option(option: str) -> str:
    return f"Không có tùy chọn '{option}'."


def invalid_parameter(name: str, reason: str) -> str:
    """`name`: as typer shows it (quoted already when it is an option)."""
    return f"Tham số {name} không hợp lệ: {reason}"


def mistyped(said: str) -> str:
    """`said`: typer's own words, when they are none of TYPER_SAYS."""
    return f"Lệnh gõ chưa đúng ({said})."


SEE_HELP = "Gõ 'baocao --help' để xem hướng dẫn."
PROGRAM_FAULT = "Lỗi trong chương trình baocao"


def not_your_files(error: str) -> str:
    """After PROGRAM_FAULT; `error`: the exception's class and text (for the maintainer)."""
    return f"(không phải do tệp của bạn): {error}"


PROGRAM_FAULT_HINT = "Hãy gửi báo lỗi kèm tệp báo cáo; chạy lại với BAOCAO_DEBUG=1 để xem chi tiết."

# --- preview and watch (cli/preview.py) ----------------------------------------------------------------------------

PREVIEW_WRITTEN = "Đã viết bản xem trước"
OPEN_IN_BROWSER = "(mở bằng trình duyệt)"


def port_busy(port: int, reason: str) -> str:
    return f"Không mở được cổng {port} trên 127.0.0.1 ({reason})."


def port_busy_hint(other: int) -> str:
    return f"Có thể một lệnh baocao watch khác đang chạy; chọn cổng khác, ví dụ --port {other}."


UPDATED = "Đã cập nhật"


def updated(files: str, seconds: str) -> str:
    """After UPDATED; `files`: the .docx (and PDF) written."""
    return f"bản xem trước, {files} ({seconds} giây)"


def preview_at(url: str) -> str:
    """`url`: already marked up (bold) by the caller."""
    return f"Bản xem trước: {url} — sửa và lưu tệp để cập nhật; Ctrl-C để dừng."


WATCH_STOPPED = "Đã dừng xem trước."

# --- sign (cli/sign.py) --------------------------------------------------------------------------------------------

NEED_P12 = "cần --p12 CHUNG-THU.p12 để ký (hoặc --kiem-tra để kiểm tra chữ ký)."
PASSWORD_PROMPT = "Mật khẩu chứng thư số"
NO_SIGNATURE_BLOCK = (
    "Không thấy khối chữ ký (Nơi nhận, chức vụ, họ tên) trong tệp PDF; khung chữ ký được đặt ở góc dưới bên "
    "phải trang cuối."
)
SIGNED = "Đã ký"


def on_page(number: int) -> str:
    return f"(trang {number})."


NO_SIGNATURES = "tệp không có chữ ký số nào."
UNKNOWN_TIME = "không rõ"
YES, NO = "có", "không"
UNTRUSTED = "không (chứng thư không do nơi cấp tin cậy cấp)"
TRUST_NOT_CHECKED = "chưa kiểm tra (thêm --tin-cay CA.pem)"
NOT_WHOLE_FILE = "không (tệp bị thêm nội dung sau khi ký)"
TIMESTAMPED = "; có dấu thời gian"


def signature_line(number: int, signer: str, when: str, intact: str, valid: str, whole: str, trust: str) -> str:
    """One signature checked (after VALID or INVALID); the yes/no parts are YES, NO or their longer forms."""
    return (
        f"chữ ký {number}: người ký {signer}, lúc {when}; nguyên vẹn: {intact}; đúng chữ ký: {valid}; "
        f"phủ toàn bộ tệp: {whole}; tin cậy: {trust}"
    )
