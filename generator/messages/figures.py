"""Messages of the figures stage: totals, averages, ratios, stated values checked, signs, plans, task statuses."""

from __future__ import annotations

SLOT_WORDS = {"gia_tri": "giá trị kỳ này", "ke_hoach": "kế hoạch", "cung_ky": "số cùng kỳ"}  # a figure's slots


def named_plan(plan: str) -> str:
    return f"kế hoạch '{plan}'"


# --- totals, averages, ratios (figures/totals.py) --------------------------------------------------------------

LOOP_HINT = "Sửa danh sách tong_cua (hoặc trung_binh_cua, trong_so, ty_le_cua) cho hết vòng lặp."


def chain_too_long(name: str) -> str:
    return f"Số liệu '{name}' được tính qua một chuỗi số liệu quá dài, có vòng lặp (số liệu được tính từ chính nó)."


def computed_from_itself(name: str, loop: str) -> str:
    return f"Số liệu '{name}' được tính từ chính nó (vòng lặp: {loop})."


def no_value(name: str) -> str:
    return f"Số liệu '{name}' chưa có giá trị."


NO_VALUE_HINT = "Ghi gia_tri, hoặc tong_cua để tự tính tổng."


def undeclared_part(part: str, key: str) -> str:
    return f"Số liệu '{part}' trong {key} chưa được khai báo."


def part_twice(part: str, key: str, first: int) -> str:
    return f"Số liệu '{part}' ghi hai lần trong {key} (lần đầu ở mục thứ {first}): sẽ bị tính hai lần."


DROP_REPEAT_HINT = "Xóa lần ghi thừa."


def units_differ(units: str) -> str:
    return f"Không cộng được các số liệu khác đơn vị tính: {units}."


UNITS_DIFFER_HINT = (
    "Các thành phần phải cùng đơn vị tính; hoặc ghi don_vi của tổng nếu tổng có đơn vị riêng "
    "(ví dụ 'tập thể, cá nhân')."
)
TOTAL_UNIT_HINT = "Các thành phần của tổng phải cùng đơn vị tính với tổng."


def parts_are(names: str) -> str:
    return f"Các thành phần: {names}."


SUM_OF_PARTS = "tổng các thành phần"


def average_units_differ(units: str) -> str:
    return f"Không lấy trung bình được các số liệu khác đơn vị tính: {units}."


AVERAGE_UNITS_HINT = "Các số liệu lấy trung bình phải cùng đơn vị tính."


def weights_not_positive(name: str, slot: str) -> str:
    return f"Tổng trọng số của '{name}' ({slot}) không lớn hơn 0."


WEIGHTS_HINT = "Trọng số phải là số dương."
WEIGHTED_AVERAGE = "trung bình có trọng số"
AVERAGE_OF_PARTS = "trung bình các thành phần"


def ratio_base_not_positive(name: str, base: str, value: str) -> str:
    return f"Không tính được tỷ lệ '{name}': mẫu số '{base}' bằng {value}."


RATIO_BASE_HINT = "Mẫu số phải lớn hơn 0."


def ratio_formula(top: str, bottom: str) -> str:
    return f"Tỷ lệ {top} / {bottom} × 100."


def ratio_of(top: str, bottom: str) -> str:
    return f"tỷ lệ {top}/{bottom}"


def negative(slot_words: str, name: str, value: str) -> str:
    return f"{slot_words[:1].upper()}{slot_words[1:]} của số liệu '{name}' là số âm ({value})."


NEGATIVE_HINT = "Sửa số; nếu số liệu này được phép âm (ví dụ chênh lệch thu chi), ghi cho_phep_am: true."


def plan_without_name(plan: str, name: str) -> str:
    return f"Kế hoạch '{plan}' của số liệu '{name}' chưa có tên đầy đủ ở ten_ke_hoach."


def add_plan_name(plan: str) -> str:
    return f"Thêm vào ten_ke_hoach (hồ sơ đơn vị hoặc báo cáo), ví dụ ten_ke_hoach: {{{plan}: kế hoạch huyện giao}}."


# --- stated values checked (figures/combine.py) ----------------------------------------------------------------


def kept_but_agrees(name: str, what: str) -> str:
    return f"Số liệu '{name}' ghi giu_nguyen nhưng các số đã ghi đều khớp với {what}."


DROP_KEEP_HINT = "Xóa dòng giu_nguyen."


def kept_difference(label: str, stated: str, what: str, place: str, computed: str, why: str) -> str:
    return f"{label} ghi {stated} nhưng {what} ({place}) là {computed}; giữ số đã ghi vì: {why}."


KEPT_HINT = "Bản thảo in số đã ghi; kiểm tra lại lý do trước khi ban hành."


def stated_differs(label: str, stated: str, what: str, computed: str) -> str:
    return f"{label} ghi {stated} nhưng {what} là {computed}."


STATED_DIFFERS_HINT = (
    "Sửa số ghi ở đây hoặc các số liệu thành phần; có thể bỏ dòng này để tự tính, "
    'hoặc ghi giu_nguyen: "lý do" để giữ số đã ghi.'
)

# --- a figure's plans (figures/figure.py) ----------------------------------------------------------------------

ONE_UNNAMED_PLAN = "chỉ có một kế hoạch không tên"


def no_such_plan(name: str, plan: str, known: str) -> str:
    return f"Số liệu '{name}' không có kế hoạch '{plan}' ({known})."


# --- task statuses (figures/tasks.py) --------------------------------------------------------------------------

