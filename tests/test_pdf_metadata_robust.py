"""Metadata never costs the document: a signature, certificate or document-info entry that cannot be read becomes
a warning and the text is still read (issue 12).

Real files: signed PDFs whose certificate carries an empty issuer alternative name, which ``cryptography`` ≥ 42
refuses to parse (the whole file used to fail).  Generated files: a one-page PDF written here by hand with a
signature field whose /Contents is garbage, a truncated PKCS#7 or a certificate with an empty issuer
alternative name built with ``cryptography``'s x509 builder, and a document-info dictionary of odd types.
"""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from vnadmin_nlp.readers import RawDocument, ocr, read_file
from vnadmin_nlp.readers.pdf.certificates import certificate_holder, why

from .conftest import SHARED

LAMDONG = SHARED / "devset" / "lamdong"
CORPUS = SHARED / "corpus"
TEXT = ("CONG HOA XA HOI CHU NGHIA VIET NAM", "Doc lap - Tu do - Hanh phuc", "So: 12/UBND-VP")


@pytest.fixture(autouse=True)
def _layers_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """The generated page's text has no diacritics, so its layer scores as damaged and would be OCR'd (the
    default): these tests are about the metadata, so the layer is kept as written."""
    monkeypatch.setattr(ocr, "SETTINGS", ocr.SETTINGS.with_(damaged=False))


def _warnings(document: RawDocument, code: str) -> list[str]:
    return [w.message for w in document.warnings if w.code == code]


