"""Templates per unit: unit folder → shared folder → built-in; `templates list/copy/check`; the lint's places."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Cm
from helpers import EXAMPLE, edit_part, w
from lxml import etree

from baocao.errors import BaocaoError
from baocao.input.validate import read_sources
from baocao.pipeline import build
from baocao.writers.docx.template_check import template_problems
from baocao.writers.docx.templates import builtin_template, copy_builtin, resolve


def set_heading_font(docx: Path, font: str, level: int = 2) -> Path:
    """The Heading `level` style's font, for every script (as a clerk would set it in Word)."""

    def change(xml: str) -> str:
        root = etree.fromstring(xml.encode("utf-8"))
        style = next(s for s in root.iter(w("style")) if s.get(w("styleId")) == f"Heading{level}")
        fonts = style.find(f"{w('rPr')}/{w('rFonts')}")
        for script in ("ascii", "hAnsi", "cs", "eastAsia"):
            fonts.set(w(script), font)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True).decode("utf-8")

    return edit_part(docx, "word/styles.xml", change)


def heading_font(docx: Path, level: int = 2) -> str:
    return Document(str(docx)).styles[f"Heading {level}"].element.rPr.find(w("rFonts")).get(w("ascii"))


def add_line(path: Path, line: str) -> int:
    """Append a top-level `key: value` line; return its line number."""
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    path.write_text(text + line + "\n", encoding="utf-8")
    return text.count("\n") + 1


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


@pytest.fixture
def report(unit) -> Path:
    return unit / EXAMPLE.name


def copy_as(name: str, folder: Path, font: str) -> Path:
    return set_heading_font(copy_builtin("thi-dua", folder).rename(folder / f"{name}.docx"), font)


def built_font(report: Path, shared: Path | None = None) -> str:
    target, _ = build(report, report.parent / "out.docx", shared)
    return heading_font(target)


# ---- where a template comes from -----------------------------------------------------------


def test_built_in_when_nothing_else(report):
    resolution = resolve(read_sources(report))
    assert resolution.name == "thi-dua" and resolution.reason == "loại báo cáo 'thi-dua'"
    assert resolution.chosen.path == builtin_template("thi-dua") and resolution.chosen.origin == "mẫu có sẵn"
    assert built_font(report) == "Times New Roman"


def test_unit_folder_then_profile_shared_folder_then_command_line(report, unit, tmp_path):
    province, other = tmp_path / "tinh" / "mau", tmp_path / "khac"
    province.mkdir(parents=True)
    other.mkdir()
    copy_as("thi-dua", province, "Arial")
    copy_as("thi-dua", other, "Verdana")
    add_line(unit / "don-vi.yaml", "thu_muc_mau: ../tinh/mau")
    assert built_font(report) == "Arial"  # the profile's shared folder
    assert built_font(report, other) == "Verdana"  # --thu-muc-mau wins over the profile
    copy_as("thi-dua", unit, "Tahoma")
    assert built_font(report, other) == "Tahoma"  # the unit's own template wins over both
    assert [c.origin for c in resolve(read_sources(report), other).candidates] == [
        "thư mục đơn vị",
        "thư mục mẫu chung (--thu-muc-mau)",
        "mẫu có sẵn",
    ]


def test_a_kind_is_overridden_alone(report, unit):
    copy_as("kt-xh", unit, "Arial")
    assert built_font(report) == "Times New Roman"  # thi-dua still built-in
    assert built_font(unit / "kt-xh-6-thang-2026.yaml") == "Arial"


def test_mau_key_names_another_template(report, unit):
    copy_as("thi-dua-tinh", unit, "Arial")
    add_line(report, "mau: thi-dua-tinh.docx")
    resolution = resolve(read_sources(report))
    assert (resolution.name, resolution.reason) == ("thi-dua-tinh", "khóa mau của tệp báo cáo")
    assert built_font(report) == "Arial"


def test_missing_mau_template_is_a_located_error_and_writes_nothing(report):
    line = add_line(report, "mau: khong-co")
    with pytest.raises(BaocaoError) as error:
        build(report, report.parent / "out.docx")
    assert str(error.value).startswith(f"{report}:{line}:6: Không tìm thấy mẫu Word 'khong-co.docx'.")
    assert str(report.parent / "khong-co.docx") in str(error.value)
    assert not (report.parent / "out.docx").exists()


