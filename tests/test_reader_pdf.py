"""PDF reader on real corpus files: header/closing columns, stamps, running headers, legacy fonts, errors.

These tests read the text layer only (no tesseract); OCR is covered by test_reader_ocr.py.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from vnadmin_nlp.readers import CorruptFile, EncryptedFile, MissingDependency, RawDocument, ocr, read_file
from vnadmin_nlp.readers.pdf import PdfReader, parse_stamp

from .conftest import SHARED

CORPUS = SHARED / "corpus"

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus not found at {CORPUS}")

_CACHE: dict[str, RawDocument] = {}


def doc(name: str) -> RawDocument:
    """Read a corpus file once per test session (reading is deterministic)."""
    if name not in _CACHE:
        _CACHE[name] = read_file(CORPUS / name)
    return _CACHE[name]


def texts(document: RawDocument, kind: str | None = None) -> list[str]:
    return [b.text for b in document.blocks if kind is None or b.kind == kind]


def body(document: RawDocument) -> list[str]:
    return [b.text for b in document.blocks if b.kind != "stamp"]


def index_of(blocks: list[str], text: str) -> int:
    """Index of the block whose text is exactly ``text`` (fails the test when absent)."""
    assert text in blocks, f"no block {text!r}; first blocks: {blocks[:12]}"
    return blocks.index(text)


# ----------------------------------------------------------------------------------------------- sniffing


def test_sniff_accepts_pdf_magic_within_first_kilobyte() -> None:
    reader = PdfReader()
    assert reader.sniff(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", Path("a.pdf"))
    assert reader.sniff(b"\x00" * 500 + b"%PDF-1.4", Path("a.bin"))
    assert not reader.sniff(b"\x00" * 1100 + b"%PDF-1.4", Path("a.pdf"))
    assert not reader.sniff("Số: 12/UBND-VX".encode(), Path("a.pdf"))


def test_pdf_is_recognised_by_content_not_extension(tmp_path: Path) -> None:
    copy = tmp_path / "van_ban.dat"
    copy.write_bytes((CORPUS / "qngai_tb542_2024.pdf").read_bytes())
    document = read_file(copy)
    assert document.format == "pdf"
    assert "Số: 542/TB-UBND" in body(document)


# ----------------------------------------------------------------------------------------------- a signed thông báo


def test_tb542_header_columns_are_separate_blocks_left_column_first() -> None:
    blocks = body(doc("qngai_tb542_2024.pdf"))
    issuer = index_of(blocks, "ỦY BAN NHÂN DÂN")
    province = index_of(blocks, "TỈNH QUẢNG NGÃI")
    number = index_of(blocks, "Số: 542/TB-UBND")
    motto = index_of(blocks, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    date = index_of(blocks, "Quảng Ngãi, ngày 06 tháng 11 năm 2024")
    assert issuer < province < number < motto < index_of(blocks, "Độc lập - Tự do - Hạnh phúc") < date
    assert not any("ỦY BAN" in b and "CỘNG HÒA" in b for b in blocks), "header columns interleaved"
    assert index_of(blocks, "THÔNG BÁO") > date


def test_tb542_number_and_day_typed_into_form_fields_are_in_place() -> None:
    blocks = body(doc("qngai_tb542_2024.pdf"))
    assert any("542/TB-UBND" in b for b in blocks)
    assert "Quảng Ngãi, ngày 06 tháng 11 năm 2024" in blocks


def test_tb542_signature_stamp_goes_to_metadata_not_body() -> None:
    document = doc("qngai_tb542_2024.pdf")
    signatures = document.metadata["signatures"]
    assert len(signatures) == 1
    stamp = signatures[0]
    assert stamp["email"] == "ttcbth@quangngai.gov.vn"
    assert stamp["time"] == "2024-11-06T09:27:05+07:00"
    assert stamp["organization"] == "TRUNG TÂM CÔNG BÁO VÀ TIN HỌC"
    assert stamp["page"] == 1
    assert not any("ttcbth@" in b or "09:27:05" in b or "TIN HỌC" in b for b in body(document))
    assert "ttcbth@quangngai.gov.vn" in texts(document, "stamp")


def test_tb542_closing_left_column_before_signer_and_page_number_dropped() -> None:
    document = doc("qngai_tb542_2024.pdf")
    blocks = body(document)
    received = index_of(blocks, "Nơi nhận:")
    archive = index_of(blocks, "- Lưu: VT, KGVXVHTin507.")
    authority = index_of(blocks, "TL. CHỦ TỊCH")
    assert received < archive < authority < index_of(blocks, "PHÓ CHÁNH VĂN PHÒNG") < index_of(blocks, "Phùng Tô Long")
    page2 = [b for b in document.blocks if b.page == 2]
    assert page2[0].text.startswith("- Giao Ban Dân tộc tỉnh"), "the page number '2' should be gone"
    assert document.pages == 2 and document.format == "pdf" and not document.ocr
    left = next(b for b in document.blocks if b.text == "Nơi nhận:")
    assert left.style and left.style.get("column") == "left" and left.page == 2


def test_blocks_carry_page_bbox_and_style() -> None:
    document = doc("qngai_tb542_2024.pdf")
    issuer = next(b for b in document.blocks if b.text == "ỦY BAN NHÂN DÂN")
    x0, top, x1, bottom = issuer.bbox
    assert 100 < x0 < 120 and 60 < top < bottom < 110 and x1 < 250  # top-left origin, points
    assert issuer.kind == "line" and issuer.style["bold"]
    paragraph = next(b for b in document.blocks if b.text.startswith("Thực hiện Công văn số 2003"))
    assert paragraph.style["indent"] > 20 and not paragraph.style["bold"]


def test_digital_signatures_without_printed_stamp() -> None:
    document = doc("provincial/vbai_06_788_hc_signed_signed_kydauden.pdf")
    assert "signatures" not in document.metadata  # nothing printed on the pages…
    first = document.metadata["digital_signatures"][0]  # …but the file is signed
    assert first["time"] == "2025-05-18T20:04:38+07:00"
    try:
        import cryptography  # noqa: F401 - a dependency of pdfminer.six; reads the certificate
    except ImportError:
        return
    assert first["signer"] == "Phạm Thị Minh Hiếu" and first["unit"] == "Sở Tư pháp"


def test_cong_van_vv_lines_stay_in_left_column() -> None:
    blocks = body(doc("provincial/vbai_06_788_hc_signed_signed_kydauden.pdf"))
    assert index_of(blocks, "Số: 788/STP-HCBT") < index_of(blocks, "V/v trình hồ sơ phê chuẩn kết quả")
    assert index_of(blocks, "Thuận nhiệm kỳ 2024 - 2029") < index_of(blocks, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert index_of(blocks, "- Lưu: VT, HCBT.") < index_of(blocks, "GIÁM ĐỐC")


def test_line_end_hyphen_is_a_real_hyphen_not_pdfium_marker() -> None:
    blocks = body(doc("qngai_tb565_2024.pdf"))
    assert not any("\ufffe" in b or "\x02" in b for b in blocks)
    k = next(i for i, b in enumerate(blocks) if b.endswith("số 6138/UBND-"))
    assert blocks[k + 1].startswith("KGVX ngày 13/11/2024")  # identifiers keep their hyphen; lines stay lines


def test_soft_hyphen_at_line_end_joins_the_word() -> None:
    from vnadmin_nlp.readers.base import Block
    from vnadmin_nlp.readers.pdf import _repair_soft_hyphens

    blocks = [Block("the infor\xad", kind="line", page=1), Block("mation system", kind="line", page=1)]
    _repair_soft_hyphens(blocks)
    assert [b.text for b in blocks] == ["the information", "system"]


# ----------------------------------------------------------------------------------------------- Công báo prints


def test_hienphap_running_headers_and_page_numbers_removed() -> None:
    document = doc("hienphap2013_congbao.pdf")
    blocks = body(document)
    assert document.pages == 28
    assert not any("CÔNG BÁO" in b for b in blocks)
    assert not any(b.strip().isdigit() for b in blocks), "lone page numbers left in the text"
    assert document.metadata["furniture_removed"] >= 50
    assert {b.page for b in document.blocks} == set(range(1, 29))


def test_hienphap_unicode_not_corrupted_by_vncentury_glyphs() -> None:
    document = doc("hienphap2013_congbao.pdf")
    text, _ = document.joined()
    assert text.count("Nhân dân") > 30
    assert "Nhõn dõn" not in text and "CễNG" not in text
    assert document.encoding is None
    assert "Trải qua mấy nghìn năm lịch sử, Nhân dân Việt Nam lao động cần cù, sáng" in body(document)
    blocks = body(document)
    assert index_of(blocks, "QUỐC HỘI") < index_of(blocks, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")


def test_luat101_government_portal_stamp() -> None:
    document = doc("luat101_2015_congbao_p3.pdf")
    (stamp,) = document.metadata["signatures"]
    assert stamp["signer"] == "Cổng Thông tin điện tử Chính phủ"
    assert stamp["organization"] == "Văn phòng Chính phủ"
    assert stamp["email"] == "thongtinchinhphu@chinhphu.vn"
    assert stamp["time"] == "2016-01-12T09:34:38+07:00"
    blocks = body(document)
    assert not any("Thời gian ký" in b or "CÔNG BÁO/Số" in b for b in blocks)
    assert blocks[-2:] == ["CHỦ TỊCH QUỐC HỘI", "Nguyễn Sinh Hùng"]


def test_vbhn31_footnotes_are_marked_and_markers_stay_in_their_line() -> None:
    document = doc("vbhn31_vpqh_2021_pdf.pdf")
    first = [b for b in document.blocks if b.page == 1]
    footnote = next(b for b in first if b.text.startswith("1 Luật Hải quan số 54/2014/QH13"))
    assert footnote.kind == "footnote"
    assert any(b.kind == "line" and b.text == "Quốc hội ban hành Luật xử lý vi phạm hành chính1." for b in first)
    assert not any(b.text == "1" for b in document.blocks)
    assert sum(b.kind == "footnote" for b in document.blocks) > 100
    assert not any("CÔNG BÁO" in b for b in body(document))


def test_combining_marks_are_composed_nfc() -> None:
    import pypdfium2

    raw_text = pypdfium2.PdfDocument(CORPUS / "anle57_2023_pdf.pdf")[0].get_textpage().get_text_range()
    assert "\u0300" in raw_text  # the text layer really has separate combining marks
    document = doc("anle57_2023_pdf.pdf")
    assert all(unicodedata.is_normalized("NFC", b.text) for b in document.blocks)
    text, _ = document.joined()
    assert "“Cướp giật tài sản”; “Thủ đoạn gian dối để tiếp cận tài sản”." in text
    assert " ̀" not in text and "\u0300" not in text


# ----------------------------------------------------------------------------------------------- legacy fonts


def _has_encodings() -> bool:
    try:
        from vnadmin_nlp.readers import encodings  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.xfail(not _has_encodings(), reason="vnadmin_nlp.readers.encodings (legacy conversion) not present", strict=True)
def test_tcvn3_text_layer_is_converted_per_font() -> None:
    document = doc("nhnn_tt01_2006_tcvn3pdf.pdf")
    assert document.encoding == "tcvn3"
    blocks = body(document)
    assert index_of(blocks, "NGÂN HÀNG NHÀ NƯỚC") < index_of(blocks, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert "Hà Nội, ngày 20 tháng 02 năm 2006" in blocks
    text, _ = document.joined()
    assert "Quỹ bảo lãnh tín dụng cho các doanh nghiệp nhỏ và vừa" in text
    assert "Ng©n" not in text and "−" not in text
    assert index_of(blocks, "- Lưu: VP, Vụ PC, Vụ TD.") < index_of(blocks, "KT. THỐNG ĐỐC")


@pytest.mark.xfail(not _has_encodings(), reason="vnadmin_nlp.readers.encodings (legacy conversion) not present", strict=True)
def test_tcvn3_capital_font_title() -> None:
    document = doc("qd115_2004_ttg_tcvn3pdf.pdf")
    text, _ = document.joined()
    assert body(document)[0] == "QUYẾT ĐỊNH"
    assert "Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;" in text
    assert "SỐ 115/2004/QĐ-TTG" in text  # the title is set in .VnTimeH: capitals, as printed
    assert "Quyết định số 193/2001/QĐ-TTg ngày 20 tháng 12 năm 2001 của Thủ tướng Chính" in text


# ----------------------------------------------------------------------------------------------- scans without OCR


def test_scan_detected_and_stamp_kept_when_ocr_is_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "SETTINGS", ocr.SETTINGS.with_(enabled=False))
    document = read_file(CORPUS / "qngai_ttr04_2025.pdf")
    assert [w.code for w in document.warnings] == ["ocr_disabled", "empty_text"]
    assert not document.ocr and body(document) == []
    stamps = document.metadata["signatures"]
    assert {s["time"] for s in stamps} == {"2025-01-07T10:09:57+07:00", "2025-01-07T10:44:25+07:00"}
    assert any(s["signer"] == "Ủy ban nhân dân tỉnh Quảng Ngãi" and s["organization"] == "Tỉnh Quảng Ngãi" for s in stamps)


def test_scan_without_tesseract_names_the_debian_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "tesseract_binary", lambda: None)
    with pytest.raises(MissingDependency) as err:
        read_file(CORPUS / "qngai_cv575_2025.pdf")
    assert "tesseract-ocr-vie" in str(err.value) and "qngai_cv575_2025.pdf" in str(err.value)


def test_scan_without_vietnamese_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "tesseract_binary", lambda: "/usr/bin/tesseract")
    monkeypatch.setattr(ocr, "available_languages", lambda binary: frozenset({"eng", "osd"}))
    with pytest.raises(MissingDependency, match="tesseract-ocr-vie"):
        read_file(CORPUS / "qngai_cv575_2025.pdf")


# ----------------------------------------------------------------------------------------------- broken files


def test_truncated_pdf_is_a_corrupt_file(tmp_path: Path) -> None:
    broken = tmp_path / "cut.pdf"
    broken.write_bytes((CORPUS / "qngai_tb542_2024.pdf").read_bytes()[:40_000])
    with pytest.raises(CorruptFile) as err:
        read_file(broken)
    assert "cut.pdf" in str(err.value)


def test_pdf_header_with_garbage_is_a_corrupt_file(tmp_path: Path) -> None:
    broken = tmp_path / "garbage.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    with pytest.raises(CorruptFile, match="garbage.pdf"):
        read_file(broken)


def _encrypted_pdf() -> bytes:
    """A minimal PDF behind the standard security handler whose user password is not empty."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -44 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body_ in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body_)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<%s><%s>] >>\n" % (len(objects) + 1, b"ab" * 16, b"ab" * 16)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def test_password_protected_pdf_is_an_encrypted_file(tmp_path: Path) -> None:
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(_encrypted_pdf())
    with pytest.raises(EncryptedFile, match="locked.pdf"):
        read_file(locked)


