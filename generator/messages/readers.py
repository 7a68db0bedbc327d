"""Messages of the readers stage: `baocao import` (readers/docx/)."""

from __future__ import annotations

# --- tables read back (readers/docx/table_kinds.py) ------------------------------------------------------------

KEPT = "giữ số đã ghi, cần xem lại."


def rate_disagrees(column: str, written: str, part: str, base: str, computed: str) -> str:
    """A cell of a rate column that is not the rate of its two columns."""
    return _disagrees(column, written, "tỷ lệ", part, base, computed)


def difference_disagrees(column: str, written: str, part: str, base: str, computed: str) -> str:
    """A cell of a difference column that is not the difference of its two columns."""
    return _disagrees(column, written, "hiệu", part, base, computed)


def _disagrees(column: str, written: str, what: str, part: str, base: str, computed: str) -> str:
    return f"cột «{column}» ghi «{written}» nhưng {what} của «{part}» và «{base}» là «{computed or 'trống'}»; {KEPT}"


def total_disagrees(column: str, written: str, computed: str) -> str:
    """A typed total that is not the sum of the rows."""
    return f"dòng Tổng cộng, cột «{column}» ghi «{written}» nhưng cộng các dòng được «{computed}»; {KEPT}"


# --- tables read back (readers/docx/tables.py) ----------------------------------------------------------------

MERGED_ROW_CELLS = "Bảng có ô gộp trong các dòng: nội dung ô gộp ghi vào ô đầu, các ô còn lại để trống; cần xem lại."


# --- appendices read back (readers/docx/api.py) --------------------------------------------------------------

APPENDIX_EMPTY = "Phụ lục không có bảng, biểu đồ; chưa nhập được phần này."
APPENDIX_TABLES = "Phụ lục có nhiều bảng; chỉ nhập bảng đầu tiên (các biểu đồ đều được nhập)."


# --- charts read back (readers/docx/outline.py, charts.py) -----------------------------------------------------

UNREAD_CHART = (
    "Đoạn có biểu đồ không đọc được số liệu (không phải biểu đồ cột, thanh, đường, tròn); chưa nhập biểu đồ này."
)


# --- opening the file (readers/docx/package.py) ----------------------------------------------------------------

RESAVE_HINT = "Mở tệp bằng Word hoặc LibreOffice, lưu lại dạng .docx rồi nhập lại."
NO_SUCH_FILE = "Không có tệp này."
NO_SUCH_FILE_HINT = "Kiểm tra tên và đường dẫn tệp."
PASSWORD = "Tệp Word có đặt mật khẩu, không đọc được."
PASSWORD_HINT = "Mở tệp bằng Word, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ tài liệu), lưu lại rồi nhập lại."
NOT_WORD = "Tệp không phải tệp Word (.docx hoặc .doc), hoặc đã hỏng."
DAMAGED_DOCX = "Không đọc được tệp Word: tệp đã hỏng hoặc không phải dạng .docx."
NO_DOCUMENT_PART = "Tệp nén này không phải tệp Word (thiếu word/document.xml)."
DOC_NEEDS_SOFFICE = "Tệp .doc (Word cũ) cần LibreOffice để đọc, nhưng máy chưa cài LibreOffice."
DOC_NEEDS_SOFFICE_HINT = (
    "Cài LibreOffice (Debian/Ubuntu: sudo apt-get install libreoffice-writer), hoặc lưu tệp thành .docx bằng Word."
)
UNKNOWN_ERROR = "không rõ lỗi"


def doc_not_converted(said: str) -> str:
    """LibreOffice's own words, quoted as its words."""
    return f"LibreOffice không chuyển được tệp .doc ({said})."


DOC_UNREADABLE = (
    "Tệp .doc không đọc được (LibreOffice không chuyển được: tệp hỏng, có mật khẩu hoặc không phải tệp Word)."
)
CONVERTED_UNREADABLE = "Tệp .doc đã chuyển nhưng không đọc được."

# --- the report as a whole (readers/docx/api.py) ---------------------------------------------------------------

NO_REPORT = "Không thấy cấu trúc BÁO CÁO trong tệp (không có dòng tên loại 'BÁO CÁO' sau phần đầu văn bản)."
NO_REPORT_HINT = "Chỉ nhập được báo cáo theo thể thức Nghị định 30; kiểm tra lại tệp."


def level_guessed(level: str) -> str:
    return f"Không rõ cấp hành chính của cơ quan ban hành; ghi tạm '{level}', cần xem lại 'cap'."


REPORT_EXISTS_HINT = "Xóa hoặc đổi tên tệp cũ, hoặc nhập vào thư mục khác (-o)."