# ---------------------------------------------------------------------------------------------- real files
@pytest.mark.parametrize("path", [LAMDONG / "ld_039.pdf", CORPUS / "qngai_ct16_2021.pdf"], ids=lambda p: p.name)
def test_real_signed_scan_with_an_empty_issuer_alternative_name(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not path.is_file():
        pytest.skip(f"{path} not found")
    monkeypatch.setattr(ocr, "SETTINGS", ocr.SETTINGS.with_(enabled=False))  # the pages are scans: OCR is slow
    document = read_file(path)  # used to raise CorruptFile (ValueError: error parsing asn1 value)
    assert document.pages >= 2
    problems = _warnings(document, "signature_unreadable")
    assert any("issuer_alternative_name" in p for p in problems), problems
    assert all("\n" not in p and len(p) < 200 for p in problems)  # one line, naming what and why
    broken = [s for s in document.metadata["digital_signatures"] if s.get("valid_from")]
    assert broken and all(s["signer"] and s["valid_to"] > s["valid_from"] for s in broken)  # the subject is kept
    assert any(b.kind == "stamp" and b.text.strip() for b in document.blocks)  # the printed stamp is still read


def test_real_signed_scan_is_read_despite_its_certificate() -> None:
    path = LAMDONG / "ld_009.pdf"
    if not path.is_file() or not shutil.which("tesseract"):
        pytest.skip("ld_009.pdf or tesseract not available")
    document = read_file(path)  # a scan whose only text is the signature stamp: OCR'd
    assert any("issuer_alternative_name" in p for p in _warnings(document, "signature_unreadable"))
    assert document.metadata["digital_signatures"][0]["signer"] == "Bộ Công an"
    assert any(b.text.startswith("Thực hiện Nghị quyết") for b in document.blocks)  # the body is read


# ------------------------------------------------------------------------------------------ generated PDFs
def _pdf(sig_contents: bytes | None = None, info: str = "/Producer (vnadmin test)") -> bytes:
    """A one-page PDF with three lines of Helvetica text, an optional signature field whose /Contents is
    ``sig_contents``, and the document-info dictionary ``info`` (raw PDF syntax)."""
    stream = "BT /F1 12 Tf 72 760 Td 14 TL " + " ".join(f"({line}) '" for line in TEXT) + " ET"
    annots = " /Annots [5 0 R]" if sig_contents is not None else ""
    acro = " /AcroForm << /Fields [5 0 R] /SigFlags 3 >>" if sig_contents is not None else ""
    objects = [
        f"<< /Type /Catalog /Pages 2 0 R{acro} >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        f" /Resources << /Font << /F1 6 0 R >> >>{annots} >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature1) /Rect [0 0 0 0] /F 132 /P 3 0 R /V 7 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /M (D:20250101120000+07'00')"
        f" /ByteRange [0 0 0 0] /Contents <{(sig_contents or b'').hex().upper()}> >>",
        f"<< {info} >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 8 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _read(tmp_path: Path, data: bytes) -> RawDocument:
    path = tmp_path / "generated.pdf"
    path.write_bytes(data)
    document = read_file(path)
    text = "\n".join(b.text for b in document.blocks)
    assert all(line in text for line in TEXT), text  # the text is read whatever the metadata does
    return document


def _certificates(*, empty_ian: bool, with_ca: bool = False) -> list:
    x509 = pytest.importorskip("cryptography.x509")
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtensionOID, NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    start = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)

    def name(cn: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn),
                          x509.NameAttribute(NameOID.ORGANIZATION_NAME, "UBND tỉnh Lâm Đồng")])

    def build(subject: str, issuer: str, ca: bool, broken: bool) -> x509.Certificate:
        builder = (x509.CertificateBuilder().subject_name(name(subject)).issuer_name(name(issuer))
                   .public_key(key.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(start).not_valid_after(start + dt.timedelta(days=365))
                   .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
        if broken:  # an empty GeneralNames: what Vietnamese CAs issue and cryptography refuses to parse
            builder = builder.add_extension(
                x509.UnrecognizedExtension(ExtensionOID.ISSUER_ALTERNATIVE_NAME, b"\x30\x00"), critical=False)
        return builder.sign(key, hashes.SHA256())

    leaf = build("Nguyễn Văn A", "CA thử nghiệm", ca=False, broken=empty_ian)
    return [build("CA thử nghiệm", "CA thử nghiệm", ca=True, broken=False), leaf] if with_ca else [leaf]


def _pkcs7(certs: list) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, pkcs7

    return pkcs7.serialize_certificates(certs, Encoding.DER)


def test_a_well_formed_certificate_gives_its_holder_and_no_warning(tmp_path: Path) -> None:
    document = _read(tmp_path, _pdf(_pkcs7(_certificates(empty_ian=False, with_ca=True))))
    assert not _warnings(document, "signature_unreadable")
    sig = document.metadata["digital_signatures"][0]
    assert sig["signer"] == "Nguyễn Văn A" and sig["organization"] == "UBND tỉnh Lâm Đồng"  # the leaf, not the CA
    assert sig["time"] == "2025-01-01T12:00:00+07:00" and sig["valid_from"].startswith("2024-01-01")


def test_garbage_signature_contents(tmp_path: Path) -> None:
    document = _read(tmp_path, _pdf(b"\xde\xad\xbe\xef" * 64))
    (problem,) = _warnings(document, "signature_unreadable")
    assert problem.startswith("signature 1: PKCS#7 unreadable (")
    assert document.metadata["digital_signatures"][0]["time"] == "2025-01-01T12:00:00+07:00"  # the time is kept


def test_truncated_pkcs7(tmp_path: Path) -> None:
    blob = _pkcs7(_certificates(empty_ian=False))
    document = _read(tmp_path, _pdf(blob[: len(blob) // 2]))
    assert any("PKCS#7 unreadable" in p for p in _warnings(document, "signature_unreadable"))
    assert "signer" not in document.metadata["digital_signatures"][0]


@pytest.mark.parametrize("with_ca", [False, True], ids=["alone", "after-its-CA"])
def test_certificate_with_an_empty_issuer_alternative_name(tmp_path: Path, with_ca: bool) -> None:
    document = _read(tmp_path, _pdf(_pkcs7(_certificates(empty_ian=True, with_ca=with_ca))))
    (problem,) = _warnings(document, "signature_unreadable")
    assert problem == "signature 1: certificate extensions unreadable (ASN.1 InvalidSize at issuer_alternative_name)"
    sig = document.metadata["digital_signatures"][0]
    # what could be read is kept; with its CA before it, the leaf of the chain is still the holder
    assert sig["signer"] == "Nguyễn Văn A" and sig["valid_to"].startswith("2024-12-31")


def test_document_info_of_odd_types(tmp_path: Path) -> None:
    info = ("/Title 42 /Author << /A 1 >> /Subject [(x) 1] /Keywords /AName /Creator null"
            " /CreationDate (not a date) /ModDate <FEFF00> /Producer (vnadmin test)")
    document = _read(tmp_path, _pdf(info=info))
    assert document.metadata["pdf_info"]["producer"] == "vnadmin test"
    assert all(isinstance(v, str) for v in document.metadata["pdf_info"].values())


def test_document_info_that_raises_is_a_warning() -> None:
    from vnadmin_nlp.readers.pdf.signatures import document_info

    class Pdf:  # a stand-in whose metadata reading fails the way a broken binding would
        METADATA_KEYS = ("Title", "Producer")

        def get_metadata_value(self, key: str) -> str:
            if key == "Title":
                raise UnicodeDecodeError("utf-16-le", b"\x00", 0, 1, "truncated data")
            return "vnadmin test"

    warnings: list = []
    assert document_info(Pdf(), warnings) == {"producer": "vnadmin test"}
    assert [(w.code, w.message) for w in warnings] == [(
        "document_info_unreadable",
        "document info /Title unreadable (UnicodeDecodeError: 'utf-16-le' codec can't decode byte 0x00 in position 0:"
        " truncated data)")]


def test_certificate_holder_never_raises() -> None:
    for blob in (b"", b"\x30\x03\x02\x01"):  # empty; a header that promises more than it holds
        holder, problems = certificate_holder(blob)
        assert holder == {} and len(problems) == 1 and problems[0].startswith("PKCS#7 unreadable (")
    assert why(ValueError("a\nb")) == "ValueError: a"