def test_mau_with_a_folder_is_refused(report):
    add_line(report, "mau: ../mau/thi-dua")
    with pytest.raises(BaocaoError, match="Khóa mau chỉ ghi tên mẫu, không ghi thư mục"):
        build(report, report.parent / "out.docx")


def test_missing_shared_folder_in_profile_is_located(report, unit):
    line = add_line(unit / "don-vi.yaml", "thu_muc_mau: ../khong-co")
    with pytest.raises(BaocaoError) as error:
        build(report, unit / "out.docx")
    assert str(error.value).startswith(f"{unit / 'don-vi.yaml'}:{line}:14: Không có thư mục mẫu chung")


# ---- the commands ------------------------------------------------------------------------


def test_templates_list_says_which_and_why(cli, report, unit, tmp_path):
    shared = tmp_path / "tinh"
    shared.mkdir()
    copy_as("thi-dua", shared, "Arial")
    code, out, err = cli("templates", "list", report, "--thu-muc-mau", shared)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Mẫu 'thi-dua' (theo loại báo cáo 'thi-dua'), tìm lần lượt:"
    assert lines[1] == f"  1. {unit / 'thi-dua.docx'} (thư mục đơn vị): không có"
    assert lines[2] == f"  2. {shared / 'thi-dua.docx'} (thư mục mẫu chung (--thu-muc-mau)): ← dùng tệp này"
    assert lines[3].endswith("(mẫu có sẵn): có, nhưng tệp ở trên được ưu tiên")


def test_templates_list_without_shared_folder(cli, report):
    code, out, _ = cli("templates", "list", report)
    assert code == 0 and "(mẫu có sẵn): ← dùng tệp này" in out and "Không có thư mục mẫu chung" in out


def test_templates_copy_writes_the_built_in_and_never_overwrites(cli, tmp_path):
    code, out, err = cli("templates", "copy", "nhiem-vu", "mau")
    assert code == 0, err
    copied = tmp_path / "mau" / "nhiem-vu.docx"
    assert copied.read_bytes() == builtin_template("nhiem-vu").read_bytes()
    assert "baocao templates check" in out
    copied.write_bytes(b"sua trong Word")
    code, _, err = cli("templates", "copy", "nhiem-vu", "mau")
    assert code == 1 and "không ghi đè" in err and copied.read_bytes() == b"sua trong Word"


def test_templates_copy_unknown_name_is_misuse(cli, tmp_path):
    code, _, err = cli("templates", "copy", "bao-cao-tinh")
    assert code == 2 and "không có mẫu 'bao-cao-tinh'; các mẫu có sẵn: bao-cao, chung, kt-xh, nhiem-vu, thi-dua." in err
    assert list(tmp_path.iterdir()) == []


def test_templates_check_ok_and_broken(cli, tmp_path):
    template = copy_builtin("bao-cao", tmp_path)
    code, out, _ = cli("templates", "check", template)
    assert code == 0 and f"Mẫu dùng được {template}" in out
    edit_part(template, "word/document.xml", lambda xml: xml.replace("{{ trich_yeu }}", "{{ trich_yeu }"))
    code, _, err = cli("templates", "check", template)
    assert code == 1 and f"Lỗi {template}: đoạn 2 «{{{{ trich_yeu }}»: Thẻ hỏng" in err


def test_shared_folder_that_does_not_exist_is_misuse(cli, report):
    for command in (["build", report], ["validate", report], ["templates", "list", report]):
        code, _, err = cli(*command, "--thu-muc-mau", "khong-co")
        assert code == 2 and "không có thư mục 'khong-co'" in err, command


def test_validate_uses_the_shared_folder(cli, report, tmp_path):
    shared = tmp_path / "tinh"
    shared.mkdir()
    edit_part(
        copy_builtin("thi-dua", shared),
        "word/document.xml",
        lambda xml: xml.replace("{{ ho_ten }}", "{{ ho_ten_nguoi_ky }}"),
    )
    assert cli("validate", report)[0] == 0
    code, _, err = cli("validate", report, "--thu-muc-mau", shared)
    assert code == 1 and "Mẫu dùng tên 'ho_ten_nguoi_ky' không có." in err


# ---- a customised template still gives a valid report -----------------------------------


