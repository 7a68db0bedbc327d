"""The examples in data/ show issue 11's constructs as an office writes them, and build right.

Which construct each example uses is read from the validated model (not from the text), and what the
built drafts show is read from the .docx: labels, run-in lead-ins, the two-paragraph note, the line
break in the title, the closing mark without a closing sentence, the kept total. openxml-audit finds
no error in them.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from helpers import EXAMPLE_DIR, audit_errors, w
from lxml import etree

from baocao.input.model import BaoCao, Muc
from baocao.input.validate import read_sources
from baocao.nd30 import check_docx
from baocao.pipeline import build

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p for p in (ROOT / "data").rglob("*.yaml") if p.name != "don-vi.yaml")


def sections(items: list) -> Iterator[Muc]:
    """Every section of an outline, depth first."""
    for item in items:
        if isinstance(item, Muc):
            yield item
            yield from sections(item.noi_dung)


def constructs(report: BaoCao) -> set[str]:
    """The issue 11 constructs one report uses."""
    found = {
        "kieu_muc": bool(report.kieu_muc),
        "1. ngay dưới Phần": report.co_phan and bool(report.kieu_muc) and report.kieu_muc[0] == "so",
        "trích yếu nhiều dòng": "\n" in report.trich_yeu,
        "ket_luan: false": report.ket_luan is False,
        "chú thích nhiều đoạn": any(not isinstance(v, str) and len(v) > 1 for v in report.chu_thich.values()),
        "hai kế hoạch": any(isinstance(f.ke_hoach, dict) and len(f.ke_hoach) > 1 for f in report.so_lieu.values()),
        "giu_nguyen": any(f.giu_nguyen for f in report.so_lieu.values()),
        "ty_le_cua": any(f.ty_le_cua for f in report.so_lieu.values()),
        "cach_viet": bool(report.cach_viet),
    }
    for section in sections(report.noi_dung):
        found["kieu_muc_con"] = found.get("kieu_muc_con") or section.kieu_muc_con is not None
        found["đoạn có số thứ tự"] = found.get("đoạn có số thứ tự") or bool(section.doan and not section.tieu_de)
        found["tiêu đề đầu đoạn"] = found.get("tiêu đề đầu đoạn") or bool(section.doan and section.tieu_de)
        found["kieu_tieu_de"] = found.get("kieu_tieu_de") or section.kieu_tieu_de is not None
        found["danh_so: false"] = found.get("danh_so: false") or not section.danh_so
    return {name for name, used in found.items() if used}


def test_the_examples_use_each_construct_of_issue_11():
    used = set().union(*(constructs(read_sources(path).report) for path in EXAMPLES))
    wanted = {
        "kieu_muc",
        "1. ngay dưới Phần",
        "trích yếu nhiều dòng",
        "ket_luan: false",
        "chú thích nhiều đoạn",
        "hai kế hoạch",
        "giu_nguyen",
        "ty_le_cua",
        "cach_viet",
        "kieu_muc_con",
        "đoạn có số thứ tự",
        "tiêu đề đầu đoạn",
        "kieu_tieu_de",
        "danh_so: false",
    }
    assert wanted - used == set()


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """kt-xh, nhiem-vu and chung built once; none has a warning (the kept total is a note)."""
    folder = tmp_path_factory.mktemp("examples")
    out = {}
    for name in ("kt-xh-6-thang-2026", "nhiem-vu-6-thang-2026", "chung-cchc-quy-ii-2026"):
        target, built = build(EXAMPLE_DIR / f"{name}.yaml", folder / f"{name}.docx")
        assert not built.warnings, built.warnings
        out[name.split("-")[0]] = target
    return out


def body(path: Path) -> list:
    return [p for p in Document(str(path)).paragraphs if p.text.strip()]


def lead(paragraph, label: str) -> tuple[str, bool, bool]:
    """The lead-in after `label`: its text, and whether all of it is bold, italic."""
    runs = [r for r in paragraph.runs if r.text.strip()]
    assert runs[0].text.strip() == label.strip()
    lead_runs = []
    for run in runs[1:]:
        lead_runs.append(run)
        if run.text.rstrip().endswith(":"):
            break
    return (
        "".join(r.text for r in lead_runs).strip(),
        all(r.bold for r in lead_runs),
        all(r.italic for r in lead_runs),
    )


def test_kt_xh_puts_numbered_items_under_a_phan_and_points_under_them(drafts):
    texts = [p.text for p in body(drafts["kt"])]
    for line in (
        "Phần thứ nhất\nTÌNH HÌNH KINH TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM 2026",
        "1. Công tác chỉ đạo, điều hành",
        "2. Lĩnh vực kinh tế",
        "c) Các chỉ tiêu kinh tế chủ yếu",
        "Phần thứ hai\nNHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2026",
    ):
        assert line in texts
    run_in = next(p for p in body(drafts["kt"]) if p.text.startswith("a) Sản xuất nông, lâm nghiệp:"))
    assert lead(run_in, "a)") == ("Sản xuất nông, lâm nghiệp:", False, True)
    assert "lâm nghiệp: tổng diện tích gieo trồng vụ xuân đạt 1.001,0 ha" in run_in.text
    bold_lead = next(p for p in body(drafts["kt"]) if p.text.startswith("4. Quốc phòng - an ninh: giao đủ"))
    assert lead(bold_lead, "4.") == ("Quốc phòng - an ninh:", True, False)
    tasks = [t for t in texts if t[:3] in ("1. ", "2. ", "3. ", "4. ")][-4:]
    assert tasks[0] == "1. Chỉ đạo sản xuất vụ mùa đúng khung thời vụ; phòng, chống dịch bệnh trên đàn vật nuôi."


def test_kt_xh_keeps_the_stated_budget_and_has_a_two_paragraph_note(drafts):
    texts = "\n".join(p.text for p in body(drafts["kt"]))
    assert "thu ngân sách trên địa bàn 6.418 triệu đồng" in texts  # the stated value, not the parts' 6.416
    with zipfile.ZipFile(drafts["kt"]) as package:
        notes = etree.fromstring(package.read("word/footnotes.xml"))
    real = [n for n in notes.iter(w("footnote")) if n.get(w("type")) is None]
    paragraphs = [["".join(t.text or "" for t in p.iter(w("t"))) for p in n.iter(w("p"))] for n in real]
    first = paragraphs[0]
    assert len(first) == 2 and first[0].strip().startswith("Lúa 612,4 ha")
    assert first[1].startswith("Diện tích theo kết quả rà soát")


def test_nhiem_vu_title_breaks_where_the_clerk_broke_it(drafts):
    with zipfile.ZipFile(drafts["nhiem"]) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    title = next(p for p in root.iter(w("p")) if "Tình hình thực hiện các nhiệm vụ" in "".join(p.itertext()))
    pieces = ["\n" if el.tag == w("br") else el.text or "" for el in title.iter(w("t"), w("br"))]
    assert "".join(pieces) == (
        "Tình hình thực hiện các nhiệm vụ trọng tâm 6 tháng đầu năm 2026,\nphương hướng, nhiệm vụ 6 tháng cuối năm 2026"
    )


def test_chung_has_points_an_unnumbered_subhead_and_no_closing_sentence(drafts):
    paragraphs = body(drafts["chung"])
    texts = [p.text for p in paragraphs]
    assert "a) Công khai thủ tục hành chính, tiếp nhận hồ sơ" in texts and "b) Kết quả giải quyết hồ sơ" in texts
    subhead = next(p for p in paragraphs if p.text == "Mức độ hài lòng của người dân")
    assert all(r.bold for r in subhead.runs if r.text.strip())
    assert not any(t.startswith("Trên đây là báo cáo") for t in texts)
    ending = [t for t in texts if t.endswith("./.")]
    assert len(ending) == 1 and ending[0].endswith("Bộ phận Một cửa của xã trong quý III năm 2026./.")


def test_the_new_constructs_pass_openxml_audit(drafts):

    for path in drafts.values():
        assert audit_errors(path) == [], path.name


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: str(p.relative_to(ROOT / "data")))
def test_every_example_still_builds_and_reads_back(example, tmp_path):
    """Each example builds, and `baocao check` finds nothing in the draft."""
    target, _ = build(example, tmp_path / "draft.docx")
    assert check_docx(target) == []