def period_read(label: str) -> str:
    return f"Kỳ báo cáo: {label} (đọc từ trích yếu)."


def period_guessed(label: str) -> str:
    return f"Trích yếu không nêu kỳ báo cáo; ghi tạm '{label}', cần sửa 'ky_bao_cao'."


def kind_read(kind: str, reason: str) -> str:
    return f"Loại báo cáo: {kind} ({reason})."


KIND_REASONS = {  # kind -> why the trích yếu tells it
    "thi-dua": "trích yếu nói về thi đua, khen thưởng",
    "kt-xh": "trích yếu nói về tình hình kinh tế - xã hội",
    "nhiem-vu": "trích yếu nói về các nhiệm vụ trọng tâm",
}
GENERAL_KIND = "Loại báo cáo: chung (trích yếu không thuộc loại có sẵn nào)."
NO_CLOSING = "Không thấy câu kết (kết thúc bằng './.')."


def profile_kept(name: str) -> str:
    return f"Giữ nguyên hồ sơ đơn vị {name}"


def profile_differs(kept: str, keys: str) -> str:
    return f"{kept}; bản Word khác ở: {keys} (người ký, nơi nhận ghi riêng trong báo cáo)."


def profile_same(kept: str) -> str:
    return f"{kept} (khớp với bản Word)."


# --- the frame (readers/docx/frame.py) -------------------------------------------------------------------------

NO_RECIPIENTS = "Không thấy mục 'Nơi nhận:'; nơi nhận và người ký lấy theo mẫu, cần điền lại."


def not_a_report_sign(kind: str) -> str:
    return f"Ký hiệu loại văn bản là '{kind}', không phải 'BC' (báo cáo)."


NO_MONTH = "Dòng ngày tháng chưa có tháng: lấy tháng cuối kỳ báo cáo, cần xem lại 'ngay'."
NO_NUMBER_LINE = "Không thấy dòng 'Số: …/BC-…'; ký hiệu lấy mặc định UBND, cần xem lại."
NO_DATE_LINE = "Không thấy dòng địa danh, ngày tháng; cần điền 'ngay' và 'dia_danh'."
NO_ISSUER = "Không thấy tên cơ quan ban hành ở đầu văn bản; cần điền co_quan_ban_hanh."
NO_SIGNER_NAME = "Không thấy họ tên người ký; cần điền nguoi_ky.ho_ten."
NO_SIGNER_POSITION = "Không thấy chức vụ người ký; cần điền nguoi_ky.chuc_vu."

# --- the outline (readers/docx/outline.py, typed_notes.py) ------------------------------------------------------


def empty_note(number: int) -> str:
    return f"Chú thích số {number} không có nội dung; đã bỏ."


def note_joined(name: str, count: int) -> str:
    return f"Chú thích '{name}' có {count} đoạn, đã nối thành một đoạn."


def title_not_bold(start: str) -> str:
    return f"Tiêu đề «{start}» không in đậm: nhận là tiêu đề mục vì ngắn và không có dấu chấm cuối."


NUMBERED_PARAGRAPH_KEPT = (
    "Đoạn văn có số thứ tự ở đầu: giữ nguyên số gõ tay (phiên bản này chưa có dạng mục không tiêu đề)."
)


def renumbered(typed: int, expected: int) -> str:
    return f"Số thứ tự gõ là {typed} nhưng là mục thứ {expected} trong cấp này; số được đánh lại tự động."


def other_ladder(labels: str) -> str:
    return f"Báo cáo dùng nhãn {labels} theo cấp; phiên bản này đánh số theo I., 1., 1.1., a): nhãn sẽ khác bản gốc."


UNNUMBERED = "(không số)"

# --- what was read (readers/docx/summary.py) -------------------------------------------------------------------


def sections_of(count: int, style: str) -> str:
    return f"{count} mục {style}"


NO_NUMBERED_SECTIONS = "không có mục đánh số"


def footnotes(count: int) -> str:
    return f"{count} chú thích cuối trang"


def typed_footnotes(notes: str, typed: int) -> str:
    return f"{notes} (trong đó {typed} chú thích gõ tay đã chuyển thành chú thích thật)"


def counts(paragraphs: int, bullets: int, notes: str, tables: int, appendices: int) -> str:
    return f"{paragraphs} đoạn văn, {bullets} gạch đầu dòng; {notes}; {tables} bảng; {appendices} phụ lục"


def charts(count: int) -> str:
    return f"; {count} biểu đồ"


def read_counts(levels: str, counts: str) -> str:
    return f"Đã đọc: {levels}; {counts}."


