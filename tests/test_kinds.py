"""Built-in report kinds: trích yếu from the period, skeletons, one buildable example per kind."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from helpers import KIND_EXAMPLES, small_report

from baocao.errors import BaocaoError
from baocao.input.kinds import KINDS, load_kind
from baocao.input.model import BaoCao
from baocao.input.period import Period, parse_period
from baocao.nd30 import check_docx
from baocao.pipeline import build
from baocao.writers.docx.templates import BUILTIN_FILES, builtin_template


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """Each kind's example, built once."""
    folder = tmp_path_factory.mktemp("kinds")
    out = {}
    for kind, report in KIND_EXAMPLES.items():
        target, result = build(report, folder / f"{kind}.docx")
        assert not result.warnings, (kind, result.warnings)
        out[kind] = target
    return out


def texts(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs if p.text.strip()]


def test_every_kind_has_an_example_and_the_model_knows_them():
    assert set(KIND_EXAMPLES) == set(KINDS) == set(BaoCao.model_fields["loai"].annotation.__args__)
    for kind, report in KIND_EXAMPLES.items():
        assert f"loai: {kind}\n" in report.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("kind", "period", "expected"),
    [
        ("thi-dua", "6 tháng đầu năm 2026", "Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2026"),
        ("thi-dua", "năm 2026", "Tổng kết công tác thi đua, khen thưởng năm 2026"),
        (
            "kt-xh",
            "6 tháng đầu năm 2026",
            "Tình hình kinh tế - xã hội 6 tháng đầu năm, nhiệm vụ trọng tâm 6 tháng cuối năm 2026",
        ),
        ("kt-xh", "quý II năm 2026", "Tình hình kinh tế - xã hội quý II, nhiệm vụ trọng tâm quý III năm 2026"),
        ("kt-xh", "năm 2026", "Tình hình kinh tế - xã hội năm 2026, nhiệm vụ trọng tâm năm 2027"),
        (
            "nhiem-vu",
            "6 tháng đầu năm 2020",
            "Kết quả thực hiện nhiệm vụ trọng tâm 6 tháng đầu năm và kế hoạch 6 tháng cuối năm 2020",
        ),
        (
            "nhiem-vu",
            "6 tháng cuối năm 2026",
            "Kết quả thực hiện nhiệm vụ trọng tâm 6 tháng cuối năm 2026 và kế hoạch 6 tháng đầu năm 2027",
        ),
        ("nhiem-vu", "9 tháng năm 2024", "Kết quả thực hiện nhiệm vụ trọng tâm 9 tháng và kế hoạch quý IV năm 2024"),
        ("chung", "năm 2026", ""),
    ],
)
def test_default_subject_is_built_from_the_period(kind, period, expected):
    assert load_kind(kind).subject(parse_period(period)) == expected


@pytest.mark.parametrize(
    ("period", "following"),
    [
        ("6 tháng đầu năm 2026", "6 tháng cuối năm 2026"),
        ("6 tháng cuối năm 2026", "6 tháng đầu năm 2027"),
        ("9 tháng năm 2026", "quý IV năm 2026"),
        ("quý IV năm 2026", "quý I năm 2027"),
        ("quý I năm 2026", "quý II năm 2026"),
        ("tháng 12 năm 2026", "tháng 1 năm 2027"),
        ("tháng 5 năm 2026", "tháng 6 năm 2026"),
        ("năm 2026", "năm 2027"),
    ],
)
def test_following_period(period, following):
    assert parse_period(period).following().label == following


def test_draft_date_and_slug():
    period = Period("quy", 2026, 2)
    assert (period.draft_date(), period.slug) == ("6/2026", "quy-ii-nam-2026")
    assert parse_period("6 tháng đầu năm 2026").slug == "6-thang-dau-nam-2026"


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_has_a_named_template_backed_by_a_built_in(kind):
    assert kind in BUILTIN_FILES and builtin_template(kind).is_file()


@pytest.mark.parametrize("kind", KINDS)
def test_example_builds_valid_and_nd30_clean(built, kind):
    audit = pytest.importorskip("openxml_audit")
    result = audit.OpenXmlValidator().validate(str(built[kind]))
    assert result.is_valid, [str(e) for e in result.errors]
    assert check_docx(built[kind]) == []


