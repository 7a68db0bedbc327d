"""PDF/A export (`build --pdf --pdfa`) and digital signatures (`baocao sign`, `sign --kiem-tra`).

The example report is exported once as PDF/A-2b by LibreOffice; the tests read its XMP identification and
fonts, sign it with a throwaway certificate made here (cryptography), and validate the result with pyHanko.
"""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from helpers import EXAMPLE, killed_run_leftovers
from lxml import etree
from pyhanko.pdf_utils.reader import PdfFileReader

from baocao import leftovers
from baocao.writers.sign import FIELD_NAME, all_accepted, check_signatures, fold, place_signature, segments, sign_pdf

pytestmark = pytest.mark.needs_soffice
PASSWORD = "mat-khau-thu"
SIGNER = "Lê Thị Minh Hạnh"


@pytest.fixture(scope="module")
def pdfa(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example built with `baocao build --pdf --pdfa`."""
    folder = tmp_path_factory.mktemp("pdfa")
    result = subprocess.run(
        [sys.executable, "-m", "baocao", "build", str(EXAMPLE), "-o", str(folder / "bao-cao.docx"), "--pdfa"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and "Đã xuất PDF/A-2b" in result.stdout, result.stdout + result.stderr
    return folder / "bao-cao.pdf"


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A throwaway self-signed signing certificate: (the .p12 with its key, the certificate as PEM)."""
    folder = tmp_path_factory.mktemp("cert")
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, SIGNER), x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")])
    now = datetime.datetime.now(datetime.timezone.utc)
    usage = x509.KeyUsage(
        digital_signature=True,
        content_commitment=True,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=True,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(usage, critical=True)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    p12, pem = folder / "chung-thu.p12", folder / "chung-thu.pem"
    p12.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"thu", key, cert, None, serialization.BestAvailableEncryption(PASSWORD.encode())
        )
    )
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return p12, pem


PDFAID = "http://www.aiim.org/pdfa/ns/id/"


def _pdfa_id(pdf: Path) -> tuple[str | None, str | None]:
    """(pdfaid:part, pdfaid:conformance) of the XMP metadata, written as elements or as attributes."""
    with pdf.open("rb") as handle:
        xmp = etree.fromstring(PdfFileReader(handle).root["/Metadata"].data)
    found = []
    for name in ("part", "conformance"):
        values = [
            d.get(f"{{{PDFAID}}}{name}") or d.findtext(f"{{{PDFAID}}}{name}")
            for d in xmp.iter("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}Description")
        ]
        found.append(next((v for v in values if v), None))
    return found[0], found[1]


def _fonts(pdf: Path) -> list:
    with pdf.open("rb") as handle:
        reader = PdfFileReader(handle)
        fonts = []
        for number in range(len(reader.root["/Pages"]["/Kids"])):
            page = reader.find_page_for_modification(number)[0].get_object()
            resources = page["/Resources"].get_object()
            fonts += [font.get_object() for font in resources.get("/Font", {}).get_object().values()]
        return [(f["/BaseFont"], _embedded(f)) for f in fonts]


def _embedded(font) -> bool:
    own = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
    descriptor = own.get("/FontDescriptor")
    return descriptor is not None and any(
        k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
    )


def test_pdfa_is_identified_as_pdfa_2b_with_fonts_embedded(pdfa: Path) -> None:
    assert _pdfa_id(pdfa) == ("2", "B")
    fonts = _fonts(pdfa)
    assert fonts and all(embedded for _, embedded in fonts), fonts


def test_signature_box_is_placed_over_the_signers_block(pdfa: Path) -> None:
    from pdfminer.high_level import extract_pages

    placement = place_signature(pdfa)
    assert placement.found
    page = list(extract_pages(str(pdfa)))[placement.page]
    found = {s.text: s for s in segments(page)}
    position, name = found["PHO CHU TICH"], found[fold(SIGNER)]
    x1, y1, x2, y2 = placement.box
    assert name.baseline < y1 < y2 < position.baseline  # in the space left for the signature
    assert x1 < name.x0 < name.x1 < x2 and x1 > found["Noi nhan:"].x1


