"""Issue 12, session 19: signature blocks on the corpus scans read again (a position's last letter under the
signature, an authority line read worse than the page's, a family name under the seal), and the header of a
consolidated text scanned with received-document stamps over it."""
from __future__ import annotations

import shutil

import pytest

from vnadmin_nlp import parse_text
from vnadmin_nlp.lexicon.ocr_vocabulary import position_lookalike
from vnadmin_nlp.readers.ocr_result import OcrLine, OcrPage, OcrWord
from vnadmin_nlp.readers.ocr_signature import reread_signature
from vnadmin_nlp.readers.signature_lines import lone_family

from .conftest import SHARED


def _line(text: str, x: int, y: int, conf: float = 92.0, confs: list[float] | None = None) -> OcrLine:
    words = []
    for k, w in enumerate(text.split()):
        words.append(OcrWord(w, confs[k] if confs else conf, (x + 130 * k, y, x + 130 * k + 110, y + 45)))
    return OcrLine(words, None)


def _white(box: tuple[int, int, int, int]) -> tuple[object, float]:
    from PIL import Image

    return Image.new("RGB", (box[2] - box[0], box[3] - box[1]), "white"), 1.0


# ------------------------------------------------------------------------------------------------ words
def test_a_position_word_may_have_lost_its_last_letter() -> None:
    assert position_lookalike("PHÓ CHỦ TỊC") == "PHÓ CHỦ TỊCH"  # qngai_bc280: the H under the signature
    assert position_lookalike("CHỦ TỊC") == "CHỦ TỊCH"
    assert position_lookalike("TRƯỞNG BA") is None  # BAN: too short a word to have lost a letter
    assert position_lookalike("PHÓ CHỦ TỊ") is None  # two letters lost


def test_a_family_name_passes_under_the_seal_only_when_no_other_is_a_letter_from_it() -> None:
    assert lone_family("Nguyễn") and lone_family("Hoàng") and lone_family("Nghiêm")
    assert not lone_family("Lê") and not lone_family("Hà")  # short: Lê/Lý, Hà/Hồ
    assert not lone_family("Lương") and not lone_family("Dương")  # one letter apart
    assert not lone_family("Nguyên")  # a given name's syllable, no family name of the list
    assert lone_family("NGUYỄN,") is True  # marks and edges aside


# ------------------------------------------------------------------------------------------------ the re-read
def _closing(authority: str, position: str | None, name: str | None) -> OcrPage:
    lines = [
        _line("Hội đồng quản lý Quỹ trình UBND tỉnh xem xét Quyết định theo quy định", 380, 1548),
        _line("Nơi nhận:", 491, 1914),
        _line("- UBND tỉnh;", 494, 1974),
        _line("- Lưu VP Tỉnh Hội.", 493, 2100),
        _line(authority, 1330, 1914, 95),
    ]
    if position:
        lines.append(_line(position, 1450, 1990, 95))
    if name:
        lines.append(_line(name, 1400, 2329, 90))
    return OcrPage(lines, 2575, 3701, 0.0)


def test_the_page_keeps_its_authority_line_when_the_new_reading_of_it_is_unclean() -> None:
    # vbai_30 (corpus): the page read the authority only; the block's print reads the seal into it
    page = _closing("TM. HỘI ĐỒNG QUẢN LÝ QUỸ", None, None)

    def read(image: object) -> OcrPage:
        return OcrPage([
            _line("TM. HỘI ĐÓNG QUẢN LÝ QUÝ", 60, 25, confs=[96, 95, 32, 90, 91, 23]),
            _line("CHỦ TỊCH", 330, 100, 94),
            _line("Nguyễn Đình Trung", 250, 440, confs=[43, 88, 95]),
        ], 1249, 680, 0.0)

    report = reread_signature(page, _white, read)  # type: ignore[arg-type]
    assert report is not None and report["text"] == "region", report
    texts = [ln.text for ln in page.lines]
    assert "TM. HỘI ĐỒNG QUẢN LÝ QUỸ" in texts and "CHỦ TỊCH" in texts and "Nguyễn Đình Trung" in texts
    assert not any("ĐÓNG" in t for t in texts)


def test_a_name_read_low_is_not_taken_unless_its_family_name_is_a_lone_one() -> None:
    page = _closing("TM. HỘI ĐỒNG QUẢN LÝ QUỸ", None, None)

    def read(image: object) -> OcrPage:  # "Lê" at 43 could be Lý: the block stays the page's
        return OcrPage([
            _line("TM. HỘI ĐỒNG QUẢN LÝ QUỸ", 60, 25, 95),
            _line("CHỦ TỊCH", 330, 100, 94),
            _line("Lê Đình Trung", 250, 440, confs=[43, 88, 95]),
        ], 1249, 680, 0.0)

    report = reread_signature(page, _white, read)  # type: ignore[arg-type]
    assert report is not None and report["text"] == "page" and "'Lê' read at 43" in report["why"]


def test_a_position_read_without_its_last_letter_is_taken_as_the_position() -> None:
    # qngai_bc280 (corpus): the page read no position; the block's print reads PHÓ CHỦ TỊC and the name whole
    page = _closing("TM. ỦY BAN NHÂN DÂN", None, None)
    page.lines.append(_line("KT. CHỦ TỊCH", 1450, 1960, 95))

    def read(image: object) -> OcrPage:
        return OcrPage([
            _line("TM. ỦY BAN NHÂN DÂN", 60, 25, 95),
            _line("KT. CHỦ TỊCH", 200, 90, 95),
            _line("PHÓ CHỦ TỊC", 190, 150, confs=[91, 93, 92]),
            _line("Trần Phước Hiền", 180, 440, 93),
        ], 1164, 667, 0.0)

    report = reread_signature(page, _white, read)  # type: ignore[arg-type]
    assert report is not None and report["text"] == "region", report
    assert report["corrected"] == ["PHÓ CHỦ TỊC -> PHÓ CHỦ TỊCH"]
    texts = [ln.text for ln in page.lines]
    assert "PHÓ CHỦ TỊCH" in texts and "Trần Phước Hiền" in texts


