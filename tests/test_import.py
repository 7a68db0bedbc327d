"""`baocao import`: Word reports (built by baocao, or made by hand) read back into YAML that builds the same text."""

from __future__ import annotations

import difflib
import subprocess
import tempfile
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from handmade import report, run, typed_note
from helpers import ALL_EXAMPLES, ROOT, docx_texts

from baocao import leftovers
from baocao.errors import BaocaoError
from baocao.pipeline import build
from baocao.readers.docx import import_docx, package, read_docx
from baocao.readers.docx.outline import constructs
from baocao.writers.pdf import find_soffice


def _same(a: Path, b: Path) -> float:
    return difflib.SequenceMatcher(None, docx_texts(a), docx_texts(b), autojunk=False).ratio()


@pytest.mark.parametrize("example", ALL_EXAMPLES, ids=lambda p: str(p.relative_to(ROOT / "data")))
def test_examples_round_trip(example: Path, tmp_path: Path) -> None:
    """build → import → build gives at least 99% the same paragraph text (in fact all of it)."""
    first, _ = build(example, tmp_path / "first.docx")
    done = import_docx(first, tmp_path / "unit")
    second, _ = build(done.report, tmp_path / "second.docx")
    assert _same(first, second) >= 0.99
    assert len(docx_texts(first)) == len(docx_texts(second))


# ---- a hand-made report ------------------------------------------------------------------


def _merge_right(cell, span: int) -> None:
    props = cell._tc.get_or_add_tcPr()
    grid = OxmlElement("w:gridSpan")
    grid.set(qn("w:val"), str(span))
    props.append(grid)


def _hand_made_body(d) -> None:
    """Labels typed, headings only in direct bold, typed note markers (one a superscript digit), a merged cell."""
    d.add_paragraph("Xã An Sơn có 12 thôn.")
    for heading in ("Phần thứ nhất", "KẾT QUẢ THỰC HIỆN", "I. CÔNG TÁC CHỈ ĐẠO", "1. Ban hành văn bản"):
        run(d.add_paragraph(), heading, bold=True)
    p = d.add_paragraph("Ban hành 09 văn bản")
    run(p, "1", superscript=True)
    p.add_run(", làm mới 120 m")
    run(p, "2", superscript=True)
    p.add_run(" nhà văn hóa.")
    run(d.add_paragraph(), "2. Khen thưởng", bold=True)
    d.add_paragraph("Khen thưởng 29 lượt⁴⁰ tập thể, cá nhân; sân 300 m² được lát.")
    d.add_paragraph("- Tập thể: 6 lượt;")
    d.add_paragraph("+ Giấy khen của Chủ tịch UBND xã: 4 lượt;")
    run(d.add_paragraph(), "Kết quả khen thưởng", bold=True)
    table = d.add_table(rows=4, cols=3)
    for cell, text in zip(table.rows[0].cells, ("TT", "Hình thức", "Số lượt"), strict=True):
        cell.text = text
    for row, values in zip(table.rows[1:3], (("1", "Giấy khen", "23"), ("2", "Bằng khen", "6")), strict=True):
        for cell, text in zip(row.cells, values, strict=True):
            cell.text = text
    merged = table.rows[3].cells[0].merge(table.rows[3].cells[1])
    merged.text = "Tổng cộng"
    table.rows[3].cells[2].text = "29"
    run(d.add_paragraph(), "II. PHƯƠNG HƯỚNG", bold=True)
    p = d.add_paragraph()
    run(p, "a) ")
    run(p, "Về tổ chức:", italic=True)
    p.add_run(" tiếp tục phát động thi đua.")
    d.add_paragraph(
        "b) Khen thưởng kịp thời các điển hình tiên tiến trong các phong trào thi đua do xã phát động, "
        "gắn với việc nhân rộng các mô hình hay, cách làm mới trên địa bàn xã."
    )


def _typed_notes(d) -> None:
    d.add_paragraph("__________")
    typed_note(d, 1, "Gồm 05 kế hoạch và 04 hướng dẫn.")
    d.add_paragraph("⁴⁰ Trong đó 06 tập thể và 23 cá nhân.")


