"""Issue 12: names, bodies and trích yếu read from OCR must be made of Vietnamese syllables — a misreading is left
out with a warning quoting it, never given as a value; a place-and-date line is never a trích yếu; OCR of damaged
text layers is on by default (``VNADMIN_OCR_DAMAGED=off`` opts out).

The lines are tesseract's readings of Lâm Đồng scans of the development set (ld_018, ld_032, ld_042, ld_048,
ld_051, ld_071), quoted no further than needed.
"""
from __future__ import annotations

import pytest

from vnadmin_nlp.extractors.ocr_doubt import word_flaw
from vnadmin_nlp.lexicon.ocr_vocabulary import correct_line
from vnadmin_nlp.pipeline import parse_raw
from vnadmin_nlp.readers import ocr
from vnadmin_nlp.readers.base import Block, RawDocument
from vnadmin_nlp.zoning import Page
from vnadmin_nlp.zoning.segments import Seg
from vnadmin_nlp.zoning.subject import line_ok

Line = list[tuple[str, int]]


def _scan(lines: list[Line | tuple[float, float, Line]]) -> RawDocument:
    """A one-page OCR'd document: each line a list of (word, confidence), or (left, top, words) to place it;
    unplaced lines go down the left edge on a 30-pt grid."""
    record, blocks = [], []
    for i, item in enumerate(lines):
        left, top, words = item if isinstance(item, tuple) else (10.0, 40.0 + 30 * i, item)
        record.append([[w, c, left + 60 * k, top, left + 55 + 60 * k, top + 12] for k, (w, c) in enumerate(words)])
        blocks.append(Block(text=" ".join(w for w, _ in words), kind="line", page=1, confidence=90.0))
    metadata = {"ocr_words": [{"page": 1, "lines": record}], "signatures": []}
    return RawDocument(blocks=blocks, format="pdf", pages=1, ocr=True, metadata=metadata)


def _words(text: str, conf: int = 95) -> Line:
    return [(w, conf) for w in text.split()]


def _codes(doc) -> list[str]:  # type: ignore[no-untyped-def]
    return [w.code for w in doc.warnings]


