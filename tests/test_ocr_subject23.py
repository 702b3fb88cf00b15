"""Issue 12, session 23: a trích yếu word OCR read as no syllable (ld_072, Lâm Đồng dev: ``câp`` for ``cấp``) is no
doubt once the document's other readings mend it (``cấp`` read there, the word's own reading never) and a known
word pair confirms the mended word (``cấp xã``); mended into a word no pair confirms, it stays a doubt and the
trích yếu is left out, never given wrong."""
from __future__ import annotations

from vnadmin_nlp.pipeline import parse_raw
from vnadmin_nlp.readers.base import Block, RawDocument

Word = tuple[str, float, float, float, float]  # text, x0, top, x1, bottom


def _line(text: str, x: float, top: float) -> list[Word]:
    out = []
    for w in text.split():
        out.append((w, x, top, x + 7 * len(w), top + 14))
        x += 7 * len(w) + 5
    return out


HEAD = [
    _line("UBND TỈNH LÂM ĐỒNG", 80, 40), _line("SỞ TƯ PHÁP", 95, 56), _line("Số: 15/BC-STP", 80, 80),
    _line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 300, 40), _line("Độc lập - Tự do - Hạnh phúc", 330, 56),
    _line("Lâm Đồng, ngày 18 tháng 12 năm 2025", 320, 100), _line("BÁO CÁO", 270, 155),
]
BODY = [
    _line("Thực hiện Kế hoạch số 12/KH-UBND ngày 01/12/2025 của UBND tỉnh về đánh giá cấp xã", 100, 262),
    _line("Sở Tư pháp báo cáo kết quả phân loại địa bàn cấp xã như sau:", 100, 280),
    _line("1. Các địa bàn cấp xã không ma túy được công nhận.", 100, 298),
]


def _scan(subject: str) -> RawDocument:
    lines = HEAD + [_line(subject, 76, 175)] + BODY
    record = [[[t, 95, x0, y0, x1, y1] for t, x0, y0, x1, y1 in ln] for ln in lines]
    blocks = [Block(text=" ".join(w[0] for w in ln), kind="line", page=1, confidence=95.0) for ln in lines]
    return RawDocument(blocks=blocks, format="pdf", pages=1, ocr=True, metadata={"ocr_words": [{"page": 1, "lines": record}]})


def test_a_no_syllable_word_the_document_mends_into_a_known_pair_is_no_doubt() -> None:
    doc = parse_raw(_scan("Về việc đánh giá, phân loại địa bàn câp xã không ma túy"))  # ld_072 as tesseract read it
    assert doc.subject == "Về việc đánh giá, phân loại địa bàn cấp xã không ma túy"


def test_read_right_it_is_taken_as_before() -> None:
    doc = parse_raw(_scan("Về việc đánh giá, phân loại địa bàn cấp xã không ma túy"))
    assert doc.subject == "Về việc đánh giá, phân loại địa bàn cấp xã không ma túy"


def test_a_no_syllable_word_the_document_does_not_mend_stays_a_doubt() -> None:
    doc = parse_raw(_scan("Về việc đánh giá, phân loại địa bàn xâp xã không ma túy"))  # no other reading of it
    assert doc.subject is None