def _hand_made(path: Path, closing: bool = True) -> Path:
    """A report typed by hand (handmade.report): a co quan chủ quản, a subject on two lines, typed notes."""
    return report(
        path,
        _hand_made_body,
        _typed_notes,
        parent="UBND HUYỆN VĂN QUAN",
        subject="Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm,\nphương hướng 6 tháng cuối năm 2024",
        closing="Trên đây là báo cáo sơ kết công tác thi đua, khen thưởng của UBND xã An Sơn./." if closing else "",
        recipients=("- UBND huyện;", "- Thường trực Đảng ủy xã;", "- Lưu: VT, VP."),
        signer=("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Hoàng Văn Bình"),
    )


@pytest.fixture(scope="module")
def hand_made(tmp_path_factory: pytest.TempPathFactory):
    return read_docx(_hand_made(tmp_path_factory.mktemp("hand") / "bao-cao.docx"))


def test_hand_made_frame(hand_made) -> None:
    profile, report = hand_made.profile, hand_made.report
    assert profile["co_quan_chu_quan"] == "UBND HUYỆN VĂN QUAN"
    assert profile["co_quan_ban_hanh"] == ["Ủy ban nhân dân", "xã An Sơn"]
    assert (profile["cap"], profile["dia_danh"], profile["ky_hieu"], profile["ten_goi_tat"]) == (
        "xã",
        "An Sơn",
        "UBND",
        "UBND xã An Sơn",
    )
    assert profile["nguoi_ky"] == {
        "tham_quyen": "TM.",
        "thay_cho": "Ủy ban nhân dân",
        "chuc_vu": "Chủ tịch",
        "ho_ten": "Hoàng Văn Bình",
    }
    assert (profile["noi_nhan"], profile["luu"]) == (["UBND huyện", "Thường trực Đảng ủy xã"], ["VT", "VP"])
    assert (report["loai"], report["ky_bao_cao"], report["so"], report["ngay"]) == (
        "thi-dua",
        "6 tháng đầu năm 2024",
        None,
        "6/2024",
    )
    assert (
        report["trich_yeu"]
        == "Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm,\nphương hướng 6 tháng cuối năm 2024"
    )
    assert report["ket_luan"] == "Trên đây là báo cáo sơ kết công tác thi đua, khen thưởng của UBND xã An Sơn"


def test_hand_made_outline(hand_made) -> None:
    report = hand_made.report
    assert report["co_phan"] is True and report["kieu_phan"] == "chu"
    assert report["mo_dau"] == ["Xã An Sơn có 12 thôn."]
    part = report["noi_dung"][0]
    assert part["tieu_de"] == "KẾT QUẢ THỰC HIỆN"
    first, second = part["noi_dung"]
    assert first["tieu_de"] == "CÔNG TÁC CHỈ ĐẠO" and second["tieu_de"] == "PHƯƠNG HƯỚNG"
    issued, rewards = first["noi_dung"]
    assert issued == {
        "tieu_de": "Ban hành văn bản",
        "noi_dung": ["Ban hành 09 văn bản[^Gồm 05 kế hoạch và 04 hướng dẫn.], làm mới 120 m^2^ nhà văn hóa."],
    }
    assert (
        rewards["noi_dung"][0]
        == "Khen thưởng 29 lượt[^Trong đó 06 tập thể và 23 cá nhân.] tập thể, cá nhân; sân 300 m² được lát."
    )
    assert rewards["noi_dung"][1] == ["Tập thể: 6 lượt;", ["Giấy khen của Chủ tịch UBND xã: 4 lượt;"]]
    assert hand_made.summary.typed_footnotes == 2 and hand_made.summary.footnotes == 2