# ------------------------------------------------------------------------------------------------ header
_STAMPED = """VĂN PHÒNG CHÍNH PHỦ
CÔNG VĂN ĐẾN
Giờ...... Ngày ......
Kính chuyển..........
_ Quy định
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
THÔNG TƯ
Quy định và hướng dẫn tổ chức lễ tang đối với quân nhân
Căn cứ Nghị định số 35/2013/NĐ-CP ngày 22 tháng 4 năm 2013 của Chính phủ;
Điều 1. Phạm vi điều chỉnh
Thông tư này quy định về tổ chức lễ tang.
"""
_AUTHENTICATED = """BỘ QUỐC PHÒNG
XÁC THỰC VĂN BẢN HỢP NHẤT
Số: 46/VBHN-BQP
Hà Nội, ngày 04 tháng 5 năm 2026
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Nguyễn Văn Gấu
"""


def test_a_received_stamp_is_neither_the_title_nor_the_issuer() -> None:
    doc = parse_text(_STAMPED)  # bqp_vbhn46_scan's page 1, without its authentication block
    assert doc.issuer is None
    assert doc.doc_type is not None and doc.doc_type.name == "Thông tư"


def test_a_stamp_under_a_real_issuer_leaves_it() -> None:
    text = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 12/QĐ-UBND\nĐẾN Số: 4707\nNgày: 13/03/2025\n" + _STAMPED.split("\n", 5)[5]
    doc = parse_text(text)
    assert doc.issuer is not None and doc.issuer.name == "Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert doc.number is not None and doc.number.text == "12/QĐ-UBND"  # the stamp's Số is no number


def test_a_consolidated_text_is_typed_and_issued_by_its_authentication_block() -> None:
    doc = parse_text(_STAMPED + _AUTHENTICATED)
    assert doc.doc_type is not None and (doc.doc_type.name, doc.doc_type.code) == ("Văn bản hợp nhất", "VBHN")
    assert doc.issuer is not None and doc.issuer.name == "Bộ Quốc phòng"
    # a header that names its body keeps it
    doc = parse_text("BỘ CÔNG THƯƠNG\nSố: 07/VBHN-BCT\n" + _STAMPED.split("\n", 5)[5] + "BỘ CÔNG THƯƠNG\nXÁC THỰC VĂN BẢN HỢP NHẤT\n")
    assert doc.issuer is not None and doc.issuer.name == "Bộ Công Thương"
    assert doc.doc_type is not None and doc.doc_type.name == "Văn bản hợp nhất"


# ------------------------------------------------------------------------------------------------ real scans
CORPUS = SHARED / "corpus"


@pytest.mark.skipif(not shutil.which("tesseract") or not (CORPUS / "qngai_bc280_2024.pdf").exists(), reason="tesseract or the corpus missing")
def test_qngai_bc280_the_position_under_the_signature_and_the_name_are_read() -> None:
    from vnadmin_nlp import parse_file

    doc = parse_file(CORPUS / "qngai_bc280_2024.pdf")
    assert [(s.authority, s.position, s.name) for s in doc.signers] == [
        (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH", "Trần Phước Hiền")
    ]


def test_this_thong_tu_in_a_consolidated_thong_tu_is_itself() -> None:
    doc = parse_text(_STAMPED + _AUTHENTICATED)
    selves = [c for c in doc.citations if c.text == "Thông tư này"]
    assert selves and all(c.refers_to == "self" for c in selves)


def test_an_ocr_block_whose_name_line_is_misread_is_left_out_not_nameless() -> None:
    from vnadmin_nlp.extractors.signers import _unread_name

    class _Ctx:  # only the text is read
        text = "TM. HỘI ĐỒNG QUẢN LÝ QUỸ\nCHỦ TỊCH\nš\nC)Ngugế ¡Đình Trung"

    end = _Ctx.text.index("CHỦ TỊCH") + len("CHỦ TỊCH")
    assert _unread_name(_Ctx(), end) == "C)Ngugế ¡Đình Trung"  # type: ignore[arg-type]  # vbai_27 (corpus)
    _Ctx.text = "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n- Như trên;\n- Lưu: VT.\nKý bởi: Ủy ban nhân dân tỉnh"
    assert _unread_name(_Ctx(), len("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")) is None  # type: ignore[arg-type]


LD = SHARED / "devset" / "lamdong"


@pytest.mark.skipif(not shutil.which("tesseract") or not (LD / "ld_049.pdf").exists(), reason="tesseract or the devset missing")
def test_an_image_reads_its_trich_yeu_again_as_a_scanned_pdf_does(tmp_path) -> None:
    import pypdfium2 as pdfium

    from vnadmin_nlp.readers import read_file

    pdf = pdfium.PdfDocument(str(LD / "ld_049.pdf"))  # dev: the trích yếu under BIÊN BẢN re-read on the PDF
    pdf[0].render(scale=300 / 72).to_pil().convert("RGB").save(tmp_path / "ld_049.png", dpi=(300, 300))
    raw = read_file(tmp_path / "ld_049.png")
    report = raw.metadata["ocr_pages"][0].get("subject")
    assert report is not None and report["anchor"] == "title" and report["read"].startswith("Về việc ký duyệt")
