"""Issue 12, session 13: the header fields of OCR'd pages.

- a region reading that loses a line the page's reading anchors (``Số:``) does not replace it;
- the crops of one page are read in one tesseract process, each as it reads alone;
- an OCR'd trích yếu in capitals is kept under a type that prints its title in capitals (a nghị quyết's
  ``HỘI NGHỊ BAN CHẤP HÀNH …``), never under a ``V/v`` line or a heading;
- a word of an OCR'd trích yếu that the rest of the document reads otherwise is doubted (null, with the
  readings in the warning), or corrected when the document's reading is its own (read twice or more, the
  trích yếu's never);
- ``V⁄%`` is the ``V/v`` label; an OCR'd position with a low-confidence word no position has is left out.

The lines are tesseract's readings of Lâm Đồng scans of the development split (ld_017, ld_052, ld_079), a few
words quoted, with a stand-in for tesseract where the test is about a decision.
"""
from __future__ import annotations

import shutil

import pytest

from vnadmin_nlp.extractors.subject import _ocr_shape_flaw
from vnadmin_nlp.lexicon.ocr_vocabulary import correct_line
from vnadmin_nlp.pipeline import parse_raw
from vnadmin_nlp.readers.base import Block, RawDocument
from vnadmin_nlp.readers.ocr_regions import keep_region, lost_anchors, read_regions
from vnadmin_nlp.readers.ocr_result import OcrLine, OcrPage, OcrWord

from .conftest import SHARED


def _words(text: str, conf: float = 90.0) -> list[OcrWord]:
    return [OcrWord(w, conf, (100 * k, 0, 100 * k + 90, 40)) for k, w in enumerate(text.split())]


# ------------------------------------------------------------------------------------------------ regions
def test_a_region_reading_that_lost_the_number_line_is_not_kept() -> None:
    # a header column: the page read its Số line; the region, "more confident", read the column without it
    old = _words("BỘ CÔNG AN Số: /BCA-C04 V/v triển khai thực hiện", 80.0)
    new = _words("BỘ CÔNG AN V/v triển khai thực hiện", 92.0)
    assert lost_anchors(old, new) == ["so"]
    assert keep_region(old, new) == (False, "lines lost (so)")
    # the same words, the label glued to the number ("Số:40/HCCV") or misread in its marks ("Sô:"): kept
    assert keep_region(_words("Số:40/HCCV V/v cử", 80.0), _words("Sô: 40/HCCV V/v cử", 92.0)) == (True, "more confident")


def test_read_regions_keeps_the_page_where_the_region_lost_a_line() -> None:
    words = [OcrWord(w, 70.0, (100 + 100 * k, 200, 190 + 100 * k, 240)) for k, w in enumerate("Số: 4A09/BCA-C04".split())]
    words2 = [OcrWord(w, 70.0, (100 + 100 * k, 260, 190 + 100 * k, 300)) for k, w in enumerate("V/v triển khai".split())]
    page = OcrPage([OcrLine(words, None), OcrLine(words2, None)], 2400, 3300, 0.0, 5, 70.0)

    def many(images, psm, factor):  # noqa: ANN001, ANN202
        return [OcrPage([OcrLine(_words("V/v triển khai", 95.0), None)], 10, 10, 0.0, 3, 95.0) for _ in images]

    def fine(box):  # noqa: ANN001, ANN202
        from PIL import Image

        return Image.new("L", (box[2] - box[0], box[3] - box[1]), 255), 1.0

    (report,) = read_regions(page, [(0, 150, 1200, 320)], fine, lambda *a: None, 300, many)  # type: ignore[arg-type,return-value]
    assert report["text"] == "page" and report["why"] == "lines lost (so)"
    assert page.lines[0].text.startswith("Số:")


