"""Issue 12: OCR'd header lines corrected to the closed vocabulary; numbers and dates read from doubtful OCR words
left out with a warning quoting the line and what OCR read — never a confident wrong value.

The lines are tesseract's readings of Lâm Đồng scans of the development set (ld_040, ld_072, ld_048, ld_049).
"""
from __future__ import annotations

from vnadmin_nlp.lexicon.ocr_vocabulary import correct_line
from vnadmin_nlp.pipeline import parse_raw
from vnadmin_nlp.readers.base import Block, RawDocument


def test_places_bodies_and_motto_are_corrected_in_diacritics_only():
    assert correct_line("TỈNH LÂM ĐÔNG")[0] == "TỈNH LÂM ĐỒNG"
    assert correct_line("Lâm Đông, ngày 05 tháng 9 năm 2025")[0] == "Lâm Đồng, ngày 05 tháng 9 năm 2025"
    assert correct_line("Độc lập - Tư do - Hạnh phúc")[0] == "Độc lập - Tự do - Hạnh phúc"
    assert correct_line("Hội Đòng thảm định")[0] == "Hội Đồng thẩm định"
    assert correct_line("Ủy ban nhân dân tỉnh Lam Đóng")[0] == "Ủy ban nhân dân tỉnh Lâm Đồng"
    assert correct_line("TM. BAN CHÁP HÀNH")[0] == "TM. BAN CHẤP HÀNH"
    assert correct_line("Lâm Đồng, ngảy 22 thang 10 nam 2025")[0] == "Lâm Đồng, ngày 22 tháng 10 năm 2025"
    text, fixes = correct_line("CÔNG AN TỈNH LÂM ĐÔNG")
    assert text == "CÔNG AN TỈNH LÂM ĐỒNG" and fixes == [("LÂM ĐÔNG", "LÂM ĐỒNG")]


def test_names_ordinary_words_and_other_letters_are_never_corrected():
    assert correct_line("Nguyễn Lâm Đông")[0] == "Nguyễn Lâm Đông"  # a person's name
    assert correct_line("Lâm Đông")[0] == "Lâm Đông"  # a line that is only a name
    assert correct_line("các nhân viên thông báo")[0] == "các nhân viên thông báo"  # not "Viễn thông"
    assert correct_line("từ đó đến nay")[0] == "từ đó đến nay"
    assert correct_line("Lâm Đàng")[0] == "Lâm Đàng"  # a different letter: not a diacritic
    assert correct_line("Việt Nam 2025")[0] == "Việt Nam 2025"  # "năm" only between date digits
    assert correct_line("Thủ trưởng các cơ quan")[0] == "Thủ trưởng các cơ quan"  # not the position Thứ trưởng


def _scan(lines: list[list[tuple[str, int]]], signatures: list[dict] | None = None) -> RawDocument:
    """A one-page OCR'd document: each line a list of (word, confidence), boxes on a 30-pt grid."""
    record = []
    for i, words in enumerate(lines):
        top = 40.0 + 30 * i
        record.append([[w, c, 10.0 + 60 * k, top, 60.0 + 60 * k, top + 12] for k, (w, c) in enumerate(words)])
    blocks = [Block(text=" ".join(w for w, _ in words), kind="line", page=1, confidence=60.0) for words in lines]
    metadata = {"ocr_words": [{"page": 1, "lines": record}], "signatures": signatures or []}
    return RawDocument(blocks=blocks, format="pdf", pages=1, ocr=True, metadata=metadata)


HEADER = [
    [("CÔNG", 95), ("AN", 95), ("TỈNH", 95), ("LÂM", 93), ("ĐỒNG", 90)],
    [("CỘNG", 96), ("HÒA", 96), ("XÃ", 96), ("HỘI", 96), ("CHỦ", 96), ("NGHĨA", 96), ("VIỆT", 96), ("NAM", 96)],
    [("Độc", 95), ("lập", 95), ("-", 90), ("Tự", 95), ("do", 95), ("-", 90), ("Hạnh", 95), ("phúc", 95)],
]


def _doc(number_conf: int, date_words: list[tuple[str, int]], signatures: list[dict] | None = None):
    lines = HEADER + [
        [("Số:", 92), ("409/BCĐX-CAT", number_conf)],
        date_words,
        [("BÁO", 95), ("CÁO", 95)],
        [("Kết", 95), ("quả", 95), ("thực", 95), ("hiện", 95), ("nhiệm", 95), ("vụ", 95)],
    ]
    return parse_raw(_scan(lines, signatures))


DATE = [("Lâm", 95), ("Đồng,", 95), ("ngày", 95), ("06", 93), ("tháng", 95), ("01", 92), ("năm", 95), ("2026", 94)]