def test_input_file_is_not_modified() -> None:
    path = CORPUS / "qngai_tb542_2024.pdf"  # the reader flattens annotations, in memory only
    before = path.read_bytes()
    PdfReader().read(path, before)
    assert path.read_bytes() == before


# ----------------------------------------------------------------------------------------------- stamps and speed


def test_parse_stamp_labelled_and_wrapped() -> None:
    stamp = parse_stamp(
        ["Người ký: Ủy ban", "nhân dân tỉnh Quảng", "Ngãi", "Cơ quan: Tỉnh Quảng", "Ngãi", "Thời gian ký:", "16.04.2020 07:37:07", "+07:00"],
        page=1,
    )
    assert stamp["signer"] == "Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert stamp["organization"] == "Tỉnh Quảng Ngãi"
    assert stamp["time"] == "2020-04-16T07:37:07+07:00"
    wrapped = parse_stamp(["TRUNG TÂM CÔNG", "BÁO VÀ TIN HỌC", "ttcbth@quangngai.gov.v", "n", "21.01.2025 09:27:35", "+07:00"], 1)
    assert wrapped["email"] == "ttcbth@quangngai.gov.vn"
    assert wrapped["signer"] == "TRUNG TÂM CÔNG BÁO VÀ TIN HỌC"
    no_offset = parse_stamp(["Ký bởi: CỤC THUẾ", "Thời gian ký: 08.04.2026 17:35"], 2)
    assert no_offset["time"] == "2026-04-08T17:35:00+07:00" and no_offset["page"] == 2
