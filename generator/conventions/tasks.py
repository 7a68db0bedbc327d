"""Task statuses as a report writes them (a table row's trang_thai; the counts of nhiem_vu)."""

STATUSES = {"da_hoan_thanh": "đã hoàn thành", "dang_thuc_hien": "đang thực hiện", "chua_thuc_hien": "chưa thực hiện"}
