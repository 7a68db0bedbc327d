"""Messages of the writers: the Word template (its check and its render), the PDF, the HTML preview's banners."""

from __future__ import annotations

# --- the Word template: reading and checking it (writers/docx/template_check.py) ------------------------------

UNREADABLE_TEMPLATE = "Không đọc được tệp mẫu."


RESAVE_TEMPLATE_HINT = "Mở mẫu bằng Word và lưu lại dạng Word Document (.docx)."
TRIAL_VALUE = "Mẫu"  # what a trial render fills each field of the frame with


def missing_styles(names: str) -> str:
    return f"Mẫu thiếu kiểu (style): {names}."


MISSING_STYLES_HINT = "Sửa trên bản sao của mẫu có sẵn (baocao templates copy), đừng xóa các kiểu này."
RETYPE_TAG_HINT = (
    "Xóa cả thẻ rồi gõ lại liền một lần, ví dụ {{ trich_yeu }} (tắt Theo dõi thay đổi, không chèn liên kết vào "
    "giữa thẻ)."
)
BLOCK_HINT = "Mẫu dùng {% if … %} … {% endif %} và {% for … in … %} … {% endfor %}; mỗi khối mở phải có thẻ đóng."


def broken_tag(fragment: str) -> str:
    return (
        f"Thẻ hỏng ở «{fragment}»: thiếu dấu đóng, bị tách sang đoạn hoặc ô khác, hay có dấu cách giữa hai dấu ngoặc."
    )


def split_tag(tag: str) -> str:
    return f"Thẻ {tag} bị tách qua liên kết, trường hoặc phần theo dõi thay đổi nên không hiển thị được."


def tag_syntax(why: str) -> str:
    return f"Thẻ viết sai: {why}."


FIX_TAG_HERE_HINT = "Sửa thẻ ở đoạn này trong Word."


def unmatched_block_tag(word: str) -> str:
    return f"Thẻ {{% {word} %}} không khớp với khối nào đang mở."


def unusable_block_tag(word: str) -> str:
    return f"Thẻ {{% {word} %}} không dùng được trong mẫu."


def unclosed_block(word: str, closing: str) -> str:
    return f"Khối {{% {word} %}} chưa có thẻ đóng {{% {closing} %}}."


def unknown_template_name(name: str) -> str:
    return f"Mẫu dùng tên '{name}' không có."


def usable_names(names: str) -> str:
    return f"Tên dùng được: {names}."


UNKNOWN_FILTER_HINT = "Xóa bộ lọc này hoặc sửa lỗi chính tả."


def no_body_paragraph(body: str) -> str:
    return f"Mẫu không có đoạn {{{{ {body} }}}} (chỗ đặt thân báo cáo)."


def add_body_paragraph(body: str) -> str:
    return f"Thêm một đoạn riêng chỉ gõ {{{{ {body} }}}}, sau trích yếu và trước Nơi nhận."


def body_twice(body: str) -> str:
    return f"Thẻ {{{{ {body} }}}} chỉ được có một lần."


DROP_EXTRA_TAG_HINT = "Xóa thẻ thừa."


def body_not_alone(body: str) -> str:
    return f"Thẻ {{{{ {body} }}}} phải đứng riêng một đoạn của thân văn bản (ngoài bảng, đầu trang, chân trang)."


BODY_ALONE_HINT = "Chuyển thẻ ra một đoạn riêng, không có chữ nào khác."

# --- the Word template rendered (writers/docx/frame.py, writer.py) -------------------------------------------

PART_NAMES = {"document": "thân văn bản", "header": "đầu trang", "footer": "chân trang", "footnotes": "chú thích"}
OTHER_PART = "khác"
RAW_TAG_HINT = (
    "Thẻ {{r …}}, {{p …}}, {{tr …}}, {{tc …}} chỉ dành cho giá trị đã định dạng sẵn; các giá trị của mẫu đều là "
    "chữ: viết {{ ten }}. Thẻ {%p …%}, {%tr …%}, {%tc …%} phải mở và đóng trong cùng một đoạn, bảng."
)