@pytest.mark.skipif(not shutil.which("tesseract"), reason="tesseract not installed")
def test_crops_read_in_one_process_read_as_they_do_alone() -> None:
    pypdfium2 = pytest.importorskip("pypdfium2")
    path = SHARED / "devset" / "lamdong" / "ld_044.pdf"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    from vnadmin_nlp.readers import ocr

    pdf = pypdfium2.PdfDocument(path)
    try:
        image = ocr.prepare(pdf[0].render(scale=150 / 72).to_pil(), "red")
    finally:
        pdf.close()
    w, h = image.size
    crops = [image.crop((0, 0, w // 2, h // 4)), image.crop((w // 2, 0, w, h // 4))]
    alone = [ocr._tesseract(c, 6, ocr.SETTINGS, path, 150) for c in crops]
    together = ocr.read_many(crops, 6, ocr.SETTINGS, path, 150)
    assert [[(x.text, x.conf, x.bbox) for ln in p.lines for x in ln.words] for p in alone] == [
        [(x.text, x.conf, x.bbox) for ln in p.lines for x in ln.words] for p in together
    ]
    assert any("Số" in ln.text for ln in together[0].lines)


# --------------------------------------------------------------------------------------------- trích yếu
def test_capitals_title_kept_under_a_type_that_prints_it_so() -> None:
    title = "HỘI NGHỊ BAN CHẤP HÀNH HIỆP HỘI DOANH NGHIỆP TỈNH BÌNH THUẬN KHÓA IV, NHIỆM KỲ (2019 - 2025)"  # ld_017
    assert _ocr_shape_flaw(title, "Nghị quyết") is None
    assert _ocr_shape_flaw(title, None) == "all in capitals"  # under a V/v line
    assert _ocr_shape_flaw("BÁO CÁO ĐỀ XUẤT", "Báo cáo") == "all in capitals"  # a heading, not a title
    assert _ocr_shape_flaw("ĐỀ XUẤT KHEN", "Quyết định") == "all in capitals"  # three words: a heading


def _scan(lines: list[list[tuple[str, int]]]) -> RawDocument:
    record = []
    for i, words in enumerate(lines):
        top = 40.0 + 30 * i
        record.append([[w, c, 10.0 + 60 * k, top, 60.0 + 60 * k, top + 12] for k, (w, c) in enumerate(words)])
    blocks = [Block(text=" ".join(w for w, _ in words), kind="line", page=1, confidence=90.0) for words in lines]
    metadata = {"ocr_words": [{"page": 1, "lines": record}]}
    return RawDocument(blocks=blocks, format="pdf", pages=1, ocr=True, metadata=metadata)


def _line(text: str, conf: int = 95) -> list[tuple[str, int]]:
    return [(w, conf) for w in text.split()]


HEADER = [
    _line("HỘI NÔNG DÂN VIỆT NAM"),
    _line("BCH HỘI NÔNG DÂN TỈNH LÂM ĐỒNG"),
    _line("Số: 52-CV/HNDT"),
]
MOTTO = [
    _line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    _line("Độc lập - Tự do - Hạnh phúc"),
    _line("Lâm Đồng, ngày 09 tháng 9 năm 2025"),
    _line("Kính gửi: Sở Nội vụ tỉnh Lâm Đồng"),
]


def test_a_trich_yeu_word_the_body_reads_otherwise_is_null_with_both_readings() -> None:
    # ld_079: "cử đại điện lãnh đạo" in the V/v line, "cử đại diện lãnh đạo" in the body (once each): no consensus
    lines = HEADER + [_line("V/v cử đại điện lãnh đạo tham gia Ban")] + MOTTO + [
        _line("Thực hiện Công văn của Sở Nội vụ về việc cử đại diện lãnh đạo tham gia Ban Vì sự tiến bộ."),
    ]
    doc = parse_raw(_scan(lines))
    assert doc.subject is None
    warning = next(w for w in doc.warnings if w.code == "subject_unreadable")
    assert "'điện' (read 'diện' elsewhere in the document)" in warning.message


def test_old_and_new_tone_placement_are_one_reading() -> None:
    # qngai_tb660's form: "xoá" in the V/v line, "xóa" in the body: the same word (tone on o or a), not a
    # misreading to doubt or correct
    lines = HEADER + [_line("V/v xoá đói giảm nghèo bền vững năm 2025")] + MOTTO + [
        _line("Thực hiện chương trình xóa đói giảm nghèo bền vững năm 2025 của tỉnh."),
        _line("Kết quả xóa đói giảm nghèo bền vững năm 2025 được đánh giá."),
    ]
    doc = parse_raw(_scan(lines))
    assert doc.subject == "xoá đói giảm nghèo bền vững năm 2025"
    assert not any(w.code in ("subject_unreadable", "ocr_words_doubtful") for w in doc.warnings)


def test_a_trich_yeu_word_is_corrected_to_the_documents_own_reading() -> None:
    # ld_017: "NHIỆM KỶ (2019 - 2025)" in the title, "nhiệm kỳ (2019 - 2025)" twice in the body, never "kỷ"
    lines = [
        _line("UBND TỈNH BÌNH THUẬN"), _line("HIỆP HỘI DOANH NGHIỆP"), _line("Số: 309/NQ-HHDN"),
        *MOTTO[:3],
        _line("NGHỊ QUYẾT"),
        _line("HỘI NGHỊ BAN CHẤP HÀNH KHÓA IV, NHIỆM KỶ (2019 - 2025)"),
        _line("Ngày 8/5/2025, Ban Chấp hành khóa IV, nhiệm kỳ (2019 - 2025) đã tiến hành Hội nghị."),
        _line("Ban Chấp hành khóa IV, nhiệm kỳ (2019 - 2025) quyết nghị:"),
    ]
    doc = parse_raw(_scan(lines))
    assert doc.subject == "HỘI NGHỊ BAN CHẤP HÀNH KHÓA IV, NHIỆM KỲ (2019 - 2025)"
    assert any(w.code == "ocr_words_doubtful" and "'KỶ' → 'KỲ'" in w.message for w in doc.warnings)


def test_the_about_label_read_with_a_per_cent_sign() -> None:
    assert correct_line("V⁄% cử đại diện lãnh đạo tham gia")[0] == "V/v cử đại diện lãnh đạo tham gia"  # ld_079
    assert correct_line("V/% cử")[0] == "V/v cử"
    assert correct_line("V/%")[0] == "V/%"  # alone: no trích yếu after it


# ------------------------------------------------------------------------------------------------ signers
def test_a_position_with_a_low_confidence_word_no_position_has_is_left_null() -> None:
    # ld_052: "PHÓ CHỦ TỊCH THƯỜNG TRỰC" read "PHÓ CHỦ TỊCH HƯỜNG TRỤC" (TRỤC at 68): since session 16 that reading
    # is the position it reads as up to OCR's lookalikes (test_ocr_signature16.py); a second word misread besides
    # matches no position: the position is left null (the name, read cleanly, given alone since session 20)
    lines = HEADER + MOTTO + [
        _line("Hội Nông dân tỉnh kính gửi Sở Nội vụ tổng hợp./."),
        _line("Nơi nhận:"),
        _line("- Như trên;"),
        _line("TM. BAN CHẤP HÀNH"),
        [("PHÓ", 92), ("CHỦ", 92), ("TỊCH", 72), ("HƯỜNG", 91), ("TRỤC", 68)],
        _line("Lê Văn Lợi"),
    ]
    doc = parse_raw(_scan(lines))
    assert [(s.position, s.name) for s in doc.signers] == [("PHÓ CHỦ TỊCH THƯỜNG TRỰC", "Lê Văn Lợi")]
    lines[-2] = [("PHÓ", 92), ("CHỦ", 92), ("TỊCH", 72), ("HƯỜNG", 91), ("TRỤ", 68)]
    doc = parse_raw(_scan(lines))  # session 20: the position left null, the name read cleanly given alone
    assert [(s.position, s.name) for s in doc.signers] == [(None, "Lê Văn Lợi")]
    warning = next(w for w in doc.warnings if w.code == "signer_position_missing")
    assert "'TRỤ' (conf 68)" in warning.message
    lines[-2] = [("PHÓ", 92), ("CHỦ", 92), ("TỊCH", 72), ("THƯỜNG", 91), ("TRỰC", 88)]  # TỊCH at 72: a position's word
    doc = parse_raw(_scan(lines))
    assert [(s.position, s.name) for s in doc.signers] == [("PHÓ CHỦ TỊCH THƯỜNG TRỰC", "Lê Văn Lợi")]


def test_a_giay_moi_without_trich_yeu_keeps_its_first_sentence_out() -> None:
    # ld_002: GIẤY MỜI, then the body ("Ủy ban nhân dân tỉnh tổ chức buổi làm việc …"); the month read "1]"
    lines = [
        _line("ỦY BAN NHÂN DÂN"), _line("TỈNH LÂM ĐỒNG"), _line("Số: 9 É0/GM-UBND"),
        *MOTTO[:2],
        _line("Lâm Đồng, ngàyD6 tháng 1] năm 2025"),
        _line("GIẤY MỜI"),
        _line("Ủy ban nhân dân tỉnh tổ chức buổi làm việc để nghe Sở Nội vụ báo cáo"),
        _line("đánh giá kết quả và giải pháp nâng cao các chỉ số cải cách hành chính."),
    ]
    doc = parse_raw(_scan(lines))
    assert doc.doc_type is not None and doc.doc_type.name == "Giấy mời"
    assert doc.place == "Lâm Đồng" and doc.date is None
    assert any(w.code == "date_unreadable" and "the day 'D6'" in w.message for w in doc.warnings)
    assert doc.subject is None
    assert any(w.code == "subject_unreadable" and "first sentence of the body" in w.message for w in doc.warnings)


def test_a_month_read_with_a_stray_character_keeps_the_place_and_leaves_the_date_out() -> None:
    lines = HEADER + [*MOTTO[:2], _line("Lâm Đồng, ngày 06 tháng 1] năm 2025"), MOTTO[3]]
    doc = parse_raw(_scan(lines))
    assert doc.place == "Lâm Đồng" and doc.date is None
    assert any(w.code == "date_unreadable" and "the month '1]'" in w.message for w in doc.warnings)
