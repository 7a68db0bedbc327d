"""Messages about files: reading, writing, sizes and budgets (errors, write, limits, interrupts)."""

from __future__ import annotations

UNKNOWN_FILE = "<không rõ tệp>"

OS_REASONS = {
    "ENAMETOOLONG": "tên tệp hoặc đường dẫn quá dài",
    "ENOENT": "không có tệp hoặc thư mục này",
    "EACCES": "không có quyền",
    "EPERM": "không có quyền",
    "ENOTDIR": "một phần của đường dẫn là tệp, không phải thư mục",
    "EISDIR": "đây là thư mục, không phải tệp",
    "EEXIST": "đã có tệp hoặc thư mục trùng tên",
    "ENOSPC": "ổ đĩa đã đầy",
    "EROFS": "ổ đĩa chỉ cho đọc",
    "ELOOP": "liên kết tượng trưng trỏ vòng quanh",
    "EBUSY": "tệp đang được chương trình khác dùng",
    "EINVAL": "tên tệp có ký tự không dùng được",
}  # why the system refused a file, by errno name; another reason is told in the system's own words


def did_you_mean(name: str) -> str:
    return f"Có phải bạn muốn viết '{name}'?"


UNKNOWN_NAME_HINT = "Khai báo tên này trước khi dùng, hoặc sửa lỗi chính tả."


# --- reading and writing -----------------------------------------------------------


def cannot_read_or_write(reason: str) -> str:
    return f"Không đọc, ghi được tệp ({reason})."


READ_OR_WRITE_HINT = "Kiểm tra đường dẫn, tên tệp và quyền đọc, ghi."


def cannot_read(reason: str) -> str:
    return f"Không đọc được tệp ({reason})."


READ_HINT = "Kiểm tra đường dẫn và quyền đọc."


def cannot_write(reason: str) -> str:
    return f"Không ghi được tệp ({reason})."


WRITE_HINT = "Đóng tệp nếu đang mở trong Word, kiểm tra quyền ghi thư mục."

NOT_A_FILE = {
    "dir": "một thư mục",
    "link": "một liên kết (symlink)",
    "fifo": "một ống dẫn (fifo)",
    "device": "một tệp thiết bị",
    "socket": "một socket",
}  # what stands where an output file should go


def not_replaceable(name: str, kind: str) -> str:
    return f"Không ghi đè được: '{name}' ở đây là {kind}, không phải tệp thường."


NOT_REPLACEABLE_HINT = "Chọn tên tệp kết quả khác (-o), hoặc đổi tên, chuyển chỗ khác cái đang có tên đó."

# --- budgets (limits.py) -----------------------------------------------------------


def over_time(seconds: float) -> str:
    return f"chạy quá {seconds:g} giây".replace(".", ",")


def too_many_turns(turns: int) -> str:
    return f"vòng lặp chạy quá {turns:,} lần".replace(",", ".")


# --- a .docx read (limits.py) ------------------------------------------------------

UNREADABLE_DOCX_HINT = "Mở tệp bằng Word rồi lưu lại dạng Word Document (.docx)."


def broken_docx_part(part: str, line: int, column: int) -> str:
    return f"Tệp Word bị hỏng: phần '{part}' không đọc được (dòng {line}, cột {column})."


BROKEN_DOCX_HINT = "Mở tệp bằng Word (Word sẽ hỏi có sửa không: chọn Có) rồi lưu lại dạng .docx."


def docx_too_big(why: str) -> str:
    return f"Tệp Word quá lớn để đọc: {why}"


DOCX_TOO_BIG_HINT = (
    "Tệp bị lỗi hoặc cố ý làm quá lớn (zip bomb); báo cáo thật nhỏ hơn nhiều. Tách tệp hoặc nén lại ảnh trong Word."
)


def file_megabytes(size: int, limit: int) -> str:
    return f"Tệp nặng {size} MB, quá giới hạn {limit} MB."


def too_many_parts(parts: int, limit: int) -> str:
    return f"Tệp có {parts} phần bên trong, quá giới hạn {limit}."


def unpacks_to(size: int, limit: int) -> str:
    return f"Giải nén ra {size} MB, quá giới hạn {limit} MB."


def part_unpacks_over(part: str, limit: int) -> str:
    return f"Phần '{part}' giải nén ra quá {limit} MB."


def too_many_items(limit: int) -> str:
    limit_text = f"{limit:,}".replace(",", ".")
    return f"Tệp có hơn {limit_text} đoạn văn, đoạn chữ và ô bảng (kể cả lồng trong nhau)."


# --- signals (interrupts.py) ------------------------------------------------------

SIGNAL_REASONS = {
    "SIGINT": "Ctrl-C",
    "SIGTERM": "lệnh dừng (SIGTERM)",
    "SIGHUP": "cửa sổ dòng lệnh bị đóng (SIGHUP)",
    "SIGBREAK": "Ctrl-Break",
}


def other_signal(number: int) -> str:
    return f"tín hiệu {number}"


# --- folders of units (units.py) --------------------------------------------------


def unreadable_folder(reason: str) -> str:
    return f"Không đọc được thư mục ({reason}): báo cáo trong đó không được soạn."


UNREADABLE_FOLDER_HINT = "Kiểm tra quyền đọc thư mục."


def folder_linked(other: str) -> str:
    return f"Thư mục này là liên kết tới '{other}' (đọc ở đó): bỏ qua để không soạn hai lần."


FOLDER_LINKED_HINT = "Xóa liên kết nếu không cần."
BROKEN_LINK = "Liên kết hỏng (trỏ tới chỗ không có): bỏ qua."
BROKEN_LINK_HINT = "Sửa hoặc xóa liên kết."