def test_confident_ocr_number_and_date_are_kept():
    doc = _doc(93, DATE)
    assert doc.number.text == "409/BCĐX-CAT" and doc.date == "2026-01-06"


def test_number_read_at_low_confidence_is_null_with_the_candidates():
    doc = _doc(41, DATE)
    assert doc.number is None
    warning = next(w for w in doc.warnings if w.code == "number_unreadable")
    assert "'409/BCĐX-CAT' (conf 41)" in warning.message and "Số: 409/BCĐX-CAT" in warning.message
    assert doc.date == "2026-01-06"


def test_date_digits_at_low_confidence_are_null():
    words = [*DATE[:3], ("06", 35), *DATE[4:]]
    doc = _doc(93, words)
    assert doc.date is None and doc.place == "Lâm Đồng"
    assert any(w.code == "date_unreadable" and "'06' (conf 35)" in w.message for w in doc.warnings)


def test_date_after_the_signature_stamp_is_null_and_the_stamp_only_a_hint():
    stamp = [{"signer": "Công an tỉnh Lâm Đồng", "time": "2026-01-02T09:12:00+07:00", "page": 1}]
    doc = _doc(93, DATE, stamp)
    assert doc.date is None
    warning = next(w for w in doc.warnings if w.code == "date_unreadable")
    assert "after the signature stamp's time (2026-01-02)" in warning.message
    assert "not taken as the date" in warning.message


def test_with_the_signing_date_on_a_date_after_the_stamp_is_the_stamp_s_day(monkeypatch):
    monkeypatch.setenv("VNADMIN_OCR_SIGNING_DATE", "on")  # tests/test_ocr_signing.py
    stamp = [{"signer": "Công an tỉnh Lâm Đồng", "time": "2026-01-02T09:12:00+07:00", "page": 1}]
    doc = _doc(93, DATE, stamp)
    assert doc.date == "2026-01-02"  # marked as such; never the read 01-06
    assert any(w.code == "date_from_signature" for w in doc.warnings)
    other = _doc(93, DATE, [{**stamp[0], "time": "2026-02-02T09:12:00+07:00"}])  # a month later: 01-06 stands
    assert other.date == "2026-01-06"
    late = _doc(93, [*DATE[:5], ("02", 92), *DATE[6:]], stamp)  # "tháng 02": the month disagrees, nothing taken
    assert late.date is None
    assert "not taken as the date" in next(w for w in late.warnings if w.code == "date_unreadable").message


def test_text_layer_documents_are_not_judged():
    raw = _scan(HEADER + [[("Số:", 92), ("409/BCĐX-CAT", 20)]])
    raw.ocr = False
    raw.metadata.pop("ocr_words")
    assert parse_raw(raw).number.text == "409/BCĐX-CAT"


def test_digits_taller_than_the_printed_ones_are_hand_filled():
    """qngai_ct44_2024: a hand-filled '11' that tesseract reads '44' at confidence 91, twice; its digits stand
    12.9 pt tall where the page's printed digits stand about 10."""
    raw = _scan(HEADER + [[("Số:", 97), ("44", 91), ("/CT-UBND", 92)], DATE, [("CHỈ", 96), ("THỊ", 97)]])
    for line in raw.metadata["ocr_words"][0]["lines"]:
        for word in line:
            if word[0].strip(",").isdigit():
                word[5] = word[3] + (12.9 if word[0] == "44" else 10.0)
    doc = parse_raw(raw)
    assert doc.number is None and doc.date == "2026-01-06"
    warning = next(w for w in doc.warnings if w.code == "number_unreadable")
    assert "written by hand" in warning.message and "'44' (conf 91)" in warning.message


def test_a_date_whose_day_ocr_did_not_read_is_null_not_partial():
    """qngai_ttr04_2025: the hand-filled day is not read ('ngày tháng 01 năm 2025'); a scan is of a signed copy,
    so the day was there: no partial date."""
    words = [("Quảng", 97), ("Ngãi,", 96), ("ngày", 71), ("tháng", 94), ("01", 85), ("năm", 96), ("2025", 96)]
    doc = _doc(93, words)
    assert doc.date is None and doc.place == "Quảng Ngãi"
    assert any(w.code == "date_unreadable" and "2025-01" in w.message for w in doc.warnings)


def test_symbol_type_code_gets_its_d_back_on_the_so_line_only():
    assert correct_line("Số: 2827 /QD-BGDĐT")[0] == "Số: 2827 /QĐ-BGDĐT"  # bgddt_qd2827_2025
    assert correct_line("Số: 12/HD-UBND")[0] == "Số: 12/HD-UBND"  # HD and HĐ are both type codes
    assert correct_line("Số: 5/UBND-ND")[0] == "Số: 5/UBND-ND"  # not the type code's place
    assert correct_line("theo QD-BGDĐT")[0] == "theo QD-BGDĐT"  # not a Số line