def jinja_syntax(why: str) -> str:
    return f"Mẫu Word có thẻ Jinja viết sai: {why}."


def fix_tag_near(excerpt: str) -> str:
    return f"Sửa thẻ trong Word, gần đoạn: «{excerpt}»."


FIX_TAG_HINT = "Mở mẫu trong Word và sửa thẻ {{ ... }} hoặc {% ... %}."


def template_unknown_name(name: str) -> str:
    return f"Mẫu Word dùng tên '{name}' không có."


def template_cannot_render(why: str) -> str:
    return f"Mẫu Word không hiển thị được. {why}"


TEMPLATE_EXPRESSION_HINT = (
    "Sửa trong Word thẻ {{ ... }} có phép tính, bộ lọc hoặc lời gọi hàm (các giá trị của mẫu đều là chữ)."
)


def part_place(part: str, name: str) -> str:
    return f"Mẫu Word, phần {part} ({name}),"


def part_badly_nested(where: str, near: str) -> str:
    return f"{where} viết ra sai cấu trúc (một thẻ mở ở một đoạn, ô bảng, đóng ở chỗ khác), {near}"


def text_outside_paragraph(where: str, text: str) -> str:
    return f"{where} viết chữ «{text}» ra ngoài đoạn văn (Word sẽ báo tệp hỏng)."


def near_words(words: str) -> str:
    return f"gần chữ «{words}»."


AT_PART_START = "ngay đầu phần."


def template_missing_styles(names: str) -> str:
    return f"Mẫu Word thiếu kiểu (style): {names}."


REMAKE_TEMPLATE_HINT = "Tạo lại mẫu từ mẫu có sẵn: baocao templates copy."
NO_BODY_IN_TEMPLATE = "Mẫu Word không có đoạn {{ noi_dung }} (chỗ đặt thân báo cáo)."
NO_BODY_IN_TEMPLATE_HINT = "Thêm một đoạn chỉ chứa {{ noi_dung }} vào mẫu."

# --- PDF (writers/pdf.py) -------------------------------------------------------------------------------------

INSTALL_LIBREOFFICE_HINT = (
    "Cài LibreOffice rồi chạy lại lệnh: trên Debian/Ubuntu 'sudo apt-get install libreoffice-writer', "
    "trên Windows và macOS tải tại https://www.libreoffice.org/download/."
)
NO_LIBREOFFICE_DOCX_KEPT = "Không tìm thấy LibreOffice nên chưa xuất được PDF (các tệp .docx vẫn được ghi)."
NO_LIBREOFFICE = "Không tìm thấy LibreOffice nên không xuất được PDF."


def pdf_failed(said: str) -> str:
    """LibreOffice's own words, in English, are quoted as its words."""
    return f"LibreOffice không xuất được PDF (LibreOffice báo: «{said}»)." if said else PDF_FAILED


PDF_FAILED = "LibreOffice không xuất được PDF (không rõ lỗi)."
PDF_FAILED_HINT = "Đóng các cửa sổ LibreOffice đang mở rồi thử lại."


def pdf_over_time(seconds: int) -> str:
    return f"chạy quá {seconds} giây"


LIBREOFFICE_STOPPED = "LibreOffice đã dừng"

# --- the HTML preview (writers/html/) -------------------------------------------------------------------------

NO_SCRIPT = "Trình duyệt đang tắt JavaScript: bản xem trước hiện liền một khổ, chú thích ở cuối mỗi phần."
UNTITLED = "Báo cáo"


def last_good_draft(built_at: str) -> str:
    return f"Bên dưới là bản đúng gần nhất (lúc {built_at}); sửa lỗi rồi lưu tệp để cập nhật."


NO_DRAFT_YET = "Chưa có bản nào soạn được; sửa lỗi rồi lưu tệp."

# --- figure files (writers/figures.py) ----------------------------------------------------------------------------

