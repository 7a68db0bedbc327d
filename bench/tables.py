"""Benchmark, run by hand: `python bench/tables.py`. Not a test.

Renders (in process, no file written) a report whose appendix is a 500-row table: 10 groups of
50 tasks, two-level header, text cells citing figures, a status and a % column; prints the
median of 5 runs, and the same report without the appendix for comparison.
"""

from __future__ import annotations

import platform
import shutil
import tempfile
from pathlib import Path

from timing import median_seconds

from baocao.pipeline import render

ROOT = Path(__file__).resolve().parents[1]
UNIT = ROOT / "data" / "xa-tan-hoa" / "don-vi.yaml"
ROWS, GROUPS, RUNS = 500, 10, 5
STATUSES = ("đã hoàn thành", "đang thực hiện", "chưa thực hiện")

HEAD = """\
loai: nhiem-vu
ky_bao_cao: 6 tháng đầu năm 2026
so: 142
ngay: 15/6/2026
so_lieu:
  thu: {gia_tri: 6.418, don_vi: triệu đồng, ke_hoach: 11.250, cung_ky: 5.902}
noi_dung:
  - tieu_de: Kết quả
    noi_dung:
      - Hoàn thành {{ nhiem_vu.tong.da_hoan_thanh | hai_chu_so }}/{{ nhiem_vu.tong.so_nhiem_vu }} nhiệm vụ.
"""

APPENDIX = """\
phu_luc:
  - loai: bieu
    tieu_de: Đánh giá tiến độ thực hiện nhiệm vụ trọng tâm {{ ky }}
    bang:
      cot:
        - {tieu_de: TT, kieu: stt}
        - {khoa: don_vi, tieu_de: Tên đơn vị, do_rong: 3}
        - {khoa: nhiem_vu, tieu_de: Nội dung nhiệm vụ, do_rong: 5}
        - {khoa: van_ban, tieu_de: Tên loại văn bản triển khai, nhom: Tóm tắt kết quả, do_rong: 4}
        - {khoa: khoi_luong, tieu_de: Khối lượng nhiệm vụ triển khai, nhom: Tóm tắt kết quả, do_rong: 8}
        - {khoa: danh_gia, tieu_de: Đánh giá mức độ hoàn thành (%), kieu: phan_tram, nhom: Tóm tắt kết quả, do_rong: 2}
      dong:
"""


def _row(n: int) -> str:
    return (
        f"            - {{don_vi: Phòng Kinh tế, nhiem_vu: 'Nhiệm vụ số {n}: triển khai kế "
        f"hoạch của xã trong lĩnh vực được giao.', "
        f"van_ban: 'Kế hoạch số {n}/KH-UBND ngày 12/01/2026', khoi_luong: 'Thu ngân sách được "
        f"{{{{ so_lieu.thu | so_dv }}}}, "
        f"{{{{ so_lieu.thu | so_ke_hoach(true) }}}}; các phần việc còn lại đang thực hiện theo kế hoạch.', "
        f"danh_gia: '{n % 100},5', trang_thai: {STATUSES[n % 3]}}}\n"
    )


def appendix(rows: int, groups: int) -> str:
    """The YAML of a task appendix of `rows` rows in `groups` groups (it cites `so_lieu.thu`)."""
    text = APPENDIX
    per_group = rows // groups
    for g in range(groups):
        text += f"        - nhom: Lĩnh vực thứ {g + 1}\n          dong:\n"
        text += "".join(_row(g * per_group + i + 1) for i in range(per_group))
    return text


def report(folder: Path, with_appendix: bool) -> Path:
    """Write the benchmark report (and the example's unit profile) into `folder`."""
    shutil.copy(UNIT, folder / "don-vi.yaml")
    text = HEAD + (appendix(ROWS, GROUPS) if with_appendix else "")
    path = folder / f"bench-{int(with_appendix)}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def main() -> None:
    print(f"Máy: {platform.processor() or platform.machine()}, Python {platform.python_version()}, {platform.system()}")
    with tempfile.TemporaryDirectory() as tmp:
        big, small = report(Path(tmp), True), report(Path(tmp), False)
        size = len(render(big).data)  # also warms the caches (template bytes, compiled sentences)
        with_table = median_seconds(lambda: render(big), RUNS)
        without = median_seconds(lambda: render(small), RUNS)
    print(
        f"| render, biểu {ROWS} dòng ({GROUPS} nhóm), trung vị {RUNS} lần | {with_table * 1000:.0f} "
        f"ms | {size // 1024} KB |"
    )
    print(f"| render, cùng báo cáo không có biểu | {without * 1000:.0f} ms | |")


if __name__ == "__main__":
    main()