NO_STATUS = "Dòng này chưa ghi trạng thái, trong khi các dòng khác của bảng có ghi."


def add_status(choices: str) -> str:
    return f"Thêm 'trang_thai: ...' ({choices})."


# --- roll-ups over lower-level reports (figures/rollup.py) -------------------------------------------------------

FIX_SOURCE_HINT = "Sửa lỗi trong báo cáo của đơn vị rồi soạn lại báo cáo này."


def rollup_without_tong_hop(name: str) -> str:
    return f"Số liệu '{name}' ghi tong_tu nhưng báo cáo chưa khai báo tong_hop."


ROLLUP_WITHOUT_TONG_HOP_HINT = "Thêm nhóm tong_hop với cac_bao_cao (các tệp báo cáo cấp dưới), hoặc xóa dòng tong_tu."


def unit_report_left_out(unit: str, problem: str) -> str:
    return f"Báo cáo của {unit} có lỗi nên không được tổng hợp: {problem}"


def no_usable_unit_report(failed: int) -> str:
    return f"Không có báo cáo cấp dưới nào dùng được để tổng hợp ({failed} báo cáo có lỗi)."


FIX_UNIT_REPORTS_HINT = "Sửa các lỗi nêu dưới đây trong báo cáo của các đơn vị."


def no_report_matches(pattern: str, base: str) -> str:
    return f"Không có tệp báo cáo nào khớp '{pattern}' (tính từ thư mục {base})."


PATTERN_HINT = "Kiểm tra đường dẫn: tính từ thư mục của báo cáo này; '*' thay cho một tên thư mục hoặc tên tệp."


def other_period(period: str, own: str) -> str:
    return f"Kỳ báo cáo '{period}' khác kỳ của báo cáo tổng hợp ('{own}')."


OTHER_PERIOD_HINT = "Chỉ tổng hợp các báo cáo cùng kỳ; sửa kỳ báo cáo hoặc mẫu cac_bao_cao."


def unit_twice(unit: str) -> str:
    return f"Hai báo cáo của cùng đơn vị '{unit}' (ten_goi_tat); số liệu sẽ bị cộng hai lần."


UNIT_TWICE_HINT = "Chỉ để một báo cáo cho mỗi đơn vị: sửa mẫu cac_bao_cao hoặc ten_goi_tat trong hồ sơ đơn vị."
FIRST_REPORT_OF_UNIT = "Báo cáo thứ nhất của đơn vị này."
STILL_SUMMED = " (vẫn được tổng hợp)"


def unit_not_listed(path: str, unit: str, summed: str) -> str:
    return f"Báo cáo '{path}' của {unit} không có trong danh_sach_don_vi{summed}."


UNIT_NOT_LISTED_HINT = "Thêm đơn vị này (tên thư mục hoặc ten_goi_tat) vào danh_sach_don_vi, hoặc sửa mẫu cac_bao_cao."


def no_report_of_unit(unit: str) -> str:
    return f"Chưa có báo cáo của đơn vị '{unit}'."


NO_REPORT_OF_UNIT_HINT = "Kiểm tra tên thư mục của đơn vị và mẫu cac_bao_cao, hoặc chờ đơn vị gửi báo cáo."


def no_unit_has(source: str) -> str:
    return f"Không báo cáo cấp dưới nào có số liệu '{source}'."


def rolled_total_of(source: str, reports: int) -> str:
    return f"Tổng của số liệu '{source}' trong {reports} báo cáo:"


def unit_values(unit: str, values: str) -> str:
    return f"{unit}: {values}."


def total_of_reports(reports: int) -> str:
    return f"tổng của {reports} báo cáo cấp dưới"


AVERAGE = "trung bình"
RATIO = "tỷ lệ"


def not_summable(part: str, what: str, name: str) -> str:
    return f"Số liệu '{part}' của các báo cáo cấp dưới là {what}, không cộng được thành '{name}'."


NOT_SUMMABLE_HINT = "Cộng các số liệu gốc (tong_tu), rồi khai báo ty_le_cua hoặc trung_binh_cua từ các tổng."


def figure_of_unit(part: str, unit: str) -> str:
    return f"Số liệu '{part}' của {unit}."


def unit_lacks(unit: str, source: str, name: str) -> str:
    return f"Báo cáo của {unit} không có số liệu '{source}'; '{name}' được cộng mà không có đơn vị này."


def declare_or_rename(source: str) -> str:
    return f"Khai báo '{source}' trong so_lieu của báo cáo này, hoặc sửa tên ở tong_tu của báo cáo tổng hợp."


def unit_measured_otherwise(source: str, unit: str, its_unit: str, expected: str, name: str) -> str:
    return f"Số liệu '{source}' của {unit} tính bằng {its_unit}, khác đơn vị {expected} của '{name}'."


SAME_UNIT_HINT = "Các số liệu được cộng phải cùng đơn vị tính: sửa đơn vị hoặc quy đổi số liệu."


def unit_stated_here(unit: str) -> str:
    return f"Đơn vị tính {unit} ghi ở đây."


def slot_missing_in_unit(source: str, unit: str, key: str, name: str) -> str:
    return f"Số liệu '{source}' của {unit} không có {key} nên '{name}' không có tổng {key}."


def write_slot(key: str) -> str:
    return f"Ghi {key} cho số liệu này (các đơn vị khác có ghi)."


NO_UNIT_WRITTEN = "(không ghi đơn vị)"