def test_changing_a_heading_font_changes_that_and_nothing_else(report, unit):
    before = build(report, unit / "a.docx")[1].data
    template = copy_builtin("thi-dua", unit)
    assert build(report, unit / "b.docx")[1].data == before  # an unchanged copy gives the same report
    set_heading_font(template, "Arial")
    after = build(report, unit / "c.docx")[1].data  # same path, edited: read again
    old, new = parts(before), parts(after)
    assert list(old) == list(new)
    assert [name for name in old if old[name] != new[name]] == ["word/styles.xml"]
    assert heading_font(unit / "c.docx") == "Arial" and heading_font(unit / "c.docx", level=3) == "Times New Roman"


def _png() -> bytes:
    """A 1×1 red PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


def test_a_template_with_a_logo_gives_a_valid_report(report, unit, tmp_path):
    template = copy_builtin("thi-dua", unit)
    (tmp_path / "logo.png").write_bytes(_png())
    document = Document(str(template))
    issuer = document.tables[0].rows[0].cells[0]
    issuer.paragraphs[0].insert_paragraph_before().add_run().add_picture(str(tmp_path / "logo.png"), width=Cm(1))
    document.save(str(template))
    assert template_problems(template) == []
    target, built = build(report, unit / "out.docx")
    assert not built.warnings
    assert any(name.startswith("word/media/") for name in parts(target.read_bytes()))
    audit = pytest.importorskip("openxml_audit")
    result = audit.OpenXmlValidator().validate(str(target))
    assert result.is_valid, [str(e) for e in result.errors]


# ---- the lint: each problem with its place ------------------------------------------------

HYPERLINK = '<w:t>{{ trich</w:t></w:r><w:hyperlink w:anchor="x"><w:r><w:t>_yeu }}</w:t></w:r></w:hyperlink>'


@pytest.mark.parametrize(
    ("part", "old", "new", "expected"),
    [
        (
            "word/document.xml",
            "{{ trich_yeu }}",
            "{{ trich_yeu }",
            "đoạn 2 «{{ trich_yeu }»: Thẻ hỏng ở «{{ trich_yeu }»",
        ),
        ("word/document.xml", "{{ trich_yeu }}", "{ { trich_yeu }}", "đoạn 2 «{ { trich_yeu }}»: Thẻ hỏng"),
        (
            "word/document.xml",
            "{{ trich_yeu }}",
            "{{ trich</w:t></w:r></w:p><w:p><w:r><w:t>_yeu }}",
            "đoạn 3 «_yeu }}»: Thẻ hỏng",
        ),
        (
            "word/document.xml",
            "<w:t>{{ trich_yeu }}</w:t></w:r>",
            HYPERLINK + "<w:r><w:t></w:t></w:r>",
            "đoạn 2 «{{ trich_yeu }}»: Thẻ {{ trich_yeu }} bị tách qua liên kết",
        ),
        (
            "word/document.xml",
            "{{ trich_yeu }}",
            "{{ trich_yeuu }}",
            "đoạn 2 «{{ trich_yeuu }}»: Mẫu dùng tên 'trich_yeuu' không có.",
        ),
        (
            "word/document.xml",
            "{{ trich_yeu }}",
            "{{ trich_yeu | hoa }}",
            "đoạn 2 «{{ trich_yeu | hoa }}»: Không có bộ lọc 'hoa'.",
        ),
        (
            "word/document.xml",
            "{{ trich_yeu }}",
            "{{ trich yeu }}",
            "đoạn 2 «{{ trich yeu }}»: Thẻ viết sai: thiếu '}}'",
        ),
        (
            "word/document.xml",
            "{%p endif %}",
            "",
            "bảng 1, ô (1, 1) «{%p if co_quan_chu_quan %}»: Khối {% if %} chưa có thẻ đóng {% endif %}.",
        ),
        (
            "word/document.xml",
            "{%p endfor %}",
            "{%p endif %}",
            "bảng 1, ô (1, 1) «{%p endif %}»: Thẻ {% endif %} không khớp",
        ),
        (
            "word/document.xml",
            "{%p endif %}",
            "{%p endiff %}",
            "«{%p endiff %}»: Thẻ {% endiff %} không dùng được trong mẫu.",
        ),
        ("word/document.xml", "{{ noi_dung }}", "nội dung", "Mẫu không có đoạn {{ noi_dung }} (chỗ đặt thân báo cáo)."),
        (
            "word/document.xml",
            "{{ noi_dung }}",
            "Nội dung: {{ noi_dung }}",
            "«Nội dung: {{ noi_dung }}»: Thẻ {{ noi_dung }} phải đứng riêng",
        ),
        (
            "word/document.xml",
            "{{ ho_ten }}",
            "{{ ho_ten }}{{ noi_dung }}",
            "bảng 2, ô (1, 2) «{{ ho_ten }}{{ noi_dung }}»: Thẻ {{ noi_dung }} chỉ được có một lần.",
        ),
        (
            "word/header1.xml",
            "PAGE",
            "PAGE {{ so_trang }}",
            "đầu trang 1, đoạn 1 «PAGE {{ so_trang }} 2»: Mẫu dùng tên 'so_trang' không có.",
        ),
        (
            "word/styles.xml",
            '<w:name w:val="Gạch đầu dòng"/>',
            '<w:name w:val="Gach"/>',
            "Mẫu thiếu kiểu (style): Gạch đầu dòng.",
        ),
        (
            "word/styles.xml",
            '<w:name w:val="heading 3"/>',
            '<w:name w:val="Tieu muc"/>',
            "Mẫu thiếu kiểu (style): Heading 3.",
        ),
    ],
)
def test_lint_names_the_problem_and_its_place(tmp_path, part, old, new, expected):
    template = copy_builtin("bao-cao", tmp_path)
    edit_part(
        template, part, lambda xml: xml.replace(old, new, 1) if old in xml else pytest.fail(f"{old!r} not in {part}")
    )
    messages = [problem.message for problem in template_problems(template)]
    assert any(expected in message for message in messages), messages
    assert all(str(problem.location) == str(template) for problem in template_problems(template))


def test_tags_split_across_plain_runs_are_fine(tmp_path):
    template = copy_builtin("bao-cao", tmp_path)
    edit_part(
        template,
        "word/document.xml",
        lambda xml: xml.replace(
            "{{ trich_yeu }}",
            '{{ trich</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:rPr><w:b/></w:rPr><w:t>_yeu }}',
        ),
    )
    assert template_problems(template) == []


TEXT_BOX = (
    '<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
    + "".join(
        f"<mc:{branch}><w:txbxContent><w:p><w:r><w:t>{{{{ ho_tenn }}}}</w:t></w:r></w:p></w:txbxContent></mc:{branch}>"
        for branch in ("Choice", "Fallback")
    )
    + "</mc:AlternateContent></w:r>"
)


def test_a_text_box_is_placed_after_its_anchor_and_read_once(tmp_path):
    """Its paragraphs do not shift the body's count (the places `baocao check` gives); its fallback copy is not read."""
    template = copy_builtin("bao-cao", tmp_path)
    edit_part(
        template,
        "word/document.xml",
        lambda xml: xml.replace("{{ trich_yeu }}</w:t></w:r>", "{{ trich_yeu }}</w:t></w:r>" + TEXT_BOX).replace(
            "{{ dong_nghieng }}", "{{ dong_nghiengg }}"
        ),
    )
    assert [problem.message for problem in template_problems(template)] == [
        "đoạn 2, hộp văn bản 1, đoạn 1 «{{ ho_tenn }}»: Mẫu dùng tên 'ho_tenn' không có.",
        "đoạn 5 «{{ dong_nghiengg }}»: Mẫu dùng tên 'dong_nghiengg' không có.",
    ]