def test_signed_pdf_validates_with_pyhanko(pdfa: Path, certificate: tuple[Path, Path], tmp_path: Path) -> None:
    from asn1crypto import pem as asn1_pem
    from asn1crypto import x509 as asn1_x509
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    p12, pem = certificate
    signed = tmp_path / "da-ky.pdf"
    placement = sign_pdf(pdfa, signed, p12, PASSWORD)
    root = asn1_x509.Certificate.load(asn1_pem.unarmor(pem.read_bytes())[2])
    with signed.open("rb") as handle:
        reader = PdfFileReader(handle)
        (signature,) = reader.embedded_signatures
        status = validate_pdf_signature(signature, ValidationContext(trust_roots=[root]))
        assert status.bottom_line and status.intact and status.valid and status.trusted
        assert signature.field_name == FIELD_NAME
        widget = signature.sig_field
        assert [round(v) for v in widget["/Rect"]] == list(placement.box)
        appearance = widget["/AP"]["/N"].data
    text = subprocess.run(
        ["pdftotext", "-f", str(placement.page + 1), "-l", str(placement.page + 1), str(signed), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert f"Ký số bởi: {SIGNER}" in text and "Thời gian:" in text
    assert b"/F1" in appearance
    assert _pdfa_id(signed) == ("2", "B")  # still identified as PDF/A-2b


def test_the_signed_file_is_written_through_a_swept_temporary(
    pdfa: Path, certificate: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The temporary file carries this run's pid (leftovers), so a killed run's is swept by the next."""
    replaced: list[str] = []
    real = os.replace
    monkeypatch.setattr(os, "replace", lambda a, b: (replaced.append(Path(a).name), real(a, b))[1])
    killed_run_leftovers(tmp_path)  # a killed run's are removed by the next write into the folder
    sign_pdf(pdfa, tmp_path / "ky.pdf", certificate[0], PASSWORD)
    assert [leftovers.owner(name) for name in replaced] == [os.getpid()]
    assert [p.name for p in tmp_path.iterdir()] == ["ky.pdf"]


def test_check_reports_trust_and_tampering(pdfa: Path, certificate: tuple[Path, Path], tmp_path: Path) -> None:
    p12, pem = certificate
    signed = sign_pdf(pdfa, tmp_path / "a.pdf", p12, PASSWORD) and tmp_path / "a.pdf"
    (trusted,) = check_signatures(signed, [pem])
    assert trusted.ok and trusted.trusted and trusted.signer == SIGNER
    (untrusted,) = check_signatures(signed)
    assert untrusted.ok and not untrusted.trusted
    assert trusted.accepted and untrusted.accepted and all_accepted([trusted, untrusted]) and not all_accepted([])
    assert not replace(untrusted, roots_given=True).accepted  # roots given, not issued by one of them
    appended = tmp_path / "b.pdf"
    appended.write_bytes(signed.read_bytes() + b"\n% them sau khi ky\n")
    (after,) = check_signatures(appended, [pem])
    assert not after.whole_file and not after.ok


def test_cli_sign_and_check(
    cli, pdfa: Path, certificate: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    p12, pem = certificate
    monkeypatch.setenv("BAOCAO_MAT_KHAU", PASSWORD)
    code, out, err = cli("sign", pdfa, "--p12", p12, "-o", tmp_path / "ky.pdf")
    assert code == 0 and "Đã ký" in out and (tmp_path / "ky.pdf").is_file(), err
    code, out, _ = cli("sign", "--kiem-tra", tmp_path / "ky.pdf", "--tin-cay", pem)
    assert code == 0 and out.startswith("Hợp lệ chữ ký 1: người ký Lê Thị Minh Hạnh") and "tin cậy: có" in out
    code, _, err = cli("sign", "--kiem-tra", pdfa)
    assert code == 1 and "không có chữ ký số nào" in err


def test_cli_wrong_password_writes_nothing(
    cli, pdfa: Path, certificate: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BAOCAO_MAT_KHAU", "sai")
    code, _, err = cli("sign", pdfa, "--p12", certificate[0], "-o", tmp_path / "ky.pdf")
    assert code == 1 and "sai mật khẩu" in err and not (tmp_path / "ky.pdf").exists()
    assert not list(tmp_path.glob(".baocao-*"))


def test_cli_sign_needs_a_certificate(cli, pdfa: Path) -> None:
    code, _, err = cli("sign", pdfa)
    assert code == 2 and "--p12" in err


def test_cli_unreadable_inputs_are_located_errors(
    cli, certificate: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "hong.pdf"
    bad.write_text("không phải PDF", encoding="utf-8")
    monkeypatch.setenv("BAOCAO_MAT_KHAU", PASSWORD)
    code, _, err = cli("sign", bad, "--p12", certificate[0])
    assert code == 1 and "hong.pdf: Không đọc được tệp PDF" in err
    code, _, err = cli("sign", "--kiem-tra", bad)
    assert code == 1 and "hong.pdf: Không đọc được tệp PDF" in err
    code, _, err = cli("sign", "--kiem-tra", certificate[1], "--tin-cay", bad)
    assert code == 1 and "hong.pdf: Không đọc được chứng thư tin cậy" in err


@pytest.fixture(scope="module")
def pdfa3(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example built with `baocao build --pdfa --kem-so-lieu`: a PDF/A-3b holding its figure file."""
    folder = tmp_path_factory.mktemp("pdfa3")
    command = ["build", str(EXAMPLE), "-o", str(folder / "bao-cao.docx"), "--pdfa", "--kem-so-lieu"]
    result = subprocess.run([sys.executable, "-m", "baocao", *command], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "Đã xuất PDF/A-3b kèm số liệu" in result.stdout, result.stdout + result.stderr
    return folder / "bao-cao.pdf"


def _attachments(pdf: Path) -> dict[str, tuple[bytes, str, str]]:
    """The catalog's associated files (/AF), also listed as embedded files: name → (content, MIME, relationship)."""
    with pdf.open("rb") as handle:
        root = PdfFileReader(handle).root
        listed = root["/Names"]["/EmbeddedFiles"]["/Names"]
        found = {}
        for ref in root["/AF"]:
            spec = ref.get_object()
            stream = spec["/EF"]["/F"].get_object()
            assert str(spec["/F"]) in listed and "/ModDate" in stream["/Params"]
            found[str(spec["/UF"])] = (stream.data, str(stream["/Subtype"]), str(spec["/AFRelationship"]))
        assert str(root.get("/Version", "/1.7")) <= "/1.7"  # PDF/A-3 is PDF 1.7 (pyHanko would say 2.0 for /AF)
    return found


def test_pdfa3_carries_the_figure_file_and_signs(pdfa3: Path, certificate: tuple[Path, Path], tmp_path: Path) -> None:
    """The JSON `baocao figures -o x.json` writes, attached as the PDF's data (AFRelationship /Data); signing
    covers it, the signature verifies, and the attachment reads back from the signed file unchanged."""
    figures = pdfa3.with_name("bao-cao-so-lieu.json").read_bytes()
    assert json.loads(figures)["bao_cao"]["so_ky_hieu"] == "142/BC-UBND"
    assert _pdfa_id(pdfa3) == ("3", "B")
    assert _attachments(pdfa3) == {"bao-cao-so-lieu.json": (figures, "/application/json", "/Data")}
    p12, pem = certificate
    signed = tmp_path / "da-ky.pdf"
    sign_pdf(pdfa3, signed, p12, PASSWORD)
    (check,) = check_signatures(signed, [pem])
    assert check.ok and check.trusted and check.whole_file
    assert _attachments(signed) == _attachments(pdfa3)
    assert _pdfa_id(signed) == ("3", "B")