def figures_read(figures: int, derived: int) -> str:
    return (
        f"Số liệu: {figures} số liệu tách từ câu văn và bảng ({derived} kế hoạch, cùng kỳ suy ra "
        "từ tỷ lệ, có chú thích 'suy ra': cần kiểm tra)."
    )


def unplaced(count: int) -> str:
    return f"Chưa tách được {count} chỗ (giữ nguyên chữ trong câu):"


def doubts(count: int) -> str:
    return f"Cần xem lại {count} chỗ:"


NO_DOUBTS = "Không có chỗ nào chưa chắc chắn."

# --- the YAML written (readers/docx/writer.py) -----------------------------------------------------------------


def profile_head(source: str) -> str:
    return f"Hồ sơ đơn vị, đọc từ {source} bằng 'baocao import': kiểm tra lại từng dòng."


def report_head(source: str) -> str:
    return f"Báo cáo đọc từ {source} bằng 'baocao import'. Soạn lại: baocao build <tệp này>."


IMPORTED_COMMENTS = {  # key -> the comment beside it in the report YAML
    "kieu_phan": "so → Phần I; chu → Phần thứ nhất",
    "kieu_muc": "nhãn các cấp mục, từ cấp trên xuống (đọc từ bản gốc)",
    "chu_thich": "chú thích cuối trang có tên, gọi trong câu bằng [^ten]",
    "ket_luan": "câu kết; './.' được thêm tự động",
    "so_lieu": "số liệu tách từ câu văn và bảng (--so-lieu); số có chú thích 'suy ra' tính từ tỷ lệ: cần kiểm tra",
    "trich_yeu": "trích yếu, mỗi dòng xuống dòng trong tên báo cáo",
}
WORDING_COMMENT = "cách viết tỷ lệ của đơn vị, đọc từ bản Word (đạt … KH, bằng … CK)"


def not_valid(first: str) -> str:
    return f"Nội dung đọc được chưa tạo thành tệp hợp lệ ({first}); không ghi tệp nào."


NOT_VALID_HINT = "Đây là lỗi của chương trình hoặc cấu trúc tệp Word chưa hỗ trợ: hãy gửi báo lỗi kèm tệp."
TYPED_NOTE_UNMARKED = "Chú thích gõ tay không tìm thấy số đánh dấu trong bài; đã giữ thành đoạn văn."


# --- figures of the sentences (readers/docx/figures.py, prose.py: `import --so-lieu`) ---------------------------


def derived(source: str, place: str) -> str:
    """The comment on a plan or same-period value derived from a stated ratio (`source`, '' when none)."""
    where = f" ({place})" if place else ""
    said = f" từ «{source}»" if source else ""
    return f"suy ra{said}{where}: cần kiểm tra"


def total_of(title: str) -> str:
    """The name of the total of a count out of a total ('07/12 cuộc'): its own figure."""
    return f"{title} (tổng số)" if title else "Tổng số"


# Why a number or a ratio phrase stays as text (listed with its paragraph).
NO_NUMBER_BEFORE = "tỷ lệ không đi sau một số có đơn vị trong cùng vế câu"
UNKNOWN_BASE = "tỷ lệ so với một số chưa nhận ra (không phải kế hoạch, cùng kỳ)"
NOT_PRINTED_BACK = "số không in lại được đúng như bản gốc (cách viết số, đơn vị)"
NO_BASE = "không suy ra được số gốc (tỷ lệ 0, hoặc khác đơn vị với số trước)"
NO_NAMED_PLAN = "không suy ra được kế hoạch từ tỷ lệ này"
PLAN_NOT_NAMED = "số liệu đã có kế hoạch không tên; kế hoạch có tên để nguyên chữ"
NAMED_NOT_PRINTED = "tỷ lệ không in lại được đúng từng chữ (cách viết khác của báo cáo)"
GLUED = "dấu % viết liền chữ sau"
OTHER_WORDING = "cách viết khác cách viết chung của báo cáo"
FRACTION_DISAGREES = "tỷ lệ không khớp với phân số trước nó (số đạt / tổng số)"
SEVERAL_OF_UNIT = (
    "chênh lệch không có số trong cùng vế câu; trong câu có nhiều số liệu cùng đơn vị, không biết nói về số nào"
)
SEVERAL_EARLIER = "tỷ lệ không có số trong cùng vế câu; nhiều số liệu trước đó cùng tên, không biết tỷ lệ nói về số nào"


def not_printed_back(why: str) -> str:
    """A ratio phrase the build's filters do not print back letter for letter."""
    return f"tỷ lệ không in lại được đúng từng chữ ({why})"


def too_many_figures(limit: int) -> str:
    """More numbers than one import makes figures of."""
    return f"quá {limit} số liệu: các số sau để nguyên chữ"
