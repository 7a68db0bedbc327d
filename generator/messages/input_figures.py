"""The figure model's own checks (input/figure_model.py): a workbook read two ways, empty plans, computed keys."""

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
