"""Write the departments' workbooks of the example data/xa-tan-hoa/san-xuat-quy-iii-2026.yaml.

Two sheets as a commune's departments keep them, not in baocao's own layout: the Phòng Kinh tế's crop table
(title rows, its own column headings, a column of figure names added for baocao; read by column headings,
`cot`) and the Phòng Tài chính's budget form (read cell by cell, `o`). Run `python scripts/example_workbooks.py`
after changing a number here (tests/test_example_workbooks.py checks that the committed files hold these cells).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).resolve().parents[1] / "data" / "xa-tan-hoa"
PERIOD = "quy-iii-nam-2026"

#: file name → sheet title → (rows from row 1, merged ranges)
CROPS = (
    [
        ["BIỂU TỔNG HỢP KẾT QUẢ SẢN XUẤT NÔNG NGHIỆP QUÝ III NĂM 2026"],
        ["(Phòng Kinh tế xã Tân Hòa; số liệu đến ngày 20/9/2026)"],
        [],
        [
            "STT",
            "Chỉ tiêu",
            "ĐVT",
            "Kế hoạch năm",
            "Thực hiện quý III",
            "Cùng kỳ năm trước",
            "Mã chỉ tiêu",
            "Tên số liệu",
            "Ghi chú",
        ],
        [1, "Lúa vụ mùa", "ha", 640, 628.5, 619.2, "NN.02", "lua_mua", None],
        [2, "Ngô vụ mùa", "ha", 210, 214.6, 205.3, "NN.03", "ngo_mua", None],
        [3, "Rau màu các loại", "ha", 95, 97.2, 91.8, "NN.04", "rau_mua", "Gồm rau, đậu các loại"],
        [4, "Năng suất lúa vụ mùa", "tạ/ha", 58, 57.6, 56.9, "NN.05", "nang_suat_lua_mua", "Ước tính"],
    ],
    ["A1:I1", "A2:I2"],
)
BUDGET = (
    [
        ["UBND XÃ TÂN HÒA"],
        ["PHÒNG TÀI CHÍNH"],
        ["BIỂU THU NGÂN SÁCH XÃ QUÝ III NĂM 2026"],
        ["Đơn vị tính: triệu đồng"],
        ["STT", "Nội dung", "Dự toán năm", "Thực hiện quý III", "Cùng kỳ năm trước"],
        ["", "Tổng thu ngân sách trên địa bàn", 11250, 3386, 3105],
        [1, "Thu thuế, phí, lệ phí", 7400, 2178, 1964],
        [2, "Thu khác ngân sách", 3850, 1208, 1141],
    ],
    ["A1:B1", "A2:B2", "A3:E3", "A4:E4"],
)
WORKBOOKS: dict[str, dict[str, tuple[list[list[Any]], list[str]]]] = {
    f"phong-kinh-te-{PERIOD}.xlsx": {"Trồng trọt": CROPS},
    f"phong-tai-chinh-{PERIOD}.xlsx": {"Thu ngân sách": BUDGET},
}


def workbook(sheets: dict[str, tuple[list[list[Any]], list[str]]]):
    """An openpyxl workbook of the sheets: bold title and heading rows, merged titles, fitting widths."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for title, (rows, merged) in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        for cells in merged:
            sheet.merge_cells(cells)
        for row in sheet.iter_rows():
            if isinstance(row[0].value, str) and row[0].value.isupper() or row[0].value == "STT":
                for cell in row:
                    cell.font = Font(bold=True)
        for column in "BCDEFGHI":
            sheet.column_dimensions[column].width = 18
        sheet.column_dimensions["B"].width = 32
    return book


def main(folder: Path = FOLDER) -> list[Path]:
    """Write every workbook into `folder`; return their paths."""
    from baocao.writers.xlsx import xlsx_bytes

    written = []
    for name, sheets in WORKBOOKS.items():
        (folder / name).write_bytes(xlsx_bytes(workbook(sheets)))
        written.append(folder / name)
    return written


if __name__ == "__main__":
    for path in main(Path(sys.argv[1]) if len(sys.argv) > 1 else FOLDER):
        print(path)