def test_a_file_that_is_not_word(tmp_path):
    template = tmp_path / "mau.docx"
    template.write_text("không phải Word", encoding="utf-8")
    assert [p.message for p in template_problems(template)] == ["Không đọc được tệp Word (.docx)."]


def test_build_with_a_broken_template_names_template_and_place_and_writes_nothing(report, unit):
    template = edit_part(
        copy_builtin("thi-dua", unit), "word/document.xml", lambda xml: xml.replace("{{ trich_yeu }}", "{{ trich_yeu }")
    )
    with pytest.raises(BaocaoError) as error:
        build(report, unit / "out.docx")
    assert str(error.value).startswith(f"{template}: đoạn 2 «{{{{ trich_yeu }}»: Thẻ hỏng")
    assert not (unit / "out.docx").exists()


def test_a_broken_template_is_told_with_the_reports_own_problems_in_one_run(cli, report, unit):
    """A broken tag in the unit's template, a misspelt figure in a sentence and a wrong key in the report:
    one validate tells all three (the template is found from the YAML as validation loaded it, not read again)."""
    template = edit_part(
        copy_builtin("thi-dua", unit), "word/document.xml", lambda xml: xml.replace("{{ trich_yeu }}", "{{ trich_yeu }")
    )
    text = report.read_text(encoding="utf-8")
    report.write_text(
        text.replace("so_lieu.van_ban_chi_dao |", "so_lieu.van_ban_chi_daoo |", 1).replace(
            "ky_bao_cao:", "so_trang: 3\nky_bao_cao:", 1
        ),
        encoding="utf-8",
    )
    code, _, err = cli("validate", report)
    err = " ".join(err.split())
    assert code == 1
    assert "Khóa 'so_trang' không hợp lệ" in err
    assert f"Lỗi {template}: đoạn 2 «{{{{ trich_yeu }}»: Thẻ hỏng" in err
    assert "(2 lỗi)" in err  # the model error stops validation before the sentences
    report.write_text(text.replace("so_lieu.van_ban_chi_dao |", "so_lieu.van_ban_chi_daoo |", 1), encoding="utf-8")
    code, _, err = cli("validate", report)
    err = " ".join(err.split())
    assert code == 1 and "Số liệu 'van_ban_chi_daoo' chưa được khai báo" in err
    assert f"Lỗi {template}: đoạn 2" in err and "(2 lỗi)" in err


