"""Issue 12, session 21: page 1's header band read again from max(R, G, B) when its first reading holds no Quốc
hiệu (a red seal and a blue signature stroke over the issuer's block: scripts/scan_conditions.py ``seal``)."""
from __future__ import annotations

from PIL import Image, ImageDraw

from vnadmin_nlp.readers.ocr_band import band_bottom, brightest, has_national, reread_band
from vnadmin_nlp.readers.ocr_result import OcrLine, OcrPage, OcrWord

W, H = 1000, 1400


def _line(text: str, x: int, y: int, conf: float = 92.0) -> OcrLine:
    words, at = [], x
    for w in text.split():
        words.append(OcrWord(w, conf, (at, y, at + 14 * len(w), y + 30)))
        at += 14 * len(w) + 10
    return OcrLine(words)


def _page(*lines: OcrLine) -> OcrPage:
    return OcrPage(list(lines), W, H, 0.0)


def test_the_seal_inks_turn_light_and_the_print_stays_black() -> None:
    """The seal's red (205, 40, 45) and the stroke's blue (30, 50, 170) as scan_conditions lays them over print."""
    im = Image.new("RGB", (800, 400), "white")
    draw = ImageDraw.Draw(im)
    draw.ellipse((40, 40, 360, 360), outline=(205, 40, 45), width=6)  # the seal's ring
    draw.line((400, 100, 780, 140), fill=(30, 50, 170), width=5)  # the signature's stroke
    draw.rectangle((420, 300, 700, 306), fill=(10, 10, 10))  # a printed rule
    grey = brightest(im)
    assert grey.getpixel((200, 42)) >= 170 and grey.getpixel((590, 120)) >= 170
    assert grey.getpixel((560, 303)) <= 60


SEALED = _page(
    _line("Ã ,ff7 ::~ (ỦỶ BẠN", 80, 100, 30),  # the issuer's block under the seal, read as strokes
    _line("QUYẾT ĐỊNH", 420, 480),
    _line("Về việc phê duyệt danh sách thành viên", 250, 520),
)
READ_AGAIN = _page(
    _line("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 80, 100),
    _line("TỈNH LÂM ĐỒNG Độc lập - Tự do - Hạnh phúc", 80, 140),
    _line("Số: 12/QĐ-UBND Lâm Đồng, ngày 3 tháng 5 năm 2025", 80, 200),
)


def test_a_band_without_the_quoc_hieu_is_read_again_and_replaced() -> None:
    page = _page(*SEALED.lines)
    asked: list[tuple[int, int, int, int]] = []

    def colour(box: tuple[int, int, int, int]) -> Image.Image:
        asked.append(box)
        return Image.new("RGB", (box[2] - box[0], box[3] - box[1]), "white")

    report = reread_band(page, colour, lambda image: READ_AGAIN)
    assert report is not None and report["text"] == "band" and asked == [(0, 0, W, band_bottom(SEALED))]
    assert has_national(page, band_bottom(page))
    texts = [ln.text for ln in page.lines]
    assert texts[0].startswith("ỦY BAN NHÂN DÂN") and "Ã ,ff7 ::~ (ỦỶ BẠN" not in texts
    assert "QUYẾT ĐỊNH" in texts  # the lines under the band are the first reading's


def test_a_new_reading_without_it_either_changes_nothing() -> None:
    page = _page(*SEALED.lines)
    report = reread_band(page, lambda box: Image.new("RGB", (box[2], box[3]), "white"), lambda image: _page(_line("Ã ,ff7", 80, 100)))
    assert report is not None and report["text"] == "page" and [ln.text for ln in page.lines] == [ln.text for ln in SEALED.lines]


def test_a_band_with_the_quoc_hieu_is_not_read_again() -> None:
    page = _page(*READ_AGAIN.lines)

    def never(box: tuple[int, int, int, int]) -> Image.Image:
        raise AssertionError("no second reading when the Quốc hiệu was read")

    assert reread_band(page, never, lambda image: page) is None