def test_hand_made_table_with_merged_cells(hand_made) -> None:
    rewards = hand_made.report["noi_dung"][0]["noi_dung"][0]["noi_dung"][1]
    bang = rewards["noi_dung"][2]["bang"]
    assert bang["tieu_de"] == "Kết quả khen thưởng"
    assert [c["tieu_de"] for c in bang["cot"]] == ["TT", "Hình thức", "Số lượt"]
    assert [c.get("kieu") for c in bang["cot"]] == ["stt", None, "so"]
    # the merged "Tổng cộng" row adds up: the build writes it (tong_cong), so no merged cell is left to check
    assert bang["dong"] == [["Giấy khen", "23"], ["Bằng khen", "6"]] and bang["tong_cong"] is True
    assert not any("ô gộp" in d.message for d in hand_made.summary.doubts)


def test_hand_made_points(hand_made) -> None:
    """a) with an italic lead-in is a run-in heading, b) with plain text a numbered paragraph (issue 11's forms,
    when the model has them; before, the points stay paragraphs with their typed labels)."""
    phuong_huong = hand_made.report["noi_dung"][0]["noi_dung"][1]
    if "doan" in constructs():
        assert phuong_huong["kieu_muc_con"] == "chu"
        assert phuong_huong["noi_dung"] == [
            {"tieu_de": "Về tổ chức:", "doan": "tiếp tục phát động thi đua.", "kieu_tieu_de": "nghieng"},
            {
                "doan": "Khen thưởng kịp thời các điển hình tiên tiến trong các phong trào thi đua do xã phát động, "
                "gắn với việc nhân rộng các mô hình hay, cách làm mới trên địa bàn xã."
            },
        ]
    else:
        assert phuong_huong["noi_dung"][0] == "a) *Về tổ chức:* tiếp tục phát động thi đua."
        assert any("số thứ tự ở đầu" in d.message for d in hand_made.summary.doubts)


def test_import_writes_valid_commented_files(tmp_path: Path) -> None:
    source = _hand_made(tmp_path / "bao-cao.docx")
    done = import_docx(source, tmp_path / "an-son")
    profile = tmp_path / "an-son" / "don-vi.yaml"
    text = done.report.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=schema/bao-cao.schema.json")
    assert "# Đã đọc: " in text and all(f"# {line.strip()}" in text for line in done.summary.lines())
    assert "loai: thi-dua" in text and "# loại báo cáo" in text
    assert yaml.safe_load(profile.read_text(encoding="utf-8"))["dia_danh"] == "An Sơn"
    built, _ = build(done.report, tmp_path / "again.docx")
    assert "Ban hành 09 văn bản" in " ".join(docx_texts(built))


def test_existing_profile_kept_and_differences_told(tmp_path: Path) -> None:
    source = _hand_made(tmp_path / "bao-cao.docx")
    first = import_docx(source, tmp_path / "unit")
    profile = tmp_path / "unit" / "don-vi.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("Hoàng Văn Bình", "Nông Thị Lan"), encoding="utf-8")
    first.report.unlink()
    again = import_docx(source, tmp_path / "unit")
    assert again.kept == [profile] and profile not in again.written
    assert any("nguoi_ky" in line for line in again.summary.notes)
    assert yaml.safe_load(again.report.read_text(encoding="utf-8"))["nguoi_ky"]["ho_ten"] == "Hoàng Văn Bình"


# ---- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"plain text, not Word", "không phải tệp Word"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64 + "EncryptedPackage".encode("utf-16-le"), "mật khẩu"),
    ],
)
def test_bad_files_refused_in_vietnamese(tmp_path: Path, content: bytes, words: str) -> None:
    bad = tmp_path / "bao-cao.docx"
    bad.write_bytes(content)
    with pytest.raises(BaocaoError) as error:
        import_docx(bad, tmp_path / "out")
    assert words in str(error.value)
    assert not (tmp_path / "out").exists()


def test_a_zip_without_a_body_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "bang.docx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(BaocaoError, match=r"không phải tệp Word \(thiếu word/document.xml\)"):
        read_docx(other)


def test_zip_bomb_refused_before_reading(tmp_path: Path) -> None:
    bomb = tmp_path / "bom.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b" " * (80 * 1024 * 1024))
    with pytest.raises(BaocaoError, match="quá lớn để đọc: .*giải nén ra quá"):
        read_docx(bomb)


