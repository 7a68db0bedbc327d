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


DECLARE_FIGURE_HINT = "Khai báo số liệu này trong so_lieu hoặc sửa tên."


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
