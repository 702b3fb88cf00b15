"""Region OCR (:mod:`vnadmin_nlp.readers.ocr_regions`): skew by projection profile, the text-quality score that
decides between the page's reading and a region's, and the decision itself.

The decision tests use real OCR readings of corpus and devset scans (a few words quoted) with a stand-in for
tesseract, so they need neither tesseract nor the scans; the skew test renders a real page when the corpus is there.
"""
from __future__ import annotations

import pytest

from vnadmin_nlp.readers.ocr_regions import read_regions, skew_angle, text_score
from vnadmin_nlp.readers.ocr_result import OcrLine, OcrPage, OcrWord

from .conftest import SHARED

CORPUS = SHARED / "corpus"


def _page(lines: list[tuple[str, int]], width: int = 2400, height: int = 3300, conf: float = 80.0) -> OcrPage:
    """A page whose lines (text, top) are laid out left to right from x=100, one word per 100 px."""
    out = []
    for text, top in lines:
        words = [OcrWord(w, conf, (100 + 100 * k, top, 190 + 100 * k, top + 40)) for k, w in enumerate(text.split())]
        out.append(OcrLine(words, None))
    n = sum(len(line.words) for line in out)
    return OcrPage(out, width, height, 0.0, n, conf)


def _reader(text_lines: list[str], conf: float = 90.0):
    """A stand-in for tesseract that reads ``text_lines`` from any region image, with this word confidence."""
    def read(image, psm, factor):  # noqa: ANN001, ANN202
        return _page([(t, 10 + 60 * i) for i, t in enumerate(text_lines)], image.width, image.height, conf)
    return read


def _fine(box):  # noqa: ANN001, ANN202
    from PIL import Image

    return Image.new("L", (box[2] - box[0], box[3] - box[1]), 255), 1.0


def test_text_score_on_real_ocr_lines() -> None:
    # ld_001 page 1, the signer's column: the page reading mixed in the seal; read alone it is clean
    page = "JL, BỘ TRƯỞN G : CỤC TRƯỜNG GỤC BÒ TRỢ TƯ PHÁP ' Ị wv. Sen S27 wwwX.e.e".split()
    region = "TL. BỘ TRƯỞNG CỤC TRƯỞNG CỤC BÔ TRỢ TƯ PHÁP".split()
    assert text_score(region) > text_score(page)
    assert text_score([]) == 0.0 and text_score(["2025", "/"]) == 0.0


def test_clean_box_is_not_read_again() -> None:
    page = _page([("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 200), ("Độc lập - Tự do - Hạnh phúc", 260)])
    calls = []

    def read(image, psm, factor):  # noqa: ANN001, ANN202
        calls.append(psm)
        return _page([])

    (report,) = read_regions(page, [(0, 150, 2400, 320)], _fine, read, 300)
    assert report == {"box": [0, 150, 2400, 320], "score_page": 1.0, "text": "page", "why": "clean"}
    assert calls == []


def test_region_replaces_a_mixed_closing_column() -> None:
    # ld_001 page 1: the closing's right column as the page read it, and as the column reads alone
    page = _page([("JL, BỘ TRƯỞN G :", 2700), ("CỤC TRƯỜNG GỤC BÒ TRỢ TƯ PHÁP ' Ị wv. Sen S27 wwwX.e.e", 2760)])
    read = _reader(["TL. BỘ TRƯỞNG", "CỤC TRƯỞNG", "CỤC BÔ TRỢ TƯ PHÁP"])
    (report,) = read_regions(page, [(0, 2650, 2400, 2900)], _fine, read, 300)
    assert report["text"] == "region"
    assert [line.text for line in page.lines] == ["TL. BỘ TRƯỞNG", "CỤC TRƯỞNG", "CỤC BÔ TRỢ TƯ PHÁP"]
    assert page.words == 10


def test_region_less_confident_is_not_kept() -> None:
    page = _page([("JL, BỘ TRƯỞN G :", 2700), ("CỤC TRƯỜNG GỤC BÒ TRỢ TƯ PHÁP", 2760)], conf=85.0)
    read = _reader(["TL. BỘ TRƯỞNG", "CỤC TRƯỞNG", "CỤC BÔ TRỢ TƯ PHÁP"], conf=70.0)
    (report,) = read_regions(page, [(0, 2650, 2400, 2900)], _fine, read, 300)
    assert report["text"] == "page" and report["why"] == "less confident"
    assert [line.text for line in page.lines][0] == "JL, BỘ TRƯỞN G :"


def test_region_with_no_words_is_not_kept() -> None:
    page = _page([("Nơi nhận: 7 Như c..", 1800), ("- Bộ trưởng (đê bí/c);", 1860)])  # ld_001, its Nơi nhận
    (report,) = read_regions(page, [(0, 1750, 1200, 2000)], _fine, _reader([]), 300)
    assert report["text"] == "page" and report["why"] == "no words"


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus not found at {CORPUS}")
@pytest.mark.parametrize("angle", [-1.5, 0.0, 1.0])
def test_skew_measured_on_a_real_header(angle: float) -> None:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(CORPUS / "qngai_tb542_2024.pdf")
    try:
        image = pdf[0].render(scale=150 / 72).to_pil().convert("L")
    finally:
        pdf.close()
    header = image.crop((0, 0, image.width, image.height // 3))
    turned = header.rotate(angle, fillcolor=255) if angle else header
    assert skew_angle(turned) == pytest.approx(-angle, abs=0.3)