def test_kt_xh_has_the_five_sections(built):
    """The kind's outline has the five sections; the example groups the first four under Phần thứ nhất."""
    headings = [t for t in texts(built["kt-xh"]) if t[:3] in ("1. ", "2. ", "3. ", "4. ") or t.startswith("Phần")]
    assert headings[:6] == [
        "Phần thứ nhất\nTÌNH HÌNH KINH TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM 2026",
        "1. Công tác chỉ đạo, điều hành",
        "2. Lĩnh vực kinh tế",
        "3. Lĩnh vực văn hóa - xã hội",
        headings[4],
        "Phần thứ hai\nNHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2026",
    ]
    assert headings[4].startswith("4. Quốc phòng - an ninh: ")
    skeleton = load_kind("kt-xh").skeleton(parse_period("6 tháng đầu năm 2026"))
    assert [s["tieu_de"] for s in skeleton["noi_dung"]] == [
        "Công tác chỉ đạo, điều hành",
        "Lĩnh vực kinh tế",
        "Lĩnh vực văn hóa - xã hội",
        "Quốc phòng - an ninh",
        "Nhiệm vụ trọng tâm {{ ky_toi }}",
    ]


def test_nhiem_vu_has_reference_001_shape(built):
    lines = texts(built["nhiem-vu"])
    assert lines[1] == (
        "Tình hình thực hiện các nhiệm vụ trọng tâm 6 tháng đầu năm 2026,\nphương hướng, nhiệm vụ 6 tháng cuối năm 2026"
    )
    sections = [t for t in lines if t.startswith(("I. ", "II. ", "III. "))]
    assert sections == [
        "I. KẾT QUẢ TRIỂN KHAI, THỰC HIỆN",
        "II. NHẬN XÉT, ĐÁNH GIÁ",
        "III. PHƯƠNG HƯỚNG, GIẢI PHÁP THỰC HIỆN NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2026",
    ]
    tasks = [t for t in lines[lines.index(sections[0]) : lines.index(sections[1])] if re.match(r"\d\. ", t)]
    assert len(tasks) == 5  # each nhiệm vụ trọng tâm a numbered heading
    assert "a) Xây dựng sản phẩm OCOP" in lines and "b) Nguyên nhân" in lines
    closing = lines[lines.index("Biểu số 01") - 1]
    assert closing == (
        "Trên đây là báo cáo tình hình thực hiện các nhiệm vụ trọng tâm 6 tháng đầu năm 2026, phương hướng, "
        "nhiệm vụ 6 tháng cuối năm 2026 của UBND xã Tân Hòa./."
    )


def test_nhiem_vu_is_signed_by_the_chairman_directly(built):
    signature = Document(str(built["nhiem-vu"])).tables[1].rows[0].cells[1]
    assert [p.text for p in signature.paragraphs if p.text.strip()] == ["CHỦ TỊCH", "Hoàng Văn Tuấn"]


def test_nhiem_vu_has_a_bieu_of_reference_003_shape(built):
    document = Document(str(built["nhiem-vu"]))
    assert "Biểu số 01" in texts(built["nhiem-vu"])
    table = document.tables[-1]
    top = [c.text for c in table.rows[0].cells]
    assert top[:3] == ["TT", "Tên đơn vị", "Nội dung nhiệm vụ trọng tâm"]
    assert set(top[3:]) == {"Tóm tắt kết quả triển khai thực hiện 6 tháng đầu năm 2026"}
    assert [c.text for c in table.rows[1].cells][3:] == [
        "Tên loại văn bản triển khai",
        "Khối lượng nhiệm vụ triển khai",
        "Đánh giá mức độ hoàn thành (%)",
    ]
    groups = [
        row.cells[0].text
        for row in table.rows
        if row.cells[1].text == row.cells[-1].text and row.cells[0].text in ("I", "II", "III")
    ]
    assert groups == ["I", "II", "III"]
    numbers = [row.cells[0].text for row in table.rows[2:] if row.cells[0].text.isdigit()]
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)] and len(numbers) == 6


@pytest.mark.parametrize("kind", KINDS)
def test_skeleton_of_each_kind_builds(report_dir, kind):
    skeleton = load_kind(kind).skeleton(parse_period("năm 2026"))
    report = small_report(loai=kind, ky_bao_cao="năm 2026") | skeleton
    _, result = build(report_dir.write(report), report_dir.path / "out.docx")
    assert result.warnings and all(w.code == "cho-trong" for w in result.warnings)  # only the placeholders to fill


def test_unknown_kind_is_a_located_vietnamese_error(report_dir):
    report = report_dir.write(small_report(loai="thi-đua"))
    with pytest.raises(BaocaoError) as error:
        build(report, report_dir.path / "out.docx")
    assert str(error.value).startswith(f"{report}:1:7: Giá trị của 'loai' không hợp lệ.")
    assert "'thi-dua'" in str(error.value) and not (report_dir.path / "out.docx").exists()


def test_chung_needs_its_own_subject(report_dir):
    report = report_dir.write(small_report(loai="chung"))
    with pytest.raises(BaocaoError, match="loại 'chung' cần ghi trich_yeu"):
        build(report, report_dir.path / "out.docx")
