"""Messages of the checker about the frame: header grid, Quốc hiệu and Tiêu ngữ, số and ký hiệu, date line,
Nơi nhận, the signer's block and the closing mark."""

from __future__ import annotations

# --- header grid (nd30/frame.py) ----------------------------------------------------------------------------------

BOLD = "in đậm"
ITALIC = "in nghiêng"


_GRID = "trái là tên cơ quan và số, ký hiệu; phải là Quốc hiệu, Tiêu ngữ, địa danh và ngày tháng"


def no_quoc_hieu(quoc_hieu: str) -> str:
    return f"Không thấy Quốc hiệu «{quoc_hieu}». Đầu trang đầu phải có bảng 2 cột không viền: {_GRID}."


QUOC_HIEU_NOT_IN_TABLE = (
    "Quốc hiệu nằm trong đoạn văn thường (căn bằng dấu tab hoặc dấu cách), không nằm trong bảng. "
    f"Dùng bảng 2 cột không viền: {_GRID}."
)
QUOC_HIEU_NOT_BOLD = "Quốc hiệu phải in đậm."


def quoc_hieu_written(written: str, quoc_hieu: str) -> str:
    return f"Quốc hiệu viết «{written}»; phải là «{quoc_hieu}» (đủ dấu thanh, dấu mũ)."


HEADER_NOT_FIRST = "Bảng Quốc hiệu phải ở trên cùng trang đầu, trước mọi nội dung khác."


def header_columns(columns: int) -> str:
    return (
        f"Bảng Quốc hiệu có {columns} cột; phải là bảng 2 cột (trái: tên cơ quan, "
        "số, ký hiệu; phải: Quốc hiệu, Tiêu ngữ, địa danh và ngày tháng)."
    )


HEADER_BORDERS = (
    "Bảng Quốc hiệu đang hiện đường viền; chọn bảng rồi bỏ viền (Đường viền > Không viền, Borders > No Border)."
)
NUMBER_OUTSIDE_HEADER = "Dòng «Số: …» nằm ngoài bảng Quốc hiệu; đặt nó ở cột trái, dưới tên cơ quan ban hành."


def no_motto(motto: str) -> str:
    return f"Không thấy Tiêu ngữ «{motto}» ngay dưới Quốc hiệu."


def motto_written(written: str, motto: str) -> str:
    return (
        f"Tiêu ngữ viết «{written}»; phải là «{motto}» (gạch nối «-» có dấu "
        "cách hai bên, không dùng gạch dài «–», viết hoa chữ đầu mỗi cụm)."
    )


MOTTO_NOT_BOLD = "Tiêu ngữ phải in đậm."

# --- số, ký hiệu (nd30/frame.py) ----------------------------------------------------------------------------------

NO_NUMBER_LINE = (
    "Không thấy dòng số, ký hiệu đúng mẫu «Số: 05/BC-UBND» (dự thảo: "
    "«Số:      /BC-UBND»); đặt ở cột trái bảng Quốc hiệu, dưới tên cơ quan."
)


def number_below_one(so: str) -> str:
    return f"Số văn bản «{so}» không hợp lệ; số văn bản bắt đầu từ 01."


def number_padding(so: str, expected: str) -> str:
    return f"Số văn bản viết «{so}», phải là «{expected}» (số dưới 10 thêm số 0 ở trước; từ 10 trở lên không thêm)."


def sign_incomplete(sign: str) -> str:
    return (
        f"Ký hiệu «{sign}» chưa đủ: sau dấu «/» là chữ viết tắt tên loại và tên "
        "cơ quan nối bằng «-» (ví dụ «BC-UBND»; công văn: «UBND-VP»)."
    )


def sign_kind(sign: str, abbreviation: str, name: str) -> str:
    return (
        f"Ký hiệu «{sign}» phải bắt đầu bằng «{abbreviation}», chữ viết tắt của "
        f"tên loại «{name}» (ví dụ «{abbreviation}-UBND»)."
    )


# --- place and date (nd30/frame.py) -------------------------------------------------------------------------------


def bad_month(month: str) -> str:
    return f"Tháng «{month}» không hợp lệ; tháng phải từ 1 đến 12."


def no_such_day(day: str, month: str, year: str) -> str:
    return f"Ngày {day} tháng {month} năm {year} không có trong lịch."


def day_padding(day: str, padded: str) -> str:
    return f"Viết «ngày {day}», phải là «ngày {padded}» (ngày dưới 10 thêm số 0 ở trước)."


def month_padding(month: str, padded: str) -> str:
    return (
        f"Viết «tháng {month}», phải là «tháng {padded}» (chỉ tháng 1 và tháng 2 thêm số 0: "
        "«tháng 01», «tháng 02»; các tháng khác không thêm)."
    )


NO_DATE_LINE = (
    "Không thấy dòng địa danh và ngày tháng (ví dụ «Tân Hòa, ngày 05 tháng 6 "
    "năm 2026»); đặt ở cột phải bảng Quốc hiệu, dưới Tiêu ngữ."
)
DATE_LINE_NOT_ITALIC = "Dòng địa danh và ngày tháng phải in nghiêng."


# --- Nơi nhận, the signer, the closing mark (nd30/closing.py) -----------------------------------------------------

LAST_NOT_ARCHIVE = "Dòng cuối của nơi nhận phải là «- Lưu: VT, …» (văn thư và đơn vị soạn thảo)."
NO_BULLET = "Mỗi dòng nơi nhận bắt đầu bằng gạch đầu dòng «- » (gạch nối và một dấu cách)."
ARCHIVE_END = "Dòng «- Lưu: …» phải kết thúc bằng dấu chấm «.»."
LINE_END = "Mỗi dòng nơi nhận (trừ dòng cuối «- Lưu: …») phải kết thúc bằng dấu chấm phẩy «;»."


def write_line(line: str) -> str:
    return f"Viết «{line}» (dấu hai chấm sau «Lưu», không thừa dấu)."


NO_RECIPIENTS = "Không thấy «Nơi nhận:»; đặt ở cột trái bảng cuối văn bản, ngang hàng với chức vụ người ký."


def write_head(head: str, written: str) -> str:
    return f"Viết «{head}» (có dấu hai chấm) trên một dòng riêng, không viết «{written}»."


def head_emphasis(head: str, missing: str) -> str:
    return f"«{head}» phải in đậm và in nghiêng (đang chưa {missing})."


NO_RECIPIENT_LINES = "Dưới «Nơi nhận:» chưa có dòng nào; mỗi nơi nhận một dòng «- …;», dòng cuối «- Lưu: VT, …»."
NO_SIGNATURE = (
    "Không thấy khối chữ ký (quyền hạn, chức vụ, họ tên người ký) ngang hàng với «Nơi "
    "nhận:»; đặt ở cột phải bảng cuối văn bản."
)


def no_signer_name(last: str) -> str:
    return (
        f"Khối chữ ký chưa có họ tên người ký: dòng cuối «{last}» là chức vụ. Ghi họ tên người ký (in đậm) dưới chỗ ký."
    )


def signer_placeholder(name: str) -> str:
    return f"Họ tên người ký còn là chỗ giữ chỗ «{name}»; ghi họ tên thật của người ký."


def not_closed(ending: str) -> str:
    return (
        f"Đoạn cuối của phần nội dung (trước Nơi nhận và chữ ký) kết thúc bằng «…{ending}», "
        "chưa đúng dấu «./.»; viết «./.» liền sau chữ cuối."
    )
