"""Demo data, by hand: `python bench/make_units.py [FOLDER] [-n 30] [--hong 1]`. Not a test.

Writes N unit folders (default 30) made from the example data/xa-tan-hoa: each a different
commune (name in don-vi.yaml and in the text) with its figures scaled by its own factor, and
the last `--hong` of them (default 1) broken on purpose: a sentence cites an undefined figure.
`baocao build FOLDER` then shows the progress bar, N-1 drafts, one located error, the summary.
"""

from __future__ import annotations

import argparse
import random
import re
import unicodedata
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "xa-tan-hoa"
REPORT = "thi-dua-6-thang-2026.yaml"
EXAMPLE_NAME = "Tân Hòa"
FIRST = (
    "Tân",
    "Phú",
    "Hòa",
    "An",
    "Bình",
    "Đông",
    "Tây",
    "Nam",
    "Bắc",
    "Trung",
    "Thanh",
    "Quang",
    "Vĩnh",
    "Hưng",
    "Long",
    "Phước",
)
SECOND = (
    "An",
    "Lộc",
    "Thịnh",
    "Phong",
    "Sơn",
    "Lâm",
    "Thủy",
    "Tiến",
    "Thành",
    "Xuân",
    "Mỹ",
    "Lợi",
    "Hiệp",
    "Điền",
    "Yên",
)
GOOD_FIGURE = "{{ so_lieu.so_thon | so_dv }}"
BROKEN_FIGURE = "{{ so_lieu.so_thon_moi | so_dv }}"  # never declared: "Số liệu 'so_thon_moi' chưa được khai báo"
# A figure's values: gia_tri, ke_hoach, cung_ky written the Vietnamese way, quoted or not.
_VALUE = re.compile(r'\b(gia_tri|ke_hoach|cung_ky): ("?)(\d[\d.,]*)\2(?=[,}])')


def commune_names(count: int) -> list[str]:
    """`count` distinct commune names (other than the example's), in a fixed pseudo-random order."""
    names = [f"{a} {b}" for a in FIRST for b in SECOND if a != b and f"{a} {b}" != EXAMPLE_NAME]
    random.Random(30).shuffle(names)
    if count > len(names):
        raise SystemExit(f"Tối đa {len(names)} đơn vị.")
    return names[:count]


def slug(name: str) -> str:
    """'Phú Lộc' → 'phu-loc'."""
    plain = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    return "-".join("".join(c for c in plain if not unicodedata.combining(c)).lower().split())


def _scaled(match: re.Match, factor: Decimal) -> str:
    key, quote, text = match.groups()
    decimals = len(text.split(",")[1]) if "," in text else 0
    value = Decimal(text.replace(".", "").replace(",", ".")) * factor
    number = f"{value:,.{decimals}f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"{key}: {quote}{number}{quote}"


def scale_figures(text: str, factor: Decimal) -> str:
    """The report with every figure's values times `factor` (percentages left alone)."""
    lines = text.splitlines(keepends=True)
    return "".join(line if 'don_vi: "%"' in line else _VALUE.sub(lambda m: _scaled(m, factor), line) for line in lines)


def make_units(folder: Path, count: int = 30, broken: int = 1) -> list[Path]:
    """Write `count` unit folders under `folder`, the last `broken` of them broken; return the folders."""
    unit_text = (EXAMPLE / "don-vi.yaml").read_text(encoding="utf-8")
    report_text = (EXAMPLE / REPORT).read_text(encoding="utf-8")
    assert GOOD_FIGURE in report_text, "the example no longer cites so_thon"
    rng = random.Random(7)
    units = []
    for i, name in enumerate(commune_names(count)):
        unit = folder / f"xa-{slug(name)}"
        unit.mkdir(parents=True, exist_ok=True)
        (unit / "don-vi.yaml").write_text(unit_text.replace(EXAMPLE_NAME, name), encoding="utf-8")
        text = scale_figures(report_text.replace(EXAMPLE_NAME, name), Decimal(rng.randint(80, 125)) / 100)
        if i >= count - broken:
            text = text.replace(GOOD_FIGURE, BROKEN_FIGURE, 1)
        (unit / REPORT).write_text(text, encoding="utf-8")
        units.append(unit)
    return units


def main() -> None:
    parser = argparse.ArgumentParser(description="Tạo thư mục các đơn vị mẫu (từ ví dụ xã Tân Hòa).")
    parser.add_argument(
        "folder", nargs="?", default="don-vi-mau", type=Path, help="thư mục tạo ra (mặc định: don-vi-mau)"
    )
    parser.add_argument("-n", type=int, default=30, help="số đơn vị (mặc định: 30)")
    parser.add_argument("--hong", type=int, default=1, help="số đơn vị cố ý có lỗi (mặc định: 1)")
    args = parser.parse_args()
    units = make_units(args.folder, args.n, args.hong)
    broken = ", ".join(unit.name for unit in units[len(units) - args.hong :]) or "không"
    print(
        f"Đã tạo {len(units)} đơn vị trong {args.folder}/ (cố ý có lỗi: {broken}). Soạn tất "
        f"cả: baocao build {args.folder}"
    )


if __name__ == "__main__":
    main()