def test_document_without_bao_cao_structure(tmp_path: Path) -> None:
    letter = tmp_path / "thu.docx"
    d = docx.Document()
    d.add_paragraph("Kính gửi anh chị, đây là một lá thư.")
    d.save(str(letter))
    with pytest.raises(BaocaoError, match="Không thấy cấu trúc BÁO CÁO"):
        import_docx(letter, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_cli_import(cli, tmp_path: Path) -> None:
    source = _hand_made(tmp_path / "bao-cao.docx")
    code, out, _ = cli("import", source, "-o", "don-vi-moi")
    assert code == 0
    assert "Đã đọc:" in out and "Đã viết" in out
    assert (tmp_path / "don-vi-moi" / "thi-dua-6-thang-dau-nam-2024.yaml").is_file()
    code, _, err = cli("import", tmp_path / "khong-co.docx")
    assert code == 2 and "khong-co.docx" in err


@pytest.mark.parametrize(
    ("quoc_hieu", "number", "archive", "luu"),
    [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 15/BC-UBND", "- Lưu: VT.", ["VT"]),
        ("CONG HOA XA HOI CHU NGHIA VIET NAM", "Số:15/BC - UBND.", "– LƯU : VT, VP.", ["VT", "VP"]),  # typed loosely
    ],
)
def test_word_numbering_and_tab_separated_frame(
    tmp_path: Path, quoc_hieu: str, number: str, archive: str, luu: list[str]
) -> None:
    """Headings numbered by Word (List Number), bullets by Word (List Bullet), header and signature typed with tabs."""
    d = docx.Document()
    run(d.add_paragraph(), f"ỦY BAN NHÂN DÂN\t{quoc_hieu}", bold=True)
    run(d.add_paragraph(), "PHƯỜNG ĐÔNG KINH\tĐộc lập - Tự do - Hạnh phúc", bold=True)
    d.add_paragraph(f"{number}\tĐông Kinh, ngày 04 tháng 10 năm 2025")
    run(d.add_paragraph(), "BÁO CÁO", bold=True)
    run(d.add_paragraph(), "Tình hình kinh tế - xã hội 9 tháng năm 2025", bold=True)
    for title in ("Kinh tế", "Văn hóa - xã hội"):
        run(d.add_paragraph(style="List Number"), title, bold=True)
        d.add_paragraph(f"Lĩnh vực {title.lower()} đạt kết quả tốt.")
        d.add_paragraph("Việc thứ nhất;", style="List Bullet")
    d.add_paragraph("Trên đây là báo cáo của UBND phường Đông Kinh./.")
    d.add_paragraph("Nơi nhận:\tCHỦ TỊCH")
    d.add_paragraph("- UBND tỉnh;")
    d.add_paragraph(f"{archive}\tNguyễn Văn An")
    d.save(str(tmp_path / "so-tu-dong.docx"))
    read = read_docx(tmp_path / "so-tu-dong.docx")
    assert (
        read.profile["co_quan_ban_hanh"] == ["Ủy ban nhân dân", "phường Đông Kinh"] and read.profile["cap"] == "phường"
    )
    assert (read.profile["ky_hieu"], read.profile["luu"], read.profile["noi_nhan"]) == ("UBND", luu, ["UBND tỉnh"])
    assert read.profile["nguoi_ky"] == {
        "tham_quyen": "",
        "thay_cho": "",
        "chuc_vu": "Chủ tịch",
        "ho_ten": "Nguyễn Văn An",
    }
    assert (read.report["loai"], read.report["ky_bao_cao"], read.report["so"], read.report["ngay"]) == (
        "kt-xh",
        "9 tháng năm 2025",
        15,
        "04/10/2025",
    )
    assert read.report["trich_yeu"] == "Tình hình kinh tế - xã hội 9 tháng năm 2025"
    assert read.report["noi_dung"] == [
        {"tieu_de": "Kinh tế", "noi_dung": ["Lĩnh vực kinh tế đạt kết quả tốt.", ["Việc thứ nhất;"]]},
        {"tieu_de": "Văn hóa - xã hội", "noi_dung": ["Lĩnh vực văn hóa - xã hội đạt kết quả tốt.", ["Việc thứ nhất;"]]},
    ]


@pytest.mark.needs_soffice
def test_old_doc_read_through_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Converted by the PDF writer's runner (interrupt-safe) in a scratch folder swept after a killed run."""
    source = _hand_made(tmp_path / "bao-cao.docx")
    subprocess.run(
        [
            find_soffice(),
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "doc",
            "--outdir",
            str(tmp_path / "cu"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    scratch, converted = tmp_path / "tmp", []
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    real = package.run_soffice
    monkeypatch.setattr(package, "run_soffice", lambda *a: (converted.append(a[2].name), real(*a))[1])
    read = read_docx(tmp_path / "cu" / "bao-cao.doc")
    assert read.profile["dia_danh"] == "An Sơn"
    assert read.report["noi_dung"][0]["tieu_de"] == "KẾT QUẢ THỰC HIỆN"
    assert [name.startswith(leftovers.prefix() + "import-") for name in converted] == [True]
    assert list(scratch.iterdir()) == []


def test_hand_made_round_trip(tmp_path: Path) -> None:
    """A hand-made file imported then built: the same paragraph text, every footnote in order."""
    source = _hand_made(tmp_path / "bao-cao.docx")
    done = import_docx(source, tmp_path / "unit")
    built, _ = build(done.report, tmp_path / "built.docx")
    original = "\n".join(t for t in docx_texts(source) if not t.startswith(("⁴⁰", "1 Gồm", "___")))
    again = "\n".join(docx_texts(built)[:-2])
    assert difflib.SequenceMatcher(None, original, again, autojunk=False).ratio() >= 0.97
    assert docx_texts(built)[-2:] == ["Gồm 05 kế hoạch và 04 hướng dẫn.", "Trong đó 06 tập thể và 23 cá nhân."]


def _text_box(lines: list[tuple[str, bool]]):
    """A VML text box (as older Word files hold the header) with one paragraph per line."""
    paragraphs = "".join(
        f'<w:p><w:r>{"<w:rPr><w:b/></w:rPr>" if bold else ""}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
        for text, bold in lines
    )
    return parse_xml(
        f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox>'
        f"<w:txbxContent>{paragraphs}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )


def test_header_in_text_boxes(tmp_path: Path) -> None:
    d = docx.Document()
    anchor = d.add_paragraph()
    anchor._p.append(_text_box([("ỦY BAN NHÂN DÂN", True), ("XÃ HỒ SƠN", True), ("Số: 21/BC-UBND", False)]))
    anchor._p.append(
        _text_box(
            [
                ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
                ("Độc lập - Tự do - Hạnh phúc", True),
                ("Hồ Sơn, ngày 10 tháng 12 năm 2025", False),
            ]
        )
    )
    run(d.add_paragraph(), "BÁO CÁO", bold=True)
    run(d.add_paragraph(), "Kết quả công tác cải cách hành chính năm 2025", bold=True)
    d.add_paragraph("Năm 2025, xã giải quyết đúng hạn mọi hồ sơ.")
    d.add_paragraph("Nơi nhận:\tCHỦ TỊCH")
    d.add_paragraph("- Lưu: VT.\tLê Văn Hà")
    d.save(str(tmp_path / "hop-van-ban.docx"))
    read = read_docx(tmp_path / "hop-van-ban.docx")
    assert read.profile["co_quan_ban_hanh"] == ["Ủy ban nhân dân", "xã Hồ Sơn"] and read.profile["dia_danh"] == "Hồ Sơn"
    assert (read.report["loai"], read.report["ky_bao_cao"], read.report["so"], read.report["ngay"]) == (
        "chung",
        "năm 2025",
        21,
        "10/12/2025",
    )
    assert read.report["mo_dau"] == ["Năm 2025, xã giải quyết đúng hạn mọi hồ sơ."]
    assert any("câu kết" in d.message for d in read.summary.doubts)