NAME_COLUMN_NOTE = "Tên số liệu, viết thường không dấu (lua_xuan), gọi trong câu văn bằng {{ so_lieu.lua_xuan }}."

# --- signing (writers/sign.py) ------------------------------------------------------------------------------------

CANNOT_OPEN_CERTIFICATE = "Không mở được chứng thư số: sai mật khẩu, hoặc tệp không phải chứng thư dạng .p12/.pfx."


def cannot_open_certificate_hint(variable: str) -> str:
    """`variable`: the environment variable that may hold the password."""
    return (
        f"Gõ lại mật khẩu (hoặc đặt biến môi trường {variable}); xuất lại chứng thư kèm khóa riêng dạng .p12 "
        "từ thiết bị ký số."
    )


def cannot_sign(reason: str) -> str:
    """`reason`: the system's reason in Vietnamese, or the kind of error (a name)."""
    return f"Không ký được tệp PDF ({reason})."


CANNOT_SIGN_HINT = "Kiểm tra tệp PDF mở được, máy chủ dấu thời gian (--tsa) truy cập được."
UNREADABLE_TRUSTED_CERTIFICATE = "Không đọc được chứng thư tin cậy."
UNREADABLE_TRUSTED_CERTIFICATE_HINT = "Dùng tệp chứng thư gốc dạng PEM (.pem, .crt) hoặc DER (.cer)."


def unreadable_pdf(kind: str) -> str:
    """`kind`: the name of the error met."""
    return f"Không đọc được tệp PDF ({kind})."


UNREADABLE_PDF_HINT = "Tệp có thể đã hỏng hoặc không phải PDF."


# --- which template a report uses (writers/docx/templates.py) -------------------------------------------------------

UNIT_ORIGIN = "thư mục đơn vị"  # the places a template is looked for, in order
SHARED_ORIGIN = "thư mục mẫu chung"
BUILTIN_ORIGIN = "mẫu có sẵn"
BY_COMMAND_LINE = " (--thu-muc-mau)"  # after SHARED_ORIGIN: how the shared folder was given
BY_PROFILE = " (thu_muc_mau trong hồ sơ đơn vị)"
BY_MAU = "khóa mau của tệp báo cáo"  # why this template: the report's key, or its kind


def by_kind(kind: str) -> str:
    return f"loại báo cáo '{kind}'"


def template_and_reason(name: str, reason: str) -> str:
    return f"Mẫu '{name}' (theo {reason}), tìm lần lượt:"


USED_HERE = "← dùng tệp này"
SHADOWED = "có, nhưng tệp ở trên được ưu tiên"
NO_SHARED_FOLDER = "  (Không có thư mục mẫu chung: ghi thu_muc_mau trong hồ sơ đơn vị, hoặc dùng --thu-muc-mau.)"


def mau_with_folder(mau: str) -> str:
    return f"Khóa mau chỉ ghi tên mẫu, không ghi thư mục: '{mau}'."


MAU_WITH_FOLDER_HINT = "Đặt tệp mẫu vào thư mục đơn vị hoặc thư mục mẫu chung rồi ghi tên tệp, ví dụ mau: thi-dua-tinh."


def no_shared_folder(origin: str, folder: str) -> str:
    return f"Không có {origin} '{folder}'."


SHARED_FOLDER_HINT = "Ghi đúng đường dẫn (tính từ thư mục của don-vi.yaml), hoặc để trống."


def no_template(file: str) -> str:
    return f"Không tìm thấy mẫu Word '{file}'."


def looked_in(places: str, builtin: str) -> str:
    return f"Đã tìm: {places}. Mẫu có sẵn: {builtin}."


COPY_EXISTS_HINT = "Xóa hoặc đổi tên tệp cũ, hoặc chọn thư mục khác."


def cannot_copy(reason: str) -> str:
    return f"Không chép được mẫu vào thư mục này ({reason})."


def copy_elsewhere(name: str) -> str:
    return f"Chọn thư mục khác, có quyền ghi, ví dụ: baocao templates copy {name} mau/"