HEADER = [
    _words("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    _words("Độc lập - Tự do - Hạnh phúc"),
    _words("Số: 45/CV-LĐLĐ"),
    _words("Lâm Đồng, ngày 06 tháng 01 năm 2026"),
]
BODY = [_words("Thực hiện chương trình công tác năm 2026, Ban Thường vụ đề nghị các đơn vị thực hiện."), _words("Nơi nhận:"), _words("- Như trên;"), _words("- Lưu: VT.")]


def _closing(name: Line) -> list[Line | tuple[float, float, Line]]:
    return [_words("TM. BAN THƯỜNG VỤ"), _words("CHỦ TỊCH"), name]


def test_a_name_that_is_no_syllables_leaves_its_signer_out_with_a_warning():
    issuer = [_words("LIÊN ĐOÀN LAO ĐỘNG"), _words("TỈNH LÂM ĐỒNG")]
    subject = [_words("V/v tổ chức hội nghị Ban Chấp hành")]
    doc = parse_raw(_scan(issuer + HEADER + subject + BODY + _closing(_words("Bũï Fhanh Quang", 88))))
    assert doc.signers == []
    warning = next(w for w in doc.warnings if w.code == "signer_unreadable")
    assert "'Bũï'" in warning.message and "'Fhanh'" in warning.message and "Bũï Fhanh Quang" in warning.message
    doc = parse_raw(_scan(issuer + HEADER + subject + BODY + _closing(_words("NÑguyến Phú Hoàng", 91))))
    assert doc.signers == [] and "signer_unreadable" in _codes(doc)
    doc = parse_raw(_scan(issuer + HEADER + subject + BODY + _closing(_words("Nguyễn Phú Hoàng", 91))))
    assert [s.name for s in doc.signers] == ["Nguyễn Phú Hoàng"] and "signer_unreadable" not in _codes(doc)


def test_a_name_under_another_printed_line_of_a_signature_grid_is_not_the_positions():
    issuer = [_words("SỞ NỘI VỤ"), _words("TỈNH LÂM ĐỒNG")]
    subject = [_words("V/v thành lập hội")]
    grid: list[Line | tuple[float, float, Line]] = [
        (360.0, 600.0, _words("PHÓ GIÁM ĐỐC SỞ NỘI VỤ")),
        (360.0, 640.0, _words("Đại diện Sở Giáo dục và Đào tạo")),
        (360.0, 700.0, _words("Lương Văn Hà")),
    ]
    doc = parse_raw(_scan(issuer + HEADER + subject + BODY + grid))
    assert doc.signers == []
    assert any(w.code == "signer_unreadable" and "Đại diện Sở" in w.message for w in doc.warnings)


def test_a_body_misread_by_ocr_is_left_out_the_rest_kept():
    subject = [_words("V/v tổ chức hội nghị Ban Chấp hành")]
    issuer = [_words("TNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM"), _words("LIÊN ĐOÀN LAO ĐỘNG TỈNH LÂM ĐỒNG")]
    doc = parse_raw(_scan(issuer + HEADER + subject + BODY + _closing(_words("Nguyễn Phú Hoàng"))))
    assert doc.issuer is not None and doc.issuer.name == "Liên đoàn Lao động tỉnh Lâm Đồng"
    assert doc.issuer.parent is None  # not "TNG liên đoàn lao động Việt Nam"
    assert any(w.code == "issuer_unreadable" and "'TNG'" in w.message for w in doc.warnings)


def test_a_loanword_the_document_repeats_is_a_word():
    issuer = [_words("ỦY BAN NHÂN DÂN"), _words("TỈNH LÂM ĐỒNG")]
    subject = [_words("V/v phê duyệt Điều lệ Liên đoàn Karate tỉnh Lâm Đồng")]
    body = [_words("Kính gửi: Các sở, ngành."), _words("Liên đoàn Karate tỉnh Lâm Đồng tổ chức Đại hội."), _words("Điều lệ Liên đoàn Karate có hiệu lực.")]
    doc = parse_raw(_scan(issuer + HEADER + subject + body + BODY[1:] + _closing(_words("Nguyễn Phú Hoàng"))))
    assert doc.subject == "phê duyệt Điều lệ Liên đoàn Karate tỉnh Lâm Đồng"
    assert "subject_unreadable" not in _codes(doc) and "ocr_words_doubtful" not in _codes(doc)


def test_a_trich_yeu_with_misread_words_is_null():
    issuer = [_words("ỦY BAN NHÂN DÂN"), _words("TỈNH LÂM ĐỒNG")]
    garbled = [_words("V/v đề nghị ban hành Báo cáo kết quả triển khai Đề án 06"),
               [("lội", 25), ("D", 93), ("Tỉ", 0), ("HIVA)", 46), ("'GÌ|", 44), ("và", 97), ("nhiệm", 97), ("vụ", 97)]]
    doc = parse_raw(_scan(issuer + HEADER + garbled + BODY + _closing(_words("Nguyễn Phú Hoàng"))))
    assert doc.subject is None
    warning = next(w for w in doc.warnings if w.code == "subject_unreadable")
    assert "GÌ|" in warning.message and "stray characters" in warning.message and "OCR confidence 0" in warning.message
    one_doubt = [_words("V/v đề nghị ban hành Báo cáo kết quả triển khai Đề án 06 và nhiệm vụ thực hiện"),
                 [("thời", 97), ("gian", 41), ("tới", 97)]]
    doc = parse_raw(_scan(issuer + HEADER + one_doubt + BODY + _closing(_words("Nguyễn Phú Hoàng"))))
    # one doubted word is enough since session 12 (SUBJECT_MAX_BAD 0: "Quảng Nøãi" got through at 0.1)
    assert doc.subject is None
    assert "'gian' (OCR confidence 41)" in next(w.message for w in doc.warnings if w.code == "subject_unreadable")


def test_word_flaws():
    assert word_flaw("Đắk") is None and word_flaw("UBND,") is None and word_flaw("(2025-2030)") is None
    assert word_flaw("NSTW") is None and word_flaw("NSTW", acronyms=False) == "not a Vietnamese syllable"
    assert word_flaw("'GÌ|") == "stray characters" and word_flaw("‡") == "stray characters"
    assert word_flaw("Fhanh") == "not a Vietnamese syllable" and word_flaw("phòng,") is None


def test_a_place_and_date_line_whose_digits_do_not_read_is_never_a_trich_yeu_line():
    text = "(PC04)\nLâm Đồng, ngày 9Ê tháng 01 năm 2026\nV/v quy định ngày 14 tháng 10 năm 2015 của Bộ"
    page = Page(text)
    date = Seg(7, 7 + len("Lâm Đồng, ngày 9Ê tháng 01 năm 2026"))
    assert not line_ok(page, [], date)
    quoted = Seg(date.end + 1, len(text))
    assert line_ok(page, [], quoted)  # a trích yếu may quote a date, but it is no place-and-date line


def test_the_vocabulary_corrects_the_committee_for_the_advancement_of_women():
    assert correct_line("Vì sự tiên bộ của phụ nữ và tổ thư ký")[0] == "Vì sự tiến bộ của phụ nữ và tổ thư ký"


def test_damaged_text_layers_are_ocrd_by_default_and_off_opts_out(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("VNADMIN_OCR_DAMAGED", raising=False)
    assert ocr.OcrSettings.from_env().damaged is True
    monkeypatch.setenv("VNADMIN_OCR_DAMAGED", "off")
    assert ocr.OcrSettings.from_env().damaged is False