def test_a_broken_shared_template_is_told_with_the_reports_problems(cli, report, tmp_path):
    shared = tmp_path / "tinh"
    shared.mkdir()
    edit_part(
        copy_builtin("thi-dua", shared), "word/document.xml", lambda xml: xml.replace("{{ ho_ten }}", "{{ ho_tn }}")
    )
    report.write_text(report.read_text(encoding="utf-8").replace("ky_bao_cao:", "so_trang: 3\nky_bao_cao:", 1))
    code, _, err = cli("validate", report, "--thu-muc-mau", shared)
    assert code == 1 and "Mẫu dùng tên 'ho_tn' không có." in err and "Khóa 'so_trang' không hợp lệ" in err
    (report.parent / "don-vi.yaml").write_text(
        (report.parent / "don-vi.yaml").read_text(encoding="utf-8") + "thu_muc_mau: ../tinh\n", encoding="utf-8"
    )
    code, _, err = cli("validate", report)
    assert code == 1 and "Mẫu dùng tên 'ho_tn' không có." in err and "Khóa 'so_trang' không hợp lệ" in err


def test_a_preview_does_not_look_for_a_template_even_when_the_report_fails(report, unit):
    from baocao.pipeline import render

    edit_part(copy_builtin("thi-dua", unit), "word/document.xml", lambda xml: xml.replace("{{ trich_yeu }}", "{{ x }"))
    report.write_text(report.read_text(encoding="utf-8").replace("ky_bao_cao:", "so_trang: 3\nky_bao_cao:", 1))
    with pytest.raises(BaocaoError) as error:
        render(report, writer="html")
    assert [p.message for p in error.value.problems if "Thẻ hỏng" in p.message] == []


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("{{ ho_ten | so }}", "'Lê Thị Minh Hạnh' không phải là một số."),
        ("{{ ho_ten + 1 }}", "không đúng kiểu"),
        ("{{ 1 / 0 }}", "chia cho 0"),
    ],
)
def test_a_template_tag_that_fails_to_compute_is_the_templates_error(report, unit, tag, expected):
    """The lint cannot see these; the build names the template in Vietnamese, not as a fault of the program."""
    template = edit_part(
        copy_builtin("thi-dua", unit), "word/document.xml", lambda xml: xml.replace("{{ ho_ten }}", tag)
    )
    with pytest.raises(BaocaoError) as error:
        build(report, unit / "out.docx")
    problem = error.value.problems[0]
    assert problem.location.file == template
    assert problem.message.startswith("Mẫu Word không hiển thị được.") and expected in problem.message
    assert not (unit / "out.docx").exists()


def test_a_style_without_a_name_is_ignored(report, unit):
    edit_part(
        copy_builtin("thi-dua", unit),
        "word/styles.xml",
        lambda xml: xml.replace("</w:styles>", '<w:style w:type="paragraph" w:styleId="KhongTen"/></w:styles>'),
    )
    target, _ = build(report, unit / "out.docx")
    assert target.exists()


def test_templates_list_when_the_named_template_is_nowhere(cli, report):
    add_line(report, "mau: khong-co")
    code, out, err = cli("templates", "list", report)
    assert code == 1 and "Mẫu 'khong-co' (theo khóa mau của tệp báo cáo)" in out
    assert "Không tìm thấy mẫu 'khong-co'" in err
